"""Reading a file as a release: what is a release (text, HTML, Markdown) and what is refused."""
from __future__ import annotations

import re

import pytest

from esgkg.graph.read import ReadError, read_release

XHTML = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
         '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Orvel Motors Inc. joined the RBA.</p>'
         '</body></html>')


@pytest.mark.parametrize("name, content, fmt", [
    ("page.xhtml.html", XHTML, "html"),
    ("notes.md", "[Orvel Motors](http://x) joined the RBA.", "markdown"),
    ("plain.txt", "{Updated} Orvel Motors Inc. joined the RBA.", "text"),
    ("no-extension", "Orvel Motors Inc. joined the RBA.", "text"),
])
def test_releases_are_read(tmp_path, name, content, fmt):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    release = read_release(path)
    assert release.source_format == fmt and "Orvel Motors" in release.text


@pytest.mark.parametrize("content, says", [
    (b"%PDF-1.7\n1 0 obj", "this is a PDF file"),
    (b'<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>', "this is an XML file"),
    (b'  {"@context": {}, "@graph": []}', "this is a JSON file"),
    (b"PREFIX esg: <https://w3id.org/esgkg/ontology#>\n", "this is an RDF (Turtle) file"),
    (b"Orvel Motors Inc. joined the RBA. " * 1000 + b"\x00\x01", "binary file"),
])
def test_other_formats_are_refused_by_content(tmp_path, content, says):
    path = tmp_path / "looks-like-a-release.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=re.escape(says)):
        read_release(path)


def test_a_list_line_with_a_dash_is_no_dateline_but_a_known_place_is():
    from esgkg.graph.sentences import split_sentences

    item = "Brightwell Bank – Best Climate Disclosure"
    assert [s.text for s in split_sentences(item)] == [item]
    assert [s.text for s in split_sentences("Johannesburg - Halvor Foods opened a plant.")] == [
        "Johannesburg -",
        "Halvor Foods opened a plant.",
    ]


def test_a_hard_wrapped_sentence_is_one_sentence_but_a_headline_line_is_not():
    from esgkg.graph.sentences import split_sentences

    text = "Halvor Air Wins Award\nKestrel Air has launched its pilot green aviation\nfuel programme in Avalon.\nNext line."
    assert [s.text for s in split_sentences(text)] == [
        "Halvor Air Wins Award",
        "Kestrel Air has launched its pilot green aviation\nfuel programme in Avalon.",
        "Next line.",
    ]


def test_fiscal_years_are_read_by_the_year_they_end_in():
    from esgkg.graph.clauses import year_value

    assert [year_value(t) for t in ("2023", "FY2023", "FY23", "2022/23", "2022-23", "2022/25", "Q3")] == [
        2023, 2023, 2023, 2023, 2023, None, None
    ]


def test_an_authors_name_and_a_date_on_a_line_of_their_own_are_a_byline_not_a_dateline():
    from esgkg.graph.document_meta import read_meta

    meta = read_meta("Are awards worth it?\n\nRachel Lark - November 22, 2023\n\nAwards are everywhere.\n")
    assert (meta.place, meta.date.year) == (None, 2023)
    assert read_meta("LONDON - November 22, 2023 - Korvel Bank won the Lumen Award.").place == "London"


def test_an_accented_capital_dateline_and_one_with_no_date_name_the_place():
    from esgkg.graph.document_meta import read_meta

    assert read_meta("Acme wins\nMONTRÉAL, May 2, 2020 /PRNewswire/ - Acme Inc. is pleased.").place == "Montréal"
    undated = "Korvel wins an award\n\nSpring Lake, Ill. -- Korvel Stores Corp. said Thursday that it has won an award."
    assert read_meta(undated).place == "Spring Lake"
    assert read_meta("Korvel Stores – Annual results\n\nKorvel Stores Corp. said its sales rose in the year.").place is None
