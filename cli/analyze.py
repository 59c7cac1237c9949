"""``esgkg analyze path A B | hubs | similar X``: networkx questions on the graph, as tables."""
from __future__ import annotations

import argparse
import json
import sys

from esgkg.graph.analysis import DEFAULT_TOP, HUB_TYPES, AnalysisError, answer, projection
from esgkg.graph.vocab import ENTITY_CLASSES

from .options import Command, add_store_arguments, open_store

QUESTION_PARAMS = ("source", "target", "types", "top", "entity")


def _add_shared(parser: argparse.ArgumentParser, *, repeated: bool = False) -> None:
    """Where the graph lives and what to print; on a question too (``analyze hubs --store DIR``)."""
    hidden = {"default": argparse.SUPPRESS, "help": argparse.SUPPRESS} if repeated else {}
    add_store_arguments(parser, repeated=repeated)
    parser.add_argument("--document", metavar="ID",
                        **({"help": "analyze one document's facts only"} | hidden))
    parser.add_argument("--json", action="store_true",
                        **({"help": "print JSON instead of tables"} | hidden))


def add_arguments(parser) -> None:
    _add_shared(parser)
    shared = argparse.ArgumentParser(add_help=False)
    _add_shared(shared, repeated=True)
    questions = parser.add_subparsers(dest="question", required=True, metavar="QUESTION")
    path = questions.add_parser("path", parents=[shared], help="shortest chain of facts between two entities")
    path.add_argument("source", help="entity: IRI, label or alias")
    path.add_argument("target", help="entity: IRI, label or alias")
    hub = questions.add_parser("hubs", parents=[shared], help="what connects the most organizations")
    hub.add_argument("--type", dest="types", action="append", choices=list(ENTITY_CLASSES),
                     help=f"entity type to rank (repeatable; default {', '.join(HUB_TYPES)})")
    hub.add_argument("--top", type=int, default=DEFAULT_TOP)
    sim = questions.add_parser("similar", parents=[shared], help="organizations most like a given one")
    sim.add_argument("entity", help="organization: IRI, label or alias")
    sim.add_argument("--top", type=int, default=DEFAULT_TOP)


def run(args) -> int:
    from rich.console import Console
    from rich.table import Table


    params = {k: v for k, v in vars(args).items() if k in QUESTION_PARAMS}
    store = open_store(args)
    try:
        if args.document and not store.has_document(args.document):
            raise AnalysisError(f"no document {args.document!r} in the store")
        result = answer(projection(store, args.document), args.question, **params)
    except AnalysisError as exc:
        print(f"esgkg analyze: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    console = Console()
    if args.question == "path":
        if result["path"] is None:
            console.print(f"no path between {args.source!r} and {args.target!r}")
            return 1
        labels = {n["iri"]: n["label"] for n in result["path"]["nodes"]}
        table = Table(title=f"{args.source} → {args.target}: {result['path']['length']} hops")
        for column in ("from", "fact", "to", "document", "evidence"):
            table.add_column(column, overflow="fold")
        for edge in result["path"]["edges"]:
            table.add_row(labels[edge["from"]], edge["kind"], labels[edge["to"]],
                          edge["document"] or "", edge["evidence"] or "")
    elif args.question == "hubs":
        table = Table(title="What connects the most organizations")
        for column in ("entity", "type", "organizations", "degree", "betweenness"):
            table.add_column(column, justify="left" if column in ("entity", "type") else "right")
        for hub in result["hubs"]:
            table.add_row(hub["label"], hub["type"], str(hub["organizations"]), str(hub["degree"]),
                          f"{hub['betweenness']:.4f}")
    else:
        table = Table(title=f"Organizations most similar to {result['entity']['label']}")
        for column in ("organization", "jaccard", "shared"):
            table.add_column(column, overflow="fold")
        for row in result["similar"]:
            table.add_row(row["label"], f"{row['jaccard']:.3f}", ", ".join(row["shared"]))
    console.print(table)
    return 0


COMMANDS = (Command("analyze", "network questions: path A B, hubs, similar X", add_arguments, run),)
