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


def build_dataset(iris: Iris) -> Dataset:
    ds = Dataset()
    entities = ds.graph(URIRef(iris.entities_graph))

    def entity(label: str) -> URIRef:
        etype, aliases = ENTITIES[label]
        iri = URIRef(iris.entity(etype, label))
        entities.add((iri, RDF.type, ENTITY_CLASSES[etype]))
        entities.add((iri, RDFS.label, Literal(label)))
        for alias in aliases:
            entities.add((iri, SKOS.altLabel, Literal(alias)))
        return iri

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
            spec = FACT_KINDS[kind]
            s, o = entity(subject), entity(obj)
            g.add((s, spec.edge(quals), o))
            st = URIRef(iris.statement(doc_id, kind, short_hash(subject, obj, sorted(quals.items()))))
            ev = URIRef(iris.evidence(str(st)))
            g.add((st, RDF.type, spec.statement_class))
            g.add((st, ESG.kind, Literal(kind)))
            g.add((st, ESG.subject, s))
            g.add((st, ESG.object, o))
            g.add((st, PROV.wasDerivedFrom, doc))
            g.add((st, ESG.evidence, ev))
            for name, value in quals.items():
                prop, vkind = QUALIFIERS[name]
                if vkind == "integer":
                    g.add((st, prop, Literal(value, datatype=XSD.integer)))
                elif vkind == "decimal":
                    g.add((st, prop, Literal(value, datatype=XSD.decimal)))
                elif vkind == "status":
                    g.add((st, prop, status_iri(value)))
                elif vkind.startswith("entity"):
                    g.add((st, prop, entity(value)))
                else:
                    g.add((st, prop, Literal(value)))
            start = text.index(sentence)
            target, quote, position = (URIRef(f"{ev}/target"), URIRef(f"{ev}/quote"),
                                       URIRef(f"{ev}/position"))
            g.add((ev, RDF.type, OA.Annotation))
            g.add((ev, OA.motivatedBy, OA.describing))
            g.add((ev, OA.hasBody, st))
            g.add((ev, OA.hasTarget, target))
            g.add((target, RDF.type, OA.SpecificResource))
            g.add((target, OA.hasSource, doc))
            g.add((target, OA.hasSelector, quote))
            g.add((target, OA.hasSelector, position))
            g.add((quote, RDF.type, OA.TextQuoteSelector))
            g.add((quote, OA.exact, Literal(sentence)))
            g.add((position, RDF.type, OA.TextPositionSelector))
            g.add((position, OA.start, Literal(start, datatype=XSD.integer)))
            g.add((position, OA.end, Literal(start + len(sentence), datatype=XSD.integer)))
            years = quals.get("consecutive_years")
            for earlier in range(quals.get("year", 0) - (years or 1) + 1, quals.get("year", 0)):
                inferred = URIRef(f"{st}-{earlier}")
                g.add((inferred, RDF.type, spec.statement_class))
                g.add((inferred, ESG.kind, Literal(kind)))
                g.add((inferred, ESG.subject, s))
                g.add((inferred, ESG.object, o))
                g.add((inferred, ESG.year, Literal(earlier, datatype=XSD.integer)))
                g.add((inferred, ESG.inferred, Literal(True)))
                g.add((inferred, PROV.wasDerivedFrom, st))
                g.add((inferred, PROV.wasDerivedFrom, doc))     # as graph/rdf.py writes it
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
