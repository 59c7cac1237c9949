"""membership: 'X is a member of Y', 'X joined Y', 'X, Y and Z signed Y', 'X became a signatory to Y',
'Y's members include A and B'. The membership dates from a year in its clause ('As a member of X,
the group committed in 2019'), or for a joining verb ('joined', 'signed') from the release's year."""

from __future__ import annotations

from ..clauses import YEAR, clause_years, governing_verb, is_negated, since_year, subject_tokens, year_value
from ..document import COMPANY_TYPES, DocContext, ParsedSentence
from ..entities import Mention
from ..language import language_data, names_a_group, self_reference_words
from .triggers import colon_listed, copula_subjects, counted_group, described, describes_a_body, triggered

JOINABLE = ("initiative", "organization", "company")
MEMBER_NOUNS = {"member", "members", "signatory", "signatories", "participant", "participants", "partner", "partners"}


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    unnamed = lambda sentence, trigger: (  # noqa: E731
        _implied_body(ctx, sentence, trigger) or _announcing_body(sentence, trigger)
    )
    types = JOINABLE + ("person", "program", "standard")
    for row, trigger, subjects, bodies in triggered(ctx, sentence, "membership", types, unnamed):
        bodies = [b for b in bodies if b.type != "program" or _joined_scheme(trigger, b)]
        bodies = [b for b in bodies if b.type != "standard" or _member_of(trigger, b)]
        if not bodies:
            continue
        if row.get("role") == "giver":  # 'the RSPO granted membership to X'
            _admitted(ctx, sentence, trigger, bodies)
            continue
        listed = colon_listed(ctx, sentence, trigger)
        agents = _agents(ctx, sentence, trigger)
        if listed:  # 'new signatories have joined X: A, B and C'
            subjects = listed
            bodies = [b for b in bodies if ctx.entity(b) not in listed]
        elif agents:  # 'the UN Global Compact, also subscribed to by A'
            subjects, bodies = agents, _described_body(sentence, trigger)
        elif counted_group(sentence, trigger) or describes_a_body(sentence, trigger):
            continue
        if _joined_to_become(sentence, trigger):
            continue
        described_as = copula_subjects(ctx, sentence, trigger)
        if described_as:  # 'X was the first Stock Exchange to join Y': X, not 'the first Stock Exchange'
            subjects = described_as
            bodies = [b for b in bodies if b.root not in subject_tokens(trigger)]
        bodies = described(sentence, trigger, bodies)
        joiners = _joined_alongside(ctx, sentence, trigger)  # 'joined X alongside A and B': A and B join too
        subjects = subjects + [j for j in joiners if j not in subjects]
        bodies = [b for b in bodies if ctx.entity(b) not in joiners and not _possessor(b, bodies)]
        if trigger.pos_ == "NOUN" and not any(b.span.start == trigger.i for b in bodies):  # not an implied body
            bodies = _bodies_of_noun(trigger, bodies)
        bodies = [b for b in bodies if b.type != "person" or trigger.pos_ == "NOUN" or _named_body(b)]
        bodies = [b for b in bodies if not _at_an_event(b, trigger) and not _a_longer_name_beside(ctx, b, bodies)]
        bodies = [b for b in bodies if not (b.root.dep_ == "pobj" and b.root.head.lower_ == "as")]  # 'as a Co-Founder'
        verb = governing_verb(trigger)
        years = clause_years(verb)
        starts = row.get("since") or verb.lemma_ == "become"  # 'joined', 'became a member / part of'
        since = since_year(verb) or (years[0] if years else (ctx.year_default() if starts else None))
        if trigger.lemma_ == "part" and trigger.head.lower_ == "as":
            continue  # 'As part of its Project Blue, X ...': no member of anything
        for body in bodies:
            dealing = trigger.pos_ == "VERB" and trigger.lemma_ != "join"
            if body.type == "company" and (dealing or trigger.lemma_ == "part" or names_a_group(body.label)):
                continue  # 'signed a deal with Acme' is no membership; 'part / a member of the X Group' is a part_of
            obj = ctx.entity(body, BODY_TYPE.get(body.type, body.type))
            if ctx.entities.is_main(obj):
                continue
            for subject in subjects:
                ctx.add("membership", sentence, subject, obj, since=_bracketed_year(body) or _own_year(body) or since)
    _listed_members(ctx, sentence)
    _initiative_companies(ctx, sentence)
    _accepted_as_members(ctx, sentence)


