"""Reading SPARQL text just enough to guard and route it, before the real parser sees it.

pyoxigraph has no public parse tree, and it *would* reach the network for ``SERVICE`` and
``LOAD``. So the endpoint tokenizes each operation (strings, IRIs and comments are skipped, so a
literal "SERVICE" is harmless) to refuse those keywords, to learn the query form for content
negotiation, and to apply the protocol's ``using-graph-uri`` / ``using-named-graph-uri`` to an
update. Syntax errors are left to pyoxigraph, whose message the client gets.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r'''
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
               |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<word>[A-Za-z_][\w\-]*(?::[^\s{}()<>,;"'\#\[\]]*)?|:[^\s{}()<>,;"'\#\[\]]*)
  | (?P<punct>.)
''', re.X | re.S)

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
NETWORK_KEYWORDS = ("SERVICE", "LOAD")


class Token(tuple):
    kind = property(lambda self: self[0])
    text = property(lambda self: self[1])
    start = property(lambda self: self[2])
    end = property(lambda self: self[3])
    depth = property(lambda self: self[4])

    @property
    def keyword(self) -> str | None:
        """The upper-cased keyword, for bare words only (prefixed names are not keywords)."""
        return self[1].upper() if self[0] == "word" and ":" not in self[1] else None


def tokens(text: str) -> list[Token]:
    """Significant tokens with their brace depth (whitespace and comments dropped)."""
    out, depth = [], 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("ws", "comment"):
            continue
        value = m.group()
        if value == "}":
            depth -= 1
        out.append(Token((kind, value, m.start(), m.end(), depth)))
        if value == "{":
            depth += 1
    return out


def analyse_query(text: str) -> tuple[str | None, str | None, bool]:
    """(query form, first network keyword, has a FROM clause) in one pass over the tokens."""
    form, network, dataset = None, None, False
    for tok in tokens(text):
        keyword = tok.keyword
        if keyword is None:
            continue
        if form is None and keyword in QUERY_FORMS:
            form = keyword
        elif network is None and keyword in NETWORK_KEYWORDS:
            network = keyword
        elif keyword == "FROM" and tok.depth == 0:
            dataset = True
    return form, network, dataset


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE; None when the text has none (the parser will say why)."""
    for tok in tokens(text):
        if tok.keyword in QUERY_FORMS:
            return tok.keyword
    return None


def network_keyword(text: str) -> str | None:
    """The first keyword that would make the store fetch the network (SERVICE, LOAD), if any."""
    for tok in tokens(text):
        if tok.keyword in NETWORK_KEYWORDS:
            return tok.keyword
    return None


def has_dataset_clause(text: str) -> bool:
    """Whether a query names its own dataset (FROM / FROM NAMED outside any group)."""
    return any(tok.depth == 0 and tok.keyword == "FROM" for tok in tokens(text))


class DatasetConflict(ValueError):
    """The protocol named a dataset for an update that names its own (USING/WITH)."""


def apply_using(update: str, using: list[str], using_named: list[str]) -> str:
    """Add the protocol's dataset as USING / USING NAMED clauses to every operation with a WHERE.

    SPARQL 1.1 Protocol §2.2.3: the parameters may not be combined with USING, USING NAMED or
    WITH in the request (that is a 400). ``DELETE WHERE { P }`` takes no USING, so it becomes the
    equivalent ``DELETE { P } USING ... WHERE { P }``.
    """
    if not using and not using_named:
        return update
    toks = tokens(update)
    for tok in toks:
        if tok.depth == 0 and tok.keyword in ("USING", "WITH"):
            raise DatasetConflict(
                f"the request names a dataset (using-graph-uri / using-named-graph-uri) and the "
                f"update has its own {tok.keyword} clause; use one or the other")
    clause = " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named])
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), applied back to front
    for i, tok in enumerate(toks):
        if tok.depth != 0 or tok.keyword != "WHERE":
            continue
        prev = toks[i - 1].keyword if i else None
        if prev == "DELETE":  # DELETE WHERE { QuadPattern }
            pattern = _group_text(update, toks, i + 1)
            edits.append((tok.start, tok.start, f"{pattern} {clause} "))
        else:
            edits.append((tok.start, tok.start, clause + " "))
    for start, end, replacement in reversed(edits):
        update = update[:start] + replacement + update[end:]
    return update


def _group_text(text: str, toks: list[Token], index: int) -> str:
    """The source text of the ``{ ... }`` group whose opening brace is ``toks[index]``."""
    if index >= len(toks) or toks[index].text != "{":
        return "{}"  # malformed; the parser reports it
    open_depth = toks[index].depth
    for tok in toks[index + 1:]:
        if tok.text == "}" and tok.depth == open_depth:
            return text[toks[index].start:tok.end]
    return text[toks[index].start:]
