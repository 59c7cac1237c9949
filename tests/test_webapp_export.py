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
    names = {str(c.identifier) for c in back.contexts() if len(c)}
    assert {store.iris.entities_graph, store.iris.document_graph("acme-green-2023")} <= names
    assert len(back) == len(store)


def test_format_by_accept_header(client):
    response = client.get("/export", headers={"Accept": "application/ld+json"})
    assert response.mimetype == "application/ld+json"
    assert json.loads(response.data)["@context"].endswith("/context.jsonld")
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
