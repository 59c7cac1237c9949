"""``esgkg serve``: the web app under gunicorn (never Flask's development server).

Process layout (see ``executor`` for why): the gunicorn master forks ``--workers`` web workers
(gthread, ``threads`` request threads each, HTTP keep-alive). The master opens no store; a
worker opens it read-only only (for the explorer's pages and the endpoint's inline lane). Each
worker starts, on demand, up to ``executors`` read-only query executors (in a cheap and a heavy
lane) and one writer executor; a query past ``--timeout`` has its executor killed and
gets a 503, and a query whose lane is full gets a 503 at once. Ctrl-C stops the
master, which stops the workers; executors die with their worker (PR_SET_PDEATHSIG, and EOF on
their job pipe).

With no store yet, the graph of the bundled sample release is built first (by the pipeline's
``ingest_paths``), so that a fresh ``esgkg serve`` shows a live endpoint.
"""
from __future__ import annotations

import multiprocessing
import sys
from importlib import resources

from gunicorn.app.base import BaseApplication

from esgkg.graph.store import GraphStore, StoreError, hold_for_serving

SAMPLE_RELEASE = "sample/ase-osh-award-2021.txt"


def run_serve(config: dict, host: str, port: int, workers: int, threads: int) -> int:
    """Serve the app of ``config`` (``create_app``'s keys) on ``host:port`` with gunicorn:
    ``workers`` processes of ``threads`` request threads (more threads than executors, so requests
    waiting on heavy queries or slow clients leave some free)."""
    serving = None  # held by the gunicorn master until it exits (its workers hold it too)
    if not config["BACKEND_QUERY"]:
        if not GraphStore.exists_at(config["STORE"]):
            build_sample(config["STORE"])
        try:
            serving = hold_for_serving(config["STORE"])
        except StoreError as exc:
            print(f"esgkg serve: {exc}", file=sys.stderr)
            return 1
    where = f"http://{host}:{port}"
    print(f"esgkg: SPARQL endpoint at {where}/sparql "
          f"({'read-write' if config['UPDATE_TOKEN'] else 'read-only'}; Ctrl-C stops)",
          file=sys.stderr)
    if not config["BACKEND_QUERY"]:
        try:
            base = GraphStore.base_of(config["STORE"])
        except StoreError as exc:
            raise SystemExit(f"esgkg serve: {exc}") from None
        print(f"esgkg: serving the store's IRIs under {base} (their paths, on {where})",
              file=sys.stderr)
    EsgkgServer(config, {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        # gunicorn's own limit is only a backstop: the executors enforce --timeout with a 503.
        "timeout": int(config["QUERY_TIMEOUT"]) + 30,
        "graceful_timeout": 5,
        "keepalive": 5,
        "limit_request_line": 8190,  # gunicorn's maximum: long GET queries (YASGUI's "GET" mode)
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "esgkg-serve",
    }).run()
    del serving
    return 0


def build_sample(path: str) -> None:
    """Build the graph of the bundled sample release in a new store, in a separate process.

    The pipeline (spaCy, its worker processes) and the read-write store must not live in the
    gunicorn master: workers forked from a process holding that state crashed (SIGSEGV).
    """
    print(f"esgkg: no store at {path} yet; building the graph of the sample release", file=sys.stderr)
    builder = multiprocessing.get_context("spawn").Process(target=_build_sample_in_child, args=(path,))
    builder.start()
    builder.join()
    if builder.exitcode != 0:
        raise SystemExit(f"esgkg serve: could not build the sample graph in {path}")


def _build_sample_in_child(path: str) -> None:
    from esgkg.graph.pipeline import ingest_paths

    sample = resources.files("esgkg.ontology").joinpath(SAMPLE_RELEASE)
    with resources.as_file(sample) as sample_path:
        store = GraphStore(path)
        summary = ingest_paths([str(sample_path)], store, progress=False)
        store.flush()
    if summary.errors or not summary.documents:
        raise SystemExit(1)


class EsgkgServer(BaseApplication):
    """gunicorn, configured in code: each worker builds its own app (and executor pool)."""

    def __init__(self, app_config: dict, options: dict):
        self.app_config, self.options = app_config, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from . import create_app
        return create_app(self.app_config)
