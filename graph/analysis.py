"""Network questions about the graph: a networkx projection of the store and what it answers.

The projection has one node per entity (IRI, label, type) and one edge per stated fact, from the
fact's subject to its object, carrying the fact's kind, qualifiers, document and evidence sentence:
the direct edges of docs/rdf-design.md, qualified by their statements. Inferred earlier years are
left out (they would repeat each edge). On it: shortest paths between two entities, the standards,
indices, initiatives and awards that connect the most organizations, and organizations most
similar to a given one by what they share.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph as ox

from .store import GraphStore
from .vocab import ENTITY_CLASSES, ESG, FACT_KINDS, OA, ORGANIZATION_TYPES, QUALIFIERS, RDF, RDFS, SKOS, edge_labels

HUB_TYPES = ("standard", "index", "initiative", "award")
# How many hubs or similar organizations an answer lists unless asked for another number.
DEFAULT_TOP = 10
SIMILARITY_KINDS = ("certification", "membership", "index_inclusion", "award", "standard_adoption")
# Above this many nodes betweenness is estimated from a seeded sample of BETWEENNESS_SAMPLE sources
# (exact betweenness is O(nodes x edges): seconds at a thousand nodes, minutes at ten thousand).
EXACT_BETWEENNESS_LIMIT = 500
BETWEENNESS_SAMPLE = 200


class AnalysisError(Exception):
    """A question the analysis cannot answer as asked (message for the person who asked)."""


class EntityNotFound(AnalysisError):
    pass


_TYPE_OF_CLASS = {str(cls): name for name, cls in ENTITY_CLASSES.items()}


def _statements_query(doc_graph: str | None, statements: Iterable[str] | None = None) -> str:
    optionals = "\n".join(f"    OPTIONAL {{ ?st <{prop}> ?q_{name} }}"
                          for name, (prop, _) in QUALIFIERS.items())
    values = f"VALUES ?g {{ <{doc_graph}> }}" if doc_graph else ""
    if statements is not None:  # IRIs checked by the caller (pyoxigraph NamedNode)
        values += " VALUES ?st { " + " ".join(f"<{st}>" for st in sorted(statements)) + " }"
    return f"""
