"""Where SPARQL operations run: killable executor processes over one on-disk store.

Why processes. pyoxigraph evaluates a query inside native code that cannot be interrupted from
Python, so a runaway query can only be stopped by ending the process that runs it. Each web
worker therefore keeps a small pool of executor subprocesses (``python -m
esgkg.webapp.executor``); the web thread sends the job down a pipe and waits with a deadline.
Past the deadline it SIGKILLs the executor (the query stops consuming CPU at once), answers 503
and a fresh executor replaces it. The web thread itself is never stuck in native code.

Why this locking. RocksDB, under pyoxigraph's on-disk store, lets one process open a directory
read-write, and opening it read-only while another process writes is undefined behaviour. So:

* readers (query executors) hold ``Store.read_only(path)`` and a *shared* flock on
  ``.esgkg-readers.lock`` while that handle is open;
* the single writer path (one update executor per web worker, serialized across workers by an
  *exclusive* flock on ``.esgkg-gate.lock``) first takes the gate, which tells readers to let go,
  then takes the readers lock exclusively, which waits until every reader has closed its handle
  (idle readers notice within ``IDLE_POLL`` seconds, busy ones after their current query), then
  opens the store read-write, applies the update in one transaction, closes it and bumps the
  ``.esgkg-generation`` file. Readers reopen after the gate is released.

Why no network. pyoxigraph fetches SERVICE and LOAD targets itself; the endpoint refuses those
(``sparqltext``), and each executor also installs a seccomp filter at start-up
(``deny_network``), so a query that got past that check still cannot open an IP socket.

Why some queries run in the web worker after all. The pipe round trip to an executor (pickling,
two process wake-ups) costs more than a point lookup itself (issue 12). So a query whose shape
has already run, through an executor and under its time limit, in well under
``admission.HEAVY_SECONDS`` of CPU goes to the *inline* lane: the request thread runs it on the
worker's own read-only handle (``LocalReader``, same locking as an executor's; pyoxigraph lets go
of the GIL while it evaluates). Such a run cannot be killed, so only shapes learned cheap go
there, and one inline run that turns out slow sends its shape back to the killable lanes. The
web worker keeps its network, so a query whose text spells ``service`` anywhere (any case, even
in a string or comment) runs in an executor all the same.

So updates are atomic (one pyoxigraph transaction; a killed writer commits nothing) and serialized
(one writer at a time, system-wide), and readers never see half an update (none is open during a
write). A reader's cost is one non-blocking flock per query; a write waits for in-flight reads.
Processes other than ``esgkg serve`` must not write to the directory while it serves (use the
endpoint's update route, or stop the server first).
"""
from __future__ import annotations

import argparse
import ctypes
import fcntl
import itertools
import math
import os
import signal
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import urljoin

import pyoxigraph as ox

from esgkg.graph.formats import BY_NAME

IDLE_POLL = 0.05          # seconds between an idle reader's checks for a waiting writer
CHUNK_BYTES = 64 * 1024   # serialized output is sent to the web worker in pieces this size
GATE_FILE, READERS_FILE, GENERATION_FILE = ".esgkg-gate.lock", ".esgkg-readers.lock", ".esgkg-generation"


class QueryTimeout(Exception):
    """The operation ran past its time limit; its executor was killed."""


