"""Overload (issue 12): cheap queries keep their own executors while heavy ones fill theirs, a
full heavy lane answers 503 with Retry-After at once, and a client that does not read its
result holds no executor. Behaviour only: nothing here measures a time."""
from __future__ import annotations

import http.client
import json
import random
import socket
import threading
import urllib.parse

from esgkg.graph.sparqltext import read_operation
from esgkg.webapp.admission import CostModel, read_query, shape

from conftest import endpoint_quads, http_request, make_store

COMPANY = "http://127.0.0.1:5000/id/company/company-7"
POINT_LOOKUP = f"SELECT ?p ?o WHERE {{ <{COMPANY}> ?p ?o }}"
# Counts a six-way cross product of the store: heavy by its shape, and it never ends in a test.
ENDLESS = ("SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
           "?m ?n1 ?o . ?q ?r ?t FILTER(?c != {i}) }}")


def _get(server, query: str):
    return http_request(server.sparql + "?" + urllib.parse.urlencode({"query": query}),
                        headers={"Accept": "application/sparql-results+json"})


def _fill_heavy_lane(server) -> tuple:
    """Send endless heavy queries, each from its own thread, until one is refused as overload."""
    refused = threading.Event()
    answers: list = []

    def send(i: int) -> None:
        try:
            answer = _get(server, ENDLESS.format(i=i))
        except OSError:  # the server stopped at the end of the test
            return
        answers.append(answer)
        if answer[0] == 503 and b"busy" in answer[2]:
            refused.set()

    for i in range(50):
        threading.Thread(target=send, args=(i,), daemon=True).start()
        if refused.wait(1.0):
            break
    assert refused.is_set(), answers
    return next(a for a in answers if a[0] == 503 and b"busy" in a[2])


def test_a_full_heavy_lane_answers_503_with_retry_after_and_cheap_queries_are_still_answered(
        esgkg_server):
    # One heavy executor and its queue of two: the fourth heavy query is refused.
    server = esgkg_server("--workers", "1", "--executors", "2", "--timeout", "300")
    status, headers, body = _fill_heavy_lane(server)
    assert status == 503 and int(headers["Retry-After"]) >= 1
    assert headers["Content-Type"].startswith("text/plain")
    # The heavy lane is still full (its queries run for minutes): a point lookup is answered.
    for _ in range(3):
        status, _, body = _get(server, POINT_LOOKUP)
        assert status == 200
        predicates = {b["p"]["value"] for b in json.loads(body)["results"]["bindings"]}
        assert "http://www.w3.org/2000/01/rdf-schema#label" in predicates


def test_a_shape_that_ran_long_goes_to_the_heavy_lane_with_other_constants():
    model = CostModel()
    first = read_operation('SELECT ?s WHERE { ?s ?p "a" FILTER(?o != "x1") }')
    again = read_operation('SELECT ?s WHERE { ?s ?p "b" FILTER(?o != "x22") }')
    assert shape(first) == shape(again)
    assert model.lane(first, shape(first)) == "cheap"  # nothing known: guessed from its shape
    model.learn(shape(first), 2.0)
    assert model.lane(again, shape(again)) == "heavy"
    for unseen in ("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g {} } GROUP BY ?g",  # aggregates
                   "PREFIX x: <http://x/> CONSTRUCT WHERE { ?s ?p ?o }"):    # visits every quad
        assert model.lane(read_operation(unseen), "unseen") == "heavy"
    assert model.lane(read_operation("PREFIX x: <http://x/> SELECT * { ?s x:p ?o }"), "new") == "cheap"


def test_a_client_that_does_not_read_holds_no_executor(esgkg_server, tmp_path):
    # One cheap executor; a client asks for a result of megabytes and reads none of it.
    store = make_store(tmp_path / "big", endpoint_quads(companies=8000))
    server = esgkg_server("--workers", "1", "--executors", "2", "--max-rows", "0", store=store)
    parts = urllib.parse.urlsplit(server.url)
    stalled = socket.create_connection((parts.hostname, parts.port))
    stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    # (Its constant makes it look cheap, so it runs in the point lookups' lane.)
    everything = "SELECT * WHERE { ?s ?p ?o FILTER(?p != <http://example.org/none>) }"
    path = "/sparql?" + urllib.parse.urlencode({"query": everything})
    stalled.sendall(f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                    "Accept: application/sparql-results+json\r\n\r\n".encode())
    try:
        assert stalled.recv(12).startswith(b"HTTP/1.1 200")  # the result is on its spill file
        for _ in range(3):
            status, _, body = _get(server, POINT_LOOKUP)
            assert status == 200 and json.loads(body)["results"]["bindings"]
    finally:
        stalled.close()
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
    response = conn.getresponse()
    assert response.status == 200 and len(json.loads(response.read())["results"]["bindings"]) \
        == len(endpoint_quads(companies=8000))
    conn.close()


