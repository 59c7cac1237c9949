"""program: 'X launched / established / operates the Y Program', 'the implementation of its Y',
'X has designed a smart management system'. The object is the noun phrase of a program noun
(program, project, system, center, station, policy ...) or a program name; 'since 2004' and
'in Chiayi County' give since and location."""

from __future__ import annotations

import re

from ..clauses import governing_verb, is_hypothetical, is_negated, patterns, since_year, subject_tokens
from ..document import COMPANY_TYPES, DocContext, ParsedSentence
from ..language import language_data, program_nouns, site_nouns, unit_words

PROGRAM_TYPES = ("program",)


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    nouns = program_nouns()
    business = {span.start for _row, span in patterns("program").matches(sentence.doc, "business")}
    for row, span in patterns("program").matches(sentence.doc, "trigger"):
        trigger = span.root
        if row.get("construction") or is_negated(trigger) or is_hypothetical(trigger) or is_goal(trigger):
            continue  # a 'construction' row only marks the sentence as a candidate: its function reads it
        if foreign_subject(ctx, sentence, trigger):
            continue
        if row.get("in_place") and not _in_place(trigger):
            continue  # 'put in place a whistleblowing system', not 'put the plan on hold'
        for head in program_heads(
            sentence, trigger, nouns, starts=bool(row.get("since")), common=bool(row.get("common")), via=row.get("via")
        ):
            named_by_nouns = any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") for c in head.lefts)
            if row.get("compound") and not named_by_nouns:
                continue  # 'promote positive social initiatives': no program, a kind of good deed
            generic = head.tag_ == "NNS" and head.lemma_ in GENERIC_PLURALS and not sentence.mention_at(head)
            if generic and not named_by_nouns:
                continue  # 'expands its social programmes': programs in general, none named
            name = phrase(sentence, head)
            if not name or len(name) < 4 or " " not in name and sentence.mention_at(head) is None:
                continue
            if is_habitual_passive(sentence, trigger, head) or name.lower() in nouns:
                continue  # a bare 'the initiative' names no program
            if name.split()[-1].lower() in ("certification", "certificate", "accreditation"):
                continue  # 'unveiled its acquisition of the ISO 45001:2018 Certification': a certificate held
            if any(t.i in business for t in head.subtree if t.i < head.i):
                continue  # 'operates three manufacturing plants', 'offers mobile banking services'
            obj = ctx.entities.resolve(name, "program")
            if obj.type not in ("program", "initiative", "organization", "facility"):
                continue
            # 'Since 2009, X has promoted ... projects'; 'expanded it in 2023' dates no start
            dated = row.get("since") and trigger.lemma_ not in GROWTH_VERBS or _says_since(trigger)
            since = (own_year(head) or since_year(trigger) if dated else None) or started_in(head)
            location = location_of(ctx, sentence, trigger)
            for subject in runners(ctx, sentence, trigger, head):
                ctx.add("program", sentence, subject, obj, since=since, location=location)
    owned_programs(ctx, sentence)
    framed_programs(ctx, sentence)
    partnerships(ctx, sentence)
    partnered_since(ctx, sentence)
    internal_prices(ctx, sentence)
    neutral_operations(ctx, sentence)
    dated_programs(ctx, sentence)
    apposed_programs(ctx, sentence)
    funded_funds(ctx, sentence)
    relative_programs(ctx, sentence)
    own_foundations(ctx, sentence)
    within_programs(ctx, sentence)
    examples_of_programs(ctx, sentence)


LISTING_VERBS = ("include", "comprise", "feature")


