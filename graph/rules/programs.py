"""program: a company runs a program, facility, system or initiative (since, location)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..extract import DocContext
from ..sentences import Sentence

_STOP = (r"(?:that|which|who|whose|to|for|at|with|by|across|from|on|in|into|under|as|since|where|while|so|because"
         r"|and\s+(?:provides?|offers?|has|is|will))\b|,|;|:|\.|\(|[\"“”]")
_NP = r"((?:[\w’'\-]+\s+){0,6}?[\w’'\-]+?)"


def _heads(ctx: DocContext) -> str:
    return _head_alternatives(tuple(ctx.lexicon.rules["type_heads"]["program"]))


@lru_cache(maxsize=4)
def _head_alternatives(heads: tuple[str, ...]) -> str:
    return "|".join(re.escape(h.lower()) + "s?" for h in heads)


def _since(text: str) -> int | None:
    """'since 2004', 'established in 2011', 'launched a ... project in Tainan in 2019'."""
    m = re.search(r"\b(?:since|established in|launched in|founded in|began in|started in)\s+((?:19|20)\d\d)\b", text, re.I)
    if m:
        return int(m.group(1))
    m = re.search(r"\b(?:establish|launch|found|start|set up|began|initiat|introduc)\w*\b[^.;]{0,120}?\bin\s+((?:19|20)\d\d)\b",
                  text, re.I)
    return int(m.group(1)) if m else None


def _location(ctx: DocContext, sentence: Sentence, after: int, name: str = "") -> str | None:
    site = ctx.lexicon.rule("located_in", "site_cue").search(sentence.text)
    if site:
        return site.group(1)
    # "a tree planting campaign in Monterrey": a capitalised place right after the program's name
    right_after = re.search(re.escape(name) + r"\s+(?:in|at)\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\b", sentence.text) if name else None
    right_after = right_after or re.search(r"\b(?:located|based|situated)\s+in\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\b",
                                           sentence.text[after:])
    if right_after and ctx.finder.classify(right_after.group(1)) in (None, "place"):
        return right_after.group(1)
    for mention in ctx.mentions(sentence):
        if mention.type == "place" and mention.start >= after and re.search(
                r"\b(?:in|at|located in|across)\s+(?:the\s+)?$", sentence.text[max(0, mention.start - 14):mention.start]):
            return mention.text
    return None


def _clean(name: str) -> str:
    name = re.sub(r"^(?:a|an|the|its|their|our|his|her|new|several|two|three|many)\s+", "", name.strip(), flags=re.I)
    return name.strip(" ‘’'\"")


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    heads = _heads(ctx)
    found = []
    verbs = ctx.lexicon.rules["program"]["verbs"]
    # "X has established/launched ... a smart management system that ..."
    for m in re.finditer(rf"\b(?:{verbs})\s+(?:(?:and|&)\s+(?:{verbs})\s+)?(?:(?:a|an|the|its|their|our)\s+)?{_NP}\s+?(?={_STOP}|$)", text, re.I):
        candidate = _clean(m.group(1))
        if re.search(rf"\b(?:{heads})$", candidate, re.I) and len(candidate.split()) >= 2:
            found.append((m.start(), candidate))
    # "The X has been established since 2004"
    for m in re.finditer(rf"^(?:The\s+)?{_NP}\s+(?:has|have|was|were)\s+(?:been\s+)?(?:established|launched|set up|founded|built|created|operating|running)\b", text):
        candidate = _clean(m.group(1))
        if len(candidate.split()) >= 2:
            found.append((m.start(), candidate))
    # "AGL's rooftop solar project in Zurich", "The waste heat recovery system, set up by Valpex in 2006"
    for m in re.finditer(rf"(?:['’]s\s+|^(?:The|the|A|An)\s+){_NP}(?=,?\s+(?:set up|launched|established|built|created|founded|started|introduced|run|operated|developed)\s+by\b|\s+(?:in|at)\s+[A-Z][^,.;]*?(?:,\s+[A-Z][^,.;]*?)?\s+(?:has|have)\s+been\b|\s+(?:has|have)\s+(?:been\s+)?(?:in operation|operating|running|served|saved|reduced|helped|supplied|delivered|cut))", text):
        candidate = _clean(m.group(1))
        if re.search(rf"\b(?:{heads})$", candidate, re.I) and len(candidate.split()) >= 2:
            found.append((m.start(), candidate))
    # "... for its water recycling program"
    for m in ctx.lexicon.rule("program", "for_its").finditer(text):
        found.append((m.start(), _clean(m.group(1))))
    for position, name in found:
        if not name or name.lower() in ("program", "project", "system"):
            continue
        by = re.search(r"\bby\s+(?:the\s+)?([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*)", text[position:])
        subject = ctx.entity(by.group(1)) if by and ctx.entity(by.group(1)).type == "company" else \
            ctx.subject_for(sentence, before=position + 1)
        if subject is None:
            continue
        program = ctx.entity(name, "program")
        program.type = "program"
        ctx.add("program", sentence, subject, program, since=_since(text),
                location=_location(ctx, sentence, position, name))
