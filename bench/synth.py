#!/usr/bin/env python3
"""Seeded generator of synthetic ESG press releases with gold facts, for the benchmarks.

Each release is plain text shaped like a real one (headline, optional date line, a dateline lead,
executive quotes, themed paragraphs, "About" boilerplate, forward-looking statements) about an
invented company, and comes with ``<id>.facts.jsonl``: its gold facts in the format of
``../shared/corpus/FORMAT.md``, each with ``evidence`` = the exact sentence written into the text.
About one release in ten is a negative: no ESG facts at all.

Sentence templates and names live in ``synth_vocab.json`` (benchmark data, not the product
gazetteer). A template states a qualifier exactly when it uses that qualifier's placeholder, so
the gold facts follow from the templates rather than from a second hand-kept list.

Release ``i`` of seed ``s`` depends only on ``(s, i)``: the same seed gives byte-identical files,
and a 1k corpus is the first 1k releases of the 10k corpus. Standard library only.

    python -m esgkg.bench.synth --count 1000 --seed 7 --out bench/out/synth-1k
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import string
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

VOCAB_PATH = Path(__file__).with_name("synth_vocab.json")

# FORMAT.md: each kind's qualifiers, in the order they are written.
KIND_QUALIFIERS = {
    "award": ("year", "level", "awarded_by"),
    "certification": ("status",),
    "membership": ("since",),
    "index_inclusion": ("year", "consecutive_years", "rank"),
    "standard_adoption": (),
    "program": ("since", "location"),
    "part_of": (),
    "located_in": (),
    "metric": ("value", "unit", "year"),
}
FACT_KINDS = tuple(KIND_QUALIFIERS)
NEGATIVE_RATE = 0.1

# How often each kind is drawn for the headline and for the further facts of a release.
HEADLINE_WEIGHTS = {"award": 30, "certification": 18, "membership": 12, "index_inclusion": 22,
                    "program": 8, "metric": 8, "standard_adoption": 2}
SECONDARY_WEIGHTS = {"award": 10, "certification": 20, "membership": 12, "index_inclusion": 12,
                     "standard_adoption": 10, "program": 16, "part_of": 6, "metric": 22}
CERT_STATUS_WEIGHTS = {"held": 45, "in_progress": 20, "planned": 15, "renewed": 20}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec."]
ORDINAL_WORDS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"]
# Words that may open a template and read as lower case after "announced that".
LOWERABLE_OPENERS = {"The", "This", "For", "In", "Since", "All", "Through", "During", "It", "Its"}

_FORMATTER = string.Formatter()
_FIELDS_CACHE: dict[str, frozenset] = {}


def template_fields(template: str) -> frozenset:
    """The placeholder names a template uses (cached: templates are parsed once)."""
    found = _FIELDS_CACHE.get(template)
    if found is None:
        found = frozenset(name for _, name, _, _ in _FORMATTER.parse(template) if name)
        _FIELDS_CACHE[template] = found
    return found


class _Random(random.Random):
    """random.Random with cheaper choice/randint (one float each): generation is dominated by
    these draws. Still a pure function of the seed."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))


def load_vocab(path: Path = VOCAB_PATH) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def strip_article(mention: str) -> str:
    return mention[4:] if mention.startswith("the ") else mention


