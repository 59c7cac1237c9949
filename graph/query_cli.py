"""``esgkg query 'SPARQL'``: ask the embedded store or any SPARQL endpoint, print a table or a format.

The default graph is the union of all graphs, as on ``esgkg serve``'s endpoint, so the same query
gives the same answer through either door.
"""
from __future__ import annotations

import argparse
import http.client
import sys

import pyoxigraph as ox

from esgkg.webapp.formats import BY_NAME, FORMATS
from esgkg.webapp.sparql import TRUNCATED_HEADER
from esgkg.webapp.sparqltext import Refused, check, query_form, read_operation

from .remote import RemoteError, RemoteStore
from .store import GraphStore, StoreError, store_path


def add_query_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sparql", help="the query text, or - to read it from standard input")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--store", help="data directory (default: $ESGKG_STORE or ./esgkg-data)")
    where.add_argument("--endpoint", metavar="URL", help="a SPARQL 1.1 query endpoint instead")
    parser.add_argument("--format", default="table",
                        choices=["table"] + [f.name for f in FORMATS],
                        help="table (default; Turtle for CONSTRUCT/DESCRIBE) or a result format")


def run_query(args: argparse.Namespace) -> int:
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
        body = _run(text, fmt, args)
    except SyntaxError as exc:
        print(f"esgkg query: SPARQL syntax error: {exc}", file=sys.stderr)
        return 2
    except (StoreError, OSError) as exc:
        print(f"esgkg query: {exc}", file=sys.stderr)
        return 1
    if args.format == "table" and kind == "results":
        _print_table(ox.parse_query_results(body, ox.QueryResultsFormat.JSON))
    else:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
    return 0


def _run(text: str, fmt, args) -> bytes:
    if args.endpoint:
        try:
            headers, body = RemoteStore(args.endpoint).raw_query(text, fmt.media_type)
        except RemoteError as exc:
            raise StoreError(str(exc)) from None
        except http.client.HTTPException as exc:  # e.g. IncompleteRead: the server broke it off
            raise StoreError(f"{args.endpoint} cut the result off before its end "
                             f"({type(exc).__name__}); nothing is printed") from None
        if headers.get(TRUNCATED_HEADER, "").startswith("true"):
            print(f"esgkg query: warning: the result is incomplete, the endpoint cut it at its row "
                  f"limit ({headers[TRUNCATED_HEADER]})", file=sys.stderr)
        return body
    try:  # the embedded store would fetch the network for SERVICE, and crash on deep nesting
        check(read_operation(text))
    except Refused as exc:
        raise StoreError(str(exc)) from None
    path = store_path(args.store)
    if not GraphStore.exists_at(path):
        raise StoreError(f"no store at {path} (run esgkg ingest first)")
    store = GraphStore(path, read_only=True)
    result = store.query(text, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryTriples):
        triples = result
        if fmt.oxigraph.supports_datasets:
            triples = (ox.Quad(t.subject, t.predicate, t.object) for t in result)
        return ox.serialize(triples, format=fmt.oxigraph)
    return result.serialize(format=fmt.oxigraph)


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
