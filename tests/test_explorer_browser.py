"""The explorer in a real browser: Debian's Chromium driven by Playwright against gunicorn.

Waits are for conditions (an element, a graph attribute), never for fixed times.
"""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
import rdflib

from explorer_fixtures import *  # noqa: F401,F403  (fixtures)
from explorer_fixtures import SAMPLE_DOC

EXPECTED_AROUND_ASE = ["Occupational Safety and Health Award", "Ministry of Labor", "DJSI World",
                       "RBA", "OHSAS 18001", "ISO 45001"]


def graph_nodes(page) -> list[str]:
    """Label and aliases of every node drawn, one string per node."""
    return page.evaluate("() => window.esgkgGraph.nodes().map(n => [n.data('label'), ...(n.data('aliases') || [])].join(' | '))")


def graph_edges(page) -> list[dict]:
    return page.evaluate("() => window.esgkgGraph.edges().map(e => e.data())")


def wait_graph(page):
    """Until the graph view has drawn its latest request (data-ready is set when it has)."""
    page.wait_for_selector("#graph-app[data-ready=true]")


def wait_graph_where(page, condition: str):
    """Until the latest drawing is done and ``condition`` (JS over ``cy``) holds for it."""
    page.wait_for_function(
        f"() => document.getElementById('graph-app').dataset.ready === 'true' && "
        f"(cy => {condition})(window.esgkgGraph)")


def open_ase_by_search(page):
    page.goto(page.base + "/")
    box = page.get_by_label("Search organizations, awards, standards, indices").first
    box.fill("ASE")
    option = page.get_by_role("option").first
    option.wait_for()
    assert "Advanced Semiconductor Engineering" in option.text_content()
    box.press("ArrowDown")
    box.press("Enter")                                  # keyboard only
    page.wait_for_url(re.compile(r"/graph\?focus="))
    wait_graph(page)


def test_search_ase_shows_its_awards_certifications_and_indices(page):
    open_ase_by_search(page)
    nodes = " || ".join(graph_nodes(page))
    for expected in EXPECTED_AROUND_ASE:
        assert expected in nodes, f"{expected} not drawn; nodes: {nodes}"
    assert "Advanced Semiconductor Engineering" in page.locator("#focus-title").text_content()
    assert not page.watch.page_errors and not page.watch.console_errors


def test_clicking_the_award_edge_shows_the_evidence_sentence(page):
    open_ase_by_search(page)
    point = page.evaluate("""() => {
        const cy = window.esgkgGraph;
        const edge = cy.edges("[kind = 'award']").first();
        const box = cy.container().getBoundingClientRect();
        const p = edge.renderedMidpoint();
        return { x: box.left + p.x, y: box.top + p.y };
    }""")
    page.mouse.click(point["x"], point["y"])
    sentence = page.locator("#fact-panel .evidence-sentence")
    sentence.wait_for()
    assert "received the 2021 Occupational Safety and Health Award" in sentence.text_content()
    panel = page.locator("#fact-panel").text_content()
    assert "Benchmark Enterprise" in panel and "2021" in panel and "Ministry of Labor" in panel
    link = page.locator("#fact-panel figcaption a")
    assert link.get_attribute("href").startswith(f"/doc/{SAMPLE_DOC}")


def test_document_view_highlights_the_iso_45001_sentence_and_links_to_the_graph(page):
    page.goto(page.base + f"/doc/{SAMPLE_DOC}")
    marks = page.locator("mark.fact-span", has_text="ISO 45001")
    assert marks.count() == 1
    mark = marks.first
    assert "in the process of obtaining ISO 45001" in mark.text_content()
    assert mark.is_visible()
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("mark.fact-span").count() >= 8
    mark.click()
    page.wait_for_url(re.compile(r"/graph\?focus=.*&fact="))
    wait_graph(page)
    sentence = page.locator("#fact-panel .evidence-sentence")
    sentence.wait_for()
    assert "ISO 45001" in sentence.text_content()
    assert "in progress" in page.locator("#fact-panel").text_content().lower().replace("_", " ")
    selected = page.evaluate("() => window.esgkgGraph.edges(':selected').map(e => e.data('kind'))")
    assert selected == ["certification"]


