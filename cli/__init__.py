"""The ``esgkg`` command: the one door to the command line.

Each subcommand lives in a module of this package that declares its ``COMMANDS``: it parses the
options (here only) and calls one library function of ``graph`` or ``webapp`` with plain
arguments. This package sits above both, so the imports run ``cli -> webapp -> graph``.
"""
from __future__ import annotations

import argparse
import sys

from . import analyze, backup, export, query, serve, store

COMMAND_MODULES = (store, export, backup, analyze, serve, query)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="esgkg",
                                     description="Corporate ESG releases as an RDF knowledge graph.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        for command in module.COMMANDS:
            p = sub.add_parser(command.name, help=command.help, description=command.help)
            command.add_arguments(p)
            p.set_defaults(func=command.run)
    return parser


def main(argv=None) -> int:
    from esgkg.graph.store import StoreError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except StoreError as exc:  # e.g. a remote server that fails in the middle of a command
        print(f"esgkg {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
