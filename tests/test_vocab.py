"""The IRI minter: every IRI it mints, it reads back, under whatever base the store has."""
from __future__ import annotations

import pytest

from esgkg.graph.vocab import ENTITY_CLASSES, FACT_KINDS, QUALIFIERS, Iris, display, kind_labels

BASES = ["http://127.0.0.1:5000/", "https://kg.example.org/esg/"]


@pytest.mark.parametrize("base", BASES)
def test_minted_iris_read_back(base):
    iris = Iris(base)
    assert iris.doc_id_of(iris.document("acme-2021")) == "acme-2021"
    assert iris.doc_id_of_graph(iris.document_graph("acme-2021")) == "acme-2021"
    assert iris.document_graph("acme-2021").startswith(iris.document_graph_prefix)
    statement = iris.statement("acme-2021", "award", "0123456789ab")
    assert iris.is_statement(statement) and not iris.is_evidence(statement)
    assert iris.is_evidence(iris.evidence(statement)) and not iris.is_statement(iris.evidence(statement))
    company = iris.entity("company", "Acme Corp.")
    assert iris.is_minted(company) and iris.path_of(company) == "/id/company/acme-corp"
    assert iris.at_path(iris.path_of(company)) == company
    assert Iris.base_of_entities_graph(iris.entities_graph) == base


def test_foreign_iris_are_not_read_as_ours():
    iris = Iris(BASES[0])
    other = Iris(BASES[1])
    assert iris.doc_id_of(other.document("acme-2021")) is None
    assert iris.doc_id_of_graph(other.document_graph("acme-2021")) is None
    assert not iris.is_minted(other.entity("company", "Acme"))
    assert iris.path_of("https://schema.org/Organization") is None
    assert iris.path_of(BASES[0] + "/evil.example/phish") is None   # would be //evil.example
    assert iris.path_of(BASES[0] + "\\evil.example") is None


def test_every_kind_type_and_qualifier_has_its_display_entry():
    """A new fact kind, entity type or qualifier is shown only once ontology/kinds.json has it."""
    shown = display()
    assert set(FACT_KINDS) <= set(shown["edge_kinds"])
    assert set(ENTITY_CLASSES) <= set(shown["entity_types"])
    assert set(QUALIFIERS) == set(shown["qualifiers"])      # a label for each, and none stale
    assert set(shown["edge_kinds"]) == set(kind_labels())
    assert kind_labels()["certification"] == "certified to / pursuing certification / plans certification"
