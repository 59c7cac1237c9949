"""Domain knowledge loaded from ontology/: the gazetteer, places and the rule lexicons.

Loaded once per process (the files are data, the compiled regexes are derived from them).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class KnownEntity:
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    topic: str | None = None


def _data(name: str):
    return files("esgkg.ontology").joinpath(name)


@dataclass
class Lexicon:
    rules: dict
    known: dict[str, KnownEntity] = field(default_factory=dict)  # normalized surface -> entity
    place_types: dict[str, str] = field(default_factory=dict)  # place name -> country|region|city

    @cached_property
    def known_pattern(self) -> re.Pattern:
        """One alternation of every gazetteer name and alias, longest first, on word bounds."""
        names = sorted({k for k in self._surfaces}, key=len, reverse=True)
        alternatives = "|".join(re.escape(n).replace(r"\ ", r"(?:['’]s)?\s+") for n in names)
        return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])")

    @cached_property
    def place_pattern(self) -> re.Pattern:
        names = sorted(self.place_types, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")

    @cached_property
    def standard_pattern(self) -> re.Pattern:
        return re.compile(r"(?<![\w/])" + self.rules["standard_code_pattern"] + r"(?![\w])")

    @cached_property
    def _surfaces(self) -> dict[str, KnownEntity]:
        surfaces = {}
        for entity in self.known.values():
            for name in (entity.label, *entity.aliases):
                surfaces[name] = entity
        return surfaces

    def lookup(self, surface: str) -> KnownEntity | None:
        """The gazetteer entry a surface form names ("CDP's A List" finds "CDP A List")."""
        return self.known.get(normalize(surface)) or self.known.get(normalize(re.sub(r"['’]s\b", "", surface)))

    @cached_property
    def _head_types(self) -> dict[str, str | None]:
        return {}

    def head_type(self, name: str) -> str | None:
        """The kind of thing a proper name is, from its last word(s): 'X Award' is an award."""
        cache = self._head_types
        if name not in cache:
            cache[name] = self._head_type(name)
        return cache[name]

    def _head_type(self, name: str) -> str | None:
        words = name.split()
        for kind in ("award", "index", "agency", "initiative", "organization"):
            for head in self.rules["type_heads"][kind]:
                head_words = head.split()
                if [w.lower() for w in words[-len(head_words):]] == [h.lower() for h in head_words]:
                    return kind
        # agencies are also named by a leading word ("Ministry of ...", "Taiwan Ministry of ...")
        if any(w in ("Ministry", "Department", "Bureau", "Administration", "Agency") for w in words[:3]):
            return "agency"
        if any(w in self.rules["type_heads"]["organization"] for w in words[:-1]):
            return "organization"
        # "Principles for Responsible Banking", "Excellence Award for Green Procurement": the head
        # comes before a complement
        for i, word in enumerate(words[:-2]):
            follower = words[i + 1].lower()
            if follower in ("for", "of") and word in self.rules["type_heads"]["award"]:
                return "award"
            if i == 0 and follower in ("for", "on", "of", "to") and word in self.rules["type_heads"]["initiative"]:
                return "initiative"
        # reporting frameworks and guidance are standards a company applies
        for head in self.rules["type_heads"]["framework"]:
            if name.endswith(" " + head) or name == head:
                return "standard" if len(words) > 1 else None
        if self.is_company_name(name):
            return "company"
        return None

    def is_company_name(self, name: str) -> bool:
        last = name.replace(",", " ").split()[-1] if name.split() else ""
        return last in self.rules["company_suffixes"]

    def rule(self, kind: str, key: str) -> re.Pattern:
        """A rule's regular expression, matched on word bounds, case-insensitively."""
        return _compiled(r"(?<![\w-])(?:" + self.rules[kind][key] + r")(?:(?<=[\s(])|(?![\w-]))")


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """Comparison key for names: case, dashes, quotes, punctuation and 'the' folded (memoised:
    the same few names are compared tens of times per release)."""
    text = name.replace("’", "'").replace("–", "-").replace("—", "-").lower()
    text = _LEADING_THE.sub("", text.strip())
    return _NON_NAME.sub(" ", text).strip(" .")


_LEADING_THE = re.compile(r"^the\s+")
_NON_NAME = re.compile(r"[^\w&+/%°.]+")  # runs of these (whitespace included) become one space


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    rules = json.loads(_data("rules.json").read_text(encoding="utf-8"))
    known: dict[str, KnownEntity] = {}
    for line in _data("gazetteer.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else {}
        if "label" not in row:
            continue
        entity = KnownEntity(row["label"], row["type"], tuple(row.get("aliases", ())), row.get("topic"))
        for name in (entity.label, *entity.aliases):
            known[normalize(name)] = entity
    places = json.loads(_data("places.json").read_text(encoding="utf-8"))
    place_types = {name: kind for kind in ("country", "region", "city") for name in places[kind]}
    return Lexicon(rules=rules, known=known, place_types=place_types)
