"""Every IRI esgkg mints under /id/... dereferences here (documents under /doc/... are answered
by the document view, which calls ``negotiated_rdf`` first).

Browsers get an HTML page (like LodView / DBpedia), clients get Turtle, JSON-LD, N-Triples or
RDF/XML by content negotiation (``Accept`` with q-values, or ``?format=ttl|jsonld|nt|rdfxml|json``),
every answer with ``Vary: Accept``. Named graphs (/graph/doc/ID, /graph/entities) dereference the
same way. One table lists the formats; adding one adds a row.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, redirect, request

from esgkg.graph.vocab import PREFIXES, RDF

RDF_TYPE = RDF.type

from . import facts as fact_table
from . import model, queries, timelines
from .pages import fail, render_page, store, wants_json

bp = Blueprint("resources", __name__)
INBOUND_PAGE = 100
# Entities whose page draws a timeline of their facts (statements, places and metrics do not).
TIMELINE_TYPES = ("company", "agency", "organization", "index", "award", "standard", "initiative")


@dataclass(frozen=True)
class RdfFormat:
    name: str
    media_type: str
    ox_format: object
    label: str


RDF_FORMATS = [
    RdfFormat("ttl", "text/turtle", ox.RdfFormat.TURTLE, "Turtle"),
    RdfFormat("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, "JSON-LD"),
    RdfFormat("nt", "application/n-triples", ox.RdfFormat.N_TRIPLES, "N-Triples"),
    RdfFormat("rdfxml", "application/rdf+xml", ox.RdfFormat.RDF_XML, "RDF/XML"),
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
    return rdf_response(triples, rdf_format)


def rdf_response(triples, rdf_format: RdfFormat) -> Response:
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()} \
        if rdf_format.ox_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    body = ox.serialize(triples, format=rdf_format.ox_format, prefixes=prefixes) if prefixes \
        else ox.serialize(triples, format=rdf_format.ox_format)
    return vary_accept(Response(body, mimetype=rdf_format.media_type))


def vary_accept(response: Response) -> Response:
    """Every answer of a negotiated IRI, HTML and JSON included, says it depends on Accept (so a
    cache never serves a browser's page to an RDF client)."""
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


def _label_statements(info: dict[str, dict]) -> None:
    """Statements linked from a page read as their fact ("ASE included in DJSI World, 2021"),
    not as the hash at the end of their IRI."""
    statements = [i for i in info if "/id/statement/" in i]
    for row in fact_table.rows(store(), statements):
        year = f", {row['year']}" if "year" in row else ""
        info[row["statement"]]["label"] = (f"{row['subject']} {model.fact_label(row['kind'], row.get('status'))} "
                                           f"{row['object']}{year}" + (" (inferred)" if row["inferred"] else ""))


def describe(iri: str, inbound_page: int = 1) -> dict:
    """The resource page's data: outgoing properties and incoming links (a page of
    INBOUND_PAGE at a time: an index can have thousands), grouped by property."""
    out_rows = list(model.run(store(), queries.DESCRIBE_OUT, iri=iri))
    in_total = int(next(iter(model.run(store(), queries.DESCRIBE_IN_COUNT, iri=iri)))["n"].value)
    pages = max(1, -(-in_total // INBOUND_PAGE))
    in_page = min(inbound_page, pages)
    in_rows = list(model.run(store(), queries.DESCRIBE_IN.replace("{limit}", str(INBOUND_PAGE))
                             .replace("{offset}", str((in_page - 1) * INBOUND_PAGE)), iri=iri))
    if not out_rows and not in_rows:
        fail(404, f"nothing is known about {iri}")
    linked = {r["o"].value for r in out_rows if isinstance(r["o"], ox.NamedNode)}
    linked |= {r["s"].value for r in in_rows if isinstance(r["s"], ox.NamedNode)}
    info = model.nodes_info(store(), [iri, *[i for i in linked if i.startswith(store().iris.base)]])
    _label_statements(info)
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
        try:
            fact = model.fact(store(), iri)
        except model.NotFound:      # a rejected fact: only its curation marks are left (curation.md)
            me.update(type="statement", label="Rejected statement " + me["label"])
        else:
            me.update(type="statement",
                      label=f"{fact['subject']['label']} {fact['label']} {fact['object']['label']}")
    elif "/id/evidence/" in iri:
        me.update(type="evidence", label="Evidence " + me["label"])
    # The timeline's marks are in the JSON twin only: the page's script fetches them, so the HTML
    # is not held up by them (a hub's timeline reads hundreds of facts).
    has_timeline = me["type"] in TIMELINE_TYPES
    timeline = timelines.timeline(store(), iri) if has_timeline and wants_json() else None
    order = lambda p: (p["property"]["value"] != str(RDF_TYPE), p["property"]["curie"] or p["property"]["value"])  # noqa: E731
    return {"iri": iri, "label": me["label"], "type": me["type"], "aliases": me["aliases"],
            "properties": sorted(properties.values(), key=order),
            "inbound": sorted(inbound.values(), key=order),
            "inbound_pages": {"page": in_page, "pages": pages, "total": in_total,
                              "per_page": INBOUND_PAGE},
            "graph": "/graph?focus=" + iri if me["type"] not in ("statement", "evidence") else None,
            "fact": fact, "timeline": timeline,
            "timeline_source": f"{model.resource_path(store(), iri)}?format=json" if has_timeline else None,
            "facts_page": "/facts?" + urlencode({"subject" if me["type"] in ("company", "agency")
                                                 else "object": iri}) if has_timeline else None,
            "compare": f"/compare?{urlencode({'entity': iri})}" if me["type"] == "company" else None,
            "formats": [{"name": f.name, "media_type": f.media_type, "label": f.label}
                        for f in RDF_FORMATS]}


@bp.get("/id/<path:rest>")
def resource(rest: str):
    iri = store().iris.base + "id/" + rest
    if not model.valid_iri(iri):
        fail(404, "not a valid IRI")
    rdf = negotiated_rdf(iri)
    if rdf is not None:
        return rdf
    raw = request.args.get("inbound_page", "1")
    if not raw.isdigit() or int(raw) < 1:
        fail(400, f"inbound_page must be a positive integer, not {raw!r}")
    return vary_accept(render_page("resource.html", describe(iri, int(raw))))


@bp.get("/graph/<path:rest>")
def named_graph(rest: str):
    """A named graph's IRI dereferences too: its triples by content negotiation; a browser is
    sent to the document view (a document's graph) or to the export of the graph."""
    iri = store().iris.base + "graph/" + rest
    doc_id = store().iris.doc_id_of_graph(iri)
    if (doc_id is None or not store().has_document(doc_id)) and iri != store().iris.entities_graph:
        fail(404, f"no named graph <{iri}>")
    rdf_format = chosen_rdf_format()
    if rdf_format is None:
        if request.args.get("format") not in (None, "html"):
            fail(406, f"unknown format {request.args.get('format')!r}; offered: {', '.join(BY_NAME)}, html")
        target = f"/doc/{doc_id}" if doc_id else "/export?" + urlencode({"graph": iri, "format": "turtle"})
        return vary_accept(redirect(target, 303))
    triples = [q.triple for q in store().quads_for_pattern(None, None, None, ox.NamedNode(iri))]
    return rdf_response(triples, rdf_format)
