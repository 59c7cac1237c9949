"""SHACL validation of hand-built graphs that follow docs/rdf-design.md, and of broken variants."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS

from esgkg.graph import vocab
from esgkg.graph.store import GraphStore
from esgkg.graph.validate import graph_from_nquads, shapes_graph, validate_graph, validate_nquads, validate_store
from esgkg.graph.vocab import ESG, OA, SCHEMA, Iris

from graph_fixture import add_evidence, add_statement

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # plain Namespace: no pytest warning
BASE = "http://example.org/kg/"
TEXT = ("Kaohsiung, Taiwan. Example Corp today announced that it has received the 2021 "
        "Workplace Safety Award from the Ministry of Labor. It holds ISO 45001.")


def entity(g: Graph, iris: Iris, kind: str, label: str) -> URIRef:
    node = URIRef(iris.entity(kind, label))
    g.add((node, RDF.type, vocab.ENTITY_CLASSES[kind]))
    g.add((node, RDFS.label, Literal(label)))
    return node


def release(g: Graph, iris: Iris, doc_id: str) -> URIRef:
    doc = URIRef(iris.document(doc_id))
    g.add((doc, RDF.type, ESG.Release))
    g.add((doc, DCTERMS.identifier, Literal(doc_id)))
    g.add((doc, DCTERMS.title, Literal("Example Corp receives award")))
    g.add((doc, DCTERMS.date, Literal("2021-11-18", datatype=XSD.date)))
    g.add((doc, SCHEMA.text, Literal(TEXT)))
    g.add((doc, DCTERMS.source, Literal(doc_id + ".txt")))
    return doc


def statement(g: Graph, iris: Iris, doc: URIRef, doc_id: str, kind: str, subject: URIRef,
              obj: URIRef, quote: str, **qualifiers) -> URIRef:
    """A statement node with its direct edge and its evidence annotation, as the design shows."""
    node = URIRef(iris.statement(doc_id, kind, vocab.short_hash(subject, obj, qualifiers)))
    add_statement(g, iris, node, kind, subject, obj, qualifiers, doc)
    add_evidence(g, iris, node, doc, quote, TEXT.index(quote))
    return node


def award_document(doc_id: str = "example-award-2021") -> tuple[Graph, dict]:
    """One document's graph plus its entities: an award and a certification, both stated."""
    iris = Iris(BASE)
    g = Graph()
    doc = release(g, iris, doc_id)
    company = entity(g, iris, "company", "Example Corp")
    award = entity(g, iris, "award", "Workplace Safety Award")
    ministry = entity(g, iris, "agency", "Ministry of Labor")
    iso = entity(g, iris, "standard", "ISO 45001")
    place = entity(g, iris, "place", "Kaohsiung")
    g.add((doc, SCHEMA.locationCreated, place))
    award_st = statement(g, iris, doc, doc_id, "award", company, award,
                         "Example Corp today announced", year=2021, level="Gold",
                         awarded_by=ministry)
    cert_st = statement(g, iris, doc, doc_id, "certification", company, iso,
                        "It holds ISO 45001.", status="held")
    return g, {"doc": doc, "company": company, "award": award, "ministry": ministry,
               "iso": iso, "award_statement": award_st, "cert_statement": cert_st}


def paths(result) -> set[str]:
    return {v.path for v in result.violations}


def test_valid_award_document_conforms():
    g, _ = award_document()
    result = validate_graph(g)
    assert result.conforms, str(result)
    assert result.violations == []
    assert result.summary() == "SHACL: conforms"


def test_missing_evidence_is_a_violation_on_evidence():
    g, n = award_document()
    g.remove((n["award_statement"], ESG.evidence, None))
    result = validate_graph(g)
    assert not result.conforms
    assert [v.focus_node for v in result.violations] == [f"<{n['award_statement']}>"]
    assert "esg:evidence" in result.violations[0].path
    assert "evidence" in result.violations[0].message


def test_year_as_string_is_a_violation_on_year():
    g, n = award_document()
    g.set((n["award_statement"], ESG.year, Literal("2021")))
    result = validate_graph(g)
    assert not result.conforms
    assert paths(result) == {"esg:year"}
    assert "DatatypeConstraintComponent" in {v.constraint for v in result.violations}


