"""``/api/analysis/{path,hubs,similar}``: the network questions of ``esgkg analyze``, as JSON.

Same answers as the CLI (``analysis.answer``). Building the projection reads every statement
(about 2 s per thousand releases), so the last few are kept per app, keyed by the store's size and
named graphs and for at most CACHE_SECONDS: an ingest or removal changes the key at once; a
re-ingest that keeps the exact triple count shows up within CACHE_SECONDS.
"""
from __future__ import annotations

import threading
import time

from flask import Blueprint, current_app, request

from esgkg.graph import analysis

from .extensions import get_store
from .pages import fail

bp = Blueprint("api_analysis", __name__, url_prefix="/api/analysis")


CACHE_SECONDS = 30
MAX_TOP = 1000  # most hubs or similar organizations one answer lists
_CACHE_SIZE = 4
_cache_lock = threading.Lock()


def _network(store, document: str | None):
    key = (document, len(store), tuple(g.value for g in store.ox.named_graphs()))
    cache = current_app.extensions.setdefault("esgkg_analysis_cache", {})
    with _cache_lock:
        hit = cache.get(key)
        if hit and time.monotonic() - hit[0] < CACHE_SECONDS:
            return hit[1]
    network = analysis.projection(store, document)
    with _cache_lock:
        cache[key] = (time.monotonic(), network)
        while len(cache) > _CACHE_SIZE:
            cache.pop(min(cache, key=lambda k: cache[k][0]))
    return network


def _answer(question: str, **params):
    store = get_store(current_app)
    document = request.args.get("document") or None
    if document and not store.has_document(document):
        fail(404, f"no document {document!r} in the store")
    try:
        return analysis.answer(_network(store, document), question, **params)
    except analysis.EntityNotFound as exc:
        fail(404, str(exc))
    except analysis.AnalysisError as exc:
        fail(400, str(exc))


def _required(*names: str):
    """Refuse the request when a query parameter is missing; None otherwise."""
    missing = [n for n in names if not request.args.get(n)]
    if missing:
        fail(400, f"missing query parameter(s): {', '.join(missing)}")


def _top() -> int:
    try:
        return max(1, min(int(request.args.get("top", analysis.DEFAULT_TOP)), MAX_TOP))
    except ValueError:
        return analysis.DEFAULT_TOP


@bp.get("/path")
def path():
    """?from=&to= : entities by IRI, label or alias."""
    return _required("from", "to") or _answer("path", source=request.args["from"],
                                              target=request.args["to"])


@bp.get("/hubs")
def hubs():
    """?type=standard&type=index&top=10"""
    return _answer("hubs", types=request.args.getlist("type") or None, top=_top())


@bp.get("/similar")
def similar():
    """?entity=&top=10"""
    return _required("entity") or _answer("similar", entity=request.args["entity"], top=_top())
