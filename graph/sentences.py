"""Sentence bounds with character offsets, from spaCy's rule-based sentencizer.

A blank English pipeline (tokenizer + sentencizer) is cheap, so only sentences that can hold a fact go
through the statistical parser (graph/nlp.py);
line breaks also end a sentence, since headlines, datelines and bullets carry no full stop.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from .language import language_data
from .lexicon import load_lexicon


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # offsets into the document text, whitespace trimmed
    end: int
    text: str


@lru_cache(maxsize=1)
def sentence_pipeline() -> Language:
    nlp = spacy.blank("en")
    # "Kestrel Foods Pte. Ltd.", "ranked No. 1": abbreviations spaCy's English exceptions lack
    for abbreviation in language_data()["abbreviations"]:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000
    return nlp


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


MAX_SENTENCE_CHARS = 1_000  # longer "sentences" (tables, run-on lines) are cut at spaces before parsing


def split_sentences(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[Sentence]:
    """Sentences with offsets. A line break ends a sentence (headlines, datelines and bullets carry
    no full stop), so each line goes through the sentencizer on its own; a run longer than
    MAX_CHARS (a table, a line with no full stop) is cut at spaces into pieces the parser can
    use. Every step is linear in the text's length."""
    lines = list(_lines(text))
    sentences = []
    docs = sentence_pipeline().pipe(line for _, line in lines)
    for (line_start, _), doc in zip(lines, docs):
        for span_start, span_end in _lowercase_joined(doc):
            start, end = _trimmed(text, line_start + span_start, line_start + span_end)
            for piece_start, piece_end in _pieces(text, start, end, max_chars):
                for part_start, part_end in _dateline_apart(text, piece_start, piece_end):
                    sentences.append(Sentence(len(sentences), part_start, part_end, text[part_start:part_end]))
    return sentences


def _lowercase_joined(doc):
    """(start, end) characters of DOC's sentences, a 'sentence' that opens in lower case joined to
    the one before ('380 kg. carbon dioxide': a unit's full stop ended nothing)."""
    bounds: list[list[int]] = []
    for span in doc.sents:
        if bounds and span.text[:1].islower():
            bounds[-1][1] = span.end_char
        else:
            bounds.append([span.start_char, span.end_char])
    return bounds


# a line, run on past line breaks where a hard-wrapped sentence goes on in lower case
LINE = re.compile(r"(?:[^\n]*[a-z,(\-–][ \t]*\n(?=[ \t]*[a-z(]))*[^\n]+")


def _lines(text: str, longest: int = 100_000):
    """(offset, line) for each non-blank line; a line over LONGEST characters comes in pieces cut at
    spaces. A hard-wrapped line ('its pilot green aviation' / 'fuel programme') runs on into the next
    when it ends in no stop and the next begins in lower case."""
    for match in LINE.finditer(text):
        start, line = match.start(), match.group()
        while len(line) > longest:
            cut = line.rfind(" ", longest // 2, longest) + 1 or longest
            yield start, line[:cut]
            start, line = start + cut, line[cut:]
        if line.strip():
            yield start, line


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_PLACE_WORDS = r"[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (r"(?:(?:" + _DAY + r"\s+" + _MONTH + r"|" + _MONTH + r"\s+" + _DAY + r")(?:,?\s+(?:19|20)\d\d)?"
         r"|(?:19|20)\d\d-\d\d-\d\d)")
_AGENCY = r"(?:\s*\([^)]{1,30}\)|\s*/[^/\n]{1,25}/)?"
_DASH = r"(?:\s*[–—:)]+\s*|\s+-+\s*|-+\s+)"  # a hyphen with no space either side joins words ('ISS-ESG')
_WIRE = r"(?:--\s*\([^)]{1,30}\)\s*--)"  # 'BERLIN--(BUSINESS WIRE)--'
_DATELINE = re.compile(
    r"^\(?(?:" + _PLACE_WORDS + r"(?:\s*\[[^\]]{1,20}\])?(?:,\s*|\s+(?=\())){0,2}\(?" + _DATE + r"\)?" + _AGENCY + _DASH
    + r"(?:\([^)]{1,30}\)" + _DASH + r")?"
    r"|^" + _DATE + r",\s*[A-Z][A-Z.'’]+(?:\s+[A-Z][A-Z.'’]+){0,3}" + _DASH +
    r"|^[A-Z][A-Z.'’]+(?:\s+[A-Z][A-Z.'’]+){0,3}(?:,\s*" + _PLACE_WORDS + r")?\s*" + _WIRE +
    r"|^[A-Z][A-Z.'’]+(?:\s+[A-Z][A-Z.'’]+){0,3}(?:,\s*" + _PLACE_WORDS + r")?" + _DASH)
# 'Johannesburg - ', 'LONDON (Reuters) - ', 'Oslo, Norway: ': a known place only
# ('Halvor Foods – Best Water Strategy' is a list item)
_TITLED_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2})(?:,\s*[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)?"
    r"(?:\s*\([^)]{1,30}\))?(?:\s+[-–—]{1,2}|:)\s+(?=[A-Z])")


