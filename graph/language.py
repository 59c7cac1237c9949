"""The language pack: what is English about English releases (ontology/lang/en/lang.json).

Company suffixes, person titles, month names, self-references ("the bank", "we"), the head nouns
that type a name ("X Award" is an award) and page-furniture markers live there as data, so another
language is another folder, not new code.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache

from .lexicon import _data, load_lexicon

LANGUAGE = "en"
TRAILING_YEAR = re.compile(r"(?:\s+|\s*[-–]\s*)(?:19|20)\d\d(?:\s?[-–/]\s?(?:19|20)?\d\d)?$")


@lru_cache(maxsize=1)
def language_data() -> dict:
    return json.loads(_data(f"lang/{LANGUAGE}/lang.json").read_text(encoding="utf-8"))


PATTERN_FILES = (
    "award",
    "certification",
    "index_inclusion",
    "membership",
    "standard_adoption",
    "program",
    "part_of",
    "located_in",
    "metric",
    "clause",
)


@cache
def pattern_rows(name: str) -> tuple[dict, ...]:
    """The rows of ontology/patterns/NAME.jsonl: a spaCy Matcher pattern and its attributes each."""
    text = _data(f"patterns/{name}.jsonl").read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def company_suffixes() -> frozenset[str]:
    """Legal forms that end a company name, also as a shouted name writes them ('CO., LTD.')."""
    forms = language_data()["company_suffixes"]
    return frozenset(forms) | {form.upper() for form in forms if len(form.rstrip(".")) > 1}


@lru_cache(maxsize=1)
def legal_forms() -> frozenset[str]:
    """Suffixes that only end a name ('Inc.', 'Ltd', 'AG'), not the words that also stand inside
    one ('Toyota Motor Manufacturing North America, Inc.', 'Bank Rakyat Indonesia')."""
    words = set(language_data()["suffix_name_words"])
    return frozenset(s for s in company_suffixes() if s not in words and s.title() not in words)


@lru_cache(maxsize=1)
def company_prefixes() -> frozenset[str]:
    """Legal forms that begin a company name ('PT Chandra Asri')."""
    return frozenset(language_data()["company_prefixes"])


@lru_cache(maxsize=1)
def company_heads() -> frozenset[str]:
    """Industry nouns that end company names ('Halden Foods', 'Corvid Logistics'): a proper name
    ending in one is a company, whatever NER guessed (it often says PERSON for unknown names)."""
    return frozenset(language_data()["company_heads"])


@lru_cache(maxsize=1)
def program_nouns() -> frozenset[str]:
    """Nouns that head a program's name ('programme', 'project', 'plant', 'fund')."""
    return frozenset(w.lower() for w in language_data()["program_nouns"])


@lru_cache(maxsize=1)
def site_nouns() -> frozenset[str]:
    """Nouns of an organization's sites ('plant', 'store', 'mine')."""
    return frozenset(n.lower() for n in language_data()["site_nouns"])


@lru_cache(maxsize=1)
def person_title_words() -> frozenset[str]:
    """Words of person titles ('Chief', 'Officer'): they end a name run, a person follows."""
    return frozenset(w for title in language_data()["person_titles"] for w in title.split())


def has_company_suffix(name: str) -> bool:
    """Does NAME carry a legal form ('Holvia Ltd.', 'PT Sinar Jaya')?"""
    words = name.replace(",", " ").split()
    return bool(words) and (words[-1] in company_suffixes() or len(words) > 1 and words[0] in company_prefixes())


@lru_cache(maxsize=1)
def assessment_nouns() -> frozenset[str]:
    """Nouns of a rater's or a jury's own work ('the assessment', 'the jury'): a clause they are the
    subject of speaks of the rater, not of the rated organization."""
    return frozenset(language_data()["assessment_nouns"])


def self_reference_words() -> tuple[frozenset[str], frozenset[str]]:
    """(pronouns, nouns) a release uses for its own organization: 'we', 'its'; 'the bank'."""
    data = language_data()["self_reference"]
    return frozenset(data["pronouns"]), frozenset(data["nouns"])


@lru_cache(maxsize=1)
def junk_names() -> frozenset[str]:
    return frozenset(n.lower() for n in language_data()["junk_names"])


@lru_cache(maxsize=1)
def possessive_name_words() -> frozenset[str]:
    """Plural nouns whose possessive stays inside a name ('Children's Fund', 'Farmers' Union')."""
    return frozenset(language_data()["possessive_name_words"])


