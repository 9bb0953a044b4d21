"""The whole flow for one document: read → structure → extract → RDF → validate → store.

The CLI and the API both call these functions. A document that fails
validation, or cannot be read, is refused whole: nothing of it reaches the
store, and the store is exactly as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from graph.build import build_graph
from graph.documents.intake import DocumentError, SourceText, read_bytes, read_source
from graph.documents.text import parse_text
from graph.extract.extractor import extract
from graph.inference import drop_inferences, refresh_inferences
from graph.lexicon import lexicon
from graph.model_graph import ensure_model
from graph.namespaces import PG, document_iri
from graph.ontology.files import shapes_graph
from graph.store.base import Store
from graph.validate import ValidationReport, validate_document

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"}


class DocumentRefused(Exception):
    """A document's graph violates the shapes; ``report`` says where."""

    def __init__(self, name: str, report: ValidationReport) -> None:
        self.name = name
        self.report = report
        lines = "\n".join(f"  - {v}" for v in report.violations)
        super().__init__(f"{name}: refused, {len(report.violations)} violation(s):\n{lines}")


@dataclass(frozen=True)
class ProcessedDocument:
    """A document's graph and its validation report, ready to store (or to refuse)."""

    key: str
    source_name: str
    sha256: str
    ntriples: str
    report: ValidationReport

    @property
    def iri(self) -> URIRef:
        return document_iri(self.key)

    @property
    def graph(self) -> Graph:
        return Graph().parse(data=self.ntriples, format="nt")

    @property
    def triples(self) -> int:
        return sum(1 for line in self.ntriples.splitlines() if line.strip())


def process_source(source: SourceText) -> ProcessedDocument:
    """Extract, build and validate one read document."""
    document = parse_text(
        source.text,
        key=source.key,
        source_name=source.name,
        media_type=source.media_type,
        sha256=source.sha256,
    )
    graph = build_graph(extract(document))
    return ProcessedDocument(
        key=source.key,
        source_name=source.name,
        sha256=source.sha256,
        ntriples=graph.serialize(format="nt"),
        report=validate_document(graph),
    )


def process_path(path: Path) -> ProcessedDocument:
    return process_source(read_source(path))


def process_upload(data: bytes, filename: str) -> ProcessedDocument:
    return process_source(read_bytes(data, filename))


@dataclass(frozen=True)
class Outcome:
    """What happened to one input: loaded, replaced, unchanged, or refused (with why)."""

    name: str
    status: str
    key: str | None = None
    triples: int = 0
    warnings: int = 0
    message: str | None = None


def stored_sha256(store: Store, iri: URIRef) -> str | None:
    rows = list(
        store.select(
            f"SELECT ?sha WHERE {{ GRAPH <{iri}> {{ <{iri}> <{PG.contentSha256}> ?sha }} }}"
        )
    )
    value = rows[0].get("sha") if rows else None
    return str(value) if isinstance(value, Literal) else None


def store_document(store: Store, processed: ProcessedDocument) -> Outcome:
    """Store a validated document graph atomically; refuse one with violations."""
    if not processed.report.conforms:
        raise DocumentRefused(processed.source_name, processed.report)
    ensure_model(store)
    previous = stored_sha256(store, processed.iri)
    if previous == processed.sha256:
        status = "unchanged"
    else:
        store.replace_graph(processed.iri, processed.graph)
        status = "loaded" if previous is None else "replaced"
    refresh_inferences(store, processed.key)
    return Outcome(
        processed.source_name,
        status,
        processed.key,
        processed.triples,
        len(processed.report.warnings),
    )


def remove_document(store: Store, key: str) -> bool:
    """Remove a document's named graph; True when it was there."""
    drop_inferences(store, key)
    return store.remove_graph(document_iri(key))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported documents inside folders (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                )
            )
        else:
            found.append(path)
    return found


def _safe_process(path: Path) -> ProcessedDocument | str:
    """Worker entry point: a processed document, or the reason it could not be read."""
    try:
        return process_path(path)
    except DocumentError as error:
        return str(error)
    except OSError as error:
        return f"{path.name}: cannot be read: {error.strerror or error}"


def process_many(
    paths: list[Path], workers: int | None = None
) -> Iterator[tuple[Path, ProcessedDocument | str]]:
    """Process documents on every core when there are enough of them to pay for the workers."""
    workers = workers or min(len(paths), os.cpu_count() or 1)
    if workers <= 1 or len(paths) < 4:
        for path in paths:
            yield path, _safe_process(path)
        return
    # Build the lexicon and shapes before forking, so workers share them instead of each
    # spending seconds reading the model again.
    lexicon()
    shapes_graph()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from zip(paths, pool.map(_safe_process, paths), strict=True)


def load_paths(
    store: Store,
    paths: list[Path],
    *,
    workers: int | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Load every document (folders are searched); each one is stored or refused on its own."""
    outcomes = []
    for path, result in process_many(expand_paths(paths), workers):
        if isinstance(result, str):
            outcome = Outcome(path.name, "refused", message=result)
        else:
            try:
                outcome = store_document(store, result)
            except DocumentRefused as refused:
                outcome = Outcome(path.name, "refused", result.key, message=str(refused))
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return outcomes