# --- the work itself (shared by executors and the in-process runner) ------------------------------
def run_job(store: ox.Store, job: dict, send) -> None:
    """Run one query or update on ``store``; report through ``send(message)``.

    Messages: ``("head", meta)``, then ``("chunk", bytes)``..., then ``("end", {"cpu_seconds":
    s})``; or ``("error", status, text)`` at any point (after a head, the stream is cut short).
    The CPU time, unlike the wall time, says what the query costs however busy the machine is.
    """
    started = time.thread_time()
    try:
        if job["op"] == "update":
            problems = checked_update(store, job["text"], job.get("base"), job["entities"])
            if problems:
                send(("error", 400, problems))
                return
            send(("head", {"kind": "update"}))
            send(("end", {"cpu_seconds": time.thread_time() - started}))
            return
        result = store.query(job["text"], base_iri=job.get("base"), **_dataset_kwargs(job))
        fmt = BY_NAME[job["format"]]
        max_rows = job.get("max_rows") or 0
        writer = _ChunkWriter(send)
        if isinstance(result, ox.QueryBoolean):
            _check_kind(fmt, "results", "ASK")
            send(("head", {"kind": "boolean", "truncated": False}))
            result.serialize(writer, fmt.oxigraph)
        else:
            solutions = isinstance(result, ox.QuerySolutions)
            kind = "solutions" if solutions else "graph"
            _check_kind(fmt, "results" if solutions else "graph",
                        "SELECT" if solutions else "CONSTRUCT/DESCRIBE")
            if max_rows <= 0:
                send(("head", {"kind": kind, "truncated": False}))
                result.serialize(writer, fmt.oxigraph)
            elif (whole := _under_cap(result, fmt.oxigraph, max_rows)) is not None:
                send(("head", {"kind": kind, "truncated": False}))
                writer.write(whole)
            else:  # perhaps over the cap: run it again, counting
                result = store.query(job["text"], base_iri=job.get("base"), **_dataset_kwargs(job))
                rows = list(itertools.islice(result, max_rows + 1))
                send(("head", {"kind": kind, "truncated": len(rows) > max_rows}))
                _serialize_rows(result, rows[:max_rows], writer, fmt.oxigraph)
        writer.close()
        send(("end", {"cpu_seconds": time.thread_time() - started}))
    except SyntaxError as exc:
        send(("error", 400, f"SPARQL syntax error: {exc}"))
    except _WrongFormat as exc:
        send(("error", 406, str(exc)))
    except (ValueError, TypeError) as exc:
        send(("error", 400, f"query error: {exc}"))
    except OSError as exc:
        send(("error", 500, f"store error: {exc}"))
    except Exception as exc:  # noqa: BLE001 - e.g. pyoxigraph's own errors: the client gets a reason
        send(("error", 500, f"the engine failed: {type(exc).__name__}: {exc}"))


# --- updates that keep the store valid -------------------------------------------------------------
def checked_update(store: ox.Store, text: str, base: str | None, entities: str) -> str | None:
    """Apply an update, then SHACL-check the graphs it changed; undo it if it adds violations.

    pyoxigraph reports no delta, so the graphs an update can change are snapshotted first: the
    default graph and every existing graph the text names (any IRI or prefixed name; a
    ``GRAPH ?var`` makes that every graph). Graphs that appear or vanish are found by comparing
    the graph lists. The changed graphs are validated with the entities they mention (from the
    store's ``entities`` graph), as ingest does; violations they already had before do not count.
    On new ones the changed graphs are put back in one transaction and the readable report goes
    to the client (None: the update stands).
    """
    before_graphs = set(store.named_graphs())
    watched = [ox.DefaultGraph()] + sorted(_named_in(text, base, before_graphs), key=str)
    before = {g: set(store.quads_for_pattern(None, None, None, g)) for g in watched}
    store.update(text, base_iri=base)
    after_graphs = set(store.named_graphs())
    changed = [g for g in watched if set(store.quads_for_pattern(None, None, None, g)) != before[g]]
    changed += sorted(after_graphs - before_graphs, key=str)
    if not changed:
        return None
    after_quads = [q for g in changed for q in store.quads_for_pattern(None, None, None, g)]
    entities_graph = ox.NamedNode(entities)
    added = _violations(store, after_quads, entities_graph)
    if added:
        added -= _violations(store, [q for g in changed for q in before.get(g, ())], entities_graph,
                             before)
    if not added:
        return None
    store.update(_restoring(changed, before))
    shown = "\n".join(f"  {v}" for v in sorted(added)[:20])
    more = f"\n  ... and {len(added) - 20} more" if len(added) > 20 else ""
    return (f"the update breaks the SHACL shapes ({len(added)} new violation(s)), so it was rolled "
            f"back and nothing was written:\n{shown}{more}")


