"""Endpoint benchmark: esgkg serve vs Oxigraph server (and rdflib-endpoint) on the same data.

    python -m esgkg.bench.bench_endpoint [--synth N | --nquads FILE | --store DIR] [--duration 10]

Without data options it builds the graph of the bundled sample release; ``--synth N`` generates
and ingests the synthetic corpus of bench/synth.py. Each system is started on a free loopback
port, one at a time (esgkg: `esgkg serve`, gunicorn; Oxigraph: `oxigraph serve-read-only
--union-default-graph`; rdflib-endpoint: `rdflib-endpoint serve`), checked to give the same
answers, then driven by `wrk` (Debian package). In one run it prints, side by side:

* the mix: a rotating mix of five fixed queries (so esgkg's hot-query cache answers repeats);
* each query class alone (point lookup, neighbourhood, aggregate), *uncached*: every request
  differs by a random filter value, so no result is reused; and cached (the same request again);
* overload: 16 connections of an expensive query while a probe sends point lookups one after
  another: the probe's p50/p95/max and errors, the heavy queries' answers/s and 503s;
* slow readers: 8 clients reading a whole-store CONSTRUCT at 2 KB/s while the probe runs, and
  the esgkg process tree's peak RSS.

Needs the `bench` extra (rdflib-endpoint, uvicorn) and `apt-get install wrk`. Not a test: the
machine is shared, so keep runs short (defaults: 10 s per measurement) and note its load.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

PREFIXES = """PREFIX esg: <https://w3id.org/esgkg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- data ------------------------------------------------------------------------------------------
def prepare_data(args, work: Path) -> Path:
    """An N-Quads file of the benchmark data."""
    nquads = work / "data.nq"
    if args.nquads:
        shutil.copy(args.nquads, nquads)
        return nquads
    if args.synth:
        releases, store_dir = work / "synth", work / "synth-store"
        subprocess.run([sys.executable, "-m", "esgkg.bench.synth", "--count",
                        str(args.synth), "--seed", "7", "--out", str(releases), "--jobs", "2"], check=True)
        subprocess.run([sys.executable, "-m", "esgkg.cli", "ingest", str(releases),
                        "--store", str(store_dir)], check=True)
        store = ox.Store.read_only(str(store_dir))
    elif args.store:
        store = ox.Store.read_only(args.store)
    else:
        from importlib import resources

        from esgkg.graph.pipeline import ingest_paths
        from esgkg.graph.store import GraphStore

        sample = resources.files("esgkg.ontology").joinpath("sample/ase-osh-award-2021.txt")
        graph_store = GraphStore(work / "sample-store")
        with resources.as_file(sample) as path:
            ingest_paths([str(path)], graph_store)
        store = graph_store.ox
    store.dump(str(nquads), ox.RdfFormat.N_QUADS)
    if args.replicate > 1:
        replicate(nquads, args.replicate)
    return nquads


PER_COPY = ("/doc/", "/id/statement/", "/id/evidence/", "/id/company/")
YEAR = "https://w3id.org/esgkg/ontology#year"


def replicate(nquads: Path, copies: int) -> None:
    """A bigger store from a real one: N copies of the data, each with its own
    documents, statements and companies (IRIs suffixed), years shifted, sharing the other entities
    (awards, indices, agencies) as a real corpus does, so hubs get large."""
    quads = list(ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS))

    def rename(term, k):
        if isinstance(term, ox.NamedNode) and any(part in term.value for part in PER_COPY):
            return ox.NamedNode(f"{term.value}-{k}")
        return term

    with open(nquads, "wb") as out:
        for k in range(copies):
            batch = []
            for q in quads:
                obj = q.object
                if q.predicate.value == YEAR and isinstance(obj, ox.Literal):
                    obj = ox.Literal(str(int(obj.value) - k % 6), datatype=obj.datatype)
                batch.append(ox.Quad(rename(q.subject, k), q.predicate, rename(obj, k),
                                     rename(q.graph_name, k)))
            out.write(ox.serialize(batch, format=ox.RdfFormat.N_QUADS))


