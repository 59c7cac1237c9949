"""index_inclusion: 'X was included in / selected for / ranked on Y', 'X is a constituent of Y',
'X's inclusion in Y and Z', with the year, the streak ('sixth consecutive year') and the rank
('ranked first', 'at the top', 'rated AA', 'a score of 64')."""

from __future__ import annotations

import re

from ..clauses import (
    ORDINAL,
    SUBJECT_DEPS,
    YEAR,
    clause_span,
    consecutive_years,
    coordinated,
    governing_verb,
    is_negated,
    patterns,
    subject_tokens,
)
from ..document import DocContext, ParsedSentence
from ..entities import Mention, family_stem
from ..language import number_value
from .triggers import (
    colon_listed,
    counted_group,
    described,
    describes_a_body,
    only_listing,
    triggered,
    with_coordinated_years,
    year_of,
)

ADDITION_NOUNS = ("addition", "constituent", "component", "newcomer", "entrant", "inclusion", "performer")


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    _listed_constituents(ctx, sentence)
    _respective_ranks(ctx, sentence)
    unnamed = lambda sentence, trigger: (  # noqa: E731
        _unnamed(sentence, trigger)
        or _bare_passive(ctx, sentence, trigger)
        or _own_rating(ctx, sentence, trigger)
        or _coordinated_index(sentence, trigger)
        or _named_after_plural(sentence, trigger)
    )
    for _row, trigger, subjects, indices in triggered(ctx, sentence, "index_inclusion", ("index",), unnamed):
        if trigger.lemma_ == "recognition" and trigger.dep_ != "dobj":
            continue  # 'won recognition in X' says it; 'The DJSI recognition is a demonstration' refers back
        listed = colon_listed(ctx, sentence, trigger) or _inverted_subjects(ctx, sentence, trigger)
        if listed:  # 'the new constituents of X are: A, B and C', 'Included in X are A and B'
            subjects = listed
        elif counted_group(sentence, trigger) or describes_a_body(sentence, trigger) or _unowned(sentence, trigger):
            continue
        indices = described(sentence, trigger, indices)
        indices += [m for m in _named_after_plural(sentence, trigger) if m not in indices]
        streak = _streak(sentence, trigger)
        rank = rank_of(sentence, trigger)
        rated = _rated_by_subject(ctx, sentence, trigger)
        if rated:  # 'Sustainalytics rated X as low risk', 'MSCI upgraded X's rating to AA'
            subjects, indices = rated
        elif _rater_acts(sentence, trigger) or _selects_for_inclusion(sentence, trigger):
            continue  # 'MSCI rates more than 8,500 companies': the rater's own business
        kept = _without_generic(sentence, _without_raters(_without_publishers(_with_owned(sentence, indices))))
        for index, obj in ((named, member) for named in kept for member in _members_meant(ctx, named)):
            # 'X's rating was upgraded to AA in 2022': a rating noun's year is its verb's clause's
            clause = governing_verb(trigger) if trigger.pos_ == "NOUN" and trigger.dep_ in SUBJECT_DEPS else trigger
            years = with_coordinated_years(sentence.doc, year_of(ctx, index, clause))  # 'in 2018 and 2019'
            own_streak = _streak_after(sentence, index) or streak
            own_rank = _rank_before(sentence, index) or _graded_list(obj.label) or rank
            for subject, year in ((s, y) for s in subjects for y in years):
                if subject is obj or subject.type not in ("company", "organization", "site"):  # a plant's rating too
                    continue
                ctx.add(
                    "index_inclusion", sentence, subject, obj, year=year, consecutive_years=own_streak, rank=own_rank
                )


FAMILY_REFERENCES = ("both", "these", "two", "all")
NAMING_CUES = ("which are", "that are", "namely", "including", "such as", "i.e.")


