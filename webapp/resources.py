"""Every IRI esgkg mints under /id/... dereferences here (documents under /doc/... are answered
by the document view, which calls ``negotiated_rdf`` first).

Browsers get an HTML page (like LodView / DBpedia), clients get Turtle, JSON-LD or N-Triples by
content negotiation (``Accept`` with q-values, or ``?format=ttl|jsonld|nt|json``). One table lists
the formats; adding one adds a row.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from flask import Blueprint, Response, request

from esgkg.graph.vocab import PREFIXES, RDF

RDF_TYPE = RDF.type

from . import model, queries
from .pages import fail, render_page, store, wants_json

bp = Blueprint("resources", __name__)


@dataclass(frozen=True)
class RdfFormat:
    name: str
    media_type: str
    ox_format: object


RDF_FORMATS = [
    RdfFormat("ttl", "text/turtle", ox.RdfFormat.TURTLE),
    RdfFormat("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD),
    RdfFormat("nt", "application/n-triples", ox.RdfFormat.N_TRIPLES),
]
BY_NAME = {f.name: f for f in RDF_FORMATS}
BY_MEDIA_TYPE = {f.media_type: f for f in RDF_FORMATS}


def chosen_rdf_format() -> RdfFormat | None:
    """The RDF format this request asks for, or None when it wants HTML or JSON."""
    fmt = request.args.get("format")
    if fmt:
        return BY_NAME.get(fmt)
    offered = ["text/html", "application/json", *BY_MEDIA_TYPE]
    best = request.accept_mimetypes.best_match(offered, default="text/html")
    return BY_MEDIA_TYPE.get(best)


def describe_triples(iri: str) -> list:
    """Every triple with ``iri`` as subject, from any graph (documents, entities, statements)."""
    return list(dict.fromkeys(model.run(store(), queries.DESCRIBE_CONSTRUCT, iri=iri)))


def negotiated_rdf(iri: str) -> Response | None:
    rdf_format = chosen_rdf_format()
    if rdf_format is None:
        if request.args.get("format") not in (None, "json", "html"):
            fail(406, f"unknown format {request.args.get('format')!r}; "
                      f"offered: {', '.join(BY_NAME)}, json, html")
        return None
    triples = describe_triples(iri)
    if not triples:
        fail(404, f"nothing is known about {iri}")
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if rdf_format.name == "ttl" else None
    body = ox.serialize(triples, format=rdf_format.ox_format, prefixes=prefixes) if prefixes \
        else ox.serialize(triples, format=rdf_format.ox_format)
    response = Response(body, mimetype=rdf_format.media_type)
    response.headers["Vary"] = "Accept"
    return response


def _term(term, info: dict) -> dict:
    if isinstance(term, ox.NamedNode):
        node = info.get(term.value) or {}
        href = node.get("page")
        if href is None and term.value.startswith(("http://", "https://")):
            href = term.value          # only web IRIs become links: never javascript: or data:
        return {"kind": "iri", "value": term.value, "label": node.get("label"), "href": href,
                "curie": _curie(term.value)}
    if isinstance(term, ox.Literal):
        return {"kind": "literal", "value": term.value, "datatype": _curie(term.datatype.value),
                "language": term.language}
    return {"kind": "blank", "value": str(term)}


def _curie(iri: str) -> str | None:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(str(ns)) and len(iri) > len(str(ns)):
            return f"{prefix}:{iri[len(str(ns)):]}"
    return None


def describe(iri: str) -> dict:
    """The resource page's data: outgoing properties and incoming links, grouped by property."""
    out_rows = list(model.run(store(), queries.DESCRIBE_OUT, iri=iri))
    in_rows = list(model.run(store(), queries.DESCRIBE_IN, iri=iri))
    if not out_rows and not in_rows:
        fail(404, f"nothing is known about {iri}")
    linked = {r["o"].value for r in out_rows if isinstance(r["o"], ox.NamedNode)}
    linked |= {r["s"].value for r in in_rows if isinstance(r["s"], ox.NamedNode)}
    info = model.nodes_info(store(), [iri, *[i for i in linked if i.startswith(store().iris.base)]])
    properties: dict[str, dict] = {}
    for r in out_rows:
        prop = properties.setdefault(r["p"].value, {"property": _term(r["p"], {}), "values": []})
        value = _term(r["o"], info)
        if value not in prop["values"]:
            prop["values"].append(value)
    inbound: dict[str, dict] = {}
    for r in in_rows:
        prop = inbound.setdefault(r["p"].value, {"property": _term(r["p"], {}), "values": []})
        value = _term(r["s"], info)
        if value not in prop["values"]:
            prop["values"].append(value)
    me = dict(info[iri])
    fact = None
    if "/id/statement/" in iri:
        fact = model.fact(store(), iri)
        me.update(type="statement",
                  label=f"{fact['subject']['label']} {fact['label']} {fact['object']['label']}")
    elif "/id/evidence/" in iri:
        me.update(type="evidence", label="Evidence " + me["label"])
    order = lambda p: (p["property"]["value"] != str(RDF_TYPE), p["property"]["curie"] or p["property"]["value"])  # noqa: E731
    return {"iri": iri, "label": me["label"], "type": me["type"], "aliases": me["aliases"],
            "properties": sorted(properties.values(), key=order),
            "inbound": sorted(inbound.values(), key=order),
            "graph": "/graph?focus=" + iri if me["type"] not in ("statement", "evidence") else None,
            "fact": fact,
            "formats": [{"name": f.name, "media_type": f.media_type} for f in RDF_FORMATS]}


@bp.get("/id/<path:rest>")
def resource(rest: str):
    iri = store().iris.base + "id/" + rest
    if not model.valid_iri(iri):
        fail(404, "not a valid IRI")
    rdf = negotiated_rdf(iri)
    if rdf is not None:
        return rdf
    return render_page("resource.html", describe(iri))
