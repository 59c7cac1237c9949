"""Award constructions that carry over to unseen releases, one short release per construction,
written for these tests (invented companies; never copied from a real release)."""

from pathlib import Path

from esgkg.graph.extract import extract
from esgkg.graph.read import Release


def awards_of(text: str, doc_id: str = "test-release") -> list[dict]:
    _, facts = extract(Release(doc_id, Path(doc_id + ".txt"), text, "text"))
    return [
        {k: v for k, v in f.to_record().items() if k not in ("document", "kind", "evidence")}
        for f in facts
        if f.kind == "award"
    ]


def test_the_body_that_instituted_an_award_in_another_sentence_confers_it():
    text = (
        "Korvel Shipping Ltd has won the Silver Heron Environment Award 2022.\n\n"
        "Instituted by the Coastal Trade Council in 1998, the Silver Heron Award is given every year."
    )
    assert awards_of(text) == [
        {
            "subject": "Korvel Shipping Ltd",
            "object": "Silver Heron Environment Award",
            "year": 2022,
            "awarded_by": "Coastal Trade Council",
        }
    ]


def test_a_scheme_run_by_a_body_and_an_award_presented_by_a_person_of_a_body():
    text = (
        "Marlow Cables Ltd has been conferred with the Blue Anchor Safety Award 2021. "
        "The award was bestowed upon Marlow Cables by Mr J K Ranade, Chairman, Harbour Safety Institute. "
        "The Blue Anchor Awards, run by the Harbour Safety Institute, began in 2001."
    )
    (fact,) = awards_of(text)
    assert fact["subject"] == "Marlow Cables Ltd"
    assert fact["awarded_by"] == "Harbour Safety Institute"


def test_the_trophy_an_award_comes_with_and_a_phrase_in_honour_are_no_awards():
    text = (
        "Tessaro Foods plc received the Green Ledger Award 2020. Tessaro Foods received the Trophy and "
        "Certificate from the Green Ledger Trust. In honour of this achievement, Tessaro Foods also "
        "received the Founder's Award."
    )
    objects = [f["object"] for f in awards_of(text)]
    assert "Trophy" not in objects and "Certificate" not in objects
    assert not any(o.startswith("In ") for o in objects)
    assert "Green Ledger Award" in objects and "Founder's Award" in objects


def test_a_lower_case_a_quoted_and_an_of_category_are_levels():
    assert awards_of("Dravik Cement scooped the award in the environmental category at the 2019 Ridgeline Mining Awards.") == [
        {"subject": "Dravik Cement", "object": "Ridgeline Mining Awards", "year": 2019, "level": "environmental"}
    ]
    (fact,) = awards_of("Ossory Textiles won the 2020 Tidewater Award in the category 'Circular Design'.")
    assert fact["level"] == "Circular Design"
    (fact,) = awards_of(
        "Ossory Textiles won the 2020 Tidewater Award in the category of community engagement and volunteering."
    )
    assert fact["level"] == "community engagement and volunteering"


def test_a_gold_award_in_a_scheme_run_by_a_body():
    (fact,) = awards_of(
        "Pellbrook Rail Ltd achieved the Gold award in the annual scheme run by the Northern Safety Society "
        "(NSS) at the NSS Safety Awards 2018."
    )
    assert (fact["level"], fact["awarded_by"], fact["year"]) == ("Gold", "Northern Safety Society", 2018)


def test_crowned_adjudged_and_voted_titles():
    (fact,) = awards_of("Kestrel Gold Mine was crowned the Mining Company of the Year at the 2021 Westland Mining Awards.")
    assert (fact["subject"], fact["object"], fact["year"]) == ("Kestrel Gold Mine", "Mining Company of the Year", 2021)
    (fact,) = awards_of("Orlin Group has been adjudged the Best Company in Rural Electrification in 2020.")
    assert (fact["subject"], fact["object"]) == ("Orlin Group", "Best Company in Rural Electrification")
    (fact,) = awards_of(
        "Members of the Harbour Press Guild voted Corvane Foods as the 'Best Company in Infrastructure' in 2021."
    )
    assert (fact["subject"], fact["object"]) == ("Corvane Foods", "Best Company in Infrastructure")


def test_winners_a_company_announces_and_an_award_as_subject_are_no_wins():
    text = (
        "Tellmark Sportswear has announced its ten new Bright Spark Award winners. "
        "No award has achieved such respect from the industry as the Harbour Lights Awards."
    )
    assert awards_of(text) == []


def test_a_prize_of_the_award_named_before_is_its_level():
    text = (
        "The ceremony of the 12th Meadowlark Environment Awards, sponsored by the Meadowlark Media Group, "
        "was held in Osaka.\n\nTanabe Homes won the Grand Prize for its tree-planting project."
    )
    (fact,) = awards_of(text)
    assert (fact["subject"], fact["object"], fact["level"]) == ("Tanabe Homes", "Meadowlark Environment Awards", "Grand Prize")
    assert fact["awarded_by"] == "Meadowlark Media Group"


def test_a_quoted_title_with_of_the_year_and_an_and_inside_an_award_name_stay_whole():
    (fact,) = awards_of("Nerith Bank has won the 'Frontier Markets Green Bank of the Year Award 2019' for Africa.")
    assert (fact["object"], fact["year"]) == ("Frontier Markets Green Bank of the Year Award", 2019)
    (fact,) = awards_of("The Leeds office of Harlow Build Ltd is a winner at the Northern Health and Safety Awards 2017.")
    assert fact["object"] == "Northern Health and Safety Awards"


def test_a_title_won_at_an_edition_of_awards_and_the_awards_that_receive_entries():
    text = (
        "Kestrel Gold Mine beat eight other mines to be crowned the Mining Company of the Year at the 4th edition "
        "of the Westland Mining Awards (WMA). No award has earned such respect as the Westland Mining Awards, "
        "which receives over 900 entries every year."
    )
    (fact,) = awards_of(text)
    assert (fact["subject"], fact["object"], fact["awarded_by"]) == (
        "Kestrel Gold Mine",
        "Mining Company of the Year",
        "Westland Mining Awards",
    )


