"""The fact table behind /facts: one row per statement (inferred ones flagged), filtered by facets,
sorted and paged, with facet counts of the filtered set.

Everything is SPARQL through the store interface, so the table works on the embedded store, the
executor pool and a remote backend alike. A 10k-release store holds ~100k statements: shipping
them to Python, or sorting them in SPARQL, costs seconds, so facets are counted by small GROUP BY
queries that join only the patterns a request needs, and pages are read bucket by bucket of the
sort facet. The rows of one page then get their FORMAT.md fields from ``graph.fact_table``, the
same reader as ``esgkg facts``.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pyoxigraph as ox

from esgkg.graph import curation
from esgkg.graph.fact_table import read_facts
from esgkg.graph.store import GraphStore
from esgkg.graph.vocab import CERTIFICATION_STATUSES, ENTITY_CLASSES, FACT_KINDS, QUALIFIERS, status_iri

from . import queries as q
from .model import NotFound, fact_anchor, records, resource_path, run, sparql_term

PER_PAGE = 50
MAX_PER_PAGE = 500
FACET_SIZE = 20                 # values shown for the open-ended facets (subject, object, ...)
FACET_QUERY_THREADS = 4         # the facet counts' queries (one per facet) run at most this many at once
# Facets that are entity types of the object: "which companies hold ISO 14001" is a standard facet.
OBJECT_TYPE_FACETS = ("index", "award", "standard")
FACETS = ("kind", "year", "status", "subject", "object", "document", *OBJECT_TYPE_FACETS)
SORTS = ("year", "kind")        # facets the rows can be sorted by; a leading "-" reverses
DEFAULT_SORT = "-year"
# Column order of the CSV download: the JSON fields, qualifiers under FORMAT.md's names.
COLUMNS = ("statement", "kind", "subject", "object", "subject_iri", "object_iri", "document",
           *QUALIFIERS, "inferred", "evidence")
_STATUS_NAMES = {str(status_iri(s)): s for s in CERTIFICATION_STATUSES}


class BadFilter(ValueError):
    """A filter value the table cannot use; the message says which and why."""


@dataclass
class Filters:
    """The facet filters of one request: several values of one facet are alternatives (OR),
    different facets must all hold (AND)."""

    kind: list[str] = field(default_factory=list)
    year: list[int] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    subject: list[str] = field(default_factory=list)
    object: list[str] = field(default_factory=list)
    document: list[str] = field(default_factory=list)
    index: list[str] = field(default_factory=list)
    award: list[str] = field(default_factory=list)
    standard: list[str] = field(default_factory=list)
    inferred: bool = True
    raw: bool = False               # as extraction gave them: rejected facts too (docs/curation.md)

    @classmethod
    def from_args(cls, args) -> Filters:
        """From a request's query parameters (``kind=award&kind=membership&year=2021``); a value
        may also list several, comma-separated."""
        values = {name: [v for raw in args.getlist(name) for v in raw.split(",") if v]
                  for name in FACETS}
        unknown = sorted(set(values["kind"]) - set(FACT_KINDS))
        if unknown:
            raise BadFilter(f"unknown kind {unknown[0]!r}; kinds: {', '.join(FACT_KINDS)}")
        bad_status = sorted(set(values["status"]) - set(CERTIFICATION_STATUSES))
        if bad_status:
            raise BadFilter(f"unknown status {bad_status[0]!r}; statuses: "
                            + ", ".join(CERTIFICATION_STATUSES))
        try:
            values["year"] = [int(y) for y in values["year"]]
        except ValueError:
            raise BadFilter("year must be an integer") from None
        inferred = args.get("inferred", "true").lower()
        if inferred not in ("true", "false"):
            raise BadFilter(f"inferred must be true or false, not {inferred!r}")
        raw = args.get("raw", "false").lower()
        if raw not in ("true", "false", ""):
            raise BadFilter(f"raw must be true or false, not {raw!r}")
        return cls(**values, inferred=inferred == "true", raw=raw != "false")

    def params(self) -> list[tuple[str, str]]:
        """Back to query parameters, for links that keep the filters."""
        out = [(name, str(v)) for name in FACETS for v in getattr(self, name)]
        return out + ([("inferred", "false")] if not self.inferred else []) \
            + ([("raw", "true")] if self.raw else [])


# Each facet's triple pattern on the statement ?st (inside GRAPH ?g) and the variable it binds.
FACET_PATTERNS = {
    "kind": ("?st esg:kind ?kind", "kind"), "year": ("?st esg:year ?year", "year"),
    "status": ("?st esg:status ?status", "status"), "subject": ("?st esg:subject ?s", "s"),
    "object": ("?st esg:object ?o", "o"), "document": ("?st esg:kind ?kind", "g"),
    **{name: ("?st esg:object ?o", "o") for name in OBJECT_TYPE_FACETS},
}
OPEN_ENDED = ("subject", "object", "document")


def where(store, filters: Filters, *facets: str, extra: str = "") -> str:
    """The WHERE block of the filtered statements (?st in graph ?g), joined with the patterns of
    ``facets``. Only the patterns a request needs are joined: Oxigraph counts one pattern of a
    10k-release store in ~50 ms but joins three in over a second. Request values enter only as
    checked terms (``sparql_term``) or values checked by ``Filters.from_args``."""
    patterns = dict.fromkeys(FACET_PATTERNS[f][0] for f in facets)
    values = []

    def restrict(facet: str, terms: list[str]) -> None:
        pattern, var = FACET_PATTERNS[facet]
        patterns[pattern] = None
        values.append(f"VALUES ?{var} {{ {' '.join(terms)} }}")

    if filters.kind:
        restrict("kind", [f'"{k}"' for k in filters.kind])
    if filters.year:
        restrict("year", [str(y) for y in filters.year])
    if filters.status:
        restrict("status", [f"<{status_iri(s)}>" for s in filters.status])
    if filters.subject:
        restrict("subject", [_iri_term(i) for i in filters.subject])
    objects = None
    for name in ("object", *OBJECT_TYPE_FACETS):
        chosen = getattr(filters, name)
        if chosen:
            objects = set(chosen) if objects is None else objects & set(chosen)
    if objects is not None:
        restrict("object", [_iri_term(i) for i in sorted(objects)])
    if filters.document:
        restrict("document", [sparql_term(store.iris.document_graph(d)) for d in filters.document])
    if not patterns:
        patterns[FACET_PATTERNS["kind"][0]] = None      # every statement has a kind
    hide = "" if filters.inferred else "MINUS { GRAPH ?g { ?st esg:inferred true } }"
    return f"{' '.join(values)} GRAPH ?g {{ {' . '.join(patterns)} {extra} }} {hide}"


def _iri_term(iri: str) -> str:
    try:
        return sparql_term(iri)
    except NotFound:
        raise BadFilter(f"not an IRI: {iri!r}") from None


def table(store, filters: Filters, *, sort: str = DEFAULT_SORT, page: int = 1,
          per_page: int = PER_PAGE, counts=None) -> dict:
    """One page of the table, its total and the facet counts of the filtered set (from
    ``counts(store, filters)`` when given: the web view keeps them per store version)."""
    facets, total = (counts or facet_counts)(store, filters)
    statements = sorted_statements(store, filters, facets, total, sort,
                                   (page - 1) * per_page, per_page)
    facts = rows(store, statements)
    if filters.raw:     # overridden facts as extracted; the rejected ones on the first page

        extracted, rejected = raw_overlay(store, filters)
        facts = [extracted.get(row["statement"], row) for row in facts]
        facts += [extracted[st] for st in sorted(rejected)] if page == 1 else []
        total += len(rejected)
    labels = _labels(store, {i for name in ("subject", "object", *OBJECT_TYPE_FACETS)
                             for i in facets[name]})
    for name in (*OPEN_ENDED, *OBJECT_TYPE_FACETS):      # ties by label, as a person reads them
        facets[name] = dict(sorted(facets[name].items(),
                                   key=lambda kv: (-kv[1], labels.get(kv[0], kv[0]).lower())))
    return {"total": total, "facts": facts, "facets": facets, "labels": labels,
            "page": page, "per_page": per_page, "sort": sort,
            "pages": max(1, -(-total // per_page)), "filters": filters.params()}


def facet_counts(store, filters: Filters) -> tuple[dict, int]:
    """``({facet: {value: count}}, total)`` of the filtered statements; the open-ended facets
    keep their ``FACET_SIZE`` largest values. The seven counting queries run side by side (the
    store, the executor pool and a remote endpoint all take concurrent queries): 0.58 s -> 0.3 s
    for a 10k-release store on two cores."""
    types = " ".join(f"<{ENTITY_CLASSES[t]}>" for t in OBJECT_TYPE_FACETS)
    texts = {}
    for name in ("kind", "year", "status", *OPEN_ENDED):
        var = FACET_PATTERNS[name][1]
        # No tie-break by ?var in the ORDER BY: comparing IRIs makes it 7x slower (0.49 s).
        top = f"ORDER BY DESC(?n) LIMIT {FACET_SIZE}" if name in OPEN_ENDED else ""
        texts[name] = q.PREFIXES + f"""
