import gc
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from graph_fixture import build_store  # noqa: E402


@pytest.fixture
def fixture_store():
    """An in-memory store holding the three invented releases of graph_fixture, and the dataset."""
    return build_store()


@pytest.fixture
def fixture_store_dir(tmp_path):
    """The same store, closed, for CLI commands that open the directory themselves."""
    store, _ = build_store(tmp_path / "store")
    expected = set(store.ox.quads_for_pattern(None, None, None, None))
    del store
    gc.collect()
    return tmp_path / "store", expected
