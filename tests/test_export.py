"""Every export format reads back into what the store holds."""
import io
import json
import threading
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib.compare import isomorphic

from esgkg.graph import export
from esgkg.graph.analysis import projection

CONTEXT_FILE = Path(export.__file__).resolve().parent.parent / "ontology" / "context.jsonld"
QUAD_SYNTAXES = {"nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}
TRIPLE_SYNTAXES = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}




def exported(store, name, **filters) -> bytes:
    out = io.BytesIO()
    export.export(store, name, out, **filters)
    return out.getvalue()


def graphs_of(dataset: rdflib.Dataset) -> dict:
    """Graph name -> rdflib.Graph of its triples (the default graph under None)."""
    result = {}
    for context in dataset.graphs():
        name = None if context.identifier == rdflib.graph.DATASET_DEFAULT_GRAPH_ID \
            else context.identifier
        if len(context):
            g = rdflib.Graph()
            for triple in context:
                g.add(triple)
            result[name] = g
    return result


def union(dataset: rdflib.Dataset) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


@pytest.mark.parametrize("name", list(QUAD_SYNTAXES))
def test_quad_syntaxes_keep_every_named_graph(fixture_store, name):
    store, expected = fixture_store
    back = rdflib.Dataset()
    back.parse(data=exported(store, name), format=QUAD_SYNTAXES[name])
    want, got = graphs_of(expected), graphs_of(back)
    assert set(got) == set(want)
    assert len(want) == 5  # default graph, entities, three documents
    for graph_name, graph in want.items():
        assert isomorphic(got[graph_name], graph), graph_name


@pytest.mark.parametrize("name", list(TRIPLE_SYNTAXES))
def test_triple_syntaxes_hold_the_union_of_the_graphs(fixture_store, name):
    store, expected = fixture_store
    back = rdflib.Graph().parse(data=exported(store, name), format=TRIPLE_SYNTAXES[name])
    assert isomorphic(back, union(expected))


@pytest.mark.parametrize("name", list(QUAD_SYNTAXES) + list(TRIPLE_SYNTAXES))
def test_document_export_is_its_graph_and_its_entities(fixture_store, name):
    store, expected = fixture_store
    doc_graph = rdflib.URIRef(store.iris.document_graph("initech-2022"))
    entities_graph = rdflib.URIRef(store.iris.entities_graph)
    graphs = graphs_of(expected)
    mentioned = {t for s, _, o in graphs[doc_graph] for t in (s, o)}
    want_entities = rdflib.Graph()
    for triple in graphs[entities_graph]:
        if triple[0] in mentioned:
            want_entities.add(triple)
    assert {str(s) for s in want_entities.subjects()} >= {
        store.iris.entity("company", "Initech Inc"), store.iris.entity("place", "Taipei")}

    data = exported(store, name, document="initech-2022")
    if name in QUAD_SYNTAXES:
        back = rdflib.Dataset()
        back.parse(data=data, format=QUAD_SYNTAXES[name])
        got = graphs_of(back)
        assert set(got) == {doc_graph, entities_graph}
        assert isomorphic(got[doc_graph], graphs[doc_graph])
        assert isomorphic(got[entities_graph], want_entities)
    else:
        back = rdflib.Graph().parse(data=data, format=TRIPLE_SYNTAXES[name])
        assert isomorphic(back, graphs[doc_graph] + want_entities)


def test_graph_filter_exports_exactly_that_graph(fixture_store):
    store, expected = fixture_store
    back = rdflib.Dataset()
    back.parse(data=exported(store, "nquads", graph=store.iris.entities_graph), format="nquads")
    got = graphs_of(back)
    entities = rdflib.URIRef(store.iris.entities_graph)
    assert list(got) == [entities]
    assert isomorphic(got[entities], graphs_of(expected)[entities])


def test_jsonld_is_compact_against_its_embedded_context(fixture_store):
    store, _ = fixture_store
    doc = json.loads(exported(store, "jsonld", document="acme-green-2023"))
    assert doc["@context"] == json.loads(CONTEXT_FILE.read_text())["@context"]
    assert doc["@context"]["esg"] == "https://w3id.org/esgkg/ontology#"
    [doc_graph, _entities] = doc["@graph"]
    nodes = {n["@id"]: n for n in doc_graph["@graph"]}
    inclusion = next(n for n in nodes.values() if n.get("@type") == "esg:IndexInclusion"
                     and "esg:consecutiveYears" in n)
    assert inclusion["esg:year"] == 2023 and inclusion["esg:consecutiveYears"] == 3
    assert inclusion["esg:kind"] == "index_inclusion"
    assert inclusion["esg:subject"] == {"@id": store.iris.entity("company", "Acme Corporation")}


def test_jsonld_reads_back_offline_with_no_context_to_fetch(fixture_store, monkeypatch):
    """rdflib would fetch a context given by URL; with none reachable the file still reads."""
    import urllib.request

    def no_network(*args, **kwargs):
        raise AssertionError("the JSON-LD export made its reader fetch something")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    store, expected = fixture_store
    back = rdflib.Dataset()
    back.parse(data=exported(store, "jsonld"), format="json-ld")
    assert set(graphs_of(back)) == set(graphs_of(expected))


