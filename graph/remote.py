"""esgkg over an existing SPARQL 1.1 server instead of the embedded store.

``RemoteStore`` offers the GraphStore methods the rest of esgkg uses (``query``,
``quads_for_pattern``, ``named_graphs``, ``contains_named_graph``, ``dump``, ``replace_document``,
``remove_document``, ``document_ids``, ``has_document``, ``len``) through SPARQLWrapper, so
``ingest``, ``facts``, ``remove``, ``stats``, ``validate``, ``export``, ``dump``, ``serve`` and the
explorer run unchanged on data that lives elsewhere (Oxigraph server, Fuseki, GraphDB, ...).
``open_store(...)`` picks the backend from a store directory or a query (and update) URL; every
command opens its store through it.
"""
from __future__ import annotations

import socket
import urllib.error

import pyoxigraph as ox
from SPARQLWrapper import POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from .sparqltext import query_form
from .store import GraphStore, StoreError, _as_graph_blocks, store_path
from .vocab import Iris

# The response header by which esgkg's endpoint says it cut a result at its row limit.
TRUNCATED_HEADER = "X-SPARQL-Results-Truncated"


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

    @property
    def location(self) -> str:
        """Where the data lives, for messages."""
        return self.query_url

    def check_reachable(self) -> None:
        """Ask the server an empty ASK, so a wrong URL fails before any work is done."""
        self.query("ASK {}")

    # --- queries -------------------------------------------------------------------------------
    def raw_query(self, sparql: str, accept: str, *, default_graphs=None, named_graphs=None,
                  timeout: float | None = None) -> tuple[dict, bytes]:
        """Send a query as-is; return the server's (response headers, body) in the accepted format."""
        response = self._open(sparql, accept, default_graphs, named_graphs, timeout)
        return response.headers, response.read()

    def query(self, sparql: str, *, default_graph=None, named_graphs=None, **_ignored):
        """Like ``GraphStore.query``: QuerySolutions (streamed), QueryBoolean, or a list of Triples."""
        graph_result = query_form(sparql) in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph_result else "application/sparql-results+json"
        response = self._open(sparql, accept, _iris(default_graph), _iris(named_graphs))
        if graph_result:
            return [quad.triple for quad in ox.parse(response.read(), ox.RdfFormat.N_TRIPLES)]
        # Solutions are parsed as they arrive: a large result is never held whole in memory.
        return ox.parse_query_results(response, ox.QueryResultsFormat.JSON)

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None):
        """Like pyoxigraph's: the matching quads, streamed from one SELECT.

        ``graph_name`` None means the default graph (as the server defines it) and every named
        graph; ``ox.DefaultGraph()`` the default graph only. Blank nodes cannot be looked up: their
        labels are local to one result.
        """
        fixed = {"s": subject, "p": predicate, "o": object}
        if any(isinstance(t, ox.BlankNode) for t in (*fixed.values(), graph_name)):
            raise RemoteError("a blank node cannot be looked up on a remote SPARQL server", 400)
        pattern = " ".join(str(term) if term is not None else f"?{name}"
                           for name, term in fixed.items())
        if graph_name is None:
            where = f"{{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} }}"
        elif isinstance(graph_name, ox.DefaultGraph):
            where = pattern
        else:
            where = f"GRAPH {graph_name} {{ {pattern} }}"
        for row in self.query(f"SELECT * WHERE {{ {where} }}"):
            graph = graph_name if graph_name is not None else row["g"] or ox.DefaultGraph()
            yield ox.Quad(*(term if term is not None else row[name] for name, term in fixed.items()),
                          graph)

    def named_graphs(self):
        for row in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield row["g"]

    def contains_named_graph(self, graph) -> bool:
        """True when the graph holds a triple (an empty graph is invisible through SPARQL)."""
        return bool(self.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))

    def dump(self, output, rdf_format: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None:
        """Every quad of every graph, streamed to a binary output."""
        ox.serialize(self.quads_for_pattern(), output, rdf_format)

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
        return self.contains_named_graph(ox.NamedNode(self.iris.document_graph(doc_id)))

    def document_ids(self) -> list[str]:
        ids = (self.iris.doc_id_of_graph(g.value) for g in self.named_graphs()
               if isinstance(g, ox.NamedNode))
        return sorted(i for i in ids if i)

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION "
                          "{ GRAPH ?g { ?s ?p ?o } } }")
        return int(next(iter(rows))["n"].value)

    def flush(self) -> None:
        pass

    # --- plumbing ------------------------------------------------------------------------------
    def _open(self, sparql: str, accept: str, default_graphs=None, named_graphs=None,
              timeout: float | None = None):
        """The server's HTTP response to a query, unread."""
        client = self._client(self.query_url, timeout)
        client.setQuery(sparql)
        client.addCustomHttpHeader("Accept", accept)
        for graph in default_graphs or ():
            client.addDefaultGraph(graph)
        for graph in named_graphs or ():
            client.addNamedGraph(graph)
        return self._run(client)

    def _client(self, url: str, timeout: float | None, update_url: str | None = None):
        client = SPARQLWrapper(url, updateEndpoint=update_url)
        client.setMethod(POST)
        client.setOnlyConneg(True)
        client.setTimeout(int(max(1, round(timeout or self.timeout))))
        if self.token:
            client.addCustomHttpHeader("Authorization", f"Bearer {self.token}")
        return client

    def _run(self, client):
        url = client.updateEndpoint if client.isSparqlUpdateRequest() else client.endpoint
        try:
            return client.query().response
        except SPARQLWrapperException as exc:
            status = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404,
                      "URITooLong": 414}.get(type(exc).__name__, 502)
            raise RemoteError(f"{url}: {exc}", status) from None
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()
            raise RemoteError(f"{exc.url}: HTTP {exc.code}: {detail}", exc.code) from None
        except TimeoutError as exc:
            raise RemoteTimeout(f"{url}: no answer in time ({exc})") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (socket.timeout, TimeoutError)):
                raise RemoteTimeout(f"{url}: no answer in time") from None
            raise RemoteError(f"cannot reach the SPARQL server at {url}: {exc.reason}") from None


