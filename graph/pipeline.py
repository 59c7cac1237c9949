"""The pipeline as one call per job: read -> sentences -> extract -> resolve -> RDF -> validate -> store.

Extraction and SHACL validation are CPU-bound, so files go to a pool of worker processes in
chunks (pySHACL checks a chunk's merged graph in one call, several times faster than one call per
document); only the main process writes to the store, one document per transaction.
"""
from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .extract import extract
from .facts import Fact
from .rdf import GraphBuilder
from .read import ReadError, read_release, release_files
from .store import GraphStore, StoreError

PARALLEL_THRESHOLD = 64  # below this many files a pool costs more than it saves
CHUNK = 100  # documents per pySHACL call: large enough to amortise a call, small enough to balance


@dataclass
class FileError:
    path: str
    message: str


@dataclass
class BuiltDocument:
    """What a worker hands back for one release: its facts and its quads as N-Quads text."""

    doc_id: str
    path: str
    facts: list[Fact]
    document_nquads: str
    entity_nquads: str
    triples: int


@dataclass
class IngestSummary:
    documents: int = 0
    facts: int = 0
    triples: int = 0
    errors: list[FileError] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # documents with no ESG facts
    seconds: dict[str, float] = field(default_factory=dict)


def extract_facts_from_paths(paths: Iterable[str | Path]) -> Iterator[Fact | FileError]:
    """Stated facts of every release under PATHS, without touching any store; errors per file."""
    for path in release_files(paths):
        try:
            release = read_release(path)
        except ReadError as exc:
            yield FileError(str(path), str(exc))
            continue
        _, facts = extract(release)
        yield from facts


def build_document(path: str | Path) -> BuiltDocument | FileError:
    """Read, extract and build one release; errors come back as values (this runs in workers)."""
    try:
        release = read_release(path)
    except ReadError as exc:
        return FileError(str(path), str(exc))
    try:
        ctx, facts = extract(release)
        graph = GraphBuilder().build(ctx, facts)
    except Exception as exc:  # a bug on one release must not stop a run of ten thousand
        return FileError(str(path), f"{path}: extraction failed ({type(exc).__name__}: {exc}); please report it")
    return BuiltDocument(release.doc_id, str(path), facts, graph.nquads("document"),
                         graph.nquads("entities"), len(graph))


def build_chunk(files: list[Path], validate: bool = True) -> tuple[list[BuiltDocument | FileError], dict]:
    """Build a chunk of releases and validate them together; a document that breaks the shapes
    comes back as an error, so it never reaches the store."""
    started = time.perf_counter()
    built = [build_document(path) for path in files]
    seconds = {"extract": time.perf_counter() - started}
    if validate:
        from .validate import validate_nquads

        started = time.perf_counter()
        documents = [b for b in built if isinstance(b, BuiltDocument)]
        results = validate_nquads([(b.document_nquads, b.entity_nquads) for b in documents])
        rejected = {id(b): r for b, r in zip(documents, results) if not r.conforms}
        built = [FileError(b.path, f"{b.path}: SHACL violations, not stored: {rejected[id(b)].summary()}")
                 if id(b) in rejected else b for b in built]
        seconds["validate"] = time.perf_counter() - started
    return built, seconds


def build_documents(files: list[Path], workers: int | None = None, validate: bool = True):
    """(built documents or errors, seconds by step) per chunk, in file order."""
    chunks = [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
    if len(files) < PARALLEL_THRESHOLD or (workers or os.cpu_count() or 1) < 2:
        for chunk in chunks:
            yield build_chunk(chunk, validate)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(build_chunk, chunks, [validate] * len(chunks))


def ingest_paths(paths: Iterable[str | Path], store: GraphStore, progress: bool = False,
                 workers: int | None = None, validate: bool = True) -> IngestSummary:
    """Add or replace every release under PATHS in STORE. Each document lands whole or not at all;
    a file that cannot be read, or whose graph breaks the SHACL shapes, is reported and the others
    still go in. ``seconds`` has wall time ('total', 'store') and worker CPU time by step."""
    summary = IngestSummary()
    files = release_files(paths)
    started = time.perf_counter()
    summary.seconds = {"extract": 0.0, "validate": 0.0, "store": 0.0}
    with _progress(progress and len(files) > 1, len(files)) as advance:
        for chunk, seconds in build_documents(files, workers, validate):
            for step, value in seconds.items():
                summary.seconds[step] += value
            store_started = time.perf_counter()
            for built in chunk:
                advance()
                if isinstance(built, FileError):
                    summary.errors.append(built)
                    continue
                try:
                    store.replace_document(built.doc_id, built.document_nquads, built.entity_nquads)
                except StoreError as exc:
                    summary.errors.append(FileError(built.path, str(exc)))
                    continue
                summary.documents += 1
                summary.facts += len(built.facts)
                summary.triples += built.triples
                if not built.facts:
                    summary.empty.append(built.doc_id)
            summary.seconds["store"] += time.perf_counter() - store_started
    store.flush()
    summary.seconds["total"] = time.perf_counter() - started
    return summary


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
