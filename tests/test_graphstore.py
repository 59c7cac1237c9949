"""The Graph Store Protocol's read side on /sparql (issue 11 item 13), against a live `esgkg serve`."""
from __future__ import annotations

import urllib.parse

import pyoxigraph as ox
import pytest

from conftest import TEST_BASE, endpoint_quads, http_request

RELEASE_3 = TEST_BASE + "graph/doc/release-3"


def gsp(server, **params) -> str:
    return server.sparql + "?" + urllib.parse.urlencode(params)


def triples_of(body: bytes, media_type: str) -> set:
    return {q.triple if isinstance(q, ox.Quad) else q
            for q in ox.parse(body, ox.RdfFormat.from_media_type(media_type))}


@pytest.mark.parametrize("media_type", ["text/turtle", "application/n-triples", "application/n-quads",
                                        "application/trig", "application/ld+json",
                                        "application/rdf+xml"])
def test_a_named_graph_in_every_rdf_format(sample_endpoint, media_type):
    status, headers, body = http_request(gsp(sample_endpoint, graph=RELEASE_3),
                                         headers={"Accept": media_type})
    assert status == 200 and headers["Content-Type"].split(";")[0] == media_type
    assert headers["Vary"] == "Accept"
    assert triples_of(body, media_type) == {q.triple for q in endpoint_quads()
                                            if q.graph_name.value == RELEASE_3}


def test_format_parameter_chooses_too(sample_endpoint):
    status, headers, body = http_request(gsp(sample_endpoint, graph=RELEASE_3, format="nt"))
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert len(triples_of(body, "application/n-triples")) == 4


def test_the_default_graph_is_the_union_a_query_sees(sample_endpoint):
    status, _, body = http_request(sample_endpoint.sparql + "?default", headers={"Accept": "text/turtle"})
    assert status == 200
    assert triples_of(body, "text/turtle") == {q.triple for q in endpoint_quads()}


def test_an_unknown_graph_is_a_404_in_plain_text(sample_endpoint):
    status, headers, body = http_request(gsp(sample_endpoint, graph=TEST_BASE + "graph/doc/nowhere"))
    assert status == 404 and headers["Content-Type"].startswith("text/plain")
    assert b"no graph <" in body


@pytest.mark.parametrize("params, accept, status", [
    ({"graph": "not an iri"}, "text/turtle", 400),
    ({"graph": RELEASE_3, "default": ""}, "text/turtle", 400),
    ({"graph": RELEASE_3}, "application/sparql-results+json", 406),
])
def test_what_the_protocol_refuses(sample_endpoint, params, accept, status):
    assert http_request(gsp(sample_endpoint, **params), headers={"Accept": accept})[0] == status


def test_over_a_remote_backend_the_default_graph_is_the_servers(oxigraph_server, esgkg_server):
    from esgkg.graph.remote import RemoteStore

    RemoteStore(oxigraph_server.url + "/query", oxigraph_server.url + "/update").update(
        "INSERT DATA { <http://t/a> <http://t/p> 1 . GRAPH <http://t/g> { <http://t/s> <http://t/p> 2 } }")
    server = esgkg_server("--backend-query", oxigraph_server.url + "/query", data=False)
    default = http_request(server.sparql + "?default", headers={"Accept": "application/n-triples"})
    named = http_request(gsp(server, graph="http://t/g"), headers={"Accept": "application/n-triples"})
    assert [status for status, _, _ in (default, named)] == [200, 200]
    assert {t.subject.value for t in triples_of(default[2], "application/n-triples")} == {"http://t/a"}
    assert {t.subject.value for t in triples_of(named[2], "application/n-triples")} == {"http://t/s"}
