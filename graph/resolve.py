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
from .mentions import MentionFinder, abbreviation_fits

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
        self.persons = self._persons(text)
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
        place, rest = self.agency_place(surface)
        return rest if place else None

    def agency_place(self, surface: str) -> tuple[str | None, str]:
        """('Thailand', 'Ministry of Industry') for 'Ministry of Industry of Thailand' or 'Thailand Ministry of Industry'."""
        words = surface.split()
        for n in (3, 2, 1):
            if len(words) <= n:
                continue
            head, tail = " ".join(words[:n]), " ".join(words[n:])
            if head in self.lexicon.place_types and self.lexicon.head_type(tail) == "agency":
                return head, tail
            place, rest = " ".join(words[-n:]), words[:-n]
            if place in self.lexicon.place_types and len(rest) > 1 and rest[-1] == "of":
                rest = rest[:-2] if rest[-2] == "the" else rest[:-1]
                if self.lexicon.head_type(" ".join(rest)) == "agency":
                    return place, " ".join(rest)
        return None, surface

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
            if paren and abbreviation_fits(paren.group(1), full) and full != paren.group(1):
                self._link(self._strip_initial(full), paren.group(1))
            if ticker and full not in self.lexicon.rules["generic_capitalized_words"]:
                for symbol in re.findall(r"(?:^|;|,)\s*[A-Za-z]+\s*:\s*([A-Z0-9.]{2,8})", after.lstrip()[1:after.lstrip().find(")")]):
                    self._link(self._strip_initial(full), symbol)
            # "ABBR (Full Name)"
            reverse = re.match(r"\s*\(\s*([A-Z][^()]{4,80}?)\s*\)", after)
            if reverse and re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,10}", m.group()) and abbreviation_fits(
                    m.group(), reverse.group(1)):
                self._link(reverse.group(1), m.group())
        # '("UMC" or "The Company")' right after a name: quoted aliases
        for m in _QUOTED_ALIAS.finditer(text):
            alias = m.group(1).strip()
            before = re.sub(r"(?:\s*\([^()]*\))+\s*$", "", text[max(0, m.start() - 200):m.start()])
            names = list(finder.name_re.finditer(before))
            if names and abbreviation_fits(alias, names[-1].group()):
                self._link(self._strip_initial(names[-1].group().rstrip(",")), alias)

    def _strip_initial(self, name: str) -> str:
        words = name.split()
        while len(words) > 1 and words[0] in self.finder.stop_initial:
            words = words[1:]
        return " ".join(words)

    def _persons(self, text: str) -> set[str]:
        """Names the text marks as people: 'said Jane Doe', 'Jane Doe, CEO', 'Dr. Jane Doe', 'My name is ...'."""
        name = r"([A-Z][a-z'’\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’\-]+){1,2})"
        titles = r"(?:CEO|CFO|COO|CTO|Chairman|Chairwoman|Chair|President|Director|Manager|Officer|Founder|Head|Vice|Senior|Chief|Executive|Minister|Mayor|Governor|Professor|Dr\.)"
        patterns = [rf"\b(?:said|says|by|according to|name is|Dr\.|Mr\.|Ms\.|Mrs\.|Prof\.)\s+{name}",
                    rf"{name},\s+(?:the\s+)?(?:[\w&\-]+\s+){{0,3}}{titles}",
                    rf"{name}\s+(?:said|says|added|noted|explained|commented)\b",
                    rf"{titles}(?:\s+[A-Z][\w&\-]*){{0,4}},?\s+{name}(?=\s+(?:said|says|added)|,)"]
        return {m.group(1) for pattern in patterns for m in re.finditer(pattern, text)}

    # --- the release's own company --------------------------------------------------------
    def _main_company(self, sentences) -> Entity | None:
        """The company the release is about: the most mentioned company-like name, early ones weigh more."""
        scores: Counter = Counter()
        forms: dict[str, list[Entity]] = {}  # key -> every form seen ("Hanwa Steel", "Hanwa Steel Corporation")
        for sentence, mentions in zip(sentences, self.mentions):
            weight = 2.0 if sentence.index < 3 else 1.0
            for mention in mentions:
                if mention.type not in (None, "company") or mention.text in self.persons:
                    continue
                if len(mention.text) < 2 or " " in mention.text and mention.text.count(" ") > 5:
                    continue
                entity = self._peek(mention.text, "company")
                if entity.type != "company":
                    continue
                scores[entity.key] += weight + (1.0 if self.lexicon.is_company_name(entity.label) else 0.0)
                forms.setdefault(entity.key, []).append(entity)
        # a name that is only the first word of a longer company name counts for that name
        for key in list(scores):
            for other in scores:
                if other != key and other.startswith(key + " ") and scores[other] > 0:
                    scores[other] += scores[key]
        # a name said once, without corporate suffix or defined short form, is no evidence of a company
        def evident(key: str) -> bool:
            return len(forms[key]) > 1 or any(self.lexicon.is_company_name(e.label) or e.aliases for e in forms[key]) \
                or any(k.startswith(key + " ") for k in forms if k != key)

        ranked = [key for key, _ in scores.most_common() if evident(key)]
        if not ranked:
            return None
        key = ranked[0]
        # its full name: a form with a corporate suffix, of this name or one it begins
        candidates = [e for k, es in forms.items() if k == key or k.startswith(key + " ") for e in es]
        named = [e for e in candidates if self.lexicon.is_company_name(e.label)]
        main = self.by_surface.get(normalize((named or forms[key])[0].label)) or (named or forms[key])[0]
        for entity in candidates:
            if entity is not main and (entity.key == key or entity in named):
                main.aliases |= entity.names() - {main.label}
        # short forms the release uses for it: "Delta" for "Delta Electronics, Inc."
        for mentions in self.mentions:
            for mention in mentions:
                if mention.type in (None, "company") and main.label.startswith(mention.text + " ") \
                        and mention.text not in self.finder.stop_initial:
                    main.aliases.add(mention.text)
        for name in main.names():
            self.by_surface[normalize(name)] = main
        main.type = "company"
        self._learn_other_companies(main)
        return main

    def _learn_other_companies(self, main: Entity) -> None:
        """Short forms of the other companies a release names in full: after 'a partnership with
        Tessic Chemicals Ltd.', 'Tessic Chemicals' and 'Tessic' are that company, not the release's."""
        others = {}
        for mentions in self.mentions:
            for mention in mentions:
                if mention.type == "company" and self.lexicon.is_company_name(mention.text) \
                        and self.by_surface.get(normalize(mention.text)) is not main:
                    others.setdefault(mention.text, self.resolve(mention.text, "company"))
        for mentions in self.mentions:
            for mention in mentions:
                key = normalize(mention.text)
                if mention.type not in (None, "company") or key in self.by_surface \
                        or mention.text in self.finder.stop_initial or main.label.startswith(mention.text + " "):
                    continue
                owners = {id(e): e for full, e in others.items() if full.startswith(mention.text + " ")}
                if len(owners) == 1:
                    (owner,) = owners.values()
                    owner.aliases.add(mention.text)
                    self.by_surface[key] = owner

    def is_main(self, surface: str) -> bool:
        return self.main is not None and self.by_surface.get(normalize(surface)) is self.main

    def mentions_main(self, sentence_text: str) -> bool:
        if not self.main:
            return False
        return any(re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", sentence_text) for name in self.main.names()
                   if len(name) > 1)

