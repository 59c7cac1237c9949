"""Curation: people's decisions on extracted facts, kept as data and re-applied on every write.

A decision (reject a fact, or correct its object or a qualifier) lives in the curation graph
(``{base}graph/curation``) with PROV-O's who, when and why, and is keyed to the fact's identity:
document, kind, subject, object and the evidence sentence's offsets, so a new extraction of the
document (re-ingest, a new extractor version) finds the same fact again.

A document's graph holds the curated facts, so every reader (the explorer, the SPARQL union
default graph, exports) sees them without knowing about curation. An overridden statement keeps
what extraction produced as one N-Triples literal (``esg:extracted``) and names its decisions
(``esg:curatedBy``): ``raw`` puts extraction's quads back, and ``curate`` applies the decisions
to them again. A decision whose fact no longer appears is orphaned: no statement names it.
See docs/curation.md.
"""
from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from .vocab import CERTIFICATION_STATUSES, ESG, FACT_KINDS, QUALIFIERS, Iris, is_doc_id, status_iri

PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ACTIONS = ("reject", "correct")


def _n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


_KIND, _SUBJECT, _OBJECT = _n(ESG.kind), _n(ESG.subject), _n(ESG.object)
_EVIDENCE, _INFERRED = _n(ESG.evidence), _n(ESG.inferred)
_CURATED_BY, _EXTRACTED = _n(ESG.curatedBy), _n(ESG.extracted)
_DERIVED = _n(PROV + "wasDerivedFrom")
_TARGET, _SELECTOR = _n(OA + "hasTarget"), _n(OA + "hasSelector")
_START, _END = _n(OA + "start"), _n(OA + "end")
_INTEGER, _DECIMAL, _DATETIME = _n(XSD + "integer"), _n(XSD + "decimal"), _n(XSD + "dateTime")
_STATUS_NAMES = {str(status_iri(s)): s for s in CERTIFICATION_STATUSES}


class CurationError(ValueError):
    """A decision that cannot be made as asked; the message says why, for people."""


class NoSuchFact(CurationError):
    """The statement decided on is no fact of its document."""


def curation_graph(iris: Iris) -> str:
    return f"{iris.base}graph/curation"


@dataclass(frozen=True)
class FactKey:
    """What makes an extracted fact the same fact in another extraction of its document."""

    document: str
    kind: str
    subject: str
    object: str
    start: int
    end: int


@dataclass
class Decision:
    iri: str
    action: str                       # "reject" or "correct"
    key: FactKey
    statement: str                    # the statement it was made on
    by: str
    reason: str
    at: str                           # xsd:dateTime, UTC
    changes: dict = field(default_factory=dict)    # field -> new value (correct)
    was: dict = field(default_factory=dict)        # field -> extraction's value (correct)
    applied_to: str | None = None     # the statement that names it now; None: orphaned

    def to_json(self) -> dict:
        return {"decision": self.iri, "id": self.iri.rsplit("/", 1)[-1], "action": self.action,
                "document": self.key.document, "kind": self.key.kind,
                "subject_iri": self.key.subject, "object_iri": self.key.object,
                "evidence_start": self.key.start, "evidence_end": self.key.end,
                "statement": self.statement, "by": self.by, "reason": self.reason, "at": self.at,
                "changes": self.changes, "was": self.was, "applied_to": self.applied_to,
                "orphaned": self.applied_to is None}


