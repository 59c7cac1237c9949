"""part_of: an agency is part of a ministry, a subsidiary part of its group."""
from __future__ import annotations

import re

from ..extract import DocContext
from ..sentences import Sentence

# the higher a head word, the higher the body in a government's hierarchy
RANK = ["Government", "Executive Yuan", "Ministry", "Department", "Council", "Commission",
        "Administration", "Agency", "Bureau", "Office", "Authority", "Inspectorate"]
SUBSIDIARY_OF = re.compile(r",?\s*(?:a|an|the)?\s*(?:wholly[- ]owned\s+)?(?:subsidiary|unit|division|member company|part|"
                           r"affiliate|member)\s+of\s+(?:the\s+)?", re.I)
ITS_SUBSIDIARY = re.compile(r"\b(?:its|their|our)\s+(?:wholly[- ]owned\s+)?(?:subsidiary|subsidiaries|affiliate|unit),?\s+$", re.I)
SUBSIDIARY_OF_THE_COMPANY = re.compile(SUBSIDIARY_OF.pattern + r"(?:company|group|corporation)\b", re.I)
BODY_TYPES = ("agency", "organization", "company")


def _in_parentheses(text: str, position: int) -> bool:
    return text.count("(", 0, position) > text.count(")", 0, position)


def _rank(name: str) -> int:
    return min((i for i, head in enumerate(RANK) if re.search(rf"\b{head}\b", name)), default=len(RANK))


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    mentions = ctx.mentions(sentence)
    bodies = [m for m in mentions if (m.type in BODY_TYPES or ctx.entities.is_main(m.text)
              or re.match(r"\s+group\b", text[m.end:], re.I)) and not _in_parentheses(text, m.start)]
    for left, right in zip(bodies, bodies[1:]):
        gap = re.sub(r"\s*\([^()]*\)", "", text[left.end:right.start])  # "X (NYSE: XX), a subsidiary of Y"
        # "Ministry of Labor – Occupational Safety and Health Administration", "... of the Ministry of ..."
        if left.type == right.type == "agency" and re.fullmatch(r"\s*(?:[–—\-:,/]|under|of|['’]s)\s*(?:the\s+)?", gap):
            parent, child = sorted((left, right), key=lambda m: _rank(m.text))
            if _rank(parent.text) < _rank(child.text):
                ctx.add("part_of", sentence, ctx.entity(child.text, "agency"), ctx.entity(parent.text, "agency"))
        # "X, a subsidiary of Y", "X, part of Y", "X, a member of the Y group"
        elif SUBSIDIARY_OF.fullmatch(gap):
            group = re.match(r"\s+group\b", text[right.end:], re.I)
            parent = ctx.entity(right.text, "company") if not group else ctx.entity(right.text)
            ctx.add("part_of", sentence, ctx.entity(left.text, "company"), parent)
    # "X, a wholly owned subsidiary of the company, ...": part of the release's company
    for mention in bodies:
        if ctx.main is not None and SUBSIDIARY_OF_THE_COMPANY.match(text, mention.end):
            ctx.add("part_of", sentence, ctx.entity(mention.text, "company"), ctx.main)
    # "operates through its subsidiary Emrex Solar AG": the subsidiary is part of the subject
    for mention in mentions:
        if ITS_SUBSIDIARY.search(text[:mention.start]) and mention.type in (None, "company", "organization"):
            owner = ctx.subject_for(sentence, before=mention.start)
            child = ctx.entity(mention.text, "company")
            child.type = "company"
            ctx.add("part_of", sentence, child, owner)
