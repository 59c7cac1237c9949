"""The embedded Oxigraph store: where documents land whole or not at all.

pyoxigraph does the storage and SPARQL; this module adds the document-level operations esgkg needs
(atomic replace and remove of one document's named graph).

One writer or the servers, never both: a read-write GraphStore holds an exclusive flock on the
directory's ``.esgkg-writer.lock`` while it is open, and ``esgkg serve`` holds a shared one while
it runs (its own writes go through its executors' locking, see ``webapp/executor.py``). The
server's readers keep read-only handles, which RocksDB does not support beside a foreign writer,
and would go on serving the old data; so whichever comes second is refused, saying what to do.
"""
from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

import pyoxigraph as ox

from .vocab import Iris, base_iri

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
    """One esgkg data directory (or an in-memory store when ``path`` is None).

    A data directory remembers the IRI base its IRIs were minted under (``esgkg-store.json``,
    written with its first document), so every command reads it with the IRIs it holds: a base
    given otherwise (``iris``, ``ESGKG_BASE``) that differs is refused, not silently used.
    """

    SETTINGS = "esgkg-store.json"

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False,
                 iris: Iris | None = None):
        self.path = Path(path) if path is not None else None
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
        self.iris = self._recorded_iris(iris, read_only)

    def _recorded_iris(self, iris: Iris | None, read_only: bool) -> Iris:
        """The store's own base; the one asked for (argument, else ESGKG_BASE) must agree.

        Recorded with the first document stored, or read from the data of a store that holds
        some without a record (made before stores recorded it, or restored by ``esgkg load``)."""
        if self.path is None:
            return Iris(iris.base if iris else None)
        recorded = self.recorded_base(self.path)
        in_data = None if recorded else self._base_in_data()
        self.iris = Iris(self.base_of(self.path, iris, recorded or in_data))
        if in_data and not read_only:
            self._record_base()
        return self.iris

    def _record_base(self) -> None:
        settings = self.path / self.SETTINGS
        if not settings.exists():
            settings.write_text(json.dumps({"base": self.iris.base}) + "\n", encoding="utf-8")

    @classmethod
    def base_of(cls, path: str | os.PathLike, iris: Iris | None = None,
                recorded: str | None = None) -> str:
        """The base of the store at PATH (recorded, else the one asked for: IRIS, ESGKG_BASE or
        the default), read without opening the database; StoreError when the two differ."""
        asked = iris.base if iris else (base_iri() if os.environ.get("ESGKG_BASE") else None)
        recorded = recorded or cls.recorded_base(path)
        if recorded and asked and asked != recorded:
            raise StoreError(f"the store {path} holds IRIs under {recorded}, not {asked}: "
                             "unset ESGKG_BASE (the store knows its base) or use another store")
        return recorded or asked or base_iri()

    @classmethod
    def recorded_base(cls, path: str | os.PathLike) -> str | None:
        """The base a data directory recorded, read without opening the database (None if none)."""
        settings = Path(path) / cls.SETTINGS
        try:
            return json.loads(settings.read_text(encoding="utf-8"))["base"]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{settings}: unreadable store settings ({exc})") from exc

    def _base_in_data(self) -> str | None:
        """The base of a store made before it recorded one: where its entities graph lives."""
        bases = (Iris.base_of_entities_graph(graph.value) for graph in self.ox.named_graphs()
                 if isinstance(graph, ox.NamedNode))
        return next((base for base in bases if base), None)

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
        if self.path is not None:
            self._record_base()

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

    def flush(self) -> None:
        self.ox.flush()


_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def consistent_entities(store, document_nquads: str, entity_nquads: str) -> tuple[str, str]:
    """One document's quads made consistent with the entities already in STORE, before they go in.

    Checks that need more than one document, done against the store at ingest so that the stored
    union keeps passing ``esgkg validate``:
    - an entity the store already has keeps its stored label; a different one this document gives
      it becomes a skos:altLabel (one rdfs:label per entity);
    - an entity the store has with another type is refused (StoreError: one type per entity);
    - a new entity that shares a stated name (label or alias) with exactly one stored entity of
      its type, and whose legal form does not differ from that entity's, is that entity: the
      document uses the stored IRI ("Blue Harbor Telecom" after "Blue Harbor Telecom Corporation
      (Blue Harbor Telecom)"; never after "Blue Harbor Telecom AG").
    """
    from .vocab import legal_form

    graph = ox.NamedNode(store.iris.entities_graph)
    described: dict = {}
    for quad in ox.parse(entity_nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
        described.setdefault(quad.subject, []).append(quad)
    renamed: dict[str, str] = {}
    out: list[ox.Quad] = []
    for entity, quads in described.items():
        types = {q.object for q in quads if q.predicate == _TYPE}
        names = {q.object.value for q in quads if q.predicate in (_LABEL, _ALT_LABEL)}
        stored_types = {q.object for q in store.quads_for_pattern(entity, _TYPE, None, graph)}
        if not stored_types:
            same = _stated_same(store, graph, types, names, legal_form)
            if same is not None:
                renamed[entity.value], entity = same.value, same
                stored_types = types
        elif stored_types != types:
            raise StoreError(f"{entity.value} is typed {_local(*stored_types)} in the store and "
                             f"{_local(*types)} by this document (one type per entity)")
        stored_label = next(iter(store.quads_for_pattern(entity, _LABEL, None, graph)), None)
        for quad in quads:
            predicate = quad.predicate
            if stored_label is not None and predicate == _LABEL:
                if quad.object == stored_label.object:
                    continue
                predicate = _ALT_LABEL
            out.append(ox.Quad(entity, predicate, quad.object, graph))
    for old, new in renamed.items():
        document_nquads = document_nquads.replace(f"<{old}>", f"<{new}>")
    return document_nquads, ox.serialize(out, format=ox.RdfFormat.N_QUADS).decode()


def _stated_same(store, graph, types, names, legal_form):
    """The one stored entity of these types that a name of this entity names, if any."""
    forms = {legal_form(name) for name in names} - {()}
    found = set()
    for name in names:
        for predicate in (_LABEL, _ALT_LABEL):
            for quad in store.quads_for_pattern(None, predicate, ox.Literal(name), graph):
                found.add(quad.subject)
    candidates = []
    for candidate in found:
        if {q.object for q in store.quads_for_pattern(candidate, _TYPE, None, graph)} != types:
            continue
        stored_forms = {legal_form(q.object.value) for p in (_LABEL, _ALT_LABEL)
                        for q in store.quads_for_pattern(candidate, p, None, graph)} - {()}
        if not (forms and stored_forms) or forms & stored_forms:
            candidates.append(candidate)
    return candidates[0] if len(candidates) == 1 else None


def _local(*terms) -> str:
    return ", ".join(sorted("esg:" + t.value.rsplit("#", 1)[-1] for t in terms)) or "nothing"


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