def test_an_accolade_presented_at_a_ceremony_which_is_sponsored_by_a_body():
    text = (
        'Orion Lines has become the first recipient of the "Coastal Waters Conservation Award". '
        "The accolade was presented at the annual Blue Planet Awards ceremony, which is sponsored by the "
        "Tideway Media Group."
    )
    facts = awards_of(text)
    assert {f["object"] for f in facts} == {"Coastal Waters Conservation Award"}
    assert "Tideway Media Group" in {f.get("awarded_by") for f in facts}


def test_an_organizations_acronym_opening_the_award_name_confers_it():
    text = (
        "Harmon Civil plc wins gold at the NSSA Health and Safety Awards 2019. The awards are run by the "
        "Northern Society for Site Accidents (NSSA)."
    )
    (fact,) = awards_of(text)
    assert (fact["object"], fact["level"], fact["year"]) == ("NSSA Health and Safety Awards", "gold", 2019)
    assert fact["awarded_by"] == "Northern Society for Site Accidents"


def test_two_wins_in_one_sentence_keep_their_own_levels():
    text = (
        "Corlane Apparel was named the overall winner of the 2012 Greenway Business Awards and also won the "
        "award in the category 'Water Stewardship' for its river clean-up programme."
    )
    levels = sorted(f.get("level") for f in awards_of(text))
    assert levels == ["Water Stewardship", "overall winner"]


def test_a_headline_award_takes_the_year_the_body_gives_it_and_a_date_is_no_part_of_the_name():
    text = (
        "Rusk Port wins Silverline Award\n\n"
        "Rusk Port Company Limited has won the Silverline Award 2020 in the Waste Management category. "
        "The Silverline Awards were instituted by the Port Directors Forum in 1994."
    )
    assert {f.get("year") for f in awards_of(text)} == {2020}
    (fact,) = awards_of("Tamsin Mining won the safety award at the Karoo Green Mining Awards on October 12, 2010.")
    assert fact["object"] == "Karoo Green Mining Awards"


def test_the_award_of_a_second_clause_is_not_an_award_the_company_gives_others():
    text = (
        "Corlane Apparel, which has just announced its new Bright Spark Award winners, also won the award "
        "in the category 'Water Stewardship'."
    )
    assert all(f["object"] != "Bright Spark Award" for f in awards_of(text))


def test_the_awards_organised_by_a_body_in_a_later_sentence_confer_them():
    text = (
        "Pelham Drinks Co., Ltd. has won the Fair Workplace Award for 2022.\n\n"
        "The annual awards are organised by the Office of Labour Welfare of Riverside Province."
    )
    (fact,) = awards_of(text)
    assert (fact["object"], fact["year"]) == ("Fair Workplace Award", 2022)
    assert fact["awarded_by"] == "Office of Labour Welfare of Riverside Province"


def test_every_recipient_of_an_award_shares_the_body_the_release_names_for_it():
    text = (
        "Halvard Corp., Minter Inc. and Osgood Ltd are among the recipients of the 2015 Clean Air Leadership Award. "
        "With the annual award, the Federal Clean Air Office is recognizing twelve organizations."
    )
    facts = awards_of(text)
    assert {f["subject"] for f in facts} >= {"Halvard Corp.", "Minter Inc.", "Osgood Ltd"}
    assert {f.get("awarded_by") for f in facts} == {"Federal Clean Air Office"}


def test_the_kind_of_award_that_goes_to_a_company_is_its_level():
    text = (
        "The Governor's Industry Awards were delivered to 40 companies this year.\n\n"
        "The excellent industry award this year goes to Tamaris Olefins Company Limited."
    )
    (fact,) = awards_of(text)
    assert (fact["subject"], fact["level"]) == ("Tamaris Olefins Company Limited", "excellent industry")
    assert fact["object"].endswith("Industry Awards")


def test_a_finalist_nominee_or_shortlisted_company_has_won_nothing():
    for sentence in (
        "Brenner Logistics Inc. was named a finalist for the Green Fleet Award 2023.",
        "Brenner Logistics Inc. has been shortlisted for the 2023 Green Fleet Award.",
        "Brenner Logistics Inc. was selected as one of the nominees for the Green Fleet Award.",
    ):
        assert awards_of(sentence) == [], sentence


def test_a_company_that_honours_others_with_its_awards_receives_none():
    assert awards_of("Brenner Logistics Inc. has honoured five suppliers with its Green Supplier Awards.") == []
    assert awards_of("Brenner Logistics Inc. presented its Supplier of the Year Award to Kofa Freight Ltd.") == [
        {"subject": "Kofa Freight Ltd.", "object": "Supplier of the Year Award", "awarded_by": "Brenner Logistics Inc."}
    ]


def test_a_title_with_its_year_and_a_lower_case_year_and_the_award_presented_at_awards_in_a_city():
    (fact,) = awards_of("Corvane Air has been named the 2019 Green Carrier of the year.")
    assert (fact["object"], fact["year"]) == ("Green Carrier of the year", 2019)
    text = (
        "Corvane Air wins fleet award\n\n"
        "Corvane Air has been awarded the accolade Green Carrier of the Year for the second time by trade "
        "journal Sky Fleet Review.\n\nThe award was presented at the Annual Fleet Achievement Awards in Lisbon."
    )
    facts = awards_of(text)
    assert {f["object"] for f in facts} == {"Green Carrier of the Year"}
    assert "Sky Fleet Review" in {f.get("awarded_by") for f in facts}


