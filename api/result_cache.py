"""Answers of repeated queries, kept until the store changes.

The web interface and researchers' dashboards send the same queries again and again (an
agreement's page, a scorecard, a named query with the same parameters), and a store that
has not changed gives the same answer. The query runner (``api.execution``) keeps the
serialized answers of recent queries, keyed by everything that shapes an answer (the
SPARQL as run, the kind of result, the media type, the row cap) and by the store's
generation, which every write advances (``QueryRunner.retire``): an answer computed while a
write ran is filed under the generation before it and never served after it, and a write
empties the cache.

Kept only for the embedded store, which this server alone writes (RocksDB's lock keeps
other processes out); a remote SPARQL server may be written by anyone, so its answers are
never kept. Bounded in bytes, the least recently used answer leaving first; an answer
larger than an eighth of the budget is not kept, so one big result cannot flush the rest.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, Protocol, TypeVar


class _Sized(Protocol):
    payload: bytes


A = TypeVar("A", bound=_Sized)


class ResultCache(Generic[A]):
    """A thread-safe map from a query's key to its answer, holding at most ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._answers: OrderedDict[Hashable, A] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> A | None:
        """The kept answer for ``key`` (now the most recently used), or None."""
        with self._lock:
            answer = self._answers.get(key)
            if answer is None:
                self.misses += 1
                return None
            self._answers.move_to_end(key)
            self.hits += 1
            return answer

    def put(self, key: Hashable, answer: A) -> None:
        """Keep ``answer``, making room by dropping the least recently used ones."""
        size = len(answer.payload)
        if size > self.max_bytes // 8:
            return
        with self._lock:
            previous = self._answers.pop(key, None)
            if previous is not None:
                self._bytes -= len(previous.payload)
            self._answers[key] = answer
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, dropped = self._answers.popitem(last=False)
                self._bytes -= len(dropped.payload)

    def clear(self) -> None:
        """Forget every answer (the store changed)."""
        with self._lock:
            self._answers.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._answers)

    @property
    def size_bytes(self) -> int:
        """Bytes of the answers kept now."""
        return self._bytes
