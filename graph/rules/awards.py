"""award: a company received an award (year, level, conferring body)."""
from __future__ import annotations

import re

from ..extract import DocContext
from ..sentences import Sentence

_LOWER_HEAD = re.compile(r"^\s+(award|awards|prize|medal|honou?r)\b")
_AT_VENUE = re.compile(r"\b(?:at|during|(?:honou?red|recogni[sz]ed|awarded) in)\s+(?:the\s+)?(?:(?:19|20)\d\d\s+|\d+(?:st|nd|rd|th)\s+)?$")
_CONFERRER_NOUNS = r"(?:\s+(?:magazine|newspaper|foundation|association|institute|ministry|council|government|group|society|media))?"


def _award_names(ctx: DocContext, sentence: Sentence):
    """Award mentions, including 'Benchmark Enterprise award' style names with a lower-case head."""
    for mention in ctx.mentions(sentence):
        if mention.type == "award":
            yield mention.start, mention.end, mention.text
        elif mention.type is None:
            tail = _LOWER_HEAD.match(sentence.text[mention.end:])
            if tail:
                yield mention.start, mention.end + tail.end(), sentence.text[mention.start:mention.end + tail.end()]


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    level_sentence = ctx.lexicon.rule("award", "level_sentence").search(text)
    previous = ctx.last_fact("award", sentence, sentences_back=2)
    # "ASE was accorded the Benchmark Enterprise award": a tier of the award just named (a named
    # award would have a capitalised head, 'the Green Factory Award')
    if level_sentence and level_sentence.group(0).split()[-1][0].islower() and previous is not None \
            and "level" not in previous.qualifiers:
        previous.qualifiers["level"] = level_sentence.group(1).strip()
        return
    verbs = ctx.lexicon.rule("award", "verbs")
    if not verbs.search(text):
        return
    names = list(_award_names(ctx, sentence))
    tiers = [n for n in names if re.fullmatch(ctx.lexicon.rules["award"]["level_pattern"], n[2], re.I)]
    if len(tiers) < len(names):  # "won the Grand Prize at the X Award": the prize is a tier of X
        names = [n for n in names if n not in tiers]
    # "won the Green Leadership Award at the Asia Enterprise Awards": the ceremony is not won
    venues = [n for n in names if _AT_VENUE.search(text[:n[0]])]
    if venues and len(venues) < len(names) and not tiers:
        names = [n for n in names if n not in venues]
    for start, end, name in names:
        # a quoted name is the award's own ("'Golden Peacock Award'"), tier words included
        name, level = (name, None) if text[start - 1:start] in "'\"‘“" and start else _split_level(ctx, name)
        if _LOWER_HEAD.match(" " + name.lower()) and len(name.split()) == 1:
            continue  # "a Gold medal": a tier of something named elsewhere (a rating), not an award
        possessor = _possessor(ctx, sentence, start)
        conferrer = None
        if possessor:
            owner, owner_level = _split_level(ctx, possessor)
            level = level or owner_level
            if owner in ctx.lexicon.rules["person_titles"]:
                name = f"{owner}'s {name}"
            else:
                conferrer = owner
        subject = ctx.subject_for(sentence, before=None)
        if subject is None:
            continue
        conferrer = conferrer or _conferrer(ctx, sentence, start, end, name, subject)
        award = ctx.entity(_strip_ordinal(name), "award")
        award.type = "award"
        level = level or _level(ctx, sentence, (start, end)) or (tiers[0][2] if tiers and tiers[0] not in names else None)
        ctx.add("award", sentence, subject, award,
                year=ctx.year_of(text), level=level,
                awarded_by=ctx.entity(conferrer).label if conferrer else None)