def _named_after_plural(sentence: ParsedSentence, trigger) -> list[Mention]:
    """'named to all indices selected by the GPIF, which are A, B and C': the names a listing cue
    gives right after TRIGGER's plural common noun ('indices'), however the parser hung them; a
    name the gazetteer does not know is an index there too."""
    doc = sentence.doc
    nouns = [t for t in trigger.subtree if t.lemma_ == "index" and t.tag_ == "NNS" and t.i > trigger.i]
    nouns = [t for t in nouns if sentence.mention_at(t) is None]
    cues = "|".join(re.escape(cue) for cue in NAMING_CUES)
    cue = re.compile(rf"(?<!\w)(?:{cues})(?!\w)", re.I).search(doc.text, nouns[0].idx) if nouns else None
    if cue is None:
        return []
    found, end = [], cue.end()
    for mention in (m for m in sentence.mentions if m.span.start_char >= cue.end()):
        gap = doc.text[end : mention.span.start_char]
        if found and gap.strip() == "(":
            continue  # the short name after the one before: '(WIN)'
        if not only_listing(gap) or mention.type not in LISTED_AS_INDICES:
            break
        found.append(Mention(mention.span, "index", mention.label, mention.written))
        end = mention.span.end_char
    return found


LISTED_AS_INDICES = ("index", "company", "organization")  # 'indices including Ecpsi, Stoxx Esg': unknown names


def _members_meant(ctx: DocContext, index: Mention) -> list:
    """'named to both DJSI indices' after 'the World and North America DJSI': the family's members
    the release named, and the family itself."""
    obj = ctx.entity(index, "index")
    doc = index.span.doc
    plural = index.span[-1].lower_ in ("indices", "indexes") or (
        index.span.end < len(doc) and doc[index.span.end].lower_ in ("indices", "indexes")
    )
    before = {t.lower_ for t in doc[max(index.span.start - 2, 0) : index.span.start]}
    if not plural or not before & set(FAMILY_REFERENCES):
        return [obj]
    stem = family_stem(obj.label) + " "
    members = [e for e in ctx.entities.known_of_type("index") if e.label.startswith(stem) and e is not obj]
    return members + [obj]


def _streak(sentence: ParsedSentence, trigger) -> int | None:
    """The streak of TRIGGER's own clause, else one elsewhere in the sentence but not in a clause
    coordinated with it ('named to X for the fifth year and ranked first on Y': Y has none)."""
    doc = sentence.doc
    own = clause_span(trigger)
    siblings = _sibling_clauses(trigger) - own
    return consecutive_years(doc[:], own) or consecutive_years(doc[:], set(range(len(doc))) - siblings)


def _streak_after(sentence: ParsedSentence, index: Mention) -> int | None:
    """'selected for A for 5 years in succession and B for 3 years in succession': where a sentence
    gives several streaks, each index has the one after it, before the next index the sentence names."""
    doc = sentence.doc
    cues = [span for _row, span in patterns("index_inclusion").matches(doc, "consecutive")]
    if len(cues) < 2:
        return None
    after = [m.span.start for m in sentence.mentions if m.type == "index" and m.span.start > index.span.start]
    end = min(after, default=len(doc))
    return consecutive_years(doc[:], set(range(index.span.end, end)))


