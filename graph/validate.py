"""SHACL validation of one document graph before it is stored.

The data validated is the document graph plus the model's description of
every node it points at (nations, agencies, categories, frequencies): enough
for ``sh:class`` and ``sh:hasValue`` checks, and independent of how much is
already in the store — validation cost follows the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.term import Node

from graph.model_graph import model_subset
from graph.namespaces import OA, PG
from graph.ontology.files import shapes_graph

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


def validate_document(graph: Graph, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate one document graph; violations refuse it, warnings are only reported."""
    data = Graph()
    for triple in graph:
        data.add(triple)
    for triple in model_subset([graph]):
        data.add(triple)
    _, results, _ = shacl_validate(
        data,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        allow_warnings=True,
        advanced=True,
    )
    findings = _findings(results, data)
    return ValidationReport(
        violations=tuple(f for f in findings if f.severity == "Violation"),
        warnings=tuple(f for f in findings if f.severity != "Violation"),
    )
