"""Altered copies of the sample release (other names, years, counts, places) must give the same
facts with the new values: extraction follows the text, not the sample."""
from __future__ import annotations

from pathlib import Path

import pytest

from esgkg.graph.extract import extract
from esgkg.graph.read import Release

VARIANTS = {
    "renamed": {"Advanced Semiconductor Engineering, Inc.": "Northwind Microsystems Corp.", "ASE": "NWM",
                "2021": "2019", "6th": "4th", "2004": "2009", "Kaohsiung": "Taichung"},
    "other-country": {"Advanced Semiconductor Engineering, Inc.": "Brightwater Foods Ltd.", "ASE": "Brightwater",
                      "Ministry of Labor": "Ministry of Manpower", "Taiwan": "Singapore", "Kaohsiung": "Jurong",
                      "OHSAS 18001": "ISO 14001", "ISO 45001": "ISO 50001", "6th": "10th", "2021": "2023"},
}


def altered(sample_text: str, changes: dict) -> list[dict]:
    text = sample_text
    for old, new in changes.items():
        text = text.replace(old, new)
    _, facts = extract(Release("variant", Path("variant.txt"), text, "text"))
    return [f.to_record() for f in facts]


def key(record):
    return {k: v for k, v in record.items() if k not in ("document", "evidence")}


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_gives_the_sample_facts_with_new_values(name, sample_path):
    sample_text = sample_path.read_text(encoding="utf-8")
    changes = VARIANTS[name]
    expected = []
    for record in altered(sample_text, {}):
        record = key(record)
        for field, value in record.items():
            if isinstance(value, str):
                for old, new in changes.items():
                    value = value.replace(old, new)
                record[field] = value
            elif isinstance(value, int) and str(value) in changes:
                record[field] = int(changes[str(value)])
        expected.append(record)
    for record in expected:  # "6th consecutive year" -> the new count
        if "consecutive_years" in record:
            record["consecutive_years"] = int(changes["6th"][:-2])
    got = [key(r) for r in altered(sample_text, changes)]
    assert got == expected
