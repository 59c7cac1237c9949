"""Certifications and standard adoption, one construction per test, on sentences written for these
tests (invented companies, never copied from a release): what graph/relations/certifications.py
and graph/relations/adoption.py must find, with which status, and what they must leave alone."""

from pathlib import Path

import pytest

from esgkg.graph.extract import extract
from esgkg.graph.read import Release


def facts_of(text: str, kind: str) -> list[dict]:
    _, facts = extract(Release("test-release", Path("test-release.txt"), text, "text"))
    return [f.to_record() for f in facts if f.kind == kind]


def certified(text: str) -> set[tuple[str, str, str]]:
    return {(r["subject"], r["object"], r["status"]) for r in facts_of(text, "certification")}


def adopted(text: str) -> set[tuple[str, str]]:
    return {(r["subject"], r["object"]) for r in facts_of(text, "standard_adoption")}


def test_a_sentence_opening_the_certification_names_no_standard():
    text = (
        "Holvia Glass Ltd. has achieved certification to the ISO 14001 standard. "
        "The certification process has taken four years."
    )
    assert certified(text) == {("Holvia Glass Ltd.", "ISO 14001", "held")}


def test_building_ratings_keep_their_level_apart():
    text = (
        "Marlow Estates Ltd. said the Corvale Tower earned LEED Gold, while the Brenner Annex earned LEED Platinum. "
        "LEED (Leadership in Energy and Environmental Design) is a rating system."
    )
    objects = {obj for _, obj, _ in certified(text)}
    assert objects == {"LEED Gold", "LEED Platinum"}


def test_re_certification_is_renewed():
    text = "Tamsin Foods Ltd. said its Brixton plant received re-certification in June for ISO 14001 and ISO 9001."
    assert {status for _, _, status in certified(text)} == {"renewed"}
    assert {obj for _, obj, _ in certified(text)} == {"ISO 14001", "ISO 9001"}


def test_continued_certification_is_renewed():
    text = "Tamsin Foods Ltd. has successfully continued its certification under ISO 9001:2015 and ISO 14001:2015."
    assert certified(text) == {
        ("Tamsin Foods Ltd.", "ISO 9001:2015", "renewed"),
        ("Tamsin Foods Ltd.", "ISO 14001:2015", "renewed"),
    }


def test_bare_codes_listed_after_a_coded_standard_are_of_its_family():
    text = "Tamsin Foods Ltd. holds ISO 9001, 14001 and 45001 certifications."
    assert {obj for _, obj, _ in certified(text)} == {"ISO 9001", "ISO 14001", "ISO 45001"}


def test_a_count_after_a_standard_is_no_code():
    text = "Tamsin Foods Ltd. is certified to ISO 9001 and 2000 workers were trained."
    assert {obj for _, obj, _ in certified(text)} == {"ISO 9001"}


def test_a_suppliers_certification_is_not_the_companys():
    assert certified("Tamsin Foods Ltd. said its suppliers are certified to SA8000.") == set()


def test_a_certification_only_hoped_for_states_nothing():
    assert certified("Tamsin Foods Ltd. hopes to achieve B Corp certification one day.") == set()


def test_a_reports_title_as_subject_speaks_for_the_company():
    text = (
        "Tamsin Foods Ltd. published its 2023 Sustainability Report. "
        "The Sustainability Report was prepared in accordance with the GRI Standards."
    )
    assert adopted(text) == {("Tamsin Foods Ltd.", "GRI Standards")}


def test_the_certifying_bodys_standards_are_not_an_adopted_framework():
    text = (
        "Tamsin Cement Ltd. has earned ISO 14001 certification for all of its plants. "
        "Certified third-party auditors verify compliance with the ISO standards every year."
    )
    assert adopted(text) == set()
    assert certified(text) == {("Tamsin Cement Ltd.", "ISO 14001", "held")}


def test_a_rating_level_written_in_capitals_before_certification_is_the_rating():
    text = "Marlow Estates Ltd.'s Denver office achieved LEED Gold Certification under LEED v4."
    assert certified(text) == {("Marlow Estates Ltd.'s Denver office", "LEED Gold", "held")}


def test_a_rating_with_its_level_needs_no_certification_word():
    text = "Marlow Estates Ltd. said its Singapore office achieved Green Mark Platinum."
    assert {obj for _, obj, _ in certified(text)} == {"Green Mark Platinum"}
    assert {obj for _, obj, _ in certified("Marlow Estates Ltd. has received a BREEAM Outstanding rating.")} == {
        "BREEAM Outstanding"
    }


