"""index_inclusion and membership constructions, one invented release each (never copied from a
real release): what graph/relations/indices.py and memberships.py must find, and leave alone."""

from pathlib import Path

import pytest

from esgkg.graph.extract import extract
from esgkg.graph.read import Release


def facts_of(text: str, kind: str, doc_id: str = "test-release") -> list[dict]:
    _, facts = extract(Release(doc_id, Path(doc_id + ".txt"), text, "text"))
    return [f.to_record() for f in facts if f.kind == kind]


def triples(records: list[dict], qualifier: str | None = None) -> set[tuple]:
    return {(r["subject"], r["object"]) + ((r.get(qualifier),) if qualifier else ()) for r in records}


# --- ratings and ranks ---------------------------------------------------------------------------


def test_a_quoted_grade_from_a_rater_is_the_raters_rating_and_first_time_is_no_rank():
    text = 'Korvel Industries Ltd. has received an ESG Rating of "AA" from MSCI for the first time.'
    assert triples(facts_of(text, "index_inclusion"), "rank") == {("Korvel Industries Ltd.", "MSCI", "AA")}


def test_triple_a_is_aaa():
    text = "Brontide Holdings was upgraded this month to a triple-A rating in the MSCI ESG Ratings."
    assert triples(facts_of(text, "index_inclusion"), "rank") == {("Brontide Holdings", "MSCI ESG Ratings", "AAA")}


def test_listed_second_is_a_rank_given_as_its_number():
    text = "Calloway Bank was listed second among the constituents of the Hang Seng Corporate Sustainability Index."
    (record,) = facts_of(text, "index_inclusion")
    assert record["rank"] == "2"  # a place in a ranking is its number


def test_each_of_two_indices_keeps_the_place_written_before_it():
    text = (
        "Calloway Power Group Co., Ltd. ranked second in the Ruritania SOE ESG Social Value Index and 14th in "
        "the Ruritania SOE ESG Pioneers Index."
    )
    assert {(r["object"], r["rank"]) for r in facts_of(text, "index_inclusion")} == {
        ("Ruritania SOE ESG Social Value Index", "2"),
        ("Ruritania SOE ESG Pioneers Index", "14"),
    }


def test_two_indices_joined_by_and_in_one_capitalised_run_are_two_inclusions():
    text = (
        "For the first time, Halvard Power is included as a constituent in both the Verdant ESG 40 Index "
        "and Coral Sea Sustainability Benchmark Index."
    )
    assert {r["object"] for r in facts_of(text, "index_inclusion")} == {
        "Verdant ESG 40 Index",
        "Coral Sea Sustainability Benchmark Index",
    }


# --- who the inclusion or membership is about ----------------------------------------------------


def test_a_counted_group_is_not_the_release_company():
    text = (
        "Marlow Foods plc today reported its results. Over 100 companies have joined the Climate Pledge. "
        "This year 33 companies will join the DJSI World, while only the top 20% of the 600 largest "
        "companies were selected for the DJSI Asia Pacific."
    )
    assert facts_of(text, "membership") == []
    assert facts_of(text, "index_inclusion") == []


def test_a_counted_group_that_names_its_members_keeps_them():
    text = "Three Ohio-based companies — Tressel Energy, Banfield Mutual and Corwin Labs — made the Bloomberg GEI."
    assert {r["subject"] for r in facts_of(text, "index_inclusion")} >= {"Tressel Energy"}


def test_names_that_describe_the_body_joined_are_no_bodies_of_their_own():
    text = (
        "In 2019, Nortane Logistics joined RE100, the global initiative on renewable power led by the "
        "Climate Group in partnership with CDP."
    )
    assert triples(facts_of(text, "membership"), "since") == {("Nortane Logistics", "RE100", 2019)}
    assert facts_of(text, "index_inclusion") == []


def test_an_abbreviation_in_brackets_is_the_rater_not_a_description():
    text = (
        "Pellworth Group has been upgraded to a triple-A rating in the Morgan Stanley Capital "
        "International (MSCI) ESG ranking."
    )
    assert [r["rank"] for r in facts_of(text, "index_inclusion")] == ["AAA"]


# --- lists of members and constituents -----------------------------------------------------------


def test_companies_listed_after_a_colon_are_the_new_signatories():
    text = (
        "Twelve new signatories have joined The Climate Pledge: Arvona, Belcourt Foods, Cresswell plc, "
        "and Dunmore Energy."
    )
    assert {r["subject"] for r in facts_of(text, "membership")} == {
        "Arvona",
        "Belcourt Foods",
        "Cresswell plc",
        "Dunmore Energy",
    }
    assert {r["object"] for r in facts_of(text, "membership")} == {"Climate Pledge"}


def test_an_inverted_inclusion_lists_its_constituents_and_the_dated_index_refers_back():
    text = (
        "Zanta Corp. joined the Bloomberg Gender-Equality Index in 2018. "
        "Included in the 2018 Index are Arvona, Belcourt Foods and Cresswell plc."
    )
    assert triples(facts_of(text, "index_inclusion"), "year") == {
        (company, "Bloomberg Gender-Equality Index", 2018)
        for company in ("Zanta Corp.", "Arvona", "Belcourt Foods", "Cresswell plc")
    }


