"""The metric rule (graph/relations/metrics.py), one construction per test, on sentences written
for these tests (never copied from a real release): what a figure is bound to, its unit and year,
and the figures that are no company's ESG metric."""

from pathlib import Path

import pytest

from esgkg.graph.extract import extract
from esgkg.graph.read import Release


def metrics_of(text: str) -> list[tuple]:
    """(object, value, unit, year) of every metric fact of TEXT, in text order."""
    _, facts = extract(Release("metric-test", Path("metric-test.txt"), text, "text"))
    records = [f.to_record() for f in facts if f.kind == "metric"]
    return [(r["object"], r["value"], r.get("unit"), r.get("year")) for r in records]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "At Norvale Energy Corp., water intensity fell 12% year on year.",
            [("water intensity", 12, "percent", None)],
        ),
        (
            "Electricity use at Norvale Energy Corp. dropped by 4.5% in 2023.",
            [("Electricity use", 4.5, "percent", 2023)],
        ),
        (
            "Emissions at Norvale Energy Corp. rose 3% in 2023 as production grew.",
            [("Emissions", 3, "percent", 2023)],
        ),
    ],
)
def test_a_verb_of_change_without_object_changes_its_subject(sentence, expected):
    assert metrics_of(sentence) == expected


def test_a_transitive_verb_of_change_is_not_named_by_its_subject():
    # 'the chiller saved 900 MWh': the chiller is not what was saved
    assert metrics_of("Norvale Energy Corp. said the new chiller saved 900 MWh.") == [
        ("energy savings", 900, "MWh", None)
    ]


def test_from_a_to_b_gives_both_values_each_with_its_own_year():
    text = "Norvale Energy Corp.'s greenhouse gas emissions fell from 1.2 million tonnes in 2019 to 0.9 million tonnes in 2023."
    assert metrics_of(text) == [
        ("greenhouse gas emissions", 1.2, "million tonnes", 2019),
        ("greenhouse gas emissions", 0.9, "million tonnes", 2023),
    ]


def test_from_a_to_b_on_the_verbs_object_with_a_per_unit():
    text = "Norvale Energy Corp. reduced its energy intensity from 310 kWh per tonne in 2020 to 260 kWh per tonne in 2023."
    assert metrics_of(text) == [
        ("energy intensity", 310, "kWh per tonne", 2020),
        ("energy intensity", 260, "kWh per tonne", 2023),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Norvale Energy Corp. lowered electricity use by 8% and water withdrawal by 1.3 million cubic metres in 2022.",
            [("electricity use", 8, "percent", 2022), ("water withdrawal", 1.3, "million cubic metres", 2022)],
        ),
        (
            "Norvale Pharma Ltd. has reduced its carbon emissions by 35% and water consumption by 28%.",
            [("carbon emissions", 35, "percent", None), ("water consumption", 28, "percent", None)],
        ),
    ],
)
def test_gapped_coordination_gives_each_figure_the_object_before_it(sentence, expected):
    assert metrics_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("In 2022, Norvale Energy Corp. saw a sharp decline of 18 percent in landfill waste.", "decline in landfill waste"),
        ("Fuel consumption at Norvale Energy Corp. recorded a decline of 9.5 per cent.", "Fuel consumption decline"),
    ],
)
def test_a_bare_change_noun_takes_the_thing_changed(sentence, name):
    ((measured, *_),) = metrics_of(sentence)
    assert measured == name


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Halden Mining plc's total water withdrawal was 12.3 million cubic metres in 2022.",
            ("total water withdrawal", 12.3, "million cubic metres", 2022),
        ),
        (
            "Halden Mining plc's Scope 1 emissions totalled 2.1 million tonnes of CO2e in 2022.",
            ("Scope 1 emissions", 2.1, "million tonnes of CO2e", 2022),
        ),
        (
            "Bright Lake Bank's renewable electricity share reached 100% in 2022.",
            ("renewable electricity share", 100, "percent", 2022),
        ),
    ],
)
def test_a_verb_of_level_gives_its_subjects_figure(sentence, expected):
    assert metrics_of(sentence) == [expected]


