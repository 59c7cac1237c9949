// Graph view: a focus entity and its neighbours drawn with Cytoscape.js from /api/neighbourhood.
// Click (or activate in the lists) a node to expand it, an edge to see its fact and sentence.
// Two entities chosen in the path form: the shortest chain of facts between them is drawn and
// highlighted. The export menu downloads the whole graph, the filtered document or the view.
import cytoscape from "cytoscape";
import { el, clear, getJSON } from "./dom.js";
import { correctForm, rejectForm } from "./curate.js";
import { initAllSearches, initCombobox } from "./search.js";
import { initExportMenus, setExportDocument } from "./export.js";
import { cytoscapeStyle, NODE_TYPES } from "./styles.js";

performance.mark("esgkg-script-start");   // bench: scripts parsed, ours starts
initAllSearches();
initExportMenus();

const app = document.getElementById("graph-app");
const statusLine = document.getElementById("graph-status");
const factPanel = document.getElementById("fact-panel");
const yearSelect = document.getElementById("year-filter");
const documentSelect = document.getElementById("document-filter");
const kindBoxes = [...document.querySelectorAll("#kind-filters input[name=kind]")];

const state = {
  focus: app.dataset.focus,
  fact: app.dataset.fact,
  kinds: new Set((app.dataset.kinds || "").split(",").filter(Boolean)),
  year: app.dataset.year || "",
  document: app.dataset.document || "",
  expanded: new Map(),        // node IRI -> how many neighbours were asked for
  facets: { years: new Set(), documents: new Set() },
  gen: 0,                     // bumped by every reload, so late answers of older ones are dropped
  hiddenLinks: 0,             // links expansions brought that the cap left undrawn
};
const LIMIT = 40;
// Never more than this many links drawn at once, however many nodes are expanded (?links=N
// changes it): past a few hundred the drawing is a hairball and Cytoscape slows down.
const MAX_LINKS = Math.max(1, Number(new URLSearchParams(location.search).get("links")) || 150);

const cy = cytoscape({
  container: document.getElementById("cy"),
  style: cytoscapeStyle(),
  minZoom: 0.05,
  maxZoom: 4,
  boxSelectionEnabled: false,
});
window.esgkgGraph = cy;   // for tests and the benchmark: read-only inspection of what is drawn

function shortLabel(label, aliases = []) {
  // Long names are drawn by their shortest alias ("DJSI World"); the lists give the full name.
  const alias = [...aliases].sort((a, b) => a.length - b.length)[0];
  if (alias && label.length > 28 && alias.length < label.length) return alias;
  return label.length > 48 ? label.slice(0, 46) + "…" : label;
}

function setStatus(text) { statusLine.textContent = text; }

function params(iri, offset, limit) {
  const p = new URLSearchParams({ iri, limit: String(limit), offset: String(offset) });
  if (state.kinds.size) p.set("kinds", [...state.kinds].join(","));
  if (state.year) p.set("year", state.year);
  if (state.document) p.set("document", state.document);
  return p.toString();
}

