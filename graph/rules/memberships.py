"""membership: a company is a member of, joined or signed an organization or initiative."""
from __future__ import annotations

import re

from ..extract import DocContext
from ..sentences import Sentence

MEMBER_TYPES = ("initiative", "organization")
MAX_GAP = 40  # characters between the cue and the body it names


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    for cue in ctx.lexicon.rule("membership", "verbs").finditer(text):
        before = text[:cue.start()]
        if not (ctx.entities.mentions_main(before) or re.search(ctx.lexicon.rules["company_reference"], before, re.I)
                or ctx.nearest_company(sentence, cue.start()) is not None):
            continue
        subject = ctx.subject_for(sentence, before=cue.start())
        joined = ctx.lexicon.rule("membership", "event_verbs").search(cue.group())
        for mention in ctx.mentions(sentence):
            # a name may begin inside the cue: "signed The Climate Pledge"
            if mention.start < cue.start() or mention.end <= cue.end() or mention.start - cue.end() > MAX_GAP:
                continue
            if mention.type not in MEMBER_TYPES:
                continue
            organization = ctx.entity(mention.text, mention.type)
            if organization.type not in MEMBER_TYPES:
                continue
            since = _since(text[mention.end:mention.end + 40]) or _leading_since(text) \
                or (ctx.year_of(text[_clause_start(text, cue.start()):mention.end + 40]) if joined else None)
            ctx.add("membership", sentence, subject, organization, since=since)
            break


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding POSITION begins: '... in 2019 and has joined X' - the year
    belongs to the clause before 'and', not to the joining."""
    bounds = [m.end() for m in re.finditer(r";|,?\s+(?:and|while|but)\s+", text[:position])]
    return bounds[-1] if bounds else 0


def _leading_since(text: str) -> int | None:
    m = re.match(r"\s*Since\s+((?:19|20)\d\d)\b", text)
    return int(m.group(1)) if m else None


def _since(text: str) -> int | None:
    m = re.search(r"\b(?:since|in)\s+((?:19|20)\d\d)\b", text, re.I)
    return int(m.group(1)) if m else None
