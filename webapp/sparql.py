"""The SPARQL 1.1 Protocol endpoint: ``/sparql`` (query, update, service description) and VoID.

The view reads the request (GET, POST form, POST direct), guards it (update token, no network
keywords, size caps), negotiates a result format from ``formats``, and hands the operation to the
app's runner (``executor.ExecutorPool`` under ``esgkg serve``), which enforces the time limit.
Small results are sent whole (and kept by ``resultcache.HotQueryCache``); large ones stream
as pyoxigraph serializes them.
"""
from __future__ import annotations

import hmac

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, g, redirect, request

from esgkg.graph import formats
from esgkg.graph.remote import TRUNCATED_HEADER
from esgkg.graph.sparqltext import DatasetConflict, Refused, apply_using, check, read_operation
from esgkg.graph.vocab import Iris

from . import graphstore
from .extensions import get_store
from .executor import QueryTimeout
from .resultcache import CACHEABLE_FLAG, ResultCache

bp = Blueprint("sparql", __name__)

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
WHOLE_BYTES = 256 * 1024      # results up to this size are sent whole (Content-Length) and cached


class ResultCut(Exception):
    """A streamed result could not be finished: raised so the server aborts the connection
    without the terminating chunk, and the client sees an error instead of a clean short end."""


class ProtocolError(Exception):
    """A request the protocol refuses; becomes an HTTP error with this status and text."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def error_response(status: int, message: str, headers: dict | None = None) -> Response:
    """The one HTTP error shape of the endpoint: plain text, the reason on one line."""
    if status == 503:
        headers = {"Retry-After": "5", **(headers or {})}
    return Response(message.rstrip() + "\n", status=status, mimetype="text/plain",
                    headers=headers or {})


@bp.errorhandler(ProtocolError)
def _protocol_error(exc: ProtocolError):
    return error_response(exc.status, exc.message, exc.headers)


# --- /sparql ---------------------------------------------------------------------------------------
@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"], strict_slashes=False)
def sparql():
    if request.method == "OPTIONS":
        return Response(status=204)
    if request.method == "GET" and graphstore.is_read(request.args):
        return graphstore.read(request.args)
    op, text, dataset = _read_operation()
    if op is None:
        return _service_description()
    if op == "update":
        return _update(text, dataset)
    return _query(text, dataset)


def _read_operation():
    """(op, text, dataset params) from the request; (None, None, None) for a bare GET."""
    cfg = current_app.config
    if request.method == "GET":
        if "update" in request.args:
            raise ProtocolError(400, "updates must be sent with POST (SPARQL 1.1 Protocol §2.2)")
        queries = request.args.getlist("query")
        if not queries:
            return None, None, None
        return "query", _one(queries, "query"), request.args
    if request.content_length and request.content_length > cfg["MAX_UPDATE_BYTES"]:
        raise ProtocolError(413, f"request body over {cfg['MAX_UPDATE_BYTES']} bytes")
    media_type = request.mimetype
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ProtocolError(415, f"charset {charset} is not supported; send UTF-8")
    if media_type == "application/x-www-form-urlencoded":
        queries, updates = request.form.getlist("query"), request.form.getlist("update")
        if queries and updates:
            raise ProtocolError(400, "a request carries either query or update, not both")
        if not queries and not updates:
            raise ProtocolError(400, "the form has neither a query nor an update parameter")
        params = _merged_params()
        if queries:
            return "query", _one(queries, "query"), params
        return "update", _one(updates, "update"), params
    if media_type in ("application/sparql-query", "application/sparql-update"):
        try:
            text = request.get_data(cache=False).decode("utf-8")
        except UnicodeDecodeError:
            raise ProtocolError(400, "the body is not valid UTF-8") from None
        return media_type.rsplit("-", 1)[1], text, request.args
    if not media_type:
        raise ProtocolError(415, "POST needs a Content-Type: application/x-www-form-urlencoded, "
                                 "application/sparql-query or application/sparql-update")
    raise ProtocolError(415, f"unsupported media type {media_type}; use "
                             "application/x-www-form-urlencoded, application/sparql-query or "
                             "application/sparql-update")


def _merged_params():
    from werkzeug.datastructures import CombinedMultiDict
    return CombinedMultiDict([request.args, request.form])


def _one(values: list[str], name: str) -> str:
    if len(values) > 1:
        raise ProtocolError(400, f"more than one {name} parameter")
    return values[0]


def _query(text: str, params) -> Response:
    cfg = current_app.config
    g.sparql_read = True
    if len(text.encode("utf-8")) > cfg["MAX_QUERY_BYTES"]:
        raise ProtocolError(413, f"query over {cfg['MAX_QUERY_BYTES']} bytes")
    op = _checked(text)
    form = op.form
    kind = "graph" if form in ("CONSTRUCT", "DESCRIBE") else "results"
    try:
        fmt = formats.choose(kind, request.accept_mimetypes,
                             params.get("format") or params.get("output"), boolean=form == "ASK")
    except formats.NotAcceptable as exc:
        raise ProtocolError(406, str(exc)) from None
    default, named = params.getlist("default-graph-uri"), params.getlist("named-graph-uri")
    dataset_given = bool(default or named)
    job = {"op": "query", "text": text, "base": request.base_url, "format": fmt.name,
           "max_rows": cfg["MAX_ROWS"],
           # The default graph is the union of all graphs, unless the query names its own
           # (pyoxigraph would otherwise let the union flag win over FROM).
           "union": not op.names_dataset,
           "default_graphs": default if dataset_given else None,
           "named_graphs": named if dataset_given else None}
    runner = current_app.extensions["esgkg_runner"]
    messages = runner.run(job, cfg["QUERY_TIMEOUT"])
    try:
        first = next(messages)
        if first[0] == "error":
            messages.close()
            return error_response(first[1], first[2])
        truncated = first[1].get("truncated", False)
        body, done = bytearray(), False
        while len(body) <= WHOLE_BYTES:
            message = next(messages)
            if message[0] == "chunk":
                body += message[1]
            elif message[0] == "end":
                done = True
                break
            else:
                messages.close()
                return error_response(message[1], message[2])
    except QueryTimeout as exc:
        return error_response(503, f"query stopped: {exc}")
    if done:
        request.environ[CACHEABLE_FLAG] = True  # HotQueryCache keeps the whole response
        return _result_response(fmt, bytes(body), truncated)
    return _result_response(fmt, _stream(bytes(body), messages), truncated)


def _stream(head: bytes, messages):
    """The rest of a large result, as the executor sends it (runs after the view has returned).

    The status line has gone out, so a failure can only be told by breaking the connection:
    ``ResultCut`` makes the WSGI server close it without the last chunk.
    """
    yield head
    try:
        for message in messages:
            if message[0] == "chunk":
                yield message[1]
            elif message[0] == "error":
                raise ResultCut(message[2])
    except QueryTimeout as exc:
        raise ResultCut(str(exc)) from None
    finally:
        messages.close()


def _result_response(fmt, body, truncated: bool) -> Response:
    response = Response(body, mimetype=fmt.media_type)
    if fmt.media_type.startswith("text/") or fmt.name in ("json", "xml", "jsonld", "rdfxml"):
        response.charset = "utf-8"
    if truncated:
        response.headers[TRUNCATED_HEADER] = f"true; max-rows={current_app.config['MAX_ROWS']}"
    response.headers["Vary"] = "Accept"
    return response


def _update(text: str, params) -> Response:
    _authorize_write()
    _checked(text)
    try:
        text = apply_using(text, params.getlist("using-graph-uri"),
                           params.getlist("using-named-graph-uri"))
    except DatasetConflict as exc:
        raise ProtocolError(400, str(exc)) from None
    job = {"op": "update", "text": text, "base": request.base_url,
           "entities": _iris().entities_graph}  # for the SHACL check
    try:
        for message in current_app.extensions["esgkg_runner"].run(
                job, current_app.config["QUERY_TIMEOUT"]):
            if message[0] == "error":
                return error_response(message[1], message[2])
    except QueryTimeout as exc:
        return error_response(503, f"update stopped, nothing was written: {exc}")
    return Response(status=204)


def _checked(text: str):
    """The operation read from its tokens, or a 400/403 for what this endpoint never runs."""
    op = read_operation(text)
    try:
        check(op, allow_drop=current_app.config["ALLOW_DROP"])
    except Refused as exc:
        raise ProtocolError(exc.status, str(exc)) from None
    return op


def _authorize_write() -> None:
    """Writes need the server's update token as a Bearer credential (401 without, 403 wrong)."""
    token = current_app.config.get("UPDATE_TOKEN")
    if not token:
        raise ProtocolError(403, "this endpoint is read-only (start it with --update-token "
                                 "or ESGKG_UPDATE_TOKEN to allow updates)")
    auth = request.headers.get("Authorization", "")
    if not auth.lower().startswith("bearer "):
        raise ProtocolError(401, "updates need an Authorization: Bearer token",
                            {"WWW-Authenticate": 'Bearer realm="esgkg"'})
    if not hmac.compare_digest(auth[7:].strip().encode(), token.encode()):
        raise ProtocolError(403, "wrong update token")


