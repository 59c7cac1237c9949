"""A small hand-built graph in the shape of docs/rdf-design.md: three invented releases.

Stands in for the text pipeline in export and analysis tests: Acme and Globex share ISO 14001 and
RE100, Acme and Initech both rank in the DJSI World.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from esgkg.graph.store import GraphStore
from esgkg.graph.vocab import ENTITY_CLASSES, ESG, FACT_KINDS, OA, QUALIFIERS, Iris, short_hash, status_iri

ENTITIES = {  # label -> (type, aliases)
    "Acme Corporation": ("company", ("Acme",)),
    "Globex Ltd": ("company", ()),
    "Initech Inc": ("company", ("Initech",)),
    "ISO 14001": ("standard", ()),
    "ISO 50001": ("standard", ()),
    "ISO 45001": ("standard", ()),
    "RE100": ("initiative", ()),
    "DJSI World": ("index", ("Dow Jones Sustainability World Index",)),
    "Green Factory Award": ("award", ()),
    "Ministry of Environment": ("agency", ()),
    "Taipei": ("place", ()),
    "renewable electricity share": ("metric", ()),
}

DOCUMENTS = {
    "acme-green-2023": [
        ("certification", "Acme Corporation", "ISO 14001", {"status": "held"},
         "Acme Corporation holds ISO 14001 certification."),
        ("membership", "Acme Corporation", "RE100", {"since": 2020},
         "Acme joined RE100 in 2020."),
        ("index_inclusion", "Acme Corporation", "DJSI World",
         {"year": 2023, "consecutive_years": 3, "rank": "top"},
         "Acme was ranked top of its industry in the DJSI World for the 3rd consecutive year."),
        ("award", "Acme Corporation", "Green Factory Award",
         {"year": 2023, "level": "Gold", "awarded_by": "Ministry of Environment"},
         "Acme received the 2023 Green Factory Award (Gold) from the Ministry of Environment."),
    ],
    "globex-esg-2023": [
        ("certification", "Globex Ltd", "ISO 14001", {"status": "held"},
         "Globex Ltd is certified to ISO 14001."),
        ("certification", "Globex Ltd", "ISO 50001", {"status": "in_progress"},
         "Globex is working towards ISO 50001 certification."),
        ("membership", "Globex Ltd", "RE100", {}, "Globex is a member of RE100."),
        ("metric", "Globex Ltd", "renewable electricity share",
         {"value": "45.5", "unit": "%", "year": 2023},
         "Renewable electricity reached 45.5% of Globex's use in 2023."),
    ],
    "initech-2022": [
        ("index_inclusion", "Initech Inc", "DJSI World", {"year": 2022},
         "Initech Inc was included in the DJSI World in 2022."),
        ("certification", "Initech Inc", "ISO 45001", {"status": "held"},
         "Initech holds ISO 45001 certification — “safety first”."),
        ("located_in", "Initech Inc", "Taipei", {}, "Initech Inc, based in Taipei, ..."),
    ],
}


# --- the design's shapes, written by hand (the oracle the pipeline's own writer is checked against)

def add_entity(g, iris: Iris, etype: str, label: str, aliases=()) -> URIRef:
    """An entity in the entities graph G: its class, its label and its aliases."""
    iri = URIRef(iris.entity(etype, label))
    g.add((iri, RDF.type, ENTITY_CLASSES[etype]))
    g.add((iri, RDFS.label, Literal(label)))
    for alias in aliases:
        g.add((iri, SKOS.altLabel, Literal(alias)))
    return iri


def add_statement(g, iris: Iris, st: URIRef, kind: str, subject: URIRef, obj: URIRef, qualifiers: dict,
                  doc: URIRef, entity=lambda value: value) -> None:
    """A statement node as docs/rdf-design.md draws it: its direct edge, class, kind, subject,
    object, source and each qualifier as its value kind says (``entity`` links an entity-valued
    one: it gets the qualifier's value and returns the entity's IRI)."""
    spec = FACT_KINDS[kind]
    g.add((subject, spec.edge(qualifiers), obj))
    g.add((st, RDF.type, spec.statement_class))
    g.add((st, ESG.kind, Literal(kind)))
    g.add((st, ESG.subject, subject))
    g.add((st, ESG.object, obj))
    g.add((st, PROV.wasDerivedFrom, doc))
    for name, value in qualifiers.items():
        prop, value_kind = QUALIFIERS[name]
        if value_kind == "integer":
            term = Literal(value, datatype=XSD.integer)
        elif value_kind == "decimal":
            term = Literal(str(value), datatype=XSD.decimal)
        elif value_kind == "status":
            term = status_iri(value)
        elif value_kind.startswith("entity:"):
            term = entity(value)
        else:
            term = Literal(value)
        g.add((st, prop, term))


def add_evidence(g, iris: Iris, st: URIRef, doc: URIRef, exact: str, start: int) -> URIRef:
    """The Web Annotation of a statement's sentence: ``exact`` at character ``start`` of DOC."""
    ev = URIRef(iris.evidence(str(st)))
    target, quote, position = (URIRef(f"{ev}/{part}") for part in ("target", "quote", "position"))
    g.add((st, ESG.evidence, ev))
    g.add((ev, RDF.type, OA.Annotation))
    g.add((ev, OA.motivatedBy, OA.describing))
    g.add((ev, OA.hasBody, st))
    g.add((ev, OA.hasTarget, target))
    g.add((target, RDF.type, OA.SpecificResource))
    g.add((target, OA.hasSource, doc))
    g.add((target, OA.hasSelector, quote))
    g.add((target, OA.hasSelector, position))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(exact)))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, Literal(start, datatype=XSD.integer)))
    g.add((position, OA.end, Literal(start + len(exact), datatype=XSD.integer)))
    return ev