def test_expanding_a_node_adds_its_neighbours(page):
    open_ase_by_search(page)
    before = set(graph_nodes(page))
    page.locator("#node-list button", has_text="Ministry of Labor").click()     # keyboard-reachable list
    wait_graph_where(page, f"cy.nodes().length > {len(before)}")
    after = set(graph_nodes(page))
    assert any("Occupational Safety and Health Administration" in n for n in after - before)


def test_filters_change_the_graph(page):
    open_ase_by_search(page)
    all_kinds = {e["kind"] for e in graph_edges(page)}
    assert {"award", "certification", "index_inclusion"} <= all_kinds
    for box in page.locator("#kind-filters input").all():
        if box.get_attribute("value") != "certification":
            box.uncheck()
    wait_graph_where(page, "cy.edges().every(e => e.data('kind') === 'certification')")
    assert len(graph_edges(page)) == 2
    page.get_by_role("button", name="Reset").click()
    wait_graph_where(page, "cy.edges(\"[kind = 'award']\").length > 0")
    page.get_by_label("Year").select_option("2018")          # only the inferred DJSI year
    wait_graph_where(page, "cy.edges().length === 1")
    assert [e["kind"] for e in graph_edges(page)] == ["index_inclusion"]
    assert "year=2018" in page.url


def test_hub_shows_a_show_more_node_that_loads_more(page):
    page.goto(page.base + "/")
    box = page.get_by_label("Search organizations, awards, standards, indices").first
    box.fill("EHSI")
    page.get_by_role("option").first.wait_for()
    box.press("Enter")
    wait_graph(page)
    more = page.evaluate("() => window.esgkgGraph.nodes(\"[type = 'more']\").map(n => n.data('label'))")
    assert more == ["show 60 more"]
    page.locator("#node-list button", has_text="show 60 more").click()
    wait_graph_where(page, "cy.nodes(\"[type = 'company']\").length === 80")
    more = page.evaluate("() => window.esgkgGraph.nodes(\"[type = 'more']\").map(n => n.data('label'))")
    assert more == ["show 20 more"]


