"""Hand-written graphs for the explorer tests, following docs/rdf-design.md exactly: what the
pipeline would never extract but the explorer must still show safely or quickly.

The XSS release puts markup into every place text from a release can reach (document text,
title, entity labels and aliases, qualifiers, the evidence quote); the hub release links one
index to many companies. Offsets are found in the text, never typed. ``build_explorer_store``
puts them in a store beside the sample release, as the explorer tests see it.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from esgkg.graph.vocab import ESG, FACT_KINDS, SCHEMA, Iris, short_hash

from graph_fixture import add_entity, add_evidence, add_inferred, add_statement

SAMPLE_DOC = "ase-osh-award-2021"
SAMPLE = Path(__file__).resolve().parents[1] / "ontology" / "sample" / f"{SAMPLE_DOC}.txt"
UPDATE_TOKEN = "browser-test-token"  # the writable test server's --update-token

XSS_TEXT = (
    'Evil Corp <script>alert("xss-text")</script> receives the <img src=x onerror=alert(1)> Award.\n\n'
    'Evil Corp today announced that it has received the 2022 <b onmouseover=alert(2)>Shiny</b> Award '
    'from the <a href="javascript:alert(3)">Ministry of Mischief</a>.\n'
)
EVIL = ("company", 'Evil Corp <script>alert("xss-label")</script>', ['<img src=x onerror=alert(4)>'])
SHINY = ("award", 'Shiny Award <img src=x onerror=alert(5)>', [])
MISCHIEF = ("agency", 'Ministry of Mischief <a href="javascript:alert(6)">x</a>', [])


def xss_facts(text: str) -> list[dict]:
    start = text.index("Evil Corp today")
    return [dict(kind="award", subject=EVIL, object=SHINY, span=(start, len(text.rstrip())),
                 year=2022, level='<script>alert("xss-level")</script>', awarded_by=MISCHIEF)]


def add_release(store, doc_id: str, text: str, facts: list[dict], *, title: str,
                date: str | None = None, place: tuple | None = None) -> None:
    """Write one release and its facts into ``store`` the way the pipeline does (rdf-design.md)."""
    iris = store.iris
    ds = Dataset()
    doc_graph = ds.graph(URIRef(iris.document_graph(doc_id)))
    ent_graph = ds.graph(URIRef(iris.entities_graph))
    doc = URIRef(iris.document(doc_id))

    def entity(e):
        etype, label, aliases = e
        return add_entity(ent_graph, iris, etype, label, aliases)

    doc_graph.add((doc, RDF.type, ESG.Release))
    doc_graph.add((doc, DCTERMS.identifier, Literal(doc_id)))
    doc_graph.add((doc, DCTERMS.title, Literal(title)))
    if date:
        doc_graph.add((doc, DCTERMS.date, Literal(date, datatype=XSD.date)))
    if place:
        doc_graph.add((doc, SCHEMA.locationCreated, entity(place)))
    doc_graph.add((doc, SCHEMA.text, Literal(text)))
    doc_graph.add((doc, DCTERMS.source, Literal(doc_id + ".txt")))

    for fact in facts:
        kind = FACT_KINDS[fact["kind"]]
        subject, obj = entity(fact["subject"]), entity(fact["object"])
        start, end = fact["span"]
        st = URIRef(iris.statement(doc_id, kind.name, short_hash(doc_id, kind.name, subject, obj, start)))
        qualifiers = {name: fact[name] for name in kind.qualifiers if name in fact}
        add_statement(doc_graph, iris, st, kind.name, subject, obj, qualifiers, doc, entity)
        add_evidence(doc_graph, iris, st, doc, text[start:end], start)
        consecutive = fact.get("consecutive_years")
        if consecutive and "year" in fact:
            for year in range(fact["year"] - consecutive + 1, fact["year"]):
                inf = URIRef(iris.statement(doc_id, kind.name, short_hash(st, year)))
                add_inferred(doc_graph, inf, kind.name, subject, obj, year, st, doc)

    doc_nquads = _nquads(ds, doc_graph.identifier)
    ent_nquads = _nquads(ds, ent_graph.identifier)
    store.replace_document(doc_id, doc_nquads, ent_nquads)


def _nquads(ds: Dataset, graph_iri) -> str:
    """One graph of ``ds`` as N-Quads, one quad a line (what GraphStore.replace_document reads)."""
    triples = ds.graph(graph_iri).serialize(format="nt")     # one escaped triple a line
    return "".join(line[:-1].rstrip() + f" <{graph_iri}> .\n"
                   for line in triples.splitlines() if line.strip())


def load_xss(store) -> None:
    add_release(store, "xss-release", XSS_TEXT, xss_facts(XSS_TEXT),
                title='<script>alert("xss-title")</script> Evil release', date="2022-01-01")


def load_hub(store, companies: int = 100, doc_id: str = "hub-release") -> None:
    """One release listing ``companies`` members of one index: a hub for the "show N more" node."""
    index = ("index", "Example Hub Sustainability Index", ["EHSI"])
    facts = []
    text = ""
    for i in range(companies):
        sentence = f"Company {i:05d} Ltd. was included in the Example Hub Sustainability Index in 2023.\n"
        facts.append(dict(kind="index_inclusion", subject=("company", f"Company {i:05d} Ltd.", []),
                          object=index, year=2023, span=(len(text), len(text) + len(sentence) - 1)))
        text += sentence
    add_release(store, doc_id, text, facts, title="Example Hub Sustainability Index members 2023",
                date="2023-09-01")


XSS_RELEASE_TEXT = (
    "Evil Corp receives the Shiny <script>alert('xss-ingested')</script> Award\n\n"
    "March 3, 2022\n\n"
    "Evil Corp <img src=x onerror=alert(7)> today announced that it has received the 2022 Shiny Award "
    "from the <a href=\"javascript:alert(8)\">Ministry of Mischief</a>. "
    "Evil Corp has received ISO 14001 certification <svg onload=alert(9)>.\n"
)


def build_explorer_store(path, base: str, tmp: Path):
    """Fill a store (on disk at ``path``, in memory when None) whose IRIs live under ``base``:
    the sample and the XSS release through the pipeline, then the hand-written XSS release and
    a hub of 100 companies."""
    from esgkg.graph.pipeline import ingest_paths
    from esgkg.graph.store import GraphStore

    store = GraphStore(path, iris=Iris(base))
    xss_file = tmp / "xss-ingested.txt"
    xss_file.write_text(XSS_RELEASE_TEXT, encoding="utf-8")
    summary = ingest_paths([SAMPLE, xss_file], store, progress=False, workers=1)  # store's base
    assert not summary.errors, summary.errors
    load_xss(store)       # markup in labels, qualifiers and titles too
    load_hub(store)
    store.flush()
    return store