def a_or_an(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def weighted(rng: random.Random, weights: dict) -> str:
    return rng.choices(tuple(weights), cum_weights=_cumulative(weights))[0]


_CUM_CACHE: dict[int, list] = {}


def _cumulative(weights: dict) -> list:
    found = _CUM_CACHE.get(id(weights))
    if found is None:
        found = _CUM_CACHE[id(weights)] = list(itertools.accumulate(weights.values()))
    return found


def join_names(rng: random.Random, names: list[str]) -> str:
    if len(names) == 2:
        return f"{names[0]} {rng.choice(['and', '&'])} {names[1]}"
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass
class Company:
    """An invented company and the ways a release may name it."""

    full: str            # "Norvane Microsystems Inc." -- the gold subject
    short: str           # "Norvane Microsystems"
    abbr: str            # "NVM" -- the name used after the first mention
    root: str            # "Norvane"
    intro: str           # first mention, e.g. "Norvane Microsystems Inc. (NVM)"
    aliases: list[str]
    sector: str
    desc: str
    hq: dict
    exchange: str
    founded: int


@dataclass
class Release:
    doc_id: str
    text: str
    facts: list[dict]
    negative: bool = False


@dataclass
class _Builder:
    """Accumulates the blocks (title, headings, paragraphs) and the gold facts of one release."""

    rng: random.Random
    vocab: dict
    doc_id: str
    company: Company
    year: int
    apostrophe: str
    blocks: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    _keys: dict = field(default_factory=dict)
    stated: set = field(default_factory=set)  # (kind, object) pairs already in the text
    used_fillers: set = field(default_factory=set)

    # ---- text ----
    def say(self, sentence: str, facts=()) -> None:
        """Add a sentence to the current paragraph; its facts get it, verbatim, as evidence."""
        if self.apostrophe != "'":
            sentence = sentence.replace("'", self.apostrophe)
        self.sentences.append(sentence)
        for fact in facts:
            fact["evidence"] = sentence
            self._add_fact(fact)

    def block(self, text: str) -> None:
        """A stand-alone line: title, date line, heading, contact line."""
        self.paragraph()
        if self.apostrophe != "'":
            text = text.replace("'", self.apostrophe)
        self.blocks.append(text)

    def paragraph(self) -> None:
        if self.sentences:
            self.blocks.append(" ".join(self.sentences))
            self.sentences = []

    def text(self) -> str:
        self.paragraph()
        return "\n\n".join(self.blocks) + "\n"

    def fresh(self, pool: list[str]) -> str | None:
        """A filler sentence or heading not yet used in this release (None when all are)."""
        unused = [item for item in pool if item not in self.used_fillers]
        if not unused:
            return None
        choice = self.rng.choice(unused)
        self.used_fillers.add(choice)
        return choice

    # ---- facts ----
    def _add_fact(self, fact: dict) -> None:
        """One gold fact per (kind, subject, object, qualifiers): the text may state it twice.

        A fact stated as optional and later as required (e.g. a program's city that the About
        paragraph then gives as the seat) becomes required."""
        quals = tuple(tuple(x) if isinstance(x, list) else x
                      for x in (fact.get(q) for q in KIND_QUALIFIERS[fact["kind"]]))
        key = (fact["kind"], fact["subject"], fact["object"], quals)
        index = self._keys.get(key)
        self.stated.add((fact["kind"], fact["object"]))
        if index is None:
            self._keys[key] = len(self.facts)
            self.facts.append(fact)
        elif self.facts[index].get("optional") and not fact.get("optional"):
            self.facts[index] = fact

    def fact(self, kind: str, obj: str, obj_aliases=(), quals=None, subject=None,
             subject_aliases=None, optional=False) -> dict:
        """A gold fact in FORMAT.md field order (evidence is set by ``say``)."""
        record = {"document": self.doc_id, "kind": kind}
        record["subject"] = subject or self.company.full
        aliases = self.company.aliases if subject is None else (subject_aliases or [])
        if aliases:
            record["subject_aliases"] = list(aliases)
        record["object"] = obj
        obj_aliases = [a for a in dict.fromkeys(obj_aliases) if a and a != obj]
        if obj_aliases:
            record["object_aliases"] = obj_aliases
        for name in KIND_QUALIFIERS[kind]:
            if quals and quals.get(name) is not None:
                record[name] = quals[name]
        if optional:
            record["optional"] = True
        return record

    # ---- naming the company after its first mention ----
    def ref(self, initial: bool) -> str:
        c, r = self.company, self.rng.random()
        name = c.abbr if r < 0.55 else c.short if r < 0.75 else "the company"
        return capfirst(name) if initial else name

    def poss(self, initial: bool) -> str:
        name = self.ref(initial)
        return ("Its" if initial else "its") if name.lower() == "the company" and self.rng.random() < 0.3 \
            else name + "'s"

    def subject_values(self) -> dict:
        return {"S": self.ref(True), "s": self.ref(False),
                "S_poss": self.poss(True), "s_poss": self.poss(False)}


def render(template: str, values: dict, qualifier_slots: dict) -> tuple[str, dict]:
    """Fill a template; return the sentence and the qualifiers its placeholders state.

    ``qualifier_slots`` maps a placeholder to (qualifier, value): a qualifier is stated exactly
    when its placeholder occurs in the template."""
    fields = template_fields(template)
    sentence = template.format_map({k: v for k, v in values.items() if k in fields})
    quals = {}
    for slot, (name, value) in qualifier_slots.items():
        if slot in fields:
            quals[name] = value
    return capfirst(sentence), quals


# ---------------------------------------------------------------------------------------------
# Companies, dates, places

def make_company(rng: random.Random, vocab: dict) -> Company:
    cv = vocab["company"]
    if rng.random() < 0.8:
        start, end = rng.choice(cv["syllables_start"]), rng.choice(cv["syllables_end"])
        root, root_initials = start + end, start[0] + end[0].upper()
    else:
        root = rng.choice(cv["two_word_roots"])
        root_initials = "".join(w[0] for w in root.split())
    industry = rng.choice(cv["industries"])
    suffix = rng.choice(cv["suffixes"])
    short = f"{root} {industry['word']}"
    full = f"{short} {suffix}"
    abbr = root_initials + "".join(w[0] for w in industry["word"].split())
    exchange = rng.choice(cv["exchanges"])
    ticker = str(rng.randint(1101, 9989)) if exchange in {"TWSE", "TSE", "KRX", "HKEX"} \
        else (abbr + rng.choice("XYZ"))[:4]
    style = rng.random()
    if style < 0.45:
        intro = f"{full} ({abbr})"
    elif style < 0.58:
        intro = f"{full} ({exchange}: {ticker}) (\u201c{abbr}\u201d)"
    elif style < 0.65:  # dual listing, as many Asian issuers have
        other = rng.choice([e for e in cv["exchanges"] if e != exchange])
        intro = f"{full} ({other}: {abbr}; {exchange}: {ticker}) (\u201c{abbr}\u201d or \u201cthe Company\u201d)"
    elif style < 0.85:
        abbr = root
        intro = f"{full} (\u201c{root}\u201d or \u201cthe Company\u201d)"
    else:
        abbr = short
        intro = f"{full} ({exchange}: {ticker})"
    aliases = list(dict.fromkeys(a for a in (abbr, short, root) if a != full))
    return Company(full=full, short=short, abbr=abbr, root=root, intro=intro, aliases=aliases,
                   sector=industry["sector"], desc=rng.choice(industry["desc"]),
                   hq=rng.choice(vocab["places"]), exchange=exchange,
                   founded=rng.randint(1950, 2012))


def place_full(place: dict) -> str:
    return place["city"] if place["city"] == place["country"] else f"{place['city']}, {place['country']}"


def dateline(rng: random.Random, vocab: dict, place: dict, year: int, month: int, day: int) -> str:
    city, country = place["city"], place["country"]
    long_date = f"{MONTHS[month - 1]} {day}, {year}"
    wire = rng.choice(vocab["wires"])
    where = city if city == country else f"{city}, {country}"
    style = rng.randrange(6)
    if style == 0:
        loc = city.upper() if city == country else f"{city.upper()}, {country}"
        return f"{loc}, {long_date} /{wire}/ -- "
    if style == 1:
        return f"{city.upper()}, {MONTH_ABBR[month - 1]} {day}, {year} /{wire}/ -- "
    if style == 2:
        return f"{where}. {long_date}. "
    if style == 3:
        return f"({where} \u2013 {long_date}) "
    if style == 4:
        return f"{where} ({long_date}) \u2013 "
    return f"{city.upper()}, {long_date} \u2014 "


# ---------------------------------------------------------------------------------------------
# One function per fact kind: each returns (template, values, qualifier slots, facts factory,
# title values). The caller decides how the subject is named (lead sentence or later one).

def _award(b: _Builder):
    rng, v, year = b.rng, b.vocab, b.year
    award = rng.choice(v["awards"])
    award_year = year if rng.random() < 0.85 else year - 1
    level = rng.choice(v["award_levels"])
    extra: list[dict] = []
    kind = rng.random()
    if kind < 0.5:
        body = rng.choice(v["award_bodies"])
        name = body["name"]
        mention = f"the {name} ({body['abbr']})" if body.get("abbr") and rng.random() < 0.5 else f"the {name}"
        awarded_by = [name, body["abbr"]] if body.get("abbr") else name
    else:
        ministry = rng.choice(v["ministries"])
        country = rng.choice(v["ministry_countries"]) if rng.random() < 0.8 else None
        mname = ministry["name"]
        if country:
            mform = rng.choice([f"{country}'s {mname}", f"the {country} {mname}", f"the {mname} of {country}"])
        else:
            mform = f"the {mname}"
        if kind < 0.75:
            mention, awarded_by = mform, mname
        else:
            agency = rng.choice(ministry["agencies"])
            if mform.startswith("the "):
                mention = rng.choice([f"the {agency} under {mform}", f"the {agency} of {mform}"])
            else:
                mention = f"the {agency} of {mform}"
            awarded_by = [agency, mname]
            extra.append(lambda: b.fact("part_of", mname, subject=agency))
        if country:
            extra.append(lambda: b.fact("located_in", country, subject=mname,
                                        subject_aliases=[f"{country} {mname}"]))
    nth = ordinal(rng.randint(5, 30))
    values = {"award": award, "year": award_year, "level": level, "body": mention,
              "Body": capfirst(mention), "body_poss": mention + "'s", "nth": nth,
              "this_year": "this year", "event_city": rng.choice(v["places"])["city"],
              "reason": rng.choice(v["award_reasons"])}
    slots = {"year": ("year", award_year), "this_year": ("year", year), "level": ("level", level),
             "body": ("awarded_by", awarded_by), "Body": ("awarded_by", awarded_by),
             "body_poss": ("awarded_by", awarded_by)}
    template = rng.choice(v["templates"]["award"])

    def facts(quals):
        aliases = [f"{award_year} {award}"] if "year" in template_fields(template) else []
        if "nth" in template_fields(template):
            aliases.append(f"{nth} {award}")
        mentioned_body = slots["body"][0] in quals
        return [b.fact("award", award, aliases, quals)] + ([f() for f in extra] if mentioned_body else [])
    title = {"award": award}
    if "year" in template_fields(template):  # the headline repeats only what the text says
        title["year"] = award_year
    return template, values, slots, facts, title


def _certification(b: _Builder):
    rng, v = b.rng, b.vocab
    status = weighted(rng, CERT_STATUS_WEIGHTS)
    template = rng.choice(v["templates"]["certification"][status])
    count = rng.choice([2, 2, 3]) if "certs" in template_fields(template) else 1
    chosen = rng.sample(v["certifications"], count)
    written = []
    for cert in chosen:
        use_version = cert["versions"] and rng.random() < 0.35
        written.append((rng.choice(cert["versions"]) if use_version else cert["name"], cert["name"]))
    values = {"cert": written[0][0], "certs": join_names(rng, [w for w, _ in written]),
              "site": rng.choice(v["sites"]), "certifier": rng.choice(v["certifiers"]),
              "future_year": b.year + rng.randint(1, 3), "topic": chosen[0]["topic"],
              "this_year": "this year"}

    def facts(quals):
        return [b.fact("certification", w, [n], {"status": status}) for w, n in written]
    return template, values, {}, facts, {"cert": written[0][1], "status": status}


def _membership(b: _Builder):
    rng, v = b.rng, b.vocab
    init = rng.choice(v["initiatives"])
    since = b.year - rng.randint(1, 15)
    template = rng.choice(v["templates"]["membership"])
    values = {"init": rng.choice(init["mentions"]), "since": since,
              "commitment": rng.choice(v["commitments"]),
              "joined_now": rng.choice(["", " this year", " today"])}
    slots = {"since": ("since", since)}
    if values["joined_now"]:  # "joined ... this year / today": the release's year
        slots["joined_now"] = ("since", b.year)
    aliases = [init.get("abbr", "")] + init.get("aliases", [])

    def facts(quals):
        return [b.fact("membership", init["name"], aliases, quals)]
    return template, values, slots, facts, {"init_name": init.get("abbr") or init["name"]}


def _index_inclusion(b: _Builder):
    rng, v, year = b.rng, b.vocab, b.year
    index = rng.choice(v["indices"])
    style = index["style"]
    templates = v["templates"]["index"][style]
    if style == "index" and not index.get("ranked"):
        templates = [t for t in templates if "rank" not in template_fields(t)]
    template = rng.choice(templates)
    n = rng.randint(2, 15)
    mention = rng.choice(index["mentions"])
    rank_text, rank_value = "", None
    if style == "index":
        rank = rng.choice(v["index_ranks"])
        rank_text, rank_value = rank["text"], rank["values"]
    elif index.get("ranks"):
        rank = rng.choice(index["ranks"])
        if isinstance(rank, dict):
            rank_text, rank_value = rank["text"], rank["values"]
        else:
            rank_text = rank_value = rank
    values = {"index": mention, "Index": capfirst(mention), "index_bare": strip_article(mention),
              "year": year, "this_year": "this year", "nth": ordinal(n) if rng.random() < 0.6 else ORDINAL_WORDS[n],
              "n_word": NUMBER_WORDS[n] if rng.random() < 0.6 else str(n), "rank": rank_text,
              "a_rank": a_or_an(rank_text) if rank_text else "",
              "sector": v["company"]["sector_names"][b.company.sector],
              "theme": index.get("theme", ""), "theme_title": index.get("theme", "").title()}
    slots = {"year": ("year", year), "this_year": ("year", year), "nth": ("consecutive_years", n),
             "n_word": ("consecutive_years", n), "rank": ("rank", rank_value),
             "a_rank": ("rank", rank_value),
             # "named to CDP's ... A List" states the A grade without a rank placeholder
             "theme_title": ("rank", "A")}

    def facts(quals):
        out = [b.fact("index_inclusion", index["name"], index.get("aliases", []), quals)]
        if style == "medal" and "medal" in template:  # an EcoVadis medal reads as an award too
            out.append(b.fact("award", "EcoVadis medal", ["EcoVadis", f"EcoVadis {rank_text} medal"],
                              {"level": rank_text}, optional=True))
        return out
    return template, values, slots, facts, {"index_name": index.get("aliases", [index["name"]])[0]
                                            if style == "index" else index["name"]}


def _standard_adoption(b: _Builder):
    rng, v = b.rng, b.vocab
    std = rng.choice(v["standards"])
    template = rng.choice(v["templates"]["standard_adoption"][std["kind"]])
    values = {"std": rng.choice(std["mentions"])}
    aliases = [std.get("abbr", "")] + std.get("aliases", [])

    def facts(quals):
        return [b.fact("standard_adoption", std["name"], aliases)]
    return template, values, {}, facts, {}


def _program(b: _Builder):
    rng, v = b.rng, b.vocab
    program = rng.choice(v["programs"])
    since = b.year - rng.randint(1, 20)
    place = b.company.hq if rng.random() < 0.6 else rng.choice(v["places"])
    full = place_full(place)
    template = rng.choice(v["templates"]["program"])
    values = {"program": program["name"], "a_program": a_or_an(program["name"]), "since": since,
              "location": place["city"], "location_full": full, "purpose": program["purpose"]}
    location_value = place["city"] if full == place["city"] else [place["city"], full]
    slots = {"since": ("since", since), "location": ("location", location_value),
             "location_full": ("location", location_value)}

    def facts(quals):
        out = [b.fact("program", program["name"], [], quals)]
        if "location" in quals:  # a site in a city: an annotator may read a location fact
            out.append(b.fact("located_in", place["city"], [full], optional=True))
        return out
    return template, values, slots, facts, {}


def _part_of(b: _Builder):
    rng, v, c = b.rng, b.vocab, b.company
    word = rng.choice(v["company"]["subsidiary_words"])
    sub_short = f"{c.root} {word}"
    sub = f"{sub_short} {rng.choice(v['company']['suffixes'])}"
    template = rng.choice(v["templates"]["part_of"])
    values = {"sub": sub, "role": rng.choice(v["company"]["subsidiary_roles"]),
              "parent_short": c.short}

    def facts(quals):
        return [b.fact("part_of", c.full, c.aliases, subject=sub, subject_aliases=[sub_short])]
    return template, values, {}, facts, {}


def _number(rng: random.Random, low: float, high: float, decimals: int) -> tuple[str, float | int]:
    """A quantity as written and as the gold value (commas dropped, as FORMAT.md asks)."""
    if decimals == 0:
        value = rng.randint(int(low), int(high))
        return (f"{value:,}" if value >= 1000 and rng.random() < 0.85 else str(value)), value
    value = round(rng.uniform(low, high), decimals)
    written = f"{value:.{decimals}f}"
    return written, float(written)


def _quantity(rng: random.Random, metric: dict) -> tuple[str, float | int]:
    written, value = _number(rng, *metric["range"], rng.choice(metric.get("decimals", [0])))
    if metric["unit"] == "percent":
        return written + rng.choice(["%", "%", " percent"]), value
    return f"{written} {metric['unit']}", value


def _metric(b: _Builder):
    rng, v = b.rng, b.vocab
    report_year = b.year - 1 if rng.random() < 0.7 else b.year
    pair = rng.random() < 0.3
    chosen = rng.sample(v["metrics"], 2 if pair else 1)
    template = rng.choice(v["metric_pair_frames"] if pair else v["metric_frames"])
    clauses, measured = [], []
    for metric in chosen:
        written, value = _quantity(rng, metric)
        clauses.append(rng.choice(metric["clauses"]).format(value=written))
        measured.append((metric, value))
    values = {"clause": clauses[0], "clause2": clauses[-1], "year": report_year}

    def facts(quals):
        return [b.fact("metric", m["object"], m["aliases"],
                       {"value": value, "unit": m["unit"], "year": quals.get("year")})
                for m, value in measured]
    return template, values, {"year": ("year", report_year)}, facts, {"year": report_year}


KIND_BUILDERS = {"award": _award, "certification": _certification, "membership": _membership,
                 "index_inclusion": _index_inclusion, "standard_adoption": _standard_adoption,
                 "program": _program, "part_of": _part_of, "metric": _metric}


def state_fact(b: _Builder, kind: str, values_for_subject: dict | None = None):
    """Render one fact-bearing sentence of ``kind``; return (sentence, facts, title values).

    A release states each (kind, object) once: a draw that repeats one is drawn again."""
    for _ in range(6):
        template, values, slots, make_facts, title_values = KIND_BUILDERS[kind](b)
        values.update(values_for_subject or b.subject_values())
        sentence, quals = render(template, values, slots)
        facts = make_facts(quals)
        if not any((f["kind"], f["object"]) in b.stated for f in facts if f["kind"] == kind):
            break
    return sentence, facts, title_values, template


# ---------------------------------------------------------------------------------------------
# Whole releases

def _lead(b: _Builder, kind: str, date_prefix: str):
    """The first sentence: dateline, the company's full introduction and the headline fact."""
    c, rng = b.company, b.rng
    announce = f"{c.intro} {rng.choice(b.vocab['announce'])} "
    mode = rng.random()
    state = rng.getstate()
    template = KIND_BUILDERS[kind](b)[0]  # peek at the template to pick a fitting lead form
    rng.setstate(state)  # so that state_fact below draws the same template
    later = {"s": c.abbr, "S_poss": c.abbr + "'s", "s_poss": c.abbr + "'s", "S": c.abbr}
    if not template.startswith("{S} "):
        prefix, subject = announce, dict(later, S_poss="its")
    elif mode < 0.45:
        prefix, subject = announce, dict(later, S="it")
    elif mode < 0.75:
        prefix, subject = "", dict(later, S=f"{c.intro}, a leading {c.desc},")
    else:
        prefix, subject = "", dict(later, S=c.intro)
    sentence, facts, title_values, _ = state_fact(b, kind, subject)
    if prefix and sentence.split(" ", 1)[0] in LOWERABLE_OPENERS:
        sentence = sentence[:1].lower() + sentence[1:]
    return date_prefix + prefix + sentence, facts, title_values


def _title(b: _Builder, kind: str, title_values: dict) -> str:
    key = kind
    if kind == "certification":
        status = title_values.get("status")
        key = "certification_held" if status == "held" else \
            "certification_renewed" if status == "renewed" else "certification_other"
    values = {"short": b.company.short if b.rng.random() < 0.5 else b.company.root, **title_values}
    options = [t for t in b.vocab["titles"][key] if template_fields(t) <= values.keys()]
    return b.rng.choice(options).format_map(values)


def _quote(b: _Builder, recognition: bool) -> None:
    """An executive's quote: thanks for a recognition, or general words (never a fact)."""
    v, rng = b.vocab, b.rng
    person = f"{rng.choice(v['people']['first'])} {rng.choice(v['people']['last'])}"
    frame = rng.choice(v["quote_frames"])
    pool = v["quotes"]["recognition" if recognition else "general"]
    quote = b.fresh(pool) or rng.choice(pool)
    if frame.startswith("\u201c{quote},\u201d"):
        quote = quote[:-1]
    values = {"quote": quote, "person": person, "title": rng.choice(v["people"]["titles"]),
              "s": b.company.abbr, "s_poss": b.company.abbr + "'s"}
    b.say(frame.format_map(values))
    if rng.random() < 0.6 and (more := b.fresh(v["quotes"]["general"])):
        b.say("\u201c" + more + "\u201d")
    b.paragraph()


def _about(b: _Builder, with_facts: bool) -> None:
    v, rng, c = b.vocab, b.rng, b.company
    b.block(f"About {rng.choice([c.short, c.root, c.full])}")
    full = c.full if rng.random() < 0.6 else c.intro.split(" (")[0]
    b.say(rng.choice(v["about_frames"]).format(full=full, desc=c.desc, a_desc=a_or_an(c.desc),
                                                    founded=c.founded))
    if with_facts and rng.random() < 0.7:
        b.say(rng.choice(v["about_hq"]).format(hq_full=place_full(c.hq)),
              [b.fact("located_in", c.hq["city"], [place_full(c.hq)])])
    if with_facts and rng.random() < 0.3:
        written, value = _number(rng, 8, 600, 0)
        written, value = f"{value * 100:,}", value * 100
        b.say(v["employees_sentence"].format(value=written),
              [b.fact("metric", "employees", ["employee count", "people"],
                      {"value": value, "unit": "people"}, optional=True)])
    if rng.random() < 0.6:
        b.say(rng.choice(v["about_more"]).format(exchange=c.exchange))
    b.paragraph()


def _closing(b: _Builder) -> None:
    v, rng, c = b.vocab, b.rng, b.company
    if rng.random() < 0.4:
        b.block("Forward-Looking Statements")
        b.block(rng.choice(v["forward_looking"]))
    if rng.random() < 0.5:
        person = f"{rng.choice(v['people']['first'])} {rng.choice(v['people']['last'])}"
        domain = c.root.lower().replace(" ", "") + ".example"
        b.block(f"Media contact: {person}, press@{domain}")


def _date_parts(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2008, 2025), rng.randint(1, 12), rng.randint(1, 28)


def _positive(b: _Builder, month: int, day: int) -> None:
    rng, v, c = b.rng, b.vocab, b.company
    headline = weighted(rng, HEADLINE_WEIGHTS)
    # where the release is dated: usually the seat, sometimes an event or plant city
    at_seat = rng.random() < 0.8
    place = c.hq if at_seat else rng.choice(v["places"])
    prefix = dateline(rng, v, place, b.year, month, day)
    lead, facts, title_values = _lead(b, headline, prefix)
    b.block(_title(b, headline, title_values))
    if rng.random() < 0.4:
        b.block(f"{MONTHS[month - 1]} {day}, {b.year}")
    located = b.fact("located_in", place["city"], [place_full(place)], optional=not at_seat)
    b.say(lead, [located] + facts)
    for _ in range(rng.randint(1, len(v["elaborations"][headline]))):
        b.say(b.fresh(v["elaborations"][headline]))  # the first draws: never exhausted
    if rng.random() < 0.6:
        b.say(b.fresh(v["context"]))
    b.paragraph()
    _quote(b, recognition=headline in ("award", "index_inclusion"))
    kinds = rng.choices(tuple(SECONDARY_WEIGHTS), cum_weights=_cumulative(SECONDARY_WEIGHTS),
                        k=rng.randint(2, 7))
    headings = rng.random() < 0.5
    for i, kind in enumerate(kinds):
        if headings and (i == 0 or rng.random() < 0.35):
            heading = b.fresh(v["headings"][kind])
            if heading:
                b.block(heading)
        sentence, facts, _, _ = state_fact(b, kind)
        b.say(sentence, facts)
        if rng.random() < 0.35 and (filler := b.fresh(v["elaborations"][kind])):
            b.say(filler)
        if rng.random() < 0.15:
            target = rng.choice(v["targets"])
            written, value = _quantity(rng, target)
            target_year = b.year + rng.randint(3, 25)
            b.say(target["frame"].format(S=b.ref(True), value=written, target_year=target_year),
                  [b.fact("metric", target["object"], target["aliases"],
                          {"value": value, "unit": target["unit"], "year": target_year}, optional=True)])
        if rng.random() < 0.5:
            b.paragraph()
        if rng.random() < 0.2 and (filler := b.fresh(v["context"])):
            b.say(filler)
    b.paragraph()
    if rng.random() < 0.6:
        fillers = [b.fresh(v["context"]) for _ in range(rng.randint(2, 3))]
        if any(fillers):
            b.block(" ".join(f for f in fillers if f))
    if rng.random() < 0.4:
        _quote(b, recognition=False)
    _about(b, with_facts=True)
    _closing(b)


def _negative(b: _Builder, month: int, day: int) -> None:
    """A release about something else (product, appointment, meeting): no ESG facts at all."""
    rng, v, c = b.rng, b.vocab, b.company
    nv = v["negative"]
    person = f"{rng.choice(v['people']['first'])} {rng.choice(v['people']['last'])}"
    title_person = rng.choice(v["people"]["titles"])
    product = rng.choice(nv["products"])
    values = {"short": c.short, "product": product, "person": person, "title": title_person}
    b.block(rng.choice(nv["titles"]).format_map(values))
    b.block(f"{MONTHS[month - 1]} {day}, {b.year}")
    b.say(rng.choice(nv["leads"]).format(full=c.intro, announce=rng.choice(v["announce"]),
                                         product_lc=product.lower(), person=person,
                                         title=title_person))
    for sentence in rng.sample(nv["body"], rng.randint(4, 8)):
        b.say(sentence)
        if rng.random() < 0.4:
            b.paragraph()
    b.paragraph()
    _quote(b, recognition=False)
    _about(b, with_facts=False)
    _closing(b)


def generate_release(seed: int, index: int, vocab: dict | None = None,
                     negative_rate: float = NEGATIVE_RATE) -> Release:
    """Release ``index`` of the corpus of ``seed``: a function of (seed, index) only."""
    vocab = vocab or load_vocab()
    rng = _Random(f"esgkg-synth:{seed}:{index}")
    doc_id = f"synth-{seed}-{index:05d}"
    company = make_company(rng, vocab)
    year, month, day = _date_parts(rng)
    b = _Builder(rng=rng, vocab=vocab, doc_id=doc_id, company=company, year=year,
                 apostrophe=rng.choice(["'", "\u2019"]))
    negative = rng.random() < negative_rate
    (_negative if negative else _positive)(b, month, day)
    return Release(doc_id=doc_id, text=b.text(), facts=b.facts, negative=negative)


def _write_range(out: str, seed: int, start: int, stop: int, negative_rate: float) -> dict:
    """Write releases ``start``..``stop``-1 of ``seed``; a worker's share of a corpus."""
    out_dir = Path(out)
    vocab = load_vocab()
    stats = {"releases": 0, "facts": 0, "negatives": 0, "characters": 0}
    for index in range(start, stop):
        release = generate_release(seed, index, vocab, negative_rate)
        (out_dir / f"{release.doc_id}.txt").write_text(release.text, encoding="utf-8")
        lines = "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in release.facts)
        (out_dir / f"{release.doc_id}.facts.jsonl").write_text(lines, encoding="utf-8")
        stats["releases"] += 1
        stats["facts"] += len(release.facts)
        stats["negatives"] += release.negative
        stats["characters"] += len(release.text)
    return stats


def generate_corpus(out: Path, count: int, seed: int, negative_rate: float = NEGATIVE_RATE,
                    jobs: int = 1) -> dict:
    """Write ``count`` releases and their gold facts into ``out``; return counts.

    The files do not depend on ``jobs``: release i is a function of (seed, i) alone."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    jobs = max(1, min(jobs, count // 200 or 1))
    if jobs == 1:
        return _write_range(str(out), seed, 0, count, negative_rate)
    bounds = [count * k // jobs for k in range(jobs + 1)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        parts = list(pool.map(_write_range, [str(out)] * jobs, [seed] * jobs, bounds[:-1],
                              bounds[1:], [negative_rate] * jobs))
    return {key: sum(part[key] for part in parts) for key in parts[0]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=100, help="number of releases (default 100)")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    ap.add_argument("--out", required=True, type=Path, help="directory to write into")
    ap.add_argument("--negative-rate", type=float, default=NEGATIVE_RATE,
                    help=f"share of releases without ESG facts (default {NEGATIVE_RATE})")
    ap.add_argument("--jobs", type=int, default=1,
                    help="worker processes (default 1); the output does not depend on it")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    stats = generate_corpus(args.out, args.count, args.seed, args.negative_rate, args.jobs)
    seconds = time.perf_counter() - start
    avg = stats["characters"] / max(stats["releases"], 1)
    print(f"wrote {stats['releases']} releases ({stats['negatives']} negative, "
          f"{stats['facts']} gold facts, {avg:.0f} chars on average) to {args.out} "
          f"in {seconds:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
