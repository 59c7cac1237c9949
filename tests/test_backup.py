"""dump/load: a complete backup restores whole; bad or hostile files leave the store as it was."""
import io

import pyoxigraph as ox
import pytest

from esgkg.cli import main
from esgkg.graph import backup
from esgkg.graph.store import GraphStore

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>&lol9;</ex:p></rdf:Description>
</rdf:RDF>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "{uri}"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>&secret;</ex:p></rdf:Description>
</rdf:RDF>
"""

PLAIN_RDFXML = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>plain</ex:p></rdf:Description>
</rdf:RDF>
"""


def quads(store: GraphStore) -> set:
    return set(store.ox.quads_for_pattern(None, None, None, None))


def without_blank_node_ids(quad_set: set) -> list:
    """Quads comparable across stores: bulk loading renames blank nodes."""
    def term(t):
        return "_:" if isinstance(t, ox.BlankNode) else t
    return sorted(str(tuple(map(term, (q.subject, q.predicate, q.object, q.graph_name))))
                  for q in quad_set)


def test_dump_then_load_restores_every_quad_of_every_graph(fixture_store, tmp_path):
    store, _ = fixture_store
    backup_file = tmp_path / "backup.nq"
    with open(backup_file, "wb") as out:
        backup.dump(store, out)
    restored = GraphStore(tmp_path / "restored")
    assert backup.load(restored, backup_file) == len(store)
    assert without_blank_node_ids(quads(restored)) == without_blank_node_ids(quads(store))
    assert restored.document_ids() == ["acme-green-2023", "globex-esg-2023", "initech-2022"]


def test_cli_dump_and_load(fixture_store_dir, tmp_path, capsys):
    source, expected = fixture_store_dir
    assert main(["dump", "--store", str(source), "-o", str(tmp_path / "b.nq")]) == 0
    assert main(["load", str(tmp_path / "b.nq"), "--store", str(tmp_path / "new")]) == 0
    assert "loaded" in capsys.readouterr().err
    assert without_blank_node_ids(quads(GraphStore(tmp_path / "new"))) == \
        without_blank_node_ids(expected)
    # Restoring again on top is refused: load restores into an empty store.
    assert main(["load", str(tmp_path / "b.nq"), "--store", str(tmp_path / "new2")]) == 0
    assert main(["load", str(tmp_path / "b.nq"), "--store", str(tmp_path / "new2")]) == 1
    assert "not empty" in capsys.readouterr().err


def test_malformed_file_is_refused_with_the_parsers_message(tmp_path):
    store = GraphStore(tmp_path / "s")
    bad = tmp_path / "bad.nq"
    bad.write_text('<http://e.org/a> <http://e.org/p> "ok" <http://e.org/g> .\n'
                   '<http://e.org/a> <http://e.org/p> "unterminated <http://e.org/g> .\n')
    with pytest.raises(backup.LoadError, match=r"bad\.nq: .*line 2"):
        backup.load(store, bad)
    assert len(store) == 0


def test_merge_of_a_malformed_file_leaves_a_full_store_unchanged(fixture_store, tmp_path):
    store, _ = fixture_store
    before = quads(store)
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://e.org/> .\nex:a ex:p ex:b .\nex:c ex:p .\n")
    with pytest.raises(backup.LoadError):
        backup.load(store, bad, merge=True)
    assert quads(store) == before


def test_billion_laughs_is_refused_before_parsing(tmp_path):
    store = GraphStore(tmp_path / "s")
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(BILLION_LAUGHS)
    with pytest.raises(backup.LoadError, match="EntitiesForbidden"):
        backup.load(store, bomb)
    assert len(store) == 0


def test_external_entity_never_reads_the_local_file(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a")
    hostile = tmp_path / "xxe.rdf"
    hostile.write_text(EXTERNAL_ENTITY.format(uri=secret.as_uri()))
    store = GraphStore(tmp_path / "s")
    with pytest.raises(backup.LoadError, match="EntitiesForbidden"):
        backup.load(store, hostile)
    assert len(store) == 0
    # The CLI says why, exits non-zero, and the secret appears nowhere.
    assert main(["load", str(hostile), "--store", str(tmp_path / "s2")]) == 1
    captured = capsys.readouterr()
    assert "refused RDF/XML" in captured.err
    assert "TOP-SECRET" not in captured.out + captured.err
    assert not any("TOP-SECRET" in q.object.value for q in GraphStore(tmp_path / "s2").ox)


def test_plain_rdfxml_loads_into_the_named_graph(tmp_path):
    store = GraphStore(tmp_path / "s")
    source = tmp_path / "plain.rdf"
    source.write_text(PLAIN_RDFXML)
    assert backup.load(store, source, graph="http://example.org/g") == 1
    [quad] = quads(store)
    assert quad.graph_name == ox.NamedNode("http://example.org/g")
    assert quad.object == ox.Literal("plain")


def test_unknown_syntax_is_refused(tmp_path):
    source = tmp_path / "data.bin"
    source.write_bytes(b"\x00\x01")
    with pytest.raises(backup.LoadError, match="give --format"):
        backup.load(GraphStore(tmp_path / "s"), source)


def test_load_from_stdin(tmp_path, monkeypatch):
    data = b'<http://e.org/a> <http://e.org/p> "x" <http://e.org/g> .\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["load", "-", "--format", "nquads", "--store", str(tmp_path / "s")]) == 0
    assert len(GraphStore(tmp_path / "s")) == 1


def test_dump_without_a_store_says_so(tmp_path, capsys):
    assert main(["dump", "--store", str(tmp_path / "nothing")]) == 1
    assert "no store at" in capsys.readouterr().err