def _violations(store: ox.Store, quads: list, entities: ox.NamedNode,
                snapshot: dict | None = None) -> set[str]:
    """SHACL violations of ``quads`` with the entities they mention (from ``snapshot`` if given)."""
    from esgkg.graph.validate import graph_from_nquads, validate_graph

    if not quads:
        return set()
    mentioned = {t for q in quads for t in (q.subject, q.object) if isinstance(t, ox.NamedNode)}
    if snapshot is not None and entities in snapshot:
        entity_quads = [q for q in snapshot[entities] if q.subject in mentioned]
    else:
        entity_quads = [q for node in mentioned
                        for q in store.quads_for_pattern(node, None, None, entities)]
    data = list(quads) + entity_quads
    result = validate_graph(graph_from_nquads(ox.serialize(data, format=ox.RdfFormat.N_QUADS).decode()))
    return {str(v) for v in result.violations if v.severity == "Violation"}


def _named_in(text: str, base: str | None, graphs: set) -> set:
    """The existing named graphs an update's text names: all of them after a ``GRAPH ?var`` or
    in an update that empties graphs wholesale (DROP ALL, CLEAR NAMED...), so any graph it can
    change or remove is snapshotted and can be put back."""
    from esgkg.graph.sparqltext import read_operation  # only the writer needs it: readers start faster

    op = read_operation(text)
    if op.drop:
        return set(graphs)
    toks = op.tokens
    prefixes, names = {}, set()
    for i, tok in enumerate(toks):
        if (tok.kind == "word" and "GRAPH" in tok.text.upper() and i + 1 < len(toks)
                and toks[i + 1].kind == "var"):  # no word boundary needed: `trueGRAPH?g` counts
            return set(graphs)
        if tok.keyword == "BASE" and i + 1 < len(toks) and toks[i + 1].kind == "iri":
            base = urljoin(base or "", toks[i + 1].text[1:-1])
        elif tok.keyword == "PREFIX" and i + 2 < len(toks) and toks[i + 2].kind == "iri":
            prefixes[toks[i + 1].text[:-1]] = urljoin(base or "", toks[i + 2].text[1:-1])
        elif tok.kind == "iri":
            names.add(urljoin(base or "", tok.text[1:-1]))
        elif tok.kind == "word" and ":" in tok.text:
            prefix, local = tok.text.split(":", 1)
            if prefix in prefixes:
                names.add(prefixes[prefix] + local)
    return {g for g in graphs if isinstance(g, ox.NamedNode) and g.value in names}


def _restoring(graphs: list, before: dict) -> str:
    """One update that puts ``graphs`` back as ``before`` holds them (graphs it lacks vanish)."""
    drops, blocks = [], []
    for g in graphs:
        drops.append("DROP SILENT DEFAULT" if isinstance(g, ox.DefaultGraph) else f"DROP SILENT GRAPH {g}")
        triples = ox.serialize([q.triple for q in before.get(g, ())],
                               format=ox.RdfFormat.N_TRIPLES).decode()
        if triples:
            blocks.append(triples if isinstance(g, ox.DefaultGraph) else f"GRAPH {g} {{\n{triples}}}")
    return " ;\n".join(drops + ([f"INSERT DATA {{\n{chr(10).join(blocks)}\n}}"] if blocks else []))


def _dataset_kwargs(job: dict) -> dict:
    default, named = job.get("default_graphs"), job.get("named_graphs")
    if default is None and named is None:
        return {"use_default_graph_as_union": bool(job.get("union", True))}
    # A protocol dataset replaces any FROM / FROM NAMED of the query (SPARQL 1.1 Protocol §2.1.4).
    return {"default_graph": [ox.NamedNode(g) for g in default or []],
            "named_graphs": [ox.NamedNode(g) for g in named or []]}


class _WrongFormat(Exception):
    pass


def _check_kind(fmt, kind: str, form: str) -> None:
    if fmt.kind != kind:
        raise _WrongFormat(f"{fmt.media_type} cannot carry the result of a {form} query")


# Fewest bytes a result row (a triple) takes in each format beyond the first: ``,{}`` in JSON,
# ``<result></result>`` in XML, an empty line in CSV; at least one in any other format.
MIN_ROW_BYTES = {ox.QueryResultsFormat.JSON: 3, ox.QueryResultsFormat.XML: 17,
                 ox.QueryResultsFormat.CSV: 2}


