"""certification: 'X has received ISO 14001 certification', 'X is certified to ISO 45001',
'the plant achieved LEED Gold', with the status the clause gives: held (default), in_progress ('in
the process of obtaining', 'working toward'), planned ('plans to', 'will'), renewed ('recertified')."""

from __future__ import annotations

import re

from ..clauses import governing_verb, patterns, subject_tokens
from ..document import DocContext, ParsedSentence
from ..entities import LEVEL_WORDS, Mention, clean_name
from .awards import QUOTES, capitalised_run, quoted_title, recipients
from .triggers import colon_listed, copula_subjects, only_listing, triggered

CERTIFIABLE = ("standard",)
SCHEME_TYPES = ("initiative", "organization", "program", "standard")  # what a verb certifies to
BARE_CODE = re.compile(r"^(?!(19|20)\d\d$)\d{4,5}(:(19|20)\d\d)?$")  # a year is no code
CERTIFYING_WORDS = {"certification", "certificate", "certify", "accreditation", "certified", "label", "seal"}


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    for row, trigger, subjects, standards in triggered(ctx, sentence, "certification", CERTIFIABLE, certified_as):
        if row.get("generic") and not certifying(ctx, sentence, standards):
            continue  # 'received ISO 14001' needs a certification word or a certifiable standard
        if any(c.dep_ == "xcomp" and c.lemma_ == "certify" for c in trigger.children):
            continue  # 'X is accredited to certify companies against Y': X certifies, holds nothing
        if wished(sentence, trigger) or third_party(trigger) or generic_holder(trigger):
            continue  # 'hopes to achieve X one day'; 'its suppliers are certified to X'; 'a company must'
        certified_holders = holders(ctx, sentence, trigger)
        if certified_holders is not None:
            if not certified_holders:
                continue  # 'Bureau Veritas is accredited to certify companies against X'
            subjects = certified_holders  # 'Bureau Veritas certified the plant to ISO 14001': the plant's
        standards = with_bare_codes(sentence, standards)
        standards += [m for m in _listed_before(sentence, trigger) if m not in standards]
        standards = [s for s in standards if not any(o.label.startswith(s.label + " ") for o in standards)]
        # 'LEED Gold certification under LEED v4': the rating, not its system again
        # 'X became the first to be certified Y'; 'The following mills have achieved X:' and a line each
        subjects = copula_subjects(ctx, sentence, trigger) or colon_listed(ctx, sentence, trigger) or subjects
        subjects = _given_to(ctx, sentence, trigger) or subjects
        status = row.get("status") or status_of(sentence, trigger)
        named_before = trigger.i > 0 and any(
            s.covers(trigger.doc[before(trigger)]) or s.covers(trigger) for s in standards
        )
        if named_before and trigger.pos_ != "NOUN":
            # 'the offices are LEED Gold certified', 'the plant has been ISO 14001 certified since 2011':
            # the parser hangs the name or the participle anywhere; the copula's subject holds it
            copula = trigger.head if trigger.dep_ == "acomp" else governing_verb(trigger.head)
            subjects = ctx.subjects(sentence, copula) or subjects
        for standard in standards:
            if not certifiable(ctx, standard):
                continue
            obj = ctx.entity(standard, "standard")
            if obj.type != "standard":  # 'certify its mills to MSPO': the initiative's certification scheme
                obj = ctx.entities.resolve(f"{obj.name} certification scheme", "standard", written=obj.name)
                obj.type = "standard"
            owners = _scheme_owners(ctx, sentence, standard, trigger)
            for subject in subjects:
                if not rated_before(ctx, subject, obj) and subject not in owners:
                    ctx.add("certification", sentence, subject, obj, status=status)


