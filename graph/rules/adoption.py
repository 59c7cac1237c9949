"""standard_adoption: a company applies the standards of a body without a certification claim."""
from __future__ import annotations

from ..extract import DocContext
from ..sentences import Sentence
from .certifications import STATUS_ORDER

BODY_TYPES = ("organization", "initiative", "agency", "standard")


def _certification_cue(ctx: DocContext, text: str) -> bool:
    return any(ctx.lexicon.rule("certification", status).search(text) for status in STATUS_ORDER)


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    cue = ctx.lexicon.rule("standard_adoption", "cues").search(text)
    if not cue:
        return
    subject = ctx.subject_for(sentence, before=cue.start())
    for mention in ctx.mentions(sentence):
        if mention.start < cue.end() - 1 or mention.type not in BODY_TYPES:
            continue
        if mention.type == "standard" and ctx.lexicon.standard_pattern.fullmatch(mention.text) \
                and _certification_cue(ctx, text):
            continue  # 'complies with ISO 14001' is a certification's business; 'follows ISO 26000' is not
        gap = text[cue.end():mention.start]
        if len(gap) > 120 or "." in gap.replace("(.", ""):
            break
        ctx.add("standard_adoption", sentence, subject, ctx.entity(mention.text, mention.type))
