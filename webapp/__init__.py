"""The esgkg web application: SPARQL endpoint, explorer, resource pages, export.

``create_app(config)`` builds an app around one store; tests make as many as they like.
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask

from esgkg.graph.store import GraphStore, store_path


def create_app(config: dict | None = None) -> Flask:
    # esgkg is a namespace package, where Flask cannot guess an instance folder: name one.
    app = Flask(__name__, instance_path=str(Path(__file__).resolve().parent / "instance"))
    app.config.update(STORE=store_path(), READ_ONLY=False)
    app.config.update(config or {})
    app.extensions["esgkg_store"] = app.config.get("STORE_OBJECT") or GraphStore(
        app.config["STORE"], read_only=app.config["READ_ONLY"])
    from . import api_analysis, export

    app.register_blueprint(export.bp)
    app.register_blueprint(api_analysis.bp)
    return app


def get_store(app: Flask) -> GraphStore:
    return app.extensions["esgkg_store"]