def _scheme_owners(ctx: DocContext, sentence: ParsedSentence, standard: Mention, trigger) -> list:
    """'The U.S. Green Building Council's LEED certification system is ...': a body that possesses
    the scheme runs it, it holds no certificate."""
    heads = {standard.root, trigger, trigger.head}
    possessors = [c for head in heads for c in head.children if c.dep_ == "poss"]
    owners = [ctx.entity_of(sentence, p) for p in possessors]
    return [o for o in owners if o is not None and o.type in ("organization", "agency")]


def certified_as(sentence: ParsedSentence, trigger) -> list[Mention]:
    """'was certified as a Great Place to Work': the title a certifier grants, in capitals after 'as';
    'are LEED Gold certified': the standard named right before."""
    if trigger.lemma_ != "certify" and trigger.lower_ not in ("certified", "recertified", "re-certified"):
        return []
    schemes = certified_to(sentence, trigger)
    if schemes:
        return schemes  # 'to certify its mills to RSPO and the Malaysian Sustainable Palm Oil (MSPO)'
    named = sentence.mention_at(trigger.doc[before(trigger)]) if trigger.i > 0 else None
    if named is not None and named.type in ("standard", "initiative"):
        # 'the offices are LEED Gold certified' (the parser makes the name a subject); 'RSPO-certified mills'
        return [Mention(named.span, "standard", named.label, named.written)]
    if named is not None and named.type in ("organization", "company") and _predicated(trigger):
        return [Mention(named.span, "standard", named.label, named.written)]  # 'is TransFair USA certified'
    titled = sentence.mention_at(trigger) or (sentence.mention_at(trigger.head) if trigger.dep_ == "amod" else None)
    if titled is not None and titled.type == "standard":
        return [titled]  # 'became a Certified B Corporation', 'is now a certified B Corp'
    for prep in (c for c in trigger.children if c.lower_ == "as" and c.dep_ == "prep"):
        start = next((t.i for t in prep.subtree if t.i > prep.i and t.pos_ != "DET"), None)
        doc = sentence.doc
        quoted = start is not None and doc[start].text in QUOTES
        title = (quoted_title(doc, start) if quoted else capitalised_run(doc, start)) if start is not None else None
        if title is not None and (quoted or sentence.mention_at(title[0]) is None):
            return [Mention(title, "standard", clean_name(title.text))]
    return []


GIVING_VERBS = ("award", "grant", "give", "present", "confer", "issue", "bestow", "hand")


def _given_to(ctx: DocContext, sentence: ParsedSentence, trigger) -> list:
    """'The X certification was awarded to Y', 'The Council has awarded X certifications to four of
    Y's offices': the holders a giving verb names ('to Y', or the active verb's indirect object)."""
    verb = governing_verb(trigger)
    if verb.lemma_ not in GIVING_VERBS:
        return []
    return recipients(ctx, sentence, verb, passive=any(c.dep_ == "auxpass" for c in verb.children))


def _predicated(participle) -> bool:
    """'X is Y certified': the participle after a copula, with no object of its own (not 'Y certified X')."""
    copula = participle.head if participle.dep_ == "acomp" else participle
    said = copula.lemma_ == "be" or any(c.lemma_ == "be" and c.dep_ in ("aux", "auxpass") for c in copula.children)
    return participle.tag_ in ("VBN", "VBD") and said and not any(c.dep_ == "dobj" for c in participle.children)


def certifiable(ctx, mention) -> bool:
    """Management-system and label standards are certified; reporting frameworks are applied; 'ISO
    certification' in a release that names ISO 45001 is that one, not another."""
    body = mention.label.removesuffix(" certification").removesuffix(" certificate")
    if body != mention.label and any(
        e.type == "standard" and e.label.startswith(body + " ") and e.label[len(body) + 1 :][:1].isdigit()
        for e in ctx.entities.by_surface.values()
    ):
        return False
    known = ctx.lexicon.lookup(mention.label)
    return (
        not (known and known.topic == "reporting")
        and "Guideline" not in mention.label
        and "Recommendation" not in mention.label
        and "Framework" not in mention.label
        and "Principles" not in mention.label
        and "Protocol" not in mention.label
        and "Standards" != mention.label.split()[-1]
    )