def examples_of_programs(ctx: DocContext, sentence: ParsedSentence) -> None:
    """"Kestrel's flagship initiatives include the Skyleaf programme and Project Blue": the named
    programs that the company's own program nouns include are its programs."""
    nouns = {w.lower() for w in language_data()["owned_program_nouns"]}
    for verb in (t for t in sentence.tokens if t.lemma_ in LISTING_VERBS and t.pos_ == "VERB"):
        own = [s for s in verb.children if s.dep_ == "nsubj" and s.tag_ == "NNS" and s.lemma_.lower() in nouns]
        owner = next((c for s in own for c in s.children if c.dep_ == "poss"), None)
        subject = ctx.entity_of(sentence, owner) if owner is not None and not is_negated(verb) else None
        if subject is None or subject.type not in COMPANY_TYPES:
            continue
        listed = [t for o in verb.children if o.dep_ == "dobj" for t in (o, *o.conjuncts)]
        for mention in (sentence.mention_at(t) for t in listed):
            if mention is not None and mention.type in PROGRAM_TYPES:
                ctx.add("program", sentence, subject, ctx.entity(mention, "program"))


FOUNDATION_HEADS = ("Foundation", "Fund", "Trust")
ACTING = ("nsubj", "nsubjpass")


def own_foundations(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'the Halvor Cusco Development Foundation (HCDF)': a foundation named after the release's
    organization is one of its programs."""
    if ctx.main is None:
        return
    first = ctx.main.label.split()[0]
    for mention in sentence.mentions:
        words = mention.label.split()
        root = mention.root  # 'X and the X Foundation have promoted', 'conducted by the X Foundation': it acts
        acting = root.dep_ in ACTING or root.dep_ == "conj" and root.head.dep_ in ACTING or root.head.dep_ == "agent"
        typed = mention.type == "organization" and not acting or mention.type == "program"  # 'funded by the X Fund'
        if typed and words[-1] in FOUNDATION_HEADS and words[0] == first:
            ctx.add("program", sentence, ctx.main, ctx.entity(mention, "program"))


def within_programs(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'As part of its Project Blue, X recycles ...', 'Under its Clean Ports scheme, X ...': the
    named program of the clause's company that the clause acts within."""
    for token in sentence.tokens:
        if token.lemma_ != "part" or token.head.lower_ != "as":
            continue
        for prep in (c for c in token.children if c.lower_ == "of"):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                owned = any(c.dep_ == "poss" and c.lower_ in ("its", "our", "their") for c in pobj.children)
                if owned and pobj.pos_ == "PROPN":
                    name = sentence.doc[pobj.left_edge.i + 1 : pobj.right_edge.i + 1].text  # past 'its'
                    for subject in ctx.subjects(sentence, governing_verb(token)) or [ctx.main]:
                        if subject is not None:
                            ctx.add("program", sentence, subject, ctx.entities.resolve(name, "program"))


REVENUE_NOUNS = {"levy", "fee", "proceeds", "proceed", "revenue", "income", "saving", "contribution", "charge", "tax"}


def funded_funds(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'The levy will feed a carbon fund', 'the proceeds go to a climate fund': the fund a charge of
    the organization's pays into is its program."""
    for head in sentence.tokens:
        if head.lemma_.lower() != "fund" or head.dep_ not in ("dobj", "pobj") or sentence.mention_at(head) is not None:
            continue
        if not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.lefts):
            continue
        verb = governing_verb(head.head if head.dep_ == "pobj" else head)
        payers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in REVENUE_NOUNS]
        if not payers or is_negated(verb) or is_hypothetical(verb):
            continue
        owner = next((c for c in payers[0].children if c.dep_ == "poss"), None)
        subject = ctx.entity_of(sentence, owner) if owner is not None else ctx.main
        obj = ctx.entities.resolve(phrase(sentence, head), "program")
        ctx.add("program", sentence, subject, obj, since=started_in(head), location=location_of(ctx, sentence, head))


END_VERBS = {
    *("end", "close", "discontinue", "terminate", "stop", "suspend", "cancel", "scrap", "sell", "divest"),
    *("shut", "withdraw", "abandon", "phase", "retire", "decommission", "dismantle"),
}


def ended(head) -> bool:
    """'ended its sponsorship programme', 'the scheme was discontinued': a program stopped or sold."""
    verb = governing_verb(head.head if head.dep_ == "pobj" else head)
    return verb.lemma_ in END_VERBS


