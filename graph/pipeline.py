"""The whole flow for documents: read → structure → extract → RDF → validate → store.

The CLI and the API both call these functions. A document that fails
validation, or cannot be read, is refused whole: nothing of it reaches the
store, and the store is exactly as it was.

A load runs in batches (``BATCH`` documents): worker processes, forked once
with the model already read, extract, validate (one SHACL run per batch) and
reason (each document's entailments) — all work that needs no store — and
the main process writes each batch's documents and entailments in one store
transaction. A refused document is left out of its batch; the others land.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from graph.build import build_graph
from graph.documents.bounds import check_structure
from graph.documents.intake import DocumentError, SourceText, read_bytes, read_source
from graph.documents.text import parse_source
from graph.extract.extractor import extract
from graph.followup.recognise import with_followup
from graph.followup.tracking import refresh_tracking
from graph.inference import (
    document_inferences,
    document_reasoner,
    drop_inferences,
    inferred_graph_iri,
    model_entailments,
    model_version,
    refresh_inferences,
    refresh_model,
    stored_inferences_version,
)
from graph.language.detect import load_model as load_language_model
from graph.lexicon import lexicon
from graph.model_graph import ensure_model
from graph.namespaces import PG, document_iri
from graph.ontology.files import shapes_graph
from graph.screen import prepare as prepare_screen
from graph.store.base import Store
from graph.store.embedded import stored_form
from graph.store.terms import ntriples
from graph.validate import ValidationReport, validate_document, validate_documents

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"}

#: Documents per batch: enough to share SHACL's and the store's fixed costs, small enough
#: that both cores get work and a refused document costs little re-validation.
BATCH = 16


class DocumentRefused(Exception):
    """A document's graph violates the shapes; ``report`` says where."""

    def __init__(self, name: str, report: ValidationReport) -> None:
        self.name = name
        self.report = report
        lines = "\n".join(f"  - {v}" for v in report.violations)
        super().__init__(f"{name}: refused, {len(report.violations)} violation(s):\n{lines}")


@dataclass(frozen=True)
class ProcessedDocument:
    """A document's graph and its validation report, ready to store (or to refuse).

    ``inferred`` is its entailments graph as N-Triples with ``inferred_version``, when the
    worker computed them (a load does; an upload leaves it to ``store_document``).
    """

    key: str
    source_name: str
    sha256: str
    ntriples: str
    report: ValidationReport
    inferred: str | None = None
    inferred_version: str | None = None

    @property
    def iri(self) -> URIRef:
        return document_iri(self.key)

    @property
    def graph(self) -> Graph:
        return Graph().parse(data=self.ntriples, format="nt")

    @property
    def triples(self) -> int:
        return sum(1 for line in self.ntriples.splitlines() if line.strip())


def _build(source: SourceText) -> Graph:
    document = parse_source(source)
    check_structure(document)
    facts = extract(document)
    lex = lexicon(facts.languages.present)
    return build_graph(with_followup(facts, lex), lex)


def _processed(
    source: SourceText, body: str, report: ValidationReport, *, infer: bool
) -> ProcessedDocument:
    """A built document (``body``: its N-Triples) with its report, and its entailments
    when ``infer`` and valid."""
    version, inferred = None, None
    if infer and report.conforms:
        version, inferred = document_inferences(source.key, stored_form(body))
    return ProcessedDocument(
        key=source.key,
        source_name=source.name,
        sha256=source.sha256,
        ntriples=body,
        report=report,
        inferred=inferred,
        inferred_version=version,
    )


def process_source(source: SourceText) -> ProcessedDocument:
    """Extract, build and validate one read document."""
    graph = _build(source)
    return _processed(source, ntriples(graph), validate_document(graph), infer=False)


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
    refresh_tracking(store)
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
    removed = store.remove_graph(document_iri(key))
    refresh_tracking(store)
    return removed


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


def _read_and_build(path: Path) -> tuple[SourceText, Graph] | str:
    """A document's source and graph, or the reason it could not be read."""
    try:
        source = read_source(path)
        return source, _build(source)
    except DocumentError as error:
        return str(error)
    except OSError as error:
        return f"{path.name}: cannot be read: {error.strerror or error}"


def process_batch(paths: Sequence[Path], infer: bool = False) -> list[ProcessedDocument | str]:
    """Worker entry point: each document processed (validated together), or why it was not."""
    built = [_read_and_build(path) for path in paths]
    readable = [b for b in built if not isinstance(b, str)]
    bodies = [ntriples(graph) for _, graph in readable]
    reports = validate_documents([graph for _, graph in readable], texts=bodies)
    processed = iter(
        _processed(source, body, report, infer=infer)
        for (source, _), body, report in zip(readable, bodies, reports, strict=True)
    )
    return [b if isinstance(b, str) else next(processed) for b in built]


