"""esgkg over a real Oxigraph server (`oxigraph serve`): RemoteStore, and `esgkg serve --backend-*`."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from esgkg.graph.remote import RemoteError, RemoteStore
from esgkg.graph.vocab import Iris

TOKEN = "remote-backend-token"
IRIS = Iris("http://127.0.0.1:5000/")


def doc_nquads(doc_id: str, award: str) -> tuple[str, str]:
    graph, entities = IRIS.document_graph(doc_id), IRIS.entities_graph
    company, prize = IRIS.entity("company", "ASE"), IRIS.entity("award", award)
    document = (f"<{company}> <https://w3id.org/esgkg/ontology#receivedAward> <{prize}> <{graph}> .\n"
                f"<{IRIS.document(doc_id)}> <http://purl.org/dc/terms/identifier> \"{doc_id}\" <{graph}> .\n")
    entity = f"<{prize}> <http://www.w3.org/2000/01/rdf-schema#label> \"{award}\" <{entities}> .\n"
    return document, entity


def awards(store) -> list[str]:
    rows = store.query("SELECT ?label WHERE { GRAPH ?g { ?c <https://w3id.org/esgkg/ontology#receivedAward> ?a } "
                       "GRAPH <http://127.0.0.1:5000/graph/entities> { ?a <http://www.w3.org/2000/01/rdf-schema#label> ?label } } "
                       "ORDER BY ?label")
    return [row["label"].value for row in rows]


def test_remote_store_offers_the_graphstore_methods(oxigraph_server):
    store = RemoteStore(oxigraph_server.url + "/query", oxigraph_server.url + "/update", iris=IRIS)
    assert store.document_ids() == []
    store.replace_document("release-1", *doc_nquads("release-1", "Safety Award"))
    store.replace_document("release-2", *doc_nquads("release-2", "Green Award"))
    assert store.document_ids() == ["release-1", "release-2"]
    assert awards(store) == ["Green Award", "Safety Award"]
    # re-ingesting replaces exactly that document's graph
    store.replace_document("release-1", *doc_nquads("release-1", "Ethics Award"))
    assert awards(store) == ["Ethics Award", "Green Award"]
    assert bool(store.query(f"ASK {{ GRAPH <{IRIS.document_graph('release-2')}> {{ ?s ?p ?o }} }}"))
    triples = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{IRIS.document_graph('release-2')}> {{ ?s ?p ?o }} }}")
    assert len(triples) == 2 and all(isinstance(t, ox.Triple) for t in triples)
    assert store.remove_document("release-1") is True
    assert store.remove_document("release-1") is False
    assert store.document_ids() == ["release-2"]
    with pytest.raises(RemoteError) as error:
        store.query("SELECT * WHERE { ?s ?p ")
    assert error.value.status == 400


def test_esgkg_serve_over_an_oxigraph_backend(oxigraph_server, esgkg_server):
    backend = RemoteStore(oxigraph_server.url + "/query", oxigraph_server.url + "/update", iris=IRIS)
    backend.replace_document("release-1", *doc_nquads("release-1", "Safety Award"))
    server = esgkg_server("--backend-query", oxigraph_server.url + "/query",
                          "--backend-update", oxigraph_server.url + "/update",
                          "--update-token", TOKEN, data=False)
    client = SPARQLWrapper(server.sparql)
    client.setQuery("SELECT ?a WHERE { GRAPH ?g { ?c <https://w3id.org/esgkg/ontology#receivedAward> ?a } }")
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [r["a"]["value"] for r in rows] == [IRIS.entity("award", "Safety Award")]
    # an update through esgkg lands in the Oxigraph server
    writer = SPARQLWrapper(server.sparql, updateEndpoint=server.sparql)
    writer.setMethod(POST)
    writer.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    writer.setQuery(f"DROP GRAPH <{IRIS.document_graph('release-1')}>")
    writer.query()
    assert backend.document_ids() == []