def test_a_conjunct_with_its_own_count_is_another_figure_and_a_count_noun_names_it():
    # 'employees' is a count noun of the language pack; 'stores' counts no ESG figure
    assert metrics_of("Verano Foods S.A. is a retailer with 1,100 stores and 140,000 employees.") == [
        ("employees", 140000, "employees", None)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Norvale Energy Corp. obtained certification for seven processing plants at the end of 2022.",
        "Norvale Pharma Ltd. has 6 bottling plants and 2 research centres.",
        "Kestrel Airways Group carried 52 million passengers last year.",
    ],
)
def test_a_count_of_sites_or_customers_is_a_description_not_a_metric(sentence):
    assert metrics_of(sentence) == []


def test_where_counted_people_are_is_no_part_of_the_name():
    assert metrics_of("Norvale Energy Corp. employs 12,500 people in 30 countries.") == [
        ("people employed", 12500, "people", None)
    ]


def test_a_share_in_brackets_after_a_count_is_the_counts_share():
    text = "In 2022, women held 30% of management roles at Norvale Energy Corp. and four out of its 11 (36%) executive committee seats."
    assert metrics_of(text) == [
        ("management roles", 30, "percent", 2022),
        ("executive committee seats", 36, "percent", 2022),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Norvale Energy Corp. operates a rooftop plant with a capacity of 900 kWp, generating 1,100 megawatt-hours (MWh) per year.",
            [("capacity", 900, "kWp", None), ("power generation", 1100, "megawatt-hours per year", None)],
        ),
        (
            "Norvale Energy Corp. said the second plant could reduce its carbon footprint up to 700 tons of CO2 emission per year.",
            [("CO2 emission", 700, "tons of CO2 emission per year", None)],
        ),
    ],
)
def test_a_unit_alone_is_named_by_the_verbs_noun_or_what_it_weighs(sentence, expected):
    assert metrics_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Bright Lake Bank has provided €12 billion of sustainable finance since 2020.",
            ("sustainable finance", 12, "billion €", None),
        ),
        (
            "Bright Lake Bank issued green bonds worth EUR 750 million in 2023.",
            ("green bonds", 750, "million EUR", 2023),
        ),
    ],
)
def test_money_is_named_by_what_it_is_or_what_is_worth_it(sentence, expected):
    assert metrics_of(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence, year",
    [
        ("Over the course of 2021 to 2022, Norvale Energy Corp. reduced its fuel use by seven per cent.", 2022),
        ("Bright Lake Bank's financed emissions fell 18% between 2019 and 2023.", 2023),
        ("Norvale Energy Corp. lowered its water use by 15% from 2019 levels.", None),
    ],
)
def test_a_span_of_years_dates_the_change_by_its_later_year_and_a_baseline_dates_nothing(sentence, year):
    ((*_, found),) = metrics_of(sentence)
    assert found == year


@pytest.mark.parametrize(
    "sentence",
    [
        "The new battery would last up to ten hours of use, Norvale Energy Corp. said.",
        "Norvale Pharma Ltd. said its revenue grew 20 per cent in the year.",
        "Norvale Pharma Ltd. shares rose 2.3 per cent on Tuesday.",
        "The index assesses more than 3,500 firms and includes only the top 10 percent of the companies in each industry.",
        "The ranking scores Norvale Energy Corp. within the three dimensions of sustainability.",
        "Norvale Energy Corp. set a goal across all three emissions scopes.",
        "Norvale Pharma Ltd. was honoured at a ceremony where over 1,200 delegates gathered.",
        "Norvale Pharma Ltd. was honoured at a ceremony attended by over 300 guests.",
    ],
)
def test_no_metric_from_conditionals_financials_list_sizes_or_audiences(sentence):
    assert metrics_of(sentence) == []