def _in_place(trigger) -> bool:
    return any(
        c.lower_ == "in" and any(g.lower_ == "place" for g in c.children) for c in trigger.children
    )


def relative_programs(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'The Bright Minds initiative, which Corvane started in 2012,': a relative clause that says who
    began or runs the program names its subject."""
    nouns = program_nouns()
    for head in sentence.tokens:
        mention = sentence.mention_at(head)
        typed = mention is not None and mention.type in PROGRAM_TYPES
        modified = any(  # 'the in-house solar plant that the company set up'
            c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")
            or c.dep_ == "amod" and c.pos_ == "ADJ" and c.lower_ not in GENERIC_ADJECTIVES
            for c in head.lefts
        )
        if not (typed or head.lemma_.lower() in nouns and modified) or is_negated(head):
            continue
        for clause in (c for c in head.children if c.dep_ == "relcl"):
            if clause.lemma_ not in START_VERBS | {"operate", "run", "manage"} or is_negated(clause):
                continue
            runners = [c for c in clause.children if c.dep_ == "nsubj" and c.lower_ not in ("which", "that", "who")]
            relative = any(c.lower_ in ("which", "that") for c in clause.children)
            itself = typed and clause.lemma_ in START_VERBS and relative
            if not runners and not itself or is_hypothetical(clause):
                continue  # 'The X Programme, which started in 2012,': the release's organization's program
            subject = ctx.entity_of(sentence, runners[0]) if runners else ctx.main
            name = phrase(sentence, head)
            if subject is None or not name or " " not in name:
                continue
            obj = ctx.entities.resolve(name, "program")
            if obj.type in ("program", "initiative"):
                ctx.add("program", sentence, subject, obj, since=since_year(clause),
                        location=location_of(ctx, sentence, clause))


def runners(ctx: DocContext, sentence: ParsedSentence, trigger, head) -> list:
    """Who runs HEAD: for 'the X programme was launched (by Y)' the agent Y, else the program's
    possessor ('Corvane's X programme was launched'), else the release's organization; for an
    active clause its subject."""
    if head.dep_ != "nsubjpass" or head.head != trigger:
        return ctx.subjects(sentence, trigger)
    agents = [g for a in trigger.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    who = agents[0] if agents else owner
    entity = ctx.entity_of(sentence, who) if who is not None else ctx.main
    return [entity] if entity is not None else []


def foreign_subject(ctx: DocContext, sentence: ParsedSentence, trigger) -> bool:
    """'The government launched a national scheme', 'the assessment uses a scoring system',
    'companies that have launched ... programmes': a common-noun subject that names neither the
    organization ('the group', 'its staff') nor one of its sites runs someone else's program."""
    tokens = [t for t in subject_tokens(trigger) if t.dep_ != "nsubjpass"]  # a passive's is the program
    return bool(tokens) and all(
        t.pos_ == "NOUN"
        and t.text.islower()  # a capitalised 'Corvane' the tagger took for a noun is still a name
        and t.lemma_ not in site_nouns()
        and ctx.entity_of(sentence, t) is None
        for t in tokens
    )


GENERIC_PLURALS = {"program", "programme", "initiative", "project", "campaign", "scheme", "activity", "effort"}
GROWTH_VERBS = {"expand", "extend", "scale", "grow", "widen", "broaden"}
GOAL_NOUNS = {"goal", "target", "pledge", "commitment", "ambition", "aim", "objective", "plan", "priority"}


def is_goal(trigger) -> bool:
    """'the pledge's goals include launching decarbonisation schemes': a gerund a goal lists is a
    target, not a program the subject runs."""
    if trigger.tag_ != "VBG":
        return False
    verb = governing_verb(trigger.head if trigger.dep_ in ("dobj", "pobj", "conj", "xcomp") else trigger)
    for token in (verb, *verb.ancestors):
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in GOAL_NOUNS for c in token.children):
            return True
        if token.lemma_.lower() in GOAL_NOUNS:
            return True
    return False


def is_habitual_passive(sentence, trigger, head) -> bool:
    """'workplace policies and programs are developed with ...', 'training is regularly conducted':
    a present passive on an unnamed plural, or done routinely, states how things are done in
    general, not a program the subject runs."""
    if head.dep_ != "nsubjpass" and not (head.dep_ == "conj" and head.head.dep_ == "nsubjpass"):
        return False
    present = any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in trigger.children)
    routine = any(c.dep_ == "advmod" and c.lower_ in ROUTINE_ADVERBS for c in trigger.children)
    return present and (head.tag_ == "NNS" or routine) and sentence.mention_at(head) is None


