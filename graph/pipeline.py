"""The pipeline as one call per job: read -> sentences -> extract -> resolve -> RDF -> validate -> store."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .extract import extract
from .facts import Fact
from .read import ReadError, read_release, release_files


@dataclass
class FileError:
    path: str
    message: str


@dataclass
class ExtractionRun:
    facts: list[Fact] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    documents: int = 0


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
