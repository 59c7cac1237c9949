"""The W3C SPARQL 1.1 Protocol (34 entries) and Service Description (3) manifests, against a live
`esgkg serve`. Each manifest entry is one test."""
from __future__ import annotations

import pytest

from conftest import W3C_TOKEN
from w3c_runner import (
    Endpoint,
    protocol_tests,
    run_protocol_test,
    run_service_description_test,
    service_description_tests,
)

PROTOCOL_TESTS = protocol_tests()


def test_manifest_has_all_34_protocol_entries():
    assert len(PROTOCOL_TESTS) == 34
    assert len(service_description_tests()) == 3


@pytest.mark.parametrize("entry", PROTOCOL_TESTS, ids=[t.name for t in PROTOCOL_TESTS])
def test_protocol(w3c_server, entry):
    failures = run_protocol_test(Endpoint(w3c_server.url, W3C_TOKEN), entry)
    assert not failures, f"{entry.title}: {failures}"


@pytest.mark.parametrize("name", service_description_tests())
def test_service_description(w3c_server, name):
    failures = run_service_description_test(Endpoint(w3c_server.url), name)
    assert not failures, failures
