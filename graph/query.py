"""One SPARQL query through either door: the embedded store or a SPARQL 1.1 endpoint.

The default graph is the union of all graphs, as on ``esgkg serve``'s endpoint, so the same query
gives the same answer through either door; the embedded store refuses what the endpoint refuses
(network access, over-deep nesting), as it would fetch the network for SERVICE.
"""
from __future__ import annotations

import http.client

import pyoxigraph as ox

from .formats import Format
from .remote import TRUNCATED_HEADER, RemoteError, RemoteStore
from .sparqltext import Refused, check, read_operation
from .store import GraphStore, StoreError, store_path


def query_bytes(text: str, fmt: Format, *, store: str | None = None,
                endpoint: str | None = None) -> tuple[bytes, str | None]:
    """The result of a query serialized in ``fmt``, and the endpoint's truncation note (its
    row limit) when it cut the result short. Raises StoreError (or SyntaxError) with one line."""
    if endpoint:
        try:
            headers, body = RemoteStore(endpoint).raw_query(text, fmt.media_type)
        except RemoteError as exc:
            raise StoreError(str(exc)) from None
        except http.client.HTTPException as exc:  # e.g. IncompleteRead: the server broke it off
            raise StoreError(f"{endpoint} cut the result off before its end "
                             f"({type(exc).__name__}); nothing is printed") from None
        truncated = headers.get(TRUNCATED_HEADER, "")
        return body, truncated if truncated.startswith("true") else None
    try:
        check(read_operation(text))
    except Refused as exc:
        raise StoreError(str(exc)) from None
    path = store_path(store)
    if not GraphStore.exists_at(path):
        raise StoreError(f"no store at {path} (run esgkg ingest first)")
    result = GraphStore(path, read_only=True).query(text, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryTriples):
        triples = result
        if fmt.oxigraph.supports_datasets:
            triples = (ox.Quad(t.subject, t.predicate, t.object) for t in result)
        return ox.serialize(triples, format=fmt.oxigraph), None
    return result.serialize(format=fmt.oxigraph), None