def test_the_small_numbers_of_a_scope_name_are_no_figures():
    assert metrics_of("Norvale Energy Corp. cut its Scope 1 and 2 emissions by 42% against 2019.") == [
        ("Scope 1 and 2 emissions", 42, "percent", None)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Halden Mining plc did not reduce emissions by 10% in 2022.",
        "Halden Mining plc failed to cut water use by 5% in 2022.",
        "Halden Mining plc never recycled more than 40% of its waste.",
    ],
)
def test_no_metric_from_a_negated_clause(sentence):
    assert metrics_of(sentence) == []


def test_a_verb_of_removal_is_no_negation_of_a_figure():
    assert metrics_of("Halden Mining plc removed 3,000 tonnes of CO2 from the atmosphere in 2023.") == [
        ("CO2 removed", 3000, "tonnes of CO2", 2023)
    ]


def test_a_loss_is_no_reported_figure():
    assert metrics_of("Halden Mining plc said the region's wetlands have lost 30% of their area since 1990.") == []


def test_a_figure_named_only_by_a_time_word_is_left_out():
    assert metrics_of("Norvale Pharma Ltd. reported revenue of Rs 4,200 crore, up 14 per cent year on year.") == []


def test_a_scope_name_keeps_its_numbers_inside_a_change_nouns_complement():
    text = "Norvale Energy Corp. achieved a 22% reduction in Scope 1 and 2 emissions in 2023 against a 2019 baseline."
    assert metrics_of(text) == [("reduction in Scope 1 and 2 emissions", 22, "percent", 2023)]


def test_a_bare_change_noun_restates_the_figure_before_it():
    assert metrics_of("Norvale Energy Corp. reduced waste generation by 2,300 tonnes, a 15% decrease from 2021.") == [
        ("waste generation", 2300, "tonnes", None),
        ("waste generation decrease", 15, "percent", None),
    ]


def test_a_length_in_metres_is_a_product_dimension():
    assert metrics_of("The new Norvale Energy Corp. turbine has a rotor diameter of 150 metres.") == []


def test_an_area_in_square_metres_is_a_unit_not_a_dimension():
    assert metrics_of("Norvale Energy Corp. cleared 4,000 square metres of invasive plants in 2023.") == [
        ("invasive plants cleared", 4000, "square metres", 2023)
    ]


def test_last_year_is_dated_by_the_release_date():
    text = (
        "Verano Retail reports on its food rescue\n\n"
        "SANTIAGO, March 3, 2022 - Verano Retail said its stores donate food every week.\n"
        "Last year, Verano Retail donated more than 4,000 tons of food to food banks."
    )
    assert metrics_of(text) == [("food donated", 4000, "tons", 2021)]


def test_a_deadline_already_past_at_release_is_an_achievement_and_a_future_one_a_target():
    text = (
        "Norvale Energy Corp. reports its progress\n\n"
        "LONDON, May 4, 2023 - Norvale Energy Corp. said it had cut its emissions by 30% by 2022.\n"
        "Norvale Energy Corp. aims to cut its water use by 20% by 2030."
    )
    assert metrics_of(text) == [("emissions", 30, "percent", 2022)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Norvale Energy Corp. sourced 100% renewable electricity for its European operations in 2023.",
            ("renewable electricity", 100, "percent", 2023),
        ),
        ("Norvale Energy Corp. uses packaging with 30 percent recycled content.", ("recycled content", 30, "percent", None)),
    ],
)
def test_a_share_written_before_an_adjective_names_the_noun_after_it(sentence, expected):
    assert metrics_of(sentence) == [expected]


def test_a_comparative_gives_its_subjects_figure_and_than_marks_the_baseline():
    assert metrics_of("Norvale Energy Corp. said its emissions were 12% lower in 2023 than in 2022.") == [
        ("emissions", 12, "percent", 2023)
    ]


def test_an_of_complement_leaves_out_its_possessor():
    ((name, *_),) = metrics_of("The solar array of Norvale Energy Corp. supplies 20% of the site's power.")
    assert name == "power"


