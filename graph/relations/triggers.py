"""What every relation module does first: find its trigger words in a sentence and the typed names
they govern, with the clause's subjects; negated and hypothetical clauses state no fact."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Token

from ..clauses import (
    ORDINAL,
    YEAR,
    clause_span,
    clause_years,
    consecutive_years,
    governing_verb,
    is_hypothetical,
    is_intended,
    is_negated,
    list_after_colon,
    patterns,
    subject_tokens,
)
from ..document import COMPANY_TYPES, DocContext, ParsedSentence, named_after
from ..entities import LEVEL_WORDS, Entity, Mention
from ..language import language_data
from ..lexicon import normalize
from ..sentences import is_list_item

WISHED_KINDS = ("award", "index_inclusion", "membership")  # an aim states none of these; certifications get 'planned'


def triggered(
    ctx: DocContext, sentence: ParsedSentence, kind: str, object_types: tuple[str, ...], unnamed=None
) -> Iterator[tuple[dict, Token, list[Entity], list[Mention]]]:
    """(pattern row, trigger token, subjects, objects) for each trigger of KIND that governs names
    of OBJECT_TYPES; coordinated names ('A, B and C') each count. UNNAMED(sentence, trigger) may
    find objects that are no typed name (a quoted title)."""
    for row, span in patterns(kind).matches(sentence.doc, "trigger"):
        trigger = span.root
        if is_negated(trigger) or is_hypothetical(trigger) or kind in WISHED_KINDS and is_intended(trigger):
            continue
        if trigger.pos_ == "VERB" and trigger.dep_ == "dobj" and any(c.dep_ == "det" for c in trigger.children):
            continue  # 'topped the Global 100 ranking': a noun the tagger took for a verb, the head verb states it
        if trigger.pos_ == "VERB" and trigger.dep_ == "compound":
            continue  # 'The X Awards recognise individuals, ...' parsed as one noun phrase: no clause to read
        objects = (
            governed(sentence, trigger, object_types)
            or _of_the_verb(sentence, trigger, object_types)
            or (unnamed and unnamed(sentence, trigger))
            or anaphoric(ctx, sentence, trigger, object_types)
        )
        if objects:
            yield row, trigger, ctx.subjects(sentence, trigger), objects


def _of_the_verb(sentence: ParsedSentence, noun: Token, types: tuple[str, ...]) -> list[Mention]:
    """'X emerged winner in the CSR category at the 2023 Zephyr Awards': a trigger noun that is the
    verb's object governs the names of the verb's clause."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "attr", "oprd") or noun.head.pos_ != "VERB":
        return []
    return governed(sentence, noun.head, types)


def counted_group(sentence: ParsedSentence, trigger: Token) -> bool:
    """'33 companies will join the index', 'only the top 20% were selected', 'companies listed in X':
    the clause's subject is a group that no name stands for, so what it states is not the release's
    organization's."""
    described = trigger.head
    if (
        trigger.dep_ == "acl"
        and described.tag_ == "NNS"
        and described.lemma_ not in ("year", "month", "decade")  # 'celebrates 12 years listed on X'
        and sentence.mention_at(described) is None
    ):
        return not _one_of(described)  # 'SAM sent surveys to the 2,500 companies listed in X': those companies
    if trigger.pos_ == "NOUN" and any(c.dep_ == "poss" for c in trigger.children):
        return False  # '..., which confirms its inclusion in X': whose inclusion it is is said
    subjects = subject_tokens(trigger)
    return bool(subjects) and all(
        not [n for n in named_after(sentence, t) if sentence.mention_at(n) is not None]
        and any(c.dep_ == "nummod" for c in t.children)
        and not _one_of(t)
        for t in subjects
    )


def _one_of(noun: Token) -> bool:
    """'X was selected as one of the 62 companies that ...', 'X is among 62 companies included in':
    the group counts the release's company in."""
    prep = noun.head
    return noun.dep_ == "pobj" and (prep.lower_ == "among" or prep.lower_ == "of" and prep.head.lower_ == "one")