def _dateline_apart(text: str, start: int, end: int):
    """'KUALA LUMPUR, Jan 3 — Felda ...': the dateline is a sentence of its own, so the parser
    reads the statement after it as the clause it is."""
    found = _DATELINE.match(text[start:end]) or _titled_dateline(text[start:end])  # '^' anchors at 0 only
    if found and start + found.end() < end - 20:
        head_start, head_end = _trimmed(text, start, start + found.end())
        if head_end > head_start:
            yield head_start, head_end
        start, end = _trimmed(text, start + found.end(), end)
    yield start, end


def _titled_dateline(line: str):
    found = _TITLED_DATELINE.match(line)
    return found if found and found.group("place") in load_lexicon().place_types else None


def _pieces(text: str, start: int, end: int, max_chars: int):
    while end - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = cut if cut > start else start + max_chars
        piece_start, piece_end = _trimmed(text, start, cut)
        if piece_end > piece_start:
            yield piece_start, piece_end
        start = cut
    start, end = _trimmed(text, start, end)
    if end > start:
        yield start, end


LIST_ITEM = re.compile(r"^(?:[-•*·▪–—]|\(?\d{1,2}[.)])?\s*[A-Z0-9]|^\(?\d{1,3}[.)]$")  # '1.' alone: a number's line
MAX_ITEM_CHARS = 160


def is_list_item(text: str) -> bool:
    """A line of a list ('- Halvor Foods', 'Brightwell Bank – Best Climate Disclosure'): short, no
    sentence of its own, and no list's opening line itself."""
    return len(text) <= MAX_ITEM_CHARS and bool(LIST_ITEM.match(text)) and not text.endswith((":", "?"))


def colon_list_items(sentences: list[Sentence]) -> set[int]:
    """Indices of the lines listed after a line that ends with a colon ('The winners are:')."""
    items: set[int] = set()
    for opening, following in zip(sentences, sentences[1:]):
        listing = opening.text.endswith(":") or opening.index in items
        if listing and following.start > opening.end and is_list_item(following.text):
            items.add(following.index)
    return items



BULLET = re.compile(r"^(?:[-•*·▪–—]|\(?\d{1,2}[.)])\s*")


@dataclass(frozen=True)
class ListedItem:
    """A line listed under an opening line that ends with a colon, read as one sentence with it:
    'The company was included in the following indices:' and '- FTSE4Good Index Series' state one
    inclusion (a list after a colon is a coordination)."""

    opening: Sentence
    sentence: Sentence  # the evidence: the opening line through the item, verbatim
    parse_text: str  # the opening line and the item, without its bullet, as one sentence


def listed_items(text: str, sentences: list[Sentence], items: set[int], opens) -> list[ListedItem]:
    """Each line of ITEMS (from colon_list_items) with the line that opens its list, where
    OPENS(opening text) says that line can state a fact."""
    found = []
    opening = None
    for sentence in sentences:
        if sentence.index not in items:
            opening = sentence if sentence.text.endswith(":") and opens(sentence.text) else None
            continue
        item = BULLET.sub("", sentence.text).rstrip(" ;,.")
        if opening is None or not any(c.isalpha() for c in item):
            continue
        evidence = Sentence(sentence.index, opening.start, sentence.end, text[opening.start : sentence.end])
        found.append(ListedItem(opening, evidence, f"{opening.text} {item}."))
    return found
