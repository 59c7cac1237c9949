"""membership: a company is a member of, joined or signed an organization or initiative."""
from __future__ import annotations

import re

from ..extract import DocContext
from ..sentences import Sentence

MEMBER_TYPES = ("initiative", "organization", "index")


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    cue = ctx.lexicon.rule("membership", "verbs").search(text)
    if not cue:
        return
    subject = ctx.subject_for(sentence, before=cue.start())
    if subject is None or not (ctx.entities.mentions_main(text[:cue.start()]) or _refers_back(ctx, text[:cue.start()])):
        return
    for mention in ctx.mentions(sentence):
        if mention.start < cue.end() - 1 or mention.start - cue.end() > 40:
            continue
        if mention.type not in MEMBER_TYPES:
            continue
        organization = ctx.entity(mention.text, mention.type)
        if organization.type == "index":
            continue
        joined = ctx.lexicon.rule("membership", "event_verbs").search(cue.group())
        since = ctx.year_of(text, default_to_release=True) if joined else _since(ctx, text)
        ctx.add("membership", sentence, subject, organization, since=since)
        return


def _refers_back(ctx: DocContext, text: str) -> bool:
    return bool(re.search(ctx.lexicon.rules["company_reference"], text, re.I))


def _since(ctx: DocContext, text: str) -> int | None:
    m = re.search(r"\bsince\s+((?:19|20)\d\d)\b", text, re.I)
    return int(m.group(1)) if m else None
