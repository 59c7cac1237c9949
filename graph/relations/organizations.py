"""part_of: 'X, a wholly owned subsidiary of Y', 'X is part of the Y group', 'Y's subsidiary X',
'Y's subsidiaries A and B', 'the group's airlines include A, B and C', 'Y, which oversees A and B',
and units of agencies ('Ministry of Labor –
Occupational Safety and Health Administration', 'the Center ... of the Y Foundation')."""

from __future__ import annotations

from ..clauses import is_negated, list_after_colon, patterns, subject_tokens
from ..document import DocContext, ParsedSentence, named_after
from ..language import names_a_group, site_nouns

WHOLE_NOUNS = {
    "group",
    "subsidiary",
    "subsidiaries",
    "brand",
    "brands",
    "airline",
    "airlines",
    "business",
    "businesses",
    "company",
    "companies",
    "unit",
    "units",
    "division",
    "divisions",
    "portfolio",
}


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    for row, span in patterns("part_of").matches(sentence.doc, "trigger"):
        trigger = span.root
        if is_negated(trigger):
            continue
        role = row.get("role")
        if role == "whole":
            _wholes_verb(ctx, sentence, trigger)
        elif role == "parent":
            _parent(ctx, sentence, trigger)
        elif role == "acquired":
            _acquired(ctx, sentence, trigger)
        else:
            _part_noun(ctx, sentence, trigger)
    _units(ctx, sentence)
    _belonging(ctx, sentence)
    _owned_sites(ctx, sentence)


UNDER_NOUNS = {"enterprise", "company", "agency", "unit", "body", "entity", "institution", "corporation", "authority"}


def _belonging(ctx, sentence) -> None:
    """'X, a company belonging to the Danish group Y', 'X belongs to the Y group', 'X is a state
    enterprise under the Ministry of Y': X is part of Y."""
    for token in sentence.tokens:
        if token.lemma_ == "belong" and not is_negated(token):
            wholes = [g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
            noun = token.head if token.dep_ == "acl" else None
            if noun is not None and noun.dep_ == "appos" and noun.pos_ == "NOUN":
                noun = noun.head  # 'X, a company belonging to Y'
            parts = [ctx.entity_of(sentence, noun)] if noun is not None else ctx.subjects(sentence, token)
        elif token.lower_ == "under" and token.head.dep_ == "attr" and token.head.lemma_.lower() in UNDER_NOUNS:
            wholes = [g for g in token.children if g.dep_ == "pobj"]
            parts = ctx.subjects(sentence, token.head.head)
        else:
            continue
        for whole in (ctx.entity_of(sentence, t) for g in wholes for t in named_after(sentence, g)[:1]):
            for part in parts:
                if whole is not None and part is not None and whole is not part and whole.type in ("company", "agency"):
                    ctx.add("part_of", sentence, part, whole)


def _wholes_verb(ctx, sentence, trigger) -> None:
    """'X includes / owns / oversees A and B', 'the group comprises three businesses: A, B and C'."""
    if trigger.dep_ == "prep":
        return  # '..., including Sustainability Champion': an example, no part
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children) or trigger.dep_ == "acl":
        _owned_by(ctx, sentence, trigger)  # 'X, owned by Y'; 'X has been included in': no part
        return
    subjects = subject_tokens(trigger)
    if (
        subjects
        and subjects[0].lemma_.lower() not in WHOLE_NOUNS
        and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in subjects[0].children)
    ):
        return  # 'the project team included architects A': who worked on it, no parts of a group
    if subjects and subjects[0].tag_ == "NNS" and subjects[0].lemma_.lower() not in WHOLE_NOUNS:
        return  # 'the banks, which include A, B and C': the members of a set, no group and its parts
    named = ctx.entity_of(sentence, subjects[0]) if subjects else None
    if named is not None and named.type in ("company", "organization"):
        whole = named  # 'Kestrel Africa, which oversees A and B'
    elif subjects and subjects[0].lemma_.lower() in WHOLE_NOUNS:
        whole = _possessor(ctx, sentence, subjects[0]) or ctx.main  # 'the group's airlines include'
    else:
        return  # 'the index includes A and B' says nothing of who owns them
    listed = list_after_colon(trigger)
    owned = [c for c in trigger.children if c.dep_ in ("dobj", "attr", "prep")]  # not a coordinated verb's
    parts = [m for o in owned for m in sentence.mentions_in(o, ("company",))] + [
        m for m in sentence.mentions if m.type == "company" and m.root.i in listed
    ]
    for part in {id(m): m for m in parts}.values():
        ctx.add("part_of", sentence, ctx.entity(part, "company"), whole)


