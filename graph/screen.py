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

The one gap found when the two engines were compared over mutated graphs
(tests/test_screen.py): rudof does not check a literal as the focus node of a
``sh:targetObjectsOf`` shape ("x" as a pg:hasFrequency). Such a batch is not screened.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
from collections.abc import Sequence
from functools import cache

import pyrudof
from rdflib import Graph, Literal, Namespace, URIRef

from graph.model_graph import node_description
from graph.ontology.files import shapes_graph
from graph.store.terms import ntriples

SH = Namespace("http://www.w3.org/ns/shacl#")
#: How long a screening child may take before its batch goes to pyshacl instead.
CHILD_SECONDS = 120


@cache
def _shapes_turtle() -> str:
    return shapes_graph().serialize(format="turtle")


@cache
def _object_targets() -> tuple[URIRef, ...]:
    """The predicates whose objects the shapes target (``sh:targetObjectsOf``)."""
    return tuple(sorted(o for o in shapes_graph().objects(None, SH.targetObjectsOf)))


@cache
def _described(node: URIRef) -> str:
    """``node_description`` as N-Triples, kept: the nodes recur across documents."""
    description = Graph()
    for triple in node_description(node):
        description.add(triple)
    return ntriples(description)


def _literal_target(graph: Graph) -> bool:
    return any(isinstance(o, Literal) for p in _object_targets() for o in graph.objects(None, p))


def data_ntriples(graphs: Sequence[Graph], texts: Sequence[str] | None = None) -> str:
    """The documents (``texts``: their N-Triples, when the caller has them already) and the
    model's description of the nodes they name, as N-Triples."""
    named = sorted({o for graph in graphs for o in graph.objects() if isinstance(o, URIRef)})
    documents = texts if texts is not None else [ntriples(g) for g in graphs]
    return "".join([*documents, *(_described(node) for node in named)])


def findings(data: str) -> list[tuple[str, str | None, str]]:
    """rudof's results over the N-Triples ``data``: (focus node, path, severity) each.

    Runs rudof in this process, which a fork then cannot use: rudof's validation starts
    a rayon thread pool, and a forked child waits forever on the pool's threads it does
    not have. Pipelines call ``clean``, which runs it in a child of its own.
    """
    engine = pyrudof.Rudof(pyrudof.RudofConfig())
    engine.read_shacl(_shapes_turtle())
    engine.read_data(data, format=pyrudof.RDFFormat.NTriples)
    report = engine.validate_shacl()
    return [(v.focus_node, v.path, v.severity) for v in report.violations]


def _found_nothing_in_child(data: str) -> bool:
    """Whether rudof finds nothing in ``data``, asked in a forked child so that this
    process stays safe to fork (see ``findings``); a child that fails or outlives
    CHILD_SECONDS counts as having found something."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer one byte and leave, whatever happens, running no cleanup
        try:
            os.close(read_end)
            try:
                answer = b"1" if not findings(data) else b"0"
            except BaseException:  # any failure means 'ask pyshacl'
                answer = b"0"
            os.write(write_end, answer)
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], CHILD_SECONDS)
        return bool(ready) and os.read(read_end, 1) == b"1"
    finally:
        os.close(read_end)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def clean(graphs: Sequence[Graph], texts: Sequence[str] | None = None) -> bool:
    """True when rudof finds nothing in ``graphs`` (with the model's description of them)
    and every focus node is one it checks; False means only 'ask pyshacl'."""
    if any(_literal_target(graph) for graph in graphs):
        return False
    return _found_nothing_in_child(data_ntriples(graphs, texts))