def _possessor(ctx: DocContext, sentence: Sentence, start: int) -> str | None:
    """Who owns an award by name: "the Ministry of Labor of Taiwan's X Award", "CommonWealth magazine's"."""
    text = sentence.text
    apostrophe = re.search(r"['’]s\s*$", text[:start])
    if not apostrophe:
        return None
    mentions = ctx.mentions(sentence)
    for mention in mentions:
        if mention.end == apostrophe.start() and mention.type != "place":
            bodies = [m for m in mentions if m.type in ("agency", "organization")]
            return _unit_of(text, bodies, mention).text
    named = re.search(r"([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*" + _CONFERRER_NOUNS + r")['’]s\s*$", text[:start])
    return named.group(1) if named else None


def _strip_ordinal(name: str) -> str:
    return re.sub(r"^(?:\d+(?:st|nd|rd|th)\s+|(?:19|20)\d\d\s+)", "", name)


def _split_level(ctx: DocContext, name: str):
    """'Gold Medal Governor's ... award': a tier at the front of a name is the level, not the name."""
    m = re.match(ctx.lexicon.rules["award"]["level_pattern"] + r"\s+", name, re.I)
    if m and len(name) > m.end():
        return name[m.end():], m.group().strip()
    return name, None


def _level(ctx: DocContext, sentence: Sentence, own: tuple[int, int]) -> str | None:
    """A tier stated in the sentence: 'first prize', 'Outstanding Enterprise honors', 'in the X category'
    (not one inside another award's name: 'the Report Platinum Award and the Climate Award')."""
    text = sentence.text
    names = [(m.start, m.end) for m in ctx.mentions(sentence)
             if m.type not in ("award", None) or m.type == "award" and (m.start, m.end) != own
             and not (m.start <= own[0] and own[1] <= m.end)]
    for m in re.finditer(r"\b" + ctx.lexicon.rules["award"]["level_pattern"] + r"\b", text, re.I):
        if not any(s <= m.start() < e for s, e in names):  # "Silver" in "Silver Creek Inc." is a name
            return m.group()
    named = re.search(ctx.lexicon.rules["award"]["level_names"], text)
    if named:
        return named.group(1)
    category = re.search(r"in the [\"“‘']?([A-Z][^\"”’']{2,60})[\"”’']? category", text)
    return category.group(1) if category else None


def _unit_of(text: str, bodies, body):
    """'the Industrial Development Bureau of the Ministry of ...': the bureau, not its ministry."""
    for b in bodies:
        if b.end <= body.start and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[b.end:body.start]):
            return b
    return body


def _conferrer(ctx: DocContext, sentence: Sentence, start: int, end: int, award_name: str,
               recipient) -> str | None:
    """The body conferring an award: 'from/by the X', 'X presented ...', or the body in its name."""
    text = sentence.text
    bodies = [m for m in ctx.mentions(sentence) if not (start <= m.start < end) and (
        m.type in ("agency", "organization")
        # "Volantis Motors presented it with its Supplier Award": a customer's award
        or m.type == "company" and ctx.entity(m.text, "company") is not recipient
        # "organized by the Corporate Citizenship Review": the cue says it is a body
        or m.type is None and re.search(r"\b(?:organi[sz]ed|hosted|presented|given|conferred|awarded|sponsored|run)\s+by\s+(?:the\s+)?$",
                                        text[max(0, m.start - 30):m.start]))]
    for m in bodies:
        cue = text[max(0, m.start - 30):m.start].lower()
        if re.search(r"\b(?:from|by|of)\s+(?:the\s+)?(?:\w+(?:['’]s)?\s+)?$", cue):
            return _unit_of(text, bodies, m).text
    for m in bodies:
        if m.end <= start and re.search(r"^\s*(?:\([A-Z]+\)\s*)?(?:also\s+|today\s+|recently\s+)?"
                                         r"(?:presented|gave|conferred|awarded|granted|honou?red|selected|named)",
                                         text[m.end:]):
            return _unit_of(text, bodies, m).text
    heads = ctx.lexicon.rules["type_heads"]
    org_heads = set(heads["organization"]) | set(heads["agency"])
    words = award_name.split()
    for i, word in enumerate(words[:-1]):
        if word in org_heads and i > 0:
            return " ".join(words[: i + 1])
    return None
