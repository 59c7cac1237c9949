"""What the web app reads and writes through: a runner for the endpoint, a store for the pages.

Three backends, one interface each:

* on-disk store (``esgkg serve``): ``ExecutorPool`` runs every operation in killable executor
  processes; ``PooledStore`` gives the other blueprints a GraphStore-like ``query`` on the same
  pool, so their queries get the same time limit and locking and no web worker opens RocksDB;
* an in-process store object (``STORE_OBJECT``, for tests): ``InlineRunner``;
* a remote SPARQL server (``BACKEND_QUERY`` / ``BACKEND_UPDATE``): ``RemoteRunner`` forwards the
  operation through ``RemoteStore`` (SPARQLWrapper).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

import pyoxigraph as ox

from esgkg.graph.formats import BY_NAME
from esgkg.graph.remote import RemoteError, RemoteStore, RemoteTimeout
from esgkg.graph.sparqltext import query_form
from esgkg.graph.vocab import Iris

from .executor import ExecutorPool, InlineRunner, QueryTimeout, generation


class PooledStore:
    """GraphStore's read methods over an ExecutorPool (results parsed back into pyoxigraph types)."""

    def __init__(self, pool: ExecutorPool, timeout: float, iris: Iris | None = None):
        self.pool, self.timeout, self.iris = pool, timeout, iris or Iris()
        self.path = pool.store

    def query(self, sparql: str, *, use_default_graph_as_union: bool = False,
              default_graph=None, named_graphs=None, base_iri: str | None = None, **_ignored):
        graph_result = query_form(sparql) in ("CONSTRUCT", "DESCRIBE")
        job = {"op": "query", "text": sparql, "base": base_iri, "max_rows": 0,
               "format": "ntriples" if graph_result else "json",
               "union": use_default_graph_as_union,
               "default_graphs": _iris(default_graph), "named_graphs": _iris(named_graphs)}
        if job["default_graphs"] is not None or job["named_graphs"] is not None:
            job["default_graphs"] = job["default_graphs"] or []
        body = bytearray()
        for message in self.pool.run(job, self.timeout):
            if message[0] == "chunk":
                body += message[1]
            elif message[0] == "error":
                raise (SyntaxError if message[1] == 400 else OSError)(message[2])
        if graph_result:
            return [quad.triple for quad in ox.parse(bytes(body), ox.RdfFormat.N_TRIPLES)]
        return ox.parse_query_results(bytes(body), ox.QueryResultsFormat.JSON)

    def document_ids(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        ids = (self.iris.doc_id_of_graph(row["g"].value) for row in rows)
        return sorted(i for i in ids if i)

    def has_document(self, doc_id: str) -> bool:
        return bool(self.query(f"ASK {{ GRAPH <{self.iris.document_graph(doc_id)}> {{ ?s ?p ?o }} }}"))


def _iris(graphs):
    if graphs is None:
        return None
    if not isinstance(graphs, (list, tuple)):
        graphs = [graphs]
    return [getattr(g, "value", g) for g in graphs]


class RemoteRunner:
    """Runs endpoint jobs on a remote SPARQL server, in the same message shape as the executors."""

    def __init__(self, store: RemoteStore):
        self.store = store

    def generation(self):
        return None  # the remote data may change at any time: never cache

    def run(self, job: dict, timeout: float, lane: str = "heavy", on_done=None):
        try:
            if job["op"] == "update":
                self.store.update(job["text"], timeout=timeout)
                yield ("head", {"kind": "update"})
            else:
                fmt = BY_NAME[job["format"]]
                _, body = self.store.raw_query(job["text"], fmt.media_type,
                                               default_graphs=job.get("default_graphs"),
                                               named_graphs=job.get("named_graphs"),
                                               timeout=timeout)
                yield ("head", {"kind": fmt.kind, "truncated": False})
                yield ("chunk", body)
            yield ("end", None)
        except RemoteTimeout as exc:
            raise QueryTimeout(str(exc)) from None
        except RemoteError as exc:
            yield ("error", exc.status if 400 <= exc.status < 600 else 502, str(exc))

    def close(self) -> None:
        pass


class ReopeningStore:
    """A read-only GraphStore for the pages, reopened after each update the endpoint commits.

    The pages (explorer, export, analysis) use pyoxigraph directly (``store.ox``), so they cannot
    go through the executor processes. Caveat: this handle is not part of the executors'
    reader/writer locking, so with ``--update-token`` a page read that overlaps a write relies on
    RocksDB's read-only mode during a write, which pyoxigraph calls undefined; read-only serving
    (no token) is fully safe.
    """

    def __init__(self, path: str, iris: Iris | None = None):
        # No Iris of its own: the store's recorded base is the one served (``.iris`` is the store's).
        self.path, self._iris = path, iris
        self._store, self._generation, self._lock = None, None, threading.Lock()

    def _current(self):
        from esgkg.graph.store import GraphStore, StoreError

        now = generation(self.path)
        with self._lock:
            if self._store is None or now != self._generation:
                try:
                    self._store = GraphStore(self.path, read_only=True, iris=self._iris)
                except StoreError:  # no database yet
                    self._store = GraphStore(None, iris=self._iris)
                self._generation = now
            return self._store

    def __getattr__(self, name):
        return getattr(self._current(), name)

    def __len__(self) -> int:
        return len(self._current())


@dataclass
class Backend:
    store: object      # for the pages: GraphStore-like, with ``.ox`` for the embedded store
    runner: object     # for /sparql: ExecutorPool, InlineRunner or RemoteRunner
    pooled: object     # GraphStore-like reads through the executors (time limit), or the store
    serving: object = None  # the on-disk store's serving lock, held while the app lives


def open_backend(config: dict) -> Backend:
    """The stores and the endpoint's runner from the app config."""
    if config.get("STORE_OBJECT") is not None:
        store = config["STORE_OBJECT"]
        return Backend(store, InlineRunner(store), store)
    if config.get("BACKEND_QUERY"):
        store = RemoteStore(config["BACKEND_QUERY"], config.get("BACKEND_UPDATE"),
                            timeout=config["QUERY_TIMEOUT"], token=config.get("BACKEND_TOKEN"))
        return Backend(store, RemoteRunner(store), store)
    from esgkg.graph.store import GraphStore, hold_for_serving

    serving = hold_for_serving(config["STORE"])
    iris = Iris(GraphStore.base_of(config["STORE"]))  # the store's own base, as it recorded it
    pool = ExecutorPool(config["STORE"], size=config["EXECUTORS"])
    return Backend(ReopeningStore(config["STORE"], iris),
                   pool, PooledStore(pool, config["QUERY_TIMEOUT"], iris), serving)
