"""metric: a company reports a quantity (value as written, scale words in the unit, year)."""
from __future__ import annotations

import re

from ..extract import DocContext
from ..sentences import Sentence

_SKIP_WORDS = {"the", "a", "an", "and", "or", "its", "our", "their", "of", "by", "provides", "provide", "provided",
               "saves", "save", "saved", "reduced", "reduces", "reduce", "cut", "cuts", "lowered", "achieved", "with",
               "in", "to", "for", "has", "have", "had", "is", "was", "were", "are", "be", "been", "total", "annually",
               "project", "company", "that", "this", "which", "it", "delivers", "delivered", "generates",
               "generated", "yields", "yielded", "brings", "brought", "produces", "produced", "represents",
               "including", "includes", "reached", "reaches", "totals", "recorded", "records", "reported",
               "reports", "posted", "saw", "sees", "means", "equals", "achieves", "achieving", "cutting",
               "reducing", "saving", "lowering", "an", "as", "from", "at", "on"}


def _pattern(ctx: DocContext) -> re.Pattern:
    rules = ctx.lexicon.rules["metric"]
    units = "|".join(re.escape(u) for u in sorted(rules["units"], key=len, reverse=True))
    scales = "|".join(rules["scales"])
    return re.compile(
        rf"(?P<measure>(?:[\w\-]+\s+){{1,5}}?)(?:of|by|to|at|reached|totall?ed|totall?ing|was|were|amounting to)\s+"
        rf"(?:about|approximately|around|more than|over|nearly|almost|up to|some|roughly)?\s*"
        rf"(?P<value>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>(?:{scales})\s+)?(?P<unit>{units})(?![\w])", re.I)


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    heads = {h.lower() for h in ctx.lexicon.rules["metric"]["measure_heads"]}
    subject = None
    for m in _pattern(ctx).finditer(text):
        words = m.group("measure").split()
        kept: list[str] = []
        for word in reversed(words):
            if word.lower() in _SKIP_WORDS:
                break
            kept.insert(0, word)
        if not kept or not any(w.lower().strip(",") in heads for w in kept):
            continue
        subject = subject or ctx.subject_for(sentence, before=m.start("measure") + 1)
        if subject is None:
            return
        unit = ((m.group("scale") or "") + m.group("unit")).strip()
        value = float(m.group("value").replace(",", ""))
        metric = ctx.entity(" ".join(kept), "metric")
        metric.type = "metric"
        ctx.add("metric", sentence, subject, metric, value=int(value) if value.is_integer() else value,
                unit=unit, year=ctx.year_of(text, default_to_release=False))
