"""``/export``: the graph, one document, one named graph or an explorer view in any registered
format, streamed.

The format comes from ``?format=`` or, failing that, from the Accept header matched against the
registry's media types; the download file name says what was exported. A view is a list of
``entity`` and ``statement`` IRIs, usually POSTed as a form (the graph view's "current view"
export: a few hundred IRIs overflow a request line). ``/context.jsonld`` is the published JSON-LD
context the JSON-LD export refers to. Templates get the registry as ``export_formats``, so the
explorer's format menus list exactly what this route serves.
"""
from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, jsonify, request

from esgkg.graph import export
from esgkg.graph.vocab import is_doc_id

from .extensions import get_store
from .pages import fail

bp = Blueprint("export", __name__)

DEFAULT_FORMAT = "turtle"


@bp.app_context_processor
def export_formats() -> dict:
    return {"export_formats": list(export.FORMATS.values())}


def _negotiated_format() -> str | None:
    """The format name asked for: ``format=``, else the best match of the Accept header."""
    name = request.values.get("format")
    if name:
        return name
    if not request.accept_mimetypes or request.accept_mimetypes.best == "*/*":
        return DEFAULT_FORMAT
    best = request.accept_mimetypes.best_match([f.media_type for f in export.FORMATS.values()])
    return export.format_for_media_type(best).name if best else None


@bp.route("/export", methods=["GET", "POST"])
def export_graph():
    store = get_store(current_app)
    name = _negotiated_format()
    if name is None:
        fail(406, "none of the accepted media types is an export format; available: "
                     + ", ".join(f.media_type for f in export.FORMATS.values()))
    document, graph = request.values.get("document") or None, request.values.get("graph") or None
    if document is not None and not is_doc_id(document):
        fail(404, f"no document {document!r} in the store")
    try:
        if graph is not None:
            ox.NamedNode(graph)
    except ValueError:
        fail(400, f"graph is not an IRI: {graph!r}")
    try:
        fmt, selection = export.prepare(store, name, document, graph,
                                        request.values.getlist("entity"),
                                        request.values.getlist("statement"))
    except export.NotFound as exc:
        fail(404, str(exc))
    except export.ExportError as exc:
        fail(400, str(exc))
    stem = (f"esgkg-{selection.document}" if selection.document
            else "esgkg-view" if selection.is_view else "esgkg")
    response = Response(export.stream(store, fmt, selection), mimetype=fmt.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{fmt.filename(stem)}"'
    response.headers["Vary"] = "Accept"
    return response


@bp.get("/context.jsonld")
def jsonld_context():
    response = jsonify(export.jsonld_context())
    response.mimetype = "application/ld+json"
    response.headers["Access-Control-Allow-Origin"] = "*"  # JSON-LD processors fetch it anywhere
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