def test_a_joined_code_and_accreditation_as_a_certified_company():
    assert certified("Holvia Plastics Ltd. renewed its accreditation as a QS9000 company.") == {
        ("Holvia Plastics Ltd.", "QS9000", "renewed")
    }


def test_fair_trade_in_lower_case_is_the_fairtrade_standard():
    text = "Andean Beans Ltd. is a coffee co-op. They became fair trade certified in 2002."
    assert {(subject, status) for subject, _, status in certified(text)} == {("Andean Beans Ltd.", "held")}


def test_a_hyphenated_certified_after_a_rating():
    text = "Marlow Ltd. said its Denver headquarters is a LEED Gold-certified building."
    assert certified(text) == {("Marlow Ltd.'s Denver headquarters", "LEED Gold", "held")}


def test_seeking_a_certification_is_in_progress():
    assert certified("Marlow Ltd. is seeking ISO 50001 certification for its plant.") == {
        ("Marlow Ltd.", "ISO 50001", "in_progress")
    }


def test_the_rating_system_again_for_the_same_holder_is_no_second_certification():
    text = (
        "Ardmore Clinic Ltd. has been awarded LEED Gold certification. "
        "Ardmore Clinic Ltd. achieved LEED certification for energy use and lighting."
    )
    assert certified(text) == {("Ardmore Clinic Ltd.", "LEED Gold", "held")}


def test_certify_to_an_initiatives_scheme_and_a_coordinated_one():
    text = (
        "Kelantan Palm Bhd planned to certify its mills to RSPO and the Malaysian Sustainable Palm Oil (MSPO) "
        "by 2025."
    )
    assert certified(text) == {
        ("Kelantan Palm Bhd", "RSPO", "planned"),
        ("Kelantan Palm Bhd", "Malaysian Sustainable Palm Oil", "planned"),
    }


def test_a_standard_certified_earlier_in_the_release_is_not_also_adopted():
    text = (
        "Tamsin Foods Ltd. has been awarded ISO 45001:2018. "
        "The standard complements ISO 14001, and our plants follow ISO 45001:2018 in daily work."
    )
    assert adopted(text) == set()


def test_a_report_prepared_using_a_named_standard():
    assert adopted("Brenna Bank plc's report was prepared using the GRI Standards: Core option.") == {
        ("Brenna Bank plc", "GRI Standards")
    }


def test_using_a_body_applies_no_framework():
    assert adopted("Brenna Bank plc uses Bureau Veritas to verify its data.") == set()


def test_a_framework_only_to_be_applied_is_no_adoption_yet():
    assert adopted("Brenna Bank plc will report in line with IFRS S2 from 2025.") == set()
    assert adopted("Brenna Bank plc plans to adopt the TCFD framework.") == set()


def test_frameworks_listed_after_in_accordance_with():
    text = "Brenna Bank plc discloses in accordance with GRI, SASB and TCFD."
    assert {obj for _, obj in adopted(text)} == {"GRI", "SASB", "TCFD"}


def test_becoming_a_certified_b_corporation():
    assert certified("Pellow Coffee Ltd. became a Certified B Corporation in 2021.") == {
        ("Pellow Coffee Ltd.", "Certified B Corporation", "held")
    }
    assert {status for _, _, status in certified("Pellow Coffee Ltd. is now a certified B Corp.")} == {"held"}


def test_a_hyphenated_initiative_scheme_is_certified():
    assert {obj for _, obj, _ in certified("Pellow Coffee Ltd. said its mills are RSPO-certified.")} == {"RSPO"}


def test_a_recertification_audit_passed_is_renewed():
    assert certified("Pellow Coffee Ltd. successfully passed the ISO 45001 recertification audit.") == {
        ("Pellow Coffee Ltd.", "ISO 45001", "renewed")
    }


def test_the_final_stages_of_a_certification_are_in_progress():
    assert certified("Pellow Coffee Ltd. is in the final stages of ISO 50001 certification.") == {
        ("Pellow Coffee Ltd.", "ISO 50001", "in_progress")
    }


def test_certified_farms_name_no_standard():
    assert certified("Pellow Coffee Ltd. buys from certified farms and certified suppliers.") == set()


