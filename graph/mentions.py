"""Proper names in a sentence and what kind of thing each one is.

Press releases capitalise what matters: a run of capitalised words (joined by 'of', 'and', '&', ...)
is a name candidate; the gazetteer, the place list, standard codes and head words ('... Award',
'Ministry of ...', '... Inc.') say what it names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon

_WORD = r"(?:[A-Z][\w'’&.\-/+]*[\w.+]|[0-9]+[A-Z][\w\-]*|e[A-Z]\w+|i[A-Z]\w+)"
_SUFFIX = r"(?:,?\s+(?:Inc|Corp|Co|Ltd|L\.L\.C|S\.A|N\.V|B\.V|K\.K|S\.p\.A)\.|,\s+(?:Inc|Ltd|LLC|PLC|AG|SA|SE|NV|GmbH|Limited|Corporation|Incorporated)\b|,?\s+plc\b)"


@dataclass(frozen=True)
class Mention:
    start: int  # offsets relative to the sentence
    end: int
    text: str
    type: str | None  # company, agency, organization, award, standard, index, initiative, place, or None


class MentionFinder:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        connectors = "|".join(re.escape(c) for c in lexicon.rules["name_connectors"])
        self.name_re = re.compile(
            rf"(?<!\w)(?<!\w['’]){_WORD}(?:(?:\s+(?:(?:{connectors}|the)\s+)*|-){_WORD})*{_SUFFIX}?")
        self.stop_initial = set(lexicon.rules["sentence_initial_stopwords"])
        self.generic = {w.lower() for w in lexicon.rules["generic_capitalized_words"]}
        self.connectors = set(lexicon.rules["name_connectors"]) | {"the"}
        self._classified: dict[str, str | None] = {}
        self.dotted_suffixes = {w for w in lexicon.rules["company_suffixes"] if w.endswith(".")}
        self.title_verbs = re.compile(r"\s+(?:" + "|".join(lexicon.rules["title_verbs"]) + r")\s+")

    def names(self, text: str) -> list[Mention]:
        """Every name candidate in a sentence: gazetteer names, standard codes, capitalised runs."""
        taken: list[tuple[int, int]] = []
        found: list[Mention] = []

        def add(start, end, surface, kind):
            if any(s < end and start < e for s, e in taken):
                return
            taken.append((start, end))
            found.append(Mention(start, end, surface, kind))

        for m in self.lexicon.standard_pattern.finditer(text):
            add(m.start(), m.end(), m.group(), "standard")
        for m in self.lexicon.known_pattern.finditer(text):
            # a gazetteer name inside a longer capitalised name (e.g. "... Ministry of Labor Award")
            # belongs to that longer name, decided below
            outer = self._enclosing_name(text, m.start(), m.end())
            if outer and (outer[1] - outer[0]) > (m.end() - m.start()) and self.lexicon.head_type(outer[2]) in (
                    "award", "index"):
                continue
            if outer and self._names_with_country(outer[2], m.group()):
                continue  # "Ministry of Labor of Taiwan" is taken whole below
            if outer and outer[0] < m.start():
                head = re.match(r"(.+?)\s+(?:of|under)\s+(?:the\s+)?$", text[outer[0]:m.start()])
                if head and self.classify(head.group(1)) in ("agency", "organization"):
                    add(outer[0], outer[0] + len(head.group(1)), head.group(1), self.classify(head.group(1)))
            add(m.start(), m.end(), m.group(), self.lexicon.lookup(m.group()).type)
        for m in self.name_re.finditer(text):
            for start, end, surface in self._clean(text, m.start(), m.end()):
                parts = re.split(r"\s+(?:and|&)\s+|,\s*", surface)
                if len(parts) > 1 and all(part in self.lexicon.place_types for part in parts):
                    continue  # "England and Wales": two places, found below
                for s, e, name in self._coordinated(start, surface):
                    add(s, e, name, self.classify(name))
        for m in self.lexicon.place_pattern.finditer(text):
            add(m.start(), m.end(), m.group(), "place")
        return [self._qualified_by_abbreviation(text, m) for m in sorted(found, key=lambda x: x.start)]

    def _qualified_by_abbreviation(self, text: str, mention: Mention) -> Mention:
        """'Dow Jones Sustainability Indices (DJSI) World Index': the tail is the 'DJSI World Index'."""
        abbr = re.search(r"\(([A-Z][A-Za-z0-9&]{1,9})\)\s*((?:[A-Z][\w-]*\s+){0,3})$", text[:mention.start])
        if abbr and mention.type in ("index", None):
            known = self.lexicon.lookup(f"{abbr.group(1)} {abbr.group(2)}{mention.text}")
            if known:
                return Mention(mention.start, mention.end, known.label, known.type)
        return mention

    def _names_with_country(self, outer: str, inner: str) -> bool:
        places = self.lexicon.place_types
        before, _, after = outer.partition(inner)
        after = re.sub(r"^\s+of\s+(?:the\s+)?", "", after)
        return (not before.strip() and after in places) or (before.strip() in places and not after.strip())

    def _enclosing_name(self, text, start, end):
        for m in self.name_re.finditer(text):
            if m.start() <= start and end <= m.end():
                for s, e, surface in self._clean(text, m.start(), m.end()):
                    if s <= start and end <= e:
                        return s, e, surface
        return None

    _COORDINATION = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")

    _UNIT_OF_MINISTRY = re.compile(
        r"(?P<unit>.+?\b(?:Administration|Agency|Bureau|Office|Department|Inspectorate|Commission|Authority))"
        r"\s+of\s+(?:the\s+)?(?P<parent>(?:[A-Z][\w-]*\s+){0,2}(?:Ministry|Department|Executive Yuan|Government)\b.*)")

    # "the Circular Economy Award in the Silver category": the award, then its category
    _AWARD_IN = re.compile(r"(?P<award>.+?)\s+in\s+(?:the\s+)?.+")

    def _coordinated(self, start: int, surface: str) -> list[tuple[int, int, str]]:
        """Names a run of capitalised words joins that are two: 'the Green Leadership Award and the
        Health Promotion Award' (two awards or indices, each with its own head) and 'the Health
        Promotion Administration of the Ministry of Health' (a unit and its ministry). Any other
        run stays one name ('Ministry of Economy and Trade')."""
        unit = self._UNIT_OF_MINISTRY.fullmatch(surface)
        if unit:
            return [(start, start + unit.end("unit"), unit.group("unit")),
                    (start + unit.start("parent"), start + len(surface), unit.group("parent"))]
        award = self._AWARD_IN.fullmatch(surface)
        if award and self.lexicon.head_type(award.group("award")) == "award":
            return [(start, start + award.end("award"), award.group("award"))]  # the category names no entity
        cuts = list(self._COORDINATION.finditer(surface))
        if len(cuts) != 1:
            return [(start, start + len(surface), surface)]
        left, right = surface[:cuts[0].start()], surface[cuts[0].end():]
        kind = self.lexicon.head_type(left)
        if kind not in ("award", "index") or self.lexicon.head_type(right) != kind or len(left.split()) < 2:
            return [(start, start + len(surface), surface)]
        return [(start, start + len(left), left), (start + cuts[0].end(), start + len(surface), right)]

    def _clean(self, text: str, start: int, end: int):
        """Trim a capitalised run: possessives, sentence-initial function words, generic words."""
        surface = text[start:end]
        # "X's Y": the possessor and the possessed are two names; so are the two sides of a
        # headline verb ("Acme Receives Green Award")
        parts = re.split(r"(?:'s|’s|s'|s’)(?=\s|$)", surface)
        if self.title_verbs.search(surface):
            pieces = []
            for part in parts:
                pieces.extend(self.title_verbs.sub(lambda m: "\x00" * len(m.group()), part).split("\x00"))
            yield from self._trim_pieces(text, start, surface, pieces)
            return
        offset = start
        for part in parts:
            stripped = part.strip()
            if stripped:
                s = offset + part.index(stripped)
                yield from self._trim(text, s, s + len(stripped))
            offset += len(part) + 2

    def _trim_pieces(self, text, start, surface, pieces):
        offset = 0
        for piece in pieces:
            if piece.strip():
                position = surface.index(piece.strip(), offset)
                yield from self._trim(text, start + position, start + position + len(piece.strip()))
                offset = position + len(piece.strip())

    def _trim(self, text, start, end):
        surface = text[start:end]
        if not (surface.endswith(".") and surface.split()[-1] in self.dotted_suffixes):  # keep "S.A."
            surface = surface.rstrip(".,;:-")
        end = start + len(surface)
        start_before_trim = start
        words = surface.split()
        while words and (words[0].rstrip(".,") in self.stop_initial or words[0].lower() in self.connectors
                         or words[0].lower() in self.generic):
            start += surface.index(words[0]) + len(words[0])
            surface = text[start:end].lstrip()
            start = end - len(surface)
            words = surface.split()
        while words and (words[-1].lower() in self.connectors or words[-1].lower() in self.generic):
            surface = surface[: surface.rindex(words[-1])].rstrip(" ,-")
            end = start + len(surface)
            words = surface.split()
        if not words or surface.lower() in self.generic or len(surface) < 2:
            return
        # "ESG Disclosure Excellence Award": an acronym leading a typed name belongs to it
        leading = text[start_before_trim:start].split()
        if leading and leading[0].isupper() and leading[0].lower() in self.generic \
                and self.lexicon.head_type(surface) in ("award", "index", "organization", "initiative"):
            start = start_before_trim
            surface = text[start:end]
        if re.fullmatch(r"[\d\W]+", surface):
            return
        yield start, end, surface

    def classify(self, surface: str) -> str | None:
        if surface not in self._classified:
            self._classified[surface] = self._classify(surface)
        return self._classified[surface]

    def _classify(self, surface: str) -> str | None:
        known = self.lexicon.lookup(surface)
        if known:
            return known.type
        if surface in self.lexicon.place_types:
            return "place"
        if self.lexicon.standard_pattern.fullmatch(surface):
            return "standard"
        return self.lexicon.head_type(surface)



def abbreviation_fits(abbr: str, name: str) -> bool:
    """Does ABBR abbreviate NAME? Initials in order, allowing skipped words and suffixes."""
    letters = [c for c in abbr.upper() if c.isalpha()]
    if len(letters) < 2:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w]*", name)]
    initials = "".join(w[0].upper() for w in words)
    if "".join(letters) in initials:
        return True
    # subsequence of initials and letters of the first word (e.g. "TSMC" from "Taiwan Semiconductor
    # Manufacturing Company", "UMC" from "United Microelectronics Corporation")
    it = iter(initials)
    if all(ch in it for ch in letters):
        return True
    joined = "".join(w.upper() for w in words)
    it = iter(joined)
    return letters[0] == joined[:1] and all(ch in it for ch in letters)


