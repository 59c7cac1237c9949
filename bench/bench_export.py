"""Export benchmark: every format over a synthetic store of N releases; seconds, MB/s, peak memory.

    python -m esgkg.bench.bench_export                      # 10k releases (about 1.3M quads)
    python -m esgkg.bench.bench_export --releases 1000 --formats ntriples nquads
    python -m esgkg.bench.bench_export --nquads dump.nq     # a real store's `esgkg dump` instead
    python -m esgkg.bench.bench_export --store DIR          # or the store itself (opened read-only)

The synthetic 10k-release graph of the pipeline itself:

    python -m esgkg.bench.synth --count 10000 --seed 7 --out bench/out/synth-10k
    esgkg ingest bench/out/synth-10k --store bench/out/store-10k
    python -m esgkg.bench.bench_export --store bench/out/store-10k

Without --nquads the store is built from N-Quads generated here in the shape of docs/rdf-design.md
(statements, evidence annotations, direct edges, entities graph, inferred years), seeded. Each
format runs as `esgkg export --store DIR --format F -o -`, read from its pipe: wall time, time to
the first byte, CPU time and the peak RSS of the largest process (the export or one of its reader
processes; "flat memory" reads as that peak staying the same as the store grows). Target (issue
5): N-Triples of 1M triples in under 10 s, i.e. "s/M quads" below 10.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

XSD = "http://www.w3.org/2001/XMLSchema#"
ESG = "https://w3id.org/esgkg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OA = "http://www.w3.org/ns/oa#"

KINDS = {  # kind: (statement class, direct predicate, object type, pool size)
    "award": ("AwardConferral", ESG + "receivedAward", "award", 60),
    "certification": ("Certification", ESG + "certifiedTo", "standard", 25),
    "membership": ("Membership", "http://www.w3.org/ns/org#memberOf", "initiative", 15),
    "index_inclusion": ("IndexInclusion", ESG + "includedIn", "index", 12),
    "standard_adoption": ("StandardAdoption", ESG + "adoptsStandardsOf", "organization", 20),
    "program": ("ProgramOperation", ESG + "runsProgram", "program", 400),
    "located_in": ("Location", "https://schema.org/location", "place", 40),
    "metric": ("MetricObservation", ESG + "reportsMetric", "metric", 30),
}
WORDS = ("sustainability energy emissions safety governance supply chain renewable water waste "
         "employees community certification award index rating initiative program report").split()


def lit(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typed(value, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


def generate(path: Path, releases: int, base: str = "http://127.0.0.1:5000/", seed: int = 7) -> int:
    """Write a synthetic store as N-Quads; return the number of quads.

    Over 60 lines on purpose: it writes a release's quads one by one in docs/rdf-design.md's shape
    (document, statement, evidence annotation, inferred years), so the whole shape reads in one
    place; helpers would only pass the same eight variables around."""
    rng = random.Random(seed)
    entities_graph = f"<{base}graph/entities>"
    seen_entities: set[str] = set()
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        def quad(s, p, o, g):
            nonlocal count
            out.write(f"{s} <{p}> {o} {g} .\n")
            count += 1

        def entity(etype: str, number: int) -> str:
            iri = f"<{base}id/{etype}/{etype}-{number}>"
            if iri not in seen_entities:
                seen_entities.add(iri)
                quad(iri, RDF_TYPE, f"<{ESG}{etype.capitalize()}>", entities_graph)
                quad(iri, "http://www.w3.org/2000/01/rdf-schema#label",
                     lit(f"{etype.title()} {number}"), entities_graph)
            return iri

        for n in range(releases):
            doc_id = f"release-{n:05d}"
            g, doc = f"<{base}graph/doc/{doc_id}>", f"<{base}doc/{doc_id}>"
            company = entity("company", rng.randrange(max(releases // 5, 10)))
            sentences = [" ".join(rng.choices(WORDS, k=rng.randint(12, 30))).capitalize() + "."
                         for _ in range(rng.randint(6, 10))]
            text = " ".join(sentences)
            quad(doc, RDF_TYPE, f"<{ESG}Release>", g)
            quad(doc, "http://purl.org/dc/terms/identifier", lit(doc_id), g)
            quad(doc, "http://purl.org/dc/terms/title", lit(sentences[0][:80]), g)
            quad(doc, "http://purl.org/dc/terms/date", typed(f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "date"), g)
            quad(doc, "https://schema.org/text", lit(text), g)
            offset = 0
            for i, sentence in enumerate(sentences):
                kind = rng.choice(list(KINDS))
                cls, predicate, otype, pool = KINDS[kind]
                obj = entity(otype, rng.randrange(pool))
                st = f"{base}id/statement/{doc_id}/{kind}-{i:012x}"
                ev = st.replace("/id/statement/", "/id/evidence/")
                year = rng.randint(2010, 2024)
                quad(company, predicate, obj, g)
                quad(f"<{st}>", RDF_TYPE, f"<{ESG}{cls}>", g)
                quad(f"<{st}>", ESG + "kind", lit(kind), g)
                quad(f"<{st}>", ESG + "subject", company, g)
                quad(f"<{st}>", ESG + "object", obj, g)
                quad(f"<{st}>", ESG + "year", typed(year, "integer"), g)
                quad(f"<{st}>", "http://www.w3.org/ns/prov#wasDerivedFrom", doc, g)
                quad(f"<{st}>", ESG + "evidence", f"<{ev}>", g)
                quad(f"<{ev}>", RDF_TYPE, f"<{OA}Annotation>", g)
                quad(f"<{ev}>", OA + "motivatedBy", f"<{OA}describing>", g)
                quad(f"<{ev}>", OA + "hasBody", f"<{st}>", g)
                quad(f"<{ev}>", OA + "hasTarget", f"<{ev}/target>", g)
                quad(f"<{ev}/target>", RDF_TYPE, f"<{OA}SpecificResource>", g)
                quad(f"<{ev}/target>", OA + "hasSource", doc, g)
                quad(f"<{ev}/target>", OA + "hasSelector", f"<{ev}/quote>", g)
                quad(f"<{ev}/target>", OA + "hasSelector", f"<{ev}/position>", g)
                quad(f"<{ev}/quote>", RDF_TYPE, f"<{OA}TextQuoteSelector>", g)
                quad(f"<{ev}/quote>", OA + "exact", lit(sentence), g)
                quad(f"<{ev}/position>", RDF_TYPE, f"<{OA}TextPositionSelector>", g)
                quad(f"<{ev}/position>", OA + "start", typed(offset, "integer"), g)
                quad(f"<{ev}/position>", OA + "end", typed(offset + len(sentence), "integer"), g)
                offset += len(sentence) + 1
                if kind == "index_inclusion" and rng.random() < 0.3:
                    for earlier in range(year - rng.randint(1, 4), year):
                        inferred = f"<{st}-{earlier}>"
                        quad(inferred, RDF_TYPE, f"<{ESG}{cls}>", g)
                        quad(inferred, ESG + "kind", lit(kind), g)
                        quad(inferred, ESG + "subject", company, g)
                        quad(inferred, ESG + "object", obj, g)
                        quad(inferred, ESG + "year", typed(earlier, "integer"), g)
                        quad(inferred, ESG + "inferred", typed("true", "boolean"), g)
                        quad(inferred, "http://www.w3.org/ns/prov#wasDerivedFrom", f"<{st}>", g)
    return count


# Runs one command and reports, on its last stderr line, the CPU time and the peak RSS of the
# command and its descendants: a fresh parent per run, since RUSAGE_CHILDREN's peak never falls.
MEASURE = r"""
import json, resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"cpu": usage.ru_utime + usage.ru_stime, "peak_kb": usage.ru_maxrss}), file=sys.stderr)
sys.exit(code)
"""


def run_export(store_dir: Path, name: str, output: Path, readers: int | None) -> dict:
    """`esgkg export --store DIR -f NAME -o -` as a user runs it, read from its pipe: wall time,
    time to the first byte, CPU time and peak RSS of the export and its reader processes."""
    command = [sys.executable, "-c", MEASURE, sys.executable, "-c",
               "import sys; from esgkg.cli import main; sys.exit(main())",
               "export", "--store", str(store_dir), "--format", name, "-o", "-"]
    if readers:
        command += ["--readers", str(readers)]
    started, first_byte = time.perf_counter(), None
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child, \
            open(output, "wb") as out:
        while chunk := child.stdout.read1(1 << 20):
            first_byte = first_byte or time.perf_counter() - started
            out.write(chunk)
        error = child.stderr.read().decode().strip().splitlines()
    seconds = time.perf_counter() - started
    if child.returncode:
        raise RuntimeError(error[-2] if len(error) > 1 else f"exit {child.returncode}")
    return {"seconds": seconds, "first_byte": first_byte or seconds, **json.loads(error[-1])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--nquads", type=Path, help="load this N-Quads file instead of generating")
    parser.add_argument("--store", type=Path, help="export this existing store (read-only)")
    parser.add_argument("--formats", nargs="*", help="default: every registered format")
    parser.add_argument("--single-reader", action="store_true",
                        help="also run the line syntaxes with --readers 1")
    args = parser.parse_args()

    import pyoxigraph as ox

    from esgkg.graph import export

    formats = args.formats or list(export.FORMATS)
    with tempfile.TemporaryDirectory(prefix="esgkg-bench-") as tmp:
        tmp_path = Path(tmp)
        source = args.nquads
        store_dir = args.store or tmp_path / "store"
        if source is None and not args.store:
            source = tmp_path / "synthetic.nq"
            started = time.perf_counter()
            quads = generate(source, args.releases)
            print(f"generated {args.releases} releases, {quads:,} quads "
                  f"in {time.perf_counter() - started:.1f} s")
        if args.store:
            store = ox.Store.read_only(str(store_dir))
            quads = len(store)
            del store
            print(f"store {store_dir}: {quads:,} quads\n")
        else:
            started = time.perf_counter()
            store = ox.Store(str(store_dir))
            store.bulk_load(path=str(source), format=ox.RdfFormat.N_QUADS)
            store.flush()
            quads = len(store)
            del store
            print(f"bulk-loaded {quads:,} quads in {time.perf_counter() - started:.1f} s\n")
        print(f"{'format':<10}{'readers':>8}{'seconds':>9}{'cpu s':>8}{'1st byte s':>11}{'MB':>9}"
              f"{'MB/s':>8}{'s/M quads':>10}{'peak MB':>9}")
        runs = [(name, None) for name in formats]
        if args.single_reader:  # the line syntaxes again with one reader, for the ratio
            runs += [(name, 1) for name in formats if export.FORMATS[name].parallel]
        for name, readers in runs:
            output = tmp_path / f"out.{name}"
            try:
                r = run_export(store_dir, name, output, readers)
            except RuntimeError as exc:
                print(f"{name:<10} failed: {exc}")
                continue
            size = output.stat().st_size / 1e6
            shown = readers or (os.cpu_count() if export.FORMATS[name].parallel else 1)
            print(f"{name:<10}{shown:>8}{r['seconds']:>9.2f}{r['cpu']:>8.2f}{r['first_byte']:>11.3f}"
                  f"{size:>9.1f}{size / r['seconds']:>8.1f}{r['seconds'] / quads * 1e6:>10.2f}"
                  f"{r['peak_kb'] / 1024:>9.0f}")
            output.unlink()


if __name__ == "__main__":
    main()
