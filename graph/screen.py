"""A fast first look at a batch of document graphs with rudof's SHACL engine.

pyshacl is the validator of record: its reports, in the shapes' own messages, are what
a refused upload or load shows. But it costs about a tenth of a second per document,
most of a load's time. rudof (PyPI ``pyrudof``, a SHACL engine written in Rust) checks
the same shapes over the same data in a fraction of that. A load therefore asks rudof
first; when rudof finds nothing at all in a batch (the usual case: neither a violation
nor a warning), the batch is clean and pyshacl is not run; when rudof finds anything,
pyshacl judges the batch as before, so every report still comes from pyshacl.

The data is the one pyshacl sees (``graph.validate``): the documents and the model's
description of every node they name, here assembled as N-Triples text from a cache of
each node's description, since rudof reads text and the nodes recur across documents.

Validation reads only the properties the shapes name (paths and targets), rdf:type and
rdfs:subClassOf (targets and ``sh:class``), so the screen leaves every other triple out of
rudof's data: half of it is labels in many languages, aliases and cues that no shape reads,
and rudof's reading and checking cost grows with every line. This holds for SHACL Core
without ``sh:closed``; shapes that use anything else get all the data
(``_read_predicates``).

The one gap found when the two engines were compared over mutated graphs
(tests/test_screen.py): rudof does not check a literal as the focus node of a
``sh:targetObjectsOf`` shape ("x" as a pg:hasFrequency). Such a batch is not screened.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import cache
from typing import Any

import pyrudof
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

from graph.model_graph import described_nodes, node_description
from graph.ontology.files import shapes_graph
from graph.store.terms import ntriples
from graph.workers import Worker, WorkerLost

SH = Namespace("http://www.w3.org/ns/shacl#")
#: How long the screening process may take over a batch before it goes to pyshacl instead.
CHILD_SECONDS = 120


@cache
def _shapes_turtle() -> str:
    return shapes_graph().serialize(format="turtle")


#: SHACL Core terms that read no property beyond those a shape names; ``sh:closed`` reads
#: every property of its focus node, SPARQL constraints read anything.
_CORE_TERMS = frozenset(
    """targetClass targetNode targetSubjectsOf targetObjectsOf path inversePath
    alternativePath zeroOrMorePath oneOrMorePath zeroOrOnePath class datatype nodeKind
    minCount maxCount minExclusive minInclusive maxExclusive maxInclusive minLength maxLength
    pattern flags languageIn uniqueLang equals disjoint lessThan lessThanOrEquals not and or
    xone node property qualifiedValueShape qualifiedMinCount qualifiedMaxCount
    qualifiedValueShapesDisjoint hasValue in message severity name description order group
    deactivated defaultValue""".split()  # noqa: SIM905 (a list of words reads as one)
)


def read_predicates(shapes: Graph) -> frozenset[str] | None:
    """The predicates validation with ``shapes`` can read, as N-Triples terms: every IRI
    the shapes name, rdf:type and rdfs:subClassOf. None when a shape may read any
    property (``sh:closed``, SPARQL, anything beyond SHACL Core)."""
    for predicate in set(shapes.predicates()):
        if predicate.startswith(SH) and predicate[len(SH) :] not in _CORE_TERMS:
            return None
    named = {node for triple in shapes for node in triple if isinstance(node, URIRef)}
    return frozenset(f"<{node}>" for node in {*named, RDF.type, RDFS.subClassOf})


@cache
def _read_predicates() -> frozenset[str] | None:
    return read_predicates(shapes_graph())


def read_lines(text: str) -> str:
    """The N-Triples lines of ``text`` that validation can read (all when unsure)."""
    wanted = _read_predicates()
    if wanted is None:
        return text
    kept = [line for line in text.splitlines(True) if line.split(" ", 2)[1] in wanted]
    return "".join(kept)


@cache
def _object_targets() -> tuple[URIRef, ...]:
    """The predicates whose objects the shapes target (``sh:targetObjectsOf``)."""
    return tuple(sorted(o for o in shapes_graph().objects(None, SH.targetObjectsOf)))


@cache
def _described(node: URIRef) -> str:
    """The lines of ``node_description`` validation can read, kept: the nodes recur across
    documents."""
    return read_lines(ntriples(dict.fromkeys(node_description(node))))


def prepare() -> None:
    """Read the shapes and describe every node of the model now: a process that forks
    workers calls this first, so they share the descriptions instead of each making
    its own as documents name the nodes."""
    _shapes_turtle()
    _object_targets()
    for node in described_nodes():
        _described(node)


def _literal_target(graph: Graph) -> bool:
    return any(isinstance(o, Literal) for p in _object_targets() for o in graph.objects(None, p))


def data_ntriples(graphs: Sequence[Graph], texts: Sequence[str] | None = None) -> str:
    """The documents (``texts``: their N-Triples, when the caller has them already) and the
    model's description of the nodes they name, as N-Triples: the lines validation reads."""
    known = described_nodes()
    named = sorted({o for graph in graphs for o in graph.objects() if o in known})
    documents = texts if texts is not None else [ntriples(g) for g in graphs]
    return "".join([*(read_lines(d) for d in documents), *(_described(n) for n in named)])