def test_the_certifier_as_subject_certifies_the_companys_plant():
    text = "Pellow Foods Ltd. opened a plant. Bureau Veritas certified the plant to ISO 14001 in March."
    assert certified(text) == {("Pellow Foods Ltd.", "ISO 14001", "held")}


def test_a_body_accredited_to_certify_others_holds_nothing():
    text = "Pellow Foods Ltd. opened a plant. Bureau Veritas is accredited to certify companies against ISO 45001."
    assert certified(text) == set()


def test_any_company_as_holder_states_nothing():
    assert certified("Pellow Foods Ltd. opened a plant. More than 300 companies in Chile hold ISO 14001 certification.") == set()
    text = "Pellow Foods Ltd. opened a plant. To obtain ISO 45001 certification, a company must pass a two-stage audit."
    assert certified(text) == set()


def test_a_standards_long_title_after_its_code_is_the_same_standard():
    text = "Yuan Tech Ltd. was certified against the ISO 50001:2011 Energy Management Systems Standard."
    assert certified(text) == {("Yuan Tech Ltd.", "ISO 50001:2011", "held")}


def test_any_company_reporting_by_a_framework_is_no_adoption():
    text = "Brenna Bank plc published results. Companies that report in accordance with the GRI Standards disclose more."
    assert adopted(text) == set()


def test_a_certification_held_then_renewed_is_two_facts():
    text = (
        "Cooper Mills Ltd. said its plant earned ISO 14001 certification in 2006. "
        "The plant received re-certification in March for ISO 14001."
    )
    assert {status for _, obj, status in certified(text) if obj == "ISO 14001"} == {"held", "renewed"}


def test_a_renewal_verb_does_not_carry_over_to_a_coordinated_verb():
    text = "Pellow Coffee Ltd. renewed its ISO 14001 certification and obtained ISO 45001 certification."
    assert certified(text) == {
        ("Pellow Coffee Ltd.", "ISO 14001", "renewed"),
        ("Pellow Coffee Ltd.", "ISO 45001", "held"),
    }


def test_a_scheme_of_an_initiative_certified_to_is_stored_as_a_standard(tmp_path):
    from esgkg.graph.pipeline import ingest_paths
    from esgkg.graph.store import GraphStore

    release = tmp_path / "palm-release.txt"
    release.write_text(
        "Serindu Plantations Bhd joined the Roundtable on Sustainable Palm Oil in 2015. Serindu Plantations Bhd "
        "plans to certify all its mills to RSPO and the Malaysian Sustainable Palm Oil (MSPO) scheme by 2025.\n",
        encoding="utf-8",
    )
    summary = ingest_paths([release], GraphStore(tmp_path / "store"), workers=1)
    assert not summary.errors  # a certification's object is a standard, whatever else the name is
    assert ("Serindu Plantations Bhd", "planned") in {(s, st) for s, _, st in certified(release.read_text())}


def test_a_recertified_building_renews_and_the_first_to_be_certified_holds():
    text = (
        "Norvale Insurance said today its buildings won awards.\n"
        "The Norvale building in Leeds, located at 12 Park Row, was recertified LEED Platinum, the highest level.\n"
        "Last March, the Norvale building in Malta became the first on the island to be certified LEED Gold.\n"
    )
    assert certified(text) == {
        ("Norvale Insurance building in Leeds", "LEED Platinum", "renewed"),
        ("Norvale Insurance building in Malta", "LEED Gold", "held"),
    }


def test_what_a_certification_takes_is_no_claim_and_a_street_address_no_seat():
    text = (
        "Chubb Halvor today said its offices scored well.\n"
        "To achieve LEED Platinum certification, buildings must attain a score of 80 or more.\n"
        "The company's twin office buildings, located at 202 Halvor Mill Road, achieved LEED Gold.\n"
    )
    assert certified(text) == {("Chubb Halvor", "LEED Gold", "held")}
    assert facts_of(text, "located_in") == []


def test_mills_listed_a_line_each_after_a_colon_hold_the_certification():
    text = (
        "Zephyr Council certifies mills\n\n"
        "The following textile mills have achieved OEKO-TEX STeP certification:\n"
        "- Halvor Mills\n- Brightwell Textiles\n"
    )
    assert {(s, status) for s, _, status in certified(text)} == {("Halvor Mills", "held"), ("Brightwell Textiles", "held")}