# --- CORS: reads from any origin, never with credentials -------------------------------------------
@bp.after_request
def _cors(response: Response) -> Response:
    if request.method == "OPTIONS":
        response.headers.update({
            "Access-Control-Allow-Origin": "*",
            "Access-Control-Allow-Methods": "GET, POST",
            "Access-Control-Allow-Headers": "Accept, Content-Type",
            "Access-Control-Max-Age": "600",
        })
    elif request.method == "GET" or g.get("sparql_read"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = TRUNCATED_HEADER
    return response


# --- service description and VoID -----------------------------------------------------------------
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _service_description() -> Response:
    """What this endpoint is: languages, formats, and its dataset as it really is.

    Over the embedded store the default graph is the union of the named graphs (which are
    listed); over a remote backend it is whatever that server's default graph holds, so no
    union is claimed and its size is given instead.
    """
    if _wants_html(request.accept_mimetypes):
        return redirect(current_app.config["QUERY_PAGE"], code=303)
    endpoint = ox.NamedNode(request.base_url)
    service, dataset, default_graph = ox.BlankNode(), ox.BlankNode(), ox.BlankNode()
    sd = lambda name: ox.NamedNode(SD + name)  # noqa: E731
    remote = bool(current_app.config.get("BACKEND_QUERY"))
    triples = [
        ox.Triple(service, RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), endpoint),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("defaultEntailmentRegime"),
                  ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, sd("Graph")),
        ox.Triple(service, ox.NamedNode(VOID + "sparqlEndpoint"), endpoint),
    ]
    if remote:
        size = _cached("sd-default", lambda runner: int(_select(
            runner, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", union=True)[0]["n"].value))
        triples.append(ox.Triple(default_graph, ox.NamedNode(VOID + "triples"),
                                 ox.Literal(str(size), datatype=XSD_INTEGER)))
    else:
        triples.append(ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")))
    for name in _cached("sd-graphs", lambda runner: [row["g"].value for row in _select(
            runner, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")]):
        named = ox.BlankNode()
        triples += [ox.Triple(dataset, sd("namedGraph"), named),
                    ox.Triple(named, RDF_TYPE, sd("NamedGraph")),
                    ox.Triple(named, sd("name"), ox.NamedNode(name))]
    if current_app.config.get("UPDATE_TOKEN"):
        triples.append(ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Update")))
    for f in formats.SPARQL_FORMATS:
        triples.append(ox.Triple(service, sd("resultFormat"), ox.NamedNode(f.iri)))
    g.sparql_read = True
    return _rdf_response(triples)


def _wants_html(accept) -> bool:
    """A browser: HTML named explicitly, and liked at least as much as any RDF format.

    Only an explicit text/html counts, so ``Accept: */*`` (curl, many clients) gets the RDF.
    """
    html_q = max((q for value, q in accept if value in ("text/html", "application/xhtml+xml")),
                 default=0)
    rdf_q = max(accept.quality(f.media_type) for f in formats.candidates("graph"))
    return html_q > 0 and html_q >= rdf_q


@bp.route("/.well-known/void", methods=["GET"])
def void():
    """VoID description of the dataset: sizes, class and property partitions, where to get it."""
    stats = _cached("void", _void_stats)
    root = request.url_root
    ds = ox.NamedNode(root + ".well-known/void#dataset")
    void = lambda name: ox.NamedNode(VOID + name)  # noqa: E731
    count = lambda n: ox.Literal(str(n), datatype=XSD_INTEGER)  # noqa: E731
    triples = [
        ox.Triple(ds, RDF_TYPE, void("Dataset")),
        ox.Triple(ds, ox.NamedNode("http://purl.org/dc/terms/title"),
                  ox.Literal("esgkg ESG knowledge graph")),
        ox.Triple(ds, void("sparqlEndpoint"), ox.NamedNode(root + "sparql")),
        ox.Triple(ds, void("dataDump"), ox.NamedNode(root + "export?format=nquads")),
        ox.Triple(ds, void("uriSpace"), ox.Literal(_base())),
        ox.Triple(ds, void("triples"), count(stats["triples"])),
        ox.Triple(ds, void("distinctSubjects"), count(stats["subjects"])),
        ox.Triple(ds, void("distinctObjects"), count(stats["objects"])),
        ox.Triple(ds, void("properties"), count(len(stats["properties"]))),
        ox.Triple(ds, void("classes"), count(len(stats["classes"]))),
        ox.Triple(ds, void("documents"), count(stats["documents"])),
    ]
    for name in ("SPARQL_Results_JSON", "Turtle"):
        triples.append(ox.Triple(ds, void("feature"),
                                 ox.NamedNode("http://www.w3.org/ns/formats/" + name)))
    for link, key, counted in (("classPartition", "classes", "entities"),
                               ("propertyPartition", "properties", "triples")):
        for iri, n in stats[key]:
            part = ox.BlankNode()
            triples += [ox.Triple(ds, void(link), part),
                        ox.Triple(part, void("class" if key == "classes" else "property"),
                                  ox.NamedNode(iri)),
                        ox.Triple(part, void(counted), count(n))]
    g.sparql_read = True
    return _rdf_response(triples)


def _iris():
    """The IRIs served: the store's own (it records its base); a bare pyoxigraph store handed in
    by a test has none, so the configured base."""
    return getattr(get_store(current_app), "iris", None) or Iris()


def _base() -> str:
    return _iris().base


def _cached(name: str, compute):
    """``compute(runner)``, kept per store generation (never for a backend without one)."""
    runner = current_app.extensions["esgkg_runner"]
    cache: ResultCache = current_app.extensions["esgkg_result_cache"]
    key = (name, runner.generation())
    value = cache.get(key) if key[1] is not None else None
    if value is None:
        value = compute(runner)
        if key[1] is not None:
            cache.put(key, value)
    return value


def _void_stats(runner) -> dict:
    """The dataset's counts, over every named graph (the store keeps nothing in the default)."""
    totals = _select(runner, "SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) "
                             "(COUNT(DISTINCT ?o) AS ?objects) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]
    documents = _select(runner, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                                f"FILTER(STRSTARTS(STR(?g), \"{_iris().document_graph_prefix}\")) }}")[0]
    classes = _select(runner, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } } "
                              "GROUP BY ?c ORDER BY ?c")
    properties = _select(runner, "SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } "
                                 "GROUP BY ?p ORDER BY ?p")
    number = lambda term: int(term.value) if term is not None else 0  # noqa: E731
    return {"triples": number(totals["triples"]), "subjects": number(totals["subjects"]),
            "objects": number(totals["objects"]), "documents": number(documents["n"]),
            "classes": [(row["c"].value, number(row["n"])) for row in classes
                        if isinstance(row["c"], ox.NamedNode)],
            "properties": [(row["p"].value, number(row["n"])) for row in properties]}


def _select(runner, text: str, union: bool = False) -> list:
    """The rows of a SELECT the endpoint asks itself, through the same runner and time limit."""
    job = {"op": "query", "text": text, "format": "json", "max_rows": 0,
           "default_graphs": None, "named_graphs": None, "union": union}
    body = b""
    try:
        for message in runner.run(job, current_app.config["QUERY_TIMEOUT"]):
            if message[0] == "chunk":
                body += message[1]
            elif message[0] == "error":
                raise ProtocolError(500, message[2])
    except QueryTimeout as exc:
        raise ProtocolError(503, f"describing the dataset took too long: {exc}") from None
    return list(ox.parse_query_results(body, ox.QueryResultsFormat.JSON))


def _rdf_response(triples: list) -> Response:
    try:
        fmt = formats.choose("graph", request.accept_mimetypes, request.args.get("format"))
    except formats.NotAcceptable as exc:
        raise ProtocolError(406, str(exc)) from None
    data = (ox.Quad(t.subject, t.predicate, t.object) for t in triples) \
        if fmt.oxigraph.supports_datasets else triples
    body = ox.serialize(data, format=fmt.oxigraph,
                        prefixes={"sd": SD, "void": VOID}) if fmt.name in ("turtle", "trig") \
        else ox.serialize(data, format=fmt.oxigraph)
    response = Response(body, mimetype=fmt.media_type)
    response.headers["Vary"] = "Accept"
    return response
