"""The one load pipeline: file → (document, problems), never raising on bad user data.

Stages, each small and timed: ``open`` (size limit, bytes) → ``sniff`` (choose the
reader) → ``read`` (raw tables → model). A document comes back together with every
problem found; ``LoadResult.ok`` is False when any problem is an error, in which
case the document (if any) is partial and must not be stored or trusted as a whole.

A document cut off inside a project (a copy that stops mid-table) is the one partial case
that can still be used: the cut project is marked (``Project.complete`` False, ``Project.cut``
where), its cut is an error at that place, and ``LoadResult.usable`` is True when every error
is such a cut, so ``LoadResult.complete_projects`` can be stored and ``cut_projects`` named. A text
file that also ends in the middle of a character (文件在一个字符的中间结束) is cut there: that error
is part of the cut, not another error.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from perfbudget.config import Limits
from perfbudget.model import Document, Problem, Project, Severity, Source
from perfbudget.os_reasons import os_reason
from perfbudget.readers import choosable_forms, file_too_large, read_bytes, read_file, unknown_form
from perfbudget.readers.decode import CUT_CHARACTER
from perfbudget.readers.grid import CUT_MESSAGE
from perfbudget.readers.sniff import sniff


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What loading a file gave.

    Attributes:
        document: the document, or None when nothing could be read.
        problems: errors and notes, each with its location.
        form: the reader used.
        timings: seconds spent per stage.
    """

    document: Document | None
    problems: tuple[Problem, ...]
    form: str | None = None
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def errors(self) -> list[Problem]:
        """Every error, the cut notices (:attr:`cut_errors`) included."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        """True when the whole document was read without any error and nothing is cut off."""
        return self.document is not None and not self.errors

    @property
    def cut_projects(self) -> tuple[Project, ...]:
        """The projects whose table is cut off (``complete`` False, ``cut`` where), in document order."""
        return tuple(p for p in self.document.projects if not p.complete) if self.document else ()

    @property
    def complete_projects(self) -> tuple[Project, ...]:
        """The projects read whole, in document order."""
        return tuple(p for p in self.document.projects if p.complete) if self.document else ()

    @property
    def cut_errors(self) -> list[Problem]:
        """The errors that only say where the document is cut off (表格在此中断 …): at a cut project's
        ``cut``, or inside a table cut before it became a project (then no project is cut); when the last
        table is so cut, the file's end in the middle of a character is that cut too."""
        return [p for p in self.errors if _is_cut(p, self._cut_at_end)]

    @property
    def other_errors(self) -> list[Problem]:
        """The errors that are not a cut: while there is one, nothing of the document may be trusted."""
        return [p for p in self.errors if not _is_cut(p, self._cut_at_end)]

    @property
    def _cut_at_end(self) -> bool:
        """Is the document's last table cut off (its last project cut, or a table cut before any project)?"""
        if not any(p.message.startswith(CUT_MESSAGE) for p in self.problems if p.severity is Severity.ERROR):
            return False
        projects = self.document.projects if self.document else ()
        return not projects or not projects[-1].complete

    @property
    def usable(self) -> bool:
        """True when the complete projects can be used although some are cut off: a document was read
        and every error is a cut. Store :attr:`complete_projects`; refuse :attr:`cut_projects` by name
        (or store them marked incomplete when the user allows partial projects)."""
        return self.document is not None and not self.other_errors

    @property
    def partial(self) -> bool:
        """True when the document is usable but cut off somewhere (see :attr:`cut_projects`)."""
        return self.usable and bool(self.cut_errors)


def _is_cut(problem: Problem, cut_at_end: bool) -> bool:
    """Does ``problem`` only say where the document is cut off (``cut_at_end``: its last table is)?"""
    return problem.message.startswith(CUT_MESSAGE) or (cut_at_end and problem.message.startswith(CUT_CHARACTER))


def load_bytes(data: bytes, file: str, form: str | None = None, limits: Limits | None = None) -> LoadResult:
    """Load a document from bytes already in memory (uploads, tests)."""
    timings: dict[str, float] = {}
    if form is not None and form not in choosable_forms():  # ole/zip are sniffing's refusals, never a choice
        return LoadResult(None, (unknown_form(file, form),), None, timings)
    start = time.perf_counter()
    chosen = form or sniff(data, file, limits)
    timings["sniff"] = time.perf_counter() - start
    start = time.perf_counter()
    document, problems = read_bytes(data, file, chosen, limits)
    timings["read"] = time.perf_counter() - start
    return LoadResult(document, tuple(problems), chosen, timings)


STDIN_NAME = "标准输入"


def read_stream(stream: BinaryIO, limits: Limits, name: str = STDIN_NAME) -> bytes | Problem:
    """A stream's bytes, read at most one byte past the size limit; the problem, located at ``name``, when it cannot
    be read, is over the limit or holds nothing but blanks (``perfbudget read -`` and ``perfbudget import -``)."""
    try:
        data = stream.read(limits.max_file_bytes + 1)
    except OSError as exc:
        return Problem(Source(name), f"无法读取：{os_reason(exc)}")
    if len(data) > limits.max_file_bytes:
        return file_too_large(name, len(data), limits, growing=True)
    if not data.strip():
        return Problem(Source(name), "没有读到内容：请粘贴或输入表格文字，以 Ctrl-D 结束")
    return data


def load_stream(stream: BinaryIO, form: str | None = None, limits: Limits | None = None,
                name: str = STDIN_NAME) -> LoadResult:
    """Load a document from a stream (``perfbudget read -``: a table's text pasted into the terminal or piped in),
    read at most one byte past the size limit; its problems are placed in ``name`` (「标准输入:3: …」)."""
    try:
        limits = limits or Limits.from_env()
    except ValueError as exc:
        return LoadResult(None, (Problem(Source(name), str(exc)),))
    data = read_stream(stream, limits, name)
    if isinstance(data, Problem):
        return LoadResult(None, (data,))
    return load_bytes(data, name, form, limits)


def load_path(path: str | Path, form: str | None = None, limits: Limits | None = None) -> LoadResult:
    """Load a document from a file; unreadable files become problems, not exceptions."""
    name = str(path)
    try:
        limits = limits or Limits.from_env()
    except ValueError as exc:
        return LoadResult(None, (Problem(Source(name), str(exc)),))
    start = time.perf_counter()
    data = read_file(path, limits)  # a regular file, read at most to the size limit
    if not isinstance(data, bytes):
        return LoadResult(None, (data,))
    result = load_bytes(data, name, form, limits)
    result.timings["open"] = time.perf_counter() - start - sum(result.timings.values())
    return result
