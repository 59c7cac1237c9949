"""The benchmarks, as modules of ``esgkg.bench`` (``pyproject.toml`` maps ``bench/`` like the other
folders), so scripts and tests import each other by name: ``python -m esgkg.bench.bench_ingest``,
``from esgkg.bench import synth``. Nothing in the product imports them; see ``bench/README.md``."""
