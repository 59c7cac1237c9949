"""standard_adoption: 'reported in accordance with the GRI Standards', 'aligned with TCFD', 'follows
the OECD Guidelines', 'incorporates standards from organizations such as X and Y'. A standard named
as certified in the release (so far) is a certification, not an adoption."""

from __future__ import annotations

from ..clauses import governing_verb, is_intended, subject_tokens
from ..document import DocContext, ParsedSentence
from .certifications import generic_holder, third_party
from .triggers import triggered

ADOPTABLE = ("standard", "organization", "initiative", "company")
BODY_PREPOSITIONS = ("from", "of", "by", "set", "issued", "developed", "published")
REPORT_NOUNS = ("report", "review", "statement", "disclosures")  # 'The Sustainability Report was prepared in ...'


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    certified = {f.object for f in ctx.facts if f.kind == "certification"}  # the release's, so far
    for row, trigger, subjects, standards in triggered(ctx, sentence, "standard_adoption", ADOPTABLE):
        nominal = bool(row.get("body"))  # 'standards from X': X is a standard-setting body
        if nominal and (not any(c.lower_ in BODY_PREPOSITIONS for c in trigger.children) or not _applied(trigger)):
            continue  # 'a new standard', 'within the standard set by X' state nothing; 'follows standards from X' does
        if row.get("standards_only"):  # 'prepared using the GRI Standards': what is used, not the clause's other names
            used = {t.i for c in trigger.children if c.dep_ in ("dobj", "prep") for t in c.subtree}
            standards = [s for s in standards if s.root.i in used]
        if third_party(trigger) or generic_holder(trigger) or planned(trigger):
            continue  # 'auditors verify compliance with X'; 'companies that report ...'; 'will report ...'
        if not subjects and reported(trigger) and ctx.main is not None:
            subjects = [ctx.main]
        agents = {t.i for c in trigger.children if c.dep_ == "agent" for t in c.subtree}
        for standard in standards:
            if standard.root.i in agents and standard.type != "standard":
                continue  # 'the plan was adopted by the Management Board of X': who adopts, not what
            if _owner_of_named(sentence, standard):
                continue  # 'aligns with the United Nations' Sustainable Development Goals': the goals'
            principles = standard.label.split()[-1].lower() == "principles"
            if standard.type == "company" and not nominal or standard.type == "initiative" and not principles:
                continue  # 'standards from X' for a body; an initiative is joined or signed, not applied
            if row.get("standards_only") and standard.type != "standard":
                continue  # 'uses SGS' applies no framework
            if row.get("principles_only") and not principles:
                continue  # 'supports the Lumen Alliance' adopts no principles
            obj = ctx.entity(standard, standard.type)
            if certified & (obj.names() | {obj.name}) or certifier_of(ctx, obj):
                continue
            for subject in subjects:
                ctx.add("standard_adoption", sentence, subject, obj)


APPLYING_WORDS = frozenset({
    "meet", "follow", "adopt", "apply", "comply", "align", "adhere", "conform", "use", "implement", "incorporate",
    "respect", "observe", "exceed", "accordance", "line", "compliance", "conformity", "keeping", "base", "guide",
})  # fmt: skip


def _applied(noun) -> bool:
    """'complies with standards set by X', 'follows the guidelines of X': the standard noun is the
    object of a word of applying (through 'with', 'to', 'by'), not a yardstick ('within the
    standard set by X')."""
    head = noun.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    return head.lemma_.lower() in APPLYING_WORDS


POSSESSIVE_MARKS = ("'s", "’s", "'", "’")


def _owner_of_named(sentence: ParsedSentence, mention) -> bool:
    """A name written as the owner of the next name ('the United Nations’ Sustainable Development
    Goals'), which the parse may not mark as a possessive."""
    doc, end = sentence.doc, mention.span.end
    return end + 1 < len(doc) and doc[end].text in POSSESSIVE_MARKS and sentence.mention_at(doc[end + 1]) is not None


def drop_certified(ctx: DocContext) -> None:
    """A standard the release says (anywhere) its subject is certified to is a certification, not
    an adoption: 'meets the requirements of ISO 14001:2015' beside 'the new ISO 14001:2015 certification'."""
    certified = {(f.subject, f.object) for f in ctx.facts if f.kind == "certification"}
    ctx.facts[:] = [
        f
        for f in ctx.facts
        if f.kind != "standard_adoption"
        or (f.subject, f.object) not in certified
        and not certifier_of(ctx, ctx.entities.resolve(f.object, f.object_type))
    ]


def reported(trigger) -> bool:
    """'The 2023 Sustainability Report was prepared in accordance with ...': a report's title as
    the subject speaks for the release's organization."""
    return any(token.lower_ in REPORT_NOUNS for token in subject_tokens(trigger))


def certifier_of(ctx: DocContext, body) -> bool:
    """'compliance with the ISO standards' in a release of ISO 14001 certifications: the body's
    standards are the ones certified, not a framework applied."""
    names = body.names()
    return body.type == "organization" and any(
        f.kind == "certification" and any(f.object.startswith(n + " ") for n in names) for f in ctx.facts
    )


def planned(trigger) -> bool:
    """'will report in line with IFRS S2 from 2025', 'plans to adopt the TCFD framework': a framework
    the company is to apply, not one it applies."""
    verb = governing_verb(trigger)
    return is_intended(trigger) or any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in verb.children)
