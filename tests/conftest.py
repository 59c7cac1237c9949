"""Shared fixtures. The sample release ships with the package (ontology/sample/)."""
from __future__ import annotations

import gc
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
import pytest

from esgkg.graph.pipeline import ingest_paths
from esgkg.graph.store import GraphStore

from explorer_data import SAMPLE, UPDATE_TOKEN, build_explorer_store
from graph_fixture import build_store

SAMPLE_ID = "ase-osh-award-2021"

# Fixtures that start a process (gunicorn, oxigraph, Chromium): a test using one is `slow`, and one
# driving the browser is `browser` too, so `pytest -m "not slow"` is the quick loop.
PROCESS_FIXTURES = {"esgkg_server", "w3c_server", "oxigraph_server", "sample_endpoint",
                    "live_server", "browser", "page"}
BROWSER_FIXTURES = {"browser", "page"}


def pytest_collection_modifyitems(items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & PROCESS_FIXTURES:
            item.add_marker(pytest.mark.slow)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return Path(str(files("esgkg.ontology").joinpath("sample", SAMPLE_ID + ".txt")))


@pytest.fixture
def sample_store(tmp_path, sample_path) -> GraphStore:
    """A fresh on-disk store holding the ASE sample release."""
    store = GraphStore(tmp_path / "store")
    summary = ingest_paths([sample_path], store)
    assert summary.documents == 1 and not summary.errors
    return store


# ==================================================================================================
# SPARQL endpoint (issue 3): real `esgkg serve` (gunicorn) and real `oxigraph serve` on free ports
# ==================================================================================================
ESG = "https://w3id.org/esgkg/ontology#"
TEST_BASE = "http://127.0.0.1:5000/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def endpoint_quads(companies: int = 60) -> list[ox.Quad]:
    """A small graph shaped like esgkg's: entities in their graph, facts in per-document graphs."""
    entities = ox.NamedNode(TEST_BASE + "graph/entities")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    award = ox.NamedNode(TEST_BASE + "id/award/safety-award")
    quads = [ox.Quad(award, rdf_type, ox.NamedNode(ESG + "Award"), entities),
             ox.Quad(award, ox.NamedNode(RDFS_LABEL), ox.Literal("Safety Award"), entities)]
    for i in range(companies):
        company = ox.NamedNode(f"{TEST_BASE}id/company/company-{i}")
        doc_graph = ox.NamedNode(f"{TEST_BASE}graph/doc/release-{i}")
        statement = ox.NamedNode(f"{TEST_BASE}id/statement/release-{i}/award-{i:012d}")
        quads += [
            ox.Quad(company, rdf_type, ox.NamedNode(ESG + "Company"), entities),
            ox.Quad(company, ox.NamedNode(RDFS_LABEL), ox.Literal(f"Company {i}"), entities),
            ox.Quad(company, ox.NamedNode(ESG + "receivedAward"), award, doc_graph),
            ox.Quad(statement, rdf_type, ox.NamedNode(ESG + "AwardConferral"), doc_graph),
            ox.Quad(statement, ox.NamedNode(ESG + "subject"), company, doc_graph),
            ox.Quad(statement, ox.NamedNode(ESG + "year"),
                    ox.Literal(str(2015 + i % 7), datatype=ox.NamedNode(
                        "http://www.w3.org/2001/XMLSchema#integer")), doc_graph),
        ]
    return quads


def make_store(path: Path, quads: list[ox.Quad] | None = None) -> Path:
    """An on-disk store holding ``quads`` (default: ``endpoint_quads()``), closed again."""
    store = ox.Store(str(path))
    store.extend(endpoint_quads() if quads is None else quads)
    store.flush()
    del store
    return path


@dataclass
class LiveServer:
    proc: subprocess.Popen
    url: str          # http://127.0.0.1:PORT
    store: Path | None
    log: Path

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    def stop(self) -> int:
        """Ctrl-C, as a person would; returns the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        return self.proc.returncode


def _wait_until_up(url: str, proc: subprocess.Popen, log: Path, probe: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + probe, timeout=2):
                return
        except (TimeoutError, urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"server did not come up:\n{log.read_text()}")


def start_esgkg_serve(store: Path | None, log_dir: Path, *options: str) -> LiveServer:
    """``esgkg serve`` as a user runs it (the real CLI, gunicorn and executors), on a free port."""
    port = free_port()
    log = log_dir / f"esgkg-serve-{port}.log"
    args = [sys.executable, "-m", "esgkg.cli", "serve", "--port", str(port), *options]
    if store is not None:
        args += ["--store", str(store)]
    env = {k: v for k, v in os.environ.items() if k != "ESGKG_UPDATE_TOKEN"}
    proc = subprocess.Popen(args, stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    server = LiveServer(proc, f"http://127.0.0.1:{port}", store, log)
    _wait_until_up(server.url, proc, log, "/sparql?query=ASK%7B%7D")
    return server


@pytest.fixture
def esgkg_server(tmp_path):
    """Factory: ``esgkg_server(*options, store=...)`` starts a live endpoint, stopped after the test."""
    servers: list[LiveServer] = []

    def start(*options: str, store: Path | None = None, data: bool = True) -> LiveServer:
        if store is None:
            store = tmp_path / f"store-{len(servers)}"
            if data:
                make_store(store)
        server = start_esgkg_serve(store, tmp_path, *options)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def w3c_server(tmp_path_factory):
    """One read-write endpoint for the W3C protocol manifest (updates need its token)."""
    tmp = tmp_path_factory.mktemp("w3c")
    server = start_esgkg_serve(make_store(tmp / "store", []), tmp, "--update-token", W3C_TOKEN, "--allow-drop",
                               "--workers", "1", "--threads", "2")
    yield server
    server.stop()


W3C_TOKEN = "w3c-runner-token"


@pytest.fixture
def oxigraph_server(tmp_path):
    """A real Oxigraph server (`oxigraph serve`, from the pinned oxigraph package) on a free port."""
    binary = Path(sys.executable).with_name("oxigraph")
    port = free_port()
    log = tmp_path / "oxigraph.log"
    proc = subprocess.Popen([str(binary), "serve", "--location", str(tmp_path / "oxigraph-data"),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)
    server = LiveServer(proc, f"http://127.0.0.1:{port}", None, log)
    _wait_until_up(server.url, proc, log, "/query?query=ASK%7B%7D")
    yield server
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def sample_endpoint(tmp_path_factory):
    """A read-only endpoint over ``endpoint_quads()`` (362 quads), results capped at 100 rows."""
    tmp = tmp_path_factory.mktemp("sample-endpoint")
    server = start_esgkg_serve(make_store(tmp / "store"), tmp, "--max-rows", "100",
                               "--workers", "1", "--threads", "2")
    yield server
    server.stop()


def http_request(url: str, method: str = "GET", data: bytes | str | None = None,
                 headers: dict | None = None):
    """(status, headers, body) of one plain HTTP request; error statuses are returned, not raised."""
    import http.client

    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        body = data.encode() if isinstance(data, str) else data
        path = parts.path + ("?" + parts.query if parts.query else "")
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


# --- a hand-built graph in the design's shape (tests/graph_fixture.py) ---------------------------


@pytest.fixture
def fixture_store():
    """An in-memory store holding the three invented releases of graph_fixture, and the dataset."""
    return build_store()


@pytest.fixture
def fixture_store_dir(tmp_path):
    """The same store on disk and closed, for CLI commands that open the directory themselves."""
    store, _ = build_store(tmp_path / "store")
    expected = set(store.ox.quads_for_pattern(None, None, None, None))
    del store
    gc.collect()
    return tmp_path / "store", expected


# ==================================================================================================
# The explorer: a store with the sample release ingested by the real pipeline, XSS releases (one
# ingested, one hand-written with markup in every field) and a hub (tests/explorer_data.py); the
# app and a Flask client over it; a real gunicorn server on a free port; Debian's Chromium.
# ==================================================================================================
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
DIST = Path(__file__).resolve().parents[1] / "webapp" / "static" / "dist"


@pytest.fixture(scope="session")
def explorer_store_dir(tmp_path_factory):
    """A built store on disk; the IRI base is the live server's own address."""
    tmp = tmp_path_factory.mktemp("explorer")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    store = build_explorer_store(tmp / "store", base, tmp)
    del store
    return {"path": tmp / "store", "base": base, "port": port}


@pytest.fixture(scope="session")
def explorer_app(tmp_path_factory):
    """An app over an in-memory store (Flask test client tests)."""
    from esgkg.webapp import create_app

    store = build_explorer_store(None, TEST_BASE, tmp_path_factory.mktemp("explorer-mem"))
    return create_app({"STORE_OBJECT": store, "TESTING": True})


@pytest.fixture()
def client(explorer_app):
    return explorer_app.test_client()


def _gunicorn(store: dict, **env):
    """The real app under gunicorn on the store's port until the generator is closed."""
    env = dict(os.environ, ESGKG_STORE=str(store["path"]), ESGKG_BASE=store["base"], **env)
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    log = store["path"].parent / "gunicorn.log"
    proc = subprocess.Popen(
        [gunicorn, "--bind", f"127.0.0.1:{store['port']}", "--workers", "1", "--threads", "4",
         "--log-level", "warning", "esgkg.webapp:create_app()"],
        env=env, stdout=subprocess.DEVNULL, stderr=log.open("wb"))
    url = store["base"].rstrip("/")
    try:
        _wait_until_up(url, proc, log, "/api/stats")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def live_server(explorer_store_dir):
    """The real app under gunicorn on a free port, over the built store (read only)."""
    yield from _gunicorn(explorer_store_dir)


@pytest.fixture(scope="session")
def writable_server(tmp_path_factory):
    """The real app under gunicorn with an update token, over a store of its own holding the
    sample release: uploads and curation decisions land here, not in the read-only one."""
    from esgkg.graph.vocab import Iris

    port = free_port()
    store = {"path": tmp_path_factory.mktemp("writable") / "store", "port": port,
             "base": f"http://127.0.0.1:{port}/"}
    writer = GraphStore(store["path"], iris=Iris(store["base"]))
    ingest_paths([SAMPLE], writer, workers=1)
    del writer                                  # closed: the server takes the store
    yield from _gunicorn(store, ESGKG_UPDATE_TOKEN=UPDATE_TOKEN)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (make browser installs Debian's chromium)")
    if not (DIST / "graph.js").exists():
        pytest.fail("front end not built: run `make setup` (npm ci && npm run build)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class PageWatch:
    """What a page did that it should not: dialogs opened, script errors, console errors."""

    def __init__(self, page):
        self.dialogs, self.page_errors, self.console_errors = [], [], []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)


@pytest.fixture()
def writable_page(browser, writable_server):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.watch = PageWatch(pg)
    pg.base = writable_server
    yield pg
    context.close()


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.watch = PageWatch(pg)
    pg.base = live_server
    yield pg
    context.close()