#: One triple no shape reads: the engine always holds data, so a batch can be staged on it.
_PLACEHOLDER = "<urn:pactgraph:screen> <urn:pactgraph:screen> <urn:pactgraph:screen> .\n"


@cache
def _engine() -> pyrudof.Rudof:
    """This process's rudof engine, its shapes read once. Its first read of data costs
    some 70 ms whatever the size, so it is made once here, not once per batch."""
    engine = pyrudof.Rudof(pyrudof.RudofConfig())
    engine.read_shacl(_shapes_turtle())
    engine.read_data(_PLACEHOLDER, format=pyrudof.RDFFormat.NTriples)
    return engine


def findings(data: str) -> list[tuple[str, str | None, str]]:
    """rudof's results over the N-Triples ``data``: (focus node, path, severity) each.

    The data is staged on the engine and rolled back, so the engine holds none of it
    afterwards (a read that replaces the data was found to merge instead, and checking
    slowed batch after batch). Runs rudof in this process, which a fork then cannot
    use: rudof's validation starts a rayon thread pool, and a forked child waits
    forever on the pool's threads it does not have. Pipelines call ``clean``, which
    asks a screening process of their own.
    """
    engine = _engine()
    engine.begin_staging()
    try:
        engine.read_data(data, format=pyrudof.RDFFormat.NTriples, merge=True)
        report = engine.validate_shacl()
    finally:
        engine.rollback_staging()
    return [(v.focus_node, v.path, v.severity) for v in report.violations]


def _screen_job(job: dict[str, Any]) -> tuple[Any, ...]:
    """In the screening process: ('ok', True) when rudof finds nothing in the job's data.
    Any failure means 'ask pyshacl', and a fresh engine for the next batch."""
    try:
        return ("ok", not findings(job["data"]))
    except Exception:
        _engine.cache_clear()
        return ("ok", False)


class _Screener:
    """This process's screening process: forked at its first batch, then kept.

    A process forked from this one (a load worker, an isolated upload) lets go of the
    inherited screener and forks its own when it needs one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._worker: Worker | None = None

    def found_nothing(self, data: str) -> bool:
        """Whether rudof finds nothing in ``data``; a screener that fails or outlives
        CHILD_SECONDS counts as having found something (and is replaced next time)."""
        with self._lock:
            if self._worker is None or not self._worker.alive:
                self._worker = Worker(_screen_job, generation=0)
            try:
                return self._worker.ask({"data": data}, CHILD_SECONDS) == ("ok", True)
            except WorkerLost:
                return False

    @property
    def pid(self) -> int | None:
        """The screening process's id, while there is one."""
        worker = self._worker
        return worker.pid if worker is not None and worker.alive else None

    def after_fork_in_child(self) -> None:
        self._lock = threading.Lock()
        if self._worker is not None:
            self._worker.detach()
            self._worker = None


_SCREENER = _Screener()
os.register_at_fork(after_in_child=_SCREENER.after_fork_in_child)


def screening_pid() -> int | None:
    """This process's screening process, a child that lives as long as this process does
    (or until it fails); None before the first batch."""
    return _SCREENER.pid


def clean(graphs: Sequence[Graph], texts: Sequence[str] | None = None) -> bool:
    """True when rudof finds nothing in ``graphs`` (with the model's description of them)
    and every focus node is one it checks; False means only 'ask pyshacl'."""
    if any(_literal_target(graph) for graph in graphs):
        return False
    return _SCREENER.found_nothing(data_ntriples(graphs, texts))
