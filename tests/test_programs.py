"""program facts, one construction a test, on sentences written for these tests."""

from pathlib import Path

import pytest

from esgkg.graph.extract import extract
from esgkg.graph.read import Release

LEAD = "Corvane Industries Ltd., a maker of valves, today announced its annual results.\n"


def programs(sentence: str) -> list[tuple]:
    """(subject, object, since, location) of each program fact the sentence states after a lead."""
    _, facts = extract(Release("test-release", Path("test-release.txt"), LEAD + sentence, "text"))
    return [
        (f.subject, f.object, f.qualifiers.get("since"), f.qualifiers.get("location"))
        for f in facts
        if f.kind == "program"
    ]


def test_a_possessed_partnership_with_a_named_firm_is_a_program():
    assert ("Corvane Industries Ltd.", "partnership with Helio Systems", None, None) in programs(
        "Corvane's partnership with Helio Systems will turn sawdust into fuel."
    )


def test_announcing_a_partnership_is_no_program_yet():
    assert programs("Corvane Industries announced a partnership with Helio Systems on hydrogen.") == []


@pytest.mark.parametrize(
    "sentence, since",
    [
        ("Corvane has set an internal carbon price on its emissions.", None),
        ("In 2020, Corvane introduced an internal carbon price of $40 per tonne.", 2020),
    ],
)
def test_an_internal_carbon_price_is_a_program(sentence, since):
    assert programs(sentence) == [("Corvane Industries Ltd.", "internal carbon price", since, None)]


def test_operations_kept_carbon_neutral_since_a_year():
    assert programs("Our own operations have been carbon neutral since 2013.") == [
        ("Corvane Industries Ltd.", "carbon neutral operations", 2013, None)
    ]


def test_a_neutrality_target_is_no_program():
    assert programs("Our operations will be carbon neutral by 2030.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Blue Valley programme, launched in 2017, has planted 9,000 trees.",
        "Launched in 2017, the Blue Valley programme has planted 9,000 trees.",
    ],
)
def test_a_named_program_dated_by_a_participle(sentence):
    assert programs(sentence) == [("Corvane Industries Ltd.", "Blue Valley programme", 2017, None)]


def test_a_gerund_among_a_pledge_s_goals_is_a_target():
    assert programs("The pledge's goals include launching energy saving schemes and offsetting emissions.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "At Corvane, the company ensures that safety policies and programs are designed with staff input.",
        "Inspection of pumps and operator training are regularly conducted.",
    ],
)
def test_how_things_are_done_in_general_is_no_program(sentence):
    assert programs(sentence) == []


def test_projects_promoted_since_a_year_in_a_place():
    assert programs("Since 2011, the company has promoted rural reading projects in primary schools in Kenya.") == [
        ("Corvane Industries Ltd.", "rural reading projects", 2011, "Kenya")
    ]


def test_promoting_good_deeds_in_general_is_no_program():
    assert programs("Corvane promotes positive social initiatives.") == []


@pytest.mark.parametrize(
    "sentence, name, since",
    [
        ("Corvane launched a programme called Green Steps in 2016.", "Green Steps programme", 2016),
        ("In 2019 Corvane started an initiative named Clean Coasts.", "Clean Coasts initiative", 2019),
    ],
)
def test_a_program_called_by_a_name(sentence, name, since):
    assert programs(sentence) == [("Corvane Industries Ltd.", name, since, None)]


def test_the_fund_a_levy_feeds():
    assert programs("The levy will feed a climate fund that backs reforestation.") == [
        ("Corvane Industries Ltd.", "climate fund", None, None)
    ]


def test_a_gerund_in_an_owned_program_name():
    assert programs("Corvane's employee volunteering programme has run since 2012 in 15 countries.") == [
        ("Corvane Industries Ltd.", "employee volunteering programme", 2012, None)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Corvane's rivals operate similar recycling schemes.",
        "Corvane has numerous initiatives to reduce waste.",
    ],
)
def test_a_kind_of_program_is_no_program(sentence):
    assert programs(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The government launched a national recycling scheme in 2015.",
        "The assessment uses a rigorous scoring system developed by the rating agency.",
        "The award recognises companies that have launched innovative recycling programmes.",
        "Corvane's products include smart metering systems and heat pumps.",
    ],
)
def test_someone_else_s_program_is_not_the_release_s(sentence):
    assert programs(sentence) == []