def _sibling_clauses(trigger) -> set[int]:
    """Tokens of the clauses coordinated with TRIGGER's or with a clause it sits in ('listed on X and
    was ranked first on Y'; 'named to X for the second year, and remains on Y, where it is included')."""
    verbs = [governing_verb(trigger)] + [a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")]
    clauses = (clause_span(conjunct) for verb in verbs for conjunct in verb.conjuncts)
    return {i for clause in clauses if trigger.i not in clause for i in clause}


def _unowned(sentence: ParsedSentence, trigger) -> bool:
    """'It includes three indexes, namely A and B' (an index series that includes indices), 'Other
    notable DJSI inclusions:' (a plural heading), 'The 2022 DJSI comprises sustainability leaders'
    (what an index is made of): no company is said to be included."""
    if trigger.pos_ == "NOUN":
        owned = any(c.dep_ == "poss" or c.lower_ == "of" for c in trigger.children)
        if trigger.tag_ == "NNS" and not owned and _index_subject(sentence, trigger):
            return True  # 'The DJSI comprises sustainability leaders', or a parse with no clause to read
        return trigger.tag_ == "NNS" and trigger.lemma_ in ADDITION_NOUNS + ("listing", "selection") and not owned
    if trigger.lemma_ not in ("include", "comprise") or trigger.tag_ not in ("VBZ", "VBP", "VBD"):
        return False
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(sentence.mention_at(t) is None for t in subjects)


def _index_subject(sentence: ParsedSentence, noun) -> bool:
    """Is the subject of NOUN's clause an index ('The DJSI comprises leaders'), or has the parse made
    the plural noun a sentence of its own, with no subject?"""
    subjects = subject_tokens(noun)
    named = [sentence.mention_at(t) for t in subjects]
    return any(m is not None and m.type == "index" for m in named) or not subjects and noun.dep_ == "ROOT"


def _inverted_subjects(ctx: DocContext, sentence: ParsedSentence, trigger) -> list:
    """'Included in the 2024 Index are A, B and C': the companies after the inverted copula."""
    copulas = [trigger, *(c for c in trigger.children if c.dep_ in ("auxpass", "aux") and c.lemma_ == "be")]
    named = [sentence.mention_at(c) for v in copulas for c in v.children if c.dep_ == "attr"]
    found = [m for m in named if m is not None and m.type == "company"]
    found += [o for m in found for c in m.root.conjuncts if (o := sentence.mention_at(c)) and o.type == "company"]
    return [ctx.entity(m) for m in found]


def _listed_constituents(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'The largest additions to the DJSI World include A, B and C', 'new constituents of X are A and
    B': each listed company is in X (the index named before when the noun names none)."""
    for verb in sentence.tokens:
        if verb.lemma_ not in ("include", "comprise", "be", "feature") or is_negated(verb):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        near = [subjects[0], *(c for c in subjects[0].children if c.dep_ in ("nmod", "compound"))] if subjects else []
        itself = next((m for t in near if (m := sentence.mention_at(t)) is not None and m.type == "index"), None)
        if itself is None:  # 'The 2023 Global 100 list includes A' names the index itself
            itself = None
            subjects = [c for c in subjects if c.lemma_ in ADDITION_NOUNS]
        if not subjects:
            continue
        named = [sentence.mention_at(g) for c in subjects[0].children if c.dep_ in ("prep", "poss") for g in c.subtree]
        index = itself or next((m for m in named if m is not None and m.type == "index"), None)
        index = ctx.entity(index) if index is not None else _last_named_index(ctx)
        listed = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        members = [sentence.mention_at(t) for c in listed for t in coordinated(c)]
        members = [m for m in members if m is not None and m.type == "company"]
        graded = [c.lower_ for c in subjects[0].children if c.lower_ in ("best", "top", "leading")]
        rank = f"{graded[0]} {subjects[0].lemma_}" if graded and subjects[0].lemma_ == "performer" else None
        for member in members if index is not None else []:  # 'the best performers include A': rank 'best performer'
            ctx.add("index_inclusion", sentence, ctx.entity(member), index, year=year_of(ctx, member, verb), rank=rank)




def _respective_ranks(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'..., while A and B were positioned 22nd and 42nd, respectively': each company its rank, in
    the index the sentence (or the release before it) names."""
    cue = next((t for t in sentence.tokens if t.lower_ == "respectively"), None)
    if cue is None:
        return
    verb = governing_verb(cue)
    clause = sorted(verb.subtree, key=lambda t: t.i)
    companies = [m for m in sentence.mentions if m.type == "company" and any(m.covers(t) for t in clause)]
    ranks = [t.text for t in clause if ORDINAL.match(t.lower_)]
    named = next((m for m in sentence.mentions if m.type == "index"), None)
    index = ctx.entity(named) if named is not None else _last_named_index(ctx)
    if index is None or len(companies) < 2 or len(companies) != len(ranks):
        return
    for company, rank in zip(companies, ranks):
        ctx.add(
            "index_inclusion", sentence, ctx.entity(company), index, year=year_of(ctx, company, verb), rank=_place(rank)
        )


def _last_named_index(ctx: DocContext):
    """The index named last, unless an initiative was named after it ('RE100 ... The four new
    additions include A': members of RE100, not of an index named before)."""
    if "index" not in ctx.recent or ctx.recent_in.get("initiative", -1) >= ctx.recent_in["index"]:
        return None
    return ctx.recent["index"]


LIST_NOUNS = ("list", "ranking", "league table")
TIER_NOUNS = ("rating", "medal", "status", "level", "badge", "score")


def _unnamed(sentence: ParsedSentence, trigger) -> list[Mention]:
    """A list a company is one of, or the rating body that is the verb's subject ('MSCI upgraded X')."""
    raters = [sentence.mention_at(c) for c in trigger.children if c.dep_ == "nsubj"]
    return (
        ranking_lists(sentence, trigger)
        or lists_of(sentence, trigger)
        or [m for m in raters if m is not None and m.type == "index"]
    )


def _coordinated_index(sentence: ParsedSentence, trigger) -> list[Mention]:
    """'X has been listed on Y for seven years and was ranked first in 2018': a verb coordinated with
    an inclusion, with no index of its own, speaks of the same index."""
    head = trigger.head
    if trigger.dep_ != "conj" or trigger.pos_ != "VERB" or head.pos_ != "VERB":
        return []
    own = {t.i for t in head.subtree} - {t.i for t in trigger.subtree}
    return [m for m in sentence.mentions if m.type == "index" and m.root.i in own]


BARE_PASSIVES = ("list", "include", "select", "add", "admit", "name", "confirm")


def _bare_passive(ctx: DocContext, sentence: ParsedSentence, trigger) -> list[Mention]:
    """'LANXESS will be listed for the first time', right after a sentence naming an index: a
    company included with no index of its own named is included in that index (named up to three
    sentences before)."""
    if (
        trigger.lemma_ not in BARE_PASSIVES
        or not any(c.dep_ == "auxpass" for c in trigger.children)
        or "index" not in ctx.recent
        or ctx.recent_in["index"] < sentence.sentence.index - 3
        or any(c.dep_ == "prep" and c.lower_ != "for" for c in trigger.children)  # 'listed on the exchange'
    ):
        return []
    subject = next((sentence.mention_at(c) for c in trigger.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.type != "company" or len(sentence.mentions) > 1:
        return []
    return [Mention(trigger.doc[trigger.i : trigger.i + 1], "index", ctx.recent["index"].label)]


def _own_rating(ctx: DocContext, sentence: ParsedSentence, trigger) -> list[Mention]:
    """'Metalloinvest's rating was raised from C- to C', after the rater is named: the company's
    rating or score with no rater of its own is the last-named rater's."""
    owned = any(
        (m := sentence.mention_at(c)) is not None and m.type == "company" for c in trigger.children if c.dep_ == "poss"
    )
    if (
        trigger.lemma_ not in ("rating", "score")
        or not owned
        or "index" not in ctx.recent
        or ctx.recent_in["index"] < sentence.sentence.index - 2
    ):
        return []
    return [Mention(trigger.doc[trigger.i : trigger.i + 1], "index", ctx.recent["index"].label)]


def lists_of(sentence: ParsedSentence, trigger) -> list[Mention]:
    """'named to Forbes' list of the World's Best Employers 2022': the capitalised title of a list."""
    found = []
    for noun in (t for t in trigger.subtree if t.lemma_ in LIST_NOUNS and t.i > trigger.i):
        for prep in (c for c in noun.children if c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                words = [t for t in sentence.doc[pobj.left_edge.i : pobj.i + 1] if t.pos_ != "DET"]
                end = pobj.i + 1
                if end < len(sentence.doc) and YEAR.match(sentence.doc[end].text):
                    end += 1  # 'Best Employers 2022'
                if words and words[0].text[:1].isupper() and pobj.text[:1].isupper():
                    title = sentence.doc[words[0].i : pobj.i + 1].text
                    found.append(Mention(sentence.doc[words[0].i : end], "index", title))
    return found


def _rated_by_subject(ctx: DocContext, sentence: ParsedSentence, trigger):
    """([rated companies], [the rater]) when a rating body is the active subject of TRIGGER."""
    if trigger.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children):
        return None
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    if not subjects and trigger.dep_ == "conj":  # 'X has evaluated the index and placed Y in it'
        subjects = [c for c in trigger.head.children if c.dep_ == "nsubj"]
    raters = [sentence.mention_at(s) for s in subjects]
    if not raters or raters[0] is None:
        return None
    # the index, or a body that places names in one ('the Stock Exchange placed Y's shares in the index')
    placing = raters[0].type in ("company", "organization") and trigger.lemma_ in PLACING_VERBS
    if raters[0].type != "index" and not placing:
        return None
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
    objects += [g for o in objects for g in o.children if g.dep_ in ("poss", "nmod")]  # "LANXESS’ AA rating"
    rated = [e for e in (ctx.entity_of(sentence, o) for o in objects) if e is not None and e.type == "company"]
    indices = [m for m in sentence.mentions if m.type == "index"] if placing else [raters[0]]
    return (rated, indices) if rated and indices else None


PLACING_VERBS = ("place", "add", "include", "select", "admit")
GROUP_NOUNS = ("company", "firm", "business", "organization", "organisation", "issuer", "corporation")


def _rater_acts(sentence: ParsedSentence, trigger) -> bool:
    """TRIGGER is an active verb whose subject is a rater or index ('MSCI rates 8,500 companies')."""
    verbal = trigger.pos_ == "VERB" or any(c.dep_ == "dobj" for c in trigger.children)  # 'MSCI rates' parsed a noun
    if not verbal or any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children):
        return False
    counted = [  # not 'topped the 2023 Global 100 ranking': a year, and a named index
        c
        for c in trigger.children
        if c.dep_ == "dobj" and any(g.dep_ == "nummod" and not YEAR.fullmatch(g.text) for g in c.children)
    ]
    if counted and not any(sentence.mention_at(t) is not None for t in counted[0].subtree):
        return True  # 'S&P Global assessed 7,800 companies'
    groups = [c for c in trigger.children if c.dep_ == "dobj" and c.tag_ == "NNS" and c.lemma_ in GROUP_NOUNS]
    if groups and sentence.mention_at(groups[0]) is None:
        return True  # 'an assessment which ranks the highest-scoring companies on the DJSI'
    raters = [sentence.mention_at(c) for c in trigger.children if c.dep_ in ("nsubj", "compound")]
    return bool(raters) and raters[0] is not None and raters[0].type == "index"


def _selects_for_inclusion(sentence: ParsedSentence, trigger) -> bool:
    """'SAM sent surveys to companies ... for inclusion in X', 'the committee chose 40 firms for
    inclusion': 'for inclusion' is the purpose of an active verb whose object is no name; its
    subject picks, it is not picked."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or trigger.head.lower_ != "for":
        return False
    verb = trigger.head.head
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(sentence.mention_at(o) is None and o.pos_ == "NOUN" for o in objects)


def _without_publishers(indices: list[Mention]) -> list[Mention]:
    """'CDP's Climate A List': CDP publishes the list the company is on; it is no second index."""
    return [  # nor is the DJSI in 'the Food Products Industry Index of the DJSI'
        index
        for index in indices
        if not (index.root.dep_ == "poss" and any(other.covers(index.root.head) for other in indices))
        and not _owns_the_next(index, indices)
        and not (
            index.root.dep_ == "pobj"
            and index.root.head.lower_ == "of"
            and any(other is not index and other.covers(index.root.head.head) for other in indices)
        )
    ]


def _with_owned(sentence: ParsedSentence, indices: list[Mention]) -> list[Mention]:
    """'named on CDP’s “Climate A List” and “Water A List”', parsed with the quoted names as a tree
    of their own: the names right after a possessive index (and their conjuncts) are what it governs."""
    owned = []
    for index in indices:
        after = [m for m in sentence.mentions if m.type == "index" and _owns_the_next(index, [m])]
        for name in after:
            owned += [m for m in sentence.mentions if m.type == "index" and m.root in (name.root, *name.root.conjuncts)]
    return indices + [m for m in owned if m not in indices]


def _owns_the_next(index: Mention, indices: list[Mention]) -> bool:
    """'CDP’s “Climate A List”' where the parse left the quoted name unattached: a possessive right
    before another index's name (a quote between at most)."""
    doc, end = index.span.doc, index.span.end
    if end >= len(doc) or doc[end].lower_ not in ("'s", "’s"):
        return False
    return any(0 < other.span.start - end <= 2 for other in indices)


def _without_raters(indices: list[Mention]) -> list[Mention]:
    """'acknowledged by FTSE Russell as a constituent of the FTSE4Good Index Series': the rater
    that acts ('by') gives way to the index the company is in."""
    acting = [m for m in indices if m.root.dep_ == "pobj" and m.root.head.dep_ == "agent"]
    return [m for m in indices if m not in acting] or indices


def _without_generic(sentence: ParsedSentence, indices: list[Mention]) -> list[Mention]:
    """'an ESG Rating of "AA" from MSCI': a name of only generic words ('ESG Rating') gives way to
    a named rater or index beside it."""
    spans = {(s.start, s.end) for _row, s in patterns("index_inclusion").matches(sentence.doc, "generic")}
    generic = [m for m in indices if (m.span.start, m.span.end) in spans]
    return [m for m in indices if m not in generic] or indices


def ranking_lists(sentence: ParsedSentence, trigger) -> list[Mention]:
    """'named one of the 50 Most Trusted Manufacturers', 'recognized as one of Canada's Greenest
    Employers 2024': a capitalised list a company is one of."""
    found = []
    for one in trigger.subtree:
        if one.lower_ != "one" or one.head not in (trigger, *trigger.children):
            continue
        for prep in (c for c in one.children if c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.text[:1].isupper()):
                words = [t for t in sentence.doc[pobj.left_edge.i : pobj.i + 1] if t.pos_ != "DET"]
                if words and words[0].text[:1].isupper() or words and words[0].like_num:
                    span = sentence.doc[words[0].i : pobj.i + 1]
                    found.append(Mention(span, "index", span.text))
    return found


def _first_of_a_kind(span) -> bool:
    """'for the first time' and 'was first admitted in 2011' date a first inclusion, and 'the
    world's first family of benchmarks' describes an index: none ranks a company."""
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if span[-1].lower_ != "first":
        return False
    worlds = span.start > 1 and doc[span.start - 1].lower_ in ("'s", "’s") and doc[span.start - 2].lower_ == "world"
    first = span[-1]
    when = first.pos_ == "ADV" and first.head.pos_ == "VERB" and first.i < first.head.i  # 'was first admitted'
    return worlds or when or following is not None and following.lower_ in ("time", "times")


def _industry_leader(span) -> bool:
    """'Industry Leader of the Electric Utilities sector in the DJSI': the title a rater gives the
    best of an industry is a rank, capitals or not."""
    return span[0].text == "Leader" and span.doc[span.start - 1].lower_ in ("industry", "sector", "global")


def _describes_the_company(sentence, span) -> bool:
    """'X, a global semiconductor leader serving customers, was named to Y': a word of an apposition
    that names no index describes the company, it ranks nothing."""
    if len(span) != 1 or span[0].lower_ not in ("leader", "leading", "top", "best"):
        return False  # 'a score of 86/100' in an apposition still grades
    token = span.root
    while token.dep_ != "appos" and token.head != token:
        token = token.head
    if token.dep_ != "appos":
        return False
    return not any((m := sentence.mention_at(t)) is not None and m.type == "index" for t in token.subtree)


def rank_of(sentence, trigger) -> str | None:
    """The rank or grade of TRIGGER's own clause ('ranked first ... and was included with a score
    of 61': 61 for the second index), else the sentence's."""
    matches = [  # 'Best' in 'the World's Best Employers' is a title's word, no rank
        (row, span)
        for row, span in patterns("index_inclusion").matches(sentence.doc, "rank")
        if not (len(span) == 1 and span[0].is_title and span.start > 0 and not _industry_leader(span))
        and not _first_of_a_kind(span)
        and not _describes_the_company(sentence, span)
    ]
    # 'the top 10 percent' is more than 'top': a match inside a longer one gives way
    matches = [m for m in matches if not any(o[1].start <= m[1].start and m[1].end <= o[1].end and len(o[1]) > len(m[1])
                                             for o in matches)]
    own = clause_span(trigger)
    indices = [m for m in sentence.mentions if m.type == "index"]
    unclaimed = [  # a rank in another clause that names an index of its own is that index's
        (row, span)
        for row, span in matches
        if not any(m.root.i in clause_span(span.root) and m.root.i not in own for m in indices)
    ]
    siblings = _sibling_clauses(trigger) - own  # 'listed on Y and was ranked first': the rank is the ranking's
    candidates = [m for m in matches if m[1].start in own] or [m for m in unclaimed if m[1].start not in siblings]
    graded = [m for m in candidates if m[0].get("grade") or "AAA" in str(m[0]["pattern"])]
    if graded and candidates[0][1][-1].lower_ in ("highest", "best", "top"):
        candidates = graded  # 'the highest rating of "AAA"': the grade says more
    for row, span in candidates:
        words = [t.text.strip("'\"“”") for t in span]
        words[-1] = words[-1].rstrip(".") or words[-1]  # 'to C.' at a sentence's end
        if row.get("superlative"):  # 'the most sustainable bank'
            return "top"
        if row.get("top_share"):  # 'Top 5%', 'top 10 percent': top 5%
            return f"top {words[1]}%"
        if row.get("stars"):  # 'Three Green Stars', as written
            return " ".join(words)
        if row.get("repeated"):  # 'triple-A': AAA
            return words[-1].upper() * (3 if words[0].lower() == "triple" else 2)
        if row.get("grade"):
            return "".join(words[1:])  # 'scored A -' (three tokens): 'A-'
        if len(words) == 1:
            word = words[0].lower()
            if word in ("top", "highest", "best", "topped", "tops"):
                return "top"
            return "leader" if word in ("leader", "leading") else _place(words[0])
        if words[-1].lower() in ("class", "percentile"):
            return " ".join(words)  # 'Bronze Class', '93rd percentile'
        if words[-1].lower() in TIER_NOUNS:
            return words[0].title()  # 'a Gold rating', 'Prime status'
        if words[0].lower() in ("number", "no", "no.") or words[0].lower() == "of" and len(words) == 3:
            return str(number_value(words[-1]) or words[-1])  # 'number one': 1
        if words[0].lower() in ("score", "scored", "scores", "scoring"):
            return words[-1]
        if words[-1].lower() in ("by", "from"):  # 'rated Prime by ISS ESG', 'rated Low Risk by X'
            return " ".join(words[1:-1])
        return _place(words[-1])
    return None


def _rank_before(sentence: ParsedSentence, index: Mention) -> str | None:
    """'ranked second in A and 14th in B': the place written right before each index, 'in' or 'on'
    (and 'the') between."""
    doc, i = sentence.doc, index.span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in ("in", "on") or not ORDINAL.match(doc[i - 1].lower_):
        return None
    return _place(doc[i - 1].text)


GRADED_LIST = re.compile(r"\b([A-D][+-]?)[ -]List\b")


def _graded_list(name: str) -> str | None:
    """'CDP's Climate A List': a list named after a grade ranks its members at that grade."""
    graded = GRADED_LIST.search(name)
    return graded.group(1) if graded else None


def _place(word: str) -> str:
    """A place in a ranking as its number ('ranked fifth', '22nd': 5, 22); other ranks as written."""
    return str(number_value(word)) if ORDINAL.match(word.lower()) else word
