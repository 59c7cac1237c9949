"""Complete backup and restore of a store (N-Quads), and loading RDF files safely.

``dump`` streams every quad of every graph; ``load`` restores such a file (or any readable RDF
syntax of the format registry, ``formats.READABLE``) into an empty store. A load lands whole or
not at all: the file is first parsed to the end without touching the store, so malformed input is
refused with the parser's own message; only then is it bulk-loaded, and if that fails the
(previously empty) store is cleared.

RDF/XML gets one more check first. pyoxigraph's RDF/XML parser expands internal DTD entities
without limit (a "billion laughs" file of 1 KB grows to gigabytes in memory); external entities it
refuses by itself. So any RDF/XML declaring entities is refused before parsing, with defusedxml.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO
from xml.sax import SAXException
from xml.sax.handler import ContentHandler

import defusedxml.sax
import pyoxigraph as ox
from defusedxml import DefusedXmlException

from .formats import READABLE
from .store import GraphStore


class LoadError(Exception):
    """A file refused by ``load``; the store is as it was."""


def dump(store: GraphStore, output: BinaryIO) -> None:
    """Every quad of the store, every graph, as N-Quads, streamed."""
    store.dump(output, ox.RdfFormat.N_QUADS)


def syntax_of(path: str | os.PathLike, format_name: str | None) -> ox.RdfFormat:
    if format_name:
        if format_name not in READABLE:
            raise LoadError(f"cannot load format {format_name!r}; choose one of "
                            f"{', '.join(READABLE)}")
        return READABLE[format_name].rdf
    extension = Path(path).suffix.lstrip(".").lower()
    rdf_format = ox.RdfFormat.from_extension(extension) if extension else None
    if rdf_format is None:
        raise LoadError(f"cannot tell the RDF syntax of {Path(path).name!r}; give --format")
    if rdf_format not in {f.rdf for f in READABLE.values()}:
        raise LoadError(f"cannot load {rdf_format.name} files; load one of "
                        f"{', '.join(READABLE)}")
    return rdf_format


def check_xml_safety(path: str | os.PathLike) -> None:
    """Refuse XML with entity declarations or external references (streamed, constant memory)."""
    try:
        defusedxml.sax.parse(str(path), ContentHandler(), forbid_dtd=False,
                             forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise LoadError(f"refused RDF/XML: {exc!r} (entity declarations and external "
                        "references are not accepted)") from exc
    except SAXException as exc:
        raise LoadError(f"malformed XML: {exc}") from exc


def load(store: GraphStore, path: str | os.PathLike, format_name: str | None = None,
         graph: str | None = None, *, merge: bool = False) -> int:
    """Load an RDF file; return the number of quads added. All or nothing.

    Into an empty store by default (a restore); ``merge=True`` adds to a non-empty store in one
    transaction (the whole file in memory). Triple syntaxes go into ``graph`` (default graph if None).
    """
    rdf_format = syntax_of(path, format_name)
    if len(store) and not merge:
        raise LoadError("the store is not empty: restore into an empty store, or merge")
    if graph is not None and rdf_format.supports_datasets:
        raise LoadError("--graph applies to triple syntaxes only; quad files name their graphs")
    to_graph = ox.NamedNode(graph) if graph else None
    if rdf_format == ox.RdfFormat.RDF_XML:
        check_xml_safety(path)
    count = 0
    try:
        for _ in ox.parse(path=str(path), format=rdf_format):
            count += 1
    except (SyntaxError, ValueError) as exc:
        raise LoadError(f"{Path(path).name}: {exc}") from exc
    except OSError as exc:
        raise LoadError(f"cannot read {path}: {exc}") from exc
    before = len(store)
    try:
        if before:
            store.ox.load(path=str(path), format=rdf_format, to_graph=to_graph)
        else:
            store.ox.bulk_load(path=str(path), format=rdf_format, to_graph=to_graph)
    except BaseException as exc:
        if not before:
            store.ox.clear()
        raise LoadError(f"{Path(path).name}: {exc}") from exc
    store.flush()
    return len(store) - before
