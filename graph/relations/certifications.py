"""certification: 'X has received ISO 14001 certification', 'X is certified to ISO 45001',
'the plant achieved LEED Gold', with the status the clause gives: held (default), in_progress ('in
the process of obtaining', 'working toward'), planned ('plans to', 'will'), renewed ('recertified')."""

from __future__ import annotations

from ..clauses import governing_verb, patterns
from ..document import DocContext, ParsedSentence
from ..entities import Mention, clean_name
from .awards import QUOTES, capitalised_run, quoted_title
from .triggers import triggered

CERTIFIABLE = ("standard",)
CERTIFYING_WORDS = {"certification", "certificate", "certify", "accreditation", "certified", "label", "seal"}


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    for row, trigger, subjects, standards in triggered(ctx, sentence, "certification", CERTIFIABLE, certified_as):
        if row.get("generic") and not certifying(sentence, standards):
            continue  # 'received ISO 14001' needs a certification word or a certifiable standard
        status = row.get("status") or status_of(sentence, trigger)
        if trigger.i > 0 and any(s.covers(trigger.doc[trigger.i - 1]) for s in standards):
            # 'the offices are LEED Gold certified', 'the plant has been ISO 14001 certified since 2011':
            # the parser hangs the name or the participle anywhere; the copula's subject holds it
            copula = trigger.head if trigger.dep_ == "acomp" else governing_verb(trigger.head)
            subjects = ctx.subjects(sentence, copula) or subjects
        for standard in standards:
            if not certifiable(ctx, standard):
                continue
            obj = ctx.entity(standard, "standard")
            for subject in subjects:
                ctx.add("certification", sentence, subject, obj, status=status)


def certified_as(sentence: ParsedSentence, trigger) -> list[Mention]:
    """'was certified as a Great Place to Work': the title a certifier grants, in capitals after 'as';
    'are LEED Gold certified': the standard named right before."""
    if trigger.lemma_ != "certify":
        return []
    before = sentence.mention_at(trigger.doc[trigger.i - 1]) if trigger.i > 0 else None
    if before is not None and before.type == "standard":
        return [before]  # 'the offices are LEED Gold certified' (the parser makes the name a subject)
    for prep in (c for c in trigger.children if c.lower_ == "as" and c.dep_ == "prep"):
        start = next((t.i for t in prep.subtree if t.i > prep.i and t.pos_ != "DET"), None)
        doc = sentence.doc
        quoted = start is not None and doc[start].text in QUOTES
        title = (quoted_title(doc, start) if quoted else capitalised_run(doc, start)) if start is not None else None
        if title is not None and (quoted or sentence.mention_at(title[0]) is None):
            return [Mention(title, "standard", clean_name(title.text))]
    return []


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


def certifying(sentence, standards) -> bool:
    words = {t.lemma_.lower() for t in sentence.tokens}
    return bool(words & CERTIFYING_WORDS) or any(
        s.label.split()[0] in ("ISO", "OHSAS", "LEED", "BREEAM", "SA8000", "IATF") for s in standards
    )


def status_of(sentence, trigger) -> str:
    """The status cue nearest before the trigger in its clause (or the verb of which it is the
    subject), else held."""
    verb = governing_verb(trigger)
    best = None
    for row, span in patterns("certification").matches(sentence.doc, "status"):
        related = (
            span.root in (trigger, verb)
            or span.root.head in (trigger, verb)
            or trigger in span.root.subtree
            or verb in span.root.subtree
        )
        after_subject = span.root == verb and trigger.dep_ in ("nsubj", "nsubjpass")  # 'X certification is expected'
        if related and (span.start <= trigger.i + 1 or after_subject):
            best = row["status"]
    doc = trigger.doc
    if (
        trigger.lower_.startswith(("recertif", "re-certif", "renew"))
        or trigger.i > 1
        and doc[trigger.i - 1].text == "-"
        and doc[trigger.i - 2].lower_ == "re"
    ):
        return "renewed"  # 'recertified', 're-certified' (three tokens)
    return best or "held"
