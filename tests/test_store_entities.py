"""Entities across documents: one IRI per legal name, and a store that stays self-consistent."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from esgkg.graph.store import GraphStore, StoreError, consistent_entities
from esgkg.graph.validate import validate_store
from esgkg.graph.vocab import ENTITY_CLASSES, ESG, FACT_KINDS, Iris

BASE = "http://example.org/kg/"
IRIS = Iris(BASE)
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def test_different_legal_forms_are_different_entities():
    assert IRIS.entity("company", "Blue Harbor Telecom Corporation") != \
        IRIS.entity("company", "Blue Harbor Telecom AG")


@pytest.mark.parametrize("other", ["Blue Harbor Telecom Corp.", "BLUE HARBOR TELECOM CORPORATION",
                                   "Blue Harbor Telecom, Corp"])
def test_one_legal_name_spelled_differently_is_one_entity(other):
    assert IRIS.entity("company", "Blue Harbor Telecom Corporation") == IRIS.entity("company", other)


def described(doc_id: str, label: str, aliases=(), entity_type="company", iri=None):
    """A document that says LABEL (a company) is certified to ISO 14001, as N-Quads texts."""
    entities = ox.NamedNode(IRIS.entities_graph)
    graph = ox.NamedNode(IRIS.document_graph(doc_id))
    company = ox.NamedNode(iri or IRIS.entity(entity_type, label))
    iso = ox.NamedNode(IRIS.entity("standard", "ISO 14001"))
    entity_quads = [ox.Quad(company, TYPE, ox.NamedNode(ENTITY_CLASSES[entity_type]), entities),
                    ox.Quad(company, LABEL, ox.Literal(label), entities),
                    *(ox.Quad(company, ALT, ox.Literal(a), entities) for a in aliases),
                    ox.Quad(iso, TYPE, ox.NamedNode(ESG.Standard), entities),
                    ox.Quad(iso, LABEL, ox.Literal("ISO 14001"), entities)]
    edge = ox.NamedNode(str(FACT_KINDS["certification"].direct_predicate))
    document_quads = [ox.Quad(company, edge, iso, graph)]
    return tuple(ox.serialize(q, format=ox.RdfFormat.N_QUADS).decode()
                 for q in (document_quads, entity_quads))


def put(store, doc_id, *args, **kwargs):
    document, entities = consistent_entities(store, *described(doc_id, *args, **kwargs))
    store.replace_document(doc_id, document, entities)
    return document


def labels(store, iri):
    graph = ox.NamedNode(IRIS.entities_graph)
    return {p: sorted(q.object.value for q in store.quads_for_pattern(ox.NamedNode(iri), p, None, graph))
            for p in (LABEL, ALT)}


def test_a_second_spelling_of_a_stored_entity_becomes_an_alias_and_the_store_validates():
    store = GraphStore(None, iris=IRIS)
    put(store, "a", "Blue Harbor Telecom Corporation")
    put(store, "b", "Blue Harbor Telecom Corp.")
    iri = IRIS.entity("company", "Blue Harbor Telecom Corporation")
    assert labels(store, iri) == {LABEL: ["Blue Harbor Telecom Corporation"],
                                  ALT: ["Blue Harbor Telecom Corp."]}
    assert validate_store(store).conforms


def test_a_stated_short_name_links_documents_but_never_two_legal_forms():
    store = GraphStore(None, iris=IRIS)
    put(store, "a", "Blue Harbor Telecom Corporation", aliases=["Blue Harbor Telecom"])
    corporation = IRIS.entity("company", "Blue Harbor Telecom Corporation")
    # a release that only says "Blue Harbor Telecom": the name the first one stated
    assert f"<{corporation}>" in put(store, "b", "Blue Harbor Telecom")
    # "Blue Harbor Telecom AG" states the same short name, but it is another legal form
    ag = put(store, "c", "Blue Harbor Telecom AG", aliases=["Blue Harbor Telecom"])
    assert f"<{IRIS.entity('company', 'Blue Harbor Telecom AG')}>" in ag
    assert labels(store, corporation) == {LABEL: ["Blue Harbor Telecom Corporation"],
                                          ALT: ["Blue Harbor Telecom"]}
    assert validate_store(store).conforms


def test_an_entity_with_another_type_in_the_store_is_refused():
    store = GraphStore(None, iris=IRIS)
    iri = IRIS.entity("company", "Pemberly Glass Ltd.")
    put(store, "a", "Pemberly Glass Ltd.")
    with pytest.raises(StoreError, match="is typed esg:Company in the store and esg:Agency by this document"):
        put(store, "b", "Pemberly Glass Ltd.", entity_type="agency", iri=iri)