# --- reading decisions ------------------------------------------------------------------------
def decisions(store, document: str | None = None) -> list[Decision]:
    """Every decision (or one document's), oldest first, each with the statement applying it."""
    cur = curation_graph(store.iris)
    if document is not None and not is_doc_id(document):
        raise CurationError(f"not a document id: {document!r}")
    only = f'FILTER(?document = "{document}")' if document else ""
    text = f"""
PREFIX esg: <{ESG}>
PREFIX prov: <{PROV}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?d ?action ?document ?kind ?s ?o ?start ?end ?st ?by ?reason ?at ?changes ?was ?applied
WHERE {{
  GRAPH <{cur}> {{
    ?d a esg:CurationDecision ; esg:action ?action ; esg:factDocument ?document ;
       esg:factKind ?kind ; esg:factSubject ?s ; esg:factObject ?o ; esg:evidenceStart ?start ;
       esg:evidenceEnd ?end ; esg:overrides ?st ; prov:endedAtTime ?at ; esg:reason ?reason ;
       esg:changes ?changes ; esg:extractedValues ?was ;
       prov:wasAssociatedWith/rdfs:label ?by .
    {only}
  }}
  OPTIONAL {{ GRAPH ?g {{ ?applied esg:curatedBy ?d }} }}
}} ORDER BY ?at ?d"""
    out: dict[str, Decision] = {}
    for row in store.query(text):
        iri = row["d"].value
        if iri in out:
            continue
        key = FactKey(row["document"].value, row["kind"].value, row["s"].value, row["o"].value,
                      int(row["start"].value), int(row["end"].value))
        out[iri] = Decision(iri, row["action"].value, key, row["st"].value, row["by"].value,
                            row["reason"].value, row["at"].value,
                            json.loads(row["changes"].value), json.loads(row["was"].value),
                            row["applied"].value if row["applied"] is not None else None)
    return list(out.values())


# --- applying decisions to a document's quads --------------------------------------------------
def _graph_store(nquads: str) -> ox.Store:
    store = ox.Store()
    if nquads.strip():
        store.load(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return store


def _group(store: ox.Store, statement: ox.NamedNode) -> list[ox.Quad]:
    """A stated statement's quads: itself, its evidence annotation and the years inferred from it
    (its direct edge is not among them: another statement may state the same edge)."""
    quads = list(store.quads_for_pattern(statement, None, None))
    for quad in list(quads):
        if quad.predicate == _EVIDENCE:
            annotation = quad.object
            quads += store.quads_for_pattern(annotation, None, None)
            for target in store.quads_for_pattern(annotation, _TARGET, None):
                quads += store.quads_for_pattern(target.object, None, None)
                for selector in store.quads_for_pattern(target.object, _SELECTOR, None):
                    quads += store.quads_for_pattern(selector.object, None, None)
    for derived in store.quads_for_pattern(None, _DERIVED, statement):
        if any(store.quads_for_pattern(derived.subject, _INFERRED, None)):
            quads += store.quads_for_pattern(derived.subject, None, None)
    return list(dict.fromkeys(quads))


def _one(store: ox.Store, subject, predicate):
    return next((q.object for q in store.quads_for_pattern(subject, predicate, None)), None)


def _edge(store: ox.Store, statement) -> ox.Quad | None:
    """The direct edge a statement states, by its kind and status."""
    kind, subject, obj = (_one(store, statement, p) for p in (_KIND, _SUBJECT, _OBJECT))
    if kind is None or subject is None or obj is None:
        return None
    status = _one(store, statement, _n(QUALIFIERS["status"][0]))
    qualifiers = {"status": _STATUS_NAMES.get(status.value)} if status is not None else {}
    graph = next(iter(store.quads_for_pattern(statement, _KIND, None))).graph_name
    return ox.Quad(subject, _n(FACT_KINDS[kind.value].edge(qualifiers)), obj, graph)


def _statements_of(store: ox.Store, quads) -> set:
    return {q.subject for q in quads if q.predicate == _KIND}


def _drop(store: ox.Store, quads: list[ox.Quad]) -> None:
    """Remove quads, and the direct edges of their statements that no other statement states."""
    edges = {e for e in (_edge(store, st) for st in _statements_of(store, quads)) if e}
    for quad in quads:
        store.remove(quad)
    for edge in edges:
        if not any(_edge(store, q.subject) == edge
                   for q in store.quads_for_pattern(None, _SUBJECT, edge.subject, edge.graph_name)):
            store.remove(edge)


def _add(store: ox.Store, quads) -> None:
    quads = list(quads)
    for quad in quads:
        store.add(quad)
    for statement in _statements_of(store, quads):
        edge = _edge(store, statement)
        if edge is not None:
            store.add(edge)


def _serialize(store: ox.Store) -> str:
    return ox.serialize(store, format=ox.RdfFormat.N_QUADS).decode()


def _triples_text(quads) -> str:
    return ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES).decode()


