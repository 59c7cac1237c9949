"""Entity resolution inside a document and across documents.

Within a release: abbreviations defined in the text ("Advanced Semiconductor Engineering, Inc.
(ASE)", "the RBA (Responsible Business Alliance)", '("UMC" or "The Company")') and gazetteer
aliases ("DJSI World" = "Dow Jones Sustainability World Index") map every surface form to one
canonical label. Across releases the IRI is minted from the canonical label's key, so the same
real entity gets one IRI in every document.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .lexicon import Lexicon, normalize
from .mentions import Mention, MentionFinder, abbreviation_fits

_CORPORATE_TAIL = re.compile(
    r",?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|PLC|plc|AG|SA|SE|NV|GmbH|Holdings?)\.?$")
_TICKER = re.compile(r"\((?:NYSE|NASDAQ|Nasdaq|TWSE|TPEx|TSE|TSX|LSE|HKEX|SSE|SZSE|KRX|OTC\w*|ASX|SGX|Euronext)\s*:\s*([A-Z0-9.]{2,8})")
_QUOTED_ALIAS = re.compile(r"\(\s*(?:hereinafter\s+)?[\"“]([^\"”]{2,40})[\"”]")


@dataclass
class Entity:
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        """Resolution key: the label without corporate suffixes, normalised."""
        return normalize(_CORPORATE_TAIL.sub("", self.label)) or normalize(self.label)

    def names(self) -> set[str]:
        return {self.label, *self.aliases}


class DocumentEntities:
    """The entities one release talks about, with every surface form it uses for them."""

    def __init__(self, text: str, sentences, finder: MentionFinder, lexicon: Lexicon):
        self.lexicon = lexicon
        self.finder = finder
        self.by_surface: dict[str, Entity] = {}
        self.mentions = [finder.names(s.text) for s in sentences]
        self._learn_abbreviations(text)
        self.main = self._main_company(sentences)

    # --- resolution -----------------------------------------------------------------------
    def resolve(self, surface: str, type_hint: str | None = None) -> Entity:
        surface = re.sub(r"^(?:the|The)\s+", "", surface.strip())
        key = normalize(surface)
        if key in self.by_surface:
            entity = self.by_surface[key]
            if entity.label.isupper() and len(entity.label) > 4 and not surface.isupper():
                entity.label = surface  # a shouted form ("HSINCHU") gives way to the written one
                if type_hint and entity.type == "organization":
                    entity.type = type_hint
            return entity
        known = self.lexicon.lookup(surface)
        place_prefix = self._place_prefixed_agency(surface)
        if known:
            entity = Entity(known.label, known.type, set(known.aliases) | {surface} - {known.label})
        elif place_prefix:
            entity = self.resolve(place_prefix, "agency")
            entity.aliases.add(surface)
        else:
            kind = type_hint or self.finder.classify(surface) or "organization"
            # datelines shout: "HSINCHU, Sept. 17" names Hsinchu
            label = surface.title() if kind == "place" and surface.isupper() and len(surface) > 3 else surface
            entity = Entity(label, kind)
        self.by_surface[key] = entity
        return entity

    def _peek(self, surface: str, type_hint: str) -> Entity:
        """What SURFACE would resolve to, without recording a new entity for it."""
        known = self.by_surface.get(normalize(re.sub(r"^(?:the|The)\s+", "", surface.strip())))
        if known:
            return known
        found = self.lexicon.lookup(surface)
        if found:
            return Entity(found.label, found.type)
        return Entity(surface, self.finder.classify(surface) or type_hint)

    def _place_prefixed_agency(self, surface: str) -> str | None:
        """'Taiwan Ministry of Labor' names the Ministry of Labor (located in Taiwan)."""
        for place in self.lexicon.place_types:
            if surface.startswith(place + " "):
                rest = surface[len(place) + 1:]
                if self.lexicon.head_type(rest) == "agency":
                    return rest
        return None

    def _link(self, full: str, abbr: str) -> None:
        full = re.sub(r"^(?:the|The)\s+", "", full.strip())
        known = self.lexicon.lookup(full) or self.lexicon.lookup(abbr)
        if known:
            entity = Entity(known.label, known.type, set(known.aliases) | {full, abbr} - {known.label})
        else:
            entity = Entity(full, self.finder.classify(full) or "company", {abbr})
        for name in entity.names():
            self.by_surface[normalize(name)] = entity

    def _learn_abbreviations(self, text: str) -> None:
        finder = self.finder
        for m in finder.name_re.finditer(text):
            after = text[m.end():m.end() + 80]
            full = m.group().rstrip(",")
            # "Full Name (ABBR)" and "Full Name (NYSE: ABBR; ...)"
            paren = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)", after)
            ticker = _TICKER.match(after.lstrip())
            for abbr in filter(None, (paren and paren.group(1), ticker and ticker.group(1))):
                if abbreviation_fits(abbr, full) and full != abbr:
                    self._link(self._strip_initial(full), abbr)
            # "ABBR (Full Name)"
            reverse = re.match(r"\s*\(\s*([A-Z][^()]{4,80}?)\s*\)", after)
            if reverse and re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,10}", m.group()) and abbreviation_fits(
                    m.group(), reverse.group(1)):
                self._link(reverse.group(1), m.group())
        # '("UMC" or "The Company")' right after a name: quoted aliases
        for m in _QUOTED_ALIAS.finditer(text):
            alias = m.group(1).strip()
            before = text[max(0, m.start() - 200):m.start()]
            names = list(finder.name_re.finditer(before))
            if names and abbreviation_fits(alias, names[-1].group()):
                self._link(self._strip_initial(names[-1].group().rstrip(",")), alias)

    def _strip_initial(self, name: str) -> str:
        words = name.split()
        while len(words) > 1 and words[0] in self.finder.stop_initial:
            words = words[1:]
        return " ".join(words)

    # --- the release's own company --------------------------------------------------------
    def _main_company(self, sentences) -> Entity | None:
        """The company the release is about: the most mentioned company-like name, early ones weigh more."""
        scores: Counter = Counter()
        entities: dict[str, Entity] = {}
        for sentence, mentions in zip(sentences, self.mentions):
            weight = 2.0 if sentence.index < 3 else 1.0
            for mention in mentions:
                if mention.type not in (None, "company"):
                    continue
                if len(mention.text) < 2 or " " in mention.text and mention.text.count(" ") > 5:
                    continue
                entity = self._peek(mention.text, "company")
                if entity.type != "company":
                    continue
                scores[entity.key] += weight + (1.0 if self.lexicon.is_company_name(entity.label) else 0.0)
                entities[entity.key] = entity
        # a name that is only the first word of a longer company name counts for that name
        for key in list(scores):
            for other in scores:
                if other != key and other.startswith(key + " ") and scores[other] > 0:
                    scores[other] += scores[key]
        if not scores:
            return None
        key, _ = scores.most_common(1)[0]
        main = self.by_surface.get(normalize(entities[key].label)) or entities[key]
        # the longest recorded form that starts with the main name is its full name
        for entity in entities.values():
            if entity.key.startswith(main.key + " ") and self.lexicon.is_company_name(entity.label):
                entity.aliases |= main.names()
                main = entity
        for name in main.names():
            self.by_surface[normalize(name)] = main
        main.type = "company"
        return main

    def mentions_main(self, sentence_text: str) -> bool:
        if not self.main:
            return False
        return any(re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", sentence_text) for name in self.main.names()
                   if len(name) > 1)

    def first_word_matches_main(self, surface: str) -> bool:
        return bool(self.main) and any(surface.startswith(n) for n in self.main.names() if len(n) > 1)


def mentions_of_type(mentions: list[Mention], *types: str) -> list[Mention]:
    return [m for m in mentions if m.type in types]
