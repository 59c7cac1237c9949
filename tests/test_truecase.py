"""Title-case headlines get the case their words have in the release's body (graph/truecase.py)."""
from esgkg.graph.truecase import BodyCasing, is_title_case, truecase

BODY = ("Norland Magazine Wins For Halden Foods\n"
        "Norland magazine said Halden Foods wins awards for its water work. Halden Foods thanked Norland.")


def test_title_case_lines_are_told_from_sentences():
    assert is_title_case("Norland Magazine Wins For Halden Foods")
    assert not is_title_case("Norland magazine said Halden Foods wins awards.")
    assert not is_title_case("ISO 14001")  # too few words to be a headline


def test_words_take_the_body_case_names_keep_theirs():
    casing = BodyCasing(BODY)
    assert truecase("Norland Magazine Wins For Halden Foods", casing) == "Norland magazine wins for Halden Foods"


def test_quoted_titles_and_unseen_words_keep_the_headline_case():
    casing = BodyCasing(BODY)
    text = "Halden Foods Earns “Water Company Of The Year” From Zephyr Council"
    assert truecase(text, casing) == "Halden Foods earns “Water Company Of The Year” from Zephyr Council"
    assert len(truecase(text, casing)) == len(text)  # offsets do not move


def test_an_unseen_trigger_verb_is_the_headline_verb():
    casing = BodyCasing(BODY)  # the body never writes 'listed' or 'named'
    assert truecase("Halden Foods Listed On Zephyr Ocean Index", casing) == "Halden Foods listed on Zephyr Ocean Index"
    assert truecase("Halden Foods Named To Zephyr Index", casing) == "Halden Foods named to Zephyr Index"


def test_a_shouted_headline_takes_the_bodys_case_even_for_its_first_word():
    text = (
        "CORVELLA BANK AWARDED TWICE AT GULF CSR AWARDS\n\n"
        "Corvella Bank has won two awards at the 2019 Gulf CSR Awards. The awards were presented in Dubai."
    )
    casing = BodyCasing(text)
    assert truecase(text.splitlines()[0], casing).startswith("Corvella Bank")


def test_a_company_head_after_a_name_keeps_its_capital():
    casing = BodyCasing("Kestrel Bank | Newsroom\nThe bank has won the award for its work.")
    assert truecase("Kestrel Bank | Newsroom", casing) == "Kestrel Bank | Newsroom"
