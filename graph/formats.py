"""The result formats the SPARQL endpoint speaks: one registry, read by negotiation and ``format=``.

Each entry names a pyoxigraph serializer (``QueryResultsFormat`` for SELECT/ASK results,
``RdfFormat`` for CONSTRUCT/DESCRIBE graphs); the endpoint never writes a serializer of its own.
Adding a format is one entry here, not a branch in the views.
"""
from __future__ import annotations

from dataclasses import dataclass

from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:
    from werkzeug.datastructures import MIMEAccept


@dataclass(frozen=True)
class ResultFormat:
    name: str                 # short name, used by ``format=`` and the job sent to the executor
    kind: str                 # "results" (SELECT/ASK), "graph" (CONSTRUCT/DESCRIBE)
    media_type: str           # what the response's Content-Type says
    aliases: tuple[str, ...]  # other media types and short names that choose it
    boolean: bool = True      # for "results": can it carry an ASK answer?

    @property
    def oxigraph(self):
        return getattr(ox.QueryResultsFormat if self.kind == "results" else ox.RdfFormat,
                       _OX_NAMES[self.name])

    @property
    def iri(self) -> str:
        """The W3C's IRI for the format (https://www.w3.org/ns/formats/), for descriptions."""
        return "http://www.w3.org/ns/formats/" + _W3C_NAMES[self.name]


_OX_NAMES = {
    "json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV",
    "turtle": "TURTLE", "ntriples": "N_TRIPLES", "nquads": "N_QUADS", "trig": "TRIG",
    "jsonld": "JSON_LD", "rdfxml": "RDF_XML",
}
_W3C_NAMES = {  # pyoxigraph's own IRI for JSON-LD (…/formats/data/JSON-LD) is not the W3C's
    "json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples", "nquads": "N-Quads",
    "trig": "TriG", "jsonld": "JSON-LD", "rdfxml": "RDF_XML",
}

# Order matters: the first of a kind is the default when the client accepts anything.
FORMATS: tuple[ResultFormat, ...] = (
    ResultFormat("json", "results", "application/sparql-results+json",
                 ("application/json", "json", "srj")),
    ResultFormat("xml", "results", "application/sparql-results+xml",
                 ("application/xml", "text/xml", "xml", "srx")),
    ResultFormat("csv", "results", "text/csv", ("csv",), boolean=False),
    ResultFormat("tsv", "results", "text/tab-separated-values", ("tsv",), boolean=False),
    ResultFormat("turtle", "graph", "text/turtle", ("application/x-turtle", "text/n3", "turtle", "ttl", "n3")),
    ResultFormat("ntriples", "graph", "application/n-triples",
                 ("text/plain", "ntriples", "nt", "n-triples")),
    ResultFormat("nquads", "graph", "application/n-quads", ("nquads", "nq", "n-quads")),
    ResultFormat("trig", "graph", "application/trig", ("trig",)),
    ResultFormat("jsonld", "graph", "application/ld+json",
                 ("application/json", "json-ld", "jsonld", "json")),
    ResultFormat("rdfxml", "graph", "application/rdf+xml",
                 ("application/xml", "text/xml", "rdfxml", "rdf", "rdf+xml", "xml")),
)
BY_NAME = {f.name: f for f in FORMATS}


class NotAcceptable(Exception):
    """Nothing the client accepts can carry this kind of result."""


def candidates(kind: str, boolean: bool = False) -> list[ResultFormat]:
    return [f for f in FORMATS if f.kind == kind and (f.boolean or not boolean)]


def choose(kind: str, accept: "MIMEAccept", format_param: str | None = None,
           boolean: bool = False) -> ResultFormat:
    """The format for a result of ``kind``: ``format=`` first, else the Accept header's q-values.

    ``format=`` takes a short name or a media type; names of the other kind map to this one's
    equivalent (``format=json`` on a CONSTRUCT gives JSON-LD), as SPARQLWrapper and YASGUI expect.
    """
    options = candidates(kind, boolean)
    if format_param:
        wanted = format_param.strip().lower()
        for f in options:
            if wanted == f.name or wanted == f.media_type or wanted in f.aliases:
                return f
        raise NotAcceptable(f"format {format_param!r} cannot carry a {_kind_text(kind, boolean)}; "
                            f"use one of: {', '.join(f.name for f in options)}")
    if not accept:  # no Accept header: the default of the kind
        return options[0]
    # Every media type (canonical and alias) competes; the first listed wins ties.
    offered: list[tuple[str, ResultFormat]] = []
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
