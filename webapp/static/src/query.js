// Query page: YASGUI on this server's /sparql, one tab per example query (from /api/examples).
// No network beyond this server: prefix.cc and LOV autocompleters are off, nothing persists.
import Yasgui from "@zazuko/yasgui";
import "@zazuko/yasgui/build/yasgui.min.css";
import { getJSON } from "./dom.js";
import { initAllSearches } from "./search.js";

initAllSearches();

const host = document.getElementById("yasgui");
const statusLine = document.getElementById("query-status");

// A result the endpoint cut at its row limit must not pass for the whole answer: a banner says so.
const truncatedBanner = document.createElement("p");
truncatedBanner.id = "query-truncated";
truncatedBanner.setAttribute("role", "alert");
truncatedBanner.hidden = true;
host.before(truncatedBanner);

function showTruncation(response) {
  const cut = response && response.headers && typeof response.headers.get === "function"
    ? response.headers.get("X-SPARQL-Results-Truncated") : null;
  truncatedBanner.hidden = !(cut && cut.startsWith("true"));
  const limit = cut && /max-rows=(\d+)/.exec(cut);
  truncatedBanner.textContent = truncatedBanner.hidden ? "" :
    `Incomplete result: the endpoint stops at ${limit ? limit[1] : "its row limit of"} rows. ` +
    "Narrow the query, or page through it with LIMIT and OFFSET.";
}

async function start() {
  const { examples } = await getJSON(host.dataset.examples);
  const endpoint = new URL(host.dataset.endpoint, window.location.origin).href;
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  const yasgui = new Yasgui(host, {
    requestConfig: { endpoint, method: "POST", acceptHeaderSelect: "application/sparql-results+json",
                     acceptHeaderGraph: "text/turtle" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    populateFromUrl: false,
    autoAddOnInit: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    yasqe: { autocompleters: ["variables"], prefixCcApi: null, persistenceId: null, resizeable: true, collapsePrefixesOnLoad: true },
    yasr: { persistenceId: null, prefixes: {} },
  });
  window.esgkgYasgui = yasgui;
  // A share link (YASGUI's share button: #query=...&tabTitle=..., or the same as ?query=) opens
  // its query in a tab of its own, active; the endpoint is always this server's, whatever the
  // link says.
  const hash = window.location.hash.slice(1);
  const shared = new URLSearchParams(hash.includes("query=") ? hash : window.location.search);
  if (shared.get("query")) {
    yasgui.addTab(true, { name: shared.get("tabTitle") || "Shared query", yasqe: { value: shared.get("query") },
                          requestConfig: { endpoint } });
  }
  const wanted = hash;
  let active = shared.get("query") ? -1 : Math.max(0, examples.findIndex((ex) => wanted && ex.name.startsWith(wanted)));
  examples.forEach((ex, i) => {
    yasgui.addTab(i === active, { name: ex.title, yasqe: { value: ex.query.trim() + "\n" }, requestConfig: { endpoint } });
  });
  // "Open in the editor" links of the canned list: switch to that tab without reloading.
  document.querySelectorAll("[data-open-example]").forEach((link) => link.addEventListener("click", () => {
    const ex = examples.find((e) => e.name === link.dataset.openExample);
    const tab = Object.values(yasgui._tabs).find((t) => t.getName() === ex.title);
    if (tab) yasgui.selectTabId(tab.getId());
  }));
  yasgui.on("queryResponse", (_y, tab) => {
    statusLine.textContent = "Query finished.";
    host.dataset.lastQuery = tab.getId();
  });
  yasgui.on("queryBefore", (_y, tab) => {
    statusLine.textContent = "Running query…";
    truncatedBanner.hidden = true;
    const yasqe = tab.getYasqe();
    if (yasqe && !yasqe.esgkgWatched) {  // the response (and its headers) reach only Yasqe's event
      yasqe.esgkgWatched = true;
      yasqe.on("queryResponse", (_q, response) => showTruncation(response));
    }
  });

  document.getElementById("open-in-graph").addEventListener("click", () => {
    const tab = yasgui.getTab();
    const query = tab.getQuery();
    if (!/\bCONSTRUCT\b/i.test(query)) {
      statusLine.textContent = "Only a CONSTRUCT query can open in the graph view.";
      return;
    }
    window.location.assign("/graph?construct=" + encodeURIComponent(query));
  });
}

start().catch((error) => { statusLine.textContent = "Query page failed: " + error.message; });
