"""What other blueprints get from ``get_store(app)``: GraphStore-like reads through the executors."""
from __future__ import annotations

import pyoxigraph as ox

from esgkg.webapp import create_app, get_store

from conftest import make_store


def test_pooled_store_answers_like_a_graphstore(tmp_path):
    app = create_app({"STORE": str(make_store(tmp_path / "store")), "EXECUTORS": 1})
    store = app.extensions["esgkg_pooled_store"]
    try:
        rows = store.query("SELECT ?l WHERE { GRAPH ?g { <http://127.0.0.1:5000/id/company/company-3> "
                           "<http://www.w3.org/2000/01/rdf-schema#label> ?l } }")
        assert [row["l"].value for row in rows] == ["Company 3"]
        # GraphStore semantics: the default graph is the real (empty) default graph ...
        assert not bool(store.query("ASK { ?s ?p ?o }"))
        # ... unless asked for the union
        assert bool(store.query("ASK { ?s ?p ?o }", use_default_graph_as_union=True))
        triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <http://127.0.0.1:5000/graph/doc/release-1> { ?s ?p ?o } }")
        assert len(triples) == 4 and all(isinstance(t, ox.Triple) for t in triples)
        assert store.document_ids()[:2] == ["release-0", "release-1"] and len(store.document_ids()) == 60
        assert store.has_document("release-59") and not store.has_document("release-60")
    finally:
        app.extensions["esgkg_runner"].close()


def test_in_process_store_object_for_tests(tmp_path):
    memory = ox.Store()
    memory.add(ox.Quad(ox.NamedNode("http://t/s"), ox.NamedNode("http://t/p"), ox.Literal("v"),
                       ox.NamedNode("http://t/g")))
    app = create_app({"STORE_OBJECT": memory, "UPDATE_TOKEN": "t"})
    client = app.test_client()
    response = client.get("/sparql", query_string={"query": "SELECT ?o { ?s ?p ?o }"},
                          headers={"Accept": "text/csv"})
    assert response.status_code == 200 and response.data.decode().splitlines() == ["o", "v"]
    response = client.post("/sparql", data="DROP GRAPH <http://t/g>", content_type="application/sparql-update",
                           headers={"Authorization": "Bearer t"})
    assert response.status_code == 204 and len(memory) == 0


def test_pages_store_sees_endpoint_updates(tmp_path):
    app = create_app({"STORE": str(make_store(tmp_path / "store")), "EXECUTORS": 1, "UPDATE_TOKEN": "t"})
    store = get_store(app)
    try:
        assert len(store.document_ids()) == 60 and store.ox is not None
        response = app.test_client().post(
            "/sparql", data="DROP GRAPH <http://127.0.0.1:5000/graph/doc/release-0>",
            content_type="application/sparql-update", headers={"Authorization": "Bearer t"})
        assert response.status_code == 204
        assert len(store.document_ids()) == 59 and not store.has_document("release-0")
    finally:
        app.extensions["esgkg_runner"].close()
