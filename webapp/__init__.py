"""The esgkg web application: SPARQL endpoint, explorer, resource pages, export.

``create_app(config)`` builds an app around one store; tests make as many as they like.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported lazily: executor processes import this package and must start fast
    from flask import Flask

DEFAULTS = {
    "READ_ONLY": False,
    "UPDATE_TOKEN": None,          # updates are refused unless set (--update-token, ESGKG_UPDATE_TOKEN)
    "QUERY_TIMEOUT": 30.0,         # seconds per query or update (--timeout)
    "MAX_ROWS": 100_000,           # solutions/triples per result, 0 = no cap (--max-rows)
    "MAX_QUERY_BYTES": 100_000,    # longest query text accepted
    "MAX_UPDATE_BYTES": 16 * 1024 * 1024,  # largest request body accepted (updates)
    "EXECUTORS": 4,                # query executor processes per web worker
    "RESULT_CACHE": 1024,          # whole results kept per web worker (0 = no cache)
    "BACKEND_QUERY": None,         # remote SPARQL endpoint instead of the embedded store
    "BACKEND_UPDATE": None,
    "BACKEND_TOKEN": None,
    "QUERY_PAGE": "/query",        # where browsers asking /sparql for HTML are sent
}


def create_app(config: dict | None = None) -> Flask:
    from flask import Flask

    from esgkg.graph.store import store_path

    from .backends import open_backend
    from .resultcache import HotQueryCache, ResultCache
    from .sparql import bp as sparql_bp

    # instance_path given explicitly: Flask cannot locate it for a module of the esgkg namespace
    # package (StopIteration in find_package).
    app = Flask(__name__, instance_path=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                      "instance"))
    app.config.update(DEFAULTS, STORE=store_path(),
                      UPDATE_TOKEN=os.environ.get("ESGKG_UPDATE_TOKEN") or None)
    app.config.update(config or {})
    store, runner = open_backend(app.config)
    app.extensions["esgkg_store"] = store
    app.extensions["esgkg_runner"] = runner
    app.extensions["esgkg_result_cache"] = ResultCache(app.config["RESULT_CACHE"])
    app.register_blueprint(sparql_bp)
    app.wsgi_app = HotQueryCache(app.wsgi_app, app.extensions["esgkg_result_cache"],
                                 runner.generation)
    return app


def get_store(app: Flask):
    """The app's store: GraphStore-like ``query`` (and document methods) for pages and APIs."""
    return app.extensions["esgkg_store"]