def test_indices_a_relative_clause_names_after_a_plural_noun_each_hold_the_company():
    text = (
        "Brenwick Holdings has been named to all the ESG indices chosen by the Norvald Pension Board, which are "
        "the FTSE Blossom Japan Index, MSCI Japan Empowering Women Index (WIN), and S&P/JPX Carbon Efficient Index."
    )
    assert {r["object"] for r in facts_of(text, "index_inclusion")} == {
        "FTSE Blossom Japan Index",
        "MSCI Japan Empowering Women Index",
        "S&P/JPX Carbon Efficient Index",
    }


def test_names_the_gazetteer_does_not_know_listed_after_plural_indices_are_indices():
    text = (
        "Brenwick Holdings is included in the most important sustainability indices including Norvex-Esg, "
        "Caldor Green (CG), Halvern Low Carbon and Ostra 40."
    )
    assert {r["object"] for r in facts_of(text, "index_inclusion")} == {
        "Norvex-Esg",
        "Caldor Green",
        "Halvern Low Carbon",
        "Ostra 40",
    }


def test_additions_to_an_index_are_included_and_deletions_are_not():
    text = (
        "The largest additions to the DJSI World include Arvona Inc., Belcourt Foods and Cresswell plc, "
        "while the biggest deletions from this index are Dunmore Energy and Elkfield Bank."
    )
    assert {r["subject"] for r in facts_of(text, "index_inclusion")} == {"Arvona Inc.", "Belcourt Foods", "Cresswell plc"}


# --- memberships ---------------------------------------------------------------------------------


def test_the_first_of_its_kind_to_join_is_the_copulas_subject_with_the_bracketed_year():
    text = (
        "Brenmoor Exchange was the world's first Stock Exchange to become a signatory to the UN Global "
        "Compact (2004), and the first Stock Exchange in Asia to join the Equal Pay Principles (2017)."
    )
    assert triples(facts_of(text, "membership"), "since") == {
        ("Brenmoor Exchange", "UN Global Compact", 2004),
        ("Brenmoor Exchange", "Equal Pay Principles", 2017),
    }


def test_a_body_granting_membership_admits_the_recipient():
    text = (
        "Calder Plantations Ltd. announced today that the Roundtable on Sustainable Palm Oil (RSPO) "
        "granted membership to Calder Plantations Ltd. in 2020."
    )
    assert triples(facts_of(text, "membership"), "since") == {
        ("Calder Plantations Ltd.", "Roundtable on Sustainable Palm Oil", 2020)
    }


def test_a_body_subscribed_to_by_a_company():
    text = (
        "The rating methodology draws on international frameworks (the UN Global Compact, also "
        "subscribed to by Fenwick Tiles Ltd., and ISO 26000)."
    )
    assert triples(facts_of(text, "membership")) == {("Fenwick Tiles Ltd.", "UN Global Compact")}


def test_its_signing_of_a_mandate_is_a_membership():
    text = "Vantor AG has also announced its signing of the UN Global Compact CEO Water Mandate in 2009."
    assert triples(facts_of(text, "membership"), "since") == {
        ("Vantor AG", "UN Global Compact CEO Water Mandate", 2009)
    }


def test_a_name_ner_mistyped_in_a_list_of_mostly_companies_is_a_company():
    from esgkg.graph.entities import Mention, MentionTyper
    from esgkg.graph.nlp import parse

    (doc,) = parse(["Brabant Foods, Vandermeer, Kessler, Hollis and Zwolle Tech are listed on the CDP Climate A List."])
    spans = {"Brabant Foods": "company", "Vandermeer": "company", "Kessler": "place", "Hollis": "person"}
    spans["Zwolle Tech"] = "company"
    mentions = []
    for name, kind in spans.items():
        start = next(t.i for t in doc if doc[t.i : t.i + len(name.split())].text == name)
        mentions.append(Mention(doc[start : start + len(name.split())], kind, name))
    typed = {m.label: m.type for m in MentionTyper._list_typed(mentions)}
    assert (typed["Kessler"], typed["Hollis"]) == ("company", "company")


def test_an_index_series_that_includes_indices_includes_no_company():
    text = (
        "Lindqvist Bank was added to the Hang Seng Corporate Sustainability Index. It includes three "
        "indexes, namely the Hang Seng Corporate Sustainability Index and the Hang Seng ESG 50 Index."
    )
    assert {r["object"] for r in facts_of(text, "index_inclusion")} == {"Hang Seng Corporate Sustainability Index"}


def test_a_plural_heading_of_inclusions_is_about_no_one():
    text = "Ardent Mutual was named to the FTSE4Good Index last year. Other notable DJSI inclusions:"
    assert {r["object"] for r in facts_of(text, "index_inclusion")} == {"FTSE4Good Index"}


def test_elected_the_most_sustainable_by_a_ranking_is_the_top_rank():
    text = "For the third time, Banco Verde was elected the most sustainable bank in the world by the ranking Global 100."
    (record,) = facts_of(text, "index_inclusion")
    assert (record["subject"], record["object"], record["rank"]) == ("Banco Verde", "Global 100", "top")


