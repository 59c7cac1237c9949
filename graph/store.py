"""The embedded Oxigraph store: where documents land whole or not at all.

pyoxigraph does the storage and SPARQL; this module adds the document-level operations esgkg needs
(atomic replace and remove of one document's named graph) and the rdflib view through oxrdflib.

One writer or the servers, never both: a read-write GraphStore holds an exclusive flock on the
directory's ``.esgkg-writer.lock`` while it is open, and ``esgkg serve`` holds a shared one while
it runs (its own writes go through its executors' locking, see ``webapp/executor.py``). The
server's readers keep read-only handles, which RocksDB does not support beside a foreign writer,
and would go on serving the old data; so whichever comes second is refused, saying what to do.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pyoxigraph as ox
import rdflib
from oxrdflib import OxigraphStore

from .vocab import Iris

DEFAULT_STORE = "./esgkg-data"
WRITER_LOCK = ".esgkg-writer.lock"


class StoreError(Exception):
    """A store that cannot be opened or an operation on it that was refused."""


def store_path(explicit: str | None = None) -> str:
    """The data directory: ``--store``, else ``ESGKG_STORE``, else ``./esgkg-data``."""
    return explicit or os.environ.get("ESGKG_STORE") or DEFAULT_STORE


def _lock(path: Path, mode: int):
    """The directory's writer lock taken in ``mode`` without waiting (None if someone else holds
    it); the lock lasts as long as the returned file stays open."""
    path.mkdir(parents=True, exist_ok=True)
    handle = open(path / WRITER_LOCK, "a")  # noqa: SIM115 - held open on purpose
    try:
        fcntl.flock(handle, mode | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def hold_for_serving(path: str | os.PathLike):
    """Keep other processes from writing to the store while it is served (a shared lock; the
    servers' own writes are serialized by their executors). Raises StoreError with what to do."""
    handle = _lock(Path(path), fcntl.LOCK_SH)
    if handle is None:
        raise StoreError(f"another process is writing to the store {path} (esgkg ingest, load, "
                         "remove or restore?); wait for it to finish, then start the server")
    return handle


class GraphStore:
    """One esgkg data directory (or an in-memory store when ``path`` is None)."""

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False,
                 iris: Iris | None = None):
        self.path = Path(path) if path is not None else None
        self.iris = iris or Iris()
        try:
            if self.path is None:
                self.ox = ox.Store()
            elif read_only:
                self.ox = ox.Store.read_only(str(self.path))
            else:
                self._writer_lock = _lock(self.path, fcntl.LOCK_EX)
                if self._writer_lock is None:
                    raise StoreError(
                        f"the store {self.path} is in use by a running esgkg serve (or another "
                        "writer); stop the server first, or send the release through it: esgkg "
                        "ingest FILE --backend-query URL/sparql --backend-update URL/sparql "
                        "--backend-token TOKEN")
                self.ox = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc

    @classmethod
    def exists_at(cls, path: str | os.PathLike) -> bool:
        p = Path(path)
        return p.is_dir() and any(p.iterdir())

    # --- documents -----------------------------------------------------------------------
    def replace_document(self, doc_id: str, document_nquads: str, entity_nquads: str) -> None:
        """Swap in one document's graph and add its entities, in one transaction."""
        graph = self.iris.document_graph(doc_id)
        update = (
            f"DROP SILENT GRAPH <{graph}> ;\n"
            f"INSERT DATA {{\n{_as_graph_blocks(document_nquads)}\n{_as_graph_blocks(entity_nquads)}\n}}"
        )
        try:
            self.ox.update(update)
        except (SyntaxError, OSError, ValueError) as exc:
            raise StoreError(f"could not store document {doc_id}: {exc}") from exc

    def remove_document(self, doc_id: str) -> bool:
        """Drop one document's graph; False when there was no such document."""
        graph = ox.NamedNode(self.iris.document_graph(doc_id))
        if not self.ox.contains_named_graph(graph):
            return False
        self.ox.remove_graph(graph)
        return True

    def document_ids(self) -> list[str]:
        ids = (self.iris.doc_id_of_graph(g.value) for g in self.ox.named_graphs()
               if isinstance(g, ox.NamedNode))
        return sorted(i for i in ids if i)

    def has_document(self, doc_id: str) -> bool:
        return self.ox.contains_named_graph(ox.NamedNode(self.iris.document_graph(doc_id)))

    # --- access (the methods RemoteStore offers too, so commands run on either) ------------
    @property
    def location(self) -> str:
        """Where the data lives, for messages."""
        return str(self.path) if self.path is not None else "an in-memory store"

    def query(self, sparql: str, **kwargs):
        return self.ox.query(sparql, **kwargs)

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None):
        return self.ox.quads_for_pattern(subject, predicate, object, graph_name)

    def named_graphs(self):
        return self.ox.named_graphs()

    def contains_named_graph(self, graph) -> bool:
        return self.ox.contains_named_graph(graph)

    def dump(self, output, rdf_format: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None:
        """Every quad of every graph, streamed to a binary output."""
        self.ox.dump(output, rdf_format)

    def __len__(self) -> int:
        return len(self.ox)

    def rdflib_dataset(self) -> rdflib.Dataset:
        """The same data through the rdflib API (oxrdflib), for code that speaks rdflib."""
        return rdflib.Dataset(store=OxigraphStore(store=self.ox))

    def flush(self) -> None:
        self.ox.flush()


def _as_graph_blocks(nquads: str) -> str:
    """Turn N-Quads lines into ``GRAPH <g> { triple . }`` blocks for INSERT DATA."""
    by_graph: dict[str, list[str]] = {}
    for line in nquads.splitlines():
        line = line.strip()
        if not line:
            continue
        body, graph = line[:-1].rstrip().rsplit(" ", 1)
        by_graph.setdefault(graph, []).append(body + " .")
    return "\n".join(f"GRAPH {g} {{\n" + "\n".join(triples) + "\n}" for g, triples in by_graph.items())
