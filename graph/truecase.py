"""Headlines in title case ('Halden Foods Wins National Safety Award For Third Year') read as one
long name to a parser trained on sentence case: every word is tagged a proper noun. Before such a
line is parsed, each word gets the case the release's own body gives it ('wins', 'for', but
'Halden Foods'); a word the body never writes keeps the headline's case. Only letter case changes,
so every character offset stays the same.
"""

from __future__ import annotations

import re
from collections import Counter

from .language import company_heads, trigger_verb_forms

WORD = re.compile(r"[^\W\d_][\w'’&.-]*")
QUOTED = re.compile(r"[“\"‘][^”\"’“]*[”\"’]")  # a quoted title keeps its case
SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”]\s+|\n\s*)$")
MIN_CONTENT_WORDS = 3  # 'ISO 14001' or 'Media Contact' is a label, not a headline
FUNCTION_WORDS = frozenset(
    "a an the and or but nor for of in on at to by with from as into onto over under its their his her our "
    "is are was were be been being has have had this that these those".split()
)


class BodyCasing:
    """How often the release writes each word in each case, sentence-initial words not counted."""

    def __init__(self, text: str):
        self.forms: Counter = Counter()
        self.initial: Counter = Counter()  # sentence-initial forms: only say a word is not all capitals
        for line in text.splitlines():
            if is_title_case(line):
                continue  # the headlines themselves say nothing about case
            for match in WORD.finditer(line):
                if not SENTENCE_START.search(line[max(0, match.start() - 3) : match.start()]):
                    self.forms[match.group()] += 1
                else:
                    self.initial[match.group()] += 1

    def usual_form(self, word: str) -> str:
        """WORD as the body usually writes it (a plural or a verb form counts for its stem)."""
        candidates = {word.lower(), word.capitalize(), word.upper(), word}
        stems = (word.lower(), word.lower().removesuffix("s"), word.lower().removesuffix("es"))

        def seen(form: str) -> int:
            if form == form.lower():
                return sum(self.forms[s] for s in set(stems))
            return self.forms[form]

        best = max(candidates, key=lambda form: (seen(form), form == word))
        if seen(best):
            return best
        if word[1:].islower() and word.lower() in trigger_verb_forms():
            return word.lower()  # 'X Named to Y Index': the verb, though the body never writes it
        return word.capitalize() if word.isupper() and self.initial[word.capitalize()] else word  # 'CORVANE


def _name_word(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in FUNCTION_WORDS


def is_title_case(text: str) -> bool:
    """No content word in lower case, and enough of them to be a headline."""
    content = [w for w in WORD.findall(text) if w.lower() not in FUNCTION_WORDS]
    return len(content) >= MIN_CONTENT_WORDS and all(w[0].isupper() for w in content)


def truecase(text: str, casing: BodyCasing) -> str:
    """TEXT with each word after the first in the case the body writes it; function words lower."""
    quoted = [m.span() for m in QUOTED.finditer(text)]
    written: list[str] = []  # the words as recased so far

    def recase(match: re.Match) -> str:
        word = match.group()
        if any(start < match.start() < end for start, end in quoted):
            form = word
        elif match.start() == 0:  # sentence-initial: capitalised, else as the body writes it ('CORVANE' -> 'Corvane')
            form = casing.usual_form(word)
            form = form[:1].upper() + form[1:]
        elif word.lower() in FUNCTION_WORDS:
            form = word.lower()
        elif word in company_heads() and written and _name_word(written[-1]):
            form = word  # 'Kestrel Bank | Newsroom': a name's head, though the body writes 'the bank'
        else:
            form = casing.usual_form(word)
        written.append(form)
        return form

    return WORD.sub(recase, text)