def test_a_shape_that_ran_quickly_goes_inline_and_one_slow_inline_run_sends_it_back():
    model = CostModel()
    op = read_operation(POINT_LOOKUP)
    model.learn(shape(op), 0.001)
    assert model.lane(op, shape(op)) == "inline"
    model.learn(shape(op), 0.02)
    assert model.lane(op, shape(op)) == "cheap"
    model.learn(shape(op), 2.0)
    assert model.lane(op, shape(op)) == "heavy"


def test_the_same_question_about_another_entity_is_read_once():
    op, key = read_query(POINT_LOOKUP)
    again = read_query(POINT_LOOKUP.replace("company-7", "company-8").replace("}", 'FILTER(?o != "x") }'))
    assert read_query(POINT_LOOKUP.replace("company-7", "company-9")) == (op, key)
    assert again[0] is not op and again[1] != key


# Pieces that change how a text reads (comments, the other string forms, escapes, a '<' that is
# not an IRI) next to strings and IRIs whose text hides keywords.
PIECES = ['"x"', '""', '"a<b>{"', '"# SERVICE"', "'q'", '"""long"""', '"\\"', "<http://x/#a>",
          "<>", "?a<?b", "?c>2", "<a b>", "# c\n", "#\r", "\\", "ex:p", "SERVICE", "service", "{",
          "}", "(", ")", "!", " ", "\n", "@en", "FROM", "NAMED", "<", ">", '"', "'", "7", "DROP",
          "ALL", "SELECT", "CONSTRUCT", "GROUP"]


def _reading(op, key) -> tuple:
    return (op.form, op.network, op.names_dataset, op.drop, op.depth, key,
            [(t.kind, t.depth, t.keyword) for t in op.tokens])


def test_a_query_reads_the_same_from_its_skeleton_whatever_its_constants_hold():
    from test_sparqltext import _hidden_service_query

    rng = random.Random(20261202)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))) for _ in range(4000)]
    texts += [_hidden_service_query(rng, "http://127.0.0.1:9") for _ in range(400)]
    for text in texts:
        whole = read_operation(text)
        assert _reading(*read_query(text)) == _reading(whole, shape(whole)), repr(text)


def _select(pool, query: str, lane: str, learned: list) -> list:
    job = {"op": "query", "text": query, "format": "json", "max_rows": 100, "union": True}
    messages = list(pool.run(job, 60, lane=lane, on_done=learned.append))
    assert messages[0][0] == "head" and messages[-1][0] == "end", messages
    return json.loads(b"".join(m[1] for m in messages if m[0] == "chunk"))["results"]["bindings"]


def test_the_inline_lane_answers_in_the_worker_and_steps_aside_for_a_write(tmp_path):
    from esgkg.webapp.executor import ExecutorPool

    pool = ExecutorPool(make_store(tmp_path / "store"), size=2)
    learned: list = []
    try:
        assert len(_select(pool, POINT_LOOKUP, "inline", learned)) == 3
        assert not pool.lanes["cheap"].idle and not pool.lanes["heavy"].idle  # no executor started
        assert learned and learned[0] >= 0  # its CPU time, for the cost model
        # The worker still holds its read-only handle; a write waits for it to let go, not forever.
        update = {"op": "update", "text": f'INSERT DATA {{ GRAPH <{COMPANY}/g> {{ <{COMPANY}> '
                                          f'<http://example.org/p> "new" }} }}',
                  "entities": "http://127.0.0.1:5000/graph/entities"}
        assert [m[0] for m in pool.run(update, 60)] == ["head", "end"]
        # ... and the inline lane reads the store as the write left it.
        assert len(_select(pool, POINT_LOOKUP, "inline", learned)) == 4
    finally:
        pool.close()
