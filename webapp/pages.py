"""What every explorer page shares: the JSON twin of an HTML page, the security headers, and
the one HTTP error helper.

A page view builds a dict, then ``render_page`` answers with HTML (Jinja, autoescaped) or the same
dict as JSON when asked by ``?format=json`` or an ``Accept`` that prefers JSON. The
Content-Security-Policy forbids inline scripts: pages load bundled scripts from /static only and
pass configuration in ``data-`` attributes.
"""
from __future__ import annotations

from flask import Response, abort, current_app, jsonify, render_template, request

from . import get_store

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
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


def security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def store():
    return get_store(current_app)


def wants_json() -> bool:
    if request.path.endswith(".json"):          # a page's JSON twin (/facts.json)
        return True
    fmt = request.args.get("format")
    if fmt:
        return fmt == "json"
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def render_page(template: str, data: dict, **extra) -> Response:
    """HTML for people, the same ``data`` as JSON for scripts (the page's JSON twin)."""
    if wants_json():
        return jsonify(data)
    return Response(render_template(template, data=data, **extra), mimetype="text/html")


def fail(status: int, message: str):
    """One way to refuse a request: JSON for the API and JSON twins, a short page otherwise."""
    if request.path.startswith("/api/") or wants_json():
        response = jsonify({"error": message, "status": status})
    else:
        response = Response(render_template("error.html", status=status, message=message),
                            mimetype="text/html")
    response.status_code = status
    abort(response)
