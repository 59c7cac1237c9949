"""Exports of the store: what to select, and a writer per export format of the registry.

The formats (name, media type, extension, which writer here) are entries of ``graph/formats.py``;
``FORMATS`` is its export view, read by the CLI's ``--format`` choices, the HTTP ``/export`` route
and its content negotiation.

Every writer takes ``(store, selection, binary_output, fmt)`` and writes as it reads: the RDF syntaxes go
through pyoxigraph's streaming serializers fed by a store iterator, JSON-LD is written node by node
with its context (``ontology/context.jsonld``) embedded, the fact tables row by row. GraphML and
GEXF are the exception: networkx builds the (entity-sized, not triple-sized) projection in memory.
"""
from __future__ import annotations

import csv
import io
import json
import queue
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from itertools import groupby
from typing import BinaryIO

import pyoxigraph as ox

from . import parallel_dump
from .formats import EXPORTS, Format
from .store import GraphStore
from .vocab import ESG, OA, RDF, XSD, display


class ExportError(Exception):
    """A request the exporter refuses; the message is meant for the person who asked."""


class UnknownFormat(ExportError):
    pass


class NotFound(ExportError):
    """The selected document or graph is not in the store."""


# --- what to export ----------------------------------------------------------------------------
# A view is what a browser has drawn: a few hundred entities, not the whole store.
MAX_VIEW_TERMS = 20_000


@dataclass(frozen=True)
class Selection:
    """Which part of the store to export: everything, one named graph, one document, or a view.

    A document is its named graph plus the entity descriptions (from the entities graph) of every
    IRI it mentions, so that the file stands on its own (labels and types of its nodes).

    A view is what the explorer has drawn: some entities and the statements of the edges between
    them. It exports the entities' descriptions, and each statement with its direct edge and its
    evidence (annotation, target, selectors), in the graph that states it.
    """

    document: str | None = None
    graph: str | None = None
    entities: frozenset[str] = frozenset()
    statements: frozenset[str] = frozenset()

    @property
    def is_view(self) -> bool:
        return bool(self.entities or self.statements)

    @property
    def is_everything(self) -> bool:
        return self.document is None and self.graph is None and not self.is_view


def _checked_iris(iris: Iterable[str], what: str) -> frozenset[str]:
    checked = frozenset(iris)
    for iri in checked:
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise ExportError(f"not an IRI in the {what} of the view: {iri!r}") from None
    return checked


def select(store: GraphStore, document: str | None = None, graph: str | None = None,
           entities: Iterable[str] = (), statements: Iterable[str] = ()) -> Selection:
    """Check the filters against the store; raise NotFound with a clear message when they miss."""
    entities = _checked_iris(entities, "entities")
    statements = _checked_iris(statements, "statements")
    if sum((document is not None, graph is not None, bool(entities or statements))) > 1:
        raise ExportError("give a document, a graph or a view (entities, statements), "
                          "not several")
    if len(entities) + len(statements) > MAX_VIEW_TERMS:
        raise ExportError(f"a view holds at most {MAX_VIEW_TERMS} entities and statements")
    if entities or statements:
        return Selection(entities=entities, statements=statements)
    if document is not None and not store.has_document(document):
        raise NotFound(f"no document {document!r} in the store")
    if graph is not None:
        if not store.contains_named_graph(ox.NamedNode(graph)):
            raise NotFound(f"no named graph <{graph}> in the store")
    return Selection(document=document, graph=graph)


def selected_graphs(store: GraphStore, selection: Selection) -> list:
    """The graphs a selection reads whole: default graph first, then named graphs by IRI."""
    if selection.graph is not None:
        return [ox.NamedNode(selection.graph)]
    if selection.document is not None:
        return [ox.NamedNode(store.iris.document_graph(selection.document))]
    named = sorted(store.named_graphs(), key=lambda g: (isinstance(g, ox.BlankNode), g.value))
    return [ox.DefaultGraph(), *named]


