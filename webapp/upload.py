"""Releases in through the web: ``POST /api/documents`` (multipart files, or one raw text body
with ``?id=``), ``DELETE /api/documents/ID`` and the ``/upload`` page.

Each release goes through the CLI's pipeline (``pipeline.build_text``, then ``store_built``:
consistent entities, curation re-applied) and is written as one SPARQL update through the
app's runner, so the write takes the endpoint's locks, gets its SHACL check and time limit, and
bumps the store's generation (the result cache and the pages' store follow at once).
"""
from __future__ import annotations

import hmac
import threading

from flask import Blueprint, current_app, jsonify, render_template, request

from esgkg.graph.pipeline import FileError, build_text, store_built
from esgkg.graph.read import MAX_BYTES
from esgkg.graph.remote import RemoteStore
from esgkg.graph.store import StoreError
from esgkg.graph.vocab import is_doc_id

from . import get_store
from .executor import QueryTimeout
from .pages import fail

bp = Blueprint("upload", __name__)

# One write at a time in this process: spaCy's pipeline is not safe to run from two threads
# (uploads on two gthread threads garbled its string store), and a decision rewrites its
# document's graph from what it has just read.
WRITING = threading.Lock()

# A raw body's media type -> the file suffix the pipeline reads it by.
RAW_SUFFIXES = {"text/plain": ".txt", "text/html": ".html", "text/markdown": ".md"}


class WriteRefused(StoreError):
    """The runner refused or could not finish a write; ``status`` is the HTTP answer."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def require_token() -> None:
    """Writes need the server's update token as a Bearer credential: 401 without one, 403 with
    a wrong one or on a read-only server. A header, never a cookie: no CSRF."""
    token = current_app.config.get("UPDATE_TOKEN")
    if not token:
        fail(403, "this server is read-only (start it with --update-token to allow writes)")
    auth = request.headers.get("Authorization", "")
    if not auth.lower().startswith("bearer "):
        fail(401, "writes need an Authorization: Bearer token (the server's --update-token)")
    if not hmac.compare_digest(auth[7:].strip().encode(), token.encode()):
        fail(403, "wrong token")


class ServedStore:
    """The app's store for reading (as the pages read it), its runner for writing.

    ``replace_document`` and ``remove_document`` are RemoteStore's: they only need ``iris``,
    ``has_document`` and ``update``, so the pipeline stores through this as it does through a
    remote server."""

    replace_document = RemoteStore.replace_document
    remove_document = RemoteStore.remove_document

    def __init__(self, app):
        self.app, self.read = app, get_store(app)
        self.iris = self.read.iris

    def __getattr__(self, name):
        return getattr(self.read, name)

    def update(self, text: str) -> None:
        job = {"op": "update", "text": text, "base": None, "entities": self.iris.entities_graph}
        try:
            for message in self.app.extensions["esgkg_runner"].run(
                    job, self.app.config["QUERY_TIMEOUT"]):
                if message[0] == "error":
                    raise WriteRefused(message[1], message[2])
        except QueryTimeout as exc:
            raise WriteRefused(503, f"the write was stopped, nothing was written: {exc}") from None


def write_status(exc: StoreError) -> int:
    return getattr(exc, "status", 400)


def _received() -> list[tuple[str, bytes]]:
    """(file name, bytes) of each release in the request; 400/413/415 when there are none."""
    limit = current_app.config["MAX_UPDATE_BYTES"]
    if (request.content_length or 0) > limit:
        fail(413, f"request over {limit} bytes; send fewer files at a time")
    if request.mimetype == "multipart/form-data":
        files = [f for _, f in request.files.items(multi=True)]
        if not files:
            fail(400, "no files in the form: send each release as a file field")
        return [(f.filename or "upload.txt", f.read()) for f in files]
    suffix = RAW_SUFFIXES.get(request.mimetype)
    if suffix is None:
        fail(415, "send multipart/form-data files, or one release as a text/plain, text/html "
                  "or text/markdown body with ?id=DOCUMENT-ID")
    doc_id = request.args.get("id", "")
    if not is_doc_id(doc_id):
        fail(400, "a raw body needs ?id= with a document id (letters, digits, . _ ~ -)")
    return [(doc_id + suffix, request.get_data())]


@bp.post("/api/documents")
def add_documents():
    """Each release read, extracted, validated and stored on its own (all or nothing per
    document); 201 with what each one became, a bad one reported beside the good ones."""
    require_token()
    store = ServedStore(current_app)
    stored, errors, too_big = [], [], 0
    for name, data in _received():
        with WRITING:
            built = build_text(name, data, store.iris.base)
            if isinstance(built, FileError):
                errors.append({"file": name, "error": built.message})
                too_big += len(data) > MAX_BYTES
                continue
            try:
                store_built(store, built)
            except StoreError as exc:
                errors.append({"file": name, "error": f"{name}: not stored: {exc}"})
                continue
        stored.append({"file": name, "id": built.doc_id, "iri": store.iris.document(built.doc_id),
                       "page": f"/doc/{built.doc_id}", "facts": len(built.facts),
                       "left_out": built.left_out})
    status = 201 if stored else 413 if too_big == len(errors) else 400
    return jsonify(documents=stored, errors=errors), status


@bp.delete("/api/documents/<doc_id:doc_id>")
def remove_document(doc_id: str):
    """Exactly that document's graph goes, as with ``esgkg remove``; its curation decisions
    stay (orphaned until the document comes back)."""
    require_token()
    store = ServedStore(current_app)
    try:
        with WRITING:
            removed = store.remove_document(doc_id)
    except StoreError as exc:
        fail(write_status(exc), str(exc))
    if not removed:
        fail(404, f"no document {doc_id!r}")
    return jsonify(removed=doc_id, iri=store.iris.document(doc_id))


@bp.get("/upload")
def upload_page():
    return render_template("upload.html", max_bytes=MAX_BYTES,
                           writable=bool(current_app.config.get("UPDATE_TOKEN")))
