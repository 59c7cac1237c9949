"""What every subcommand shares: how it is declared, where its store lives, how it writes a file.

The command line is the only place that parses arguments; each command module declares its
``COMMANDS`` and turns the parsed options into plain arguments for one library function. Messages
for people are made here, from the exceptions the library raises.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

STORE_HELP = "data directory of the embedded store (default: $ESGKG_STORE or ./esgkg-data)"


@dataclass(frozen=True)
class Command:
    """One ``esgkg`` subcommand: its name, one-line help, options and the function it runs."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def add_store_arguments(parser: argparse.ArgumentParser, store_help: str = STORE_HELP,
                        *, remote: bool = True, repeated: bool = False) -> None:
    """``--store DIR`` or (``remote``) ``--backend-query URL [--backend-update URL]``.

    ``repeated``: the options are also accepted after a nested positional (``esgkg analyze hubs
    --store DIR``); there they leave the outer parser's value alone unless given.
    """
    hidden = {"default": argparse.SUPPRESS, "help": argparse.SUPPRESS} if repeated else {}
    parser.add_argument("--store", **({"help": store_help} | hidden))
    if not remote:
        return
    parser.add_argument("--backend-query", metavar="URL", **(
        {"help": "use a remote SPARQL 1.1 query endpoint instead of the embedded store"} | hidden))
    parser.add_argument("--backend-update", metavar="URL", **(
        {"help": "the remote SPARQL 1.1 update endpoint (with --backend-query)"} | hidden))
    parser.add_argument("--backend-token", metavar="TOKEN", **(
        {"default": os.environ.get("ESGKG_BACKEND_TOKEN"),
         "help": "Bearer token sent to the remote update endpoint"} | hidden))


def open_store(args: argparse.Namespace, *, writes: bool = False, must_exist: bool | None = None):
    """The store of the shared options (see ``graph.remote.open_store``); its StoreError becomes
    one line and exit status 1 in ``main``."""
    from esgkg.graph.remote import open_store as open_backend

    return open_backend(store=args.store, backend_query=getattr(args, "backend_query", None),
                        backend_update=getattr(args, "backend_update", None),
                        backend_token=getattr(args, "backend_token", None),
                        writes=writes, must_exist=must_exist)


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


class open_output:
    """``-`` is standard output; a file is written beside its name and renamed when complete."""

    def __init__(self, target: str):
        self.target = target

    def __enter__(self) -> BinaryIO:
        if self.target == "-":
            self.stream = sys.stdout.buffer
        else:
            self.partial = f"{self.target}.part"
            self.stream = open(self.partial, "wb")
        return self.stream

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.target == "-":
            self.stream.flush()
            return
        self.stream.close()
        if exc_type is None:
            os.replace(self.partial, self.target)
        else:
            os.unlink(self.partial)
