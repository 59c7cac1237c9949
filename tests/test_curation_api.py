"""Releases in over HTTP and curation decisions (issue 14), on the real app and a real store.

Each test gets its own app with an update token over an in-memory store; writes go through the
app's runner (the SHACL-checked update path of /sparql), reads through the pages' store.
"""
from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from esgkg.graph import curation
from esgkg.graph.pipeline import ingest_paths
from esgkg.graph.read import MAX_BYTES
from esgkg.graph.rdf import EXTRACTOR_VERSION
from esgkg.graph.store import GraphStore
from esgkg.webapp import create_app

RELEASES = Path(__file__).parent / "data" / "releases"
TOKEN = "curation-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ESG = "https://w3id.org/esgkg/ontology#"
HELIOS = (RELEASES / "helios-safety-2022.txt").read_bytes()
NORDVIK = (RELEASES / "nordvik-iso14001-2023.txt").read_bytes()


@pytest.fixture
def store():
    return GraphStore(None)


@pytest.fixture
def client(store):
    return create_app({"STORE_OBJECT": store, "TESTING": True, "UPDATE_TOKEN": TOKEN}).test_client()


def upload(client, *files, headers=AUTH):
    """POST files as multipart form fields, as the upload page and curl -F do."""
    data = {"file": [(io.BytesIO(body), name) for name, body in files]}
    return client.post("/api/documents", data=data, headers=headers,
                       content_type="multipart/form-data")


def facts(client, **params):
    return client.get("/facts.json", query_string={"per_page": 500, **params}).get_json()


def fact(client, document: str, kind: str, **fields) -> dict:
    return next(f for f in facts(client, document=document)["facts"] if f["kind"] == kind
                and not f["inferred"] and all(f.get(k) == v for k, v in fields.items()))


def statement_id(row: dict) -> str:
    return row["statement"].split("/id/statement/", 1)[1]


def decide(client, row: dict, action: str, **body):
    body = {"reason": "checked against the release", "by": "Ana Analyst", **body}
    return client.post(f"/api/facts/{statement_id(row)}/{action}", json=body, headers=AUTH)