def _revert(store: ox.Store) -> None:
    """Put extraction's quads back in place of every overridden statement."""
    for stash in list(store.quads_for_pattern(None, _EXTRACTED, None)):
        statement, graph = stash.subject, stash.graph_name
        _drop(store, _group(store, statement))
        _add(store, (ox.Quad(t.subject, t.predicate, t.object, graph)
                     for t in ox.parse(stash.object.value.encode(), format=ox.RdfFormat.N_TRIPLES)))


def raw(document_nquads: str) -> str:
    """A document graph as extraction produced it (the curated graph without its decisions)."""
    store = _graph_store(document_nquads)
    _revert(store)
    return _serialize(store)


def key_of(store: ox.Store, statement) -> FactKey | None:
    """The identity of a stated statement (None for an inferred one: it has no evidence)."""
    kind, subject, obj = (_one(store, statement, p) for p in (_KIND, _SUBJECT, _OBJECT))
    annotation = _one(store, statement, _EVIDENCE)
    if None in (kind, subject, obj, annotation):
        return None
    target = _one(store, annotation, _TARGET)
    for selector in store.quads_for_pattern(target, _SELECTOR, None):
        start, end = _one(store, selector.object, _START), _one(store, selector.object, _END)
        if start is not None and end is not None:
            doc = _one(store, statement, _DERIVED)     # {base}doc/{doc_id}
            return FactKey(doc.value.rsplit("/doc/", 1)[-1], kind.value, subject.value, obj.value,
                           int(start.value), int(end.value))
    return None


def curate(raw_nquads: str, found: list[Decision]) -> tuple[str, set[str]]:
    """The curated document graph: FOUND's decisions (oldest first) applied to extraction's
    quads. Returns it with the decisions that found their fact."""
    store = _graph_store(raw_nquads)
    by_key = {}
    for statement in _statements_of(store, store):
        key = key_of(store, statement)
        if key is not None:
            by_key[key] = statement
    applied: set[str] = set()
    stashed: set = set()
    rejected: set = set()
    for decision in found:
        statement = by_key.get(decision.key)
        if statement is None:
            continue
        applied.add(decision.iri)
        group = _group(store, statement)
        graph = group[0].graph_name
        if statement not in stashed:
            stashed.add(statement)
            group.append(_edge(store, statement))
            store.add(ox.Quad(statement, _EXTRACTED, ox.Literal(_triples_text(group)), graph))
            group.pop()
        if decision.action == "reject":
            rejected.add(statement)
            _drop(store, [q for q in group if q.subject != statement
                          or q.predicate not in (_EXTRACTED, _CURATED_BY)])
        elif statement not in rejected:  # a correction of a rejected fact waits for its undo
            _correct(store, statement, group, decision.changes)
        store.add(ox.Quad(statement, _CURATED_BY, _n(decision.iri), graph))
    return _serialize(store), applied


