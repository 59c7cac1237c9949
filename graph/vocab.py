"""The RDF vocabulary esgkg writes: namespaces, the fact-kind table, and the one IRI minter.

Everything that turns a fact into triples, or a triple back into a fact, reads the tables here,
so a new fact kind is one new entry, not a branch in several modules.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

ESG = Namespace("https://w3id.org/esgkg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
TIME = Namespace("http://www.w3.org/2006/time#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")

PREFIXES = {
    "esg": ESG, "schema": SCHEMA, "org": ORG, "oa": OA, "prov": PROV, "dcterms": DCTERMS,
    "skos": SKOS, "time": TIME, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD,
}

DEFAULT_BASE = "http://127.0.0.1:5000/"


def base_iri() -> str:
    """The namespace every minted IRI lives under (``ESGKG_BASE``), always ending in '/'."""
    base = os.environ.get("ESGKG_BASE", DEFAULT_BASE)
    return base if base.endswith("/") else base + "/"


# Entity types: name used in IRIs and the fact table -> ontology class.
ENTITY_CLASSES = {
    "company": ESG.Company,
    "agency": ESG.Agency,
    "organization": ESG.Organization,
    "award": ESG.Award,
    "standard": ESG.Standard,
    "index": ESG.Index,
    "initiative": ESG.Initiative,
    "program": ESG.Program,
    "metric": ESG.Metric,
    "place": ESG.Place,
    "site": ESG.Site,
}

# The entity types that are organizations: they hold facts and confer awards.
ORGANIZATION_TYPES = ("company", "agency", "organization")


@dataclass(frozen=True)
class FactKind:
    """One kind of fact in the fact table: its statement class, its direct edge, its qualifiers.

    ``status_edges`` gives the statuses whose meaning differs from the direct edge their own edge:
    an in-progress certification is not "certified to" (docs/rdf-design.md).
    """

    name: str
    statement_class: object
    direct_predicate: object
    qualifiers: tuple[str, ...]
    status_edges: tuple[tuple[str, object], ...] = ()

    def edge(self, qualifiers: dict):
        """The direct edge for a statement of this kind with these qualifiers."""
        return dict(self.status_edges).get(qualifiers.get("status"), self.direct_predicate)

    @property
    def edges(self) -> tuple:
        """Every direct edge this kind can write, the plain one first."""
        return (self.direct_predicate, *(edge for _, edge in self.status_edges))


FACT_KINDS = {
    k.name: k
    for k in (
        FactKind("award", ESG.AwardConferral, ESG.receivedAward, ("year", "level", "awarded_by")),
        FactKind("certification", ESG.Certification, ESG.certifiedTo, ("status",),
                 (("in_progress", ESG.pursuingCertification), ("planned", ESG.plansCertification))),
        FactKind("membership", ESG.Membership, ORG.memberOf, ("since",)),
        FactKind("index_inclusion", ESG.IndexInclusion, ESG.includedIn,
                 ("year", "consecutive_years", "rank")),
        FactKind("standard_adoption", ESG.StandardAdoption, ESG.adoptsStandardsOf, ()),
        FactKind("program", ESG.ProgramOperation, ESG.runsProgram, ("since", "location")),
        FactKind("part_of", ESG.PartOf, ORG.subOrganizationOf, ()),
        FactKind("located_in", ESG.Location, SCHEMA.location, ()),
        FactKind("metric", ESG.MetricObservation, ESG.reportsMetric, ("value", "unit", "year")),
    )
}

# Qualifier name -> (statement property, value kind). "entity:TYPE" values are linked entities.
# In FORMAT.md's column order: the CSV columns, the fact query and every view that lists a fact's
# qualifiers read them from here, so a new qualifier is one entry (and its label in kinds.json).
QUALIFIERS = {
    "year": (ESG.year, "integer"),
    "level": (ESG.level, "string"),
    "awarded_by": (ESG.conferredBy, "entity:organization"),
    "status": (ESG.status, "status"),
    "since": (ESG.since, "integer"),
    "consecutive_years": (ESG.consecutiveYears, "integer"),
    "rank": (ESG.rank, "string"),
    "location": (ESG.location, "entity:place"),
    "value": (ESG.value, "decimal"),
    "unit": (ESG.unit, "string"),
}
# The qualifiers written as a literal (a number, a text, a status) rather than a linked entity:
# what a person can type in a form, and what a table cell shows as text.
LITERAL_QUALIFIERS = tuple(name for name, (_, kind) in QUALIFIERS.items() if not kind.startswith("entity:"))
NUMERIC_QUALIFIERS = tuple(name for name, (_, kind) in QUALIFIERS.items() if kind in ("integer", "decimal"))

# Qualifiers an inferred earlier year does not carry over: "6th year in a row, at the top" states
# the 2016-2020 inclusions, not their rank nor how long the streak was then.
NOT_INFERRED = ("consecutive_years", "rank")

CERTIFICATION_STATUSES = ("held", "in_progress", "planned", "renewed")


def status_iri(status: str):
    """The SKOS concept for a certification status (esg:status_held, ...)."""
    return ESG["status_" + status]


@lru_cache(maxsize=1)
def edge_labels() -> dict[str, str]:
    """Direct edge IRI -> its rdfs:label in ontology/esgkg.ttl, the one place edges are named."""
    from importlib.resources import files

    import pyoxigraph as ox

    text = files("esgkg.ontology").joinpath("esgkg.ttl").read_bytes()
    label = ox.NamedNode(str(RDFS.label))
    edges = {str(edge) for kind in FACT_KINDS.values() for edge in kind.edges}
    return {quad.subject.value: quad.object.value
            for quad in ox.parse(text, format=ox.RdfFormat.TURTLE)
            if quad.predicate == label and quad.subject.value in edges}


@lru_cache(maxsize=1)
def display() -> dict:
    """How each entity type, edge kind and qualifier is shown: ``ontology/kinds.json``, the one
    table of labels and colours that the explorer's build bundles too."""
    import json
    from importlib.resources import files

    return json.loads(files("esgkg.ontology").joinpath("kinds.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def kind_labels() -> dict[str, str]:
    """Edge kind -> its name for people: a fact kind by its direct edges' labels in the ontology
    ("certified to / pursuing certification / plans certification": a status picks its edge),
    a qualifier drawn as an edge by its label in kinds.json."""
    labels = {name: " / ".join(edge_labels()[str(edge)] for edge in kind.edges)
              for name, kind in FACT_KINDS.items()}
    labels.update((name, shown["label"]) for name, shown in display()["edge_kinds"].items()
                  if name not in FACT_KINDS)
    return labels


SLUG_MAX_CHARS = 80  # an IRI segment stays readable in a browser's address bar


def slugify(text: str) -> str:
    """Readable, stable IRI segment: ASCII, lower case, words joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:SLUG_MAX_CHARS] or "x" + hashlib.sha1(text.encode()).hexdigest()[:10]


# Legal forms as the IRI minter folds them: "Corp." and "Corporation" are one legal name, "AG"
# another, so "Blue Harbor Telecom Corporation" and "Blue Harbor Telecom AG" are two companies.
LEGAL_FORMS = {
    "corporation": "corp", "corp": "corp", "incorporated": "inc", "inc": "inc",
    "limited": "ltd", "ltd": "ltd", "company": "co", "co": "co", "plc": "plc", "llc": "llc",
    "llp": "llp", "lp": "lp", "ag": "ag", "sa": "sa", "se": "se", "nv": "nv", "bv": "bv",
    "gmbh": "gmbh", "kk": "kk", "spa": "spa", "ab": "ab", "oyj": "oyj", "pte": "pte", "bhd": "bhd",
    "pty": "pty", "holdings": "holdings", "holding": "holdings",
}


def legal_form(name: str) -> tuple[str, ...]:
    """The folded legal form a name ends with: ('co', 'ltd') for 'Acme Co., Ltd.', () for none."""
    words = slugify(name).split("-")
    form: list[str] = []
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        form.insert(0, LEGAL_FORMS[words.pop()])
    return tuple(form)


def legal_name_key(name: str) -> str:
    """The IRI segment of a name: its slug with the legal form folded (one per legal name)."""
    words = slugify(name).split("-")
    form = legal_form(name)
    return "-".join(words[:len(words) - len(form)] + list(form))


def short_hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


DOC_ID_PATTERN = r"[\w.~-]+"  # what a document id holds: readable, and safe in any IRI or URL path


def safe_doc_id(name: str) -> str:
    """A document id from a file name: runs of characters an IRI cannot hold become one '-'."""
    safe = re.sub(r"[^\w.~-]+", "-", unicodedata.normalize("NFC", name)).strip("-.")
    return safe or "release-" + short_hash(name)


def is_doc_id(text: str) -> bool:
    return re.fullmatch(DOC_ID_PATTERN, text) is not None


ENTITIES_GRAPH_PATH = "graph/entities"


class Iris:
    """Mints every IRI esgkg writes under one base, and reads them back (which document, which
    local path): nothing else builds or takes apart an esgkg IRI. A store has one, with the base
    it recorded; the pipeline mints with the store's."""

    def __init__(self, base: str | None = None):
        self.base = base or base_iri()

    # --- minting ----------------------------------------------------------------------------

    def entity(self, entity_type: str, name: str) -> str:
        """An entity's IRI: its type and its legal name; a name stated the same way (up to case,
        punctuation and the spelling of its legal form) is the same entity in every document."""
        return f"{self.base}id/{entity_type}/{legal_name_key(name)}"

    def document(self, doc_id: str) -> str:
        return f"{self.base}doc/{doc_id}"

    def document_graph(self, doc_id: str) -> str:
        return self.document_graph_prefix + doc_id

    @property
    def document_graph_prefix(self) -> str:
        """What every document's graph IRI starts with (for SPARQL filters over them)."""
        return f"{self.base}graph/doc/"

    @property
    def entities_graph(self) -> str:
        return self.base + ENTITIES_GRAPH_PATH

    def statement(self, doc_id: str, kind: str, digest: str) -> str:
        return f"{self.base}id/statement/{doc_id}/{kind}-{digest}"

    def evidence(self, statement_iri: str) -> str:
        return statement_iri.replace("/id/statement/", "/id/evidence/", 1)

    def at_path(self, path: str) -> str:
        """The IRI this server's ``path`` (``id/...``, ``graph/...``) dereferences."""
        return self.base + path.lstrip("/")

    # --- reading ----------------------------------------------------------------------------
    def doc_id_of_graph(self, graph_iri: str) -> str | None:
        return _suffix(graph_iri, self.document_graph_prefix)

    def doc_id_of(self, document_iri: str) -> str | None:
        """The id of the document this IRI names, None when it names no document."""
        return _suffix(document_iri, f"{self.base}doc/")

    def is_statement(self, iri: str) -> bool:
        return iri.startswith(f"{self.base}id/statement/")

    def is_evidence(self, iri: str) -> bool:
        return iri.startswith(f"{self.base}id/evidence/")

    def is_minted(self, iri: str) -> bool:
        return iri.startswith(self.base)

    @staticmethod
    def base_of_entities_graph(graph_iri: str) -> str | None:
        """The base under which ``graph_iri`` would be the entities graph, else None."""
        if graph_iri.endswith("/" + ENTITIES_GRAPH_PATH):
            return graph_iri[:-len(ENTITIES_GRAPH_PATH)]
        return None

    def path_of(self, iri: str) -> str | None:
        """The path on this server where a minted IRI dereferences (None for foreign IRIs).

        A rest starting with '/' or '\\' would make a link like ``//evil.example/phish``, which
        a browser follows off the site: such IRIs are not ours, so they get no local path.
        """
        rest = _suffix(iri, self.base)
        return None if rest is None or rest.startswith(("/", "\\")) else "/" + rest


def _suffix(iri: str, prefix: str) -> str | None:
    return iri[len(prefix):] if iri.startswith(prefix) else None
