"""HTTP face of export and analysis: same registry, same answers, clear errors."""
import io
import json

import networkx as nx
import pytest
import rdflib

from esgkg.graph import export
from esgkg.webapp import create_app


@pytest.fixture
def client(fixture_store):
    store, _ = fixture_store
    app = create_app({"STORE_OBJECT": store, "TESTING": True})
    return app.test_client()


@pytest.mark.parametrize("name", list(export.FORMATS))
def test_every_format_is_served_with_its_media_type_and_file_name(client, name):
    if name in ("csv", "jsonl"):
        pytest.importorskip("esgkg.graph.fact_table")
    fmt = export.FORMATS[name]
    response = client.get(f"/export?format={name}&document=initech-2022")
    assert response.status_code == 200
    assert response.is_streamed
    assert response.mimetype == fmt.media_type
    assert response.headers["Content-Disposition"] == \
        f'attachment; filename="esgkg-initech-2022.{fmt.extension}"'
    assert b"Initech" in response.data


def test_whole_graph_as_trig_keeps_the_named_graphs(client, fixture_store):
    store, _ = fixture_store
    response = client.get("/export?format=trig")
    assert response.headers["Content-Disposition"] == 'attachment; filename="esgkg.trig"'
    back = rdflib.Dataset()
    back.parse(data=response.data, format="trig")
    names = {str(c.identifier) for c in back.graphs() if len(c)}
    assert {store.iris.entities_graph, store.iris.document_graph("acme-green-2023")} <= names
    assert len(back) == len(store)