def test_a_site_runs_the_program_of_its_owner():
    assert programs("The plant in Pune uses a rainwater harvesting system.") == [
        ("Corvane Industries Ltd.", "rainwater harvesting system", None, "Pune")
    ]


def test_a_passive_program_keeps_its_date():
    assert programs("The employee health centre has been established since 2006.") == [
        ("Corvane Industries Ltd.", "employee health centre", 2006, None)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Corvane ended its sponsorship programme in 2019.",
        "Corvane has no plans to launch a new programme.",
        "Corvane will put the plan on hold.",
    ],
)
def test_an_ended_or_absent_program_is_no_program(sentence):
    assert programs(sentence) == []


def test_a_relative_clause_says_who_started_the_program():
    assert programs("The Bright Minds initiative, which Corvane started in 2012, supports 300 pupils.") == [
        ("Corvane Industries Ltd.", "Bright Minds initiative", 2012, None)
    ]


@pytest.mark.parametrize(
    "sentence, name, since",
    [
        ("Corvane has put in place a whistleblowing system.", "whistleblowing system", None),
        ("Corvane has been carrying out the Safe Water programme since 2010.", "Safe Water programme", 2010),
    ],
)
def test_programs_put_in_place_or_carried_out(sentence, name, since):
    assert programs(sentence) == [("Corvane Industries Ltd.", name, since, None)]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("In 2021, the company inaugurated a 5 MW solar power plant at its factory.", "solar power plant"),
        (
            "The company has been implementing an ISO 14001-certified environmental management system since 2003.",
            "environmental management system",
        ),
    ],
)
def test_a_quantity_or_a_certificate_is_no_part_of_the_name(sentence, name):
    assert [p[1] for p in programs(sentence)] == [name]


def test_expanding_a_program_dates_no_start():
    assert programs("Corvane expanded its solar rooftop programme to 20 stores in 2023.") == [
        ("Corvane Industries Ltd.", "solar rooftop programme", None, None)
    ]


def test_a_list_after_a_colon_gives_one_program_an_item():
    found = programs(
        "The company runs several programmes: the Bright Start scholarship, the Green Team initiative "
        "and the Water Wise project."
    )
    assert [p[1] for p in found] == ["Bright Start scholarship", "Green Team initiative", "Water Wise project"]


def test_each_conjunct_keeps_its_own_year():
    assert programs("Corvane established a recycling centre in 2015 and a composting facility in 2018.") == [
        ("Corvane Industries Ltd.", "recycling centre", 2015, None),
        ("Corvane Industries Ltd.", "composting facility", 2018, None),
    ]


@pytest.mark.parametrize(
    "sentence, runner, since",
    [
        ("The Green Steps programme was launched by Corvane in 2016.", "Corvane Industries Ltd.", 2016),
        ("A new staff training centre was opened in 2020.", "Corvane Industries Ltd.", 2020),
        ("The Blue Sky project was launched by the Ministry of Environment in 2011.", "Ministry of Environment", 2011),
    ],
)
def test_a_passive_program_is_run_by_its_agent_or_the_release(sentence, runner, since):
    assert [(p[0], p[2]) for p in programs(sentence)] == [(runner, since)]


def test_a_bare_program_noun_names_no_program():
    assert programs("The initiative was launched in 2015.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Corvane operates three manufacturing plants in Mexico.",
        "The bank offers mobile banking services to 2 million customers.",
        "Corvane developed a new payment system for merchants.",
    ],
)
def test_a_line_of_business_is_no_program(sentence):
    assert programs(sentence) == []


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("We have been carbon neutral since 2021.", "carbon neutral"),
        ("Our offices have been climate positive since 2021.", "climate positive offices"),
    ],
)
def test_the_organization_itself_kept_neutral_since_a_year(sentence, name):
    assert programs(sentence) == [("Corvane Industries Ltd.", name, 2021, None)]


def test_a_partnership_owned_with_a_curly_possessive_is_the_owner_s_program():
    text = "Kestrel Airways news\nThis includes KA’s partnership with specialist company Ferrovel to build a biofuel plant in Spain."
    _, facts = extract(Release("t", Path("t.txt"), text, "text"))
    assert ("partnership with Ferrovel", "Spain") in {
        (f.object, f.qualifiers.get("location")) for f in facts if f.kind == "program"
    }



