"""Typed names in a parsed sentence, and the entities one release names.

A mention is a span from spaCy's NER or the gazetteer ruler, or a run of capitalised words that
ends in a type head ("Golden Peacock Award for Sustainability"), typed by (in this order) the
gazetteer, its head noun, and the NER label. Junk names (a bare "Bank", "CO2") are never entities.
`DocumentEntities` maps every surface form a release uses ("Advanced Semiconductor Engineering,
Inc.", "ASE") to one entity, whose key mints its IRI across documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .clauses import coordinated
from .language import (
    GROUP_WORDS,
    TRAILING_YEAR,
    company_heads,
    company_prefixes,
    company_suffixes,
    has_company_suffix,
    head_type,
    is_trigger_noun,
    is_trigger_word,
    junk_names,
    language_data,
    legal_forms,
    person_title_words,
    possessive_name_words,
    self_reference_words,
    site_nouns,
    trigger_verb_forms,
    unit_words,
)
from .lexicon import Lexicon, load_lexicon, normalize
from .nlp import RULER_PREFIX

NER_TYPES = {"ORG": "company", "GPE": "place", "LOC": "place", "FAC": "facility", "PERSON": "person", "LAW": "standard"}
COORDINATED_TYPES = ("company", "index", "initiative", "award")
HEAD_LABELS = ("award", "index", "agency", "initiative", "organization", "framework", "program")
# lower-case words inside a company's name: 'Procter & Gamble', 'Banco do Brasil', 'Sp. z o.o.'
NAME_PARTICLES = {"&", "of", "de", "du", "la", "do", "da", "dos", "das", "del", "di", "von", "van", "der", "z"}
GRADE = re.compile(r"[A-E]{1,3}[+-]?|[A-E]a{1,2}\d?")  # 'AA', 'BBB+', 'A-', 'Aa3'
CONNECTORS = NAME_PARTICLES | {"and", "for", "on", "in", "to"}
_CORPORATE_TAIL = re.compile(
    r",?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|PLC|plc|AG|SA|SE|NV|GmbH|Holdings?)\.?$"
)
_QUOTED_TITLE = re.compile(r"^['\"“‘]?([^'\"”’]+)['\"”’]\s+(?=[a-z])")
_LEADING = re.compile(r"^(?:the|The|THE|a|an|An|its|Its|their|Their|our|Our|this|This|these|These)\s+")
_LEADING_YEAR = re.compile(r"^(?:(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?|FY\d{2,4}|\d{1,3}(?:st|nd|rd|th))\s+")
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_BRACKETED_TAIL = re.compile(r"\s*\([^()]*$|\s+\([A-Z][A-Za-z&.]{1,9}\)$")


@dataclass
class Mention:
    """One typed name in one sentence (offsets are the sentence doc's token indices and chars)."""

    span: Span
    type: str
    label: str  # the gazetteer's label, or the cleaned surface form
    written: str | None = None  # the surface form, where the label is the gazetteer's

    @property
    def root(self) -> Token:
        return self.span.root

    @property
    def text(self) -> str:
        return self.span.text

    def covers(self, token: Token) -> bool:
        return self.span.start <= token.i < self.span.end


@dataclass
class Entity:
    label: str  # the canonical name: the gazetteer's, or the release's fullest form
    type: str
    aliases: set[str] = field(default_factory=set)
    written: str | None = None  # how the release first wrote it ('Dow Jones Sustainability Indices')

    @property
    def name(self) -> str:
        """The name a fact row shows: as the release wrote it."""
        return self.written or self.label

    @property
    def key(self) -> str:
        """Resolution key: the label without corporate suffixes, normalised."""
        return normalize(_CORPORATE_TAIL.sub("", self.label)) or normalize(self.label)

    def names(self) -> set[str]:
        return {self.label, *self.aliases}


# 'Global Water Index for Third Year' (a title-case headline): how often is a qualifier
_TRAILING_RUN = re.compile(
    r"\s+for\s+(?:the\s+)?(?:\w+\s+)?(?:Consecutive\s+|Straight\s+|Successive\s+|Running\s+)?(?:Years?|Time)$", re.I)


GRADE_ONLY = re.compile(r"['\"‘“]?(?:AAA|AA|A|BBB|BB|B|CCC|C|D)[+-]?['\"’”]? (?:rating|score|grade)s?", re.I)
THOUSANDS_SPACE = re.compile(r"(?<=\d) (?=\d{3}\b)")  # in a standard's number: "ISO 50 001"


COORDINATORS = ("and", ",", "&")


def _title_groups(doc, start: int, end: int) -> list[Span]:
    """The runs of capitalised words in doc[start:end] ('World', 'North America' of 'the World and
    North America DJSI'); bracketed words are no run."""
    groups, words, depth = [], [], 0
    for token in doc[start:end]:
        depth += (token.text == "(") - (token.text == ")")
        if token.is_title and depth == 0:
            words.append(token)
        elif words:
            groups.append(doc[words[0].i : words[-1].i + 1])
            words = []
    return groups + ([doc[words[0].i : words[-1].i + 1]] if words else [])


def family_stem(name: str) -> str:
    """'Dow Jones Sustainability' of 'Dow Jones Sustainability Indices': an index name without its
    head word, which its family's members share."""
    return FAMILY_HEAD.sub("", name)


FAMILY_HEAD = re.compile(r"\s+(?:Index|Indices|Indexes)$")


def clean_name(text: str) -> str:
    """'the 2021 Occupational Safety and Health Award' -> 'Occupational Safety and Health Award'."""
    original = text
    text = re.sub(r"\s*[®™]", "", text)  # 'LEED® Platinum': a brand's mark is no part of the name
    text = re.sub(r"\s{2,}", " ", text)  # where the parse text blanked a mark: 'Work For  in Hong Kong'
    text = text.strip(" \t\n,;:.–—-\"“”'‘’()•·▪►")  # and a bullet: '• Underlying'
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
        text = _LEADING_YEAR.sub("", text)
    text = _POSSESSIVE.sub("", text) if not text.endswith("s'") else text
    text = _BRACKETED_TAIL.sub("", text)  # 'Institute of Leadership (IOL' (a span cut in its bracket)
    text = _QUOTED_TITLE.sub(r"\1 ", text)  # "'Best CSR Practices' award" -> 'Best CSR Practices award'
    tail_year = TRAILING_YEAR.search(text) or _TRAILING_RUN.search(text)
    if tail_year and head_type(text[: tail_year.start()]) in ("award", "index"):
        text = text[: tail_year.start()]  # 'the Crimson Kite Award 2024': the year is a qualifier
    text = text.strip(" ,;:–—-\"“”'‘’")
    if (
        original.rstrip().endswith(".")
        and has_company_suffix(text + ".")
        and (text + ".").split()[-1] in company_suffixes()
    ):
        text += "."  # 'Inc.', 'Ltd.': the full stop is part of the name
    return text


def _capitalised(token: Token) -> bool:
    """A word of a name: capitalised, a number after one ('Global 100'), or a hyphen inside one ('Eco-First')."""
    doc, i = token.doc, token.i
    if token.text == "-" and 0 < i < len(doc) - 1:
        joined = not doc[i - 1].whitespace_ and not token.whitespace_
        return joined and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()
    return token.text[:1].isupper() or token.text[:1].isdigit() and i > 0 and token.nbor(-1).text[:1].isupper()


def _head_word_types() -> dict[str, str]:
    heads = language_data()["type_heads"]
    return {h.split()[-1]: kind for kind in HEAD_LABELS for h in heads[kind]}


def _run_goes_back(doc, start: int, head: Token) -> bool:
    """Does the name run ending in HEAD take the word(s) before START: a capitalised word, a
    connector between two, or a bracketed acronym after one?"""
    if start > 3 and doc[start - 1].text == ")" and doc[start - 3].text == "(":
        return doc[start - 2].text.isupper() and _capitalised(doc[start - 4])
    if start == 0 or doc[start - 1].text in ("(", "–", "-"):
        return False
    before = doc[start - 1]
    connector = (
        before.lower_ in ("&", "and", "of", "for")
        and start > 1
        and _capitalised(doc[start - 2])
        and doc[start - 2].text not in person_title_words()  # 'Managing Director of X Group': X Group
    )
    joined = _capitalised(before) or connector
    return (
        joined
        and (start > 1 or doc[0].pos_ == "PROPN")  # 'Dubai Water Authority won' (not the parser's splits)
        and not (before.lower_ == "and" and head.text in GROUP_WORDS)  # 'Gatwick and Danske Bank Group'
        and not (before.lower_ == "and" and doc[start].text == "The")  # 'X and The Energy Institute'
    )


def name_runs(doc) -> list[Span]:
    """Capitalised word runs ending in a type head word: award, index, initiative, organization and
    program names that NER often misses or cuts ('Arabia CSR Awards', 'Award for Sustainability')."""
    heads = _head_word_types()
    runs = []
    for token in doc:
        if token.text not in heads or not token.text[:1].isupper():
            continue
        start = token.i
        while _run_goes_back(doc, start, token):
            start -= 4 if doc[start - 1].text == ")" else 1  # 'Towards Sustainable Mining (TSM) Leadership Award'
            if (
                start > 2
                and doc[start - 1].text == "the"
                and doc[start - 2].text == "of"
                and doc[start].text in ("Year", "Decade")
                and _capitalised(doc[start - 3])
            ):
                start -= 3  # 'Supplier of the Year Award': one title
        if start > 1 and doc[start - 1].lower_ in ("'s", "’s") and doc[start - 2].text in person_title_words():
            start -= 2  # "the King's Award for ...", "the Governor's Award": a title's award, one name
        end = token.i + 1
        if (
            end + 1 < len(doc)
            and doc[end].lower_ in ("for", "of", "on", "in")
            and not (doc[end].lower_ == "in" and token.text == "Awards")  # 'the X Awards in Washington'
            and _capitalised(doc[end + 1])
            and not GRADE.fullmatch(doc[end + 1].text)  # 'an ESG Rating of AA': the grade is no name
            and doc[end + 1].text not in language_data()["months"]  # 'the X Awards on October 20': a date
        ):
            end += 1
            while end < len(doc) and (
                _capitalised(doc[end])
                or doc[end].lower_ in ("and", "&", "of")
                and end + 1 < len(doc)
                and _capitalised(doc[end + 1])
            ):
                end += 1
        while start < end and doc[start].lower_ in CONNECTORS | {"the"}:
            start += 1
        if end - start >= 2:
            runs.append(doc[start:end])
    return runs


class MentionTyper:
    """Types spans of a parsed sentence with the gazetteer, head nouns and NER labels."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.junk = junk_names()
        self.places = lexicon.place_types
        self.titles = person_title_words()
        self.demonyms = set(language_data()["demonyms"])
        self.sectors = set(language_data()["sector_nouns"])
        self.news_services = set(language_data()["news_service_heads"])
        self.units = set(language_data()["glued_units"])

    def mentions(self, doc) -> list[Mention]:
        ents = [
            m
            for m in (
                self._typed(span)
                for ent in doc.ents
                for cut in _split_at_punctuation(ent)
                for part in _split_possessive(_without_trailing_connector(cut))
                for unit in self._split_units(part)
                for joined in _split_coordinated(unit)
                for span in _split_dashed(joined)
            )
            if m
        ]
        for run in (
            part
            for found in (
                name_runs(doc)
                + suffix_names(doc)
                + subject_names(doc)
                + certification_names(doc)
                + lowercase_award_names(doc)
                + year_titles(doc)
                + quoted_award_names(doc)
                + program_names(doc)
                + list_names(doc)
                + company_head_names(doc)
                + acronym_names(doc)
            )
            for part in _split_indices(found)
        ):
            overlapping = [m for m in ents if m.span.start < run.end and run.start < m.span.end]
            if any(_stands_against(run, m) for m in overlapping):
                continue  # the gazetteer's names, longer NER spans and people stand
            if run.label_ == "SUBJECT" and run[0].text in self.titles:
                continue  # 'President Taro Kawabe said': a person
            label = self._label(run)
            typed = self._typed(run) or (
                Mention(run, "company", label)
                if run.label_ in ("SUBJECT", "COMPANY")
                and label
                and (not label.islower() or DIGIT_BRAND.match(label))  # "Nigeria's telecom provider": no name
                and label not in self.titles
                and not _capitalised_trigger_noun(label)
                and label.lower() not in self.junk
                and label.split()[-1] not in self.news_services
                else None
            )
            if typed:
                ents = [m for m in ents if m not in overlapping] + [typed]
        ents = self._family_members(doc, self._list_typed(ents + self._coordinated(doc, ents)))
        ents = [_described_as_body(_after_company_noun(m)) for m in ents]
        ents = [m for m in self._run_on(doc, ents) if not _no_party(m)]
        ents = self._country_units(doc, ents)
        ents = self._towns(doc, ents)
        ents = self._coordinated_sites(doc, ents)
        ents = _bracketed_qualifiers(doc, _event_series(doc, ents))
        return sorted((m for m in ents if not self._names_a_sector(m)), key=lambda m: m.span.start)

    def _country_units(self, doc, ents: list[Mention]) -> list[Mention]:
        """'Halvor Foods Kenya', 'Vestas Wind Technology India', 'CPC Corporation, Taiwan': a company
        name the country ends (its head in the parse, or after a legal form and a comma) is one name,
        the company's unit there, though NER cut the country off."""
        by_start = {m.span.start: m for m in ents}
        merged, dropped = [], set()
        for mention in ents:
            end = mention.span.end
            legal_comma = end + 1 < len(doc) and doc[end].text == "," and has_company_suffix(mention.label)
            place = by_start.get(end + 1 if legal_comma else end)
            if (
                mention.type == "company"
                and place is not None
                and place.type in ("place", "company")
                and self.places.get(place.label) == "country"
                and (
                    mention.root.head == place.root and mention.root.dep_ == "compound"
                    or legal_comma and place.span.end < len(doc) and doc[place.span.end].pos_ in ("VERB", "AUX")
                )  # 'CPC Corporation, Taiwan won': the country ends the name; not 'Acme Inc., Kenya's largest'
            ):
                span = doc[mention.span.start : place.span.end]
                merged.append(Mention(span, "company", span.text))
                dropped |= {id(mention), id(place)}
        return [m for m in ents if id(m) not in dropped] + merged

    def _run_on(self, doc, ents: list[Mention]) -> list[Mention]:
        """ENTS with names that run on past a bracketed abbreviation grown, and the abbreviation
        inside them no name of its own."""
        continued = [self._continued(doc, m) for m in ents]
        grown = [m for m, before in zip(continued, ents) if m is not before]
        return [m for m in continued if not any(g is not m and g.span.start <= m.span.start < g.span.end
                                                for g in grown)]

    def _continued(self, doc, mention: Mention) -> Mention:
        """'the Dow Jones Sustainability Index (DJSI) MILA Pacific Alliance': a name that runs on
        past its bracketed abbreviation is one name."""
        end = mention.span.end
        if mention.type not in ("index", "initiative", "award") or end + 3 >= len(doc) or doc[end].text != "(":
            return mention
        if doc[end + 2].text != ")" or not doc[end + 1].text.isupper():
            return mention
        stop = end + 3
        while stop < len(doc) and stop - end < 8 and doc[stop].pos_ == "PROPN" and doc[stop].text[:1].isupper():
            stop += 1
        if stop == end + 3:
            return mention
        written = f"{mention.span.text} {doc[end + 3 : stop].text}"
        known = self.lexicon.lookup(written)
        return Mention(doc[mention.span.start : stop], mention.type, known.label if known else written, written)

    def _names_a_sector(self, mention: Mention) -> bool:
        """'leader in the Chemicals sector', 'the Banks industry group': a sector, no company; nor is
        an award's category ('in the category of Food Company')."""
        root = mention.root
        if mention.type != "company":
            return False
        if root.dep_ == "pobj" and root.head.lower_ == "of":
            return root.head.head.lemma_.lower() in ("category", "segment")
        return root.dep_ == "compound" and root.head.lemma_.lower() in self.sectors

    def _towns(self, doc, ents: list[Mention]) -> list[Mention]:
        """'in Jurong, Singapore', 'Lyon, France.': a proper noun before ', <known place>' is a
        place too, whatever NER guessed it was."""
        by_end = {m.span.end: m for m in ents}
        covered = {i for m in ents for i in range(m.span.start, m.span.end)}
        towns = []
        for mention in ents:
            start = mention.span.start
            possessive = mention.span.end < len(doc) and doc[mention.span.end].lower_ in ("'s", "’s")
            if mention.type != "place" or start < 2 or doc[start - 1].text != "," or possessive:
                continue  # 'Heliox Airlines, Europe's biggest carrier': an apposition, no town
            before = by_end.get(start - 1)
            named = before is not None and (before.span[-1].text in company_heads() or has_company_suffix(before.label))
            short = before is not None and before.type in ("company", "organization") and len(before.span) <= 3
            if short and not named:
                towns.append((before, Mention(before.span, "place", before.label)))
                continue
            first = start - 2
            while first > 0 and _town_word(doc[first - 1]) and first - 1 not in covered:
                first -= 1
            if _town_word(doc[first]) and first not in covered and doc[first].text[:1].isupper():
                towns.append((None, Mention(doc[first : start - 1], "place", doc[first : start - 1].text)))
        replaced = {id(old) for old, _ in towns if old is not None}
        return [m for m in ents if id(m) not in replaced] + [town for _, town in towns]

    def _coordinated_sites(self, doc, ents: list[Mention]) -> list[Mention]:
        """'the Centinela and Zaldivar copper mines': each name is a site of its own ('Centinela
        copper mine'), whatever NER made of the names."""
        for names, noun in site_groups(doc):
            if any(name.text in self.demonyms for name in names):
                continue  # 'its Asian and European plants' name regions, no sites
            within = set(range(names[0].start, noun.i + 1))
            ents = [m for m in ents if not set(range(m.span.start, m.span.end)) & within]
            what = " ".join(t.text for t in doc[names[-1].end : noun.i])
            ents += [Mention(name, "site", " ".join(w for w in (name.text, what, noun.lemma_) if w)) for name in names]
        return ents

    def _coordinated(self, doc, ents: list[Mention]) -> list[Mention]:
        """Untyped names coordinated with typed ones share their type ('British Airways, Iberia,
        Vueling and Level'; 'the FTSE4Good Index, MSCI ESG Leaders and the Vigeo World 120')."""
        covered = {i for m in ents for i in range(m.span.start, m.span.end)}
        extra = []
        for mention in ents:
            if mention.type not in COORDINATED_TYPES or self._a_persons_titles(mention):
                continue
            for conjunct in mention.root.conjuncts:
                if conjunct.i in covered or not (
                    conjunct.pos_ == "PROPN"
                    or conjunct.like_num
                    and conjunct.i > 0
                    and doc[conjunct.i - 1].pos_ == "PROPN"
                ):
                    continue
                start = min([c.left_edge.i for c in conjunct.lefts if c.dep_ == "compound"], default=conjunct.i)
                end = (
                    max(
                        [c.i for c in conjunct.rights if c.dep_ in ("nummod", "compound") and c.i == conjunct.i + 1],
                        default=conjunct.i,
                    )
                    + 1
                )
                span = doc[start:end]
                label = self._label(span)
                if set(range(start, end)) & covered or not label or label.lower() in self.junk:
                    continue
                covered |= set(range(start, end))
                extra.append(Mention(span, mention.type, label))
        return extra

    def _family_members(self, doc, ents: list[Mention]) -> list[Mention]:
        """'the World and North America Dow Jones Sustainability Indices', 'the Dow Jones
        Sustainability Indices (DJSI) World and Europe': capitalised words before or after an index
        family's name, coordinated, name its members when the gazetteer knows them (one mention
        each, on the words that pick it out)."""
        for family in [m for m in ents if m.type == "index"]:
            start, end = family.span.start, family.span.end
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
                end += 3  # '(DJSI)': the family's short name, no third index
            while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in COORDINATORS):
                start -= 1
            after = end
            while after < len(doc) and (doc[after].is_title or doc[after].lower_ in COORDINATORS):
                after += 1
            for words, taken in (((start, family.span.start), range(start, end)), ((end, after), range(start, after))):
                members = [(group, self._member(family.label, group.text)) for group in _title_groups(doc, *words)]
                if members and all(known is not None for _, known in members):
                    taken = set(taken)
                    ents = [m for m in ents if not taken & set(range(m.span.start, m.span.end))]
                    ents += [Mention(group, "index", known.label) for group, known in members]
                    break
        return ents

    def _member(self, family: str, member: str):
        """The gazetteer's index MEMBER of FAMILY ('World' of 'Dow Jones Sustainability Index')."""
        stem = family_stem(family)
        found = self.lexicon.lookup(f"{stem} {member} Index") or self.lexicon.lookup(f"{family} {member}")
        return found if found is not None and found.type == "index" and found.label != family else None

    def _a_persons_titles(self, mention: Mention) -> bool:
        """'Mr Saroj Banerjee, Chief, Environment, Halvor Steel': a person, their title, department
        and company, which the parser coordinates; no list of names of one type."""
        return any(c.text in self.titles for c in mention.root.conjuncts)

    @staticmethod
    def _list_typed(ents: list[Mention]) -> list[Mention]:
        """A 'company' in a list of indices or initiatives is one of them (NER's ORG for an index
        the gazetteer does not know: 'included in A Index, B Index and the C World 120'); a 'place'
        in a list of companies is one ('Iberia, Vueling and Level')."""
        by_root = {m.root.i: m for m in ents}
        typed = []
        for mention in ents:
            others = [by_root[c.i].type for c in coordinated(mention.root)[1:] if c.i in by_root]
            start = mention.span.start
            if mention.type == "person" and start > 0 and mention.span.doc[start - 1].text in person_title_words():
                typed.append(mention)  # 'Mr Saroj Banerjee, Chief, ..., Halvor Steel': a person all the same
                continue
            if (
                mention.type == "company"
                and len(set(others)) == 1
                and others[0] in ("index", "initiative")
                and not mention.span.label_ == "COMPANY"
            ):
                mention = Mention(mention.span, others[0], mention.label, mention.written)
            elif (
                mention.type in ("place", "person")
                and others.count("company") >= 2
                and others.count("company") * 2 > len(others)
            ) or mention.type == "place" and len(others) >= 2 and set(others) == {"company"}:
                mention = Mention(
                    mention.span, "company", mention.label, mention.written
                )  # 'Iberia, Vueling and Level'; mostly companies: 'BAM, DSM, Heineken, Philips and PostNL'
            elif mention.type == "person" and len(set(others) - {"person"}) == 1 and set(others) & {"company", "place"}:
                kind = (set(others) - {"person"}).pop()  # 'Gujarat and Tamil Nadu', 'Kavya Solar, Kavya Wind and ...'
                mention = Mention(mention.span, kind, mention.label, mention.written)
            typed.append(mention)
        return typed

    def _split_units(self, span: Span) -> list[Span]:
        """'Water Quality Office of the Ministry of Rivers' (one NER span) is a unit and its ministry."""
        for token in span[1:-2]:
            if token.lower_ == "of" and token.nbor(1).lower_ == "the":
                left, right = span.doc[span.start : token.i], span.doc[token.i + 2 : span.end]
                if head_type(left.text) in ("agency", "organization") and head_type(right.text) in (
                    "agency",
                    "organization",
                ):
                    return [left, right]
        return [span]

    def _without_place(self, label: str) -> str:
        """'Taiwan Ministry of Labor' is the Ministry of Labor, 'the Norwegian Environment Agency' the
        Environment Agency; 'Dubai Electricity and Water Authority' keeps its city (no 'Ministry',
        'Department' ... follows it)."""
        words = label.split()
        agency_heads = set(language_data()["type_heads"]["agency"])
        for n in (3, 2, 1):
            place = " ".join(words[:n])
            if len(words) > n + 1 and (place in self.demonyms or place in self.places and words[n] in agency_heads):
                return " ".join(words[n:])
        return label

    def _label(self, span: Span) -> str:
        if len(span) > 1 and span.label_ in ("ORG", "PERSON", "GPE") and span[0].pos_ in ("ADP", "VERB", "SCONJ"):
            span = span[1:]  # 'Following Belmont Capital's ...': NER took the sentence's first word in
        words = clean_name(span.text).split()
        while len(words) > 1 and words[-1] in self.titles:  # 'SPC Director' names SPC
            words = words[:-1]
        while len(words) > 1 and words[0] in self.units:  # 'its 35,500 m2 G.Park Blue Planet'
            words = words[1:]
        while len(words) > 1 and words[-1].isupper() and is_trigger_word(words[-1]):
            words = words[:-1]  # a shouted headline: 'CORVANE BANK AWARDED TWICE'
        verbs = trigger_verb_forms()
        leading_verb = len(words) > 2 and words[0][:1].isupper() and words[0].lower() in verbs
        if leading_verb and head_type(" ".join(words[1:])) == "award":
            words = words[1:]  # a headline's verb before the award: '9mobile Bags Africa Prize for Innovation'
        if span.label_ in ("ORG", "PERSON"):
            cut = next((i for i, w in enumerate(words[1:-1], 1) if w[:1].isupper() and w.lower() in verbs), None)
            words = words[:cut] if cut else words  # a headline's verb: 'Brenmoor Utilities Wins Clean'
        if span.label_ == RULER_PREFIX + "STANDARD":
            return THOUSANDS_SPACE.sub("", " ".join(words))  # 'ISO 50 001' is ISO 50001
        return " ".join(words)

    def _typed(self, span: Span) -> Mention | None:
        label = self._label(span)
        if (
            not label
            or label.lower() in self.junk
            or not any(c.isalpha() for c in label)
            or all(word in self.titles or word in ("&", "and") for word in label.split())  # 'MD & CEO'
            or label in unit_words()  # 'installed 12 MW of panels': NER's ORG 'MW'
            or label in self.demonyms  # 'the Portuguese Ministry': NER's ORG 'the Portuguese' names no one
            and label not in self.places  # ('US', 'New Zealand' are places too)
            or label.split()[-1] in self.news_services  # 'OSLO – Wirepath Newswire – 3 May': who carried the release
            or GRADE_ONLY.fullmatch(label)  # "the maximum 'A' rating": a grade, which the rank reads
        ):
            return None
        if span.label_.startswith(RULER_PREFIX):
            return Mention(span, span.label_[len(RULER_PREFIX) :].lower(), span.ent_id_ or label, label)
        if span.label_ in ("PROGRAM", "INDEX"):
            return Mention(span, span.label_.lower(), label)
        if span.label_ in ("AWARD", TIER_OR_AWARD):
            return Mention(span, "award", label)
        if span.label_ == "CERTIFICATION":
            label = " ".join(word.strip("'\"“”‘’") for word in label.split())  # "BREEAM 'Outstanding'"
            known = self.lexicon.lookup(label)
            return Mention(span, "standard", known.label if known else label, label)
        if span.label_ in ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "NORP", "LANGUAGE"):
            return None
        known = self.lexicon.lookup(label)
        if known:
            return Mention(span, known.type, known.label, label)
        if label in self.places or label.isupper() and label.title() in self.places:
            return Mention(span, "place", label if label in self.places else label.title())
        typed = head_type(label)
        if typed == "agency":
            label = self._without_place(label)  # 'Taiwan Ministry of Labor' is the Ministry of Labor
        if typed:
            return Mention(span, typed, label)
        ner = NER_TYPES.get(span.label_)
        if ner in ("company",) and (
            label.islower() or len(label) < 2 or _capitalised_trigger_noun(label) or _capitalised_opener(span)
        ):
            return None
        if ner in ("person", "place") and _a_company_after_all(span, ner):
            ner = "company"
        if ner == "place" and label.isupper() and len(label) > 3:
            label = label.title()  # datelines shout: "HSINCHU"
        return Mention(span, ner, label) if ner else None


