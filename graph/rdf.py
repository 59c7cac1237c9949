"""Facts -> RDF quads, as laid out in docs/rdf-design.md.

Each fact becomes a qualified statement node and a direct edge in the document's named graph,
with its evidence as a Web Annotation; entity types and names go to the shared entities graph.
Quads are pyoxigraph terms: the store takes them as they are, and they serialize fast.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from importlib.metadata import version

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .document import DocContext
from .facts import Fact
from .read import source_fingerprint
from .vocab import (
    ENTITY_CLASSES,
    ESG,
    FACT_KINDS,
    NOT_INFERRED,
    OA,
    ORGANIZATION_TYPES,
    QUALIFIERS,
    SCHEMA,
    Iris,
    short_hash,
    status_iri,
)

# Every statement names the extractor that made it: analysts filter on it, and a store's facts
# from before an extraction change can be told from those after (docs/curation.md).
EXTRACTOR_VERSION = version("esgkg")
_EXTRACTOR = ox.Literal(f"esgkg {EXTRACTOR_VERSION}")


def _n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


_TYPE = _n(RDF.type)
_LABEL = _n(RDFS.label)
_ALT = _n(SKOS.altLabel)
_XSD_INTEGER = _n(XSD.integer)
_XSD_DECIMAL = _n(XSD.decimal)
_XSD_DATE = _n(XSD.date)
_XSD_BOOLEAN = _n(XSD.boolean)


def _int(value) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_XSD_INTEGER)


@dataclass
class DocumentGraph:
    """One release as RDF: the quads of its own graph and those it adds to the entities graph."""

    doc_id: str
    document: list[ox.Quad] = field(default_factory=list)
    entities: list[ox.Quad] = field(default_factory=list)
    statements: int = 0
    # IRI of each node a fact made (statements, evidence) -> the fact's index: a SHACL violation
    # on one of them is that fact's, which can then be left out alone.
    fact_nodes: dict[str, int] = field(default_factory=dict)

    def nquads(self, which: str = "document") -> str:
        return ox.serialize(getattr(self, which), format=ox.RdfFormat.N_QUADS).decode()

    def __len__(self) -> int:
        return len(self.document) + len(self.entities)


class GraphBuilder:
    """Builds a release's quads with IRIs minted by ``iris``: the store's, so that what is built
    is what the store reads back (no base of its own from the environment)."""

    def __init__(self, iris: Iris):
        self.iris = iris

    def build(self, ctx: DocContext, facts: list[Fact]) -> DocumentGraph:
        """The release's quads: its description, its entities (minted once each, in the entities
        graph) and each fact's statement, direct edge, evidence and inferred years. One function
        over 60 lines on purpose: ``add`` and ``entity`` close over this document's graph and
        seen-entity set, which its helpers receive rather than keep as shared state."""
        release, iris = ctx.release, self.iris
        out = DocumentGraph(release.doc_id)
        graph = _n(iris.document_graph(release.doc_id))
        entities_graph = _n(iris.entities_graph)
        doc = _n(iris.document(release.doc_id))
        seen_entities: set[str] = set()

        def add(s, p, o):
            out.document.append(ox.Quad(s, _n(p) if not isinstance(p, ox.NamedNode) else p, o, graph))

        def entity(label: str, entity_type: str | None, aliases=()) -> ox.NamedNode:
            resolved = ctx.entities.resolve(label, entity_type)
            if entity_type == "organization":  # a conferring body: any kind of organization
                entity_type = resolved.type if resolved.type in ORGANIZATION_TYPES else "organization"
            entity_type = entity_type if entity_type in ENTITY_CLASSES else resolved.type
            entity_type = entity_type if entity_type in ENTITY_CLASSES else "organization"
            node = _n(iris.entity(entity_type, resolved.label))
            if node.value not in seen_entities:
                seen_entities.add(node.value)
                out.entities.append(ox.Quad(node, _TYPE, _n(ENTITY_CLASSES[entity_type]), entities_graph))
                out.entities.append(ox.Quad(node, _LABEL, ox.Literal(resolved.label), entities_graph))
                for alias in sorted(set(aliases) | resolved.aliases):
                    if alias != resolved.label:
                        out.entities.append(ox.Quad(node, _ALT, ox.Literal(alias), entities_graph))
                known = ctx.lexicon.lookup(resolved.label)
                if known and known.topic:
                    out.entities.append(ox.Quad(node, _n(ESG.topic), _n(ESG["topic_" + known.topic]), entities_graph))
            return node

        # the document itself
        add(doc, RDF.type, _n(ESG.Release))
        add(doc, DCTERMS.identifier, ox.Literal(release.doc_id))
        add(doc, DCTERMS.source, ox.Literal(release.path.name))
        add(doc, ESG.sourceFingerprint, ox.Literal(source_fingerprint(release.path)))
        add(doc, SCHEMA.text, ox.Literal(release.text))
        if ctx.meta.title:
            add(doc, DCTERMS.title, ox.Literal(ctx.meta.title))
        if ctx.meta.date:
            add(doc, DCTERMS.date, ox.Literal(ctx.meta.date.isoformat(), datatype=_XSD_DATE))
        if ctx.meta.place:
            add(doc, SCHEMA.locationCreated, entity(ctx.meta.place, "place"))
        if ctx.main:
            add(doc, SCHEMA.about, entity(ctx.main.label, "company"))

        for index, fact in enumerate(facts):
            kind = FACT_KINDS[fact.kind]
            subject = entity(fact.subject, fact.subject_type, fact.subject_aliases)
            obj = entity(fact.object, fact.object_type, fact.object_aliases)
            add(subject, kind.edge(fact.qualifiers), obj)
            statement = self._statement(fact, subject, obj, add, entity, doc)
            out.statements += 1
            for node in (statement, *self._evidence(fact, statement, add, doc)):
                out.fact_nodes[node.value] = index
            for year in inferred_years(fact):
                inferred = {name: value for name, value in fact.qualifiers.items()
                            if name not in NOT_INFERRED}
                inferred["year"] = year
                node = _n(iris.statement(fact.document, fact.kind,
                                         short_hash(fact.subject, fact.object, "inferred", year)))
                self._describe(node, fact.kind, subject, obj, inferred, add, entity, doc)
                add(node, ESG.inferred, ox.Literal("true", datatype=_XSD_BOOLEAN))
                add(node, PROV.wasDerivedFrom, statement)
                out.fact_nodes[node.value] = index
                out.statements += 1
        return out

    def _statement(self, fact, subject, obj, add, entity, doc) -> ox.NamedNode:
        digest = short_hash(fact.subject, fact.object, sorted(fact.qualifiers.items()))
        node = _n(self.iris.statement(fact.document, fact.kind, digest))
        self._describe(node, fact.kind, subject, obj, fact.qualifiers, add, entity, doc)
        return node

    def _describe(self, node, kind_name, subject, obj, qualifiers, add, entity, doc):
        kind = FACT_KINDS[kind_name]
        add(node, RDF.type, _n(kind.statement_class))
        add(node, ESG.kind, ox.Literal(kind_name))
        add(node, ESG.subject, subject)
        add(node, ESG.object, obj)
        add(node, PROV.wasDerivedFrom, doc)
        add(node, ESG.extractorVersion, _EXTRACTOR)
        for name, value in qualifiers.items():
            if name not in kind.qualifiers or value is None:
                continue
            predicate, value_kind = QUALIFIERS[name]
            if value_kind == "integer":
                term = _int(value)
            elif value_kind == "decimal":
                term = ox.Literal(format(Decimal(str(value)).normalize(), "f"), datatype=_XSD_DECIMAL)
            elif value_kind == "status":
                term = _n(status_iri(value))
            elif value_kind.startswith("entity:"):
                term = entity(str(value), value_kind.split(":", 1)[1])
            else:
                term = ox.Literal(str(value))
            add(node, predicate, term)

    def _evidence(self, fact: Fact, statement: ox.NamedNode, add, doc) -> tuple[ox.NamedNode, ...]:
        """The evidence annotation of a statement; returns the nodes it made."""
        annotation = _n(self.iris.evidence(statement.value))
        target, quote, position = (_n(f"{annotation.value}/{part}") for part in ("target", "quote", "position"))
        add(statement, ESG.evidence, annotation)
        add(annotation, RDF.type, _n(OA.Annotation))
        add(annotation, OA.motivatedBy, _n(OA.describing))
        add(annotation, OA.hasBody, statement)
        add(annotation, OA.hasTarget, target)
        add(target, RDF.type, _n(OA.SpecificResource))
        add(target, OA.hasSource, doc)
        add(target, OA.hasSelector, quote)
        add(target, OA.hasSelector, position)
        add(quote, RDF.type, _n(OA.TextQuoteSelector))
        add(quote, OA.exact, ox.Literal(fact.evidence))
        add(position, RDF.type, _n(OA.TextPositionSelector))
        add(position, OA.start, _int(fact.start))
        add(position, OA.end, _int(fact.end))
        return annotation, target, quote, position


# A longer run than any index has existed for is a misreading ('for the 2021st consecutive year'),
# not fifty statements to infer.
MAX_STREAK_YEARS = 50


def inferred_years(fact: Fact) -> list[int]:
    """'6th consecutive year' in 2021 also states 2016-2020."""
    year, streak = fact.qualifiers.get("year"), fact.qualifiers.get("consecutive_years")
    if fact.kind != "index_inclusion" or not year or not streak or streak > MAX_STREAK_YEARS:
        return []
    return [year - back for back in range(streak - 1, 0, -1)]