def _subjects(store: GraphStore, graph) -> list:
    """Distinct subjects of one graph, in IRI order (memory: one graph's subjects)."""
    pattern = "?s ?p ?o" if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph} {{ ?s ?p ?o }}"
    subjects = [row[0] for row in store.query(f"SELECT DISTINCT ?s WHERE {{ {pattern} }}")]
    return sorted(subjects, key=lambda s: (isinstance(s, ox.BlankNode), s.value))


def iter_quads(store: GraphStore, selection: Selection, *, by_subject: bool = False
               ) -> Iterator[ox.Quad]:
    """The selected quads, graph after graph.

    ``by_subject`` also groups each graph's quads by subject (sorted), for the syntaxes that nest
    a subject's triples (Turtle, TriG, RDF/XML, JSON-LD); line formats take the store's own order.
    A document's selection adds, after its graph, the entities graph's descriptions of the IRIs
    the document mentions.
    """
    if selection.is_view:
        yield from _view_quads(store, selection)
        return
    mentioned: set = set()
    for graph in selected_graphs(store, selection):
        if by_subject:
            quads = (q for subject in _subjects(store, graph)
                     for q in store.quads_for_pattern(subject, None, None, graph))
        else:
            quads = store.quads_for_pattern(None, None, None, graph)
        for quad in quads:
            if selection.document is not None:
                mentioned.add(quad.subject)
                mentioned.add(quad.object)
            yield quad
    if selection.document is not None:
        entities = ox.NamedNode(store.iris.entities_graph)
        for iri in sorted((n for n in mentioned if isinstance(n, ox.NamedNode)),
                          key=lambda n: n.value):
            yield from store.quads_for_pattern(iri, None, None, entities)


_EVIDENCE_LINKS = (ox.NamedNode(str(ESG.evidence)), ox.NamedNode(str(OA.hasTarget)),
                   ox.NamedNode(str(OA.hasSelector)))
_RELEASE = ox.NamedNode(str(ESG.Release))
_TYPE = ox.NamedNode(str(RDF.type))


def _view_quads(store: GraphStore, selection: Selection) -> list[ox.Quad]:
    """The quads of a view (see Selection), sorted by graph then subject.

    View-sized, so held in memory: sorting lets every syntax nest them like the other selections.
    """
    entities_graph = ox.NamedNode(store.iris.entities_graph)
    found: set[ox.Quad] = set()
    for iri in selection.entities:
        node = ox.NamedNode(iri)
        found.update(store.quads_for_pattern(node, None, None, entities_graph))
        # A document node: its own description (title, date, text...), in its graph.
        for typed in store.quads_for_pattern(node, _TYPE, _RELEASE, None):
            found.update(q for q in store.quads_for_pattern(node, None, None, typed.graph_name)
                         if isinstance(q.object, ox.Literal) or q.predicate == _TYPE
                         or q.object.value in selection.entities)
    for iri in selection.statements:
        statement = list(store.quads_for_pattern(ox.NamedNode(iri), None, None, None))
        found.update(statement)
        by_graph: dict = {}
        for quad in statement:
            by_graph.setdefault(quad.graph_name, {})[quad.predicate.value] = quad.object
        for graph, values in by_graph.items():
            subject, obj = values.get(str(ESG.subject)), values.get(str(ESG.object))
            if isinstance(subject, ox.NamedNode) and isinstance(obj, ox.NamedNode):
                found.update(store.quads_for_pattern(subject, None, obj, graph))  # direct edge
            frontier = [ox.NamedNode(iri)]
            for link in _EVIDENCE_LINKS:       # statement -> annotation -> target -> selectors
                frontier = [q.object for node in frontier
                            for q in store.quads_for_pattern(node, link, None, graph)
                            if not isinstance(q.object, ox.Literal)]
                for node in frontier:
                    found.update(store.quads_for_pattern(node, None, None, graph))

    def order(quad: ox.Quad):
        graph = quad.graph_name
        return (not isinstance(graph, ox.DefaultGraph), getattr(graph, "value", ""),
                quad.subject.value, quad.predicate.value, str(quad.object))
    return sorted(found, key=order)


def selected_document(store: GraphStore, selection: Selection) -> str | None:
    """The document a selection stands for, for the fact-table and network formats."""
    if selection.graph is not None:
        doc_id = store.iris.doc_id_of_graph(selection.graph)
        if doc_id is None:
            raise ExportError(f"<{selection.graph}> is not a document graph; the fact-table and "
                              "network formats can only be filtered by document")
        return doc_id
    return selection.document


