"""`pactgraph ontology check`: everything a curator must keep true of the model.

One function, :func:`check`, runs every check over a folder of Turtle files
and returns a :class:`CheckReport`; the CLI only prints it. Syntax comes
first: the other checks would report nonsense over a half-parsed model, so
they are skipped until every file parses.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from graph.ontology import checks_languages, checks_shapes, checks_skos, checks_terms
from graph.ontology.checks_source import Problem, Source, Sources
from graph.ontology.files import SHAPES_FILE, ontology_dir
from graph.ontology.reasoner import blame, reason

Rule = Callable[[Sources], list[Problem]]

RULES: list[tuple[str, str, Rule]] = [
    (
        "annotations",
        "pg: terms have rdfs:label, skos:definition and rdfs:isDefinedBy",
        checks_terms.missing_annotations,
    ),
    ("dangling", "every pg: IRI used is declared", checks_terms.dangling_pg_iris),
    (
        "instances",
        "every instance IRI pointed at is described",
        checks_terms.dangling_instance_iris,
    ),
    (
        "deprecation",
        "deprecated terms name a replacement (dcterms:isReplacedBy)",
        checks_terms.deprecations_without_replacement,
    ),
    (
        "skos-schemes",
        "SKOS concepts are defined and in a declared scheme",
        checks_skos.skos_membership,
    ),
    (
        "skos-labels",
        "SKOS labels: one prefLabel per language, unambiguous within a scheme",
        checks_skos.skos_labels,
    ),
    (
        "languages",
        "lexicons: a prefLabel and cues in English, Spanish, French and Portuguese",
        checks_languages.lexicon_languages,
    ),
    ("shacl-meta", "shapes.ttl is valid SHACL (SHACL-SHACL)", checks_shapes.meta_shacl),
    (
        "shacl-messages",
        "shapes carry sh:message and a known sh:severity",
        checks_shapes.messages_and_severities,
    ),
    (
        "shacl-model",
        "the shapes run and the model's own nodes pass them",
        checks_shapes.model_conforms,
    ),
]
SYNTAX = ("syntax", "Turtle files parse")
CONSISTENCY = ("consistency", "HermiT: the OWL model is consistent")
SATISFIABILITY = ("satisfiability", "HermiT: every class is satisfiable")


@dataclass
class CheckResult:
    """The outcome of one check: its problems, or why it did not run."""

    key: str
    title: str
    problems: list[Problem] = field(default_factory=list)
    skipped: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "ok": self.ok,
            "skipped": self.skipped,
            "seconds": round(self.seconds, 3),
            "problems": [p.to_dict() for p in self.problems],
        }


@dataclass
class CheckReport:
    """Every check run over one ontology folder."""

    directory: Path
    files: list[str]
    results: list[CheckResult]

    @property
    def ok(self) -> bool:
        return all(result.ok for result in self.results)

    @property
    def problems(self) -> list[Problem]:
        return [problem for result in self.results for problem in result.problems]

    def result(self, key: str) -> CheckResult:
        return next(result for result in self.results if result.key == key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "directory": str(self.directory),
            "ok": self.ok,
            "files": self.files,
            "checks": [result.to_dict() for result in self.results],
        }


def _syntax_problem(path: Path, error: Exception) -> Problem:
    """rdflib's BadSyntax knows the line; other parser errors only their message."""
    if isinstance(error, BadSyntax):
        line = error.lines + 1
        why = getattr(error, "_why", "") or str(error).splitlines()[-1]
        return Problem(message=f"{path.name}:{line}: {why}", file=path.name, line=line)
    text = str(error).strip().splitlines()
    return Problem(
        message=f"{path.name}: {text[0] if text else type(error).__name__}", file=path.name
    )


