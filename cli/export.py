"""``esgkg export``: the graph, one document or one named graph in a registered format."""
from __future__ import annotations

import os
import sys

from esgkg.graph import export

from .options import Command, add_store_arguments, open_output, open_store, positive_int


def add_arguments(parser) -> None:
    add_store_arguments(parser)
    parser.add_argument("--format", "-f", required=True, choices=list(export.FORMATS),
                        help="; ".join(f"{f.name}: {f.description}" for f in export.FORMATS.values()))
    parser.add_argument("--document", metavar="ID", help="only this document (and its entities)")
    parser.add_argument("--graph", metavar="IRI", help="only this named graph")
    parser.add_argument("-o", "--output", default="-", metavar="FILE",
                        help="file to write (default '-': standard output)")
    parser.add_argument("--readers", type=positive_int, default=os.cpu_count() or 1, metavar="N",
                        help="processes reading a whole local store in N-Triples or N-Quads "
                             "(default: the number of CPUs)")


def run(args) -> int:
    store = open_store(args)
    try:
        fmt, selection = export.prepare(store, args.format, args.document, args.graph)
        with open_output(args.output) as output:
            export.write(store, fmt, selection, output, args.readers)
    except export.ExportError as exc:
        print(f"esgkg export: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `esgkg export ... | head`
        return 0
    return 0


COMMANDS = (Command("export", "write the graph (or one document) in an RDF, network or table format",
                    add_arguments, run),)
