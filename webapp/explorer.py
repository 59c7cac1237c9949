"""The explorer's pages: home (/), graph view (/graph), document view (/doc/<id>), query page
(/query). Each page is also JSON (``?format=json``); the scripts of webapp/static/src draw them
from the /api routes.
"""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, redirect, request

from . import canned, model
from .pages import fail, render_page, store, wants_json

bp = Blueprint("explorer", __name__)
FIRST_LIMIT = 40          # neighbours drawn at first; the rest behind a "show N more" node


@bp.get("/")
def home():
    data = {"stats": model.stats(store()), "examples": model.example_questions(store()),
            "documents": model.documents(store(), per_page=20)["documents"]}
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
    if not focus and request.args.get("q"):          # the search form without scripts
        hits = model.search(store(), request.args["q"], 1)["results"]
        if hits:
            return redirect("/graph?" + urlencode({"focus": hits[0]["iri"]}))
    data = {"focus": focus, "fact": request.args.get("fact"),
            "kinds": request.args.get("kinds", ""), "year": request.args.get("year", ""),
            "document": request.args.get("document", "")}
    if focus:
        # The first neighbourhood request, preloaded by the browser while it parses the scripts.
        first = [("iri", focus), ("limit", str(FIRST_LIMIT)), ("offset", "0")]
        first += [(k, data[k]) for k in ("kinds", "year", "document") if data[k]]
        data["first_request"] = "/api/neighbourhood?" + urlencode(first)
    return render_page("graph.html", data, kind_labels=model.KIND_LABELS,
                       edge_kinds=model.EDGE_KINDS, predicate_kinds=model.PREDICATE_KINDS)


@bp.get("/doc/<doc_id:doc_id>")
def document(doc_id: str):
    """The document view, which is also the HTML face of the document's IRI: RDF clients get
    the document's triples by content negotiation (see resources.py)."""
    from .resources import negotiated_rdf, vary_accept
    rdf = negotiated_rdf(store().iris.document(doc_id))
    if rdf is not None:
        return rdf
    try:
        data = model.document(store(), doc_id)
    except model.NotFound as exc:
        fail(404, str(exc))
    return vary_accept(render_page("document.html", data))


@bp.get("/query")
def query():
    data = {"endpoint": "/sparql", "examples": canned.examples()}
    return render_page("query.html", data)
