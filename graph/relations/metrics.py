"""metric: a number bound to the noun it measures. 'energy savings of 6.6 million kilowatt hours'
(the noun the quantity complements), 'a 32% reduction in total GHG emissions' (the noun it
modifies), 'employs 61,000 people' (its own unit noun), 'reduced energy consumption by 5%' (the
verb's object), 'water intensity fell 12%' (a verb of change: its subject), 'lowered X by 8% and
Y by 1.3 million m3' (gapping: the object before each figure), 'fell from A in 2019 to B in 2023'
(both values, each its own year), 'water withdrawal was 12.3 million m3' (a verb of level: its
subject). Value as written, scale words in the unit, the year written after the quantity, else a
'last/this year' dated by the release, else the year of its clause; targets ('aims to cut ... by
2030') are not reported quantities and are left out, nor are conditionals, negations, losses,
financial results, list sizes and counts of nouns that are no ESG figures ('seven plants').
The verbs and words the rule reads are rows of ontology/patterns/metric.jsonl."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.tokens import Token

from ..clauses import clause_years, governing_verb, patterns, year_value
from ..document import DocContext, ParsedSentence
from ..language import language_data, number_value, self_reference_words, site_nouns

NUMBER = re.compile(r"^\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
SKIP_ENTS = ("DATE", "ORDINAL")


@lru_cache(maxsize=1)
def _units() -> list[str]:
    """Unit words, longest first, compared with the text of the tokens after a number."""
    return sorted({u.lower() for u in language_data()["units"] + ["per cent", "percent", "%"]}, key=len, reverse=True)


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    doc = sentence.doc
    targets = _target_cues(doc, ctx.meta.year)
    named_here: list[str] = []  # metric names of this sentence so far
    for token in sentence.tokens:
        value = _value(token)
        if value is None or not _reported(sentence, token, targets):
            continue
        scale, unit, unit_end = _unit(doc, token)
        if not unit:
            scale, unit = _unit_from(doc, token) or (scale, unit)  # 'from 3.1 million tonnes to 2.4 million'
        scored = _score_scale(token)
        if scored:
            unit, unit_end = scored  # 'a score of 78 out of 100', 'its risk score fell to 19.6'
        elif not unit and _rate_of(token):
            unit = ""  # 'the lost-time injury frequency rate dropped to 0.21': a rate has no unit
        elif not unit or _counts_a_list(unit) or "°" in unit or "degree" in unit.lower() or _kind_of(doc, token, unit):
            continue  # '62 companies', 'more than 100 countries': the size of a list, not a company's figure
        measured = _score_name(token) if scored else _name(sentence, token, unit_end)
        if not measured or _negated(token) or _conditional(token) or _in_financial_clause(token):
            continue
        verb = governing_verb(token)
        if verb.pos_ not in ("VERB", "AUX") and verb.dep_ == "appos" and verb.head != verb:
            verb = governing_verb(verb.head)  # '(36%)' after a count: the count's clause
        if _of_others(verb) or _of_the_world(token):
            continue  # '240 businesses switching to 100% renewable power', '30% of the world's emissions'
        measured = _restated(measured, named_here) or measured
        named_here.append(measured)
        obj = ctx.entities.resolve(measured, "metric")
        obj.type = "metric"
        own = _own_year(doc, unit_end)
        years = [own] if own else _relative_year(ctx, verb) or _years(sentence, verb)
        for subject in ctx.subjects(sentence, verb):
            ctx.add(
                "metric",
                sentence,
                subject,
                obj,
                value=value,
                unit=" ".join(p for p in (scale, unit) if p) or None,
                year=years[0] if len(set(years)) == 1 else None,
            )


def _reported(sentence: ParsedSentence, token: Token, targets: set[int]) -> bool:
    """Is the number at TOKEN a reported figure, not a date, an ordinal, a name's, a rank or a target?"""
    doc = sentence.doc
    if token.ent_type_ in SKIP_ENTS and not _percentile(token) and not _score_scale(token):
        return False
    if sentence.mention_at(token) is not None or _denominator(token):
        return False
    if any(a.i in targets for a in (token, *token.ancestors)):
        return False  # 'aims to cut emissions by 30% by 2030': a target, not a reported figure
    if token.i + 1 < len(doc) and doc[token.i + 1].text in ("th", "st", "nd", "rd", "-year", "year"):
        return False
    if _share_of_peers(token) or _ticker(token):
        return False
    if token.i > 0 and doc[token.i - 1].text in DESIGNATION_WORDS:
        return False  # 'the IEnvA Stage 2 certificate', 'Category B Level 3': a designation, no quantity
    if _in_scope_name(doc, token.i):
        return False  # 'Scope 3 emissions', 'Scope 1 and 2', 'Scopes 1, 2 and 3': a name, not a figure
    if token.i > 0 and doc[token.i - 1].lower_ in ("no", "no.", "number", "top", "ranked", "since", "in", "by"):
        after = token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in language_data()["scales"])
        return doc[token.i - 1].lower_ == "by" and _unit_at(doc, after) > after
    return True


def _ticker(number: Token) -> bool:
    """'(HKEX: 2318 / 82318; SSE: 601318)': a stock code after an exchange's name, in brackets."""
    doc = number.doc
    after = doc[number.i + 1].text if number.i + 1 < len(doc) else ""
    if after not in (")", ";", "/", ",", "]"):
        return False
    for i in range(number.i - 1, max(number.i - 8, 0), -1):
        if doc[i].text in ("(", ")", "["):
            break
        if doc[i].text == ":" and doc[i - 1].is_upper and doc[i - 1].is_alpha and len(doc[i - 1]) >= 2:
            return True
    return False


DESIGNATION_WORDS = {"Stage", "Level", "Phase", "Tier", "Category", "Class", "Grade", "Type"}
PEER_NOUNS = {"peer", "competitor", "rival", "company", "participant", "firm"}


def _share_of_peers(number: Token) -> bool:
    """'ahead of 95% of its industry peers', '80% of the companies assessed': a share of others
    places the company among them, it measures nothing of its own."""
    share = number.head if number.dep_ == "nummod" else number
    return any(
        g.lemma_.lower() in PEER_NOUNS and g.tag_ == "NNS"
        for c in share.children
        if c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    )


def _percentile(token: Token) -> bool:
    """'99th percentile': an ordinal that is a figure."""
    doc = token.doc
    return bool(re.fullmatch(r"\d{1,3}(?:st|nd|rd|th)", token.text)) and token.i + 1 < len(doc) and (
        doc[token.i + 1].lower_ == "percentile"
    )


def _bracketed(number: Token, unit_end: int) -> str | None:
    """'CO2 per seat-km (down 12%)', 'Water use (-8%)': a change in brackets after what it measures."""
    doc = number.doc
    start = number.i
    while start > 0 and doc[start - 1].lower_ in ("down", "up", "-", "+", "–", "by"):
        start -= 1
    if start == 0 or doc[start - 1].text != "(" or unit_end >= len(doc) or doc[unit_end].text != ")":
        return None
    bracket = start - 1
    if bracket == 0 or not doc[bracket - 1].is_alpha and not doc[bracket - 1].like_num:
        return None
    noun = doc[bracket - 1]
    while noun.dep_ in ("pobj", "prep", "compound", "amod", "punct", "nummod") and noun.head.i < bracket:
        noun = noun.head
    return doc[noun.left_edge.i : bracket].text if noun.pos_ in ("NOUN", "PROPN") else None


