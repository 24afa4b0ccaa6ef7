"""Importing many files at once (``perfbudget import DIR``): read on every core, write in one process.

The files stream through three stages, each holding a bounded number of documents whatever the
size of the directory:

1. **walk** (:func:`walk_files`): directories are listed one at a time, sorted, hidden entries
   skipped; the files come out in the order a sorted recursive listing gives, without a list of
   them all;
2. **read** (:func:`prepare_file`), in a pool of ``jobs`` processes: fingerprint (SHA-256 of the
   bytes; a file whose bytes were imported before is "unchanged" without being read), read, check
   (:func:`perfbudget.app.blocked.screen_result`: a table with errors blocks the file, or only
   itself with ``skip_blocked``; ``plan_document``; for other faces than the command line the
   validation of the values),
   and plan — identities, content hashes and every row the store will write. The plan crosses to
   the writer as plain values (:meth:`~perfbudget.store.importer.Plan.detached`), which is cheap
   to send; at most ``jobs × TASKS_PER_JOB`` tasks of ``FILES_PER_TASK`` files are in flight;
3. **write**, in this process, in the files' order: each document in its own transaction through
   :func:`perfbudget.app.imports.import_document` (the workflow and confirmation rules, cut-off
   tables, the stale-version check, authorship and audit all apply unchanged), and the indicator
   library updated every ``LIBRARY_EVERY`` documents (``Store.library_batch``).

Order matters (a later file may be the correction of an earlier one), so results are written in
the order of the files, never as they finish. A file whose bytes equal a file imported earlier in
the same run is recognised too: the readers check the fingerprints already committed, and the writer
remembers those it committed since the oldest file in flight was handed out.

A reading process that dies (a reader crash, the memory killer) breaks the pool: the files in flight
are then read again one at a time in a fresh pool, the one that kills it again fails with a
message, and the import goes on. Reading processes end themselves when this process is gone.
"""

from __future__ import annotations

import errno
import hashlib
import multiprocessing
import os
import select
import stat
import sys
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, closing, contextmanager, suppress
from dataclasses import dataclass, replace
from itertools import chain, islice
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from perfbudget.app.acting import import_refusal
from perfbudget.app.import_timing import ImportTiming, import_timing, span
from perfbudget.app.imports import FORBIDDEN, ImportRequest, import_document, same_file
from perfbudget.app.settings import CoreSettings
from perfbudget.config import Limits
from perfbudget.model import Problem, Source
from perfbudget.os_reasons import os_reason
from perfbudget.store import ImportOutcome, Store
from perfbudget.store.engine import BatchBroken
from perfbudget.store.importer import FAILED, IMPORTED, UNCHANGED, Plan, file_sha256, plan_document

FILES_PER_TASK = 4  # files per task sent to a reading process
TASKS_PER_JOB = 4  # tasks in flight per reading process
LIBRARY_EVERY = 200  # documents per update of the indicator library (its memory grows with them)
WRITE_EVERY = 25  # documents per commit (Store.write_batch: each all or nothing; outcomes given once committed)
POOL_MIN_FILES = 32  # fewer files are read in this process (starting the pool costs about a second)
CRASHED = "读取此文件时读取进程异常退出（可能是内存不足或读取程序出错），未导入"


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


Skipped = Callable[[Path, str], None]  # told of each entry of a directory that is not imported, and why


def _walk_directory(folder: str, skipped: Skipped | None) -> Iterator[Path]:
    # One directory's names are held (sorted, about 100 bytes a file), never the whole tree's.
    try:
        with os.scandir(folder) as listing:
            entries = sorted((e.name, e.is_dir(follow_symlinks=False), _regular(e))
                             for e in listing if not e.name.startswith("."))
    except OSError as exc:
        if skipped is not None:
            skipped(Path(folder), f"无法读取目录（{os_reason(exc)}），其中的文件未导入")
        return
    for name, is_dir, is_file in entries:
        if is_dir:
            yield from _walk_directory(os.path.join(folder, name), skipped)
        elif is_file:
            yield Path(folder, name)
        elif skipped is not None:
            path = Path(folder, name)
            skipped(path, skip_reason(path))


def _regular(entry: os.DirEntry[str]) -> bool:
    # A link looping to itself raises here (ELOOP): until 2026-12-04 that ended the listing, and every file
    # of its directory was skipped without a word (found by attack13).
    try:
        return entry.is_file()
    except OSError:
        return False