SELECT ?{var} (COUNT(?st) AS ?n) WHERE {{ {where(store, filters, name)} }} GROUP BY ?{var} {top}"""
    texts["typed"] = q.PREFIXES + f"""
SELECT ?type ?o (COUNT(?st) AS ?n) WHERE {{
  VALUES ?type {{ {types} }} GRAPH <{{entities}}> {{ ?o a ?type }} {where(store, filters, "object")}
}} GROUP BY ?type ?o ORDER BY ?type DESC(?n)"""
    with ThreadPoolExecutor(max_workers=FACET_QUERY_THREADS) as pool:
        answers = dict(zip(texts, pool.map(lambda text: list(records(run(store, text))), texts.values())))
    facets: dict[str, dict] = {}
    for name in ("kind", "year", "status", *OPEN_ENDED):
        var = FACET_PATTERNS[name][1]
        counts = {}
        for row in answers[name]:
            value = row[var]
            if name == "document":
                value = store.iris.doc_id_of_graph(value)
            elif name == "status":
                value = _STATUS_NAMES.get(value, value)
            counts[value] = int(row["n"])
        facets[name] = counts
    facets["kind"] = dict(sorted(facets["kind"].items(), key=lambda kv: (-kv[1], kv[0])))
    facets["year"] = dict(sorted(facets["year"].items(), key=lambda kv: -int(kv[0])))
    facets.update({name: {} for name in OBJECT_TYPE_FACETS})
    by_type = {str(ENTITY_CLASSES[t]): t for t in OBJECT_TYPE_FACETS}
    for row in answers["typed"]:
        facet = facets[by_type[row["type"]]]
        if len(facet) < FACET_SIZE:
            facet[row["o"]] = int(row["n"])
    return facets, sum(facets["kind"].values())


def _labels(store, iris) -> dict[str, str]:
    if not iris:
        return {}
    text = q.LABELS.replace("{values}", " ".join(sparql_term(i) for i in sorted(iris)))
    return {r["node"]: r["label"] for r in records(run(store, text))}


def sorted_statements(store, filters: Filters, facets: dict, total: int, sort: str,
                      offset: int, limit: int | None) -> list[str]:
    """The statements of rows ``offset`` to ``offset + limit`` in ``sort`` order (all from
    ``offset`` when ``limit`` is None).

    Not an ORDER BY over the filtered set (Oxigraph takes 8 s to sort 100k statements): the sort
    key is a facet, so rows are read bucket by bucket (year 2023, then 2022, ...; rows without a
    year last), each bucket one LIMIT/OFFSET query in the store's own stable order, and the facet
    counts say which buckets the page falls in."""
    name = sort.lstrip("-")
    if name not in SORTS:
        raise BadFilter(f"unknown sort {sort!r}; sorts: {', '.join(SORTS)} (prefix - to reverse)")
    pattern, var = FACET_PATTERNS[name]
    buckets: list = sorted(facets[name].items(), reverse=sort.startswith("-"),
                           key=lambda kv: int(kv[0]) if name == "year" else kv[0])
    if total > sum(n for _, n in buckets):
        buckets.append((None, total - sum(n for _, n in buckets)))
    out: list[str] = []
    seen = 0
    for value, n in buckets:
        if limit is not None and len(out) >= limit:
            break
        if seen + n > offset:
            if value is None:
                block = where(store, filters, extra=f"FILTER NOT EXISTS {{ {pattern} }}")
            else:
                term = value if name == "year" else f'"{value}"'      # both checked values
                block = f"VALUES ?{var} {{ {term} }} " + where(store, filters, name)
            window = (f"LIMIT {limit - len(out)} " if limit is not None else "") + \
                f"OFFSET {max(0, offset - seen)}"
            out += [r["st"] for r in records(run(store, f"{q.PREFIXES} SELECT ?st WHERE {{ {block} }} {window}"))]
        seen += n
    return out


def rows(store, statements: list[str]) -> list[dict]:
    """The JSON records of some statements, in their order: ``graph.fact_table``'s analyst
    records (FORMAT.md fields; an inferred year quotes the sentence it was inferred from), with
    links to the entities' pages and to the fact's sentence in its document."""
    if not statements:
        return []
    found = {r["statement"]: r for r in read_facts(store, statements=statements, details=True)}
    text = q.FACT_SOURCES.replace("{values}", " ".join(sparql_term(st) for st in found))
    sources = {r["st"]: r["source"] for r in records(run(store, text))} if found else {}

    curated = curated_by(store, found)
    out = []
    for st in statements:
        record = found.get(st)
        if record is None:          # no label or evidence: not a fact of the table
            continue
        row = {name: record[name] for name in COLUMNS if name in record}
        row["subject_page"] = resource_path(store, record["subject_iri"])
        row["object_page"] = resource_path(store, record["object_iri"])
        row["fact_page"] = f"/doc/{record['document']}#fact-{fact_anchor(sources.get(st, st))}"
        if st in curated:       # a correction applied: the row says which decisions
            row["curated_by"] = curated[st]
        out.append(row)
    return out


def all_rows(store, filters: Filters, sort: str = DEFAULT_SORT, chunk: int = 500,
             limit: int | None = None):
    """Every row of the filtered view (or the first ``limit``), in table order, ``chunk`` at a
    time: the downloads, timelines and comparisons."""
    facets, total = facet_counts(store, filters)
    statements = sorted_statements(store, filters, facets, total, sort, 0, limit)
    for start in range(0, len(statements), chunk):
        yield from rows(store, statements[start:start + chunk])


def raw_overlay(store, filters) -> tuple[dict[str, dict], set[str]]:
    """The /facts rows of every overridden statement as extraction gave them (``?raw``), each
    marked with its decisions, and which of them are rejected (no longer in the curated graph).

    The extracted quads go into a small in-memory store with the entities they name, and the
    table's own filter (``where``) and row reader (``rows``) run on it."""
    quads, named = curation.extracted_quads(store)
    if not quads:
        return {}, set()
    raw = GraphStore(None, iris=store.iris)
    raw.ox.extend(quads)
    entities = ox.NamedNode(store.iris.entities_graph)
    named_nodes = {quad.object for quad in quads if isinstance(quad.object, ox.NamedNode)}
    for node in named_nodes | {quad.subject for quad in quads}:
        raw.ox.extend(store.quads_for_pattern(node, None, None, entities))
    matching = [r["st"] for r in records(run(
        raw, f"{q.PREFIXES} SELECT DISTINCT ?st WHERE {{ {where(raw, filters)} }}"))]
    overridden = {row["statement"]: row for row in rows(raw, matching)}
    still_there = {r["st"].value for r in store.query(
        "SELECT ?st WHERE { VALUES ?st { " + " ".join(f"<{st}>" for st in overridden) + " } "
        "GRAPH ?g { ?st <https://w3id.org/esgkg/ontology#kind> ?k } }")} if overridden else set()
    for statement, row in overridden.items():
        row["curated_by"] = named.get(statement, [])
        row["curation"] = "corrected" if statement in still_there else "rejected"
    return overridden, set(overridden) - still_there


def curated_by(store, statements) -> dict[str, list[str]]:
    """The decisions applied to each of some statements (checked IRIs), for the rows' marks."""
    if not statements:
        return {}
    text = (f"{q.PREFIXES} SELECT ?st ?d WHERE {{ VALUES ?st {{ "
            + " ".join(sparql_term(st) for st in statements)
            + " } GRAPH ?g { ?st esg:curatedBy ?d } }")
    out: dict[str, list[str]] = {}
    for row in records(run(store, text)):
        out.setdefault(row["st"], []).append(row["d"])
    return out