def test_an_award_named_after_an_authority_is_conferred_by_it_and_a_supreme_award_is_a_level():
    (fact,) = awards_of(
        "Corvane Air took out the supreme award at the Clean Energy Authority (CEA) Awards in Porto last night."
    )
    assert fact["object"] == "Clean Energy Authority (CEA) Awards"
    assert (fact["level"], fact["awarded_by"]) == ("supreme award", "Clean Energy Authority")


def test_awarded_by_the_awards_themselves_names_them_the_conferring_body():
    text = "Norvik Bank has been awarded three times by the Gulf Green Awards in the Banking Category."
    assert {(r["object"], r.get("awarded_by")) for r in awards_of(text)} == {("Gulf Green Awards", "Gulf Green Awards")}


def test_an_award_presented_at_an_institutes_convention_is_conferred_by_the_institute():
    text = (
        "Published 4 May 2023\n\nMerrow Pharma Limited has received the Silver Heron Award for Sustainability. "
        "This esteemed award was presented at the Institute of Company Secretaries’ Annual Convention in Paris."
    )
    assert {(r["object"], r.get("awarded_by")) for r in awards_of(text)} == {
        ("Silver Heron Award for Sustainability", "Institute of Company Secretaries")
    }


def test_every_recipient_of_a_list_the_parser_reads_as_appositions_gets_the_award():
    text = (
        "The Ministry of Industry presented the National Green Industry Award 2023 to Halvor Foods, "
        "Brightwell Paper and Kestrel Steel at a ceremony in Hanoi."
    )
    assert {r["subject"] for r in awards_of(text)} == {"Halvor Foods", "Brightwell Paper", "Kestrel Steel"}


def test_winners_of_an_award_include_each_listed_company():
    text = (
        "Winners of the 2021 Asia Sustainability Awards include Halvor Foods (Best Water Strategy), "
        "Brightwell Bank (Best Climate Disclosure) and Kestrel Telecom (Best Supply Chain)."
    )
    assert {(r["subject"], r["object"]) for r in awards_of(text)} == {
        ("Halvor Foods", "Asia Sustainability Awards"),
        ("Brightwell Bank", "Asia Sustainability Awards"),
        ("Kestrel Telecom", "Asia Sustainability Awards"),
    }


def test_a_lower_case_category_is_the_level_and_a_one_word_agent_confers():
    text = (
        "Published on 10 June 2022\n\nHalvor Foods won gold at the 2022 Green Apple Environment Awards in the "
        "food and drink category. Brightwell Bank has been awarded the Best ESG Bank in Asia title by Asiamoney."
    )
    found = {(r["subject"], r.get("level"), r.get("awarded_by")) for r in awards_of(text)}
    assert ("Halvor Foods", "gold, food and drink", None) in found
    assert ("Brightwell Bank", None, "Asiamoney") in found


def test_winners_listed_a_line_each_after_a_colon_win_with_their_category():
    text = (
        "Green Business Council announces winners\n\n"
        "The winners of the 2023 Green Business Awards are:\n"
        "Halvor Foods – Best Water Strategy\n"
        "Brightwell Bank – Best Climate Disclosure\n"
    )
    assert {(r["subject"], r.get("level")) for r in awards_of(text)} == {
        ("Halvor Foods", "Best Water Strategy"),
        ("Brightwell Bank", "Best Climate Disclosure"),
    }


def test_a_listed_line_that_opens_with_the_place_won_names_the_winner_after_its_colon():
    text = (
        "Green Business Council announces winners\n\n"
        "The winners of the 2023 Green Business Awards were as follows:\n\n"
        "First Place: Halvor Foods Company (Halvor)\n\n"
        "Second Place: Brightwell Bank\n"
    )
    assert {(r["subject"], r.get("level")) for r in awards_of(text)} == {
        ("Halvor Foods Company", "First Place"),
        ("Brightwell Bank", "Second Place"),
    }


def test_a_group_noun_with_including_stands_for_the_companies_it_lists():
    text = (
        "Zephyr Agency honours firms\n\n"
        "The Agency awarded the Zephyr Prize to three entities, including Halvor Foods, Brightwell Bank and "
        "Kestrel Telecom. Four companies, including Marlow Steel and Fenwick Paper, were honored with the Orrin Prize."
    )
    assert {(r["subject"], r["object"]) for r in awards_of(text)} == {
        ("Halvor Foods", "Zephyr Prize"),
        ("Brightwell Bank", "Zephyr Prize"),
        ("Kestrel Telecom", "Zephyr Prize"),
        ("Marlow Steel", "Orrin Prize"),
        ("Fenwick Paper", "Orrin Prize"),
    }


def test_respectively_pairs_each_winner_with_its_category_and_a_colon_dateline_is_apart():
    text = (
        "Published 3 June 2024\n\nHalvor Foods and Brightwell Bank were named winners of the Zephyr Awards in the "
        "Small and Large categories respectively.\nOslo, Norway: Halvor Water Authority (HWA) has won the Orrin Prize."
    )
    found = {(r["subject"], r["object"], r.get("level")) for r in awards_of(text)}
    assert ("Halvor Foods", "Zephyr Awards", "Small") in found or any(
        s == "Halvor Foods" and lv and lv.endswith("Small") for s, _, lv in found
    )
    assert not any(s == "Halvor Foods" and lv and lv.endswith("Large") for s, _, lv in found)
    assert ("Halvor Water Authority", "Orrin Prize") in {(s, o) for s, o, _ in found}


def test_a_title_of_the_year_an_award_handed_to_a_company_and_emerging_winner_at_awards():
    text = (
        "Published 2 March 2024\n\nHalvor Foods has been named Employer of the Year by the Ghana Employers "
        "Association. At the ceremony, the Minister presented the Green Industry Award to Brightwell Bank. "
        "Kestrel Telecom emerged winner in the Best CSR Initiative category at the 2023 Zephyr Awards."
    )
    found = {(r["subject"], r["object"], r.get("awarded_by"), r.get("level")) for r in awards_of(text)}
    assert found == {
        ("Halvor Foods", "Employer of the Year", "Ghana Employers Association", None),
        ("Brightwell Bank", "Green Industry Award", None, None),
        ("Kestrel Telecom", "Zephyr Awards", None, "Best CSR Initiative"),
    }