def skip_reason(path: Path) -> str:
    """Why a directory's entry that is neither a directory nor a regular file is not imported (Chinese).

    Only its status is read (``lstat``/``stat``): a named pipe is never opened, so nothing waits on it."""
    try:
        own = path.lstat()
    except OSError:
        return "无法读取文件信息，已跳过"
    if stat.S_ISLNK(own.st_mode):
        try:
            target = path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "符号链接循环指向自身，已跳过"
            return "符号链接指向的文件不存在，已跳过"
        if stat.S_ISDIR(target.st_mode):
            return "指向目录的符号链接不跟随，已跳过"
        own = target
    return f"不是普通文件（{_KINDS.get(stat.S_IFMT(own.st_mode), '特殊文件')}），已跳过"


_KINDS = {stat.S_IFIFO: "命名管道", stat.S_IFSOCK: "套接字", stat.S_IFCHR: "字符设备", stat.S_IFBLK: "块设备"}


def walk_files(paths: Iterable[str | Path], skipped: Skipped | None = None) -> Iterator[Path]:
    """The files to import, one at a time: a directory is walked recursively (sorted, hidden files and
    directories skipped, symbolic links to directories not followed); any other path is given as is.

    ``skipped`` is told of each entry of a walked directory that is neither a directory nor a regular file
    (a named pipe, a socket, a device, a dangling or looping link, a link to a directory), with the reason."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk_directory(str(path), skipped)
        else:
            yield path


def count_files(paths: Iterable[str | Path], skipped: Skipped | None = None) -> int:
    """How many files :func:`walk_files` gives (for a progress bar), without keeping their names."""
    return sum(1 for _ in walk_files(paths, skipped))


@dataclass(frozen=True, slots=True)
class Prepared:
    """A file as read by a reading process, ready for the writer.

    Attributes:
        file: the file name as given.
        sha256: the fingerprint of its bytes (None when unreadable).
        checked: whether the store was asked for an earlier import of these bytes.
        earlier: (document id, table count) of that earlier import, when there is one (not read then).
        form: the reader used.
        plan: the planned document (rows included), None when failed or earlier.
        notes: the reader's notes (imported with the document).
        failure: why the file cannot be imported (errors with locations).
        refused: the tables left out with their reasons (``skip_blocked``: the file's other tables
            are planned; the file's fingerprint is then not kept, as only part of it is stored).
    """

    file: str
    sha256: str | None = None
    checked: bool = False
    earlier: tuple[int, int] | None = None
    form: str | None = None
    plan: Plan | None = None
    notes: tuple[Problem, ...] = ()
    failure: tuple[Problem, ...] = ()
    refused: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What a reading process needs to know: the store (for fingerprints; None: the writer checks),
    the reader to use (None: sniffed), the face (validation), and whether to skip the fingerprint."""

    url: str | None
    form: str | None
    via: str
    force: bool
    skip_blocked: bool = False


_READER: dict[str, Any] = {}  # per reading process: its options and store


def prepare_file(path: str | Path, options: ReadOptions, store: Store | None) -> Prepared:
    """Fingerprint, read, check and plan one file (in a reading process, or in this one)."""
    from perfbudget.app.blocked import screen_result
    from perfbudget.load import load_bytes, load_path

    name = str(path)
    read = _file_bytes(path)  # read once: fingerprinted, then read from memory
    sha256 = file_sha256(path) if read is None else hashlib.sha256(read[0]).hexdigest()
    checked = False
    if sha256 is not None and not options.force and store is not None:
        with store.reading(autocommit=True) as tx:  # one statement: no BEGIN and ROLLBACK on PostgreSQL
            earlier = tx.imported_before(sha256)
        if earlier is not None:
            return Prepared(name, sha256, True, earlier)
        checked = True
    result = load_path(path, form=options.form) if read is None else load_bytes(read[0], name, options.form, read[1])
    screened = screen_result(result, name, validate=options.via != "cli")
    document, notes = result.document, tuple(result.problems)
    refused: tuple[Problem, ...] = ()
    if not (screened.clean and document is not None):
        if not (options.skip_blocked and screened.can_import_rest and screened.rest is not None):
            return Prepared(name, sha256, checked, failure=screened.refusal(name))
        blocked = {id(p) for b in screened.blocked for p in b.problems}
        document, sha256 = screened.rest, None  # only part of the file is stored: no fingerprint kept
        notes = tuple(p for p in result.problems if id(p) not in blocked)
        refused = tuple(b.as_problem() for b in screened.blocked)
    plan = plan_document(document)
    if isinstance(plan, str):
        return Prepared(name, sha256, checked, failure=(Problem(Source(name), plan),))
    return Prepared(name, sha256, checked, None, result.form, plan.detached(), notes, refused=refused)


def _file_bytes(path: str | Path) -> tuple[bytes, Limits] | None:
    """A file's bytes and the limits they were read under, as ``load_path`` reads them; None when ``load_path`` is
    to tell why it cannot (the limits' variables, a file too large or unreadable: its fingerprint then as before,
    ``file_sha256`` of whatever its bytes are)."""
    from perfbudget.readers import read_file

    try:
        limits = Limits.from_env()
    except ValueError:
        return None
    data = read_file(path, limits)
    return (data, limits) if isinstance(data, bytes) else None


# What a reading process imports before its first file: in the fork server (below) once for all of them.
READING_MODULES = ("perfbudget.app.bulk_import", "perfbudget.app.blocked", "perfbudget.load", "perfbudget.readers.text",
                   "perfbudget.store.importer")


def _reading_context() -> multiprocessing.context.BaseContext:
    """How reading processes start: forked from a *fork server*, a process of their own that imports the readers
    once (:data:`READING_MODULES`; multiprocessing's ``forkserver``, started at the first pool and ended with this
    process), so that each reading process starts with them imported — the import cost 1.2–1.3 s of CPU a process
    (sqlalchemy, the store, the readers), paid by every spawned process until 2026-12-07 (import-floor7). The server
    holds no thread or connection of this process, so forking it is as safe as spawning. Where there is no fork
    server (not on Unix), they are spawned."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(READING_MODULES))  # read when the server starts (the first pool)
    return context


def _watch_parent(parent: int) -> None:
    """End this reading process once the importing process ``parent`` is gone (killed): nobody will take the results.

    Watched itself, not this process's parent: a forked process's parent is the fork server, which lives as long as
    any process it forked holds its "alive" pipe (each does), so the two waited on each other (import-floor7's first
    version: a killed import's readers and server lived on, holding its output open). A descriptor of the process
    (``pidfd_open``, Linux 5.3) becomes readable when it ends (``poll``: any descriptor number); elsewhere
    :func:`_wait_for_end`."""
    started = os.getppid()
    try:
        handle = os.pidfd_open(parent)
    except (AttributeError, OSError):
        _wait_for_end(parent, started)
    else:
        ended = select.poll()
        ended.register(handle, select.POLLIN)
        ended.poll()
    os._exit(1)


def _wait_for_end(pid: int, parent: int) -> None:
    """Return once the process ``pid`` has ended, without a descriptor of it: told by ``kqueue`` (BSD, macOS); asked
    every second on Linux by its start time in /proc, which a zombie (ended, not yet reaped) or another process given
    the same pid does not have, where ``kill(pid, 0)`` succeeds on both; without either, once this process's own
    parent ``parent`` is gone (the importing process where the readers are spawned)."""
    if sys.platform == "darwin" or sys.platform.startswith("freebsd"):  # NetBSD, OpenBSD: /proc if mounted
        queue = select.kqueue()
        with suppress(OSError):  # ESRCH: ended already
            queue.control([select.kevent(pid, select.KQ_FILTER_PROC, select.KQ_EV_ADD, select.KQ_NOTE_EXIT)], 1, None)
        return
    if not os.path.exists("/proc/self/stat"):
        while os.getppid() == parent:
            time.sleep(1.0)
        return
    born = _started_at(pid)
    while born is not None and os.getppid() == parent and _started_at(pid) == born:
        time.sleep(1.0)


def _started_at(pid: int) -> str | None:
    """When the process ``pid`` started (field 22 of its /proc stat), None once it has ended (a zombie too)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] in (b"Z", b"X") else fields[19].decode()


Setting = tuple[dict[str, str], str, list[str], int]  # what a reading process takes of the importing process


def _setting() -> Setting:
    """The importing process's environment, working directory, ``sys.path`` and umask as they are now: what a reading
    process forked by the fork server (which took them when it started) sets before its first file."""
    umask = None
    with suppress(OSError, StopIteration, ValueError):  # Linux 4.7: read without changing it (other threads)
        umask = int(next(line for line in Path("/proc/self/status").read_text().splitlines()
                         if line.startswith("Umask:")).split()[1], 8)
    if umask is None:
        umask = os.umask(0o022)
        os.umask(umask)
    return dict(os.environ), os.getcwd(), list(sys.path), umask


def _start_reader(options: ReadOptions, parent: int, setting: Setting) -> None:
    import gc

    import perfbudget.app.blocked
    import perfbudget.load  # noqa: F401  (the readers, imported before the heap is frozen)

    # A forked process has the fork server's environment, directory, path and umask, which it took when it started
    # (the first pool of this process): the importing process's as they are now, as a spawned process has them (the
    # limits' variables, a relative file name, the mode of a file written).
    environment, directory, path, umask = setting
    if dict(os.environ) != environment:
        os.environ.clear()
        os.environ.update(environment)
    os.chdir(directory)
    sys.path[:] = path
    os.umask(umask)
    # What is imported lives as long as the process: kept out of the collector's generations, so that its
    # collections look at the documents being read only.
    gc.freeze()
    _READER["options"] = options
    _READER["store"] = Store(options.url, migrate=False) if options.url else None
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


Task = tuple[list[Prepared], float, float]  # a task's files as read, and its wall and CPU seconds


def _prepare_files(prepare: Callable[[str, ReadOptions, Store | None], Prepared], paths: list[str]) -> Task:
    started, cpu = time.perf_counter(), time.process_time()
    options: ReadOptions = _READER["options"]
    out = []
    for path in paths:
        try:
            out.append(prepare(path, options, _READER["store"]))
        except Exception as exc:  # a reader's bug must not stop the other files
            message = f"读取时出错，未导入：{type(exc).__name__}: {exc}"
            out.append(Prepared(path, failure=(Problem(Source(path), message),)))
    return out, time.perf_counter() - started, time.process_time() - cpu


class _Pool:
    """The reading processes, restarted when one dies."""

    def __init__(self, jobs: int, options: ReadOptions, prepare: Callable[..., Prepared]) -> None:
        self.jobs, self.options, self.prepare = jobs, options, prepare
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=_reading_context(), initializer=_start_reader,
                                   initargs=(self.options, os.getpid(), _setting()))

    def submit(self, paths: list[str]) -> Future[Task]:
        return self.executor.submit(_prepare_files, self.prepare, paths)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self, finished: bool = False) -> None:
        # Finished: the reading processes are idle; waiting for them (and the pool's thread) to end here
        # keeps Python 3.11's exit hook from waking a pool whose pipe that thread is closing meanwhile
        # (「OSError: Bad file descriptor」 printed at exit). Otherwise (an error, the caller stopped
        # early) nothing waits for reading processes that may be stuck in a file.
        self.executor.shutdown(wait=finished, cancel_futures=True)


