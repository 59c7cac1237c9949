"""The SPARQL 1.1 Protocol endpoint: ``/sparql`` (query, update, service description) and VoID.

Queries are answered by ``QueryApp``, a plain WSGI app beneath Flask's (issue 12: Flask's
request and response machinery cost more than a point lookup itself); updates, the service
description and everything else go on to the Flask views. Both read the request with one
reader (``read_request``: GET, POST form, POST direct), guard it (update token, no network
keywords, size caps) and negotiate a result format from ``formats``. A query runs in the app's
runner (``executor.ExecutorPool`` under ``esgkg serve``), which enforces the time limit, in the
lane ``admission.CostModel`` picks. Its result is drained into a bounded spill file as fast as
the executor writes it, so the executor is free again however slowly the client reads; small
results are sent whole (and kept by ``resultcache.HotQueryCache``), larger ones in chunks, each
of which the client must take within ``SEND_TIMEOUT``.
"""
from __future__ import annotations

import hmac
import io
import tempfile
from functools import cache, lru_cache
from urllib.parse import parse_qsl

import pyoxigraph as ox
import werkzeug.urls  # noqa: F401 - registers the 'werkzeug.url_quote' decoding error handler
from flask import Blueprint, Response, current_app, g, redirect, request
from werkzeug.datastructures import MIMEAccept, MultiDict
from werkzeug.http import parse_accept_header, parse_options_header
from werkzeug.utils import get_content_type
from werkzeug.wsgi import get_current_url, get_input_stream

from esgkg.graph import formats
from esgkg.graph.remote import TRUNCATED_HEADER
from esgkg.graph.sparqltext import DatasetConflict, Refused, apply_using, check, read_operation
from esgkg.graph.vocab import Iris

from . import graphstore
from .admission import CostModel, read_query
from .executor import Overloaded, QueryTimeout
from .extensions import SECURITY_HEADERS, get_store
from .resultcache import CACHEABLE_FLAG, SPARQL_PATHS, ResultCache

bp = Blueprint("sparql", __name__)

READ_CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": TRUNCATED_HEADER}
SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
WHOLE_BYTES = 256 * 1024      # results up to this size are sent whole (Content-Length) and cached
SEND_TIMEOUT = 10.0           # seconds a client may take to accept one chunk of a large result
PIECE_BYTES = 64 * 1024       # the chunks a large result is sent in


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


# --- reading a request (both paths) ---------------------------------------------------------------
FORM = "application/x-www-form-urlencoded"


def read_request(environ: dict, max_body: int):
    """(op, text, params) of a /sparql request; (None, None, None) for a bare GET.

    Reads the body at most once: it is put back in ``environ`` for whoever reads it next.
    """
    query_string = environ.get("QUERY_STRING", "")
    args = _pairs(query_string.encode("latin-1")) if query_string else MultiDict()
    if environ["REQUEST_METHOD"] == "GET":
        if "update" in args:
            raise ProtocolError(400, "updates must be sent with POST (SPARQL 1.1 Protocol §2.2)")
        queries = args.getlist("query")
        if not queries:
            return None, None, None
        return "query", _one(queries, "query"), args
    length = environ.get("CONTENT_LENGTH")
    if length and length.isdigit() and int(length) > max_body:
        raise ProtocolError(413, f"request body over {max_body} bytes")
    media_type, options = parse_options_header(environ.get("CONTENT_TYPE", ""))
    media_type = media_type.lower()
    charset = options.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ProtocolError(415, f"charset {charset} is not supported; send UTF-8")
    if media_type == FORM:
        form = _pairs(_body(environ, max_body))
        queries, updates = form.getlist("query"), form.getlist("update")
        if queries and updates:
            raise ProtocolError(400, "a request carries either query or update, not both")
        if not queries and not updates:
            raise ProtocolError(400, "the form has neither a query nor an update parameter")
        params = MultiDict(list(args.items(multi=True)) + list(form.items(multi=True))) if args else form
        if queries:
            return "query", _one(queries, "query"), params
        return "update", _one(updates, "update"), params
    if media_type in ("application/sparql-query", "application/sparql-update"):
        try:
            text = _body(environ, max_body).decode("utf-8")
        except UnicodeDecodeError:
            raise ProtocolError(400, "the body is not valid UTF-8") from None
        return media_type.rsplit("-", 1)[1], text, args
    if not media_type:
        raise ProtocolError(415, "POST needs a Content-Type: application/x-www-form-urlencoded, "
                                 "application/sparql-query or application/sparql-update")
    raise ProtocolError(415, f"unsupported media type {media_type}; use "
                             "application/x-www-form-urlencoded, application/sparql-query or "
                             "application/sparql-update")


