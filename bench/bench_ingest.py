#!/usr/bin/env python3
"""Ingest benchmark: end-to-end ingest against spaCy merely parsing the same texts, and quality.

For each corpus (synthetic ones of ``bench/synth.py`` of each ``--sizes``, generated or reused
under ``--out``, default ``bench/out/``, git-ignored; and ``--corpus DIR`` for real releases such
as ../shared/corpus/dev) it ingests into a fresh store with ``esgkg.graph.pipeline.ingest_paths``
(extract, validate, store) and prints releases/s with the seconds of each step; then, in the same
run and on the same texts, the releases/s of spaCy's small English pipeline alone (``nlp.pipe``
over the whole texts, best of 1 and 2 processes) and the ratio of the two.
Bar (issue 9): ratio >= 0.5; goal >= 1.0, reached by parsing only sentences that can hold a fact.
It then scores one synthetic corpus against its generated gold with ``eval_facts.py``.

    python -m esgkg.bench.bench_ingest                 # 1k and 10k, ingest + quality
    python -m esgkg.bench.bench_ingest --sizes 1000 --skip-ingest
    python -m esgkg.bench.bench_ingest --via-cli       # quality through `esgkg facts DIR`
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import json
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from esgkg.bench import synth
from esgkg.graph.vocab import FACT_KINDS

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
DEFAULT_SCORER = REPO_ROOT.parent / "shared" / "tools" / "eval_facts.py"
KINDS = tuple(FACT_KINDS)  # scored per kind


# ---------------------------------------------------------------------------------------------
# Corpora

def generator_fingerprint() -> str:
    """Changes whenever the generator or its vocabulary does, so stale corpora are rebuilt."""
    digest = hashlib.sha256()
    for path in (Path(synth.__file__), synth.VOCAB_PATH):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def ensure_corpus(out: Path, count: int, seed: int, jobs: int, regenerate: bool) -> Path:
    """The corpus directory for (count, seed), generated unless an identical one is there."""
    corpus = out / f"synth-{seed}-{count}"
    stamp = corpus / "CORPUS.json"
    wanted = {"count": count, "seed": seed, "generator": generator_fingerprint()}
    if not regenerate and stamp.exists() and json.loads(stamp.read_text()) == wanted:
        print(f"corpus {corpus}: reused ({count} releases)")
        return corpus
    if corpus.exists():
        shutil.rmtree(corpus)
    start = time.perf_counter()
    stats = synth.generate_corpus(corpus, count, seed, jobs=jobs)
    seconds = time.perf_counter() - start
    stamp.write_text(json.dumps(wanted) + "\n")
    print(f"corpus {corpus}: generated {count} releases, {stats['facts']} gold facts "
          f"in {seconds:.2f} s ({count / seconds:,.0f} releases/s)")
    return corpus


def release_paths(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.txt"))


# ---------------------------------------------------------------------------------------------
# Ingest speed

def _timings(summary) -> dict:
    """Per-step seconds from an IngestSummary, whatever shape the pipeline gives them."""
    for name in ("seconds", "timings"):
        timings = getattr(summary, name, None)
        if isinstance(timings, dict):
            return {str(k): float(v) for k, v in timings.items()}
        if dataclasses.is_dataclass(timings):
            return {k: float(v) for k, v in dataclasses.asdict(timings).items()}
    found = {}
    if dataclasses.is_dataclass(summary):
        for f in dataclasses.fields(summary):
            value = getattr(summary, f.name)
            if isinstance(value, (int, float)) and ("second" in f.name or "time" in f.name):
                found[f.name] = float(value)
    return found


def bench_ingest(corpus: Path, out: Path) -> bool:
    try:
        from esgkg.graph.pipeline import ingest_paths
        from esgkg.graph.store import GraphStore
    except ImportError as exc:
        print(f"ingest: skipped, the pipeline has no ingest API yet ({exc})")
        return False
    paths = release_paths(corpus)
    store_dir = out / f"store-{corpus.name}"
    if store_dir.exists():
        shutil.rmtree(store_dir)
    store = GraphStore(store_dir)
    from esgkg.graph.nlp import pipeline

    pipeline()  # the model loads once per process, as spaCy's does below, outside the timing
    start = time.perf_counter()
    summary = ingest_paths(paths, store, progress=False)
    if hasattr(store, "flush"):
        store.flush()
    seconds = time.perf_counter() - start
    documents = getattr(summary, "documents", len(paths))
    triples = getattr(summary, "triples", 0)
    errors = getattr(summary, "errors", [])
    n_errors = len(errors) if hasattr(errors, "__len__") else int(errors)
    print(f"ingest {len(paths):>6} releases: {seconds:7.2f} s total | "
          f"{documents / seconds:8,.1f} releases/s | {triples / seconds:10,.0f} triples/s | "
          f"documents {documents}, facts {getattr(summary, 'facts', '?')}, triples {triples}, "
          f"errors {n_errors}")
    for step, step_seconds in _timings(summary).items():
        print(f"    {step:<12} {step_seconds:7.2f} s")
    parse_rate = bench_parse_only(paths)
    ratio = (documents / seconds) / parse_rate
    print(f"    ratio ingest / spaCy parse alone: {ratio:.2f} (bar >= 0.5, goal >= 1.0)")
    return True


def bench_parse_only(paths: list[Path]) -> float:
    """Releases/s of spaCy's small pipeline parsing the whole texts (best of 1 and 2 processes)."""
    import spacy

    from esgkg.graph.nlp import MODEL
    from esgkg.graph.read import read_release

    texts = [read_release(path).text for path in paths]
    nlp = spacy.load(MODEL)
    rates = {}
    for processes in (1, 2):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64, n_process=processes):
            pass
        rates[processes] = len(texts) / (time.perf_counter() - start)
    print("    spaCy nlp.pipe alone: " + ", ".join(f"{rate:,.1f} releases/s with {n} process{'es' * (n > 1)}"
                                                   for n, rate in rates.items()))
    return max(rates.values())