def _read_in_pool(files: Iterator[Path], jobs: int, options: ReadOptions, prepare: Callable[..., Prepared],
                  timing: ImportTiming | None = None) -> Generator[Prepared, None, None]:
    pool = _Pool(jobs, options, prepare)
    window: deque[tuple[list[str], Future[Task]]] = deque()
    finished = False
    if timing is not None:
        timing.pool_started = time.perf_counter()
    try:
        while True:
            while len(window) < jobs * TASKS_PER_JOB:
                paths = [str(p) for p in islice(files, FILES_PER_TASK)]
                if not paths:
                    break
                window.append((paths, pool.submit(paths)))
            if not window:
                finished = True
                return
            paths, future = window.popleft()
            try:
                yield from _result(future, timing)
            except BrokenProcessPool:
                # Read everything in flight again, one file at a time, to find the file that kills
                # a reading process; then carry on as before.
                backlog = [paths] + [p for p, _ in window]
                window.clear()
                pool.restart()
                for path in chain.from_iterable(backlog):
                    try:
                        yield from _result(pool.submit([path]), timing)
                    except BrokenProcessPool:
                        yield Prepared(path, failure=(Problem(Source(path), CRASHED),))
                        pool.restart()
    finally:
        pool.close(finished)
        if timing is not None and timing.pool_started is not None:
            timing.pool_wall = time.perf_counter() - timing.pool_started