@pytest.mark.parametrize("name, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_formats_read_back_with_the_same_nodes_and_edges(fixture_store, tmp_path, name, read):
    store, _ = fixture_store
    path = tmp_path / f"graph.{name}"
    path.write_bytes(exported(store, name))
    back = read(path)
    network = projection(store)
    assert set(back.nodes) == set(network.nodes)
    assert Counter((u, v, d["kind"]) for u, v, d in back.edges(data=True)) == \
        Counter((u, v, d["kind"]) for u, v, d in network.edges(data=True))
    acme = store.iris.entity("company", "Acme Corporation")
    assert back.nodes[acme]["label"] == "Acme Corporation"
    assert back.nodes[acme]["type"] == "company"
    assert back.nodes[acme]["iri"] == acme
    award = next(d for u, v, d in back.edges(data=True) if d["kind"] == "award")
    assert int(award["year"]) == 2023
    assert award["evidence"].startswith("Acme received the 2023 Green Factory Award")
    assert award["awarded_by"] == "Ministry of Environment"


def test_network_of_one_document(fixture_store):
    store, _ = fixture_store
    back = nx.read_graphml(io.BytesIO(exported(store, "graphml", document="globex-esg-2023")))
    assert {d["label"] for _, d in back.nodes(data=True)} == {
        "Globex Ltd", "ISO 14001", "ISO 50001", "RE100", "renewable electricity share"}


def test_registry_is_the_one_table(fixture_store):
    assert list(export.FORMATS) == ["turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld",
                                    "graphml", "gexf", "csv", "jsonl"]
    assert export.FORMATS["nquads"].media_type == "application/n-quads"
    assert export.FORMATS["turtle"].filename("x") == "x.ttl"
    assert export.format_for_media_type("application/ld+json").name == "jsonld"


def test_unknown_format_and_missing_document_are_refused(fixture_store):
    store, _ = fixture_store
    with pytest.raises(export.UnknownFormat, match="unknown export format 'n4'.*turtle"):
        export.export(store, "n4", io.BytesIO())
    with pytest.raises(export.NotFound, match="no document 'nope'"):
        export.export(store, "turtle", io.BytesIO(), document="nope")
    with pytest.raises(export.NotFound, match="no named graph"):
        export.export(store, "turtle", io.BytesIO(), graph="http://example.org/none")
    with pytest.raises(export.ExportError, match="not a document graph"):
        export.export(store, "graphml", io.BytesIO(), graph=store.iris.entities_graph)


@pytest.mark.parametrize("name", ["ntriples", "turtle", "jsonld"])
def test_stream_yields_the_same_bytes_in_bounded_chunks(fixture_store, name):
    store, _ = fixture_store
    fmt = export.get_format(name)
    chunks = list(export.stream(store, fmt, export.select(store), chunk_size=1024))
    assert len(chunks) >= 3  # pyoxigraph and io write in 8 KiB pieces: the fixture makes 20-50 KB
    assert max(len(c) for c in chunks) <= 16384
    assert b"".join(chunks) == exported(store, name)


def test_stream_closed_early_stops_the_writer(fixture_store):
    store, _ = fixture_store
    chunks = export.stream(store, export.get_format("nquads"), export.select(store), chunk_size=256)
    first = next(chunks)
    chunks.close()
    assert first
    assert not [t for t in threading.enumerate() if t.name == "export-nquads"]


@pytest.mark.parametrize("name", ["ntriples", "nquads"])
def test_parallel_readers_write_the_same_bytes_as_one(tmp_path, monkeypatch, name):
    """A store with more graphs than the parallel threshold, exported by two reader processes and
    by one: identical output, every graph in it (a store of many small graphs, built directly)."""
    import pyoxigraph as ox

    from esgkg.graph import parallel_dump
    from esgkg.graph.store import GraphStore

    monkeypatch.setattr(parallel_dump, "GRAPHS_PER_PIECE", 7)  # several pieces per reader
    parallel_runs = []
    dump_graphs = parallel_dump.dump_graphs
    monkeypatch.setattr(parallel_dump, "dump_graphs",
                        lambda *args: parallel_runs.append(args[-1]) or dump_graphs(*args))
    path = tmp_path / "store"
    store = GraphStore(path)
    p = ox.NamedNode("http://example.org/p")
    store.ox.extend(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), p, ox.Literal(f"line {i} .\n"),
                            ox.NamedNode(f"http://example.org/g{i:04d}"))
                    for i in range(parallel_dump.MIN_GRAPHS + 10))
    store.ox.add(ox.Quad(ox.NamedNode("http://example.org/d"), p, ox.Literal("default")))
    store.flush()
    del store
    reader = GraphStore(path, read_only=True)
    outputs = {}
    for readers in (1, 2):
        out = io.BytesIO()
        export.export(reader, name, out, readers=readers)
        outputs[readers] = out.getvalue()
    assert parallel_runs == [2]
    assert outputs[1] == outputs[2]
    back = rdflib.Dataset()
    back.parse(data=outputs[2], format={"ntriples": "nt", "nquads": "nquads"}[name])
    quads = list(back.quads((None, None, None, None)))
    assert len(quads) == parallel_dump.MIN_GRAPHS + 11
    named = {str(g) for *_, g in quads if str(g).startswith("http://example.org/g")}
    assert len(named) == (parallel_dump.MIN_GRAPHS + 10 if name == "nquads" else 0)