BODY_TYPE = {"person": "organization", "standard": "initiative"}  # what a member is a member of
MEMBER_OF_NOUNS = {"member", "founder", "co-founder", "signatory", "participant"}


def _member_of(trigger, body: Mention) -> bool:
    """'a founding member of ResponsibleSteel': a name the gazetteer knows as a standard, that one is
    a member of, is the body behind the standard (an initiative), not the standard."""
    prep = body.root.head
    return trigger.lemma_ in MEMBER_OF_NOUNS and prep.lower_ == "of" and prep.head == trigger


JOINED_SCHEME_VERBS = {"join", "subscribe", "sign"}  # 'participates in the X Programme' stays a program


def _joined_scheme(trigger, body: Mention) -> bool:
    """'joined the Clean Cargo initiative', 'signed up to the SmartWay scheme': a named
    initiative or programme that a joining verb takes in is a membership (the company's own 'its
    Green Fleet program' is one it runs)."""
    return (
        trigger.pos_ == "VERB"
        and trigger.lemma_ in JOINED_SCHEME_VERBS
        and body.root.lower_ in language_data()["owned_program_nouns"]
        and not any(c.dep_ == "poss" for c in body.root.children)
        and any(t.is_title for t in body.span if t != body.root)
    )


EVENT_PREPOSITIONS = ("during", "at", "on", "after", "before", "ahead")


def _at_an_event(body, trigger) -> bool:
    """'signed the letter in a ceremony during the X Forum at the Y Assembly': a body named in a
    phrase of when or where the trigger's act happened is not what was joined."""
    for token in body.root.ancestors:
        if token == trigger:
            return False
        if token.dep_ == "prep" and token.lower_ in EVENT_PREPOSITIONS:
            return True
    return False


def _a_longer_name_beside(ctx: DocContext, body, bodies) -> bool:
    """'a UN initiative called the Global Compact': 'United Nations' gives way to the 'United
    Nations Global Compact' beside it, the body it runs."""
    label = ctx.entity(body).label
    return any(ctx.entity(other).label.startswith(label + " ") for other in bodies if other is not body)


def _joined_to_become(sentence, trigger) -> bool:
    """'joined the United Nations and other banks to become a signatory of Y': the membership is in
    the body the member noun names (Y); those joined beside it are company kept."""
    return trigger.lemma_ == "join" and any(
        c.dep_ in ("advcl", "xcomp", "conj")
        and c.lemma_ == "become"
        and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
        and any(t.lower_ in MEMBER_NOUNS for t in c.subtree)
        and sentence.mentions_in(c, JOINABLE)
        for c in trigger.children
    )


ALONGSIDE, TOGETHER = ("alongside", "with"), ("along", "together")  # 'alongside X', 'along / together with X'


def _joined_alongside(ctx: DocContext, sentence: ParsedSentence, trigger) -> list:
    """The companies a joining verb names beside its subject: 'has joined RE100 alongside A and B',
    'joined the Pledge together with A'."""
    if trigger.pos_ != "VERB":
        return []
    preps = [
        c
        for token in (trigger, *[c for c in trigger.children if c.dep_ == "dobj"])
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ALONGSIDE and (c.lower_ != "with" or c.nbor(-1).lower_ in TOGETHER)
    ]
    return [ctx.entity(m) for prep in preps for m in sentence.mentions_in(prep, ("company",))]


def _possessor(body, bodies) -> bool:
    """'the Climate Group's RE100 initiative', 'the Principles for Responsible Banking of UNEP FI': the
    body behind the one joined is not joined."""
    owned = body.root.head
    if body.root.dep_ == "pobj" and owned.lower_ == "of":
        return any(other is not body and other.covers(owned.head) for other in bodies)
    return body.root.dep_ == "poss" and any(
        other is not body and (other.covers(owned) or other.root.head == owned) for other in bodies
    )


def _named_body(mention) -> bool:
    """'joined the Chilean business council Acción Empresas': a name NER made a person, right after
    a common noun for a body ('council', 'network', 'association'), names that body."""
    start = mention.span.start
    before = mention.span.doc[start - 1] if start > 0 else None
    heads = {h.lower() for kind in ("organization", "initiative") for h in language_data()["type_heads"][kind]}
    return before is not None and before.text.islower() and before.lower_ in heads


