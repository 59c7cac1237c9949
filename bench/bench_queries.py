#!/usr/bin/env python3
"""Seconds each shipped example query (``ontology/queries/*.rq``) takes on a store, as /sparql runs
it: the union default graph, the whole result serialized as SPARQL JSON (CONSTRUCT as N-Triples).

    python -m esgkg.bench.bench_queries --store bench/out/store-synth-7-10000 [--repeat 3]

The store is e.g. the 10k synthetic releases (``python -m esgkg.bench.synth --count 10000 --seed 7``, then
``esgkg ingest``). Target (issue 11 item 14): each query under 2 s on 10,000 releases.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from esgkg.webapp.canned import canned_queries

TARGET_S = 2.0


def run_once(store: ox.Store, text: str) -> tuple[float, int]:
    """(seconds, rows) of one run, serialization included."""
    start = time.perf_counter()
    result = store.query(text, use_default_graph_as_union=True)
    out = io.BytesIO()
    if isinstance(result, ox.QueryTriples):
        triples = list(result)
        ox.serialize(triples, out, ox.RdfFormat.N_TRIPLES)
        rows = len(triples)
        return time.perf_counter() - start, rows
    result.serialize(out, ox.QueryResultsFormat.JSON)
    seconds = time.perf_counter() - start
    return seconds, len(json.loads(out.getvalue())["results"]["bindings"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    store = ox.Store.read_only(str(args.store))
    print(f"store: {args.store} ({len(store)} quads); load average {os.getloadavg()[0]:.1f}")
    print(f"{'query':<40} {'rows':>5} {'median s':>9} {'max s':>7}")
    ok = True
    for query in canned_queries():
        runs = [run_once(store, query.text) for _ in range(args.repeat)]
        times = [t for t, _ in runs]
        ok &= statistics.median(times) < TARGET_S
        print(f"{query.name:<40} {runs[0][1]:>5} {statistics.median(times):>9.2f} {max(times):>7.2f}",
              flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end; target: every median < {TARGET_S:.0f} s:",
          "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