def test_a_number_of_programmes_is_the_programmes_and_their_own_place_beats_a_subordinate_clauses():
    sentence = (
        "Since it commenced operations in Peru, Corvane has instituted a number of social investment programmes "
        "in its operational areas in Cusco and Arequipa."
    )
    assert [(p[1], p[3]) for p in programs(sentence)] == [("social investment programmes", "Cusco")]


def test_its_is_the_company_named_before_it_not_the_releases_issuer():
    text = (
        "Zephyr Council today announced the 2023 winners.\n"
        "Brightwell Bank received its award for its paper recycling program.\n"
        "The Council presented the award to Halvor Foods for its water reuse program."
    )
    _, facts = extract(Release("t", Path("t.txt"), text, "text"))
    assert {(f.subject, f.object) for f in facts if f.kind == "program"} == {
        ("Brightwell Bank", "paper recycling program"),
        ("Halvor Foods", "water reuse program"),
    }


def test_a_place_based_company_in_apposition_is_based_there_itself():
    text = "Zephyr Council today announced the winners.\nThe ceremony was organised by Orrin Events Ltd, a Norway-based company."
    _, facts = extract(Release("t", Path("t.txt"), text, "text"))
    assert {(f.subject, f.object) for f in facts if f.kind == "located_in"} == {("Orrin Events Ltd", "Norway")}


def test_a_programme_named_after_a_standard_and_one_the_company_acts_within():
    assert [p[1:3] for p in programs("Corvane launched its Zero Waste to Landfill programme in 2019.")] == [
        ("Zero Waste to Landfill programme", 2019)
    ]
    found = programs("As part of its Project Blue, Corvane Industries recycles 90% of its process water.")
    assert [p[1] for p in found] == ["Project Blue"]


def test_a_foundation_named_after_the_company_is_its_program_unless_it_acts_itself():
    assert [p[1] for p in programs("The company funds the Corvane Valley Development Foundation (CVDF).")] == [
        "Corvane Valley Development Foundation"
    ]
    assert programs("The project is run by the Corvane Culture Foundation.") == []


def test_a_programme_named_across_a_line_break_and_a_bracketed_abbreviation():
    found = programs("Corvane has launched its pilot green aviation\nfuel (GAF) programme with three partners.")
    assert [p[1] for p in found] == ["pilot green aviation fuel programme"]


def test_a_named_programme_that_started_in_a_year_is_the_releases_with_that_year():
    found = programs("The Corvane Scholarship Programme, which started in 2012, supports students in Accra.")
    assert [(p[1], p[2]) for p in found] == [("Corvane Scholarship Programme", 2012)]


@pytest.mark.parametrize(
    "sentence, program",
    [
        ("Corvane has started commercial operations at its Tallis solar farm.", "Tallis solar farm"),
        ("Corvane began construction of the Koala Creek wind farm in 2021.", "Koala Creek wind farm"),
        ("Corvane is building the Redgum Wind Farm in Victoria.", "Redgum Wind Farm"),
        ("Corvane is commissioning the 923MW Dunmore wind farm.", "Dunmore wind farm"),
    ],
)
def test_a_named_facility_the_company_builds_or_runs_is_a_program(sentence, program):
    assert program in {obj for _subject, obj, _since, _location in programs(sentence)}


def test_a_named_facility_located_somewhere_is_located_there_not_its_owner():
    _, facts = extract(Release("test-release", Path("test-release.txt"),
                               LEAD + "Corvane has opened its Tallis solar farm, located in Queensland.", "text"))
    located = {(f.subject, f.object) for f in facts if f.kind == "located_in"}
    assert ("Tallis solar farm", "Queensland") in located
    assert ("Corvane Industries Ltd.", "Queensland") not in located


def test_a_fund_named_after_the_company_that_funds_something_is_its_program_and_a_childrens_fund_is_one_name():
    found = programs("The scholarship, funded by the Corvane Children's Fund, covers school uniforms.")
    assert ("Corvane Industries Ltd.", "Corvane Children's Fund", None, None) in found


