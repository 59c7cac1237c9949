"""The explorer's JSON API, page twins and resource content negotiation (Flask test client)."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from explorer_data import SAMPLE_DOC


def search(client, q):
    r = client.get("/api/search", query_string={"q": q})
    assert r.status_code == 200
    return r.json["results"]


def ase(client):
    hits = search(client, "ASE")
    assert hits, "ASE not found"
    return hits[0]


def test_search_finds_aliases_first(client):
    first = ase(client)
    assert first["type"] == "company"
    assert first["matched"] == "ASE" or first["label"] == "ASE"
    dj = search(client, "dj")
    assert dj and dj[0]["type"] == "index"
    assert "DJSI" in (dj[0]["matched"] or dj[0]["label"])


def test_search_is_case_insensitive_and_empty_is_empty(client):
    assert search(client, "iso 45001")[0]["label"].upper().startswith("ISO 45001")
    assert search(client, "") == []
    assert search(client, '") } DROP ALL #') == []


def test_neighbourhood_of_ase_has_the_sample_facts(client):
    data = client.get("/api/neighbourhood", query_string={"iri": ase(client)["iri"]}).json
    labels = " | ".join(n["label"] + " " + " ".join(n["aliases"]) for n in data["nodes"])
    for expected in ("Occupational Safety and Health Award", "Ministry of Labor", "DJSI World",
                     "RBA", "OHSAS 18001", "ISO 45001"):
        assert expected in labels
    kinds = {e["kind"] for e in data["edges"]}
    assert {"award", "certification", "membership", "index_inclusion", "conferred_by"} <= kinds
    ids = {n["iri"] for n in data["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    assert data["more"] == 0 and data["nodes"][0]["focus"]


def test_neighbourhood_filters(client):
    iri = ase(client)["iri"]
    certs = client.get("/api/neighbourhood", query_string={"iri": iri, "kinds": "certification"}).json
    assert {e["kind"] for e in certs["edges"]} == {"certification"}
    assert len(certs["nodes"]) == 3
    in_2018 = client.get("/api/neighbourhood", query_string={"iri": iri, "year": 2018}).json
    assert [e["kind"] for e in in_2018["edges"]] == ["index_inclusion"]     # inferred from "6th year"
    other_doc = client.get("/api/neighbourhood", query_string={"iri": iri, "document": "hub-release"}).json
    assert other_doc["edges"] == [] and len(other_doc["nodes"]) == 1
    bad = client.get("/api/neighbourhood", query_string={"iri": iri, "kinds": "nonsense"})
    assert bad.status_code == 400 and "nonsense" in bad.json["error"]
    unknown = client.get("/api/neighbourhood", query_string={"iri": iri + "-nobody"})
    assert unknown.status_code == 404
    assert client.get("/api/neighbourhood", query_string={"iri": "<x> } DROP ALL"}).status_code == 404


def test_hub_is_capped_with_a_count_of_the_rest(client):
    hub = search(client, "EHSI")[0]
    first = client.get("/api/neighbourhood", query_string={"iri": hub["iri"], "limit": 30}).json
    assert first["total"] == 100 and len(first["nodes"]) == 31 and first["more"] == 70
    second = client.get("/api/neighbourhood", query_string={"iri": hub["iri"], "limit": 30, "offset": 30}).json
    assert second["more"] == 40
    assert not {n["iri"] for n in first["nodes"][1:]} & {n["iri"] for n in second["nodes"][1:]}


def test_fact_has_qualifiers_and_evidence(client):
    data = client.get("/api/neighbourhood", query_string={"iri": ase(client)["iri"], "kinds": "award"}).json
    award = next(e for e in data["edges"] if e["kind"] == "award")
    fact = client.get("/api/fact", query_string={"iri": award["statement"]}).json
    assert fact["qualifiers"]["year"] == 2021
    assert fact["qualifiers"]["level"] == "Benchmark Enterprise"
    assert "Ministry of Labor" in fact["qualifiers"]["awarded_by"]["label"]
    assert "2021 Occupational Safety and Health Award" in fact["evidence"]["exact"]
    doc = client.get(f"/api/document/{fact['document']['id']}").json
    assert doc["text"][fact["evidence"]["start"]:fact["evidence"]["end"]] == fact["evidence"]["exact"]


def test_fact_of_index_inclusion_lists_inferred_years(client):
    data = client.get("/api/neighbourhood",
                      query_string={"iri": ase(client)["iri"], "kinds": "index_inclusion"}).json
    fact = client.get("/api/fact", query_string={"iri": data["edges"][0]["statement"]}).json
    assert fact["qualifiers"]["consecutive_years"] == 6
    assert fact["inferred_years"] == [2016, 2017, 2018, 2019, 2020]


def test_document_spans_match_quotes(client):
    doc = client.get(f"/api/document/{SAMPLE_DOC}").json
    assert len(doc["facts"]) >= 8
    for f in doc["facts"]:
        assert f["span_ok"], f
        assert doc["text"][f["start"]:f["end"]] == f["exact"]
    assert "".join(s["text"] for s in doc["segments"]) == doc["text"]
    iso = [f for f in doc["facts"] if "ISO 45001" in f["object"]["label"]]
    assert iso and any(iso[0]["anchor"] in s["facts"] and "ISO 45001" in s["text"] for s in doc["segments"])
    assert client.get("/api/document/no-such-doc").status_code == 404


def test_stats_count_documents_and_facts(client):
    stats = client.get("/api/stats").json
    assert stats["documents"] == 4          # sample, two XSS releases, the hub
    assert stats["facts"]["index_inclusion"] >= 101
    assert stats["organizations"] >= 100


@pytest.mark.parametrize("path", ["/", "/query", f"/doc/{SAMPLE_DOC}"])
def test_pages_have_json_twins_and_a_csp(client, path):
    html = client.get(path)
    assert html.status_code == 200 and html.mimetype == "text/html"
    csp = html.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "<script>" not in html.get_data(as_text=True)          # no inline scripts anywhere
    twin = client.get(path, query_string={"format": "json"})
    assert twin.mimetype == "application/json" and isinstance(twin.json, dict)
    accept = client.get(path, headers={"Accept": "application/json"})
    assert accept.json == twin.json


def test_graph_page_twin_is_the_neighbourhood(client):
    iri = ase(client)["iri"]
    twin = client.get("/graph", query_string={"focus": iri, "format": "json"}).json
    assert twin == client.get("/api/neighbourhood", query_string={"iri": iri}).json


def test_entity_iri_dereferences_by_content_negotiation(client, explorer_app):
    iri = ase(client)["iri"]
    path = "/" + iri.split("/", 3)[3]
    html = client.get(path, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert html.mimetype == "text/html" and "Advanced Semiconductor Engineering" in html.get_data(as_text=True)
    turtle = client.get(path, headers={"Accept": "text/turtle"})
    assert turtle.mimetype == "text/turtle"
    triples = [q.triple for q in ox.parse(turtle.data, format=ox.RdfFormat.TURTLE)]
    assert ox.Triple(ox.NamedNode(iri), ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"),
                     ox.Literal("ASE")) in triples
    nt = client.get(path, headers={"Accept": "application/n-triples;q=1, text/html;q=0.5"})
    assert nt.mimetype == "application/n-triples"
    assert {q.triple for q in ox.parse(nt.data, format=ox.RdfFormat.N_TRIPLES)} == set(triples)
    jsonld = client.get(path, headers={"Accept": "application/ld+json"})
    assert jsonld.mimetype == "application/ld+json"
    assert any(node.get("@id") == iri for node in json.loads(jsonld.data))
    assert client.get(path, query_string={"format": "ttl"}).mimetype == "text/turtle"
    assert client.get(path, query_string={"format": "yaml"}).status_code == 406
    assert client.get("/id/company/no-such-company").status_code == 404


def test_statement_and_document_iris_dereference(client):
    doc = client.get(f"/api/document/{SAMPLE_DOC}").json
    st_path = "/" + doc["facts"][0]["iri"].split("/", 3)[3]
    page = client.get(st_path).get_data(as_text=True)
    assert doc["facts"][0]["exact"][:40].replace("'", "&#39;") in page
    ttl = client.get(f"/doc/{SAMPLE_DOC}", headers={"Accept": "text/turtle"})
    assert ttl.mimetype == "text/turtle"
    triples = list(ox.parse(ttl.data, format=ox.RdfFormat.TURTLE))
    assert any(t.predicate.value == "https://schema.org/text" for t in triples)


def test_release_markup_is_escaped_in_pages(client):
    doc_page = client.get("/doc/xss-release").get_data(as_text=True)
    assert "<script>alert" not in doc_page and "<img src=x" not in doc_page
    assert "&lt;script&gt;alert(&#34;xss-text&#34;)&lt;/script&gt;" in doc_page
    evil = search(client, "evil corp")[0]
    res_page = client.get("/" + evil["iri"].split("/", 3)[3]).get_data(as_text=True)
    assert "<script>alert" not in res_page and "onerror=alert(4)>" not in res_page
    assert 'href="javascript:' not in res_page


def test_big_hubs_are_paged_without_ranking_everything(client, monkeypatch):
    from esgkg.webapp import model
    monkeypatch.setattr(model, "HUB_THRESHOLD", 50)
    hub = search(client, "EHSI")[0]
    pages = [client.get("/api/neighbourhood", query_string={"iri": hub["iri"], "limit": 40, "offset": o}).json
             for o in (0, 40, 80)]
    assert all(p.get("hub") for p in pages)
    assert [p["more"] for p in pages] == [60, 20, 0]
    seen = [n["iri"] for p in pages for n in p["nodes"][1:]]
    assert len(seen) == len(set(seen)) == 100
    assert all(len(p["edges"]) == len(p["nodes"]) - 1 for p in pages)
    assert all(e["years"] == [2023] for p in pages for e in p["edges"])


def test_nodes_gives_labels_and_types(client):
    iri = ase(client)["iri"]
    nodes = client.get("/api/nodes", query_string=[("iri", iri), ("iri", "javascript:alert(1)")]).json["nodes"]
    assert [n["type"] for n in nodes] == ["company", "entity"]
    assert nodes[1]["page"] is None               # a foreign IRI never becomes a link of ours
    assert client.get("/api/nodes", query_string=[("iri", iri)] * 501).status_code == 400
    posted = client.post("/api/nodes", json={"iris": [iri] * 3}).json["nodes"]
    assert [n["iri"] for n in posted] == [iri] * 3
    assert client.post("/api/nodes", json={"iris": "x"}).status_code == 400
