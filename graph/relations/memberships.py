"""membership: 'X is a member of Y', 'X joined Y', 'X, Y and Z signed Y', 'X became a signatory to Y',
'Y's members include A and B'. The membership dates from a year in its clause ('As a member of X,
the group committed in 2019'), or for a joining verb ('joined', 'signed') from the release's year."""

from __future__ import annotations

from ..clauses import clause_years, governing_verb, is_negated, since_year, subject_tokens
from ..document import COMPANY_TYPES, DocContext, ParsedSentence
from .triggers import colon_listed, counted_group, described, describes_a_body, triggered

JOINABLE = ("initiative", "organization", "company")
MEMBER_NOUNS = {"member", "members", "signatory", "signatories", "participant", "participants", "partner", "partners"}


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    for row, trigger, subjects, bodies in triggered(ctx, sentence, "membership", JOINABLE + ("person",)):
        listed = colon_listed(ctx, sentence, trigger)
        if listed:  # 'new signatories have joined X: A, B and C'
            subjects = listed
            bodies = [b for b in bodies if ctx.entity(b) not in listed]
        elif counted_group(sentence, trigger) or describes_a_body(sentence, trigger):
            continue
        bodies = described(sentence, trigger, bodies)
        if trigger.pos_ == "NOUN":
            bodies = _bodies_of_noun(trigger, bodies)
        bodies = [b for b in bodies if b.type != "person" or trigger.pos_ == "NOUN"]  # a name NER made a person
        verb = governing_verb(trigger)
        years = clause_years(verb)
        since = since_year(verb) or (years[0] if years else (ctx.year_default() if row.get("since") else None))
        for body in bodies:
            dealing = trigger.pos_ == "VERB" and trigger.lemma_ != "join"
            if body.type == "company" and (dealing or trigger.lemma_ == "part"):
                continue  # 'signed a deal with Acme' is no membership; 'part of the X group' is a part_of
            obj = ctx.entity(body, "organization" if body.type == "person" else body.type)
            if ctx.entities.is_main(obj):
                continue
            for subject in subjects:
                ctx.add("membership", sentence, subject, obj, since=since)
    _listed_members(ctx, sentence)


def _bodies_of_noun(trigger, bodies):
    """The names a member noun governs: 'a member of X', 'has been a participant | in X', 'X's
    signatory'; not a name inside X's apposition ('X, the representative of the WBCSD')."""
    holders = [trigger, trigger.head] if trigger.dep_ == "attr" else [trigger]
    scope = [g for h in holders for c in h.children if c.lower_ in ("of", "in", "to") for g in c.subtree]
    scope += [c for c in trigger.children if c.dep_ in ("compound", "poss")]
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
