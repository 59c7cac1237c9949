"""What the explorer shows, as plain data: one function per page or API answer.

Both the HTML pages and their JSON twins are made from these dicts (the Datasette habit), and the
front end reads the same JSON. Every function takes the GraphStore and runs queries from
``queries.py`` with request values filled in by ``sparql_term`` (a checked IRI or an escaped literal).
"""
from __future__ import annotations

import re
from collections import defaultdict

import pyoxigraph as ox

from esgkg.graph.fact_table import read_facts
from esgkg.graph.stats import store_stats
from esgkg.graph.vocab import (
    ENTITY_CLASSES,
    ESG,
    FACT_KINDS,
    NOT_INFERRED,
    QUALIFIERS,
    display,
    edge_labels,
    kind_labels,
)

from . import queries as q

DEFAULT_LIMIT = 60
MAX_LIMIT = 1000
# Above this many direct neighbours (and with no filter), a focus is a hub: neighbours are paged
# in store order by SPARQL instead of all fetched and ranked by how many facts link them.
HUB_THRESHOLD = 500

TYPE_OF_CLASS = {str(cls): name for name, cls in ENTITY_CLASSES.items()}
TYPE_OF_CLASS[str(ESG.Release)] = "document"

KIND_LABELS = kind_labels()
# Edge kinds the filters offer: the fact kinds plus the qualifier edges drawn from statements.
EDGE_KINDS = list(FACT_KINDS) + [name for name, shown in display()["edge_kinds"].items()
                                 if shown.get("filter")]
QUALIFIER_LABELS = display()["qualifiers"]
# Direct edge IRI -> the edge kind it is drawn as (a CONSTRUCT result on the graph page): every
# fact kind's edges, and the conferring body's qualifier edge.
PREDICATE_KINDS = {str(edge): name for name, kind in FACT_KINDS.items() for edge in kind.edges}
PREDICATE_KINDS[str(QUALIFIERS["awarded_by"][0])] = "conferred_by"


class NotFound(Exception):
    """Nothing in the store answers to this IRI or id."""


