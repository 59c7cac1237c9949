"""The esgkg web application: SPARQL endpoint, explorer, resource pages, export.

``create_app(config)`` builds an app around one store; tests make as many as they like.
"""
from __future__ import annotations

from flask import Flask

from esgkg.graph.store import GraphStore, store_path


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(STORE=store_path(), READ_ONLY=False)
    app.config.update(config or {})
    app.extensions["esgkg_store"] = app.config.get("STORE_OBJECT") or GraphStore(
        app.config["STORE"], read_only=app.config["READ_ONLY"])
    return app


def get_store(app: Flask) -> GraphStore:
    return app.extensions["esgkg_store"]