def test_recertified_as_a_title_renews_it():
    assert certified("Halvor Foods has been recertified as a Great Place to Work for the fifth year.") == {
        ("Halvor Foods", "Great Place to Work", "renewed")
    }


def test_a_standard_applied_to_do_something_and_one_reported_against_are_adopted():
    text = (
        "Halvor Foods Ltd. published its report.\nThe company applies the GHG Protocol to calculate its emissions. "
        "Halvor Foods reports against the GRI Standards."
    )
    assert adopted(text) == {("Halvor Foods Ltd.", "GHG Protocol"), ("Halvor Foods Ltd.", "GRI Standards")}


def test_a_brands_mark_inside_a_rated_certification_and_a_territory_as_the_site():
    text = (
        "Chubb Halvor today said its offices scored well.\nLast December, the Chubb Halvor building in Bermuda "
        "became the first on the island to be certified LEED® Platinum."
    )
    assert certified(text) == {("Chubb Halvor building in Bermuda", "LEED Platinum", "held")}


def test_a_standard_certified_later_in_the_release_is_no_adoption():
    text = (
        "Halvor Bank has been awarded an environmental certificate by Normex. This confirms that the bank "
        "meets the requirements of the ISO 14001:2015 standard. The new ISO 14001:2015 certification adds to "
        "those the bank already holds."
    )
    _, facts = extract(Release("test-release", Path("test-release.txt"), text, "text"))
    kinds = {(f.kind, f.object) for f in facts}
    assert ("certification", "ISO 14001:2015") in kinds
    assert not [f for f in facts if f.kind == "standard_adoption"]


def test_a_certificate_noun_after_lower_case_words_of_a_named_scheme_names_it():
    for sentence, scheme in [
        ("The Halvor Lodge has been awarded the Blue Leaf eco-label for the third year.", "Blue Leaf eco-label"),
        ("Halvor Foods has been granted the Roundtable on Sustainable Palm Oil (RSPO) supply chain certification.",
         "Roundtable on Sustainable Palm Oil (RSPO) supply chain certification"),
    ]:
        _, facts = extract(Release("test-release", Path("test-release.txt"), sentence, "text"))
        assert [(f.object, f.qualifiers.get("status")) for f in facts if f.kind == "certification"] == [(scheme, "held")]
    _, facts = extract(Release("test-release", Path("test-release.txt"),
                               "Halvor Telecom received the Trophy and Certificate. Halvor Telecom is proudly certified.", "text"))
    assert not [f for f in facts if f.kind == "certification"]


def test_a_lower_case_level_after_a_standard_and_a_source_quoted_is_no_object():
    text = (
        "Halvor Textiles Ltd makes denim. The Lumen Building Council issued the LEED platinum certification to "
        "Halvor Textiles on 21 February, according to the Garment Makers Association (GMA)."
    )
    _, facts = extract(Release("test-release", Path("test-release.txt"), text, "text"))
    assert "LEED platinum" in {f.object for f in facts if f.kind == "certification"}
    assert not [f for f in facts if f.object == "Garment Makers Association"]



def test_an_acronym_of_lower_case_words_names_that_thing_not_a_company():
    text = (
        "We operate an integrated global management system (GMS) across our offices. Since 2015, we "
        "have been certified to ISO 14001."
    )
    _, facts = extract(Release("t", Path("t.txt"), text, "text"))
    assert not [f for f in facts if f.to_record()["subject"] == "GMS"]


@pytest.mark.parametrize("sentence, sites", [
    ("Its Tarkwa, Damang and Obuasi mines were certified to ISO 14001.", {"Tarkwa mine", "Damang mine", "Obuasi mine"}),
    ("The Bracknell and East Cowes stores achieved ISO 50001 certification.", {"Bracknell store", "East Cowes store"}),
])
def test_coordinated_names_before_a_plural_site_noun_are_sites_each_certified(sentence, sites):
    records = facts_of("Halvor Mining plc is a miner. " + sentence, "certification")
    assert {r["subject"] for r in records} == sites


def test_awaiting_verification_of_a_certification_is_in_progress():
    records = facts_of(
        "Halvor Air is awaiting final verification of its application for ISO 14001 certification.", "certification"
    )
    assert [(r["object"], r["status"]) for r in records] == [("ISO 14001", "in_progress")]


