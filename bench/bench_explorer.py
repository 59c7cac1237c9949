#!/usr/bin/env python3
"""Time to the first rendered graph in Chromium, for the ASE focus node and for a hub.

Builds a store with the sample release (ingested by the pipeline) and a hub (one index that ``--hub`` companies are
included in, one synthetic release each, written as rdf-design.md describes), serves it with
gunicorn, and opens /graph?focus=... in Debian's Chromium ``--repeat`` times per focus, each in a
fresh browser context (cold page, warm server). The figure is the page's own
``performance.now()`` when the graph has been laid out and painted (two animation frames after
drawing), i.e. navigation start -> first graph on screen: HTML, scripts, the neighbourhood API
call, layout and paint. The API call alone is timed too, to tell server time from browser time.

    python -m esgkg.bench.bench_explorer [--hub 5000] [--repeat 5]

Target: under 1 s for both.

With ``--store DIR`` (e.g. the 10k synthetic releases of ``bench/synth.py``, ingested with
``ESGKG_BASE=URL esgkg ingest --store DIR``; give the same URL as ``--base``) it serves that store
instead, and also times the analyst views (issue 13): first contentful paint of /facts (the fact
table's first page with its facet counts) and /documents, the /facts.json twin alone, and the
graph view and timeline of the store's busiest index (its hub).
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
ESG = "https://w3id.org/esgkg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
XSD_INT = "http://www.w3.org/2001/XMLSchema#integer"
OA = "http://www.w3.org/ns/oa#"


def hub_quads(base: str, companies: int) -> list[ox.Quad]:
    """``companies`` one-fact releases: company i is included in the hub index in some year."""
    n = ox.NamedNode
    entities = n(base + "graph/entities")
    index = n(base + "id/index/synthetic-hub-sustainability-index")
    quads = [ox.Quad(index, n(RDF_TYPE), n(ESG + "Index"), entities),
             ox.Quad(index, n(RDFS_LABEL), ox.Literal("Synthetic Hub Sustainability Index"), entities),
             ox.Quad(index, n(SKOS_ALT), ox.Literal("SHSI"), entities)]
    for i in range(companies):
        doc_id = f"synthetic-hub-{i:05d}"
        g = n(f"{base}graph/doc/{doc_id}")
        doc = n(f"{base}doc/{doc_id}")
        company = n(f"{base}id/company/synthetic-company-{i:05d}")
        sentence = f"Synthetic Company {i:05d} Ltd. was included in the Synthetic Hub Sustainability Index."
        st = n(f"{base}id/statement/{doc_id}/index_inclusion-{i:012x}")
        ev = n(f"{base}id/evidence/{doc_id}/index_inclusion-{i:012x}")
        target, quote, pos = (n(f"{ev.value}/{p}") for p in ("target", "quote", "position"))
        year = ox.Literal(str(2015 + i % 9), datatype=n(XSD_INT))
        quads += [
            ox.Quad(company, n(RDF_TYPE), n(ESG + "Company"), entities),
            ox.Quad(company, n(RDFS_LABEL), ox.Literal(f"Synthetic Company {i:05d} Ltd."), entities),
            ox.Quad(doc, n(RDF_TYPE), n(ESG + "Release"), g),
            ox.Quad(doc, n("http://purl.org/dc/terms/identifier"), ox.Literal(doc_id), g),
            ox.Quad(doc, n("http://purl.org/dc/terms/title"), ox.Literal(f"Release {i}"), g),
            ox.Quad(doc, n("https://schema.org/text"), ox.Literal(sentence), g),
            ox.Quad(company, n(ESG + "includedIn"), index, g),
            ox.Quad(st, n(RDF_TYPE), n(ESG + "IndexInclusion"), g),
            ox.Quad(st, n(ESG + "kind"), ox.Literal("index_inclusion"), g),
            ox.Quad(st, n(ESG + "subject"), company, g),
            ox.Quad(st, n(ESG + "object"), index, g),
            ox.Quad(st, n(ESG + "year"), year, g),
            ox.Quad(st, n("http://www.w3.org/ns/prov#wasDerivedFrom"), doc, g),
            ox.Quad(st, n(ESG + "evidence"), ev, g),
            ox.Quad(ev, n(RDF_TYPE), n(OA + "Annotation"), g),
            ox.Quad(ev, n(OA + "hasBody"), st, g),
            ox.Quad(ev, n(OA + "hasTarget"), target, g),
            ox.Quad(target, n(OA + "hasSource"), doc, g),
            ox.Quad(target, n(OA + "hasSelector"), quote, g),
            ox.Quad(target, n(OA + "hasSelector"), pos, g),
            ox.Quad(quote, n(RDF_TYPE), n(OA + "TextQuoteSelector"), g),
            ox.Quad(quote, n(OA + "exact"), ox.Literal(sentence), g),
            ox.Quad(pos, n(RDF_TYPE), n(OA + "TextPositionSelector"), g),
            ox.Quad(pos, n(OA + "start"), ox.Literal("0", datatype=n(XSD_INT)), g),
            ox.Quad(pos, n(OA + "end"), ox.Literal(str(len(sentence)), datatype=n(XSD_INT)), g),
        ]
    return quads


def build_store(path: Path, base: str, hub: int) -> None:
    from esgkg.graph.pipeline import ingest_paths
    from esgkg.graph.store import GraphStore
    from esgkg.graph.vocab import Iris

    store = GraphStore(path, iris=Iris(base))
    os.environ["ESGKG_BASE"] = base
    ingest_paths([ROOT / "ontology" / "sample" / "ase-osh-award-2021.txt"], store, progress=False)
    store.ox.bulk_extend(hub_quads(base, hub))
    store.flush()
    del store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


# What a person waits for at most: the first graph, the first page of /facts (issue 11).
TARGET_MS = 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hub", type=int, default=5000, help="companies linked to the hub index")
    parser.add_argument("--repeat", type=int, default=5, help="page loads per focus")
    parser.add_argument("--store", type=Path, help="serve this store instead of building one")
    parser.add_argument("--base", default="http://127.0.0.1:5000/",
                        help="the IRI base the --store was ingested with")
    args = parser.parse_args()
    if not os.path.exists(CHROMIUM):
        raise SystemExit(f"{CHROMIUM} not found: make browser")
    if not (ROOT / "webapp" / "static" / "dist" / "graph.js").exists():
        raise SystemExit("front end not built: make setup")

    tmp = Path(tempfile.mkdtemp(prefix="esgkg-bench-explorer-"))
    port = free_port()
    if args.store:
        base, store = args.base, args.store
        print(f"store: {store} (base {base})")
    else:
        base, store = f"http://127.0.0.1:{port}/", tmp / "store"
        t0 = time.perf_counter()
        build_store(store, base, args.hub)
        print(f"store: sample + hub of {args.hub} companies, built in {time.perf_counter() - t0:.1f} s")

    env = dict(os.environ, ESGKG_STORE=str(store), ESGKG_BASE=base)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proc = subprocess.Popen([str(gunicorn), "--bind", f"127.0.0.1:{port}", "--workers", "1",
                             "--threads", "4", "--log-level", "warning", "esgkg.webapp:create_app()"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    views = None
    try:
        # A cheap page as the probe: /api/stats counts a 10k store's 2M triples (tens of seconds),
        # and probes that time out would leave every server thread counting.
        wait_up(url + "/documents.json?per_page=1", proc)
        import json
        if args.store:
            views = run_views(url, args.repeat)
            focuses = {f"hub: {views['hub_label']}": views["hub"]}
        else:
            search = urllib.parse.urlencode({"q": "ASE"})
            with urllib.request.urlopen(f"{url}/api/search?{search}") as r:
                ase = json.load(r)["results"][0]["iri"]
            focuses = {"ASE (sample)": ase,
                       f"hub ({args.hub} neighbours)": base + "id/index/synthetic-hub-sustainability-index"}
        results = run_browser(url, focuses, args.repeat)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)

    report(results, views, args.repeat)
    return 0


def report(results: dict, views: dict | None, repeat: int) -> None:
    """The table of each focus's times against the target, and the analyst views'."""
    load = os.getloadavg()[0]
    print(f"\nmachine: {os.cpu_count()} cores, load average {load:.1f} at the end of the run")
    print(f"{'focus':<26} {'API':>6} {'cold median':>12} {'max':>7} {'warm median':>12}  "
          f"{'html/script/data/paint (cold, ms)':>34}  nodes")
    ok = True
    for name, r in results.items():
        ok &= statistics.median(r["first"]) < TARGET_MS
        ph = r["phases"]
        print(f"{name:<26} {statistics.median(r['api']):>4.0f}ms {statistics.median(r['first']):>10.0f}ms "
              f"{max(r['first']):>5.0f}ms {statistics.median(r['warm']):>10.0f}ms  "
              f"{ph['html']:>8.0f}/{ph['script']:.0f}/{ph['data']:.0f}/{ph['painted']:.0f}{'':>12}"
              f"{r['nodes']} drawn, {r['more']}")
    print(f"\ntarget: median first graph < {TARGET_MS} ms (cold page) for both:", "met" if ok else "NOT met")
    if views:
        print(f"\nanalyst views ({views['facts']} facts; cold page, median of {repeat}):")
        for name, times in views["times"].items():
            print(f"  {name:<34} median {statistics.median(times):>6.0f} ms   max {max(times):>6.0f} ms")
        first = statistics.median(views["times"]["/facts first contentful paint"])
        print(f"target: first page of /facts < {TARGET_MS} ms:", "met" if first < TARGET_MS else "NOT met")


def run_views(url: str, repeat: int) -> dict:
    """First contentful paint of /facts and /documents, the /facts.json twin alone, and the
    timeline of the busiest index (from the fact table's index facet)."""
    import json

    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {}

    def timed(name: str, ms: float) -> None:
        times.setdefault(name, []).append(ms)

    # The first request counts the facets; later ones (any page or sort of the same filters)
    # find them kept until the store changes.
    for i in range(repeat + 1):
        t = time.perf_counter()
        with urllib.request.urlopen(url + "/facts.json") as r:
            body = json.load(r)
        timed("/facts.json (server), " + ("first: counting" if i == 0 else "counts kept"),
              (time.perf_counter() - t) * 1000)
    hub, hub_count = next(iter(body["facets"]["index"].items()))
    paint = "() => performance.getEntriesByName('first-contentful-paint')[0].startTime"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for _ in range(repeat):
            for path in ("/facts", "/documents"):
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                page = context.new_page()
                page.goto(url + path)
                page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length")
                timed(f"{path} first contentful paint", page.evaluate(paint))
                context.close()
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            t = time.perf_counter()
            page.goto(url + "/" + hub.split("/", 3)[3])
            page.wait_for_selector(".timeline[data-ready=true]")
            timed("hub resource page with timeline", (time.perf_counter() - t) * 1000)
            context.close()
        browser.close()
    return {"facts": body["total"], "hub": hub, "hub_label": f"{body['labels'][hub]} ({hub_count} facts)",
            "times": times}


# Where the time goes, from navigation start (ms): HTML received, scripts parsed (our code starts),
# neighbourhood data drawn into Cytoscape, graph painted.
PHASES = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = (n) => { const m = performance.getEntriesByName(n)[0]; return m ? m.startTime : NaN; };
  return { html: nav.responseEnd, script: mark('esgkg-script-start'), data: mark('esgkg-data-drawn'),
           painted: Number(document.getElementById('graph-app').dataset.firstDrawnMs) };
}"""


def run_browser(url: str, focuses: dict[str, str], repeat: int) -> dict:
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        warm = browser.new_page()                           # first start of the renderer, not counted
        warm.goto(url + "/graph?focus=" + urllib.parse.quote(next(iter(focuses.values())), safe=""))
        warm.wait_for_selector("#graph-app[data-first-drawn-ms]")
        warm.close()
        for name, iri in focuses.items():
            api, first, warm_first, phases = [], [], [], []
            for _ in range(repeat):
                t = time.perf_counter()
                with urllib.request.urlopen(url + "/api/neighbourhood?" + urllib.parse.urlencode({"iri": iri, "limit": 40})) as r:
                    r.read()
                api.append((time.perf_counter() - t) * 1000)
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                page = context.new_page()
                page.goto(url + "/graph?focus=" + urllib.parse.quote(iri, safe=""))
                page.wait_for_selector("#graph-app[data-first-drawn-ms]")
                first.append(float(page.get_attribute("#graph-app", "data-first-drawn-ms")))
                phases.append(page.evaluate(PHASES))
                nodes = page.evaluate("() => window.esgkgGraph.nodes().length")
                more = page.evaluate("() => window.esgkgGraph.nodes(\"[type = 'more']\").map(n => n.data('label')).join(', ') || 'no more node'")
                # the same page again in the same context: HTTP cache and V8 code cache warm
                page.goto(url + "/graph?focus=" + urllib.parse.quote(iri, safe=""))
                page.wait_for_selector("#graph-app[data-first-drawn-ms]")
                warm_first.append(float(page.get_attribute("#graph-app", "data-first-drawn-ms")))
                context.close()
            results[name] = {"api": api, "first": first, "warm": warm_first, "nodes": nodes, "more": more,
                             "phases": {k: statistics.median(p[k] for p in phases) for k in phases[0]}}
        browser.close()
    return results


if __name__ == "__main__":
    sys.exit(main())