def test_format_by_accept_header(client):
    response = client.get("/export", headers={"Accept": "application/ld+json"})
    assert response.mimetype == "application/ld+json"
    assert json.loads(response.data)["@context"] == export.jsonld_context()["@context"]
    assert client.get("/export").mimetype == "text/turtle"
    refused = client.get("/export", headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert "application/n-quads" in refused.json["error"]


def test_bad_requests_say_what_is_wrong(client, fixture_store):
    store, _ = fixture_store
    unknown = client.get("/export?format=n4")
    assert unknown.status_code == 400
    assert unknown.json["error"].startswith("unknown export format 'n4'")
    missing = client.get("/export?format=turtle&document=nope")
    assert missing.status_code == 404
    assert missing.json["error"] == "no document 'nope' in the store"
    wrong = client.get(f"/export?format=graphml&graph={store.iris.entities_graph}")
    assert wrong.status_code == 400
    assert "not a document graph" in wrong.json["error"]


def test_graphml_download_opens_in_networkx(client):
    back = nx.read_graphml(io.BytesIO(client.get("/export?format=graphml").data))
    assert "Acme Corporation" in {d["label"] for _, d in back.nodes(data=True)}


def test_context_is_published(client):
    response = client.get("/context.jsonld")
    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.json == export.jsonld_context()
    assert response.json["@context"]["esg"] == "https://w3id.org/esgkg/ontology#"


def test_analysis_api(client):
    hubs = client.get("/api/analysis/hubs?top=3").json["hubs"]
    assert {h["label"] for h in hubs} == {"DJSI World", "ISO 14001", "RE100"}
    assert client.get("/api/analysis/hubs?type=standard&top=1").json["hubs"][0]["label"] == "ISO 14001"
    similar = client.get("/api/analysis/similar?entity=Acme").json
    assert similar["entity"]["label"] == "Acme Corporation"
    assert [(s["label"], s["jaccard"]) for s in similar["similar"]] == [
        ("Globex Ltd", 0.4), ("Initech Inc", 0.2)]
    path = client.get("/api/analysis/path?from=Globex Ltd&to=Initech Inc").json["path"]
    assert path["length"] == 4 and path["nodes"][-1]["label"] == "Initech Inc"
    only_doc = client.get("/api/analysis/hubs?document=initech-2022").json["hubs"]
    assert {h["label"] for h in only_doc} == {"DJSI World", "ISO 45001"}


def test_analysis_api_errors(client):
    assert client.get("/api/analysis/path?from=Acme").status_code == 400
    assert client.get("/api/analysis/path?from=Acme").json["error"] == "missing query parameter(s): to"
    assert client.get("/api/analysis/similar?entity=Umbrella").status_code == 404
    assert client.get("/api/analysis/hubs?type=galaxy").status_code == 400
    assert client.get("/api/analysis/hubs?document=nope").status_code == 404


def test_analysis_follows_a_removed_document_at_once(client, fixture_store):
    store, _ = fixture_store
    before = {h["label"]: h["organizations"] for h in client.get("/api/analysis/hubs").json["hubs"]}
    assert before["DJSI World"] == 2
    assert client.get("/api/analysis/hubs").json["betweenness_sampled"] is False
    assert store.remove_document("initech-2022")
    after = {h["label"]: h["organizations"] for h in client.get("/api/analysis/hubs").json["hubs"]}
    assert after["DJSI World"] == 1 and "ISO 45001" not in after


# --- an explorer view: some entities and the statements of the edges drawn between them ---------
def _view(store, subject_label: str, object_label: str):
    """The entity IRIs and the statement IRI of one fact of the fixture, as the graph view has them."""
    rows = list(store.query(f"""
        PREFIX esg: <https://w3id.org/esgkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?st ?s ?o WHERE {{
          GRAPH ?g {{ ?st esg:subject ?s ; esg:object ?o }}
          GRAPH ?e {{ ?s rdfs:label "{subject_label}" . ?o rdfs:label "{object_label}" }}
        }}"""))
    assert len(rows) == 1
    return [rows[0]["s"].value, rows[0]["o"].value], [rows[0]["st"].value]


def test_a_view_exports_its_entities_and_the_statements_drawn(client, fixture_store):
    store, _ = fixture_store
    entities, statements = _view(store, "Acme Corporation", "Green Factory Award")
    response = client.post("/export", data={"format": "trig", "entity": entities,
                                            "statement": statements})
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="esgkg-view.trig"'
    back = rdflib.Dataset()
    back.parse(data=response.data, format="trig")
    acme, award = (rdflib.URIRef(i) for i in entities)
    statement = rdflib.URIRef(statements[0])
    esg = rdflib.Namespace("https://w3id.org/esgkg/ontology#")
    oa = rdflib.Namespace("http://www.w3.org/ns/oa#")
    doc_graph = back.graph(rdflib.URIRef(store.iris.document_graph("acme-green-2023")))
    entities_graph = back.graph(rdflib.URIRef(store.iris.entities_graph))
    # the entities' descriptions, the statement, its direct edge and its evidence sentence
    assert (acme, rdflib.RDFS.label, rdflib.Literal("Acme Corporation")) in entities_graph
    assert (award, rdflib.RDFS.label, rdflib.Literal("Green Factory Award")) in entities_graph
    assert (statement, esg.year, None) in doc_graph
    assert (acme, esg.receivedAward, award) in doc_graph
    assert "Acme received the 2023 Green Factory Award" in \
        " ".join(str(o) for o in doc_graph.objects(None, oa.exact))
    # and nothing else: Acme's other facts are not drawn, so not exported
    assert (acme, esg.certifiedTo, None) not in doc_graph
    assert {str(s) for s in doc_graph.subjects(esg.kind, None)} == set(statements)
    assert "ISO 14001" not in response.get_data(as_text=True)


def test_a_small_view_also_goes_in_a_link(client, fixture_store):
    store, _ = fixture_store
    entities, statements = _view(store, "Initech Inc", "Taipei")
    query = "&".join([f"entity={e}" for e in entities] + [f"statement={s}" for s in statements])
    response = client.get("/export?format=ntriples&" + query)
    assert response.status_code == 200
    triples = rdflib.Graph().parse(data=response.data, format="nt")
    assert (rdflib.URIRef(entities[0]), None, rdflib.URIRef(entities[1])) in triples


def test_a_view_in_the_network_and_table_formats(client, fixture_store):
    store, _ = fixture_store
    entities, statements = _view(store, "Acme Corporation", "RE100")
    lonely = _view(store, "Initech Inc", "Taipei")[0][1]     # drawn, without an edge in view
    data = {"entity": [*entities, lonely], "statement": statements}
    network = nx.read_graphml(io.BytesIO(client.post("/export", data={"format": "graphml", **data}).data))
    assert {d["label"] for _, d in network.nodes(data=True)} == {"Acme Corporation", "RE100", "Taipei"}
    assert [d["kind"] for _, _, d in network.edges(data=True)] == ["membership"]
    rows = client.post("/export", data={"format": "csv", **data}).get_data(as_text=True).splitlines()
    assert len(rows) == 2 and "Acme joined RE100 in 2020." in rows[1]


def test_bad_views_say_what_is_wrong(client):
    mixed = client.get("/export?format=turtle&document=initech-2022&entity=http://example.org/x")
    assert mixed.status_code == 400
    assert "not several" in mixed.json["error"]
    broken = client.post("/export", data={"format": "turtle", "entity": "not an iri"})
    assert broken.status_code == 400
    assert broken.json["error"] == "not an IRI in the entities of the view: 'not an iri'"


def test_templates_list_the_registry(client):
    from flask import render_template_string

    with client.application.test_request_context("/"):
        names = render_template_string("{% for f in export_formats %}{{ f.name }} {% endfor %}")
    assert names.split() == list(export.FORMATS)
