"""Shared fixtures. The sample release ships with the package (ontology/sample/)."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from esgkg.graph.pipeline import ingest_paths
from esgkg.graph.store import GraphStore

SAMPLE_ID = "ase-osh-award-2021"


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


# --- a hand-built graph in the design's shape (tests/graph_fixture.py) ---------------------------
import gc  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))

from graph_fixture import build_store  # noqa: E402


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