async function load(iri, { offset = 0, limit = LIMIT, gen = state.gen, first = false } = {}) {
  setStatus("Loading…");
  // The page's first request was preloaded by the browser (link rel=preload in the head).
  const url = first && app.dataset.firstRequest ? app.dataset.firstRequest
    : "/api/neighbourhood?" + params(iri, offset, limit);
  const data = await getJSON(url, { preloaded: first });
  if (gen !== state.gen) return null;     // filters changed while this was loading
  // Up to the cap, the new links are drawn with the nodes they reach; the rest are counted.
  const fresh = data.edges.filter((e) => cy.getElementById(e.id).empty());
  const drawn = fresh.slice(0, Math.max(0, MAX_LINKS - cy.edges("[kind != 'more']").length));
  state.hiddenLinks += fresh.length - drawn.length;
  const reached = new Set([iri, state.focus, ...drawn.flatMap((e) => [e.source, e.target])]);
  cy.batch(() => {
    cy.remove(cy.getElementById("more:" + iri));
    for (const n of data.nodes) {
      if (cy.getElementById(n.iri).empty() && reached.has(n.iri)) {
        cy.add({ group: "nodes", data: { id: n.iri, label: n.label, short: shortLabel(n.label, n.aliases), aliases: n.aliases, type: n.type,
                                         page: n.page, focus: n.iri === state.focus } });
      }
    }
    for (const e of drawn) {
      cy.add({ group: "edges", data: { id: e.id, source: e.source, target: e.target, kind: e.kind,
                                       label: e.label, statement: e.statement, years: e.years,
                                       document: e.document } });
    }
    if (data.more > 0) {
      cy.add({ group: "nodes", data: { id: "more:" + iri, type: "more", forNode: iri, offset: offset + limit,
                                       label: `show ${data.more} more`, short: `show ${data.more} more` } });
      cy.add({ group: "edges", data: { id: "more-edge:" + iri, source: iri, target: "more:" + iri, kind: "more", label: "" } });
    }
    cy.getElementById(iri).addClass("expanded");
  });
  state.expanded.set(iri, offset + limit);
  data.facets.years.forEach((y) => state.facets.years.add(y));
  data.facets.documents.forEach((d) => state.facets.documents.add(d));
  if (iri === state.focus) {
    document.getElementById("focus-title").textContent = data.nodes[0].label;
    document.title = data.nodes[0].label + " · esgkg explorer";
    const from = document.getElementById("path-from");
    if (!from.value) { from.value = data.nodes[0].label; from.dataset.iri = iri; }
    const links = document.getElementById("focus-links");
    clear(links);
    links.append(el("span", { class: "type-badge", text: data.nodes[0].type }), " ",
      data.nodes[0].page ? el("a", { href: data.nodes[0].page, text: "Resource page" }) : "");
  }
  if (iri === state.focus && offset === 0) showGroups(data.groups || []);
  app.dataset.hiddenLinks = String(state.hiddenLinks);
  setStatus(`${cy.nodes("[type != 'more']").length} nodes, ${cy.edges("[kind != 'more']").length} facts` +
            (data.more ? `; ${data.more} more neighbours of ${shortLabel(data.nodes[0].label)} not shown` : "") +
            (state.hiddenLinks ? `; ${state.hiddenLinks} links hidden (at most ${MAX_LINKS} drawn at once; ` +
                                 "filter by kind, year or document, or focus on a node, to see others)" : ""));
  return data;
}

// First drawing of a focus: a star placed directly (focus in the middle, neighbours on rings),
// which costs nothing next to a layout run; once nodes are expanded, a force-directed layout.
function layout(animate = false, { force = false } = {}) {
  const focus = state.focus ? cy.getElementById(state.focus) : cy.collection();
  const edges = cy.edges();
  edges.toggleClass("quiet", edges.length > 24);
  if (state.expanded.size <= 1 && !animate && !force && !focus.empty()) {
    // Rings around the focus, each with room for its labels (about 130 px of arc per node).
    const others = cy.nodes().filter((n) => n.id() !== state.focus);
    const rings = [];
    for (let placed = 0, radius = 0; placed < others.length;) {
      radius = rings.length ? radius + 140 : 180;
      let capacity = Math.floor((2 * Math.PI * radius) / 130);
      if (!rings.length) capacity = Math.max(capacity, 20);      // up to 20 neighbours: one ring
      if (!rings.length && others.length <= capacity) radius = Math.max(radius, (others.length * 130) / (2 * Math.PI));
      const remaining = others.length - placed;
      if (remaining <= capacity) {
        radius = Math.max(radius, (remaining * 130) / (2 * Math.PI));
        capacity = remaining;
      }
      rings.push({ radius, start: placed, count: capacity });
      placed += capacity;
    }
    cy.batch(() => {
      focus.position({ x: 0, y: 0 });
      rings.forEach((ring, r) => {
        for (let i = 0; i < ring.count; i++) {
          const angle = (2 * Math.PI * i) / ring.count + r * 0.2 - Math.PI / 2;
          others[ring.start + i].position({ x: ring.radius * Math.cos(angle), y: ring.radius * Math.sin(angle) });
        }
      });
    });
    // Zoom and pan from the known extent: cy.fit() would measure every label's box first.
    const extent = (rings.length ? rings[rings.length - 1].radius : 0) + 90;
    const width = cy.width(), height = cy.height();
    cy.viewport({ zoom: Math.min(1.5, Math.min(width, height) / (2 * extent)), pan: { x: width / 2, y: height / 2 } });
    return;
  } else {
    const nodes = cy.nodes().length;
    cy.layout({ name: "cose", animate, randomize: !state.focus, nodeRepulsion: () => 9000,
                idealEdgeLength: () => 90, numIter: nodes > 300 ? 300 : 1000 }).run();
  }
  cy.fit(undefined, 30);
}

