"""SHACL validation of document graphs before they are stored.

The data validated is the document graph plus the model's description of
every node it points at (nations, agencies, categories, frequencies): enough
for ``sh:class`` and ``sh:hasValue`` checks, and independent of how much is
already in the store — validation cost follows the document.

A load validates documents in batches (``validate_documents``), each batch first screened
by rudof (``graph.screen``): a batch in which it finds nothing needs no pyshacl run. One pyshacl
run over several documents costs far less than one run each, because the
model's nodes they share (nations, categories) are checked once and pyshacl's
fixed cost per run is paid once. Documents of one run share no node of their
own, so each is judged on its own triples exactly as alone; a run with a
violation is redone one document at a time, so the report names the document
that fails and only that one is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from graph import screen
from graph.model_graph import model_subset
from graph.namespaces import OA, PG
from graph.ontology.files import model_graph, shapes_graph

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Finding:
    """One SHACL result, in words a curator can act on."""

    severity: str
    focus: str
    path: str | None
    message: str
    value: str | None = None
    quote: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "severity": self.severity,
            "focus": self.focus,
            "path": self.path,
            "message": self.message,
            "value": self.value,
            "quote": self.quote,
        }

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        quote = f' — source text: "{self.quote}"' if self.quote else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}{quote}"


@dataclass(frozen=True)
class ValidationReport:
    violations: tuple[Finding, ...] = ()
    warnings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def conforms(self) -> bool:
        return not self.violations

    def to_dict(self) -> dict[str, object]:
        return {
            "conforms": self.conforms,
            "violations": [f.to_dict() for f in self.violations],
            "warnings": [f.to_dict() for f in self.warnings],
        }


def _text(value: Node | None) -> str | None:
    return None if value is None else str(value)


def _quote(graph: Graph, focus: Node) -> str | None:
    """The evidence quote of the offending node, so the report points at the source text."""
    for selector in graph.objects(focus, PG.evidence):
        exact = graph.value(selector, OA.exact)
        if exact is not None:
            return str(exact)
    label = graph.value(focus, RDFS.label)
    return str(label) if isinstance(label, Literal) else None


def _findings(results: Graph, data: Graph) -> list[Finding]:
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        severity = results.value(result, SH.resultSeverity)
        findings.append(
            Finding(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                focus=str(focus),
                path=_text(results.value(result, SH.resultPath)),
                message=str(results.value(result, SH.resultMessage) or "constraint not met"),
                value=_text(results.value(result, SH.value)),
                quote=_quote(data, focus) if focus is not None else None,
            )
        )
    return sorted(findings, key=lambda f: (f.severity, f.focus, f.path or ""))


def _validate(graphs: Sequence[Graph], shapes: Graph | None) -> list[Finding]:
    """Every finding of one pyshacl run over ``graphs`` and the model's description of them."""
    data = Graph()
    for graph in graphs:
        for triple in graph:
            data.add(triple)
    for triple in model_subset(graphs):
        data.add(triple)
    _, results, _ = shacl_validate(
        data,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        allow_warnings=True,
        advanced=True,
        inplace=True,  # ``data`` is ours to change: pyshacl need not copy it first
    )
    return _findings(results, data)


def _report(findings: Sequence[Finding]) -> ValidationReport:
    return ValidationReport(
        violations=tuple(f for f in findings if f.severity == "Violation"),
        warnings=tuple(f for f in findings if f.severity != "Violation"),
    )


def validate_document(graph: Graph, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate one document graph; violations refuse it, warnings are only reported."""
    return _report(_validate([graph], shapes))


@cache
def _model_nodes() -> frozenset[URIRef]:
    return frozenset(s for s in model_graph().subjects() if isinstance(s, URIRef))


def _own_nodes(graph: Graph) -> set[URIRef]:
    """The IRIs a document names that the model does not describe: its agreement, agencies..."""
    model = _model_nodes()
    return {
        term
        for triple in graph
        for term in (triple[0], triple[2])
        if isinstance(term, URIRef) and term not in model
    }


def _disjoint_runs(graphs: Sequence[Graph]) -> list[list[int]]:
    """Indexes of ``graphs`` grouped so that no two documents of a group share a node."""
    runs: list[tuple[list[int], set[URIRef]]] = []
    for index, graph in enumerate(graphs):
        nodes = _own_nodes(graph)
        for members, taken in runs:
            if taken.isdisjoint(nodes):
                members.append(index)
                taken |= nodes
                break
        else:
            runs.append(([index], nodes))
    return [members for members, _ in runs]


def validate_documents(
    graphs: Sequence[Graph], *, shapes: Graph | None = None, texts: Sequence[str] | None = None
) -> list[ValidationReport]:
    """One report per graph, as ``validate_document`` would give, from few pyshacl runs.
    ``texts``, the graphs' N-Triples when the caller has them, spares the screen writing
    them again."""
    reports: list[ValidationReport | None] = [None] * len(graphs)
    for run in _disjoint_runs(graphs):
        members = [graphs[i] for i in run]
        known = [texts[i] for i in run] if texts is not None else None
        if shapes is None and screen.clean(members, known):
            for i in run:
                reports[i] = ValidationReport()
            continue
        findings = _validate(members, shapes) if len(run) > 1 else None
        if findings is None or any(f.severity == "Violation" for f in findings):
            for i in run:
                reports[i] = validate_document(graphs[i], shapes=shapes)
            continue
        for i in run:
            nodes = {str(t) for triple in graphs[i] for t in (triple[0], triple[2])}
            reports[i] = _report([f for f in findings if f.focus in nodes])
    return [r for r in reports if r is not None]