ROUTINE_ADVERBS = {"regularly", "routinely", "periodically", "annually", "continuously", "constantly", "always"}


PARTNERSHIP_NOUNS = {"partnership"}


def partnerships(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'the airline's partnership with Helio to build a plant', 'through its partnership with Y': a
    partnership its owner holds with a named organization is the owner's program ('partnership
    with Y')."""
    for head in sentence.tokens:
        if head.lemma_.lower() not in PARTNERSHIP_NOUNS or is_negated(head) or is_hypothetical(head):
            continue
        partners = [
            m
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for g in prep.children
            if g.dep_ == "pobj"
            for p in (g, *g.conjuncts)
            if (m := sentence.mention_at(p)) is not None and m.type in ("company", "organization")
        ]
        if not partners:
            continue
        owner = next((c for c in head.children if _possessor_of(c)), None)
        if owner is None:
            continue  # 'announced a partnership with Y on hydrogen': news of a deal, no program yet
        subjects = [ctx.entity_of(sentence, owner)]
        location = location_of(ctx, sentence, head)
        for partner in partners:
            obj = ctx.entities.resolve(f"partnership with {partner.label}", "program")
            for subject in (s for s in subjects if s is not None and s.name != partner.label):
                ctx.add("program", sentence, subject, obj, since=started_in(head), location=location)


def partnered_since(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'X has partnered with the Y Network since 2018': a partnership kept since a year is X's
    program ('partnership with Y'); a partnership merely announced is news of a deal."""
    for verb in sentence.tokens:
        if verb.lemma_ not in PARTNERING_VERBS or verb.pos_ != "VERB" or is_negated(verb) or is_hypothetical(verb):
            continue
        year = since_year(verb) if _says_since(verb) else None
        if not year:
            continue
        partners = [
            m
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for g in prep.children
            if g.dep_ == "pobj"
            for p in (g, *g.conjuncts)
            if (m := sentence.mention_at(p)) is not None and m.type in ("company", "organization")
        ]
        for partner in partners:
            obj = ctx.entities.resolve(f"partnership with {partner.label}", "program")
            for subject in ctx.subjects(sentence, verb):
                if subject.name != partner.label:
                    ctx.add("program", sentence, subject, obj, since=year, location=location_of(ctx, sentence, verb))


def _possessor_of(token) -> bool:
    """'its', 'the airline's', and 'BA’s' (a curly-quoted possessor the parser makes an nmod)."""
    return token.dep_ == "poss" or token.dep_ == "nmod" and any(g.dep_ == "case" for g in token.children)


PRICE_NOUNS = {"price", "pricing", "fee", "levy", "tax"}


def internal_prices(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'X has set an internal carbon price', 'introduced an internal fee on its emissions': an
    internal price on carbon is a program of the organization that sets it."""
    for head in sentence.tokens:
        if head.lemma_.lower() not in PRICE_NOUNS or head.dep_ not in ("dobj", "nsubjpass"):
            continue
        if not any(c.dep_ == "amod" and c.lower_ == "internal" for c in head.lefts):
            continue
        verb = head.head
        if is_negated(verb) or is_hypothetical(verb) or is_goal(verb):
            continue
        name = phrase(sentence, head)
        obj = ctx.entities.resolve(name, "program")
        since = since_year(verb) if verb.lemma_ in START_VERBS or verb.lemma_ in ("set", "introduce", "adopt") else None
        for subject in ctx.subjects(sentence, verb):
            ctx.add("program", sentence, subject, obj, since=since, location=location_of(ctx, sentence, head))


NEUTRAL_WORDS = {"neutral", "positive", "negative"}  # 'carbon neutral', 'climate positive', 'water negative'
NEUTRAL_DEPS = ("npadvmod", "compound", "advmod", "amod")
NEUTRAL_OF = {"carbon", "climate", "co2", "water", "plastic", "emissions", "ghg", "greenhouse", "nature", "net"}


def neutral_operations(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'Our own operations have been carbon neutral since 2014': a state kept since a year is the
    program 'carbon neutral operations'."""
    for adjective in sentence.tokens:
        if adjective.lower_ not in NEUTRAL_WORDS or adjective.dep_ != "acomp":
            continue
        verb = adjective.head
        quality = [c for c in adjective.lefts if c.dep_ in NEUTRAL_DEPS and c.lower_ in NEUTRAL_OF]
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        if not quality or not subjects or is_negated(verb) or is_hypothetical(verb):
            continue
        year = since_year(verb)
        if not year or not _says_since(verb):
            continue  # 'will be carbon neutral by 2030' is a target
        noun = subjects[0]
        words = " ".join(t.text for t in sentence.doc[quality[0].i : adjective.i + 1])
        if noun.pos_ == "NOUN" and ctx.entity_of(sentence, noun) is None or noun.lemma_ in site_nouns():
            obj = ctx.entities.resolve(f"{words} {noun.text}", "program")  # 'carbon neutral operations'
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            owners = [ctx.entity_of(sentence, owner)] if owner is not None else ctx.subjects(sentence, verb)
        else:  # 'we have been carbon neutral since 2021', 'the bank has been ...': the organization itself
            obj = ctx.entities.resolve(words, "program")
            owners = [ctx.entity_of(sentence, noun)]
        for subject in (s for s in owners if s is not None):
            ctx.add("program", sentence, subject, obj, since=year)


def dated_programs(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'The Clean Rivers programme, launched in 2018, has ...', 'Launched in 2015, the Green Schools
    initiative ...': a named program whose start a participle dates is the release's program (or its
    possessor's, or the 'by' agent's)."""
    for head in sentence.tokens:
        mention = sentence.mention_at(head)
        proper = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.lefts)
        typed = mention is not None and mention.type in PROGRAM_TYPES
        named = typed or proper and head.lemma_.lower() in program_nouns()
        if not named or head.dep_ not in ("nsubj", "nsubjpass") or is_negated(head):
            continue
        clauses = [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        clauses += [c for c in head.head.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i < head.i]
        clauses = [c for c in clauses if c.lemma_ in START_VERBS]
        year = next((y for c in clauses if (y := since_year(c))), None)
        if not year:
            continue
        agents = [
            g for c in clauses for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
        ]
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        who = agents[0] if agents else owner
        subject = ctx.entity_of(sentence, who) if who is not None else ctx.main
        name = phrase(sentence, head)
        if subject is None or not name or " " not in name:
            continue
        obj = ctx.entities.resolve(name, "program")
        ctx.add("program", sentence, subject, obj, since=year, location=location_of(ctx, sentence, head))


def apposed_programs(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'launched Project Blue, an initiative to protect reefs': a name the trigger governs, in
    apposition with a program noun, is the program."""
    nouns = set(language_data()["owned_program_nouns"])
    for row, span in patterns("program").matches(sentence.doc, "trigger"):
        trigger = span.root
        if not row.get("since") or row.get("construction") or is_negated(trigger) or is_hypothetical(trigger):
            continue
        for name_token in (c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "PROPN"):
            if not any(a.dep_ == "appos" and a.lemma_.lower() in nouns for a in name_token.children):
                continue
            mention = sentence.mention_at(name_token)
            if mention is not None and mention.type not in PROGRAM_TYPES:
                continue
            start = min((c.left_edge.i for c in name_token.lefts if c.dep_ == "compound"), default=name_token.i)
            name = " ".join(t.text for t in sentence.doc[start : name_token.i + 1])
            obj = ctx.entities.resolve(name, "program")
            if obj.type not in ("program", "initiative"):
                continue
            for subject in ctx.subjects(sentence, trigger):
                ctx.add("program", sentence, subject, obj, since=since_year(trigger),
                        location=location_of(ctx, sentence, trigger))


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


PERIOD = re.compile(r"^(?:for|from) ((?:19|20)\d\d) ?[-–] ?(?:19|20)?\d\d\b")


def started_in(head) -> int | None:
    """'the Clean Harbour programme, launched in 2019,', 'a program that has run since 2015', 'its
    food rescue programme has donated ... since 2016', 'through X, the bank has trained ... since
    2017', 'its strategy for 2016-2020': the year a clause on the program's noun, or the program's
    own clause, says it began."""
    doc = head.doc
    span = PERIOD.match(doc[head.i + 1 : head.i + 5].text) if head.i + 1 < len(doc) else None
    if span:  # 'its fourth sustainability strategy for 2016-2020': the period it runs from
        return int(span.group(1))
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


def own_year(head) -> int | None:
    """'a recycling centre in 2015 and a composting facility in 2018': a conjunct's own year."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "since"):
            for year in prep.children:
                if year.dep_ == "pobj" and re.fullmatch(r"(19|20)\d\d", year.text):
                    return int(year.text)
    return None


def _says_since(clause) -> bool:
    """A 'since' on the clause's verb itself ('has run since 2015'), not deeper inside it."""
    return any(t.lower_ == "since" and clause in (t.head, t.head.head) for t in clause.subtree)


def framed_programs(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'Through the Green Classrooms initiative, the bank has trained ...', 'part of the Pathway to
    Net Zero programme', 'under its Safe Roads scheme': a program a clause's subject works through."""
    nouns = program_nouns() - METHOD_NOUNS
    for head in sentence.tokens:
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
        if ended(head):
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
    Policy', 'its initiative, called Green Steps,': a program noun with a possessor and a noun or
    name before it (or a name it is called) is that organization's program, verb or not."""
    nouns = {w.lower() for w in language_data()["owned_program_nouns"]}
    named = program_nouns()  # 'our Group Sustainability Policy': any program noun, in a name
    for head in sentence.tokens:
        lemma = head.lemma_.lower()
        if (
            not (lemma in nouns or lemma in named and head.text[:1].isupper())
            or head.tag_ not in ("NN", "NNP")
            or is_negated(head)
        ):
            continue
        if ended(head):
            continue
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        modifiers = [  # 'employee volunteering programme': a gerund in the name too
            c for c in head.lefts if c.dep_ in ("compound", "nmod") and (c.pos_ in ("NOUN", "PROPN") or c.tag_ == "VBG")
        ]
        if owner is None or not (modifiers or called_name(head)) or is_hypothetical(head):
            continue  # 'its water recycling program'; 'Its initiative, called Green Steps,'
        subject = ctx.entity_of(sentence, owner)
        name = phrase(sentence, head)
        if subject is None or not name or " " not in name:
            continue
        obj = ctx.entities.resolve(name, "program")
        if obj.type in ("program", "initiative"):
            location = location_of(ctx, sentence, head)
            ctx.add("program", sentence, subject, obj, since=started_in(head), location=location)


GENERIC_ADJECTIVES = {"similar", "such", "other", "many", "numerous", "various", "several", "some", "certain"}


def program_heads(sentence, trigger, nouns, starts, common=False, via=None):
    """Program nouns the trigger governs: its object, its passive subject, 'of' after a nominal
    trigger, the object of the row's preposition VIA ('participates in the X Programme')."""
    heads = []
    candidates = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    if trigger.pos_ == "NOUN":
        candidates += [g for c in trigger.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if via:  # 'participated in X': only what the preposition governs ('participated Mr A' is a misparse)
        candidates = [g for c in trigger.children if c.lower_ == via for g in c.children if g.dep_ == "pobj"]
    candidates += _worked_at(trigger, candidates)
    for token in (_counted(c) for c in candidates):
        for head in (token, *token.conjuncts):
            listed = [i for a in head.children if a.dep_ == "appos" for i in (a, *a.conjuncts)]
            for item in listed:  # 'runs several programmes: the Bright Start scholarship, the Green Team ...'
                named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in item.lefts)
                if item.lemma_.lower() in nouns or named:
                    heads.append(item)
            if any(c.dep_ == "amod" and c.lower_ in GENERIC_ADJECTIVES for c in head.children):
                continue  # 'operate similar recycling schemes', 'numerous initiatives': a kind, not one program
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


WORK_NOUNS = ("operation", "construction", "production", "work", "generation")


def _worked_at(trigger, objects) -> list:
    """'started commercial operations at its Tallis solar farm', 'began construction of the Redgum
    Wind Farm': the facility the work is done at or on."""
    worked = [o for o in objects if o.lemma_.lower() in WORK_NOUNS]
    return [
        g
        for token in worked + ([trigger] if worked else [])
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("at", "on", "of")
        for g in c.children
        if g.dep_ == "pobj"
    ]


COUNTING_NOUNS = ("number", "range", "series", "variety", "host", "set", "array", "couple", "suite")


def _counted(token):
    """'instituted a number of social investment programmes': the programmes, not the number."""
    if token.lemma_.lower() not in COUNTING_NOUNS:
        return token
    return next((g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), token)


def phrase(sentence, head) -> str:
    """The program's name: its mention, or the head noun with its compounds and modifiers."""
    mention = sentence.mention_at(head)
    if mention is not None and mention.type in PROGRAM_TYPES and not mention.label.islower():
        return mention.label  # not a bare 'initiative' referring back, when it is called something
    called = called_name(head) or apposed_name(sentence, head) or _named_by_copula(sentence, head)
    if called:
        return called
    noun = head
    if head.dep_ == "appos" and head.head.i + 1 < head.i and head.doc[head.head.i + 1].text == "(":
        noun = head.head  # 'its green aviation fuel (GAF) programme': the parser's apposition
    left = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod", "npadvmod") and t.pos_ != "DET"]
    start = after_quantity(head, min([t.left_edge.i for t in left], default=noun.i))
    bracketed = {t.i for t in sentence.doc[start : head.i] if _in_brackets(t)}  # 'aviation fuel (GAF) programme'
    words = [
        t
        for t in sentence.doc[start : head.i + 1]
        if t.dep_ not in ("det", "poss", "case") and t.pos_ not in ("DET", "NUM") and t.i not in bracketed
    ]
    evaluative = language_data()["evaluative_adjectives"]
    while words and words[0].pos_ in ("ADJ", "VERB") and (words[0].lower_ in evaluative or words[0].tag_ == "JJS"):
        words = words[1:]  # 'the industry's largest regenerative farming programme', 'an innovative project'
    text = "".join(t.text_with_ws for t in words)  # 'take-back' stays one word
    return " ".join(re.sub(r"[\"“”]", " ", text).split()).strip(" -,")  # 'the "Second Harvest" initiative'


def _named_by_copula(sentence, head) -> str | None:
    """'Its flagship CSR programme in 2019 was the Kestrel Education Programme': the name the
    copula gives the program."""
    if head.dep_ not in ("nsubj", "nsubjpass") or head.head.lemma_ != "be":
        return None
    named = [sentence.mention_at(c) for c in head.head.children if c.dep_ == "attr"]
    return next((m.label for m in named if m is not None and m.type in PROGRAM_TYPES), None)


def _in_brackets(token) -> bool:
    doc, i = token.doc, token.i
    if token.text in ("(", ")"):
        return True
    return 0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"


def apposed_name(sentence, head) -> str | None:
    """'its flagship initiative, Tree for Every Child,': a capitalised name between commas right after
    the program noun (the parser often hangs it elsewhere) that no other type claims."""
    doc = sentence.doc
    if head.i + 2 >= len(doc) or doc[head.i + 1].text != ",":
        return None
    close = next((t.i for t in doc[head.i + 2 : head.i + 2 + MAX_NAME_WORDS] if t.text == ","), None)
    words = doc[head.i + 2 : close] if close else None
    if not words or not words[0].text[:1].isupper() or words[0].pos_ == "DET":
        return None
    if any(not (t.text[:1].isupper() or t.lower_ in NAME_CONNECTORS) for t in words):
        return None
    mention = sentence.mention_at(words[0])
    if mention is not None and mention.type not in (*PROGRAM_TYPES, "person"):
        return None  # 'its partner, Harbor Trust,': a company, no program name ('project, Te Uku,': no person)
    return words.text


MAX_NAME_WORDS = 8
NAME_CONNECTORS = {"for", "the", "of", "and", "to", "a", "in", "on", "with", "&"}


NAMING_VERBS = {"call", "name", "dub", "title", "brand"}


def called_name(head) -> str | None:
    """'a programme called Green Steps', 'an initiative named Clean Coasts': the name it is given,
    with its program noun."""
    for clause in head.children:
        if clause.dep_ != "acl" or clause.lemma_ not in NAMING_VERBS:
            continue
        for name in clause.children:
            if name.dep_ in ("oprd", "attr", "dobj", "xcomp") and name.pos_ == "PROPN":
                start = min((c.left_edge.i for c in name.lefts if c.dep_ == "compound"), default=name.i)
                # 'Green Steps programme': NER often takes the bare name for a place or a company
                return " ".join(t.text for t in head.doc[start : name.i + 1]) + " " + head.text
    return None


def after_quantity(head, start: int) -> int:
    """'a 5 MW solar power plant', 'an ISO 14001-certified environmental management system': the
    name starts after a quantity (and its unit, or its '-certified') among the modifiers. A year
    stays ('Vision 2030 programme')."""
    doc = head.doc
    if 0 < start < head.i and doc[start - 1].like_num and doc[start].text in unit_words():
        start += 1  # 'a 5 MW plant': the parser hangs '5' on the plant and 'MW' on 'solar'
    numbers = [
        t.i
        for t in doc[start : head.i]
        if (t.like_num or t.pos_ == "NUM")
        and not re.fullmatch(r"(19|20)\d\d", t.text)
        and not t.text[:1].isupper()  # 'the Second Harvest initiative': a name's word
    ]
    if not numbers:
        return start
    cut = numbers[-1] + 1
    while cut < head.i and (
        doc[cut].tag_ == "HYPH"
        or doc[cut].text in unit_words()
        or doc[cut] == doc[numbers[-1]].head
        or doc[cut - 1].tag_ == "HYPH"
    ):
        cut += 1
    return cut


def location_of(ctx, sentence, trigger) -> str | None:
    """'in Chiayi County', '... for all employees located in Kaohsiung': a place in the trigger's
    clause or in a predicate coordinated with it."""
    verb = governing_verb(trigger)
    root = verb if verb.pos_ in ("VERB", "AUX") else trigger
    tokens = {t.i for t in root.subtree}
    aside = {t.i for c in root.children if c.dep_ == "advcl" for t in c.subtree}  # 'Since it began in Peru, ...'
    places = [
        m
        for m in sentence.mentions
        if m.type == "place" and m.root.i in tokens and m.root.head.lower_ in ("in", "at", "across")
    ]
    own = [m for m in places if m.root.i not in aside] or places
    return own[0].label if own else _named_site(sentence, root, tokens - aside)


def _named_site(sentence, root, tokens: set[int]) -> str | None:
    """'commissioned a solar plant at its Gurugram factory': a site the clause names 'at' or 'in',
    by a proper name before a site noun, is where the program is."""
    for token in (t for t in root.subtree if t.i in tokens and t.lemma_.lower() in site_nouns()):
        if token.dep_ != "pobj" or token.head.lower_ not in ("at", "in"):
            continue
        named = [c for c in token.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
        if named:
            return " ".join(t.text for t in sentence.doc[named[0].left_edge.i : token.i + 1] if t.dep_ != "poss"
                            and t.pos_ not in ("DET", "PRON", "PART"))
    return None
