"""program: 'X launched / established / operates the Y Program', 'the implementation of its Y',
'X has designed a smart management system'. The object is the noun phrase of a program noun
(program, project, system, center, station, policy ...) or a program name; 'since 2004' and
'in Chiayi County' give since and location."""

from __future__ import annotations

from ..clauses import governing_verb, is_hypothetical, is_negated, patterns, since_year
from ..document import DocContext, ParsedSentence
from ..language import language_data

PROGRAM_TYPES = ("program",)


def program_nouns() -> set[str]:
    return {w.lower() for w in language_data()["program_nouns"]}


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    nouns = program_nouns()
    for row, span in patterns("program").matches(sentence.doc, "trigger"):
        trigger = span.root
        if is_negated(trigger) or is_hypothetical(trigger):
            continue
        for head in program_heads(
            sentence, trigger, nouns, starts=bool(row.get("since")), common=bool(row.get("common"))
        ):
            name = phrase(sentence, head)
            if not name or len(name) < 4 or " " not in name and sentence.mention_at(head) is None:
                continue
            obj = ctx.entities.resolve(name, "program")
            if obj.type not in ("program", "initiative", "organization", "facility"):
                continue
            since = (since_year(trigger) if row.get("since") else None) or started_in(head)
            location = location_of(ctx, sentence, trigger)
            for subject in ctx.subjects(sentence, trigger):
                ctx.add("program", sentence, subject, obj, since=since, location=location)
    owned_programs(ctx, sentence)
    framed_programs(ctx, sentence)


FRAMING_PREPOSITIONS = ("through", "under", "via")
METHOD_NOUNS = {"framework", "strategy", "roadmap", "policy", "platform", "network", "course", "training"}  # ways
PARTNERING_VERBS = {"partner", "collaborate", "cooperate", "work", "team"}
START_VERBS = {
    *("launch", "establish", "start", "introduce", "create", "found", "begin", "initiate", "set", "run"),
    *("install", "instal", "commission"),  # spaCy lemmatizes 'installed' as 'instal'
}


def _partnering(token) -> bool:
    """'partnered (with X) on': the verb, or its 'with' partner the parser hung the 'on' from."""
    if token.dep_ == "pobj" and token.head.lower_ == "with":
        token = token.head.head
    return token.lemma_ in PARTNERING_VERBS


def started_in(head) -> int | None:
    """'the Clean Harbour programme, launched in 2019,', 'a program that has run since 2015', 'its
    food rescue programme has donated ... since 2016', 'through X, the bank has trained ... since
    2017': the year a clause on the program's noun, or the program's own clause, says it began."""
    doc = head.doc
    clauses = [c for c in head.children if c.dep_ in ("acl", "relcl")]
    if head.i + 2 < len(doc) and doc[head.i + 1].text == "," and doc[head.i + 2].tag_ == "VBN":
        clauses.append(doc[head.i + 2])  # the parser often hangs 'X, launched in 2019,' on the verb
    for clause in clauses:
        year = since_year(clause)
        if year and (clause.lemma_ in START_VERBS or _says_since(clause)):
            return year
    verb = governing_verb(head.head if head.dep_ == "pobj" else head)
    if head.dep_ in ("nsubj", "pobj") and verb.pos_ in ("VERB", "AUX") and _says_since(verb):
        return since_year(verb)
    return None


def _says_since(clause) -> bool:
    """A 'since' on the clause's verb itself ('has run since 2015'), not deeper inside it."""
    return any(t.lower_ == "since" and clause in (t.head, t.head.head) for t in clause.subtree)


