"""Export and analysis on graphs the pipeline built: the ASE sample and three short releases
written for these tests (tests/data/releases: two companies share ISO 14001 and FTSE4Good, a third
meets one of them in the UN Global Compact)."""
import csv
import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from esgkg.cli import main
from esgkg.graph import analysis, export, formats
from esgkg.graph.fact_table import read_facts
from esgkg.graph.pipeline import ingest_paths
from esgkg.graph.stats import store_stats
from esgkg.graph.store import GraphStore

RELEASES = Path(__file__).parent / "data" / "releases"
PARSE_AS = {"nquads": "nquads", "trig": "trig", "jsonld": "json-ld",
            "turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, sample_path):
    path = tmp_path_factory.mktemp("real") / "store"
    store = GraphStore(path)
    summary = ingest_paths([sample_path, RELEASES], store, workers=1)
    assert summary.documents == 4 and not summary.errors
    del store
    return path


@pytest.fixture(scope="module")
def store(store_dir):
    return GraphStore(store_dir, read_only=True)




def exported(store, name, **filters) -> bytes:
    out = io.BytesIO()
    export.export(store, name, out, **filters)
    return out.getvalue()


XSD_STRING = rdflib.XSD.string


def plain(term):
    """A simple literal, typed xsd:string or not: the same RDF 1.1 term, written two ways."""
    if isinstance(term, rdflib.Literal) and term.datatype == XSD_STRING:
        return rdflib.Literal(str(term))
    return term


def by_graph(quads) -> dict:
    graphs: dict = {}
    for s, p, o, g in quads:
        o = plain(o)
        name = None if g is None or g == rdflib.graph.DATASET_DEFAULT_GRAPH_ID else \
            getattr(g, "identifier", g)
        graphs.setdefault(name, rdflib.Graph()).add((s, p, o))
    return graphs


@pytest.mark.parametrize("name", list(PARSE_AS))
def test_rdf_exports_of_the_pipelines_graph_are_isomorphic_per_named_graph(store, name):
    dumped = io.BytesIO()
    store.dump(dumped)  # the store's own N-Quads, read back by rdflib
    want = by_graph(rdflib.Dataset().parse(data=dumped.getvalue(), format="nquads")
                    .quads((None, None, None, None)))
    assert len(want) == 5  # entities + four documents
    data = exported(store, name)
    if name in formats.READABLE and not formats.READABLE[name].rdf.supports_datasets:
        back = rdflib.Graph().parse(data=data, format=PARSE_AS[name])
        union = rdflib.Graph()
        for graph in want.values():
            union += graph
        assert isomorphic(back, union)
        return
    back = rdflib.Dataset()
    back.parse(data=data, format=PARSE_AS[name])
    got = by_graph(back.quads((None, None, None, None)))
    assert set(got) == set(want)
    for graph_name in want:
        assert isomorphic(got[graph_name], want[graph_name]), graph_name


def csv_rows(store) -> list[dict]:
    return list(csv.DictReader(io.StringIO(exported(store, "csv").decode("utf-8"))))


def test_csv_has_one_row_per_fact_stated_or_inferred(store):
    rows = csv_rows(store)
    stated = [r for r in rows if r["inferred"] == "false"]
    assert len(stated) == len(list(read_facts(store))) > 20
    statements = {r["statement"] for r in rows}
    assert len(statements) == len(rows)  # one row per statement
    stats = store_stats(store)
    assert len(rows) == sum(stats.facts.values()) + stats.inferred
    ase = [r for r in rows if r["kind"] == "index_inclusion" and r["document"] == "ase-osh-award-2021"]
    (streak,) = [r for r in ase if r["inferred"] == "false"]
    assert streak["consecutive_years"] == "6" and streak["rank"] == "top"
    earlier = sorted(r["year"] for r in ase if r["inferred"] == "true")
    assert earlier == ["2016", "2017", "2018", "2019", "2020"]
    assert all(r["evidence"] == streak["evidence"] and not r["rank"] for r in ase if r != streak)


def test_csv_rows_carry_the_iris_and_the_documents_description(store):
    row = next(r for r in csv_rows(store) if r["kind"] == "award" and r["document"] == "ase-osh-award-2021")
    assert row["document_date"] == "2021-11-18" and row["document_source"] == "ase-osh-award-2021.txt"
    assert row["document_title"].startswith("ASE receives")
    assert row["statement"].startswith(store.iris.base + "id/statement/ase-osh-award-2021/award-")
    assert row["subject_iri"] == store.iris.entity("company", row["subject"])
    assert row["object_iri"] == store.iris.entity("award", row["object"])


def test_an_entity_with_two_labels_still_gives_one_row_per_fact(store_dir, tmp_path):
    """A store some other tool wrote, where one entity has two labels: no fact is doubled."""
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(store_dir, copy)
    writable = GraphStore(copy)
    before = len(csv_rows(writable))
    ase = ox.NamedNode(writable.iris.entity("company", "Advanced Semiconductor Engineering, Inc."))
    writable.ox.add(ox.Quad(ase, ox.NamedNode(str(rdflib.RDFS.label)), ox.Literal("ASE Group"),
                            ox.NamedNode(writable.iris.entities_graph)))
    assert len(csv_rows(writable)) == before


def test_jsonl_is_the_fact_table(store):
    lines = exported(store, "jsonl", document="caldera-rating-2023").decode().splitlines()
    assert [json.loads(line) for line in lines] == list(read_facts(store, "caldera-rating-2023"))
    assert any(json.loads(line)["object"] == "ISO 14001" for line in lines)


@pytest.mark.parametrize("name, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_formats_of_the_sample(store, tmp_path, name, read):
    path = tmp_path / f"ase.{name}"
    path.write_bytes(exported(store, name, document="ase-osh-award-2021"))
    back = read(path)
    network = analysis.projection(store, "ase-osh-award-2021")
    assert set(back.nodes) == set(network.nodes)
    assert sorted((u, v) for u, v in back.edges()) == sorted((u, v) for u, v, _ in network.edges)
    labels = {d["label"] for _, d in back.nodes(data=True)}
    assert {"OHSAS 18001", "ISO 45001"} <= labels
    awards = [d for _, _, d in back.edges(data=True) if d["kind"] == "award"]
    assert awards and all(int(d["year"]) == 2021 for d in awards)


def test_gexf_carries_gephi_colours_and_sizes_and_no_internal_key(store, tmp_path):
    path = tmp_path / "ase.gexf"
    path.write_bytes(exported(store, "gexf", document="ase-osh-award-2021"))
    assert b"networkx_key" not in path.read_bytes()
    back = nx.read_gexf(path)
    ase = back.nodes[store.iris.entity("company", "Advanced Semiconductor Engineering, Inc.")]
    iso = back.nodes[store.iris.entity("standard", "ISO 45001")]
    assert ase["viz"]["color"] == {"r": 0x1f, "g": 0x4e, "b": 0x9c, "a": 1.0}  # companies' blue
    assert iso["viz"]["color"] != ase["viz"]["color"]
    assert ase["degree"] > iso["degree"] and ase["viz"]["size"] > iso["viz"]["size"]
    edges = [data for _, _, data in back.edges(data=True)]
    assert all(d["id"] == d["statement"] for d in edges)  # the edge id is the statement IRI
    assert {d["label"] for d in edges if d["kind"] == "certification"} == \
        {"certified to", "pursuing certification"}


def test_graphml_carries_the_attributes_gephi_reads_as_colour_and_size(store, tmp_path):
    path = tmp_path / "ase.graphml"
    path.write_bytes(exported(store, "graphml", document="ase-osh-award-2021"))
    back = nx.read_graphml(path)
    iso = back.nodes[store.iris.entity("standard", "ISO 45001")]
    assert (iso["r"], iso["g"], iso["b"]) == (0x0b, 0x6b, 0x5e) and iso["size"] > 0
    assert iso["degree"] == back.degree(store.iris.entity("standard", "ISO 45001"))
    pursuing = [d for _, _, d in back.edges(data=True) if d["label"] == "pursuing certification"]
    assert [d["predicate"] for d in pursuing] == ["https://w3id.org/esgkg/ontology#pursuingCertification"]
    assert all({"r", "g", "b"} <= d.keys() for _, _, d in back.edges(data=True))


def test_similar_by_shared_certifications_memberships_rankings(store):
    network = analysis.projection(store)
    result = analysis.similar(network, "Nordvik")
    assert [(r.node["label"], r.score, r.shared) for r in result] == [
        ("Caldera Foods SA", pytest.approx(0.5), ["FTSE4Good Index", "ISO 14001"])]
    # Helios shares the UN Global Compact with Caldera, and ISO 45001 with ASE (in the sample).
    assert [(r.node["label"], r.score, r.shared) for r in analysis.similar(network, "Helios")] == [
        ("Caldera Foods SA", pytest.approx(1 / 4), ["United Nations Global Compact"]),
        ("Advanced Semiconductor Engineering, Inc.", pytest.approx(1 / 8), ["ISO 45001"])]


def test_hubs_and_paths_across_documents(store):
    network = analysis.projection(store)
    ranked = analysis.hubs(network, ("standard", "index", "initiative"))
    assert {h.node["label"] for h in ranked if h.organizations == 2} == {
        "United Nations Global Compact", "ISO 14001", "FTSE4Good Index", "ISO 45001"}
    # ISO 45001 (ASE-Helios) and the Global Compact (Helios-Caldera) bridge the two clusters.
    assert {h.node["label"] for h in ranked[:2]} == {"United Nations Global Compact", "ISO 45001"}
    assert ranked[1].betweenness > ranked[2].betweenness
    path = analysis.shortest_path(network, "Nordvik Paper Group", "Helios Microsystems Corp.")
    labels = [n["label"] for n in path.nodes]
    assert labels[2:] == ["Caldera Foods SA", "United Nations Global Compact",
                          "Helios Microsystems Corp."]
    assert path.edges[-1]["document"] == "helios-safety-2022"
    assert "UN Global Compact" in path.edges[-1]["evidence"]


def test_cli_export_dump_load_round_trip(store_dir, tmp_path, capsys):
    out = tmp_path / "caldera.ttl"
    assert main(["export", "--store", str(store_dir), "--format", "turtle",
                 "--document", "caldera-rating-2023", "-o", str(out)]) == 0
    assert "Caldera Foods SA" in out.read_text()
    assert main(["export", "--store", str(store_dir), "--format", "turtle",
                 "--document", "nope"]) == 1
    assert "no document 'nope'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad_format:
        main(["export", "--store", str(store_dir), "--format", "n4"])
    assert bad_format.value.code != 0
    assert "invalid choice: 'n4'" in capsys.readouterr().err

    backup = tmp_path / "backup.nq"
    assert main(["dump", "--store", str(store_dir), "-o", str(backup)]) == 0
    assert main(["load", str(backup), "--store", str(tmp_path / "restored")]) == 0
    restored = GraphStore(tmp_path / "restored")
    original = GraphStore(store_dir, read_only=True)
    assert restored.document_ids() == original.document_ids()
    assert list(read_facts(restored)) == list(read_facts(original))
    assert len(restored) == len(original)
