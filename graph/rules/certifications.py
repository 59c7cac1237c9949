"""certification: a company holds, is obtaining, plans or renewed a certified standard."""
from __future__ import annotations

import re

from ..extract import DocContext
from ..sentences import Sentence

# most specific first: "renewed" and "in the process of obtaining" also contain "obtain"-like verbs
STATUS_ORDER = ("renewed", "in_progress", "planned", "held")


def standard_family(code: str) -> str:
    """'ISO 45001:2018' and 'ISO 45001' are one standard; the edition is kept as an alias."""
    return re.sub(r"\s*:\s*\d{4}$", "", code.strip())


def _nearest_status(cues, mention) -> str:
    """The status whose cue stands closest to the standard; a cue before it reads first ('has obtained
    ISO 14001'), one after it second ('ISO 9001, which we renewed'); ties go to the more specific."""
    def distance(item):
        cue, status = item
        gap = mention.start - cue.end() if cue.end() <= mention.start else (cue.start() - mention.end) * 1.5 + 10
        return (max(gap, 0), STATUS_ORDER.index(status))
    return min(cues, key=distance)[1]


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    standards = [m for m in ctx.mentions(sentence) if m.type == "standard"]
    if not standards:
        return
    cues = [(cue, status) for status in STATUS_ORDER
            for cue in ctx.lexicon.rule("certification", status).finditer(text)]
    if not cues:
        return
    refers_to_company = ctx.entities.mentions_main(text) or re.search(
        ctx.lexicon.rules["company_reference"], text, re.I)
    if not refers_to_company:
        return
    for mention in standards:
        # a standard named only as what another one replaces is not held
        if re.search(r"(?:replac\w*|supersed\w*|instead of)\b[^.]{0,80}$", text[:mention.start], re.I):
            continue
        status = _nearest_status(cues, mention)
        subject = ctx.subject_for(sentence, before=mention.start)
        standard = ctx.entity(standard_family(mention.text), "standard")
        standard.type = "standard"
        if mention.text != standard.label:
            standard.aliases.add(mention.text)
        ctx.add("certification", sentence, subject, standard, status=status)
