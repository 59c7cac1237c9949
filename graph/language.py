"""The language pack: what is English about English releases (ontology/lang/en/lang.json).

Company suffixes, person titles, month names, self-references ("the bank", "we"), the head nouns
that type a name ("X Award" is an award) and page-furniture markers live there as data, so another
language is another folder, not new code.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from .lexicon import _data

LANGUAGE = "en"


@lru_cache(maxsize=1)
def language_data() -> dict:
    return json.loads(_data(f"lang/{LANGUAGE}/lang.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def company_suffixes() -> frozenset[str]:
    return frozenset(language_data()["company_suffixes"])


def has_company_suffix(name: str) -> bool:
    words = name.replace(",", " ").split()
    return bool(words) and words[-1] in company_suffixes()


@lru_cache(maxsize=1)
def self_reference_words() -> tuple[frozenset[str], frozenset[str]]:
    """(pronouns, nouns) a release uses for its own organization: 'we', 'its'; 'the bank'."""
    data = language_data()["self_reference"]
    return frozenset(data["pronouns"]), frozenset(data["nouns"])


@lru_cache(maxsize=1)
def junk_names() -> frozenset[str]:
    return frozenset(n.lower() for n in language_data()["junk_names"])


@lru_cache(maxsize=1)
def end_of_release() -> re.Pattern:
    return re.compile(language_data()["end_of_release_markers"], re.M | re.I)


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    return language_data()["number_words"]


def number_value(word: str) -> int | None:
    """'sixth', '6th', 'six', '6' -> 6."""
    word = word.lower().strip(".")
    digits = re.match(r"^(\d{1,3})(?:st|nd|rd|th)?$", word)
    if digits:
        return int(digits.group(1))
    return number_words().get(word)


@lru_cache(maxsize=4096)
def head_type(name: str) -> str | None:
    """The kind of thing a proper name is, from its head noun: 'X Award' is an award, 'Ministry of
    Y' an agency, 'X Index' an index, 'X Association' an organization, 'X Principles' an initiative."""
    heads = language_data()["type_heads"]
    words = name.split()
    if not words:
        return None
    lowered = [w.lower() for w in words]
    for kind in ("award", "index", "agency", "initiative", "organization", "framework", "program"):
        for head in heads[kind]:
            head_words = head.lower().split()
            if lowered[-len(head_words):] == head_words:
                return "standard" if kind == "framework" else kind
    # the head before a complement: "Ministry of Labor", "Award for Sustainability", "Principles for ..."
    for i, word in enumerate(words[:-1]):
        if lowered[i + 1] not in ("of", "for", "on", "in", "to"):
            continue
        for kind in ("agency", "award", "initiative", "index", "organization"):
            if word in heads[kind]:
                return kind
        break
    if any(w in heads["agency"] for w in words[:2]):
        return "agency"
    if has_company_suffix(name):
        return "company"
    return None
