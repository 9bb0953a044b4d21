"""Checks on shapes.ttl: valid SHACL, readable messages, and shapes that actually run.

A malformed shape does not fail loudly: pyshacl may skip it or stop at the
first document. These checks validate the shapes graph against the W3C
SHACL-for-SHACL shapes, require a message wherever a shape can report a
result, and run every shape once over the model's own nodes (agencies,
labelled terms), which both exercises it and checks those nodes.
"""

from __future__ import annotations

import re

from pyshacl import validate
from pyshacl.entrypoints import meta_validate
from pyshacl.errors import ReportableRuntimeError
from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from graph.ontology.checks_source import Problem, Source, Sources

KNOWN_SEVERITIES = {SH.Violation, SH.Warning, SH.Info}

# Parameters through which a shape reports results of its own; sh:property
# is absent because the property shapes it points at report (and need a message).
CONSTRAINT_PARAMETERS = {
    SH[name]
    for name in (  # noqa: SIM905
        "class datatype nodeKind minCount maxCount minExclusive minInclusive maxExclusive "
        "maxInclusive minLength maxLength pattern languageIn uniqueLang equals disjoint "
        "lessThan lessThanOrEquals not and or xone node qualifiedValueShape closed hasValue "
        "in sparql"
    ).split()
}
# Where a shape only serves as an operand, results are reported on the outer shape.
OPERAND_PREDICATES = {SH["not"], SH["node"], SH.qualifiedValueShape}


def _missing_shapes() -> list[Problem]:
    return [Problem(message="no shapes.ttl in the ontology folder", file="shapes.ttl")]


def describe_shape(graph: Graph, shape: Node, names: Sources) -> str:
    """A blank-node property shape is named by its parent shape and its path."""
    if not isinstance(shape, BNode):
        return names.curie(shape)
    path = graph.value(shape, SH.path)
    parent = graph.value(None, SH.property, shape)
    on = f" on {names.curie(path)}" if path is not None and not isinstance(path, BNode) else ""
    if path is not None and isinstance(path, BNode):
        inverse = graph.value(path, SH.inversePath)
        on = f" on ^{names.curie(inverse)}" if inverse is not None else " on a complex path"
    owner = f" of {names.curie(parent)}" if parent is not None else ""
    return f"property shape{on}{owner}"


def _anchor(graph: Graph, shape: Node) -> Node:
    """The IRI node to point a curator at: the shape itself, or its named parent."""
    while isinstance(shape, BNode):
        parent = graph.value(None, SH.property, shape)
        if parent is None:
            break
        shape = parent
    return shape


def _problem(sources: Sources, source: Source, shape: Node, message: str) -> Problem:
    anchor = _anchor(source.graph, shape)
    return sources.problem(message, anchor, [source])


def meta_shacl(sources: Sources) -> list[Problem]:
    """shapes.ttl conforms to the SHACL-SHACL shapes of the SHACL recommendation."""
    if sources.shapes is None:
        return _missing_shapes()
    source = sources.shapes
    conforms, report, _ = meta_validate(source.graph, inference=None)
    if conforms:
        return []
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        text = str(report.value(result, SH.resultMessage) or "does not conform")
        about = f" {sources.curie(path)}" if path is not None else ""
        shown = f" {value.n3()}" if isinstance(value, Literal) else ""
        message = (
            f"{describe_shape(source.graph, focus, sources)}:{about}{shown} is not valid SHACL "
            f"({text})"
        )
        problems.append(_problem(sources, source, focus, message))
    return sorted(problems, key=lambda p: (p.line or 0, p.message))


def _shapes(graph: Graph) -> set[Node]:
    typed = set(graph.subjects(RDF.type, SH.NodeShape)) | set(
        graph.subjects(RDF.type, SH.PropertyShape)
    )
    return typed | set(graph.objects(None, SH.property)) | set(graph.subjects(SH.path, None))


def _is_operand_only(graph: Graph, shape: Node) -> bool:
    """True for shapes used only inside sh:or/sh:and/sh:xone lists or sh:not/sh:node."""
    if (shape, RDF.type, None) in graph or (None, SH.property, shape) in graph:
        return False
    in_list = (None, RDF.first, shape) in graph
    operand = any((None, p, shape) in graph for p in OPERAND_PREDICATES)
    return in_list or operand


def messages_and_severities(sources: Sources) -> list[Problem]:
    """Every shape that reports results says why (sh:message) and how badly (a known sh:severity).

    Shapes without an sh:severity are violations: the loader refuses the
    document. A shape meant as a warning must say sh:Warning explicitly, and
    one with an unknown severity would be neither refused nor reported.
    """
    if sources.shapes is None:
        return _missing_shapes()
    source = sources.shapes
    graph = source.graph
    problems = []
    for shape in _shapes(graph):
        name = describe_shape(graph, shape, sources)
        reports = any(p in CONSTRAINT_PARAMETERS for p in graph.predicates(shape, None))
        if (
            reports
            and not _is_operand_only(graph, shape)
            and graph.value(shape, SH.message) is None
        ):
            problems.append(_problem(sources, source, shape, f"{name} has no sh:message"))
        severities = set(graph.objects(shape, SH.severity))
        if len(severities) > 1:
            problems.append(_problem(sources, source, shape, f"{name} has several sh:severity"))
        for severity in severities - KNOWN_SEVERITIES:
            message = (
                f"{name} has sh:severity {sources.curie(severity)}: "
                "use sh:Violation, sh:Warning or sh:Info"
            )
            problems.append(_problem(sources, source, shape, message))
    return sorted(problems, key=lambda p: (p.line or 0, p.message))


def model_conforms(sources: Sources) -> list[Problem]:
    """Run the shapes over the model's own nodes: report shapes that cannot run, nodes that fail."""
    if sources.shapes is None:
        return _missing_shapes()
    source = sources.shapes
    try:
        _, report, _ = validate(
            sources.union, shacl_graph=source.graph, inference=None, allow_warnings=True
        )
    except (ReportableRuntimeError, re.error, ValueError, TypeError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return [Problem(message=f"the shapes cannot run: {first}", file=source.name)]
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus = report.value(result, SH.focusNode)
        shape = report.value(result, SH.sourceShape)
        text = str(report.value(result, SH.resultMessage) or "does not conform")
        message = (
            f"{sources.curie(focus)} fails {describe_shape(source.graph, shape, sources)}: {text}"
        )
        problems.append(sources.problem(message, focus, sources.model))
    return sorted(problems, key=lambda p: (p.file or "", p.line or 0, p.message))
