"""Extraction quality on the real development releases: per document, per kind and overall.

Runs extraction on each release of a corpus folder (default ../shared/corpus/dev, beside the
repository) and scores it against its `<id>.facts.jsonl` gold file with the shared scorer
(../shared/tools/eval_facts.py): lenient and strict precision, recall and F1. It prints the same
for the split in bench/quality_split.json: the releases developed on, and those kept aside (never
looked at while developing), whose scores estimate quality on unseen releases.
Bars (issue 9): dev strict F1 >= 0.80 overall and >= 0.60 for every kind.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from esgkg.graph.extract import extract_many
from esgkg.graph.read import read_release

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("award", "certification", "membership", "index_inclusion", "standard_adoption", "program",
         "part_of", "located_in", "metric")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("eval_facts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "tools" / "eval_facts.py")
    parser.add_argument("--split", type=Path, default=Path(__file__).with_name("quality_split.json"))
    args = parser.parse_args()
    if not args.scorer.exists() or not args.corpus.is_dir():
        print(f"needs the corpus ({args.corpus}) and the scorer ({args.scorer})", file=sys.stderr)
        return 2
    scorer = load_scorer(args.scorer)
    paths = [p for p in sorted(args.corpus.glob("*.txt")) if p.with_suffix(".facts.jsonl").exists()]
    results = extract_many([read_release(p) for p in paths])
    gold = {p.stem: scorer.read(p.with_suffix(".facts.jsonl")) for p in paths}
    pred = {p.stem: [f.to_record() for f in facts] for p, (_, facts) in zip(paths, results)}
    held_aside = set(json.loads(args.split.read_text())["held_aside"]) if args.split.exists() else set()

    print(f"{'document':36s} {'gold':>4s} {'pred':>4s}  lenient P/R/F1    strict P/R/F1")
    for doc in gold:
        mark = " *" if doc in held_aside else ""
        print(f"{doc + mark:36s} {len(gold[doc]):4d} {len(pred[doc]):4d}  {_prf(scorer, gold[doc], pred[doc], False)}"
              f"  {_prf(scorer, gold[doc], pred[doc], True)}")
    print("(* kept aside while developing until 2026-12-02; since then studied too: bench/quality_split.json)\n")
    splits = {"all dev": list(gold), "developed on": [d for d in gold if d not in held_aside],
              "kept aside": [d for d in gold if d in held_aside]}
    print(f"{'kind (strict F1)':18s} " + " ".join(f"{name:>14s}" for name in splits))
    for kind in KINDS:
        cells = []
        for docs in splits.values():
            g = [f for d in docs for f in gold[d] if f["kind"] == kind]
            p = [f for d in docs for f in pred[d] if f["kind"] == kind]
            cells.append(f"{scorer.score(g, p, True)[2]:14.2f}" if docs else f"{'-':>14s}")
        print(f"{kind:18s} " + " ".join(cells))
    print()
    for name, docs in splits.items():
        if docs:
            g = [f for d in docs for f in gold[d]]
            p = [f for d in docs for f in pred[d]]
            print(f"{name:14s} {len(docs):3d} releases  lenient {_prf(scorer, g, p, False)}  strict {_prf(scorer, g, p, True)}")
    return 0


def _prf(scorer, gold, pred, strict: bool) -> str:
    p, r, f, _, _ = scorer.score(gold, pred, strict)
    return f"P {p:.2f} R {r:.2f} F1 {f:.2f}"


if __name__ == "__main__":
    sys.exit(main())