def _bracketed_qualifiers(doc, ents: list[Mention]) -> list[Mention]:
    """'the Hang Seng (China A) Corporate Sustainability Index': an index name with a bracketed
    qualifier inside is one name, not a company, a place and an index."""
    for mention in [m for m in ents if m.type == "index" and m.span.start > 3 and doc[m.span.start - 1].text == ")"]:
        opening = next((i for i in range(mention.span.start - 2, max(mention.span.start - 8, 0), -1)
                        if doc[i].text == "("), None)
        if opening is None or opening + 2 == mention.span.start - 1 and doc[opening + 1].is_upper:
            continue  # 'the Dow Jones Sustainability Indices (DJSI) World': an abbreviation, then a member
        start = opening
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start == opening:
            continue
        span = doc[start : mention.span.end]
        ents = [m for m in ents if not (m.span.start < span.end and span.start < m.span.end)]
        ents.append(Mention(span, "index", span.text))
    return ents


def _event_series(doc, ents: list[Mention]) -> list[Mention]:
    """'the Environmental Sustainability Conference, Expo, and Awards (ECOSEA)': a bare 'Awards' that
    ends a coordination of capitalised words is the last word of one event's name."""
    for mention in [m for m in ents if m.type == "award" and m.span.text == "Awards"]:
        top = mention.root
        while top.dep_ == "conj" and top.head.pos_ == "PROPN" and top.head.i < top.i:
            top = top.head
        start = min((t.i for t in top.subtree if t.i <= top.i and t.pos_ != "DET"), default=top.i)
        words = doc[start : mention.span.end]
        if top is mention.root or not all(t.is_title or t.text in (",", "and", "&") for t in words):
            continue
        span = doc[start : mention.span.end]
        ents = [m for m in ents if not (m.span.start < span.end and span.start < m.span.end)]
        ents.append(Mention(span, "award", span.text))
    return ents


