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
}


@dataclass(frozen=True)
class FactKind:
    """One kind of fact in the fact table: its statement class, its direct edge, its qualifiers."""

    name: str
    statement_class: object
    direct_predicate: object
    qualifiers: tuple[str, ...]


FACT_KINDS = {
    k.name: k
    for k in (
        FactKind("award", ESG.AwardConferral, ESG.receivedAward, ("year", "level", "awarded_by")),
        FactKind("certification", ESG.Certification, ESG.certifiedTo, ("status",)),
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
QUALIFIERS = {
    "year": (ESG.year, "integer"),
    "since": (ESG.since, "integer"),
    "consecutive_years": (ESG.consecutiveYears, "integer"),
    "level": (ESG.level, "string"),
    "rank": (ESG.rank, "string"),
    "unit": (ESG.unit, "string"),
    "value": (ESG.value, "decimal"),
    "status": (ESG.status, "status"),
    "awarded_by": (ESG.conferredBy, "entity:organization"),
    "location": (ESG.location, "entity:place"),
}

CERTIFICATION_STATUSES = ("held", "in_progress", "planned", "renewed")


def status_iri(status: str):
    """The SKOS concept for a certification status (esg:status_held, ...)."""
    return ESG["status_" + status]


def slugify(text: str) -> str:
    """Readable, stable IRI segment: ASCII, lower case, words joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80] or "x" + hashlib.sha1(text.encode()).hexdigest()[:10]


def short_hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


DOC_ID_PATTERN = r"[\w.~-]+"  # what a document id holds: readable, and safe in any IRI or URL path


def safe_doc_id(name: str) -> str:
    """A document id from a file name: runs of characters an IRI cannot hold become one '-'."""
    safe = re.sub(r"[^\w.~-]+", "-", unicodedata.normalize("NFC", name)).strip("-.")
    return safe or "release-" + short_hash(name)


def is_doc_id(text: str) -> bool:
    return re.fullmatch(DOC_ID_PATTERN, text) is not None


class Iris:
    """Mints every IRI esgkg writes, under one base. One instance per pipeline run."""

    def __init__(self, base: str | None = None):
        self.base = base or base_iri()

    def entity(self, entity_type: str, key: str) -> str:
        return f"{self.base}id/{entity_type}/{slugify(key)}"

    def document(self, doc_id: str) -> str:
        return f"{self.base}doc/{doc_id}"

    def document_graph(self, doc_id: str) -> str:
        return f"{self.base}graph/doc/{doc_id}"

    @property
    def entities_graph(self) -> str:
        return f"{self.base}graph/entities"

    def statement(self, doc_id: str, kind: str, digest: str) -> str:
        return f"{self.base}id/statement/{doc_id}/{kind}-{digest}"

    def evidence(self, statement_iri: str) -> str:
        return statement_iri.replace("/id/statement/", "/id/evidence/", 1)

    def doc_id_of_graph(self, graph_iri: str) -> str | None:
        prefix = f"{self.base}graph/doc/"
        return graph_iri[len(prefix):] if graph_iri.startswith(prefix) else None