@lru_cache(maxsize=1)
def unit_words() -> frozenset[str]:
    """One-word units as written ('MW', 'kWh', 'tCO2e'): measures, never names ('12 MW of panels')."""
    return frozenset(u for u in language_data()["units"] if " " not in u)


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
    words = TRAILING_YEAR.sub("", name).split()  # 'Sustainability Program 2030' is a program
    if not words:
        return None
    lowered = [w.lower() for w in words]
    for kind in ("award", "index", "agency", "initiative", "organization", "framework", "program", "place"):
        for head in heads[kind]:
            head_words = head.lower().split()
            if lowered[-len(head_words) :] == head_words:
                return "standard" if kind == "framework" else kind
    # the head before a complement: "Ministry of Labor", "Award for Sustainability", "Principles for ..."
    for i, word in enumerate(words[:-1]):
        if lowered[i + 1] not in ("of", "for", "on", "in", "to"):
            continue
        for kind in ("agency", "award", "initiative", "index", "organization"):
            if word in heads[kind]:
                return kind  # 'Globe of Honour Award for Environment': the first head word that takes one
    if any(w in heads["agency"] for w in words[:2]):
        return "agency"
    if has_company_suffix(name):
        return "company"
    return None


@lru_cache(maxsize=1)
def candidate_words() -> re.Pattern:
    """Words that can state a fact: the trigger and cue words of every pattern file (as stems,
    so 'receiv' finds 'received'), their irregular forms, program and site nouns, units after a
    number, and the gazetteer's names."""
    words = (
        set(language_data()["irregular_forms"])
        | set(language_data()["program_nouns"])
        | set(language_data()["site_nouns"])
    )
    for name in PATTERN_FILES:
        for row in pattern_rows(name):
            if row["label"] not in ("trigger", "level", "rank"):
                continue
            for spec in row["pattern"]:
                for key in ("LEMMA", "LOWER"):
                    value = spec.get(key, {})
                    words |= set(value.get("IN", [])) if isinstance(value, dict) else {value}
    words -= LIGHT_WORDS
    stems = {w[:-1] if len(w) > 4 and w.endswith("e") else w for w in words if w and w.isalpha()}
    names = {n for e in load_lexicon().known.values() for n in (e.label, *e.aliases)}
    alternatives = sorted(stems, key=len, reverse=True) + sorted(map(re.escape, names), key=len, reverse=True)
    quantity = r"(?<![\w.])(?!(?:19|20)\d\d\b)\d[\d,.]*\s*(?:%|-?\s*per\s*cent|[a-zA-Z])"
    return re.compile(quantity + r"|(?<![\w-])(?:" + "|".join(alternatives) + r")", re.I)


LIGHT_WORDS = {
    "have",
    "be",
    "make",
    "get",
    "take",
    "give",
    "keep",
    "set",
    "run",
    "use",
    "part",
    "place",
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "to",
    "for",
    "with",
    "by",
    "as",
    "top",
    "first",
    "best",
}


@lru_cache(maxsize=1)
def trigger_verb_forms() -> frozenset[str]:
    """Inflected forms of the patterns' trigger verbs ('wins', 'receives', 'joined'): a headline
    writes them in title case inside what NER takes for a name ('Brenmoor Utilities Wins ...')."""
    forms = set(language_data()["irregular_forms"])
    for name in PATTERN_FILES:
        for row in pattern_rows(name):
            for spec in row["pattern"] if row["label"] == "trigger" else []:
                lemmas, pos = spec.get("LEMMA", {}), spec.get("POS", {})
                verbs = "VERB" in (pos.get("IN", []) if isinstance(pos, dict) else [pos])
                for lemma in (lemmas.get("IN", []) if isinstance(lemmas, dict) else [lemmas]) if verbs else []:
                    past = lemma[:-1] + "ied" if lemma.endswith("y") else lemma.rstrip("e") + "ed"
                    forms |= {_third_person(lemma), past}
    heads = {w.lower() for words in language_data()["type_heads"].values() for head in words for w in head.split()}
    return frozenset(forms - LIGHT_WORDS - heads)


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    return verb[:-1] + "ies" if verb.endswith("y") and verb[-2:-1] not in "aeiou" else verb + "s"


def is_trigger_word(word: str) -> bool:
    """A trigger or cue word of the pattern files, in any inflection ('AWARDED', 'joins')."""
    found = candidate_words().match(word)
    return bool(found) and found.end() >= len(word) - 3 and not word[:1].isdigit()


def is_trigger_noun(word: str) -> bool:
    """Exactly a trigger or cue word, or its plural ('Inclusion', 'Constituents'; not 'Awardco')."""
    words = candidate_words()
    return not word[:1].isdigit() and bool(words.fullmatch(word) or word.endswith("s") and words.fullmatch(word[:-1]))


GROUP_WORDS = ("Group", "Holdings", "Holding", "Groupe", "Grupo", "Gruppe")


def names_a_group(name: str) -> bool:
    """'the Orvane Group', 'Kestrel Holdings': a corporate group, which companies are part of (its
    'members' are its companies, not the members of a body)."""
    words = name.split()
    return bool(words) and (words[-1] in GROUP_WORDS or words[0] in GROUP_WORDS[3:])