# ---------------------------------------------------------------------------------------------
# Quality

def load_scorer(path: Path):
    """The scorer module (it lives outside the repo), or None with a message."""
    if not path.exists():
        print(f"quality: skipped, no scorer at {path} (give --scorer PATH)")
        return None
    spec = importlib.util.spec_from_file_location("esgkg_eval_facts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not hasattr(module, "score"):
        print(f"quality: skipped, {path} has no score(gold, pred, strict) function")
        return None
    return module


def predict_in_process(corpus: Path) -> list[dict]:
    from esgkg.graph.pipeline import FileError, extract_facts_from_paths

    records = []
    for item in extract_facts_from_paths([corpus]):
        if isinstance(item, FileError):
            print(f"    {item.path}: {item.message}")
        else:
            records.append(item.to_record())
    return records


def predict_via_cli(corpus: Path) -> list[dict]:
    """`esgkg facts DIR`: the CLI contract, one JSON fact per line."""
    exe = Path(sys.executable).with_name("esgkg")
    command = [str(exe)] if exe.exists() else [shutil.which("esgkg") or "esgkg"]
    done = subprocess.run(command + ["facts", str(corpus)], capture_output=True, text=True)
    if done.returncode != 0:
        print(f"    esgkg facts exited {done.returncode}: {done.stderr.strip()[:300]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def read_gold(corpus: Path) -> dict[str, list[dict]]:
    gold = {}
    for path in sorted(corpus.glob("*.facts.jsonl")):
        doc_id = path.name[: -len(".facts.jsonl")]
        gold[doc_id] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                        if line.strip()]
    return gold


class Tally:
    """True positives, false positives and misses, summed over documents."""

    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, scorer, gold: list, pred: list, strict: bool) -> None:
        if not gold and not pred:
            return
        _, _, _, missed, wrong = scorer.score(gold, pred, strict)
        required = sum(1 for g in gold if not g.get("optional"))
        self.tp += required - len(missed)
        self.fn += len(missed)
        self.fp += len(wrong)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bench_quality(corpus: Path, scorer_path: Path, via_cli: bool, out: Path) -> None:
    scorer = load_scorer(scorer_path)
    if scorer is None:
        return
    try:
        start = time.perf_counter()
        predicted = predict_via_cli(corpus) if via_cli else predict_in_process(corpus)
        seconds = time.perf_counter() - start
    except ImportError as exc:
        print(f"quality: skipped, the extractor is not importable ({exc})")
        return
    gold = read_gold(corpus)
    pred_path = out / f"pred-{corpus.name}.jsonl"
    pred_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in predicted),
                         encoding="utf-8")
    by_doc = defaultdict(list)
    for record in predicted:
        by_doc[str(record.get("document", ""))].append(record)
    unknown = set(by_doc) - set(gold)
    print(f"quality on {corpus.name}: {len(gold)} releases, {sum(map(len, gold.values()))} gold "
          f"and {len(predicted)} predicted facts; extraction {seconds:.1f} s "
          f"({len(gold) / seconds:,.1f} releases/s){' via esgkg facts' if via_cli else ''}")
    if unknown:
        print(f"    {len(unknown)} predicted document ids match no release, e.g. {sorted(unknown)[0]!r}")
    overall = {True: Tally(), False: Tally()}
    per_kind = {kind: Tally() for kind in KINDS}
    false_on_negatives = 0
    for doc_id, gold_facts in gold.items():
        pred_facts = by_doc.get(doc_id, [])
        for strict in (True, False):
            overall[strict].add(scorer, gold_facts, pred_facts, strict)
        for kind in KINDS:
            per_kind[kind].add(scorer, [g for g in gold_facts if g["kind"] == kind],
                               [p for p in pred_facts if p.get("kind") == kind], True)
        if not gold_facts:
            false_on_negatives += len(pred_facts)
    print(f"    {'kind':<18} {'P':>5} {'R':>5} {'F1':>5}   (strict)")
    for kind, tally in per_kind.items():
        p, r, f = tally.prf()
        print(f"    {kind:<18} {p:5.2f} {r:5.2f} {f:5.2f}   gold {tally.tp + tally.fn:>6}")
    lp, lr, lf = overall[False].prf()
    sp, sr, sf = overall[True].prf()
    negatives = sum(1 for g in gold.values() if not g)
    print(f"    lenient P {lp:.2f} R {lr:.2f} F1 {lf:.2f} | strict P {sp:.2f} R {sr:.2f} F1 {sf:.2f}")
    print(f"    negative releases: {negatives}, facts predicted in them: {false_on_negatives}")
    print(f"    predictions written to {pred_path}")


