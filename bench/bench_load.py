"""Loading cost against the size of the store already loaded, and extraction on one vs two cores.

Prints figures, asserts nothing. Run: .venv/bin/python bench/bench_load.py [--sizes 0,100,300]

1. Per-document load time (extract → validate → store) into an embedded store
   that already holds 0, 100, 300 ... documents: validation reads the document
   and the model only, so the ratio to the empty store should stay near 1.
2. Extracting the same batch serially and with a worker per core (the peer
   is the serial run in the same process).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from graph.lexicon import lexicon
from graph.pipeline import process_many, process_path, store_document
from graph.store.embedded import EmbeddedStore

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _variants(folder: Path, count: int) -> list[Path]:
    """``count`` distinct documents: the examples under new names with a numbered title."""
    sources = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".md"})
    made = []
    for index in range(count):
        source = sources[index % len(sources)]
        target = folder / f"{source.stem}-{index:05d}{source.suffix}"
        text = source.read_text(encoding="utf-8")
        target.write_text(text.replace("\n", f" (edition {index})\n", 1), encoding="utf-8")
        made.append(target)
    return made


def _timed_loads(store: EmbeddedStore, paths: list[Path]) -> list[float]:
    times = []
    for path in paths:
        start = time.perf_counter()
        store_document(store, process_path(path))
        times.append(time.perf_counter() - start)
    return times


def bench_store_size(sizes: list[int], probe: int) -> None:
    print("load time per document against documents already stored")
    print(f"{'stored':>8} {'median s':>9} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        documents = _variants(folder, max(sizes) + probe * len(sizes))
        store = EmbeddedStore(Path(tmp) / "store")
        stored, cursor, baseline = 0, 0, None
        for size in sizes:
            filler = documents[cursor : cursor + size - stored]
            cursor += len(filler)
            for _path, processed in process_many(filler):
                store_document(store, processed)
            stored = size
            sample = documents[cursor : cursor + probe]
            cursor += probe
            median = statistics.median(_timed_loads(store, sample))
            stored += probe
            baseline = baseline or median
            print(f"{size:>8} {median:>9.3f} {median / baseline:>6.2f}")
        store.close()


def bench_cores(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        documents = _variants(Path(tmp), count)
        start = time.perf_counter()
        list(process_many(documents, workers=1))
        serial = time.perf_counter() - start
        start = time.perf_counter()
        list(process_many(documents, workers=os.cpu_count() or 1))
        parallel = time.perf_counter() - start
    print(
        f"extract+validate {count} documents: 1 worker {serial:.1f} s, "
        f"{os.cpu_count()} workers {parallel:.1f} s, speed-up {serial / parallel:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="0,100,300")
    parser.add_argument("--probe", type=int, default=5)
    parser.add_argument("--batch", type=int, default=24)
    args = parser.parse_args()
    lexicon()
    bench_store_size([int(s) for s in args.sizes.split(",")], args.probe)
    bench_cores(args.batch)


if __name__ == "__main__":
    main()