# --- the formats ---------------------------------------------------------------------------------
FORMATS = EXPORTS


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(f"unknown export format {name!r}; choose one of "
                            f"{', '.join(FORMATS)}") from None


def format_for_media_type(media_type: str) -> Format | None:
    return next((fmt for fmt in FORMATS.values() if fmt.media_type == media_type), None)


def prepare(store: GraphStore, format_name: str, document: str | None = None,
            graph: str | None = None, entities: Iterable[str] = (),
            statements: Iterable[str] = ()) -> tuple[Format, Selection]:
    """Check a whole export request before any byte is written (errors become 400/404)."""
    fmt = get_format(format_name)
    selection = select(store, document, graph, entities, statements)
    if fmt.document_only:
        selected_document(store, selection)
    return fmt, selection


def export(store: GraphStore, format_name: str, output: BinaryIO, *, document: str | None = None,
           graph: str | None = None, readers: int = 1) -> None:
    """Write the selection of the store in one format to a binary stream."""
    fmt, selection = prepare(store, format_name, document, graph)
    write(store, fmt, selection, output, readers)


def write(store: GraphStore, fmt: Format, selection: Selection, output: BinaryIO,
          readers: int = 1) -> None:
    """Run the format's writer; a whole local store in a line syntax is read by up to READERS
    processes when it is large enough for that to pay (see parallel_dump)."""
    if readers > 1 and fmt.parallel and selection.is_everything and isinstance(store, GraphStore) \
            and store.path is not None:
        graphs = selected_graphs(store, selection)
        if len(graphs) >= parallel_dump.MIN_GRAPHS:
            parallel_dump.dump_graphs(str(store.path), graphs, fmt.rdf,
                                      output, readers)
            return
    fmt.write(store, selection, output)


# Chunks a streamed export holds between its writer and a slow reader (memory: this x chunk_size).
STREAM_CHUNKS_HELD = 4


def stream(store: GraphStore, fmt: Format, selection: Selection,
           chunk_size: int = 1 << 16) -> Iterator[bytes]:
    """Run a writer in a thread and yield its output in chunks, holding at most a few chunks.

    For HTTP responses: the first bytes go out as soon as the writer produces them, memory stays
    bounded whatever the size of the store, and closing the iterator (client gone) stops the writer.
    """
    chunks: queue.Queue = queue.Queue(maxsize=STREAM_CHUNKS_HELD)
    cancelled = threading.Event()
    done = object()

    class QueueSink(io.RawIOBase):
        def writable(self):
            return True

        def write(self, data):
            if cancelled.is_set():
                raise BrokenPipeError("export cancelled")
            chunks.put(bytes(data))
            return len(data)

    def run():
        try:
            with io.BufferedWriter(QueueSink(), buffer_size=chunk_size) as sink:
                fmt.write(store, selection, sink)
        except BrokenPipeError:
            pass  # the consumer went away
        except Exception as exc:  # noqa: BLE001 - handed to the consumer as a message
            # Only the message crosses threads: the traceback's frames hold store iterators,
            # which pyoxigraph lets only this thread drop.
            chunks.put(ExportError(f"export failed: {exc}"))
        finally:
            chunks.put(done)

    thread = threading.Thread(target=run, name=f"export-{fmt.name}", daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if item is done:
                break
            if isinstance(item, ExportError):
                raise item
            yield item
    finally:
        cancelled.set()
        while thread.is_alive():  # unblock a writer waiting on a full queue
            try:
                chunks.get(timeout=0.1)
            except queue.Empty:
                pass
        thread.join()


# --- RDF syntaxes (pyoxigraph's streaming serializers) -------------------------------------------
def _prefixes() -> dict[str, str]:
    return dict(jsonld_context()["@context"])


def write_rdf(store: GraphStore, selection: Selection, output: BinaryIO, fmt: Format) -> None:
    """Any RDF syntax, through pyoxigraph's streaming serializer."""
    rdf_format = fmt.rdf
    line_based = rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES)
    if line_based and selection.is_everything and isinstance(store, GraphStore):
        for graph in selected_graphs(store, selection):  # no Python object per quad
            parallel_dump.serialize_graph(store.ox, graph, rdf_format, output)
        return
    quads: Iterable = iter_quads(store, selection, by_subject=not line_based)
    if not rdf_format.supports_datasets:
        # A triple syntax holds one graph: the selection's graphs are merged into it.
        quads = (quad.triple for quad in quads)
    prefixes = None if line_based else _prefixes()
    ox.serialize(quads, output, rdf_format, prefixes=prefixes)


