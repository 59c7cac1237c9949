"""What ``create_app`` hangs on an app for its blueprints, and the one way to get the store back.

A module of its own, not the package's ``__init__``, so that blueprints can import it while the
package's app factory imports them: imports inside ``webapp`` run one way too.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

STORE = "esgkg_store"


def get_store(app: Flask):
    """The app's store for pages and APIs: a GraphStore (or one with the same methods)."""
    return app.extensions[STORE]