def _correct(store: ox.Store, statement, group: list[ox.Quad], changes: dict) -> None:
    """Change a statement's object or qualifiers (the years inferred from it go when the year or
    the streak changes: they would no longer follow)."""
    graph = group[0].graph_name
    targets = [statement]
    if {"year", "consecutive_years"} & changes.keys():
        _drop(store, [q for q in group if q.subject != statement
                      and any(store.quads_for_pattern(q.subject, _INFERRED, None))])
    else:
        targets += [q.subject for q in store.quads_for_pattern(None, _DERIVED, statement)
                    if any(store.quads_for_pattern(q.subject, _INFERRED, None))]
    for node in targets:
        before = _edge(store, node)
        for name, value in changes.items():
            predicate = _OBJECT if name == "object" else _n(QUALIFIERS[name][0])
            for quad in list(store.quads_for_pattern(node, predicate, None)):
                store.remove(quad)
            if value is not None:
                store.add(ox.Quad(node, predicate, _term(name, value), graph))
        after = _edge(store, node)
        if after != before:
            if not any(_edge(store, q.subject) == before for q in
                       store.quads_for_pattern(None, _SUBJECT, before.subject, graph)):
                store.remove(before)
            store.add(after)


def _term(name: str, value):
    if name == "object":
        return _n(value)
    value_kind = QUALIFIERS[name][1]
    if value_kind == "integer":
        return ox.Literal(str(value), datatype=_INTEGER)
    if value_kind == "decimal":
        return ox.Literal(str(value), datatype=_DECIMAL)
    if value_kind == "status":
        return _n(status_iri(value))
    if value_kind.startswith("entity:"):
        return _n(value)
    return ox.Literal(value)


def curated(store, doc_id: str, document_nquads: str) -> str:
    """A newly extracted document graph with the store's decisions on it applied (ingest)."""
    found = decisions(store, doc_id)
    return curate(document_nquads, found)[0] if found else document_nquads


# --- making and undoing decisions ------------------------------------------------------------
def check_changes(store, kind: str, changes) -> dict:
    """The corrections asked for, as values the graph can hold; CurationError otherwise."""
    if not isinstance(changes, dict) or not changes:
        raise CurationError('a correction needs "changes": {"field": new value, ...}')
    allowed = ("object", *FACT_KINDS[kind].qualifiers)
    out = {}
    for name, value in changes.items():
        if name not in allowed:
            raise CurationError(f"a {kind} fact has no field {name!r}; it has: {', '.join(allowed)}")
        if value is None:
            if name == "object":
                raise CurationError("the object cannot be removed; reject the fact instead")
            out[name] = None
            continue
        value_kind = "entity:" if name == "object" else QUALIFIERS[name][1]
        out[name] = _checked_value(store, name, value_kind, value)
    return out


def _checked_value(store, name: str, value_kind: str, value):
    if value_kind == "integer":
        if isinstance(value, bool) or not re.fullmatch(r"-?\d{1,9}", str(value).strip()):
            raise CurationError(f"{name} must be a whole number, not {value!r}")
        return int(str(value).strip())
    if value_kind == "decimal":
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise CurationError(f"{name} must be a number, not {value!r}") from None
        if not number.is_finite():
            raise CurationError(f"{name} must be a finite number, not {value!r}")
        return format(number.normalize(), "f")       # xsd:decimal's form, as rdf.py writes it
    if value_kind == "status":
        if value not in CERTIFICATION_STATUSES:
            raise CurationError(f"status must be one of {', '.join(CERTIFICATION_STATUSES)}, "
                                f"not {value!r}")
        return value
    if value_kind.startswith("entity:"):
        if not isinstance(value, str) or not value.startswith(("http://", "https://")) \
                or re.search(r"[\s<>\"{}|\\^`]", value):
            raise CurationError(f"{name} must be the IRI of an entity of the store, not {value!r}")
        known = store.quads_for_pattern(_n(value), RDF_TYPE, None, _n(store.iris.entities_graph))
        if not any(known):
            raise CurationError(f"{value} is no entity of the store (give the IRI of one)")
        return value
    if not isinstance(value, str) or not value.strip():
        raise CurationError(f"{name} must be a non-empty text, not {value!r}")
    return value.strip()


