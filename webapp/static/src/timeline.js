// Timelines: an entity's facts by year as an Observable Plot chart, one row per series (a kind
// and object, or a company), one dot per fact linking to its sentence; inferred years are hollow.
// The data are the page's JSON twin ({timeline: {marks, more}}); the table below the chart says
// the same for screen readers and for anyone who prefers text.
import * as Plot from "@observablehq/plot";
import { el, clear, getJSON } from "./dom.js";
import { EDGE_KINDS } from "./styles.js";

export async function drawTimelines() {
  for (const box of document.querySelectorAll("[data-timeline]")) {
    const data = await getJSON(box.dataset.timeline);
    draw(box, data.timeline);
  }
}

function draw(box, timeline) {
  clear(box);
  const marks = timeline ? timeline.marks : [];
  if (!marks.length) {
    box.append(el("p", { class: "hint", text: "No dated facts." }));
    box.dataset.ready = "true";
    return;
  }
  const years = marks.map((m) => m.year);
  const first = Math.min(...years), last = Math.max(...years);
  // One tick a year (never between years) up to 16 years; beyond, Plot's own whole-year ticks.
  const yearTicks = last - first < 16 ? Array.from({ length: last - first + 1 }, (_, i) => first + i)
    : Array.from({ length: 9 }, (_, i) => Math.round(first + (i * (last - first)) / 8));
  const series = [...new Set(marks.map((m) => m.series))];
  const kinds = [...new Set(marks.map((m) => m.kind))];
  const width = Math.max(320, box.clientWidth || 800);
  // Row labels take at most a third of the width; the full text is in the table below.
  const MAX_LABEL = Math.max(18, Math.min(60, Math.round(width / 20)));
  const short = (text) => (text.length > MAX_LABEL ? text.slice(0, MAX_LABEL - 1) + "…" : text);
  const title = (m) => `${m.subject} ${m.kind_label} ${m.object}, ${m.year}`
    + (m.inferred ? " (inferred)" : m.year_from !== "year" ? ` (${m.year_from})` : "")
    + (m.detail ? ` — ${m.detail}` : "");
  const dots = (data, fill) => Plot.dot(data, {
    x: "year", y: "series", r: 6, stroke: "kind", strokeWidth: 2, fill,
    href: "fact_page", target: "_self", title, ariaLabel: title,
  });
  const chart = Plot.plot({
    width,
    height: 40 + series.length * 26,
    marginLeft: Math.min(MAX_LABEL, Math.max(...series.map((s) => s.length))) * 7.2 + 14,
    style: { fontSize: "12px" },
    x: { label: null, tickFormat: "d", domain: [first - 0.5, last + 0.5], ticks: yearTicks },
    y: { label: null, domain: series, tickFormat: short },
    color: { domain: kinds, range: kinds.map((k) => (EDGE_KINDS[k] || { color: "#555" }).color) },
    marks: [
      Plot.gridX({ ticks: yearTicks, stroke: "#c9ced6", strokeOpacity: 1 }),
      dots(marks.filter((m) => !m.inferred), "kind"),
      dots(marks.filter((m) => m.inferred), "white"),     // inferred years: hollow
    ],
  });
  chart.classList.add("timeline-chart");
  box.append(chart, legend(marks), table(marks, timeline));
  box.dataset.ready = "true";
}

function legend(marks) {
  const seen = new Map(marks.map((m) => [m.kind, m.kind_label]));
  return el("p", { class: "timeline-legend" },
    [...seen].map(([kind, label]) => el("span", {}, el("span", { class: `swatch kind-${kind}`, "aria-hidden": "true" }), label, " ")),
    el("span", {}, el("span", { class: "swatch hollow", "aria-hidden": "true" }), "inferred year"));
}

function table(marks, timeline) {
  const rows = marks.map((m) => el("tr", {},
    el("td", { class: "num", text: String(m.year) }),
    el("td", { text: m.series }),
    el("td", {}, el("a", { href: m.fact_page, text: m.detail || m.kind_label }),
      m.inferred ? " (inferred)" : m.year_from !== "year" ? ` (${m.year_from})` : "")));
  return el("details", { class: "timeline-table" },
    el("summary", { text: `The ${marks.length} dated facts as a table` + (timeline.more ? `; ${timeline.more} more rows in the fact table` : "") }),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: "Year" }), el("th", { text: "Row" }), el("th", { text: "Fact" }))),
      el("tbody", {}, rows)));
}
