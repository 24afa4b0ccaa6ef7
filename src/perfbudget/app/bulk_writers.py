"""Several writing connections for a bulk import on PostgreSQL (``perfbudget import DIR --writers N``).

One writer and the server take turns: while the importing process builds a document's rows the server waits, and
while the server inserts them (its indexes, foreign keys, triggers) the writer waits — on two cores about 1.2 of
them were busy (docs/scale.md *Bulk import*). Here ``N`` writers, threads of the importing process each with a
store (a pooled connection, its batches, its library updates) of its own, write at once, so that one's client
work overlaps another's server work. SQLite keeps its one writer (its writers take turns on the database's lock).

**Order.** A later file may bring a new version of a project written by an earlier one, or the same bytes again;
a project is found by its identity, which holds its unit's key (``store.rows.project_identity``), and a document
naming a unit an admin merged away lands in the unit it was merged into (``store.unit_aliases``). So every
document goes to the writer that holds a document of the same unit *as it lands* (the merged units' keys read
once when the import starts: ``Transaction.unit_heirs``) until that one's outcome is given; a unit with nothing in
flight goes to the writer with the least in flight. Two writers thus never hold documents of one project at once,
and each writer writes its documents in the files' order: every document lands as it would with one writer.
The outcomes are given in the files' order, each once its batch has committed; the ids (documents, projects,
versions, indicators, audit rows) are taken by the writers as they write, so they interleave between writers'
documents rather than following the files' order.

**Shared rows.** Units are not shared (one unit, one writer); the change counters are moved as each batch's last
statement (a row lock held only while it commits); the indicator library's updates take turns on its advisory
lock (``library_rows.lock``), each after its writer's batch has committed. A batch that still collides (a
deadlock, a serialization failure, a unique key: an admin's merge during the import) is given up whole and its
documents written again one transaction each (``engine.BatchBroken``, ``bulk_import._committed``), as with one
writer; the timing gauge counts such batches (``broken``).

**Bounded.** At most :data:`QUEUE` documents wait for each writer, and at most :data:`IN_FLIGHT` times the number
of writers are handed out and not yet given, over all writers (one unit's documents may all be one writer's);
when the oldest is still in a writer's open batch, every writer is asked to commit what it holds (a None in its
queue), so the outcomes move on.
"""

from __future__ import annotations

import queue
import threading
from collections import OrderedDict, deque
from collections.abc import Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any

from perfbudget.app.import_timing import ImportTiming
from perfbudget.app.imports import ImportRequest
from perfbudget.app.settings import CoreSettings
from perfbudget.store import ImportOutcome, Store
from perfbudget.store.engine import is_postgres

WRITERS = 2  # writing connections on PostgreSQL by default
QUEUE = 50  # documents waiting for a writer, at most
IN_FLIGHT = 100  # documents handed to the writers and not yet given, at most, times the writers (over all)


def writer_count(store: Store, request: ImportRequest, asked: int | None) -> int:
    """How many writers an import of many files uses: ``asked`` (default :data:`WRITERS`) on PostgreSQL; one on
    SQLite, and for an account bound to one unit (its import may not give the unit another unit's name, a check
    that reads every unit: ``app.unit_name_clash``; all its files are of its unit anyway)."""
    if not is_postgres(store.engine):
        return 1
    principal = request.principal
    if principal is not None and not principal.all_units:
        return 1
    return max(1, WRITERS if asked is None else asked)


_END = object()  # no more files
_STOP = object()  # the import is given up: roll back what is open, tell nothing


class _Stopped(Exception):
    """A writer told to stop (the caller stopped reading outcomes, or another writer failed)."""


@dataclass(slots=True)
class _Lane:
    """One writer: its store, its queue of (number, file), the numbers of the files it was handed in order."""

    store: Store
    queue: queue.Queue[Any] = field(default_factory=lambda: queue.Queue(QUEUE))
    numbers: deque[int] = field(default_factory=deque)
    in_flight: int = 0
    thread: threading.Thread | None = None
    report: dict[str, Any] | None = None

    def files(self) -> Generator[Any, None, None]:
        while True:
            got = self.queue.get()
            if got is _END:
                return
            if got is _STOP:
                raise _Stopped
            if got is not None:
                number, got = got
                self.numbers.append(number)
            yield got  # (None: commit what is open)


