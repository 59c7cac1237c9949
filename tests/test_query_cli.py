"""`esgkg query`: a table or any result format, from the store or from an endpoint."""
from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox

from conftest import make_store

COUNT = "SELECT (COUNT(?c) AS ?companies) WHERE { ?c a <https://w3id.org/esgkg/ontology#Company> }"


def esgkg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "esgkg.graph.cli", *args], capture_output=True,
                          text=True, timeout=120)


def test_query_the_store_as_a_table_and_as_csv(tmp_path):
    store = make_store(tmp_path / "store")
    table = esgkg("query", COUNT, "--store", str(store))
    assert table.returncode == 0, table.stderr
    assert "companies" in table.stdout and "60" in table.stdout and "1 row" in table.stdout
    csv = esgkg("query", "SELECT ?l WHERE { <http://127.0.0.1:5000/id/company/company-7> "
                         "<http://www.w3.org/2000/01/rdf-schema#label> ?l }", "--store", str(store),
                "--format", "csv")
    assert csv.stdout.splitlines() == ["l", "Company 7"]


def test_query_an_endpoint_in_any_format(sample_endpoint):
    tsv = esgkg("query", COUNT, "--endpoint", sample_endpoint.sparql, "--format", "tsv")
    assert tsv.returncode == 0, tsv.stderr
    assert tsv.stdout.splitlines()[0] == "?companies"
    assert tsv.stdout.splitlines()[1].startswith("60") or '"60"' in tsv.stdout
    nt = esgkg("query", "CONSTRUCT WHERE { <http://127.0.0.1:5000/id/award/safety-award> ?p ?o }",
               "--endpoint", sample_endpoint.sparql, "--format", "ntriples")
    assert len(list(ox.parse(nt.stdout, ox.RdfFormat.N_TRIPLES))) == 2


def test_query_errors_are_one_line_and_exit_non_zero(tmp_path):
    store = make_store(tmp_path / "store")
    bad = esgkg("query", "SELECT * WHERE {", "--store", str(store))
    assert bad.returncode == 2 and bad.stderr.startswith("esgkg query: SPARQL syntax error")
    service = esgkg("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                    "--store", str(store))
    assert service.returncode == 1 and "SERVICE is disabled" in service.stderr
    missing = esgkg("query", COUNT, "--store", str(tmp_path / "nothing-here"))
    assert missing.returncode == 1 and "no store" in missing.stderr
