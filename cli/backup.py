"""``esgkg dump`` and ``esgkg load``: complete N-Quads backup, and restore all or nothing."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from esgkg.graph.backup import LoadError, dump, load
from esgkg.graph.formats import READABLE

from .options import Command, add_store_arguments, open_output, open_store


def add_dump_arguments(parser) -> None:
    add_store_arguments(parser)
    parser.add_argument("-o", "--output", default="-",
                        help="file to write (default: standard output)")


def run_dump(args) -> int:
    store = open_store(args)
    with open_output(args.output) as output:
        dump(store, output)
    return 0


def add_load_arguments(parser) -> None:
    add_store_arguments(parser, remote=False)
    parser.add_argument("file", help="RDF file to load ('-' reads standard input)")
    parser.add_argument("--format", choices=list(READABLE),
                        help="RDF syntax (default: from the file extension)")
    parser.add_argument("--graph", metavar="IRI", help="named graph for a triple syntax")
    parser.add_argument("--merge", action="store_true",
                        help="add to a non-empty store (default: only restore into an empty one)")


def run_load(args) -> int:
    spool = None
    try:
        if args.file == "-":
            if not args.format:
                raise LoadError("reading standard input needs --format")
            with tempfile.NamedTemporaryFile(suffix=".input", delete=False) as spool:
                shutil.copyfileobj(sys.stdin.buffer, spool)
            source = spool.name
        else:
            source = args.file
            if not Path(source).is_file():
                raise LoadError(f"no such file: {source}")
        store = open_store(args, writes=True)
        added = load(store, source, args.format, args.graph, merge=args.merge)
    except LoadError as exc:
        print(f"esgkg load: {exc}", file=sys.stderr)
        return 1
    finally:
        if spool is not None:
            os.unlink(spool.name)
    print(f"loaded {added} quads; the store holds {len(store)}", file=sys.stderr)
    return 0


COMMANDS = (
    Command("dump", "complete backup of the store as N-Quads", add_dump_arguments, run_dump),
    Command("load", "restore a backup (or load an RDF file) into an empty store, all or nothing",
            add_load_arguments, run_load),
)