def test_the_dow_jones_global_sustainability_index_is_djsi_world():
    text = "Grupo Tierra has been included in the Dow Jones Global Sustainability Index for 13 consecutive years."
    (record,) = facts_of(text, "index_inclusion")
    assert record["consecutive_years"] == 13


def test_a_name_after_a_body_noun_is_that_body_even_if_ner_made_it_a_person():
    text = "Orvane Systems joined the Chilean business council Pacto Verde in 2015."
    assert triples(facts_of(text, "membership"), "since") == {("Orvane Systems", "Pacto Verde", 2015)}


def test_its_adhesion_to_the_global_compact_is_a_membership():
    text = "Orvane Systems formalized its adhesion to the UN Global Compact in 2018."
    assert triples(facts_of(text, "membership"), "since") == {("Orvane Systems", "UN Global Compact", 2018)}


def test_no_membership_in_a_deal_with_a_person_nor_when_negated_or_planned():
    for text in (
        "Orvane Systems signed an agreement with Maria Lopez.",
        "Orvane Systems is not a member of the RSPO.",
        "Orvane Systems plans to join the Science Based Targets initiative in 2025.",
    ):
        assert facts_of(text, "membership") == [], text


def test_no_inclusion_when_removed_hoped_for_or_stated_of_the_rater():
    for text in (
        "Orvane Systems was removed from the FTSE4Good Index in June.",
        "Orvane Systems hopes to be included in the DJSI World next year.",
        "Orvane Systems reported its results. MSCI rates more than 8,500 companies on their ESG practices.",
    ):
        assert facts_of(text, "index_inclusion") == [], text


def test_a_bare_passive_inclusion_refers_to_the_index_just_named():
    text = (
        "This year 41 companies will be added to the Dow Jones Sustainability Indexes. "
        "Vestra AG will be listed for the first time."
    )
    assert triples(facts_of(text, "index_inclusion")) == {("Vestra AG", "Dow Jones Sustainability Indexes")}


def test_a_listing_on_an_exchange_is_no_index_inclusion():
    text = "The Verdant ESG Index was launched in May. Vestra AG was listed on the stock exchange in 2010."
    assert facts_of(text, "index_inclusion") == []


def test_among_the_founding_signatories_of_the_initiative_just_named():
    text = (
        "More than 130 banks have signed the Principles for Responsible Banking. "
        "Swiss bank Halden Sarasin was among the founding signatories."
    )
    assert triples(facts_of(text, "membership")) == {("Halden Sarasin", "Principles for Responsible Banking")}


def test_the_grade_wins_over_highest_and_a_rater_assessing_others_includes_no_one():
    text = 'Orvane Systems received the highest rating of "AAA" in the MSCI ESG Ratings.'
    assert [r["rank"] for r in facts_of(text, "index_inclusion")] == ["AAA"]
    text = "S&P Global assessed 7,800 companies in this year's Corporate Sustainability Assessment."
    assert facts_of(text, "index_inclusion") == []


def test_the_companys_own_rating_raised_to_a_grade_is_the_raters_just_named():
    text = (
        "Orvane Systems announces an upgrade in its rating from ISS ESG. As a result of the annual "
        "review, Orvane Systems' rating was raised from C- to C."
    )
    assert triples(facts_of(text, "index_inclusion"), "rank") == {("Orvane Systems", "ISS ESG", "C")}


def test_what_a_signed_initiative_is_for_is_not_signed_too():
    text = (
        "Z-Tel Mobile US joins climate push\nZ-Tel Mobile US said it signed the Climate Pledge, an initiative "
        "co-founded by Amazon in 2019 to advance the goals of the Paris Agreement."
    )
    _, facts = extract(Release("t", Path("t.txt"), text, "text"))
    assert {f.object for f in facts if f.kind == "membership"} == {"Climate Pledge"}


def test_one_of_a_counted_group_in_an_index_is_the_company():
    for text in (
        "Brisa Airlines news\nBrisa Airlines was selected as one of the 62 companies that are part of the FTSE4Good Index.",
        "Brisa Airlines news\nBrisa Airlines is one of 62 companies included in the FTSE4Good Index.",
    ):
        _, facts = extract(Release("t", Path("t.txt"), text, "text"))
        assert {(f.subject, f.object) for f in facts if f.kind == "index_inclusion"} == {
            ("Brisa Airlines", "FTSE4Good Index")
        }


def test_a_name_that_runs_on_past_its_bracketed_abbreviation_is_one_index():
    text = (
        "Brisa Airlines news\nBrisa Airlines was selected for the Dow Jones Sustainability Index (DJSI) "
        "MILA Pacific Alliance in 2021."
    )
    _, facts = extract(Release("t", Path("t.txt"), text, "text"))
    assert [f.object for f in facts if f.kind == "index_inclusion"] == ["Dow Jones Sustainability Index MILA Pacific Alliance"]


def test_a_clause_describing_a_named_initiative_states_nothing_of_the_company():
    text = (
        "Orvane Foods joins RE100\nOrvane Foods Inc. has joined RE100. RE100 is a global initiative led by the "
        "Climate Group in partnership with CDP."
    )
    _, facts = extract(Release("t", Path("t.txt"), text, "text"))
    assert [f for f in facts if f.kind == "index_inclusion"] == []


# --- unseen-release constructions (2026-12-02, fourth session) -------------------------------------


