"""The embedded store: pyoxigraph on disk (RocksDB) or in memory.

Why pyoxigraph: its SPARQL engine is 20-100x faster than rdflib's and it keeps
a million triples in a third of the memory (see the architecture notes), and
every SPARQL Update request runs as one RocksDB transaction. ``replace_graph``
therefore sends ``DROP SILENT GRAPH`` and ``INSERT DATA`` in ONE update
request: a reader (or a crash) sees the old document or the new one, never
half of it. A batch of graphs none of which is stored yet goes in as one
``load`` of N-Quads, transactional too. ``bulk_load``/``bulk_extend`` are
faster but not transactional, so they are not used for documents.

An on-disk store may keep a copy of itself in memory (``memory_copy``; `pactgraph serve`
keeps one unless told ``--no-memory-copy``): every query reads the copy, every write goes to
disk first, in its transaction, and then to the copy. Reading RocksDB is what a query
spends most of its time on: at a million triples the named queries ran 2-10x faster on the
copy (bench/README.md), for some 350 MB of memory per million triples.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import Graph, URIRef

from graph.forking import FORK_LOCK
from graph.namespaces import PREFIXES
from graph.store import safety
from graph.store.base import QueryResult, QuerySyntaxError, StoreError
from graph.store.media import choose_media_type
from graph.store.terms import from_ox, ntriples

log = logging.getLogger("pactgraph.store")

_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}

#: Media types of RDF serializations pyoxigraph writes, shared with dataset dumps.
RDF_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}


#: Bytes of update requests after which an on-disk store's write buffers go to disk.
FLUSH_BYTES = 32 * 1024 * 1024


def stored_form(body: str) -> str:
    """N-Triples ``body`` as the store will give it back: pyoxigraph keeps some literals in
    canonical form ("5"^^xsd:nonNegativeInteger comes back as xsd:integer, language tags in
    lower case), and what is derived from a stored document must be derived from this form."""
    db = ox.Store()
    db.load(body.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return db.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")


def _graph_node(name: URIRef) -> ox.NamedNode:
    try:
        return ox.NamedNode(str(name))
    except ValueError as error:
        raise StoreError(f"invalid graph name {name!r}: {error}") from error


def _as_nquads(graphs: Mapping[URIRef, str], nodes: Mapping[URIRef, ox.NamedNode]) -> str | None:
    """The graphs' N-Triples lines as N-Quads, each in its graph; None when a line is not
    one triple ending in " ." (N-Triples escapes every line break inside a literal), or
    when a body may hold a blank node: one N-Quads text would merge two graphs' nodes of
    the same label, which an update keeps apart (or refuses)."""
    lines = []
    for name, body in graphs.items():
        if "_:" in body:
            return None
        graph_and_end = f"{nodes[name]} .\n"
        for line in body.splitlines():
            if not line.strip():
                continue
            if not line.endswith(" ."):
                return None
            lines.append(line[:-1] + graph_and_end)  # "s p o ." → "s p o <g> ."
    return "".join(lines)


class EmbeddedStore:
    """A pactgraph store inside this process.

    ``path`` is a directory (created when missing) or None for a store in
    memory. Only one process may open a directory at a time (RocksDB lock).
    ``allow_external`` lifts the SERVICE/LOAD/FROM checks of ``graph.store.safety``;
    leave it off for anything that runs queries from users. ``memory_copy`` answers
    queries from a copy of an on-disk store held in memory (see the module's docstring).
    """

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        allow_external: bool = False,
        memory_copy: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.allow_external = allow_external
        try:
            self._db: ox.Store | None = ox.Store(str(self.path)) if self.path else ox.Store()
            self._unflushed = 0
        except OSError as error:
            raise StoreError(f"cannot open the store at {self.path}: {error}") from error
        self._copy: ox.Store | None = None
        if memory_copy and self.path is not None:
            self._copy = _copied(self._db)

    @property
    def has_memory_copy(self) -> bool:
        """Whether queries read a copy of the store held in memory."""
        return self._copy is not None

    def __repr__(self) -> str:
        """Where the store is, and whether it answers from a copy in memory (``/health``
        shows it, so an operator sees which way a server reads)."""
        where = str(self.path) if self.path else "in memory"
        copy = ", answering from a copy in memory" if self.has_memory_copy else ""
        return f"EmbeddedStore({where}{copy})"

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def db(self) -> ox.Store:
        """The pyoxigraph store; StoreError once closed."""
        if self._db is None:
            raise StoreError(f"{self!r} is closed")
        return self._db

    @property
    def _reader(self) -> ox.Store:
        """The store reads go to: the copy in memory when there is one."""
        return self._copy if self._copy is not None else self.db

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Swap in ``graph`` as named graph ``name`` in one transaction (empty graph = removal)."""
        target = str(_graph_node(name))
        body = ntriples(graph)
        request = f"DROP SILENT GRAPH {target} ;\nINSERT DATA {{ GRAPH {target} {{\n{body}\n}} }}"
        self._update(request)

    def replace_graphs(self, graphs: Mapping[URIRef, str]) -> None:
        """Swap in every graph (N-Triples text) in ONE transaction, so a batch of documents
        lands whole or not at all, and costs one commit.

        When none of the graphs is in the store yet (a load of new documents), the batch
        is one transactional N-Quads load: nothing to drop, and pyoxigraph reads N-Quads
        faster than the same triples inside an update (12 against 18-21 ms a document,
        bench/README.md). Otherwise it is one update request that drops and inserts."""
        nodes = {name: _graph_node(name) for name in graphs}
        fresh = not any(self._reader.contains_named_graph(node) for node in nodes.values())
        quads = _as_nquads(graphs, nodes) if fresh else None
        if quads is not None:
            self._load(quads)
            return
        operations = []
        for name, body in graphs.items():
            target = str(nodes[name])
            operations.append(f"DROP SILENT GRAPH {target}")
            if body.strip():
                operations.append(f"INSERT DATA {{ GRAPH {target} {{\n{body}\n}} }}")
        if operations:
            self._update(" ;\n".join(operations))

    def remove_graph(self, name: URIRef) -> bool:
        """Drop named graph ``name``; True when it existed."""
        node = _graph_node(name)
        existed = self._reader.contains_named_graph(node)
        if existed:
            self._update(f"DROP SILENT GRAPH {node}")
        return existed

    def graph_names(self) -> list[URIRef]:
        """Names of the named graphs, sorted (blank-node graph names are not used here)."""
        names = (n.value for n in self._reader.named_graphs() if isinstance(n, ox.NamedNode))
        return sorted(URIRef(n) for n in names)

    def get_graph(self, name: URIRef) -> Graph:
        """A detached rdflib copy of named graph ``name``."""
        graph = Graph()
        for quad in self._reader.quads_for_pattern(None, None, None, _graph_node(name)):
            graph.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
        return graph

    def query(self, sparql: str, *, media_type: str | None = None) -> QueryResult:
        """Run ``sparql`` and serialize the result with pyoxigraph's own writers."""
        results = self._query(sparql)
        if isinstance(results, ox.QuerySolutions):
            kind = "bindings"
        elif isinstance(results, ox.QueryBoolean):
            kind = "boolean"
        else:
            kind = "graph"
        chosen = choose_media_type(kind, media_type)
        if kind == "graph":
            payload = results.serialize(format=RDF_FORMATS[chosen])
        else:
            payload = results.serialize(format=_RESULT_FORMATS[chosen])
        return QueryResult(kind=kind, media_type=chosen, payload=payload or b"")

    def select(self, sparql: str) -> Iterator[dict[str, object]]:
        """Rows of a SELECT as {variable: rdflib term or None}; the query runs before returning."""
        results = self._query(sparql)
        if not isinstance(results, ox.QuerySolutions):
            raise StoreError("select() needs a SELECT query")
        names = [v.value for v in results.variables]
        return ({n: from_ox(row[n]) for n in names} for row in results)

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update (one transaction); it writes the store's default graph
        unless it names graphs, and its WHERE sees the default graph, not the union."""
        if not self.allow_external:
            safety.enforce(safety.inspect_update(sparql), self.graph_names)
        self._update(sparql)

    def dump(self, media_type: str, name: URIRef | None = None) -> bytes:
        """Graph ``name`` (or every graph, for dataset formats) in ``media_type``."""
        fmt = RDF_FORMATS[media_type]
        if name is None and not fmt.supports_datasets:
            raise StoreError(f"{media_type} holds one graph: name a graph or use TriG/N-Quads")
        source = _graph_node(name) if name is not None else None
        # Instance IRIs have slashes in their local part, so no 'id:' prefix for them.
        prefixes = {key: str(ns) for key, ns in PREFIXES.items() if key != "id"}
        return self._reader.dump(format=fmt, from_graph=source, prefixes=prefixes) or b""

    def _flush_now_and_then(self, written: int) -> None:
        """Write RocksDB's buffers to disk after every ``FLUSH_BYTES`` of updates.

        Left to itself, the on-disk store held every write of a long load in memory: the
        loader grew ~70 MB per 128 documents (2 GB by a million triples), none of it Python's.
        A flush hands the buffered writes to files and lets the memory go; it costs a few
        milliseconds per flush, a fraction of the writing itself.
        """
        self._unflushed += written
        if self.path is None or self._unflushed < FLUSH_BYTES:
            return
        try:
            self.db.flush()
        except OSError as error:
            raise StoreError(f"writing the store's buffers to disk failed: {error}") from error
        self._unflushed = 0

    def close(self) -> None:
        """Release the RocksDB directory lock (pyoxigraph frees it when the store is dropped)."""
        self._db = None
        self._copy = None

    def _query(self, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        reach = safety.inspect_query(sparql)
        if not self.allow_external:
            safety.enforce(reach, self.graph_names)
        try:
            return self._reader.query(sparql, use_default_graph_as_union=not reach.names_dataset)
        except SyntaxError as error:
            raise QuerySyntaxError(str(error)) from error
        except (OSError, ValueError, RuntimeError) as error:
            raise StoreError(f"query failed: {error}") from error

    def _load(self, quads: str) -> None:
        data = quads.encode("utf-8")
        try:
            self.db.load(data, format=ox.RdfFormat.N_QUADS)
        except SyntaxError as error:
            raise StoreError(f"the batch could not be read back: {error}") from error
        except (OSError, ValueError, RuntimeError) as error:
            raise StoreError(f"load failed: {error}") from error
        self._flush_now_and_then(len(data))
        self._follow(lambda copy: copy.load(data, format=ox.RdfFormat.N_QUADS))

    def _update(self, request: str) -> None:
        try:
            self.db.update(request)
        except SyntaxError as error:
            raise QuerySyntaxError(str(error)) from error
        except (OSError, ValueError, RuntimeError) as error:
            raise StoreError(f"update failed: {error}") from error
        self._flush_now_and_then(len(request))
        self._follow(lambda copy: copy.update(request))

    def _follow(self, write: Callable[[ox.Store], None]) -> None:
        """Make on the copy in memory the write the disk has just taken. The same write on
        the same quads cannot fail where it succeeded; if it ever does, the copy is made
        again from the disk, which holds the truth."""
        if self._copy is None:
            return
        with FORK_LOCK:  # a child forked mid-write would inherit the copy's locks held
            try:
                write(self._copy)
            except (SyntaxError, OSError, ValueError, RuntimeError) as error:
                log.warning("the copy in memory missed a write (%s): copying it again", error)
                self._copy = _copied(self.db)


def _copied(store: ox.Store) -> ox.Store:
    """A copy in memory of every quad of ``store``, blank nodes included as they are."""
    copy = ox.Store()
    copy.bulk_extend(store)
    return copy