class _OverCap(Exception):
    pass


class _CappedBuffer:
    """A binary file-like object that gives up (``_OverCap``) past ``cap`` bytes."""

    def __init__(self, cap: int):
        self.cap, self.data = cap, bytearray()

    def write(self, data) -> int:
        self.data += data
        if len(self.data) > self.cap:
            raise _OverCap
        return len(data)

    def flush(self) -> None:
        pass


def _under_cap(result, fmt, max_rows: int) -> bytes | None:
    """The whole result in ``fmt`` if it surely has at most ``max_rows`` rows, else None.

    Counting rows from Python costs a GIL hand-off per row and a second serialization (issue
    12: a third of an inline point lookup, more with many request threads), so pyoxigraph
    writes the result in one call into a buffer that gives up at the size ``max_rows`` rows
    would at least take (``MIN_ROW_BYTES``): a result that fits has no more rows than the cap.
    """
    buffer = _CappedBuffer(MIN_ROW_BYTES.get(fmt, 1) * max_rows)
    try:
        result.serialize(buffer, fmt)
    except _OverCap:
        return None
    return bytes(buffer.data)


def _serialize_rows(result, rows: list, writer, fmt) -> None:
    """The first ``rows`` of a result (solutions or triples) written by pyoxigraph's own
    serializers. Solutions go through TSV, whose cells are exactly the terms' N-Triples forms, so
    that round trip is lossless."""
    if isinstance(result, ox.QueryTriples):
        if fmt.supports_datasets:
            rows = [ox.Quad(t.subject, t.predicate, t.object) for t in rows]
        ox.serialize(rows, writer, fmt)
        return
    lines = ["\t".join(str(v) for v in result.variables)]
    for row in rows:
        lines.append("\t".join("" if term is None else str(term) for term in row))
    ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV).serialize(writer, fmt)


class _ChunkWriter:
    """A binary file-like object that forwards what pyoxigraph serializes, in chunks."""

    def __init__(self, send):
        self.send, self.buffer = send, bytearray()

    def write(self, data) -> int:
        self.buffer += data
        if len(self.buffer) >= CHUNK_BYTES:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.buffer:
            self.send(("chunk", bytes(self.buffer)))
            self.buffer.clear()

    def close(self) -> None:
        self.flush()


