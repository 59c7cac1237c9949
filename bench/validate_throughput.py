"""pySHACL throughput of graph/validate.py on synthetic document graphs shaped like the pipeline's.

Run: ``.venv/bin/python -m esgkg.bench.validate_throughput [--sizes 100 500 2000] [--single 200]``

Each synthetic document is a release, 8 statements of mixed kinds with evidence annotations and
its entities' types and labels (202 triples: above the pipeline's typical 40-150). It prints wall
and CPU time; on a shared machine CPU time is the fair figure. What it printed on the 2-core
development machine, and the choices it justifies, are in the docstring of graph/validate.py.
"""
from __future__ import annotations

import argparse
import sys
import time

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from esgkg.graph import vocab
from esgkg.graph.validate import pyshacl_shapes, shapes_graph, validate_graph, validate_nquads
from esgkg.graph.vocab import ESG, OA, SCHEMA, Iris

KINDS = [  # (kind, subject type, object type, qualifiers)
    ("award", "company", "award", {"year": 2021, "level": "Gold", "awarded_by": ("agency", "Agency")}),
    ("certification", "company", "standard", {"status": "held"}),
    ("certification", "company", "standard", {"status": "in_progress"}),
    ("membership", "company", "organization", {"since": 2015}),
    ("index_inclusion", "company", "index", {"year": 2021, "consecutive_years": 6, "rank": "top"}),
    ("program", "company", "program", {"since": 2004, "location": ("place", "City")}),
    ("part_of", "agency", "agency", {}),
    ("metric", "company", "metric", {"value": "14.8", "unit": "billion kWh", "year": 2021}),
]


def synthetic_document(i: int, iris: Iris) -> Graph:
    g = Graph()
    doc_id = f"bench-{i}"
    text = "x" * 2000
    doc = URIRef(iris.document(doc_id))
    g.add((doc, RDF.type, ESG.Release))
    g.add((doc, DCTERMS.identifier, Literal(doc_id)))
    g.add((doc, DCTERMS.title, Literal(f"Release {i}")))
    g.add((doc, SCHEMA.text, Literal(text)))

    def entity(kind: str, name: str) -> URIRef:
        node = URIRef(iris.entity(kind, name))
        g.add((node, RDF.type, vocab.ENTITY_CLASSES[kind]))
        g.add((node, RDFS.label, Literal(name)))
        return node

    for n, (kind, s_type, o_type, quals) in enumerate(KINDS):
        subject = entity(s_type, f"{s_type} {i % 500}")
        obj = entity(o_type, f"{o_type} {(i + n) % 50}")
        fk = vocab.FACT_KINDS[kind]
        st = URIRef(iris.statement(doc_id, kind, f"{n:012d}"))
        g.add((subject, fk.edge(quals), obj))
        g.add((st, RDF.type, fk.statement_class))
        g.add((st, ESG.kind, Literal(kind)))
        g.add((st, ESG.subject, subject))
        g.add((st, ESG.object, obj))
        g.add((st, PROV.wasDerivedFrom, doc))
        for name, value in quals.items():
            prop, value_kind = vocab.QUALIFIERS[name]
            if value_kind == "integer":
                value = Literal(value, datatype=XSD.integer)
            elif value_kind == "decimal":
                value = Literal(value, datatype=XSD.decimal)
            elif value_kind == "status":
                value = vocab.status_iri(value)
            elif value_kind.startswith("entity:"):
                value = entity(*value)
            else:
                value = Literal(value)
            g.add((st, prop, value))
        ev = URIRef(iris.evidence(st))
        target, quote, pos = (URIRef(f"{ev}/{p}") for p in ("target", "quote", "position"))
        g.add((st, ESG.evidence, ev))
        g.add((ev, RDF.type, OA.Annotation))
        g.add((ev, OA.motivatedBy, OA.describing))
        g.add((ev, OA.hasBody, st))
        g.add((ev, OA.hasTarget, target))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, doc))
        g.add((target, OA.hasSelector, quote))
        g.add((target, OA.hasSelector, pos))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(text[n * 100:n * 100 + 80])))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, Literal(n * 100, datatype=XSD.integer)))
        g.add((pos, OA.end, Literal(n * 100 + 80, datatype=XSD.integer)))
    return g


def timed(label: str, triples: int, docs: int, fn):
    """Wall time and this process's CPU time: on a shared machine CPU time is the fair figure."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{label:<46} {docs:>5} docs {triples:>7} triples | wall {dt:6.2f} s | "
          f"cpu {cpu:6.2f} s = {docs / cpu:5.0f} docs/cpu-s {triples / cpu:6.0f} triples/cpu-s",
          flush=True)
    return out


def as_nquads(graphs: list[Graph]) -> list[tuple[str, str]]:
    """Documents as the pipeline hands them to validation: N-Quads texts (graph, entities)."""
    return [(g.serialize(format="nt"), "") for g in graphs]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 500, 2000])
    parser.add_argument("--single", type=int, default=200, help="documents validated one by one")
    args = parser.parse_args(argv)
    iris = Iris("http://bench.example/")
    t0 = time.perf_counter()
    shapes_graph(), pyshacl_shapes()
    print(f"shapes parsed and harvested once: {time.perf_counter() - t0:.3f} s")
    docs = [synthetic_document(i, iris) for i in range(max(args.sizes + [args.single]))]
    print(f"triples per document: {len(docs[0])}")

    single = docs[:args.single]
    n_triples = sum(map(len, single))
    results = timed("(a) validate_graph, one call per document", n_triples, len(single),
                    lambda: [validate_graph(g) for g in single])
    assert all(r.conforms for r in results)
    if args.single:
        from importlib.resources import files

        import pyshacl
        few = single[:50]
        shapes_path = str(files("esgkg.ontology").joinpath("shapes.ttl"))
        timed("(a') pyshacl.validate per doc, shapes harvested", sum(map(len, few)), len(few),
              lambda: [pyshacl.validate(g, shacl_graph=shapes_graph(), inference="none")
                       for g in few])
        timed("(a'') pyshacl.validate per doc, shapes parsed", sum(map(len, few)), len(few),
              lambda: [pyshacl.validate(g, shacl_graph=shapes_path, inference="none")
                       for g in few])

    for size in args.sizes:
        batch = docs[:size]
        n_triples = sum(map(len, batch))
        texts = as_nquads(batch)
        results = timed(f"(b) validate_nquads, one call on {size}", n_triples, size,
                        lambda texts=texts: validate_nquads(texts))
        assert all(r.conforms for r in results)

    # A batch with one bad document: the cost of attributing violations back.
    size = min(args.sizes)
    batch = [g for g in docs[:size]]
    bad = Graph() + batch[size // 2]
    bad.remove((None, ESG.evidence, None))
    batch[size // 2] = bad
    texts = as_nquads(batch)
    results = timed(f"(c) validate_nquads, {size} with one bad document", sum(map(len, batch)), size,
                    lambda: validate_nquads(texts))
    assert [i for i, r in enumerate(results) if not r.conforms] == [size // 2]
    return 0


if __name__ == "__main__":
    sys.exit(main())