def copula_subjects(ctx: DocContext, sentence: ParsedSentence, trigger: Token) -> list[Entity]:
    """'B3 was the first Stock Exchange to become a signatory of X': the copula's subject, not the
    description it is given ('the first Stock Exchange', a capitalised common noun)."""
    described_noun = subject_tokens(trigger)
    if not described_noun:
        return []
    noun, copulas = described_noun[0], ("be", "become", "remain")
    while noun.dep_ == "conj" and noun.head.lemma_ not in copulas and noun.head != noun:
        noun = noun.head  # 'was the first X to ..., and the first Y to ...'
    if noun.dep_ not in ("attr", "conj") or noun.head.lemma_ not in copulas:
        return []
    named = [ctx.entity_of(sentence, c) for c in noun.head.children if c.dep_ == "nsubj"]
    return [e for e in named if e is not None and e.type in COMPANY_TYPES]


def colon_listed(ctx: DocContext, sentence: ParsedSentence, trigger: Token) -> list[Entity]:
    """'Twenty new signatories have joined X: A, B and C': the companies listed after a colon when
    the clause's subject is a common noun ('signatories', 'companies') that no name stands for."""
    subjects = subject_tokens(trigger)
    if not subjects or any(sentence.mention_at(t) is not None or t.pos_ != "NOUN" for t in subjects):
        return []
    after = list_after_colon(trigger)
    inline = [ctx.entity(m) for m in sentence.mentions if m.type == "company" and m.root.i in after]
    return inline or [entity for entity, _ in listed_below(ctx, sentence)]


def listed_below(ctx: DocContext, sentence: ParsedSentence) -> list[tuple[Entity, str | None]]:
    """'The winners of the X Awards are:' and a line for each ('Halvor Foods – Best Water Strategy'):
    (the company a line opens with, what follows its dash)."""
    if not sentence.text.endswith(":"):
        return []
    found = []
    following = iter(ctx.sentences[ctx.sentences.index(sentence) + 1 :])
    expected = sentence.sentence.index + 1
    for line in following:
        if line.sentence.index != expected or not is_list_item(line.text):
            break
        expected += 1
        if not any(c.isalpha() for c in line.text):
            continue  # '1.', the sentencizer's line of its own for a numbered item
        ranked = _rank_before_name(ctx, line)
        if ranked is not None:  # 'First Place: Abqaiq Plants Operations Department (Aramco)'
            found.append(ranked)
            continue
        first = next((m for m in line.mentions if m.span.start <= 2), None)
        name = first.span if first is not None else _leading_name(line.doc)
        if name is None or first is not None and first.type not in (*COMPANY_TYPES, "person"):
            continue
        entity = ctx.entity(first, "company") if first is not None else ctx.entities.resolve(name.text, "company")
        rest = line.doc[name.end :].text.strip()
        note = rest[1:].strip() if rest[:1] in ("–", "—", "-", ":") else None
        found.append((entity, note or None))
    return found


LIST_SEPARATORS = ("–", "—", "-", ":")


def _rank_before_name(ctx: DocContext, line: ParsedSentence) -> tuple[Entity, str] | None:
    """'First Place: Halvor Foods', 'Gold - Tarwin Dairy': a line that opens with the place won
    (an ordinal or a tier) names the winner after its colon or dash; the place is its note."""
    doc = line.doc
    separator = next((t.i for t in doc[:6] if t.text in LIST_SEPARATORS and t.i > 0), None)
    if separator is None or not (ORDINAL.match(doc[0].lower_) or doc[0].text in LEVEL_WORDS):
        return None
    winner = next((m for m in line.mentions if m.span.start > separator), None)
    if winner is not None and winner.span.start <= separator + 2 and winner.type in COMPANY_TYPES:
        return ctx.entity(winner), doc[:separator].text
    end = next((t.i for t in doc[separator + 1 :] if t.is_punct), len(doc))
    name = doc[separator + 1 : end]  # 'Third Place: Shabab Endowments Company“Shabab”': the words, if no name
    if not name or not all(t.text[:1].isupper() or t.is_stop for t in name) or not name[0].text[:1].isupper():
        return None
    return ctx.entities.resolve(name.text, "company"), doc[:separator].text


def _leading_name(doc):
    """The proper nouns a list line opens with ('- Halvor Foods'), when NER named nothing there."""
    start = next((t.i for t in doc if not t.is_punct), len(doc))
    end = start
    while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].text[:1].isupper() or doc[end].text == "&"):
        end += 1
    if end == start or end < len(doc) and doc[end].text not in ("–", "—", "-", ":", "(", ","):
        return None  # a line that goes on in words is no list of names
    return doc[start:end]


DESCRIPTIONS = ("appos", "acl", "relcl")