class _Warnings(logging.Handler):
    """Collects what rdflib only logs while parsing: IRIs it accepts but cannot serialize."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _parse(path: Path) -> tuple[str, Graph, list[str]]:
    text = path.read_text(encoding="utf-8")
    logger, warnings = logging.getLogger("rdflib"), _Warnings()
    logger.addHandler(warnings)
    try:
        graph = Graph().parse(data=text, format="turtle", publicID=path.as_uri())
    finally:
        logger.removeHandler(warnings)
    return text, graph, sorted(set(warnings.messages))


def load_sources(directory: Path) -> tuple[Sources, list[Problem]]:
    """Parse every Turtle file of ``directory``, collecting every syntax error at once."""
    sources = Sources(directory=directory, model=[], shapes=None)
    problems = []
    paths = sorted(directory.glob("*.ttl"))
    if not paths:
        problems.append(Problem(message=f"no Turtle (*.ttl) files in {directory}"))
    for path in paths:
        try:
            text, graph, warnings = _parse(path)
        except (BadSyntax, ValueError, SyntaxError, OSError) as error:
            problems.append(_syntax_problem(path, error))
            continue
        problems += [Problem(message=f"{path.name}: {w}", file=path.name) for w in warnings]
        source = Source(path=path, graph=graph, text=text)
        if path.name == SHAPES_FILE:
            sources.shapes = source
        else:
            sources.model.append(source)
    return sources, problems


def _reasoning(sources: Sources) -> list[CheckResult]:
    """Consistency and satisfiability come from one HermiT run; blame files only on failure."""
    outcome = reason(sources.union)
    consistency = CheckResult(*CONSISTENCY, seconds=outcome.seconds)
    satisfiability = CheckResult(*SATISFIABILITY)
    if outcome.error:
        consistency.problems.append(Problem(message=f"HermiT could not reason: {outcome.error}"))
        satisfiability.skipped = "HermiT did not finish"
    elif not outcome.consistent:
        consistency.problems.extend(_inconsistency_problems(sources))
        satisfiability.skipped = "the model is inconsistent"
    else:
        for iri in outcome.unsatisfiable:
            term = URIRef(iri)
            message = (
                f"{sources.curie(term)} is unsatisfiable: equivalent to owl:Nothing, "
                "it can have no member"
            )
            satisfiability.problems.append(sources.problem(message, term, sources.model))
    return [consistency, satisfiability]


def _inconsistency_problems(sources: Sources) -> list[Problem]:
    guilty = blame({source.name: source.graph for source in sources.model})
    head = "the model is inconsistent (OwlReadyInconsistentOntologyError)"
    if not guilty:
        return [Problem(message=f"{head}; no single file is inconsistent with the schema alone")]
    return [
        Problem(message=f"{head}: {name} is inconsistent with the schema", file=name)
        for name in guilty
    ]


def _run(key: str, title: str, rule: Rule, sources: Sources) -> CheckResult:
    started = time.perf_counter()
    problems = rule(sources)
    return CheckResult(key, title, problems, seconds=time.perf_counter() - started)


def check(directory: Path | None = None, *, reasoner: bool = True) -> CheckReport:
    """Run every check over the Turtle files of ``directory`` (default: the shipped ontology)."""
    folder = (directory or ontology_dir()).resolve()
    started = time.perf_counter()
    sources, syntax = load_sources(folder)
    results = [CheckResult(*SYNTAX, syntax, seconds=time.perf_counter() - started)]
    files = [path.name for path in sorted(folder.glob("*.ttl"))]
    if syntax:
        reason_why = "fix the Turtle syntax errors first"
        skipped = [CONSISTENCY, SATISFIABILITY, *((key, title) for key, title, _ in RULES)]
        results += [CheckResult(key, title, skipped=reason_why) for key, title in skipped]
        return CheckReport(folder, files, results)
    if reasoner:
        results += _reasoning(sources)
    else:
        results += [
            CheckResult(*CONSISTENCY, skipped="--no-reasoner"),
            CheckResult(*SATISFIABILITY, skipped="--no-reasoner"),
        ]
    results += [_run(key, title, rule, sources) for key, title, rule in RULES]
    return CheckReport(folder, files, results)