def extracted_of(document_nquads: str, statement: str) -> tuple[FactKey, dict]:
    """A statement's identity and its fields as extraction gave them; CurationError when it is
    not a stated fact of the document."""
    store = _graph_store(raw(document_nquads))
    node = _n(statement)
    if not any(store.quads_for_pattern(node, _KIND, None)):
        raise NoSuchFact(f"no fact {statement} in its document")
    key = key_of(store, node)
    if key is None:
        source = _one(store, node, _DERIVED)
        raise CurationError(f"{statement} is a year inferred from {source.value}; "
                            "decide on that stated fact instead")
    values = {"object": key.object}
    for name in FACT_KINDS[key.kind].qualifiers:
        term = _one(store, node, _n(QUALIFIERS[name][0]))
        if term is not None:
            values[name] = int(term.value) if QUALIFIERS[name][1] == "integer" \
                else _STATUS_NAMES.get(term.value, term.value)
    return key, values


def new_decision(iris: Iris, action: str, key: FactKey, statement: str, by: str, reason: str,
                 changes: dict | None = None, was: dict | None = None) -> Decision:
    if action not in ACTIONS:
        raise CurationError(f"unknown action {action!r}")
    for name, text in (("by", by), ("reason", reason)):
        if not isinstance(text, str) or not text.strip():
            raise CurationError(f'a decision needs "{name}": who decides, and why')
    changes = changes or {}
    was = {name: (was or {}).get(name) for name in changes}
    at = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    return Decision(f"{iris.base}id/decision/{uuid.uuid4().hex}", action, key, statement,
                    by.strip(), reason.strip(), at, changes, was)


def decision_quads(iris: Iris, decision: Decision) -> list[ox.Quad]:
    """A decision as PROV-O data in the curation graph: an activity associated with its curator,
    ended at its time, with its reason, the fact it is keyed to and what it overrides."""
    graph, d = _n(curation_graph(iris)), _n(decision.iri)
    agent = _n(f"{iris.base}id/curator/{re.sub(r'[^a-z0-9]+', '-', decision.by.lower()).strip('-') or 'someone'}")
    key = decision.key
    triples = [
        (d, RDF_TYPE, _n(ESG.CurationDecision)), (d, RDF_TYPE, _n(PROV + "Activity")),
        (d, _n(ESG.action), ox.Literal(decision.action)),
        (d, _n(PROV + "wasAssociatedWith"), agent),
        (agent, RDF_TYPE, _n(PROV + "Agent")), (agent, RDFS_LABEL, ox.Literal(decision.by)),
        (d, _n(PROV + "endedAtTime"), ox.Literal(decision.at, datatype=_DATETIME)),
        (d, _n(ESG.reason), ox.Literal(decision.reason)),
        (d, _n(ESG.overrides), _n(decision.statement)),
        (d, _n(ESG.factDocument), ox.Literal(key.document)),
        (d, _n(ESG.factKind), ox.Literal(key.kind)),
        (d, _n(ESG.factSubject), _n(key.subject)), (d, _n(ESG.factObject), _n(key.object)),
        (d, _n(ESG.evidenceStart), ox.Literal(str(key.start), datatype=_INTEGER)),
        (d, _n(ESG.evidenceEnd), ox.Literal(str(key.end), datatype=_INTEGER)),
        (d, _n(ESG.changes), ox.Literal(json.dumps(decision.changes, sort_keys=True))),
        (d, _n(ESG.extractedValues), ox.Literal(json.dumps(decision.was, sort_keys=True))),
    ]
    if decision.action == "reject":
        triples.append((d, _n(PROV + "invalidated"), _n(decision.statement)))
    return [ox.Quad(s, p, o, graph) for s, p, o in triples]


