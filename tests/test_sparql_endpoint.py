"""The /sparql protocol contract of issue 3, against a live `esgkg serve`, with SPARQLWrapper as the
client where a client library is what users would use."""
from __future__ import annotations

import json
import urllib.parse

import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from conftest import endpoint_quads, http_request, make_store

COMPANIES = "SELECT ?c WHERE { ?c a <https://w3id.org/esgkg/ontology#Company> }"
ALL_QUADS = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"


def q(server, query: str, **params) -> str:
    return server.sparql + "?" + urllib.parse.urlencode({"query": query, **params})


def test_select_through_sparqlwrapper_sees_the_union_of_graphs(sample_endpoint):
    client = SPARQLWrapper(sample_endpoint.sparql)
    client.setQuery("SELECT (COUNT(?c) AS ?n) WHERE { ?c a <https://w3id.org/esgkg/ontology#Company> }")
    client.setReturnFormat(JSON)
    result = client.query().convert()
    assert result["results"]["bindings"][0]["n"]["value"] == "60"


def test_construct_through_sparqlwrapper_returns_a_graph(sample_endpoint):
    client = SPARQLWrapper(sample_endpoint.sparql)
    client.setQuery("CONSTRUCT WHERE { <http://127.0.0.1:5000/id/award/safety-award> ?p ?o }")
    client.setReturnFormat(TURTLE)
    graph_text = client.query().convert()
    triples = list(ox.parse(graph_text, ox.RdfFormat.TURTLE))
    assert len(triples) == 2


def test_post_form_and_post_direct_give_the_same_answer(sample_endpoint):
    form = http_request(sample_endpoint.sparql, "POST", urllib.parse.urlencode({"query": COMPANIES}),
                        {"Content-Type": "application/x-www-form-urlencoded"})
    direct = http_request(sample_endpoint.sparql, "POST", COMPANIES,
                          {"Content-Type": "application/sparql-query"})
    assert form[0] == direct[0] == 200
    assert json.loads(form[2]) == json.loads(direct[2])
    assert len(json.loads(form[2])["results"]["bindings"]) == 60


