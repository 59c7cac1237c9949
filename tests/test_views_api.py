"""The analyst views' JSON twins and downloads (/facts, /documents, /compare), Flask test client.

Exact figures come from the hand-built graph of graph_fixture (its DOCUMENTS table, counted
here, never typed), and from the sample release's facts as the issue lists them.
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from urllib.parse import urlsplit

import pytest
import rdflib

import graph_fixture
from explorer_data import SAMPLE_DOC

FIXTURE_FACTS = [(doc, *fact) for doc, facts in graph_fixture.DOCUMENTS.items() for fact in facts]
# Inferred earlier years: one per consecutive year before the stated one.
INFERRED = sum(q["consecutive_years"] - 1 for *_, q, _ in FIXTURE_FACTS if "consecutive_years" in q)


@pytest.fixture(scope="module")
def fixture_client():
    from esgkg.webapp import create_app

    store, _ = graph_fixture.build_store()
    return create_app({"STORE_OBJECT": store, "TESTING": True}).test_client()


def entity_iri(client, label: str) -> str:
    facts = client.get("/facts.json", query_string={"per_page": 500}).json["facts"]
    return next(f[f"{end}_iri"] for f in facts for end in ("subject", "object") if f[end] == label)


def all_pages(client, url: str) -> list[dict]:
    """Every fact of a view, following ``next`` links."""
    facts = []
    while url:
        body = client.get(url).json
        facts += body["facts"]
        url = body["next"] and urlsplit(body["next"])._replace(scheme="", netloc="").geturl()
    return facts


# --- /facts.json --------------------------------------------------------------------------------
def test_facts_json_lists_every_fact_with_the_contract_fields(fixture_client):
    body = fixture_client.get("/facts.json", query_string={"per_page": 500}).json
    assert set(body) >= {"total", "facts", "facets", "next"}
    assert body["total"] == len(FIXTURE_FACTS) + INFERRED == len(body["facts"])
    assert body["next"] is None
    for fact in body["facts"]:
        assert {"statement", "kind", "subject", "object", "subject_iri", "object_iri", "document",
                "evidence", "inferred"} <= set(fact)
    stated = {(f["document"], f["kind"], f["subject"], f["object"], f["evidence"])
              for f in body["facts"] if not f["inferred"]}
    assert stated == {(d, k, s, o, e) for d, k, s, o, _, e in FIXTURE_FACTS}
    award = next(f for f in body["facts"] if f["kind"] == "award")
    # Qualifiers under FORMAT.md's names, with FORMAT.md's types.
    assert (award["year"], award["level"], award["awarded_by"]) == (2023, "Gold", "Ministry of Environment")
    assert Counter(body["facets"]["kind"]) == Counter(k for _, k, *_ in FIXTURE_FACTS) + \
        Counter({"index_inclusion": INFERRED})


def test_served_facet_counts_are_kept_until_the_store_changes(fixture_store_dir):
    """Issue 13 item 1: under the executors the counts of a filter set are kept per store
    version (every page and sort shares them), and a committed update counts again."""
    from esgkg.webapp import create_app

    path, _ = fixture_store_dir
    app = create_app({"STORE": str(path), "EXECUTORS": 1, "UPDATE_TOKEN": "t", "TESTING": True})
    client = app.test_client()
    try:
        first = client.get("/facts.json?sort=kind").json
        kept = [k for k in app.extensions["esgkg_result_cache"]._items if k[0] == "facet-counts"]
        assert len(kept) == 1
        assert client.get("/facts.json").json["facets"] == first["facets"]     # another sort, same counts
        graph = "http://127.0.0.1:5000/graph/doc/globex-esg-2023"
        assert client.post("/sparql", data=f"DROP GRAPH <{graph}>", content_type="application/sparql-update",
                           headers={"Authorization": "Bearer t"}).status_code == 204
        after = client.get("/facts.json").json
        assert after["total"] == first["total"] - first["facets"]["document"]["globex-esg-2023"]
        assert "globex-esg-2023" not in after["facets"]["document"]
    finally:
        app.extensions["esgkg_runner"].close()


def test_a_filter_narrows_the_rows_and_the_facet_counts(fixture_client):
    body = fixture_client.get("/facts.json?kind=certification").json
    certifications = [f for f in FIXTURE_FACTS if f[1] == "certification"]
    assert body["total"] == len(certifications) == len(body["facts"])
    assert body["facets"]["kind"] == {"certification": len(certifications)}
    assert body["facets"]["status"] == dict(Counter(f[4]["status"] for f in certifications))
    assert sum(body["facets"]["document"].values()) == len(certifications)
    assert {f["status"] for f in body["facts"]} == {f[4]["status"] for f in certifications}


def test_several_values_of_a_facet_are_alternatives_and_facets_combine(fixture_client):
    both = fixture_client.get("/facts.json?kind=award&kind=membership").json
    assert {f["kind"] for f in both["facts"]} == {"award", "membership"}
    assert both["total"] == sum(1 for f in FIXTURE_FACTS if f[1] in ("award", "membership"))
    held = fixture_client.get("/facts.json?kind=certification&status=held").json
    assert held["total"] == sum(1 for f in FIXTURE_FACTS if f[4].get("status") == "held")


def test_the_standard_facet_answers_who_holds_a_standard(fixture_client):
    iso = entity_iri(fixture_client, "ISO 14001")
    body = fixture_client.get("/facts.json", query_string={"standard": iso}).json
    assert {f["subject"] for f in body["facts"]} == \
        {s for _, _, s, o, *_ in FIXTURE_FACTS if o == "ISO 14001"}
    assert iso in fixture_client.get("/facts.json").json["facets"]["standard"]
    assert body["labels"][iso] == "ISO 14001"


def test_inferred_years_are_flagged_and_can_be_hidden(fixture_client):
    body = fixture_client.get("/facts.json?kind=index_inclusion").json
    inferred = [f for f in body["facts"] if f["inferred"]]
    assert len(inferred) == INFERRED
    stated = next(f for f in body["facts"] if not f["inferred"] and f.get("consecutive_years"))
    assert sorted(f["year"] for f in inferred) == \
        list(range(stated["year"] - stated["consecutive_years"] + 1, stated["year"]))
    assert all(f["evidence"] == stated["evidence"] and f["document"] == stated["document"]
               for f in inferred)
    hidden = fixture_client.get("/facts.json?kind=index_inclusion&inferred=false").json
    assert hidden["total"] == body["total"] - INFERRED
    assert not any(f["inferred"] for f in hidden["facts"])


def test_document_and_subject_filters(fixture_client):
    body = fixture_client.get("/facts.json?document=globex-esg-2023").json
    assert body["total"] == len(graph_fixture.DOCUMENTS["globex-esg-2023"])
    assert {f["document"] for f in body["facts"]} == {"globex-esg-2023"}
    acme = entity_iri(fixture_client, "Acme Corporation")
    mine = fixture_client.get("/facts.json", query_string={"subject": acme, "inferred": "false"}).json
    assert mine["total"] == sum(1 for f in FIXTURE_FACTS if f[2] == "Acme Corporation")


def test_pages_follow_next_links_in_sort_order(fixture_client):
    everything = fixture_client.get("/facts.json?per_page=500").json["facts"]
    paged = all_pages(fixture_client, "/facts.json?per_page=4")
    assert [f["statement"] for f in paged] == [f["statement"] for f in everything]
    assert len({f["statement"] for f in paged}) == len(everything)
    years = [f["year"] for f in paged if "year" in f]
    assert years == sorted(years, reverse=True)          # default sort: newest year first
    assert all("year" not in f for f in paged[len(years):])   # rows without a year come last
    ascending = [f["year"] for f in all_pages(fixture_client, "/facts.json?per_page=3&sort=year")
                 if "year" in f]
    assert ascending == sorted(years)
    kinds = [f["kind"] for f in all_pages(fixture_client, "/facts.json?per_page=5&sort=kind")]
    assert kinds == sorted(kinds)


def test_bad_filters_are_refused_with_one_line(fixture_client):
    for query, word in (("kind=nonsense", "kind"), ("year=soon", "year"), ("status=maybe", "status"),
                        ("sort=colour", "sort"), ("page=0", "page"), ("inferred=perhaps", "inferred"),
                        ("subject=not an iri", "IRI")):
        r = fixture_client.get("/facts.json?" + query)
        assert r.status_code == 400 and r.is_json, query
        assert word in r.json["error"] and "\n" not in r.json["error"]
    assert fixture_client.get("/facts.gexf").status_code == 404


# --- downloads of the filtered view -------------------------------------------------------------
def test_csv_and_jsonl_downloads_hold_exactly_the_filtered_rows(fixture_client):
    view = all_pages(fixture_client, "/facts.json?kind=certification&kind=index_inclusion&per_page=2")
    r = fixture_client.get("/facts.csv?kind=certification&kind=index_inclusion")
    assert r.mimetype == "text/csv" and "attachment" in r.headers["Content-Disposition"]
    table = list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))
    assert [row["statement"] for row in table] == [f["statement"] for f in view]
    assert [row["status"] for row in table] == [f.get("status", "") for f in view]
    r = fixture_client.get("/facts.jsonl?kind=certification&kind=index_inclusion")
    lines = [json.loads(line) for line in r.get_data(as_text=True).splitlines()]
    assert lines == [{k: v for k, v in f.items() if not k.endswith("_page")} for f in view]
    assert fixture_client.get("/facts?kind=certification&format=csv").data == \
        fixture_client.get("/facts.csv?kind=certification").data


@pytest.mark.parametrize("fmt", ["turtle", "nquads", "jsonld", "rdfxml", "trig", "ntriples"])
def test_rdf_downloads_hold_the_statements_of_the_view(fixture_client, fmt):
    view = fixture_client.get("/facts.json?kind=membership").json["facts"]
    r = fixture_client.get(f"/facts.{fmt}?kind=membership")
    assert r.status_code == 200
    parser = {"turtle": "turtle", "nquads": "nquads", "jsonld": "json-ld", "rdfxml": "xml",
              "trig": "trig", "ntriples": "nt"}[fmt]
    graph = rdflib.Dataset()
    graph.parse(data=r.data, format=parser)
    subjects = {str(s) for s, _, _, _ in graph.quads((None, None, None, None))}
    assert {f["statement"] for f in view} <= subjects
    kinds = {str(o) for o in graph.objects(None, rdflib.URIRef(graph_fixture.ESG.kind))} \
        if fmt in ("turtle", "rdfxml", "ntriples") else \
        {str(q[2]) for q in graph.quads((None, graph_fixture.ESG.kind, None, None))}
    assert kinds == {"membership"}


# --- the sample release, through the real pipeline ----------------------------------------------
def test_the_sample_certifications_with_their_status(client):
    body = client.get("/facts.json?kind=certification&document=ase-osh-award-2021").json
    assert {(f["object"], f["status"]) for f in body["facts"]} == \
        {("OHSAS 18001", "held"), ("ISO 45001", "in_progress")}
    assert body["facets"]["status"] == {"held": 1, "in_progress": 1}
    djsi = client.get("/facts.json?kind=index_inclusion&document=ase-osh-award-2021").json
    stated = [f for f in djsi["facts"] if not f["inferred"]]
    assert [f["consecutive_years"] for f in stated] == [6]
    assert len([f for f in djsi["facts"] if f["inferred"]]) == 5


def test_the_facts_page_is_the_same_view_as_html(client):
    r = client.get("/facts?kind=certification&document=ase-osh-award-2021")
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and "2 facts" in page
    assert "OHSAS 18001" in page and "in progress" in page
    assert 'href="/facts.csv?kind=certification&amp;document=ase-osh-award-2021"' in page


# --- /documents.json ----------------------------------------------------------------------------
def test_documents_json_lists_every_release_newest_first(fixture_client):
    body = fixture_client.get("/documents.json").json
    assert body["total"] == len(graph_fixture.DOCUMENTS) == len(body["documents"])
    assert body["next"] is None
    for doc in body["documents"]:
        facts = graph_fixture.DOCUMENTS[doc["id"]]
        assert doc["facts"] == len(facts)
        assert doc["company"]["label"] == Counter(f[1] for f in facts).most_common(1)[0][0]
        assert doc["title"] and doc["page"] == f"/doc/{doc['id']}"
    dates = [d["date"] for d in body["documents"]]
    assert dates == sorted(dates, reverse=True)


def test_documents_search_by_title_id_or_company_and_paging(fixture_client):
    def ids(q):
        return {d["id"] for d in fixture_client.get("/documents.json", query_string={"q": q}).json["documents"]}

    assert ids("Initech Inc") == {"initech-2022"}               # a company's name
    assert ids("GLOBEX-esg") == {"globex-esg-2023"}             # an id, any case
    assert ids("release acme") == {"acme-green-2023"}           # the title
    assert ids("no such release") == set()
    first = fixture_client.get("/documents.json?per_page=2").json
    assert len(first["documents"]) == 2 and first["pages"] == 2
    second = fixture_client.get(urlsplit(first["next"])._replace(scheme="", netloc="").geturl()).json
    assert {d["id"] for d in first["documents"] + second["documents"]} == set(graph_fixture.DOCUMENTS)
    assert fixture_client.get("/documents.json?page=nope").status_code == 400


def test_the_sample_release_in_the_documents_list_and_the_site_search(client):
    docs = client.get("/documents.json?q=advanced semiconductor").json["documents"]
    sample = next(d for d in docs if d["id"] == "ase-osh-award-2021")
    assert sample["company"]["label"].startswith("Advanced Semiconductor Engineering")
    assert sample["date"] == "2021-11-18" and sample["place"]["label"] == "Kaohsiung"
    assert sample["facts"] == client.get("/facts.json?document=ase-osh-award-2021&inferred=false").json["total"]
    hits = client.get("/api/search?q=Distinguished Award").json["results"]
    assert {"type": "document", "page": "/doc/ase-osh-award-2021"}.items() <= hits[0].items()
    page = client.get("/documents?q=advanced semiconductor").get_data(as_text=True)
    assert 'href="/doc/ase-osh-award-2021"' in page


# --- /compare.json and timelines ----------------------------------------------------------------
def objects_of(company: str) -> set[str]:
    return {o for _, _, s, o, *_ in FIXTURE_FACTS if s == company}


def test_compare_shows_facts_by_kind_and_what_two_companies_share(fixture_client):
    acme, globex, initech = (entity_iri(fixture_client, n)
                             for n in ("Acme Corporation", "Globex Ltd", "Initech Inc"))
    body = fixture_client.get("/compare.json", query_string=[("entity", acme), ("entity", globex)]).json
    shared = {o["label"]: o["entities"] for items in body["shared"].values() for o in items}
    assert set(shared) == objects_of("Acme Corporation") & objects_of("Globex Ltd")
    assert all(who == [acme, globex] for who in shared.values())
    assert {o["label"] for o in body["shared"]["standard"]} == {"ISO 14001"}
    [acme_column, globex_column] = body["entities"]
    assert acme_column["label"] == "Acme Corporation"
    assert {k["kind"]: len(k["facts"]) for k in globex_column["kinds"]} == \
        dict(Counter(k for _, k, s, *_ in FIXTURE_FACTS if s == "Globex Ltd"))
    with_initech = fixture_client.get("/compare.json",
                                      query_string=[("entity", acme), ("entity", initech)]).json
    assert [o["label"] for o in with_initech["shared"]["index"]] == ["DJSI World"]
    rows = {m["series"].split(":")[0] for m in with_initech["timeline"]["marks"]}
    assert rows == {"Acme Corporation", "Initech Inc"}           # one axis, both companies


def test_compare_refuses_too_few_too_many_and_unknown_entities(fixture_client):
    acme = entity_iri(fixture_client, "Acme Corporation")
    for entities, status in (([acme], 400), ([acme] * 2, 400), ([acme, "no iri"], 400),
                             ([acme, acme + "-nobody"], 404),
                             ([f"{acme}{i}" for i in range(5)], 400)):
        r = fixture_client.get("/compare.json", query_string=[("entity", e) for e in entities])
        assert r.status_code == status and r.is_json, entities
    assert fixture_client.get("/compare").status_code == 200           # the form to pick them


def test_a_company_timeline_marks_each_dated_fact_and_its_inferred_years(fixture_client):
    acme = entity_iri(fixture_client, "Acme Corporation")
    page = urlsplit(acme).path
    timeline = fixture_client.get(page + "?format=json").json["timeline"]
    marks = {(m["kind"], m["object"], m["year"], m["inferred"], m["year_from"]) for m in timeline["marks"]}
    djsi = next(q for _, k, s, o, q, _ in FIXTURE_FACTS if s == "Acme Corporation" and o == "DJSI World")
    first = djsi["year"] - djsi["consecutive_years"] + 1
    assert {(y, inferred) for k, o, y, inferred, _ in marks if o == "DJSI World"} == \
        {(y, y != djsi["year"]) for y in range(first, djsi["year"] + 1)}
    assert ("membership", "RE100", 2020, False, "since") in marks
    assert ("certification", "ISO 14001", 2023, False, "document date") in marks   # the release's date
    assert all(m["fact_page"].startswith("/doc/acme-green-2023#fact-") for m in timeline["marks"])
    index = urlsplit(entity_iri(fixture_client, "DJSI World")).path
    rows = {m["series"] for m in fixture_client.get(index + "?format=json").json["timeline"]["marks"]}
    assert rows == {s for _, _, s, o, *_ in FIXTURE_FACTS if o == "DJSI World"}


# --- canned queries -----------------------------------------------------------------------------
def test_every_canned_query_is_listed_and_runs(client):
    from esgkg.webapp import canned

    listed = client.get("/api/examples").json["examples"]
    assert [e["name"] for e in listed] == [q.name for q in canned.canned_queries()]
    page = client.get("/query").get_data(as_text=True)
    for q in canned.canned_queries():
        assert q.title and q.description and f'href="/queries/{q.name}"' in page
        body = client.get(f"/queries/{q.name}.json").json
        assert body["title"] == q.title and body["rows"], q.name
        assert set(body["rows"][0]) <= set(body["variables"])
        csv_rows = list(csv.DictReader(io.StringIO(client.get(f"/queries/{q.name}.csv").get_data(as_text=True))))
        assert len(csv_rows) == len(body["rows"])
    assert client.get("/queries/no-such-query").status_code == 404
    assert client.get("/queries/certifications-in-progress.xml").status_code == 404


def sample_rows(client, name: str) -> list[dict]:
    rows = client.get(f"/queries/{name}.json").json["rows"]
    return [r for r in rows if "Advanced Semiconductor" in (r.get("companyLabel") or "")]


def test_canned_queries_give_the_sample_facts(client):
    assert [(r["standardLabel"], r["sentence"].split(",")[0]) for r in sample_rows(client, "certifications-in-progress")] \
        == [("ISO 45001", "The company is in the process of obtaining ISO 45001")]
    djsi = [r for r in sample_rows(client, "companies-in-indices-by-year") if "Dow Jones" in r["indexLabel"]]
    assert [(r["year"], r["inferred"]) for r in djsi] == \
        [("2021", None)] + [(str(y), "true") for y in range(2020, 2015, -1)]   # six years, newest first
    [award] = sample_rows(client, "awards-with-conferring-body-and-year")
    assert (award["awardLabel"], award["year"], award["level"], award["bodyLabel"]) == \
        ("Occupational Safety and Health Award", "2021", "Benchmark Enterprise", "Ministry of Labor")
    assert [r["initiativeLabel"] for r in sample_rows(client, "memberships-by-initiative")] == \
        ["Responsible Business Alliance"]
    counts = {r["standardLabel"]: (r["holding"], r["inProgress"])
              for r in client.get("/queries/certifications-by-standard.json").json["rows"]}
    assert counts["OHSAS 18001"] == ("1", "0") and counts["ISO 45001"] == ("0", "1")


# --- resource pages of hubs ---------------------------------------------------------------------
def test_a_hub_resource_page_labels_and_pages_its_inbound_links(client):
    hub = client.get("/api/search?q=Example Hub Sustainability").json["results"][0]["page"]
    first = client.get(hub + "?format=json").json
    pages = first["inbound_pages"]
    assert pages["pages"] > 1 and pages["total"] > pages["per_page"]
    seen = []
    for n in range(1, pages["pages"] + 1):
        body = first if n == 1 else client.get(f"{hub}?format=json&inbound_page={n}").json
        links = [v for p in body["inbound"] for v in p["values"]]
        assert len(links) <= pages["per_page"]
        seen += [(p["property"]["value"], v["value"]) for p in body["inbound"] for v in p["values"]]
    assert len(set(seen)) == pages["total"]                   # every link once, over the pages
    statements = [v for p in first["inbound"] for v in p["values"] if "/id/statement/" in v["value"]]
    assert statements and all(" included in Example Hub Sustainability Index" in v["label"]
                              for v in statements)              # a fact, not the IRI's hash
    assert client.get(hub + "?inbound_page=0").status_code == 400
    page = client.get(hub + "?inbound_page=2").get_data(as_text=True)
    assert 'rel="prev"' in page and "Page 2 of" in page


# --- resource pages as linked data (issue 11 item 13, the resource part) -------------------------
def test_negotiated_iris_vary_on_accept_and_offer_rdf_xml(client):
    ase = client.get("/api/search?q=ASE").json["results"][0]["page"]
    for path in (ase, f"/doc/{SAMPLE_DOC}"):
        for accept in ("text/html", "application/json", "text/turtle", "application/rdf+xml"):
            r = client.get(path, headers={"Accept": accept})
            assert r.status_code == 200 and r.headers["Vary"] == "Accept", (path, accept)
            assert r.mimetype == ("text/html" if accept == "text/html" else accept), (path, accept)
    graph = rdflib.Graph().parse(data=client.get(ase + "?format=rdfxml").data, format="xml")
    assert (None, rdflib.RDFS.label, rdflib.Literal("Advanced Semiconductor Engineering, Inc.")) in graph


def test_named_graph_iris_dereference(client):
    r = client.get(f"/graph/doc/{SAMPLE_DOC}", headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and r.headers["Vary"] == "Accept"
    graph = rdflib.Graph().parse(data=r.data, format="nt")
    statements = set(graph.subjects(rdflib.URIRef(graph_fixture.ESG.kind), None))
    stated = client.get(f"/facts.json?document={SAMPLE_DOC}&per_page=500").json["facts"]
    assert {rdflib.URIRef(f["statement"]) for f in stated} <= statements
    browser = client.get(f"/graph/doc/{SAMPLE_DOC}", headers={"Accept": "text/html"})
    assert browser.status_code == 303 and browser.headers["Location"].endswith(f"/doc/{SAMPLE_DOC}")
    entities = client.get("/graph/entities?format=ttl")
    assert entities.status_code == 200 and b"Advanced Semiconductor Engineering" in entities.data
    assert client.get("/graph/doc/no-such-release?format=ttl").status_code == 404
    assert client.get("/graph").status_code == 200                    # the graph view is still there


# --- the same views over a remote SPARQL backend -------------------------------------------------
def test_the_views_answer_the_same_over_a_remote_oxigraph_server(fixture_client, oxigraph_server):
    """Every view is SPARQL through the store interface: on a real `oxigraph serve` backend the
    JSON twins equal the embedded store's."""
    import urllib.request

    from esgkg.webapp import create_app

    store, dataset = graph_fixture.build_store()
    body = dataset.serialize(format="nquads").encode()
    request = urllib.request.Request(oxigraph_server.url + "/store", data=body, method="POST",
                                     headers={"Content-Type": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status in (200, 201, 204)
    remote = create_app({"BACKEND_QUERY": oxigraph_server.url + "/query", "TESTING": True}).test_client()
    acme, globex = (entity_iri(fixture_client, n) for n in ("Acme Corporation", "Globex Ltd"))
    for url in ("/facts.json?per_page=500", "/facts.json?kind=certification&status=held"):
        here, there = fixture_client.get(url).json, remote.get(url).json
        assert there["facets"] == here["facets"] and there["total"] == here["total"], url
        # Rows of one sort bucket come in the store's own order, which is each server's.
        assert sorted(there["facts"], key=lambda f: f["statement"]) == \
            sorted(here["facts"], key=lambda f: f["statement"]), url
    paged = all_pages(remote, "/facts.json?per_page=3")
    assert sorted(f["statement"] for f in paged) == \
        sorted(f["statement"] for f in fixture_client.get("/facts.json?per_page=500").json["facts"])
    for url in ("/documents.json?q=acme", f"/compare.json?entity={acme}&entity={globex}"):
        assert remote.get(url).json == fixture_client.get(url).json, url
    assert remote.get("/facts.csv?kind=award").data == fixture_client.get("/facts.csv?kind=award").data