SELECT ?g ?st ?kind ?s ?o ?quote {' '.join('?q_' + n for n in QUALIFIERS)} WHERE {{
  {values}
  GRAPH ?g {{
    ?st <{ESG.kind}> ?kind ; <{ESG.subject}> ?s ; <{ESG.object}> ?o .
    FILTER NOT EXISTS {{ ?st <{ESG.inferred}> true }}
{optionals}
    OPTIONAL {{ ?st <{ESG.evidence}>/<{OA.hasTarget}>/<{OA.hasSelector}> ?sel .
               ?sel a <{OA.TextQuoteSelector}> ; <{OA.exact}> ?quote }}
  }}
}}"""


def _python_value(term):
    """A GraphML/GEXF-friendly scalar for a qualifier value."""
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype.endswith("#integer") or datatype.endswith("#int"):
            return int(term.value)
        if datatype.endswith("#decimal") or datatype.endswith("#double"):
            return float(term.value)
        if datatype.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


def projection(store: GraphStore, document: str | None = None, *,
               statements: Iterable[str] | None = None,
               entities: Iterable[str] = ()) -> nx.MultiDiGraph:
    """Entities as nodes, stated facts as edges (keyed by statement IRI); optionally one document,
    or only the given statements plus the given entities (a view of the explorer, where an entity
    may be drawn without any edge)."""
    doc_graph = store.iris.document_graph(document) if document else None
    network = nx.MultiDiGraph()
    network.add_nodes_from(entities)
    entity_qualifiers = {name for name, (_, kind) in QUALIFIERS.items() if kind.startswith("entity")}
    rows = list(store.query(_statements_query(doc_graph, statements))) \
        if statements is None or statements else []
    linked: dict[str, set[str]] = {}  # statement -> entity qualifier IRIs, labelled below
    for row in rows:
        kind = row["kind"].value
        if kind not in FACT_KINDS:
            continue
        attrs = {"kind": kind, "statement": row["st"].value,
                 "document": store.iris.doc_id_of_graph(row["g"].value) or row["g"].value}
        for name in QUALIFIERS:
            term = row["q_" + name]
            if term is None:
                continue
            if name == "status":
                attrs[name] = term.value.rsplit("status_", 1)[-1]
            else:
                attrs[name] = _python_value(term)
            if name in entity_qualifiers:
                linked.setdefault(row["st"].value, set()).add(term.value)
        predicate = str(FACT_KINDS[kind].edge(attrs))
        attrs.update(predicate=predicate, label=edge_labels()[predicate])
        if row["quote"] is not None:
            attrs["evidence"] = row["quote"].value
        network.add_edge(row["s"].value, row["o"].value, key=row["st"].value, **attrs)

    labels = _entity_descriptions(store, set(network.nodes) | {i for s in linked.values() for i in s})
    for iri in network.nodes:
        network.nodes[iri].update(labels.get(iri) or _fallback_description(iri))
    for _, _, data in network.edges(data=True):
        for name in entity_qualifiers & data.keys():  # IRIs of conferring bodies, places -> labels
            data[name] = (labels.get(data[name]) or {}).get("label", data[name])
    return network


def _fallback_description(iri: str) -> dict:
    return {"iri": iri, "label": iri.rstrip("/").rsplit("/", 1)[-1], "type": "entity"}


def _entity_descriptions(store: GraphStore, iris: set[str]) -> dict[str, dict]:
    """Label, type and aliases of entities, from the entities graph."""
    if not iris:
        return {}
    entities = ox.NamedNode(store.iris.entities_graph)
    found: dict[str, dict] = {}
    for iri in iris:
        node = ox.NamedNode(iri)
        description = {"iri": iri}
        aliases = []
        for quad in store.quads_for_pattern(node, None, None, entities):
            predicate = quad.predicate.value
            if predicate == str(RDFS.label):
                description["label"] = quad.object.value
            elif predicate == str(RDF.type) and quad.object.value in _TYPE_OF_CLASS:
                description["type"] = _TYPE_OF_CLASS[quad.object.value]
            elif predicate == str(SKOS.altLabel):
                aliases.append(quad.object.value)
        if len(description) == 1:
            continue
        description.setdefault("label", _fallback_description(iri)["label"])
        description.setdefault("type", _type_from_iri(iri))
        if aliases:
            description["aliases"] = " | ".join(sorted(aliases))
        found[iri] = description
    return found


def _type_from_iri(iri: str) -> str:
    parts = iri.rstrip("/").split("/")
    return parts[-2] if len(parts) >= 2 and parts[-2] in ENTITY_CLASSES else "entity"


# --- finding entities by what people type ---------------------------------------------------------
def resolve(network: nx.MultiDiGraph, name: str) -> str:
    """The node for an IRI, a label or an alias (case-insensitive); clear errors otherwise."""
    if name in network:
        return name
    wanted = name.strip().casefold()
    matches = [n for n, d in network.nodes(data=True)
               if d.get("label", "").casefold() == wanted
               or wanted in (a.strip().casefold() for a in d.get("aliases", "").split("|") if a)
               or n.rstrip("/").rsplit("/", 1)[-1] == wanted]
    if not matches:  # then by the resolution key: case, punctuation, 'the' and corporate suffixes
        from .entities import Entity

        key = Entity(name, "organization").key
        matches = [n for n, d in network.nodes(data=True)
                   if Entity(d.get("label", ""), "organization").key == key]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise EntityNotFound(f"no entity named {name!r} in the graph")
    raise AnalysisError(f"{name!r} is ambiguous: " + ", ".join(sorted(matches)))


def _node(network: nx.MultiDiGraph, iri: str) -> dict:
    data = network.nodes[iri]
    return {"iri": iri, "label": data.get("label", iri), "type": data.get("type", "entity")}


# --- shortest paths ------------------------------------------------------------------------------
@dataclass
class Path:
    nodes: list[dict]
    edges: list[dict]  # one fact per hop: from, to, kind, document, evidence

    def to_json(self) -> dict:
        return {"nodes": self.nodes, "edges": self.edges, "length": len(self.edges)}


def shortest_path(network: nx.MultiDiGraph, source: str, target: str) -> Path | None:
    """The shortest chain of facts between two entities, whatever the edges' direction."""
    a, b = resolve(network, source), resolve(network, target)
    try:
        iris = nx.shortest_path(network.to_undirected(as_view=True), a, b)
    except nx.NetworkXNoPath:
        return None
    edges = []
    for left, right in zip(iris, iris[1:]):
        # Prefer the hop's facts in their stated direction; pick the first by statement IRI.
        candidates = sorted((network.get_edge_data(left, right) or {}).items()) \
            or sorted((network.get_edge_data(right, left) or {}).items())
        forward = network.has_edge(left, right)
        _, data = candidates[0]
        edges.append({"from": left if forward else right, "to": right if forward else left,
                      "kind": data["kind"], "document": data.get("document"),
                      "evidence": data.get("evidence"), "statement": data.get("statement")})
    return Path([_node(network, iri) for iri in iris], edges)


