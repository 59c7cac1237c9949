"""What every explorer page shares: the JSON twin of an HTML page and the one way to refuse.

A page view builds a dict, then ``render_page`` answers with HTML (Jinja, autoescaped) or the same
dict as JSON when asked by ``?format=json`` or an ``Accept`` that prefers JSON. The security
headers and the error pages are the app's (``webapp/__init__.py``), for every route alike.
"""
from __future__ import annotations

from flask import Response, abort, current_app, jsonify, render_template, request

from .extensions import get_store


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


def int_arg(name: str, default: int | None = None, lo: int | None = None,
            hi: int | None = None) -> int | None:
    """A whole-number query parameter (``default`` when absent); a 400 when it is not one or
    lies outside ``lo``..``hi``."""
    raw = request.args.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        fail(400, f"{name} must be an integer, not {raw!r}")
    if lo is not None and value < lo or hi is not None and value > hi:
        fail(400, f"{name} must be between {lo} and {hi}" if lo is not None and hi is not None
             else f"{name} must be at least {lo}" if lo is not None else f"{name} must be at most {hi}")
    return value


def page_args(per_page: int = 50, most: int = 500) -> tuple[int, int]:
    """``?page=`` (from 1) and ``?per_page=`` (1 to ``most``) of a paged table."""
    return int_arg("page", 1, 1), int_arg("per_page", per_page, 1, most)


def fail(status: int, message: str):
    """One way to refuse a request: the app's error handler answers in the route's language."""
    abort(status, description=message)
