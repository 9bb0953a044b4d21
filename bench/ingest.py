"""Growing one embedded store through the benchmark sizes, and timing it as it grows.

Documents come from ``generate.py`` and go through the real load
(``graph.pipeline.load_paths``: read, extract, validate, reason, store, a
worker per core). A size counts the triples of the documents and of their
entailments; the model's own ~17k triples come on top and are reported.

At each size a probe of the same number of fresh documents is loaded first
and timed on its own: its per-document cost against the probe into the
empty store shows whether loading slows down as the store grows. The rest of
the size is filled in chunks, timed for documents/s and triples/s.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import generate

from graph.inference import (
    MODEL_INFERENCES,
    document_keys,
    refresh_model,
)
from graph.model_graph import MODEL_GRAPH, ensure_model
from graph.pipeline import load_paths, prepare_workers
from graph.store.embedded import EmbeddedStore

#: Documents loaded per chunk while filling: enough for full batches on every worker.
CHUNK = 128
#: Triples one generated document adds with its entailments (measured; only for planning).
_PER_DOCUMENT = 520


@dataclass(frozen=True)
class Step:
    """One size reached: how long its probe and its filling took."""

    size: str
    store_triples_before: int
    store_triples: int
    document_triples: int
    documents: int
    probe_documents: int
    probe_s: float
    fill_documents: int
    fill_triples: int
    fill_s: float
    refused: int

    @property
    def probe_ms_per_document(self) -> float:
        return 1000 * self.probe_s / max(self.probe_documents, 1)

    @property
    def documents_per_s(self) -> float:
        return (self.fill_documents + self.probe_documents) / max(self.fill_s + self.probe_s, 1e-9)


def _model_triples(store: EmbeddedStore) -> int:
    """Triples of the model and of its entailments (what a store holds before any document)."""
    names = " ".join(f"<{name}>" for name in (MODEL_GRAPH, MODEL_INFERENCES))
    rows = store.select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {names} }} GRAPH ?g {{ ?s ?p ?o }} }}"
    )
    return int(next(rows)["n"])


@dataclass
class _Loader:
    """Loads fresh generated documents into one open store, counting what it did."""

    store: EmbeddedStore
    docs: Path
    seed: int

    def load(self, count: int) -> tuple[float, int, int]:
        """Load ``count`` new documents: (seconds, triples added, refused)."""
        start_index = len(list(self.docs.glob("*.txt"))) if self.docs.exists() else 0
        paths = generate.write(self.docs, count, self.seed, start=start_index)
        before = len(self.store.db)
        start = time.perf_counter()
        outcomes = load_paths(self.store, paths)
        elapsed = time.perf_counter() - start
        refused = sum(1 for o in outcomes if o.status == "refused")
        return elapsed, len(self.store.db) - before, refused


def grow(store_path: Path, docs: Path, seed: int, size: str, target: int, probe: int) -> Step:
    """Load a probe, then documents until theirs and their entailments' triples reach ``target``.

    Everything it needs is on disk (the store, the documents written so far), so it can run
    in a child process: pyoxigraph releases a store's lock asynchronously after some queries,
    and a child's exit releases it for certain before a server opens the store.
    """
    store_path.parent.mkdir(parents=True, exist_ok=True)
    prepare_workers()  # as a long-running loader has, so probes time documents only
    with EmbeddedStore(store_path) as store:
        ensure_model(store)
        refresh_model(store)
        model = _model_triples(store)
        loader = _Loader(store, docs, seed)
        before = len(store.db)
        probe_s, _, refused = loader.load(probe)
        fill_s, fill_docs, fill_triples = 0.0, 0, 0
        while (current := len(store.db) - model) < target:
            count = max(1, min(CHUNK, (target - current) // _PER_DOCUMENT + 1))
            seconds, added, failed = loader.load(count)
            fill_s, fill_docs, fill_triples = (
                fill_s + seconds,
                fill_docs + count,
                fill_triples + added,
            )
            refused += failed
        total = len(store.db)
        documents = len(document_keys(store))
    return Step(
        size=size,
        store_triples_before=before,
        store_triples=total,
        document_triples=total - model,
        documents=documents,
        probe_documents=probe,
        probe_s=probe_s,
        fill_documents=fill_docs,
        fill_triples=fill_triples,
        fill_s=fill_s,
        refused=refused,
    )