@pytest.mark.parametrize(
    "sentence",
    [
        "The initiative of Norvale Energy Corp. brings together 240 businesses switching to 100% renewable power.",
        "Norvale Energy Corp. joined 50 companies that have cut their emissions by 30%.",
    ],
)
def test_a_figure_of_other_companies_is_not_the_releases(sentence):
    assert metrics_of(sentence) == []



def test_a_share_a_part_makes_up_of_a_whole_is_named_by_both():
    text = "Tellbrook Mining Ltd results\nWomen make up 28% of the workforce and 35% of the board."
    assert {(name, value) for name, value, _, _ in metrics_of(text)} == {
        ("Women share of workforce", 28), ("Women share of board", 35)
    }


def test_a_count_done_by_a_verb_is_named_by_its_participle():
    text = "Ostrava Group news\nThe Ostrava Group employs 14,000 people and feeds 2,000 children."
    assert [(name, value) for name, value, _, _ in metrics_of(text)] == [("people employed", 14000), ("children fed", 2000)]


def test_a_number_hyphened_to_no_unit_describes_a_kind_and_measures_nothing():
    text = (
        "Halvor Foods today said its offices scored well.\n"
        "Buildings must attain a score of 80 or more on a 100-point scale. "
        "The selection involved a rigorous three-tier assessment."
    )
    assert [m for m in metrics_of(text) if m[0] in ("scale", "rigorous assessment")] == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Last year, 2.4 million meals were donated to food banks.", ("meals donated", 2.4, "million meals")),
        ("The programme started in Chile, where more than 500 tons were rescued.", ("rescued", 500, "tons")),
        (
            "With a local NGO, an average of 1.3 million food rations have been generated.",
            ("food rations generated", 1.3, "million food rations"),
        ),
    ],
)
def test_a_quantity_that_is_the_subject_of_a_passive_is_named_by_what_was_done(sentence, expected):
    text = "Halvor Foods today reported on its food programme.\n" + sentence
    assert [m[:3] for m in metrics_of(text)] == [expected]


def test_a_quantity_expected_to_happen_is_no_figure():
    text = "Halvor Foods today reported on its food programme.\nEight new mills are expected to open next year."
    assert metrics_of(text) == []


def test_a_bare_number_said_of_a_rate_is_a_figure_without_unit_but_a_required_score_is_none():
    text = (
        "Published 2 March 2024\n\nHalvor Foods Ltd. today published its sustainability report.\n"
        "The lost-time injury frequency rate dropped to 0.21. Buildings must attain a score of 80 or more."
    )
    assert metrics_of(text) == [("lost time injury frequency rate", 0.21, None, None)]


@pytest.mark.parametrize(
    "sentence, year",
    [
        ("In FY23, emissions fell 8%.", 2023),
        ("During 2022/23, the company recycled 85% of its waste.", 2023),
        ("As of December 31, 2023, women made up 35% of the workforce.", 2023),
    ],
)
def test_fiscal_years_and_dates_give_the_figures_year(sentence, year):
    text = "Published 2 March 2024\n\nHalvor Foods Ltd. today published its sustainability report.\n" + sentence
    assert [m[3] for m in metrics_of(text)] == [year]


def test_what_a_company_expects_to_reach_is_no_figure_yet():
    text = "Halvor Foods Ltd. today published its report.\nThis year, Halvor Foods expects to recycle 90% of waste."
    assert metrics_of(text) == []


def test_a_year_that_is_the_subject_of_saw_dates_the_figure():
    text = "Published 2 March 2024\n\nHalvor Foods Ltd. published its report.\n2023 saw Halvor Foods reduce emissions by 14%."
    assert [m[3] for m in metrics_of(text)] == [2023]


def test_a_bulleted_noun_of_change_names_what_it_changed():
    text = (
        "Halvor Telecom Ltd. today published its sustainability report.\nKey results:\n"
        "• Reduction of diesel use at base stations by 18% compared to 2020.\n"
        "• Minimization of water consumption by 9%.\n"
    )
    assert [m[:3] for m in metrics_of(text)] == [("diesel use", 18, "percent"), ("water consumption", 9, "percent")]


