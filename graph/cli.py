"""The ``esgkg`` command: each subcommand parses its options and calls one library function.

Messages for people are made here, from the exceptions the library raises.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys

from .facts import CSV_COLUMNS


def _store(args, *, writes: bool = False, must_exist: bool | None = None):
    """The embedded or remote store of the shared options, or exit with a one-line message."""
    from .remote import open_store
    from .store import StoreError

    try:
        return open_store(args, writes=writes, must_exist=must_exist)
    except StoreError as exc:
        raise SystemExit(f"esgkg {args.command}: {exc}") from None


def _print_records(records, fmt: str) -> None:
    writer = csv.DictWriter(sys.stdout, CSV_COLUMNS, extrasaction="ignore") if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for record in records:
        if writer:
            writer.writerow(record)
        else:
            print(json.dumps(record, ensure_ascii=False))


def cmd_facts(args) -> int:
    from .fact_table import read_facts
    from .pipeline import FileError, extract_facts_from_paths
    from .read import release_files

    if args.store or args.backend_query:
        if args.paths:
            raise SystemExit("esgkg facts: give either release paths or a store, not both")
        _print_records(read_facts(_store(args)), args.format)
        return 0
    if not args.paths:
        raise SystemExit("esgkg facts: give release files or directories "
                         "(or --store DIR / --backend-query URL)")
    files = release_files(args.paths)
    if not files:
        raise SystemExit("esgkg facts: no release files (.txt, .md, .html) found in " + " ".join(args.paths))
    errors = []

    def records():
        for item in extract_facts_from_paths(files):
            if isinstance(item, FileError):
                print(f"esgkg: {item.message}", file=sys.stderr)
                errors.append(item)
            else:
                yield item.to_record()

    _print_records(records(), args.format)
    return 1 if len(errors) == len(files) else 0


def cmd_ingest(args) -> int:
    from .pipeline import ingest_paths
    from .read import release_files

    if not release_files(args.paths):
        raise SystemExit("esgkg ingest: no release files (.txt, .md, .html) found in " + " ".join(args.paths))
    store = _store(args, writes=True)
    summary = ingest_paths(args.paths, store, progress=sys.stderr.isatty(), workers=args.workers,
                           validate=args.validate)
    for note in summary.renamed:
        print(f"esgkg: {note}", file=sys.stderr)
    for error in summary.errors:
        print(f"esgkg: skipped {error.message}", file=sys.stderr)
    for line in summary.left_out:
        print(f"esgkg: {line}", file=sys.stderr)
    for doc_id in summary.empty:
        print(f"esgkg: {doc_id}: no ESG facts found", file=sys.stderr)
    print(f"ingested {summary.documents} documents, {summary.facts} facts into {store.location} "
          f"in {summary.seconds['total']:.1f} s"
          + (f"; {len(summary.errors)} files skipped" if summary.errors else "")
          + (f"; {len(summary.left_out)} facts left out" if summary.left_out else "")
          + f"; it holds {summary.store_documents} documents, {summary.triples} triples")
    return 1 if summary.errors and not summary.documents else 0


def cmd_remove(args) -> int:
    store = _store(args, writes=True, must_exist=True)
    missing = [doc_id for doc_id in args.doc_ids if not store.remove_document(doc_id)]
    for doc_id in missing:
        print(f"esgkg: no document {doc_id!r} in {store.location}", file=sys.stderr)
    removed = len(args.doc_ids) - len(missing)
    print(f"removed {removed} document{'s' if removed != 1 else ''}")
    return 1 if missing else 0


def cmd_stats(args) -> int:
    from .stats import store_stats

    store = _store(args)
    stats = store_stats(store)
    if args.json:
        print(json.dumps(stats.as_dict(), indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"esgkg store {args.store or args.backend_query or ''}".strip(),
                  show_header=False)
    table.add_row("documents", str(stats.documents))
    for name, n in stats.entities.items():
        table.add_row(f"entities: {name}", str(n))
    for kind, n in stats.facts.items():
        table.add_row(f"facts: {kind}", str(n))
    table.add_row("inferred facts", str(stats.inferred))
    table.add_row("triples", str(stats.triples))
    Console().print(table)
    return 0


def cmd_validate(args) -> int:
    from .validate import validate_store

    result = validate_store(_store(args))
    if not result.conforms:
        print(result.text, end="")
    print(result.summary())
    return 0 if result.conforms else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="esgkg", description="Corporate ESG releases as an RDF knowledge graph.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    from .remote import add_backend_arguments

    p = sub.add_parser("facts", help="print the ESG facts of releases (or of a store) as JSON lines or CSV")
    p.add_argument("paths", nargs="*", help="release files or directories")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    add_backend_arguments(p, store_help="print the facts already in this store instead")
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("ingest", help="add or replace releases in the store")
    p.add_argument("paths", nargs="+", help="release files or directories")
    add_backend_arguments(p)
    p.add_argument("--workers", type=int, default=None, help="extraction processes (default: one per core)")
    p.add_argument("--no-validate", dest="validate", action="store_false",
                   help="store documents without checking them against the SHACL shapes")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("remove", help="remove documents (by id: file name without extension) and their facts")
    p.add_argument("doc_ids", nargs="+", metavar="DOC_ID")
    add_backend_arguments(p)
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("validate", help="check the store against the SHACL shapes (non-zero exit on violations)")
    add_backend_arguments(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("stats", help="documents, entities, facts by kind, triples")
    add_backend_arguments(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_stats)

    for name, help_text, add_arguments, run, remote in _module_commands():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if remote:
            add_backend_arguments(p)
        else:
            p.add_argument("--store", help="data directory (default: $ESGKG_STORE or ./esgkg-data)")
        add_arguments(p)
        p.set_defaults(func=run)

    _add_endpoint_commands(sub)
    return parser


def _module_commands():
    """Subcommands whose code lives in their own module, as (name, help, add_arguments, run,
    whether it also runs over a remote SPARQL server)."""
    from . import analysis, backup, export

    return [
        ("export", "write the graph (or one document) in an RDF, network or table format",
         export.add_export_arguments, export.run_export, True),
        ("dump", "complete backup of the store as N-Quads", backup.add_dump_arguments,
         backup.run_dump, True),
        ("load", "restore a backup (or load an RDF file) into an empty store, all or nothing",
         backup.add_load_arguments, backup.run_load, False),
        ("analyze", "network questions: path A B, hubs, similar X",
         analysis.add_analyze_arguments, analysis.run_analyze, True),
    ]


def _add_endpoint_commands(sub) -> None:
    """``serve`` and ``query``: their options and code live in webapp/serve.py and graph/query_cli.py."""
    from esgkg.webapp.serve import add_serve_arguments, run_serve

    from .query_cli import add_query_arguments, run_query

    p = sub.add_parser("serve", help="serve the SPARQL endpoint (and the web app) with gunicorn")
    add_serve_arguments(p)
    p.set_defaults(func=run_serve)
    p = sub.add_parser("query", help="run a SPARQL query on the store or an endpoint; table or any format")
    add_query_arguments(p)
    p.set_defaults(func=run_query)


def main(argv=None) -> int:
    from .store import StoreError

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


if __name__ == "__main__":
    sys.exit(main())
