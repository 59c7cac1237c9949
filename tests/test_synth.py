"""The synthetic release generator (bench/synth.py): seeded, verbatim evidence, FORMAT.md facts."""
from __future__ import annotations

import json
import statistics

import pytest

from esgkg.bench import synth

# FORMAT.md field rules
KIND_QUALIFIERS = {
    "award": {"year", "level", "awarded_by"},
    "certification": {"status"},
    "membership": {"since"},
    "index_inclusion": {"year", "consecutive_years", "rank"},
    "standard_adoption": set(),
    "program": {"since", "location"},
    "part_of": set(),
    "located_in": set(),
    "metric": {"value", "unit", "year"},
}
INTEGER_QUALIFIERS = {"year", "since", "consecutive_years"}
TEXT_QUALIFIERS = {"level", "awarded_by", "rank", "location", "unit"}
COMMON_FIELDS = {"document", "kind", "subject", "subject_aliases", "object", "object_aliases",
                 "evidence", "optional"}
STATUSES = {"held", "in_progress", "planned", "renewed"}


@pytest.fixture(scope="module")
def vocab():
    return synth.load_vocab()


@pytest.fixture(scope="module")
def corpus(vocab):
    """200 releases of one seed, as the generator returns them."""
    return [synth.generate_release(11, i, vocab) for i in range(200)]


def test_same_seed_same_releases(vocab):
    first = [synth.generate_release(3, i, vocab) for i in range(30)]
    again = [synth.generate_release(3, i, vocab) for i in range(30)]
    assert [(r.doc_id, r.text, r.facts) for r in first] == [(r.doc_id, r.text, r.facts) for r in again]


def test_other_seed_other_releases(vocab):
    a = [synth.generate_release(3, i, vocab).text for i in range(30)]
    b = [synth.generate_release(4, i, vocab).text for i in range(30)]
    assert not set(a) & set(b)


def test_corpus_files_identical_across_runs_and_job_counts(tmp_path):
    one = tmp_path / "one"
    two = tmp_path / "two"
    stats = synth.generate_corpus(one, 400, seed=5, jobs=1)
    synth.generate_corpus(two, 400, seed=5, jobs=2)
    names = sorted(p.name for p in one.iterdir())
    assert len(names) == 800 and stats["releases"] == 400
    assert names == sorted(p.name for p in two.iterdir())
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_small_corpus_is_a_prefix_of_a_larger_one(tmp_path):
    synth.generate_corpus(tmp_path / "small", 20, seed=9)
    synth.generate_corpus(tmp_path / "large", 60, seed=9)
    for path in (tmp_path / "small").iterdir():
        assert path.read_bytes() == (tmp_path / "large" / path.name).read_bytes()


def test_cli_writes_release_and_gold_files(tmp_path):
    assert synth.main(["--count", "12", "--seed", "2", "--out", str(tmp_path)]) == 0
    texts = sorted(tmp_path.glob("*.txt"))
    golds = sorted(tmp_path.glob("*.facts.jsonl"))
    assert len(texts) == len(golds) == 12
    for text, gold in zip(texts, golds):
        assert gold.name == text.name[:-len(".txt")] + ".facts.jsonl"
        content = text.read_text(encoding="utf-8")
        for line in gold.read_text(encoding="utf-8").splitlines():
            fact = json.loads(line)
            assert fact["document"] == text.name[:-len(".txt")]
            assert fact["evidence"] in content


def test_every_evidence_is_a_verbatim_sentence_of_its_text(corpus):
    checked = 0
    for release in corpus:
        for fact in release.facts:
            assert fact["evidence"], fact
            assert "\n" not in fact["evidence"]
            assert fact["evidence"] in release.text, (release.doc_id, fact["evidence"])
            checked += 1
    assert checked > 1000


def test_every_fact_kind_and_qualifier_occurs_in_200_releases(corpus):
    kinds = {f["kind"] for r in corpus for f in r.facts}
    assert kinds == set(KIND_QUALIFIERS)
    for kind, qualifiers in KIND_QUALIFIERS.items():
        seen = {q for r in corpus for f in r.facts if f["kind"] == kind for q in qualifiers if q in f}
        assert seen == qualifiers, (kind, qualifiers - seen)