def framed_programs(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'Through the Green Classrooms initiative, the bank has trained ...', 'part of the Pathway to
    Net Zero programme', 'under its Safe Roads scheme': a program a clause's subject works through."""
    nouns = program_nouns() - METHOD_NOUNS
    for head in sentence.doc:
        prep = head.head
        framed = (
            prep.lower_ in FRAMING_PREPOSITIONS
            or prep.lower_ == "of" and prep.head.lemma_ == "part"
            or prep.lower_ == "on" and _partnering(prep.head)  # 'partnered with X on a Y initiative'
        )
        mention = sentence.mention_at(head)
        named = mention is not None and mention.type in PROGRAM_TYPES
        if head.dep_ != "pobj" or not framed or not (named or head.lemma_.lower() in nouns) or is_negated(head):
            continue
        modified = named or head.tag_ in ("NN", "NNP") and any(c.dep_ in ("compound", "nmod") for c in head.lefts)
        name = phrase(sentence, head)
        if not modified or not name or " " not in name or is_hypothetical(head):
            continue
        if any(m.type == "standard" and m.span.start < head.i <= m.span.end + 3 for m in sentence.mentions):
            continue  # 'under the BREEAM Retail 2008 scheme': a standard's scheme, no program
        obj = ctx.entities.resolve(name, "program")
        if obj.type != "program":
            continue  # 'through the Bloomberg GEI framework': a method, no program
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        verb = governing_verb(prep)
        subjects = [ctx.entity_of(sentence, owner)] if owner is not None else ctx.subjects(sentence, verb)
        location = location_of(ctx, sentence, head)
        for subject in (s for s in subjects if s is not None):
            ctx.add("program", sentence, subject, obj, since=started_in(head), location=location)


def owned_programs(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'through its water recycling program', 'Halden's Food Rescue Initiative', 'our Group Water
    Policy': a program noun with a possessor and a noun or name before it is that organization's
    program, verb or not."""
    nouns = {w.lower() for w in language_data()["owned_program_nouns"]}
    named = program_nouns()  # 'our Group Sustainability Policy': any program noun, in a name
    for head in sentence.doc:
        lemma = head.lemma_.lower()
        if (
            not (lemma in nouns or lemma in named and head.text[:1].isupper())
            or head.tag_ not in ("NN", "NNP")
            or is_negated(head)
        ):
            continue
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        modifiers = [c for c in head.lefts if c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN")]
        if owner is None or not modifiers or is_hypothetical(head):
            continue
        subject = ctx.entity_of(sentence, owner)
        name = phrase(sentence, head)
        if subject is None or not name or " " not in name:
            continue
        obj = ctx.entities.resolve(name, "program")
        if obj.type in ("program", "initiative"):
            location = location_of(ctx, sentence, head)
            ctx.add("program", sentence, subject, obj, since=started_in(head), location=location)


def program_heads(sentence, trigger, nouns, starts, common=False):
    """Program nouns the trigger governs: its object, its passive subject, 'of' after a nominal trigger."""
    heads = []
    candidates = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    if trigger.pos_ == "NOUN":
        candidates += [g for c in trigger.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for token in candidates:
        for head in (token, *token.conjuncts):
            mention = sentence.mention_at(head)
            if head.lemma_.lower() in nouns or mention is not None and mention.type in PROGRAM_TYPES:
                heads.append(head)
    if not starts and not common:  # 'has': only named programs
        heads = [h for h in heads if sentence.mention_at(h) is not None or h.pos_ == "PROPN"]
    elif common:  # 'runs an employee volunteering scheme', 'features a biomass boiler': a modified noun
        heads = [
            h
            for h in heads
            if sentence.mention_at(h) is not None
            or h.pos_ == "PROPN"
            or any(c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "PROPN") for c in h.lefts)
        ]
    return heads


def phrase(sentence, head) -> str:
    """The program's name: its mention, or the head noun with its compounds and modifiers."""
    mention = sentence.mention_at(head)
    if mention is not None and mention.type in PROGRAM_TYPES:
        return mention.label
    left = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod", "npadvmod") and t.pos_ != "DET"]
    start = min([t.left_edge.i for t in left], default=head.i)
    words = [
        t
        for t in sentence.doc[start : head.i + 1]
        if t.dep_ not in ("det", "poss", "case") and t.pos_ not in ("DET", "NUM")
    ]
    while (
        words
        and words[0].pos_ in ("ADJ",)
        and words[0].lower_ in ("new", "first", "several", "various", "additional", "own")
    ):
        words = words[1:]
    text = "".join(t.text_with_ws for t in words)  # 'take-back' stays one word
    return text.strip(" -,")


def location_of(ctx, sentence, trigger) -> str | None:
    """'in Chiayi County', '... for all employees located in Kaohsiung': a place in the trigger's
    clause or in a predicate coordinated with it."""
    verb = governing_verb(trigger)
    tokens = {t.i for t in (verb if verb.pos_ in ("VERB", "AUX") else trigger).subtree}
    for mention in sentence.mentions:
        if mention.type == "place" and mention.root.i in tokens and mention.root.head.lower_ in ("in", "at", "across"):
            return mention.label
    return None
