"""Walking the dependency tree from a trigger word: its clause, subject, polarity and qualifiers.

Every fact kind states its relation with a trigger ("received", "member", "certified") whose
arguments the parse gives: the subject (nsubj/nsubjpass, inherited along conj/xcomp, the modified
noun for relative clauses), the objects (typed names in the trigger's subtree, one fact per
conjunct), and the clause's cues (negation, hypotheticals, years, streaks, ranks).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Span, Token

from .language import PATTERN_FILES, language_data, number_value, pattern_rows
from .nlp import pipeline

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
YEAR = re.compile(r"^(?:FY)?((?:19|20)\d\d)$")
ORDINAL = re.compile(r"^(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$")
FISCAL_YEAR = re.compile(r"^(?:FY[-’']?(\d\d)|(?:FY)?((?:19|20)\d\d)[/-](\d\d))$")  # 'FY23', '2022/23'


def year_value(text: str) -> int | None:
    """The year a token writes: '2023', 'FY2023'; a fiscal year by the year it ends in ('FY23',
    '2022/23', '2022-23': 2023)."""
    plain = YEAR.match(text)
    if plain:
        return int(plain.group(1))
    fiscal = FISCAL_YEAR.match(text)
    if fiscal is None:
        return None
    if fiscal.group(1):
        return 2000 + int(fiscal.group(1))
    start = int(fiscal.group(2))
    end = start // 100 * 100 + int(fiscal.group(3))
    return end if 0 < end - start <= 1 else None


class PatternSet:
    """The Matcher patterns of one ontology/patterns/<name>.jsonl file, with each row's attributes."""

    def __init__(self, name: str):
        self.name = name
        self.rows = pattern_rows(name)

    def matches(self, doc, label: str | None = None) -> list[tuple[dict, Span]]:
        """(row, matched span) for every match, in text order; only rows of LABEL if given."""
        return [
            (row, span)
            for name, row, span in all_matches(doc)
            if name == self.name and (label is None or row["label"] == label)
        ]


@cache
def patterns(name: str) -> PatternSet:
    return PatternSet(name)


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    """One Matcher over every pattern file (one pass over a sentence serves all fact kinds)."""
    matcher = Matcher(pipeline().vocab)
    for name in PATTERN_FILES:
        for index, row in enumerate(patterns(name).rows):
            matcher.add(f"{name}:{index}", [row["pattern"]])
    return matcher


def all_matches(doc) -> list[tuple[str, dict, Span]]:
    """(file, row, span) of every pattern match in DOC, in text order, computed once per doc."""
    found = doc.user_data.get("esgkg-matches")
    if found is None:
        found = []
        for match_id, start, end in _matcher()(doc):
            name, index = doc.vocab.strings[match_id].split(":")
            found.append((name, patterns(name).rows[int(index)], doc[start:end]))
        found.sort(key=lambda item: item[2].start)
        doc.user_data["esgkg-matches"] = found
    return found


def governing_verb(token: Token) -> Token:
    """The verb whose clause TOKEN belongs to ('member' in 'is a member of' -> 'is')."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head != token and seen < 8:
        if token.dep_ in ("relcl", "acl", "appos"):
            break
        token, seen = token.head, seen + 1
    return token


LISTING_VERBS = ("include", "be", "comprise", "feature")
EXAMPLE_WORDS = ("including", "like", "namely")


def coordinated(token: Token) -> list[Token]:
    """TOKEN and the names listed with it: its conjuncts, and a proper noun the parser hung on it
    as an apposition where the list goes on with 'and' ('A, B and C': B is A's 'appos', C B's 'conj')."""
    if token.pos_ == "NOUN":  # 'three entities, including A, B and C', 'firms such as A and B': A, B, C
        listed = [g for c in token.children if c.lower_ in EXAMPLE_WORDS for g in c.children if g.dep_ == "pobj"]
        listed += [g for c in token.children if c.lower_ == "such" for a in c.children if a.lower_ == "as"
                   for g in a.children if g.dep_ == "pobj"]
        if listed and listed[0].pos_ == "PROPN":
            return coordinated(listed[0])
    found = [token, *token.conjuncts]
    for name in found:  # grows as it goes: a long list alternates appositions and conjuncts
        listing = any(c.dep_ == "conj" for c in name.children)
        for child in name.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and (
                listing or any(c.dep_ in ("cc", "conj") for c in child.children)
            ):
                found += [t for t in (child, *child.conjuncts) if t not in found]
    return found


COPULAS = ("be", "become", "remain")


def _own_subjects(verb: Token) -> list[Token]:
    """VERB's subject children; of two ("Gold Fields’ Damang Mine picked up"), not the possessor."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return [c for c in subjects if not _bare_possessor(c)] or subjects if len(subjects) > 1 else subjects


