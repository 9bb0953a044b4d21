"""Work that may run away runs in a forked child, killed when its time is up.

pyoxigraph cannot cancel a running query and a Python thread cannot be
stopped, but a process can. ``run_isolated`` forks: the child inherits this
process as it is (the store, the lexicon already built, copy-on-write), runs
the work and sends the pickled result through a pipe; the parent waits until
the deadline and kills the child if no answer came, which frees its CPU and
memory at once. A child that crashes (a parser's stack overflow, the kernel's
out-of-memory killer) takes nothing else with it. Measured on 2 cores: a
fork of a 150 MB server process costs 10-25 ms.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from typing import TypeVar

from graph.forking import FORK_LOCK

T = TypeVar("T")


class Overtime(Exception):
    """The work did not finish before its deadline; its process was killed."""


class ChildLost(Exception):
    """The work's process ended without an answer (it crashed or raised)."""


def run_isolated(work: Callable[[], T], timeout: float) -> T:
    """``work()`` run in a forked child; Overtime after ``timeout`` seconds, ChildLost on a crash.

    Blocks the calling thread: call it from a worker thread. ``work`` must return a
    picklable value and catch what it means to report (an exception in it is ChildLost).
    """
    with FORK_LOCK:
        reader, writer = os.pipe()
        pid = os.fork()
        if pid != 0:
            os.close(writer)
    if pid == 0:  # the child: answer, then leave without running any cleanup
        code = 1
        try:
            os.close(reader)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            with os.fdopen(writer, "wb") as channel:
                channel.write(pickle.dumps(work()))
            code = 0
        finally:
            os._exit(code)
    try:
        data = _read(reader, time.monotonic() + timeout)
    finally:
        os.close(reader)
        if data is None:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    if data is None:
        raise Overtime(f"stopped after {timeout:g} s")
    if not data:
        raise ChildLost("the process ended without an answer")
    return pickle.loads(data)


def _read(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes until it closes the pipe; None at the deadline."""
    chunks: list[bytes] = []
    watch = select.poll()
    watch.register(fd, select.POLLIN | select.POLLHUP)
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not watch.poll(remaining * 1000):
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
