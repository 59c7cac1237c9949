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