def _lists_on(first: Token, other: Token) -> bool:
    """'Nestlé, Danone and Unilever were named', parsed with two subjects: OTHER, right after FIRST's
    comma, goes on with 'and' or 'or', so the two are one list."""
    doc = first.doc
    comma = first.i + 1 < len(doc) and doc[first.i + 1].text == "," and other.i == first.i + 2
    return comma and any(c.dep_ == "cc" for c in other.children)


def _bare_possessor(token: Token) -> bool:
    """'Fields' in "Gold Fields’ Damang Mine": a name ending in s followed by a bare apostrophe."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.text in ("’", "'") and token.text[-1:] in ("s", "S")


def _placed_noun(token: Token) -> Token:
    """'a property in Ciudad Juárez, Mexico, which achieved X': the parser hangs the relative clause
    on the place; what is in the place achieved it."""
    place = token
    while place.dep_ == "appos" and place.ent_type_ in ("GPE", "LOC"):
        place = place.head  # 'Ciudad Juárez, Mexico'
    prep = place.head
    if place.ent_type_ in ("GPE", "LOC") and place.dep_ == "pobj" and prep.lower_ in ("in", "at"):
        return prep.head if prep.head.pos_ == "NOUN" else token
    return token


def subject_tokens(trigger: Token) -> list[Token]:
    """The subject of TRIGGER's clause, with its conjuncts ('X, Y and Z joined'): [] if none."""
    verb = governing_verb(trigger)
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and trigger.head.lemma_ in LISTING_VERBS:
        named = [c for c in trigger.head.children if c.dep_ in ("dobj", "attr") and c.pos_ == "PROPN"]
        if named:  # 'Winners of the X Awards include A, B and C': A, B and C won
            return coordinated(named[0])
    for _ in range(6):
        subjects = _own_subjects(verb)
        if subjects and subjects[0].lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
            group = _group_counting_in(verb.head)
            if group is not None:  # 'X is one of 40 companies in Ghana that have achieved Y': X
                verb = group
                continue
            subjects = [_placed_noun(verb.head)]  # 'the group, which includes ...'
        if subjects:  # 'A, B and C were named', which the parser may give two subjects ('A' and 'B and C')
            listed = [s for s in subjects[1:] if _lists_on(subjects[0], s)]
            return list(dict.fromkeys(t for subject in (subjects[0], *listed) for t in coordinated(subject)))
        objects = [c for c in verb.head.head.children if c.dep_ == "dobj"] if verb.dep_ == "pcomp" else []
        if objects and verb.head.dep_ == "prep":
            return [objects[0], *objects[0].conjuncts]  # 'congratulated X on receiving the award': X
        if verb.dep_ == "acl" and verb.head.lemma_ in ("year", "month", "decade") and verb.head.head != verb.head:
            verb = verb.head.head  # 'X celebrates 12 years listed on Y': X
            continue
        group = _group_counting_in(verb.head) if verb.dep_ in ("relcl", "acl") else None
        if group is not None:  # 'A and B were among the 45 companies named to Y': A and B
            verb = group
            continue
        described = verb.head
        if verb.dep_ in ("acl", "relcl") and described.dep_ == "attr" and described.head.lemma_ in COPULAS:
            copula_subjects = [c for c in described.head.children if c.dep_ in SUBJECT_DEPS]
            if copula_subjects:  # 'it has become the 47th institution to adopt X': it
                return coordinated(copula_subjects[0])
        if verb.dep_ in ("relcl", "acl") or verb.dep_ == "appos":
            return [verb.head, *verb.head.conjuncts]  # 'X, which was included in ...'
        if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp", "pcomp", "acomp") and verb.head != verb:
            verb = verb.head
            continue
        if verb.dep_ == "pobj" or verb.dep_ == "prep":
            verb = verb.head
            continue
        break
    return []


