"""The ``esgkg`` command: parses arguments and hands each subcommand to one library function.

Each subcommand is a (name, help, add_arguments, run) entry; its code lives in its own module.
"""
from __future__ import annotations

import argparse
import sys

from . import analysis, backup, export

COMMANDS = [
    ("export", "write the graph (or one document) in an RDF, network or table format",
     export.add_export_arguments, export.run_export),
    ("dump", "complete backup of the store as N-Quads", backup.add_dump_arguments, backup.run_dump),
    ("load", "restore a backup (or load an RDF file) into an empty store, all or nothing",
     backup.add_load_arguments, backup.run_load),
    ("analyze", "network questions: path A B, hubs, similar X",
     analysis.add_analyze_arguments, analysis.run_analyze),
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="esgkg", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text, add_arguments, run in COMMANDS:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--store", metavar="DIR",
                         help="data directory (default: $ESGKG_STORE or ./esgkg-data)")
        add_arguments(sub)
        sub.set_defaults(run=run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
