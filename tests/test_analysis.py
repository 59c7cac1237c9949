"""Network questions on three invented releases (see graph_fixture)."""
import json

import pytest

from esgkg.cli import main
from esgkg.graph import analysis


@pytest.fixture
def network(fixture_store):
    store, _ = fixture_store
    return analysis.projection(store)


def iri(store, kind, label):
    return store.iris.entity(kind, label)


def test_projection_has_entities_and_stated_facts_only(fixture_store, network):
    store, _ = fixture_store
    acme = iri(store, "company", "Acme Corporation")
    assert network.nodes[acme] == {"iri": acme, "label": "Acme Corporation", "type": "company",
                                   "aliases": "Acme"}
    # 11 stated facts; the two inferred DJSI years (2021, 2022) are not edges.
    assert network.number_of_edges() == 11
    djsi = iri(store, "index", "DJSI World")
    [inclusion] = network.get_edge_data(acme, djsi).values()
    assert inclusion["year"] == 2023 and inclusion["consecutive_years"] == 3
    assert inclusion["rank"] == "top" and inclusion["document"] == "acme-green-2023"


def test_shortest_path_between_two_companies(fixture_store, network):
    store, _ = fixture_store
    path = analysis.shortest_path(network, "Globex Ltd", "initech")  # label, alias
    assert [n["label"] for n in path.nodes] in (
        ["Globex Ltd", "ISO 14001", "Acme Corporation", "DJSI World", "Initech Inc"],
        ["Globex Ltd", "RE100", "Acme Corporation", "DJSI World", "Initech Inc"])
    assert [e["kind"] for e in path.edges][2:] == ["index_inclusion", "index_inclusion"]
    assert path.edges[-1]["from"] == iri(store, "company", "Initech Inc")  # stated direction
    assert path.edges[-1]["evidence"] == "Initech Inc was included in the DJSI World in 2022."


def test_no_path_and_unknown_entity(fixture_store, network):
    store, _ = fixture_store
    network.remove_node(iri(store, "index", "DJSI World"))  # Initech's only link to the others
    assert analysis.shortest_path(network, "Globex Ltd", "Taipei") is None
    with pytest.raises(analysis.EntityNotFound, match="no entity named 'Umbrella'"):
        analysis.shortest_path(network, "Umbrella", "Acme")


def test_hubs_rank_what_connects_most_organizations(network):
    ranked = analysis.hubs(network)
    top = {h.node["label"]: h for h in ranked[:3]}
    assert set(top) == {"DJSI World", "ISO 14001", "RE100"}
    assert all(h.organizations == 2 for h in top.values())
    # DJSI World is on every path between Initech and the others: highest betweenness.
    assert ranked[0].node["label"] == "DJSI World"
    assert ranked[0].betweenness > top["ISO 14001"].betweenness > 0
    assert [h.organizations for h in ranked[3:]] == [1, 1, 1]
    assert [h.node["label"] for h in analysis.hubs(network, ("standard",), top=1)] == ["ISO 14001"]
    with pytest.raises(analysis.AnalysisError, match="unknown entity type"):
        analysis.hubs(network, ("galaxy",))


def test_similar_organizations_by_jaccard(network):
    result = analysis.similar(network, "Acme Corporation")
    assert [(r.node["label"], r.score, r.shared) for r in result] == [
        ("Globex Ltd", pytest.approx(2 / 5), ["ISO 14001", "RE100"]),
        ("Initech Inc", pytest.approx(1 / 5), ["DJSI World"]),
    ]


def test_analysis_of_one_document(fixture_store):
    store, _ = fixture_store
    network = analysis.projection(store, document="initech-2022")
    assert sorted(d["label"] for _, d in network.nodes(data=True)) == [
        "DJSI World", "ISO 45001", "Initech Inc", "Taipei"]


def test_cli_prints_tables_and_json(fixture_store_dir, capsys):
    location = str(fixture_store_dir[0])
    assert main(["analyze", "--store", location, "hubs", "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "DJSI World" in out and "organizations" in out
    assert main(["analyze", "--store", location, "--json", "similar", "Acme"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["similar"][0]["label"] == "Globex Ltd"
    assert main(["analyze", "--store", location, "path", "Acme", "Initech Inc"]) == 0
    assert "Acme → Initech Inc: 2 hops" in capsys.readouterr().out
    assert main(["analyze", "--store", location, "similar", "Umbrella"]) == 1
    assert "no entity named 'Umbrella'" in capsys.readouterr().err


def test_cli_options_go_before_or_after_the_question(fixture_store_dir, capsys):
    location = str(fixture_store_dir[0])
    assert main(["analyze", "--json", "--store", location, "hubs", "--top", "3"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert main(["analyze", "hubs", "--top", "3", "--store", location, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == before
