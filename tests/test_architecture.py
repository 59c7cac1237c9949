"""The layers import one way: ``bench -> cli -> webapp -> graph -> ontology`` (data), no circles
inside a layer. Read from the source with ``ast``, lazy imports inside functions included, so a
wrong-way import fails here before it shows up as an import cycle at run time."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
# Top to bottom: a layer may import the layers after it, never one before it.
LAYERS = ("bench", "cli", "webapp", "graph", "ontology")


def _modules() -> dict[str, tuple[Path, bool]]:
    """Module name -> (file, is a package's __init__), for every module of the layers."""
    found = {}
    for layer in LAYERS:
        for path in (ROOT / layer).rglob("*.py"):
            parts = [p for p in path.relative_to(ROOT / layer).with_suffix("").parts
                     if p != "__init__"]
            found[".".join(["esgkg", layer, *parts])] = (path, path.name == "__init__.py")
    return found


def _imported(name: str, path: Path, is_package: bool, modules) -> set[str]:
    """The esgkg modules that module ``name`` imports (relative imports resolved)."""
    package = name if is_package else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from pkg import mod` depends on mod; `from pkg import name` on pkg
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:  # `from pkg import name`: name may be no module
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def import_graph() -> nx.DiGraph:
    modules = _modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, (path, is_package) in modules.items():
        graph.add_edges_from((name, target) for target in _imported(name, path, is_package, modules))
    return graph


def _layer(module: str) -> int:
    return LAYERS.index(module.split(".")[1])


def test_imports_run_one_way():
    wrong = [f"{a} -> {b}" for a, b in import_graph().edges if _layer(a) > _layer(b)]
    assert not wrong, "imports against the layers: " + "; ".join(sorted(wrong))


@pytest.mark.parametrize("layer", LAYERS)
def test_no_import_circles_inside_a_layer(layer):
    graph = import_graph()
    circles = list(nx.simple_cycles(graph.subgraph(n for n in graph if n.split(".")[1] == layer)))
    assert not circles, circles


def test_the_check_sees_imports():
    """The checker itself: it finds known imports, lazy ones inside functions too."""
    graph = import_graph()
    assert graph.has_edge("esgkg.cli", "esgkg.cli.serve")
    assert graph.has_edge("esgkg.cli.serve", "esgkg.webapp.serve")       # inside run()
    assert graph.has_edge("esgkg.graph.export", "esgkg.graph.analysis")  # inside a writer
    assert graph.has_edge("esgkg.bench.bench_ingest", "esgkg.bench.synth")


MAX_FUNCTION_LINES = 60


def test_a_long_function_says_why():
    """A function over 60 lines says in its docstring why it is one function ("over 60 lines
    because ...", issue 15): length is allowed where splitting would scatter one idea, not by
    accident."""
    unexplained = []
    for name, (path, _) in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) \
                    and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES \
                    and "60 lines" not in " ".join((ast.get_docstring(node) or "").split()):
                unexplained.append(f"{name}.{node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert not unexplained, unexplained