def test_a_name_apposed_to_a_project_noun_names_the_project_though_ner_calls_it_a_person():
    found = programs("Corvane's latest wind farm project, Te Uku, was provided as an example of excellence.")
    assert ("Corvane Industries Ltd.", "Te Uku", None, None) in found


@pytest.mark.parametrize("sentence, program", [
    ("Halvor Dairy runs the industry's largest regenerative farming programme.", "regenerative farming programme"),
    ("Halvor Insurance Berhad is an insurer. The Company's flagship Corporate Social Responsibility (CSR) programme "
     "held in 2019 was the Kestrel Education Programme.", "Kestrel Education Programme"),
])
def test_a_programme_is_named_without_superlatives_and_by_the_name_a_copula_gives_it(sentence, program):
    assert [obj for _, obj, _, _ in programs(sentence)] == [program]


def test_a_quoted_name_before_a_program_noun_names_the_program_though_a_standard_shares_it():
    assert programs('Corvane launched its "Zero Waste to Landfill" programme in 2019.') == [
        ("Corvane Industries Ltd.", "Zero Waste to Landfill programme", 2019, None)
    ]


@pytest.mark.parametrize(
    "sentence, committee",
    [
        ("Corvane has recently formed an ESG Reporting Steering Committee to keep its standards high.",
         "ESG Reporting Steering Committee"),
        ("Corvane has launched ESG committees in all of its seven listed affiliates.", "ESG committees"),
    ],
)
def test_a_committee_a_company_forms_or_launches_is_a_program(sentence, committee):
    assert ("Corvane Industries Ltd.", committee) in {(s, o) for s, o, _, _ in programs(sentence)}


def test_a_certificate_unveiled_is_no_program():
    sentence = (
        "Corvane has unveiled its acquisition of the International Organisation for Standardisation (ISO) "
        "45001:2018 Certification, the highest accreditation for safety."
    )
    assert programs(sentence) == []


def test_an_evaluative_adjective_is_no_part_of_a_programs_name():
    names = [p[1] for p in programs("Korvel Bank also doubled the size of its existing solar rooftop project.")]
    assert names == ["solar rooftop project"]


@pytest.mark.parametrize(
    "sentence, named",
    [
        ("Corvane cut its water use through its participation in the Blue Loop Programme.", ["Blue Loop Programme"]),
        ("Corvane Industries participates in the Clean Rivers Project.", ["Clean Rivers Project"]),
        ("Corvane Industries participates in many community programmes.", []),
        ("At the ceremony participated Ana Ruiz, president of Corvane, and Tom Kell.", []),
    ],
)
def test_a_named_program_the_company_participates_in_is_its_program(sentence, named):
    assert [o for _s, o, _since, _loc in programs(sentence)] == named


@pytest.mark.parametrize("when", ["summer 2021", "March 2021", "early 2021"])
def test_a_season_or_month_before_the_year_still_dates_the_start(when):
    assert programs(f"Since {when}, 1,264 solar panels have been installed on the plant's roof.") == [
        ("Corvane Industries Ltd.", "solar panels", 2021, None)
    ]


def test_a_plant_an_adjective_names_that_a_relative_clause_says_the_company_set_up_is_its_program():
    assert programs(
        "This is in addition to the existing in-house solar plant that the company set up at its Pune site in 2021."
    ) == [("Corvane Industries Ltd.", "in-house solar plant", 2021, "Pune site")]


def test_a_named_site_the_program_is_at_is_its_location_when_no_place_is_named():
    assert programs("Corvane has commissioned a 5 MW solar power plant at its Gurugram factory.") == [
        ("Corvane Industries Ltd.", "solar power plant", None, "Gurugram factory")
    ]


def test_its_initiative_called_a_name_is_that_program():
    assert programs("Its initiative, called Green Steps, trains 500 farmers a year.") == [
        ("Corvane Industries Ltd.", "Green Steps initiative", None, None)
    ]


def test_named_programs_the_companys_initiatives_include_and_a_strategy_for_a_period():
    assert programs("Corvane's flagship sustainability initiatives include the Skyleaf programme.") == [
        ("Corvane Industries Ltd.", "Skyleaf programme", None, None)
    ]
    assert programs("Corvane is conducting its fourth sustainability strategy for 2016-2020.") == [
        ("Corvane Industries Ltd.", "sustainability strategy", 2016, None)
    ]
