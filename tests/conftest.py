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
