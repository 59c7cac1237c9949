"""index_inclusion: a company is a constituent of, or ranked in, an index or rating."""
from __future__ import annotations

import re

from ..extract import DocContext
from ..mentions import Mention
from ..sentences import Sentence


def _count(ctx: DocContext, word: str) -> int | None:
    word = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", word.lower())
    return int(word) if word.isdigit() else ctx.lexicon.rules["number_words"].get(word)


def consecutive_years(ctx: DocContext, text: str) -> list[tuple[int, int, int]]:
    """'for the sixth consecutive year', '6th year in a row', 'five straight years' -> (count, start, end)."""
    found = []
    for m in ctx.lexicon.rule("index_inclusion", "consecutive").finditer(text):
        count = _count(ctx, next(g for g in m.groups() if g))
        if count:
            found.append((count, m.start(), m.end()))
    return found


def ranks(ctx: DocContext, text: str) -> list[tuple[str, int, int]]:
    """Every rank a sentence states: 'ranked at the top' -> top, 'rated AA' -> AA, 'Gold medal' -> gold."""
    found = []
    for pattern, value in ctx.lexicon.rules["index_inclusion"]["rank"]:
        for m in re.finditer(pattern, text, re.I):
            groups = [g for g in m.groups() if g]
            if "$1" in value and not groups:
                continue
            if not any(s < m.end() and m.start() < e for _, s, e in found):
                found.append((value.replace("$1", groups[0]) if "$1" in value else value, m.start(), m.end()))
    return found


def _nearest(mentions, start: int, end: int):
    """The index a qualifier belongs to: the closest one, reading forward first ('rated AA by MSCI')."""
    def distance(m):
        return m.start - end if m.start >= end else (start - m.end) * 1.2 + 5
    return min(mentions, key=distance)


_ONE_OF = re.compile(r"\bone\s+of\s+(?:the\s+)?((?:[A-Z][\w.\-]*['’]s\s+)?(?:\d+\s+)?(?:(?:Most|Best|Top)\s+)?)$")


def _named_lists(ctx: DocContext, sentence: Sentence) -> list[Mention]:
    """'named one of the 100 Best Corporate Citizens', 'one of America's Most Responsible
    Companies': a ranking list that names no index head."""
    found = []
    for mention in ctx.mentions(sentence):
        if mention.type is not None or re.match(r"['’]s\b", sentence.text[mention.end:]):
            continue  # "America" of "one of America's Most ...": the list's owner, not the list
        lead = _ONE_OF.search(sentence.text[:mention.start])
        if lead:
            start = lead.start(1)
            found.append(Mention(start, mention.end, sentence.text[start:mention.end], "index"))
    return found


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    indices = [m for m in ctx.mentions(sentence) if m.type == "index"] + _named_lists(ctx, sentence)
    if not indices:
        streaks = consecutive_years(ctx, text)
        previous = ctx.last_fact("index_inclusion", sentence, sentences_back=2)
        if streaks and previous is not None and "consecutive_years" not in previous.qualifiers:
            previous.qualifiers["consecutive_years"] = streaks[0][0]
        return
    if not ctx.lexicon.rule("index_inclusion", "verbs").search(text):
        return
    subject = ctx.subject_for(sentence)
    if subject is None:
        return
    if not (ctx.entities.mentions_main(text) or re.search(ctx.lexicon.rules["company_reference"], text, re.I)):
        return
    generic = set(ctx.lexicon.rules["index_inclusion"]["generic_words"])
    indices = [m for m in indices if not set(m.text.split()) <= generic]  # "Risk Rating" names no index
    if not indices:
        return
    qualifiers: dict[str, dict] = {}
    for name, found in (("consecutive_years", consecutive_years(ctx, text)), ("rank", ranks(ctx, text))):
        for value, start, end in found:
            label = ctx.entity(_nearest(indices, start, end).text, "index").label
            qualifiers.setdefault(label, {}).setdefault(name, value)
    for mention in indices:
        index = ctx.entity(mention.text, "index")
        if index.type != "index":
            continue
        ctx.add("index_inclusion", sentence, subject, index, year=ctx.year_of(text), **qualifiers.pop(index.label, {}))
