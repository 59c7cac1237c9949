"""Every format esgkg reads or writes: one registry, as rdflib registers its plugins by name.

An entry names a format once — its media type, file extension, other names, and what it can do:
carry SPARQL results (a pyoxigraph ``QueryResultsFormat``), be an RDF syntax (an ``RdfFormat``:
CONSTRUCT results, resource pages, ``esgkg load``), or write an export of the store (``writer``, a
``module:function`` path loaded when first used, so this table imports no exporter). The SPARQL
endpoint's negotiation, ``/export``, resource pages, ``esgkg query | export | load`` all read
``FORMATS``; adding a format is one entry here, not a branch in the views.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:
    from werkzeug.datastructures import MIMEAccept

W3C_FORMATS = "http://www.w3.org/ns/formats/"


@dataclass(frozen=True)
class Format:
    name: str                 # short name: ``format=``, ``--format``, the job sent to an executor
    media_type: str           # what a response's Content-Type says
    extension: str            # of a downloaded or exported file
    label: str                # for people: menus and links
    aliases: tuple[str, ...] = ()   # other media types and short names that choose it
    results: ox.QueryResultsFormat | None = None   # carries SELECT/ASK results
    boolean: bool = True      # with ``results``: can it carry an ASK answer?
    rdf: ox.RdfFormat | None = None                # an RDF syntax
    readable: bool = False    # ``esgkg load`` reads it (pyoxigraph's parser of ``rdf``)
    w3c: str | None = None    # its name under https://www.w3.org/ns/formats/
    writer: str | None = None  # "module:function" exporting a store selection, see graph/export.py
    description: str = ""     # of the export, for ``--format`` help and the export menus
    document_only: bool = False  # an export narrowed to a document, not to any graph
    parallel: bool = False    # a line syntax: a whole local store can be read by several processes

    @property
    def kind(self) -> str:
        """What a SPARQL result in it holds: "results" (SELECT/ASK), "graph" (CONSTRUCT/DESCRIBE),
        or "export" (neither: written from the store only)."""
        return "results" if self.results else "graph" if self.rdf else "export"

    @property
    def oxigraph(self):
        """pyoxigraph's serializer of a query result in this format."""
        return self.results or self.rdf

    @property
    def iri(self) -> str:
        """The W3C's IRI for the format, for service descriptions."""
        return W3C_FORMATS + self.w3c

    def filename(self, stem: str = "esgkg") -> str:
        return f"{stem}.{self.extension}"

    def write(self, store, selection, output) -> None:
        """Export ``selection`` of ``store`` in this format to a binary ``output``."""
        module, function = self.writer.split(":")
        getattr(importlib.import_module(module), function)(store, selection, output, self)


_EXPORT = "esgkg.graph.export:"