def _result(future: Future[Task], timing: ImportTiming | None) -> list[Prepared]:
    if timing is None:
        return future.result()[0]
    waiting = not future.done()
    started = time.perf_counter()
    prepared, wall, cpu = future.result()
    if waiting:
        timing.waited += time.perf_counter() - started
        timing.waits += 1
    timing.results += 1
    timing.task(wall, cpu)
    return prepared


def catch_up_library(store: Store) -> int:
    """Before a bulk import: the indicator library takes the projects it lags behind (the documents an import
    killed before its batch's library update had committed); how many (``library.build.catch_up_library``)."""
    from perfbudget.library.build import catch_up_library as catch_up

    return catch_up(store)


def import_files(store: Store, settings: CoreSettings, files: Iterable[Path], request: ImportRequest, *,
                 jobs: int | None = None, form: str | None = None, pool_min_files: int | None = None,
                 prepare: Callable[[str, ReadOptions, Store | None], Prepared] = prepare_file,
                 writers: int | None = None) -> Iterator[ImportOutcome]:
    """Import ``files`` in their order, one outcome per file as soon as it is stored (see the module
    docstring). ``jobs``: reading processes (default: the cores; 1, or fewer than ``pool_min_files``
    files: read in this process). ``writers``: writing connections on PostgreSQL (default
    :data:`~perfbudget.app.bulk_writers.WRITERS`; :mod:`perfbudget.app.bulk_writers`), from ``pool_min_files``
    files on; SQLite always writes with one. Database errors become failed outcomes; nothing raises on bad data."""
    from perfbudget.app.bulk_writers import IN_FLIGHT, write_in_parallel, writer_count

    jobs = default_jobs() if jobs is None else max(1, jobs)
    pool_min_files = POOL_MIN_FILES if pool_min_files is None else pool_min_files
    stream = iter(files)
    first = list(islice(stream, pool_min_files))
    files_left = chain(first, stream)
    in_memory = store.engine.dialect.name == "sqlite" and store.engine.url.database in (None, "", ":memory:")
    options = ReadOptions(None if in_memory else store.url, form, request.via, request.force,
                          request.skip_blocked)
    pooled = jobs > 1 and len(first) >= pool_min_files
    timing = import_timing(jobs if pooled else 0)
    if pooled:
        prepared: Generator[Prepared, None, None] = _read_in_pool(files_left, jobs, options, prepare, timing)
        remembered = jobs * TASKS_PER_JOB * FILES_PER_TASK + FILES_PER_TASK
    else:
        prepared = (prepare(str(path), options, store) for path in files_left)
        remembered = 0
    # The fingerprints imported since the oldest file in flight was handed out, and those of the batch not yet
    # committed (a reading process's store cannot see them). Several writers remember those handed to them too,
    # read in this process or not: its store does not read their batches (one writer's does, on its own thread)
    lanes = writer_count(store, request, writers) if len(first) >= pool_min_files else 1
    if lanes > 1:
        remembered += WRITE_EVERY + IN_FLIGHT * lanes
    elif remembered:
        remembered += WRITE_EVERY
    try:
        if lanes > 1:
            yield from write_in_parallel(store, settings, prepared, request, remembered, timing, lanes)
        else:
            yield from write_in_order(store, settings, prepared, request, OrderedDict(), remembered, timing)
    finally:
        if timing is not None:
            timing.write()