def _iris(graphs) -> list[str] | None:
    if graphs is None:
        return None
    if not isinstance(graphs, (list, tuple)):
        graphs = [graphs]
    return [getattr(g, "value", g) for g in graphs]


def open_store(store: str | None = None, backend_query: str | None = None,
               backend_update: str | None = None, backend_token: str | None = None, *,
               writes: bool = False, must_exist: bool | None = None):
    """The store a command works on: RemoteStore when ``backend_query`` is given, else GraphStore
    at ``store`` (default: ``store_path()``).

    ``writes``: the command changes the store (a remote one then needs ``backend_update``; the
    embedded one is opened read-write, else read-only). ``must_exist`` (default: not ``writes``):
    an embedded store that is not there is an error rather than created. A remote server is asked
    an empty ASK first, so an unreachable one fails at once. Raises StoreError with one line.
    """
    if backend_update and not backend_query:
        raise StoreError("--backend-update needs --backend-query URL as well")
    if backend_query:
        if store:
            raise StoreError("give either --store or --backend-query, not both")
        if writes and not backend_update:
            raise StoreError("this command changes the store: give --backend-update URL "
                             "(the server's SPARQL update endpoint) with --backend-query")
        remote = RemoteStore(backend_query, backend_update, token=backend_token)
        remote.check_reachable()
        return remote
    path = store_path(store)
    if (not writes if must_exist is None else must_exist) and not GraphStore.exists_at(path):
        raise StoreError(f"no store at {path} (run 'esgkg ingest PATH --store {path}' first)")
    return GraphStore(path, read_only=not writes)
