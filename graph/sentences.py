"""Sentence bounds with character offsets, from spaCy's rule-based sentencizer.

A blank English pipeline (tokenizer + sentencizer) keeps 10k releases within the ingest budget;
line breaks also end a sentence, since headlines, datelines and bullets carry no full stop.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from .lexicon import load_lexicon


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
    for abbreviation in load_lexicon().rules["abbreviations"]:
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


def split_sentences(text: str) -> list[Sentence]:
    doc = sentence_pipeline()(text)
    sentences = []
    for span in doc.sents:
        start, end = _trimmed(text, span.start_char, span.end_char)
        if end > start:
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences
