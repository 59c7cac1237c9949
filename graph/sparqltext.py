"""Reading SPARQL text the way the parser does, to guard and route it before the engine sees it.

pyoxigraph has no public parse tree, and it *would* reach the network for ``SERVICE`` and
``LOAD``. So the endpoint splits each operation into the grammar's terminals (SPARQL 1.1 §19.8)
exactly as Oxigraph's parser does — comments run from ``#`` to a line feed *or* a carriage
return, strings in all four quote forms with their escapes, IRIs may hold ``#``, prefixed names
their ``\\``-escapes — and looks at what is left: the keywords. Oxigraph matches a keyword
without a word boundary (``SERVICESILENT<...>`` and ``SERVICE:`` are live), so any bare word or
prefix that *contains* a network keyword counts as one. From the same tokens it learns the query
form for content negotiation, whether the query names a dataset, how deep it nests, and whether
an update would drop the whole store; and it applies the protocol's ``using-graph-uri`` /
``using-named-graph-uri``. Syntax errors are left to pyoxigraph, whose message the client gets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# The grammar's character classes (§19.8), so no token is wider than Oxigraph's.
_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
         "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_CHARS = _BASE + "_\\-0-9\u00B7\u0300-\u036F\u203F-\u2040"        # PN_CHARS
_VARNAME = f"[{_BASE}_0-9][{_BASE}_0-9\u00B7\u0300-\u036F\u203F-\u2040]*"
_PLX = r"\\[_~.\-!$&'()*+,;=/?#@%]|%[0-9A-Fa-f]{2}"
_PREFIX = f"[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?"
_LOCAL = f"(?:[{_BASE}_:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_TOKEN = re.compile(rf'''
    (?P<ws>[ \t\r\n]+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>\'\'\'(?:(?:\'|\'\')?(?:[^'\\]|\\.))*\'\'\'|"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""
               |"(?:[^"\\\r\n]|\\.)*"|\'(?:[^'\\\r\n]|\\.)*\')
  | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]{_VARNAME})
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<word>(?:{_PREFIX})?:(?:{_LOCAL})?|[A-Za-z_]\w*)
  | (?P<punct>.)
''', re.X | re.S)

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
NETWORK_KEYWORDS = ("SERVICE", "LOAD")
MAX_DEPTH = 64            # nested groups, brackets or unary operators accepted (deeper is a 400)
_OPENERS, _CLOSERS, _UNARY = "{([", "})]", "!+-"
_DROP_TARGETS = ("ALL", "DEFAULT", "NAMED")


class Refused(ValueError):
    """An operation the endpoint will not run (the message says why); a 400 or 403."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


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


@dataclass(frozen=True)
class Operation:
    """What the endpoint needs to know about one query or update, from one pass over its tokens."""

    tokens: list[Token]
    form: str | None            # SELECT, ASK, CONSTRUCT, DESCRIBE (queries)
    network: str | None         # the first network keyword (SERVICE, LOAD)
    names_dataset: bool         # FROM / FROM NAMED outside any group
    drop: str | None            # "DROP ALL", "CLEAR DEFAULT", ...: an update emptying the store
    depth: int                  # deepest nesting of brackets and unary operators


def read_operation(text: str) -> Operation:
    toks = tokens(text)
    form = network = drop = None
    names_dataset, depth, deepest, unary_run = False, 0, 0, 0
    for i, (kind, value, _, _, braces) in enumerate(toks):  # plain tuple access: this runs per request
        if kind == "punct":
            if value in _OPENERS:
                depth += 1
            elif value in _CLOSERS:
                depth -= 1
            unary_run = unary_run + 1 if value in _UNARY else 0
            deepest = max(deepest, depth + unary_run)
            continue
        unary_run = 0
        if kind != "word":
            continue
        head, colon, _ = value.upper().partition(":")
        if network is None:  # Oxigraph needs no word boundary: a word or prefix holding it counts
            network = next((k for k in NETWORK_KEYWORDS if k in head), None)
        if colon:
            continue  # a prefixed name, not a keyword
        keyword = head
        if form is None and keyword in QUERY_FORMS:
            form = keyword
        elif keyword == "FROM" and braces == 0:
            names_dataset = True
        elif drop is None and keyword.startswith(("DROP", "CLEAR")):
            drop = _drop_target(keyword, toks[i + 1:i + 3])
    return Operation(toks, form, network, names_dataset, drop, deepest)


def _drop_target(word: str, following: list[Token]) -> str | None:
    """"DROP ALL" etc. when ``word`` and the bare words after it empty graphs wholesale. Spaces are
    optional to Oxigraph here too: ``DROPALL`` and ``CLEARSILENTALL`` drop everything."""
    verb = "DROP" if word.startswith("DROP") else "CLEAR"
    rest = word[len(verb):] + "".join(t.keyword or " " for t in following)
    rest = rest[len("SILENT"):] if rest.startswith("SILENT") else rest
    target = next((t for t in _DROP_TARGETS if rest.startswith(t)), None)
    return f"{verb} {target}" if target else None


def check(op: Operation, *, allow_drop: bool = False) -> None:
    """Raise Refused for what the endpoint never runs: network access, over-deep nesting, and
    (unless the server allows it) an update that empties the store."""
    if op.network:
        raise Refused(f"{op.network} is disabled: esgkg never fetches the network on a request's "
                      "behalf (a word or prefix holding it counts, as the parser reads it so)")
    if op.depth > MAX_DEPTH:
        raise Refused(f"the operation nests {op.depth} levels deep; the limit is {MAX_DEPTH}")
    if op.drop and not allow_drop:
        raise Refused(f"{op.drop} would empty the store; start the server with --allow-drop "
                      "to allow it", 403)


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE; None when the text has none (the parser will say why)."""
    return read_operation(text).form


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