def sparql_term(value) -> str:
    """A request value as a SPARQL term: a str is an IRI (checked), an ox.Literal a string."""
    if isinstance(value, ox.Literal):
        text = "".join(c for c in value.value if c >= " " or c in "\t\n\r")
        text = (text.replace("\\", "\\\\").replace('"', '\\"')
                .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
        return f'"{text}"'
    if not valid_iri(value):
        raise NotFound(f"not an IRI: {value!r}")
    return f"<{value}>"


_PLACEHOLDER = re.compile(r"\$([A-Za-z_]+)")


def run(store, text: str, **bindings):
    """Run one query from queries.py with its ``$name`` placeholders filled from ``bindings``
    (a ``$`` not named there, e.g. inside an IRI already rendered by ``sparql_term``, stays)."""
    text = text.replace("{entities}", store.iris.entities_graph)
    text = _PLACEHOLDER.sub(lambda m: sparql_term(bindings[m.group(1)])
                            if m.group(1) in bindings else m.group(0), text)
    return store.query(text)


def records(solutions):
    """Solutions as dicts of plain values (str, or None when unbound): one pass over each row,
    much cheaper than looking every variable up by name on a hub's thousands of rows."""
    names = [v.value for v in solutions.variables]
    for row in solutions:
        yield dict(zip(names, (None if t is None else t.value for t in row)))


def _v(solution, name):
    try:
        term = solution[name]
    except (KeyError, IndexError):    # not projected by this query
        return None
    return None if term is None else term.value


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def valid_iri(iri: str | None) -> bool:
    if not iri or any(c in iri for c in '<>"{}|^`\\ \n\t'):
        return False
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


# --- entities -------------------------------------------------------------------------------
def nodes_info(store, iris) -> dict[str, dict]:
    """Label, aliases and type of each IRI (documents get their title)."""
    iris = [i for i in dict.fromkeys(iris) if valid_iri(i)]
    info = {i: {"iri": i, "label": None, "aliases": [], "type": None} for i in iris}
    if not iris:
        return info
    values = " ".join(f"<{i}>" for i in iris)
    for row in run(store, q.NODES.replace("{values}", values)):
        node = info[_v(row, "node")]
        if row["label"] is not None:
            node["label"] = node["label"] or _v(row, "label")
        alias = _v(row, "alias")
        if alias and alias not in node["aliases"]:
            node["aliases"].append(alias)
        node_type = TYPE_OF_CLASS.get(_v(row, "type"))
        if node_type:
            node["type"] = node_type
    for iri, node in info.items():
        doc_id = store.iris.doc_id_of(iri)
        if node["type"] is None and doc_id is not None:
            node["type"] = "document"
            doc = _document_row(store, doc_id)
            node["label"] = doc and (doc.get("title") or doc.get("id"))
        if node["label"] is None:
            node["label"] = iri.rstrip("/").rsplit("/", 1)[-1]
        node["type"] = node["type"] or "entity"
        node["page"] = resource_path(store, iri)
    return info


def resource_path(store, iri: str) -> str | None:
    """The path on this server where a minted IRI dereferences (None for foreign IRIs)."""
    return store.iris.path_of(iri)


def search(store, text: str, limit: int = 10) -> dict:
    """Entities whose label or alias contains ``text``, and releases whose title or id does: exact,
    then prefix, then word-start matches."""
    needle = (text or "").strip().lower()
    if not needle:
        return {"q": text, "results": []}
    best: dict[str, dict] = {}
    for row in run(store, q.SEARCH, needle=ox.Literal(needle)):
        iri, label, name = _v(row, "entity"), _v(row, "label"), _v(row, "name")
        low = name.lower()
        score = (0 if low == needle else 1 if low.startswith(needle)
                 else 2 if f" {needle}" in f" {low}" or f"({needle}" in low else 3)
        key = (score, len(name), label.lower())
        current = best.get(iri)
        if current is None or key < current["_key"]:
            best[iri] = {"iri": iri, "label": label, "matched": name if name != label else None,
                         "type": TYPE_OF_CLASS.get(_v(row, "type")) or (current or {}).get("type"),
                         "_key": key}
        elif current["type"] is None:
            current["type"] = TYPE_OF_CLASS.get(_v(row, "type"))
    for row in records(run(store, q.SEARCH_DOCUMENTS, needle=ox.Literal(needle))):
        doc_id, title = store.iris.doc_id_of_graph(row["g"]), row["title"]
        if doc_id:
            low = title.lower()
            score = 0 if low == needle else 1 if low.startswith(needle) else 3
            best[store.iris.document(doc_id)] = {
                "iri": store.iris.document(doc_id), "label": title, "matched": None,
                "type": "document", "_key": (score, len(title), low)}
    results = sorted(best.values(), key=lambda r: r["_key"])[:limit]
    for r in results:
        del r["_key"]
        r["page"] = resource_path(store, r["iri"])
        r["graph"] = "/graph?focus=" + r["iri"]
    return {"q": text, "results": results}


# --- graph ----------------------------------------------------------------------------------
def _edges_from_rows(store, rows, light: bool = False) -> dict[str, dict]:
    """Group statement rows (NEIGHBOURHOOD columns) into edges: one per statement, plus the
    conferring-body and program-location edges a statement implies."""
    edges: dict[str, dict] = {}
    for row in records(rows):
        if row.get("inferred") == "true":
            continue
        st = row["st"]
        doc_id = store.iris.doc_id_of_graph(row["g"])
        kind, s, o = row["kind"], row["s"], row["o"]
        edge = edges.get(st)
        if edge is None:
            edge = edges[st] = {"id": st, "statement": st, "source": s, "target": o, "kind": kind,
                                "label": KIND_LABELS.get(kind, kind), "document": doc_id,
                                "years": set(), "_date_year": None, "_extra": {}}
            if light:
                edge["_light"] = True
        for name in ("year", "since", "inferredYear"):
            year = _int(row.get(name))
            if year is not None:
                edge["years"].add(year)
        date = row.get("date")
        if date and _int(date[:4]):
            edge["_date_year"] = int(date[:4])
        by, loc = row.get("by"), row.get("loc")
        if by:
            edge["_extra"]["conferred_by"] = (o, by)
        if loc:
            edge["_extra"]["program_location"] = (o, loc)
    out: dict[str, dict] = {}
    for st, edge in edges.items():
        if not edge["years"] and edge["_date_year"]:
            edge["years"].add(edge["_date_year"])
        edge["years"] = sorted(edge.pop("years"))
        edge.pop("_date_year")
        extra = edge.pop("_extra")
        out[st] = edge
        for kind, (source, target) in extra.items():
            out[f"{st}#{kind}"] = dict(edge, id=f"{st}#{kind}", source=source, target=target,
                                       kind=kind, label=KIND_LABELS[kind])
    return out


def _filter(edges, kinds, year, document):
    for edge in edges:
        if kinds and edge["kind"] not in kinds:
            continue
        if year is not None and year not in edge["years"]:
            continue
        if document and edge["document"] != document:
            continue
        yield edge


def neighbourhood(store, focus: str, *, kinds=None, year=None, document=None,
                  limit: int = DEFAULT_LIMIT, offset: int = 0) -> dict:
    """The focus node, its neighbours (at most ``limit`` from ``offset``) and the edges between
    them; ``more`` counts the neighbours left out, for the "show N more" node of hubs. Over 60
    lines because its three cases (a hub, a document node, any other node) share one filtering,
    ranking and paging of edges that must stay side by side to agree."""
    if not valid_iri(focus):
        raise NotFound(f"not an IRI: {focus!r}")
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    doc_id = store.iris.doc_id_of(focus)
    if not (kinds or year is not None or document) and doc_id is None:
        total = _int(_v(next(iter(run(store, q.HUB_COUNT, focus=focus))), "count")) or 0
        if total > HUB_THRESHOLD:
            return _hub_neighbourhood(store, focus, total, limit, offset)
    if doc_id is not None:
        if not store.has_document(doc_id):
            raise NotFound(f"no document {doc_id}")
        rows = run(store, q.DOCUMENT_STATEMENTS, g=store.iris.document_graph(doc_id))
        all_edges = list(_edges_from_rows(store, rows).values())
        mentioned = dict.fromkeys(e["source"] for e in all_edges
                                  if e["kind"] not in ("conferred_by", "program_location"))
        all_edges += [{"id": f"{focus}#mentions-{i}", "statement": None, "source": focus,
                       "target": s, "kind": "mentions", "label": "mentions", "document": doc_id,
                       "years": []} for i, s in enumerate(mentioned)]
    else:
        all_edges = list(_edges_from_rows(store, run(store, q.NEIGHBOURHOOD, focus=focus),
                                          light=True).values())
        if year is not None:            # the filter needs every edge's years
            _add_years(store, all_edges)
    edges = list(_filter(all_edges, set(kinds or ()), year, document))
    degree: dict[str, int] = defaultdict(int)
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            if end != focus:
                degree[end] += 1
    ranked = sorted(degree, key=lambda n: (-degree[n], n))
    shown = set(ranked[offset:offset + limit])
    shown_edges = [e for e in edges
                   if (e["source"] == focus or e["source"] in shown)
                   and (e["target"] == focus or e["target"] in shown)]
    if year is None and doc_id is None:
        _add_years(store, shown_edges)
    if not all_edges and not _exists(store, focus):
        raise NotFound(f"nothing is known about {focus}")
    info = nodes_info(store, [focus, *sorted(shown)])
    nodes = [dict(info[focus], focus=True)] + [info[n] for n in ranked[offset:offset + limit]]
    facets = {
        "kinds": sorted({e["kind"] for e in all_edges}),
        "years": sorted({y for e in all_edges for y in e["years"]}),
        "documents": sorted({e["document"] for e in all_edges if e["document"]}),
    }
    groups: dict[str, set] = defaultdict(set)
    for e in all_edges:
        if e["kind"] not in ("conferred_by", "program_location", "mentions"):
            groups[e["kind"]].add(e["target"] if e["source"] == focus else e["source"])
    return {
        "focus": focus, "nodes": nodes, "edges": shown_edges,
        "total": len(ranked), "offset": offset, "limit": limit,
        "more": max(0, len(ranked) - offset - limit),
        "filters": {"kinds": sorted(kinds or []), "year": year, "document": document},
        "facets": facets, "groups": _groups({k: len(v) for k, v in groups.items()}),
    }


def _groups(counts: dict[str, int]) -> list[dict]:
    """A focus's neighbours by fact kind, largest first: the side panel's "neighbours by kind"."""
    return [{"kind": k, "label": KIND_LABELS.get(k, k), "count": n}
            for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _hub_neighbourhood(store, focus: str, total: int, limit: int, offset: int) -> dict:
    """One page of a hub's neighbours, without touching the other thousands of statements."""
    page_text = q.HUB_PAGE.replace("{limit}", str(limit)).replace("{offset}", str(offset))
    page = [r["n"] for r in records(run(store, page_text, focus=focus))]
    edges = []
    if page:
        values = " ".join(sparql_term(n) for n in page)
        rows = run(store, q.HUB_EDGES.replace("{values}", values), focus=focus)
        edges = list(_edges_from_rows(store, rows, light=True).values())
    shown = set(page) | {focus}
    edges = [e for e in edges if e["source"] in shown and e["target"] in shown]
    _add_years(store, edges)
    info = nodes_info(store, [focus, *page])
    return {
        "focus": focus, "nodes": [dict(info[focus], focus=True)] + [info[n] for n in page],
        "edges": edges, "total": total, "offset": offset, "limit": limit,
        "more": max(0, total - offset - len(page)),
        "filters": {"kinds": [], "year": None, "document": None},
        "facets": {"kinds": sorted({e["kind"] for e in edges}),
                   "years": sorted({y for e in edges for y in e["years"]}),
                   "documents": sorted({e["document"] for e in edges if e["document"]})},
        "groups": _groups({r["kind"]: int(r["count"]) for r in records(run(store, q.HUB_GROUPS, focus=focus))}),
        "hub": True,
    }


def _add_years(store, edges: list[dict]) -> None:
    """Fill ``years`` of edges that came from the light NEIGHBOURHOOD query (EDGE_DETAILS)."""
    pending = [e for e in edges if e.get("statement") and e.get("_light")]
    statements = list(dict.fromkeys(e["statement"] for e in pending))
    for chunk in (statements[i:i + 500] for i in range(0, len(statements), 500)):
        found: dict[str, tuple[set, int | None]] = {}
        values = " ".join(sparql_term(st) for st in chunk)
        for row in run(store, q.EDGE_DETAILS.replace("{values}", values)):
            years, date_year = found.setdefault(_v(row, "st"), (set(), None))
            for name in ("year", "since", "inferredYear"):
                value = _int(_v(row, name))
                if value is not None:
                    years.add(value)
            date = _v(row, "date")
            if date and _int(date[:4]):
                found[_v(row, "st")] = (years, int(date[:4]))
        for e in pending:
            if e["statement"] in found:
                years, date_year = found[e["statement"]]
                e["years"] = sorted(years or ({date_year} if date_year else set()))
    for e in pending:
        e.pop("_light", None)


def _exists(store, iri: str) -> bool:
    return bool(list(run(store, q.EXISTS, iri=iri)))


# --- facts ----------------------------------------------------------------------------------
def fact(store, iri: str) -> dict:
    """One statement: who, what, qualifiers, inferred years, and its evidence in its document."""
    iri = (iri or "").split("#", 1)[0]
    if not valid_iri(iri):
        raise NotFound(f"not an IRI: {iri!r}")
    rows = list(run(store, q.FACT, st=iri))
    if not rows:
        raise NotFound(f"no statement {iri}")
    row = rows[0]
    if _v(row, "inferred") == "true" and _v(row, "derivedFrom"):
        stated = fact(store, _v(row, "derivedFrom"))
        stated.update(inferred_from=stated["iri"], iri=iri,
                      qualifiers={**{k: v for k, v in stated["qualifiers"].items()
                                     if k not in NOT_INFERRED}, "year": _int(_v(row, "year"))})
        return stated
    s, o = _v(row, "s"), _v(row, "o")
    linked = [_v(row, name) for name, (_, kind) in QUALIFIERS.items() if kind.startswith("entity:")]
    info = nodes_info(store, [x for x in (s, o, *linked) if x])
    status = _v(row, "status")
    qualifiers = {name: _qualifier(row, name, kind, info) for name, (_, kind) in QUALIFIERS.items()}
    doc_id = store.iris.doc_id_of_graph(_v(row, "g"))
    doc = _document_row(store, doc_id) if doc_id else None
    inferred_years = [_int(_v(r, "year")) for r in run(store, q.INFERRED_YEARS, st=iri)]
    start, end = _int(_v(row, "start")), _int(_v(row, "end"))
    return {
        "iri": iri, "kind": _v(row, "kind"), "label": fact_label(_v(row, "kind"), status),
        "subject": info.get(s), "object": info.get(o),
        "qualifiers": {k: v for k, v in qualifiers.items() if v is not None},
        "qualifier_labels": QUALIFIER_LABELS,
        "inferred_years": inferred_years,
        "document": doc and {"id": doc_id, "title": doc.get("title"), "date": doc.get("date"),
                             "page": f"/doc/{doc_id}"},
        "evidence": {"exact": _v(row, "exact"), "start": start, "end": end,
                     "page": f"/doc/{doc_id}#fact-{fact_anchor(iri)}" if doc_id else None},
        "page": resource_path(store, iri),
    }


def _qualifier(row, name: str, value_kind: str, info: dict):
    """A qualifier of the FACT query's row as the explorer shows it: a linked entity's node info,
    a number, a status's label, or the literal's text; None where the statement has none."""
    value = _v(row, name)
    if value is None:
        return None
    if value_kind.startswith("entity:"):
        return info.get(value)
    if value_kind == "integer":
        return _int(value)
    if value_kind == "status":
        return _v(row, "statusLabel") or value.rsplit("status_", 1)[-1].replace("_", " ")
    return value


def fact_label(kind: str, status: str | None) -> str | None:
    """The label of the direct edge this statement writes (its status picks a certification's)."""
    if kind not in FACT_KINDS:
        return KIND_LABELS.get(kind)
    edge = FACT_KINDS[kind].edge({"status": status.rsplit("status_", 1)[-1] if status else None})
    return edge_labels()[str(edge)]


def fact_anchor(statement_iri: str) -> str:
    """The id of a fact's entry in its document view (/doc/ID#fact-ANCHOR)."""
    return statement_iri.rstrip("/").rsplit("/", 1)[-1]


# --- documents ------------------------------------------------------------------------------
def _document_row(store, doc_id: str) -> dict | None:
    if not doc_id or not store.has_document(doc_id):
        return None
    rows = list(run(store, q.DOCUMENT, g=store.iris.document_graph(doc_id),
                     doc=store.iris.document(doc_id)))
    if not rows:
        return {"id": doc_id}
    row = rows[0]
    return {"id": _v(row, "id") or doc_id, "title": _v(row, "title"), "date": _v(row, "date"),
            "text": _v(row, "text") or "", "source": _v(row, "source"), "place": _v(row, "place")}


def document(store, doc_id: str) -> dict:
    """The release text, its facts with their spans, and the text cut into highlightable segments."""
    doc = _document_row(store, doc_id)
    if doc is None:
        raise NotFound(f"no document {doc_id}")
    text = doc["text"]
    facts: dict[str, dict] = {}
    for row in run(store, q.DOCUMENT_STATEMENTS, g=store.iris.document_graph(doc_id)):
        st = _v(row, "st")
        if st in facts:
            continue
        facts[st] = {"iri": st, "anchor": fact_anchor(st), "kind": _v(row, "kind"),
                     "label": KIND_LABELS.get(_v(row, "kind")),
                     "subject": _v(row, "s"), "object": _v(row, "o"),
                     "start": _int(_v(row, "start")), "end": _int(_v(row, "end")),
                     "exact": _v(row, "exact")}
    info = nodes_info(store, [x for f in facts.values() for x in (f["subject"], f["object"])]
                      + ([doc["place"]] if doc.get("place") else []))
    records_by_statement = {r["statement"]: r for r in read_facts(store, document=doc_id, details=True)}
    fact_list = sorted(facts.values(), key=lambda f: (f["start"] is None, f["start"] or 0, f["kind"]))
    for f in fact_list:
        f["subject"], f["object"] = info[f["subject"]], info[f["object"]]
        record = records_by_statement.get(f["iri"], {})
        f["qualifiers"] = [{"name": name, "label": QUALIFIER_LABELS.get(name, name),
                            "value": str(record[name]).replace("_", " ") if name == "status"
                            else record[name]}
                           for name in FACT_KINDS[f["kind"]].qualifiers if name in record]
        f["graph"] = f"/graph?focus={f['subject']['iri']}&fact={f['iri']}"
        ok = (f["start"] is not None and f["end"] is not None and 0 <= f["start"] < f["end"] <= len(text))
        f["span_ok"] = ok
    return {
        "id": doc_id, "iri": store.iris.document(doc_id), "title": doc.get("title"),
        "date": doc.get("date"), "source": doc.get("source"),
        "place": info.get(doc.get("place")) if doc.get("place") else None,
        "text": text, "facts": fact_list, "segments": segments(text, fact_list),
        "graph": "/graph?focus=" + store.iris.document(doc_id),
    }


def segments(text: str, facts: list[dict]) -> list[dict]:
    """Cut ``text`` at every span boundary; each piece lists the facts (anchors) covering it."""
    spans = [(f["start"], f["end"], f["anchor"]) for f in facts if f.get("span_ok")]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [anchor for s, e, anchor in spans if s <= a and b <= e]
        out.append({"text": text[a:b], "start": a, "facts": covering})
    return out


def documents(store, text: str = "", page: int = 1, per_page: int = 50) -> dict:
    """One page of the releases, newest first: title, date, company, place, number of facts;
    ``text`` keeps those whose title, id or company contains it."""
    needle = (text or "").strip().lower()
    offset = (page - 1) * per_page
    if needle:
        graphs = [r["g"] for r in records(run(store, q.DOCUMENTS_MATCHING, needle=ox.Literal(needle)))]
        total, graphs = len(graphs), graphs[offset:offset + per_page]
    else:
        counts = next(records(run(store, q.DOCUMENTS_COUNT)))
        total, dated = int(counts["n"]), int(counts["dated"])
        graphs = []
        if offset < dated:
            graphs = [r["g"] for r in records(run(
                store, q.DOCUMENTS_DATED + f" LIMIT {per_page} OFFSET {offset}"))]
        if len(graphs) < per_page and offset + len(graphs) < total:
            graphs += [r["g"] for r in records(run(
                store, q.DOCUMENTS_UNDATED + f" LIMIT {per_page - len(graphs)} "
                f"OFFSET {max(0, offset - dated)}"))]
    return {"q": text, "total": total, "page": page, "per_page": per_page,
            "pages": max(1, -(-total // per_page)), "documents": document_rows(store, graphs)}


def document_rows(store, graphs: list[str]) -> list[dict]:
    """The list entries of some document graphs, in that order."""
    if not graphs:
        return []
    values = " ".join(sparql_term(g) for g in graphs)
    found = {r["g"]: r for r in records(run(store, q.DOCUMENT_ROWS.replace("{values}", values)))}
    companies: dict[str, tuple] = {}
    for r in records(run(store, q.DOCUMENT_COMPANIES.replace("{values}", values))):
        best = companies.get(r["g"])
        if best is None or (-int(r["n"]), r["name"]) < (-best[0], best[2]):
            companies[r["g"]] = (int(r["n"]), r["company"], r["name"])
    out = []
    for g in graphs:
        row, doc_id = found.get(g), store.iris.doc_id_of_graph(g)
        if row is None or doc_id is None:
            continue
        company = companies.get(g)
        out.append({"id": doc_id, "title": row["title"], "date": row["date"],
                    "company": company and {"iri": company[1], "label": company[2],
                                            "page": resource_path(store, company[1])},
                    "place": row["place"] and {"iri": row["place"], "label": row["placeLabel"],
                                               "page": resource_path(store, row["place"])},
                    "facts": int(row["facts"]), "page": f"/doc/{doc_id}",
                    "facts_page": f"/facts?document={doc_id}"})
    return out


# --- stats ----------------------------------------------------------------------------------
def stats(store) -> dict:
    """The home page's counts (graph.stats, as ``esgkg stats``), the busiest fact kinds first."""
    counts = store_stats(store)
    facts = dict(sorted(counts.facts.items(), key=lambda item: -item[1]))
    return {"documents": counts.documents, "organizations": counts.organizations,
            "entities": counts.entities, "facts": facts, "facts_total": sum(facts.values()),
            "triples": counts.triples}


def example_questions(store) -> list[dict]:
    """A few questions an analyst may click, about the busiest entities of this store."""
    top: dict[str, tuple[str, str]] = {}
    for row in run(store, q.TOP_ENTITY_OF_TYPE):
        kind = TYPE_OF_CLASS.get(_v(row, "type"))
        if kind and kind not in top:
            top[kind] = (_v(row, "entity"), _v(row, "name"))
    out = []
    if "company" in top:
        iri, name = top["company"]
        out.append({"text": f"Which awards and certifications does {name} hold, and who conferred them?",
                    "href": f"/graph?focus={iri}&kinds=award,certification,conferred_by"})
        out.append({"text": f"Everything known about {name}", "href": f"/graph?focus={iri}"})
    if "index" in top:
        iri, name = top["index"]
        out.append({"text": f"Which companies are in {name}, and since when?",
                    "href": f"/graph?focus={iri}&kinds=index_inclusion"})
    if "award" in top:
        iri, name = top["award"]
        out.append({"text": f"Who received the {name}?", "href": f"/graph?focus={iri}"})
    out.append({"text": "Which companies hold which certification, and which are still in progress?",
                "href": "/facts?kind=certification&sort=kind"})
    out.append({"text": "Which certifications are still in progress? (a ready-made query)",
                "href": "/queries/certifications-in-progress"})
    return out