def test_unknown_certification_status_is_a_violation_on_status():
    g, n = award_document()
    g.set((n["cert_statement"], ESG.status, ESG.status_revoked))
    result = validate_graph(g)
    assert paths(result) == {"esg:status"}
    assert result.violations[0].value == "esg:status_revoked"


def test_statement_with_two_subjects_is_a_violation_on_subject():
    g, n = award_document()
    other = entity(g, Iris(BASE), "company", "Other Corp")
    g.add((n["award_statement"], ESG.subject, other))
    result = validate_graph(g)
    assert paths(result) == {"esg:subject"}
    assert result.violations[0].constraint == "MaxCountConstraintComponent"


def test_entity_without_label_is_a_violation_on_label():
    g, n = award_document()
    g.remove((n["award"], RDFS.label, None))
    result = validate_graph(g)
    assert [(v.focus_node, v.path) for v in result.violations] == [(f"<{n['award']}>", "rdfs:label")]


def test_object_of_the_wrong_class_is_a_violation_on_object():
    g, n = award_document()
    g.set((n["award_statement"], ESG.object, n["iso"]))  # a standard is not an award
    result = validate_graph(g)
    assert paths(result) == {"esg:object"}


def test_subject_without_entity_type_is_a_violation():
    """Statements are validated on the union with the entities graph: a missing type shows."""
    g, n = award_document()
    g.remove((n["company"], RDF.type, None))
    result = validate_graph(g)
    assert paths(result) == {"esg:subject/rdf:type"}  # both statements name the company
    assert len(result.violations) == 2
    assert all("esg:Company" in v.message for v in result.violations)


def test_a_facility_may_be_where_it_is_but_states_nothing_else():
    g, n = award_document()
    iris = Iris(BASE)
    farm = entity(g, iris, "program", "Tallis solar farm")
    place = entity(g, iris, "place", "Queensland")
    statement(g, iris, n["doc"], "example-award-2021", "located_in", farm, place, "Example Corp today announced")
    assert validate_graph(g).conforms
    statement(g, iris, n["doc"], "example-award-2021", "award", farm, n["award"], "It holds ISO 45001.")
    result = validate_graph(g)
    assert paths(result) == {"esg:subject/rdf:type"}
    assert "only a located_in statement" in result.violations[0].message


def test_inferred_statement_without_evidence_conforms_when_derived_from_a_statement():
    g, n = award_document()
    inferred = URIRef(str(n["award_statement"]) + "-2020")
    for p, o in g.predicate_objects(n["award_statement"]):
        if p not in (ESG.evidence, ESG.year, PROV.wasDerivedFrom):
            g.add((inferred, p, o))
    g.add((inferred, ESG.year, Literal(2020)))
    g.add((inferred, ESG.inferred, Literal(True)))
    g.add((inferred, PROV.wasDerivedFrom, n["award_statement"]))
    assert validate_graph(g).conforms

    g.set((inferred, PROV.wasDerivedFrom, n["doc"]))  # derived from the document, not a statement
    result = validate_graph(g)
    assert paths(result) == {"prov:wasDerivedFrom/esg:kind"}


def test_evidence_offsets_must_be_ordered_integers():
    g, n = award_document()
    position = URIRef(str(n["award_statement"]).replace("/statement/", "/evidence/") + "/position")
    g.set((position, OA.end, Literal(0, datatype=XSD.integer)))
    result = validate_graph(g)
    constraints = {(v.path, v.constraint) for v in result.violations}
    # oa:end 0 is before oa:start, and the quote is no longer the text at those offsets
    assert constraints == {("oa:start", "LessThanConstraintComponent"),
                           ("oa:exact", "QuoteMatchesText")}


def test_evidence_ending_past_the_text_is_a_violation_on_its_statement():
    g, n = award_document()
    position = URIRef(str(n["cert_statement"]).replace("/statement/", "/evidence/") + "/position")
    g.set((position, OA.end, Literal(len(TEXT) + 5, datatype=XSD.integer)))
    (violation,) = validate_graph(g).violations
    assert violation.constraint == "EvidenceWithinText"
    assert violation.node == str(n["cert_statement"])
    assert f"past the end of the release text ({len(TEXT)} characters)" in violation.message