def write_in_order(store: Store, settings: CoreSettings, prepared: Generator[Prepared | None, None, None],
                   request: ImportRequest, recent: OrderedDict[str, tuple[int, int]], remembered: int,
                   timing: ImportTiming | None) -> Iterator[ImportOutcome]:
    """Write the files as ``prepared`` gives them, in batches of :data:`WRITE_EVERY`, the library every
    :data:`LIBRARY_EVERY` imported documents; each outcome once its batch has committed. A None from ``prepared``
    commits the open batch now (a writer among several, whose oldest file another waits for: ``bulk_writers``)."""
    with closing(prepared), store.checkpoints_aside(), ExitStack() as stack:
        stack.enter_context(_library_batch(store, timing))
        done = 0
        batch: list[tuple[Prepared, ImportOutcome | None]] = []
        writing: ExitStack | None = None
        try:
            for item in prepared:
                if item is not None:
                    if writing is None:
                        writing = ExitStack()
                        writing.enter_context(store.write_batch(index_at_end=True))
                    try:
                        with span(timing, "written"):
                            outcome: ImportOutcome | None = _write(store, settings, item, request, recent)
                    except BatchBroken:
                        outcome = None
                    batch.append((item, outcome))
                    if outcome is not None:
                        _remember(recent, item, outcome, remembered)
                        if len(batch) < WRITE_EVERY:
                            continue
                elif not batch:  # asked to commit, nothing open
                    continue
                with span(timing, "committed"):
                    outcomes = _committed(store, settings, writing, batch, request, recent, remembered, timing)
                writing, batch = None, []
                with span(timing, "given"):
                    yield from outcomes
                done += sum(outcome.status == IMPORTED for outcome in outcomes)
                if done >= LIBRARY_EVERY:  # the library follows in steps: its update's memory stays bounded
                    stack.close()
                    stack.enter_context(_library_batch(store, timing))
                    done = 0
            if batch:
                with span(timing, "committed"):
                    outcomes = _committed(store, settings, writing, batch, request, recent, remembered, timing)
                with span(timing, "given"):
                    yield from outcomes
        except BaseException:  # a bug, an interrupt: the batch not yet committed is rolled back, its files untold
            if writing is not None:
                writing.__exit__(*sys.exc_info())
            raise


