"""Fixtures of the explorer tests: a store with the sample release ingested by the real pipeline,
XSS releases (one ingested, one hand-written with markup in every field) and a hub; the app and a
Flask client over it; a real gunicorn server on a free port; Debian's Chromium via Playwright.

Test modules import these with ``from explorer_fixtures import *`` so they do not depend on what
tests/conftest.py holds.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import explorer_data

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
DIST = Path(__file__).resolve().parents[1] / "webapp" / "static" / "dist"
SAMPLE_DOC = "ase-osh-award-2021"

XSS_RELEASE_TEXT = (
    "Evil Corp receives the Shiny <script>alert('xss-ingested')</script> Award\n\n"
    "March 3, 2022\n\n"
    "Evil Corp <img src=x onerror=alert(7)> today announced that it has received the 2022 Shiny Award "
    "from the <a href=\"javascript:alert(8)\">Ministry of Mischief</a>. "
    "Evil Corp has received ISO 14001 certification <svg onload=alert(9)>.\n"
)


def build_store(path, base: str, tmp: Path):
    """Fill a store (on disk at ``path``, in memory when None) whose IRIs live under ``base``:
    the sample and the XSS release through the pipeline, then the hand-written XSS release and
    a hub of 100 companies."""
    from esgkg.graph.pipeline import ingest_paths
    from esgkg.graph.store import GraphStore
    from esgkg.graph.vocab import Iris

    store = GraphStore(path, iris=Iris(base))
    xss_file = tmp / "xss-ingested.txt"
    xss_file.write_text(XSS_RELEASE_TEXT, encoding="utf-8")
    old_base = os.environ.get("ESGKG_BASE")
    os.environ["ESGKG_BASE"] = base          # the pipeline mints IRIs under the configured base
    try:
        summary = ingest_paths([explorer_data.SAMPLE, xss_file], store, progress=False, workers=1)
    finally:
        if old_base is None:
            os.environ.pop("ESGKG_BASE", None)
        else:
            os.environ["ESGKG_BASE"] = old_base
    assert not summary.errors, summary.errors
    explorer_data.load_xss(store)       # markup in labels, qualifiers and titles too
    explorer_data.load_hub(store)
    store.flush()
    return store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def explorer_store_dir(tmp_path_factory):
    """A built store on disk; the IRI base is the live server's own address."""
    tmp = tmp_path_factory.mktemp("explorer")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    store = build_store(tmp / "store", base, tmp)
    del store
    return {"path": tmp / "store", "base": base, "port": port}


@pytest.fixture(scope="session")
def explorer_app(tmp_path_factory):
    """An app over an in-memory store (Flask test client tests)."""
    from esgkg.webapp import create_app

    store = build_store(None, "http://127.0.0.1:5000/", tmp_path_factory.mktemp("explorer-mem"))
    return create_app({"STORE_OBJECT": store, "TESTING": True})


@pytest.fixture()
def client(explorer_app):
    return explorer_app.test_client()


def _wait_until_up(url: str, proc: subprocess.Popen, deadline_s: float = 60) -> None:
    start = time.monotonic()
    while time.monotonic() - start < deadline_s:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not come up")


def _gunicorn(store: dict, **env):
    """The real app under gunicorn on the store's port until the generator is closed."""
    env = dict(os.environ, ESGKG_STORE=str(store["path"]), ESGKG_BASE=store["base"], **env)
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    proc = subprocess.Popen(
        [gunicorn, "--bind", f"127.0.0.1:{store['port']}", "--workers", "1", "--threads", "4",
         "--log-level", "warning", "esgkg.webapp:create_app()"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = store["base"].rstrip("/")
    try:
        _wait_until_up(url + "/api/stats", proc)
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


UPDATE_TOKEN = "browser-test-token"


@pytest.fixture(scope="session")
def writable_server(tmp_path_factory):
    """The real app under gunicorn with an update token, over a store of its own holding the
    sample release: uploads and curation decisions land here, not in the read-only one."""
    from esgkg.graph.pipeline import ingest_paths
    from esgkg.graph.store import GraphStore
    from esgkg.graph.vocab import Iris

    port = free_port()
    store = {"path": tmp_path_factory.mktemp("writable") / "store", "port": port,
             "base": f"http://127.0.0.1:{port}/"}
    writer = GraphStore(store["path"], iris=Iris(store["base"]))
    ingest_paths([explorer_data.SAMPLE], writer, workers=1)
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
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.watch = PageWatch(pg)
    pg.base = live_server
    yield pg
    context.close()
