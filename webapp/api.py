"""The explorer's JSON API: what the front end fetches, and what scripts may use the same way.

/api/search, /api/neighbourhood, /api/fact, /api/document/<id>, /api/stats, /api/documents,
/api/nodes, /api/examples.
"""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from . import canned, model
from .pages import fail, int_arg, page_args, store

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search():
    limit = int_arg("limit", 10, lo=1, hi=100)
    return jsonify(model.search(store(), request.args.get("q", ""), limit))


@bp.get("/neighbourhood")
def neighbourhood():
    iri = request.args.get("iri") or request.args.get("focus")
    if not iri:
        fail(400, "iri is required")
    kinds = [k for raw in request.args.getlist("kinds") for k in raw.split(",") if k]
    unknown = set(kinds) - set(model.EDGE_KINDS) - {"mentions"}
    if unknown:
        fail(400, f"unknown fact kinds: {', '.join(sorted(unknown))}")
    try:
        data = model.neighbourhood(
            store(), iri, kinds=kinds, year=int_arg("year"),
            document=request.args.get("document") or None,
            limit=int_arg("limit", model.DEFAULT_LIMIT, lo=1, hi=model.MAX_LIMIT),
            offset=int_arg("offset", 0, lo=0))
    except model.NotFound as exc:
        fail(404, str(exc))
    return jsonify(data)


@bp.get("/fact")
def fact():
    iri = request.args.get("iri")
    if not iri:
        fail(400, "iri is required")
    try:
        return jsonify(model.fact(store(), iri))
    except model.NotFound as exc:
        fail(404, str(exc))


@bp.get("/document/<doc_id:doc_id>")
def document(doc_id: str):
    try:
        return jsonify(model.document(store(), doc_id))
    except model.NotFound as exc:
        fail(404, str(exc))


# IRIs /api/nodes describes per request: a CONSTRUCT result's page of nodes, in one query.
MAX_NODE_IRIS = 500


@bp.route("/nodes", methods=["GET", "POST"])
def nodes():
    """Label, aliases and type of up to 500 IRIs, e.g. a CONSTRUCT result's: ``?iri=...&iri=...``,
    or a POSTed JSON ``{"iris": [...]}`` (a long list of IRIs does not fit in a request line)."""
    if request.method == "POST":
        body = request.get_json(silent=True)
        iris = body.get("iris") if isinstance(body, dict) else None
        if not isinstance(iris, list) or not all(isinstance(i, str) for i in iris):
            fail(400, 'expected a JSON body {"iris": ["...", ...]}')
    else:
        iris = request.args.getlist("iri")
    if len(iris) > MAX_NODE_IRIS:
        fail(400, f"at most {MAX_NODE_IRIS} iri parameters")
    info = model.nodes_info(store(), iris)
    return jsonify({"nodes": [info[i] for i in iris if i in info]})


@bp.get("/documents")
def documents():
    """The same answer as /documents.json (kept for scripts written against the API)."""
    return jsonify(model.documents(store(), request.args.get("q", ""), *page_args()))


@bp.get("/stats")
def stats():
    return jsonify(model.stats(store()))


@bp.get("/examples")
def examples():
    """The example queries of the query page (YASGUI tabs): the canned queries."""
    return jsonify({"endpoint": "/sparql", "examples": canned.examples()})
