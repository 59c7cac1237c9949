"""part_of: an agency is part of a ministry, a subsidiary part of its group."""
from __future__ import annotations

import re

from ..extract import DocContext
from ..sentences import Sentence

# the higher a head word, the higher the body in a government's hierarchy
RANK = ["Government", "Executive Yuan", "Ministry", "Department", "Council", "Commission",
        "Administration", "Agency", "Bureau", "Office", "Authority", "Inspectorate"]


def _rank(name: str) -> int:
    return min((i for i, head in enumerate(RANK) if re.search(rf"\b{head}\b", name)), default=len(RANK))


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    bodies = [m for m in ctx.mentions(sentence) if m.type in ("agency", "organization", "company")]
    for left, right in zip(bodies, bodies[1:]):
        gap = text[left.end:right.start]
        # "Ministry of Labor – Occupational Safety and Health Administration", "... of the Ministry of ..."
        if left.type == right.type == "agency" and re.fullmatch(r"\s*(?:[–—\-:,/]|under|of)\s*(?:the\s+)?", gap):
            parent, child = sorted((left, right), key=lambda m: _rank(m.text))
            if _rank(parent.text) < _rank(child.text):
                ctx.add("part_of", sentence, ctx.entity(child.text, "agency"), ctx.entity(parent.text, "agency"))
        # "X, a subsidiary of Y", "X, part of Y", "X, a unit of Y"
        if re.fullmatch(r",?\s*(?:a|an)?\s*(?:wholly[- ]owned\s+)?(?:subsidiary|unit|division|member company|part|affiliate)\s+of\s+(?:the\s+)?", gap, re.I):
            ctx.add("part_of", sentence, ctx.entity(left.text), ctx.entity(right.text))
