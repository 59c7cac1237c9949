"""``esgkg serve``: the web app under gunicorn (never Flask's development server).

Process layout (see ``executor`` for why): the gunicorn master forks ``--workers`` web workers
(gthread, ``threads`` request threads each, HTTP keep-alive). No web process opens the RocksDB
store. Each worker starts, on demand, up to ``executors`` read-only query executors (in a cheap
and a heavy lane) and one writer executor; a query past ``--timeout`` has its executor killed and
gets a 503, and a query whose lane is full gets a 503 at once. Ctrl-C stops the
master, which stops the workers; executors die with their worker (PR_SET_PDEATHSIG, and EOF on
their job pipe).

With no store yet, the graph of the bundled sample release is built first (by the pipeline's
``ingest_paths``), so that a fresh ``esgkg serve`` shows a live endpoint.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from importlib import resources

from gunicorn.app.base import BaseApplication

from esgkg.graph.remote import add_backend_arguments
from esgkg.graph.store import GraphStore, StoreError, hold_for_serving, store_path

SAMPLE_RELEASE = "sample/ase-osh-award-2021.txt"


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    add_backend_arguments(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=5000, help="port (default 5000)")
    parser.add_argument("--workers", type=int, default=2, help="web worker processes (default 2)")
    parser.add_argument("--threads", type=int, default=16,
                        help="request threads per worker (default 16): more than the executors, so "
                             "requests waiting on heavy queries or slow clients leave some free")
    parser.add_argument("--executors", type=int, default=4,
                        help="query executor processes per worker, half for cheap and half for "
                             "heavy queries (default 4)")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="time limit of one query or update, in seconds (default 30)")
    parser.add_argument("--max-rows", type=int, default=100_000,
                        help="most solutions or triples in one result, 0 for no cap (default 100000)")
    parser.add_argument("--spill-mb", type=float, default=64,
                        help="results up to this size are drained to a spill file, freeing their "
                             "executor at once; larger ones stream and hold it (default 64)")
    parser.add_argument("--cache-size", type=int, default=1024,
                        help="whole results kept per worker, reused until the next update; 0 = none")
    parser.add_argument("--update-token", default=os.environ.get("ESGKG_UPDATE_TOKEN"),
                        help="allow SPARQL updates with this Bearer token (or ESGKG_UPDATE_TOKEN); "
                             "read-only without it")
    parser.add_argument("--allow-drop", action="store_true",
                        help="allow updates that empty the store (DROP/CLEAR ALL, DEFAULT, NAMED)")


def app_config(args: argparse.Namespace) -> dict:
    return {
        "STORE": os.path.abspath(store_path(args.store)),
        "UPDATE_TOKEN": args.update_token or None,
        "ALLOW_DROP": args.allow_drop,
        "QUERY_TIMEOUT": args.timeout,
        "MAX_ROWS": args.max_rows,
        "EXECUTORS": args.executors,
        "RESULT_CACHE": args.cache_size,
        "SPILL_BYTES": int(args.spill_mb * 1024 * 1024),
        "BACKEND_QUERY": args.backend_query,
        "BACKEND_UPDATE": args.backend_update,
        "BACKEND_TOKEN": args.backend_token,
    }


def run_serve(args: argparse.Namespace) -> int:
    config = app_config(args)
    serving = None  # held by the gunicorn master until it exits (its workers hold it too)
    if not config["BACKEND_QUERY"]:
        if not GraphStore.exists_at(config["STORE"]):
            build_sample(config["STORE"])
        try:
            serving = hold_for_serving(config["STORE"])
        except StoreError as exc:
            print(f"esgkg serve: {exc}", file=sys.stderr)
            return 1
    where = f"http://{args.host}:{args.port}"
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
        "bind": f"{args.host}:{args.port}",
        "workers": args.workers,
        "worker_class": "gthread",
        "threads": args.threads,
        # gunicorn's own limit is only a backstop: the executors enforce --timeout with a 503.
        "timeout": int(args.timeout) + 30,
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