def test_export_png_downloads_an_image(page):
    open_ase_by_search(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Export PNG").click()
    path = info.value.path()
    with open(path, "rb") as fh:
        assert fh.read(8) == b"\x89PNG\r\n\x1a\n"


def _has_sparql(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/sparql?query=ASK%7B%7D", timeout=5) as r:
            return r.status == 200
    except urllib.error.HTTPError:
        return False


def test_yasgui_runs_an_example_query_and_shows_rows(page):
    if not _has_sparql(page.base):
        pytest.skip("/sparql is not served on this branch yet (the endpoint lands with issue 3)")
    page.goto(page.base + "/query#facts-with-their-evidence")
    page.locator(".yasqe .CodeMirror").first.wait_for()
    page.locator(".yasqe_queryButton").first.click()
    page.locator(".yasr table tbody tr").first.wait_for()
    assert page.locator(".yasr table tbody tr").count() >= 10
    results = page.locator(".yasr table").text_content()
    assert "The company is in the process of obtaining ISO 45001" in results
    # The XSS release's label and sentence come back as text, and nothing runs.
    assert '<script>alert("xss-label")</script>' in results
    assert page.locator(".yasr table img, .yasr table script").count() == 0
    assert page.watch.dialogs == [] and page.watch.page_errors == []


def test_a_construct_result_opens_in_the_graph_view(page):
    if not _has_sparql(page.base):
        pytest.skip("/sparql is not served on this branch yet (the endpoint lands with issue 3)")
    page.goto(page.base + "/query#neighbourhood-as-a-graph")
    page.locator(".yasqe .CodeMirror").first.wait_for()
    page.get_by_role("button", name="Open CONSTRUCT result in graph view").click()
    page.wait_for_url(re.compile(r"/graph\?construct="))
    wait_graph(page)
    nodes = " || ".join(graph_nodes(page))
    for expected in ("Advanced Semiconductor Engineering", "ISO 45001", "DJSI World"):
        assert expected in nodes
    kinds = {e["kind"] for e in graph_edges(page)}
    assert {"award", "certification", "index_inclusion"} <= kinds
    assert not page.watch.page_errors


def test_markup_in_releases_executes_nothing(page, live_server):
    # The hand-written XSS release: markup in text, title, labels, aliases, qualifiers, quote.
    page.goto(page.base + "/doc/xss-release")
    text = page.locator(".release-text").text_content()
    assert '<script>alert("xss-text")</script>' in text and "<img src=x onerror=alert(1)>" in text
    assert page.locator(".release-text script, .release-text img, .release-text a").count() == 0
    page.locator("mark.fact-span").first.click()                    # into the graph and fact panel
    wait_graph(page)
    page.locator("#fact-panel .evidence-sentence").wait_for()
    assert "javascript:alert(3)" in page.locator("#fact-panel").text_content()
    labels = " ".join(graph_nodes(page))
    assert '<script>alert("xss-label")</script>' in labels
    for link in page.locator("a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    page.goto(page.base + "/")
    box = page.get_by_label("Search organizations, awards, standards, indices").first
    box.fill("evil")
    option = page.get_by_role("option").filter(has_text="xss-label")
    option.wait_for()
    assert '<script>alert("xss-label")</script>' in option.text_content()
    option.click()
    wait_graph(page)
    node_page = page.evaluate("() => window.esgkgGraph.nodes('[?focus]').data('page')")
    page.goto(page.base + node_page)
    assert "xss-label" in page.locator("h1").text_content()
    # The release ingested through the pipeline shows as text too, and so do
    # the graph and resource pages of everything extracted from it.
    page.goto(page.base + "/doc/xss-ingested")
    text = page.locator(".release-text").text_content()
    assert "<script>alert('xss-ingested')</script>" in text and "<svg onload=alert(9)>" in text
    assert page.locator(".release-text *:not(mark)").count() == 0
    page.goto(page.base + "/graph?focus=" + page.base + "/doc/xss-ingested")
    wait_graph(page)
    for iri in page.evaluate("() => window.esgkgGraph.nodes().map(n => n.id())"):
        page.goto(page.base + "/graph?focus=" + iri)
        wait_graph(page)
        node_page = page.evaluate("() => window.esgkgGraph.nodes('[?focus]').data('page')")
        if node_page:
            page.goto(page.base + node_page)
    assert page.watch.dialogs == []
    assert page.watch.page_errors == []
    assert page.watch.console_errors == []
    assert page.evaluate("() => document.querySelectorAll('img[src=x], svg[onload]').length") == 0


# --- export menus and path highlighting (issue 5) -------------------------------------------------
# In this module, not another: the session's browser and server fixtures come from one import of
# explorer_fixtures; a second module importing them would start a second Playwright (refused).
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
    iri = page.base + "/id/company/advanced-semiconductor-engineering-inc"
    page.goto(page.base + "/graph?focus=" + quote(iri, safe=""))
    wait_graph(page)
    assert page.get_by_label("From", exact=True).input_value() == "Advanced Semiconductor Engineering, Inc."
    choose(page, "To", "Taiwan", "Taiwan")
    page.get_by_label("To", exact=True).press("Enter")       # the form's submit, from the keyboard
    assert wait_path(page) == "none"
    assert page.locator("#path-status").text_content().startswith(
        "No path between Advanced Semiconductor Engineering, Inc. and Taiwan")
    assert page.evaluate("() => window.esgkgGraph.elements('.on-path, .off-path').length") == 0


def test_query_page_shows_a_banner_when_the_row_cap_cut_the_result(page, sample_endpoint):
    """Issue 10: the truncation header alone is not enough; people see the cut on the query page
    (an endpoint capped at 100 rows, conftest's ``sample_endpoint``)."""
    page.goto(sample_endpoint.url + "/query")
    page.locator(".yasqe .CodeMirror").first.wait_for()
    banner = page.locator("#query-truncated")
    for query, cut in (("SELECT * WHERE { ?s ?p ?o }", True),
                       ("SELECT ?c WHERE { ?c a <https://w3id.org/esgkg/ontology#Company> }", False),
                       ("SELECT * WHERE { ?s ?p ?o }", True)):
        page.evaluate("q => window.esgkgYasgui.getTab().getYasqe().setValue(q)", query)
        page.locator(".yasqe_queryButton").first.click()
        page.wait_for_function("() => document.getElementById('query-status').textContent"
                               " === 'Query finished.'")
        page.locator(".yasr table tbody tr").first.wait_for()
        assert banner.is_visible() is cut
    assert "stops at 100 rows" in banner.text_content()
    assert not page.watch.page_errors