def test_a_percentile_is_a_figure_named_by_what_it_ranks():
    text = (
        "Published 2 March 2024\n\nKestrel Retail today said it was rated.\n"
        "Kestrel Retail achieved a 99th percentile ranking for total sustainability score."
    )
    assert [m[:3] for m in metrics_of(text)] == [("total sustainability score", 99, "percentile")]


def test_a_change_in_brackets_measures_the_phrase_before_it():
    text = (
        "Published 3 June 2024\n\nHalvor Airways today published results.\n"
        "Two measures improved: CO2 per seat-km (down 12%) and CO2 per freight-km (down 9%)."
    )
    assert [m[:3] for m in metrics_of(text)] == [("CO2 per seat-km", 12, "percent"), ("CO2 per freight-km", 9, "percent")]


def test_a_bare_to_value_takes_the_unit_of_its_from_value():
    text = "Published 3 June 2024\n\nHalvor Airways said emissions fell from 3,100,000 tonnes in 2010 to 2,400,000 in 2020."
    assert metrics_of(text) == [("emissions", 3100000, "tonnes", 2010), ("emissions", 2400000, "tonnes", 2020)]


def test_a_unit_glued_to_its_number_is_read_apart():
    text = "Brenmoor Energy has started operations at its 120MWp Tallis solar farm in Queensland."
    (name, value, unit, _year), = metrics_of(text)
    assert name.startswith("Tallis solar farm") and (value, unit) == (120, "MWp")


def test_a_count_noun_after_an_adjective_and_square_metres_are_units():
    text = "Brenmoor Bank created 350 local jobs and certified offices with a total area of 18,200 m2."
    assert {(value, unit) for _name, value, unit, _year in metrics_of(text)} == {(350, "local jobs"), (18200, "m2")}


def test_each_coordinated_subject_reports_the_figure_and_a_group_name_does_not_swallow_the_first():
    text = (
        "Brenmoor Airport has joined a climate initiative.\n"
        "Both Brenmoor and Kestrel Bank Group are already sourcing 100% of their energy needs from renewables."
    )
    _, facts = extract(Release("metric-test", Path("metric-test.txt"), text, "text"))
    assert {f.subject for f in facts if f.kind == "metric"} == {"Brenmoor Airport", "Kestrel Bank Group"}


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The project could reduce emissions by up to 1,080 tons of CO2 per year.", 1080),
        ("The solar plant will offset 5,390 tonnes of CO2 emissions annually.", 5390),
        ("Each year, the project will prevent 934,000 tonnes of carbon dioxide emissions.", 934000),
    ],
)
def test_what_the_companys_project_does_each_year_is_its_figure(sentence, value):
    text = "Brenmoor Motors Ltd makes cars. " + sentence
    _, facts = extract(Release("metric-test", Path("metric-test.txt"), text, "text"))
    assert [(f.subject, f.qualifiers["value"]) for f in facts if f.kind == "metric"] == [("Brenmoor Motors Ltd", value)]


def test_a_target_with_a_deadline_stays_out_even_when_it_is_yearly():
    assert metrics_of("Brenmoor Motors Ltd makes cars. The plant will reduce emissions by 20 percent a year by 2030.") == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("With an investment of more than Rs 20 crore, the company built the plant.", ("investment", 20, "crore Rs")),
        ("Brenmoor Motors sourced up to A$150m in materials from local suppliers.", ("materials", 150, "million A$")),
        ("Brenmoor Motors allocated KSh 40 million to the scholarship fund.", ("scholarship fund", 40, "million KSh")),
    ],
)
def test_money_in_other_currencies_and_scales_and_what_it_is_of(sentence, expected):
    assert [(name, value, unit) for name, value, unit, _year in metrics_of("Brenmoor Motors Ltd makes cars. " + sentence)] == [
        expected
    ]


def test_a_number_counting_a_modified_plural_noun_is_a_figure_but_a_vague_count_is_not():
    text = "Brenmoor Logistics Ltd moves goods. The company added 50 electric trucks in 2022. It bought 12 solar-powered buses."
    assert {(value, unit) for _name, value, unit, _year in metrics_of(text)} == {
        (50, "electric trucks"), (12, "solar-powered buses")
    }
    assert metrics_of("Brenmoor Logistics Ltd moves goods. The index evaluated 2,500 global enterprises.") == []


