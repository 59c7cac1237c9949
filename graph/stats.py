"""Counts that describe a store: documents, entities by type, facts by kind, triples."""
from __future__ import annotations

from dataclasses import dataclass, field

from .store import GraphStore
from .vocab import ESG, ENTITY_CLASSES


@dataclass
class StoreStats:
    documents: int
    entities: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    inferred: int = 0
    triples: int = 0

    def as_dict(self) -> dict:
        return {"documents": self.documents, "entities": self.entities, "facts": self.facts,
                "inferred_facts": self.inferred, "triples": self.triples}


def store_stats(store: GraphStore) -> StoreStats:
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
            GRAPH ?g {{ ?st esg:kind ?kind OPTIONAL {{ ?st esg:inferred ?inf }} }} }} GROUP BY ?kind"""):
        n, i = int(row["n"].value), int(row["inferred"].value)
        facts[row["kind"].value] = n - i
        inferred += i
    return StoreStats(len(store.document_ids()), dict(sorted(entities.items())),
                      dict(sorted(facts.items())), inferred, len(store))
