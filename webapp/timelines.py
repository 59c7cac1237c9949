"""Entity timelines (on resource pages) and the comparison of 2-4 companies (/compare).

Both are read from the fact table (``facts.py``), so a timeline mark is a row of /facts and links
to the same fact: its sentence in its document. A fact's year is its ``year`` qualifier, else
its ``since``, else the year of the document that states it (a certification has no year of
its own); the mark says which.
"""
from __future__ import annotations

from collections import defaultdict

from esgkg.graph.vocab import LITERAL_QUALIFIERS

from . import facts as fact_table
from . import queries as q
from .model import KIND_LABELS, NotFound, fact_label, nodes_info, records, run, sparql_term, valid_iri

MAX_SERIES = 40          # rows drawn on one timeline; the fact table has the rest
MIN_COMPARED, MAX_COMPARED = 2, 4   # companies side by side on /compare (a row each)
MAX_HUB_FACTS = 200      # facts read for the timeline of an index, award or standard
# What a timeline shows: the kinds whose facts happen in a year (located_in, part_of and the like
# are states, and their only year would be the release's date).
TIMELINE_KINDS = ("award", "index_inclusion", "certification", "membership")
# What a mark says beside its kind: its literal qualifiers, less the years that place it.
MARK_DETAIL = tuple(name for name in LITERAL_QUALIFIERS if name not in ("year", "since"))


def marks(store, rows: list[dict], series_of) -> list[dict]:
    """One mark per fact row with a year; ``series_of(row)`` names the timeline row it is on."""
    dates = _document_years(store, {r["document"] for r in rows
                                    if "year" not in r and "since" not in r})
    out = []
    for r in rows:
        year, source = ((r["year"], "year") if "year" in r else (r["since"], "since") if "since" in r
                        else (dates.get(r["document"]), "document date"))
        if year is None:
            continue
        detail = ", ".join(f"{name.replace('_', ' ')} {str(r[name]).replace('_', ' ')}"
                           for name in MARK_DETAIL if name in r)
        out.append({"year": year, "year_from": source, "kind": r["kind"],
                    "kind_label": fact_label(r["kind"], r.get("status")),
                    "series": series_of(r), "subject": r["subject"], "object": r["object"],
                    "subject_iri": r["subject_iri"], "object_iri": r["object_iri"],
                    "detail": detail, "inferred": r["inferred"], "statement": r["statement"],
                    "fact_page": r["fact_page"]})
    return sorted(out, key=lambda m: (TIMELINE_KINDS.index(m["kind"]) if m["kind"] in TIMELINE_KINDS
                                      else len(TIMELINE_KINDS), m["series"], m["year"]))


def _document_years(store, doc_ids: set[str]) -> dict[str, int]:
    if not doc_ids:
        return {}
    values = " ".join(sparql_term(store.iris.document_graph(d)) for d in sorted(doc_ids))
    return {store.iris.doc_id_of_graph(r["g"]): int(r["date"][:4])
            for r in records(run(store, q.DOCUMENT_DATES.replace("{values}", values)))
            if r["date"][:4].isdigit()}


def _series(row: dict) -> str:
    """A company's timeline row: one per kind and object ("included in DJSI World")."""
    return f"{fact_label(row['kind'], row.get('status'))} {row['object']}"


def timeline(store, iri: str) -> dict:
    """An entity's facts by year: a company's own facts (a row per kind and object), or the
    facts naming an index, award or standard (a row per company), at most MAX_SERIES rows."""
    kinds = list(TIMELINE_KINDS)
    own = list(fact_table.all_rows(store, fact_table.Filters(kind=kinds, subject=[iri])))
    if own:
        found = marks(store, own, _series)
    else:
        # A hub (an index of 300 companies) draws the rows of its newest facts only.
        about = list(fact_table.all_rows(store, fact_table.Filters(kind=kinds, object=[iri]),
                                         limit=MAX_HUB_FACTS))
        found = marks(store, about, lambda r: r["subject"])
    series = list(dict.fromkeys(m["series"] for m in found))
    shown = set(series[:MAX_SERIES])
    return {"marks": [m for m in found if m["series"] in shown], "series": len(series),
            "more": max(0, len(series) - MAX_SERIES)}


def compare(store, entities: list[str]) -> dict:
    """2-4 companies side by side: their facts by kind, what they share, one timeline."""
    entities = list(dict.fromkeys(entities))
    if not MIN_COMPARED <= len(entities) <= MAX_COMPARED:
        raise ValueError(f"compare takes {MIN_COMPARED} to {MAX_COMPARED} different entity parameters")
    bad = [e for e in entities if not valid_iri(e)]
    if bad:
        raise ValueError(f"not an IRI: {bad[0]!r}")
    info = nodes_info(store, entities)
    columns, objects = [], defaultdict(dict)
    all_marks = []
    for iri in entities:
        rows = list(fact_table.all_rows(store, fact_table.Filters(subject=[iri])))
        if not rows:
            raise NotFound(f"no facts about {info[iri]['label']} ({iri})")
        by_kind: dict[str, list] = defaultdict(list)
        for r in rows:
            if not r["inferred"]:
                by_kind[r["kind"]].append(r)
            objects[r["object_iri"]][iri] = r["object"]
        columns.append({"iri": iri, "label": info[iri]["label"], "type": info[iri]["type"],
                        "page": info[iri]["page"], "facts": sum(map(len, by_kind.values())),
                        "kinds": [{"kind": k, "label": KIND_LABELS.get(k, k),
                                   "facts": sorted(v, key=lambda r: (r["object"].lower(), r.get("year", 0)))}
                                  for k, v in sorted(by_kind.items())]})
        all_marks += marks(store, [r for r in rows if r["kind"] in TIMELINE_KINDS],
                           lambda r, label=info[iri]["label"]: f"{label}: {_series(r)}")
    shared_iris = [o for o, who in objects.items() if len(who) > 1]
    types = nodes_info(store, shared_iris)
    shared: dict[str, list] = defaultdict(list)
    for o in sorted(shared_iris, key=lambda o: (-len(objects[o]), types[o]["label"].lower())):
        shared[types[o]["type"]].append({"iri": o, "label": types[o]["label"], "page": types[o]["page"],
                                         "entities": [e for e in entities if e in objects[o]]})
    return {"entities": columns, "shared": dict(sorted(shared.items())),
            "timeline": {"marks": all_marks, "more": 0,
                         "series": len({m["series"] for m in all_marks})}}
