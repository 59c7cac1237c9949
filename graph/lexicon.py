"""Domain knowledge loaded from ontology/: the gazetteer (general ESG entities) and place names.

Loaded once per process. Language words (suffixes, titles, head nouns) are in the language pack
(graph/language.py), relation patterns in ontology/patterns/.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
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
    known: dict[str, KnownEntity] = field(default_factory=dict)  # normalized surface -> entity
    place_types: dict[str, str] = field(default_factory=dict)  # place name -> country|region|city

    def lookup(self, surface: str) -> KnownEntity | None:
        """The gazetteer entry a surface form names ("CDP's A List" finds "CDP A List")."""
        return self.known.get(normalize(surface)) or self.known.get(normalize(re.sub(r"['’]s\b", "", surface)))


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
    known: dict[str, KnownEntity] = {}
    for line in _data("gazetteer.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else {}
        if "label" not in row:
            continue
        entity = KnownEntity(row["label"], row["type"], tuple(row.get("aliases", ())), row.get("topic"))
        for name in (entity.label, *entity.aliases):
            known[normalize(name)] = entity
    places = json.loads(_data("places.json").read_text(encoding="utf-8"))
    place_types = {name: kind for kind in ("country", "region", "world_region", "city") for name in places[kind]}
    return Lexicon(known=known, place_types=place_types)
