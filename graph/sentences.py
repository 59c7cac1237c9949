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


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # offsets into the document text, whitespace trimmed
    end: int
    text: str


@Language.component("esgkg_line_breaks")
def line_breaks(doc):
    """A token after a line break starts a new sentence."""
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def sentence_pipeline() -> Language:
    nlp = spacy.blank("en")
    # "Kestrel Foods Pte. Ltd.", "ranked No. 1": abbreviations spaCy's English exceptions lack
    for abbreviation in language_data()["abbreviations"]:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("esgkg_line_breaks")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000
    return nlp


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, max_chars: int = 1_000) -> list[Sentence]:
    """Sentences with offsets; a run longer than MAX_CHARS (a table, a line with no full stop) is
    cut at spaces into pieces the parser can use. Text is read in 100,000-character blocks cut at
    line breaks, so time grows linearly with its length."""
    sentences = []
    for block_start, block in _blocks(text):
        doc = sentence_pipeline()(block)
        for span in doc.sents:
            start, end = _trimmed(text, block_start + span.start_char, block_start + span.end_char)
            for piece_start, piece_end in _pieces(text, start, end, max_chars):
                for part_start, part_end in _dateline_apart(text, piece_start, piece_end):
                    sentences.append(Sentence(len(sentences), part_start, part_end, text[part_start:part_end]))
    return sentences


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_PLACE_WORDS = r"[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}"
_DATE = (r"(?:(?:\d{1,2}\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2})(?:,?\s+(?:19|20)\d\d)?"
         r"|(?:19|20)\d\d-\d\d-\d\d)")
_AGENCY = r"(?:\s*\([^)]{1,30}\)|\s*/[^/\n]{1,25}/)?"
_DASH = r"\s*[-–—:)]+\s*"
_DATELINE = re.compile(
    r"^\(?(?:" + _PLACE_WORDS + r"(?:\s*\[[^\]]{1,20}\])?,\s*){0,2}" + _DATE + _AGENCY + _DASH + r"(?:\([^)]{1,30}\)" + _DASH + r")?"
    r"|^" + _DATE + r",\s*[A-Z][A-Z.'’]+(?:\s+[A-Z][A-Z.'’]+){0,3}" + _DASH +
    r"|^[A-Z][A-Z.'’]+(?:\s+[A-Z][A-Z.'’]+){0,3}(?:,\s*" + _PLACE_WORDS + r")?" + _DASH)


def _dateline_apart(text: str, start: int, end: int):
    """'KUALA LUMPUR, Jan 3 — Felda ...': the dateline is a sentence of its own, so the parser
    reads the statement after it as the clause it is."""
    found = _DATELINE.match(text, start, end)
    if found and found.end() < end - 20:
        head_start, head_end = _trimmed(text, start, found.end())
        if head_end > head_start:
            yield head_start, head_end
        start, end = _trimmed(text, found.end(), end)
    yield start, end


def _blocks(text: str, size: int = 100_000):
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= size else (text.rfind("\n", start + size // 2, start + size) + 1
                                                            or text.rfind(" ", start + size // 2, start + size) + 1
                                                            or start + size)
        yield start, text[start:end]
        start = end


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
