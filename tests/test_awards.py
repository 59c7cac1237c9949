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
