"""Worker processes: forked once, reused job after job, killed at a deadline.

Two kinds of work run in them. Queries (``api.execution``): pyoxigraph cannot
cancel a running query and a Python thread cannot be stopped, but a process can.
Forking a process per query gave that hard limit at 10-25 ms a query
(bench/README.md); a worker that stays alive answers the next query in well under
a millisecond of overhead. A query worker is forked from the server, so it sees
the store exactly as the server held it then (an in-memory store included,
copy-on-write): after any write it is stale, and the pool retires it. And the
validation screen (``graph.screen``): rudof's engine must not run in a process
that forks later, and one engine kept alive is spared reading the shapes and
starting up again for every batch.

The protocol on a worker's two pipes: a 4-byte length, then a pickled job
one way and a pickled outcome the other.
"""

from __future__ import annotations

import asyncio
import os
import pickle
import select
import signal
import struct
import time
from collections.abc import Callable
from typing import Any

from graph.forking import FORK_LOCK

_LENGTH = struct.Struct("!I")

Handler = Callable[[dict[str, Any]], tuple[Any, ...]]


class WorkerLost(Exception):
    """The worker ended without answering (killed, crashed) or missed its deadline."""

    def __init__(self, timed_out: bool) -> None:
        self.timed_out = timed_out
        super().__init__("deadline passed" if timed_out else "worker ended without an answer")


def _read_exactly(fd: int, size: int, deadline: float | None) -> bytes | None:
    """``size`` bytes from ``fd``; None at end of file or (with a deadline) when time is up."""
    chunks: list[bytes] = []
    watch = select.poll()
    watch.register(fd, select.POLLIN | select.POLLHUP)
    while size:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not watch.poll(remaining * 1000):
                return None
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _write_message(fd: int, message: object) -> None:
    data = pickle.dumps(message)
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _read_message(fd: int, deadline: float | None) -> Any | None:
    header = _read_exactly(fd, _LENGTH.size, deadline)
    if header is None:
        return None
    data = _read_exactly(fd, _LENGTH.unpack(header)[0], deadline)
    return None if data is None else pickle.loads(data)


def _serve(jobs: int, answers: int, handler: Handler) -> None:
    """The worker's life: answer jobs until the pool closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while (job := _read_message(jobs, None)) is not None:
        _write_message(answers, handler(job))


class _AnswerReader:
    """One length-prefixed outcome read from a pipe piece by piece, as the event loop finds
    the pipe readable; the future holds the outcome, or WorkerLost at end of file."""

    def __init__(self, future: asyncio.Future[tuple[Any, ...]]) -> None:
        self.future = future
        self.buffer = bytearray()

    def on_readable(self, fd: int) -> None:
        if self.future.done():
            return
        try:
            chunk = os.read(fd, 1 << 20)
        except OSError:
            chunk = b""
        if not chunk:
            self.future.set_exception(WorkerLost(timed_out=False))
            return
        self.buffer += chunk
        if len(self.buffer) < _LENGTH.size:
            return
        end = _LENGTH.size + _LENGTH.unpack_from(self.buffer)[0]
        if len(self.buffer) >= end:
            self.future.set_result(pickle.loads(self.buffer[_LENGTH.size : end]))


class Worker:
    """One forked process that runs ``handler`` on the jobs it is sent."""

    def __init__(self, handler: Handler, generation: int) -> None:
        self.generation = generation
        with FORK_LOCK:
            jobs_read, self._jobs = os.pipe()
            self._answers, answers_write = os.pipe()
            self.pid = os.fork()
            if self.pid != 0:
                os.close(jobs_read)
                os.close(answers_write)
        if self.pid == 0:  # the child: serve, then leave without running any cleanup
            code = 1
            try:
                os.close(self._jobs)
                os.close(self._answers)
                _serve(jobs_read, answers_write, handler)
                code = 0
            finally:
                os._exit(code)
        self.alive = True
        self.reused = False

    def _send(self, job: dict[str, Any]) -> None:
        """Hand the worker a job; WorkerLost (the worker is then killed) if it is gone."""
        try:
            _write_message(self._jobs, job)
        except OSError:
            self.kill()
            raise WorkerLost(timed_out=False) from None

    def ask(self, job: dict[str, Any], timeout: float) -> tuple[Any, ...]:
        """The handler's outcome for ``job``; WorkerLost (the worker is then killed) if none
        comes before ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        self._send(job)
        outcome = _read_message(self._answers, deadline)
        if outcome is None:
            timed_out = time.monotonic() >= deadline
            self.kill()
            raise WorkerLost(timed_out)
        return outcome

    async def ask_async(self, job: dict[str, Any], timeout: float) -> tuple[Any, ...]:
        """``ask`` for the event loop: the answer is awaited on the loop, so no thread waits
        on the pipe. At the deadline, on end of file or when the caller is cancelled (the
        client left) the worker is killed: an answer may still be on its way."""
        self._send(job)
        loop = asyncio.get_running_loop()
        reader = _AnswerReader(loop.create_future())
        loop.add_reader(self._answers, reader.on_readable, self._answers)
        try:
            outcome = await asyncio.wait_for(reader.future, timeout)
        except BaseException as error:
            loop.remove_reader(self._answers)
            self.kill()
            if isinstance(error, TimeoutError):
                raise WorkerLost(timed_out=True) from None
            raise
        loop.remove_reader(self._answers)
        return outcome

    def detach(self) -> None:
        """Let go of a worker this process inherited through a fork: close its pipes here
        without stopping it (it belongs to the parent)."""
        if self.alive:
            self.alive = False
            os.close(self._jobs)
            os.close(self._answers)

    def kill(self) -> None:
        """Stop the process at once (frees its CPU and memory) and reap it."""
        if not self.alive:
            return
        self.alive = False
        os.close(self._jobs)
        os.close(self._answers)
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