def test_number_one_is_rank_1_and_coordinated_years_give_a_fact_each():
    text = "Halvor Mining was ranked number one in the world in 2019 and 2020 on the Global Mining Index."
    assert triples(facts_of(text, "index_inclusion"), "year") == {
        ("Halvor Mining", "Global Mining Index", 2019),
        ("Halvor Mining", "Global Mining Index", 2020),
    }
    assert {r["rank"] for r in facts_of(text, "index_inclusion")} == {"1"}


def test_for_the_past_seven_years_is_a_streak():
    text = "Kestrel Foods has been listed on the Global Water Index for the past seven years."
    assert triples(facts_of(text, "index_inclusion"), "consecutive_years") == {
        ("Kestrel Foods", "Global Water Index", 7)
    }


def test_a_streak_stays_in_its_own_coordinated_clause():
    text = (
        "Kestrel Foods was named to the FTSE4Good Index for the fifth straight year and has been ranked "
        "number one on the inaugural Ocean Stewardship Index (OSI)."
    )
    assert triples(facts_of(text, "index_inclusion"), "consecutive_years") == {
        ("Kestrel Foods", "FTSE4Good Index", 5),
        ("Kestrel Foods", "Ocean Stewardship Index", None),
    }


def test_a_streak_stays_out_of_a_relative_clause_of_a_coordinated_clause():
    text = (
        "Brenmoor Bank was named to the Harbor Climate A List for the third year in a row, and remains a "
        "constituent of the Lumen Index Series, where it has been included since 2016."
    )
    assert triples(facts_of(text, "index_inclusion"), "consecutive_years") == {
        ("Brenmoor Bank", "Harbor Climate A List", 3),
        ("Brenmoor Bank", "Lumen Index Series", None),
    }


def test_a_title_case_headline_verb_is_not_part_of_the_company_or_index_name():
    text = "Kestrel Foods Listed on Global Water Index for Third Year\n\nKestrel Foods makes frozen meals."
    assert triples(facts_of(text, "index_inclusion")) == {("Kestrel Foods", "Global Water Index")}


def test_became_part_of_a_body_an_apposition_calls_an_organization_is_a_membership_since_the_release_year():
    text = (
        "Published March 20, 2021\n\nGrupo Verdal joins regional business council\n\n"
        "On March 3, the Company became part of Red Pacto Verde, an organization that brings together 80 firms."
    )
    assert triples(facts_of(text, "membership"), "since") == {("Grupo Verdal", "Red Pacto Verde", 2021)}
    assert facts_of(text, "part_of") == []


def test_companies_among_a_counted_group_named_to_an_index_are_each_included():
    text = "Halvor Foods and Brightwell Bank were among the 45 companies named to the CDP Climate A List this year."
    assert {r["subject"] for r in facts_of(text, "index_inclusion")} == {"Halvor Foods", "Brightwell Bank"}


def test_four_companies_joining_an_initiative_are_four_members():
    text = (
        "The Climate Group announced today that Halvor Foods, Brightwell Insurance, Kestrel Telecom and "
        "Marlow Cement have joined RE100."
    )
    assert {r["subject"] for r in facts_of(text, "membership")} == {
        "Halvor Foods", "Brightwell Insurance", "Kestrel Telecom", "Marlow Cement"
    }


def test_rated_a_capitalised_grade_by_a_rater_is_that_rank():
    assert triples(facts_of("Brightwell Bank is rated Prime by ISS ESG.", "index_inclusion"), "rank") == {
        ("Brightwell Bank", "ISS ESG", "Prime")
    }


def test_companies_bulleted_after_a_colon_are_each_added_to_the_index():
    text = (
        "Index review\n\nThe following companies will be added to the FTSE4Good Index Series:\n"
        "- Halvor Foods\n- Brightwell Bank\n- Kestrel Telecom\n"
    )
    assert {r["subject"] for r in facts_of(text, "index_inclusion")} == {
        "Halvor Foods", "Brightwell Bank", "Kestrel Telecom"
    }


def test_a_gazetteer_name_with_a_possessive_stays_whole():
    text = "Halvor Foods was ranked among TIME's World's Best Companies."
    assert {r["object"] for r in facts_of(text, "index_inclusion")} == {"World's Best Companies"}


def test_an_index_that_includes_or_features_companies_lists_its_constituents():
    text = (
        "The 2023 Global 100 list, published by Corporate Knights, includes Halvor Foods, Brightwell Bank and "
        "Kestrel Telecom. This year's Clean200 list features Marlow Cement."
    )
    assert triples(facts_of(text, "index_inclusion")) == {
        ("Halvor Foods", "Global 100"),
        ("Brightwell Bank", "Global 100"),
        ("Kestrel Telecom", "Global 100"),
        ("Marlow Cement", "Clean200 list"),
    }


def test_numbered_lines_after_a_colon_and_a_country_in_brackets_that_is_no_short_name():
    text = (
        "Corporate Knights publishes ranking\n\nThe top companies in the 2023 Global 100 are:\n"
        "1. Halvor Foods (Norway)\n2. Brightwell Bank (UK)\n"
    )
    assert triples(facts_of(text, "index_inclusion")) == {
        ("Halvor Foods", "Global 100"),
        ("Brightwell Bank", "Global 100"),
    }


