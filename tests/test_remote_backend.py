"""esgkg over a real Oxigraph server (`oxigraph serve`): RemoteStore, `esgkg serve --backend-*`,
and the other commands with the same options."""
from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from esgkg.graph.remote import RemoteError, RemoteStore
from esgkg.graph.vocab import Iris

from conftest import SAMPLE_ID, free_port

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


# --- the CLI over a remote server: the same answers as over the embedded store -------------------
def esgkg(capsys, *args) -> tuple[int, str]:
    """Run the CLI in this process; (exit status, standard output)."""
    from esgkg.cli import main

    status = main([str(a) for a in args])
    gc.collect()  # let go of the embedded store before another command opens it
    return status, capsys.readouterr().out


def dataset(path: Path) -> set:
    graph = rdflib.Dataset()
    graph.parse(path, format="nquads")
    return set(graph.quads((None, None, None, None)))


def test_cli_commands_over_an_oxigraph_backend(oxigraph_server, sample_path, tmp_path, capsys):
    remote = ["--backend-query", oxigraph_server.url + "/query",
              "--backend-update", oxigraph_server.url + "/update"]
    embedded = ["--store", tmp_path / "store"]
    for where in (remote, embedded):
        status, out = esgkg(capsys, "ingest", sample_path, *where)
        assert status == 0 and out.startswith("ingested 1 documents")

    status, remote_facts = esgkg(capsys, "facts", *remote[:2])  # reading needs no update URL
    assert status == 0
    assert remote_facts == esgkg(capsys, "facts", *embedded)[1]
    assert {json.loads(line)["kind"] for line in remote_facts.splitlines()} >= {"award", "certification"}

    status, remote_stats = esgkg(capsys, "stats", "--json", *remote)
    assert status == 0 and json.loads(remote_stats) == json.loads(esgkg(capsys, "stats", "--json", *embedded)[1])
    assert json.loads(remote_stats)["documents"] == 1

    assert esgkg(capsys, "export", "--format", "nquads", "-o", tmp_path / "remote.nq", *remote)[0] == 0
    assert esgkg(capsys, "export", "--format", "nquads", "-o", tmp_path / "embedded.nq", *embedded)[0] == 0
    exported = dataset(tmp_path / "remote.nq")
    assert exported == dataset(tmp_path / "embedded.nq")
    assert len(exported) == json.loads(remote_stats)["triples"]
    assert esgkg(capsys, "dump", "-o", tmp_path / "dump.nq", *remote)[0] == 0
    assert dataset(tmp_path / "dump.nq") == exported
    assert esgkg(capsys, "validate", *remote) == (0, "SHACL: conforms\n")
    # options go before or after a positional, the analysis questions' too
    status, remote_hubs = esgkg(capsys, "analyze", "hubs", "--json", *remote[:2])
    assert status == 0
    assert json.loads(remote_hubs) == json.loads(esgkg(capsys, "analyze", *embedded, "hubs", "--json")[1])

    status, out = esgkg(capsys, "remove", SAMPLE_ID, *remote)
    assert (status, out) == (0, "removed 1 document\n")
    assert esgkg(capsys, "dump", "-o", tmp_path / "after.nq", *remote)[0] == 0
    document_graph = rdflib.URIRef(Iris().document_graph(SAMPLE_ID))
    assert dataset(tmp_path / "after.nq") == {q for q in exported if q[3] != document_graph}
    assert any(q[3] == document_graph for q in exported)
    assert esgkg(capsys, "facts", *remote) == (0, "")


def test_a_writing_command_without_an_update_url_is_refused(oxigraph_server, capsys):
    from esgkg.cli import main

    assert main(["remove", SAMPLE_ID, "--backend-query", oxigraph_server.url + "/query"]) == 1
    assert "--backend-update" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["stats"], ["export", "--format", "nquads"], ["dump"],
                                     ["ingest", "ontology/sample/ase-osh-award-2021.txt"]])
def test_an_unreachable_server_is_one_line_and_a_failure(command):
    nobody = f"http://127.0.0.1:{free_port()}"
    result = subprocess.run([sys.executable, "-m", "esgkg.cli", *command,
                             "--backend-query", nobody + "/query", "--backend-update", nobody + "/update"],
                            capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert f"cannot reach the SPARQL server at {nobody}/query" in result.stderr
