"""The endpoint's token-level reading of SPARQL: keywords, query form, dataset clauses, depth,
store-emptying updates, USING; and, by generation against the real engine, that every query
Oxigraph would send to the network is refused."""
from __future__ import annotations

import random
import socket
import threading

import pyoxigraph as ox
import pytest

from esgkg.graph.sparqltext import MAX_DEPTH, DatasetConflict, Refused, apply_using, check, query_form, read_operation


@pytest.mark.parametrize("text, expected", [
    ("PREFIX s: <http://x/> SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("# ASK in a comment\nconstruct where { ?s ?p ?o }", "CONSTRUCT"),
    ("BASE <http://x/> DESCRIBE <a>", "DESCRIBE"),
    ("ask {}", "ASK"),
    ("INSERT DATA { <a> <b> <c> }", None),
])
def test_query_form(text, expected):
    assert query_form(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("load <http://x/data.ttl>", "LOAD"),
    ('SELECT * { ?s ?p "SERVICE" }', None),
    ("SELECT * { ?s <http://x/SERVICE> ?o }", None),
    ("SELECT ?service { ?service ?p ?o } # SERVICE", None),
    ('SELECT * { ?s ?p """multi\nSERVICE <x>""" }', None),
    ('SELECT * { ?s ?p "x"@service }', None),
    ("SELECT * { ?s <http://x/#SERVICE> ?o }", None),
    # the issue's bypass, and the other spellings Oxigraph's parser reads as the keyword
    ("SELECT * WHERE { #\rSERVICE <http://x/> { ?x ?p ?o } }", "SERVICE"),
    ("#\rLOAD <http://x/>", "LOAD"),
    ("PREFIX ex: <http://x/> SELECT * { BIND(ex:a\\#b AS ?z) SERVICE <http://x/> {} }", "SERVICE"),
    ("PREFIX ex: <http://x/> SELECT * { BIND(ex:a\\' AS ?z) SERVICE <http://x/> {} } #'", "SERVICE"),
    ("SELECT * { service<http://x/>{} }", "SERVICE"),
    ("SELECT * { SERVICESILENT<http://x/>{} }", "SERVICE"),
    ("PREFIX : <http://x/> SELECT * { SERVICE:{} }", "SERVICE"),
    # a prefix holding the keyword: the parser may read `service:x {` as SERVICE :x {
    ("PREFIX service: <http://x/> SELECT * { ?s service:load ?o }", "SERVICE"),
])
def test_network_keywords_are_found_only_as_keywords(text, expected):
    assert read_operation(text).network == expected


def test_dataset_clause_is_top_level_from_only():
    assert read_operation("SELECT * FROM <http://g> WHERE { ?s ?p ?o }").names_dataset
    assert read_operation("SELECT * FROM NAMED <http://g> { GRAPH ?g { ?s ?p ?o } }").names_dataset
    assert not read_operation("SELECT * { ?s <http://x/from> ?o }").names_dataset


def test_apply_using_adds_the_dataset_to_each_operation():
    store = ox.Store()
    store.update("INSERT DATA { GRAPH <http://g1> { <http://a> <http://p> 1 } "
                 "GRAPH <http://g2> { <http://b> <http://p> 2 } }")
    update = apply_using("INSERT { GRAPH <http://out> { ?s <http://q> ?o } } WHERE { ?s <http://p> ?o } ;"
                         "DELETE WHERE { GRAPH <http://g1> { ?s ?p ?o } }",
                         ["http://g2"], [])
    assert update.count("USING <http://g2>") == 2
    store.update(update)
    out = {(q.subject.value, q.object.value) for q in store.quads_for_pattern(None, None, None, ox.NamedNode("http://out"))}
    assert out == {("http://b", "2")}  # only the using graph was the WHERE's default graph
    # DELETE WHERE became DELETE {..} USING <g2> WHERE {..}: g2 has no g1 graph in its default, so nothing is deleted
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode("http://g1")))) == 1


def test_apply_using_refuses_a_conflicting_dataset():
    with pytest.raises(DatasetConflict):
        apply_using("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", [], ["http://h"])
    assert apply_using("CLEAR ALL", [], []) == "CLEAR ALL"


def test_read_operation_reads_form_network_keyword_and_dataset_in_one_pass():
    op = read_operation("SELECT * FROM <http://g> WHERE { SERVICE <http://x> { ?s ?p ?o } }")
    assert (op.form, op.network, op.names_dataset) == ("SELECT", "SERVICE", True)
    op = read_operation("ASK { ?s <http://x/from> ?o }")
    assert (op.form, op.network, op.names_dataset) == ("ASK", None, False)