def described(sentence: ParsedSentence, trigger: Token, objects: list[Mention]) -> list[Mention]:
    """OBJECTS less the names that only describe another name ('joined RE100, the initiative led by
    the Climate Group with CDP': the Climate Group and CDP describe RE100)."""
    kept = []
    for mention in objects:
        token, steps = mention.root, 0
        while token != trigger and token.head != token and steps < 12:
            other = sentence.mention_at(token.head)
            bracketed = token.i > 0 and token.doc[token.i - 1].text == "("  # 'Morgan Stanley ... (MSCI)'
            if (
                token.dep_ in DESCRIPTIONS
                and other not in (None, mention)
                and (
                    other.type not in (mention.type, *COMPANY_TYPES)  # else a list item taken for an apposition
                    or token != mention.root  # deeper in a description: '..., an initiative to advance Y'
                    and other.type not in COMPANY_TYPES
                )
                and not bracketed
            ):
                break
            token, steps = token.head, steps + 1
        else:
            kept.append(mention)
    return kept


def describes_a_body(sentence: ParsedSentence, trigger: Token) -> bool:
    """TRIGGER sits in a participle or apposition that describes a name other than a company's
    ('RE100, the initiative led by the Climate Group': 'led' states nothing about the release's company)."""
    token, steps = trigger, 0
    while token.head != token and steps < 12:
        other = sentence.mention_at(token.head)
        if token.dep_ in ("appos", "acl") and other is not None and other.type not in COMPANY_TYPES:
            return True
        if token.dep_ == "acl" and token.head.dep_ == "attr":  # 'RE100 is a global initiative led by ...'
            subjects = [sentence.mention_at(c) for c in token.head.head.children if c.dep_ == "nsubj"]
            if any(m is not None and m.type not in COMPANY_TYPES for m in subjects):
                return True
        token, steps = token.head, steps + 1
    return False


def governed(sentence: ParsedSentence, trigger: Token, types: tuple[str, ...]) -> list[Mention]:
    """Names of TYPES in TRIGGER's clause (or a list after a colon), with their conjuncts."""
    tokens = clause_span(trigger) | list_after_colon(trigger)
    verb = governing_verb(trigger)
    if verb.dep_ == "relcl":  # 'ISO 9001 and ISO 14001, which we have renewed': the antecedent
        tokens |= {t.i for t in (verb.head, *verb.head.conjuncts)}
    for clause in (c for c in trigger.children if c.dep_ in ("ccomp", "xcomp") and c.i > trigger.i):
        if any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):  # 'applies X to calculate Y'
            tokens |= {t.i for s in clause.children if s.dep_ == "nsubj" for t in s.subtree}
    tokens -= _attributions(sentence)
    found = [
        m
        for m in sentence.mentions
        if m.type in types
        and m.root.i in tokens
        and (not m.covers(trigger) or trigger.pos_ == "NOUN" and m.span[-1] == trigger)
    ]  # 'B Corp certification'
    for mention in list(found):
        for conjunct in mention.root.conjuncts:
            other = sentence.mention_at(conjunct)
            if other is not None and other.type in types and other not in found:
                found.append(other)
    return sorted(found, key=lambda m: m.span.start)


def _attributions(sentence: ParsedSentence) -> set[int]:
    """'..., according to the BGMEA': who says so is no object of the fact (what the parse hangs on
    the source, 'According to Sonny, the company that won X', still states facts)."""
    found = set()
    for token in sentence.tokens:
        if token.lower_ == "according" and token.i + 1 < len(sentence.tokens) and token.nbor(1).lower_ == "to":
            for source in (c for c in token.nbor(1).children if c.dep_ == "pobj"):
                named = sentence.mention_at(source)
                if named is not None and named.type == "standard":
                    continue  # 'reported according to the GRI Standards': a standard applied
                found |= {t.i for t in source.subtree}
                for said in (c for c in source.children if c.dep_ in ("appos", "relcl", "acl")):
                    found -= {t.i for t in said.subtree}
    return found