def test_a_founding_year_is_no_release_year():
    text = "Since its founding in 1948, Halvor Growers has supported farmers.\nHalvor Growers received the Zephyr Award."
    assert [r.get("year") for r in awards_of(text)] == [None]


def test_the_title_word_after_an_of_the_year_award_is_no_level():
    assert [r.get("level") for r in awards_of("Kestrel Airways has been awarded the Green Airline of the Year title.")] == [
        None
    ]


def test_a_plural_possessive_before_a_body_head_is_one_name_and_the_scheme_refers_to_the_award_won():
    text = (
        "Halvor Pharma receives Civic Award\n\n"
        "Pune, 12 March 2014: Halvor Pharma Ltd has received the Civic Award for Community Health 2014.\n\n"
        "The Civic Awards are given each year by the Pune Traders' Chamber to recognise companies. "
        "The award was received by Mr. Arjun Rao, President, Halvor Pharma."
    )
    assert [(r["object"], r.get("awarded_by")) for r in awards_of(text)] == [
        ("Civic Award for Community Health", "Pune Traders' Chamber")
    ]


def test_the_one_body_that_holds_the_awards_confers_them():
    text = (
        "Lumen Mining wins environment prize\n\n"
        "Antofagasta, 3 May 2023. The Northern Mining Society held its annual awards ceremony on Tuesday. "
        "Lumen Mining received the Environment Prize for its soil recovery program."
    )
    assert [(r["object"], r.get("awarded_by")) for r in awards_of(text)] == [
        ("Environment Prize", "Northern Mining Society")
    ]


def test_the_body_a_headline_names_confers_the_awards_the_release_lists():
    text = (
        "Korvel Motors bags three awards from the Regional Environment Office\n\n"
        "Korvel Motors Corporation received the Clean Air Award and the Zero Waste Award. "
        "The company also received the Water Stewardship Award."
    )
    assert {(r["object"], r.get("awarded_by")) for r in awards_of(text)} == {
        ("Clean Air Award", "Regional Environment Office"),
        ("Zero Waste Award", "Regional Environment Office"),
        ("Water Stewardship Award", "Regional Environment Office"),
    }


def test_trademark_signs_are_no_words_and_a_year_glued_to_a_name_is_read_apart():
    text = (
        "Brenmoor Telecom awarded ‘Best Companies to Work For® in Singapore’, by Great Place to Work®\n\n"
        "Singapore – June 08, 2018Brenmoor Telecom, a network provider, has joined the Lumen Climate Pledge."
    )
    assert awards_of(text) == [
        {
            "subject": "Brenmoor Telecom",
            "object": "Best Companies to Work For in Singapore",
            "year": 2018,
            "awarded_by": "Great Place to Work",
        }
    ]
    _, facts = extract(Release("test-release", Path("test-release.txt"), text, "text"))
    assert {f.subject for f in facts} == {"Brenmoor Telecom"}


def test_the_body_of_a_lead_sentences_awards_confers_those_listed_and_initials_are_the_company():
    text = (
        "Halvor Cement recognized for safety\n\n"
        "Halvor Cement Corp.'s plant won three major awards in the 50th anniversary of the Island Mine "
        "Safety Association. HCC bagged the Presidential Mineral Industry Environment Award."
    )
    assert awards_of(text) == [
        {
            "subject": "Halvor Cement Corp.",
            "object": "Presidential Mineral Industry Environment Award",
            "awarded_by": "Island Mine Safety Association",
        }
    ]


def test_a_quoted_title_named_by_an_awards_scheme_is_the_award_the_scheme_confers():
    text = "The boutique resort Lakshmi Villas has been named as “Asia’s Best Green Resort 2016” by Harbor Travel Awards."
    assert awards_of(text) == [
        {"subject": "Lakshmi Villas", "object": "Asia’s Best Green Resort", "year": 2016, "awarded_by": "Harbor Travel Awards"}
    ]


def test_winners_listed_after_a_colon_with_their_categories_in_brackets_or_coordinated():
    listed = awards_of(
        "Four companies were recognised at the 2022 Kestrel Green Business Awards: Halvor Energy "
        "(Renewable Leader), Pentra Water (Water Stewardship), Orbis Retail and Vela Telecom."
    )
    assert {a["subject"] for a in listed} == {"Halvor Energy", "Pentra Water", "Orbis Retail", "Vela Telecom"}
    assert all(a["object"] == "Kestrel Green Business Awards" for a in listed)
    coordinated = awards_of("Winners of this year's Kestrel Excellence Awards include Norvik Cement, Arden Pharma and Lumo Hotels.")
    assert {a["subject"] for a in coordinated} == {"Norvik Cement", "Arden Pharma", "Lumo Hotels"}


def test_a_year_hyphened_to_the_award_is_its_year_and_an_acronym_opens_no_persons_name():
    awards = awards_of("Nellore: KPTC Ramagiri is conferred with Silver Leaf Platinum Award-2023 for environmental excellence.")
    assert [(a["subject"], a["object"], a.get("year")) for a in awards] == [
        ("KPTC Ramagiri", "Silver Leaf Platinum Award", 2023)
    ]


def test_an_authority_named_after_its_city_is_the_release_subject_and_titles_win_nothing():
    awards = awards_of(
        "Sharjah Electricity and Water Authority (KEWA) has won the Globe of Merit Award for Environment. "
        "Saeed Al Marri, MD & CEO of KEWA, received the award at KEWA's headquarters."
    )
    assert {(a["subject"], a["object"]) for a in awards} == {
        ("Sharjah Electricity and Water Authority", "Globe of Merit Award for Environment")
    }