def _group_counting_in(noun: Token) -> Token | None:
    """The verb whose subject is counted in the group NOUN: 'were among the companies ...', 'is one of
    the companies ...'; None if NOUN is no such group."""
    for _ in range(3):  # 'one of several dairy processing and producing businesses honored': a mis-parsed group
        if noun.dep_ not in ("conj", "dobj", "compound") or noun.head == noun:
            break
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj":
        return None
    if prep.lower_ == "among" and prep.head.pos_ in ("AUX", "VERB"):
        return prep.head
    if prep.lower_ == "of" and prep.head.lower_ == "one" and prep.head.head.pos_ in ("AUX", "VERB"):
        return prep.head.head
    return None


def agent_tokens(trigger: Token) -> list[Token]:
    """'by X' of a passive trigger (the conferring body)."""
    verb = governing_verb(trigger)
    found = []
    for child in list(verb.children) + list(trigger.children):
        if child.dep_ == "agent" or child.lower_ == "by" and child.dep_ == "prep":
            found += [c for c in child.children if c.dep_ == "pobj"]
    return found


def in_subtree(token: Token, root: Token) -> bool:
    return root.left_edge.i <= token.i <= root.right_edge.i and (token == root or root in token.ancestors)


def is_negated(trigger: Token) -> bool:
    """'has not been included', 'was removed from', 'never joined'."""
    verb = governing_verb(trigger)
    for word in {trigger, verb}:
        if any(
            c.dep_ == "neg"
            or c.lower_ in ("never", "no")
            or c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)  # 'is no longer a member'
            for c in word.children
        ):
            return True
    clause = patterns("clause")
    for _row, span in clause.matches(trigger.doc, "negation"):
        if trigger.dep_ == "nsubj" and trigger.head == span.root:
            continue  # 'the initiative has removed 300 tonnes of plastic': the remover, not the removed
        if span.root in (trigger, verb) or span.root.head in (trigger, verb) and span.root.dep_ in ("xcomp", "aux"):
            return True
        if verb.dep_ == "xcomp" and verb.head == span.root:  # 'failed to obtain'
            return True
    return False


def is_intended(trigger: Token) -> bool:
    """'aims to join X', 'hopes to win Y', 'is targeting inclusion in Z': wanted, not yet so."""
    verb = governing_verb(trigger)
    wishes = {span.root.i for _row, span in patterns("clause").matches(trigger.doc, "intent")}
    return (
        verb.dep_ in ("xcomp", "acl", "relcl") and verb.head.i in wishes  # 'the process to obtain the award'
        or trigger.dep_ in ("dobj", "pobj") and trigger.head.i in wishes
        or trigger.i in wishes
    )


def is_hypothetical(trigger: Token) -> bool:
    """'would be eligible', 'if it joins', 'could receive'."""
    verb = governing_verb(trigger)
    return any(
        c.lower_ in ("if", "would", "could", "might", "whether", "unless")
        for c in list(verb.children) + list(trigger.children)
    )


OTHER_CLAUSES = ("relcl", "acl", "advcl")  # relative, participle and adverbial clauses: events of their own


def own_clause(root: Token):
    """ROOT's subtree without its relative clauses, participles, comma appositions and coordinated
    predicates: 'the Pledge, which Amazon co-founded in 2019' - that year is not this clause's."""
    for token in root.subtree:
        if not any(
            (a.dep_ in OTHER_CLAUSES or a.dep_ == "appos" and _after_comma(a) or _own_predicate(a))
            and a != root
            and root in a.ancestors
            for a in token.ancestors
        ):
            yield token


def _own_predicate(token: Token) -> bool:
    """'is a member of X and has supported Y since 2018': a coordinated verb with its own object."""
    objects = ("dobj", "attr", "prep")
    return token.dep_ == "conj" and token.pos_ == "VERB" and any(c.dep_ in objects for c in token.children)