def add_inferred(g, inferred: URIRef, kind: str, subject: URIRef, obj: URIRef, year: int,
                 st: URIRef, doc: URIRef) -> None:
    """An earlier year a streak implies: a statement of its own, derived from ST (and DOC)."""
    g.add((inferred, RDF.type, FACT_KINDS[kind].statement_class))
    g.add((inferred, ESG.kind, Literal(kind)))
    g.add((inferred, ESG.subject, subject))
    g.add((inferred, ESG.object, obj))
    g.add((inferred, ESG.year, Literal(year, datatype=XSD.integer)))
    g.add((inferred, ESG.inferred, Literal(True)))
    g.add((inferred, PROV.wasDerivedFrom, st))
    g.add((inferred, PROV.wasDerivedFrom, doc))     # as graph/rdf.py writes it


def build_dataset(iris: Iris) -> Dataset:
    ds = Dataset()
    entities = ds.graph(URIRef(iris.entities_graph))

    def entity(label: str) -> URIRef:
        etype, aliases = ENTITIES[label]
        return add_entity(entities, iris, etype, label, aliases)

    for doc_id, facts in DOCUMENTS.items():
        g = ds.graph(URIRef(iris.document_graph(doc_id)))
        doc = URIRef(iris.document(doc_id))
        text = " ".join(f[4] for f in facts)
        g.add((doc, RDF.type, ESG.Release))
        g.add((doc, DCTERMS.identifier, Literal(doc_id)))
        g.add((doc, DCTERMS.title, Literal(f"Release {doc_id}", lang="en")))
        g.add((doc, DCTERMS.date, Literal("2023-05-01", datatype=XSD.date)))
        g.add((doc, URIRef("https://schema.org/text"), Literal(text)))
        for kind, subject, obj, quals, sentence in facts:
            s, o = entity(subject), entity(obj)
            st = URIRef(iris.statement(doc_id, kind, short_hash(subject, obj, sorted(quals.items()))))
            add_statement(g, iris, st, kind, s, o, quals, doc, entity)
            add_evidence(g, iris, st, doc, sentence, text.index(sentence))
            years = quals.get("consecutive_years")
            for earlier in range(quals.get("year", 0) - (years or 1) + 1, quals.get("year", 0)):
                add_inferred(g, URIRef(f"{st}-{earlier}"), kind, s, o, earlier, st, doc)
    # Something in the default graph and a blank node, so exports handle both.
    ds.default_graph.add((URIRef(iris.base), RDFS.comment, Literal("esgkg test store")))
    note = BNode()
    ds.default_graph.add((URIRef(iris.base), RDFS.seeAlso, note))
    ds.default_graph.add((note, RDFS.label, Literal("note", lang="en")))
    return ds


def build_store(path=None) -> tuple[GraphStore, Dataset]:
    store = GraphStore(path)
    ds = build_dataset(store.iris)
    store.ox.load(ds.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS)
    store.flush()
    return store, ds
