"""The esgkg web application: SPARQL endpoint, explorer, resource pages, export.

``create_app(config)`` builds an app around one store; tests make as many as they like.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .extensions import SECURITY_HEADERS, STORE, get_store

if TYPE_CHECKING:  # imported lazily: executor processes import this package and must start fast
    from flask import Flask

__all__ = ["create_app", "get_store"]

DEFAULTS = {
    "UPDATE_TOKEN": None,          # updates are refused unless set (--update-token, ESGKG_UPDATE_TOKEN)
    "ALLOW_DROP": False,           # DROP/CLEAR ALL, DEFAULT or NAMED are refused unless set (--allow-drop)
    "QUERY_TIMEOUT": 30.0,         # seconds per query or update (--timeout)
    "MAX_ROWS": 100_000,           # solutions/triples per result, 0 = no cap (--max-rows)
    "MAX_QUERY_BYTES": 100_000,    # longest query text accepted
    "MAX_UPDATE_BYTES": 16 * 1024 * 1024,  # largest request body accepted (updates)
    "EXECUTORS": 4,                # query executor processes per web worker (--executors), in two lanes
    "SPILL_BYTES": 64 * 1024 * 1024,  # a result is drained to a spill file up to this size (--spill-mb)
    "RESULT_CACHE": 1024,          # whole results kept per web worker (0 = no cache)
    "BACKEND_QUERY": None,         # remote SPARQL endpoint instead of the embedded store
    "BACKEND_UPDATE": None,
    "BACKEND_TOKEN": None,
    "QUERY_PAGE": "/query",        # where browsers asking /sparql for HTML are sent
}


def create_app(config: dict | None = None) -> Flask:
    import os

    from flask import Flask

    from esgkg.graph.store import store_path

    from .backends import open_backend
    from .resultcache import HotQueryCache, ResultCache

    # Templates and static files are found beside this module as usual (Flask's root path is the
    # directory of the imported module's file). The app keeps nothing in an instance folder, but
    # Flask looks for one at construction and, under the editable install, cannot walk the esgkg
    # namespace (setuptools' finder puts a placeholder on its __path__: StopIteration), so the app
    # names Flask's default for an uninstalled package.
    app = Flask(__name__, instance_path=str(Path.cwd() / "instance"))
    app.config.update(DEFAULTS, STORE=store_path(),
                      UPDATE_TOKEN=os.environ.get("ESGKG_UPDATE_TOKEN") or None)
    app.config.update(config or {})
    backend = open_backend(app.config)
    app.extensions[STORE] = backend.store
    app.extensions["esgkg_runner"] = backend.runner
    app.extensions["esgkg_pooled_store"] = backend.pooled
    app.extensions["esgkg_serving_lock"] = backend.serving
    app.extensions["esgkg_result_cache"] = ResultCache(app.config["RESULT_CACHE"])
    register_http(app)
    register_sparql(app)
    register_explorer(app)
    register_export(app)
    from .sparql import QueryApp

    app.wsgi_app = HotQueryCache(QueryApp(app), app.extensions["esgkg_result_cache"],
                                 backend.runner.generation)
    return app


JSON_PATHS = ("/api/", "/export", "/context.jsonld")     # routes that speak JSON, errors too
PLAIN_TEXT_PATHS = ("/sparql", "/.well-known/")          # the SPARQL protocol's plain-text errors


def register_http(app: Flask) -> None:
    """What every response shares, whatever blueprint (or none) answered: security headers, one
    error handler answering HTML, JSON or plain text by route and Accept, and the qualifiers of
    the vocabulary for templates that list a fact's qualifiers (a new one needs no template line)."""
    from werkzeug.exceptions import HTTPException
    from werkzeug.routing import BaseConverter

    from esgkg.graph.vocab import DOC_ID_PATTERN, LITERAL_QUALIFIERS, NUMERIC_QUALIFIERS, QUALIFIERS

    app.jinja_env.globals.update(qualifiers=tuple(QUALIFIERS), literal_qualifiers=LITERAL_QUALIFIERS,
                                 numeric_qualifiers=NUMERIC_QUALIFIERS)

    class DocIdConverter(BaseConverter):
        """``<doc_id:name>``: only what a document id can be matches; anything else is a 404."""
        regex = DOC_ID_PATTERN

    app.url_map.converters["doc_id"] = DocIdConverter

    @app.after_request
    def _security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.register_error_handler(HTTPException, _error_response)


def _error_response(exc):
    from flask import Response, current_app, jsonify, render_template, request
    from werkzeug.exceptions import InternalServerError

    from .pages import wants_json
    from .sparql import error_response

    status, message = exc.code or 500, exc.description or exc.name
    if isinstance(exc, InternalServerError):
        current_app.logger.error("internal error on %s", request.path,
                                 exc_info=exc.original_exception or exc)
        message = "internal error; the server log has the details"
    if request.path.startswith(PLAIN_TEXT_PATHS):
        response = error_response(status, message)
    elif request.path.startswith(JSON_PATHS) or wants_json():
        response = jsonify(error=message, status=status)
    else:
        response = Response(render_template("error.html", status=status, message=message),
                            mimetype="text/html")
    response.status_code = status
    for name, value in exc.get_headers():  # Allow on a 405, and the like
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def register_sparql(app: Flask) -> None:
    """The SPARQL 1.1 endpoint (/sparql) and the VoID description."""
    from .sparql import bp

    app.register_blueprint(bp)


def register_explorer(app: Flask) -> None:
    """The web explorer: pages, analyst views, resource dereferencing, the JSON API, and
    releases and curation decisions in through the web."""
    from . import api, curation, explorer, resources, upload, views

    app.register_blueprint(upload.bp)
    app.register_blueprint(curation.bp)
    app.register_blueprint(explorer.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(resources.bp)
    app.register_blueprint(api.bp)


def register_export(app: Flask) -> None:
    """File export in every format, and network analysis answers."""
    from . import api_analysis, export

    app.register_blueprint(export.bp)
    app.register_blueprint(api_analysis.bp)