def clause_years(root: Token) -> list[int]:
    """Years written in ROOT's own clause, not after 'since' (those date a start)."""
    years = []
    for token in own_clause(root):
        year = year_value(token.text)
        if year and not (token.i > 0 and token.nbor(-1).lower_ in ("since", "by", "until", "till")):
            if not names_year(token):
                years.append(year)
    return years


def names_year(token: Token) -> bool:
    """A year that ends a name ('the Courtauld Commitment 2030', 'Vision 2030'): part of the name,
    not the clause's date."""
    head = token.head
    if head.ent_type_ == "DATE" and token.ent_type_ == "DATE":
        return False  # 'as of December 31, 2023': a date
    return token.i > head.i and head.pos_ == "PROPN" and token.dep_ in ("nummod", "compound", "appos", "npadvmod")


def _after_comma(token: Token) -> bool:
    """An apposition set off by a comma ('X, a company founded in 2019'), not a bracketed acronym
    the parser calls one ('greenhouse gas (GHG) emissions in 2022')."""
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text in (",", "–", "—")


SEASON_WORDS = {"spring", "summer", "autumn", "fall", "winter", "early", "late", "mid", "mid-"}


def since_year(root: Token) -> int | None:
    """'since 2004', 'established in 2009', 'from 2016', 'since summer 2021', 'in March 2019' in
    ROOT's own clause."""
    months = {m.lower() for m in language_data()["months"]}
    for token in own_clause(root):
        match = YEAR.match(token.text)
        if not match or token.i == 0:
            continue
        before = token.nbor(-1)
        if before.lower_ in SEASON_WORDS | months and before.i > 0:
            before = before.nbor(-1)  # 'since summer 2021'
        if before.lower_ in ("since", "in", "from"):
            return int(match.group(1))
    return None


def consecutive_years(sentence: Span, within: set[int] | None = None) -> int | None:
    """'sixth consecutive year', '6th year in a row', 'for the fifth time', 'seven straight years'
    (only cues on tokens WITHIN, when given: a clause's own streak)."""
    for _row, span in patterns("index_inclusion").matches(sentence.doc, "consecutive"):
        if not (sentence.start <= span.start < sentence.end) or within is not None and span.start not in within:
            continue
        if span[0].lower_ == "for":  # 'for the eleventh time', 'for the past seven years'
            value = number_value(span[-2].text)
            if value and value > 1:
                return value
            continue
        for back in range(1, 4):
            if span.start - back < sentence.start:
                break
            value = number_value(span.doc[span.start - back].text)
            if value:
                return value if 1 < value < 100 else None
    return None


def clause_span(trigger: Token) -> set[int]:
    """Token indices of TRIGGER's own clause: its subtree, less the clauses inside it that have a
    subject of their own ('X won A, while Y won B': B is not X's) and less its subject."""
    root = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    if root.pos_ not in ("VERB", "AUX"):
        root = trigger
    inside = {t.i for t in root.subtree}
    for token in root.subtree:
        if token == root or token.dep_ not in ("conj", "advcl", "ccomp", "parataxis", "relcl"):
            continue
        own_predicate = token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")  # 'became X and has joined Y'
        purpose = token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        # 'signed the Pledge to advance the goals of the Paris Agreement': what it is for, not what is signed
        if (
            own_predicate or purpose or any(c.dep_ in SUBJECT_DEPS for c in token.children)
        ) and not in_subtree(trigger, token):
            inside -= {t.i for t in token.subtree}
    for subject in (c for c in root.children if c.dep_ in SUBJECT_DEPS):
        if not in_subtree(trigger, subject):
            inside -= {t.i for t in subject.subtree}
    return inside


def list_after_colon(trigger: Token) -> set[int]:
    """'included in the following indices: A, B and C': the tokens after a colon that follows TRIGGER
    in its own brackets ('listed in the DJGI (DJGI: an index developed by X)' lists nothing)."""
    doc, depth = trigger.doc, 0
    for token in doc[trigger.i :]:
        depth += (token.text == "(") - (token.text == ")")
        if depth < 0:
            break
        if token.text == ":" and depth == 0:
            return set(range(token.i + 1, len(doc)))
    return set()