def _capitalised_opener(span: Span) -> bool:
    """'Digital services and consulting major Infosys has won ...': a sentence's first word,
    capitalised only there, that modifies a lower-case common noun is no name."""
    token = span[0]
    return (
        len(span) == 1
        and token.i == 0
        and token.dep_ in ("compound", "amod")
        and token.head.pos_ == "NOUN"
        and token.head.text.islower()
    )


def _capitalised_trigger_noun(label: str) -> bool:
    """'• Inclusion follows ...', '• Constituents are rated': a trigger noun opening a line is no name."""
    return " " not in label and label.istitle() and is_trigger_noun(label)


def _a_company_after_all(span: Span, ner: str) -> bool:
    """A 'person' or 'place' NER typed that is a company: 'Corvid Logistics' (a company head), an
    acting one-word 'person' ('Volaris enters'), 'the Lisbon-based utility Marvela Energia' (named
    after its kind), 'KPTC Ramagiri received' (no person's name opens with an acronym), a 'person'
    of three words or more that ends in a city."""
    if len(span) > 1 and span[-1].text in company_heads():
        return True
    if ner != "person":
        return False
    if len(span) > 2 and span[-1].text in load_lexicon().place_types:
        return True  # 'JW Marriott Dongdaemun Square Seoul': no person's name ends in a city
    after_kind = span.start > 0 and span.doc[span.start - 1].lower_ in self_reference_words()[1]
    if len(span) == 1:
        return after_kind or span.root.dep_ in ("nsubj", "nsubjpass")
    return after_kind or _acronym_word(span[0])


