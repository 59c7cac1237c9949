#!/usr/bin/env python3
"""Long and odd input: extraction time must grow linearly with the text (issue 9).

Extracts the bundled sample's body repeated 100, 400 and 1,060 times (the last just under the
5 MiB cap) and 2 MB of it on one line, and prints seconds and seconds per MiB side by side: a
linear extractor keeps s/MiB flat as the input grows.

    python -m esgkg.bench.bench_long_input
"""
from __future__ import annotations

import sys
import time
from importlib.resources import files
from pathlib import Path

from esgkg.graph.extract import extract
from esgkg.graph.nlp import pipeline
from esgkg.graph.read import Release


def timed(name: str, text: str) -> None:
    start = time.perf_counter()
    _, facts = extract(Release(name, Path(name + ".txt"), text, "text"))
    seconds = time.perf_counter() - start
    mib = len(text.encode()) / 2 ** 20
    print(f"{name:<22} {mib:6.2f} MiB {seconds:7.2f} s {seconds / mib:7.2f} s/MiB  {len(facts)} facts")


def main() -> int:
    sample = files("esgkg.ontology").joinpath("sample/ase-osh-award-2021.txt").read_text(encoding="utf-8")
    body = sample[:sample.index("Related Post")]  # page furniture would end the release
    pipeline()  # load the model outside the timings
    for copies in (100, 400, 1060):
        timed(f"{copies} copies", (body + "\n\n") * copies)
    line = body.replace("\n", " ") + " "
    timed("2 MB on one line", line * (2 * 2 ** 20 // len(line)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
