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


_BASELINE = re.compile(r"(?:compared (?:with|to)|from|versus|vs\.?|relative to|baseline|base year|levels?)\s+(?:the\s+)?(?:year\s+)?$", re.I)


def _year_of_quantity(text: str, match: re.Match) -> int | None:
    """'... by 1.2 million m3 in 2022' -> 2022; 'compared with 2019' is a baseline, not the year."""
    years = []
    for y in re.finditer(r"(?<![\d:/.\-])((?:19|20)\d\d)(?![\d%])", text):
        if _BASELINE.search(text[:y.start()][-30:]):
            continue
        distance = y.start() - match.end() if y.start() >= match.end() else (match.start() - y.end()) + 40
        years.append((distance, int(y.group(1))))
    return min(years)[1] if years else None


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    heads = {h.lower() for h in ctx.lexicon.rules["metric"]["measure_heads"]}
    subject = None
    for m in _pattern(ctx).finditer(text):
        words = m.group("measure").split()
        kept: list[str] = []
        for i in range(len(words) - 1, -1, -1):
            word = words[i]
            if word.lower() in _SKIP_WORDS and not (word.lower() == "and" and i > 0 and words[i - 1].isdigit()):
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
                unit=unit, year=_year_of_quantity(text, m))