def _percentile_of(percentile: Token) -> str:
    """'a 99th percentile ranking for total sustainability score': the score; else 'percentile ranking'."""
    for token in (percentile, percentile.nbor(1) if percentile.i + 1 < len(percentile.doc) else percentile):
        for prep in (c for c in token.children if c.lower_ in ("for", "in") and c.dep_ == "prep"):
            named = [g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
            if named:
                return _noun_phrase(named[0])
    return "percentile ranking"


def _negated(number: Token) -> bool:
    """'did not reduce emissions by 10%', 'failed to cut ...', 'never exceeded 5%', losses. (Verbs of
    removal are no negation of a figure: 'use dropped by 4.5%', 'removed 3,000 tonnes of CO2'.)"""
    verb = governing_verb(number.head)
    for word in {number.head, verb, verb.head if verb.dep_ == "xcomp" else verb}:
        if any(c.dep_ == "neg" or c.lower_ in ("never", "no", "neither", "nor") for c in word.children):
            return True
    if verb.lemma_ in LOSSES:
        return True  # 'forests have lost 20% of their coverage': a loss, not a company's figure
    return verb.dep_ == "xcomp" and verb.head.lemma_ in LOSSES


LOSSES = ("fail", "lose", "withdraw", "deny", "reject", "revoke", "suspend")


WHOLES_OF_OTHERS = ("world", "country", "nation", "industry", "sector", "region", "planet", "globe", "economy")


def _of_the_world(number: Token) -> bool:
    """'Close to 30% of the world's energy-related CO2 emissions', '9% of the country's power', '15% of
    global emissions': a share of a whole the world, a country or an industry owns is no figure of
    the company."""
    for token in number.head.subtree if number.dep_ == "nummod" else number.subtree:
        if token.dep_ == "poss" and token.lemma_.lower() in WHOLES_OF_OTHERS:
            return True
        if token.dep_ == "amod" and token.lower_ in ("global", "worldwide") and token.head.head.lower_ == "of":
            return True  # '15% of global carbon emissions'
    return False


def _of_others(verb: Token) -> bool:
    """Is VERB's clause about a plural of others ('businesses switching to 100% renewable power',
    'companies that cut emissions by 30%')? Its figures are not the release's organization's."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ in ("acl", "relcl"):
        subject = verb.head
    elif subject is not None and subject.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
        subject = verb.head
    if subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in REPORT_NOUNS:
        return True  # 'The report analyzes the performance of 26 utilities': the rater's count
    return subject is not None and subject.pos_ == "NOUN" and subject.ent_type_ == "" and _counts_a_list(subject.text)


REPORT_NOUNS = {"report", "study", "survey", "assessment", "ranking", "index", "research", "analysis"}


def _in_scope_name(doc, i: int) -> bool:
    """Is the number at I one of a 'Scope 1 and 2' name?"""
    back = i - 1
    while back > max(0, i - 5) and (doc[back].lower_ in ("and", "&", ",", "-", "to", "+") or doc[back].like_num):
        back -= 1
    return back >= 0 and doc[back].lower_ in ("scope", "scopes")


def _conditional(number: Token) -> bool:
    """'the battery would last ten hours', 'if demand rises 5%': a figure in a conditional clause;
    'buildings must attain a score of 80', 'a minimum score of 60 is needed': a requirement.
    ('could cut 2,000 tonnes a year' states a capacity and stays.)"""
    for verb in [a for a in (number, *number.ancestors) if a.pos_ in ("VERB", "AUX")][:2]:
        if any(c.lower_ in CONDITIONAL for c in verb.children if c.dep_ in ("aux", "mark")):
            return True
        if verb.lemma_ in ("need", "require") and any(c.dep_ == "auxpass" for c in verb.children):
            return True
    return False


CONDITIONAL = ("would", "might", "must", "if", "unless", "whether")


RATE_NOUNS = ("rate", "ratio", "intensity", "frequency", "ltifr", "trifr", "ltir", "trir")


def _unit_from(doc, number: Token) -> tuple[str | None, str] | None:
    """The (scale, unit) of the 'from' value when NUMBER is a bare 'to' value: 'fell from 3,100,000
    tonnes in 2010 to 2,400,000 in 2020'."""
    if number.dep_ != "pobj" or number.head.lower_ != "to":
        return None
    for prep in (c for c in number.head.head.children if c.lower_ == "from" and c.i < number.i):
        for pobj in prep.children:
            first = next((t for t in pobj.subtree if t.like_num and _value(t) is not None), None)
            if first is not None:
                scale, unit, _ = _unit(doc, first)
                if unit:
                    return scale, unit
    return None


def _rate_of(number: Token, nouns_of_rate: tuple[str, ...] = RATE_NOUNS) -> bool:
    """A bare number said of a rate: 'the injury frequency rate dropped to 0.21', 'a ratio of 1.4'."""
    if not number.like_num or YEAR_TOKEN.match(number.text):
        return False
    verb = governing_verb(number)
    nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb.pos_ in ("VERB", "AUX") else []
    if number.dep_ == "pobj" and number.head.lower_ == "of":
        nouns.append(number.head.head)  # 'a ratio of 1.4'
    return any(n.lemma_.lower() in nouns_of_rate for n in nouns)


SCORE_NOUNS = ("score", "rating")
SCORE_OUT_OF = re.compile(r"(\d{1,3}(?:\.\d+)?)/(100|10|5)")


def _score_scale(number: Token) -> tuple[str, int] | None:
    """(unit, end) of a score: '78 out of 100' and '72 / 100' are out of 100; a bare number a score
    noun governs ('a score of 54.0', 'its risk score improved to 19.6') and '84 points' are points."""
    doc, i = number.doc, number.i
    if _percentile(number):
        return None  # 'puts the business in the 98th percentile': a rank, no score
    written = SCORE_OUT_OF.fullmatch(number.text)
    if written:
        return f"out of {written.group(2)}", i + 1
    words = [t.lower_ for t in doc[i + 1 : i + 4]]
    if words[:2] == ["out", "of"] and i + 3 < len(doc) and doc[i + 3].like_num:
        return f"out of {doc[i + 3].text}", i + 4
    if words[:1] == ["/"] and i + 2 < len(doc) and doc[i + 2].like_num:
        return f"out of {doc[i + 2].text}", i + 3
    if words[:1] in (["points"], ["pts"]) and governing_verb(number).lemma_ == "score":
        return "points", i + 2
    return ("points", i + 1) if _rate_of(number, SCORE_NOUNS) else None


def _denominator(number: Token) -> bool:
    """The 100 of '78 out of 100' or '72 / 100': the scale, no figure."""
    doc, i = number.doc, number.i
    return (i > 1 and doc[i - 1].text == "/" and doc[i - 2].like_num) or (
        i > 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ == "out" and doc[i - 3].like_num
    )


def _score_name(number: Token) -> str:
    """What a score scores: the score noun with its modifiers ('its ESG risk score improved to
    19.6': 'ESG risk score'), or what 'scored N points in' names ('environmental dimension score')."""
    verb = governing_verb(number)
    nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in SCORE_NOUNS]
    if number.dep_ == "pobj" and number.head.lower_ == "of" and number.head.head.lemma_.lower() in SCORE_NOUNS:
        nouns.insert(0, number.head.head)
    if nouns:
        noun = nouns[0]
        modifiers = [t for left in noun.lefts if left.dep_ in ("compound", "amod", "advmod") for t in left.subtree]
        return " ".join([t.text for t in modifiers if t.is_alpha or t.like_num] + [noun.text])
    scope = [g for c in verb.children if c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
    if verb.lemma_ == "score" and scope:
        words = [t.text for t in scope[0].subtree if t.dep_ in ("compound", "amod") or t == scope[0]]
        return " ".join(words + ["score"])
    return "score"


def _kind_of(doc, number: Token, unit: str) -> bool:
    """'a 100-point scale', 'a three-tier assessment': a number hyphened to a word that is no unit of
    measure describes what kind of thing follows ('a 5-MW plant' still measures the plant)."""
    i = number.i
    hyphened = i + 2 < len(doc) and doc[i + 1].text == "-" and not number.whitespace_
    return hyphened and unit.lower() not in _unit_set()


def _counts_a_list(unit: str) -> bool:
    """'62 companies', '20 model companies', 'three dimensions': the size of a list (often the rating
    body's own), not a company's figure."""
    if unit.lower() in _unit_set() and unit.lower() not in _not_measures():
        return False  # 'cubic metres' is a unit, though 'metres' alone is a dimension
    return unit.lower() in _not_measures() or unit.split()[-1].lower() in _not_measures()


def _relative_year(ctx: DocContext, verb: Token) -> list[int]:
    """'last year' / 'this year' in the figure's clause, dated by the release's stated date (before
    any other year of the sentence: a dateline's 'March 3, 2022' is not the figure's)."""
    if not ctx.meta.year:
        return []
    for token in verb.subtree:
        if token.lower_ == "year" and token.i > 0 and token.nbor(-1).lower_ in ("this", "last"):
            return [ctx.meta.year - (token.nbor(-1).lower_ == "last")]
    return []


def _own_year(doc, unit_end: int) -> int | None:
    """'from 204.9 tonnes in 2021 to 116.8 tonnes in 2022': a year written right after the quantity is its own."""
    if unit_end + 1 < len(doc) and doc[unit_end].lower_ in ("in", "during"):
        match = YEAR_TOKEN.match(doc[unit_end + 1].text)
        ranged = unit_end + 3 < len(doc) and doc[unit_end + 2].lower_ in ("to", "and", "-", "–")
        if match and not (ranged and YEAR_TOKEN.match(doc[unit_end + 3].text)):  # 'in 2021 to 2022': a span
            return int(doc[unit_end + 1].text[-4:])
    return None


def _name(sentence: ParsedSentence, token: Token, unit_end: int) -> str | None:
    """What the number at TOKEN measures, without the quantity's own words."""
    doc = sentence.doc
    if _percentile(token):
        return _percentile_of(doc[token.i + 1])
    unit_head = token.head if token.dep_ == "nummod" and token.i < token.head.i < unit_end else doc[unit_end - 1]
    if _currency_before(doc, token.i):
        measured = _spent_on(token)
    else:
        quantity_head = unit_head if unit_end > token.i + 1 else token
        measured = (
            _bracketed(token, unit_end)
            or _level(token, unit_end)
            or _compared(token, unit_end)
            or _changed(token, unit_end)
            or _share_of(sentence, token, quantity_head)
            or _measured(sentence, token, quantity_head, unit_end)
        )
    if measured and measured.split()[0] in ("average", "total", "equivalent"):
        # 'an average of 1.3 million meals were served'; 'kept the NRW at an average of 12-13%': the NRW
        measured = _done_to(token, doc[unit_end - 1], unit_end) or _object_of_verb(token) or measured
    if not measured:
        return None
    quantity = {t.lower_ for t in doc[token.i : unit_end]}
    words = [w for w in measured.split() if w.lower() not in quantity]
    if words and words[0].lower() in ("in", "of") and _counted(doc, token, unit_end):
        # '6,400 employees in Brazil': the counted noun and where
        words = [w for w in measured.split() if w.lower() not in {t.lower_ for t in doc[token.i : token.i + 1]}]
        if _counts_a_list(words[-1]):
            words = []  # '12,500 people in 30 countries': where they are is no part of the name
    while words and words[-1].lower() in ("of", "in", "by"):
        words = words[:-1]
    while words and words[0].lower() in ("of", "in", "by", "its", "their", "our"):
        words = words[1:]
    counted_noun = doc[unit_end - 1]
    count_noun = counted_noun.lower_ in _unit_set() and counted_noun.dep_ != "dobj"
    if not words and count_noun and _counted(doc, token, unit_end):
        # 'a retailer with 1,100 stores and 140,000 employees': a count noun of the language pack names
        # its figure ('stores', 'guests', 'plants' are no ESG figures; 'employs 61,000 people' is named
        # by its verb below, 'people employed')
        words = [counted_noun.text]
    measured = " ".join(words)
    if measured and not any(_names_a_thing(w, doc) for w in words):
        measured = _object_of_verb(token)  # 'by an impressive five per cent'
    measured = _trimmed(measured or _done_to(token, doc[unit_end - 1], unit_end) or _substance(token, unit_end))
    if not measured or _financial(measured) or measured.lower() in TIME_NOUNS:
        return None  # 'up 14 per cent year on year' beside a revenue: no name, no figure
    return _with_changed_thing(token, measured)


LOOSE_START = re.compile(r"^(?:(?:and|or|but|with|the|a|an)\s+)+", re.I)
LOOSE_END = re.compile(
    r"(?:\s+(?:to|of|at|least|most|for|with|than|from|the|a|an|and|or|over|under|less|more|about|around|nearly"
    r"|approximately|almost|up))+$",
    re.I,
)


def _trimmed(name: str | None) -> str | None:
    """NAME without the words a clause's edge left on it ('and asset management arm', 'peak demand
    of at least', 'the installation of over'); none where what is left names nothing measured
    ('addition', 'bid') or counts others ('firms', 'passengers')."""
    if not name:
        return None
    name = LOOSE_END.sub("", LOOSE_START.sub("", name))
    if not name or name.split()[-1].lower() in _not_measures():
        return None  # '39 per cent of the firms have targets': a share of others, not a measure
    return name if name.lower() not in language_data()["not_metric_names"] else None


TIME_NOUNS = ("year", "years", "month", "months", "quarter", "period", "day", "days", "time")


def _in_financial_clause(number: Token) -> bool:
    """'a net profit of Tk 123 crore for the quarter', 'earnings per share rose to $1.33',
    'investment income saw growth, reaching $609 million': a figure a financial noun governs, or
    one of a clause about a financial result, is no ESG figure whatever it is named."""
    financial = _words("financial")
    below = number
    for ancestor in number.ancestors:
        roles = ("nsubj", "nsubjpass", "dobj") if below.dep_ == "advcl" else ("nsubj", "nsubjpass")
        if ancestor.lower_ in financial or ancestor.pos_ in ("VERB", "AUX") and any(
            c.dep_ in roles and c.lower_ in financial for c in ancestor.children
        ):
            return True  # ', reflecting a 3 percent increase' after 'reported a net profit of ...'
        below = ancestor
    return False


def _financial(name: str) -> bool:
    """'revenue grew 20 per cent', 'shares rose 2%', 'a net profit of $120 million': a company's
    financial results and share prices, no ESG figure (the words: 'financial' rows of
    ontology/patterns/metric.jsonl)."""
    head = re.split(r" (?:in|of) ", name)[0].split()
    return bool(head) and head[-1].lower() in _words("financial")


OBJECTS = ("dobj", "pobj", "conj")


def _counted(doc, number: Token, unit_end: int) -> bool:
    """Is the quantity a count of the noun it ends on, stated as the clause's own: 'has 2,100
    employees', 'a retailer with 140,000 employees', 'its 6,400 employees in Brazil' - not 'attended
    by 300 people', 'where 1,200 participants gathered' or 'among 500 students'?"""
    noun = doc[unit_end - 1]
    if noun.pos_ != "NOUN" or number.head != noun or number.dep_ != "nummod" or noun.lemma_ in ("%", "percent", "cent"):
        return False
    return _stated_count(noun)


def _stated_count(noun: Token) -> bool:
    """Does the clause state NOUN's count as its own: its object or complement, 'for / at / with
    N X', 'its N X', or a conjunct of one ('with 1,100 stores and 140,000 employees')?"""
    if noun.dep_ == "conj" and noun.head != noun:
        return _stated_count(noun.head)
    if noun.dep_ in ("dobj", "attr", "ROOT"):
        return True
    owned = any(c.dep_ == "poss" for c in noun.children)
    return noun.dep_ == "pobj" and (noun.head.lower_ in ("for", "at", "with") or owned)


def _quantity_root(number: Token, unit_end: int) -> Token:
    """The token of the quantity ('9.5 per cent', '1.3 million cubic metres') the rest of the
    sentence attaches it by: the one whose head lies outside it."""
    inside = range(number.i, unit_end)
    for token in number.doc[number.i : unit_end]:
        if token.head.i not in inside or token.head == token:
            return token
    return number


def _level(number: Token, unit_end: int) -> str | None:
    """'total water withdrawal was 12.3 million cubic metres', 'Scope 1 emissions totalled 2.1
    million tonnes', 'the renewable share reached 100%' (its '%' often parsed as an adverbial): a
    verb of level ('level' rows of ontology/patterns/metric.jsonl) gives its subject's figure."""
    root = _quantity_root(number, unit_end)
    if root.dep_ not in ("attr", "dobj", "npadvmod") or root.head.lemma_ not in _words("level"):
        return None
    subject = next((c for c in root.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _noun_phrase(subject) if subject is not None and _a_thing_not_a_company(subject) else None


def _compared(number: Token, unit_end: int) -> str | None:
    """'emissions were 12% lower in 2023 than in 2022': a comparative's figure is its subject's."""
    root = _quantity_root(number, unit_end)
    degree = root.head
    if root.dep_ != "npadvmod" or degree.tag_ not in ("JJR", "RBR") or degree.dep_ not in ("acomp", "advmod"):
        return None
    subject = next((c for c in degree.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _noun_phrase(subject) if subject is not None and _a_thing_not_a_company(subject) else None


def _changed(number: Token, unit_end: int) -> str | None:
    """What a verb of change changed by the quantity: 'water intensity fell 12%', 'electricity use
    dropped by 4.5%', 'emissions fell from 1.2 million tonnes to 0.9 million tonnes', 'lowered
    electricity use by 8% and water withdrawal by 1.3 million cubic metres' (the nearest object)."""
    root = _quantity_root(number, unit_end)
    if root.dep_ in ("compound", "nummod") and root.head.lower_ == "year" and root.head.dep_ in ("npadvmod", "pobj"):
        root = root.head  # 'fell 12% year on year', 'fell by 12 percent year on year', parsed as a '12% year'
    link = root.head if root.dep_ == "pobj" and root.head.lower_ in ("by", "from", "to") else None
    verb = link.head if link is not None else root.head if root.dep_ in ("dobj", "npadvmod", "attr") else None
    if verb is not None and link is not None and verb.lower_ in _words("change_noun"):
        changed = [g for c in verb.children if c.lower_ in ("of", "in") for g in c.children if g.dep_ == "pobj"]
        return _noun_phrase(changed[0]) if changed else None  # 'Reduction of diesel use by 18%'
    if verb is None or verb.pos_ != "VERB" or verb.lemma_ not in _words("change"):
        return None
    if any(c.lower_ == "of" and c.dep_ == "prep" and c.i >= unit_end for c in root.children):
        return None  # 'saved 5,000 tonnes of CO2': the unit's complement names it
    before = link.i if link is not None else root.i
    objects = [
        t
        for t in verb.subtree
        if t.i < before
        and t.pos_ in ("NOUN", "PROPN")
        and (t.dep_ == "dobj" and t.head == verb or t.dep_ == "conj" and (t.head == verb or t.head.dep_ in OBJECTS))
        and not any(c.like_num for c in t.children)
        and t.lower_ not in _unit_set()
        and not any(a.i < before and a.i > t.i and a.lower_ == "by" for a in t.ancestors)
    ]
    if objects:
        # the first object after the previous 'by N' ('X by 8% and Y by 1.3 million m3'): gapping
        bys = [t.i for t in verb.subtree if t.lower_ == "by" and t.dep_ == "prep" and t.i < before]
        previous = max(bys, default=-1)
        after = [t for t in objects if t.i > previous]
        return _noun_phrase(min(after or objects, key=lambda t: t.i))
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    changed_itself = link is not None or verb.lemma_ in _words("change_of_subject")
    if subject is not None and changed_itself and _a_thing_not_a_company(subject):
        return _noun_phrase(subject)  # 'water intensity fell 12%', not 'the plant saved 900 MWh'
    return None


def _a_thing_not_a_company(noun: Token) -> bool:
    """'water intensity', 'diesel consumption': a common noun that is no name and no 'the company'."""
    return (
        noun.pos_ == "NOUN"
        and noun.ent_type_ == ""
        and noun.lower_ not in self_reference_words()[1]
        and not any(c.pos_ == "PROPN" for c in noun.children if c.dep_ == "compound")
    )


@cache
def _words(label: str) -> frozenset[str]:
    """The words of the LABEL rows ('change', 'change_of_subject', 'level', 'financial') of the metric patterns."""
    rows = patterns("metric").rows
    return frozenset(
        word
        for row in rows
        if row["label"] == label
        for spec in row["pattern"][0].values()
        if isinstance(spec, dict)
        for word in spec["IN"]
    )


def _with_changed_thing(number: Token, name: str) -> str:
    """'diesel consumption witnessing a substantial decline of 14.5 per cent', 'saw a decline of 18%
    in landfill waste': a bare change noun takes the thing changed ('diesel consumption decline',
    'decline in landfill waste'), its evaluative adjectives left out."""
    words = name.split()
    if len(words) > 2 or words[-1].lower() not in CHANGE_NOUNS:
        return name
    change = next((a for a in number.ancestors if a.lower_ == words[-1].lower()), None)
    if change is None or any(c.dep_ in ("compound", "nmod") for c in change.children):
        return name  # 'energy savings of 6.6 million kWh' names what changed already
    verb = change.head if change.dep_ in ("dobj", "attr") else None
    for holder in (change, verb, number.head if number.dep_ == "nummod" else None):
        for prep in (c for c in holder.children if c.lower_ == "in" and c.dep_ == "prep") if holder is not None else ():
            pobj = [g for g in prep.children if g.dep_ == "pobj" and not g.like_num and not YEAR_TOKEN.match(g.text)]
            if pobj and pobj[0].pos_ == "NOUN":
                return f"{change.text} in {_noun_phrase(pobj[0])}"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    if subject is not None and _a_thing_not_a_company(subject):
        return f"{_noun_phrase(subject)} {change.text}"
    return name


def _years(sentence: ParsedSentence, verb: Token) -> list[int]:
    """The years of the figure's clause; excluded ('compared with 2019') and years inside names
    ('its Sustainability Program 2030') left out."""
    doc = sentence.doc
    excluded = _baselines(doc) | {
        int(t.text[-4:]) for m in sentence.mentions for t in m.span if YEAR_TOKEN.match(t.text)
    }
    years = [y for y in (clause_years(verb) if verb.pos_ in ("VERB", "AUX") else []) if y not in excluded]
    if not years and verb.dep_ in ("advcl", "xcomp", "ccomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        # '... emissions in 2022, equating to a decrease of 212,768 tonnes': the main clause's year
        years = [y for y in clause_years(verb.head) if y not in excluded]
    if not years:  # 'In 2018, women made up half the workforce, constituted 41% of our Board'
        years = [y for y in _sentence_years(doc) if y not in excluded]
    if not years and verb.tag_ in ("VBD", "VBN"):  # 'had cut emissions by 30% by 2022': as of then
        deadlines = [g for c in verb.children if c.lower_ == "by" for g in c.children if YEAR_TOKEN.match(g.text)]
        years = [int(g.text[-4:]) for g in deadlines]
    if len(set(years)) > 1 and (any(t.lower_ in ("between", "from") for t in verb.subtree) or _year_span(doc)):
        years = [max(years)]  # 'by 22% between 2018 and 2023', 'over 2021 to 2022': as of the later year
    return years


@lru_cache(maxsize=1)
def _not_measures() -> frozenset[str]:
    return frozenset(language_data()["not_measures"])


def _target_cues(doc, release_year: int | None = None) -> set[int]:
    """Tokens whose clause states a target: 'aims', 'goal', 'will', and verbs with 'by 2030' (not
    a past verb's 'by 2022' in a release of 2023 or later: 'had cut emissions by 30% by 2022')."""
    cues = set()
    for _row, span in patterns("metric").matches(doc, "target"):
        root = span.root
        if span[0].lower_ == "by" and _achieved_by(span, release_year):
            continue
        cues.add(root.i if span[0].lower_ != "by" else root.head.i)
        if root.dep_ in ("aux", "prep"):
            cues.add(root.head.i)
    for token in doc:
        if token.lower_ in ("will", "shall") and token.dep_ == "aux" and not _yearly_output(token.head, cues):
            cues.add(token.head.i)
    return cues


YEARLY = ("annually", "yearly", "per annum")


def _yearly_output(verb, cues: set[int]) -> bool:
    """'the plant will offset 5,390 tonnes of CO2 annually', 'each year, the project will prevent ...':
    what a facility does each year is its capacity, no target (unless a target year is set)."""
    words = " ".join(t.lower_ for t in verb.subtree)
    yearly = any(w in words.split() for w in YEARLY[:2]) or any(
        phrase in words for phrase in ("per annum", "per year", "a year", "each year", "every year")
    )
    return yearly and not any(t.i in cues for t in verb.subtree)


def _achieved_by(span, release_year: int | None) -> bool:
    """'by 2022' after a verb in the past, in a release dated that year or later: a deadline met."""
    verb = span[0].head
    year = int(span[-1].text[-4:])
    past = verb.tag_ in ("VBD", "VBN") and not any(c.lower_ in ("will", "would", "to") for c in verb.children)
    return past and release_year is not None and year <= release_year and verb.dep_ not in ("xcomp", "acl")


def _value(token: Token):
    """The number a token writes: '1,153', '6.6', 'eight'; '212, 768' (a thousands comma with a
    space) is one number, read at its second part. Years are no values."""
    text = token.text.replace("\u00a0", " ")
    if SCORE_OUT_OF.fullmatch(text):
        text = text.split("/")[0]  # '83/100': a score, out of 100
    elif _percentile(token):
        return int(re.match(r"\d+", text).group())  # 'a 99th percentile ranking'
    if not NUMBER.match(text):
        return number_value(text) if token.like_num and token.text.isalpha() and number_value(text) else None
    if re.match(r"^(?:19|20)\d\d$", text):
        return None  # a year
    doc = token.doc
    if _names_a_technology(token):
        return None
    if token.i in (_thousands_head(doc, token.i + 1), _thousands_head(doc, token.i + 2)):
        return None  # the first part of '212, 768' or '9 443'
    head = _thousands_head(doc, token.i)
    if head is not None:
        text = doc[head].text + text
    number = float(text.replace(",", "").replace(" ", ""))
    return int(number) if number.is_integer() else number


def _thousands_head(doc, i: int) -> int | None:
    """Where the digits before a three-digit group DOC[I] are, when a thousands separator split them
    off: '212, 768' (a comma and a space) and '9 443' (a space alone, as many countries write it)."""
    if i >= len(doc) or i < 1 or not re.fullmatch(r"\d{3}", doc[i].text):
        return None
    before = doc[i - 1]
    if before.text == "," and i > 1 and re.fullmatch(r"\d{1,3}", doc[i - 2].text):
        return i - 2
    if before.whitespace_ == " " and re.fullmatch(r"\d{1,3}", before.text):
        return i - 1
    return None


def _names_a_technology(token: Token) -> bool:
    """'5G phones', '4K screens', '3D printing': a number glued to a capital letter that is no unit
    names a technology, no quantity."""
    if token.whitespace_ or token.i + 1 >= len(token.doc):
        return False
    glued = token.nbor(1).text
    return len(glued) == 1 and glued.isupper() and glued not in language_data()["units"]


def _year_span(doc) -> bool:
    """'2021 to 2022', '2019-2023': two years written as one span."""
    return any(
        YEAR_TOKEN.match(doc[i].text)
        and doc[i + 1].lower_ in ("to", "-", "–", "through")
        and YEAR_TOKEN.match(doc[i + 2].text)
        for i in range(len(doc) - 2)
    )


def _sentence_years(doc) -> list[int]:
    """Years that open the sentence's main clause ('In 2018, ...')."""
    years = []
    for token in doc:
        if token.dep_ == "ROOT":
            for prep in (c for c in token.children if c.lower_ in ("in", "during") and c.i < token.i):
                years += [y for g in prep.children if (y := year_value(g.text))]
    return years


def _spent_on(number: Token) -> str | None:
    """'financed USD 2.5 billion in green loans', 'invested US$400 million in SAF': what the money went to."""
    money = number
    while money.dep_ in ("compound", "nummod", "quantmod") and money.head != money:
        money = money.head
    for holder in (money, money.head):
        # '€12 billion of sustainable finance': what the money is, on the money itself
        links = ("in", "for", "on", "into", "to", "of") if holder == money else ("in", "for", "on", "into", "to")
        for prep in (c for c in holder.children if c.lower_ in links and c.dep_ == "prep"):
            pobj = [g for g in prep.children if g.dep_ == "pobj" and not g.like_num and not YEAR_TOKEN.match(g.text)]
            if pobj:
                return _noun_phrase(pobj[0])
    of, named = money.head, money.head.head
    if money.dep_ == "pobj" and of.lower_ == "of" and named.pos_ == "NOUN" and named.lemma_.lower() in _words("money"):
        # 'an investment of Rs 20 crore', 'funding of $5.5 million': the noun and its modifiers
        return " ".join(t.text for t in named.subtree if t.i <= named.i and t.dep_ not in ("det", "poss"))
    # 'issued green bonds worth EUR 750 million': what is worth it
    worth = next((t for t in (money.head, money.head.head) if t.lower_ == "worth"), None)
    if worth is not None:
        valued = worth.head if worth.head.pos_ == "NOUN" else None
        if valued is None and worth.head.pos_ == "VERB":
            valued = next((c for c in worth.head.children if c.dep_ == "dobj"), None)
        if valued is not None:
            return _noun_phrase(valued)
    return None


def _baselines(doc) -> set[int]:
    """Years a change is measured against: 'compared with 2019', 'versus 2019', 'the 2016 baseline'."""
    years = set()
    for token in doc:
        if YEAR_TOKEN.match(token.text) and any(
            a.lemma_ in ("compare", "versus", "vs", "against", "baseline", "relative", "level", "than")
            for a in [*token.ancestors][:3] + [*token.children]
        ):
            years.add(int(token.text[-4:]))
        elif YEAR_TOKEN.match(token.text) and token.i > 0 and token.nbor(-1).lower_ == "from" and not (
            token.i + 1 < len(doc) and token.nbor(1).lower_ in ("to", "-", "–", "through")
        ):
            years.add(int(token.text[-4:]))  # 'cut by 15% from 2019': the change measured from then
    return years


YEAR_TOKEN = re.compile(r"^(?:FY)?(?:19|20)\d\d$")


def _currency_before(doc, i: int) -> str | None:
    """'USD', 'US$', '€' written just before the number at I."""
    currencies = set(language_data()["currency_prefixes"])
    if i > 0 and doc[i - 1].text in currencies:
        return doc[i - 1].text
    if i > 1 and doc[i - 2].text + doc[i - 1].text in currencies:
        return doc[i - 2].text + doc[i - 1].text
    return None


def _value_like(token: Token) -> bool:
    return (
        _value(token) is not None
        and any(c.dep_ in ("quantmod", "advmod") for c in token.children)
        or token.i + 1 < len(token.doc)
        and token.nbor(1).lower_ in language_data()["scales"]
    )


def _unit_at(doc, i) -> int:
    """The index after a unit written at token I ('kilowatt-peak', 'tonnes of CO2e'), or I."""
    for end in range(min(len(doc), i + 6), i, -1):
        if doc[i:end].text.lower() in _unit_set():
            return end
    return i


@lru_cache(maxsize=1)
def _unit_set() -> frozenset[str]:
    return frozenset(_units())


def _unit(doc, token):
    """(scale word, unit, index after the unit) right after the number: '6.6 million kilowatt
    hours', '32-per cent', '61,000 people' (the noun it counts)."""
    i = token.i + 1
    scale = None
    if i < len(doc) and doc[i].lower_ in language_data()["scales"]:
        scale, i = doc[i].text, i + 1
    currency = _currency_before(doc, token.i)
    if currency:  # 'USD 2.5 billion', 'US$400 million', 'A$150m'
        short = language_data()["scale_abbreviations"].get(doc[i].text) if not scale and i < len(doc) else None
        return (short, currency, i + 1) if short else (scale, currency, i)
    while i < len(doc) and doc[i].text in ("-", "plus", "+"):
        i += 1
    end = _unit_at(doc, i)
    if end > i:
        text = doc[i:end].text
        if end + 1 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            end += 3  # 'megawatt-hours (MWh)'
        if end + 1 < len(doc) and doc[end].lower_ in ("per", "a") and doc[end + 1].pos_ == "NOUN":
            text += " per " + doc[end + 1].text  # 'per year', 'per employee'
            end += 2
        return scale, "percent" if text.lower() in ("%", "per cent", "percent") else text, end
    counted = token.head.head if scale and token.head.lower_ == scale.lower() else token.head  # '2.4 million meals'
    counts = i < len(doc) and (
        doc[i].pos_ == "NOUN"
        or doc[i].pos_ in ("ADJ", "PROPN", "VERB") and (counted.lower_ in _unit_set() or _plural_count(token, counted))
    )
    if counts and token.dep_ in ("nummod", "compound") and counted.i >= i:  # '350 local jobs': a count noun
        hyphened = lambda t: t.text == "-" or t.i > 0 and t.nbor(-1).text == "-"  # noqa: E731
        words = [t for t in doc[i : counted.i + 1] if t.pos_ in ("NOUN", "ADJ", "PROPN") or hyphened(t)]
        return scale, "".join(t.text_with_ws for t in words).strip(), counted.i + 1  # 'own-label products'
    if scale and token.dep_ in ("nummod", "compound"):
        head = token.head
        if head.pos_ == "NOUN":
            return None, f"{scale} {head.text}", head.i + 1
    return scale, None, i


VAGUE_ADJECTIVES = ("new", "global", "other", "more", "additional", "several", "different", "major", "main", "leading")


def _plural_count(number: Token, counted: Token) -> bool:
    """'50 electric trucks', '12 LEED-certified offices': a number counting the plural noun it modifies
    ('2,500 global enterprises', '2 new stores' say how many, not what of the company's)."""
    vague = any(t.lower_ in VAGUE_ADJECTIVES for t in number.doc[number.i + 1 : counted.i])
    site = counted.lemma_.lower() in site_nouns()  # '6 bottling plants': a description of the company
    return number.dep_ == "nummod" and number.head == counted and counted.tag_ == "NNS" and not (vague or site)


def _modified_noun(number: Token, head: Token) -> Token | None:
    """'32% reduction in total GHG emissions', '100% renewable electricity', '30 percent recycled
    content': the noun the number (or its unit, HEAD) modifies."""
    for token in (number, head):
        if (
            token.dep_ in ("nummod", "amod", "compound", "quantmod", "npadvmod", "nmod")
            and token.head.pos_ == "NOUN"
            and token.head.i > head.i
        ):
            return token.head
        modified = token.head
        if token.dep_ == "npadvmod" and modified.dep_ == "amod" and modified.head.pos_ == "NOUN":
            return modified.head
    return None


def _measured(sentence, number: Token, unit_token: Token, unit_end: int) -> str | None:
    """The noun phrase the quantity measures (the unit ends before UNIT_END: 'tonnes of CO2')."""
    head = unit_token if unit_token != number else number
    # '2.4 million kWh of electricity', '23 MWp of rooftop solar capacity': what the unit measures
    for child in head.children:
        if (
            child.lower_ == "of"
            and child.dep_ == "prep"
            and head != number
            and head.lemma_ not in ("percent", "%")
            and child.i >= unit_end
        ):
            pobj = [g for g in child.children if g.dep_ in ("pobj",)]
            if pobj and pobj[0].pos_ in ("NOUN", "PROPN"):
                done = _doing_verb(head)
                return _noun_phrase(pobj[0]) + (f" {_participle(done)}" if done is not None else "")
    root = _quantity_root(number, unit_end)
    named = _of_a_noun(root, head)
    if named:
        return named
    # 'four out of its 11 (36%) committee seats': a share in brackets after a count of the noun
    if root.dep_ == "appos" and root.head.like_num and root.head.head.pos_ == "NOUN":
        noun = root.head.head
        return " ".join(t.text for t in noun.doc[root.i + 1 : noun.i + 1] if t.pos_ in ("NOUN", "PROPN", "ADJ"))
    modified = _modified_noun(number, head)
    if modified is not None:
        return _noun_phrase(modified)
    # 'reduced energy consumption by 5%', 'saves water consumption by 11.9 million gallons'
    verb = head.head if head.dep_ == "pobj" and head.head.lower_ == "by" else None
    verb = verb.head if verb is not None else head.head if head.dep_ == "dobj" else None
    if verb is not None and verb.pos_ == "VERB":
        objects = [c for c in verb.children if c.dep_ == "dobj" and c != head]
        if objects:
            return _noun_phrase(objects[0])
        if head.pos_ == "NOUN" and head != number:
            return _noun_phrase(head)
    # '41% of our Board' ('10 percent of the companies in each industry': the size of a list)
    for child in head.children:
        if child.lower_ == "of":
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if pobj:
                if _counts_a_list(pobj[0].text):
                    return None
                return _noun_phrase(pobj[0])
    if head != number and head.pos_ == "NOUN" and head.lemma_ not in ("percent", "%"):
        return _noun_phrase(head)
    return None


SHARE_VERBS = {"account", "make", "represent", "comprise", "constitute"}


def _share_of(sentence, number: Token, head: Token) -> str | None:
    """'Renewable electricity accounts for 64% of its power use', 'Women make up 31% of the
    workforce': the part (the subject, unless it is the company itself) 'share of' the whole."""
    verb = governing_verb(number)
    if verb.lemma_ not in SHARE_VERBS or verb.lemma_ == "make" and not any(c.lower_ == "up" for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    wholes = [g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if not subjects or not wholes or sentence.mention_at(subjects[0]) is not None:
        return None
    return f"{_noun_phrase(subjects[0])} share of {_noun_phrase(wholes[0])}"


CHANGE_NOUNS = ("reduction", "decrease", "decline", "cut", "drop", "fall", "increase", "rise", "saving", "savings")
CHANGED_THING = re.compile(rf"^(?:\w+ )?(?:{'|'.join(CHANGE_NOUNS)}) (?:in|of) (.+)$")


def _restated(name: str, earlier: list[str]) -> str | None:
    """'a 20% reduction in GHG emissions, equating to an estimated decrease of 9,400 tonnes', 'cut
    waste by 2,300 tonnes, a 15% decrease': a bare change noun restates the sentence's earlier
    change, in other units ('GHG emissions decrease', 'waste decrease')."""
    words = name.split()
    if not words or words[-1].lower() not in CHANGE_NOUNS or len(words) > 2:
        return None
    for previous in reversed(earlier):
        match = CHANGED_THING.match(previous)
        if match:
            return f"{match.group(1)} {words[-1]}"
    if earlier and earlier[-1].split()[-1].lower() not in CHANGE_NOUNS:
        return f"{earlier[-1]} {words[-1]}"  # 'cut waste by 2,300 tonnes, a 15% decrease': 'waste decrease'
    return None


def _names_a_thing(word: str, doc) -> bool:
    """A metric's name needs a noun: 'impressive' or '212' (from '212, 768') names nothing."""
    return any(t.text == word and t.pos_ in ("NOUN", "PROPN") and not t.like_num for t in doc)


def _object_of_verb(number: Token) -> str | None:
    """'reduced energy consumption ... by an impressive five per cent': the changed verb's object."""
    verb = next((a for a in number.ancestors if a.pos_ == "VERB"), None)
    objects = [c for c in verb.children if c.dep_ == "dobj"] if verb is not None else []
    return _noun_phrase(objects[0]) if objects and not any(t == number for t in objects[0].subtree) else None


def _done_to(number: Token, unit_head: Token, unit_end: int) -> str | None:
    """'avoided 18,582 tonnes of CO2e': when the unit is all there is, what was done names it;
    'generating 1,500 MWh a year' (an energy unit): the verb's noun, 'power generation'."""
    scaled = number.i + 1 < unit_end and number.nbor(1).lower_ in language_data()["scales"]
    counter = number.nbor(1) if scaled else number
    counted = counter.head if counter.dep_ == "nummod" else None
    noun = counted
    if counted is not None and counted.dep_ == "pobj" and counted.head.head.lemma_ in ("average", "total"):
        counted = counted.head.head if counted.head.head.dep_ == "nsubjpass" else counted  # 'an average of 1.3 m meals'
    restated = counted.head.head if counted is not None and counted.dep_ == "pobj" else None
    if restated is not None and restated.lemma_ == "equivalent" and restated.dep_ == "appos":
        figure = restated.head  # 'donated 2,173 tonnes of food, the equivalent of 5.1 million meals': meals donated
        done = figure.head if figure.dep_ == "dobj" and figure.head.pos_ == "VERB" else None
        return f"{noun.text} {_participle(done)}" if done is not None else None
    if counted is not None and counted.dep_ == "nsubjpass" and counted.head.pos_ == "VERB":
        done = counted.head  # '2.4 million meals were donated': meals donated; '500 tons were rescued': rescued
        if any(c.dep_ == "xcomp" for c in done.children):
            return None  # '8 mills are expected to open': nothing done yet
        if noun.lower_ in _unit_set():
            return _participle(done)
        words = [t.text for t in noun.lefts if t.dep_ == "compound"] + [noun.text, _participle(done)]
        return " ".join(words)
    done_to_it = [c for c in counted.children if c.dep_ == "acl" and c.tag_ == "VBN"] if counted is not None else []
    if done_to_it and counted.dep_ == "dobj":  # 'has so far seen 57 biogas units installed': units installed
        return " ".join([t.text for t in counted.lefts if t.dep_ == "compound"] + [counted.text, done_to_it[0].text])
    if counted is not None and counted.dep_ == "dobj" and counted.head.pos_ == "VERB":
        nominal = _nominalization(counted.head.lemma_)
        if nominal is not None and ENERGY_UNIT.search(number.doc[number.i : unit_end].text):
            return nominal.get("energy", nominal["noun"])
        unit_noun = unit_head if unit_head.lower_ not in ("year", "annum", "month", "day") else counted
        if counted.head.lemma_ in LIGHT_VERBS:
            return unit_noun.text  # 'has 90,000 employees': 'have' names nothing
        return f"{unit_noun.text} {_participle(counted.head)}"
    return None


LIGHT_VERBS = {"have", "count", "number", "total"}


def _doing_verb(quantity: Token) -> Token | None:
    """'recycled 2,847 tons of metal' (and '611 tons of paper' after it): the verb whose object the
    quantity is, when it is a deed done to the thing measured ('metal recycled'; the language
    pack's deed verbs, not 'logged 15,000 hours of service')."""
    while quantity.dep_ == "conj":
        quantity = quantity.head
    verb = quantity.head
    if quantity.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_ not in language_data()["deed_verbs"]:
        return None
    return verb


def _participle(verb: Token) -> str:
    """'employs' -> 'employed', 'plants' -> 'planted': a figure is named by what was done ('people
    employed', 'trees planted'); irregular ones come from the language pack."""
    if verb.tag_ in ("VBD", "VBN"):
        return verb.lower_
    lemma = verb.lemma_.lower()
    irregular = language_data()["past_participles"]
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"
ENERGY_UNIT = re.compile(r"(?i)\b(?:[kMGT]Wh|(?:kilo|mega|giga|tera)watt[- ]?hours?)\b")


def _nominalization(lemma: str) -> dict | None:
    """The 'nominalization' row of ontology/patterns/metric.jsonl for a verb: 'generate' -> 'generation'."""
    rows = patterns("metric").rows
    return next((r for r in rows if r["label"] == "nominalization" and r["pattern"][0]["LEMMA"] == lemma), None)


def _substance(number: Token, unit_end: int) -> str | None:
    """'up to 700 tons of CO2 emission per year' with nothing else to name it: what the unit weighs."""
    unit = number.doc[number.i + 1 : unit_end]
    of = next((t for t in unit if t.lower_ == "of"), None)
    if of is None:
        return None
    words = [t.text for t in unit[of.i - unit.start + 1 :] if t.lower_ not in ("per", "a") and t.head.lower_ != "per"]
    return " ".join(words) or None


def _counted_apart(noun: Token) -> bool:
    """'1,100 stores and 140,000 employees', '6 plants and 2 labs': a conjunct counted like the noun
    before it is another figure ('Scope 1 and 2 emissions', a name and its numbers, is not)."""
    def counted(word: Token) -> bool:
        return any(c.dep_ == "nummod" and c.i < word.i for c in word.children)

    return counted(noun) and counted(noun.head)


def _of_a_noun(root: Token, head: Token) -> str | None:
    """'savings of 6.6 million kWh', 'decline of 14.5 per cent': the noun the quantity is 'of';
    'the recycling of 88% of its solid waste': the share's whole, and what was done to it."""
    anchor = root.head if root.dep_ == "pobj" else head.head if head.dep_ == "pobj" else None
    if anchor is None or anchor.lower_ not in ("of", "by", "to") or anchor.head.pos_ != "NOUN":
        return None
    if anchor.lower_ == "of" and head.tag_ == "NNS" and any(c.dep_ == "poss" for c in head.children):
        return _noun_phrase(head)  # 'the engagement of its 78,000 consultants': the company's consultants
    wholes = [g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if head.lemma_ in ("percent", "%") and wholes and wholes[0].pos_ == "NOUN":
        whole = _noun_phrase(wholes[0]).split(" in ")[0]  # not where or when: 'its waste in FY 2022'
        return f"{whole} {anchor.head.lower_}"
    return _noun_phrase(anchor.head)


def _an_organization(noun: Token) -> bool:
    """'the renewable share of Acme Corp': whose figure it is, not part of what it measures ('41% of
    our Board' measures the board)."""
    return noun.pos_ == "PROPN" and noun.ent_type_ == "ORG" and not any(c.dep_ == "poss" for c in noun.children)


def _noun_phrase(noun: Token) -> str:
    """A noun with its modifiers and an 'in/of X' complement: 'reduction in total GHG emissions',
    'Scope 1 and 2 greenhouse gas emissions' (numbers inside a name stay, the quantity does not)."""
    left = [
        t
        for t in noun.lefts
        if t.dep_ in ("compound", "amod", "nmod")
        or t.dep_ == "nummod"
        and t.i < noun.i - 1
        and t.head.i == noun.i
        and not _value_like(t)
    ]
    start = min([t.left_edge.i for t in left], default=noun.i)
    words = [t for t in noun.doc[start : noun.i + 1] if t.pos_ not in ("DET", "PUNCT") and t.dep_ != "poss"]
    conjuncts = [
        c
        for c in noun.rights
        if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i - noun.i <= 6 and not _counted_apart(c)
    ]
    if conjuncts and not any(t.pos_ == "DET" for t in noun.doc[noun.i : conjuncts[0].i]):
        # 'Scope 1 and 2 greenhouse gas emissions' (parsed as 'Scope 1' and '2 ... emissions')
        words = [t for t in noun.doc[start : conjuncts[0].i + 1] if t.pos_ not in ("DET", "PUNCT") and t.dep_ != "poss"]
        noun = conjuncts[0]
    text = " ".join(t.text for t in words)
    for child in noun.rights:
        if child.lower_ in ("in", "of") and child.dep_ == "prep":
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if pobj and not pobj[0].like_num and not _an_organization(pobj[0]):
                end = pobj[0].i + 1
                while (
                    end < len(noun.doc)
                    and end <= pobj[0].right_edge.i
                    and (noun.doc[end].dep_ not in ("prep", "relcl", "acl", "cc") or _in_scope_name(noun.doc, end + 1))
                    and noun.doc[end].text not in (",", ";")
                ):
                    end += 1
                inner = [  # 'a 22% reduction in Scope 1 and 2 emissions': a name's numbers stay
                    t
                    for t in noun.doc[pobj[0].left_edge.i : end]
                    if t.pos_ not in ("DET", "PUNCT")
                    and (t.pos_ != "NUM" or _in_scope_name(noun.doc, t.i))
                    and not any(a.dep_ == "poss" for a in (t, *t.ancestors) if a.i < pobj[0].i)
                    and t.dep_ != "case"
                ]  # 'of the site's power': 'power'
                text += f" {child.text} " + " ".join(t.text for t in inner)
            break
    return text.strip()


def drop_business_figures(ctx: DocContext) -> None:
    """A release that states no ESG fact of another kind (an award, a certification, an index, a
    program ...) is business news: its figures count only where they name an ESG measure
    ('emissions', 'energy', 'employees'; the language pack's esg_measure_words), not shipments,
    fleet sizes or data plans."""
    if any(f.kind not in ("metric", "located_in", "part_of") for f in ctx.facts):
        return
    ctx.facts[:] = [f for f in ctx.facts if f.kind != "metric" or _of_esg_measure(f)]


def _of_esg_measure(fact) -> bool:
    """Does the figure, its unit or its sentence name an ESG measure ('women held 30% of roles')?"""
    words = re.findall(r"[\w₂³-]+", f"{fact.object} {fact.qualifiers.get('unit') or ''} {fact.evidence}".lower())
    return any(word.startswith(stem) for word in words for stem in language_data()["esg_measure_words"])

