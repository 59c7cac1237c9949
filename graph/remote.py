"""esgkg over an existing SPARQL 1.1 server instead of the embedded store.

``RemoteStore`` offers the GraphStore methods the rest of esgkg uses (``query``,
``replace_document``, ``remove_document``, ``document_ids``, ``has_document``) through SPARQLWrapper,
so ``ingest``, ``facts``, ``serve`` and the explorer run unchanged on data that lives elsewhere
(Oxigraph server, Fuseki, GraphDB, ...). ``open_store(args)`` picks the backend from the shared
``--store`` / ``--backend-query`` / ``--backend-update`` options.
"""
from __future__ import annotations

import argparse
import os
import socket
import urllib.error

import pyoxigraph as ox
from SPARQLWrapper import POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from .store import GraphStore, StoreError, _as_graph_blocks, store_path
from .vocab import Iris


class RemoteError(StoreError):
    """The remote SPARQL server refused or failed an operation; ``status`` is its HTTP status."""

    def __init__(self, message: str, status: int = 502):
        super().__init__(message)
        self.status = status


class RemoteTimeout(RemoteError):
    def __init__(self, message: str):
        super().__init__(message, 504)


class RemoteStore:
    """A SPARQL 1.1 query (and optionally update) endpoint, used like a GraphStore."""

    def __init__(self, query_url: str, update_url: str | None = None, *, timeout: float = 30.0,
                 token: str | None = None, iris: Iris | None = None):
        self.query_url, self.update_url = query_url, update_url
        self.timeout, self.token = timeout, token
        self.iris = iris or Iris()

    # --- queries -------------------------------------------------------------------------------
    def raw_query(self, sparql: str, accept: str, *, default_graphs=None, named_graphs=None,
                  timeout: float | None = None) -> tuple[str, bytes]:
        """Send a query as-is; return the server's (content type, body) in the accepted format."""
        client = self._client(self.query_url, timeout)
        client.setQuery(sparql)
        client.addCustomHttpHeader("Accept", accept)
        for graph in default_graphs or ():
            client.addDefaultGraph(graph)
        for graph in named_graphs or ():
            client.addNamedGraph(graph)
        response = self._run(client)
        return response.headers.get("Content-Type", accept), response.read()

    def query(self, sparql: str, *, default_graph=None, named_graphs=None, **_ignored):
        """Like ``GraphStore.query``: QuerySolutions, QueryBoolean, or a list of Triples."""
        from esgkg.webapp.sparqltext import query_form  # text-level look at the query form only
        graph_result = query_form(sparql) in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph_result else "application/sparql-results+json"
        _, body = self.raw_query(sparql, accept, default_graphs=_iris(default_graph),
                                 named_graphs=_iris(named_graphs))
        if graph_result:
            return [quad.triple for quad in ox.parse(body, ox.RdfFormat.N_TRIPLES)]
        return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)

    # --- updates -------------------------------------------------------------------------------
    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        if not self.update_url:
            raise RemoteError("this remote store has no update endpoint (--backend-update)", 403)
        client = self._client(self.query_url, timeout, update_url=self.update_url)
        client.setQuery(sparql)
        self._run(client).read()

    def replace_document(self, doc_id: str, document_nquads: str, entity_nquads: str) -> None:
        """Swap in one document's graph and add its entities, in one update request."""
        graph = self.iris.document_graph(doc_id)
        self.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{\n"
                    f"{_as_graph_blocks(document_nquads)}\n{_as_graph_blocks(entity_nquads)}\n}}")

    def remove_document(self, doc_id: str) -> bool:
        if not self.has_document(doc_id):
            return False
        self.update(f"DROP GRAPH <{self.iris.document_graph(doc_id)}>")
        return True

    def has_document(self, doc_id: str) -> bool:
        graph = self.iris.document_graph(doc_id)
        return bool(self.query(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))

    def document_ids(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        ids = (self.iris.doc_id_of_graph(row["g"].value) for row in rows
               if isinstance(row["g"], ox.NamedNode))
        return sorted(i for i in ids if i)

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION "
                          "{ GRAPH ?g { ?s ?p ?o } } }")
        return int(next(iter(rows))["n"].value)

    def flush(self) -> None:
        pass

    # --- plumbing ------------------------------------------------------------------------------
    def _client(self, url: str, timeout: float | None, update_url: str | None = None):
        client = SPARQLWrapper(url, updateEndpoint=update_url)
        client.setMethod(POST)
        client.setOnlyConneg(True)
        client.setTimeout(int(max(1, round(timeout or self.timeout))))
        if self.token:
            client.addCustomHttpHeader("Authorization", f"Bearer {self.token}")
        return client

    def _run(self, client):
        try:
            return client.query().response
        except SPARQLWrapperException as exc:
            status = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404,
                      "URITooLong": 414}.get(type(exc).__name__, 502)
            raise RemoteError(f"{client.endpoint}: {exc}", status) from None
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()
            raise RemoteError(f"{exc.url}: HTTP {exc.code}: {detail}", exc.code) from None
        except (socket.timeout, TimeoutError) as exc:
            raise RemoteTimeout(f"{client.endpoint}: no answer in time ({exc})") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (socket.timeout, TimeoutError)):
                raise RemoteTimeout(f"{client.endpoint}: no answer in time") from None
            raise RemoteError(f"{client.endpoint}: {exc.reason}") from None


def _iris(graphs) -> list[str] | None:
    if graphs is None:
        return None
    if not isinstance(graphs, (list, tuple)):
        graphs = [graphs]
    return [getattr(g, "value", g) for g in graphs]


# --- the shared command-line options ----------------------------------------------------------------
def add_backend_arguments(parser: argparse.ArgumentParser) -> None:
    """``--store DIR`` or ``--backend-query URL [--backend-update URL]``: where the graph lives."""
    parser.add_argument("--store", help="data directory of the embedded store "
                                        "(default: $ESGKG_STORE or ./esgkg-data)")
    parser.add_argument("--backend-query", metavar="URL",
                        help="use a remote SPARQL 1.1 query endpoint instead of the embedded store")
    parser.add_argument("--backend-update", metavar="URL",
                        help="the remote SPARQL 1.1 update endpoint (with --backend-query)")
    parser.add_argument("--backend-token", metavar="TOKEN",
                        default=os.environ.get("ESGKG_BACKEND_TOKEN"),
                        help="Bearer token sent to the remote update endpoint")


def open_store(args: argparse.Namespace, *, read_only: bool = False):
    """The store the command works on: RemoteStore when --backend-query is given, else GraphStore."""
    query_url = getattr(args, "backend_query", None)
    if query_url:
        return RemoteStore(query_url, getattr(args, "backend_update", None),
                           token=getattr(args, "backend_token", None))
    return GraphStore(store_path(getattr(args, "store", None)), read_only=read_only)
