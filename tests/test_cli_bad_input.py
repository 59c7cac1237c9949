"""The CLI as a user meets it: each bad file gets one clear line, the good ones still go in."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from esgkg.graph.read import MAX_BYTES

pytestmark = pytest.mark.slow  # each test runs the CLI in a subprocess


def esgkg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "esgkg.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


@pytest.fixture
def releases(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Pemberly Glass Ltd. has obtained ISO 14001 certification.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Société Verte SA has obtained ISO 50001 certification.".encode("latin-1"))
    (folder / "page.html").write_text(
        "<html><head><script>alert('x')</script><style>p{}</style></head><body><nav>Home</nav>"
        "<p>Orvel Motors Inc. is a member of the RBA (Responsible Business Alliance).</p></body></html>",
        encoding="utf-8")
    (folder / "notes.md").write_text("# Spring picnic\n\nWe had *sandwiches* in the [park](http://x).\n", encoding="utf-8")
    return folder


def test_facts_reads_every_kind_of_file_and_reports_bad_ones(releases):
    result = esgkg("facts", str(releases))
    assert result.returncode == 0
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(f["document"], f["object"]) for f in facts} == {
        ("good", "ISO 14001"), ("latin1", "ISO 50001"), ("page", "Responsible Business Alliance")}
    assert next(f for f in facts if f["document"] == "latin1")["subject"] == "Société Verte SA"
    errors = result.stderr.splitlines()
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("binary.txt: binary file" in e for e in errors)
    assert "alert" not in result.stdout


def test_facts_csv(releases):
    result = esgkg("facts", "--format", "csv", str(releases / "good.txt"))
    lines = result.stdout.splitlines()
    assert lines[0].startswith("document,kind,subject,object") and len(lines) == 2


def test_enormous_file_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_BYTES + 1))
    result = esgkg("facts", str(big))
    assert result.returncode == 1 and "over the" in result.stderr and "limit" in result.stderr


def test_ingest_keeps_good_files_and_summarises(releases, tmp_path):
    store = tmp_path / "store"
    result = esgkg("ingest", str(releases), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert "ingested 4 documents" in result.stdout
    assert "notes: no ESG facts found" in result.stderr
    stats = json.loads(esgkg("stats", "--store", str(store), "--json").stdout)
    assert stats["documents"] == 4 and stats["facts"]["certification"] == 2
    assert esgkg("remove", "good", "--store", str(store)).returncode == 0
    assert json.loads(esgkg("stats", "--store", str(store), "--json").stdout)["documents"] == 3
    missing = esgkg("remove", "no-such-doc", "--store", str(store))
    assert missing.returncode == 1 and "no document 'no-such-doc'" in missing.stderr


def test_nothing_usable_is_a_failure(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = esgkg("ingest", str(tmp_path / "empty.txt"), "--store", str(tmp_path / "s"))
    assert result.returncode == 1 and "empty file" in result.stderr


def test_store_commands_without_a_store_say_so(tmp_path):
    result = esgkg("stats", "--store", str(tmp_path / "none"))
    assert result.returncode != 0 and "no store at" in result.stderr


@pytest.mark.parametrize("name, content, says", [
    ("graph.gexf", '<?xml version="1.0"?>\n<gexf version="1.2"><graph/></gexf>', ".gexf files are not releases"),
    ("graph.txt", '<?xml version="1.0"?>\n<gexf version="1.2"><graph/></gexf>', "this is an XML file"),
    ("facts.txt", '[{"document": "x", "kind": "award"}]', "this is a JSON file"),
    ("graph.md", "@prefix esg: <https://w3id.org/esgkg/ontology#> .", "this is an RDF (Turtle) file"),
    ("late-nul.txt", "Pemberly Glass Ltd. has obtained ISO 14001. " * 400 + "\x00", "binary file"),
])
def test_files_that_are_not_releases_are_refused(tmp_path, name, content, says):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = esgkg("ingest", str(path), "--store", str(tmp_path / "s"))
    assert result.returncode == 1 and says in result.stderr
    assert "ingested 0 documents" in result.stdout


def test_documents_with_the_same_id_do_not_overwrite_each_other(tmp_path):
    texts = {"acme.2020.txt": "Pemberly Glass Ltd. has obtained ISO 14001 certification.",
             "acme.2021.txt": "Pemberly Glass Ltd. has obtained ISO 50001 certification.",
             "a/press.txt": "Orvel Motors Inc. has obtained ISO 9001 certification.",
             "b/press.txt": "Orvel Motors Inc. has obtained ISO 45001 certification."}
    for name, text in texts.items():
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    store = str(tmp_path / "s")
    result = esgkg("ingest", str(tmp_path / "in"), "--store", store)
    assert result.returncode == 0, result.stderr
    assert "id 'press' is" in result.stderr and "a/press.txt's; stored as 'press-" in result.stderr
    stats = json.loads(esgkg("stats", "--store", store, "--json").stdout)
    assert stats["documents"] == 4 and stats["facts"]["certification"] == 4
    assert f"it holds 4 documents, {stats['triples']} triples" in result.stdout
    facts = [json.loads(line) for line in esgkg("facts", "--store", store).stdout.splitlines()]
    assert sorted(f["document"] for f in facts)[:3] == ["acme.2020", "acme.2021", "press"]


def test_a_later_run_does_not_overwrite_another_files_document(tmp_path):
    """Issue 11 item 6 across runs: b/acme.txt after a/acme.txt gets an id of its own; either
    file ingested again replaces its own document."""
    for folder, standard in (("a", "14001"), ("b", "50001")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "acme.txt").write_text(
            f"Pemberly Glass Ltd. has obtained ISO {standard} certification.", encoding="utf-8")
    store = str(tmp_path / "s")
    assert esgkg("ingest", str(tmp_path / "a" / "acme.txt"), "--store", store).returncode == 0
    later = esgkg("ingest", str(tmp_path / "b" / "acme.txt"), "--store", store)
    assert later.returncode == 0, later.stderr
    assert "id 'acme' is another file's in the store; stored as 'acme-" in later.stderr
    for again in ("a", "b", "b"):
        (tmp_path / again / "acme.txt").write_text((tmp_path / again / "acme.txt").read_text() + " ",
                                                   encoding="utf-8")
        assert esgkg("ingest", str(tmp_path / again / "acme.txt"), "--store", store).returncode == 0
    facts = [json.loads(line) for line in esgkg("facts", "--store", store).stdout.splitlines()]
    by_document = sorted((f["document"], f["object"]) for f in facts)
    assert by_document[0] == ("acme", "ISO 14001") and len(by_document) == 2
    assert by_document[1][0].startswith("acme-") and by_document[1][1] == "ISO 50001"


def test_the_store_remembers_its_iri_base(tmp_path, monkeypatch):
    store = str(tmp_path / "s")
    (tmp_path / "good.txt").write_text("Pemberly Glass Ltd. has obtained ISO 14001 certification.",
                                       encoding="utf-8")
    monkeypatch.setenv("ESGKG_BASE", "https://kg.example.org/")
    assert esgkg("ingest", str(tmp_path / "good.txt"), "--store", store).returncode == 0
    monkeypatch.delenv("ESGKG_BASE")
    facts = esgkg("facts", "--store", store)
    assert [json.loads(line)["object"] for line in facts.stdout.splitlines()] == ["ISO 14001"]
    assert json.loads(esgkg("stats", "--store", store, "--json").stdout)["documents"] == 1
    monkeypatch.setenv("ESGKG_BASE", "http://other.example/")
    clash = esgkg("stats", "--store", store)
    assert clash.returncode == 1
    assert "holds IRIs under https://kg.example.org/, not http://other.example/" in clash.stderr
