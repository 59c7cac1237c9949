"""The esgkg web application: SPARQL endpoint, explorer, resource pages, export.

``create_app(config)`` builds an app around one store; tests make as many as they like.
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask

from esgkg.graph.store import GraphStore, store_path


def create_app(config: dict | None = None) -> Flask:
    # Flask cannot locate a package of the esgkg namespace (editable install maps folders), so the
    # app's folders are given: templates and static files live beside this module.
    here = Path(__file__).resolve().parent
    app = Flask(__name__, root_path=str(here), instance_path=str(Path.cwd() / "instance"))
    app.config.update(STORE=store_path(), READ_ONLY=False)
    app.config.update(config or {})
    app.extensions["esgkg_store"] = app.config.get("STORE_OBJECT") or GraphStore(
        app.config["STORE"], read_only=app.config["READ_ONLY"])
    register_explorer(app)
    register_export(app)
    return app


def register_explorer(app: Flask) -> None:
    """The web explorer: pages, resource dereferencing and the JSON API they share."""
    from . import api, explorer, resources

    app.register_blueprint(explorer.bp)
    app.register_blueprint(resources.bp)
    app.register_blueprint(api.bp)


def register_export(app: Flask) -> None:
    """File export in every format, and network analysis answers."""
    from . import api_analysis, export

    app.register_blueprint(export.bp)
    app.register_blueprint(api_analysis.bp)


def get_store(app: Flask) -> GraphStore:
    return app.extensions["esgkg_store"]