def test_a_brand_opening_with_a_digit_is_a_company_and_a_description_is_none():
    awards = awards_of(
        "Kenya's telecom provider, 4tellix has been recognised at the 2023 Merit Awards. "
        "The telecom company was awarded the Leipzig Africa Prize for Innovation."
    )
    assert {a["subject"] for a in awards} == {"4tellix"}


def test_one_of_several_businesses_honored_in_an_awards_programme_won_it():
    awards = awards_of(
        "Cheesemaker and dairy ingredients processor Halvor Nutritionals is one of several dairy processing and "
        "producing businesses honored in the Kestrel Dairy Sustainability Awards, sponsored by Dairy Kestrel Inc. "
        "The winners were announced today at an awards ceremony."
    )
    assert [(a["subject"], a["object"]) for a in awards] == [
        ("Halvor Nutritionals", "Kestrel Dairy Sustainability Awards")
    ]


def test_an_awards_category_is_no_company_and_a_quoted_speaker_is_no_company():
    text = (
        "Winner in 2021 of the “Best of Retail” award, in the category of Food Company, L. Pinto Moreira was "
        "recognized again in 2022. “We are proud”, says Rui Tavares, the company’s Communication, Culture, "
        "and Sustainability Manager. Ana Reis, L. Pinto Moreira’s R&D manager, thanked the jury."
    )
    assert {a["subject"] for a in awards_of(text)} == {"L. Pinto Moreira"}


def test_winners_listed_after_a_colon_each_keep_their_own_category():
    awards = awards_of(
        "The Kestrel Chemistry Council (KCC) presented its Care Company of the Year award today to three "
        "companies: Orlan Corporation in the small size category, Tevra Corporation in the medium size category "
        "and Halvor Corporation in the large size category."
    )
    assert {(a["subject"], a.get("level")) for a in awards} == {
        ("Orlan Corporation", "small size"),
        ("Tevra Corporation", "medium size"),
        ("Halvor Corporation", "large size"),
    }


def test_facilities_recognized_with_an_award_are_their_operators_wins():
    awards = awards_of(
        "The Kestrel Mining Association (KMA) has recognized eight mining facilities operated by Orlan Mines "
        "Limited, Tevra Minerals Ltd., Halvor Gold Corporation and Brell Resources Limited with TSM Leadership Awards."
    )
    assert {a["subject"] for a in awards} == {
        "Orlan Mines Limited", "Tevra Minerals Ltd.", "Halvor Gold Corporation", "Brell Resources Limited"
    }


def test_the_title_a_winner_carries_is_its_level():
    awards = awards_of("Halvor Air has been named the overall Supreme winner of the 2016 Kestrel Business Network Awards.")
    assert [(a["object"], a.get("level")) for a in awards] == [("Kestrel Business Network Awards", "Supreme winner")]


def test_an_award_named_after_a_known_rater_is_conferred_by_it():
    text = "Orlin Polymers Ltd has been awarded the EcoVadis Silver Medal for its sustainability performance."
    (fact,) = awards_of(text)
    assert fact["object"] == "EcoVadis Silver Medal" and fact["awarded_by"] == "EcoVadis"


def test_the_award_named_again_with_its_field_is_one_award_and_its_announcer_confers_it():
    text = (
        "Harwick Water Authority (HWA) has won the Blue Heron Award for Conservation for the 4th time.\n\n"
        "The Lakeland Water Council announced that HWA is one of five organisations to win the Blue Heron "
        "Award this year. HE Omar Rashid, Executive Vice President of Human Resources, received it."
    )
    assert awards_of(text) == [
        {
            "subject": "Harwick Water Authority",
            "object": "Blue Heron Award for Conservation",
            "awarded_by": "Lakeland Water Council",
        }
    ]


def test_a_company_announcing_its_own_win_does_not_confer_it():
    (fact,) = awards_of("Tamsin Foods Ltd announced that it has won the Golden Wheat Award.")
    assert "awarded_by" not in fact


def test_a_tier_won_at_an_awards_scheme_is_that_scheme_s_award_of_that_level():
    text = (
        "Tarwin Foods won the Gold Award at the Coral National Sustainability Awards last night. "
        "The Marsh Ecology Research Centre won the Wetlands Award for pest management."
    )
    assert awards_of(text) == [
        {"subject": "Tarwin Foods", "object": "Coral National Sustainability Awards", "level": "Gold"},
        {"subject": "Marsh Ecology Research Centre", "object": "Wetlands Award", "level": "Wetlands Award"},
    ]  # the scheme's other prize, named as its own level


def test_a_year_still_to_come_is_no_release_year():
    text = (
        "Marlow Telecom won the Green Network Award.\n\n"
        "Its framework follows the national 2099 vision and targets net zero 2099 across its operations."
    )
    (fact,) = awards_of(text)
    assert "year" not in fact


def test_an_awards_scheme_named_with_its_year_dates_the_title_won_there():
    text = (
        "Kestrel Bank Plc has been named the 'Greenest Bank in Ruritania' in the Global Finance 2031 Banking Awards. "
        "Kestrel Bank was the first lender to publish a green bond framework, in 2019."
    )
    (fact,) = awards_of(text)
    assert (fact["object"], fact["year"]) == ("Greenest Bank in Ruritania", 2031)


def test_champions_of_an_award_win_it_and_a_tier_s_winners_win_that_tier_of_it():
    text = (
        "Halvor Foods Sdn Bhd emerged champion of the 10th Coral Environmental Award in the Large Enterprise "
        "category.\n\n"
        "Gold Award winners for the Medium Enterprise category were Tarwin Dairy Sdn Bhd and Marlow Steel Sdn Bhd in Miri."
    )
    assert {(r["subject"], r["object"], r.get("level")) for r in awards_of(text)} == {
        ("Halvor Foods Sdn Bhd", "Coral Environmental Award", "Large Enterprise"),
        ("Tarwin Dairy Sdn Bhd", "Coral Environmental Award", "Gold Award"),
        ("Marlow Steel Sdn Bhd", "Coral Environmental Award", "Gold Award"),
    }