def _pairs(data: bytes) -> MultiDict:
    """Parameters decoded as werkzeug decodes them (invalid escapes stay percent-encoded)."""
    try:
        text = data.decode()
    except UnicodeDecodeError:
        raise ProtocolError(400, "the parameters are not valid UTF-8") from None
    return MultiDict(parse_qsl(text, keep_blank_values=True, errors="werkzeug.url_quote"))


def _body(environ: dict, max_body: int) -> bytes:
    length = environ.get("CONTENT_LENGTH")
    if length and length.isdigit():  # one read of what was announced (over max_body: refused)
        body = environ["wsgi.input"].read(int(length))
    else:  # chunked, or no length: werkzeug's guard against an endless body
        body = get_input_stream(environ, max_content_length=max_body).read()
    environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))
    environ.pop("wsgi.input_terminated", None)
    return body


def _one(values: list[str], name: str) -> str:
    if len(values) > 1:
        raise ProtocolError(400, f"more than one {name} parameter")
    return values[0]


# --- queries: beneath Flask -----------------------------------------------------------------------
class QueryApp:
    """WSGI app answering /sparql queries before Flask runs; everything else goes on to Flask.

    A request it cannot read (a protocol error) goes on to Flask too, whose view reads it again
    and answers the error as every other route does.
    """

    def __init__(self, app):
        self.flask_wsgi, self.config = app.wsgi_app, app.config
        self.runner = app.extensions["esgkg_runner"]
        self.costs = CostModel()

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") not in SPARQL_PATHS or environ["REQUEST_METHOD"] not in ("GET", "POST"):
            return self.flask_wsgi(environ, start_response)
        try:
            op, text, params = read_request(environ, self.config["MAX_UPDATE_BYTES"])
        except ProtocolError:
            op = None
        if op != "query":
            return self.flask_wsgi(environ, start_response)
        try:
            status, headers, body = self._query(environ, text, params)
        except ProtocolError as exc:
            response = error_response(exc.status, exc.message, exc.headers)
            status, body = response.status, [response.get_data()]
            headers = list(response.headers.items())
        headers += READ_CORS.items()
        headers += SECURITY_HEADERS.items()
        start_response(status, headers)
        return body

    def _query(self, environ, text: str, params):
        """Check, negotiate, admit to a lane, run and drain one query into its response: one
        function over 60 lines on purpose, so the request's path through the lean endpoint reads
        top to bottom in the order it costs time (issue 12's profile)."""
        cfg = self.config
        if len(text.encode("utf-8")) > cfg["MAX_QUERY_BYTES"]:
            raise ProtocolError(413, f"query over {cfg['MAX_QUERY_BYTES']} bytes")
        op, key = read_query(text)
        _check(op, cfg["ALLOW_DROP"])
        form = op.form
        fmt = _negotiate("graph" if form in ("CONSTRUCT", "DESCRIBE") else "results",
                         environ.get("HTTP_ACCEPT", ""), params.get("format") or params.get("output"),
                         form == "ASK")
        default, named = params.getlist("default-graph-uri"), params.getlist("named-graph-uri")
        dataset_given = bool(default or named)
        job = {"op": "query", "text": text, "base": _base_iri(*(environ.get(k) for k in URL_KEYS)),
               "format": fmt.name, "max_rows": cfg["MAX_ROWS"],
               # The default graph is the union of all graphs, unless the query names its own
               # (pyoxigraph would otherwise let the union flag win over FROM).
               "union": not op.names_dataset,
               "default_graphs": default if dataset_given else None,
               "named_graphs": named if dataset_given else None}
        messages = self.runner.run(job, cfg["QUERY_TIMEOUT"], lane=self.costs.lane(op, key),
                                   on_done=lambda seconds: self.costs.learn(key, seconds))
        spill = tempfile.SpooledTemporaryFile(max_size=WHOLE_BYTES)
        try:
            first = next(messages)
            if first[0] == "error":
                raise ProtocolError(first[1], first[2])
            done = False
            while spill.tell() <= cfg["SPILL_BYTES"]:  # drain the executor, however slow the client
                message = next(messages)
                if message[0] == "chunk":
                    spill.write(message[1])
                elif message[0] == "end":
                    done = True
                    messages.close()  # the executor is back in its lane
                    break
                else:
                    raise ProtocolError(message[1], message[2])
        except Overloaded as exc:
            spill.close()
            raise ProtocolError(503, str(exc), {"Retry-After": str(exc.retry_after)}) from None
        except QueryTimeout as exc:
            spill.close()
            self.costs.learn(key, cfg["QUERY_TIMEOUT"])
            raise ProtocolError(503, f"query stopped: {exc}") from None
        except BaseException:
            spill.close()
            messages.close()
            raise
        headers = [("Content-Type", _content_type(fmt)), ("Vary", "Accept")]
        if first[1].get("truncated", False):
            headers.append((TRUNCATED_HEADER, f"true; max-rows={cfg['MAX_ROWS']}"))
        if done and spill.tell() <= WHOLE_BYTES:
            spill.seek(0)
            body = spill.read()
            spill.close()
            environ[CACHEABLE_FLAG] = True  # HotQueryCache keeps the whole response
            headers.append(("Content-Length", str(len(body))))
            return "200 OK", headers, [body]
        client = environ.get("gunicorn.socket")
        if client is not None:  # a client that stops reading is cut off, not waited for
            client.settimeout(SEND_TIMEOUT)
        return "200 OK", headers, _stream(spill, None if done else messages)


