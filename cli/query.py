"""``esgkg query 'SPARQL'``: ask the embedded store or any SPARQL endpoint, print a table or a format."""
from __future__ import annotations

import argparse
import sys

import pyoxigraph as ox

from esgkg.graph.formats import BY_NAME, SPARQL_FORMATS
from esgkg.graph.query import query_bytes
from esgkg.graph.sparqltext import query_form
from esgkg.graph.store import StoreError

from .options import STORE_HELP, Command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sparql", help="the query text, or - to read it from standard input")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--store", help=STORE_HELP)
    where.add_argument("--endpoint", metavar="URL", help="a SPARQL 1.1 query endpoint instead")
    parser.add_argument("--format", default="table",
                        choices=["table"] + [f.name for f in SPARQL_FORMATS],
                        help="table (default; Turtle for CONSTRUCT/DESCRIBE) or a result format")


def run(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.sparql == "-" else args.sparql
    form = query_form(text)
    kind = "graph" if form in ("CONSTRUCT", "DESCRIBE") else "results"
    name = args.format
    if name == "table":
        name = "turtle" if kind == "graph" else "json"
    fmt = BY_NAME[name]
    if fmt.kind != kind:
        print(f"esgkg query: --format {name} cannot carry the result of a {form or 'this'} query",
              file=sys.stderr)
        return 2
    try:
        body, truncated = query_bytes(text, fmt, store=args.store, endpoint=args.endpoint)
    except SyntaxError as exc:
        print(f"esgkg query: SPARQL syntax error: {exc}", file=sys.stderr)
        return 2
    except (StoreError, OSError) as exc:
        print(f"esgkg query: {exc}", file=sys.stderr)
        return 1
    if truncated:
        print(f"esgkg query: warning: the result is incomplete, the endpoint cut it at its row "
              f"limit ({truncated})", file=sys.stderr)
    if args.format == "table" and kind == "results":
        _print_table(ox.parse_query_results(body, ox.QueryResultsFormat.JSON))
    else:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
    return 0


def _print_table(result) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if isinstance(result, ox.QueryBoolean):
        console.print("true" if result else "false")
        return
    names = [v.value for v in result.variables]
    table = Table(*names, show_lines=False)
    count = 0
    for row in result:
        table.add_row(*(_cell(row[n]) for n in names))
        count += 1
    console.print(table)
    console.print(f"{count} row{'s' if count != 1 else ''}", style="dim")


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


COMMANDS = (Command("query", "run a SPARQL query on the store or an endpoint; table or any format",
                    add_arguments, run),)
