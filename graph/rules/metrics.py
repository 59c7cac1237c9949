"""metric: a company reports a quantity (value as written, scale words in the unit, year).

Two shapes: the measure before the number ('energy savings of 6.6 million kWh', 'cut water
consumption by 12%') and the verb before it ('saved 48.7 million kWh of electricity').
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..extract import YEAR_RE, DocContext
from ..sentences import Sentence

_SKIP_WORDS = {"the", "a", "an", "and", "or", "its", "our", "their", "of", "by", "provides", "provide", "provided",
               "saves", "save", "saved", "reduced", "reduces", "reduce", "cut", "cuts", "lowered", "achieved", "with",
               "in", "to", "for", "has", "have", "had", "is", "was", "were", "are", "be", "been", "total", "annually",
               "project", "company", "that", "this", "which", "it", "delivers", "delivered", "generates",
               "generated", "yields", "yielded", "brings", "brought", "produces", "produced", "represents",
               "including", "includes", "reached", "reaches", "totals", "recorded", "records", "reported",
               "reports", "posted", "saw", "sees", "means", "equals", "achieves", "achieving", "cutting",
               "reducing", "saving", "lowering", "as", "from", "at", "on"}
_APPROX = r"(?:about|approximately|around|more than|over|nearly|almost|up to|some|roughly|an average of|a total of)?\s*"


@lru_cache(maxsize=1)
def _patterns(units_key: tuple, scales_key: tuple, currency: str, verbs: tuple):
    units = "|".join(re.escape(u) for u in sorted(units_key, key=len, reverse=True))
    scales = "|".join(scales_key)
    quantity = (rf"(?:(?P<currency>{currency})\s?(?P<cvalue>\d[\d,]*(?:\.\d+)?)\s*(?P<cscale>(?:{scales})\b)?"
                rf"|(?P<value>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>(?:{scales})\s+)?(?P<unit>{units})(?![\w]))")
    measure_first = re.compile(
        rf"(?P<measure>(?:[\w\-]+\s+){{1,7}}?)(?:of|by|to|at|reached|totall?ed|totall?ing|was|were|amounting to)\s+"
        rf"{_APPROX}{quantity}", re.I)
    verb_first = re.compile(
        rf"\b(?P<verb>{'|'.join(verbs)})\s+{_APPROX}{quantity}"
        rf"(?:\s+of\s+(?P<of>(?:[\w\-]+\s+){{0,3}}?[\w\-]+)(?=\s+(?:in|at|for|from|across|and|through|by|last|this|during|,)|[,.;]|$)"
        rf"|\s+(?:in|to)\s+(?!(?:its|their|our|the|a|an)\b|(?:19|20)\d\d\b)(?P<into>(?:[\w\-]+\s+){{0,2}}?[\w\-]+)(?=[,.;]|\s+(?:in|and|last|this|during)\b|$))?", re.I)
    return measure_first, verb_first


_INDICATIVE = {"uses", "used", "sources", "sourced", "procures", "procured", "purchases", "purchased",
               "reached", "achieved", "powered by"}
_BY_YEAR = re.compile(r"[^.;]{0,40}?\b(?:by|in)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b")
_SHARE_OF_ENERGY = re.compile(
    r"\b(?P<verb>uses?|used|using|sources?|sourced|sourcing|procures?|procured|procuring|purchases?|purchased"
    r"|purchasing|reach(?:ed|ing)?|achiev(?:e|ed|ing)|run (?:on|with)|running (?:on|with)|powered by"
    r"|power (?:\w+\s+){0,2}?(?:with|by)|switch(?:ing)? to|transition(?:ing)? to)\s+" + _APPROX
    + r"(?P<value>\d+(?:\.\d+)?)\s?(?P<unit>%|percent)\s+(?:of\s+(?:its|their|our)\s+)?"
    r"(?P<thing>(?:[\w-]+\s+){0,2}?(?:energy|electricity|power))\b", re.I)
_BASELINE = re.compile(r"(?:compared (?:with|to)|from|since|between|versus|vs\.?|relative to|baseline|base year|levels?)\s+(?:the\s+)?(?:year\s+)?$", re.I)


def _year_of_quantity(text: str, match: re.Match) -> int | None:
    """'... by 1.2 million m3 in 2022' -> 2022; 'compared with 2019' is a baseline, not the year."""
    years = []
    for y in YEAR_RE.finditer(text):
        if _BASELINE.search(text[:y.start()][-30:]):
            continue
        distance = y.start() - match.end() if y.start() >= match.end() else (match.start() - y.end()) + 40
        years.append((distance, int(y.group(1))))
    return min(years)[1] if years else None


def _measure_words(measure: str) -> list[str]:
    words = measure.split()
    kept: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word.lower() in _SKIP_WORDS and not (word.lower() == "and" and i > 0 and words[i - 1].isdigit()):
            break
        kept.insert(0, word)
    return kept


def _quantity(m: re.Match):
    groups = m.groupdict()
    if groups.get("cvalue"):
        value, unit = groups["cvalue"], f"{groups['cscale'] or ''} {groups['currency'].strip()}".strip()
    else:
        value, unit = groups["value"], ((groups.get("scale") or "") + groups["unit"]).strip()
    number = float(value.replace(",", ""))
    return (int(number) if number.is_integer() else number), unit


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    if not re.search(r"\d", text):
        return  # no number, no quantity: skip the costly patterns
    rules = ctx.lexicon.rules["metric"]
    heads = {h.lower() for h in rules["measure_heads"]}
    measure_first, verb_first = _patterns(tuple(rules["units"]), tuple(rules["scales"]), rules["currency_prefix"],
                                          tuple(sorted(rules["verb_nouns"], key=len, reverse=True)))
    found = []
    for m in measure_first.finditer(text):
        kept = _measure_words(m.group("measure"))
        if kept and any(w.lower().strip(",") in heads for w in kept):
            found.append((m, " ".join(kept)))
    for m in verb_first.finditer(text):
        if any(f.start() <= m.start() < f.end() for f, _ in found):
            continue
        thing = re.sub(r"^(?:its|their|our|the)\s+|\s+online$", "", m.group("of") or m.group("into") or "")
        noun = rules["verb_nouns"][m.group("verb").lower()]
        unit = (m.group("unit") or "").lower()
        if thing and unit == "hours":  # "logged 15,416 hours of volunteer service"
            name = f"{thing} hours"
        else:
            # "avoided 18,582 tonnes of CO2e": what is counted is emissions, not tonnes
            thing = thing or ("emissions" if "co2" in unit or "ghg" in unit else m.group("unit") or "")
            name = f"{thing} {noun}".strip() if thing.split()[-1:] != [noun] else thing
        found.append((m, name))
    # "committed to using 100% renewable energy by 2050": a share of energy, stated or aimed at
    # (an aim without a year is a pledge restated in headlines, not a figure)
    for m in _SHARE_OF_ENERGY.finditer(text):
        dated = _BY_YEAR.match(text, m.end()) or m.group("verb").lower() in _INDICATIVE
        if dated and not any(f.start() <= m.start("value") < f.end() for f, _ in found):
            found.append((m, m.group("thing")))
    for m, name in found:
        subject = ctx.subject_for(sentence, before=m.start() + 1)
        if subject is None:
            return
        value, unit = _quantity(m)
        metric = ctx.entity(name, "metric")
        metric.type = "metric"
        ctx.add("metric", sentence, subject, metric, value=value, unit=unit, year=_year_of_quantity(text, m))
