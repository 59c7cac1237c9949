"""The analyst views: the fact table (/facts), the documents (/documents), company comparison
(/compare) and the canned queries' results (/queries/NAME). Each page has its JSON twin at the
same path + ``.json`` (or ``?format=json``), and the fact table its downloads: ``/facts.csv``,
``/facts.jsonl`` and every RDF export format (``/facts.turtle``, or ``?format=turtle``), each
holding exactly the filtered rows.
"""
from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, jsonify, request, stream_with_context

from esgkg.graph import export
from esgkg.graph.formats import Format

from . import canned, model, timelines
from . import facts as fact_table
from .executor import ExecutorPool
from .pages import fail, page_args, render_page, store, wants_json

bp = Blueprint("views", __name__)

TABLE_FORMATS = ("csv", "jsonl")


def rdf_formats() -> list[Format]:
    """The export registry's RDF syntaxes (not the network and fact-table formats, which take a
    whole document rather than a set of statements)."""
    return [f for f in export.FORMATS.values() if not f.document_only]


def _kept_facet_counts(store, filters: fact_table.Filters) -> tuple[dict, int]:
    """The facet counts of a filter set, kept until the store changes: on 10k releases they
    are ~0.5 s of a first page's ~0.6 s, and every page, sort and download of one filter set
    shares them. Kept only under ``esgkg serve``'s executors, whose store generation changes
    with every committed write; an in-process store or a remote backend is counted each time."""
    runner = current_app.extensions["esgkg_runner"]
    if not isinstance(runner, ExecutorPool):
        return fact_table.facet_counts(store, filters)
    cache = current_app.extensions["esgkg_result_cache"]
    key = ("facet-counts", tuple(filters.params()), runner.generation())
    kept = cache.get(key)
    if kept is None:
        kept = fact_table.facet_counts(store, filters)
        cache.put(key, kept)
    facets, total = kept
    return {name: dict(values) for name, values in facets.items()}, total   # callers reorder them


def _format(extension: str | None) -> str:
    """``json``, ``html``, a table or an RDF format: from the path's extension or ``?format=``."""
    name = extension or request.args.get("format") or "html"
    offered = ["html", "json", *TABLE_FORMATS, *(f.name for f in rdf_formats())]
    if name not in offered:
        fail(404 if extension else 400, f"unknown format {name!r}; offered: {', '.join(offered)}")
    return name


@bp.get("/facts")
@bp.get("/facts.<extension>")
def facts(extension: str | None = None):
    """The fact table: facets, filters, sorting, paging, and downloads of the filtered rows."""
    name = _format(extension)
    try:
        filters = fact_table.Filters.from_args(request.args)
        sort = request.args.get("sort") or fact_table.DEFAULT_SORT
        if name in TABLE_FORMATS or name not in ("html", "json"):
            return _download(name, filters, sort)
        page, per_page = page_args(fact_table.PER_PAGE, fact_table.MAX_PER_PAGE)
        data = fact_table.table(store(), filters, sort=sort, page=page, per_page=per_page,
                                counts=_kept_facet_counts)
    except fact_table.BadFilter as exc:
        fail(400, str(exc))
    data["next"] = (_link("/facts" + (".json" if name == "json" else ""), page=page + 1)
                    if page * per_page < data["total"] else None)
    if name == "json":
        return jsonify(data)
    data["previous"] = _link("/facts", page=page - 1) if page > 1 else None
    data["downloads"] = [{"name": n, "href": _link(f"/facts.{n}", page=None)}
                         for n in (*TABLE_FORMATS, *(f.name for f in rdf_formats()))]
    return render_page("facts.html", data, facet_views=_facet_views(data), link=_link,
                       sorts=list(fact_table.SORTS), fact_label=model.fact_label)


def _facet_views(data: dict) -> list[dict]:
    """Each facet's values as links that add or remove that value (the HTML page's side bar)."""
    chosen = {}
    for key, value in request.args.items(multi=True):
        chosen.setdefault(key, []).extend(v for v in value.split(",") if v)
    out = []
    for name in fact_table.FACETS:
        values = []
        for value, count in data["facets"][name].items():
            selected = value in chosen.get(name, [])
            others = [v for v in chosen.get(name, []) if v != value]
            values.append({"value": value, "count": count, "selected": selected,
                           "label": _facet_label(name, value, data["labels"]),
                           "href": _toggle(name, others if selected else others + [value])})
        for value in chosen.get(name, []):        # chosen, but no longer in the filtered set
            if value not in data["facets"][name]:
                values.append({"value": value, "count": 0, "selected": True,
                               "label": _facet_label(name, value, data["labels"]),
                               "href": _toggle(name, [v for v in chosen[name] if v != value])})
        out.append({"name": name, "title": FACET_TITLES[name], "values": values})
    return out


FACET_TITLES = {"kind": "Kind", "year": "Year", "status": "Certification status",
                "subject": "Subject", "object": "Object", "document": "Document",
                "index": "Index", "award": "Award", "standard": "Standard"}


