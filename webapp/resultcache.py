"""Hot-query cache: repeated identical read requests answered from memory, before Flask runs.

Dashboards, the explorer and benchmarks send the same few queries again and again. A hit costs a
dictionary lookup at the WSGI layer instead of request parsing, negotiation, an executor round
trip and serialization. The key is the raw request (method, path, query string, media type,
body, Accept, host) plus the store's write generation, so every committed update invalidates
all entries at once; only complete results the view marked cacheable (small, not truncated
mid-stream, from a backend with a generation) are kept. One cache per web worker.
"""
from __future__ import annotations

import io
import threading
from collections import OrderedDict

CACHEABLE_FLAG = "esgkg.cacheable"
MAX_KEY_BODY = 64 * 1024
SPARQL_PATHS = ("/sparql", "/sparql/")
READ_MEDIA_TYPES = ("application/x-www-form-urlencoded", "application/sparql-query")


class ResultCache:
    """A small thread-safe LRU."""

    def __init__(self, capacity: int = 1024):
        self.capacity, self._items, self._lock = capacity, OrderedDict(), threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        if self.capacity <= 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)


class HotQueryCache:
    """WSGI middleware in front of the Flask app (see the module docstring)."""

    def __init__(self, wsgi_app, cache: ResultCache, generation):
        self.wsgi_app, self.cache, self.generation = wsgi_app, cache, generation

    def __call__(self, environ, start_response):
        key = self._key(environ) if self.cache.capacity > 0 else None
        if key is None:
            return self.wsgi_app(environ, start_response)
        hit = self.cache.get(key)
        if hit is not None:
            status, headers, body = hit
            start_response(status, list(headers))
            return [body]
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.wsgi_app(environ, capture)
        if not environ.get(CACHEABLE_FLAG):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        self.cache.put(key, (captured["status"], tuple(captured["headers"]), body))
        return [body]

    def _key(self, environ):
        if environ.get("PATH_INFO") not in SPARQL_PATHS:
            return None
        method, body = environ.get("REQUEST_METHOD"), b""
        if method == "GET":
            if "query=" not in environ.get("QUERY_STRING", ""):
                return None
        elif method == "POST":
            media_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
            if media_type not in READ_MEDIA_TYPES:
                return None
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                return None
            if not 0 < length <= MAX_KEY_BODY:
                return None
            body = environ["wsgi.input"].read(length)
            environ["wsgi.input"] = io.BytesIO(body)
            if media_type == READ_MEDIA_TYPES[0] and b"update=" in body:
                return None
        else:
            return None
        generation = self.generation()
        if generation is None:
            return None
        return (generation, method, environ.get("PATH_INFO"), environ.get("QUERY_STRING", ""),
                environ.get("CONTENT_TYPE", ""), body, environ.get("HTTP_ACCEPT", ""),
                environ.get("HTTP_HOST", ""), environ.get("wsgi.url_scheme", ""))