def _batches(paths: list[Path], workers: int) -> list[list[Path]]:
    """Batches of at most ``BATCH``, at least one per worker so both cores get work."""
    size = max(1, min(BATCH, -(-len(paths) // workers)))
    return [paths[i : i + size] for i in range(0, len(paths), size)]


def prepare_workers() -> None:
    """Read everything a document's processing reads (model, lexicon and its cue indexes,
    shapes, entailment tables, language model) in this process, before it forks workers:
    they then share it, instead of each spending a second or more reading it again."""
    lexicon().build_cue_indexes()
    shapes_graph()
    model_version()
    model_entailments()
    document_reasoner()
    load_language_model()
    prepare_screen()


def _worker_started() -> None:
    """A load worker's first act: set aside what it inherited from the process that forked
    it (the model, the lexicon, their indexes; hundreds of thousands of objects that live
    as long as it does) so that its garbage collections stop walking them. Measured on
    the generated documents, collection time fell from 5.2 to 1.3 ms a document
    (bench/README.md)."""
    gc.freeze()


def process_many(
    paths: list[Path], workers: int | None = None, *, infer: bool = False
) -> Iterator[tuple[Path, ProcessedDocument | str]]:
    """Process documents in batches, on every core when there are enough to pay for workers.

    ``infer`` also computes each valid document's entailments (for loading into a store).
    """
    workers = workers or min(len(paths), os.cpu_count() or 1)
    batches = _batches(paths, max(workers, 1))
    if workers <= 1 or len(paths) < 4:
        for batch in batches:
            yield from zip(batch, process_batch(batch, infer), strict=True)
        return
    prepare_workers()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_started)
    try:
        results = pool.map(process_batch, batches, [infer] * len(batches))
        for batch, processed in zip(batches, results, strict=True):
            yield from zip(batch, processed, strict=True)
    finally:  # a caller that stops early (a store failure) leaves no work queued
        pool.shutdown(wait=True, cancel_futures=True)


def _changes(store: Store, processed: ProcessedDocument) -> tuple[str, dict[URIRef, str]]:
    """The document's status and the graphs to write for it (none when all is up to date)."""
    previous = stored_sha256(store, processed.iri)
    writes: dict[URIRef, str] = {}
    if previous != processed.sha256:
        writes[processed.iri] = processed.ntriples
    if processed.inferred is not None and (
        processed.iri in writes
        or stored_inferences_version(store, processed.key) != processed.inferred_version
    ):
        writes[inferred_graph_iri(processed.key)] = processed.inferred
    if previous == processed.sha256:
        return "unchanged", writes
    return ("loaded" if previous is None else "replaced"), writes


def store_batch(store: Store, batch: Sequence[ProcessedDocument]) -> list[Outcome]:
    """Store a batch of valid documents with their entailments in one write.

    The follow-up tracking is then recomputed, so a follow-up and the agreement it
    reports on are linked whichever batch (or load) brought each.
    """
    ensure_model(store)
    refresh_model(store)
    writes: dict[URIRef, str] = {}
    outcomes = []
    for processed in batch:
        status, changes = _changes(store, processed)
        writes.update(changes)
        outcomes.append(
            Outcome(
                processed.source_name,
                status,
                processed.key,
                processed.triples,
                len(processed.report.warnings),
            )
        )
    store.replace_graphs(writes)
    if writes:
        refresh_tracking(store)
    return outcomes


def load_paths(
    store: Store,
    paths: list[Path],
    *,
    workers: int | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Load every document (folders are searched); each one is stored or refused on its own."""
    outcomes: list[Outcome] = []
    pending: list[ProcessedDocument] = []

    def report(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    def flush() -> None:
        if pending:
            for outcome in store_batch(store, pending):
                report(outcome)
            pending.clear()

    for path, result in process_many(expand_paths(paths), workers, infer=True):
        if isinstance(result, str):
            report(Outcome(path.name, "refused", message=result))
        elif not result.report.conforms:
            refused = DocumentRefused(result.source_name, result.report)
            report(Outcome(path.name, "refused", result.key, message=str(refused)))
        else:
            pending.append(result)
            if len(pending) >= BATCH:
                flush()
    flush()
    return outcomes
