"""The ``esgkg`` command: each subcommand parses its options and calls one library function.

Minimal structure for the endpoint's subcommands (serve, query); the pipeline's subcommands
(facts, ingest, remove, validate, stats) join ``build_parser`` from the main branch.
"""
from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="esgkg", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    _add_endpoint_commands(sub)
    return parser


def _add_endpoint_commands(sub) -> None:
    """``serve`` and ``query``: their options and code live in webapp/serve.py and graph/query_cli.py."""
    from esgkg.webapp.serve import add_serve_arguments, run_serve

    from .query_cli import add_query_arguments, run_query

    p = sub.add_parser("serve", help="serve the SPARQL endpoint (and the web app) with gunicorn")
    add_serve_arguments(p)
    p.set_defaults(func=run_serve)
    p = sub.add_parser("query", help="run a SPARQL query on the store or an endpoint")
    add_query_arguments(p)
    p.set_defaults(func=run_query)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