def write_in_parallel(store: Store, settings: CoreSettings, prepared: Generator[Any, None, None],
                      request: ImportRequest, remembered: int, timing: ImportTiming | None,
                      writers: int) -> Iterator[ImportOutcome]:
    """``bulk_import.write_in_order`` over ``writers`` writers (see the module docstring); the outcomes in the
    files' order. A writer's error (a bug, an interrupt) is raised here once every writer has stopped."""
    with store.reading() as tx:
        heirs = tx.unit_heirs()
    results: queue.SimpleQueue[tuple[int, Any]] = queue.SimpleQueue()
    lanes = [_Lane(Store(store.url, migrate=False)) for _ in range(writers)]
    for number, lane in enumerate(lanes):
        lane.thread = threading.Thread(target=_run, name=f"perfbudget-writer-{number + 1}", daemon=True,
                                       args=(lane, settings, request, remembered, timing is not None, results))
        lane.thread.start()
    ready: dict[int, ImportOutcome] = {}
    held: dict[int, tuple[_Lane, str | None]] = {}  # a file handed out: its writer and its unit's key
    owners: dict[str, list[Any]] = {}  # a unit's key: [its writer, its files in flight]
    handed = given = 0
    finished = False

    def take(number: int, outcome: Any) -> None:
        if number < 0:
            raise outcome
        lane, key = held.pop(number)
        lane.in_flight -= 1
        if key is not None:
            owner = owners[key]
            owner[1] -= 1
            if not owner[1]:
                del owners[key]
        ready[number] = outcome

    def drain() -> None:
        while True:
            try:
                take(*results.get_nowait())
            except queue.Empty:
                return

    def hand(lane: _Lane, what: Any) -> None:
        # a full queue: its writer is busy, or failed (its error then raised by take, not waited on for ever)
        while True:
            try:
                lane.queue.put(what, timeout=0.05)
                return
            except queue.Full:
                drain()

    def told() -> Iterator[ImportOutcome]:
        nonlocal given
        while given in ready:
            yield ready.pop(given)
            given += 1

    try:
        with closing(prepared):
            for item in prepared:
                if handed - given >= IN_FLIGHT * writers:  # the oldest is held in a writer's open batch
                    for lane in lanes:
                        hand(lane, None)
                    while handed - given >= IN_FLIGHT * writers:
                        take(*results.get())
                        yield from told()
                key = None if item.plan is None else heirs.get(item.plan.unit_key, item.plan.unit_key)
                owner = owners.get(key) if key is not None else None
                lane = owner[0] if owner is not None else min(lanes, key=lambda w: w.in_flight)
                if key is not None:
                    if owner is None:
                        owner = owners[key] = [lane, 0]
                    owner[1] += 1
                held[handed] = (lane, key)
                lane.in_flight += 1
                hand(lane, (handed, item))
                handed += 1
                drain()
                yield from told()
        for lane in lanes:
            hand(lane, _END)
        while given < handed:
            take(*results.get())
            yield from told()
        finished = True
    finally:
        _close(lanes, finished, timing)


def _run(lane: _Lane, settings: CoreSettings, request: ImportRequest, remembered: int, timed: bool,
         results: queue.SimpleQueue[tuple[int, Any]]) -> None:
    """A writer's thread: its files written in their order; each outcome, or its error, into ``results``."""
    from perfbudget.app.bulk_import import write_in_order

    timing = ImportTiming(0) if timed else None
    recent: OrderedDict[str, tuple[int, int]] = OrderedDict()
    try:
        for outcome in write_in_order(lane.store, settings, lane.files(), request, recent, remembered, timing):
            results.put((lane.numbers.popleft(), outcome))
    except _Stopped:
        pass
    except BaseException as exc:  # raised again by the importing thread
        results.put((-1, exc))
    finally:
        if timing is not None:
            lane.report = {**timing.report()["writer"], "thread_cpu": timing.report()["main_thread_cpu"]}


def _close(lanes: list[_Lane], finished: bool, timing: ImportTiming | None) -> None:
    """Stop the writers (unless they finished: their open batches rolled back, their files untold), wait for them,
    close their stores; their figures into ``timing``."""
    for lane in lanes:
        if not finished:
            while True:  # the files waiting are dropped, so that the stop is seen next
                try:
                    lane.queue.get_nowait()
                except queue.Empty:
                    break
            lane.queue.put(_STOP)
    for lane in lanes:
        if lane.thread is not None:
            lane.thread.join()
        lane.store.close()
        if timing is not None and lane.report is not None:
            timing.lanes.append(lane.report)
