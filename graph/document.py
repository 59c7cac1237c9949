"""The document context every relation module reads: the release, its parsed sentences, the
entities it names, who it is about, and the one fact builder.

Relation modules import this module (never extract.py); they add facts through `add`, and never
rewrite earlier facts or other modules' entities.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .clauses import coordinated, subject_tokens
from .document_meta import DocumentMeta
from .entities import DocumentEntities, Entity, Mention, site_groups
from .facts import Fact
from .language import (
    assessment_nouns,
    company_suffixes,
    has_company_suffix,
    is_trigger_word,
    junk_names,
    language_data,
    person_title_words,
    program_nouns,
    self_reference_words,
    site_nouns,
)
from .lexicon import Lexicon, normalize
from .read import Release
from .sentences import Sentence

COMPANY_TYPES = ("company", "organization", "agency", "site")  # what a fact can be about
SENTENCE_WORDS = {"The", "In", "This", "Its", "Our", "Since", "For", "By", "From", "At", "On", "As", "During", "Until"}
YEAR_WINDOW = 20_000  # characters read for the year a release names most, when it carries no date
MONTHS = "|".join(language_data()["months"])
HISTORY_CUE = re.compile(  # 'founded in 1952', 'launched at UN Headquarters in New York in July 2000'
    r"\b(?:(?:founded|established|incorporated|launched|created|formed|set up|started|opened|built)"
    r"(?:\s(?:at|in)\s[A-Z][^.;\d]{0,40}?)?|since"
    r"|(?:its|their|the company's) (?:founding|foundation|inception|creation|establishment))"
    rf"\s+(?:in\s+)?(?:(?:{MONTHS})\s+)?$",
    re.I,
)
HISTORY_WINDOW = 60  # characters before a year read for its history cue


@dataclass
class ParsedSentence:
    """A sentence of the release, its parse and its typed names (offsets into the release text)."""

    sentence: Sentence
    doc: Doc
    mentions: list[Mention]
    _by_token: tuple[list[Mention], dict[int, Mention]] | None = field(default=None, repr=False, compare=False)

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def text(self) -> str:
        return self.sentence.text

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The parse's tokens, made once: every relation walks them, and spaCy builds a new Token
        object at each step of iterating a Doc (a tenth of extraction's time when not shared)."""
        return tuple(self.doc)

    def mention_at(self, token: Token) -> Mention | None:
        """The (first) typed name covering TOKEN, from an index rebuilt when the mentions change."""
        if self._by_token is None or self._by_token[0] is not self.mentions:
            index: dict[int, Mention] = {}
            for mention in self.mentions:
                for i in range(mention.span.start, mention.span.end):
                    index.setdefault(i, mention)
            self._by_token = (self.mentions, index)
        return self._by_token[1].get(token.i)

    def mentions_in(self, root: Token, types, exclude: Token | None = None) -> list[Mention]:
        """Typed names inside ROOT's subtree (not inside EXCLUDE's), in text order."""
        lo, hi = root.left_edge.i, root.right_edge.i
        found = []
        for m in self.mentions:
            if (
                m.type in types
                and lo <= m.root.i <= hi
                and (m.root == root or root in m.root.ancestors or m.covers(root))
            ):
                if exclude is not None and (exclude.left_edge.i <= m.root.i <= exclude.right_edge.i):
                    continue
                found.append(m)
        return found


