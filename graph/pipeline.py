"""The pipeline as one call per job: read -> sentences -> extract -> resolve -> RDF -> validate -> store.

Extraction and SHACL validation are CPU-bound, so files go to a pool of worker processes in
chunks (pySHACL checks a chunk's merged graph in one call, several times faster than one call per
document); only the main process writes to the store, one document per transaction.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib.namespace import DCTERMS

from .extract import extract, extract_many
from .facts import Fact
from .nlp import pipeline
from .rdf import GraphBuilder
from .read import ReadError, Release, doc_id_for, read_release, release_files, source_fingerprint
from .store import GraphStore, StoreError, consistent_entities
from .vocab import ESG, Iris

PARALLEL_THRESHOLD = 16  # below this many files a pool costs more than it saves
CHUNK = 100  # documents per pySHACL call: large enough to amortise a call, small enough to balance


@dataclass
class FileError:
    path: str
    message: str


@dataclass
class BuiltDocument:
    """What a worker hands back for one release: its facts and its quads as N-Quads text, and
    the facts it left out because they broke the shapes (one line each, for people)."""

    doc_id: str
    path: str
    facts: list[Fact]
    document_nquads: str
    entity_nquads: str
    triples: int
    left_out: list[str] = field(default_factory=list)


@dataclass
class IngestSummary:
    documents: int = 0  # documents this run stored
    facts: int = 0  # facts those documents stated
    triples: int = 0  # triples in the store after the run (what ``esgkg stats`` counts)
    store_documents: int = 0  # documents in the store after the run
    errors: list[FileError] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # documents with no ESG facts
    left_out: list[str] = field(default_factory=list)  # facts that broke the shapes, one line each
    renamed: list[str] = field(default_factory=list)  # files whose id another file of the run had
    seconds: dict[str, float] = field(default_factory=dict)


def extract_facts_from_paths(paths: Iterable[str | Path]) -> Iterator[Fact | FileError]:
    """Stated facts of every release under PATHS, without touching any store; errors per file."""
    for path, doc_id in document_ids(release_files(paths))[0]:
        try:
            release = read_release(path)
        except ReadError as exc:
            yield FileError(str(path), str(exc))
            continue
        release.doc_id = doc_id
        _, facts = extract(release)
        yield from facts


def document_ids(files: list[Path], stored: dict[str, str | None] | None = None
                 ) -> tuple[list[tuple[Path, str]], list[str]]:
    """Each file with a document id of its own, and a note per file whose id was taken.

    The first file keeps its id (its name without the extension); a later file with the same id
    ('a/press.txt', 'b/press.txt'), in this run or in the store (``stored``: id -> fingerprint of
    the file it came from, from ``stored_sources``), gets a suffix from its fingerprint, stable
    from run to run, so re-ingesting either file replaces its own document.
    """
    stored = stored or {}
    taken: dict[str, Path] = {}
    out, notes = [], []
    for path in files:
        doc_id, fingerprint = doc_id_for(path), source_fingerprint(path)
        if doc_id in taken and taken[doc_id] != path:
            owner = f"{taken[doc_id]}'s"
        elif stored.get(doc_id) not in (None, fingerprint):
            owner = "another file's in the store"
        else:
            owner = None
        if owner:
            unique = f"{doc_id}-{fingerprint[:8]}"
            notes.append(f"{path}: id {doc_id!r} is {owner}; stored as {unique!r}")
            doc_id = unique
        taken[doc_id] = path
        out.append((path, doc_id))
    return out, notes


def stored_sources(store: GraphStore) -> dict[str, str | None]:
    """Each stored document's id and the fingerprint of its file (None in stores made before
    documents kept one: those are replaced by a file of the same name, as they always were)."""
    rows = store.query(
        f"SELECT ?id ?fingerprint WHERE {{ GRAPH ?g {{ ?doc a <{ESG.Release}> ; <{DCTERMS.identifier}> ?id "
        f"OPTIONAL {{ ?doc <{ESG.sourceFingerprint}> ?fingerprint }} }} }}")
    return {row["id"].value: row["fingerprint"].value if row["fingerprint"] else None for row in rows}


def build_document(path: str | Path, doc_id: str | None = None, base: str | None = None,
                   validate: bool = False) -> BuiltDocument | FileError:
    """Read, extract and build one release; errors come back as values (this runs in workers).

    With ``validate``, a fact whose statement breaks the shapes is left out (and named in
    ``left_out``) and the rest of the release is kept; a release whose own description breaks
    them is an error."""
    release = _read(path, doc_id)
    if isinstance(release, FileError):
        return release
    return _built(release, path, base, validate)


def _read(path: str | Path, doc_id: str | None) -> Release | FileError:
    try:
        release = read_release(path)
    except ReadError as exc:
        return FileError(str(path), str(exc))
    release.doc_id = doc_id or release.doc_id
    return release


def _built(release: Release, path, base: str | None, validate: bool = False, extracted=None
           ) -> BuiltDocument | FileError:
    try:
        ctx, facts = extracted or extract(release)
        builder = GraphBuilder(Iris(base))
        graph = builder.build(ctx, facts)
    except Exception as exc:  # a bug on one release must not stop a run of ten thousand
        return FileError(str(path), f"{path}: extraction failed ({type(exc).__name__}: {exc}); please report it")
    built = BuiltDocument(release.doc_id, str(path), facts, graph.nquads("document"),
                          graph.nquads("entities"), len(graph))
    if validate:
        from .validate import validate_nquads

        (result,) = validate_nquads([(built.document_nquads, built.entity_nquads)])
        if not result.conforms:
            return _without_bad_facts(built, graph, result, lambda kept: builder.build(ctx, kept))
    return built


def _without_bad_facts(built: BuiltDocument, graph, result, rebuild) -> BuiltDocument | FileError:
    """The document without the facts its violations are about, if that makes it conform."""
    from .validate import validate_nquads

    bad: dict[int, list] = {}
    for violation in result.violations:
        index = graph.fact_nodes.get(violation.node)
        if index is None:  # the release itself, or an entity: not one fact's fault
            return FileError(built.path, f"{built.path}: not stored, it breaks the shapes: "
                             + "; ".join(str(v) for v in result.violations))
        bad.setdefault(index, []).append(violation)
    kept = [f for i, f in enumerate(built.facts) if i not in bad]
    rebuilt = rebuild(kept)
    document, entities = rebuilt.nquads("document"), rebuilt.nquads("entities")
    (again,) = validate_nquads([(document, entities)])
    if not again.conforms:
        return FileError(built.path, f"{built.path}: not stored, it breaks the shapes: {again}")
    left_out = [f"{built.doc_id}: left out the {fact.kind} fact {fact.subject!r} -> {fact.object!r}: "
                + "; ".join(f"{v.path or v.focus_node}: {v.message}"
                            + (f" (value: {v.value})" if v.value is not None else "")
                            for v in bad[i])
                for i, fact in enumerate(built.facts) if i in bad]
    return BuiltDocument(built.doc_id, built.path, kept, document, entities, len(rebuilt), left_out)


def build_chunk(files: list[tuple[Path, str]], validate: bool = True, base: str | None = None
                ) -> tuple[list[BuiltDocument | FileError], dict]:
    """Build a chunk of (file, document id) and validate the chunk together (one pySHACL call);
    only a document that fails is looked at alone, and loses its bad facts, not its good ones."""
    started = time.perf_counter()
    releases = [_read(path, doc_id) for path, doc_id in files]
    readable = [r for r in releases if not isinstance(r, FileError)]
    try:  # one nlp.pipe stream for the chunk's candidate sentences
        extracted = dict(zip(map(id, readable), extract_many(readable)))
    except Exception:  # a bug on one release: extract them one by one, so only it fails
        extracted = {}
    built = [release if isinstance(release, FileError)
             else _built(release, path, base, extracted=extracted.get(id(release)))
             for release, (path, _) in zip(releases, files)]
    by_id = {release.doc_id: release for release in readable}
    seconds = {"extract": time.perf_counter() - started}
    if validate:
        from .validate import validate_nquads

        started = time.perf_counter()
        documents = [b for b in built if isinstance(b, BuiltDocument)]
        results = validate_nquads([(b.document_nquads, b.entity_nquads) for b in documents])
        failed = {id(b) for b, r in zip(documents, results) if not r.conforms}
        built = [_built(by_id[b.doc_id], b.path, base, True, extracted.get(id(by_id[b.doc_id])))
                 if id(b) in failed else b for b in built]
        seconds["validate"] = time.perf_counter() - started
    return built, seconds


def build_documents(files: list[tuple[Path, str]], workers: int | None = None,
                    validate: bool = True, base: str | None = None):
    """(built documents or errors, seconds by step) per chunk, in file order. A pool gets chunks
    of at most CHUNK files, at least one per worker; forked workers share the model and the shapes
    the parent loaded first, instead of loading them each."""
    workers = workers or os.cpu_count() or 1
    if len(files) < PARALLEL_THRESHOLD or workers < 2:
        for i in range(0, len(files), CHUNK):
            yield build_chunk(files[i:i + CHUNK], validate, base)
        return
    size = min(CHUNK, -(-len(files) // workers))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    pipeline()
    if validate:
        from .validate import pyshacl_shapes

        pyshacl_shapes()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(build_chunk, chunks, [validate] * len(chunks), [base] * len(chunks))


def ingest_paths(paths: Iterable[str | Path], store: GraphStore, progress: bool = False,
                 workers: int | None = None, validate: bool = True) -> IngestSummary:
    """Add or replace every release under PATHS in STORE. Each document lands whole or not at all;
    a file that cannot be read, or whose graph breaks the SHACL shapes beyond single facts, is
    reported and the others still go in; each entity is checked against the store's before it
    is stored (``consistent_entities``). ``seconds`` has wall time ('total', 'store') and worker
    CPU time by step."""
    summary = IngestSummary()
    files, summary.renamed = document_ids(release_files(paths), stored_sources(store))
    started = time.perf_counter()
    summary.seconds = {"extract": 0.0, "validate": 0.0, "store": 0.0}
    stored: set[str] = set()
    with _progress(progress and len(files) > 1, len(files)) as advance:
        for chunk, seconds in build_documents(files, workers, validate, store.iris.base):
            for step, value in seconds.items():
                summary.seconds[step] += value
            store_started = time.perf_counter()
            for built in chunk:
                advance()
                if isinstance(built, FileError):
                    summary.errors.append(built)
                    continue
                try:
                    store_built(store, built)
                except StoreError as exc:
                    summary.errors.append(FileError(built.path, f"{built.path}: {exc}"))
                    continue
                stored.add(built.doc_id)
                summary.facts += len(built.facts)
                summary.left_out += built.left_out
                if not built.facts:
                    summary.empty.append(built.doc_id)
            summary.seconds["store"] += time.perf_counter() - store_started
    store.flush()
    summary.documents = len(stored)
    summary.store_documents, summary.triples = len(store.document_ids()), len(store)
    summary.seconds["total"] = time.perf_counter() - started
    return summary


def store_built(store, built: BuiltDocument) -> None:
    """Store one built document whole: its entities made consistent with the store's, and the
    curators' decisions on its facts applied again (``curation``). StoreError if refused."""
    from .curation import curated

    document, entities = consistent_entities(store, built.document_nquads, built.entity_nquads)
    store.replace_document(built.doc_id, curated(store, built.doc_id, document), entities)


def build_text(name: str, data: bytes, base: str | None = None) -> BuiltDocument | FileError:
    """Read, extract and validate one release held in memory (an upload) exactly as ``ingest``
    reads a file: the same limits, formats and document id, from a file of that name."""
    import tempfile

    file_name = Path(name.replace("\\", "/")).name
    if file_name in ("", ".", ".."):
        return FileError(name, f"{name!r}: not a file name")
    with tempfile.TemporaryDirectory(prefix="esgkg-upload-") as folder:
        path = Path(folder) / file_name
        try:
            path.write_bytes(data)
        except OSError as exc:
            return FileError(name, f"{name!r}: cannot be a file name ({exc.strerror})")
        built = build_document(path, validate=True, base=base)
    if isinstance(built, FileError):  # say the name that was sent, not the temporary file's
        return FileError(name, built.message.replace(str(path), name))
    built.path = name
    return built


class _progress:
    """A rich progress bar on the terminal for long runs; nothing otherwise."""

    def __init__(self, enabled: bool, total: int):
        self.enabled, self.total = enabled, total

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), transient=True)
        self.bar.__enter__()
        task = self.bar.add_task("ingesting", total=self.total)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc):
        if self.enabled:
            self.bar.__exit__(*exc)
        return False