@pytest.mark.parametrize("text", ["SELECT * " + "{" * 10_000 + "}" * 10_000,
                                  "ASK { FILTER(" + "(" * 20_000 + "true" + ")" * 20_000 + ") }",
                                  "ASK { FILTER(" + "!" * 60_000 + "true) }"])
def test_over_deep_operations_are_refused_before_the_engine(text):
    with pytest.raises(Refused, match=f"the limit is {MAX_DEPTH}") as refused:
        check(read_operation(text))
    assert refused.value.status == 400


def test_ordinary_nesting_passes():
    check(read_operation("SELECT * { { ?s ?p ?o } UNION { ?s ?p ?o FILTER(!(?o > 1 && -(?o) < 2)) } }"))


@pytest.mark.parametrize("text, target", [("DROP ALL", "DROP ALL"), ("clear silent all", "CLEAR ALL"),
                                          ("DROP DEFAULT", "DROP DEFAULT"),
                                          ("INSERT DATA { <a> <b> <c> } ; CLEAR NAMED", "CLEAR NAMED"),
                                          ("DROPALL", "DROP ALL"), ("CLEARSILENTALL", "CLEAR ALL"),
                                          ("drop silentall", "DROP ALL"), ("dropdefault", "DROP DEFAULT")])
def test_updates_that_empty_the_store_need_allow_drop(text, target):
    op = read_operation(text)
    assert op.drop == target
    with pytest.raises(Refused, match="--allow-drop") as refused:
        check(op)
    assert refused.value.status == 403
    check(op, allow_drop=True)


def test_dropping_one_graph_is_an_ordinary_update():
    assert read_operation("DROP GRAPH <http://g> ; CLEAR SILENT GRAPH <http://h>").drop is None
    assert read_operation("DROPGRAPH<http://g> ; DROP SILENT <http://all>").drop is None


# --- generated: whatever Oxigraph would fetch, the tokenizer refuses ------------------------------
NOISE = [  # text that may hide a keyword from a careless reader, or make it appear
    "", " ", "\t", "\r", "\n", "\r\n", "# SERVICE <{url}> {{}}\n", "#\r", "#x\r", "# a comment\n",
    '"SERVICE <{url}>"', "'SERVICE'", '"""SERVICE\n<{url}>"""', "'''it's SERVICE'''",
    '"a\\"SERVICE"', "<http://x/#SERVICE>", "ex:a\\#b", "ex:a\\'b", "ex:SERVICE", "?service",
    '"x"@service', "BIND(1 AS ?w)", "FILTER(1<2)", "FILTER(?z>0)", ".",
]
KEYWORDS = ["SERVICE", "service", "SeRvIcE", "SERVICE SILENT", "SERVICESILENT", "service silent"]


def _hidden_service_query(rng: random.Random, url: str) -> str:
    keyword = rng.choice(KEYWORDS)
    target = rng.choice([f"<{url}>", ":", f"<{url}> ", " :"])
    parts = [rng.choice(NOISE).format(url=url) for _ in range(rng.randint(0, 3))]
    service = keyword + rng.choice(["", " ", "\r", "\t"]) + target + "{ ?x ?p ?o }"
    body = " ".join(parts + [service] if rng.random() < 0.8 else parts)
    if rng.random() < 0.5:  # close an open long string or comment so the text may still parse
        body += rng.choice(["", "\n", '"""', "'"])
    return (f"PREFIX ex: <http://x/> PREFIX : <{url}/> SELECT * WHERE {{ BIND(1 AS ?z) "
            f"{body} }}")


@pytest.fixture
def listener():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    seen = []

    def accept():
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            seen.append(1)
            conn.close()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", seen
    sock.close()


def test_every_query_oxigraph_would_send_out_is_refused(listener):
    url, connections = listener
    rng, store = random.Random(20261201), ox.Store()
    live = 0
    for _ in range(600):
        text = _hidden_service_query(rng, url)
        before = len(connections)
        try:
            list(store.query(text))
        except (SyntaxError, OSError, ValueError):
            pass
        reached = len(connections) > before
        if reached:
            live += 1
            assert read_operation(text).network == "SERVICE", repr(text)
    assert live > 100  # the generator does produce queries the engine would run