# Order matters: the first of a kind is the endpoint's default when the client accepts anything,
# and the export menus list the exports in this order.
FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", "srj", "SPARQL results JSON",
           ("application/json", "json", "srj"), results=ox.QueryResultsFormat.JSON,
           w3c="SPARQL_Results_JSON"),
    Format("xml", "application/sparql-results+xml", "srx", "SPARQL results XML",
           ("application/xml", "text/xml", "xml", "srx"), results=ox.QueryResultsFormat.XML,
           w3c="SPARQL_Results_XML"),
    Format("turtle", "text/turtle", "ttl", "Turtle",
           ("application/x-turtle", "text/n3", "turtle", "ttl", "n3"), rdf=ox.RdfFormat.TURTLE,
           readable=True, w3c="Turtle", writer=_EXPORT + "write_rdf",
           description="Turtle (graphs merged into one)"),
    Format("ntriples", "application/n-triples", "nt", "N-Triples",
           ("text/plain", "ntriples", "nt", "n-triples"), rdf=ox.RdfFormat.N_TRIPLES,
           readable=True, w3c="N-Triples", writer=_EXPORT + "write_rdf",
           description="N-Triples (graphs merged into one)", parallel=True),
    Format("nquads", "application/n-quads", "nq", "N-Quads", ("nquads", "nq", "n-quads"),
           rdf=ox.RdfFormat.N_QUADS, readable=True, w3c="N-Quads", writer=_EXPORT + "write_rdf",
           description="N-Quads (named graphs kept)", parallel=True),
    Format("trig", "application/trig", "trig", "TriG", ("trig",), rdf=ox.RdfFormat.TRIG,
           readable=True, w3c="TriG", writer=_EXPORT + "write_rdf",
           description="TriG (named graphs kept)"),
    Format("rdfxml", "application/rdf+xml", "rdf", "RDF/XML",
           ("application/xml", "text/xml", "rdfxml", "rdf", "rdf+xml", "xml"),
           rdf=ox.RdfFormat.RDF_XML, readable=True, w3c="RDF_XML", writer=_EXPORT + "write_rdf",
           description="RDF/XML (graphs merged into one)"),
    # pyoxigraph's own IRI for JSON-LD (…/formats/data/JSON-LD) is not the W3C's.
    Format("jsonld", "application/ld+json", "jsonld", "JSON-LD",
           ("application/json", "json-ld", "jsonld", "json"), rdf=ox.RdfFormat.JSON_LD,
           w3c="JSON-LD", writer=_EXPORT + "write_jsonld",
           description="JSON-LD, compact, its context embedded (named graphs kept)"),
    Format("graphml", "application/graphml+xml", "graphml", "GraphML",
           writer=_EXPORT + "write_graphml", document_only=True,
           description="GraphML: entities and fact edges (Cytoscape, Gephi, yEd)"),
    Format("gexf", "application/gexf+xml", "gexf", "GEXF", writer=_EXPORT + "write_gexf",
           description="GEXF: entities and fact edges (Gephi)", document_only=True),
    # CSV carries a SELECT result at the endpoint and the fact table as an export.
    Format("csv", "text/csv", "csv", "CSV", ("csv",), results=ox.QueryResultsFormat.CSV,
           boolean=False, w3c="SPARQL_Results_CSV", writer=_EXPORT + "write_csv",
           description="the fact table for analysts, one row per fact (inferred ones flagged), "
                       "with IRIs and the document's title, date and source", document_only=True),
    Format("tsv", "text/tab-separated-values", "tsv", "TSV", ("tsv",),
           results=ox.QueryResultsFormat.TSV, boolean=False, w3c="SPARQL_Results_TSV"),
    Format("jsonl", "application/x-ndjson", "jsonl", "JSON Lines", writer=_EXPORT + "write_jsonl",
           description="the fact table as JSON Lines (the format of `esgkg facts`)",
           document_only=True),
)
BY_NAME = {f.name: f for f in FORMATS}
SPARQL_FORMATS = tuple(f for f in FORMATS if f.kind != "export")  # what the endpoint speaks
EXPORTS = {f.name: f for f in FORMATS if f.writer}
READABLE = {f.name: f for f in FORMATS if f.readable}


def named(name: str, among=FORMATS) -> Format | None:
    """The format ``name`` (a short name or an alias) stands for, among ``among``."""
    wanted = name.strip().lower()
    return next((f for f in among if wanted in (f.name, f.media_type, *f.aliases)), None)


class NotAcceptable(Exception):
    """Nothing the client accepts can carry this kind of result."""


def candidates(kind: str, boolean: bool = False) -> list[Format]:
    return [f for f in FORMATS if f.kind == kind and (f.boolean or not boolean)]


def choose(kind: str, accept: MIMEAccept, format_param: str | None = None,
           boolean: bool = False) -> Format:
    """The format for a result of ``kind``: ``format=`` first, else the Accept header's q-values.

    ``format=`` takes a short name or a media type; names of the other kind map to this one's
    equivalent (``format=json`` on a CONSTRUCT gives JSON-LD), as SPARQLWrapper and YASGUI expect.
    """
    options = candidates(kind, boolean)
    if format_param:
        found = named(format_param, options)
        if found:
            return found
        raise NotAcceptable(f"format {format_param!r} cannot carry a {_kind_text(kind, boolean)}; "
                            f"use one of: {', '.join(f.name for f in options)}")
    if not accept:  # no Accept header: the default of the kind
        return options[0]
    # Every media type (canonical and alias) competes; the first listed wins ties.
    offered: list[tuple[str, Format]] = []
    for f in options:
        offered.append((f.media_type, f))
        offered.extend((a, f) for a in f.aliases if "/" in a)
    best, best_q = None, 0.0
    for media_type, f in offered:
        q = accept.quality(media_type)
        if q > best_q:
            best, best_q = f, q
    if best is None:
        raise NotAcceptable(f"none of the accepted media types can carry a "
                            f"{_kind_text(kind, boolean)}; this endpoint offers: "
                            + ", ".join(f.media_type for f in options))
    return best


def _kind_text(kind: str, boolean: bool) -> str:
    if kind == "graph":
        return "graph (CONSTRUCT/DESCRIBE)"
    return "boolean (ASK) result" if boolean else "solution sequence (SELECT)"
