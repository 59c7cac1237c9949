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


# Headers every response carries, whichever path answered it (Flask's views or the lean /sparql).
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",  # pages load bundled scripts from /static and pass settings in data-*
    # Cytoscape and YASGUI set element styles from script; no stylesheet comes from release text.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