def test_a_place_right_before_certified_says_where_not_which_certification():
    text = (
        "Sandaya SAS announced news today. The first campsites in Spain certified with Green Key are Gran Camping "
        "Zarautz and Camping Bella Vista."
    )
    assert all("Spain" not in standard for _, standard, _ in certified(text))


def test_a_body_that_possesses_the_scheme_runs_it_and_holds_no_certificate():
    text = (
        "Boeing's Houston site achieved LEED Gold. The U.S. Green Building Council's LEED certification system is "
        "the foremost program for green buildings."
    )
    assert {subject for subject, _, _ in certified(text)} == {"Boeing's Houston site"}


def test_a_county_after_a_site_and_a_floor_area_before_its_name_hold_nothing():
    text = (
        "Korvel's 40,000 m2 K.Park Green Field in Ashby Valley, Derbyshire is the first building to achieve a "
        "BREEAM Outstanding rating."
    )
    holders = {r["subject"] for r in facts_of(text, "certification")}
    assert "Derbyshire" not in holders and not any(h.startswith("m2") for h in holders)


@pytest.mark.parametrize(
    "text, status",
    [
        ("Designed to meet LEED Gold certification and help cut emissions, Korvel Bank considered the building envelope.", "planned"),
        ("Korvel Palm said an additional 7,500 hectares of its land is on track for RSPO certification in 2017.", "in_progress"),
    ],
)
def test_a_building_designed_to_meet_a_rating_plans_it_and_land_on_track_is_in_progress(text, status):
    assert {r["status"] for r in facts_of(text, "certification")} == {status}


def test_a_speakers_name_before_a_comma_and_group_ceo_holds_nothing():
    text = (
        "Korvel Airlines has been certified to ISO 14001:2015. Regarding the certificate, Mr. Abel Tessema, Group "
        "CEO of Korvel Airlines remarked: We are very honored by the certification."
    )
    assert {r["subject"] for r in facts_of(text, "certification")} == {"Korvel Airlines"}


def test_each_standard_listed_before_certified_is_held():
    assert certified("Halvor Distilleries Ltd is already ISO 9001:2015, ISO 14001 and FSSC 22000 certified.") == {
        ("Halvor Distilleries Ltd", "ISO 9001:2015", "held"),
        ("Halvor Distilleries Ltd", "ISO 14001", "held"),
        ("Halvor Distilleries Ltd", "FSSC 22000", "held"),
    }


def test_a_body_named_before_a_predicated_certified_is_the_scheme_and_a_certifier_with_an_object_is_none():
    assert certified("Now, Halvor Coffee Cooperative is TransFair USA certified.") == {
        ("Halvor Coffee Cooperative", "TransFair USA", "held")
    }
    assert certified("Halvor Foods announced that Bureau Veritas certified its plant.") == set()


def test_a_certification_awarded_to_a_company_is_held_by_it():
    assert certified("The Great Place to Work certification was awarded to Halvor Foods.") == {
        ("Halvor Foods", "Great Place to Work certification", "held")
    }


def test_focusing_on_achieving_a_certification_plans_it_though_the_work_continues():
    text = "Korvel Distilleries said it will continue by focusing on achieving Rainforest Alliance certification by year-end."
    assert {st for _s, _o, st in certified(text)} == {"planned"}


def test_the_giver_of_an_active_giving_verb_holds_nothing_its_recipient_does():
    for text in (
        "The Green Building Council has awarded LEED certifications to four of Korvel Insurance’s offices.",
        "The Green Building Council has awarded Korvel Insurance a LEED Gold certification.",
    ):
        assert {f["subject"] for f in facts_of(text, "certification")} == {"Korvel Insurance"}


def test_a_certification_mark_the_gazetteer_knows_and_a_stage_number_that_is_no_figure():
    text = (
        "Halvor Copper has received the international Copper Mark. Korvel Air has become the first airline to "
        "achieve the IEnvA Stage 2 certificate."
    )
    assert {(f["subject"], f["object"]) for f in facts_of(text, "certification")} == {
        ("Halvor Copper", "Copper Mark"),
        ("Korvel Air", "IEnvA"),
    }
    assert facts_of(text, "metric") == []


def test_a_common_noun_naming_the_kind_of_site_stays_in_its_name():
    text = "Corlane Networks reported results. In addition, its data centre in Bergen earned LEED Gold certification."
    assert certified(text) == {("Corlane Networks's data centre in Bergen", "LEED Gold", "held")}
