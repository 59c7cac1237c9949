"""The sample release end to end: text -> store, asserted with SPARQL against the RDF design."""
from __future__ import annotations

import pytest

from esgkg.graph.fact_table import read_facts
from esgkg.graph.pipeline import ingest_paths
from esgkg.graph.store import GraphStore

PREFIXES = """
PREFIX esg: <https://w3id.org/esgkg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""


def ask(store, where: str) -> bool:
    return bool(store.query(PREFIXES + "ASK { " + where + " }"))


def select(store, query: str):
    return list(store.query(PREFIXES + query))


def test_award_statement_with_qualifiers_and_direct_edge(sample_store):
    assert ask(sample_store, """
      GRAPH ?g {
        ?ase esg:receivedAward ?award .
        ?st a esg:AwardConferral ; esg:subject ?ase ; esg:object ?award ; esg:year 2021 ;
            esg:level "Benchmark Enterprise" ; esg:conferredBy ?ministry . }
      GRAPH ?e { ?ase rdfs:label "Advanced Semiconductor Engineering, Inc." ; skos:altLabel "ASE" ; a esg:Company .
                 ?award rdfs:label "Occupational Safety and Health Award" .
                 ?ministry rdfs:label "Ministry of Labor" ; a esg:Agency . }""")


def test_agency_part_of_ministry(sample_store):
    assert ask(sample_store, """
      GRAPH ?g { ?osha org:subOrganizationOf ?ministry . }
      GRAPH ?e { ?osha rdfs:label "Occupational Safety and Health Administration" .
                 ?ministry rdfs:label "Ministry of Labor" . }""")


@pytest.mark.parametrize("label, status", [("OHSAS 18001", "held"), ("ISO 45001", "in_progress")])
def test_certifications_with_status(sample_store, label, status):
    assert ask(sample_store, f"""
      GRAPH ?g {{ ?st a esg:Certification ; esg:object ?std ; esg:status esg:status_{status} . }}
      GRAPH ?e {{ ?std rdfs:label "{label}" ; a esg:Standard . }}""")


@pytest.mark.parametrize("label, edge, not_edge", [
    ("OHSAS 18001", "esg:certifiedTo", "esg:pursuingCertification"),
    ("ISO 45001", "esg:pursuingCertification", "esg:certifiedTo")])
def test_the_direct_certification_edge_follows_the_status(sample_store, label, edge, not_edge):
    """ASE holds OHSAS 18001 and is obtaining ISO 45001: only the first is 'certified to'."""
    standard = f'GRAPH ?e {{ ?std rdfs:label "{label}" }}'
    assert ask(sample_store, f"GRAPH ?g {{ ?ase {edge} ?std }} {standard}")
    assert not ask(sample_store, f"GRAPH ?g {{ ?ase {not_edge} ?std }} {standard}")


def test_membership_and_index_ranking(sample_store):
    assert ask(sample_store, """
      GRAPH ?g { ?ase org:memberOf ?rba . }
      GRAPH ?e { ?rba rdfs:label "Responsible Business Alliance" ; skos:altLabel "RBA" . }""")
    assert ask(sample_store, """
      GRAPH ?g { ?st a esg:IndexInclusion ; esg:object ?djsi ; esg:year 2021 ; esg:consecutiveYears 6 ;
                     esg:rank "top" . FILTER NOT EXISTS { ?st esg:inferred true } }
      GRAPH ?e { ?djsi skos:altLabel "DJSI World" . }""")


def test_six_consecutive_years_yield_five_inferred_years(sample_store):
    rows = select(sample_store, """SELECT ?year WHERE { GRAPH ?g {
        ?st a esg:IndexInclusion ; esg:inferred true ; esg:year ?year ; prov:wasDerivedFrom ?stated .
        ?stated esg:consecutiveYears 6 . } } ORDER BY ?year""")
    assert [int(r["year"].value) for r in rows] == [2016, 2017, 2018, 2019, 2020]


def test_inferred_years_state_the_inclusion_not_the_rank(sample_store):
    """'6th year in a row, at the top' ranks 2021 only; 2016-2020 state the inclusion alone."""
    rows = select(sample_store, """SELECT ?p WHERE { GRAPH ?g {
        ?st a esg:IndexInclusion ; esg:inferred true ; ?p ?o . } }""")
    predicates = {r["p"].value.rsplit("#", 1)[-1] for r in rows}
    assert "year" in predicates
    assert not predicates & {"rank", "consecutiveYears"}


def test_programs_standards_bodies_and_places(sample_store):
    programs = {r["l"].value: (r["since"] and r["since"].value) for r in select(sample_store, """
        SELECT ?l ?since WHERE { GRAPH ?g { ?st a esg:ProgramOperation ; esg:object ?p
                                 OPTIONAL { ?st esg:since ?since } }
                                 GRAPH ?e { ?p rdfs:label ?l } }""")}
    assert programs["ASE employee healthcare"] == "2004"
    assert {"smart management system", "Covid-19 testing stations"} <= set(programs)
    bodies = {r["l"].value for r in select(sample_store, """SELECT ?l WHERE {
        GRAPH ?g { ?ase esg:adoptsStandardsOf ?b } GRAPH ?e { ?b rdfs:label ?l } }""")}
    assert bodies == {"FM Global", "National Fire Protection Association"}


def test_document_metadata(sample_store, sample_path):
    (row,) = select(sample_store, """SELECT ?title ?date ?place ?text WHERE { GRAPH ?g {
        ?d a esg:Release ; dcterms:identifier "ase-osh-award-2021" ; dcterms:title ?title ; dcterms:date ?date ;
           schema:locationCreated ?p ; schema:text ?text . } GRAPH ?e { ?p rdfs:label ?place } }""")
    assert row["title"].value.startswith("ASE receives Distinguished Award")
    assert row["date"].value == "2021-11-18" and row["place"].value == "Kaohsiung"
    assert row["text"].value == sample_path.read_text(encoding="utf-8")


def test_every_stated_fact_has_evidence_with_exact_offsets(sample_store, sample_path):
    text = sample_path.read_text(encoding="utf-8")
    rows = select(sample_store, """SELECT ?exact ?start ?end WHERE { GRAPH ?g {
        ?st esg:kind ?k ; esg:evidence ?a . ?a oa:hasTarget ?t . ?t oa:hasSource ?doc ;
        oa:hasSelector ?q, ?p . ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end . } }""")
    assert len(rows) >= 13
    for row in rows:
        assert text[int(row["start"].value):int(row["end"].value)] == row["exact"].value
    stated = select(sample_store, "SELECT ?st WHERE { GRAPH ?g { ?st esg:kind ?k "
                                  "FILTER NOT EXISTS { ?st esg:inferred true } } }")
    assert len(stated) == len(rows)


def test_reingest_is_idempotent_and_replaces_exactly_one_graph(sample_store, sample_path, tmp_path):
    before = len(sample_store)
    other = tmp_path / "other-release.txt"
    other.write_text("Fennick Paper Ltd. has obtained ISO 14001 certification for its mill.", encoding="utf-8")
    ingest_paths([other], sample_store)
    with_other = len(sample_store)
    ingest_paths([sample_path], sample_store)
    assert len(sample_store) == with_other > before
    assert sample_store.remove_document("other-release")
    assert sample_store.document_ids() == ["ase-osh-award-2021"]
    assert {f["document"] for f in read_facts(sample_store)} == {"ase-osh-award-2021"}


def test_changed_document_replaces_its_facts(tmp_path):
    store = GraphStore(tmp_path / "s")
    release = tmp_path / "acme.txt"
    release.write_text("Acme Widgets Inc. has obtained ISO 14001 certification.", encoding="utf-8")
    ingest_paths([release], store)
    release.write_text("Acme Widgets Inc. is a member of the RBA (Responsible Business Alliance).", encoding="utf-8")
    ingest_paths([release], store)
    assert [f["kind"] for f in read_facts(store)] == ["membership"]


def test_fact_table_matches_extraction(sample_store, sample_path):
    from esgkg.graph.pipeline import extract_facts_from_paths

    extracted = sorted((f.kind, f.object) for f in extract_facts_from_paths([sample_path]))
    stored = sorted((f["kind"], f["object"]) for f in read_facts(sample_store))
    assert stored == extracted


def test_a_fact_that_breaks_the_shapes_is_left_out_not_its_release(tmp_path, sample_path, monkeypatch):
    """A typo'd year (20210) on the award: the award is left out and reported, the rest goes in."""
    from esgkg.graph import pipeline
    from esgkg.graph.validate import validate_store

    extract = pipeline.extract

    def extract_with_a_typo(release):
        ctx, facts = extract(release)
        award = next(f for f in facts if f.kind == "award")
        award.qualifiers["year"] = 20210
        return ctx, facts

    monkeypatch.setattr(pipeline, "extract", extract_with_a_typo)
    store = GraphStore(tmp_path / "s")
    summary = ingest_paths([sample_path], store)
    assert summary.documents == 1 and not summary.errors
    (line,) = summary.left_out
    assert line.startswith("ase-osh-award-2021: left out the award fact 'Advanced Semiconductor")
    assert "esg:year must be one integer year between 1800 and 2200 (value: 20210)" in line
    kinds = [r["kind"] for r in read_facts(store)]
    assert "award" not in kinds and {"certification", "membership", "index_inclusion"} <= set(kinds)
    assert len(kinds) == summary.facts
    assert validate_store(store).conforms