function refreshFilters() {
  const keepYear = state.year;
  while (yearSelect.options.length > 1) yearSelect.remove(1);
  [...state.facets.years].sort().forEach((y) => yearSelect.add(new Option(String(y), String(y))));
  yearSelect.value = keepYear;
  const keepDoc = state.document;
  while (documentSelect.options.length > 1) documentSelect.remove(1);
  [...state.facets.documents].sort().forEach((d) => documentSelect.add(new Option(d, d)));
  documentSelect.value = keepDoc;
  kindBoxes.forEach((box) => { box.checked = state.kinds.size === 0 || state.kinds.has(box.value); });
  refreshExportDocument();
}

// The "document" export: the document filter, else the focus when it is a document itself.
function refreshExportDocument() {
  const focusNode = state.focus ? cy.getElementById(state.focus) : cy.collection();
  const focusDoc = !focusNode.empty() && focusNode.data("type") === "document"
    ? decodeURIComponent(state.focus.replace(/\/$/, "").split("/").pop()) : "";
  const documentId = state.document || focusDoc;
  document.getElementById("export-document-item").hidden = !documentId;
  if (!documentId) return;
  setExportDocument(document.getElementById("export-document"), documentId);
  document.getElementById("export-document-id").textContent = documentId;
}

// "Current view": the entities and the statements drawn, posted as a form (too many for a link).
document.getElementById("export-view").addEventListener("submit", (event) => {
  const form = event.target;
  form.querySelectorAll("input[type=hidden]").forEach((input) => input.remove());
  const field = (name, value) => form.append(el("input", { type: "hidden", name, value }));
  cy.nodes("[type != 'more']").forEach((node) => field("entity", node.id()));
  const statements = new Set(cy.edges().map((edge) => edge.data("statement")).filter(Boolean));
  statements.forEach((statement) => field("statement", statement));
  if (!cy.nodes("[type != 'more']").length) {
    event.preventDefault();
    setStatus("Nothing drawn to export yet.");
  }
});

function refreshLists() {
  const edgeList = document.getElementById("edge-list");
  const nodeList = document.getElementById("node-list");
  clear(edgeList);
  clear(nodeList);
  cy.edges("[kind != 'more']").forEach((edge) => {
    const text = `${edge.source().data("label")} — ${edge.data("label")} → ${edge.target().data("label")}`;
    edgeList.append(el("li", {}, el("button", { type: "button", class: `link kind-${edge.data("kind")}`,
      "data-edge": edge.id(), text, onclick: () => selectEdge(edge) })));
  });
  cy.nodes().forEach((node) => {
    const more = node.data("type") === "more";
    const aliases = node.data("aliases") || [];
    const label = more ? node.data("label")
      : `${node.data("label")}${aliases.length ? " (" + aliases.join(", ") + ")" : ""} · ${node.data("type")}`;
    nodeList.append(el("li", {}, el("button", { type: "button", class: "link", "data-node": node.id(), text: label,
      onclick: () => activateNode(node) })));
  });
}

async function activateNode(node) {
  app.dataset.ready = "false";
  const id = node.id();
  const anchor = node.data("type") === "more" ? node.data("forNode") : id;
  const before = new Set(cy.nodes().map((n) => n.id()));
  const fromList = Boolean(document.activeElement && document.activeElement.closest("#node-list"));
  if (node.data("type") === "more") {
    await load(anchor, { offset: node.data("offset") });
  } else if (!state.expanded.has(id)) {
    showNode(node);
    await load(id);
  } else {
    showNode(node);
    app.dataset.ready = "true";
    return;
  }
  placeAround(cy.getElementById(anchor), cy.nodes().filter((n) => !before.has(n.id())));
  refreshFilters();
  refreshLists();
  // Keyboard focus stays on what was activated (the list was rebuilt under it).
  const again = document.querySelector(`#node-list button[data-node="${CSS.escape(cy.getElementById(id).empty() ? anchor : id)}"]`);
  if (again && fromList) again.focus();
  app.dataset.ready = "true";
}