def anaphoric(ctx: DocContext, sentence: ParsedSentence, trigger: Token, types: tuple[str, ...]) -> list[Mention]:
    """'the award', 'the index', 'the global list' in TRIGGER's clause: the last name of that type
    the release gave (as a mention of the common noun, so qualifiers come from this clause)."""
    nouns = anaphor_nouns()
    tokens = clause_span(trigger) | {c.i for c in trigger.children if c.dep_ == "nsubjpass"}  # 'The award was given by'
    for token in sentence.tokens:
        kind = nouns.get(token.lemma_.lower())
        if (
            token.i in tokens
            and kind in types
            and kind in ctx.recent
            and (token.text.islower() or _dated(token))  # 'the 2024 Index'
            and (token.tag_ == "NN" or token.tag_ == "NNS" and kind == "award" or _dated(token))
            and any(c.lower_ in ("the", "this", "that", "these", "those") for c in token.children)
            and not any(c.text in LEVEL_WORDS for c in token.lefts)  # 'the Platinum award at the X Awards': a tier
        ):
            return [Mention(token.doc[token.i : token.i + 1], kind, recent_referent(ctx, kind))]
    if (
        "index" in types
        and "index" in ctx.recent
        and consecutive_years(sentence.doc[:])
        and not any(m.type == "index" for m in sentence.mentions)
    ):
        # 'This is the 4th year in a row that the company has been selected.'
        return [Mention(trigger.doc[trigger.i : trigger.i + 1], "index", ctx.recent["index"].label)]
    return []


def recent_referent(ctx: DocContext, kind: str) -> str:
    """The name 'the award' refers back to: the last one named, or the award won that it is the
    scheme of ('won the Civic Award for CSR. The Civic Awards are given by Y. The award was received by';
    'crowned the Quarry of the Year at the Civic Awards. ... to receive this award')."""
    named = ctx.recent[kind].label
    if kind != "award":
        return named
    words = set(normalize(named).split()) - {"award", "awards"}
    won = [
        f.object
        for f in ctx.facts
        if f.kind == "award"
        and (
            words <= set(normalize(f.object).split())
            or normalize(f.qualifiers.get("awarded_by", "")) == normalize(named)  # won at the named scheme
        )
    ]
    return won[-1] if won else named


def _dated(token: Token) -> bool:
    """'the 2024 Index': a capitalised common noun dated by a year refers back to a name too."""
    return any(YEAR.fullmatch(c.text) for c in token.children)


@lru_cache(maxsize=1)
def anaphor_nouns() -> dict[str, str]:
    """Common nouns that refer back to a name of a type ('the award' -> award), from the language pack."""
    return {noun: kind for kind, nouns in language_data()["anaphor_nouns"].items() for noun in nouns}


def year_of(ctx: DocContext, mention: Mention, clause_root: Token, default: bool = True) -> int | None:
    """The year a fact is tied to: one in or just before the name ('the 2021 ... Award'), one in
    the clause, else (if DEFAULT) the release year."""
    doc = mention.span.doc
    named = year_in_name(mention)
    if named:
        return named
    end = mention.span.end  # 'won the X Award in 2019 and the Y Award in 2021': each its own
    if end + 1 < len(doc) and doc[end].lower_ == "in" and YEAR.match(doc[end + 1].text):
        return int(YEAR.match(doc[end + 1].text).group(1))
    years = clause_years(clause_root)
    if years:
        return years[0]
    return ctx.year_default() if default else None


def year_in_name(mention: Mention) -> int | None:
    """The year in a name or just before or after it: 'the 2021 ... Award', 'the International
    Banker 2024 Banking Awards', 'the Sustainability Yearbook 2024'."""
    doc = mention.span.doc
    for token in list(doc[max(0, mention.span.start - 2) : mention.span.end + 1]):  # 'the X Yearbook 2024'
        match = YEAR.match(token.text)
        if match:
            return int(match.group(1))
    return None


def with_coordinated_years(doc, year: int | None) -> list[int | None]:
    """[YEAR] and the years coordinated with it in DOC ('in 2019 and 2018': both)."""
    years = [year]
    for token in doc:
        if token.text == str(year):
            years += [int(c.text) for c in token.conjuncts if YEAR.fullmatch(c.text) and int(c.text) not in years]
    return years


LIST_GAP_WORDS = (",", "and", "&", "as well as", "the")


def only_listing(gap: str) -> bool:
    """GAP between two names holds only list punctuation, 'and', bracketed short names and the
    hyphenated tail of the name before it."""
    words = re.sub(r"\([^()]{0,40}\)|^-\w+", " ", gap).lower()  # '(WIN), ', 'Bloomberg-dei': '-dei, '
    for word in sorted(LIST_GAP_WORDS, key=len, reverse=True):
        words = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)" if word[0].isalpha() else re.escape(word), " ", words)
    return not words.strip()
