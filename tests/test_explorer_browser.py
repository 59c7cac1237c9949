"""The explorer in a real browser: Debian's Chromium driven by Playwright against gunicorn.

Waits are for conditions (an element, a graph attribute), never for fixed times.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
import rdflib

from explorer_data import SAMPLE_DOC, UPDATE_TOKEN

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


def click_edge(page, kind: str):
    """Click the middle of the first drawn edge of this kind, as a person would."""
    point = page.evaluate("""kind => {
        const cy = window.esgkgGraph;
        const edge = cy.edges(`[kind = '${kind}']`).first();
        const box = cy.container().getBoundingClientRect();
        const p = edge.renderedMidpoint();
        return { x: box.left + p.x, y: box.top + p.y };
    }""", kind)
    page.mouse.click(point["x"], point["y"])


def test_clicking_the_award_edge_shows_the_evidence_sentence(page):
    open_ase_by_search(page)
    click_edge(page, "award")
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


def assert_sparql_served(base: str) -> None:
    """The query page needs /sparql: an endpoint that errors fails the test, it is not skipped."""
    with urllib.request.urlopen(base + "/sparql?query=ASK%7B%7D", timeout=5) as response:
        assert response.status == 200


def test_yasgui_runs_an_example_query_and_shows_rows(page):
    assert_sparql_served(page.base)
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
    assert_sparql_served(page.base)
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


# --- analyst views (issue 13): fact table, documents, layout fixes --------------------------------
import csv  # noqa: E402
import io  # noqa: E402


def table_statements(page) -> list[str]:
    return page.eval_on_selector_all(".facts-table tbody tr[data-statement]",
                                     "rows => rows.map(r => r.dataset.statement)")


def facet_counts(page, facet: str) -> dict[str, int]:
    return {a.get_attribute("data-value"): int(a.locator(".count").text_content())
            for a in page.locator(f".facet a[data-facet={facet}]").all()}


def test_a_facet_narrows_the_fact_table_and_its_counts(page):
    page.goto(page.base + "/facts")
    everything = facet_counts(page, "kind")
    assert everything["certification"] < sum(everything.values())
    page.locator(".facet a[data-facet=kind][data-value=certification]").click()
    page.wait_for_url(re.compile(r"kind=certification"))
    assert facet_counts(page, "kind") == {"certification": everything["certification"]}
    rows = page.locator(".facts-table tbody tr")
    assert rows.count() == everything["certification"]
    assert {r.get_attribute("data-kind") for r in rows.all()} == {"certification"}
    assert sum(facet_counts(page, "status").values()) == everything["certification"]
    assert page.locator("h1").text_content().startswith(f"{everything['certification']} fact")
    page.locator(".facet a[data-facet=status][data-value=in_progress]").click()   # a second facet
    page.wait_for_url(re.compile(r"status=in_progress"))
    assert "ISO 45001" in page.locator(".facts-table tbody").text_content()
    assert "in progress" in page.locator(".facts-table tbody").text_content()
    assert not page.watch.page_errors and not page.watch.console_errors


def test_the_csv_download_holds_exactly_the_rows_of_the_view(page):
    page.goto(page.base + f"/facts?document={SAMPLE_DOC}")
    shown = table_statements(page)
    total = int(page.locator("h1").text_content().split()[0])
    assert len(shown) == total                          # one page: the view is what is drawn
    name, data = download(page, page.locator("a[data-download=csv]"))
    assert name == "esgkg-facts.csv"
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    assert [r["statement"] for r in rows] == shown
    assert {r["document"] for r in rows} == {SAMPLE_DOC}
    name, data = download(page, page.locator("a[data-download=turtle]"))
    graph = rdflib.Graph().parse(data=data, format="turtle")
    assert {str(s) for s in graph.subjects(ESG.kind, None)} == set(shown)


def test_the_documents_list_searches_and_opens_a_release(page):
    page.goto(page.base + "/documents")
    page.get_by_label("Search title, id or company").fill("Advanced Semiconductor")
    page.get_by_label("Search title, id or company").press("Enter")
    page.wait_for_url(re.compile(r"q=Advanced"))
    row = page.locator(f"tr[data-document={SAMPLE_DOC}]")
    assert "Kaohsiung" in row.text_content()
    row.get_by_role("link").first.click()
    page.wait_for_url(re.compile(f"/doc/{SAMPLE_DOC}"))
    page.goto(page.base + "/")                     # the site search finds documents too
    box = page.get_by_label("Search organizations, awards, standards, indices").first
    box.fill("Distinguished Award")
    option = page.get_by_role("option").filter(has_text="document").first
    option.wait_for()
    option.click()
    page.wait_for_url(re.compile(f"/doc/{SAMPLE_DOC}$"))


def test_the_document_view_lists_qualifiers_and_whole_numbers(page):
    page.goto(page.base + f"/doc/{SAMPLE_DOC}")
    iso = page.locator(".fact-list li").filter(has_text="ISO 45001")
    assert "in progress" in iso.text_content()
    page.goto(page.base + "/doc/hub-release")            # 100 facts: numbers up to 100
    last = page.locator(".fact-list li").last
    marker_left = page.evaluate("""li => {
        const box = li.getBoundingClientRect(), list = li.parentElement.getBoundingClientRect();
        return box.left - list.left; }""", last.element_handle())
    width = page.evaluate("""() => { const s = document.createElement('span');
        s.textContent = '100.'; document.querySelector('.fact-list').append(s);
        const w = s.getBoundingClientRect().width; s.remove(); return w; }""")
    assert marker_left > width                          # the marker "100." fits left of the item


@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)])
def test_no_page_scrolls_sideways(browser, live_server, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    pg = context.new_page()
    try:
        ase = "/id/company/advanced-semiconductor-engineering-inc"
        for path in ("/", "/facts", "/documents", f"/doc/{SAMPLE_DOC}", "/query", "/compare",
                     "/upload", "/curation",
                     f"/graph?focus={quote(live_server + ase, safe='')}", ase):
            pg.goto(live_server + path)
            pg.wait_for_load_state("networkidle")
            width = pg.evaluate("() => document.documentElement.scrollWidth")
            assert width <= viewport[0], f"{path} is {width} px wide at {viewport[0]} px"
    finally:
        context.close()


def test_the_fact_panel_stays_in_view_when_a_fact_far_down_is_chosen(page):
    page.set_viewport_size({"width": 1400, "height": 500})
    open_ase_by_search(page)
    side = page.locator("aside.side")
    side.evaluate("s => { s.scrollTop = s.scrollHeight; }")
    page.locator("#edge-list button").last.click()
    page.locator("#fact-panel .evidence-sentence").wait_for()
    panel = page.locator("#fact-panel").bounding_box()
    pane = side.bounding_box()
    assert side.evaluate("s => s.scrollTop") > 0           # the list is still scrolled down
    assert pane["y"] <= panel["y"] < pane["y"] + pane["height"] and panel["y"] + 40 < 500


def svg_href(link) -> str:
    return link.evaluate("a => a.href.baseVal")


def test_a_timeline_mark_opens_its_fact_in_the_document(page):
    page.goto(page.base + "/id/company/advanced-semiconductor-engineering-inc")
    page.wait_for_selector(".timeline[data-ready=true] svg")
    marks = page.locator(".timeline svg a")              # Plot links marks with xlink:href
    hrefs = [svg_href(a) for a in marks.all()]
    assert any("#fact-award-" in h for h in hrefs) and any("#fact-certification-" in h for h in hrefs)
    djsi = marks.filter(has=page.locator("title", has_text="(inferred)"))
    assert djsi.count() == 5                        # six consecutive years: five inferred, hollow
    assert {c.evaluate("c => getComputedStyle(c).fill") for c in djsi.locator("circle").all()} \
        == {"rgb(255, 255, 255)"}
    award = marks.filter(has=page.locator("title", has_text="received award")).first
    href = svg_href(award)
    award.click()
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    anchor = href.split("#fact-")[1]
    mark = page.locator(f"mark.fact-span[data-facts~='{anchor}']").first
    assert "hover" in mark.get_attribute("class")
    assert "Occupational Safety and Health Award" in mark.text_content()
    assert not page.watch.page_errors and not page.watch.console_errors


def test_compare_shows_the_index_two_companies_share(page):
    page.goto(page.base + "/compare")
    for slot, name in ((0, "Company 00001"), (1, "Company 00002")):
        box = page.get_by_label(f"Company {slot + 1}", exact=True)
        box.fill(name)
        option = page.locator(f"#compare-{slot}-list [role=option]").first
        option.wait_for()
        box.press("ArrowDown")
        box.press("Enter")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(r"/compare\?entity=.*&entity="))
    assert "entity=&" not in page.url                      # empty slots send nothing
    shared = page.locator(".shared-list li")
    assert "Example Hub Sustainability Index" in shared.first.text_content()
    page.wait_for_selector(".timeline[data-ready=true] svg")
    rows = page.eval_on_selector_all(".timeline svg [aria-label] title", "ts => ts.map(t => t.textContent)")
    assert {r.split(" included in")[0] for r in rows} == {"Company 00001 Ltd.", "Company 00002 Ltd."}
    assert not page.watch.page_errors and not page.watch.console_errors


def test_a_share_link_restores_its_query(page):
    from urllib.parse import urlencode

    query = "SELECT ?standard WHERE { GRAPH ?g { ?st <https://w3id.org/esgkg/ontology#object> ?standard } } LIMIT 3"
    page.goto(page.base + "/query#" + urlencode({"query": query, "tabTitle": "My shared query"}))
    page.locator(".yasqe .CodeMirror").first.wait_for()
    active = page.evaluate("() => { const t = window.esgkgYasgui.getTab(); return [t.getName(), t.getQuery()]; }")
    assert active == ["My shared query", query]
    # The link YASGUI's own share button makes for that tab opens the same query again.
    link = page.evaluate("() => window.esgkgYasgui.constructor.linkUtils.createShareLink(location.href.split('#')[0], window.esgkgYasgui.getTab())")
    page.goto(page.base + "/")
    page.goto(link)
    page.locator(".yasqe .CodeMirror").first.wait_for()
    assert page.evaluate("() => window.esgkgYasgui.getTab().getQuery()") == query
    canned = page.locator(".canned-list a", has_text="Certifications in progress").first
    canned.click()
    page.wait_for_url(re.compile(r"/queries/certifications-in-progress$"))
    assert "ISO 45001" in page.locator(".canned-table").text_content()


def test_expanding_a_node_by_keyboard_keeps_the_drawing_and_the_focus(page):
    open_ase_by_search(page)
    positions = page.evaluate("() => Object.fromEntries(window.esgkgGraph.nodes().map(n => [n.id(), n.position()]))")
    button = page.locator("#node-list button", has_text="Ministry of Labor")
    button.focus()
    page.keyboard.press("Enter")
    wait_graph_where(page, f"cy.nodes().length > {len(positions)}")
    after = page.evaluate("() => Object.fromEntries(window.esgkgGraph.nodes().map(n => [n.id(), n.position()]))")
    assert {k: after[k] for k in positions} == positions          # nothing drawn before moved
    assert "Ministry of Labor" in page.evaluate("() => document.activeElement.textContent")
    page.keyboard.press("Tab")                                     # and the list goes on from there
    assert page.evaluate("() => document.activeElement.closest('#node-list') !== null")


def test_expansions_never_draw_more_than_the_link_cap_and_say_what_is_hidden(page):
    """Issue 13 item 5: a cap across expansions (here ?links=60), the rest counted in words; what
    was drawn stays where it was, and keyboard focus stays on the node that was expanded."""
    hub = page.base + "/id/index/example-hub-sustainability-index"
    page.goto(page.base + "/graph?links=60&focus=" + quote(hub, safe=""))
    wait_graph(page)
    positions = page.evaluate("() => Object.fromEntries(window.esgkgGraph.nodes().map(n => [n.id(), n.position()]))")
    more = page.locator("#node-list button", has_text="show 60 more")
    more.focus()
    page.keyboard.press("Enter")
    wait_graph_where(page, "cy.edges(\"[kind != 'more']\").length === 60")
    assert page.get_attribute("#graph-app", "data-hidden-links") == "20"
    assert "20 links hidden (at most 60 drawn at once" in page.locator("#graph-status").text_content()
    assert page.evaluate("() => window.esgkgGraph.nodes(\"[type = 'company']\").length") == 60
    after = page.evaluate("() => Object.fromEntries(window.esgkgGraph.nodes().map(n => [n.id(), n.position()]))")
    assert {k: after[k] for k in positions if not k.startswith("more:")} == \
        {k: v for k, v in positions.items() if not k.startswith("more:")}
    assert "show 20 more" in page.evaluate("() => document.activeElement.textContent")
    assert "links=60" in page.url                                  # the cap survives the URL update


def test_neighbours_by_kind_show_one_group_at_a_time(page):
    open_ase_by_search(page)
    groups = page.locator("#group-list button")
    texts = [g.text_content() for g in groups.all()]
    assert len(texts) > 3
    assert page.locator("#group-list button[data-group=certification]").text_content().endswith(": 2")
    before = len(graph_nodes(page))
    page.locator("#group-list button[data-group=certification]").click()
    wait_graph_where(page, "cy.edges(\"[kind != 'more']\").every(e => e.data('kind') === 'certification')")
    assert len(graph_nodes(page)) < before
    assert page.locator("#group-list button[data-group=certification]").get_attribute("aria-pressed") == "true"
    page.locator("#group-list button[data-group=certification]").click()      # all groups again
    wait_graph_where(page, f"cy.nodes().length === {before}")
    page.goto(page.base + "/graph?focus=" + quote(page.base + "/id/index/example-hub-sustainability-index", safe=""))
    wait_graph(page)
    assert page.locator("#group-list").text_content().strip() == "included in: 100"


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


# --- releases in through the browser, and curation (issue 14) --------------------------------------
# On a server of their own with an update token (conftest's ``writable_server``).
RELEASES = Path(__file__).parent / "data" / "releases"


def test_the_upload_page_stores_releases_each_with_its_progress_and_result(writable_page):
    page = writable_page
    page.goto(page.base + "/upload")
    page.get_by_label("Update token").fill(UPDATE_TOKEN)
    page.get_by_label("Choose releases, or drop them here").set_input_files([
        {"name": "helios-safety-2022.txt", "mimeType": "text/plain",
         "buffer": (RELEASES / "helios-safety-2022.txt").read_bytes()},
        {"name": "empty.txt", "mimeType": "text/plain", "buffer": b"   "},
    ])
    page.get_by_role("button", name="Upload").click()
    stored = page.locator(".upload-row[data-file='helios-safety-2022.txt'][data-status=stored]")
    failed = page.locator(".upload-row[data-file='empty.txt'][data-status=failed]")
    stored.wait_for()
    failed.wait_for()
    assert stored.locator("progress").get_attribute("value") == "100"
    assert "empty file" in failed.text_content()
    assert page.evaluate("() => sessionStorage.getItem('esgkg-update-token')") == UPDATE_TOKEN
    assert page.evaluate("() => document.cookie") == ""          # the token is never a cookie
    assert "Update token set" in page.locator(".token-field").text_content()
    link = stored.get_by_role("link", name="Open helios-safety-2022")
    assert link.get_attribute("href") == "/doc/helios-safety-2022"
    link.click()
    page.wait_for_url(re.compile(r"/doc/helios-safety-2022$"))
    assert "ISO 45001" in page.locator("main").text_content()    # the new document, at once
    assert not page.watch.page_errors and not page.watch.dialogs


def test_rejecting_a_fact_in_the_provenance_panel_hides_it_and_undo_brings_it_back(writable_page):
    page = writable_page
    ase = quote(page.base + "/id/company/advanced-semiconductor-engineering-inc", safe="")
    page.goto(page.base + "/graph?focus=" + ase)
    wait_graph(page)
    click_edge(page, "award")
    panel = page.locator("#fact-panel")
    panel.locator(".evidence-sentence").wait_for()
    reject = panel.locator("details.curate", has_text="Reject this fact…")
    reject.get_by_text("Reject this fact…").click()
    reject.get_by_label("Update token").fill(UPDATE_TOKEN)
    reject.get_by_label("Why is it wrong?").fill("the award went to a subsidiary")
    reject.get_by_label("Your name").fill("Ana Analyst")
    reject.get_by_role("button", name="Reject this fact").click()
    page.wait_for_function("() => document.querySelector('#fact-panel .curate-form').dataset.done === 'true'")
    assert "Rejected" in reject.locator(".curate-message").text_content()
    assert not [e for e in graph_edges(page) if e.get("kind") == "award"]
    page.reload()
    wait_graph(page)
    assert not [e for e in graph_edges(page) if e.get("kind") == "award"]

    page.goto(page.base + "/curation")
    row = page.locator("tr", has_text="the award went to a subsidiary")
    assert "Ana Analyst" in row.text_content() and "reject" in row.text_content()
    row.get_by_role("button", name="Undo").click()           # the token is the session's already
    page.wait_for_selector("tr[data-undone=true]")
    page.goto(page.base + "/graph?focus=" + ase)
    wait_graph(page)
    assert [e for e in graph_edges(page) if e.get("kind") == "award"]
    assert not page.watch.page_errors and not page.watch.dialogs


def test_rejecting_a_fact_from_its_fact_table_row_and_undoing_it(writable_page):
    page = writable_page
    page.goto(page.base + "/facts?kind=membership")
    row = page.locator(".facts-table tr[data-statement]").first
    statement = row.get_attribute("data-statement")
    form = row.locator("details.curate", has_text="Reject this fact…")
    form.get_by_text("Reject this fact…").click()
    form.get_by_label("Update token").fill(UPDATE_TOKEN)
    form.get_by_label("Why is it wrong?").fill("a supplier's membership, not the company's")
    form.get_by_label("Your name").fill("Ana Analyst")
    form.get_by_role("button", name="Reject this fact").click()
    page.wait_for_selector(".facts-table tr.rejected")
    page.goto(page.base + "/facts.json?kind=membership")
    assert statement not in [f["statement"] for f in json.loads(page.locator("body").inner_text())["facts"]]

    page.goto(page.base + "/curation")
    page.locator("tr", has_text="a supplier's membership").get_by_role("button", name="Undo").click()
    page.wait_for_selector("tr[data-undone=true]")
    page.goto(page.base + "/facts.json?kind=membership")
    assert statement in [f["statement"] for f in json.loads(page.locator("body").inner_text())["facts"]]
    assert not page.watch.page_errors and not page.watch.dialogs


def test_the_document_view_offers_rejection_and_correction_for_each_stated_fact(page):
    page.goto(page.base + f"/doc/{SAMPLE_DOC}")
    items = page.locator(".fact-list li[data-statement]")
    assert items.count() > 0
    summaries = page.locator(".fact-list li .curate summary").all_text_contents()
    assert summaries.count("Reject this fact…") == summaries.count("Correct a qualifier…") == items.count()


def test_correcting_a_qualifier_from_its_fact_table_row_and_undoing_it(writable_page):
    page = writable_page
    page.goto(page.base + "/facts?kind=certification&status=in_progress")
    row = page.locator(".facts-table tr[data-statement]").first
    statement = row.get_attribute("data-statement")
    form = row.locator("details.curate", has_text="Correct a qualifier…")
    form.get_by_text("Correct a qualifier…").click()
    form.get_by_label("Update token").fill(UPDATE_TOKEN)
    form.get_by_label("Qualifier").select_option("status")
    form.get_by_label("New value (empty removes it)").fill("held")
    form.get_by_label("Why is it wrong?").fill("the audit closed in March")
    form.get_by_label("Your name").fill("Ana Analyst")
    form.get_by_role("button", name="Correct this fact").click()
    page.wait_for_selector(".facts-table tr.corrected")
    page.goto(page.base + "/facts.json?kind=certification")
    facts = {f["statement"]: f for f in json.loads(page.locator("body").inner_text())["facts"]}
    assert facts[statement]["status"] == "held"

    page.goto(page.base + "/curation")
    page.locator("tr", has_text="the audit closed in March").get_by_role("button", name="Undo").click()
    page.wait_for_selector("tr[data-undone=true]")
    page.goto(page.base + "/facts.json?kind=certification")
    facts = {f["statement"]: f for f in json.loads(page.locator("body").inner_text())["facts"]}
    assert facts[statement]["status"] == "in_progress"
    assert not page.watch.page_errors and not page.watch.dialogs