# --- cross-process locking ------------------------------------------------------------------------
class StoreLocks:
    """The gate / readers / generation files of one store directory (see the module docstring)."""

    def __init__(self, path: str | os.PathLike):
        self.dir = Path(path)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.gate = os.open(self.dir / GATE_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        self.readers = os.open(self.dir / READERS_FILE, os.O_RDWR | os.O_CREAT, 0o644)

    def writer_waiting(self) -> bool:
        try:
            fcntl.flock(self.gate, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(self.gate, fcntl.LOCK_UN)
        return False

    def enter_reader(self) -> None:
        fcntl.flock(self.gate, fcntl.LOCK_SH)      # waits while a writer holds the gate
        fcntl.flock(self.readers, fcntl.LOCK_SH)
        fcntl.flock(self.gate, fcntl.LOCK_UN)

    def leave_reader(self) -> None:
        fcntl.flock(self.readers, fcntl.LOCK_UN)

    def enter_writer(self) -> None:
        fcntl.flock(self.gate, fcntl.LOCK_EX)      # one writer; new readers wait
        fcntl.flock(self.readers, fcntl.LOCK_EX)   # open readers have closed

    def leave_writer(self) -> None:
        bump_generation(self.dir)
        fcntl.flock(self.readers, fcntl.LOCK_UN)
        fcntl.flock(self.gate, fcntl.LOCK_UN)


def generation(path: str | os.PathLike) -> tuple[int, int]:
    """Changes whenever the endpoint's writer commits: part of every result-cache key."""
    try:
        st = os.stat(os.path.join(path, GENERATION_FILE))  # per query: no Path objects
    except FileNotFoundError:
        return (0, 0)
    return (st.st_ino, st.st_mtime_ns)


def bump_generation(path: str | os.PathLike) -> None:
    target = Path(path) / GENERATION_FILE
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(str(time.time_ns()))
    os.replace(tmp, target)


# --- the executor process -------------------------------------------------------------------------
class _Reader:
    """A read-only store handle that steps aside for writers."""

    def __init__(self, path: str):
        self.path, self.locks, self.store, self.opened_at = path, StoreLocks(path), None, None

    def acquire(self) -> ox.Store:
        if self.store is not None and (self.locks.writer_waiting()
                                       or generation(self.path) != self.opened_at):
            self.release()
        if self.store is None:
            self.locks.enter_reader()
            self.opened_at = generation(self.path)
            try:
                self.store = ox.Store.read_only(self.path)
            except OSError:  # no database yet: an empty dataset until a writer creates one
                self.store = ox.Store()
        return self.store

    def idle(self) -> None:
        if self.store is not None and self.locks.writer_waiting():
            self.release()

    def release(self) -> None:
        self.store = None
        self.locks.leave_reader()


class LocalReader:
    """The web worker's own read-only handle, shared by its request threads (the inline lane).

    The locking of ``_Reader``, for many threads at once, but with no lock file touched per
    query: each flock and stat lets go of the GIL, and with many request threads every such
    hand-off cost more than the check itself (issue 12). A watcher thread looks for a waiting
    writer instead, every ``IDLE_POLL`` seconds, as an idle executor does: it lets go of an idle
    handle at once, and of a busy one as soon as its running queries are done (new queries wait
    meanwhile, so a stream of them cannot starve the writer). While the handle is open it holds
    the readers lock, so no write can commit under it: the next query after a write reopens it.
    """

    def __init__(self, path: str):
        self.path, self.locks = path, StoreLocks(path)
        self.store, self.users, self.writer_waits = None, 0, False
        self.changed = threading.Condition()
        self.watcher: threading.Thread | None = None

    def acquire(self) -> ox.Store:
        with self.changed:
            while self.writer_waits:  # let go once the running queries are done (done())
                self.changed.wait()
            if self.store is None:
                self.locks.enter_reader()  # waits while a writer holds the gate
                try:
                    self.store = ox.Store.read_only(self.path)
                except OSError:
                    self.locks.leave_reader()
                    raise
                if self.watcher is None or not self.watcher.is_alive():
                    self.watcher = threading.Thread(target=self._watch, daemon=True,
                                                    name="esgkg-local-reader")
                    self.watcher.start()
            self.users += 1
            return self.store

    def done(self) -> None:
        with self.changed:
            self.users -= 1
            if self.writer_waits and not self.users:
                self._release()

    def _watch(self) -> None:
        while True:
            time.sleep(IDLE_POLL)
            with self.changed:
                if self.store is None:
                    self.watcher = None
                    return
                if not self.writer_waits and self.locks.writer_waiting():
                    self.writer_waits = True
                    if not self.users:
                        self._release()

    def _release(self) -> None:
        self.store, self.writer_waits = None, False
        self.locks.leave_reader()
        self.changed.notify_all()


def _executor_main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="esgkg SPARQL executor (started by the web app)")
    parser.add_argument("--store", required=True)
    parser.add_argument("--mode", choices=("read", "write"), required=True)
    parser.add_argument("--fds", required=True)
    parser.add_argument("--nice", type=int, default=0, help="lower CPU priority (the heavy lane)")
    args = parser.parse_args(argv)
    if args.nice:
        os.nice(args.nice)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server; it ends us
    _die_with_parent()
    if not deny_network():
        print("esgkg executor: cannot drop network access on this system; only the endpoint's "
              "SERVICE/LOAD check stands between a query and the network", file=sys.stderr)
    in_fd, out_fd = (int(x) for x in args.fds.split(","))
    jobs, results = Connection(in_fd, writable=False), Connection(out_fd, readable=False)
    reader = _Reader(args.store) if args.mode == "read" else None
    locks = StoreLocks(args.store) if args.mode == "write" else None
    while True:
        try:
            if reader is not None:
                while not jobs.poll(IDLE_POLL):
                    reader.idle()
            job = jobs.recv()
        except (EOFError, OSError):
            return
        if reader is not None:
            batch = _Batch(results.send)
            run_job(reader.acquire(), job, batch.add)
            batch.flush()
        else:
            # The answer is sent only once the write is durable, closed and its generation
            # bumped: a client that reads right after a 2xx must see its update.
            outcome: list = []
            locks.enter_writer()
            try:
                store = ox.Store(args.store)
            except OSError:  # RocksDB's lock: a process outside the server holds the store
                locks.leave_writer()
                results.send([("error", 503, "another process is writing to the store (esgkg "
                                             "ingest or load?); nothing was written, try again "
                                             "when it has finished")])
                continue
            try:
                run_job(store, job, outcome.append)
                store.flush()
                del store
            finally:
                locks.leave_writer()
            results.send(outcome)


class _Batch:
    """Messages go to the web worker in lists: one pipe write (one wake-up) per small result."""

    def __init__(self, send):
        self.send, self.pending, self.size = send, [], 0

    def add(self, message) -> None:
        self.pending.append(message)
        if message[0] == "chunk":
            self.size += len(message[1])
        if message[0] in ("end", "error") or self.size >= CHUNK_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.send(self.pending)
            self.pending, self.size = [], 0


# Linux seccomp: socket(AF_INET/AF_INET6) and io_uring fail with EACCES in executor processes.
_SECCOMP_ARCH = {  # machine: (AUDIT_ARCH_*, __NR_socket, __NR_io_uring_setup)
    "x86_64": (0xC000003E, 41, 425),
    "aarch64": (0xC00000B7, 198, 425),
}


def deny_network() -> bool:
    """Make this process unable to open IP sockets, whatever a query asks (defence in depth).

    A seccomp filter (no privileges needed; inherited by threads and children, never lifted)
    makes ``socket()`` for IPv4/IPv6 and ``io_uring_setup`` fail, so even a SERVICE or LOAD that
    got past the endpoint's check cannot connect anywhere. The executors talk to their web
    worker over pipes, which stay open. False where the system offers no such filter.
    """
    import platform
    import struct

    spec = _SECCOMP_ARCH.get(platform.machine())
    if spec is None or not sys.platform.startswith("linux"):
        return False
    arch, nr_socket, nr_io_uring = spec
    ld, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    allow, deny = 0x7FFF0000, 0x00050000 | 13  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | EACCES
    program = [
        (ld, 0, 0, 4),              # 0: seccomp_data.arch
        (jeq, 1, 0, arch),          # 1: our ABI -> 3
        (ret, 0, 0, deny),          # 2: any other ABI (int 0x80, x32) is refused
        (ld, 0, 0, 0),              # 3: seccomp_data.nr
        (jge, 6, 0, 0x40000000),    # 4: x32 syscall numbers -> deny
        (jeq, 5, 0, nr_io_uring),   # 5: -> deny
        (jeq, 0, 3, nr_socket),     # 6: not socket() -> allow
        (ld, 0, 0, 16),             # 7: args[0], the address family
        (jeq, 2, 0, 2),             # 8: AF_INET -> deny
        (jeq, 1, 0, 10),            # 9: AF_INET6 -> deny
        (ret, 0, 0, allow),         # 10
        (ret, 0, 0, deny),          # 11
    ]
    filters = ctypes.create_string_buffer(b"".join(struct.pack("=HBBI", *ins) for ins in program))
    fprog = struct.pack("@HP", len(program), ctypes.addressof(filters))
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    prctl.argtypes = [ctypes.c_int] + [ctypes.c_ulong] * 4
    if prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS, required to install a filter
        return False
    fprog_buffer = ctypes.create_string_buffer(fprog)
    return prctl(22, 2, ctypes.addressof(fprog_buffer), 0, 0) == 0  # SECCOMP_MODE_FILTER


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this executor when the web worker that started it goes away."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


# --- the web worker's side ------------------------------------------------------------------------
class _Executor:
    def __init__(self, store: str, mode: str, nice: int = 0):
        job_r, job_w = os.pipe()
        res_r, res_w = os.pipe()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "esgkg.webapp.executor", "--store", store, "--mode", mode,
             "--fds", f"{job_r},{res_w}", "--nice", str(nice)],
            pass_fds=(job_r, res_w), stdin=subprocess.DEVNULL)
        os.close(job_r)
        os.close(res_w)
        self.jobs, self.results = Connection(job_w, readable=False), Connection(res_r, writable=False)

    def kill(self) -> None:
        try:
            self.proc.kill()
        except ProcessLookupError:
            pass
        self.proc.wait()
        self.jobs.close()
        self.results.close()