def test_topped_the_ranking_is_the_top_and_the_year_of_a_ranking_counts_no_companies():
    text = "Corporate Knights publishes ranking\n\nHalvor Foods topped the 2023 Global 100 ranking, followed by Brightwell Bank."
    assert triples(facts_of(text, "index_inclusion"), "rank") == {("Halvor Foods", "Global 100", "top")}


def test_a_ranking_coordinated_with_an_inclusion_is_of_the_same_index_with_its_own_years_and_rank():
    text = (
        "Published 2 May 2020\n\nKestrel Foods has been listed on the Ocean Products Index of the Zephyr Indices "
        "for the past seven years and was ranked number one in the world in 2018 and 2019."
    )
    found = {(r["object"], r["year"], r.get("rank"), r.get("consecutive_years")) for r in facts_of(text, "index_inclusion")}
    assert found == {
        ("Ocean Products Index", 2020, None, 7),
        ("Ocean Products Index", 2018, "1", None),
        ("Ocean Products Index", 2019, "1", None),
    }


def test_an_assessment_that_ranks_companies_on_an_index_includes_no_one():
    text = (
        "Halvor Mining today said it was named to the index.\n"
        "This year, 942 companies took part in Zephyr Analytics' Corporate Sustainability Assessment, which "
        "evaluates and ranks the highest-scoring companies on the Zephyr Index."
    )
    assert facts_of(text, "index_inclusion") == []


def test_designated_a_graded_ranking_by_a_rater_with_a_footnote_mark_glued_to_it():
    text = (
        'Published June 1, 2017\n\nHALVOR CHEMICAL CO., LTD. (President: Taro Kawabe, hereinafter called '
        '"HALVOR CHEMICAL") has been designated with a sustainability ranking of "Gold Class" by RobecoSAM*1, '
        "which is a global ranking company.\n"
        "This is the seventh consecutive year, since 2011, that HALVOR CHEMICAL has been designated.\n"
    )
    found = {(r["subject"], r["object"], r.get("rank"), r.get("consecutive_years")) for r in facts_of(text, "index_inclusion")}
    assert found == {("HALVOR CHEMICAL CO., LTD.", "RobecoSAM", "Gold Class", 7)}


def test_a_person_ner_listed_with_companies_is_one_of_them():
    text = (
        "In the global rankings, Fenwick Mills, Talvik Power and Oster Rail were three of the highest "
        "performers in the Zephyr Index."
    )
    assert {r["subject"] for r in facts_of(text, "index_inclusion")} == {"Fenwick Mills", "Talvik Power", "Oster Rail"}


def test_years_listed_and_for_five_years_are_streaks():
    text = (
        "Published 3 June 2024\n\nBrightwell Bank celebrates 12 years listed on the Zephyr Index. "
        "Halvor Foods has been included in the Orrin Index for five years."
    )
    assert triples(facts_of(text, "index_inclusion"), "consecutive_years") == {
        ("Brightwell Bank", "Zephyr Index", 12),
        ("Halvor Foods", "Orrin Index", 5),
    }


@pytest.mark.parametrize(
    "sentence, streak",
    [
        ("Halvor Foods was included in the DJSI World, marking its seventh year in the index.", 7),
        ("This is the ninth year that Halvor Foods has been included in the DJSI World.", 9),
    ],
)
def test_an_ordinal_year_in_the_index_is_a_streak(sentence, streak):
    assert {r.get("consecutive_years") for r in facts_of(sentence, "index_inclusion")} == {streak}


def test_members_a_body_reports_it_admitted_are_its_members():
    text = (
        "Orrin Mining Forum welcomes new members\n\nThe Orrin Mining Forum (OMF) is delighted to confirm that "
        "Halvor Gold and Brightwell Copper have been admitted as member companies."
    )
    assert triples(facts_of(text, "membership")) == {
        ("Halvor Gold", "Orrin Mining Forum"),
        ("Brightwell Copper", "Orrin Mining Forum"),
    }


def test_one_of_just_40_companies_in_a_country_that_hold_a_standard():
    from esgkg.graph.extract import extract as run

    _, facts = run(Release("t", Path("t.txt"), "Halvor Bank is one of just 40 companies in Ghana that have "
                           "achieved ISO 37001 certification.", "text"))
    assert {(f.kind, f.subject, f.object) for f in facts} == {
        ("certification", "Halvor Bank", "ISO 37001"),
        ("located_in", "Halvor Bank", "Ghana"),
    }


def test_each_of_two_coordinated_objects_keeps_the_year_said_after_it():
    text = (
        "Published 2 March 2024\n\nHalvor Foods joined the Climate Pledge in 2021 and the Zephyr Alliance in 2023. "
        "Halvor Foods was included in the DJSI World in 2021 and the FTSE4Good Index in 2022."
    )
    assert triples(facts_of(text, "membership"), "since") == {
        ("Halvor Foods", "Climate Pledge", 2021),
        ("Halvor Foods", "Zephyr Alliance", 2023),
    }
    assert triples(facts_of(text, "index_inclusion"), "year") == {
        ("Halvor Foods", "DJSI World", 2021),
        ("Halvor Foods", "FTSE4Good Index", 2022),
    }


