// Document view: each highlighted span shows its fact in the graph when clicked (or activated
// with Enter/Space); spans carrying several facts point at their entries in the list instead.
import { addCurateControls } from "./curate.js";
import { initAllSearches } from "./search.js";
import { initExportMenus } from "./export.js";

initAllSearches();
initExportMenus();

function activate(mark) {
  const anchors = (mark.dataset.facts || "").split(" ").filter(Boolean);
  document.querySelectorAll(".fact-list li.selected").forEach((li) => li.classList.remove("selected"));
  const items = anchors.map((a) => document.getElementById("fact-" + a)).filter(Boolean);
  if (items.length === 1) {
    window.location.assign(items[0].dataset.graph);
    return;
  }
  items.forEach((li) => li.classList.add("selected"));
  if (items[0]) {
    items[0].scrollIntoView({ block: "nearest" });
    const link = items[0].querySelector(".show-in-graph");
    if (link) link.focus();
  }
}

document.querySelectorAll("mark.fact-span").forEach((mark) => {
  const n = (mark.dataset.facts || "").split(" ").filter(Boolean).length;
  mark.setAttribute("aria-label", n === 1 ? "Fact source: show this fact in the graph" : `Source of ${n} facts: list them`);
  mark.addEventListener("click", () => activate(mark));
  mark.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); activate(mark); }
  });
  mark.addEventListener("mouseenter", () => toggleList(mark, true));
  mark.addEventListener("mouseleave", () => toggleList(mark, false));
});

function toggleList(mark, on) {
  for (const a of (mark.dataset.facts || "").split(" ")) {
    const li = document.getElementById("fact-" + a);
    if (li) li.classList.toggle("hover", on);
  }
}

// Hovering a fact in the list lights its span in the text.
document.querySelectorAll(".fact-list li").forEach((li) => {
  const anchor = li.dataset.anchor;
  const marks = () => [...document.querySelectorAll("mark.fact-span")]
    .filter((m) => (m.dataset.facts || "").split(" ").includes(anchor));
  li.addEventListener("mouseenter", () => marks().forEach((m) => m.classList.add("hover")));
  li.addEventListener("mouseleave", () => marks().forEach((m) => m.classList.remove("hover")));
});

if (window.location.hash.startsWith("#fact-")) {
  const anchor = window.location.hash.slice(6);
  const mark = [...document.querySelectorAll("mark.fact-span")]
    .find((m) => (m.dataset.facts || "").split(" ").includes(anchor));
  if (mark) { mark.classList.add("hover"); mark.scrollIntoView({ block: "center" }); }
}

// Each fact of the list can be rejected from here too (curation, docs/curation.md).
addCurateControls(".fact-list li[data-statement]");