class Overloaded(QueryTimeout):
    """The query's lane is full (running and queued): answered at once with a 503, never queued."""

    def __init__(self, lane: str, retry_after: int):
        super().__init__(f"the server is busy with {lane} queries; retry in {retry_after} s")
        self.retry_after = retry_after


class _Lane:
    """Executors reserved for one class of query, with a bounded queue in front of them.

    Expensive queries cannot starve cheap ones: each lane has its own processes (the heavy
    lane's run at a lower CPU priority), and a lane whose executors and queue are all taken
    refuses at once instead of letting requests pile up behind minutes of work.
    """

    def __init__(self, name: str, executors: int, queue: int, nice: int):
        self.name, self.executors, self.capacity, self.nice = name, executors, executors + queue, nice
        self.slots = threading.BoundedSemaphore(executors)
        self.idle: list[_Executor] = []
        self.admitted, self.mean_seconds = 0, 0.0
        self.lock = threading.Lock()

    def admit(self) -> None:
        with self.lock:
            if self.admitted >= self.capacity:
                raise Overloaded(self.name, self.retry_after())
            self.admitted += 1

    def leave(self, seconds: float | None) -> None:
        with self.lock:
            self.admitted -= 1
            if seconds is not None:  # a moving mean of how long this lane's work takes
                self.mean_seconds += (seconds - self.mean_seconds) * 0.2

    def retry_after(self) -> int:
        """Seconds until the queue has likely drained (whole seconds, at least one)."""
        return max(1, math.ceil(self.mean_seconds * self.capacity / self.executors))


