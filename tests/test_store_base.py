"""A store remembers the IRI base it was made with; every command, and `esgkg serve`, uses it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse

import pytest

from esgkg.cli import main
from esgkg.graph.pipeline import ingest_paths
from esgkg.graph.store import GraphStore, StoreError
from esgkg.graph.vocab import Iris

from conftest import http_request, start_esgkg_serve

BASE = "https://kg.example.org/"


@pytest.fixture
def based_store(tmp_path, sample_path):
    """The sample ingested under BASE, closed again."""
    path = tmp_path / "store"
    ingest_paths([sample_path], GraphStore(path, iris=Iris(BASE)))
    return path


def test_a_store_opened_without_a_base_uses_the_one_it_recorded(based_store, monkeypatch):
    monkeypatch.delenv("ESGKG_BASE", raising=False)
    store = GraphStore(based_store, read_only=True)
    assert store.iris.base == BASE
    assert store.document_ids() == ["ase-osh-award-2021"]


def test_a_conflicting_base_is_an_error_that_names_both(based_store, monkeypatch):
    monkeypatch.setenv("ESGKG_BASE", "http://elsewhere.example/")
    with pytest.raises(StoreError, match=f"holds IRIs under {BASE}, not http://elsewhere.example/"):
        GraphStore(based_store, read_only=True)
    with pytest.raises(StoreError, match="holds IRIs under"):
        GraphStore(based_store, iris=Iris("http://elsewhere.example/"))


def test_serve_on_any_port_serves_the_stores_iris(based_store, tmp_path, monkeypatch):
    monkeypatch.delenv("ESGKG_BASE", raising=False)
    server = start_esgkg_serve(based_store, tmp_path)
    try:
        query = urllib.parse.quote("SELECT ?g WHERE { GRAPH ?g {} }")
        _, _, body = http_request(f"{server.sparql}?query={query}",
                                  headers={"Accept": "application/sparql-results+json"})
        graphs = {b["g"]["value"] for b in json.loads(body)["results"]["bindings"]}
        assert f"{BASE}graph/doc/ase-osh-award-2021" in graphs
        # an IRI of the store dereferences by its path on this server
        status, _, page = http_request(server.url + "/id/standard/iso-45001")
        assert status == 200 and "ISO 45001" in page.decode()
        _, _, void = http_request(server.url + "/.well-known/void",
                                  headers={"Accept": "application/n-triples"})
        assert f'<http://rdfs.org/ns/void#uriSpace> "{BASE}"' in void.decode()
    finally:
        server.stop()
    assert f"serving the store's IRIs under {BASE}" in server.log.read_text()


def test_a_restored_backup_keeps_the_base_of_its_data(based_store, tmp_path, monkeypatch):
    monkeypatch.delenv("ESGKG_BASE", raising=False)
    dump = tmp_path / "backup.nq"
    assert main(["dump", "--store", str(based_store), "-o", str(dump)]) == 0
    assert main(["load", str(dump), "--store", str(tmp_path / "restored")]) == 0
    restored = GraphStore(tmp_path / "restored", read_only=True)
    assert restored.iris.base == BASE
    assert restored.document_ids() == ["ase-osh-award-2021"]


@pytest.mark.slow
def test_serve_refuses_a_conflicting_base(based_store):
    env = dict(os.environ, ESGKG_BASE="http://elsewhere.example/")
    result = subprocess.run([sys.executable, "-m", "esgkg.cli", "serve", "--store",
                             str(based_store), "--port", "0"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 1
    assert f"esgkg serve: the store {based_store} holds IRIs under {BASE}" in result.stderr