# --- hubs --------------------------------------------------------------------------------------
@dataclass
class Hub:
    node: dict
    organizations: int
    degree: int
    betweenness: float

    def to_json(self) -> dict:
        return {**self.node, "organizations": self.organizations, "degree": self.degree,
                "betweenness": round(self.betweenness, 6)}


def hubs(network: nx.MultiDiGraph, types: tuple[str, ...] = HUB_TYPES, top: int = DEFAULT_TOP) -> list[Hub]:
    """Entities of the given types ranked by how many organizations they connect, then betweenness.

    Degree counts distinct neighbouring entities; betweenness is normalized, on the undirected simple
    graph, exact up to EXACT_BETWEENNESS_LIMIT nodes and estimated from a seeded sample above it
    (the JSON says which: ``betweenness_sampled``).
    """
    unknown = set(types) - set(ENTITY_CLASSES)
    if unknown:
        raise AnalysisError(f"unknown entity type(s) {', '.join(sorted(unknown))}; "
                            f"choose from {', '.join(ENTITY_CLASSES)}")
    simple = nx.Graph(network.to_undirected(as_view=True))
    sample = None if simple.number_of_nodes() <= EXACT_BETWEENNESS_LIMIT else BETWEENNESS_SAMPLE
    betweenness = nx.betweenness_centrality(simple, k=sample, seed=0) if simple else {}
    ranked = []
    for iri, data in network.nodes(data=True):
        if data.get("type") not in types:
            continue
        neighbours = set(simple.neighbors(iri))
        organizations = sum(1 for n in neighbours
                            if network.nodes[n].get("type") in ORGANIZATION_TYPES)
        ranked.append(Hub(_node(network, iri), organizations, len(neighbours),
                          betweenness.get(iri, 0.0)))
    ranked.sort(key=lambda h: (-h.organizations, -h.betweenness, h.node["label"].casefold()))
    return ranked[:top]


# --- similar organizations -----------------------------------------------------------------------
@dataclass
class Similar:
    node: dict
    score: float
    shared: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {**self.node, "jaccard": round(self.score, 6), "shared": self.shared}


def profile(network: nx.MultiDiGraph, iri: str, kinds=SIMILARITY_KINDS) -> set[str]:
    """What an organization holds, joins and ranks in: the objects of its facts of these kinds."""
    return {target for _, target, kind in network.out_edges(iri, data="kind") if kind in kinds}


def similar(network: nx.MultiDiGraph, name: str, top: int = DEFAULT_TOP,
            kinds: tuple[str, ...] = SIMILARITY_KINDS) -> list[Similar]:
    """Organizations ranked by Jaccard similarity of their certifications, memberships, rankings."""
    iri = resolve(network, name)
    mine = profile(network, iri, kinds)
    if not mine:
        return []
    candidates = {source for target in mine for source, _ in network.in_edges(target)} - {iri}
    results = []
    for other in candidates:
        if network.nodes[other].get("type") not in ORGANIZATION_TYPES:
            continue
        theirs = profile(network, other, kinds)
        shared = mine & theirs
        if shared:
            results.append(Similar(_node(network, other), len(shared) / len(mine | theirs),
                                   sorted(network.nodes[s].get("label", s) for s in shared)))
    results.sort(key=lambda r: (-r.score, r.node["label"].casefold()))
    return results[:top]


def answer(network: nx.MultiDiGraph, question: str, **params) -> dict:
    """One analysis question as JSON-ready data (shared by the CLI and the HTTP API)."""
    if question == "path":
        found = shortest_path(network, params["source"], params["target"])
        return {"path": found.to_json() if found else None}
    if question == "hubs":
        ranked = hubs(network, tuple(params.get("types") or HUB_TYPES), params.get("top", DEFAULT_TOP))
        return {"hubs": [h.to_json() for h in ranked],
                "betweenness_sampled": network.number_of_nodes() > EXACT_BETWEENNESS_LIMIT}
    if question == "similar":
        return {"entity": _node(network, resolve(network, params["entity"])),
                "similar": [s.to_json() for s in similar(network, params["entity"],
                                                         params.get("top", DEFAULT_TOP))]}
    raise AnalysisError(f"unknown question {question!r}")
