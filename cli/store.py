"""``esgkg facts | ingest | remove | validate | stats``: reading releases into a store and
looking after it."""
from __future__ import annotations

import csv
import json
import sys

from esgkg.graph.facts import CSV_COLUMNS

from .options import Command, add_store_arguments
from .options import open_store as _store


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
    from esgkg.graph.fact_table import read_facts
    from esgkg.graph.pipeline import FileError, extract_facts_from_paths
    from esgkg.graph.read import release_files

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
    from esgkg.graph.pipeline import ingest_paths
    from esgkg.graph.read import release_files

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
    from esgkg.graph.stats import store_stats

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
    from esgkg.graph.validate import validate_store

    result = validate_store(_store(args))
    if not result.conforms:
        print(result.text, end="")
    print(result.summary())
    return 0 if result.conforms else 1


def _facts_arguments(p) -> None:
    p.add_argument("paths", nargs="*", help="release files or directories")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    add_store_arguments(p, store_help="print the facts already in this store instead")


def _ingest_arguments(p) -> None:
    p.add_argument("paths", nargs="+", help="release files or directories")
    add_store_arguments(p)
    p.add_argument("--workers", type=int, default=None, help="extraction processes (default: one per core)")
    p.add_argument("--no-validate", dest="validate", action="store_false",
                   help="store documents without checking them against the SHACL shapes")


def _remove_arguments(p) -> None:
    p.add_argument("doc_ids", nargs="+", metavar="DOC_ID")
    add_store_arguments(p)


def _stats_arguments(p) -> None:
    add_store_arguments(p)
    p.add_argument("--json", action="store_true", help="print JSON")


COMMANDS = (
    Command("facts", "print the ESG facts of releases (or of a store) as JSON lines or CSV",
            _facts_arguments, cmd_facts),
    Command("ingest", "add or replace releases in the store", _ingest_arguments, cmd_ingest),
    Command("remove", "remove documents (by id: file name without extension) and their facts",
            _remove_arguments, cmd_remove),
    Command("validate", "check the store against the SHACL shapes (non-zero exit on violations)",
            add_store_arguments, cmd_validate),
    Command("stats", "documents, entities, facts by kind, triples", _stats_arguments, cmd_stats),
)