def rewrite_update(iris: Iris, doc_id: str, document_nquads: str, add: Decision | None = None,
                   undo: str | None = None) -> str:
    """One SPARQL update that records a new decision (or removes one) and rewrites the document's
    graph with every decision on it: one transaction, so the two never disagree."""
    from .store import _as_graph_blocks

    cur = curation_graph(iris)
    parts = []
    if undo:
        parts.append(f"DELETE WHERE {{ GRAPH <{cur}> {{ <{undo}> ?p ?o }} }}")
    if add:
        parts.append("INSERT DATA { " + _as_graph_blocks(
            ox.serialize(decision_quads(iris, add), format=ox.RdfFormat.N_QUADS).decode()) + " }")
    parts.append(f"DROP SILENT GRAPH <{iris.document_graph(doc_id)}>")
    if document_nquads.strip():
        parts.append("INSERT DATA { " + _as_graph_blocks(document_nquads) + " }")
    return " ;\n".join(parts)


def document_nquads(store, doc_id: str) -> str:
    """A document's graph as stored (curated), as N-Quads text."""
    graph = _n(store.iris.document_graph(doc_id))
    return ox.serialize(store.quads_for_pattern(None, None, None, graph),
                        format=ox.RdfFormat.N_QUADS).decode()


def decide(store, update, statement: str, action: str, body: dict) -> Decision:
    """Record a decision on STATEMENT and apply it, through ``update(sparql_text)``."""
    doc_id = statement_document(store.iris, statement)
    current = document_nquads(store, doc_id)
    key, values = extracted_of(current, statement)
    changes = check_changes(store, key.kind, body.get("changes")) if action == "correct" else {}
    decision = new_decision(store.iris, action, key, statement, body.get("by"),
                            body.get("reason"), changes, values)
    found = decisions(store, doc_id) + [decision]
    text, applied = curate(raw(current), found)
    update(rewrite_update(store.iris, doc_id, text, add=decision))
    decision.applied_to = statement if decision.iri in applied else None
    return decision


def undo(store, update, decision_iri: str) -> Decision:
    """Remove a decision and rewrite its document without it."""
    found = {d.iri: d for d in decisions(store)}
    decision = found.get(decision_iri)
    if decision is None:
        raise LookupError(f"no decision {decision_iri}")
    doc_id = decision.key.document
    current = document_nquads(store, doc_id)
    rest = [d for d in found.values() if d.key.document == doc_id and d.iri != decision_iri]
    text = curate(raw(current), rest)[0] if current.strip() else ""
    update(rewrite_update(store.iris, doc_id, text, undo=decision_iri))
    return decision


def statement_document(iris: Iris, statement: str) -> str:
    prefix = f"{iris.base}id/statement/"
    if not statement.startswith(prefix) or "/" not in statement[len(prefix):]:
        raise CurationError(f"not a statement IRI of this store: {statement}")
    return statement[len(prefix):].split("/", 1)[0]


def extracted_quads(store) -> tuple[list[ox.Quad], dict[str, list[str]]]:
    """What extraction produced for every overridden statement of the store, as quads in their
    documents' graphs (with the documents' own description, so they read as facts), and the
    decisions that name each statement."""
    text = f"""PREFIX esg: <{ESG}>
SELECT ?g ?st ?x ?d WHERE {{ GRAPH ?g {{ ?st esg:extracted ?x ; esg:curatedBy ?d }} }}"""
    quads, named = [], {}
    for row in store.query(text):
        graph, statement = row["g"], row["st"].value
        if statement not in named:
            quads += [ox.Quad(t.subject, t.predicate, t.object, graph) for t in
                      ox.parse(row["x"].value.encode(), format=ox.RdfFormat.N_TRIPLES)]
            doc_id = store.iris.doc_id_of_graph(graph.value)
            doc = _n(store.iris.document(doc_id))
            quads += [ox.Quad(doc, RDF_TYPE, _n(ESG.Release), graph),
                      ox.Quad(doc, _n("http://purl.org/dc/terms/identifier"), ox.Literal(doc_id), graph)]
        named.setdefault(statement, []).append(row["d"].value)
    return list(dict.fromkeys(quads)), named