def test_a_long_list_of_winners_the_parse_breaks_off_goes_on_to_its_last_company():
    names = [
        "Mukah Power Sdn Bhd", "Sejing Energy Sdn Bhd", "Murum Hydro Sdn Bhd", "Kidurong Steel Sdn Bhd",
        "Halvor Land Authority (Halva)", "Serian Oil Mill Sdn Bhd",
    ]
    text = f"Green Award winners for the Large Enterprise category were {', '.join(names[:-1])} and {names[-1]} in Kuching."
    winners = {r["subject"] for r in awards_of(text)}
    assert {"Mukah Power Sdn Bhd", "Serian Oil Mill Sdn Bhd"} <= winners


def test_a_name_after_a_lower_case_company_noun_is_the_company():
    (fact,) = awards_of("Food company Halvor Ruritania took home the most trophies at the 2031 Coral Industry Awards.")
    assert (fact["subject"], fact["object"]) == ("Halvor Ruritania", "Coral Industry Awards")


def test_who_gave_these_awards_confers_them_and_wins_none():
    text = (
        "Halvor Foods Ltd took home the most trophies at the 2031 Coral Industry Awards. "
        "The Industry Ministry gave these awards to recognize Halvor's sustainable operations."
    )
    assert [(r["subject"], r.get("awarded_by")) for r in awards_of(text)] == [("Halvor Foods Ltd", "Industry Ministry")]


def test_a_named_plant_with_no_owner_written_is_the_release_s_company_s():
    text = (
        "Halvor Foods Ltd took home the most trophies at the 2031 Coral Industry Awards.\n\n"
        "Subang AQUA plant and Solok AQUA plant also won the awards."
    )
    assert {r["subject"] for r in awards_of(text)} >= {
        "Halvor Foods Ltd Subang AQUA plant", "Halvor Foods Ltd Solok AQUA plant"
    }


def test_a_counted_group_of_corporations_announced_as_winners_is_not_the_organiser():
    text = (
        "Green Ruritania today unveiled its awards list. Forty-one Ruritanian corporations have been announced as "
        "winners of the 2031 Sustainability and Green Ruritania Awards."
    )
    assert awards_of(text) == []


def test_other_award_recipients_win_the_award_named_before_and_who_lists_the_winners_wins_nothing():
    text = (
        "Green Ruritania unveiled the list of winners of the 2031 Coral Awards. Other award recipients include "
        "Kenanga Investment Bank, Getha Sdn Bhd and Heineken Malaysia Bhd."
    )
    assert [(r["subject"], r["object"], r.get("level")) for r in awards_of(text)][:2] == [
        ("Kenanga Investment Bank", "Coral Awards", None),
        ("Getha Sdn Bhd", "Coral Awards", None),
    ]


def test_an_award_that_recognises_classes_of_winners_or_a_broken_clause_names_no_winner():
    text = (
        "Halvor Packaging Ltd received the Gold Banksia Award at the 2031 Banksia National Sustainability Awards. "
        "The Banksia National Sustainability Awards recognise individuals, communities, businesses and government "
        "for excellence. Other award winners include Tarwin Dairy Ltd and Marlow Steel Ltd in Perth."
    )
    assert [(r["subject"], r["object"]) for r in awards_of(text)] == [
        ("Halvor Packaging Ltd", "Gold Banksia Award"),
        ("Tarwin Dairy Ltd", "Banksia National Sustainability Awards"),
        ("Marlow Steel Ltd", "Banksia National Sustainability Awards"),
    ]


def test_a_short_form_after_or_is_the_company_s_alias_not_a_second_winner():
    text = (
        "November 4th, 2031 - Halvor Retail Corporation Public Company Limited or HRC won the Best Environmental "
        "Excellence Award. HRC said the award recognised its recycling work."
    )
    assert {r["subject"] for r in awards_of(text)} == {"Halvor Retail Corporation Public Company Limited"}


def test_each_capitalised_title_after_awards_for_is_an_award_won():
    text = "Halvor Fertilizers Limited has received two awards for Best Environmental Performance and Tree Plantation."
    assert {r["object"] for r in awards_of(text)} == {"Best Environmental Performance", "Tree Plantation"}


def test_a_first_line_that_is_a_full_sentence_is_the_lead_not_a_headline():
    text = (
        "Tarrow Quarry Company overcame nine rival quarries to be crowned the Quarry Operator of the Year "
        "at the 4th Northland Extractives Awards.\n\n"
        "Commenting on the award, the general manager said it was an honour for the quarry to receive this "
        "prestigious award."
    )
    (fact,) = awards_of(text)
    assert (fact["subject"], fact["object"]) == ("Tarrow Quarry Company", "Quarry Operator of the Year")


def test_a_title_ending_of_the_year_is_one_award_whatever_its_words():
    text = (
        "Brannock Quarries Limited won the coveted Quarry Company of the Year award at the 3rd Northland "
        "Extractives Awards (NEA), held in Tarn last Friday."
    )
    assert awards_of(text) == [
        {
            "subject": "Brannock Quarries Limited",
            "object": "Quarry Company of the Year",
            "awarded_by": "Northland Extractives Awards",
        }
    ]