def _acronym_word(token: Token) -> bool:
    """'NTPC', 'KPTC': three or more capitals that are no title ('HE', 'DR') or shouted name part."""
    return token.text.isupper() and token.text.isalpha() and len(token.text) >= 3 and not token.doc.text.isupper()


def site_groups(doc) -> list[tuple[list[Span], Token]]:
    """(names, plural site noun) of 'the Tarkwa, Damang and Obuasi mines', 'its Bracknell and East
    Cowes stores': two or more coordinated names before lower-case words and a plural site noun."""
    groups = []
    for noun in doc:
        if noun.tag_ != "NNS" or noun.lemma_.lower() not in site_nouns():
            continue
        k = noun.i - 1
        while k >= 0 and noun.i - k <= 2 and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"):
            k -= 1  # 'copper mines', 'gold mines'
        names: list[Span] = []
        while k >= 0:
            end = k + 1
            while k >= 0 and _capitalised(doc[k]) and doc[k].lower_ not in SENTENCE_OPENERS and doc[k].pos_ != "PRON":
                k -= 1
            if k + 1 == end:
                break
            names.insert(0, doc[k + 1 : end])
            if k < 0 or doc[k].lower_ not in ("and", ",", "&"):
                break
            k -= 1
        if len(names) >= 2:
            groups.append((names, noun))
    return groups


def _no_party(mention: Mention) -> bool:
    """An abbreviated common noun, a term, or the exchange before a ticker in brackets
    ('STMicroelectronics (NYSE: STM)') names no party to a fact."""
    doc, span = mention.span.doc, mention.span
    exchange = 0 < span.start and span.end < len(doc) and doc[span.end].text == ":" and (
        doc[span.start - 1].text == "("
        or doc[span.start - 1].text in (";", ",") and span.text.isupper() and len(span.text) <= 6  # '...; SSE: 601318)'
    )
    return exchange or _abbreviates_common_noun(mention) or _a_term(mention)


def _a_term(mention: Mention) -> bool:
    """'a Spain-based pharmaceutical API manufacturer', 'its new EV charging points': an acronym
    inside a lower-case noun phrase is a term of the trade, no company."""
    root, span = mention.root, mention.span
    if mention.type != "company" or len(span) != 1 or not root.is_upper or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return (
        root.dep_ in ("compound", "amod")
        and root.head.pos_ == "NOUN"
        and root.head.is_lower
        and before.is_lower
        and before.pos_ in ("ADJ", "NOUN")
    )


def _abbreviates_common_noun(mention: Mention) -> bool:
    """'an integrated global management system (GMS)': an acronym in brackets after the lower-case
    words it abbreviates names that thing (here a system), no company NER took it for."""
    doc, start = mention.span.doc, mention.span.start
    if mention.type != "company" or start < 3 or mention.span.end >= len(doc) or len(mention.span) != 1:
        return False
    if doc[start - 1].text != "(" or doc[mention.span.end].text != ")" or not mention.text.isupper():
        return False
    words = []
    for token in reversed(doc[max(0, start - 1 - len(mention.text)) : start - 1]):
        if not token.is_lower or token.pos_ in ("DET", "PRON", "ADP", "VERB", "AUX"):
            break
        words.insert(0, token.text)
    return len(words) >= 2 and abbreviation_fits(mention.text, " ".join(words))


def _lower_tail(span: Span) -> bool:
    """Words an NER span runs on with past an award's name: only prepositions ('the Year Award to'),
    or the common noun after a title ('the Year award')."""
    if len(span) == 1 and span[0].lower_ in ("award", "prize", "trophy") and span[0].nbor(-1).text == "Year":
        return True
    return len(span) > 0 and span[0].nbor(-1).text in AWARD_HEADS and all(t.pos_ == "ADP" for t in span)


def _core_start(span: Span) -> int:
    """Where a span's name begins: NER spans often start with 'the'."""
    start = span.start
    while start < span.end - 1 and span.doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    return start


def _split_dashed(span: Span) -> list[Span]:
    """Two names NER ran into one span: 'Halvor Foods – Best Water Strategy' (a list item: after the
    dash only a name its head noun types, as in 'Ministry of X – Y Administration'); 'As part of its
    Project Blue, Halvor Foods' (a comma, unless a legal form follows: 'X North America, Inc.'); 'the
    Green Industry Award to Halvor Foods'; 'the Water Award for pest management' (only the award)."""
    for token in span[1:-1]:
        left = Span(span.doc, span.start, token.i, span.label_)
        right = Span(span.doc, token.i + 1, span.end, span.label_)
        if (
            token.text == ","
            and span.label_ == "ORG"
            and not has_company_suffix("X " + right[0].text)
            and not _of_a_ministry(span, token)
        ):
            return [left, right]
        if token.lower_ == "to" and token.nbor(-1).text in AWARD_HEADS:
            return [left, right]
        if token.lower_ == "for" and token.nbor(-1).text in AWARD_HEADS and all(t.text.islower() for t in right):
            return [left]  # 'the Water Award for pest management': what it was won for
        if token.text in ("–", "—", "-") and token.whitespace_ and token.nbor(-1).whitespace_:
            return [left, right] if head_type(right.text) else [left]  # 'Best Water Strategy' is a category
    return [span]


