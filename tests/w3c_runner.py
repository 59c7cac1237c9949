"""A runner for the W3C SPARQL 1.1 Protocol and Service Description manifests (tests/w3c/).

Reads each manifest entry (ht:Request lists with their bodies, headers and expected responses)
and replays it over raw HTTP against a live endpoint, so nothing is smoothed over by a client
library. Used by test_w3c.py; ``python tests/w3c_runner.py URL TOKEN`` prints a pass count for any
endpoint (e.g. to measure another server with the same manifest).
"""
from __future__ import annotations

import http.client
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import RDF, RDFS, Namespace

W3C_DIR = Path(__file__).parent / "w3c"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
TABULAR_TYPES = set(RESULT_TYPES) | {"text/csv"}
RDF_TYPES = {"application/rdf+xml", "text/turtle", "application/n-triples", "application/n-quads",
             "application/trig", "application/ld+json", "text/html", "application/xhtml+xml"}


@dataclass
class Request:
    method: str
    path: str
    headers: dict
    body: bytes | None
    statuses: list[int]          # acceptable classes: 2, 3, 4, 5
    expected_format: str | None  # boolean | tabular | RDF
    expected_boolean: bool | None


@dataclass
class ProtocolTest:
    name: str
    title: str
    requests: list[Request]
    graph_data: list[tuple[Path, str]] = field(default_factory=list)  # (file, graph IRI)


def _items(graph: rdflib.Graph, head):
    while head and head != RDF.nil:
        yield graph.value(head, RDF.first)
        head = graph.value(head, RDF.rest)


def protocol_tests() -> list[ProtocolTest]:
    manifest = W3C_DIR / "protocol" / "manifest.ttl"
    graph = rdflib.Graph().parse(manifest, format="turtle")
    root = next(graph.subjects(RDF.type, MF.Manifest))
    tests = []
    for entry in _items(graph, graph.value(root, MF.entries)):
        action = graph.value(entry, MF.action)
        requests = []
        for req in _items(graph, graph.value(action, HT.requests)):
            headers = {}
            for h in _items(graph, graph.value(req, HT.headers)):
                headers[str(graph.value(h, HT.fieldName))] = str(graph.value(h, HT.fieldValue))
            body = None
            body_node = graph.value(req, HT.body)
            if body_node is not None:
                encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
                body = str(graph.value(body_node, CNT.chars)).encode(encoding.lower())
            resp = graph.value(req, HT.resp)
            statuses = sorted(int(str(s).rsplit("StatusCode", 1)[1][0])
                              for s in graph.objects(resp, MF.expectedStatus))
            fmt = graph.value(resp, MF.expectedFormat)
            boolean = graph.value(resp, MF.expectedBoolean)
            requests.append(Request(str(graph.value(req, HT.methodName)),
                                    str(graph.value(req, HT.absolutePath)), headers, body, statuses,
                                    str(fmt) if fmt is not None else None,
                                    boolean.toPython() if boolean is not None else None))
        data = [(W3C_DIR / "protocol" / Path(str(graph.value(d, UT.graph))).name,
                 str(graph.value(d, RDFS.label))) for d in graph.objects(entry, UT.graphData)]
        tests.append(ProtocolTest(str(entry).rsplit("#", 1)[1], str(graph.value(entry, MF.name)),
                                  requests, data))
    return tests


def service_description_tests() -> list[str]:
    graph = rdflib.Graph().parse(W3C_DIR / "service-description" / "manifest.ttl", format="turtle")
    root = next(graph.subjects(RDF.type, MF.Manifest))
    return [str(e).rsplit("#", 1)[1] for e in _items(graph, graph.value(root, MF.entries))]


class Endpoint:
    """Where the manifest's ``/sparql/`` paths go, and the token for its update requests."""

    def __init__(self, url: str, token: str | None = None, path: str = "/sparql",
                 update_path: str | None = None):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.path, self.token = parts.hostname, parts.port, path, token
        self.update_path = update_path or path  # servers with a separate update URL (Oxigraph)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        headers = dict(headers or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        is_update = "sparql-update" in headers.get("content-type", headers.get("Content-Type", "")) \
            or (body or b"").startswith(b"update=") or "update=" in path
        target = self.update_path if is_update else self.path
        if path.startswith("/sparql/"):  # the manifest's paths: "/sparql/" + optional "?..."
            rest = path[len("/sparql/"):]
            path = target + "/" + rest if self.path == "/sparql" else target + rest
        elif path == self.path:
            path = target
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return response.status, response.getheader("Content-Type", ""), response.read()
        finally:
            conn.close()

    def load(self, graph_data: list[tuple[Path, str]]) -> None:
        """Empty the store and put each data file in its named graph (the entry's ut:graphData)."""
        blocks = " ".join(f"GRAPH <{iri}> {{ {path.read_text()} }}" for path, iri in graph_data)
        update = "DROP ALL" + (f" ; INSERT DATA {{ {blocks} }}" if blocks else "")
        status, _, body = self.request("POST", self.path, update.encode(),
                                       {"Content-Type": "application/sparql-update"})
        if status >= 300:
            raise AssertionError(f"could not load the test data: {status} {body!r}")