# ---------------------------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000],
                    help="corpus sizes to ingest (default 1000 10000)")
    ap.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    ap.add_argument("--corpus", type=Path, action="append", default=[],
                    help="a folder of real releases to ingest too (repeatable)")
    ap.add_argument("--out", type=Path, default=BENCH_DIR / "out",
                    help="where corpora, stores and predictions go (default bench/out/)")
    ap.add_argument("--regenerate", action="store_true", help="rebuild corpora even if present")
    ap.add_argument("--jobs", type=int, default=1,
                    help="processes for corpus generation (default 1; writing files, not "
                         "generating, is the slow part)")
    ap.add_argument("--skip-ingest", action="store_true", help="only generate and score")
    ap.add_argument("--skip-quality", action="store_true", help="only generate and ingest")
    ap.add_argument("--quality-size", type=int, default=None,
                    help="corpus size to score (default: the smallest of --sizes)")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER,
                    help="eval_facts.py to score with (default ../shared/tools/eval_facts.py "
                         "relative to the repository root)")
    ap.add_argument("--via-cli", action="store_true",
                    help="extract with `esgkg facts DIR` instead of the library call")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    quality_size = args.quality_size or (min(args.sizes) if args.sizes else None)
    args.skip_quality = args.skip_quality or quality_size is None
    sizes = sorted(set(args.sizes) | ({quality_size} if not args.skip_quality else set()))
    corpora = {n: ensure_corpus(args.out, n, args.seed, args.jobs, args.regenerate) for n in sizes}
    if not args.skip_ingest:
        for corpus in [corpora[n] for n in sorted(set(args.sizes))] + args.corpus:
            if not bench_ingest(corpus, args.out):
                break
    if not args.skip_quality:
        bench_quality(corpora[quality_size], args.scorer, args.via_cli, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
