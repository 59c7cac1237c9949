"""The explorer's pages: home (/), graph view (/graph), document view (/doc/<id>), query page
(/query). Each page is also JSON (``?format=json``); the scripts of webapp/static/src draw them
from the /api routes.
"""
from __future__ import annotations

from flask import Blueprint, request

from . import model, queries
from .pages import fail, render_page, security_headers, store, wants_json

bp = Blueprint("explorer", __name__)
bp.after_request(security_headers)


@bp.get("/")
def home():
    data = {"stats": model.stats(store()), "examples": model.example_questions(store()),
            "documents": model.documents(store())[:20]}
    return render_page("home.html", data, kind_labels=model.KIND_LABELS)


@bp.get("/graph")
def graph():
    focus = request.args.get("focus")
    if wants_json():
        if not focus:
            fail(400, "focus is required")
        try:
            data = model.neighbourhood(store(), focus)
        except model.NotFound as exc:
            fail(404, str(exc))
        return render_page("graph.html", data)
    data = {"focus": focus, "fact": request.args.get("fact"),
            "kinds": request.args.get("kinds", ""), "year": request.args.get("year", ""),
            "document": request.args.get("document", "")}
    return render_page("graph.html", data, kind_labels=model.KIND_LABELS,
                       edge_kinds=model.EDGE_KINDS)


@bp.get("/doc/<doc_id>")
def document(doc_id: str):
    """The document view, which is also the HTML face of the document's IRI: RDF clients get
    the document's triples by content negotiation (see resources.py)."""
    from .resources import negotiated_rdf
    rdf = negotiated_rdf(store().iris.document(doc_id))
    if rdf is not None:
        return rdf
    try:
        data = model.document(store(), doc_id)
    except model.NotFound as exc:
        fail(404, str(exc))
    return render_page("document.html", data)


@bp.get("/query")
def query():
    data = {"endpoint": "/sparql",
            "examples": [{"title": t, "query": text} for t, text in queries.EXAMPLES]}
    return render_page("query.html", data)