def test_a_risk_rating_of_a_number_from_a_rater_is_the_raters_with_that_rank():
    text = "Halvor Bank received an ESG Risk Rating of 12.5 from Sustainalytics, placing it in the low risk category."
    assert triples(facts_of(text, "index_inclusion"), "rank") == {("Halvor Bank", "Sustainalytics", "12.5")}


def test_indices_listed_on_lines_below_a_colon_are_each_an_inclusion():
    text = (
        "FRANKFURT, 5 December 2022 -- Brenmoor Chemicals AG has again been recognised by rating agencies. "
        "The company was included in the following indices:\n"
        "- FTSE4Good Index Series\n"
        "- Lumen Climate Index\n\n"
        "Brenmoor makes coatings."
    )
    found = facts_of(text, "index_inclusion")
    assert triples(found, "year") == {
        ("Brenmoor Chemicals AG", "FTSE4Good Index Series", 2022),
        ("Brenmoor Chemicals AG", "Lumen Climate Index", 2022),
    }
    assert all(r["evidence"].startswith("The company was included") for r in found)


def test_companies_that_join_alongside_the_subject_join_too_and_an_initiatives_owner_is_not_joined():
    text = (
        "Brenmoor Airport has joined the Harbor Council's Clean Power Pledge alongside Orvane Lighting "
        "and the Kestrel Bank Group."
    )
    assert triples(facts_of(text, "membership")) == {
        ("Brenmoor Airport", "Clean Power Pledge"),
        ("Orvane Lighting", "Clean Power Pledge"),
        ("Kestrel Bank Group", "Clean Power Pledge"),
    }


@pytest.mark.parametrize(
    "sentence, rank",
    [
        ("In the latest edition of the Lumen Responsibility ranking, Corvane Group ranked tenth.", "10"),
        ("Corvane Group occupies position 12 in the Lumen Responsibility ranking.", "12"),
    ],
)
def test_ordinal_words_past_fifth_and_a_numbered_position_are_ranks(sentence, rank):
    (record,) = facts_of(sentence, "index_inclusion")
    assert record["rank"] == rank


def test_each_index_has_the_streak_after_it_and_a_raters_own_index_keeps_its_name():
    text = (
        "Halvor Pharma has been selected for the Lumen Japan Leaders Index for 5 years in succession and "
        "the MSCI Japan Empowering Women Index for 3 years in succession."
    )
    assert triples(facts_of(text, "index_inclusion"), "consecutive_years") == {
        ("Halvor Pharma", "Lumen Japan Leaders Index", 5),
        ("Halvor Pharma", "MSCI Japan Empowering Women Index", 3),
    }


def test_the_best_performers_listed_below_a_colon_are_in_the_index_with_that_rank():
    text = (
        "Johannesburg, 27 November 2014. This year's Lumen Responsible Index includes more constituents than ever.\n\n"
        "This year's best performers include:\nKestrel Mining plc\nHalvor Bank Limited\n\nThe index is run by the exchange."
    )
    assert triples(facts_of(text, "index_inclusion"), "rank") == {
        ("Kestrel Mining plc", "Lumen Responsible Index", "best performer"),
        ("Halvor Bank Limited", "Lumen Responsible Index", "best performer"),
    }


def test_companies_and_ranks_paired_by_respectively():
    text = (
        "In the latest edition of the Lumen Responsibility ranking, Corvane Group ranked tenth, while Halvor "
        "Cement and Lumen Power were positioned 22nd and 42nd, respectively."
    )
    assert triples(facts_of(text, "index_inclusion"), "rank") == {
        ("Corvane Group", "Lumen Responsibility ranking", "10"),
        ("Halvor Cement", "Lumen Responsibility ranking", "22"),
        ("Lumen Power", "Lumen Responsibility ranking", "42"),
    }



def test_an_initiative_named_with_an_acronym_inside_and_its_principles_are_no_figure():
    text = (
        "Kestrel Resources Group has joined the United Nations (UN) Global Compact. It will implement "
        "the compact's ten principles across its business."
    )
    assert triples(facts_of(text, "membership")) == {("Kestrel Resources Group", "United Nations (UN) Global Compact")}
    assert facts_of(text, "metric") == []


def test_an_index_with_its_short_form_in_brackets_is_one_inclusion():
    text = (
        "Calloway Bank was included in the Dow Jones Sustainability World Index (DJSI), ranking fifth "
        "among the 14 banks assessed."
    )
    assert [(r["object"], r["rank"]) for r in facts_of(text, "index_inclusion")] == [
        ("Dow Jones Sustainability World Index", "5")
    ]


def test_the_worlds_first_index_family_ranks_no_company():
    text = (
        "Korvel Holdings, Inc. has been selected for the DJSI World, the world\u2019s first and most widely used "
        "family of global sustainability benchmarks."
    )
    (record,) = facts_of(text, "index_inclusion")
    assert "rank" not in record


def test_a_rater_that_selects_companies_for_inclusion_is_not_included():
    text = (
        "Korvel Holdings, Inc. is included in the DJSI World. Sentra Advisors sent surveys to the 2,500 largest "
        "companies listed in the Lumen Global Index (LGI: an index developed by Brantley & Company), and for "
        "inclusion in the DJSI World, selected 340 companies."
    )
    assert {r["subject"] for r in facts_of(text, "index_inclusion")} == {"Korvel Holdings, Inc."}


