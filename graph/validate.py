"""SHACL validation: the pipeline's check that a document's RDF is what docs/rdf-design.md says.

Runs pySHACL with ``ontology/shapes.ttl`` on the union of a document's graph and its entities
(statements check their subject's and object's class, which only the entities graph states).

Speed is the constraint: ingest aims at 10,000 releases (~40-150 triples each) extracted,
validated and stored in under 60 s on 2 cores. Choices, with what bench/validate_throughput.py
measured (synthetic releases of 202 triples, CPU time of one process on the shared 2-core box):

- No inference, no SHACL-AF, no ontology mixed in: each of those makes pySHACL clone the data
  graph first. The shapes name concrete classes instead of leaning on rdfs:subClassOf, so plain
  SHACL Core needs no reasoning, and the data graph is validated in place.
- Shapes are flat (shapes.ttl says how): top-level property shapes are checked once per batch,
  nested ones once per focus node, and failing branches of sh:or cost a full result each. The
  first, nested draft took about twice as long on the same 200-document batch.
- Shapes parsed and harvested once per process (module caches), and the read-only shapes graph
  memoizes its lookups. One document per call: 71 docs/cpu-s with the caches, 41 when pySHACL
  harvests the shapes each call, 22 when it also parses shapes.ttl each call.
- Batches: one call on many documents amortizes pySHACL's fixed per-call work (about 75 shapes,
  each finding its targets): 125 docs/cpu-s (25,000 triples/cpu-s) for batches of 100-200,
  ~85-110 for 500-2000 (bigger rdflib graphs are slower to query). ``validate_nquads`` validates
  a batch in one call and re-validates documents alone only when the batch fails.
- pyoxigraph as pySHACL's data graph (it supports one) did not finish in 5 minutes a batch that
  rdflib validates in 2-5 s; rdflib it is.

- The batch's rdflib graph costs more than pySHACL's run on it (per ~190-triple release: 4.6 ms
  to build, 3.6 ms to validate): ``validate_nquads`` builds it once per batch from the texts the
  pipeline has, converting each distinct term once.

- What SHACL Core cannot say (a quote that is not the text at its offsets, an offset past the
  text, a certification without the edge its status names) is ``text_checks``, plain Python over
  the same rdflib graph: 124 instead of 141 docs/cpu-s on a batch of 100. As SHACL-SPARQL
  constraints (one query per release) the same checks gave 10 docs/cpu-s.

So validation costs ~8 ms of CPU per release, ~80 CPU-seconds for 10,000: in the extraction
workers, one ``validate_nquads`` call per chunk of ~100 documents (docs/benchmarks.md).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.paths import Path

from .vocab import PREFIXES

log = logging.getLogger(__name__)

SHAPES_FILE = "shapes.ttl"

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Violation:
    """One SHACL result, made readable: which node, which property, what is wrong."""

    focus_node: str
    path: str | None
    message: str
    severity: str = "Violation"
    value: str | None = None
    constraint: str | None = None  # e.g. "MinCountConstraintComponent"
    node: str = ""  # the focus node's IRI as it is, to find the fact it belongs to

    def __str__(self) -> str:
        where = f"{self.focus_node} {self.path}" if self.path else self.focus_node
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass
class ValidationResult:
    """Outcome of one validation: conforms, the readable violations, and pySHACL's text report."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    text: str = ""

    def summary(self) -> str:
        """One line for people: 'conforms' or how many violations on how many nodes."""
        if self.conforms:
            return "SHACL: conforms"
        nodes = len({v.focus_node for v in self.violations})
        return f"SHACL: {len(self.violations)} violation(s) on {nodes} node(s)"

    def __str__(self) -> str:
        if self.conforms:
            return self.summary()
        return self.summary() + "\n" + "\n".join(str(v) for v in self.violations)


# --- cached shapes and ontology ----------------------------------------------------------------

def _ontology_text(name: str) -> str:
    return files("esgkg.ontology").joinpath(name).read_text(encoding="utf-8")