// An expansion adds to the drawing instead of laying everything out again: the new nodes go on
// a ring around the node they came from, outside what is drawn near it, and nothing else moves.
function placeAround(center, added) {
  if (!added.length || center.empty()) return;
  const c = center.position();
  const near = cy.nodes().filter((n) => !added.contains(n) && n.id() !== center.id())
    .map((n) => Math.hypot(n.position("x") - c.x, n.position("y") - c.y)).filter((d) => d < 400);
  const radius = Math.max(160, (added.length * 110) / (2 * Math.PI), near.length ? Math.min(...near) * 0.6 : 0);
  const away = Math.atan2(c.y, c.x);          // open towards the outside of the drawing
  cy.batch(() => added.forEach((n, i) => {
    const angle = away + (2 * Math.PI * i) / added.length;
    n.position({ x: c.x + radius * Math.cos(angle), y: c.y + radius * Math.sin(angle) });
  }));
  cy.animate({ fit: { eles: center.closedNeighborhood().union(added), padding: 40 } }, { duration: 0 });
}

function showNode(node) {
  clear(factPanel);
  factPanel.append(
    el("h2", { text: node.data("label") }),
    el("p", {}, el("span", { class: "type-badge", text: node.data("type") })),
    el("p", {},
      node.data("page") ? el("a", { href: node.data("page"), text: "Resource page" }) : "",
      " · ",
      el("a", { href: "/graph?focus=" + encodeURIComponent(node.id()), text: "Focus on this" })),
  );
}

async function selectEdge(edge) {
  cy.elements().unselect();
  edge.select();
  const statement = edge.data("statement");
  if (!statement) return;
  clear(factPanel);
  factPanel.append(el("h2", { text: "Loading fact…" }));
  const fact = await getJSON("/api/fact?iri=" + encodeURIComponent(statement));
  renderFact(fact, edge.data("kind"));
  factPanel.focus({ preventScroll: true });
  factPanel.scrollIntoView({ block: "nearest" });   // phones: the panel is above the lists
}

function entityLink(entity) {
  if (!entity) return "";
  return entity.page ? el("a", { href: entity.page, text: entity.label }) : el("span", { text: entity.label });
}

function renderFact(fact, edgeKind) {
  clear(factPanel);
  const rows = [];
  for (const [key, value] of Object.entries(fact.qualifiers)) {
    const shown = typeof value === "object" ? entityLink(value) : String(value);
    rows.push(el("div", {}, el("dt", { text: fact.qualifier_labels[key] || key }), el("dd", {}, shown)));
  }
  if (fact.inferred_years.length) {
    rows.push(el("div", {}, el("dt", { text: "Earlier years (inferred)" }), el("dd", { text: fact.inferred_years.join(", ") })));
  }
  factPanel.append(
    el("h2", { text: "Fact" }),
    el("p", { class: "statement" }, entityLink(fact.subject), " ", el("strong", { text: fact.label || fact.kind }), " ", entityLink(fact.object)),
    edgeKind === "conferred_by" ? el("p", { class: "hint", text: "This edge shows the conferring body of the award statement below." }) : "",
    rows.length ? el("dl", { class: "qualifiers" }, rows) : "",
    fact.evidence && fact.evidence.exact
      ? el("figure", { class: "evidence" },
          el("blockquote", { class: "evidence-sentence", text: fact.evidence.exact }),
          el("figcaption", {}, "From ",
            fact.document ? el("a", { href: fact.evidence.page || fact.document.page, text: fact.document.title || fact.document.id }) : "the document",
            fact.document && fact.document.date ? ` (${fact.document.date})` : ""))
      : el("p", { class: "hint", text: "No evidence sentence recorded." }),
    fact.page ? el("p", {}, el("a", { href: fact.page, text: "Statement resource page" })) : "",
    rejectForm(fact.inferred_from || fact.iri, () => cy.edges(":selected").remove()),
    correctForm(fact.inferred_from || fact.iri),
  );
}

