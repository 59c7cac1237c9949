"""The SPARQL 1.1 Graph Store Protocol's read side on ``/sparql``: ``GET ?graph=IRI`` returns that
named graph, ``GET ?default`` the default graph, in any RDF format of ``formats`` (Accept or
``format=``).

Kept apart from the query view so the protocol's other half stays one hook there. Graphs are read
with a CONSTRUCT through the endpoint's own reads (``esgkg_pooled_store``: under ``esgkg serve``
the executor processes and their time limit, never the web worker), so an on-disk store, an
in-process one and a remote backend answer alike; the default graph is what a query sees by
default: the union of the named graphs on the embedded store, the server's own default graph on
a remote backend.
"""
from __future__ import annotations

import pyoxigraph as ox
from flask import Response, abort, current_app, request

from esgkg.graph import formats
from esgkg.graph.remote import RemoteError

from .executor import QueryTimeout

ALL_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def is_read(args) -> bool:
    """A GET naming a graph and no query is a Graph Store Protocol read."""
    return ("graph" in args or "default" in args) and "query" not in args


def read(args) -> Response:
    """The requested graph, serialized in the negotiated format; 400/404/406 in plain text."""
    if "graph" in args and "default" in args:
        abort(400, "a Graph Store request names either ?graph=IRI or ?default, not both")
    try:
        fmt = formats.choose("graph", request.accept_mimetypes, args.get("format"))
    except formats.NotAcceptable as exc:
        abort(406, str(exc))
    store = current_app.extensions["esgkg_pooled_store"]
    try:
        if "default" in args:
            triples = store.query(ALL_TRIPLES, use_default_graph_as_union=True)
        else:
            try:
                graph = ox.NamedNode(args["graph"])
            except ValueError:
                abort(400, f"graph is not an IRI: {args['graph']!r}")
            if not store.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"):
                abort(404, f"no graph {graph} in this store")
            triples = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    except QueryTimeout as exc:
        abort(503, f"reading the graph took too long: {exc}")
    except RemoteError as exc:                    # the remote backend's own refusal or time-out
        abort(exc.status if 400 <= exc.status < 600 else 502, str(exc))
    data = (ox.Quad(t.subject, t.predicate, t.object) for t in triples) \
        if fmt.oxigraph.supports_datasets else triples
    response = Response(ox.serialize(data, format=fmt.oxigraph), mimetype=fmt.media_type)
    response.headers["Vary"] = "Accept"
    return response
