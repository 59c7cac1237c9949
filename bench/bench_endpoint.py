"""Endpoint benchmark: esgkg serve vs Oxigraph server vs rdflib-endpoint on the same data.

    python bench/bench_endpoint.py [--synth 10000 | --nquads FILE | --store DIR] [--duration 10]

Without data options it builds the graph of the bundled sample release; ``--synth N`` generates
and ingests the synthetic corpus of bench/synth.py. Each system is started
side by side on a free loopback port (esgkg: `esgkg serve`, gunicorn; Oxigraph: `oxigraph
serve-read-only --union-default-graph`; rdflib-endpoint: `rdflib-endpoint serve`, in-memory
rdflib), checked to give the same answers, then driven in turn by `wrk` (Debian package) at a fixed
concurrency with a Lua script that POSTs a rotating query mix: point lookup, one-hop neighbourhood
with evidence, facts by kind and year, count by index and year, label search. esgkg runs twice:
with its hot-result cache (the default) and with `--cache-size 0`.

Needs the `bench` extra (rdflib-endpoint, uvicorn) and `apt-get install wrk`. Not a test: the
machine is shared, so keep runs short (defaults: 10 s per system).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
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
        subprocess.run([sys.executable, str(Path(__file__).with_name("synth.py")), "--count",
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
    """Stand-in for a corpus until bench/synth.py exists: N copies of the data, each with its own
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


def query_mix(nquads: Path) -> dict[str, str]:
    """The five queries, with an entity, a kind, a year and a word picked from the data itself."""
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
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/sparql-results+json" }, bodies[(counter %% #bodies) + 1])
end
"""


def lua_script(mix: dict[str, str], work: Path) -> Path:
    bodies = ", ".join(json.dumps(urllib.parse.urlencode({"query": q})) for q in mix.values())
    path = work / "mix.lua"
    path.write_text(LUA % bodies)
    return path


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(system: System, script: Path, args) -> dict:
    command = ["wrk", "-t", str(args.wrk_threads), "-c", str(args.connections), "-d", f"{args.duration}s",
               "--latency", "--timeout", "30s", "-s", str(script), system.url]
    subprocess.run(command[:6] + ["-d", "2s"] + command[8:], capture_output=True)  # warm-up
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "50%" not in out:
        raise SystemExit(f"unexpected wrk output for {system.name}:\n{out}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "system": system.name,
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99_ms": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    data = parser.add_mutually_exclusive_group()
    data.add_argument("--nquads", help="benchmark data as N-Quads")
    data.add_argument("--store", help="benchmark data from an esgkg store directory")
    data.add_argument("--synth", type=int, metavar="N",
                      help="generate N releases with bench/synth.py (seed 7) and ingest them")
    parser.add_argument("--replicate", type=int, default=1,
                        help="use N renamed copies of the data (a corpus stand-in)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per system")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="esgkg serve --workers")
    parser.add_argument("--threads", type=int, default=4, help="esgkg serve --threads")
    parser.add_argument("--skip", action="append", default=[], choices=["rdflib-endpoint", "no-cache"])
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("bench_endpoint: needs wrk (apt-get install wrk)")

    with tempfile.TemporaryDirectory(prefix="esgkg-bench-") as tmp:
        work = Path(tmp)
        nquads = prepare_data(args, work)
        mix = query_mix(nquads)
        quads = sum(1 for _ in open(nquads, "rb"))
        print(f"data: {quads} quads; mix: {', '.join(mix)}; wrk {args.wrk_threads} threads, "
              f"{args.connections} connections, {args.duration} s per system; {os.cpu_count()} cores")
        starters = [lambda: start_esgkg(nquads, work, args, cache=True),
                    lambda: start_oxigraph(nquads, work, args)]
        if "no-cache" not in args.skip:
            starters.insert(1, lambda: start_esgkg(nquads, work, args, cache=False))
        if "rdflib-endpoint" not in args.skip:
            starters.append(lambda: start_rdflib_endpoint(nquads, work, args))
        script = lua_script(mix, work)
        results, reference = [], None
        for start in starters:  # one system at a time: the machine has 2 cores
            system = start()
            try:
                counts = answers(system, mix)
                if reference is None:
                    reference = counts
                    print("rows per query:", counts)
                elif counts != reference:
                    print(f"WARNING: {system.name} answers differently: {counts}")
                results.append(run_wrk(system, script, args))
            finally:
                system.stop()
        oxigraph = next(r for r in results if r["system"] == "oxigraph serve")
        rdflib_ep = next((r for r in results if r["system"] == "rdflib-endpoint"), None)
        print(f"\n{'system':<26}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'non-2xx':>9}"
              f"{'vs oxigraph':>13}{'vs rdflib-ep':>14}")
        for r in results:
            vs_rdflib = f"{r['requests_per_s'] / rdflib_ep['requests_per_s']:.1f}x" if rdflib_ep else "-"
            print(f"{r['system']:<26}{r['requests_per_s']:>10.0f}{r['p50_ms']:>10.2f}{r['p99_ms']:>10.2f}"
                  f"{r['non_2xx']:>9}{r['requests_per_s'] / oxigraph['requests_per_s']:>12.2f}x{vs_rdflib:>14}")
        if args.json:
            Path(args.json).write_text(json.dumps({"quads": quads, "mix": mix, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