def certifying(ctx, sentence, standards) -> bool:
    """Does a generic verb ('received', 'achieved') certify here: a certification word, a coded or
    levelled standard ('achieved Green Mark Platinum'), or a certification scheme the gazetteer knows
    ('received the Copper Mark')?"""
    words = {t.lemma_.lower() for t in sentence.tokens}
    return bool(words & CERTIFYING_WORDS) or any(
        s.label.split()[0] in ("ISO", "OHSAS", "LEED", "BREEAM", "SA8000", "IATF")
        or s.label.split()[-1] in LEVEL_WORDS
        or _known_scheme(ctx, s)
        for s in standards
    )


def _known_scheme(ctx, mention) -> bool:
    known = ctx.lexicon.lookup(mention.label)
    return known is not None and known.type == "standard" and known.topic not in (None, "reporting")


def status_of(sentence, trigger) -> str:
    """The status cue nearest before the trigger in its clause (or the verb of which it is the
    subject), else held."""
    verb = governing_verb(trigger)
    best = None
    for row, span in patterns("certification").matches(sentence.doc, "status"):
        related = (
            span.root in (trigger, verb)
            or span.root.head in (trigger, verb)
            or (trigger in span.root.subtree or verb in span.root.subtree) and not coordinated(verb, span.root)
        )  # 'renewed X and obtained Y': the first verb's cue is not the second's
        after_subject = span.root == verb and trigger.dep_ in ("nsubj", "nsubjpass")  # 'X certification is expected'
        renewal_noun = row["status"] == "renewed" and span.root.pos_ == "NOUN" and span.root in trigger.subtree
        if related and (span.start <= trigger.i + 1 or after_subject) or renewal_noun:
            best = row["status"]  # 'passed the ISO 45001 recertification audit': renewed
    doc = trigger.doc
    if (
        trigger.lower_.startswith(("recertif", "re-certif", "renew"))
        or trigger.i > 1
        and doc[trigger.i - 1].text == "-"
        and doc[trigger.i - 2].lower_ == "re"
    ):
        return "renewed"  # 'recertified', 're-certified' (three tokens)
    return best or "held"


def wished(sentence, trigger) -> bool:
    """'hopes to achieve B Corp certification one day': a wish above the trigger states no plan."""
    above = {trigger.i, *(t.i for t in trigger.ancestors)}
    return any(span.root.i in above for _, span in patterns("certification").matches(sentence.doc, "wish"))


def third_party(trigger) -> bool:
    """'its suppliers are certified to SA8000', 'auditors verify compliance with': the clause's
    subject is another party of the company's (the pattern file's third_party words), not it."""
    doc = trigger.doc
    parties = {span.root.i for _, span in patterns("certification").matches(doc, "third_party")}
    return any(token.i in parties for token in subject_tokens(trigger))


def with_bare_codes(sentence, standards: list[Mention]) -> list[Mention]:
    """'ISO 9001, 14001 and 45001': bare numbers listed after a coded standard are standards of
    the same family ('ISO 14001', 'ISO 45001')."""
    doc = sentence.doc
    found = list(standards)
    for standard in standards:
        family, _, code = standard.label.partition(" ")
        if not code[:1].isdigit() or not family.isalpha():
            continue
        i = standard.span.end
        while True:
            j = i
            while j < len(doc) and doc[j].text in (",", "and", "&", "/"):
                j += 1
            if j == i or j >= len(doc) or not BARE_CODE.match(doc[j].text) or counts(doc[j]):
                break
            if sentence.mention_at(doc[j]) is None:
                found.append(Mention(doc[j : j + 1], "standard", f"{family} {doc[j].text}"))
            i = j + 1
    return found


def counts(number) -> bool:
    """'and 2000 workers': a number that counts a noun (other than 'certifications') is no code."""
    return number.dep_ == "nummod" and number.head.lemma_.lower() not in CERTIFYING_WORDS | {"standard"}