def _split_at_punctuation(span: Span) -> list[Span]:
    """NER's spans that run over a colon or into a bracket they do not close ('the X Awards:
    Halvor Energy', 'Pentra Water (Water Stewardship') are the names on either side."""
    parts, start = [], span.start
    for token in span:
        opens_unclosed = token.text == "(" and not any(t.text == ")" for t in span.doc[token.i : span.end])
        if token.text in (":", ";") or opens_unclosed:
            parts.append(Span(span.doc, start, token.i, label=span.label_))
            start = token.i + 1
    if start == span.start:
        return [span]
    return [part for part in parts + [Span(span.doc, start, span.end, label=span.label_)] if len(part)]


def _of_a_ministry(span: Span, separator: Token) -> bool:
    """'the Ministry of Trade, Industry and Energy', 'the Ministry of SMEs and Startups': a comma or
    'and' in the portfolio an agency head's 'of' names joins no second name (unless a determiner
    or a head opens one; a comma only inside a list that 'and' closes)."""
    heads = set(language_data()["type_heads"]["agency"])
    words = span.doc[span.start : separator.i]
    opened = any(t.text in heads and t.i + 1 < separator.i and t.nbor(1).lower_ == "of" for t in words)
    if not opened or separator.nbor(1).pos_ == "DET" or separator.nbor(1).text in heads:
        return False
    if separator.text != ",":
        return True
    rest = span.doc[separator.i + 1 : span.end]
    closing = next((t for t in rest if t.lower_ == "and"), None)
    between = span.doc[separator.i + 1 : closing.i] if closing is not None else []
    return closing is not None and all(t.text == "," or t.text[:1].isupper() for t in between)


def _without_trailing_connector(span: Span) -> Span:
    """'Arden Pharma and' (NER's span before the next conjunct): the name without the 'and'."""
    end = span.end
    while end - 1 > span.start and span.doc[end - 1].lower_ in ("and", "or", "&", ","):
        end -= 1
    return span if end == span.end else Span(span.doc, span.start, end, label=span.label_)


def _split_coordinated(span: Span) -> list[Span]:
    """'Vueling and Level' (one NER span) are two names when the parser coordinates them; gazetteer
    names ('Principles for Responsible Banking and ...') stay whole."""
    if span.label_.startswith(RULER_PREFIX):
        return [span]
    head = next((t for t in reversed(span) if not t.like_num), span[-1])
    for token in span[1:-1]:
        if head.text in AWARD_HEADS and token.nbor(-1).text not in AWARD_HEADS:
            continue  # 'the X Health and Safety Awards 2017' is one award; 'the A Award and the B Award' two
        conj = [t for t in span[token.i - span.start + 1 :] if t.dep_ == "conj" and span.start <= t.head.i < token.i]
        if (
            token.lower_ == "and"
            and token.dep_ == "cc"
            and conj
            and not _of_a_ministry(span, token)
            and token.nbor(-1).text[:1].isupper()
            and token.nbor(1).text[:1].isupper()
        ):  # 'Tiffany & Co.' is one name
            return [part for part in (span.doc[span.start : token.i], span.doc[token.i + 1 : span.end]) if len(part)]
    return [span]


def _after_company_noun(mention: Mention) -> Mention:
    """'Swiss bank Halden Sarasin', 'the brewer group Kessler': a name NER made a person right after
    a lower-case noun for a company is that company."""
    start = mention.span.start
    before = mention.span.doc[start - 1] if start > 0 else None
    nouns = language_data()["self_reference"]["nouns"]
    if mention.type != "person" or before is None or not before.text.islower() or before.lower_ not in nouns:
        return mention
    return Mention(mention.span, "company", mention.label, mention.written)


def _described_as_body(mention: Mention) -> Mention:
    """'Red Verde, an organization that brings together 80 firms': a name NER made a company that an
    apposition calls an organization, a network or an initiative is that body, no company."""
    nouns = language_data()["body_nouns"]
    if mention.type not in ("company", "person"):
        return mention
    if not any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in nouns for c in mention.root.children):
        return mention
    return Mention(mention.span, "organization", mention.label, mention.written)


def _split_indices(span: Span) -> list[Span]:
    """'the HSI ESG 50 Index and Hang Seng Benchmark Index' (one capitalised run) names two indices."""
    for token in span[2:-2]:
        if token.lower_ == "and" and token.nbor(1).text[:1].isupper():
            left, right = span.doc[span.start : token.i], span.doc[token.i + 1 : span.end]
            if head_type(left.text) == "index" and head_type(right.text) == "index":
                for part in (left, right):
                    part.label_ = span.label_
                return [left, right]
    return [span]


def _split_possessive(span: Span) -> list[Span]:
    """'SPC's UK Quality' (one NER span) is SPC and what it owns: the possessor is the name; a
    title's ("the Queen's Award") is no possessor, nor is a gazetteer name's ("World's Best Companies")."""
    if span.label_.startswith(RULER_PREFIX):
        return [span]
    doc, last = span.doc, span[-1]
    bodies = ("organization", "agency")
    if last.text in ("'", "’") and last.i + 1 < len(doc) and head_type(doc[last.i + 1].text) in bodies:
        return [Span(doc, span.start, last.i + 2, label=span.label_)]  # 'the Indian Merchants' Chamber': one name
    for token in span:
        titles = person_title_words()
        titled = token.i <= span.start + 2 and (  # "Dr. Reddy's Laboratories": named after a person
            span[0].text in titles or span.start > 0 and doc[span.start - 1].text in titles
        )
        possessive = token.tag_ == "POS" or token.dep_ == "case" or token.lower_ in ("'s", "’s")
        possessive |= token.text in ("'", "’") and doc[token.i - 1].text[-1:] in ("s", "S")  # "LANXESS’ Platinum"
        if possessive and token.i > span.start and doc[token.i - 1].text in possessive_name_words():
            return [span]  # 'the Jubilee Children's Fund', 'the Women's Empowerment Principles': one name
        if possessive and token.i > span.start and not titled:
            named = token.i - span.start > 1 or span[0].text.isupper()  # 'Belmont Capital's', 'ASE's'; not 'World's'
            return [Span(span.doc, span.start, token.i, label=span.label_ if named else "")]
    return [span]


TIER_OR_AWARD = "AWARD_OR_TIER"  # 'the Benchmark Enterprise award': an award, or the tier of one named before


def lowercase_award_names(doc) -> list[Span]:
    """'the EcoVadis Gold medal', 'the Best ESG Bank award': a capitalised run before a lower-case
    medal, prize, trophy or award names an award (beside a named 'X Award', 'the Y award' is its tier)."""
    names = []
    named_award = any(t.text in ("Award", "Awards") for t in doc)  # then 'the X award' is its tier
    for token in doc:
        quoted = _quoted_before(doc, token.i)
        if quoted is not None and token.text in ("award", "prize", "trophy", "title"):
            span = doc[quoted.start : token.i + 1]  # "the 'Best CSR Practices' award"
            span.label_ = "AWARD"
            names.append(span)
            continue
        if (
            (token.text in AWARD_NOUNS or token.text == "award" and not named_award)
            and token.i > 0
            and (_capitalised(doc[token.i - 1]) or _acronym_before(doc, token.i))
        ):
            start = token.i - 1 if _capitalised(doc[token.i - 1]) else token.i - 4
            while start > 0 and (
                _capitalised(doc[start - 1])
                and doc[start - 1].lower_ not in SENTENCE_OPENERS
                or doc[start - 1].lower_ in ("of", "the", "for", "and", "&", "in")
                and start > 1
                and (_capitalised(doc[start - 2]) or doc[start - 2].lower_ == "of")
            ):
                start -= 1  # 'the Sustainability Initiative of the Year award', 'the Best in Food Security award'
            while doc[start].lower_ in ("of", "the", "for", "and", "&", "in"):
                start += 1
            span = doc[start : token.i + 1]
            if all(t.text in LEVEL_WORDS | {"Class", "Level", "Tier"} for t in span[:-1]):
                continue  # 'took the Gold award': a tier
            span.label_ = TIER_OR_AWARD if token.text == "award" else "AWARD"
            names.append(span)
    return names


def year_titles(doc) -> list[Span]:
    """'the Mining Company of the Year award', 'Community Investment (CI) Project of the Year': a
    capitalised title ending 'of the Year' names an award, whatever NER made of its words."""
    names = []
    for token in doc:
        if token.text not in ("Year", "Decade") or token.i < 3 or [t.lower_ for t in doc[token.i - 2 : token.i]] != [
            "of",
            "the",
        ]:
            continue
        start = token.i - 2
        while start > 0:
            before = doc[start - 1]
            if before.text == ")" and start > 3 and doc[start - 3].text == "(" and _capitalised(doc[start - 4]):
                start -= 3  # an acronym in brackets inside the title
            elif _capitalised(before) and before.lower_ not in SENTENCE_OPENERS:
                start -= 1
            elif before.lower_ in ("and", "&") and start > 1 and _capitalised(doc[start - 2]):
                start -= 1
            elif start > 2 and doc[start - 2].text == "-" and _capitalised(doc[start - 3]) and not (
                doc[start - 3].whitespace_ or doc[start - 2].whitespace_
            ):
                start -= 3  # 'the Eco-friendly Cement Company of the Year Award'
            else:
                break
        if start < token.i - 2:
            end = token.i + 2 if token.i + 1 < len(doc) and doc[token.i + 1].text in AWARD_HEADS else token.i + 1
            span = doc[start:end]  # 'Supplier of the Year Award'; not its lower-case 'award'
            span.label_ = "AWARD"
            names.append(span)
    return names


