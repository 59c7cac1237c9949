"""`esgkg query`: a table or any result format, from the store or from an endpoint."""
from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest

from conftest import make_store

pytestmark = pytest.mark.slow  # each test runs the CLI in a subprocess

COUNT = "SELECT (COUNT(?c) AS ?companies) WHERE { ?c a <https://w3id.org/esgkg/ontology#Company> }"


def esgkg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "esgkg.cli", *args], capture_output=True,
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


def test_a_result_the_endpoint_broke_off_is_an_error_not_output(tmp_path):
    """Issue 10: a stream cut without its last chunk (what `esgkg serve` does at the time limit)."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)

    def answer_with_a_cut_stream():
        conn, _ = server.accept()
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/n-triples\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n"
                     b"1e\r\n<http://t/s> <http://t/p> 1 .\n\r\n" b"10\r\n<http://t/s> <ht")
        conn.close()  # no terminating chunk

    threading.Thread(target=answer_with_a_cut_stream, daemon=True).start()
    url = f"http://127.0.0.1:{server.getsockname()[1]}/sparql"
    run = esgkg("query", "CONSTRUCT WHERE { ?s ?p ?o }", "--endpoint", url, "--format", "ntriples")
    server.close()
    assert run.returncode == 1 and run.stdout == ""
    assert "cut the result off before its end" in run.stderr
