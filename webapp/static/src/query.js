// Query page: YASGUI on this server's /sparql, one tab per example query (from /api/examples).
// No network beyond this server: prefix.cc and LOV autocompleters are off, nothing persists.
import Yasgui from "@zazuko/yasgui";
import "@zazuko/yasgui/build/yasgui.min.css";
import { getJSON } from "./dom.js";
import { initAllSearches } from "./search.js";

initAllSearches();

const host = document.getElementById("yasgui");
const statusLine = document.getElementById("query-status");

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
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
  const wanted = window.location.hash.slice(1);
  let active = examples.findIndex((ex) => wanted && slug(ex.title).startsWith(wanted));
  if (active < 0) active = 0;
  examples.forEach((ex, i) => {
    yasgui.addTab(i === active, { name: ex.title, yasqe: { value: ex.query.trim() + "\n" }, requestConfig: { endpoint } });
  });
  yasgui.on("queryResponse", (_y, tab) => {
    statusLine.textContent = "Query finished.";
    host.dataset.lastQuery = tab.getId();
  });
  yasgui.on("queryBefore", () => { statusLine.textContent = "Running query…"; });

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