RUNS_OVER_RULER = ("CERTIFICATION", "AWARD", TIER_OR_AWARD)  # longer than a gazetteer name in them


def _stands_against(run: Span, mention: Mention) -> bool:
    """Does MENTION (NER's or the gazetteer's) keep its place against the capitalised RUN over it?"""
    run_type = head_type(clean_name(run.text))
    code = run_type in ("framework", "standard")  # 'the RBA Code of Conduct': RBA's code
    ruler = mention.span.label_.startswith(RULER_PREFIX)
    # 'the MSCI Japan Empowering Women Index': a rater's own index, named after it
    raters_index = run_type == "index" and mention.span.start == run.start and len(mention.span) == 1 < len(run)
    # 'the United Nations Global Climate Action Award': an award named after its body
    bodys_award = run_type == "award" and _core_start(mention.span) == run.start and mention.span.end < run.end
    # 'the United Nations Environment Programme Finance Initiative': a body's own unit, another party
    bodys_unit = (
        run_type in ("initiative", "organization")
        and mention.type == "organization"
        and _core_start(mention.span) == run.start
        and mention.span.end < run.end
    )
    return (
        ruler
        and run.label_ not in RUNS_OVER_RULER
        and not (code or raters_index or bodys_award or bodys_unit or _own_program_of(run, mention))
        or _core_start(mention.span) < run.start
        or mention.span.end > run.end
        and not _lower_tail(run.doc[run.end : mention.span.end])  # 'the Year Award to' (NER) is no longer name
        or run.label_ == "SUBJECT"
        and mention.type in ("person", "place")  # 'X in Chatterley Valley, Staffordshire is': a place
        and not _of_place(run, mention)
    )


def _of_place(run: Span, mention: Mention) -> bool:
    """'Mall of the Emirates', 'Bank of Ayudhya': a place after 'of' inside a subject's name."""
    before = run.doc[run.start : mention.span.start]
    return mention.type == "place" and len(before) > 0 and any(t.lower_ == "of" for t in before[-2:])


def _own_program_of(run: Span, known: Mention) -> bool:
    """'its Zero Waste to Landfill programme': a company's programme named after a standard it aims at."""
    return run.label_ == "PROGRAM" and known.type == "standard" and run[-1].lower_ in PROGRAMME_WORDS


PROGRAMME_WORDS = ("program", "programme", "project", "scheme", "campaign")


QUOTES = {"'", '"', "“", "”", "‘", "’"}
AWARD_NOUNS = ("medal", "prize", "trophy", "distinction", "accolade", "honour", "honor")


def _acronym_before(doc, i: int) -> bool:
    """'... Company (ESR) distinction': a bracketed acronym after a capitalised word, before token I."""
    return (
        i > 4
        and doc[i - 1].text == ")"
        and doc[i - 2].text.isupper()
        and doc[i - 3].text == "("
        and _capitalised(doc[i - 4])
    )


AWARD_HEADS = ("Award", "Awards", "Prize", "Prizes")


def quoted_award_names(doc) -> list[Span]:
    """"the 'Emerging Markets Bank of the Year Award 2008'", 'the "Ministry of Land, Sea and Air
    Award"': a capitalised quoted title that ends in an award word (and a year) is one award name."""
    names = []
    for opening in (t.i for t in doc if t.text in QUOTES):
        closing = next((t.i for t in doc[opening + 1 : opening + 16] if t.text in QUOTES), None)
        if closing is None or closing - opening < 3 or not doc[opening + 1].text[:1].isupper():
            continue
        end = closing
        while end > opening + 1 and doc[end - 1].like_num:
            end -= 1
        if doc[end - 1].text in AWARD_HEADS:
            span = doc[opening + 1 : end]
            span.label_ = "AWARD"
            names.append(span)
    return names


def _quoted_before(doc, i: int):
    """The capitalised quoted title that ends right before token I ("'Best CSR Practices' award")."""
    if i < 3 or doc[i - 1].text not in QUOTES:
        return None
    opening = next((j for j in range(i - 2, max(i - 12, -1), -1) if doc[j].text in QUOTES), None)
    if opening is None or opening >= i - 2 or not doc[opening + 1].text[:1].isupper():
        return None
    return doc[opening : i]


def program_names(doc) -> list[Span]:
    """'the Clean Harbour programme', 'Arcadia's Pathway to Net Zero programme': a capitalised run
    before a lower-case program noun names that program (NER calls it a company or a place)."""
    owned = {w.lower() for w in language_data()["owned_program_nouns"]}
    return _lowercase_head_names(doc, owned, "PROGRAM") + facility_names(doc)


FACILITY_MODIFIERS = 3  # 'the Tallis solar farm', 'the Satami wind power plant'


def facility_names(doc) -> list[Span]:
    """'its Tallis solar farm', 'the Koala Creek wind power plant': a capitalised run, lower-case
    words of what it makes or does, and a facility noun name a facility the company runs (a
    capitalised run right before the noun, 'the Dalton plant', is a site)."""
    nouns = set(language_data()["facility_nouns"])
    names = []
    for token in doc:
        if token.lower_ not in nouns or token.pos_ != "NOUN" or not token.text.islower():
            continue
        start = token.i
        while start > 0 and token.i - start < FACILITY_MODIFIERS and doc[start - 1].text.isalpha() and (
            doc[start - 1].text.islower() and doc[start - 1].pos_ in ("NOUN", "ADJ", "PROPN")
        ):
            start -= 1
        if start == token.i or start == 0 or not _capitalised(doc[start - 1]):
            continue
        while (
            start > 0
            and _capitalised(doc[start - 1])
            and doc[start - 1].lower_ not in SENTENCE_OPENERS
            and doc[start - 1].text not in unit_words()  # 'the 923MW MacIntyre wind farm'
        ):
            start -= 1
        span = doc[start : token.i + 1]
        span.label_ = "PROGRAM"
        names.append(span)
    return names


LIST_NOUNS = {"list", "ranking", "rankings", "index", "rating", "ratings", "leaderboard"}


def acronym_names(doc) -> list[Span]:
    """'Adara Ports and Special Logistics Zone (APSLZ)': the capitalised words before a bracketed
    acronym whose initials it spells are one name, whatever NER and the parser cut ('and' inside)."""
    names = []
    for token in doc:
        if not (token.text == "(" and token.i + 2 < len(doc) and doc[token.i + 2].text == ")"):
            continue
        acronym = doc[token.i + 1].text
        if not (acronym.isupper() and acronym.isalpha() and 3 <= len(acronym) <= 8):
            continue
        start, initials = token.i, ""
        while start > 0 and len(initials) < len(acronym):
            word = doc[start - 1]
            if _capitalised(word):
                initials = word.text[0] + initials
            elif word.lower_ not in ("and", "&", "of", "for") or not initials:
                break
            start -= 1
        if initials == acronym and " and " in doc[start : token.i].text:
            span = doc[start : token.i]
            span.label_ = "COMPANY"
            names.append(span)
    return names


def list_names(doc) -> list[Span]:
    """'the Global Clean 200 list', 'the Verdant Top 50 ranking': a capitalised run of two or more
    words (or with a number) before a lower-case list noun names an index."""
    return [
        span
        for span in _lowercase_head_names(doc, LIST_NOUNS, "INDEX")
        if len(span) >= 3 or any(t.like_num or any(c.isdigit() for c in t.text) for t in span)  # 'the Clean200 list'
    ]


def _lowercase_head_names(doc, nouns: set[str], label: str) -> list[Span]:
    names = []
    for token in doc:
        quoted = _quoted_before(doc, token.i) if token.text in nouns else None
        if quoted is not None:  # 'its "Zero Waste to Landfill" programme': the quotes hold its name
            span = doc[quoted.start : token.i + 1]
            span.label_ = label
            names.append(span)
            continue
        if token.text not in nouns or token.i == 0 or not _capitalised(doc[token.i - 1]):
            continue
        start = token.i - 1
        while start > 0 and (
            _capitalised(doc[start - 1])
            and doc[start - 1].lower_ not in SENTENCE_OPENERS
            or doc[start - 1].lower_ in ("to", "for", "of", "and", "&")
            and start > 1
            and _capitalised(doc[start - 2])
        ):
            start -= 1
        span = doc[start : token.i + 1]
        span.label_ = label
        names.append(span)
    return names


CERTIFICATE_NOUNS = ("certification", "certificate", "certified", "label", "seal", "ecolabel", "standard")