@dataclass
class DocContext:
    release: Release
    meta: DocumentMeta
    lexicon: Lexicon
    sentences: list[ParsedSentence]
    entities: DocumentEntities
    facts: list[Fact] = field(default_factory=list)
    recent: dict[str, Entity] = field(default_factory=dict)  # type -> the last entity of it named so far
    recent_in: dict[str, int] = field(default_factory=dict)  # type -> the sentence that named it
    last_actor: tuple[int, Entity] | None = None  # (sentence index, the company the last sentence was about)
    method_said: int = -9  # index of the last sentence whose subject was a rater's method ('The methodology ...')
    _by_sentence: dict[int, list[Fact]] = field(default_factory=dict)

    @property
    def main(self) -> Entity | None:
        return self.entities.main

    # --- who a clause is about -------------------------------------------------------------
    def entity_of(self, sentence: ParsedSentence, token: Token) -> Entity | None:
        """The organization TOKEN names: a typed name, a self-reference ('the bank', 'we', 'its')
        resolved to the release's own organization, or a possessor ('ASE's policy')."""
        pronouns, nouns = self_reference_words()
        mention = sentence.mention_at(token)
        if mention is not None and mention.type in COMPANY_TYPES:
            return self.entity(mention)
        if token.lower_ in pronouns:
            if self._the_method(sentence, token):
                return None
            return self._antecedent(sentence, token) or self._previous_actor(sentence, token) or self.main
        quantified = [g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if token.pos_ in ("NUM", "DET", "PRON") and quantified:
            return self.entity_of(sentence, quantified[0])  # 'all five of its sites', 'each of the plants'
        first_word = self.main is not None and token.text == self.main.label.split()[0]
        known_place = mention is not None and mention.label in self.lexicon.place_types  # 'Kuwait joined ...'
        # 'Enel’s subsidiary', with 'Enel' tagged NN or even VB: a capitalised possessor is a name
        proper = token.pos_ == "PROPN" or (token.text[:1].isupper() and (token.pos_ == "NOUN" or token.dep_ == "poss"))
        if proper and first_word and not known_place:
            return self.main  # 'Corlane's arm': the first word of the release's organization's name
        named = [sentence.mention_at(c) for c in token.children if c.dep_ == "compound"]
        if token.lemma_.lower() in nouns and named and named[-1] is not None and named[-1].type == "company":
            return self.entity(named[-1])  # 'the Crest Holding group' is no self-reference
        if token.lemma_.lower() in nouns and any(c.lower_ in ("the", "our", "this") for c in token.children):
            return self.main
        if token.lemma_.lower() in site_nouns():
            site = self.site(sentence, token) or self._site_named_before(token)
            if site is not None:
                return site
        if token.lemma_.lower() in assessment_nouns():
            return None  # "Its methodology is based on ISO 26000": the rater's method, nobody's fact
        for child in token.children:
            if child.dep_ == "poss" and (owner := self.entity_of(sentence, child)) is not None:
                return owner  # not 'EE, the UK's biggest network': a place owns nothing
        described = _apposed_name(token)
        if described is not None:
            return self.entity_of(sentence, described)  # 'DNV, a certification expert headquartered in Norway'
        return None

    def _antecedent(self, sentence: ParsedSentence, pronoun: Token) -> Entity | None:
        """'Brightwell Bank received its award for its recycling program', 'X presented the award to
        Micron for its program': 'its' is the nearest company named before it in the sentence (not one
        inside the subject's apposition), when that is not the release's own organization."""
        if pronoun.lower_ not in ("it", "its", "they", "their"):
            return None  # 'we', 'our': the release's voice
        verb = pronoun
        while verb.head != verb and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        subjects = subject_tokens(verb)
        described = {t.i for s in subjects for t in s.subtree} - {s.i for s in subjects}
        clause = {t.i for t in verb.subtree} | {s.i for s in subjects}  # not another clause's ('..., while its unit')
        before = [
            m
            for m in sentence.mentions
            if m.span.end <= pronoun.i
            and m.type in ("company", "organization")
            and m.root.i in clause
            and m.root.i not in described
        ]
        if not before:
            return self._announcer(sentence, verb)
        entity = self.entity(before[-1])
        return entity if entity is not self.main else None

    def _announcer(self, sentence: ParsedSentence, verb: Token) -> Entity | None:
        """'welcomes the announcement by Banco Galicia that it has become ...': 'it' in what a noun
        reports is the company that noun is by, or of."""
        if verb.dep_ not in ("acl", "ccomp") or verb.head.pos_ != "NOUN":
            return None
        reporters = [c for c in verb.head.children if c.dep_ == "poss"]
        reporters += [g for c in verb.head.children if c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
        for token in reporters:
            mention = sentence.mention_at(token)
            if mention is not None and mention.type == "company":
                return self.entity(mention)
        return None

    def _site_named_before(self, token: Token) -> Entity | None:
        """'The Korvel Bay Refinery has been recognized ... gave the refinery its award': 'the
        refinery' is the one site the release named with that head word."""
        if token.tag_ != "NN" or not any(c.lower_ == "the" for c in token.children):
            return None
        named = {
            id(e): e
            for e in self.entities.by_surface.values()
            if e.type in COMPANY_TYPES and e.label.split()[-1].lower() == token.lower_ and " " in e.label
        }
        return next(iter(named.values())) if len(named) == 1 else None

    def site(self, sentence: ParsedSentence, token: Token) -> Entity | None:
        """'Holvia Ltd.'s Dalton plant', 'its store in Lindale', 'the Harwick Foods store in Lindale':
        a site the release names apart from its owner keeps its own name (a plain 'its plant' is
        the owner)."""
        owner_token = next((c for c in token.children if c.dep_ == "poss"), None)
        owner = self.entity_of(sentence, owner_token) if owner_token is not None else None
        named = []
        for child in token.lefts:
            mention = sentence.mention_at(child)
            if owner is None and mention is not None and mention.type in COMPANY_TYPES:
                owner = self.entity(mention)
            elif child.dep_ == "compound" and child.pos_ == "PROPN" and (mention is None or mention.type != "standard"):
                named.append(child)
        places = [
            m
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
            for m in (sentence.mention_at(p) for p in prep.children if p.dep_ == "pobj")
            if m is not None and m.type == "place"
        ]
        if owner is None and named and token.tag_ == "NN":
            owner = self.main  # 'the Philadelphia building': the release's organization's
        if (
            owner is None
            or owner.type not in ("company", "organization")
            or not (named or places and token.tag_ == "NN")
        ):
            return None  # 'its plants in England and Wales' are the owner's plants, not one site
        if all(t.text in owner.name.split() for t in named):
            named = []  # 'the Norvale building' of Norvale Insurance: the owner's short name, no site name
        kinds = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]  # 'its data centre'
        first = min([t.left_edge.i for t in named + kinds], default=token.i)
        words = [t.text for t in sentence.doc[first : token.i + 1]]
        marks = [c.text for c in owner_token.children if c.dep_ == "case"] if owner_token is not None else [""]
        possessive = marks[0] if marks else "'s"  # as written: "Brant Minerals' Arvel mine"
        name = f"{owner.name}{possessive} {' '.join(words)}"
        return self.entities.resolve(name + (f" in {places[0].label}" if places else ""), "site")

    def subjects(self, sentence: ParsedSentence, trigger: Token) -> list[Entity]:
        """Who TRIGGER's clause is about: its subject(s); the release's organization when the clause
        has none (headlines, fragments, nominal phrases) or its subject is a common noun ('the
        plants', 'shop floors'); [] when the subject is a person or a name of another type."""
        tokens = [site for token in subject_tokens(trigger) for site in _site_group_of(sentence, token)]
        tokens = [name for token in tokens for name in named_after(sentence, token)]
        tokens += _rest_of_list(sentence, tokens)
        named = [t for t in tokens if (m := sentence.mention_at(t)) is not None and m.type in COMPANY_TYPES]
        if named:  # 'X's subsidiaries A and B joined': A and B, not X through 'subsidiaries'
            tokens = [t for t in tokens if t in named or not any(c.dep_ == "poss" for c in t.children)]
        found = []
        for token in tokens or [None]:
            entity = self.entity_of(sentence, token) if token is not None else None
            if entity is None and self.main is not None and (token is None or self._about_main(sentence, token)):
                entity = self.main
            if entity is not None and entity not in found:
                found.append(entity)
        return found

    def _about_main(self, sentence: ParsedSentence, token: Token) -> bool:
        """A common-noun subject ('the plants', 'this recognition') speaks of the release's organization,
        and so does its project ('The project could cut 1,080 tonnes of CO2 a year')."""
        mention = sentence.mention_at(token)
        if mention is not None and mention.type == "program" and token.lower_ in program_nouns():
            return True
        if mention is not None or token.pos_ == "PROPN" or token.lemma_.lower() in assessment_nouns():
            return False  # 'The assessment aligns with the GRI Standards': the rater's method
        if self._the_method(sentence, token) or self._names_a_recent_body(token):
            return False
        if token.lemma_.lower() in language_data()["sector_nouns"]:
            return False  # 'The real estate sector produces 20 per cent of emissions': the whole sector
        if token.tag_ == "NNS" and token.lemma_.lower() in self_reference_words()[1]:
            return False  # 'the businesses recognised by the X Awards', 'Forty-one corporations': others
        return token.lower_ not in ("he", "she", "i", "you", "they", "who", "which", "that") and token.pos_ in (
            "NOUN",
            "PRON",
        )

    def _names_a_recent_body(self, noun: Token) -> bool:
        """'The alliance, part of the wider Y, ...' after 'joined the Net-Zero Banking Alliance': the
        body named before, by its head word, is no self-reference."""
        if noun.tag_ != "NN" or not any(c.lower_ in ("the", "this") for c in noun.children):
            return False
        return any(
            entity.label.split()[-1].lower() == noun.lower_
            for kind, entity in self.recent.items()
            if kind in ("initiative", "organization", "index")
        )

    def entity(self, mention: Mention, type_hint: str | None = None) -> Entity:
        """The entity a mention names, keeping the form the release wrote ('DJSI World')."""
        return self.entities.resolve(mention.label, type_hint or mention.type, mention.written)

    def remember(self, sentence: ParsedSentence) -> None:
        """After a sentence: its names become what 'the award', 'the index' refer to next, and the
        company it is about what 'Its ...' opening the next sentence refers to."""
        for mention in sentence.mentions:
            self.recent[mention.type] = self.entity(mention)
            self.recent_in[mention.type] = sentence.sentence.index
        root = next((t for t in sentence.tokens if t.dep_ == "ROOT"), None)
        actors = [sentence.mention_at(c) for c in root.children if c.dep_ in ("nsubj", "nsubjpass")] if root else []
        named = [m for m in actors if m is not None and m.type == "company"]
        self.last_actor = (sentence.sentence.index, self.entity(named[0])) if named else None
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")] if root else []
        if any(c.lemma_.lower() in assessment_nouns() for c in subjects):
            self.method_said = sentence.sentence.index

    def _the_method(self, sentence: ParsedSentence, pronoun: Token) -> bool:
        """'The rating methodology covers 21 criteria. It is based on ISO 26000': an opening 'It'
        goes on about the rater's method the sentence before was about."""
        return pronoun.lower_ == "it" and pronoun.i <= 1 and self.method_said == sentence.sentence.index - 1

    def _previous_actor(self, sentence: ParsedSentence, pronoun: Token) -> Entity | None:
        """'PowerSmart won the Community award ... Its initiative in Tokelau ...': a sentence that opens
        with 'It'/'Its' goes on about the company the sentence before named as its subject."""
        if pronoun.lower_ not in ("it", "its") or pronoun.i > 1 or self.last_actor is None:
            return None
        index, actor = self.last_actor
        return actor if index == sentence.sentence.index - 1 else None

    def year_default(self) -> int | None:
        """The release's year: its date's, else the year it names most often (the latest of a
        tie), not counting a target's 'by 2050', a name's 'Commitment 2030', a history's 'founded
        in 1952' or a year still to come."""
        if self.meta.year:
            return self.meta.year
        months = set(language_data()["months"])
        text = self.release.text[:YEAR_WINDOW]
        found = [
            (int(m.group(2)), not m.group(1) or m.group(1).strip() in months | SENTENCE_WORDS)
            for m in re.finditer(
                r"(\b[A-Z][a-z]+ )?(?<!by )(?<!until )(?<!to )(?<!before )(?<!by fiscal )(?<!by FY)\b((?:19|20)\d\d)\b",
                text,
            )
            if not HISTORY_CUE.search(text, max(0, m.start(2) - HISTORY_WINDOW), m.start(2))
            and int(m.group(2)) <= date.today().year  # 'net zero by 2030 and 2050': no release is dated ahead
        ]  # a year after a name that is later than every plain one is a target's ('Commitment 2030')
        latest_plain = max((year for year, plain in found if plain), default=9999)
        years = Counter(year for year, plain in found if plain or year <= latest_plain)
        return max(years, key=lambda y: (years[y], y)) if years else None

    # --- the one fact builder ---------------------------------------------------------------
    def add(
        self, kind: str, sentence: ParsedSentence, subject: Entity | None, obj: Entity | None, **qualifiers
    ) -> Fact | None:
        if subject is None or obj is None or normalize(subject.name) == normalize(obj.name) or subject is obj:
            return None
        fact = Fact(
            document=self.release.doc_id,
            kind=kind,
            subject=subject.name,
            object=obj.name,
            evidence=sentence.text,
            start=sentence.start,
            end=sentence.sentence.end,
            qualifiers={k: v for k, v in qualifiers.items() if v is not None},
            subject_type=subject.type,
            object_type=obj.type,
            subject_aliases=tuple(sorted(subject.aliases)),
            object_aliases=tuple(sorted(obj.aliases)),
        )
        self.facts.append(fact)
        self._by_sentence.setdefault(sentence.start, []).append(fact)
        return fact

    def facts_of(self, sentence: ParsedSentence) -> list[Fact]:
        """The facts already stated by SENTENCE (earlier modules' ones)."""
        return self._by_sentence.get(sentence.start, [])


def named_after(sentence: ParsedSentence, token: Token) -> list[Token]:
    """'its subsidiaries Nordwing Airlines and Sudair Airways': the names a noun is followed by
    (their roots, with conjuncts), else the noun itself."""
    listed = _listed_after_colon(sentence, token) or _operators_of(sentence, token)
    if listed:  # 'to three companies: A in the small category, B ... and C ...'
        return listed
    first = (
        sentence.mention_at(token.doc[token.i + 1])
        if token.pos_ == "NOUN" and token.i + 1 < len(token.doc)
        else None
    )
    if first is None or first.type not in COMPANY_TYPES or first.span.start != token.i + 1:
        # 'its asset management arm, Redwater Investments, became': the name in apposition
        named = [c for c in token.children if c.dep_ == "appos" and token.pos_ == "NOUN"]
        first = sentence.mention_at(named[0]) if named else None
        if first is None or first.type not in COMPANY_TYPES:
            return [token]
    return [first.root, *[c for c in coordinated(first.root)[1:] if sentence.mention_at(c) is not None]]


def _site_group_of(sentence: ParsedSentence, token: Token) -> list[Token]:
    """'The Bracknell and East Cowes stores achieved ...': a subject inside coordinated site names
    (whichever word the parser made the subject) stands for every site named."""
    for names, noun in site_groups(sentence.doc):
        if names[0].start <= token.i <= noun.i:
            return [name[-1] for name in names if sentence.mention_at(name[-1]) is not None] or [token]
    return [token]


def _operators_of(sentence: ParsedSentence, noun: Token) -> list[Token]:
    """'recognized eight mining facilities operated by A, B and C': the sites' operators."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in site_nouns():
        return []
    agents = [
        g
        for acl in noun.children
        if acl.dep_ == "acl" and acl.lemma_ in ("operate", "own", "run", "manage")
        for by in acl.children
        if by.dep_ == "agent"
        for g in by.children
        if g.dep_ == "pobj"
    ]
    named = [t for a in agents for t in coordinated(a) if (m := sentence.mention_at(t)) and m.type in COMPANY_TYPES]
    return named


def _listed_after_colon(sentence: ParsedSentence, noun: Token) -> list[Token]:
    """'Four companies were recognised at the X Awards: A (category), B, C and D': the companies a
    plural subject counts are the names listed after the colon (not those in brackets)."""
    doc = noun.doc
    colon = next((t.i for t in doc[noun.i + 1 :] if t.text == ":"), None)
    if noun.tag_ != "NNS" or colon is None:
        return []
    depth, listed = 0, []
    for token in doc[colon + 1 :]:
        depth += (token.text == "(") - (token.text == ")")
        mention = sentence.mention_at(token)
        if depth == 0 and mention is not None and mention.type in COMPANY_TYPES and token == mention.root:
            listed.append(token)
    return listed if len(listed) >= 2 else []


def _apposed_name(token: Token) -> Token | None:
    """The name a descriptive apposition is about: 'DNV, a certification expert ...', and through
    its coordination 'DNV, an expert in X and one of the few registrars, headquartered in Norway'."""
    for _ in range(4):
        if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.i < token.i:
            return token.head
        if token.dep_ not in ("conj", "pobj") or token.pos_ not in ("NOUN", "NUM"):
            return None
        token = token.head if token.dep_ == "conj" else token.head.head  # 'one of the few societies'
    return None


LIST_GAP = re.compile(r"^[\s,;:–—-]*(?:\( [A-Z][\w&.-]* \))?[\s,;:–—-]*(?:and\s*)?$")  # ', (Salcra) – '
LONG_LIST = 3  # company names that make a list whose rest is read off the text


def _rest_of_list(sentence: ParsedSentence, tokens: list[Token]) -> list[Token]:
    """'A, B, C, D (E) – F Mill, G and H': the parse of a long list of names breaks off after a
    few; the company names that follow the last one read, with only commas, brackets, dashes,
    'and' or other names between, go on the list."""
    listed = [m for m in sentence.mentions if any(m.covers(t) for t in tokens)]
    if not listed:
        return []
    doc, rest = sentence.doc, []
    end = listed[-1].span.end
    for mention in (m for m in sentence.mentions if m.span.start >= end):
        gap = [t for t in doc[end : mention.span.start] if t not in tokens]  # a listed word the names missed
        if not LIST_GAP.match(" ".join(t.text for t in gap)):
            break
        if mention.type in COMPANY_TYPES and mention.root not in tokens:
            rest.append(mention)
        end = mention.span.end
    if sum(has_company_suffix(m.label) for m in listed + rest) < LONG_LIST:
        return []  # a list of companies by their names' suffixes, not of systems or programmes
    return [m.root for m in rest]


def mark_names(sentences: list[ParsedSentence], known_places: dict[str, str]) -> None:
    """What the whole release says of a name corrects what one sentence's typer made of it, in
    order: bare acting words are names, a company name is one wherever written, then persons,
    acting places and the company's own programs are sorted out; junk names are dropped."""
    mark_bare_subject_names(sentences)
    mark_recurring_names(sentences)
    mark_persons(sentences, known_places)
    mark_acting_places(sentences, known_places)
    mark_owned_program_names(sentences)
    junk = junk_names()
    for sentence in sentences:  # whatever marked it, 'ESG' or 'The Group' names no company
        sentence.mentions = [m for m in sentence.mentions if not (m.type == "company" and m.label.lower() in junk)]


def mark_persons(sentences: list[ParsedSentence], known_places: dict[str, str]) -> None:
    """A surname or a given name alone ('Ciputra confirms', 'Hendra said') is the person the
    release named in full ('Erwin Ciputra', 'Hendra Purnama'); a 'person' that is the short form of
    a company the release names ('Tesko Resins' for 'Tesko Resins Ltd.'), one whose manager the
    release names ("M. Dias Branco's R&D manager"),
    or a name NER calls a company more often than a person, is that company; a speaker given a
    person's title after a quote is a person."""
    mentions = [m for s in sentences for m in s.mentions]
    full_names = [m.label.split() for m in mentions if m.type == "person" and " " in m.label]
    surnames = Counter(words[-1] for words in full_names)
    given_names = {words[0] for words in full_names if len(words) == 2 and not words[0].endswith(".")}
    companies = {m.label for m in mentions if m.type == "company" and has_company_suffix(m.label)}
    companies |= _headline_actors(sentences) | {m.label for m in mentions if m.type == "person" and _employs(m)}
    votes = Counter((m.label, m.type) for m in mentions if m.type in ("company", "person"))

    def retyped(m: Mention) -> Mention:
        by_surname = 0 < 2 * votes[m.label, "company"] <= 3 * surnames[m.label]
        if m.type == "company" and (by_surname or _speaks_by_given_name(m, given_names) or _titled(m)):
            return Mention(m.span, "person", m.label)  # not 'Generali', six times, for one 'Assicurazioni Generali'
        if m.type == "place" and m.label not in known_places and any(c.startswith(m.label + " ") for c in companies):
            return Mention(m.span, "company", m.label)  # 'Teravia's plants' for Teravia Foods plc
        if m.type == "person" and (
            m.label in companies
            or any(c.startswith(m.label + " ") for c in companies)
            or votes[m.label, "company"] > votes[m.label, "person"]
            or _bracketed_acronym(m)
        ):
            return Mention(m.span, "company", m.label)
        return m

    for sentence in sentences:
        sentence.mentions = [retyped(m) for m in sentence.mentions]
        sentence.mentions = [
            Mention(m.span, "company", m.label, m.written) if _acts_as_organization(sentence, m) else m
            for m in sentence.mentions
        ]


def _speaks_by_given_name(mention: Mention, given_names: set[str]) -> bool:
    """'Hendra said': a speaker named by the given name of a person the release named in full."""
    speech = language_data()["speech_verbs"]
    return mention.label in given_names and mention.root.dep_ == "nsubj" and mention.root.head.lemma_ in speech


def mark_recurring_names(sentences: list[ParsedSentence]) -> None:
    """A company name of two words or more (or one shouted word) that one sentence typed is that
    company wherever the release writes it again, whatever the tagger made of it there ('that
    SEKAWA STEEL has been rated': an adjective and a one-word name; 'LANXESS' that NER calls a
    nationality)."""
    names: dict[str, tuple[Span, Mention]] = {}
    for sentence in sentences:
        for m in sentence.mentions:
            if m.type == "company":
                for form in (m.span, _without_legal_form(m.span)):
                    if len(form) >= 2 or _acronym_name(form):
                        names.setdefault(form.text.lower(), (form, m))
    if not names:
        return
    matcher = PhraseMatcher(sentences[0].doc.vocab, attr="LOWER")
    for key, (form, _) in names.items():
        matcher.add(key, [form.as_doc()])
    for sentence in sentences:
        for match_id, start, end in matcher(sentence.doc):
            known = names[sentence.doc.vocab.strings[match_id]][1]
            inside = [m for m in sentence.mentions if start <= m.span.start and m.span.end <= end]
            crossing = [m for m in sentence.mentions if m.span.start < end and start < m.span.end and m not in inside]
            if crossing or any(len(m.span) == end - start for m in inside):
                continue  # a longer name stands, and so does the name already typed here
            kept = [m for m in sentence.mentions if m not in inside]
            sentence.mentions = sorted(kept + [Mention(sentence.doc[start:end], "company", known.label, known.written)],
                                       key=lambda m: m.span.start)


def mark_bare_subject_names(sentences: list[ParsedSentence]) -> None:
    """'Woolworths launches ...', 'Woolworths has achieved ...': a capitalised word the tagger took
    for a common noun (or a verb), that acts bare as the subject of two sentences or more (or
    employs a person it names: "Eni's Chief Executive Officer") and that the release never writes
    in lower case, is the name of a company; NER missed it."""
    pronouns, nouns = self_reference_words()
    lowered = {t.lower_ for s in sentences for t in s.tokens if t.text.islower()}
    acting: Counter = Counter()
    for sentence in sentences:
        for token in sentence.tokens:
            bare = not any(c.dep_ not in ("punct", "case") for c in token.children)
            employer = token.dep_ == "poss" and token.head.text in person_title_words()  # "Eni's Chief Officer"
            if (
                (token.dep_ in ("nsubj", "nsubjpass") or employer)
                and token.pos_ in ("NOUN", "VERB", "PROPN", "ADJ")  # 'Lanxess is included': tagged ADJ
                and token.text[:1].isupper()
                and token.is_alpha
                and bare
                and _unnamed_or_named_alone(sentence, token)
                and token.lower_ not in lowered | pronouns | nouns
            ):
                acting[token.text] += 1
    names = {word for word, count in acting.items() if count >= 2}
    for sentence in sentences:
        found = [Mention(sentence.doc[t.i : t.i + 1], "company", t.text) for t in sentence.tokens
                 if t.text in names and sentence.mention_at(t) is None]
        if found:
            sentence.mentions = sorted(sentence.mentions + found, key=lambda m: m.span.start)


def _unnamed_or_named_alone(sentence: ParsedSentence, token: Token) -> bool:
    """No mention covers TOKEN, or one names the company by this word alone ('Lanxess joined')."""
    mention = sentence.mention_at(token)
    return mention is None or mention.type == "company" and mention.label == token.text


def _acronym_name(span: Span) -> bool:
    """'LANXESS', 'KVR': one shouted word of three letters or more, in a release that does not shout."""
    word = span.text
    return len(span) == 1 and word.isupper() and word.isalpha() and len(word) >= 3 and not span.doc.text.isupper()


def _without_legal_form(span: Span) -> Span:
    """'SEKAWA STEEL CO., LTD.' without its legal form: how the release writes it again."""
    end = span.end
    while end > span.start and (span.doc[end - 1].text in company_suffixes() or span.doc[end - 1].text == ","):
        end -= 1
    return span.doc[span.start:end]


ORGANIZATION_ONLY_TYPES = ("index", "initiative", "standard")  # what people do not join, enter or hold


def _titled(mention: Mention) -> bool:
    """'..., says Tiago Timbo, the company's Sustainability Manager': who speaks after the quote,
    followed by a person's title, is a person."""
    titles = {t.lower() for t in person_title_words()}
    root, doc = mention.root, mention.span.doc
    speaks = root.dep_ == "nsubj" and root.head.lemma_ in language_data()["speech_verbs"] and root.head.i < root.i
    after = doc[mention.span.end : mention.span.end + 16]
    return speaks and not has_company_suffix(mention.label) and any(t.lower_ in titles for t in after)


def _employs(mention: Mention) -> bool:
    """"Marcelo Augusto, M. Dias Branco's R&D manager", 'Jane Doe, CEO of Tavor': a possessor of a
    person's title, or what the title is 'of', is an organization."""
    titles = {t.lower() for t in person_title_words()}
    root = mention.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.lower_ in titles
    return root.dep_ == "poss" and root.head.lower_ in titles


def _acts_as_organization(sentence: ParsedSentence, mention: Mention) -> bool:
    """'Marvela Energia was named to the FTSE4Good Index', 'Tavor joined the UN Global Compact': a
    'person' whose clause puts it in an index, an initiative or a standard is an organization
    (people win awards, so an award says nothing)."""
    root = mention.root
    if mention.type == "person" and len(mention.span) == 1 and root.dep_ == "pobj" and root.head.dep_ == "agent":
        return is_trigger_word(root.head.head.text)  # 'awarded the title by Asiamoney': one word, no person's name
    if mention.type != "person" or root.dep_ not in ("nsubj", "nsubjpass") or root.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = root.head
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(
        (found := sentence.mention_at(o)) is not None and found.type in ORGANIZATION_ONLY_TYPES for o in objects
    )


def _bracketed_acronym(mention: Mention) -> bool:
    """'Gold Fields (GFI) announced': a name given an acronym or ticker in brackets is an organization's."""
    doc, end = mention.span.doc, mention.span.end
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    acronym = doc[end + 1].text
    return acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 6 and acronym not in person_title_words()


def _headline_actors(sentences: list[ParsedSentence]) -> set[str]:
    """'Person' names of the headline that the body names again and that never speak or carry a
    title: a release's headline is about an organization ('Oriente Energia Wins ...'), and the
    people a release names are quoted ('said Jane Doe, Chief Executive')."""
    if len(sentences) < 2:
        return set()
    speech, titles = set(language_data()["speech_verbs"]), person_title_words()

    def speaks(m: Mention) -> bool:
        near = [m.root.head, *m.root.children, *m.span.doc[max(m.span.start - 1, 0) : m.span.end + 1]]
        return any(t.lemma_ in speech or t.text in titles for t in near)

    people = [m for s in sentences for m in s.mentions if m.type == "person"]
    headline = [m.label for m in sentences[0].mentions if m.type == "person"]
    named_again = {m.label for s in sentences[1:] for m in s.mentions if m.type == "person"}
    in_headline = {b for b in named_again if any(h == b or h.startswith(b + " ") for h in headline)}
    return in_headline - {m.label for m in people if speaks(m)}


STATIVE_VERBS = {"be", "locate", "base", "host", "lie", "remain", "become", "have", "rank", "see"}


def mark_owned_program_names(sentences: list[ParsedSentence]) -> None:
    """'through its GreenLeaf feature', 'our Bluewater programme': a name the release writes as its
    own program is that program wherever NER makes it a company ('GreenLeaf stood out')."""
    nouns = {w.lower() for w in language_data()["owned_program_nouns"]}
    names = {
        m.label.rsplit(" ", 1)[0]
        for s in sentences
        for m in s.mentions
        if m.type == "program"
        and " " in m.label
        and m.root.lower_ in nouns
        and any(c.dep_ == "poss" and c.lower_ in ("its", "our", "their") for c in m.root.children)
    }
    for sentence in sentences:
        sentence.mentions = [
            Mention(m.span, "program", m.label, m.written)
            if m.type == "company" and m.label in names and not has_company_suffix(m.label)
            else m
            for m in sentence.mentions
        ]


def mark_acting_places(sentences: list[ParsedSentence], known_places: dict[str, str]) -> None:
    """A place name that acts ('Zurich has pledged', 'Zurich will vote', 'Zurich has set') is, in a
    release, the organization named after it: at least two acting mentions, a third of its own
    ('Brazil's largest', 'Ghana's economy' do not act). A name the gazetteer does not know as a
    place also acts when something is done to it ('Vantaggi was rated AA')."""
    mentions = [m for s in sentences for m in s.mentions if m.type == "place"]

    def acts(m: Mention) -> bool:
        roles = ("nsubj",) if m.label in known_places else ("nsubj", "nsubjpass")
        return m.root.dep_ in roles and m.root.head.pos_ == "VERB" and m.root.head.lemma_ not in STATIVE_VERBS

    acting = Counter(m.label for m in mentions if acts(m))
    total = Counter(m.label for m in mentions)
    companies = {label for label, n in acting.items() if n >= 2 and 3 * n >= total[label]}
    if companies:
        for sentence in sentences:
            sentence.mentions = [
                Mention(m.span, "company", m.label, m.written) if m.type == "place" and m.label in companies else m
                for m in sentence.mentions
            ]


# Salience of a company mention for find_main: the lead (headline, dateline, first sentence)
# names who the release is about; a subject acts; a prepositional object ('a unit of X') is
# often a parent; a legal form ('Ltd.') marks the full name.
SALIENT_LEAD = 3  # sentences whose mentions weigh LEAD_WEIGHT
LEAD_WEIGHT, BODY_WEIGHT = 2.0, 1.0
SUBJECT_BONUS = 2.0
PREPOSITIONAL_DISCOUNT = 0.5
LEGAL_FORM_BONUS = 1.0


def find_main(sentences: list[ParsedSentence], entities: DocumentEntities) -> Entity | None:
    """The organization the release is about: the most mentioned company-like name, the headline
    and first sentences weighing more; a short form ('Corvane Foods') counts for the long one."""
    kind = "company"
    scores, forms = _salience(sentences, entities, kind, ("company", "organization"))
    suffixed = {key: any(has_company_suffix(label) for label in labels) for key, labels in forms.items()}
    for key in forms:
        scores[key] += LEGAL_FORM_BONUS if suffixed[key] else 0.0
    acting, acting_forms = _salience(sentences, entities, "agency", ("agency",), acting=True)
    if acting and (not scores or max(acting.values()) > max(scores.values())):
        # 'Dubai Electricity and Water Authority (DEWA) has won ...': an authority's own release
        kind, scores, forms, suffixed = "agency", acting, acting_forms, {key: False for key in acting_forms}
    if not scores:  # 'Metsä Board has been awarded ...': a company that an organization's head word named
        kind = "organization"
        scores, forms = _salience(sentences, entities, kind, (kind,), acting=True)
        suffixed = {key: False for key in forms}
    if not scores:
        return None
    places = {name.lower() for name in entities.lexicon.place_types}
    for key in list(scores):
        for other in list(scores):
            if (
                other != key
                and other.startswith(key + " ")
                and _short_form(key, forms[key])
                and (
                    suffixed[other]
                    or len(forms[other]) >= len(forms[key])
                    or other[len(key) + 1 :] in places and 3 * len(forms[other]) >= len(forms[key])
                )  # not 'EDP Brazil', named once where 'EDP' is named six times: a unit the release mentions
                or _ends_of(key, other)  # 'Vestas India' for 'Vestas Wind Technology India'
            ):  # 'Unilever' counts for 'Unilever East Africa', its unit there
                scores[other] += scores[
                    key
                ]  # 'Corvane Foods' counts for 'Corvane Foods Group PCL', not for a store or division
    key = scores.most_common(1)[0][0]
    candidates = [  # not 'EDP Brazil' for 'EDP': its unit there, unless it was counted in
        label
        for k, labels in forms.items()
        if k == key or k.startswith(key + " ") and (k[len(key) + 1 :] not in places or scores[k] >= scores[key])
        for label in labels
    ]
    named = [label for label in candidates if has_company_suffix(label)]
    main = entities.resolve(named[0] if named else max(candidates, key=candidates.count), kind)
    main.aliases |= set(candidates) - {main.label}
    # a short form the release uses: 'Delta' for 'Delta Electronics, Inc.'; 'Daiwa House Group' for
    # 'Daiwa House Industry' (one name, other corporate words)
    for k, labels in forms.items():
        if main.key.startswith(k + " ") and _short_form(k, labels) or _same_base(k, main.key):
            main.aliases |= set(labels)
        main.aliases |= {
            label
            for label in labels
            if _initials_of(label, main.label) or _clipped_of(label, main.label) or _ends_of(label, main.label)
        }
    entities.set_main(main)
    return main


def _salience(
    sentences: list[ParsedSentence],
    entities: DocumentEntities,
    mention_type: str,
    entity_types: tuple[str, ...],
    acting: bool = False,
) -> tuple[Counter, dict[str, list[str]]]:
    """How salient each name of MENTION_TYPE is (the lead and subjects weigh more), and its forms;
    ACTING: only names that are a clause's subject ('according to the Energy Agency' is no actor)."""
    scores: Counter = Counter()
    forms: dict[str, list[str]] = {}
    for position, sentence in enumerate(sentences):
        weight = LEAD_WEIGHT if position < SALIENT_LEAD else BODY_WEIGHT
        for mention in sentence.mentions:
            if mention.type != mention_type or len(mention.label) < 2 or _owned(mention):
                continue
            entity = entities.resolve(mention.label, mention_type)
            if entity.type not in entity_types:
                continue
            role, head = mention.root.dep_, mention.root.head
            if role == "appos" and head.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "NOUN":
                role = head.dep_  # 'Cheesemaker and processor Glanbia Nutritionals is ...': the subject
            if acting and role not in ("nsubj", "nsubjpass"):
                continue
            score = weight + (SUBJECT_BONUS if role in ("nsubj", "nsubjpass") else 0.0)
            scores[entity.key] += score * PREPOSITIONAL_DISCOUNT if role == "pobj" else score
            forms.setdefault(entity.key, []).append(entity.label)
    return scores, forms


CORPORATE_WORDS = {"group", "groupe", "grupo", "holding", "holdings", "industry", "industries", "corporation",
                   "company", "co.", "co", "ltd", "inc", "plc", "limited", "sa", "ag", "pcl", "bhd", "tbk"}


def _same_base(key: str, other: str) -> bool:
    """'daiwa house group' and 'daiwa house industry co. ltd': two or more words of a name, then only
    corporate words."""
    def base(words: list[str]) -> list[str]:
        while words and words[-1].strip(".,") in CORPORATE_WORDS:
            words = words[:-1]
        return words

    mine, theirs = base(key.split()), base(other.split())
    return key != other and len(mine) >= 2 and mine == theirs


def _owned(mention: Mention) -> bool:
    """'our Pucamarca mining unit', 'its Dalton subsidiary': a name the release owns is not the release's."""
    return any(c.dep_ == "poss" and c.lower_ in ("our", "its", "their") for c in mention.root.children)


def _initials_of(short: str, name: str) -> bool:
    """'UCC' is written for 'Union Cement Corp.', and 'NNPC Ltd' for 'Nigerian National Petroleum
    Company Limited': the capitals of its words, in order (less a legal form), and nothing else
    but a legal form or 'Group'."""
    words = short.replace(",", " ").split()
    while len(words) > 1 and (words[-1] in company_suffixes() or words[-1] == "Group"):
        words.pop()
    if len(words) != 1 or not words[0].isupper() or not words[0].isalpha() or len(words[0]) < 2:
        return False
    full = [w for w in name.replace(",", " ").split() if w[:1].isupper()]
    forms = {"".join(w[0] for w in full)}
    while len(words) < len(short.split()) and len(full) > 1 and full[-1] in company_suffixes():
        full.pop()  # 'Nigerian National Petroleum Company Limited' is also 'NNPC (Ltd)'
        forms.add("".join(w[0] for w in full))
    return words[0] in forms


def _clipped_of(short: str, name: str) -> bool:
    """'NovBank' is written for 'Novara Bank of Tessia PLC': one word whose capitalised pieces open
    the name's words, in order, the first piece its first word."""
    pieces = re.findall(r"[A-Z][a-z]+", short)
    if " " in short or len(pieces) < 2 or "".join(pieces) != short:
        return False
    words = iter(w for w in name.split() if w[:1].isupper())
    return name.startswith(pieces[0]) and all(any(w.startswith(p) for w in words) for p in pieces)


def _ends_of(short: str, name: str) -> bool:
    """'Vestas India' is written for 'Vestas Wind Technology India': the name's first and last words,
    with none but its own words between."""
    words, full = short.split(), name.split()
    if len(words) < 2 or len(full) <= len(words) or words[0] != full[0] or words[-1] != full[-1]:
        return False
    rest = iter(full[1:-1])
    return all(any(w == f for f in rest) for w in words[1:-1])


def _short_form(key: str, labels: list[str]) -> bool:
    """'Zentara' is a short form of 'Zentara Bank'; 'Zentara Holdings' (whose key drops its
    'Holdings') is another company, often the parent."""
    return any(normalize(label) == key for label in labels)