class _MemoGraph(rdflib.Graph):
    """A graph that remembers the answer to each triple pattern until it changes.

    For the shapes graph, which pySHACL queries for the same patterns (a shape's parameters, its
    targets, its path lists) on every run and for every focus node of a complex path.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._answers: dict = {}

    def triples(self, triple):
        if isinstance(triple[1], Path):
            yield from super().triples(triple)
            return
        try:
            answer = self._answers[triple]
        except KeyError:
            answer = self._answers[triple] = tuple(super().triples(triple))
        yield from answer

    def add(self, triple):
        self._answers.clear()
        return super().add(triple)

    def remove(self, triple):
        self._answers.clear()
        return super().remove(triple)


@lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    """ontology/shapes.ttl, parsed once per process (treat as read-only)."""
    from pyshacl.monkey import rdflib_bool_patch, rdflib_bool_unpatch

    # pySHACL parses shapes with its boolean patch (only "true" is true); do the same.
    rdflib_bool_patch()
    try:
        return _MemoGraph().parse(data=_ontology_text(SHAPES_FILE), format="turtle")
    finally:
        rdflib_bool_unpatch()


@lru_cache(maxsize=1)
def pyshacl_shapes():
    """pySHACL's ShapesGraph with its shapes harvested, shared by every validation."""
    from pyshacl.monkey import apply_patches
    from pyshacl.shapes_graph import ShapesGraph
    from pyshacl.validator import assign_baked_in

    apply_patches()
    assign_baked_in()
    sg = ShapesGraph(shapes_graph(), debug=False, logger=log)
    sg.shapes  # noqa: B018 - harvests and caches the shapes now, not in the first validation
    return sg


def _run_pyshacl(data: rdflib.Graph) -> tuple[bool, rdflib.Graph, str]:
    """One pySHACL run on ``data`` in place (it is not modified: no inference, no rules)."""
    from pyshacl import Validator
    from pyshacl.graph_abstraction import DataGraph

    shapes = pyshacl_shapes()
    options = {"inference": "none", "advanced": False, "inplace": True, "logger": log}
    validator = Validator(DataGraph.from_rdflib(data), shacl_graph=shapes.graph, options=options)
    validator.shacl_graph = shapes  # reuse the harvested shapes instead of a fresh ShapesGraph
    return validator.run()


# --- public API --------------------------------------------------------------------------------

def validate_graph(data: rdflib.Graph) -> ValidationResult:
    """Validate one graph: a document's graph together with its entities' types and labels."""
    conforms, report, text = _run_pyshacl(data)
    violations = ([] if conforms else _violations(report)) + text_checks(data)
    if violations and conforms:
        text = "Validation Report\nConforms: False\n"
    text += "".join(f"{v}\n" for v in violations if v.constraint in TEXT_CHECKS)
    return ValidationResult(not violations, sorted(violations, key=_order), text)


# Checks SHACL Core cannot express (ontology/shapes.ttl says why they are not SHACL-SPARQL).
TEXT_CHECKS = ("EvidenceWithinText", "QuoteMatchesText", "CertificationEdge")


def text_checks(data: rdflib.Graph) -> list[Violation]:
    """Evidence that is not the release text at its offsets, and certifications whose direct edge
    is not the one their status names: one pass over the releases and certifications of DATA."""
    from .vocab import CERTIFICATION_STATUSES, ESG, FACT_KINDS, OA, SCHEMA, status_iri

    found = []

    def violation(node, path, message, constraint):
        found.append(Violation(_show(node, data), path, message, value=None,
                               constraint=constraint, node=str(node)))

    for release, text in data.subject_objects(SCHEMA.text):
        text = str(text)
        for target in data.subjects(OA.hasSource, release):
            statement = next((data.value(a, OA.hasBody) for a in data.subjects(OA.hasTarget, target)),
                             None) or target
            start = end = exact = None
            for selector in data.objects(target, OA.hasSelector):
                start = data.value(selector, OA.start, default=start)
                end = data.value(selector, OA.end, default=end)
                exact = data.value(selector, OA.exact, default=exact)
            start, end = (v.toPython() if v is not None else None for v in (start, end))
            if not isinstance(start, int) or not isinstance(end, int):
                continue  # the shapes report missing or mistyped offsets
            if end > len(text):
                violation(statement, "oa:end", f"evidence ends at {end}, past the end of the "
                          f"release text ({len(text)} characters)", "EvidenceWithinText")
            elif exact is not None and text[start:end] != str(exact):
                violation(statement, "oa:exact", f"the quote is not the release text at "
                          f"{start}-{end}", "QuoteMatchesText")
    certification = FACT_KINDS["certification"]
    statuses = {status_iri(name): name for name in CERTIFICATION_STATUSES}
    for statement in data.subjects(rdflib.RDF.type, ESG.Certification):
        status = statuses.get(data.value(statement, ESG.status))
        subject, obj = data.value(statement, ESG.subject), data.value(statement, ESG.object)
        if status is None or subject is None or obj is None:
            continue  # the shapes report these
        edge = certification.edge({"status": status})
        if (subject, edge, obj) not in data:
            violation(statement, None, f"a certification with status {status} needs the direct "
                      f"edge {_show(edge, data)} from its subject to its object", "CertificationEdge")
    return found


def _order(v: Violation):
    return (v.focus_node, v.path or "", v.message)