URL_KEYS = ("wsgi.url_scheme", "HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "SCRIPT_NAME", "PATH_INFO")


@lru_cache(maxsize=64)
def _base_iri(*values) -> str:
    """The request's IRI without its query string, the query's base: werkzeug's reading of the
    ``URL_KEYS``, kept per value (it cost a third of a point lookup's evaluation; clients send the
    same few)."""
    return get_current_url({k: v for k, v in zip(URL_KEYS, values) if v is not None},
                           strip_querystring=True)


@lru_cache(maxsize=256)
def _negotiate(kind: str, accept: str, format_param: str | None, boolean: bool):
    """``formats.choose`` for one Accept header (clients send the same few again and again)."""
    try:
        return formats.choose(kind, parse_accept_header(accept, MIMEAccept), format_param,
                              boolean=boolean)
    except formats.NotAcceptable as exc:
        raise ProtocolError(406, str(exc)) from None


@cache
def _content_type(fmt) -> str:
    return get_content_type(fmt.media_type, "utf-8")


def _stream(spill, messages):
    """A large result: what the spill file holds, then (past ``SPILL_BYTES``) the rest as the
    executor sends it, which holds the executor until the client has read it.

    The status line has gone out, so a failure can only be told by breaking the connection:
    ``ResultCut`` makes the WSGI server close it without the last chunk.
    """
    try:
        spill.seek(0)
        while piece := spill.read(PIECE_BYTES):
            yield piece
        spill.close()
        if messages is None:
            return
        for message in messages:
            if message[0] == "chunk":
                yield message[1]
            elif message[0] == "error":
                raise ResultCut(message[2])
    except QueryTimeout as exc:
        raise ResultCut(str(exc)) from None
    finally:
        spill.close()
        if messages is not None:
            messages.close()


# --- updates and the service description: Flask views ---------------------------------------------
@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"], strict_slashes=False)
def sparql():
    if request.method == "OPTIONS":
        return Response(status=204)
    if request.method == "GET" and graphstore.is_read(request.args):
        return graphstore.read(request.args)
    op, text, dataset = read_request(request.environ, current_app.config["MAX_UPDATE_BYTES"])
    if op == "update":
        return _update(text, dataset)
    return _service_description()  # a bare GET: queries are answered by QueryApp


def _update(text: str, params) -> Response:
    _authorize_write()
    _check(read_operation(text), current_app.config["ALLOW_DROP"])
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


def _check(op, allow_drop: bool) -> None:
    """A 400/403 for what this endpoint never runs."""
    try:
        check(op, allow_drop=allow_drop)
    except Refused as exc:
        raise ProtocolError(exc.status, str(exc)) from None


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
        response.headers.update(READ_CORS)
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