def test_all_certification_statuses_occur(corpus):
    statuses = {f["status"] for r in corpus for f in r.facts if f["kind"] == "certification"}
    assert statuses == STATUSES


def test_negative_releases_have_no_facts(corpus):
    negatives = [r for r in corpus if r.negative]
    assert 5 <= len(negatives) <= 40  # about one in ten
    for release in negatives:
        assert release.facts == []
    assert all(r.facts for r in corpus if not r.negative)


def test_negative_release_writes_an_empty_gold_file(tmp_path):
    stats = synth.generate_corpus(tmp_path, 60, seed=1, negative_rate=1.0)
    assert stats["negatives"] == 60 and stats["facts"] == 0
    assert all(p.read_text() == "" for p in tmp_path.glob("*.facts.jsonl"))


def test_facts_follow_format_field_rules(corpus):
    for release in corpus:
        for fact in release.facts:
            kind = fact["kind"]
            assert kind in KIND_QUALIFIERS
            assert fact["document"] == release.doc_id
            assert isinstance(fact["subject"], str) and fact["subject"]
            assert isinstance(fact["object"], str) and fact["object"]
            assert set(fact) <= COMMON_FIELDS | KIND_QUALIFIERS[kind], (kind, set(fact))
            for field in ("subject_aliases", "object_aliases"):
                if field in fact:
                    assert fact[field] and all(isinstance(a, str) and a for a in fact[field])
            if "optional" in fact:
                assert fact["optional"] is True
            for name in KIND_QUALIFIERS[kind] & set(fact):
                values = fact[name] if isinstance(fact[name], list) else [fact[name]]
                assert values, (name, fact)
                for value in values:
                    if name in INTEGER_QUALIFIERS:
                        assert type(value) is int and value > 0
                        if name != "consecutive_years":
                            assert 1900 < value < 2100
                    elif name == "value":
                        assert type(value) in (int, float)
                    elif name == "status":
                        assert value in STATUSES
                    else:
                        assert name in TEXT_QUALIFIERS and isinstance(value, str) and value


def test_metric_values_are_the_numbers_as_written(corpus):
    for release in corpus:
        for fact in release.facts:
            if fact["kind"] != "metric":
                continue
            value = fact["value"]
            written = f"{value:,}" if isinstance(value, int) else f"{value}"
            plain = str(value)
            assert written in fact["evidence"] or plain in fact["evidence"], fact
            if fact["unit"] != "percent":
                assert fact["unit"] in fact["evidence"], fact


def test_stated_qualifier_years_appear_in_the_evidence_or_the_dateline(corpus):
    for release in corpus:
        for fact in release.facts:
            for name in ("since", "year"):
                if name in fact:
                    assert str(fact[name]) in fact["evidence"] or "this year" in fact["evidence"] \
                        or " today" in fact["evidence"], fact


def test_one_gold_fact_per_statement(corpus):
    for release in corpus:
        keys = [(f["kind"], f["subject"], f["object"],
                 tuple(repr(f.get(q)) for q in sorted(KIND_QUALIFIERS[f["kind"]])))
                for f in release.facts]
        assert len(keys) == len(set(keys)), release.doc_id


def test_releases_are_sized_like_real_ones(corpus):
    sizes = [len(r.text.encode("utf-8")) for r in corpus]
    assert min(sizes) > 500 and max(sizes) < 6000
    assert 1000 <= statistics.median(sizes) <= 5000


def test_companies_are_introduced_with_their_short_name(corpus):
    """The full name appears once with its abbreviation or ticker, as in real leads."""
    for release in corpus:
        if release.negative:
            continue
        subject = release.facts[0]["subject"]
        assert f"{subject} (" in release.text, release.doc_id


def test_varied_phrasings_per_kind(corpus):
    """Many distinct sentence shapes per kind, once names and numbers are masked."""
    import re
    shapes: dict[str, set] = {}
    for release in corpus:
        for fact in release.facts:
            masked = re.sub(r"[A-Z0-9][\w&.\-/:’'%]*", "X", fact["evidence"])
            shapes.setdefault(fact["kind"], set()).add(masked)
    for kind in ("award", "certification", "membership", "index_inclusion", "program", "metric"):
        assert len(shapes[kind]) >= 8, (kind, len(shapes[kind]))
