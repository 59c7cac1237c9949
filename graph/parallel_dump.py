"""Line-syntax dumps (N-Triples, N-Quads) of a whole on-disk store, read by several processes.

Reading is what bounds a large export: an on-disk Oxigraph store decodes about 100k quads per
second per reader (each term is a RocksDB lookup), so one reader needs ~16 s per million triples
while serializing the lines costs a fraction of that. Named graphs are independent, so readers in
worker processes (each with its own read-only handle) serialize pieces of a few dozen graphs and
the parent writes the pieces in graph order: the output is the same bytes as a single reader's,
and memory stays flat, since at most two pieces per reader are in flight.

This module imports nothing but pyoxigraph, so spawned readers start in a fraction of a second.
"""
from __future__ import annotations

import io
import multiprocessing
from collections import deque
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import BinaryIO

import pyoxigraph as ox

GRAPHS_PER_PIECE = 256  # ~64 releases: ~1-2 MB of N-Triples per piece
MIN_GRAPHS = 256  # below this, starting readers costs more than it saves

_reader: ox.Store | None = None  # the worker process's own read-only handle


def _open_reader(path: str) -> None:
    global _reader
    _reader = ox.Store.read_only(path)


def _graph_term(name: str | None):
    return ox.DefaultGraph() if name is None else ox.NamedNode(name)


def serialize_graph(store: ox.Store, graph, rdf_format: ox.RdfFormat, output) -> None:
    """One graph in a line syntax, without a Python object per quad: N-Quads keeps its name,
    N-Triples drops it."""
    if rdf_format.supports_datasets:
        ox.serialize(store.quads_for_pattern(None, None, None, graph), output, rdf_format)
    else:
        store.dump(output, rdf_format, from_graph=graph)


def _serialize_piece(names: Sequence[str | None], media_type: str) -> bytes:
    piece = io.BytesIO()
    for name in names:
        serialize_graph(_reader, _graph_term(name), ox.RdfFormat.from_media_type(media_type), piece)
    return piece.getvalue()


def dump_graphs(path: str, graphs: Sequence, rdf_format: ox.RdfFormat, output: BinaryIO,
                readers: int) -> None:
    """Write GRAPHS (default graph or named nodes, in this order) of the store at PATH."""
    names = [None if isinstance(g, ox.DefaultGraph) else g.value for g in graphs]
    pieces = [names[i:i + GRAPHS_PER_PIECE] for i in range(0, len(names), GRAPHS_PER_PIECE)]
    context = multiprocessing.get_context("spawn")  # no fork of a process holding store handles
    with ProcessPoolExecutor(readers, mp_context=context, initializer=_open_reader,
                             initargs=(path,)) as pool:
        pending: deque = deque()
        for piece in pieces:
            pending.append(pool.submit(_serialize_piece, piece, rdf_format.media_type))
            if len(pending) >= 2 * readers:
                output.write(pending.popleft().result())
        while pending:
            output.write(pending.popleft().result())