def _facet_label(name: str, value: str, labels: dict) -> str:
    if name == "kind":
        return model.KIND_LABELS.get(value, value)
    if name == "status":
        return value.replace("_", " ")
    return labels.get(value, value)


def _toggle(name: str, values: list[str]) -> str:
    params = [(k, v) for k, v in request.args.items(multi=True) if k not in (name, "page", "format")]
    params += [(name, v) for v in values]
    return "/facts" + ("?" + urlencode(params) if params else "")


@bp.get("/documents")
@bp.get("/documents.json")
def documents():
    """Every release, newest first, with search over title, id and company."""
    page, per_page = page_args()
    data = model.documents(store(), request.args.get("q", ""), page, per_page)
    json_twin = wants_json()
    data["next"] = (_link("/documents" + (".json" if json_twin else ""), page=page + 1)
                    if page < data["pages"] else None)
    if not json_twin:
        data["previous"] = _link("/documents", page=page - 1) if page > 1 else None
    return render_page("documents.html", data)


@bp.get("/compare")
@bp.get("/compare.json")
def compare():
    """2-4 companies side by side (``?entity=IRI&entity=IRI``); with fewer, the form to pick them."""
    entities = [e for e in request.args.getlist("entity") if e]
    data = {"entities": [], "shared": {}, "timeline": None,
            "chosen": [{"iri": e, "label": i["label"]}
                       for e, i in model.nodes_info(store(), entities).items()]}
    if len(entities) >= timelines.MIN_COMPARED or wants_json():
        try:
            data.update(timelines.compare(store(), entities))
        except ValueError as exc:
            fail(400, str(exc))
        except model.NotFound as exc:
            fail(404, str(exc))
    return render_page("compare.html", data, max_compared=timelines.MAX_COMPARED,
                       plurals=TYPE_PLURALS)


# Headings of the "what they share" groups, by entity type (the rest add an s).
TYPE_PLURALS = {"index": "Indices", "agency": "Agencies", "company": "Companies"}


@bp.get("/queries/<name>")
@bp.get("/queries/<name>.<extension>")
def canned_query(name: str, extension: str | None = None):
    """A canned query's results: a table, JSON (``.json``) or CSV (``.csv``)."""
    query = canned.get(name)
    if query is None:
        fail(404, f"no canned query {name!r}; see /query for the list")
    if extension not in (None, "json", "csv"):
        fail(404, f"unknown format {extension!r}; offered: html, json, csv")
    result = store().query(query.text)
    if hasattr(result, "variables"):                     # SELECT
        variables, rows = [v.value for v in result.variables], list(model.records(result))
    elif isinstance(result, (list, ox.QueryTriples)):    # CONSTRUCT (a list from other backends)
        variables = ["subject", "predicate", "object"]
        rows = [dict(zip(variables, (t.subject.value, t.predicate.value, t.object.value)))
                for t in result]
    else:                                                # ASK
        variables, rows = ["boolean"], [{"boolean": str(bool(result)).lower()}]
    if extension == "csv":
        response = Response(_csv(rows, variables), mimetype="text/csv")
        response.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    data = {"name": name, "title": query.title, "description": query.description,
            "query": query.text, "variables": variables, "rows": rows}
    return render_page("canned.html", data,
                       href=lambda value: value and model.resource_path(store(), value))


def _link(path: str, **changes) -> str:
    """``path`` with this request's query parameters, some changed (None removes one)."""
    params = [(k, v) for k, v in request.args.items(multi=True)
              if k not in changes and k != "format"]
    params += [(k, str(v)) for k, v in changes.items() if v is not None]
    return path + ("?" + urlencode(params) if params else "")


def _download(name: str, filters, sort: str) -> Response:
    """Every row of the filtered view as CSV, JSON lines or RDF (the statements' triples)."""
    rows = fact_table.all_rows(store(), filters, sort)
    if name == "csv":
        body, media_type, extension = _csv(rows), "text/csv", "csv"
    elif name == "jsonl":
        body = (json.dumps(_public(r), ensure_ascii=False) + "\n" for r in rows)
        media_type, extension = "application/x-ndjson", "jsonl"
    else:
        fmt = export.get_format(name)
        try:
            selection = export.select(store(), statements=[r["statement"] for r in rows])
        except export.ExportError as exc:
            fail(400, str(exc))
        body, media_type, extension = export.stream(store(), fmt, selection), fmt.media_type, fmt.extension
    response = Response(stream_with_context(body), mimetype=media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="esgkg-facts.{extension}"'
    return response


def _public(row: dict) -> dict:
    """A row as the downloads write it: the contract's fields, not the page's links."""
    return {k: v for k, v in row.items() if k in fact_table.COLUMNS}


def _csv(rows, columns=fact_table.COLUMNS):
    """CSV text of ``rows`` (dicts), written as they come."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
