"""The store read back as the fact table of FORMAT.md: one record per stated (not inferred) fact.

With ``details``, the analyst's table the CSV export writes: inferred facts too (flagged, quoting
the sentence they were inferred from), the statement, subject and object IRIs, and the document's
title, date and source file.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .facts import CSV_COLUMNS
from .store import GraphStore
from .vocab import CERTIFICATION_STATUSES, ESG, FACT_KINDS, QUALIFIERS, status_iri

_QUALIFIER_VARS = {name: name.replace("_", "") for name in QUALIFIERS}


def facts_query(iris, document: str | None = None, statements: Iterable[str] | None = None,
                details: bool = False) -> str:
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
    # LATERAL: some statements are looked up one by one; a join would read every statement of the
    # store first (14 s for a page of 50 of a 10k-release store, against 40 ms).
    lateral = "" if statements is None else "LATERAL "
    # An inferred statement quotes the sentence of the statement it was inferred from.
    evidence = ("{ ?st esg:evidence ?a } UNION { ?st esg:inferred ?inferred ; "
                "prov:wasDerivedFrom/esg:evidence ?a }") if details else "?st esg:evidence ?a ."
    document_details = ("OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d dcterms:date ?date } "
                        "OPTIONAL { ?d dcterms:source ?source }") if details else ""
    return f"""
PREFIX esg: <{ESG}>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT * WHERE {{
  {values}
  {lateral}{{ GRAPH {graph} {{
    ?st esg:kind ?kind ; esg:subject ?s ; esg:object ?o ; prov:wasDerivedFrom ?d .
    ?d a esg:Release ; dcterms:identifier ?document .
    {evidence}
    ?a oa:hasTarget ?t . ?t oa:hasSelector ?q, ?p .
    ?q oa:exact ?evidence . ?p oa:start ?start .
    {' '.join(optionals)}
    {document_details}
  }} }}
  # Two OPTIONAL lookups + BOUND, not one required block: Oxigraph evaluates a block sharing no
  # variable with the statements as the cross product of all entity labels (215 s vs 1.1 s on 1k
  # synthetic releases, same rows).
  OPTIONAL {{ GRAPH <{iris.entities_graph}> {{ ?s rdfs:label ?subject }} }}
  OPTIONAL {{ GRAPH <{iris.entities_graph}> {{ ?o rdfs:label ?object }} }}
  FILTER(BOUND(?subject) && BOUND(?object))
}} ORDER BY ?document ?start ?kind ?object ?inferred ?year"""


_STATUS_BY_IRI = {str(status_iri(s)): s for s in CERTIFICATION_STATUSES}


def read_facts(store: GraphStore, document: str | None = None,
               statements: Iterable[str] | None = None, details: bool = False) -> Iterator[dict]:
    """FORMAT.md records of the facts in STORE (one document's, some statements', or all), in
    text order; one per statement, whatever labels its entities have. ``details``: the
    analyst's records (DETAIL_COLUMNS), inferred facts included."""
    if statements is not None and not statements:
        return
    seen: set[str] = set()
    for row in store.query(facts_query(store.iris, document, statements, details)):
        if row["st"].value in seen:
            continue
        seen.add(row["st"].value)
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
        if details:
            record.update(
                {f"document_{name}": row[name].value for name in ("title", "date", "source")
                 if row[name] is not None},
                inferred=row["inferred"] is not None, statement=row["st"].value,
                subject_iri=row["s"].value, object_iri=row["o"].value)
        yield record


# The analyst's CSV: the FORMAT.md columns, the document's description, and the IRIs to join on.
DETAIL_COLUMNS = [CSV_COLUMNS[0], "document_title", "document_date", "document_source",
                  *CSV_COLUMNS[1:], "inferred", "statement", "subject_iri", "object_iri"]
