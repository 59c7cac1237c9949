"""The store read back as the fact table of FORMAT.md: one record per stated (not inferred) fact."""
from __future__ import annotations

from typing import Iterable, Iterator

from .store import GraphStore
from .vocab import CERTIFICATION_STATUSES, ESG, FACT_KINDS, QUALIFIERS, status_iri

_QUALIFIER_VARS = {name: name.replace("_", "") for name in QUALIFIERS}


def facts_query(iris, document: str | None = None, statements: Iterable[str] | None = None) -> str:
    optionals = []
    for name, var in _QUALIFIER_VARS.items():
        predicate, value_kind = QUALIFIERS[name]
        if value_kind.startswith("entity:"):
            optionals.append(f"OPTIONAL {{ ?st <{predicate}> ?{var}_iri . "
                             f"GRAPH <{iris.entities_graph}> {{ ?{var}_iri rdfs:label ?{var} }} }}")
        else:
            optionals.append(f"OPTIONAL {{ ?st <{predicate}> ?{var} }}")
    graph = f"<{iris.document_graph(document)}>" if document else "?g"
    # Only some statements (IRIs checked by the caller): an explorer view.
    values = "" if statements is None else \
        "VALUES ?st { " + " ".join(f"<{st}>" for st in sorted(statements)) + " }"
    return f"""
PREFIX esg: <{ESG}>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT * WHERE {{
  {values}
  GRAPH {graph} {{
    ?st esg:kind ?kind ; esg:subject ?s ; esg:object ?o ; esg:evidence ?a ; prov:wasDerivedFrom ?d .
    ?d dcterms:identifier ?document .
    ?a oa:hasTarget ?t . ?t oa:hasSelector ?q, ?p .
    ?q oa:exact ?evidence . ?p oa:start ?start .
    {' '.join(optionals)}
  }}
  # Two OPTIONAL lookups + BOUND, not one required block: Oxigraph evaluates a block sharing no
  # variable with the statements as the cross product of all entity labels (215 s vs 1.1 s on 1k
  # synthetic releases, same rows).
  OPTIONAL {{ GRAPH <{iris.entities_graph}> {{ ?s rdfs:label ?subject }} }}
  OPTIONAL {{ GRAPH <{iris.entities_graph}> {{ ?o rdfs:label ?object }} }}
  FILTER(BOUND(?subject) && BOUND(?object))
}} ORDER BY ?document ?start ?kind ?object"""


_STATUS_BY_IRI = {str(status_iri(s)): s for s in CERTIFICATION_STATUSES}


def read_facts(store: GraphStore, document: str | None = None,
               statements: Iterable[str] | None = None) -> Iterator[dict]:
    """FORMAT.md records of the facts in STORE (one document's, some statements', or all), in
    text order."""
    return (record for _, record in read_fact_records(store, document, statements))


def read_fact_records(store: GraphStore, document: str | None = None,
                      statements: Iterable[str] | None = None) -> Iterator[tuple[str, dict]]:
    """``(statement IRI, FORMAT.md record)`` pairs: the explorer's fact table keys rows by IRI."""
    if statements is not None and not statements:
        return
    for row in store.query(facts_query(store.iris, document, statements)):
        kind = row["kind"].value
        record = {"document": row["document"].value, "kind": kind,
                  "subject": row["subject"].value, "object": row["object"].value}
        for name in FACT_KINDS[kind].qualifiers:
            term = row[_QUALIFIER_VARS[name]]
            if term is None:
                continue
            value_kind = QUALIFIERS[name][1]
            if value_kind == "integer":
                record[name] = int(term.value)
            elif value_kind == "decimal":
                number = float(term.value)
                record[name] = int(number) if number.is_integer() else number
            elif value_kind == "status":
                record[name] = _STATUS_BY_IRI.get(term.value, term.value)
            else:
                record[name] = term.value
        record["evidence"] = row["evidence"].value
        yield row["st"].value, record
