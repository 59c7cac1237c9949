"""What a release says about itself: title, release date and dateline place.

The release date also dates relative phrases ("this year", "today") in the facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import chain

from .lexicon import load_lexicon

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY_NAME = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
DATE_RE = re.compile(
    rf"(?P<md>{_DAY_NAME}(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d))"
    rf"|(?P<dm>{_DAY_NAME}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>(?:19|20)\d\d))"
    rf"|(?P<iso>(?P<y3>(?:19|20)\d\d)[-/.](?P<m3>\d\d)[-/.](?P<d3>\d\d))"
    rf"|(?P<num>{_DAY_NAME}\b(?P<a4>\d{{1,2}})(?P<sep>[/.])(?P<b4>\d{{1,2}})(?P=sep)(?P<y4>(?:19|20)\d\d)\b)", re.I)
DATE_NO_YEAR_RE = re.compile(rf"{_DAY_NAME}(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})", re.I)
_UPPER = r"[A-ZÀ-ÖØ-Þ]"  # 'MONTRÉAL', 'Ñuñoa': any Latin capital
_WORD = rf"{_UPPER}(?:[^\W\d_]|[.'’\-])+"
_PLACE = rf"(?:the\s+)?{_WORD}(?:\s+{_WORD}){{0,3}}"
DATELINE_BEFORE = re.compile(
    rf"^\(?\s*(?P<place>{_PLACE})(?:,\s*(?P<region>{_PLACE}))?\s*(?:[,.–—-]+\s*|\(\s*)$")
# 'May 3, Taipei:', '16 May 2020, LIMA –'
BYLINE = re.compile(r"(?:By|Posted|Published|Updated|Written|Posted by|Author)\b")
DATELINE_AFTER = re.compile(rf"^\s*,?\s*(?P<place>{_PLACE})\s*(?::|[–—]|\s-\s)")


@dataclass
class DocumentMeta:
    title: str | None
    date: date | None
    place: str | None  # dateline city
    dateline_span: tuple[int, int] | None  # offsets of the dateline place in the text

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


def parse_date(m: re.Match) -> date | None:
    try:
        if m.group("md"):
            return date(int(m.group("y1")), _month(m.group("m1")), int(m.group("d1")))
        if m.group("dm"):
            return date(int(m.group("y2")), _month(m.group("m2")), int(m.group("d2")))
        if m.group("iso"):
            return date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        first, second = int(m.group("a4")), int(m.group("b4"))
        day_first = m.group("sep") == "." or first > 12  # '25.11.2019', '25/11/2019'; '11/25/2019'
        return date(int(m.group("y4")), first if not day_first else second, second if not day_first else first)
    except ValueError:
        return None


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return next(n for name, n in MONTHS.items() if name.startswith(word[:3]))


# Where a release's metadata stands: its date and dateline within its first characters (a long
# headline and a subtitle run to about 600), its headline as its first line unless that line is
# longer than a headline, and a dateline's place within a few words after the date.
HEAD_CHARS = 1500
TITLE_MAX_CHARS = 200
SENTENCE_MIN_WORDS = 12  # a first line this long that ends in a full stop is the body's first sentence
PLACE_AFTER_DATE_CHARS = 60


def read_meta(text: str) -> DocumentMeta:
    head = text[:HEAD_CHARS]
    release_date = None
    for m in chain(DATE_RE.finditer(head), _line_dates(text)):
        release_date = parse_date(m)
        if release_date:
            break
    place, span = _dateline(head)
    return DocumentMeta(_title(text), release_date, place, span)


LINE_DATE_WINDOW = 20_000  # a dateline further down (a page's furniture first) is still the release's
LINE_DATE_PREFIX = 40  # 'Stockholm, ' may come before a line's date; a sentence may not


def _line_dates(text: str):
    """Dates that begin a line ('October 8, 2024 - Perstorp ...'), past the head of the text."""
    for m in DATE_RE.finditer(text, HEAD_CHARS, LINE_DATE_WINDOW):
        prefix = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if len(prefix.strip()) <= LINE_DATE_PREFIX and not any(c in prefix for c in ".!?"):
            yield m


def _title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) > TITLE_MAX_CHARS or line.startswith("(") or DATE_RE.search(line) or line.endswith(":"):
            return None
        if line.endswith(".") and len(line.split()) >= SENTENCE_MIN_WORDS:
            return None  # a headline has no full stop: this line is the lead sentence
        return line
    return None


def _dateline(head: str):
    """Place of a dateline: 'Kaohsiung, Taiwan. November 18, 2021.', 'HSINCHU, Sept. 17, 2013 /PRNewswire/',
    '(Taipei, Taiwan – May 23, 2023)', 'Monday 27 July, Taipei:'."""
    for m in chain(DATE_RE.finditer(head), DATE_NO_YEAR_RE.finditer(head)):  # lazily: the first date usually wins
        line_start = head.rfind("\n", 0, m.start()) + 1
        before = head[line_start:m.start()]
        found = DATELINE_BEFORE.match(before)
        if found and (
            BYLINE.match(found.group("place"))
            or _byline(found, head[m.end() : head.find("\n", m.end()) % (len(head) + 1)])
        ):
            found = None  # a byline, not a place
        if found:
            offset = line_start + found.start("place")
            return _place_name(found.group("place")), (offset, offset + len(found.group("place")))
        wired = _wire_dateline(before, head[m.end():m.end() + PLACE_AFTER_DATE_CHARS])
        if wired:
            offset = line_start + wired.start("place")
            return wired.group("place"), (offset, offset + len(wired.group("place")))
        after = DATELINE_AFTER.match(head[m.end():m.end() + PLACE_AFTER_DATE_CHARS])
        if after and not before.strip() and not BYLINE.match(after.group("place")):  # '27th February 2020 By:'
            offset = m.end() + after.start("place")
            return _place_name(after.group("place")), (offset, offset + len(after.group("place")))
    return _undated_dateline(head)


UNDATED_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})(?:,\s*(?P<region>{_PLACE}))?\s+(?:--|–|—|-)\s+(?P<lead>\S.{{40,}})", re.M)
DATED_LEAD_CHARS = 30  # a date this close after the dash belongs to the dateline, not to the lead
LONE_PLACE_LINE = re.compile(rf"^(?P<place>{_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]*\n\s*(?P<lead>\S.{{40,}})", re.M)


def _undated_dateline(head: str):
    """'Hoffman Estates, Ill. -- Acme Corp. said Thursday ...': a line that opens with a place (a
    known one, or one with its state) and a long dash, then the lead; a title ('Acme – results') is none.
    Or a known city alone on a line right above the lead ('Staff Reporter / Karachi / K-Electric won')."""
    for found in UNDATED_DATELINE.finditer(head):
        place = found.group("place")
        known = load_lexicon().place_types
        if DATE_RE.search(found.group("lead")[:DATED_LEAD_CHARS]):
            continue  # a dated line the dated forms did not read ('OSLO – Wire – 3 May 2025 –') is no such dateline
        if found.group("region") or place in known or place.title() in known:
            return _place_name(place), (found.start("place"), found.end("place"))
    for found in LONE_PLACE_LINE.finditer(head):  # 'Karachi' on a line of its own above the lead
        place = found.group("place")
        if load_lexicon().place_types.get(place.title() if place.isupper() else place) == "city":
            return _place_name(place), (found.start("place"), found.end("place"))
    return None, None


def _byline(found: re.Match, rest_of_line: str) -> bool:
    """'Rachel Lark - November 22, 2023' on a line of its own: an author and a date, when the name
    is no place the gazetteer knows and a dash sets it off."""
    place = found.group("place")
    dashed = found.group(0).rstrip().endswith(("-", "–", "—"))
    known = load_lexicon().place_types
    return dashed and not rest_of_line.strip(" .,0123456789") and place not in known and place.title() not in known


WIRE_AGENCY = re.compile(r"^\s*(?:\([A-Z][A-Za-z&/. ]{1,24}\)|/[A-Z][A-Za-z ]{1,24}/)")
TRAILING_NAME = re.compile(rf"(?P<place>(?:{_WORD}\s+){{0,2}}{_WORD}),\s*$")


def _wire_dateline(before: str, after: str):
    """'... certification Chennai, Apr 20 (PTI) Wind turbine ...': a known place right before a
    wire service's date, when a scraped page runs the headline into the dateline."""
    if not WIRE_AGENCY.match(after):
        return None
    found = TRAILING_NAME.search(before)
    if not found:
        return None
    places = load_lexicon().place_types
    words = found.group("place").split()
    for n in range(len(words), 0, -1):  # the longest known place at the end: 'New Delhi', not 'Delhi'
        name = " ".join(words[-n:])
        if name in places or name.title() in places:
            return re.search(rf"(?P<place>{re.escape(name)}),\s*$", before)
    return None


def _place_name(raw: str) -> str:
    return raw.title() if raw.isupper() else raw