def _modified_from(doc, i: int, most: int = 3) -> int:
    """Where the lower-case words before a certificate noun begin ('supply chain', 'eco -')."""
    start = i
    if doc[i].lower_ == "certified":
        return i  # 'WWF Green Office certified': the name right before
    while start > 0 and i - start < most and (
        doc[start - 1].text.islower() and doc[start - 1].pos_ in ("NOUN", "ADJ", "PROPN") or doc[start - 1].text == "-"
    ):
        start -= 1
    if start > 3 and doc[start - 1].text == ")" and doc[start - 3].text == "(" and doc[start - 2].text.isupper():
        start -= 3  # 'the Roundtable on Sustainable Palm Oil (RSPO) supply chain certification'
    return start


def certification_names(doc) -> list[Span]:
    """'the Great Place to Work certification', 'LEED Platinum': a capitalised run before
    'certification' / 'certificate', or a standard's name with its level after it."""
    names = []
    for token in doc:
        named = _modified_from(doc, token.i) if token.lower_ in CERTIFICATE_NOUNS + ("certificates",) else 0
        if (
            named > 0
            and _capitalised(doc[named - 1])
            and doc[named - 1].ent_type_ != RULER_PREFIX + "STANDARD"
            and doc[named - 1].pos_ not in ("DET", "PRON")  # 'The certification process' names nothing
            and not (token.lower_ == "certified" and doc[named - 1].text in load_lexicon().place_types)
            and not any(c.dep_ == "dobj" for c in token.children)  # 'Bureau Veritas certified its plant': a certifier
            and not _rated(doc, named - 1)
        ):  # 'RSPO certification': the body's scheme; 'the RSPO supply chain certification', 'the Green Key eco-label'
            # (a place right before 'certified' says where: 'the first campsites in Spain certified with X')
            start = named - 1
            while start > 0 and (
                _capitalised(doc[start - 1])
                or doc[start - 1].lower_ in ("to", "of", "for", "on", "&")
                and start > 1
                and _capitalised(doc[start - 2])
            ):
                start -= 1
            span = doc[start : token.i + 1]
            if any(t.ent_type_ == RULER_PREFIX + "STANDARD" for t in span):
                continue  # 'ISO 50001:2011 Energy Management Systems Standard' is ISO 50001:2011
            # 'won two Gold Initiative Certificates': a tier's certificate is an award's prize
            tiered = doc[start].text in LEVEL_WORDS and token.lower_ in ("certificate", "certificates")
            if token.lower_ == "certificates" and not tiered:
                continue  # 'Renewable Energy Certificates' are bought, not held
            span.label_ = "AWARD" if tiered else "CERTIFICATION"
            names.append(span)
    for ent in doc.ents:
        if ent.label_ != RULER_PREFIX + "STANDARD" or ent.end >= len(doc):
            continue
        marked = doc[ent.end].text in QUOTES or doc[ent.end].is_space  # "BREEAM 'Outstanding'", 'LEED® Gold' (blanked)
        level = ent.end + 1 if marked and ent.end + 1 < len(doc) else ent.end
        if _level_word(doc[level]):  # 'LEED Platinum', "BREEAM 'Outstanding'"
            end = level + 2 if level + 1 < len(doc) and doc[level + 1].text in QUOTES else level + 1
            span = doc[ent.start : end]
            span.label_ = "CERTIFICATION"
            names.append(span)
    return names


LEVEL_WORDS = {"Platinum", "Gold", "Silver", "Bronze", "Certified", "Outstanding", "Excellent"}


def _level_word(token) -> bool:
    """'LEED Platinum', 'LEED platinum' (a lower-case 'certified' is the verb, no level)."""
    return token.text in LEVEL_WORDS or token.text.title() in LEVEL_WORDS - {"Certified"}


def _rated(doc, i: int) -> bool:
    """'LEED Gold' before 'certified' / 'certification': a standard's level, named below as 'LEED Gold'."""
    return _level_word(doc[i]) and i > 0 and doc[i - 1].ent_type_ == RULER_PREFIX + "STANDARD"


# words that open a sentence or a heading ('Why Halvor Bank made the list'), no name's first word
SENTENCE_OPENERS = {"the", "a", "an", "in", "on", "at", "for", "by", "with", "as", "this", "today", "and", "but",
                    "why", "how", "what", "when", "where"}


def suffix_names(doc) -> list[Span]:
    """'Nordkap Systems Inc.', 'Advanced Semiconductor Engineering, Inc.', 'PT Chandra Asri Tbk':
    capitalised words ending in a company suffix name a company, known to NER or not."""
    suffixes, forms = company_suffixes(), legal_forms()
    names = []
    for token in doc:
        if token.text not in suffixes or token.i == 0 or token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
            continue  # 'Sustainable Company of the Year' is no company
        comma = doc[token.i - 1].text == "," and token.text in forms  # 'Engineering, Inc.'; not 'Mr. X, Group CEO'
        start = token.i - 2 if comma else token.i - 1
        if start > 0 and doc[start].text in NAME_PARTICLES:
            start -= 1  # 'Teravia Polska Sp. z o.o.'
        if start < 0 or not doc[start].text[:1].isupper():
            continue
        while start > 0 and (
            doc[start - 1].text[:1].isupper()
            and doc[start - 1].lower_ not in SENTENCE_OPENERS
            and doc[start - 1].text not in forms
            or doc[start - 1].text in NAME_PARTICLES
            and start > 1
            and doc[start - 2].text[:1].isupper()
            and doc[start - 2].text not in forms
            and doc[start - 2].text not in person_title_words()  # 'Managing Director of X Group': X Group
        ):
            start -= 1
        end = token.i + 1
        if end < len(doc) and doc[end].text == "." and not token.text.endswith("."):
            end += 1
        span = doc[start:end]
        span.label_ = "COMPANY"
        names.append(span)
    return names + prefix_names(doc)


def prefix_names(doc) -> list[Span]:
    """'PT Prasetya Bumi Lestari (PBL)': a legal form before capitalised words names a company."""
    prefixes, suffixes = company_prefixes(), company_suffixes()
    names = []
    for token in doc:
        if token.text not in prefixes or token.i + 1 >= len(doc) or not doc[token.i + 1].text[:1].isupper():
            continue
        end = token.i + 1
        while end < len(doc) and (
            doc[end].text[:1].isupper()
            and doc[end].text not in prefixes
            and doc[end].text not in person_title_words()
            or doc[end].text in ("&", "-")
            and end + 1 < len(doc)
            and doc[end + 1].text[:1].isupper()
        ):
            end += 1
            if doc[end - 1].text in suffixes:
                break
        if end - token.i >= 2:
            span = doc[token.i : end]
            span.label_ = "COMPANY"
            names.append(span)
    return names


def _town_word(token) -> bool:
    """A proper noun that can be part of a town's name: not the month of a date ('12 March 2021, LIMA')."""
    return token.pos_ == "PROPN" and token.ent_type_ != "DATE"


def is_title_case(doc) -> bool:
    """A headline in title case: no content word in lower case ('Halden Foods Wins Water Award')."""
    return not any(t.is_alpha and t.is_lower and not t.is_stop for t in doc)


def company_head_names(doc) -> list[Span]:
    """'presented Hollis Textiles with ...': proper nouns ending in an industry noun name a company
    that NER missed. Title-case headlines are left alone: there every word looks like a name (but a
    page header's 'Kestrel Bank | Newsroom' is a name beside a label)."""
    if is_title_case(doc) and not any(t.text in ("|", "•") for t in doc):
        return []
    heads = company_heads()
    names = []
    for token in doc:
        if token.text not in heads or token.pos_ != "PROPN" or token.i == 0:
            continue
        start = token.i
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].lower_ not in SENTENCE_OPENERS
        ):
            start -= 1
        if start < token.i:
            span = doc[start : token.i + 1]
            span.label_ = "COMPANY"
            names.append(span)
    return names


DIGIT_BRAND = re.compile(r"\d+[A-Za-z]{4,}")  # '9mobile': a name the tagger calls a number


def subject_names(doc) -> list[Span]:
    """Proper-noun subjects the NER missed ('T-Mobile US set a goal'): a subject whose words are
    all proper nouns is a name, and in a release an acting name is usually an organization."""
    names = []
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass") or not (
            token.pos_ == "PROPN" or token.is_upper and 2 <= len(token) <= 6 or DIGIT_BRAND.fullmatch(token.text)
        ):
            continue
        start = token.i
        while (
            start > 0
            and doc[start - 1].dep_ in ("compound", "punct")
            and doc[start - 1].head.i in range(start, token.i + 1)
            and doc[start - 1].text not in (",", "(", ")", "“", '"')
        ):
            start -= 1
        if any(c.dep_ == "det" and c.lower_ in ("these", "those", "this", "that") for c in token.children):
            continue  # 'These Green Initiatives at X included ...': what was just said, no name
        words = _after_descriptor(list(doc[start : token.i + 1]))
        while words and words[0].pos_ in ("DET", "PUNCT"):
            words = words[1:]
        if words and all(
            t.pos_ == "PROPN" or t.is_upper or t.text in ("-", "&", ".") or DIGIT_BRAND.fullmatch(t.text) for t in words
        ):
            span = doc[words[0].i : _of_name_end(token)]
            span.label_ = "SUBJECT"
            names.append(span)
    return names