@contextmanager
def _library_batch(store: Store, timing: ImportTiming | None) -> Iterator[None]:
    """``store.library_batch()``, its update at the end timed."""
    if timing is None:
        with store.library_batch():
            yield
        return
    with store.library_batch():
        yield
        started, cpu = time.perf_counter(), time.thread_time()
    timing.library += time.perf_counter() - started
    timing.library_cpu += time.thread_time() - cpu


def _remember(recent: OrderedDict[str, tuple[int, int]], item: Prepared, outcome: ImportOutcome,
              remembered: int) -> ImportOutcome:
    if outcome.status == IMPORTED and item.sha256 is not None and remembered:
        recent[item.sha256] = (outcome.document_id or 0, outcome.new_projects + outcome.changed_projects
                               + outcome.unchanged_projects)
        while len(recent) > remembered:
            recent.popitem(last=False)
    return outcome


def _committed(store: Store, settings: CoreSettings, writing: ExitStack | None,
               batch: list[tuple[Prepared, ImportOutcome | None]], request: ImportRequest,
               recent: OrderedDict[str, tuple[int, int]], remembered: int,
               timing: ImportTiming | None) -> list[ImportOutcome]:
    """The outcomes of a batch's files once its transaction has committed (``Store.write_batch``: one commit
    for many documents, each document still all or nothing: on PostgreSQL in a savepoint of its own, on SQLite by
    the batch, which a document failing after it wrote breaks). When the batch's transaction was lost or broken,
    or its commit failed, nothing of it is stored: its files are written again, each in a
    transaction of its own, so that an outcome given is always one the store holds."""
    if timing is not None:
        timing.batches += 1
    if writing is not None:
        try:
            if all(outcome is not None for _, outcome in batch):
                writing.close()
                return [outcome for _, outcome in batch if outcome is not None]
            raise BatchBroken("批量写入的事务已被数据库回滚")
        except (BatchBroken, SQLAlchemyError):
            writing.__exit__(*sys.exc_info())
            if timing is not None:
                timing.broken += 1
    for item, outcome in batch:  # again, one transaction each
        if item.sha256 is not None and outcome is not None and outcome.status == IMPORTED:
            recent.pop(item.sha256, None)
    return [_remember(recent, item, _write(store, settings, item, request, recent), remembered)
            for item, _ in batch]


def _write(store: Store, settings: CoreSettings, item: Prepared, request: ImportRequest,
           recent: OrderedDict[str, tuple[int, int]]) -> ImportOutcome:
    if item.failure:
        return ImportOutcome(item.file, FAILED, problems=item.failure)
    if request.principal is not None and item.plan is not None:  # before 「未变化」 tells of another unit's file
        unit = item.plan.document.unit
        not_allowed = import_refusal(request.principal, unit.code, unit.name)
        if not_allowed:
            return ImportOutcome(item.file, FORBIDDEN, problems=(Problem(Source(item.file), not_allowed),))
    try:
        earlier = item.earlier
        if earlier is None and item.sha256 is not None and not request.force:
            earlier = recent.get(item.sha256)
            if earlier is None and not item.checked:
                with store.reading() as tx:
                    earlier = tx.imported_before(item.sha256)
        if earlier is not None:
            return same_file(store, item.file, earlier)
        assert item.plan is not None
        outcome = import_document(store, settings, None, item.file, request, sha256=item.sha256, form=item.form,
                                  notes=item.notes, plan=item.plan)
        if item.refused and outcome.status in (IMPORTED, UNCHANGED):
            outcome = replace(outcome, refused_tables=item.refused + outcome.refused_tables)
        return outcome
    except SQLAlchemyError as exc:
        from perfbudget.db_reasons import database_reason

        return ImportOutcome(item.file, FAILED, problems=(
            Problem(Source(item.file), f"数据库错误，未导入：{database_reason(exc)}"),))