class ExecutorPool:
    """Executor processes of one web worker: readers in two lanes, and one writer, started on demand.

    ``size`` readers are split between the *cheap* lane (point lookups and the like) and the
    *heavy* lane (aggregates, sorts, queries that ran long); the caller names the lane.
    """

    HEAVY_NICE = 10  # the kernel gives a heavy executor ~1/10 of a cheap one's CPU share

    def __init__(self, store: str | os.PathLike, size: int = 4, queue: int | None = None):
        self.store = str(store)
        heavy = max(1, size // 2)
        queue = 2 * heavy if queue is None else queue
        self.lanes = {"cheap": _Lane("cheap", max(1, size - heavy), 4 * queue, 0),
                      "heavy": _Lane("heavy", heavy, queue, self.HEAVY_NICE)}
        self._local: LocalReader | None = None
        self._write_slot = threading.Lock()
        self._writer: _Executor | None = None
        self._lock = threading.Lock()
        self._pid = os.getpid()

    def generation(self):
        return generation(self.store)

    def run(self, job: dict, timeout: float, lane: str = "heavy", on_done=None):
        """Yield the job's messages; raise QueryTimeout (after killing the executor) past ``timeout``,
        or Overloaded when ``lane`` is full. ``on_done(seconds)`` learns the CPU time the job took.

        The caller must consume the generator to its end or close it; closing early kills the
        executor, since it may still be writing. Over 60 lines on purpose: admission, the slot,
        the executor and the lane's accounting are released in one nest of finally blocks, so no
        path (timeout, dead executor, client gone) can leak one of them.
        """
        self._after_fork()
        update = job["op"] == "update"
        if lane == "inline" and not update:
            yield from self._run_inline(job, timeout, on_done)
            return
        lane_of = None if update else self.lanes[lane]
        if lane_of is not None:
            lane_of.admit()
        seconds = None
        try:
            slot = self._write_slot if update else lane_of.slots
            deadline = time.monotonic() + timeout
            if not slot.acquire(timeout=max(timeout, 0.001)):
                raise QueryTimeout("all executors stayed busy for the whole time limit")
            executor, held = None, True
            try:
                executor = self._checkout(lane_of)
                started = time.monotonic()
                try:
                    executor.jobs.send(job)
                except OSError:  # died while idle (e.g. killed with its parent thread): start afresh
                    executor.kill()
                    executor = self._checkout(lane_of, fresh=True)
                    executor.jobs.send(job)
                while True:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0 or not executor.results.poll(remaining):
                        seconds = timeout
                        raise QueryTimeout(f"the operation ran longer than {timeout:g} s and was stopped")
                    batch = executor.results.recv()
                    if batch[-1][0] in ("end", "error"):
                        # Done: give the executor back before the last messages, since a consumer
                        # may stop iterating once it has seen what it needs.
                        seconds = time.monotonic() - started
                        self._checkin(executor, lane_of)
                        executor, held = None, False
                        slot.release()
                        if on_done is not None:
                            last = batch[-1]
                            on_done(last[1]["cpu_seconds"] if last[0] == "end" else seconds)
                        yield from batch
                        return
                    yield from batch
            except EOFError:
                raise RuntimeError("the executor died while running the operation") from None
            finally:
                if executor is not None:  # timeout, client gone, or crash: never reuse it
                    executor.kill()
                    if update:
                        self._writer = None
                if held:
                    slot.release()
        finally:
            if lane_of is not None:
                lane_of.leave(seconds)

    def _run_inline(self, job: dict, timeout: float, on_done):
        """The job in this thread on the worker's own handle: no pipe, no copy of the result
        (see the module docstring for which queries come here)."""
        if "service" in job["text"].lower():
            # Only executors have no network (deny_network): a text that so much as spells the
            # keyword, in a string or a comment, runs there, whatever the endpoint's check said.
            yield from self.run(job, timeout, "cheap", on_done)
            return
        with self._lock:
            if self._local is None:
                self._local = LocalReader(self.store)
            local = self._local
        messages: list = []
        try:
            store = local.acquire()
        except OSError:  # no database yet: an executor answers as it always has
            yield from self.run(job, timeout, "cheap", on_done)
            return
        try:
            run_job(store, job, messages.append)
        finally:
            local.done()
        last = messages[-1]
        if on_done is not None and last[0] == "end":
            on_done(last[1]["cpu_seconds"])
        yield from messages

    def _checkout(self, lane: _Lane | None, fresh: bool = False) -> _Executor:
        if lane is None:
            if fresh or self._writer is None or self._writer.proc.poll() is not None:
                self._writer = _Executor(self.store, "write")
            return self._writer
        with self._lock:
            if lane.idle and not fresh:  # a dead one fails on its job pipe: run() starts another
                return lane.idle.pop()
        return _Executor(self.store, "read", lane.nice)

    def _checkin(self, executor: _Executor, lane: _Lane | None) -> None:
        if lane is not None:
            with self._lock:
                lane.idle.append(executor)

    def _after_fork(self) -> None:
        if os.getpid() != self._pid:  # a forked copy must not share its parent's pipes
            self._pid, self._writer, self._local = os.getpid(), None, None
            for lane in self.lanes.values():
                lane.idle = []

    def close(self) -> None:
        with self._lock:
            self._local = None  # its watcher lets go of the handle
            for lane in self.lanes.values():
                for executor in lane.idle:
                    executor.kill()
                lane.idle.clear()
            if self._writer is not None:
                self._writer.kill()
                self._writer = None


class InlineRunner:
    """Runs jobs in the calling thread on an in-process store (tests, embedded use).

    No time limit can be enforced here; ``esgkg serve`` always uses an ExecutorPool.
    """

    def __init__(self, store):
        self.ox = getattr(store, "ox", store)
        self._write = threading.Lock()
        self._generation = 0

    def generation(self):
        return self._generation

    def run(self, job: dict, timeout: float, lane: str = "heavy", on_done=None):
        messages: list = []
        if job["op"] == "update":
            with self._write:
                run_job(self.ox, job, messages.append)
                self._generation += 1
        else:
            run_job(self.ox, job, messages.append)
        yield from messages

    def close(self) -> None:
        pass


if __name__ == "__main__":
    _executor_main()