def test_quote_that_is_not_the_text_at_its_offsets_is_a_violation():
    g, n = award_document()
    quote = URIRef(str(n["cert_statement"]).replace("/statement/", "/evidence/") + "/quote")
    g.set((quote, OA.exact, Literal("It holds ISO 14001.")))
    (violation,) = validate_graph(g).violations
    assert (violation.path, violation.constraint) == ("oa:exact", "QuoteMatchesText")
    assert violation.node == str(n["cert_statement"])


@pytest.mark.parametrize("year", [20210, 202, 1066])
def test_a_year_that_is_no_calendar_year_of_a_release_is_a_violation(year):
    g, n = award_document()
    g.set((n["award_statement"], ESG.year, Literal(year, datatype=XSD.integer)))
    result = validate_graph(g)
    assert {(v.path, v.constraint) for v in result.violations} == \
        {("esg:year", "MaxInclusiveConstraintComponent" if year > 2200 else "MinInclusiveConstraintComponent")}


def test_an_in_progress_certification_is_not_certified_to():
    g, n = award_document()
    g.set((n["cert_statement"], ESG.status, vocab.status_iri("in_progress")))
    result = validate_graph(g)  # still the esg:certifiedTo edge of a held certification
    assert [v.constraint for v in result.violations] == ["CertificationEdge"]
    assert "esg:pursuingCertification" in result.violations[0].message
    g.remove((n["company"], ESG.certifiedTo, n["iso"]))
    g.add((n["company"], ESG.pursuingCertification, n["iso"]))
    assert validate_graph(g).conforms


def test_release_needs_identifier_and_text():
    g, n = award_document()
    g.remove((n["doc"], SCHEMA.text, None))
    result = validate_graph(g)
    assert paths(result) == {"schema:text"}
    assert "violation(s)" in result.summary() and result.text.startswith("Validation Report")


def test_validate_nquads_rejects_exactly_the_bad_documents():
    """The pipeline's form: each document as N-Quads texts (its graph, its entities)."""
    docs = [award_document(f"doc-{i}") for i in range(4)]
    bad_graph, bad = docs[1]
    bad_graph.remove((bad["award_statement"], ESG.evidence, None))
    texts = [(g.serialize(format="nt"), "") for g, _ in docs]
    results = validate_nquads(texts)
    assert [r.conforms for r in results] == [True, False, True, True]
    assert [v.focus_node for v in results[1].violations] == [f"<{bad['award_statement']}>"]
    assert validate_nquads([]) == []


def test_validate_nquads_all_good_is_one_conforming_result_per_document():
    results = validate_nquads([(award_document(f"doc-{i}")[0].serialize(format="nt"), "")
                               for i in range(3)])
    assert len(results) == 3 and all(r.conforms for r in results)


def test_validate_store_checks_the_union_of_document_and_entity_graphs():
    iris = Iris(BASE)
    g, n = award_document("stored-doc")
    entity_types = {t for t in g if t[1] == RDF.type and t[2] in vocab.ENTITY_CLASSES.values()}
    entity_triples = Graph()
    for s, _, _ in entity_types:
        for t in g.triples((s, None, None)):
            if t[1] in (RDF.type, RDFS.label):
                entity_triples.add(t)
    doc_triples = g - entity_triples
    store = GraphStore(None, iris=iris)
    store.replace_document("stored-doc", _nquads(doc_triples, iris.document_graph("stored-doc")),
                           _nquads(entity_triples, iris.entities_graph))
    assert validate_store(store).conforms

    store.ox.update(f"DELETE WHERE {{ GRAPH ?g {{ <{n['iso']}> <{RDFS.label}> ?l }} }}")
    result = validate_store(store)
    assert not result.conforms and paths(result) == {"rdfs:label"}


def _nquads(g: Graph, graph_iri: str) -> str:
    return "".join(f"{s.n3()} {p.n3()} {o.n3()} <{graph_iri}> .\n" for s, p, o in g)


# --- the ontology covers the vocabulary ---------------------------------------------------------
@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """ontology/esgkg.ttl and topics.ttl, which the vocabulary is checked against."""
    g = Graph()
    for name in ("esgkg.ttl", "topics.ttl"):
        g.parse(data=files("esgkg.ontology").joinpath(name).read_text(encoding="utf-8"), format="turtle")
    return g


def test_ontology_and_shapes_parse():
    assert (URIRef("https://w3id.org/esgkg/ontology"), RDF.type, OWL.Ontology) in ontology_graph()
    assert len(shapes_graph()) > 100