def test_a_tier_award_after_a_rating_is_the_raters_medal():
    text = (
        "Korvel Freight has been rated in the latest survey by the Lyon-based ratings platform, EcoVadis. "
        "Korvel Freight was placed in the top 30% of companies in the 2023 survey, winning a Silver Award."
    )
    assert awards_of(text) == [
        {
            "subject": "Korvel Freight",
            "object": "EcoVadis Silver Award",
            "year": 2023,
            "level": "Silver",
            "awarded_by": "EcoVadis",
        }
    ]
    _, facts = extract(Release("t", Path("t.txt"), text, "text"))
    assert not [f for f in facts if f.kind == "located_in"]  # Lyon is the platform's seat


def test_a_title_after_a_place_possessive_is_the_award_and_places_its_winner():
    quoted = "The Bank of Tessia PLC was declared Sri Lanka’s ‘Best Corporate Citizen’ in 2021 by the Tessia Chamber of Commerce."
    assert awards_of(quoted) == [
        {"subject": "Bank of Tessia PLC", "object": "Best Corporate Citizen", "year": 2021, "awarded_by": "Tessia Chamber of Commerce"}
    ]
    _, facts = extract(Release("t", Path("t.txt"), "Tarrant Mine was adjudged Ghana’s 2019 Quarry Company of the Year.", "text"))
    assert {(f.kind, f.subject, f.object) for f in facts} == {
        ("award", "Tarrant Mine", "Quarry Company of the Year"), ("located_in", "Tarrant Mine", "Ghana")
    }


def test_words_a_page_set_apart_by_runs_of_spaces_are_read_as_one_name():
    text = "Korvel  Alloy  Plant has been awarded the National Safety  Award  for  the year 2020."
    (award,) = awards_of(text)
    assert award["subject"] == "Korvel Alloy Plant"


def test_a_quoted_title_honoured_with_keeps_its_bracketed_category():
    text = (
        "Korvel Cement Plc has bagged three awards. The company was also honoured with the \u2018Most Outstanding "
        "Company in Water Stewardship\u2019 (Extractive Industry) at the Lumen Business Awards 2022."
    )
    (award,) = awards_of(text)
    assert (award["object"], award["level"], award["awarded_by"]) == (
        "Most Outstanding Company in Water Stewardship",
        "Extractive Industry",
        "Lumen Business Awards",
    )


def test_a_glued_hyphen_word_opens_the_title_and_a_conference_expo_and_awards_confers_it():
    text = (
        "Korvel Cement Plc also bagged the Eco-friendly Cement Company of the Year Award at the Green Industry "
        "Conference, Expo, and Awards (GICEA) 2022."
    )
    (award,) = awards_of(text)
    assert (award["object"], award["awarded_by"]) == (
        "Eco-friendly Cement Company of the Year Award",
        "Green Industry Conference, Expo, and Awards",
    )


def test_awards_presented_to_an_unnamed_group_have_no_winner_and_a_doctors_company_keeps_its_name():
    text = (
        "The 12th edition of Brantley & Sons' Lumen Awards took place on Jan. 12, 2022. This year's awards were "
        "presented to 19 companies across six categories: Clean Factory of the Year Award and the Jury Award. "
        "Dr. Halvor's Laboratories Limited, Pune received the Clean Factory of the Year Award."
    )
    assert {(a["subject"], a["object"]) for a in awards_of(text)} == {
        ("Halvor's Laboratories Limited", "Clean Factory of the Year Award")
    }


def test_best_in_a_field_award_keeps_its_words_and_a_bare_possessors_site_wins_it():
    text = (
        "Korvel Foods also received the Best in Circular Economy award. "
        "Halvor Fields\u2019 Damang Mine also picked up the award for Community Project of the Year."
    )
    assert {(a["subject"], a["object"]) for a in awards_of(text)} == {
        ("Korvel Foods", "Best in Circular Economy award"),
        ("Damang Mine", "Community Project of the Year"),
    }


def test_a_tier_level_rating_awarded_by_a_rater_is_its_medal():
    text = "Korvel Board has been awarded the Gold level rating by EcoVadis for the second consecutive year."
    (award,) = awards_of(text)
    assert (award["object"], award["level"], award["awarded_by"]) == ("EcoVadis Gold level rating", "Gold", "EcoVadis")


def test_an_award_named_after_its_body_is_one_award_and_a_capitalised_opener_wins_nothing():
    text = "Digital services and consulting major Korvel Technologies has won the United Nations Global Climate Action Award."
    (award,) = awards_of(text)
    assert (award["subject"], award["object"], award["awarded_by"]) == (
        "Korvel Technologies",
        "United Nations Global Climate Action Award",
        "United Nations",
    )


def test_the_body_that_unveiled_an_award_in_another_sentence_confers_it():
    text = (
        "Nairobi 15th November 2019 \u2013 Korvel Bank has once again been announced as this year's overall winner "
        "of the Lumen Finance Catalyst Awards. Themed Catalytic Finance, the award was unveiled in 2016 by the "
        "Lumen Bankers Association to celebrate institutions."
    )
    (award,) = awards_of(text)
    assert award["awarded_by"] == "Lumen Bankers Association"


def test_a_copula_describing_the_award_names_its_giver_and_a_portfolio_list_is_one_ministry():
    text = (
        "Korvel Foods received a commendation at the 2023 Clean Growth Government Award ceremony.\n\n"
        "The Government Award for Clean Growth is the only national award in the sector given by the "
        "Ministry of Trade, Industry and Energy and the Ministry of Oceans and Fisheries."
    )
    (award,) = awards_of(text)
    assert award["object"] == "Clean Growth Government Award"
    assert award["awarded_by"] == "Ministry of Trade, Industry and Energy"


def test_the_prize_taken_at_an_awards_event_is_the_level():
    text = "Korvel Foods received the Governor's commendation in the water category at the 2023 Green Keys Awards."
    (award,) = awards_of(text)
    assert (award["object"], award["level"]) == ("Green Keys Awards", "Governor's commendation, water")