def run_protocol_test(endpoint: Endpoint, test: ProtocolTest) -> list[str]:
    """Replay one entry; returns the failures (empty when it passes)."""
    endpoint.load(test.graph_data)
    failures = []
    for i, req in enumerate(test.requests, 1):
        status, content_type, body = endpoint.request(req.method, req.path, req.body, req.headers)
        media_type = content_type.split(";")[0].strip().lower()
        if status // 100 not in req.statuses:
            failures.append(f"request {i}: status {status}, expected {req.statuses}xx: {body[:300]!r}")
            continue
        if req.expected_format == "boolean":
            if media_type not in RESULT_TYPES:
                failures.append(f"request {i}: {media_type} is not a boolean results format")
                continue
            result = ox.parse_query_results(body, RESULT_TYPES[media_type])
            if not isinstance(result, ox.QueryBoolean):
                failures.append(f"request {i}: result is not a boolean")
            elif req.expected_boolean is not None and bool(result) != req.expected_boolean:
                failures.append(f"request {i}: boolean {bool(result)}, expected {req.expected_boolean}")
        elif req.expected_format == "tabular":
            if media_type not in TABULAR_TYPES:
                failures.append(f"request {i}: {media_type} is not a tabular results format")
            elif media_type in RESULT_TYPES and not isinstance(
                    ox.parse_query_results(body, RESULT_TYPES[media_type]), ox.QuerySolutions):
                failures.append(f"request {i}: result is not a solution sequence")
        elif req.expected_format == "RDF":
            if media_type not in RDF_TYPES:
                failures.append(f"request {i}: {media_type} is not an RDF format")
            elif not media_type.startswith(("text/html", "application/xhtml")):
                list(ox.parse(body, ox.RdfFormat.from_media_type(media_type)))  # must parse
    return failures


def run_service_description_test(endpoint: Endpoint, name: str) -> list[str]:
    status, content_type, body = endpoint.request("GET", endpoint.path,
                                                  headers={"Accept": "text/turtle, application/rdf+xml"})
    media_type = content_type.split(";")[0].strip().lower()
    endpoint_url = f"http://{endpoint.host}:{endpoint.port}{endpoint.path}"
    if status != 200 or media_type not in RDF_TYPES:
        return [f"GET {endpoint.path}: {status} {media_type}"]
    graph = rdflib.Graph().parse(data=body, format={"text/turtle": "turtle",
                                                    "application/rdf+xml": "xml"}.get(media_type, "turtle"))
    if name == "returns-rdf":
        return [] if len(graph) else ["the service description is empty"]
    if name == "has-endpoint-triple":
        found = [o for o in graph.objects(None, SD.endpoint)]
        return [] if rdflib.URIRef(endpoint_url) in found else [f"no sd:endpoint <{endpoint_url}>: {found}"]
    if name == "conforms-to-schema":
        problems = []
        services = list(graph.subjects(RDF.type, SD.Service))
        if len(services) != 1:
            problems.append(f"{len(services)} sd:Service nodes")
        for service in services:
            languages = set(graph.objects(service, SD.supportedLanguage))
            if not languages or not languages <= {SD.SPARQL10Query, SD.SPARQL11Query, SD.SPARQL11Update}:
                problems.append(f"sd:supportedLanguage {languages}")
            if not list(graph.objects(service, SD.endpoint)):
                problems.append("no sd:endpoint")
            for dataset in graph.objects(service, SD.defaultDataset):
                if (dataset, RDF.type, SD.Dataset) not in graph:
                    problems.append("sd:defaultDataset is not an sd:Dataset")
        return problems
    return [f"unknown service-description test {name}"]


if __name__ == "__main__":
    # python tests/w3c_runner.py BASE_URL [TOKEN] [QUERY_PATH] [UPDATE_PATH]
    endpoint = Endpoint(sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None) or None,
                        *(sys.argv[3:5]))
    passed = 0
    for test in protocol_tests():
        failures = run_protocol_test(endpoint, test)
        passed += not failures
        print("PASS" if not failures else "FAIL", test.name, *failures)
    print(f"protocol: {passed}/{len(protocol_tests())}")
