"""``esgkg serve``: the SPARQL endpoint and the web app under gunicorn (``webapp.serve``).

The app's own defaults (time limit, row cap, executors, result cache) are ``webapp.DEFAULTS``;
the options here only override them.
"""
from __future__ import annotations

import argparse
import os

from esgkg.graph.store import store_path
from esgkg.webapp import DEFAULTS

from .options import Command, add_store_arguments

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5000   # the port of the default base IRI (ESGKG_BASE), so minted IRIs dereference
DEFAULT_WORKERS = 2   # web worker processes: one per core of the 2-core machines esgkg runs on
DEFAULT_THREADS = 16  # request threads per worker: more than its executors (webapp/executor.py)
MIB = 1024 * 1024
# Options that override one of the app's DEFAULTS: (flag, config key, type, help).
APP_OPTIONS = (
    ("--executors", "EXECUTORS", int, "query executor processes per worker, half cheap and half heavy lane"),
    ("--timeout", "QUERY_TIMEOUT", float, "time limit of one query or update, in seconds"),
    ("--max-rows", "MAX_ROWS", int, "most solutions or triples in one result, 0 for no cap"),
    ("--cache-size", "RESULT_CACHE", int,
     "whole results kept per worker, reused until the next update; 0 = none"),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_arguments(parser)
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                        help=f"web worker processes (default {DEFAULT_WORKERS})")
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS,
                        help=f"request threads per worker (default {DEFAULT_THREADS})")
    parser.add_argument("--spill-mb", type=float, default=DEFAULTS["SPILL_BYTES"] / MIB,
                        help="results up to this size are drained to a spill file, freeing their executor "
                             f"at once; larger ones stream and hold it (default {DEFAULTS['SPILL_BYTES'] / MIB:g})")
    for flag, key, kind, text in APP_OPTIONS:
        parser.add_argument(flag, dest=key.lower(), metavar=flag.lstrip("-").upper().replace("-", "_"),
                            type=kind, default=DEFAULTS[key], help=f"{text} (default {DEFAULTS[key]:g})")
    parser.add_argument("--update-token", default=os.environ.get("ESGKG_UPDATE_TOKEN"),
                        help="allow SPARQL updates with this Bearer token (or ESGKG_UPDATE_TOKEN); "
                             "read-only without it")
    parser.add_argument("--allow-drop", action="store_true",
                        help="allow updates that empty the store (DROP/CLEAR ALL, DEFAULT, NAMED)")


def app_config(args: argparse.Namespace) -> dict:
    """The options as ``create_app``'s configuration."""
    return {
        "STORE": os.path.abspath(store_path(args.store)),
        "UPDATE_TOKEN": args.update_token or None,
        "ALLOW_DROP": args.allow_drop,
        **{key: getattr(args, key.lower()) for _, key, _, _ in APP_OPTIONS},
        "SPILL_BYTES": int(args.spill_mb * MIB),
        "BACKEND_QUERY": args.backend_query,
        "BACKEND_UPDATE": args.backend_update,
        "BACKEND_TOKEN": args.backend_token,
    }


def run(args: argparse.Namespace) -> int:
    from esgkg.webapp.serve import run_serve

    return run_serve(app_config(args), args.host, args.port, args.workers, args.threads)


COMMANDS = (Command("serve", "serve the SPARQL endpoint (and the web app) with gunicorn",
                    add_arguments, run),)