# --- JSON-LD, compact against the published context -----------------------------------------------
def jsonld_context() -> dict:
    """The context document published at ``/context.jsonld`` (``ontology/context.jsonld``)."""
    text = resources.files("esgkg.ontology").joinpath("context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)


_XSD_STRING = str(XSD.string)
_XSD_INTEGER = str(XSD.integer)
_XSD_BOOLEAN = str(XSD.boolean)
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class _Compactor:
    """Turns pyoxigraph terms into the compact JSON-LD the published context expands back."""

    def __init__(self, prefixes: dict[str, str]):
        # Longest namespace first, so that a namespace nested in another wins.
        self.prefixes = sorted(prefixes.items(), key=lambda item: -len(item[1]))

    def iri(self, iri: str) -> str:
        for prefix, namespace in self.prefixes:
            if iri.startswith(namespace):
                suffix = iri[len(namespace):]
                if suffix and not suffix.startswith("//") and ":" not in suffix:
                    return f"{prefix}:{suffix}"
        return iri

    def node_id(self, term) -> str:
        return "_:" + term.value if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def value(self, term):
        if not isinstance(term, ox.Literal):
            return {"@id": self.node_id(term)}
        datatype = term.datatype.value
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if datatype == _XSD_STRING:
            return term.value
        if datatype == _XSD_INTEGER and term.value.lstrip("-").isdigit() \
                and str(int(term.value)) == term.value:
            return int(term.value)
        if datatype == _XSD_BOOLEAN and term.value in ("true", "false"):
            return term.value == "true"
        return {"@value": term.value, "@type": self.iri(datatype)}

    def node(self, subject, quads: Iterable[ox.Quad]) -> dict:
        node: dict = {"@id": self.node_id(subject), "@type": []}
        for quad in quads:
            predicate = quad.predicate.value
            if predicate == _RDF_TYPE and not isinstance(quad.object, ox.Literal):
                node.setdefault("@type", []).append(self.node_id(quad.object))
            else:
                node.setdefault(self.iri(predicate), []).append(self.value(quad.object))
        if not node["@type"]:
            del node["@type"]
        return {key: values[0] if isinstance(values, list) and len(values) == 1 else values
                for key, values in node.items()}


def write_jsonld(store: GraphStore, selection: Selection, output: BinaryIO, fmt: Format) -> None:
    """Compact JSON-LD: ``{"@context": {...}, "@graph": [...]}``, one object per named graph.

    Written one subject at a time. The context (the prefixes of ``ontology/context.jsonld``, a
    dozen lines) is embedded, not linked: a file must read back offline and on any machine, and
    a URL under the base would make every reader fetch it from this server.
    """
    context = jsonld_context()["@context"]
    compactor = _Compactor(context)
    text = io.TextIOWrapper(output, encoding="utf-8", newline="\n", write_through=False)
    text.write('{\n  "@context": ' + json.dumps(context) + ',\n  "@graph": [')
    first_item = True

    def emit(obj: dict, indent: str) -> None:
        nonlocal first_item
        text.write(("\n" if first_item else ",\n") + indent
                   + json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")))
        first_item = False

    for graph_name, graph_quads in groupby(iter_quads(store, selection, by_subject=True), key=lambda q: q.graph_name):
        nodes = groupby(graph_quads, key=lambda q: q.subject)
        if isinstance(graph_name, ox.DefaultGraph):
            for subject, quads in nodes:
                emit(compactor.node(subject, quads), "    ")
            continue
        text.write(("\n" if first_item else ",\n") + '    {"@id": ' + json.dumps(compactor.node_id(graph_name))
                   + ', "@graph": [')
        first_item = True
        for subject, quads in nodes:
            emit(compactor.node(subject, quads), "      ")
        text.write("\n    ]}")
        first_item = False
    text.write("\n  ]\n}\n")
    text.flush()
    text.detach()


# --- networks (networkx) ----------------------------------------------------------------------------
def _network(store: GraphStore, selection: Selection):
    from .analysis import projection  # networkx is only imported when a network is asked for

    if selection.is_view:
        return projection(store, statements=selection.statements, entities=selection.entities)
    return projection(store, document=selected_document(store, selection))


# Gephi draws what the file says: nodes coloured by entity type and edges by kind, with the
# explorer's colours (ontology/kinds.json), nodes sized by degree.
def _colour(table: str, name: str | None) -> str:
    shown = display()
    return shown[table].get(name, {}).get("color", shown["other_color"])


def _rgb(colour: str) -> dict[str, int]:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16)}