// Redraw from scratch after a filter change: the focus, then every node that was expanded and is
// still drawn. A newer reload supersedes an older one (generation counter); data-ready is "true"
// only when the latest one has finished.
async function reloadAll() {
  const gen = ++state.gen;
  app.dataset.ready = "false";
  const expanded = [...state.expanded.keys()];
  state.expanded.clear();
  state.hiddenLinks = 0;
  cy.elements().remove();
  resetPath("");
  try {
    for (const iri of [state.focus, ...expanded.filter((i) => i !== state.focus)]) {
      if (iri === state.focus || !cy.getElementById(iri).empty()) await load(iri, { gen });
      if (gen !== state.gen) return;
    }
  } catch (error) {
    setStatus("Could not load: " + error.message);
  }
  if (gen !== state.gen) return;
  layout();
  refreshFilters();
  refreshLists();
  syncUrl();
  app.dataset.ready = "true";
}

// A hub's neighbours by kind ("included in: 3,308"): one button a group, which keeps the graph to
// that kind (the kind filter), and a way back to all of them.
function showGroups(groups) {
  const list = document.getElementById("group-list");
  clear(list);
  for (const g of groups) {
    const only = state.kinds.size === 1 && state.kinds.has(g.kind);
    list.append(el("li", {}, el("button", {
      type: "button", class: "link", "data-group": g.kind, "aria-pressed": String(only),
      text: `${g.label}: ${g.count.toLocaleString("en")}`,
      onclick: () => { state.kinds = only ? new Set() : new Set([g.kind]); reloadAll(); },
    })));
  }
}

function syncUrl() {
  const p = new URLSearchParams({ focus: state.focus });
  if (state.kinds.size) p.set("kinds", [...state.kinds].join(","));
  if (state.year) p.set("year", state.year);
  if (state.document) p.set("document", state.document);
  if (new URLSearchParams(location.search).has("links")) p.set("links", String(MAX_LINKS));
  history.replaceState(null, "", "/graph?" + p.toString());
}

cy.on("tap", "node", (event) => activateNode(event.target));
cy.on("tap", "edge", (event) => { if (event.target.data("kind") !== "more") selectEdge(event.target); });

