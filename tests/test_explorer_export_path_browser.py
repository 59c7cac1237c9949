"""The explorer's export menus and path highlighting in a real browser (Debian's Chromium,
Playwright, gunicorn): a document's export link downloads that document's graph; choosing two
entities draws and highlights the shortest chain of facts between them, or says there is none.

Waits are for conditions (an element, a data- attribute), never for fixed times.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import rdflib

from explorer_fixtures import *  # noqa: F401,F403  (fixtures)
from explorer_fixtures import SAMPLE_DOC
from test_explorer_browser import open_ase_by_search, wait_graph

ESG = rdflib.Namespace("https://w3id.org/esgkg/ontology#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")


def download(page, link) -> tuple[str, bytes]:
    with page.expect_download() as info:
        link.click()
    file = info.value
    return file.suggested_filename, Path(file.path()).read_bytes()


def test_a_document_export_link_downloads_that_documents_graph(page):
    page.goto(page.base + f"/doc/{SAMPLE_DOC}")
    page.get_by_label("Export this document as").select_option("ntriples")
    name, data = download(page, page.get_by_role("link", name="Download document"))
    assert name == f"esgkg-{SAMPLE_DOC}.nt"
    graph = rdflib.Graph().parse(data=data, format="nt")
    document = rdflib.URIRef(page.base + f"/doc/{SAMPLE_DOC}")
    statements = set(graph.subjects(ESG.kind, None))
    assert len(statements) >= 6
    # every fact in the file comes from this release, and the release itself is described
    assert all((st, PROV.wasDerivedFrom, document) in graph for st in statements)
    assert str(graph.value(document, rdflib.namespace.DCTERMS.identifier)) == SAMPLE_DOC
    assert not page.watch.page_errors and not page.watch.console_errors


def test_the_graph_view_exports_its_documents_filter_and_its_current_view(page):
    open_ase_by_search(page)
    page.get_by_label("Document").select_option(SAMPLE_DOC)
    wait_graph(page)
    page.get_by_label("Format").select_option("turtle")
    name, data = download(page, page.get_by_role("link", name=f"Document {SAMPLE_DOC}"))
    assert name == f"esgkg-{SAMPLE_DOC}.ttl"
    assert len(rdflib.Graph().parse(data=data, format="turtle")) > 50

    page.get_by_label("Format").select_option("nquads")
    name, data = download(page, page.get_by_role("button", name="Current view"))
    assert name == "esgkg-view.nq"
    view = rdflib.Dataset()
    view.parse(data=data, format="nquads")
    drawn = set(page.evaluate("() => window.esgkgGraph.edges().map(e => e.data('statement')).filter(Boolean)"))
    exported = {str(st) for st, _, _, _ in view.quads((None, ESG.kind, None, None))}
    assert exported == drawn


def choose(page, field: str, typed: str, expected: str):
    box = page.get_by_label(field, exact=True)
    box.fill(typed)
    option = page.locator(f"#{box.get_attribute('aria-controls')} [role=option]").first
    option.wait_for()
    assert expected in option.text_content()
    box.press("ArrowDown")
    box.press("Enter")                       # keyboard only: picks the suggestion
    assert box.input_value() == expected


def wait_path(page) -> str:
    page.wait_for_function(
        "() => ['shown', 'none', 'error'].includes(document.getElementById('graph-app').dataset.path)")
    return page.locator("#graph-app").get_attribute("data-path")


def test_choosing_two_entities_highlights_the_path_between_them(page):
    open_ase_by_search(page)
    drawn_before = page.evaluate("() => window.esgkgGraph.nodes().map(n => n.data('label'))")
    assert "Taiwan" not in drawn_before
    choose(page, "From", "OSHA", "Occupational Safety and Health Administration")
    choose(page, "To", "Taiwan", "Taiwan")
    page.get_by_role("button", name="Show path").click()
    assert wait_path(page) == "shown"
    on_path = page.evaluate("() => window.esgkgGraph.nodes('.on-path').map(n => n.data('label'))")
    assert {"Occupational Safety and Health Administration", "Taiwan"} <= set(on_path)
    assert "Ministry of Labor" in on_path                     # the hop between them
    edges = page.evaluate("() => window.esgkgGraph.edges('.on-path').map(e => e.data('kind'))")
    assert sorted(edges) == ["located_in", "part_of"]
    # the nodes off the path are faded, the steps are listed and lead to their facts
    assert page.evaluate("() => window.esgkgGraph.nodes('.off-path').length") > 3
    steps = page.locator("#path-steps li")
    assert steps.count() == 2
    steps.nth(1).get_by_role("button").click()
    page.locator("#fact-panel .evidence-sentence").wait_for()
    assert "Ministry of Labor" in page.locator("#fact-panel").text_content()
    assert not page.watch.page_errors and not page.watch.console_errors


def test_no_path_is_said_plainly(page):
    iri = page.base + "/id/company/advanced-semiconductor-engineering"
    page.goto(page.base + "/graph?focus=" + quote(iri, safe=""))
    wait_graph(page)
    assert page.get_by_label("From", exact=True).input_value() == "Advanced Semiconductor Engineering, Inc."
    choose(page, "To", "Taiwan", "Taiwan")
    page.get_by_label("To", exact=True).press("Enter")       # the form's submit, from the keyboard
    assert wait_path(page) == "none"
    assert page.locator("#path-status").text_content().startswith(
        "No path between Advanced Semiconductor Engineering, Inc. and Taiwan")
    assert page.evaluate("() => window.esgkgGraph.elements('.on-path, .off-path').length") == 0