@pytest.mark.parametrize("accept, expected", [
    ("application/sparql-results+xml;q=0.5, text/csv;q=0.9", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv;q=0.1, application/sparql-results+xml", "application/sparql-results+xml"),
])
def test_select_content_negotiation_honours_q_values(sample_endpoint, accept, expected):
    status, headers, body = http_request(q(sample_endpoint, COMPANIES), headers={"Accept": accept})
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == expected
    if expected in ("text/tab-separated-values", "application/sparql-results+xml"):
        fmt = ox.QueryResultsFormat.from_media_type(expected)
        assert len(list(ox.parse_query_results(body, fmt))) == 60
    if expected == "text/csv":
        assert body.decode().splitlines()[0] == "c" and len(body.decode().splitlines()) == 61


def test_format_parameter_overrides_accept(sample_endpoint):
    status, headers, _ = http_request(q(sample_endpoint, COMPANIES, format="tsv"),
                                      headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")


@pytest.mark.parametrize("media_type", ["text/turtle", "application/n-triples", "application/n-quads",
                                        "application/trig", "application/ld+json",
                                        "application/rdf+xml"])
def test_construct_in_every_rdf_format(sample_endpoint, media_type):
    query = ("CONSTRUCT { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?o } WHERE { "
             "?c a <https://w3id.org/esgkg/ontology#Company> ; <http://www.w3.org/2000/01/rdf-schema#label> ?o }")
    status, headers, body = http_request(q(sample_endpoint, query), headers={"Accept": media_type})
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == media_type
    parsed = list(ox.parse(body, ox.RdfFormat.from_media_type(media_type)))
    assert len(parsed) == 60


def test_406_when_no_acceptable_format(sample_endpoint):
    assert http_request(q(sample_endpoint, COMPANIES), headers={"Accept": "image/png"})[0] == 406
    # an ASK answer has no CSV form
    assert http_request(q(sample_endpoint, "ASK {}"), headers={"Accept": "text/csv"})[0] == 406


def test_415_for_other_media_types_and_405_for_other_methods(sample_endpoint):
    status, _, body = http_request(sample_endpoint.sparql, "POST", COMPANIES, {"Content-Type": "text/plain"})
    assert status == 415 and b"unsupported media type" in body
    for method in ("PUT", "DELETE", "PATCH"):
        status, headers, _ = http_request(sample_endpoint.sparql, method, COMPANIES,
                                          {"Content-Type": "application/sparql-query"})
        assert status == 405
        assert "POST" in headers["Allow"] and "GET" in headers["Allow"]


def test_syntax_error_is_a_400_with_the_parsers_message(sample_endpoint):
    status, _, body = http_request(q(sample_endpoint, "SELECT * WHERE { ?s ?p "))
    assert status == 400
    assert b"error at 1:" in body  # pyoxigraph's position-bearing message


def test_results_over_max_rows_are_truncated_and_say_so(sample_endpoint):
    status, headers, body = http_request(q(sample_endpoint, ALL_QUADS))
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 100
    assert headers["X-SPARQL-Results-Truncated"].startswith("true")
    status, headers, body = http_request(q(sample_endpoint, ALL_QUADS + " LIMIT 10"))
    assert len(json.loads(body)["results"]["bindings"]) == 10
    assert "X-SPARQL-Results-Truncated" not in headers


def test_truncated_result_keeps_order_and_variables(sample_endpoint):
    query = "SELECT ?label ?c WHERE { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY DESC(?label)"
    body = http_request(q(sample_endpoint, query))[2]
    result = json.loads(body)
    assert result["head"]["vars"] == ["label", "c"]
    labels = [b["label"]["value"] for b in result["results"]["bindings"]]
    assert labels == sorted(labels, reverse=True) and len(labels) == 61


def test_protocol_dataset_replaces_the_union_default_graph(sample_endpoint):
    graph = "http://127.0.0.1:5000/graph/doc/release-3"
    body = http_request(q(sample_endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                          **{"default-graph-uri": graph}))[2]
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "4"


def test_service_description_and_browser_redirect(sample_endpoint):
    status, headers, body = http_request(sample_endpoint.sparql, headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    triples = list(ox.parse(body, ox.RdfFormat.TURTLE))
    endpoints = [t.object for t in triples
                 if t.predicate.value == "http://www.w3.org/ns/sparql-service-description#endpoint"]
    assert endpoints == [ox.NamedNode(sample_endpoint.sparql)]
    status, headers, _ = http_request(sample_endpoint.sparql, headers={
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert status == 303 and headers["Location"].endswith("/query")
    for accept in ("*/*", "text/html;q=0.5, text/turtle"):  # curl's default; an RDF-first client
        status, headers, _ = http_request(sample_endpoint.sparql, headers={"Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith("text/turtle")


def test_void_counts_the_dataset(sample_endpoint):
    status, headers, body = http_request(sample_endpoint.url + "/.well-known/void",
                                         headers={"Accept": "application/n-triples"})
    assert status == 200
    stats = {t.predicate.value.rsplit("#", 1)[1]: t.object.value
             for t in ox.parse(body, ox.RdfFormat.N_TRIPLES)
             if t.predicate.value.startswith("http://rdfs.org/ns/void#")
             and t.subject.value.endswith("/.well-known/void#dataset")}
    assert stats["triples"] == str(len(endpoint_quads()))
    assert stats["documents"] == "60"  # the 60 release graphs; the entities graph is no document
    assert stats["sparqlEndpoint"] == sample_endpoint.sparql


VOID = "http://rdfs.org/ns/void#"
SD = "http://www.w3.org/ns/sparql-service-description#"


def _graph_of(url: str) -> ox.Store:
    status, _, body = http_request(url, headers={"Accept": "application/n-triples"})
    assert status == 200, body
    store = ox.Store()
    store.load(body, ox.RdfFormat.N_TRIPLES)
    return store


def test_void_tells_the_truth_about_classes_properties_and_where_to_get_it(sample_endpoint):
    """Issue 11 item 12: classes were 0 with classes in use; partitions and a dump were missing."""
    void = _graph_of(sample_endpoint.url + "/.well-known/void")
    one = lambda query: next(iter(void.query(query)))  # noqa: E731
    classes = {q.object.value for q in endpoint_quads()
               if q.predicate.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}
    predicates = {q.predicate.value for q in endpoint_quads()}
    assert int(one(f"SELECT ?n {{ ?d <{VOID}classes> ?n }}")["n"].value) == len(classes) == 3
    assert int(one(f"SELECT ?n {{ ?d <{VOID}properties> ?n }}")["n"].value) == len(predicates)
    partitions = {(r["c"].value, int(r["n"].value)) for r in void.query(
        f"SELECT ?c ?n {{ ?d <{VOID}classPartition> [ <{VOID}class> ?c ; <{VOID}entities> ?n ] }}")}
    assert partitions == {("https://w3id.org/esgkg/ontology#Company", 60),
                          ("https://w3id.org/esgkg/ontology#AwardConferral", 60),
                          ("https://w3id.org/esgkg/ontology#Award", 1)}
    triples_by_property = {r["p"].value: int(r["n"].value) for r in void.query(
        f"SELECT ?p ?n {{ ?d <{VOID}propertyPartition> [ <{VOID}property> ?p ; <{VOID}triples> ?n ] }}")}
    assert sum(triples_by_property.values()) == len(endpoint_quads())
    dump = one(f"SELECT ?u {{ ?d <{VOID}dataDump> ?u }}")["u"].value
    status, headers, body = http_request(dump)
    assert status == 200 and headers["Content-Type"].startswith("application/n-quads")
    assert len(list(ox.parse(body, ox.RdfFormat.N_QUADS))) == len(endpoint_quads())


def test_service_description_lists_the_graphs_and_uses_the_w3c_format_iris(sample_endpoint):
    sd = _graph_of(sample_endpoint.sparql)
    names = {r["g"].value for r in sd.query(
        f"SELECT ?g {{ ?ds <{SD}namedGraph> [ <{SD}name> ?g ] }}")}
    assert names == {q.graph_name.value for q in endpoint_quads()}
    formats = {r["f"].value for r in sd.query(f"SELECT ?f {{ ?s <{SD}resultFormat> ?f }}")}
    assert "http://www.w3.org/ns/formats/JSON-LD" in formats
    assert all(f.startswith("http://www.w3.org/ns/formats/") for f in formats)
    assert sd.query(f"ASK {{ ?s <{SD}feature> <{SD}UnionDefaultGraph> }}")


def test_over_a_remote_backend_no_union_default_graph_is_claimed(oxigraph_server, esgkg_server):
    from esgkg.graph.remote import RemoteStore

    RemoteStore(oxigraph_server.url + "/query", oxigraph_server.url + "/update").update(
        "INSERT DATA { GRAPH <http://t/g> { <http://t/s> <http://t/p> 1 } }")
    server = esgkg_server("--backend-query", oxigraph_server.url + "/query", data=False)
    sd = _graph_of(server.sparql)
    assert not sd.query(f"ASK {{ ?s <{SD}feature> <{SD}UnionDefaultGraph> }}")
    size = next(iter(sd.query(f"SELECT ?n {{ ?ds <{SD}defaultGraph> [ <http://rdfs.org/ns/void#triples> ?n ] }}")))
    rows = json.loads(http_request(q(server, "SELECT * { ?s ?p ?o }"))[2])["results"]["bindings"]
    assert int(size["n"].value) == len(rows) == 0  # what a query really sees by default
    names = {r["g"].value for r in sd.query(f"SELECT ?g {{ ?ds <{SD}namedGraph> [ <{SD}name> ?g ] }}")}
    assert names == {"http://t/g"}


def test_query_size_is_capped(sample_endpoint):
    huge = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 200_000
    status, _, body = http_request(sample_endpoint.sparql, "POST", huge,
                                   {"Content-Type": "application/sparql-query"})
    assert status == 413 and b"bytes" in body


def test_cors_for_reads_without_credentials(sample_endpoint):
    status, headers, _ = http_request(q(sample_endpoint, "ASK {}"), headers={"Origin": "http://elsewhere.example"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in headers
    status, headers, _ = http_request(sample_endpoint.sparql, "OPTIONS", headers={
        "Origin": "http://elsewhere.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
    assert "authorization" not in headers["Access-Control-Allow-Headers"].lower()
    assert "Access-Control-Allow-Credentials" not in headers


def test_large_results_stream(esgkg_server, tmp_path):
    store = make_store(tmp_path / "big", endpoint_quads(companies=3000))
    server = esgkg_server("--max-rows", "0", "--workers", "1", "--threads", "2", store=store)
    status, headers, body = http_request(q(server, ALL_QUADS))
    assert status == 200
    assert headers["Transfer-Encoding"] == "chunked" and "Content-Length" not in headers
    assert len(json.loads(body)["results"]["bindings"]) == len(endpoint_quads(companies=3000))


def test_fresh_serve_builds_the_sample_graph_first(esgkg_server, tmp_path):
    server = esgkg_server("--workers", "1", "--threads", "2", store=tmp_path / "not-yet")
    client = SPARQLWrapper(server.sparql)
    client.setQuery("""PREFIX esg: <https://w3id.org/esgkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?award WHERE { ?c esg:receivedAward ?a . ?c rdfs:label ?company . ?a rdfs:label ?award
                              FILTER(CONTAINS(?company, "Advanced Semiconductor Engineering")) }""")
    client.setReturnFormat(JSON)
    awards = [b["award"]["value"] for b in client.query().convert()["results"]["bindings"]]
    assert awards == ["Occupational Safety and Health Award"]
    assert "building the graph of the sample release" in server.log.read_text()


def test_a_post_without_content_type_is_a_4xx_for_query_and_update(w3c_server):
    """Issue 11 item 11 (W3C bad_query_missing_form_type, bad_update_missing_form_type)."""
    from conftest import W3C_TOKEN

    for body, headers in (("query=ASK%20%7B%7D", {}),
                          ("update=INSERT%20DATA%20%7B%7D", {"Authorization": f"Bearer {W3C_TOKEN}"})):
        status, _, message = http_request(w3c_server.sparql, "POST", body, headers)
        assert status == 415 and b"POST needs a Content-Type" in message
