"""Where a bulk import's time goes: a developer's gauge, off unless ``PERFBUDGET_IMPORT_TIMING`` names a file.

``perfbudget import DIR`` reads in a pool of processes and writes in this one (:mod:`perfbudget.app.bulk_import`);
when the import is slower than its CPU allows, something waits. With the variable set, the import writes to that
file, as JSON, when it ends: the writer's time blocked on reading results (and how often) against its time
writing, committing, updating the library and handing outcomes to its caller; the reading processes' time busy
(wall and CPU, summed over their tasks) against their life; this process's CPU, and its main thread's. Each
figure is a sum of clock readings around a stage, so it stays meaningful on a loaded machine: a thread whose CPU
time is near its wall time is the bound, one that waits shows where.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import AbstractContextManager, nullcontext, suppress
from types import TracebackType
from typing import Any

ENV = "PERFBUDGET_IMPORT_TIMING"


class ImportTiming:
    """Sums of seconds, filled by ``bulk_import`` as it goes (one per import; not shared between threads)."""

    __slots__ = ("batches", "broken", "committed", "cpu", "given", "jobs", "lanes", "library", "library_cpu",
                 "pool_started", "pool_wall", "results", "started", "task_cpu", "task_wall", "tasks", "thread_cpu",
                 "waited", "waits", "written")

    def __init__(self, jobs: int) -> None:
        self.started, self.cpu, self.thread_cpu = time.perf_counter(), time.process_time(), time.thread_time()
        self.jobs = jobs
        self.waited = 0.0  # the writer blocked on the oldest reading result
        self.waits = 0  # how many times it blocked
        self.results = 0  # reading results taken (tasks)
        self.written = 0.0  # writing documents (inside their batch's transaction)
        self.committed = 0.0  # committing batches
        self.batches = 0  # batches committed (or given up)
        self.broken = 0  # of them given up (lost, a collision: a deadlock, a serialization failure) and written again
        self.lanes: list[dict[str, Any]] = []  # several writers (PostgreSQL, ``bulk_writers``): each one's figures
        self.library = self.library_cpu = 0.0  # the indicator library's updates, wall and this thread's CPU
        self.given = 0.0  # the caller's own time between outcomes (the CLI's output and progress)
        self.task_wall = self.task_cpu = 0.0  # the reading processes' tasks, summed
        self.tasks = 0
        self.pool_started: float | None = None
        self.pool_wall = 0.0  # how long the pool lived (its processes' life, each)

    def span(self, name: str) -> _Span:
        """A block whose wall seconds add to the attribute ``name``."""
        return _Span(self, name)

    def task(self, wall: float, cpu: float) -> None:
        self.task_wall += wall
        self.task_cpu += cpu
        self.tasks += 1

    def report(self) -> dict[str, Any]:
        wall = time.perf_counter() - self.started
        readers = self.jobs * self.pool_wall
        return {
            "wall": round(wall, 3), "jobs": self.jobs,
            "process_cpu": round(time.process_time() - self.cpu, 3),
            "main_thread_cpu": round(time.thread_time() - self.thread_cpu, 3),
            "writer": {"waited": round(self.waited, 3), "waits": self.waits, "results": self.results,
                       "written": round(self.written, 3), "committed": round(self.committed, 3),
                       "library": round(self.library, 3), "library_cpu": round(self.library_cpu, 3),
                       "given": round(self.given, 3), "batches": self.batches, "broken": self.broken,
                       "waited_fraction": round(self.waited / wall, 4) if wall else 0.0},
            "readers": {"tasks": self.tasks, "busy_wall": round(self.task_wall, 3),
                        "busy_cpu": round(self.task_cpu, 3), "life": round(readers, 3),
                        "busy_fraction": round(self.task_wall / readers, 4) if readers else 0.0},
            **({"writers": self.lanes} if self.lanes else {}),
        }

    def write(self) -> None:
        """The report into the file ``PERFBUDGET_IMPORT_TIMING`` names (a file that cannot be written: nothing)."""
        path = os.environ.get(ENV)
        if path:
            with suppress(OSError), open(path, "w", encoding="utf-8") as out:
                json.dump(self.report(), out, indent=2)
                out.write("\n")


class _Span:
    __slots__ = ("name", "started", "timing")

    def __init__(self, timing: ImportTiming, name: str) -> None:
        self.timing, self.name, self.started = timing, name, 0.0

    def __enter__(self) -> None:
        self.started = time.perf_counter()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        timing, name = self.timing, self.name
        setattr(timing, name, getattr(timing, name) + time.perf_counter() - self.started)


_UNTIMED = nullcontext()


def span(timing: ImportTiming | None, name: str) -> AbstractContextManager[None]:
    """``timing.span(name)``, or nothing when the import is not timed."""
    return _UNTIMED if timing is None else timing.span(name)


def import_timing(jobs: int) -> ImportTiming | None:
    """A gauge when ``PERFBUDGET_IMPORT_TIMING`` is set, else None (nothing measured)."""
    return ImportTiming(jobs) if os.environ.get(ENV) else None