kindBoxes.forEach((box) => box.addEventListener("change", () => {
  const checked = kindBoxes.filter((b) => b.checked).map((b) => b.value);
  state.kinds = checked.length === kindBoxes.length ? new Set() : new Set(checked);
  reloadAll();
}));
yearSelect.addEventListener("change", () => { state.year = yearSelect.value; reloadAll(); });
documentSelect.addEventListener("change", () => { state.document = documentSelect.value; reloadAll(); });
document.getElementById("fit").addEventListener("click", () => cy.fit(undefined, 30));
document.getElementById("relayout").addEventListener("click", () => layout(true));
document.getElementById("reset").addEventListener("click", () => {
  state.kinds = new Set(); state.year = ""; state.document = "";
  state.expanded = new Map([[state.focus, LIMIT]]);
  reloadAll();
});
document.getElementById("export-png").addEventListener("click", () => {
  const blob = cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" });
  const url = URL.createObjectURL(blob);
  const link = el("a", { download: "esgkg-graph.png" });
  link.href = url;      // blob: URL made here, not data from the graph
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

// --- a path between two chosen entities (/api/analysis/path) ---------------------------------------
const pathForm = document.getElementById("path-form");
const pathStatus = document.getElementById("path-status");
const pathSteps = document.getElementById("path-steps");
const pathEnds = [...pathForm.querySelectorAll("[data-path-end]")].map((container) => {
  const input = container.querySelector("input");
  const box = initCombobox(container, (result) => { input.value = result.label; input.dataset.iri = result.iri; });
  input.addEventListener("input", () => { delete input.dataset.iri; });
  return { input, box };
});

// state: "" (none asked), "loading", "shown", "none" (no path), "error"; tests wait on it.
function resetPath(stateName, message = "") {
  cy.elements().removeClass("on-path off-path");
  clear(pathSteps);
  pathStatus.textContent = message;
  app.dataset.path = stateName;
}

async function chosenEnd({ input, box }) {
  if (input.dataset.iri) return { iri: input.dataset.iri, label: input.value };
  if (!input.value.trim()) return null;
  const best = await box.first();
  if (!best) return null;
  input.value = best.label;
  input.dataset.iri = best.iri;
  return best;
}

async function showPath() {
  const ends = [];
  for (const end of pathEnds) {
    const chosen = await chosenEnd(end);
    if (!chosen) {
      resetPath("error", end.input.value.trim() ? `No entity matches “${end.input.value.trim()}”.`
        : `Choose the entity to go ${end === pathEnds[0] ? "from" : "to"}.`);
      end.input.focus();
      return;
    }
    ends.push(chosen);
  }
  resetPath("loading", "Looking for a path…");
  let answer;
  try {
    answer = await getJSON("/api/analysis/path?" + new URLSearchParams({ from: ends[0].iri, to: ends[1].iri }));
  } catch (error) {
    resetPath("error", "Could not look for a path: " + error.message);
    return;
  }
  if (!answer.path) {
    resetPath("none", `No path between ${ends[0].label} and ${ends[1].label}: no chain of facts links them.`);
    return;
  }
  await drawPath(answer.path);
}

async function drawPath(path) {
  const missing = path.nodes.filter((n) => cy.getElementById(n.iri).empty()).map((n) => n.iri);
  const info = new Map(path.nodes.map((n) => [n.iri, n]));
  if (missing.length) {
    try {   // pages and aliases of the nodes to add, as the neighbourhood gives them
      const answer = await fetch("/api/nodes", {
        method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ iris: missing }),
      });
      if (answer.ok) (await answer.json()).nodes.forEach((n) => info.set(n.iri, { ...info.get(n.iri), ...n }));
    } catch (_) { /* labels and types of the path answer suffice */ }
  }
  let onPath = cy.collection();
  const pathEdges = [];
  cy.batch(() => {
    for (const iri of missing) {
      const n = info.get(iri);
      cy.add({ group: "nodes", data: { id: iri, label: n.label, short: shortLabel(n.label, n.aliases || []),
                                       aliases: n.aliases || [], type: n.type || "entity", page: n.page } });
    }
    path.nodes.forEach((n) => { onPath = onPath.union(cy.getElementById(n.iri)); });
    path.edges.forEach((e) => {
      // The drawn edge of the same statement, else any fact edge between the two, else a new one.
      let edge = e.statement ? cy.getElementById(e.statement) : cy.collection();
      if (edge.empty() || edge.source().id() !== e.from || edge.target().id() !== e.to) {
        edge = cy.getElementById(e.from).edgesWith(cy.getElementById(e.to)).filter("[kind != 'more']").first();
      }
      if (edge.empty()) {
        edge = cy.add({ group: "edges", data: { id: "path:" + (e.statement || `${e.from} ${e.to}`), source: e.from, target: e.to,
                                                kind: e.kind, label: kindLabel(e.kind), statement: e.statement,
                                                document: e.document, years: [] } });
      }
      pathEdges.push(edge);
      onPath = onPath.union(edge);
    });
    cy.elements().difference(onPath).addClass("off-path");
    onPath.addClass("on-path");
  });
  if (missing.length) layout(false, { force: true });
  cy.fit(onPath, 60);
  if (cy.zoom() > 1.2) {    // a short path would fill the canvas: keep its neighbours in sight
    cy.zoom(1.2);
    cy.center(onPath);
  }
  refreshLists();
  const label = (iri) => info.get(iri).label;
  path.edges.forEach((e, i) => {
    const edge = pathEdges[i];
    pathSteps.append(el("li", {}, el("button", { type: "button", class: "link",
      text: `${label(e.from)} — ${kindLabel(e.kind)} → ${label(e.to)}`, onclick: () => selectEdge(edge) })));
  });
  pathStatus.textContent = `Path of ${path.length} fact${path.length === 1 ? "" : "s"} from ${label(path.nodes[0].iri)} ` +
    `to ${label(path.nodes[path.nodes.length - 1].iri)}` + (missing.length ? `; ${missing.length} nodes added to the graph.` : ".");
  setStatus(pathStatus.textContent);
  app.dataset.path = "shown";
}

function kindLabel(kind) {
  const box = kindBoxes.find((b) => b.value === kind);
  return box ? box.parentElement.textContent.trim() : kind.replace(/_/g, " ");
}

pathForm.addEventListener("submit", (event) => { event.preventDefault(); showPath(); });
document.getElementById("path-clear").addEventListener("click", () => resetPath(""));

