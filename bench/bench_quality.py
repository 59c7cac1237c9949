"""Extraction quality on the real development releases, per document and overall.

Runs `esgkg facts` on each release of a corpus folder (default ../shared/corpus/dev, beside the
repository) and scores it against its `<id>.facts.jsonl` gold file with the shared scorer
(../shared/tools/eval_facts.py): lenient and strict precision, recall and F1.
Targets (issue 2): strict F1 >= 0.95 on the sample release, >= 0.85 overall.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from esgkg.graph.pipeline import extract_facts_from_paths

ROOT = Path(__file__).resolve().parent.parent


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("eval_facts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "tools" / "eval_facts.py")
    args = parser.parse_args()
    if not args.scorer.exists() or not args.corpus.is_dir():
        print(f"needs the corpus ({args.corpus}) and the scorer ({args.scorer})", file=sys.stderr)
        return 2
    scorer = load_scorer(args.scorer)
    all_gold, all_pred = [], []
    print(f"{'document':32s} {'gold':>4s} {'pred':>4s}  lenient P/R/F1    strict P/R/F1")
    for release in sorted(args.corpus.glob("*.txt")):
        gold_path = release.with_suffix(".facts.jsonl")
        if not gold_path.exists():
            continue
        gold = scorer.read(gold_path)
        pred = [f.to_record() for f in extract_facts_from_paths([release])]
        all_gold += gold
        all_pred += pred
        print(f"{release.stem:32s} {len(gold):4d} {len(pred):4d}  {_prf(scorer, gold, pred, False)}  "
              f"{_prf(scorer, gold, pred, True)}")
    print(f"{'overall':32s} {len(all_gold):4d} {len(all_pred):4d}  {_prf(scorer, all_gold, all_pred, False)}  "
          f"{_prf(scorer, all_gold, all_pred, True)}")
    return 0


def _prf(scorer, gold, pred, strict: bool) -> str:
    p, r, f, _, _ = scorer.score(gold, pred, strict)
    return f"{p:.2f} {r:.2f} {f:.2f}"


if __name__ == "__main__":
    sys.exit(main())