def test_coordinated_words_before_an_index_family_name_its_members():
    text = (
        "Korvel Holdings announced its inclusion in both the World and Europe Dow Jones Sustainability Indices "
        "(DJSI) for 2024. This is the 7th consecutive year Korvel Holdings has been named to both DJSI indices. "
        "Korvel Holdings is the only utility named to the World Index."
    )
    assert triples(facts_of(text, "index_inclusion"), "consecutive_years") == {
        ("Korvel Holdings", "Dow Jones Sustainability World Index", 7),
        ("Korvel Holdings", "Dow Jones Sustainability Europe Index", 7),
        ("Korvel Holdings", "DJSI", 7),  # the family, as the sentence writes it
    }


def test_a_unit_named_once_after_a_place_is_not_the_release_organization_and_a_grade_is_a_rank():
    text = (
        "KVR recognised for climate leadership\n\n"
        "The environmental organisation CDP has once again included KVR in its A List. KVR is one of the few "
        "companies, out of over 20,000 companies scored, to receive the maximum 'A' rating from CDP. In addition, "
        "KVR Brazil has also received the highest rating from CDP. KVR thanked its staff."
    )
    ctx, facts = extract(Release("t", Path("t.txt"), text, "text"))
    records = [f.to_record() for f in facts if f.kind == "index_inclusion"]
    assert ctx.main.label == "KVR" and "KVR Brazil" not in ctx.main.aliases
    assert ("KVR", "CDP", "A") in triples(records, "rank") and not any("rating" in r["object"] for r in records)


def test_member_words_after_a_family_and_its_short_name_and_a_raters_confirmed_grade():
    text = (
        "Specialty chemicals company KORVESS has once again been recognized. KORVESS was again included in the "
        "Dow Jones Sustainability Indices (DJSI) World and Europe. In November, MSCI ESG confirmed KORVESS\u2019 AA "
        "rating. In addition, EcoVadis confirmed KORVESS\u2019 Platinum level in its sustainability rating."
    )
    assert triples(facts_of(text, "index_inclusion"), "rank") == {
        ("KORVESS", "Dow Jones Sustainability World Index", None),
        ("KORVESS", "Dow Jones Sustainability Europe Index", None),
        ("KORVESS", "MSCI ESG", "AA"),
        ("KORVESS", "EcoVadis", "Platinum"),
    }


def test_a_capitalised_trigger_noun_opening_a_bullet_is_no_company():
    text = (
        "Small Companies Now Eligible For Inclusion In Lumen Index\n\n"
        "  \u2022 Inclusion follows previous expansion of Lumen Ratings coverage of small companies to 1,300 in 2020.\n"
        "  \u2022 Constituents are rated by Lumen Ratings."
    )
    assert facts_of(text, "index_inclusion") == []


def test_the_exchange_before_a_ticker_names_no_one():
    from esgkg.graph.entities import MentionTyper
    from esgkg.graph.lexicon import load_lexicon
    from esgkg.graph.nlp import parse

    (doc,) = parse(["Brenwickonics (NYSE: BRW), a maker of chips, has been recognized by CDP."])
    labels = {m.label for m in MentionTyper(load_lexicon()).mentions(doc)}
    assert "NYSE" not in labels and "Brenwickonics" in labels


def test_leader_in_an_apposition_describing_the_company_is_no_rank():
    text = "KorvelTech, a global semiconductor leader serving customers across many markets, has been named to the Lumen Water Index."
    assert triples(facts_of(text, "index_inclusion"), "rank") == {("KorvelTech", "Lumen Water Index", None)}


def test_a_capitalised_industry_leader_is_a_rank():
    text = "Brenwick Power was included in the Dow Jones Sustainability Index as Industry Leader of the Utilities sector."
    assert triples(facts_of(text, "index_inclusion"), "rank") == {("Brenwick Power", "Dow Jones Sustainability Index", "leader")}


def test_the_rater_that_acknowledges_a_constituent_is_no_second_index():
    text = "Korvel Bio is proud to be acknowledged again by FTSE Russell as a constituent of the FTSE4Good Index Series."
    assert {r["object"] for r in facts_of(text, "index_inclusion")} == {"FTSE4Good Index Series"}


def test_recognition_won_in_an_index_is_an_inclusion_but_a_recognition_referred_back_to_is_not():
    text = (
        "This year, Halvorsen Steel won recognition in the Lumen World Index for the 4th year running. "
        "The Lumen recognition is a testament to its work."
    )
    assert triples(facts_of(text, "index_inclusion"), "consecutive_years") == {
        ("Halvorsen Steel", "Lumen World Index", 4)
    }


def test_an_inclusion_confirmed_by_a_relative_clause_after_a_share_of_peers():
    text = "Brontide Insurance is ahead of 90% of its peers, which confirms its inclusion in the DJSI World and DJSI Europe."
    assert {r["object"] for r in facts_of(text, "index_inclusion")} == {"DJSI World", "DJSI Europe"}
    assert facts_of(text, "metric") == []