const legend = document.getElementById("legend");
for (const [type, s] of Object.entries(NODE_TYPES)) {
  legend.append(el("li", {}, el("span", { class: `swatch type-${type}`, "aria-hidden": "true" }), s.label));
}

// A CONSTRUCT query from the query page (/graph?construct=...): run on /sparql as N-Triples, drawn
// as a graph of its IRIs (literal-valued triples and rdf:type are left out), labelled by /api/nodes.
// Direct edge IRI -> its kind, from the vocabulary (graph/vocab.py, given by the page).
const PREDICATE_KINDS = JSON.parse(app.dataset.predicateKinds || "{}");
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const MAX_CONSTRUCT_EDGES = 1500;
const NT_LINE = /^(<[^>]*>|_:\S+)\s+<([^>]*)>\s+(<[^>]*>|_:\S+)\s*\.\s*$/;

function localName(iri) {
  return iri.replace(/[/#]$/, "").split(/[/#]/).pop();
}

async function startConstruct(query) {
  document.getElementById("focus-title").textContent = "CONSTRUCT result";
  document.querySelector(".controls fieldset").disabled = true;
  yearSelect.disabled = true;
  documentSelect.disabled = true;
  setStatus("Running the query…");
  const response = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: "application/n-triples" },
    body: query,
  });
  if (!response.ok) throw new Error(`${response.status} ${(await response.text()).slice(0, 200)}`);
  const triples = [];
  for (const line of (await response.text()).split("\n")) {
    const m = NT_LINE.exec(line.trim());
    if (m && m[2] !== RDF_TYPE) triples.push([m[1].replace(/^<|>$/g, ""), m[2], m[3].replace(/^<|>$/g, "")]);
  }
  const shown = triples.slice(0, MAX_CONSTRUCT_EDGES);
  const iris = [...new Set(shown.flatMap(([s, , o]) => [s, o]))];
  const info = new Map();
  for (let i = 0; i < iris.length; i += 500) {
    const answer = await fetch("/api/nodes", {
      method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ iris: iris.slice(i, i + 500) }),
    });
    if (!answer.ok) throw new Error(`labels: ${answer.status}`);
    (await answer.json()).nodes.forEach((n) => info.set(n.iri, n));
  }
  cy.batch(() => {
    for (const iri of iris) {
      const n = info.get(iri) || { label: localName(iri), type: "entity", aliases: [] };
      cy.add({ group: "nodes", data: { id: iri, label: n.label, short: shortLabel(n.label, n.aliases || []),
                                       aliases: n.aliases || [], type: n.type, page: n.page } });
    }
    shown.forEach(([s, p, o], i) => {
      const kind = PREDICATE_KINDS[p] || "other";
      cy.add({ group: "edges", data: { id: `construct-${i}`, source: s, target: o, kind,
                                       label: KIND_LABELS_FROM_PREDICATE(p) } });
    });
  });
  state.expanded.set("construct", 0);
  layout();
  refreshLists();
  setStatus(`${iris.length} nodes, ${shown.length} links` +
            (triples.length > shown.length ? ` (first ${shown.length} of ${triples.length} triples)` : ""));
  app.dataset.ready = "true";
}

function KIND_LABELS_FROM_PREDICATE(p) {
  return localName(p).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

async function start() {
  const construct = new URLSearchParams(window.location.search).get("construct");
  if (construct) {
    try {
      await startConstruct(construct);
    } catch (error) {
      setStatus("Could not run the query: " + error.message);
    }
    return;
  }
  if (!state.focus) {
    setStatus("Search for an organization, award, standard or index to start.");
    return;
  }
  try {
    await load(state.focus, { first: true });
    performance.mark("esgkg-data-drawn");
  } catch (error) {
    setStatus("Could not load: " + error.message);
    return;
  }
  layout();
  refreshFilters();
  refreshLists();
  app.dataset.ready = "true";
  // Time from navigation start to the first painted graph (read by bench/bench_explorer.py).
  requestAnimationFrame(() => requestAnimationFrame(() => {
    app.dataset.firstDrawnMs = String(Math.round(performance.now()));
  }));
  if (state.fact) {
    const edge = cy.edges().filter((e) => e.data("statement") === state.fact).first();
    if (!edge.empty()) await selectEdge(edge);
  }
}

start();