def validate_nquads(documents: list[tuple[str, str]]) -> list[ValidationResult]:
    """Validate a batch of documents, given as N-Quads texts (graph, entities) as the pipeline has
    them, in one pySHACL call; one result per document.

    When the merged batch conforms, every document does. Otherwise the documents owning a failing
    focus node (it is a subject in their graph) are re-validated alone, and each gets its own
    result, so a caller can reject exactly the bad documents. A failure that only the merge
    produces (two documents giving one entity different labels) is reported on those documents'
    results only if they also fail alone; ``validate_store`` sees such conflicts in the stored
    union. The batch's graph is built once, a document's own graph only if the batch fails."""
    merged = graph_from_nquads(*(text for document in documents for text in document))
    return _batch_results(merged, len(documents), lambda i: graph_from_nquads(*documents[i]))


def _batch_results(merged: rdflib.Graph, count: int, alone) -> list[ValidationResult]:
    """One pySHACL call on a batch's merged graph; ``alone(i)`` gives document i's own graph."""
    if not count:
        return []
    conforms, report, _text = _run_pyshacl(merged)
    checked = text_checks(merged)
    results = [ValidationResult(True, [], "Validation Report\nConforms: True\n") for _ in range(count)]
    if conforms and not checked:
        return results
    failing = {v for v in report.objects(None, SH.focusNode)} | {URIRef(v.node) for v in checked}
    graphs = [alone(i) for i in range(count)]
    suspects = [i for i, g in enumerate(graphs)
                if any((node, None, None) in g for node in failing)]
    if not suspects:  # a focus node no graph has as a subject (should not happen): check all
        suspects = range(count)
    for i in suspects:
        results[i] = validate_graph(graphs[i])
    return results


def validate_store(store) -> ValidationResult:
    """Validate everything in a GraphStore: the union of all its graphs, as one graph."""
    return validate_graph(_union(store.quads_for_pattern(None, None, None, None)))


def graph_from_nquads(*nquads: str) -> rdflib.Graph:
    """The union of N-Quads texts (a document's graph and its entities) as one rdflib Graph.

    What ``validate_graph`` takes, from what the pipeline hands the store.
    Parsed by pyoxigraph, which is faster than rdflib's N-Quads parser.
    """
    import pyoxigraph as ox

    text = "\n".join(nquads).encode("utf-8")
    return _union(ox.parse(text, format=ox.RdfFormat.N_QUADS))


def _union(quads) -> rdflib.Graph:
    union = rdflib.Graph()
    add = union.add
    terms: dict = {}  # pyoxigraph term -> rdflib term: a batch repeats most terms many times

    def term(t):
        try:
            return terms[t]
        except KeyError:
            converted = terms[t] = _to_rdflib(t)
            return converted

    for quad in quads:
        add((term(quad.subject), term(quad.predicate), term(quad.object)))
    return union


# --- helpers -----------------------------------------------------------------------------------

def _to_rdflib(term):
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # rdflib writes plain strings without a datatype
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unsupported RDF term {term!r}")


def _violations(report: rdflib.Graph) -> list[Violation]:
    out = []
    for result in set(report.objects(None, SH.result)):  # top level only, not sh:detail
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        constraint = report.value(result, SH.sourceConstraintComponent)
        out.append(Violation(
            focus_node=_show(report.value(result, SH.focusNode), report),
            path=_show(path, report) if path is not None else None,
            message=_message(result, report),
            severity=_SEVERITY_NAMES.get(report.value(result, SH.resultSeverity), "Violation"),
            value=_show(value, report) if value is not None else None,
            constraint=str(constraint).rpartition("#")[2] if constraint else None,
            node=str(report.value(result, SH.focusNode)),
        ))
    return out


def _message(result, report: rdflib.Graph) -> str:
    """The result's message, followed by the messages of nested results (sh:node, sh:or)."""
    message = str(report.value(result, SH.resultMessage) or "")
    details = sorted({str(m) for d in report.objects(result, SH.detail)
                      for m in report.objects(d, SH.resultMessage)})
    return message + "".join(f" [{d}]" for d in details)


def _show(term, graph: rdflib.Graph) -> str:
    """A term as people read it: prefixed name, literal text, or a SHACL path in SPARQL syntax."""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if term.startswith(str(ns)):
                return f"{prefix}:{term[len(str(ns)):]}"
        return f"<{term}>"
    if isinstance(term, BNode):
        alternatives = graph.value(term, SH.alternativePath)
        if alternatives is not None:
            return "|".join(_show(t, graph) for t in rdflib.collection.Collection(graph, alternatives))
        if graph.value(term, RDF.first) is not None:
            return "/".join(_show(t, graph) for t in rdflib.collection.Collection(graph, term))
        inverse = graph.value(term, SH.inversePath)
        if inverse is not None:
            return "^" + _show(inverse, graph)
        return f"_:{term}"
    return str(term)