def _of_name_end(token) -> int:
    """'Mall of the Emirates', 'Bank of Ayudhya': a proper-noun 'of' phrase on a proper noun goes on
    with the name (the end of the name that TOKEN heads)."""
    doc = token.doc
    for prep in (c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == token.i + 1):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        words = doc[prep.i + 1 : pobj.i + 1] if pobj is not None else []
        if len(words) and all(t.pos_ == "PROPN" or t.lower_ == "the" and t.i == prep.i + 1 for t in words):
            return pobj.i + 1
    return token.i + 1


def _after_descriptor(words: list) -> list:
    """'Food company Danone Indonesia', 'Swiss bank Halden Sarasin': the proper nouns after a
    lower-case noun for a company are the name; the words before it describe it."""
    nouns = language_data()["self_reference"]["nouns"]
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1].text.islower() and words[i - 1].lower_ in nouns and words[i].pos_ == "PROPN":
            return words[i:]
    return words


STANDARD_EDITION = re.compile(r"(?<=\d)\s?:\s?(?:19|20)\d\d$")


def standard_key(name: str) -> str:
    """'ISO 45001:2018' and 'ISO 45001', 'X certificate' and 'X certification' name one standard."""
    name = STANDARD_EDITION.sub("", name)
    return normalize(re.sub(r"\bcertificate$", "certification", name, flags=re.I))


def abbreviation_fits(abbr: str, name: str) -> bool:
    """Does ABBR abbreviate NAME? Initials in order, allowing skipped words and suffixes."""
    letters = [c for c in abbr.upper() if c.isalpha()]
    if len(letters) < 2:
        return False
    words = re.findall(r"[A-Za-z][\w]*", name)
    initials = "".join(w[0].upper() for w in words)
    if "".join(letters) in initials:
        return True
    it = iter(initials)
    if all(ch in it for ch in letters):
        return True
    joined = "".join(w.upper() for w in words)
    it = iter(joined)
    return letters[0] == joined[:1] and all(ch in it for ch in letters)


class DocumentEntities:
    """Every entity one release names, by every surface form it uses."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.by_surface: dict[str, Entity] = {}
        self.main: Entity | None = None

    def resolve(self, surface: str, type_hint: str | None = None, written: str | None = None) -> Entity:
        surface = clean_name(surface) or surface.strip()
        key = (
            standard_key(surface) if type_hint == "standard" or STANDARD_EDITION.search(surface) else normalize(surface)
        )
        entity = self.by_surface.get(key)
        if entity is None:
            known = self.lexicon.lookup(surface)
            longer = (
                self._longer_company(surface) if type_hint in ("company", None) and not known
                else self._same_award(surface) if type_hint == "award" and not known
                else self._family_member(surface) if type_hint == "index" and not known
                else None
            )
            if longer is not None:
                longer.aliases.add(surface)
                entity = longer
            elif known:
                entity = Entity(
                    known.label,
                    known.type,
                    set(known.aliases) | ({surface, written or surface} - {known.label}),
                    written=written or surface,
                )
            else:
                kind = type_hint or head_type(surface) or "organization"
                shouted = kind == "place" and surface.isupper() and len(surface) > 3  # datelines: 'ERLANGER'
                entity = Entity(surface.title() if shouted else surface, kind)
            self.by_surface[key] = entity
        elif type_hint and entity.type == "organization" and type_hint in ("company", "agency"):
            entity.type = type_hint
        elif type_hint in ("company", "program") and entity.type == "person":
            entity.type = type_hint  # NER's person: an alias learnt before retyping ('X (GFI)'), a project's name
        elif type_hint == "place" and entity.type == "company" and entity is not self.main:
            entity.type = "place"  # a relation that needs a place outweighs NER's guess
        if written:
            if written != entity.label:
                entity.aliases.add(written)
            if entity.written is None or len(written) > len(entity.written):
                entity.written = written  # 'Responsible Business Alliance' over 'RBA'
        return entity

    def _longer_company(self, surface: str) -> Entity | None:
        """'Tesko Resins' after 'Tesko Resins Ltd.': the short form of a company the release named in full."""
        for entity in {id(e): e for e in self.by_surface.values()}.values():
            if entity.type == "company" and entity.label.startswith(surface + " ") and has_company_suffix(entity.label):
                return entity
        return None

    def _family_member(self, surface: str) -> Entity | None:
        """'the World Index' after 'the Dow Jones Sustainability Indices': the member of an index
        family the release named that the gazetteer knows by the family's name and these words."""
        words = family_stem(surface)
        if words == surface or not words[:1].isupper():
            return None
        for family in self.known_of_type("index"):
            stem = family_stem(family.label)
            known = self.lexicon.lookup(f"{stem} {words} Index") if stem != family.label else None
            if known is not None and known.type == "index":
                return self.resolve(known.label, "index")
        return None

    def _same_award(self, surface: str) -> Entity | None:
        """'the Sword of Honour for Health and Safety' after 'the Sword of Honour' (or before it): one
        award, once with the field it honours."""
        for entity in {id(e): e for e in self.by_surface.values()}.values():
            if entity.type != "award":
                continue
            shorter, longer = sorted((entity.label, surface), key=len)
            if len(shorter.split()) >= 2 and longer.lower().startswith(shorter.lower() + " for "):
                if longer == surface:  # the label is the fullest form
                    entity.aliases.add(entity.label)
                    entity.label = surface
                    entity.written = surface if entity.written in (None, shorter) else entity.written
                return entity
        return None

    def link(self, full: str, short: str, type_hint: str) -> Entity:
        """FULL and SHORT name one entity ('Responsible Business Alliance' and 'RBA')."""
        entity = self.by_surface.get(normalize(clean_name(full))) or self.by_surface.get(normalize(short))
        if entity is None:
            entity = self.resolve(full, type_hint)
        entity.aliases.add(short)
        for name in (full, short):
            self.by_surface.setdefault(normalize(clean_name(name) or name), entity)
        return entity

    def learn_aliases(self, doc, mentions: list[Mention]) -> list[Mention]:
        """'Full Name (ABBR)', 'ABBR (Full Name)', 'Name (NYSE: TICK)', '(hereinafter "X")' and 'Full
        Name or ABBR' in one sentence. Returns MENTIONS without a bracketed short form that the
        gazetteer typed as another entry ('the Dow Jones Sustainability World Index (DJSI)' names one
        index, not two)."""
        aliases = set()
        for mention in mentions:
            end = mention.span.end
            if mention.type == "company" and end + 1 < len(doc) and doc[end].lower_ == "or":
                short = doc[end + 1].text  # 'Central Retail Corporation Public Company Limited or CRC'
                one_word = end + 2 >= len(doc) or not doc[end + 2].text[:1].isupper()
                # 'PT Dayamitra Telekomunikasi Tbk or Mitratel': a legal name, or the short one it goes by
                short_name = has_company_suffix(mention.label) and short.istitle() and short.isalpha() and one_word
                if short.isupper() and abbreviation_fits(short, mention.label) or short_name:
                    self.link(mention.label, short, mention.type)
            if end + 3 < len(doc) and doc[end].lower_ in ("'s", "’s") and doc[end + 1].text == "(":
                end += 1  # "The South African Breweries Limited's (SAB) efforts"
            if end + 2 >= len(doc) or doc[end].text != "(":
                continue
            close = next((t.i for t in doc[end + 1 : end + 12] if t.text == ")"), None)
            if close is None:
                continue
            inside = doc[end + 1 : close]
            words = [t.text for t in inside]
            short_caps = (
                len(words) == 1
                and words[0].isupper()
                and 2 <= len(words[0]) <= 6
                and mention.type == "company"
                and words[0] not in self.lexicon.place_types  # 'Brightwell Bank (UK)': where it is, no short name
            )
            if (
                len(words) == 1
                and (short_caps or abbreviation_fits(words[0], mention.label))
                and words[0] != mention.label
            ):
                self.link(mention.label, words[0], mention.type)
                aliases |= {
                    id(m) for m in mentions
                    if m.span.start == end + 1 and m.span.end == close and m.type == mention.type != "company"
                }
            elif len(words) >= 3 and words[1] == ":" and words[0].isupper():  # (NYSE: AA)
                self.link(mention.label, words[2], "company")
            elif mention.label.isupper() and len(mention.label) <= 10 and abbreviation_fits(mention.label, inside.text):
                self.link(inside.text, mention.label, head_type(inside.text) or mention.type)
            elif words and words[0].lower() in language_data()["alias_markers"] or words[:1] in (['"'], ["“"]):
                quoted = re.search(r"[\"“]([^\"”]{2,40})[\"”]", inside.text)
                if quoted:
                    self.link(mention.label, quoted.group(1), mention.type)
        return [m for m in mentions if id(m) not in aliases]

    def known_of_type(self, kind: str) -> list[Entity]:
        """The release's entities of type KIND so far, in the order it named them."""
        return [e for e in {id(e): e for e in self.by_surface.values()}.values() if e.type == kind]

    def is_main(self, entity: Entity | None) -> bool:
        return entity is not None and entity is self.main

    def set_main(self, entity: Entity) -> None:
        entity.type = "company" if entity.type in ("organization", "company") else entity.type
        self.main = entity
        for name in entity.names():
            self.by_surface[normalize(name)] = entity