def query_mix(nquads: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The five queries of the mix, with an entity, a kind, a year and a word picked from the data
    itself; and the query classes measured alone, each with a ``RANDOMTOKEN`` for a filter value."""
    store = ox.Store()
    store.load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    union = {"use_default_graph_as_union": True}

    def first(query: str, default=None):
        rows = list(store.query(PREFIXES + query, **union))
        return rows[0] if rows else default

    top = first("SELECT ?c (COUNT(*) AS ?n) WHERE { ?st esg:subject ?c . ?c a esg:Company } "
                "GROUP BY ?c ORDER BY DESC(?n) ?c LIMIT 1")
    company = top["c"].value
    kind_year = first("SELECT ?k ?y (COUNT(*) AS ?n) WHERE { ?st esg:kind ?k ; esg:year ?y } "
                      "GROUP BY ?k ?y ORDER BY DESC(?n) ?k ?y LIMIT 1")
    kind, year = kind_year["k"].value, kind_year["y"].value
    label = first("SELECT ?l WHERE { ?a esg:kind 'award' ; esg:object ?o . ?o rdfs:label ?l } LIMIT 1")
    word = (label["l"].value.split()[0] if label else "Award").lower()
    return _mix(company, kind, year, word), query_classes(company)


def query_classes(company: str) -> dict[str, str]:
    """The classes of issue 12; the random filter value makes every request a new one."""
    return {
        "point lookup": f'SELECT ?p ?o WHERE {{ <{company}> ?p ?o FILTER(?o != "rRANDOMTOKEN") }}',
        "neighbourhood": f"""SELECT ?p ?n ?q ?m WHERE {{
  {{ <{company}> ?p ?n }} UNION {{ ?n ?p <{company}> }} ?n ?q ?m FILTER(STR(?m) != "rRANDOMTOKEN") }}""",
        "aggregate": PREFIXES + """SELECT ?index ?year (COUNT(?st) AS ?n) WHERE {
  ?st esg:kind "index_inclusion" ; esg:object ?index ; esg:year ?year FILTER(?year != RANDOMTOKEN)
} GROUP BY ?index ?year ORDER BY DESC(?n)""",
    }


# Every pair of typed resources sharing a type: ~0.3 s on the 4k-quad dev corpus.
EXPENSIVE = 'SELECT (COUNT(*) AS ?n) WHERE { ?a a ?t . ?c a ?t FILTER(STR(?a) != "rRANDOMTOKEN") }'


def _mix(company: str, kind: str, year: str, word: str) -> dict[str, str]:
    return {
        "point lookup": f"SELECT ?p ?o WHERE {{ <{company}> ?p ?o }}",
        # Stated facts with their evidence sentence. (An OPTIONAL evidence chain is evaluated
        # independently of the entity by Oxigraph, ~100x slower; LATERAL fixes that but
        # rdflib-endpoint has no LATERAL, so the mix uses the portable required form.)
        "neighbourhood + evidence": PREFIXES + f"""SELECT ?st ?kind ?object ?label ?quote WHERE {{
  ?st esg:subject <{company}> ; esg:kind ?kind ; esg:object ?object ; esg:evidence ?ev .
  ?ev oa:hasTarget ?target . ?target oa:hasSelector ?selector . ?selector oa:exact ?quote .
  OPTIONAL {{ ?object rdfs:label ?label }}
}}""",
        "facts by kind and year": PREFIXES + f"""SELECT ?subject ?object WHERE {{
  ?st esg:kind "{kind}" ; esg:year {year} ; esg:subject ?subject ; esg:object ?object .
}} LIMIT 100""",
        "count by index and year": PREFIXES + """SELECT ?index ?year (COUNT(?st) AS ?n) WHERE {
  ?st esg:kind "index_inclusion" ; esg:object ?index ; esg:year ?year .
} GROUP BY ?index ?year ORDER BY DESC(?n)""",
        "label search": PREFIXES + f"""SELECT ?entity ?label WHERE {{
  ?entity rdfs:label ?label FILTER(CONTAINS(LCASE(STR(?label)), "{word}"))
}} LIMIT 20""",
    }


# --- systems ---------------------------------------------------------------------------------------
class System:
    def __init__(self, name: str, url: str, proc: subprocess.Popen):
        self.name, self.url, self.proc = name, url, proc

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def _start(name: str, args: list[str], url: str, log: Path) -> System:
    proc = subprocess.Popen(args, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 180
    probe = url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{name} exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(urllib.request.Request(
                    probe, headers={"Accept": "application/sparql-results+json"}), timeout=5):
                return System(name, url, proc)
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"{name} did not start: {log.read_text()[-2000:]}")


def start_esgkg(nquads: Path, work: Path, args, cache: bool) -> System:
    store_dir = work / ("esgkg-store" + ("" if cache else "-nocache"))
    if not store_dir.exists():
        store = ox.Store(str(store_dir))
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
    port = free_port()
    return _start("esgkg serve" + ("" if cache else " (no cache)"),
                  [sys.executable, "-m", "esgkg.cli", "serve", "--store", str(store_dir),
                   "--port", str(port), "--workers", str(args.workers), "--threads", str(args.threads),
                   "--executors", str(args.executors),
                   "--cache-size", "1024" if cache else "0"],
                  f"http://127.0.0.1:{port}/sparql", work / f"esgkg-{cache}.log")


def start_oxigraph(nquads: Path, work: Path, args) -> System:
    location = work / "oxigraph-store"
    subprocess.run([str(BIN / "oxigraph"), "load", "--location", str(location), "--file", str(nquads)],
                   check=True, capture_output=True)
    port = free_port()
    return _start("oxigraph serve", [str(BIN / "oxigraph"), "serve-read-only", "--location", str(location),
                                     "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                  f"http://127.0.0.1:{port}/query", work / "oxigraph.log")


def start_rdflib_endpoint(nquads: Path, work: Path, args) -> System:
    port = free_port()
    return _start("rdflib-endpoint", [str(BIN / "rdflib-endpoint"), "serve", str(nquads),
                                      "--host", "127.0.0.1", "--port", str(port)],
                  f"http://127.0.0.1:{port}/", work / "rdflib-endpoint.log")


def answers(system: System, mix: dict[str, str]) -> dict[str, int]:
    """Row count of each query of the mix on one system (the systems must agree)."""
    counts = {}
    for name, query in mix.items():
        request = urllib.request.Request(system.url, data=urllib.parse.urlencode({"query": query}).encode(),
                                         headers={"Accept": "application/sparql-results+json",
                                                  "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=60) as response:
            counts[name] = len(json.load(response)["results"]["bindings"])
    return counts


# --- load ------------------------------------------------------------------------------------------
LUA = """
local bodies = { %s }
local counter = 0
request = function()
  counter = counter + 1
  local body = bodies[(counter %% #bodies) + 1]:gsub("RANDOMTOKEN", tostring(math.random(1, 1000000000)))
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/sparql-results+json" }, body)
end
"""


def lua_script(queries: list[str], work: Path, name: str) -> Path:
    """A wrk script POSTing ``queries`` in turn (a ``RANDOMTOKEN`` becomes a new number each time)."""
    bodies = ", ".join(json.dumps(urllib.parse.urlencode({"query": q})) for q in queries)
    path = work / f"{name}.lua"
    path.write_text(LUA % bodies)
    return path


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(url: str, script: Path, args, connections: int | None = None, warm_up: bool = True,
            pid: int | None = None) -> dict:
    """wrk's figures; with ``pid``, also the server's CPU time per answered request."""
    command = ["wrk", "-t", str(args.wrk_threads), "-c", str(connections or args.connections),
               "-d", f"{args.duration}s", "--latency", "--timeout", "30s", "-s", str(script), url]
    if warm_up:
        subprocess.run(command[:6] + ["-d", "2s"] + command[8:], capture_output=True)
    cpu_before = tree_cpu_seconds(pid) if pid else 0.0
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    cpu = tree_cpu_seconds(pid) - cpu_before if pid else None
    if "50%" not in out:
        raise SystemExit(f"unexpected wrk output for {url}:\n{out}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = int(errors.group(1)) if errors else 0
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "ok_per_s": (requests - non_2xx) / args.duration,
        "p50_ms": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99_ms": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "non_2xx": non_2xx,
        "cpu_us_per_request": cpu / requests * 1e6 if cpu is not None and requests else None,
    }


# --- overload and slow readers ---------------------------------------------------------------------
class Probe(threading.Thread):
    """Point lookups one after another (each new), timing each: what a cheap client sees."""

    def __init__(self, url: str, query: str):
        super().__init__(daemon=True)
        self.url, self.query, self.stop = url, query, threading.Event()
        self.latencies, self.statuses = [], []

    def run(self) -> None:
        while not self.stop.is_set():
            body = urllib.parse.urlencode({"query": self.query.replace(
                "RANDOMTOKEN", str(time.monotonic_ns()))}).encode()
            request = urllib.request.Request(self.url, data=body, headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json"})
            started = time.monotonic()
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as exc:
                status = exc.code
            except OSError:
                status = 0
            self.latencies.append((time.monotonic() - started) * 1000)
            self.statuses.append(status)
            time.sleep(0.02)

    def figures(self) -> dict:
        self.stop.set()
        self.join()
        lat = sorted(self.latencies)
        return {"probes": len(lat), "p50_ms": statistics.median(lat),
                "p95_ms": lat[min(len(lat) - 1, int(len(lat) * 0.95))], "max_ms": lat[-1],
                "errors": sum(1 for s in self.statuses if s != 200)}


def overload(system: System, classes: dict[str, str], work: Path, args) -> dict:
    """16 connections of EXPENSIVE (8x what 2 cores serve) while the probe runs."""
    probe = Probe(system.url, classes["point lookup"])
    probe.start()
    heavy = run_wrk(system.url, lua_script([EXPENSIVE], work, "expensive"), args,
                    connections=args.overload_connections, warm_up=False)
    return {"heavy_ok_per_s": heavy["ok_per_s"], "heavy_503": heavy["non_2xx"], **probe.figures()}


def _tree(pid: int) -> dict[int, list[str]]:
    """A process and all its descendants: pid -> the fields of /proc/PID/stat after the name."""
    stats: dict[int, list[str]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stats[int(entry)] = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
    children: dict[int, list[int]] = {}
    for child, stat in stats.items():
        children.setdefault(int(stat[1]), []).append(child)
    tree, todo = {}, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        if current in stats:
            tree[current] = stats[current]
    return tree


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants."""
    total = 0
    for current in _tree(pid):
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(match.group(1)) if match else 0
    return total / 1024


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its live descendants: what a
    server spends per request, which the load of a shared machine changes far less than req/s."""
    return sum(int(stat[11]) + int(stat[12]) for stat in _tree(pid).values()) / os.sysconf("SC_CLK_TCK")


def slow_readers(system: System, classes: dict[str, str], args) -> dict:
    """``--slow-readers`` clients each read a whole-store CONSTRUCT at 2 KB/s."""
    parts = urllib.parse.urlsplit(system.url)
    path = parts.path + "?" + urllib.parse.urlencode({"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    stop = threading.Event()

    def read_slowly() -> None:
        sock = socket.create_connection((parts.hostname, parts.port))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                     "Accept: application/n-triples\r\n\r\n".encode())
        try:
            while not stop.is_set() and sock.recv(2048):
                time.sleep(1.0)
        except OSError:
            pass
        finally:
            sock.close()

    before = _tree_rss_mb(system.proc.pid)
    readers = [threading.Thread(target=read_slowly, daemon=True) for _ in range(args.slow_readers)]
    for reader in readers:
        reader.start()
    probe = Probe(system.url, classes["point lookup"])
    probe.start()
    peak, deadline = before, time.monotonic() + args.duration + 5
    while time.monotonic() < deadline:
        peak = max(peak, _tree_rss_mb(system.proc.pid))
        time.sleep(0.5)
    figures = probe.figures()
    stop.set()
    for reader in readers:
        reader.join()
    return {"rss_before_mb": before, "rss_peak_mb": peak, **figures}


# --- one run ---------------------------------------------------------------------------------------
def measure(system: System, mix: dict, classes: dict, work: Path, args, reference: dict) -> dict:
    """Everything this run measures on one system (the phases that apply to it)."""
    counts = answers(system, {**mix, **{f"{name} (alone)": query.replace("RANDOMTOKEN", "1")
                                        for name, query in classes.items()}})
    if reference and counts != reference:
        print(f"WARNING: {system.name} answers differently: {counts}")
    reference.update(counts)
    figures = {"system": system.name, "mix": run_wrk(system.url, lua_script(list(mix.values()), work, "mix"), args)}
    if system.name in ("rdflib-endpoint", "esgkg serve (no cache)"):
        return figures
    for name, query in classes.items():
        figures[f"{name} uncached"] = run_wrk(system.url, lua_script([query], work, "class"), args,
                                              pid=system.proc.pid)
        if system.name == "esgkg serve":
            fixed = query.replace("RANDOMTOKEN", "1")
            figures[f"{name} cached"] = run_wrk(system.url, lua_script([fixed], work, "fixed"), args,
                                                pid=system.proc.pid)
    figures["overload"] = overload(system, classes, work, args)
    if system.name == "esgkg serve":
        figures["slow readers"] = slow_readers(system, classes, args)
    return figures


def _ratio(mine: float, theirs: float) -> str:
    """``mine / theirs`` as printed (a system that answered nothing in the time has no ratio)."""
    return f"{mine / theirs:>7.2f}x" if theirs else f"{'n/a':>8}"


def report(results: list[dict]) -> None:
    by_name = {r["system"]: r for r in results}
    oxigraph = by_name["oxigraph serve"]
    print(f"\n{'mix (five fixed queries)':<30}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}"
          f"{'non-2xx':>9}{'vs oxigraph':>13}")
    for r in results:
        m = r["mix"]
        print(f"{r['system']:<30}{m['requests_per_s']:>10.0f}{m['p50_ms']:>10.2f}{m['p99_ms']:>10.2f}"
              f"{m['non_2xx']:>9}    {_ratio(m['requests_per_s'], oxigraph['mix']['requests_per_s'])}")
    esgkg = by_name["esgkg serve"]
    print(f"\n{'query class':<30}{'esgkg uncached':>16}{'oxigraph':>10}{'ratio':>8}"
          f"{'esgkg cached':>14}{'ratio':>8}   (req/s)   server CPU us/request: esgkg uncached, "
          f"oxigraph, ratio")
    for key in (k[:-len(" uncached")] for k in esgkg if k.endswith(" uncached")):
        mine, theirs = esgkg[f"{key} uncached"], oxigraph[f"{key} uncached"]
        cached = esgkg[f"{key} cached"]
        cpu = ""
        if mine.get("cpu_us_per_request") and theirs.get("cpu_us_per_request"):
            cpu = (f"   {mine['cpu_us_per_request']:>8.0f}{theirs['cpu_us_per_request']:>8.0f}"
                   f"{_ratio(theirs['cpu_us_per_request'], mine['cpu_us_per_request'])}")
        print(f"{key:<30}{mine['requests_per_s']:>16.0f}{theirs['requests_per_s']:>10.0f}"
              f"{_ratio(mine['requests_per_s'], theirs['requests_per_s'])}"
              f"{cached['requests_per_s']:>14.0f}{_ratio(cached['requests_per_s'], theirs['requests_per_s'])}"
              f"{cpu}")
    print(f"\n{'overload (16 x expensive)':<30}{'probe p50':>10}{'p95':>9}{'max':>9}{'errors':>8}"
          f"{'heavy ok/s':>12}{'heavy 503':>11}")
    for r in results:
        if "overload" in r:
            o = r["overload"]
            print(f"{r['system']:<30}{o['p50_ms']:>8.1f}ms{o['p95_ms']:>7.0f}ms{o['max_ms']:>7.0f}ms"
                  f"{o['errors']:>8}{o['heavy_ok_per_s']:>12.1f}{o['heavy_503']:>11}")
    s = esgkg["slow readers"]
    print(f"\nslow readers: RSS {s['rss_before_mb']:.0f} MB before, {s['rss_peak_mb']:.0f} MB peak; "
          f"probe p50 {s['p50_ms']:.1f} ms, "
          f"p95 {s['p95_ms']:.0f} ms, max {s['max_ms']:.0f} ms, {s['errors']} errors")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    data = parser.add_mutually_exclusive_group()
    data.add_argument("--nquads", help="benchmark data as N-Quads")
    data.add_argument("--store", help="benchmark data from an esgkg store directory")
    data.add_argument("--synth", type=int, metavar="N",
                      help="generate N releases with bench/synth.py (seed 7) and ingest them")
    parser.add_argument("--replicate", type=int, default=1,
                        help="use N renamed copies of the data (a corpus stand-in)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of each measurement")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--overload-connections", type=int, default=16)
    parser.add_argument("--slow-readers", type=int, default=8)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="esgkg serve --workers")
    parser.add_argument("--threads", type=int, default=16, help="esgkg serve --threads")
    parser.add_argument("--executors", type=int, default=4, help="esgkg serve --executors")
    parser.add_argument("--skip", action="append", default=[], choices=["rdflib-endpoint", "no-cache"])
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("bench_endpoint: needs wrk (apt-get install wrk)")

    with tempfile.TemporaryDirectory(prefix="esgkg-bench-") as tmp:
        work = Path(tmp)
        nquads = prepare_data(args, work)
        mix, classes = query_mix(nquads)
        quads = sum(1 for _ in open(nquads, "rb"))
        print(f"data: {quads} quads; wrk {args.wrk_threads} threads, {args.connections} connections, "
              f"{args.duration} s per measurement; {os.cpu_count()} cores; load {os.getloadavg()}")
        starters = [lambda: start_esgkg(nquads, work, args, cache=True),
                    lambda: start_oxigraph(nquads, work, args)]
        if "no-cache" not in args.skip:
            starters.insert(1, lambda: start_esgkg(nquads, work, args, cache=False))
        if "rdflib-endpoint" not in args.skip:
            starters.append(lambda: start_rdflib_endpoint(nquads, work, args))
        results, reference = [], {}
        for start in starters:  # one system at a time: the machine has 2 cores
            system = start()
            try:
                results.append(measure(system, mix, classes, work, args, reference))
            finally:
                system.stop()
        print("rows per query of the mix:", reference)
        if args.json:  # before the report, so a report that fails loses no figures
            Path(args.json).write_text(json.dumps({"quads": quads, "mix": mix, "classes": classes,
                                                   "results": results}, indent=2))
        report(results)
        print(f"load average at the end: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
