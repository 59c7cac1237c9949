"""Which executor lane a query goes to: learned from its shape's last run, else guessed from it.

Under overload, expensive queries must not make cheap ones wait (issue 12). A query's *shape* is
its text with constants (IRIs, strings, numbers) blanked, so the same question about another
entity, or with another filter value, is the same shape. A shape that has run before goes where
its last run says (``HEAVY_SECONDS`` of CPU or more: heavy; CPU time, since wall time on a busy
machine would make every query look heavy). A new one is heavy if it aggregates or sorts, or
names no constant inside its braces (``CONSTRUCT WHERE { ?s ?p ?o }``), since then the engine
visits every match or every quad; otherwise it is cheap. A cheap-looking query that turns out
slow runs once in the cheap lane, and its shape is heavy from then on. A shape whose last run
took under ``INLINE_SECONDS`` goes to the *inline* lane: it runs in the request thread, with no
pipe to an executor (``executor.ExecutorPool``); only a shape that has run (under a time limit
that really stops it) gets there.

A query's text is read (``sparqltext.read_operation``, its tokens) once per *skeleton* where
that is safe (``read_query``): the tokenizer cost a point lookup ~30 µs of its ~300 µs of Python.
"""
from __future__ import annotations

import re
from functools import lru_cache

from esgkg.graph.sparqltext import Operation, read_operation

from .resultcache import ResultCache

HEAVY_SECONDS = 0.05
INLINE_SECONDS = 0.01
HEAVY_KEYWORDS = frozenset({"GROUP", "ORDER", "COUNT", "SUM", "AVG", "MIN", "MAX", "SAMPLE",
                            "GROUP_CONCAT"})
CONSTANTS = frozenset({"iri", "string", "langtag"})


def shape(op: Operation) -> str:
    """The operation's tokens with constants blanked (a digit run is one number)."""
    parts: list[str] = []
    for kind, text, *_ in op.tokens:
        if kind in CONSTANTS or (kind == "punct" and text.isdigit()):
            if not parts or parts[-1] != "_":
                parts.append("_")
        else:
            parts.append(text.upper() if kind == "word" and ":" not in text else text)
    return " ".join(parts)


# A double-quoted string with no escape, or an IRI (the tokenizer's own pattern for one).
_CONSTANT = re.compile(r'"[^"\\\r\n]*"|<[^<>"{}|^`\\\x00-\x20]*>')
_RISKY = re.compile(r"[\"'#\\]")  # between constants: another string form, a comment, an escape


def read_query(text: str) -> tuple[Operation, str]:
    """The operation of a query text and its shape, read once per skeleton of the text.

    Such a string or IRI is one token, and no other token can start or end inside it, as long
    as no comment, single-quoted or long string, or escape is about: so when the text between
    them holds none of ``" ' # \\`` and no ``\"\"\"`` occurs, the *skeleton* (those constants
    emptied: ``"_"``, ``<>``) reads as the same tokens but for the constants' text, and gives the
    same form, network keywords, dataset clauses, nesting and shape. Another text is read whole.
    The operation's tokens are then the skeleton's: their kinds and keywords are the text's,
    their constants' text and positions are not.
    """
    if '"""' in text or _RISKY.search("".join(_CONSTANT.split(text))):
        op = read_operation(text)
        return op, shape(op)
    return _read_skeleton(_CONSTANT.sub(_emptied, text))


def _emptied(match: re.Match) -> str:
    return '"_"' if match.group()[0] == '"' else "<>"  # '""' twice would open a long string


@lru_cache(maxsize=1024)
def _read_skeleton(skeleton: str) -> tuple[Operation, str]:
    op = read_operation(skeleton)
    return op, shape(op)


class CostModel:
    """The lane of each shape, per web worker (an LRU, so random shapes cannot grow it)."""

    def __init__(self, capacity: int = 4096):
        self.seen = ResultCache(capacity)

    def lane(self, op: Operation, key: str) -> str:
        learned = self.seen.get(key)
        if learned is not None:
            return learned
        keywords = {text.upper() for kind, text, *_ in op.tokens if kind == "word"}
        anchored = any(depth > 0 and (kind in CONSTANTS or (kind == "word" and ":" in text))
                       for kind, text, _, _, depth in op.tokens)
        return "heavy" if keywords & HEAVY_KEYWORDS or not anchored else "cheap"

    def learn(self, key: str, seconds: float) -> None:
        self.seen.put(key, "heavy" if seconds >= HEAVY_SECONDS
                      else "cheap" if seconds >= INLINE_SECONDS else "inline")
