"""Canned ESG queries: SPARQL files under ``ontology/queries/`` (one a query, a ``# title:`` and a
``# description:`` line first), shown as tabs and a list on the query page and run by
``/queries/NAME`` (a table, ``.json`` and ``.csv``) through the store interface.

They are the endpoint's own examples too: each file runs on /sparql as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_HEADER = re.compile(r"^#\s*(title|description):\s*(.+)$")


@dataclass(frozen=True)
class CannedQuery:
    name: str            # the file name without .rq: the query's URL segment
    title: str
    description: str
    text: str


@cache
def canned_queries() -> tuple[CannedQuery, ...]:
    """Every canned query, by name."""
    folder = files("esgkg.ontology").joinpath("queries")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        header = dict(m.groups() for m in map(_HEADER.match, text.splitlines()) if m)
        missing = {"title", "description"} - set(header)
        if missing:
            raise ValueError(f"{entry.name}: no '# {sorted(missing)[0]}:' line")
        out.append(CannedQuery(entry.name[:-3], header["title"], header["description"], text))
    return tuple(out)


def get(name: str) -> CannedQuery | None:
    return next((q for q in canned_queries() if q.name == name), None)


def examples() -> list[dict]:
    """The canned queries as the query page and /api/examples list them."""
    return [{"name": q.name, "title": q.title, "description": q.description, "query": q.text,
             "page": f"/queries/{q.name}"} for q in canned_queries()]
