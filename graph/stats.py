"""Counts that describe a store: documents, entities by type, facts by kind, triples.

One implementation for ``esgkg stats`` and the explorer's home page and ``/api/stats``: SPARQL
only, so it runs on every store (embedded, pooled behind the executors, remote).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .vocab import ENTITY_CLASSES, ESG, ORGANIZATION_TYPES


@dataclass
class StoreStats:
    documents: int
    entities: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)   # stated facts (inferred years apart)
    inferred: int = 0
    triples: int = 0

    @property
    def organizations(self) -> int:
        return sum(self.entities.get(name, 0) for name in ORGANIZATION_TYPES)

    def as_dict(self) -> dict:
        return {"documents": self.documents, "entities": self.entities, "facts": self.facts,
                "inferred_facts": self.inferred, "triples": self.triples}


def _count(store, sparql: str) -> int:
    return int(next(iter(store.query(sparql)))["n"].value)


def store_stats(store) -> StoreStats:
    """The counts of a store with a SPARQL ``query`` and ``iris`` (any of esgkg's stores)."""
    class_names = {str(iri): name for name, iri in ENTITY_CLASSES.items()}
    entities: dict[str, int] = {}
    for row in store.query(f"""SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {{
            GRAPH <{store.iris.entities_graph}> {{ ?e a ?class }} }} GROUP BY ?class"""):
        name = class_names.get(row["class"].value)
        if name:
            entities[name] = int(row["n"].value)
    facts: dict[str, int] = {}
    inferred = 0
    for row in store.query(f"""PREFIX esg: <{ESG}>
            SELECT ?kind (COUNT(?st) AS ?n) (SUM(IF(BOUND(?inf), 1, 0)) AS ?inferred) WHERE {{
            GRAPH ?g {{ ?st esg:kind ?kind OPTIONAL {{ ?st esg:inferred ?inf FILTER(?inf) }} }} }}
            GROUP BY ?kind"""):
        n, i = int(row["n"].value), int(row["inferred"].value)
        facts[row["kind"].value] = n - i
        inferred += i
    documents = _count(store, "SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE "
                              f"{{ GRAPH ?g {{ ?doc a <{ESG.Release}> }} }}")
    triples = _count(store, "SELECT (COUNT(*) AS ?n) WHERE "
                            "{ { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
    return StoreStats(documents, dict(sorted(entities.items())), dict(sorted(facts.items())),
                      inferred, triples)