# Gephi node sizes: a base size plus a term growing with the square root of the degree, so a hub
# of 400 neighbours is drawn about 7 times as large as a leaf, not 400 times.
NODE_SIZE_BASE, NODE_SIZE_PER_SQRT_DEGREE = 8, 4


def _visuals(network) -> Iterator[tuple[dict, dict[str, int], float | None]]:
    """(data, colour, size) of each node (sized by degree, which it also records) and each edge
    (size None) of NETWORK, for the format's writer to place where its readers look."""
    for node, data in network.nodes(data=True):
        degree = data["degree"] = network.degree(node)
        size = round(NODE_SIZE_BASE + NODE_SIZE_PER_SQRT_DEGREE * degree ** 0.5, 1)
        yield data, _rgb(_colour("entity_types", data.get("type"))), size
    for _, _, data in network.edges(data=True):
        yield data, _rgb(_colour("edge_kinds", data.get("kind"))), None


def write_graphml(store: GraphStore, selection: Selection, output: BinaryIO, fmt: Format) -> None:
    """GraphML with the attributes Gephi's importer reads as visuals: r, g, b and size."""
    import networkx as nx

    network = _network(store, selection)
    for data, rgb, size in _visuals(network):
        data.update(rgb)
        if size is not None:
            data["size"] = size
    nx.write_graphml(network, output, encoding="utf-8")


def write_gexf(store: GraphStore, selection: Selection, output: BinaryIO, fmt: Format) -> None:
    """GEXF with viz:color and viz:size; edge ids are statement IRIs (no networkx_key column)."""
    from networkx.readwrite.gexf import GEXFWriter

    class Writer(GEXFWriter):
        def add_attributes(self, node_or_edge, xml_obj, data, default):
            data.pop("key", None)  # the multigraph key is the statement, already the edge id
            return super().add_attributes(node_or_edge, xml_obj, data, default)

    network = _network(store, selection)
    for data, rgb, size in _visuals(network):
        data["viz"] = {"color": {**rgb, "a": 1.0}, **({"size": size} if size is not None else {})}
    for _, _, key, data in network.edges(keys=True, data=True):
        data["id"] = key
    writer = Writer(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(network)
    writer.write(output)


# --- the fact table (../shared/corpus/FORMAT.md) --------------------------------------------------
def _records(store: GraphStore, selection: Selection, details: bool = False) -> Iterator[dict]:
    from .fact_table import read_facts

    if selection.is_view:
        return read_facts(store, statements=selection.statements, details=details)
    return read_facts(store, document=selected_document(store, selection), details=details)


def write_csv(store: GraphStore, selection: Selection, output: BinaryIO, fmt: Format) -> None:
    from .fact_table import DETAIL_COLUMNS

    text = io.TextIOWrapper(output, encoding="utf-8", newline="")
    writer = csv.DictWriter(text, fieldnames=DETAIL_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for record in _records(store, selection, details=True):
        writer.writerow(dict(record, inferred=str(record["inferred"]).lower()))
    text.flush()
    text.detach()


def write_jsonl(store: GraphStore, selection: Selection, output: BinaryIO, fmt: Format) -> None:
    for record in _records(store, selection):
        output.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
