"""index_inclusion: a company is a constituent of, or ranked in, an index or rating."""
from __future__ import annotations

import re

from ..extract import DocContext
from ..sentences import Sentence


def consecutive_years(ctx: DocContext, text: str) -> int | None:
    """'for the sixth consecutive year', '6th year in a row', 'five straight years' -> the count."""
    m = ctx.lexicon.rule("index_inclusion", "consecutive").search(text)
    if not m:
        return None
    word = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", next(g for g in m.groups() if g).lower())
    if word.isdigit():
        return int(word)
    return ctx.lexicon.rules["number_words"].get(word)


def rank_of(ctx: DocContext, text: str) -> str | None:
    for pattern, value in ctx.lexicon.rules["index_inclusion"]["rank"]:
        m = re.search(pattern, text, re.I)
        if m:
            groups = [g for g in m.groups() if g]
            if "$1" in value:
                if not groups:
                    continue
                return value.replace("$1", groups[0])
            return value
    return None


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    indices = [m for m in ctx.mentions(sentence) if m.type == "index"]
    if not indices:
        streak = consecutive_years(ctx, text)
        previous = ctx.last_fact("index_inclusion", sentence, sentences_back=2)
        if streak and previous is not None and "consecutive_years" not in previous.qualifiers:
            previous.qualifiers["consecutive_years"] = streak
        return
    if not ctx.lexicon.rule("index_inclusion", "verbs").search(text):
        return
    subject = ctx.subject_for(sentence)
    if subject is None:
        return
    if not (ctx.entities.mentions_main(text) or re.search(ctx.lexicon.rules["company_reference"], text, re.I)):
        return
    seen = set()
    for mention in indices:
        index = ctx.entity(mention.text, "index")
        if index.type != "index" or index.label in seen:
            continue
        seen.add(index.label)
        ctx.add("index_inclusion", sentence, subject, index,
                year=ctx.year_of(text), consecutive_years=consecutive_years(ctx, text),
                rank=rank_of(ctx, text))