@pytest.mark.parametrize("text", [
    "Tavora Telecom released new 5G phones and launched 4K streaming for its 20 million subscribers.",
    "Halvesa Bank reported a net profit of Tk 88.1 crore for the quarter, reflecting a 4 percent rise.",
    "Earnings per share of Halvesa Bank rose to Tk 2.10, and investment income saw growth, reaching Tk 310 crore.",
])
def test_technologies_and_financial_results_are_no_figures(text):
    assert metrics_of(text) == []


def test_a_financial_result_beside_an_esg_figure_leaves_the_esg_figure():
    text = "Halvesa Bank cut its energy use by 12 percent in 2023, while its net profit rose to $40 million."
    assert metrics_of(text) == [("energy use", 12, "percent", 2023)]


@pytest.mark.parametrize("text, expected", [
    ("In this year's index, Halvesa Group obtained a score of 78 out of 100.", [("score", 78, "out of 100", None)]),
    ("Halvesa Group's ESG risk score improved to 19.6 this year.", [("ESG risk score", 19.6, "points", None)]),
    ("Halvesa scored 84 points in the environmental dimension.", [("environmental dimension score", 84, "points", None)]),
])
def test_a_companys_score_is_its_figure_and_the_scale_is_its_unit(text, expected):
    assert metrics_of(text) == expected


def test_what_a_certification_requires_is_no_figure():
    text = (
        "Halvesa Tower was certified LEED Gold. Buildings must attain a score of 60 on a 100-point "
        "scale, and a minimum score of 80 is needed for Platinum."
    )
    assert metrics_of(text) == []


def test_business_news_gives_no_figures_but_an_esg_figure_stands_alone():
    shipments = (
        "Korvath Mining reported a 3.1% rise in its second-quarter iron ore shipments. "
        "Mined nickel production of 52,000 tonnes in the quarter was 4% higher than a year earlier."
    )
    assert metrics_of(shipments) == []
    emissions = "Korvath Mining cut its greenhouse gas emissions by 14% in 2023."
    assert [m[:3] for m in metrics_of(emissions)] == [("greenhouse gas emissions", 14, "percent")]


def test_a_percentile_a_score_puts_the_company_in_is_no_score():
    text = "Halvor Glass was rated Gold by EcoVadis. Its score of 77 puts the business in the 98th percentile."
    assert [m for m in metrics_of(text) if m[2] == "points"] == [("score", 77, "points", None)]


def test_a_score_written_out_of_100_and_an_acronym_inside_a_lower_case_phrase():
    text = (
        "Unión Kestrel Farmacéutica, S.A.U., a Spain-based pharmaceutical API manufacturer, has been awarded "
        "the EcoVadis Gold Medal, achieving an overall score of 83/100."
    )
    _, facts = extract(Release("t", Path("t.txt"), text, "text"))
    assert {f.subject for f in facts} == {"Unión Kestrel Farmacéutica, S.A.U."}
    assert [m[:3] for m in metrics_of(text)] == [("overall score", 83, "out of 100")]


def test_a_word_that_names_nothing_measured_names_no_figure():
    sentence = "Halden Group named climate action as one of three key priority issues in a bid to reach net zero."
    assert all(name not in ("bid", "bid to") for name, *_ in metrics_of(sentence))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Halvor Telecom's biogas programme has so far seen 57 biogas units installed by farmers.",
            ("biogas units installed", 57, "biogas units", None),
        ),
        (
            "Other initiatives included the successful recycling of 88.1% of Halvor Telecom's solid waste in FY 2022.",
            ("solid waste recycling", 88.1, "percent", 2022),
        ),
    ],
)
def test_a_figure_is_named_by_what_was_done_to_what_it_counts(sentence, expected):
    assert expected in metrics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Halden Group joined RE100 today. 'Close to 30% of the world's energy-related CO2 emissions comes from the "
        "buildings sector,' said Halden.",
        "Halden Group was included in the index. For the first time, the index tracked which companies were going "
        "public with their goals – 39 per cent of the firms have public targets to increase female leadership.",
        "Halden Group's programme has seen the installation of over 157,000 solar panels across its sites.",
    ],
)
def test_a_share_of_the_world_s_or_of_other_firms_or_a_name_cut_at_its_quantity_is_no_company_figure(sentence):
    names = [name for name, *_ in metrics_of(sentence)]
    assert not any(n.endswith(" over") or n in ("firms", "energy related CO2 emissions") for n in names), names


