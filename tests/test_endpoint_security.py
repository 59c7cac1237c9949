"""Safe by default (issue 3): read-only without a token, no network fetches, time limits that
really stop the query, atomic serialized updates, and a clean Ctrl-C."""
from __future__ import annotations

import json
import os
import socket
import threading
import time
import urllib.parse

import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import Unauthorized

from conftest import http_request, make_store

TOKEN = "s3cret-update-token"
UPDATE = "INSERT DATA { GRAPH <http://t/g> { <http://t/s> <http://t/p> 1 } }"
EXPLOSIVE = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
             "?m ?n1 ?o . ?q ?r ?t }")


def update(server, text: str, token: str | None = TOKEN, **params):
    headers = {"Content-Type": "application/sparql-update"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    url = server.sparql + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
    return http_request(url, "POST", text, headers)


def count(server, query: str) -> int:
    status, _, body = http_request(server.sparql + "?" + urllib.parse.urlencode({"query": query}))
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


# --- write access ---------------------------------------------------------------------------------
def test_without_a_token_the_endpoint_is_read_only(sample_endpoint):
    status, _, body = update(sample_endpoint, UPDATE, token="anything")
    assert status == 403 and b"read-only" in body
    form = urllib.parse.urlencode({"update": UPDATE})
    status, _, _ = http_request(sample_endpoint.sparql, "POST", form,
                                {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403


def test_updates_need_the_bearer_token(esgkg_server):
    server = esgkg_server("--update-token", TOKEN)
    status, headers, _ = update(server, UPDATE, token=None)
    assert status == 401 and headers["WWW-Authenticate"].startswith("Bearer")
    assert update(server, UPDATE, token="wrong")[0] == 403
    assert count(server, "SELECT (COUNT(*) AS ?n) { GRAPH <http://t/g> { ?s ?p ?o } }") == 0

    client = SPARQLWrapper(server.sparql, updateEndpoint=server.sparql)
    client.setMethod(POST)
    client.setQuery(UPDATE)
    with pytest.raises(Unauthorized):
        client.query()
    client.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    client.query()
    reader = SPARQLWrapper(server.sparql)
    reader.setQuery("SELECT (COUNT(*) AS ?n) { GRAPH <http://t/g> { ?s ?p ?o } }")
    reader.setReturnFormat(JSON)
    assert reader.query().convert()["results"]["bindings"][0]["n"]["value"] == "1"


def test_update_responses_carry_no_cors_grant(esgkg_server):
    server = esgkg_server("--update-token", TOKEN)
    status, headers, _ = http_request(server.sparql, "POST", UPDATE, {
        "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}",
        "Origin": "http://elsewhere.example"})
    assert status == 204 and "Access-Control-Allow-Origin" not in headers


# --- no network -----------------------------------------------------------------------------------
class Listener:
    """A local TCP listener that records every connection made to it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.connections, self.running = [], True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections.append(conn.recv(200))
            conn.close()

    def close(self):
        self.running = False
        self.thread.join()
        self.sock.close()


def test_no_outbound_request_for_service_load_from_or_using(esgkg_server):
    server = esgkg_server("--update-token", TOKEN)
    listener = Listener()
    remote = listener.url + "/data"
    try:
        for query in (f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ service silent <{remote}> {{ ?s ?p ?o }} }}",
                      f"ASK {{ ?s ?p ?o . SeRvIcE <{remote}> {{ ?s ?p ?o }} }}"):
            status, _, body = http_request(server.sparql + "?" + urllib.parse.urlencode({"query": query}))
            assert status == 400 and b"SERVICE is disabled" in body
        for query, params in ((f"SELECT * FROM <{remote}> WHERE {{ ?s ?p ?o }}", {}),
                              (f"SELECT * FROM NAMED <{remote}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", {}),
                              ("SELECT * WHERE { ?s ?p ?o }", {"default-graph-uri": remote}),
                              ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", {"named-graph-uri": remote})):
            status, _, body = http_request(server.sparql + "?" + urllib.parse.urlencode(
                {"query": query, **params}))
            assert status == 200 and json.loads(body)["results"]["bindings"] == []  # empty graph
        status, _, body = update(server, f"LOAD <{remote}>")
        assert status == 400 and b"LOAD is disabled" in body
        status, _, _ = update(server, f"LOAD SILENT <{remote}> INTO GRAPH <http://t/x>")
        assert status == 400
        status, _, _ = update(server, f"INSERT {{ <http://t/a> <http://t/b> ?o }} WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}")
        assert status == 400
        status, _, _ = update(server, f"INSERT {{ <http://t/a> <http://t/b> ?o }} USING <{remote}> WHERE {{ ?s ?p ?o }}")
        assert status == 204
        status, _, _ = update(server, "INSERT { <http://t/a> <http://t/b> ?o } WHERE { ?s ?p ?o }",
                              **{"using-graph-uri": remote})
        assert status == 204
        # a literal or an IRI that merely contains the word is not the keyword
        status, _, _ = http_request(server.sparql + "?" + urllib.parse.urlencode(
            {"query": 'SELECT * WHERE { ?s ?p "SERVICE <http://x/>" . ?s <http://t/service> ?o }'}))
        assert status == 200
    finally:
        listener.close()
    assert listener.connections == []


# --- time limit -----------------------------------------------------------------------------------
def _descendants(pid: int) -> list[int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except (OSError, IndexError):
                continue
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        children = [p for p, pp in parents.items() if pp == parent]
        found += children
        frontier += children
    return found


def _cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime
        except OSError:
            continue
    return total


def test_runaway_query_gets_503_stops_using_cpu_and_blocks_nobody(esgkg_server):
    server = esgkg_server("--timeout", "2", "--workers", "1", "--threads", "2")
    outcome = {}

    def run_explosive():
        outcome["response"] = http_request(server.sparql + "?" + urllib.parse.urlencode({"query": EXPLOSIVE}))

    runaway = threading.Thread(target=run_explosive)
    runaway.start()
    time.sleep(0.5)  # let it get going
    # Another client is served while the runaway query is still running.
    assert count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/esgkg/ontology#Company> }") == 60
    assert runaway.is_alive()
    runaway.join(timeout=60)
    status, headers, body = outcome["response"]
    assert status == 503 and b"ran longer than 2 s" in body
    # The query no longer consumes CPU: the server's whole process tree is nearly idle.
    pids = _descendants(server.proc.pid) + [server.proc.pid]
    before = _cpu_ticks(pids)
    time.sleep(1.0)
    assert _cpu_ticks(pids) - before < 30  # a still-running query would burn ~100 ticks/s
    # and the worker serves the next queries as usual
    assert count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/esgkg/ontology#Company> }") == 60


def test_runaway_update_is_stopped_and_writes_nothing(esgkg_server):
    server = esgkg_server("--timeout", "5", "--update-token", TOKEN, "--workers", "1", "--threads", "2")
    status, _, body = update(server, "INSERT { GRAPH <http://t/boom> { ?a ?b ?c } } WHERE "
                                     "{ GRAPH ?g1 { ?a ?b ?c } GRAPH ?g2 { ?d ?e ?f } GRAPH ?g3 { ?g ?h ?i } "
                                     "GRAPH ?g4 { ?j ?k ?l } GRAPH ?g5 { ?m ?n ?o } }")
    assert status == 503 and b"nothing was written" in body
    assert count(server, "SELECT (COUNT(*) AS ?n) { GRAPH <http://t/boom> { ?s ?p ?o } }") == 0
    assert update(server, UPDATE)[0] == 204  # the writer path recovered


# --- atomic, serialized updates -------------------------------------------------------------------
def test_readers_never_see_half_an_update(esgkg_server):
    server = esgkg_server("--update-token", TOKEN, "--workers", "2", "--threads", "2")
    size = 2000
    triples = " ".join(f"<http://t/s{i}> <http://t/p> {i} ." for i in range(size))
    counting = "SELECT (COUNT(*) AS ?n) { GRAPH <http://t/atomic> { ?s ?p ?o } }"
    seen, stop = [], threading.Event()

    def read():
        while not stop.is_set():
            seen.append(count(server, counting))

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        for _ in range(3):
            assert update(server, f"INSERT DATA {{ GRAPH <http://t/atomic> {{ {triples} }} }}")[0] == 204
            assert count(server, counting) == size
            assert update(server, "DROP GRAPH <http://t/atomic>")[0] == 204
            assert count(server, counting) == 0
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert seen and set(seen) <= {0, size}


# --- lifecycle ------------------------------------------------------------------------------------
def test_ctrl_c_stops_the_server_and_its_executors(esgkg_server):
    server = esgkg_server("--workers", "2", "--threads", "2")
    assert count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") > 0
    tree = _descendants(server.proc.pid)
    assert len(tree) >= 3  # two workers and at least one executor
    assert server.stop() == 0

    def alive(pid):
        try:
            with open(f"/proc/{pid}/stat") as f:
                return f.read().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False

    deadline = time.monotonic() + 10
    while any(alive(p) for p in tree) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in tree if alive(p)]


# --- issue 10: no SERVICE/LOAD by any spelling --------------------------------------------------
def _get(server, query: str, **params):
    return http_request(server.sparql + "?" + urllib.parse.urlencode({"query": query, **params}))


def test_service_behind_a_carriage_return_comment_is_refused(esgkg_server):
    server = esgkg_server("--update-token", TOKEN)
    listener = Listener()
    try:
        status, _, body = _get(server, f"SELECT * WHERE {{ #\rSERVICE <{listener.url}/> {{ ?x ?p ?o }} }}")
        assert status == 400 and b"SERVICE is disabled" in body
        status, _, body = update(server, f"#\rLOAD <{listener.url}/data>")
        assert status == 400 and b"LOAD is disabled" in body
        status, _, body = update(server, f"INSERT {{ <http://t/a> <http://t/b> ?o }} WHERE "
                                         f"{{ #\rSERVICE <{listener.url}/> {{ ?s ?p ?o }} }}")
        assert status == 400 and b"SERVICE is disabled" in body
    finally:
        listener.close()
    assert listener.connections == []


def test_generated_hidden_service_queries_never_open_a_connection(esgkg_server):
    import random

    from test_sparqltext import _hidden_service_query

    server = esgkg_server("--workers", "1", "--threads", "2")
    listener, rng = Listener(), random.Random(10)
    statuses = set()
    try:
        for _ in range(150):
            status, _, _ = _get(server, _hidden_service_query(rng, listener.url))
            statuses.add(status)
    finally:
        listener.close()
    assert listener.connections == []
    assert statuses <= {200, 400}  # refused, a syntax error, or a harmless query: never a 500


def test_executors_cannot_reach_the_network_even_when_a_query_slips_through(tmp_path):
    from esgkg.webapp.executor import ExecutorPool

    pool = ExecutorPool(make_store(tmp_path / "store"), size=1)
    listener = Listener()
    job = {"op": "query", "text": f"SELECT * WHERE {{ SERVICE <{listener.url}/> {{ ?s ?p ?o }} }}",
           "format": "json", "max_rows": 0, "default_graphs": None, "named_graphs": None}
    try:
        messages = list(pool.run(job, 10))  # straight to the executor: no endpoint check
    finally:
        pool.close()
        listener.close()
    assert listener.connections == []
    assert messages[-1][0] == "error" and "Permission denied" in messages[-1][2]


def test_the_inline_lane_sends_any_text_that_spells_service_to_an_executor(tmp_path):
    from esgkg.webapp.executor import ExecutorPool

    pool = ExecutorPool(make_store(tmp_path / "store"), size=2)
    listener = Listener()
    job = {"op": "query", "text": f"SELECT * WHERE {{ sErViCe <{listener.url}/> {{ ?s ?p ?o }} }}",
           "format": "json", "max_rows": 0, "default_graphs": None, "named_graphs": None}
    try:
        messages = list(pool.run(job, 10, lane="inline"))  # the web worker's lane, no endpoint check
    finally:
        pool.close()
        listener.close()
    assert listener.connections == []
    assert messages[-1][0] == "error" and "Permission denied" in messages[-1][2]


# --- issue 10: a cut result never looks complete -------------------------------------------------
def test_a_stream_cut_by_the_time_limit_breaks_the_connection(esgkg_server, tmp_path):
    import http.client

    quads = [ox.Quad(ox.NamedNode(f"http://t/s{i}"), ox.NamedNode("http://t/p"),
                     ox.Literal("x" * 100 + str(i)), ox.NamedNode("http://t/g")) for i in range(150_000)]
    # A result over the spill file's cap streams from its executor, so the time limit can strike
    # while it is being sent.
    server = esgkg_server("--timeout", "2", "--max-rows", "0", "--workers", "1", "--threads", "2",
                          "--spill-mb", "1", store=make_store(tmp_path / "big", quads))
    parts = urllib.parse.urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": "CONSTRUCT WHERE { ?s ?p ?o }"}),
                 headers={"Accept": "application/n-triples"})
    response = conn.getresponse()
    assert response.status == 200 and response.getheader("Transfer-Encoding") == "chunked"
    received = 0
    with pytest.raises(http.client.IncompleteRead):
        while True:  # a client reading at ~300 KB/s, far slower than the 2 s limit needs
            chunk = response.read(30_000)
            if not chunk:
                break
            received += len(chunk)
            time.sleep(0.1)
    conn.close()
    assert 0 < received < 150_000 * 100


def test_the_cli_warns_when_the_endpoint_cut_the_result(sample_endpoint):
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "esgkg.cli", "query", "SELECT * { ?s ?p ?o }",
                          "--endpoint", sample_endpoint.sparql, "--format", "tsv"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "warning: the result is incomplete" in run.stderr and "max-rows=100" in run.stderr
    assert len(run.stdout.splitlines()) == 101  # header + the 100 rows the endpoint sent
    whole = subprocess.run([sys.executable, "-m", "esgkg.cli", "query", "ASK { ?s ?p ?o }",
                            "--endpoint", sample_endpoint.sparql], capture_output=True, text=True,
                           timeout=120)
    assert whole.returncode == 0 and "warning" not in whole.stderr


# --- issue 10: bad input is a 4xx, never a 500 ------------------------------------------------------
@pytest.mark.parametrize("query", ["SELECT * " + "{" * 10_000 + "}" * 10_000,
                                   "ASK { FILTER(" + "(" * 20_000 + "true" + ")" * 20_000 + ") }",
                                   "ASK { FILTER(" + "!" * 60_000 + "true) }"])
def test_over_deep_queries_get_400_before_the_engine(sample_endpoint, query):
    status, headers, body = http_request(sample_endpoint.sparql, "POST", query,
                                         {"Content-Type": "application/sparql-query"})
    assert status == 400 and b"levels deep; the limit is" in body
    assert count(sample_endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") > 0  # still up


def test_an_update_while_another_process_holds_the_store_is_a_503(esgkg_server):
    import gc

    server = esgkg_server("--update-token", TOKEN)
    foreign = ox.Store(str(server.store))  # a writer outside the server (RocksDB's lock)
    try:
        status, headers, body = update(server, UPDATE)
        assert status == 503 and headers["Retry-After"] and b"another process is writing" in body
        assert headers["Content-Type"].startswith("text/plain")
    finally:
        del foreign
        gc.collect()
    assert update(server, UPDATE)[0] == 204


# --- issue 10: writes that would ruin the store ---------------------------------------------------
def test_drop_all_clear_all_and_drop_default_need_allow_drop(esgkg_server):
    server = esgkg_server("--update-token", TOKEN)
    for text in ("DROP ALL", "CLEAR ALL", "DROP DEFAULT", "drop silent all", "DROPALL"):
        status, _, body = update(server, text)
        assert status == 403 and b"--allow-drop" in body, text
    assert count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == 362
    allowed = esgkg_server("--update-token", TOKEN, "--allow-drop")
    assert update(allowed, "DROP ALL")[0] == 204
    assert count(allowed, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == 0


@pytest.fixture
def sample_store_dir(tmp_path, sample_path):
    """The sample release ingested by the real pipeline into a store that is closed again."""
    import gc

    from esgkg.graph.pipeline import ingest_paths
    from esgkg.graph.store import GraphStore

    store = GraphStore(tmp_path / "sample")
    assert not ingest_paths([sample_path], store).errors
    store.flush()
    del store
    gc.collect()
    return tmp_path / "sample"


def test_updates_that_break_the_shapes_are_rolled_back_with_the_report(esgkg_server, sample_store_dir):
    server = esgkg_server("--update-token", TOKEN, store=sample_store_dir)
    total = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = count(server, total)
    status, _, body = update(server, "DELETE WHERE { GRAPH ?g { ?st <https://w3id.org/esgkg/ontology#subject> ?c } }")
    assert status == 400, body
    assert b"breaks the SHACL shapes" in body and b"rolled back" in body and b"esg:subject" in body
    assert count(server, total) == before
    status, _, body = http_request(server.sparql + "?" + urllib.parse.urlencode({"query": (
        "SELECT ?c WHERE { GRAPH <http://127.0.0.1:5000/graph/entities> { ?c a "
        "<https://w3id.org/esgkg/ontology#Company> } } LIMIT 1")}))
    company = json.loads(body)["results"]["bindings"][0]["c"]["value"]
    second_label = (f"INSERT DATA {{ GRAPH <http://127.0.0.1:5000/graph/entities> {{ <{company}> "
                    f"<http://www.w3.org/2000/01/rdf-schema#label> \"Another name\" }} }}")
    status, _, body = update(server, second_label)
    assert status == 400 and b"rdfs:label" in body
    assert count(server, total) == before
    assert update(server, UPDATE)[0] == 204  # data outside the shapes' classes is accepted
    assert count(server, total) == before + 1


# --- issue 10: no 500s for bad input, one set of headers, no links off the site --------------------
@pytest.fixture(scope="module")
def sample_app(tmp_path_factory):
    """The whole app in-process over the sample release, plus an IRI whose path starts with '//'."""
    from importlib.resources import files

    from esgkg.graph.pipeline import ingest_paths
    from esgkg.graph.store import GraphStore
    from esgkg.webapp import create_app

    store = GraphStore()
    assert not ingest_paths([str(files("esgkg.ontology").joinpath("sample", "ase-osh-award-2021.txt"))],
                            store).errors
    company = next(iter(store.query(
        "SELECT ?c WHERE { GRAPH ?g { ?c a <https://w3id.org/esgkg/ontology#Company> } } LIMIT 1")))["c"]
    store.ox.update(f"INSERT DATA {{ GRAPH <{store.iris.entities_graph}> {{ {company} "
                    f"<http://www.w3.org/2000/01/rdf-schema#seeAlso> <{store.iris.base}/evil.example/phish> }} }}")
    app = create_app({"STORE_OBJECT": store})
    app.company_path = "/" + company.value[len(store.iris.base):]
    return app


@pytest.mark.parametrize("url, status, media_type", [
    ("/doc/a%20b", 404, "text/html"), ("/doc/a%22b", 404, "text/html"),
    ("/doc/a%3Eb", 404, "text/html"), ("/doc/a%0Ab", 404, "text/html"),
    ("/doc/a%3Eb?format=json", 404, "application/json"),
    ("/api/document/a%3Eb", 404, "application/json"),
    ("/export?document=x%00", 404, "application/json"),
    ("/export?graph=a%20b", 400, "application/json"),
])
def test_ids_and_iris_that_cannot_be_are_4xx_with_a_message(sample_app, url, status, media_type):
    response = sample_app.test_client().get(url)
    assert (response.status_code, response.mimetype) == (status, media_type)
    text = response.get_data(as_text=True)
    assert ("no document" in text or "not found" in text.lower() or "not an IRI" in text)


@pytest.mark.parametrize("url", ["/sparql", "/sparql?query=ASK%7B%7D", "/.well-known/void",
                                 "/export?format=ntriples", "/context.jsonld",
                                 "/api/analysis/centrality", "/static/dist/graph.js", "/no/such/page",
                                 "/api/no-such-route", "/", "/doc/ase-osh-award-2021"])
def test_every_response_carries_the_security_headers(sample_app, url):
    response = sample_app.test_client().get(url)
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], url
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_one_error_handler_speaks_each_routes_language(sample_app):
    client = sample_app.test_client()
    page = client.get("/no/such/page")
    assert page.status_code == 404 and page.mimetype == "text/html" and b"<h1>404</h1>" in page.data
    wanted_json = client.get("/no/such/page", headers={"Accept": "application/json"})
    assert wanted_json.status_code == 404 and wanted_json.get_json()["status"] == 404
    api = client.get("/api/no-such-route")
    assert api.status_code == 404 and api.get_json()["error"]
    method = client.put("/sparql")
    assert method.status_code == 405 and method.mimetype == "text/plain" and "GET" in method.headers["Allow"]


def test_an_iri_whose_path_starts_with_two_slashes_is_never_a_link_off_the_site(sample_app):
    client = sample_app.test_client()
    page = client.get(sample_app.company_path)
    assert page.status_code == 200 and "/evil.example/phish" in page.get_data(as_text=True)
    assert 'href="//' not in page.get_data(as_text=True)
    data = client.get(sample_app.company_path + "?format=json").get_data(as_text=True)
    assert '"//evil.example' not in data


@pytest.mark.parametrize("name, doc_id", [("my release.txt", "my-release"),
                                          ('say "hi" <now>.txt', "say-hi-now"),
                                          ("Ünïcode – release.txt", "Ünïcode-release")])
def test_every_file_name_ingests_to_a_readable_iri_safe_id(tmp_path, sample_path, name, doc_id):
    import subprocess
    import sys

    from esgkg.graph.store import GraphStore

    release = tmp_path / name
    release.write_text(sample_path.read_text())
    run = subprocess.run([sys.executable, "-m", "esgkg.cli", "ingest", str(release),
                          "--store", str(tmp_path / "store")], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    store = GraphStore(tmp_path / "store", read_only=True)
    assert store.document_ids() == [doc_id]
    assert store.has_document(doc_id) and len(store) > 100


# --- issue 10: one writer or the servers, never both ------------------------------------------------
def _esgkg(*args: str):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "esgkg.cli", *args], capture_output=True,
                          text=True, timeout=300)


def test_ingest_into_a_served_store_is_refused_and_says_what_to_do(esgkg_server, sample_path):
    server = esgkg_server("--update-token", TOKEN)
    documents = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = count(server, documents)
    refused = _esgkg("ingest", str(sample_path), "--store", str(server.store))
    assert refused.returncode != 0
    assert "stop the server first, or send the release through it" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert count(server, documents) == before
    # what the message suggests works, and the server sees the release at once
    through = _esgkg("ingest", str(sample_path), "--backend-query", server.sparql,
                     "--backend-update", server.sparql, "--backend-token", TOKEN)
    assert through.returncode == 0, through.stderr
    assert count(server, documents) == before + 1


def test_serve_refuses_a_store_another_process_is_writing(tmp_path):
    import gc
    import subprocess
    import sys

    from esgkg.graph.store import GraphStore, StoreError

    path = make_store(tmp_path / "store")
    writer = GraphStore(path)  # as esgkg ingest holds it while it runs
    try:
        with pytest.raises(StoreError, match="in use"):
            GraphStore(path)  # a second writer is refused too
        run = subprocess.run([sys.executable, "-m", "esgkg.cli", "serve", "--store", str(path),
                              "--port", "0"], capture_output=True, text=True, timeout=60)
        assert run.returncode == 1
        assert "another process is writing to the store" in run.stderr and "wait for it" in run.stderr
    finally:
        del writer
        gc.collect()
    GraphStore(path)  # free again once the writer has closed


def test_a_rolled_back_update_puts_back_every_graph_it_emptied(sample_path):
    from esgkg.graph.pipeline import ingest_paths
    from esgkg.graph.store import GraphStore
    from esgkg.webapp.executor import checked_update

    store = GraphStore()
    assert not ingest_paths([sample_path], store).errors
    before = set(store.ox)
    entities = store.iris.entities_graph
    report = checked_update(store.ox, "DROP ALL ; INSERT DATA { GRAPH <http://t/g> { <http://t/st> a "
                                      "<https://w3id.org/esgkg/ontology#Certification> } }", None,
                            entities)
    assert report and "rolled back" in report and "<http://t/st>" in report
    assert set(store.ox) == before
    assert checked_update(store.ox, "DROP SILENT GRAPH <http://t/nothing>", None, entities) is None