def _announcing_body(sentence: ParsedSentence, trigger) -> list[Mention]:
    """'The Orrin Mining Forum is delighted to confirm that A and B have been admitted as member
    companies': a member noun naming no body, in a clause the body itself reports, is the body's."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in ("member", "signatory", "participant"):
        return []
    if any(c.lower_ in ("of", "to", "in") for c in trigger.children):
        return []
    reported = next((a for a in trigger.ancestors if a.dep_ == "ccomp"), None)
    for verb in reported.ancestors if reported is not None else []:
        bodies = [sentence.mention_at(c) for c in verb.children if c.dep_ == "nsubj"]
        if bodies and bodies[0] is not None and bodies[0].type in ("organization", "initiative"):
            return [Mention(trigger.doc[trigger.i : trigger.i + 1], bodies[0].type, bodies[0].label)]  # implied here
    return []


def _implied_body(ctx: DocContext, sentence: ParsedSentence, trigger) -> list[Mention]:
    """'X was among the founding signatories', right after the initiative is named: a member noun
    that names no body of its own, said of a named company, is of the initiative just named."""
    if (
        trigger.pos_ != "NOUN"
        or trigger.lower_ not in MEMBER_NOUNS
        or any(c.lower_ in ("of", "to", "in") for c in trigger.children)
        or "initiative" not in ctx.recent
        or ctx.recent_in["initiative"] < sentence.sentence.index - 2
    ):
        return []
    named = [m for t in subject_tokens(trigger) if (m := sentence.mention_at(t)) is not None]
    others = [m for m in sentence.mentions if m not in named and m.type != "place"]
    if not named or any(m.type != "company" for m in named) or others:
        return []
    return [Mention(trigger.doc[trigger.i : trigger.i + 1], "initiative", ctx.recent["initiative"].label)]


def _own_year(body) -> int | None:
    """'joined the Climate Pledge in 2021 and the Zephyr Alliance in 2023': the year said right after
    the body's name ('in 2023', 'since 2019'), which the parser may hang on the verb."""
    doc, end = body.span.doc, body.span.end
    if end + 1 < len(doc) and doc[end].lower_ in ("in", "since"):
        return year_value(doc[end + 1].text)
    return None


def _bracketed_year(body) -> int | None:
    """'a signatory to the UN Global Compact (2004)': the year in brackets after the body's name."""
    doc, end = body.span.doc, body.span.end
    if end + 2 < len(doc) and doc[end].text == "(" and YEAR.fullmatch(doc[end + 1].text) and doc[end + 2].text == ")":
        return int(doc[end + 1].text)
    return None


def _admitted(ctx: DocContext, sentence: ParsedSentence, trigger, named) -> None:
    """'the RSPO granted membership to X in 2020': X is a member of the granting body."""
    givers = [sentence.mention_at(t) for c in trigger.children if c.dep_ == "nsubj" for t in (c, *c.conjuncts)]
    givers = [ctx.entity(g) for g in givers if g is not None and g.type in JOINABLE and g.type != "company"]
    years = clause_years(trigger)
    since = since_year(trigger) or (years[0] if years else ctx.year_default())
    recipients = {g.i for c in trigger.children if c.lower_ == "to" for g in c.subtree}
    for member in (ctx.entity(m) for m in named if m.type == "company" and m.root.i in recipients):
        for giver in givers:
            ctx.add("membership", sentence, member, giver, since=since)


ACCEPTING_VERBS = ("accept", "admit", "welcome")