def test_a_raters_report_counts_and_shares_of_global_totals_are_no_company_figures():
    text = (
        "Varro Power Inc. ranked first in the Vellum utility report. The report analyzes the performance of "
        "31 utilities across six areas. Deforestation accounts for about 12% of global carbon emissions."
    )
    assert metrics_of(text) == []


def test_the_equivalent_of_a_figure_is_named_by_what_was_done():
    text = "Varro Foods Ltd also donated 1,950 tonnes of surplus food, the equivalent of more than 4.6 million meals, to charity in 2022."
    assert ("meals donated", 4.6, "million meals", 2022) in metrics_of(text)


def test_a_quantity_done_to_a_thing_is_named_by_the_thing_and_the_deed_and_a_units_stop_ends_nothing():
    text = "In 2019, Norvale Aerospace prevented 380 kg. carbon dioxide emissions by recycling 2,847 tons of metal."
    assert ("metal recycled", 2847, "tons", 2019) in metrics_of(text)


def test_a_forecast_saving_is_a_target_not_a_figure_and_projects_are_no_forecast():
    assert metrics_of("Norvale Resorts said its initiative alone is forecast to save 107 tonnes of carbon a year.") == []
    text = "Norvale Energy Corp. operates its 240 plus environmental services projects."
    assert [m[1] for m in metrics_of(text)] == [240]


def test_an_average_a_thing_is_kept_at_is_named_by_the_thing():
    text = "In the East Zone, Norvale Water has kept the NRW at an average of 12-13% and hopes to do more."
    assert [m[:3] for m in metrics_of(text)] == [("NRW", 13, "percent")]


def test_irregular_verbs_give_their_own_participle():
    from esgkg.graph.nlp import parse
    from esgkg.graph.relations.metrics import _participle

    (doc,) = parse(["Norvale needs to meet 70 requirements and to pay 5 fees."])
    assert [_participle(t) for t in doc if t.lemma_ in ("meet", "pay")] == ["met", "paid"]


def test_a_count_of_the_companys_own_people_after_of_is_named_by_them_not_by_the_noun_before():
    assert metrics_of("Korvel Ltd works with clients through the engagement of its 78,000 employees.") == [
        ("employees", 78000, "employees", None)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tavelin Chemicals' recycled water share reached 47% in 2023.",
        "The recycled water share of Tavelin Chemicals reached 47% in 2023.",
    ],
)
def test_a_level_verbs_percent_is_its_subjects_figure_whoever_owns_it(sentence):
    assert metrics_of(sentence) == [("recycled water share", 47, "percent", 2023)]


def test_a_site_able_to_cut_a_quantity_is_the_figures_subject():
    text = "PT Korvana Cement Tbk won the award. The Lindby Plant was able to reduce carbon emissions by 12,500 tons in 2016."
    _, facts = extract(Release("metric-test", Path("metric-test.txt"), text, "text"))
    assert [(f.subject, f.qualifiers["value"]) for f in facts if f.kind == "metric"] == [("Lindby Plant", 12500)]


def test_the_assets_of_investors_who_ask_for_disclosure_are_the_raters_not_the_companys():
    text = (
        "Korvana Foods was named on the Lumen A List. In 2022, over 600 investors with over US$130 trillion in "
        "assets requested companies to disclose data through Lumen’s platform."
    )
    assert metrics_of(text) == []
