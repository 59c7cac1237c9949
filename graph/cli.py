"""The ``esgkg`` command: each subcommand parses its options and calls one library function.

Messages for people are made here, from the exceptions the library raises.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys

from .facts import CSV_COLUMNS


def cmd_facts(args) -> int:
    from .pipeline import FileError, extract_facts_from_paths

    records = _facts_records(args)
    failed = 0
    writer = csv.DictWriter(sys.stdout, CSV_COLUMNS, extrasaction="ignore") if args.format == "csv" else None
    if writer:
        writer.writeheader()
    for item in records:
        if isinstance(item, FileError):
            print(f"esgkg: {item.message}", file=sys.stderr)
            failed += 1
            continue
        if writer:
            writer.writerow(item)
        else:
            print(json.dumps(item, ensure_ascii=False))
    return 1 if failed and failed == getattr(args, "_files", failed + 1) else 0


def _facts_records(args):
    from .pipeline import FileError, extract_facts_from_paths
    from .read import release_files

    if not args.paths:
        raise SystemExit("esgkg facts: give release files or directories")
    args._files = len(release_files(args.paths))
    for item in extract_facts_from_paths(args.paths):
        yield item if isinstance(item, FileError) else item.to_record()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="esgkg", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("facts", help="print the ESG facts of releases (or of a store) as JSON lines or CSV")
    p.add_argument("paths", nargs="*", help="release files or directories")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p.add_argument("--store", help="print the facts already in this store instead")
    p.set_defaults(func=cmd_facts)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
