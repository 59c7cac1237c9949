"""Curation over HTTP: reject or correct a fact, undo a decision, and the /curation list.

``POST /api/facts/STATEMENT-ID/reject`` and ``/correct`` take JSON ``{"changes": {...},
"reason": "...", "by": "..."}`` (``changes`` for a correction only); STATEMENT-ID is the part of
the statement IRI after ``/id/statement/``. ``DELETE /api/decisions/ID`` undoes one. Writes need
the update token (``upload.require_token``) and go through the runner (``upload.ServedStore``).
"""
from __future__ import annotations

import re

from flask import Blueprint, current_app, jsonify, request

from esgkg.graph import curation

from .pages import fail, render_page
from .upload import WRITING, ServedStore, WriteRefused, require_token, write_status

bp = Blueprint("curation", __name__)


@bp.post("/api/facts/<doc_id:doc_id>/<statement>/<any(reject, correct):action>")
def decide(doc_id: str, statement: str, action: str):
    require_token()
    if not re.fullmatch(r"[a-z_]+-[0-9a-f]{12}", statement):
        fail(404, f"no statement {doc_id}/{statement}")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        fail(400, 'expected a JSON body {"reason": "...", "by": "..."'
                  + (', "changes": {"field": value}' if action == "correct" else "") + "}")
    store = ServedStore(current_app)
    if not store.has_document(doc_id):
        fail(404, f"no document {doc_id!r}")
    iri = f"{store.iris.base}id/statement/{doc_id}/{statement}"
    try:
        with WRITING:
            decision = curation.decide(store, store.update, iri, action, body)
    except curation.NoSuchFact as exc:
        fail(404, str(exc))
    except curation.CurationError as exc:
        fail(400, str(exc))
    except WriteRefused as exc:
        fail(write_status(exc), str(exc))
    return jsonify(decision.to_json()), 201


@bp.delete("/api/decisions/<decision_id>")
def undo(decision_id: str):
    require_token()
    if not re.fullmatch(r"[0-9a-f]{32}", decision_id):
        fail(404, f"no decision {decision_id!r}")
    store = ServedStore(current_app)
    try:
        with WRITING:
            decision = curation.undo(store, store.update, f"{store.iris.base}id/decision/{decision_id}")
    except LookupError as exc:
        fail(404, str(exc))
    except WriteRefused as exc:
        fail(write_status(exc), str(exc))
    return jsonify(undone=decision.to_json())


@bp.get("/curation")
@bp.get("/curation.json")
def decisions():
    """Every decision, newest first, the orphaned ones (their fact is gone) counted apart."""
    from .model import nodes_info

    store = ServedStore(current_app)
    found = [d.to_json() for d in reversed(curation.decisions(store))]
    labels = nodes_info(store, [d[f"{end}_iri"] for d in found for end in ("subject", "object")])
    for d in found:     # names as people read them; the IRI's last segment if it has none
        for end in ("subject", "object"):
            iri = d[f"{end}_iri"]
            d[end] = (labels.get(iri) or {}).get("label") or iri.rsplit("/", 1)[-1]
    return render_page("curation.html", {
        "decisions": found, "total": len(found),
        "orphaned": sum(d["orphaned"] for d in found)})


def raw_overlay(store, filters) -> tuple[dict[str, dict], set[str]]:
    """The /facts rows of every overridden statement as extraction gave them (``?raw``), each
    marked with its decisions, and which of them are rejected (no longer in the curated graph).

    The extracted quads go into a small in-memory store with the entities they name, and the
    table's own filter (``fact_table.where``) and row reader (``fact_table.rows``) run on it."""
    import pyoxigraph as ox

    from esgkg.graph.store import GraphStore

    from . import facts as fact_table
    from .model import records, run
    from .queries import PREFIXES

    quads, named = curation.extracted_quads(store)
    if not quads:
        return {}, set()
    raw = GraphStore(None, iris=store.iris)
    raw.ox.extend(quads)
    entities = ox.NamedNode(store.iris.entities_graph)
    for node in {q.object for q in quads if isinstance(q.object, ox.NamedNode)} | {q.subject for q in quads}:
        raw.ox.extend(store.quads_for_pattern(node, None, None, entities))
    matching = [r["st"] for r in records(run(
        raw, f"{PREFIXES} SELECT DISTINCT ?st WHERE {{ {fact_table.where(raw, filters)} }}"))]
    rows = {row["statement"]: row for row in fact_table.rows(raw, matching)}
    still_there = {r["st"].value for r in store.query(
        "SELECT ?st WHERE { VALUES ?st { " + " ".join(f"<{st}>" for st in rows) + " } "
        "GRAPH ?g { ?st <https://w3id.org/esgkg/ontology#kind> ?k } }")} if rows else set()
    for statement, row in rows.items():
        row["curated_by"] = named.get(statement, [])
        row["curation"] = "corrected" if statement in still_there else "rejected"
    return rows, set(rows) - still_there


def curated_by(store, statements) -> dict[str, list[str]]:
    """The decisions applied to each of some statements (checked IRIs), for the rows' marks."""
    if not statements:
        return {}
    from .model import records, run, sparql_term
    from .queries import PREFIXES

    text = (f"{PREFIXES} SELECT ?st ?d WHERE {{ VALUES ?st {{ "
            + " ".join(sparql_term(st) for st in statements)
            + " } GRAPH ?g { ?st esg:curatedBy ?d } }")
    out: dict[str, list[str]] = {}
    for row in records(run(store, text)):
        out.setdefault(row["st"], []).append(row["d"])
    return out