def _esg_terms_used_by_vocab() -> set[URIRef]:
    terms = set(vocab.ENTITY_CLASSES.values())
    for kind in vocab.FACT_KINDS.values():
        terms |= {kind.statement_class, kind.direct_predicate}
    terms |= {prop for prop, _ in vocab.QUALIFIERS.values()}
    terms |= {vocab.status_iri(s) for s in vocab.CERTIFICATION_STATUSES}
    return {t for t in terms if str(t).startswith(str(ESG))}


@pytest.mark.parametrize("term", sorted(_esg_terms_used_by_vocab()), ids=lambda t: t.n3(vocab_ns()))
def test_every_esg_term_of_vocab_is_declared(term):
    onto = ontology_graph()
    declared_types = set(onto.objects(term, RDF.type))
    assert declared_types & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                             URIRef("http://www.w3.org/2004/02/skos/core#Concept")}, term
    assert onto.value(term, RDFS.label) or onto.value(
        term, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")), term


def test_every_statement_class_has_a_shape():
    shapes = shapes_graph()
    targeted = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    for kind in vocab.FACT_KINDS.values():
        assert kind.statement_class in targeted
    assert set(vocab.ENTITY_CLASSES.values()) <= targeted


def test_the_shapes_every_statement_shares_target_every_statement_class():
    """The shapes name concrete classes, not esg:Statement (no inference while validating: see
    graph/validate.py), so a new kind's class goes into each shared shape's target list; a class
    left out would be validated by its own shapes only and pass without subject or evidence."""
    shapes = shapes_graph()
    target_class = URIRef("http://www.w3.org/ns/shacl#targetClass")
    statement_classes = {kind.statement_class for kind in vocab.FACT_KINDS.values()}
    shared = [URIRef("https://w3id.org/esgkg/shapes#" + name)
              for name in ("StatementSubject", "StatementObject", "StatementSource", "StatementEvidence")]
    for shape in shared:
        assert set(shapes.objects(shape, target_class)) == statement_classes, shape


def vocab_ns():
    g = Graph()
    g.bind("esg", ESG)
    return g.namespace_manager


def test_every_topic_the_gazetteer_uses_is_a_concept_of_the_topic_scheme():
    """Entities link to esg:topic_<name>; each name must be a concept of esg:topics."""
    import json
    from importlib.resources import files

    skos = Namespace("http://www.w3.org/2004/02/skos/core#")
    rows = files("esgkg.ontology").joinpath("gazetteer.jsonl").read_text(encoding="utf-8")
    topics = {json.loads(line).get("topic") for line in rows.splitlines() if line.strip()
              and not line.lstrip().startswith("#")} - {None}
    assert topics, "the gazetteer names no topics: this test would check nothing"
    concepts = set(ontology_graph().subjects(skos.inScheme, ESG.topics))
    assert {ESG["topic_" + t] for t in topics} <= concepts


def test_the_pipeline_output_for_the_bundled_sample_conforms():
    """What the pipeline builds for the sample release passes the shapes, alone and stored."""
    from importlib.resources import files

    from esgkg.graph.pipeline import build_document, ingest_paths

    sample = next(p for p in files("esgkg.ontology").joinpath("sample").iterdir()
                  if p.name.endswith(".txt"))
    built = build_document(sample)
    g = graph_from_nquads(built.document_nquads, built.entity_nquads)
    assert 100 < len(g) <= built.triples  # duplicates collapse in a graph
    result = validate_graph(g)
    assert result.conforms, str(result)

    store = GraphStore(None)
    ingest_paths([sample], store)
    assert validate_store(store).conforms


def test_every_direct_edge_is_named_in_the_ontology():
    """Views and exports name edges by their rdfs:label; each status edge has its own."""
    labels = vocab.edge_labels()
    edges = [str(edge) for kind in vocab.FACT_KINDS.values() for edge in kind.edges]
    assert set(edges) == set(labels)
    certification = vocab.FACT_KINDS["certification"]
    assert {status: labels[str(certification.edge({"status": status}))]
            for status in vocab.CERTIFICATION_STATUSES} == {
        "held": "certified to", "renewed": "certified to",
        "in_progress": "pursuing certification", "planned": "plans certification"}
