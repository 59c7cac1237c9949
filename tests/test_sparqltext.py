"""The endpoint's text-level reading of SPARQL: keywords, query form, dataset clauses, USING."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from esgkg.webapp.sparqltext import (DatasetConflict, analyse_query, apply_using, has_dataset_clause,
                                     network_keyword, query_form)


@pytest.mark.parametrize("text, expected", [
    ("PREFIX s: <http://x/> SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("# ASK in a comment\nconstruct where { ?s ?p ?o }", "CONSTRUCT"),
    ("BASE <http://x/> DESCRIBE <a>", "DESCRIBE"),
    ("ask {}", "ASK"),
    ("INSERT DATA { <a> <b> <c> }", None),
])
def test_query_form(text, expected):
    assert query_form(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("load <http://x/data.ttl>", "LOAD"),
    ('SELECT * { ?s ?p "SERVICE" }', None),
    ("SELECT * { ?s <http://x/SERVICE> ?o }", None),
    ("PREFIX service: <http://x/> SELECT * { ?s service:load ?o }", None),
    ("SELECT ?service { ?service ?p ?o } # SERVICE", None),
    ('SELECT * { ?s ?p """multi\nSERVICE <x>""" }', None),
])
def test_network_keywords_are_found_only_as_keywords(text, expected):
    assert network_keyword(text) == expected


def test_dataset_clause_is_top_level_from_only():
    assert has_dataset_clause("SELECT * FROM <http://g> WHERE { ?s ?p ?o }")
    assert has_dataset_clause("SELECT * FROM NAMED <http://g> { GRAPH ?g { ?s ?p ?o } }")
    assert not has_dataset_clause("SELECT * { ?s <http://x/from> ?o }")


def test_apply_using_adds_the_dataset_to_each_operation():
    store = ox.Store()
    store.update("INSERT DATA { GRAPH <http://g1> { <http://a> <http://p> 1 } "
                 "GRAPH <http://g2> { <http://b> <http://p> 2 } }")
    update = apply_using("INSERT { GRAPH <http://out> { ?s <http://q> ?o } } WHERE { ?s <http://p> ?o } ;"
                         "DELETE WHERE { GRAPH <http://g1> { ?s ?p ?o } }",
                         ["http://g2"], [])
    assert update.count("USING <http://g2>") == 2
    store.update(update)
    out = {(q.subject.value, q.object.value) for q in store.quads_for_pattern(None, None, None, ox.NamedNode("http://out"))}
    assert out == {("http://b", "2")}  # only the using graph was the WHERE's default graph
    # DELETE WHERE became DELETE {..} USING <g2> WHERE {..}: g2 has no g1 graph in its default, so nothing is deleted
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode("http://g1")))) == 1


def test_apply_using_refuses_a_conflicting_dataset():
    with pytest.raises(DatasetConflict):
        apply_using("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", [], ["http://h"])
    assert apply_using("CLEAR ALL", [], []) == "CLEAR ALL"


def test_analyse_query_reads_form_network_keyword_and_dataset_in_one_pass():
    assert analyse_query("SELECT * FROM <http://g> WHERE { SERVICE <http://x> { ?s ?p ?o } }") == \
        ("SELECT", "SERVICE", True)
    assert analyse_query("ASK { ?s <http://x/from> ?o }") == ("ASK", None, False)