def select(client, query: str) -> list[dict]:
    """A query on /sparql, whose default graph is the union of the store's graphs."""
    answer = client.get("/sparql", query_string={"query": query},
                        headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return [{k: v["value"] for k, v in b.items()} for b in answer.get_json()["results"]["bindings"]]


# --- upload ----------------------------------------------------------------------------------------
def test_one_release_goes_in_and_shows_at_once(client, store):
    answer = upload(client, ("helios-safety-2022.txt", HELIOS))
    assert answer.status_code == 201
    (doc,) = answer.get_json()["documents"]
    assert doc["id"] == "helios-safety-2022" and doc["facts"] >= 2 and doc["left_out"] == []
    assert doc["iri"] == store.iris.document("helios-safety-2022")
    assert doc["page"] == "/doc/helios-safety-2022"
    assert client.get("/doc/helios-safety-2022").status_code == 200
    assert facts(client, document="helios-safety-2022")["total"] == doc["facts"]


def test_a_raw_text_body_with_an_id(client):
    answer = client.post("/api/documents?id=helios-raw", data=HELIOS, headers=AUTH,
                         content_type="text/plain")
    assert answer.status_code == 201
    assert answer.get_json()["documents"][0]["id"] == "helios-raw"
    no_id = client.post("/api/documents", data=HELIOS, headers=AUTH, content_type="text/plain")
    assert no_id.status_code == 400 and "?id=" in no_id.get_json()["error"]
    pdf = client.post("/api/documents?id=x", data=b"%PDF-1.4", headers=AUTH,
                      content_type="application/pdf")
    assert pdf.status_code == 415


def test_several_releases_in_one_request(client):
    answer = upload(client, ("helios-safety-2022.txt", HELIOS), ("nordvik-iso14001-2023.txt", NORDVIK))
    assert answer.status_code == 201
    assert [d["id"] for d in answer.get_json()["documents"]] == ["helios-safety-2022",
                                                                 "nordvik-iso14001-2023"]
    stats = client.get("/api/stats").get_json()
    assert stats["documents"] == 2


def test_a_bad_file_is_reported_and_the_good_ones_go_in(client, store):
    answer = upload(client, ("helios-safety-2022.txt", HELIOS), ("empty.txt", b"  \n"),
                    ("report.pdf", b"%PDF-1.4 ..."), ("nordvik-iso14001-2023.txt", NORDVIK))
    assert answer.status_code == 201
    body = answer.get_json()
    assert [d["id"] for d in body["documents"]] == ["helios-safety-2022", "nordvik-iso14001-2023"]
    assert [e["file"] for e in body["errors"]] == ["empty.txt", "report.pdf"]
    assert "empty file" in body["errors"][0]["error"]
    assert "not releases" in body["errors"][1]["error"]
    assert "esgkg-upload-" not in str(body)          # the name sent, not a temporary path
    assert store.document_ids() == ["helios-safety-2022", "nordvik-iso14001-2023"]


def test_no_token_wrong_token_and_a_read_only_server_write_nothing(client, store):
    none = upload(client, ("helios-safety-2022.txt", HELIOS), headers={})
    assert none.status_code == 401 and "Bearer" in none.get_json()["error"]
    wrong = upload(client, ("helios-safety-2022.txt", HELIOS),
                   headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 403
    read_only = create_app({"STORE_OBJECT": store, "TESTING": True}).test_client()
    assert upload(read_only, ("helios-safety-2022.txt", HELIOS)).status_code == 403
    assert len(store) == 0


def test_a_release_over_the_size_limit_is_refused_as_the_cli_refuses_it(client, store):
    too_big = b"ISO 14001. " * (MAX_BYTES // 11 + 1)
    alone = upload(client, ("huge.txt", too_big))
    assert alone.status_code == 413
    assert "over the 5 MiB limit" in alone.get_json()["errors"][0]["error"]
    beside = upload(client, ("huge.txt", too_big), ("helios-safety-2022.txt", HELIOS))
    assert beside.status_code == 201
    assert [e["file"] for e in beside.get_json()["errors"]] == ["huge.txt"]
    assert store.document_ids() == ["helios-safety-2022"]


def test_delete_removes_exactly_that_document(client, store):
    upload(client, ("helios-safety-2022.txt", HELIOS), ("nordvik-iso14001-2023.txt", NORDVIK))
    assert client.delete("/api/documents/helios-safety-2022").status_code == 401
    answer = client.delete("/api/documents/helios-safety-2022", headers=AUTH)
    assert answer.status_code == 200 and answer.get_json()["removed"] == "helios-safety-2022"
    assert store.document_ids() == ["nordvik-iso14001-2023"]
    assert facts(client, document="helios-safety-2022")["total"] == 0
    assert client.delete("/api/documents/helios-safety-2022", headers=AUTH).status_code == 404


def test_every_extracted_statement_names_its_extractor_version(client):
    upload(client, ("helios-safety-2022.txt", HELIOS))
    rows = select(client, f"SELECT DISTINCT ?v WHERE {{ ?st <{ESG}kind> ?k ; <{ESG}extractorVersion> ?v }}")
    assert rows == [{"v": f"esgkg {EXTRACTOR_VERSION}"}]
    assert not select(client, f"SELECT ?st WHERE {{ ?st <{ESG}kind> ?k "
                              f"FILTER NOT EXISTS {{ ?st <{ESG}extractorVersion> ?v }} }}")


# --- curation --------------------------------------------------------------------------------------
def test_a_rejected_fact_leaves_the_views_the_endpoint_and_the_exports(client):
    upload(client, ("nordvik-iso14001-2023.txt", NORDVIK))
    row = fact(client, "nordvik-iso14001-2023", "membership")
    before = facts(client)["total"]
    answer = decide(client, row, "reject", reason="RE100 is an initiative it joined, not a body")
    assert answer.status_code == 201
    decision = answer.get_json()
    assert decision["action"] == "reject" and decision["by"] == "Ana Analyst"
    assert decision["applied_to"] == row["statement"] and not decision["orphaned"]

    after = facts(client)
    assert after["total"] == before - 1
    assert row["statement"] not in [f["statement"] for f in after["facts"]]
    raw = facts(client, raw="true")
    (shown,) = [f for f in raw["facts"] if f["statement"] == row["statement"]]
    assert shown["curation"] == "rejected" and shown["curated_by"] == [decision["decision"]]
    assert shown["object"] == row["object"] and shown["evidence"] == row["evidence"]

    assert not select(client, f"SELECT ?p WHERE {{ <{row['subject_iri']}> ?p <{row['object_iri']}> }}")
    assert not select(client, f"SELECT ?k WHERE {{ <{row['statement']}> <{ESG}kind> ?k }}")
    export = client.get("/export?format=nquads&document=nordvik-iso14001-2023").get_data(as_text=True)
    exported = list(ox.parse(export.encode(), format=ox.RdfFormat.N_QUADS))
    assert not [q for q in exported if q.subject.value == row["statement"]
                and q.predicate.value == ESG + "kind"]
    assert client.get("/api/fact", query_string={"iri": row["statement"]}).status_code == 404
    page = client.get("/id/statement/" + statement_id(row))      # its IRI still dereferences
    assert page.status_code == 200 and "Rejected statement" in page.get_data(as_text=True)


def test_the_decision_is_prov_data_in_its_own_graph(client, store):
    upload(client, ("nordvik-iso14001-2023.txt", NORDVIK))
    row = fact(client, "nordvik-iso14001-2023", "membership")
    decision = decide(client, row, "reject", reason="not a membership").get_json()
    graph = curation.curation_graph(store.iris)
    (answer,) = select(client, f"""
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX esg: <{ESG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT * WHERE {{ GRAPH <{graph}> {{
  <{decision['decision']}> a prov:Activity ; prov:wasAssociatedWith ?who ; prov:endedAtTime ?when ;
     esg:reason ?why ; esg:overrides ?what ; prov:invalidated ?what ; esg:factKind ?kind ;
     esg:factDocument ?document ; esg:evidenceStart ?start ; esg:evidenceEnd ?end .
  ?who a prov:Agent ; rdfs:label ?name }} }}""")
    assert answer["name"] == "Ana Analyst" and answer["why"] == "not a membership"
    assert answer["what"] == row["statement"] and answer["kind"] == "membership"
    assert answer["document"] == "nordvik-iso14001-2023" and int(answer["end"]) > int(answer["start"])


def test_a_correction_changes_the_qualifier_and_the_edge(client):
    upload(client, ("helios-safety-2022.txt", HELIOS))
    row = fact(client, "helios-safety-2022", "certification", status="held")
    answer = decide(client, row, "correct", changes={"status": "in_progress"},
                    reason="the audit is still under way")
    assert answer.status_code == 201
    assert answer.get_json()["was"] == {"status": "held"}
    corrected = fact(client, "helios-safety-2022", "certification", statement=row["statement"])
    assert corrected["status"] == "in_progress"
    assert corrected["curated_by"] == [answer.get_json()["decision"]]
    edges = select(client, f"SELECT ?p WHERE {{ <{row['subject_iri']}> ?p <{row['object_iri']}> }}")
    assert edges == [{"p": ESG + "pursuingCertification"}]
    raw = [f for f in facts(client, raw="true")["facts"] if f["statement"] == row["statement"]]
    assert [(f["status"], f["curation"]) for f in raw] == [("held", "corrected")]


def test_a_correction_of_the_object_and_of_a_year(client, store):
    upload(client, ("nordvik-iso14001-2023.txt", NORDVIK), ("helios-safety-2022.txt", HELIOS))
    row = fact(client, "nordvik-iso14001-2023", "index_inclusion")
    other = fact(client, "helios-safety-2022", "membership")["object_iri"]      # UN Global Compact
    year = decide(client, row, "correct", changes={"year": "2022"})
    assert year.status_code == 201
    assert year.get_json()["changes"] == {"year": 2022} and year.get_json()["was"] == {"year": 2023}
    assert fact(client, "nordvik-iso14001-2023", "index_inclusion")["year"] == 2022
    cert = fact(client, "nordvik-iso14001-2023", "certification")
    bad = decide(client, cert, "correct", changes={"object": "http://example.org/nothing"})
    assert bad.status_code == 400 and "no entity of the store" in bad.get_json()["error"]
    wrong_type = decide(client, cert, "correct", changes={"object": cert["subject_iri"]})
    assert wrong_type.status_code == 400 and "SHACL" in wrong_type.get_json()["error"]
    assert client.get("/curation.json").get_json()["total"] == 1      # nothing of it was written
    membership = fact(client, "nordvik-iso14001-2023", "membership")
    assert decide(client, membership, "correct", changes={"object": other}).status_code == 201
    assert fact(client, "nordvik-iso14001-2023", "membership")["object_iri"] == other


@pytest.mark.parametrize("body, message", [
    ({"changes": {"colour": "red"}}, "has no field 'colour'"),
    ({"changes": {"status": "maybe"}}, "status must be one of"),
    ({"changes": {}}, '"changes"'),
    ({"changes": {"status": "planned"}, "reason": " "}, '"reason"'),
    ({"changes": {"status": "planned"}, "by": None}, '"by"'),
])
def test_bad_corrections_are_refused_with_the_reason(client, body, message):
    upload(client, ("helios-safety-2022.txt", HELIOS))
    row = fact(client, "helios-safety-2022", "certification")
    answer = decide(client, row, "correct", **body)
    assert answer.status_code == 400 and message in answer.get_json()["error"]
    assert client.get("/curation.json").get_json()["total"] == 0


def test_unknown_statements_and_missing_tokens(client):
    upload(client, ("helios-safety-2022.txt", HELIOS))
    row = fact(client, "helios-safety-2022", "certification")
    assert client.post(f"/api/facts/{statement_id(row)}/reject", json={}).status_code == 401
    missing = client.post("/api/facts/helios-safety-2022/award-000000000000/reject",
                          json={"reason": "x", "by": "y"}, headers=AUTH)
    assert missing.status_code == 404
    assert client.post("/api/facts/nowhere/award-000000000000/reject",
                       json={"reason": "x", "by": "y"}, headers=AUTH).status_code == 404


def test_reingest_applies_the_decisions_again(client, store):
    upload(client, ("nordvik-iso14001-2023.txt", NORDVIK))
    membership = fact(client, "nordvik-iso14001-2023", "membership")
    cert = fact(client, "nordvik-iso14001-2023", "certification")
    decide(client, membership, "reject")
    decide(client, cert, "correct", changes={"status": "renewed"})
    assert upload(client, ("nordvik-iso14001-2023.txt", NORDVIK)).status_code == 201
    rows = facts(client, document="nordvik-iso14001-2023")["facts"]
    assert membership["statement"] not in [f["statement"] for f in rows]
    assert [f["status"] for f in rows if f["statement"] == cert["statement"]] == ["renewed"]
    listed = client.get("/curation.json").get_json()
    assert listed["total"] == 2 and listed["orphaned"] == 0


def test_the_cli_ingest_applies_the_decisions_again(tmp_path):
    store = GraphStore(tmp_path / "store")
    release = tmp_path / "nordvik-iso14001-2023.txt"
    release.write_bytes(NORDVIK)
    ingest_paths([release], store)
    (statement,) = [r["st"].value for r in store.query(
        f"SELECT ?st WHERE {{ GRAPH ?g {{ ?st <{ESG}kind> 'membership' }} }}")]
    curation.decide(store, store.ox.update, statement, "reject", {"reason": "no", "by": "cli"})
    summary = ingest_paths([release], store)
    assert summary.documents == 1 and not summary.errors
    assert not store.query(f"ASK {{ GRAPH ?g {{ <{statement}> <{ESG}kind> ?k }} }}")
    (decision,) = curation.decisions(store)
    assert decision.applied_to == statement


def test_a_decision_whose_fact_is_gone_is_listed_as_orphaned(client, store):
    upload(client, ("nordvik-iso14001-2023.txt", NORDVIK))
    membership = fact(client, "nordvik-iso14001-2023", "membership")
    kept = fact(client, "nordvik-iso14001-2023", "certification")
    decide(client, membership, "reject", reason="not a membership")
    decide(client, kept, "correct", changes={"status": "renewed"})
    without_re100 = NORDVIK.replace(b"Nordvik Paper Group also announced that it has joined RE100, "
                                    b"the global initiative of businesses committed to 100% "
                                    b"renewable electricity.", b"")
    assert without_re100 != NORDVIK
    upload(client, ("nordvik-iso14001-2023.txt", without_re100))
    listed = client.get("/curation.json").get_json()
    assert listed["total"] == 2 and listed["orphaned"] == 1
    (orphan,) = [d for d in listed["decisions"] if d["orphaned"]]
    assert orphan["action"] == "reject" and orphan["reason"] == "not a membership"
    assert orphan["applied_to"] is None and orphan["kind"] == "membership"
    html = client.get("/curation").get_data(as_text=True)
    assert "1 orphaned" in html and "not a membership" in html


def test_undo_brings_the_fact_back_as_extracted(client):
    upload(client, ("helios-safety-2022.txt", HELIOS))
    row = fact(client, "helios-safety-2022", "certification", status="held")
    before = facts(client, document="helios-safety-2022")["facts"]
    first = decide(client, row, "correct", changes={"status": "planned"}).get_json()
    second = decide(client, row, "reject").get_json()
    assert row["statement"] not in [f["statement"] for f in facts(client)["facts"]]
    assert client.delete(f"/api/decisions/{second['id']}").status_code == 401
    assert client.delete(f"/api/decisions/{second['id']}", headers=AUTH).status_code == 200
    assert fact(client, "helios-safety-2022", "certification")["status"] == "planned"
    assert client.delete(f"/api/decisions/{first['id']}", headers=AUTH).status_code == 200
    after = facts(client, document="helios-safety-2022")["facts"]
    assert after == before
    assert client.get("/curation.json").get_json()["total"] == 0
    assert client.delete(f"/api/decisions/{first['id']}", headers=AUTH).status_code == 404


def test_inferred_years_follow_their_stated_fact(client):
    upload(client, ("caldera-rating-2023.txt", (RELEASES / "caldera-rating-2023.txt").read_bytes()))
    inferred = [f for f in facts(client)["facts"] if f["inferred"]]
    assert inferred, "the 4th consecutive year states three earlier ones"
    refused = decide(client, inferred[0], "reject")
    assert refused.status_code == 400 and "inferred" in refused.get_json()["error"]
    stated = fact(client, "caldera-rating-2023", "index_inclusion")
    decide(client, stated, "reject")
    assert not [f for f in facts(client)["facts"] if f["kind"] == "index_inclusion"]


def test_uploads_on_two_threads_at_once_both_go_in(store):
    """gunicorn serves each worker's requests on several threads; spaCy must not see two at once."""
    from concurrent.futures import ThreadPoolExecutor

    app = create_app({"STORE_OBJECT": store, "TESTING": True, "UPDATE_TOKEN": TOKEN})
    files = [("helios-safety-2022.txt", HELIOS), ("nordvik-iso14001-2023.txt", NORDVIK)] * 2
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda f: upload(app.test_client(), f), files))
    assert [a.status_code for a in answers] == [201] * 4, [a.get_json() for a in answers]
    assert store.document_ids() == ["helios-safety-2022", "nordvik-iso14001-2023"]