def test_first_before_the_verb_dates_an_admission_and_ranks_nothing():
    text = "Korvel Bank was first admitted to the FTSE4Good Index in 2012. It ranked first in the Lumen Water Index."
    assert triples(facts_of(text, "index_inclusion"), "rank") == {
        ("Korvel Bank", "FTSE4Good Index", None),
        ("Korvel Bank", "Lumen Water Index", "1"),
    }


def test_a_founding_member_of_a_body_the_gazetteer_knows_as_a_standard():
    text = "Halvorsen Steel is proud to be a founding member of ResponsibleSteel."
    assert triples(facts_of(text, "membership")) == {("Halvorsen Steel", "ResponsibleSteel")}


@pytest.mark.parametrize(
    "text",
    [
        "Halvorsen Retail has become the 61st RE100 company to commit to renewable power.",
        "Halvorsen Retail, a UN Global Compact signatory, reported its progress.",
    ],
)
def test_an_initiative_naming_the_company_noun_makes_a_member(text):
    assert len(facts_of(text, "membership")) == 1


def test_not_an_initiative_company_is_no_member():
    assert facts_of("Halvorsen Retail is not an RE100 company.", "membership") == []


def test_a_list_named_after_a_grade_ranks_at_that_grade_and_its_publisher_is_no_second_index():
    text = (
        "Korvel Chemical has been named on CDP’s “Climate A List 2023” and “Water Security A List 2023”. "
        "Named on the Climate A List for the fourth consecutive year, it leads its sector."
    )
    assert triples(facts_of(text, "index_inclusion"), "rank") == {
        ("Korvel Chemical", "Climate A List", "A"),
        ("Korvel Chemical", "Water Security A List", "A"),
    }


def test_an_index_name_with_a_bracketed_qualifier_is_one_index_and_stock_codes_are_no_figures():
    text = (
        "Lindqvist Insurance Ltd. (HKEX: 4521 / 84521; SSE: 604521) has been included in the Lumen (Asia A) "
        "Sustainability Index for the 6th consecutive year."
    )
    assert triples(facts_of(text, "index_inclusion"), "consecutive_years") == {
        ("Lindqvist Insurance Ltd.", "Lumen (Asia A) Sustainability Index", 6)
    }
    assert facts_of(text, "metric") == []


def test_a_commitment_to_a_named_initiative_is_a_membership():
    assert triples(facts_of("Halvor Retail has made a commitment to the RE100 initiative.", "membership")) == {
        ("Halvor Retail", "RE100")
    }


def test_what_an_index_is_made_of_is_no_inclusion_of_the_company():
    text = (
        "Halvor Air is the only airline included in the Dow Jones Sustainability North America Index. "
        "The 2022 DJSI comprises North American sustainability leaders as identified by S&P Global through "
        "the Corporate Sustainability Assessment."
    )
    assert {r["object"] for r in facts_of(text, "index_inclusion")} == {"Dow Jones Sustainability North America Index"}


def test_an_appointment_to_an_index_with_its_percentile_rank():
    text = "Halvera Insurance today announced its appointment to the FTSE4Good Index Series, ranking in the 93rd percentile of its industry."
    assert triples(facts_of(text, "index_inclusion"), "rank") == {("Halvera Insurance", "FTSE4Good Index Series", "93rd percentile")}


def test_a_year_after_the_name_and_a_rating_nouns_year_in_its_verbs_clause():
    text = (
        "Halvera Group news\n"
        "Halvera Group was recognized in the S&P Global Sustainability Yearbook 2024. "
        "Halvera Group's MSCI ESG rating was upgraded to AA in 2022. "
        "In 2023, MSCI upgraded Halvera Group's ESG rating from A to AA."
    )
    found = {(r["object"], r.get("year"), r.get("rank")) for r in facts_of(text, "index_inclusion")}
    assert found == {
        ("S&P Global Sustainability Yearbook", 2024, None),
        ("MSCI ESG rating", 2022, "AA"),
        ("MSCI ESG rating", 2023, "AA"),
    }


def test_a_risk_rating_that_improved_to_a_score_and_a_two_word_grade_by_a_rater():
    text = (
        "Halvera Group news\n"
        "The company's ESG Risk Rating from Sustainalytics improved to 12.3 (Low Risk). "
        "Halvera Group was also rated Low Risk by ISS ESG."
    )
    assert triples(facts_of(text, "index_inclusion"), "rank") == {
        ("Halvera Group", "Sustainalytics", "12.3"), ("Halvera Group", "ISS ESG", "Low Risk")
    }


def test_a_rater_assigning_a_rating_and_a_top_share_rank():
    text = (
        "Halvera Group news, 12 December 2023\n"
        "MSCI has assigned Halvera Group an ESG rating of AA. "
        "Halvera Group is listed in the 2023 S&P Global Sustainability Yearbook, receiving a Top 5% distinction. "
        "Halvera Group ranks in the top 10 percent of its industry in the Dow Jones Sustainability World Index."
    )
    assert triples(facts_of(text, "index_inclusion"), "rank") == {
        ("Halvera Group", "MSCI", "AA"),
        ("Halvera Group", "S&P Global Sustainability Yearbook", "top 5%"),
        ("Halvera Group", "Dow Jones Sustainability World Index", "top 10%"),
    }