def _parent(ctx, sentence, trigger) -> None:
    """'Its parent company, Brandt Holding AG, ...': the possessor is part of the named parent."""
    if trigger.dep_ == "compound":
        trigger = trigger.head  # 'parent company': the possessor and the name hang from 'company'
    _parent_of(ctx, sentence, trigger)
    owner = _possessor(ctx, sentence, trigger)
    if owner is None or owner.type != "company":
        return
    for parent in _named_after(sentence, trigger):
        ctx.add("part_of", sentence, owner, ctx.entity(parent, "company"))


def _parent_of(ctx, sentence, noun) -> None:
    """'Halvor Corp., the parent company of A and B', 'X is the owner of A': A and B are part of X."""
    if noun.dep_ == "appos":
        parent = ctx.entity_of(sentence, noun.head)
    elif noun.dep_ == "attr":
        parent = next(iter(ctx.subjects(sentence, noun.head)), None)
    else:
        return
    if parent is None or parent.type != "company":
        return
    objects = [g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if not objects:
        return
    # the parser may hang 'and B' on the noun itself
    named = [t for g in objects for t in (g, *g.conjuncts)] + list(noun.conjuncts)
    for part in (ctx.entity_of(sentence, t) for t in named):
        if part is not None and part.type == "company" and part is not parent:
            ctx.add("part_of", sentence, part, parent)


def _part_noun(ctx, sentence, trigger) -> None:
    """'X's subsidiaries A and B', 'Y, a unit of X', 'X is part of the Y group' (not 'as part of its
    Project Blue, X ...': what X does it does within Y)."""
    if trigger.lemma_ == "part" and trigger.head.lower_ == "as":
        return
    owner = _possessor(ctx, sentence, trigger)
    if owner is not None and owner.type in ("company", "organization"):
        named = ctx.entity_of(sentence, trigger.head) if trigger.dep_ == "appos" else None
        if named is not None and named is not owner:  # 'PSE&G, the company's regulated utility'
            ctx.add("part_of", sentence, named, owner)
        for part in _named_after(sentence, trigger):
            ctx.add("part_of", sentence, ctx.entity(part, "company"), owner)
    of = [g for c in trigger.children if c.lower_ in ("of", "within") for g in c.children if g.dep_ == "pobj"]
    if trigger.lemma_ == "venture":  # 'a joint venture developed by A and B', 'a joint venture between A and B'
        of = _venture_partners(trigger)
    kinds = ("company", "agency") if trigger.lemma_ == "part" else ("company", "agency", "organization")
    wholes = [w for w in (ctx.entity_of(sentence, g) for g in of) if w is not None and w.type in kinds]
    if trigger.lemma_ == "member":
        wholes = [w for w in wholes if w.type == "company" and names_a_group(w.name)]  # 'a member of the X Group'
    if not wholes:
        return  # 'part of an alliance' is a membership
    parts = [ctx.entity_of(sentence, trigger.head)] if trigger.dep_ == "appos" else ctx.subjects(sentence, trigger)
    for whole in wholes:
        for part in parts:
            ctx.add("part_of", sentence, part, whole)


def _venture_partners(venture) -> list:
    """The partners of 'a joint venture between A and B', 'of A and B', 'developed by A and B'."""
    preps = [c for c in venture.children if c.lower_ in ("of", "between")]
    preps += [a for c in venture.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"]
    return [t for p in preps for g in p.children if g.dep_ == "pobj" for t in (g, *g.conjuncts)]


COMPLETING_VERBS = {"complete", "finalise", "finalize", "close", "conclude"}


def _acquired(ctx, sentence, trigger) -> None:
    """'X completed the acquisition of Y', 'following X's acquisition of Y': Y is part of X (a deal
    only agreed or planned is not done yet)."""
    owner = _possessor(ctx, sentence, trigger)
    verb = trigger.head
    if owner is None and trigger.dep_ == "dobj" and verb.lemma_ in COMPLETING_VERBS and not is_negated(verb):
        owner = next(iter(ctx.subjects(sentence, verb)), None)
    if owner is None or owner.type != "company":
        return
    for prep in (c for c in trigger.children if c.lower_ == "of"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            for token in (pobj, *pobj.conjuncts):
                part = sentence.mention_at(token)
                if part is not None and part.type == "company":
                    ctx.add("part_of", sentence, ctx.entity(part, "company"), owner)


def _named_after(sentence, noun):
    """Company names after a part noun: 'subsidiaries A and B', 'its arm, Y Investments,'."""
    mentions = [sentence.mention_at(t) for t in named_after(sentence, noun) if t != noun]
    return [m for m in mentions if m is not None and m.type == "company"]


def _owned_by(ctx, sentence, trigger) -> None:
    """'Banco Austral, the lender controlled by Grupo Meridiano', 'X is owned by Y': X is part of Y."""
    owners = [  # 'owned and operated by Y': the agent of the coordinated participle too
        ctx.entity_of(sentence, g)
        for verb in (trigger, *trigger.conjuncts)
        for c in verb.children
        if c.dep_ == "agent"
        for g in c.children
    ]
    owners = [o for o in owners if o is not None and o.type == "company"]
    if not owners:
        return
    if trigger.dep_ == "acl":
        noun = trigger.head.head if trigger.head.dep_ == "appos" and trigger.head.pos_ == "NOUN" else trigger.head
        parts = [ctx.entity_of(sentence, noun)]
    else:
        parts = ctx.subjects(sentence, trigger)
    for part in (p for p in parts if p is not None and p.type == "company" and p is not owners[0]):
        ctx.add("part_of", sentence, part, owners[0])


UNIT_NOUNS = {"unit", "division", "department"}


def _owned_sites(ctx, sentence) -> None:
    """'IMFA Group's Nuasahi Mines', 'its Pongkor Gold Mining Business Unit and Refinery Business
    Unit': a named site or unit that a company owns is part of it."""
    for mention in sentence.mentions:
        head = mention.span[-1].lower_
        if mention.type != "company" or not {head, head.removesuffix("s")} & (site_nouns() | UNIT_NOUNS):
            continue
        root = mention.root
        first = root.head if root.dep_ == "conj" else root  # 'ANTAM's A and B': the possessor of A owns B
        owner = _possessor(ctx, sentence, first) or _owner_after_of(ctx, sentence, first)
        part = ctx.entity(mention)
        if owner is not None and owner is not part and owner.type == "company":
            ctx.add("part_of", sentence, part, owner)


def _owner_after_of(ctx, sentence, token):
    """'Panchpatmali Bauxite Mine of the company', 'the Kesto plant of Halvor Mining': the company
    that 'of' names after a site."""
    owners = [ctx.entity_of(sentence, g) for c in token.children if c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
    return next((o for o in owners if o is not None and o.type == "company"), None)


def _possessor(ctx, sentence, token):
    """Whose the part noun is: 'X's subsidiary', and 'X's Spanish subsidiary Endesa', where the
    parser hangs both the possessor and the noun on the name."""
    holders = (token, token.head) if token.dep_ == "compound" else (token,)
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "poss":
                return ctx.entity_of(sentence, child)
    return None


def _units(ctx, sentence) -> None:
    """Two names side by side where the second is a unit of the first ('Ministry of X – Y
    Administration'), or 'the Y of the X' for organizations."""
    mentions = sentence.mentions
    doc = sentence.doc
    for first, second in zip(mentions, mentions[1:]):
        between = doc[first.span.end : second.span.start].text.strip() or first.span[-1].text
        if first.type == "agency" and second.type == "agency" and between in ("–", "—", "-", "'s", "’s"):
            ctx.add("part_of", sentence, ctx.entity(second, "agency"), ctx.entity(first, "agency"))
        elif (
            between in ("of", "of the")
            and first.type in ("agency", "organization")
            and second.type in ("agency", "organization")
            and first.root.head.i != second.root.i
        ):
            ctx.add("part_of", sentence, ctx.entity(first, first.type), ctx.entity(second, second.type))