def _listed_before(sentence: ParsedSentence, trigger) -> list[Mention]:
    """'is ISO 9001:2015 and FSSC 22000 certified': every standard of the list right before the
    participle (the parser often makes the last one a subject)."""
    if trigger.lower_ not in ("certified", "recertified", "re-certified") or trigger.i == 0:
        return []
    named = sentence.mention_at(trigger.doc[before(trigger)])
    if named is None or named.type != "standard":
        return []
    listed, earlier = [named], [m for m in sentence.mentions if m.span.end <= named.span.start]
    for mention in reversed(earlier):
        gap = sentence.doc.text[mention.span.end_char : listed[-1].span.start_char]
        if mention.type != "standard" or not only_listing(gap):
            break
        listed.append(mention)
    return listed[1:]


def before(trigger) -> int:
    """The token before TRIGGER, over a hyphen: 'a LEED Gold-certified building', 'ISO 14001-certified'."""
    i = trigger.i - 1
    return i - 1 if i > 0 and trigger.doc[i].text == "-" and not trigger.doc[i].whitespace_ else i


def rated_before(ctx, subject, system) -> bool:
    """'X achieved LEED certification for energy use' after 'X was awarded LEED Gold': the
    holder's rating again, not a second certification."""
    return any(
        f.kind == "certification"
        and f.subject == subject.name
        and f.object.startswith(system.name + " ")
        and f.object.split()[-1] in LEVEL_WORDS
        for f in ctx.facts
    )


def certified_to(sentence, trigger) -> list[Mention]:
    """'certify its mills to RSPO and MSPO', 'certified under the X scheme': whatever a name the
    verb certifies to / against / under is (an initiative's scheme, a program), it is the standard."""
    found = []
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("to", "against", "under")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for token in (obj, *obj.conjuncts):
                named = sentence.mention_at(token)
                if named is not None and named.type in SCHEME_TYPES and named not in found:
                    found.append(Mention(named.span, "standard", named.label, named.written))
    return found


def generic_holder(trigger) -> bool:
    """'To obtain X certification, a company must pass an audit', 'more than 300 companies hold X':
    a subject that is any company (the pattern file's generic_holder nouns without 'the', 'its',
    'our') holds nothing the release can state."""
    doc = trigger.doc
    verb = governing_verb(trigger)
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = verb.head  # 'To achieve LEED Platinum, buildings must attain 80 points': what it takes
        if head.lemma_ in ("need", "require") or any(c.lower_ in ("must", "need", "should") for c in head.children):
            return True
    generic = {span.root.i for _, span in patterns("certification").matches(doc, "generic_holder")}
    return any(
        token.i in generic
        and not any(c.dep_ == "poss" or c.lower_ in ("the", "this", "these", "our", "its") for c in token.children)
        for token in subject_tokens(trigger)
    )


def holders(ctx, sentence, trigger):
    """The object of an active 'certify' holds the certification, not its subject (the certifier):
    None when the verb has no object; [] when the object is generic ('certify companies')."""
    if trigger.lemma_ != "certify" or any(c.dep_ == "auxpass" for c in trigger.children):
        return None  # 'to be certified LEED Gold': the parser's object is the rating
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    if not objects:
        return None
    found = []
    for token in (objects[0], *objects[0].conjuncts):
        entity = ctx.entity_of(sentence, token)
        if entity is None and token.pos_ == "NOUN" and any(c.lower_ in ("the", "its", "our") for c in token.children):
            entity = ctx.main  # 'certified the plant'
        if entity is not None and entity not in found:
            found.append(entity)
    return found


def coordinated(verb, cue) -> bool:
    """Is VERB below CUE only through a coordination ('renewed X and obtained Y')?"""
    token = verb
    while token != cue and token.head != token:
        if token.dep_ == "conj":
            return True
        token = token.head
    return False