def _accepted_as_members(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'ICMM has accepted X as a member company and Y and Z as member associations': the names the
    body's accepting verb takes in, as members, are members of that body."""
    for verb in (t for t in sentence.tokens if t.lemma_ in ACCEPTING_VERBS and t.pos_ == "VERB"):
        givers = [sentence.mention_at(c) for c in verb.children if c.dep_ == "nsubj"]
        if not _as_member(verb) or is_negated(verb) or not givers or givers[0] is None or givers[0].type == "company":
            continue
        body = ctx.entity(givers[0], BODY_TYPE.get(givers[0].type, givers[0].type))
        taken = {t.i for t in verb.subtree} - {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
        years = clause_years(verb)
        since = years[0] if years else ctx.year_default()
        for mention in sentence.mentions:
            member = ctx.entity(mention)
            if mention.root.i in taken and mention.type in ("company", "organization") and member is not body:
                ctx.add("membership", sentence, member, body, since=since)


def _as_member(verb) -> bool:
    """'accepted X as a member company', 'welcomed Y as a signatory': an 'as' naming a member noun."""
    nouns = [g for t in verb.subtree if t.lower_ == "as" for g in t.children if g.dep_ == "pobj"]
    return any(g.lemma_ in MEMBER_OF_NOUNS or any(c.lemma_ == "member" for c in g.children) for g in nouns)


def _agents(ctx: DocContext, sentence: ParsedSentence, trigger):
    """'the UN Global Compact, also subscribed to by X': the companies of the passive's agent."""
    agents = [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    found = [sentence.mention_at(t) for a in agents for t in (a, *a.conjuncts)]
    return [ctx.entity(m) for m in found if m is not None and m.type == "company"]


def _described_body(sentence: ParsedSentence, trigger):
    """The body a participle describes ('the UN Global Compact, subscribed to by X')."""
    body = sentence.mention_at(trigger.head) if trigger.dep_ == "acl" else None
    stranded = any(c.dep_ == "prep" and not list(c.children) for c in trigger.children)  # 'subscribed to by'
    if body is None and stranded:
        before = [m for m in sentence.mentions if m.span.end <= trigger.i and trigger.i - m.span.end <= 3]
        body = before[-1] if before else None
    return [body] if body is not None and body.type in JOINABLE else []


def _bodies_of_noun(trigger, bodies):
    """The names a member noun governs: 'a member of X', 'has been a participant | in X', 'X's
    signatory'; not a name inside X's apposition ('X, the representative of the WBCSD'). A name the
    parse made the noun's own conjunct ('a member of X and | the Y Group') is a second body."""
    holders = [trigger, trigger.head] if trigger.dep_ in ("attr", "dobj") else [trigger]  # 'its adhesion | to X'
    scope = [g for h in holders for c in h.children if c.lower_ in ("of", "in", "to") for g in c.subtree]
    scope += [c for c in trigger.children if c.dep_ in ("compound", "poss")]
    if scope:
        scope += [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    described = {t.i for g in scope if g.dep_ == "pobj" for a in g.children if a.dep_ == "appos" for t in a.subtree}
    return [b for b in bodies if any(b.covers(t) for t in scope) and b.root.i not in described]


def _listed_members(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'IRMA's members include A, B and C', 'its signatories include ...': each listed name is a member."""
    for token in sentence.tokens:
        if token.lemma_ not in ("include", "comprise") or is_negated(token):
            continue
        subjects = subject_tokens(token)
        if not subjects or subjects[0].lower_ not in MEMBER_NOUNS:
            continue
        owner = (
            next((ctx.entity_of(sentence, c) for c in subjects[0].children if c.dep_ == "poss"), None)
            or next(
                (
                    ctx.entity_of(sentence, g)
                    for c in subjects[0].children
                    if c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            or ctx.recent.get("initiative")
        )
        if owner is None:
            continue
        for member in sentence.mentions_in(token, COMPANY_TYPES):
            entity = ctx.entity(member, member.type)
            if entity is not owner:
                ctx.add("membership", sentence, entity, owner)


def _initiative_companies(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'X has become the 93rd RE100 company', 'X, a UN Global Compact signatory,': an organization
    noun whose modifier names an initiative says its subject is one of the initiative's members."""
    _, nouns = self_reference_words()
    for noun in sentence.tokens:
        if noun.dep_ not in ("attr", "appos") or (noun.lemma_ not in nouns and noun.lower_ not in MEMBER_NOUNS):
            continue
        named = [sentence.mention_at(c) for c in noun.children if c.dep_ == "compound"]
        bodies = [m for m in named if m is not None and m.type == "initiative"]
        verb = noun.head
        if not bodies or is_negated(verb):
            continue
        if noun.dep_ == "appos":
            subjects = [e for e in [ctx.entity_of(sentence, verb)] if e is not None]
        elif verb.lemma_ in ("be", "become"):
            subjects = ctx.subjects(sentence, verb)
        else:
            continue
        since = since_year(verb) or (ctx.year_default() if verb.lemma_ == "become" else None)
        for subject in subjects:
            for body in bodies:
                ctx.add("membership", sentence, subject, ctx.entity(body), since=since)