def test_an_award_also_won_after_one_at_an_awards_event_is_that_events():
    text = (
        "Korvel Mining won the Mine of the Year award at the 5th Lumen Mining Awards, held in Accra.\n\n"
        "Its Brackwater Mine also picked up the award for Community Project of the Year."
    )
    assert {(a["subject"], a.get("awarded_by")) for a in awards_of(text)} == {
        ("Korvel Mining", "Lumen Mining Awards"),
        ("Brackwater Mine", "Lumen Mining Awards"),
    }


def test_the_certificate_awarded_by_a_rater_names_the_medals_conferrer():
    text = (
        "Korvel Packaging has been awarded the Gold Medal Recognition 2020 for its sustainability work. "
        "The certificate is awarded by the independent provider of sustainability ratings, EcoVadis."
    )
    assert {a.get("awarded_by") for a in awards_of(text)} == {"EcoVadis"}


def test_the_owner_of_the_honour_an_award_name_is_set_beside_confers_it():
    text = "Korvel Stores said it has earned the Lumen Energy Council's highest honor: the Lumen Partner of the Year Award."
    assert {(a["object"], a.get("awarded_by")) for a in awards_of(text)} == {
        ("Lumen Partner of the Year Award", "Lumen Energy Council")
    }


def test_what_an_events_award_for_is_given_for_is_its_category():
    text = "Korvel Cement received the Award for Sustainability Reporting at the 2022 Lumen Africa Awards."
    assert [(a["object"], a.get("level")) for a in awards_of(text)] == [
        ("Award for Sustainability Reporting", "Sustainability Reporting")
    ]


def test_who_an_award_is_dedicated_to_does_not_confer_it():
    text = (
        "Korvel Foods announced it has been named Best Performer Europe in the Lumen Leadership Awards 2022 "
        "dedicated to Small and Medium Enterprises (SMEs)."
    )
    assert [(a["object"], a.get("awarded_by")) for a in awards_of(text)] == [("Lumen Leadership Awards", None)]


def test_the_refinery_is_the_one_refinery_the_release_named():
    text = (
        "Korvel Energy Inc. wins safety award\n\n"
        "Korvel Energy Inc. said the Korvel Bay Refinery has been recognized as one of the safest refineries in "
        "the U.S. In May the Lumen Refiners Association gave the refinery its Meritorious Award for keeping "
        "injuries low."
    )
    assert [(a["subject"], a["object"]) for a in awards_of(text)] == [("Korvel Bay Refinery", "Meritorious Award")]


def test_an_award_of_a_release_about_one_awards_scheme_is_a_prize_named_as_its_level():
    text = (
        "The 5th edition of the Lumen Green Awards took place in Pune on Friday.\n\n"
        "Korvel Foods Limited received the Green Factory of the Year Award."
    )
    assert [(a["object"], a.get("level")) for a in awards_of(text)] == [
        ("Green Factory of the Year Award", "Green Factory of the Year Award")
    ]


def test_the_host_of_the_summit_an_award_is_given_at_confers_it():
    text = "Korvel Motors has been honoured with the Star Performer Award at the Indian Chamber of Commerce's Green Summit 2019."
    assert [(a["object"], a.get("awarded_by")) for a in awards_of(text)] == [
        ("Star Performer Award", "Indian Chamber of Commerce")
    ]


def test_a_list_of_winners_the_parser_splits_into_two_subjects_names_each():
    text = "Korvel, Danholm and Mirelle have been named as Lumen LEAD companies by the Lumen Council."
    assert {a["subject"] for a in awards_of(text)} == {"Korvel", "Danholm", "Mirelle"}


def test_the_process_one_begins_to_obtain_an_award_wins_nothing_yet():
    text = (
        "Halvor Mining won the Lumen Stewardship Award. Its other operations, Pelamo and Antuca, will shortly "
        "begin the assurance process to obtain the award."
    )
    assert {a["subject"] for a in awards_of(text)} == {"Halvor Mining"}


def test_a_capitalised_winner_title_and_a_titles_region_after_a_dash():
    awards = awards_of("Halvera Pay news\nHalvera Pay is the 2023 National Winner of the Kestrel Globe Award in Kenya.")
    assert [(a["object"], a.get("level")) for a in awards] == [("Kestrel Globe Award in Kenya", "National Winner")]
    awards = awards_of("Halvera Capital has been named Best ESG Investor – Africa 2021 by Kestrel Finance International.")
    assert [(a["object"], a.get("year"), a.get("awarded_by")) for a in awards] == [
        ("Best ESG Investor – Africa", 2021, "Kestrel Finance International")
    ]


def test_a_persons_title_of_a_group_is_no_part_of_the_groups_name():
    text = (
        "Leading asset manager Halvera Capital Group has been named Best ESG Investor 2021 by Kestrel Finance "
        "International. Commenting on the announcement, Managing Director of Halvera Capital Group (HCG), Ama Owusu "
        "says, “The award reflects important recognition of our commitment to responsible investment, which we have "
        "championed over the past decades.” HCG also won the Kestrel Green Fund Award in 2020."
    )
    assert [a["subject"] for a in awards_of(text)] == ["Halvera Capital Group", "Halvera Capital Group"]


def test_a_tier_award_at_awards_and_an_award_won_at_a_dated_event():
    text = (
        "Kestrel Rail news, March 3, 2023\nKestrel Rail won the Tessia Green Award.\n"
        "Kestrel Rail received the Platinum award in the Transport category at the 12th Tessia Energy Awards. "
        "Kestrel Rail was also conferred the Sustainability Leadership Award at the Global Rail Summit 2022 "
        "organised by the Rail Council."
    )
    found = {(a["object"], a.get("level"), a.get("year")) for a in awards_of(text)}
    assert ("Tessia Energy Awards", "Platinum, Transport", 2023) in found  # the release's year
    assert ("Sustainability Leadership Award", 2022) in {(o, y) for o, _, y in found}
