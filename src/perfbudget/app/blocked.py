"""Which tables of a file are blocked by an error, each with its reason, and what is left to import.

A reading error that is not a cut (an unparseable budget, an indicator block without a project name,
a value that may not be stored …) used to block the whole file. Each such error is now placed in the
table it was found in, by its location:

* the error's location is one of the locations a project was read from → that project;
* otherwise the last project that starts at or before the error (the rest of its table) → that project;
* an error before the first project, in a sheet or table no project was read from, or with no place
  but the file → the **file**: nothing of it may be imported.

The complete, error-free projects of a file whose only errors lie in other tables are imported only
when the user asks for exactly that (``skip_blocked``: CLI ``--skip-blocked``, the web's
「导入其余 N 个完整项目」, the API's ``skip_blocked=true``); without it nothing is imported and the
refusal names each blocked table and why. Cut-off tables keep their own rule (``allow_partial``).
A perfbudget/1 JSON body follows the same rule by path instead of location (:func:`screen_json`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from perfbudget.model import Document, Problem, Project, Severity, Source

BLOCKED_MARK = "有错误，未导入"
SKIP_HINT = "命令行 --skip-blocked（网页点「导入其余 {n} 个完整项目」，API 为 skip_blocked=true）"
_PROJECT_PATH = re.compile(r"^projects\[(\d+)\]")
Key = tuple[int, int, int, int, int, int]


def where(source: Source) -> str:
    """A location as the user reads it: 「第46行」, 「第1页 表2 第3行 第2列」, 「Sheet1 第5行」; the file name
    alone when nothing more is known."""
    parts = []
    if source.page is not None:
        parts.append(f"第{source.page}页")
    if source.sheet is not None:
        parts.append(source.sheet)
    elif source.table is not None:
        parts.append(f"表{source.table}")
    if source.line is not None:
        parts.append(f"第{source.line}行")
    if source.row is not None:
        parts.append(f"第{source.row}行")
    if source.column is not None:
        parts.append(f"第{source.column}列")
    return " ".join(parts) or (source.file.replace("\\", "/").rsplit("/", 1)[-1] or "文件")


@dataclass(frozen=True, slots=True)
class BlockedTable:
    """A table of the file that cannot be imported because of its errors.

    Attributes:
        position: 1-based position of the table in the file.
        name: the project's name as read (may be empty).
        problems: its errors, each with its location.
    """

    position: int
    name: str
    problems: tuple[Problem, ...]

    @property
    def label(self) -> str:
        name = self.name if len(self.name) <= 60 else self.name[:60] + "…"
        return f"表{self.position}「{name or '未读到项目名称'}」"

    @property
    def reason(self) -> str:
        """「第46行：预算数「十万元」不是金额；…」."""
        return "；".join(f"{where(p.source)}：{p.message}" for p in self.problems)

    def as_problem(self) -> Problem:
        """One error naming the table and why, at its first error's location."""
        return Problem(self.problems[0].source, f"{self.label}{BLOCKED_MARK}：{self.reason}")

    def to_dict(self) -> dict[str, Any]:
        return {"position": self.position, "name": self.name, "reason": self.reason,
                "problems": [{"source": p.source.to_dict(), "where": where(p.source), "message": p.message}
                             for p in self.problems]}


@dataclass(frozen=True, slots=True)
class Screened:
    """A read document split into what may be imported and what is blocked.

    Attributes:
        document: the document as read (None when nothing was read).
        blocked: the tables with errors, in file order.
        file_errors: errors that belong to no table: nothing of the file may be imported.
        unsafe: the tables holding values that may not be stored (not shown either: a page could fail).
        unsafe_file: such a value outside the tables (the unit …): nothing of the document is shown.
    """

    document: Document | None
    blocked: tuple[BlockedTable, ...] = ()
    file_errors: tuple[Problem, ...] = ()
    unsafe: frozenset[int] = frozenset()
    unsafe_file: bool = False

    @property
    def shown(self) -> Document | None:
        """The document a page may show: without the tables holding values that may not be stored."""
        if self.document is None or self.unsafe_file:
            return None
        return replace(self.document, projects=tuple(p for i, p in enumerate(self.document.projects, 1)
                                                     if i not in self.unsafe))

    @property
    def clean(self) -> bool:
        """Nothing blocked: the document may be imported as a whole (cut tables follow their own rule)."""
        return self.document is not None and not self.blocked and not self.file_errors

    @property
    def blocked_positions(self) -> frozenset[int]:
        return frozenset(b.position for b in self.blocked)

    @property
    def positions(self) -> dict[int, int]:
        """Each table of :attr:`rest`: its position there → its position in the file."""
        if self.document is None:
            return {}
        kept = [i for i in range(1, len(self.document.projects) + 1) if i not in self.blocked_positions]
        return {new: old for new, old in enumerate(kept, 1)}

    @property
    def rest(self) -> Document | None:
        """The document without its blocked tables (None when a file error blocks it all or none is left)."""
        if self.document is None or self.file_errors:
            return None
        projects = tuple(self.document.projects[old - 1] for old in self.positions.values())
        return replace(self.document, projects=projects) if projects else None

    @property
    def rest_count(self) -> int:
        """How many complete, error-free tables :attr:`rest` holds (what 「导入其余 N 个完整项目」 imports)."""
        rest = self.rest
        return sum(1 for p in rest.projects if p.complete) if rest is not None else 0

    @property
    def can_import_rest(self) -> bool:
        """Some tables are blocked, none by a file error, and complete error-free ones are left."""
        return bool(self.blocked) and self.rest_count > 0

    def refusal(self, file: str) -> tuple[Problem, ...]:
        """Why nothing was imported: the file errors, each blocked table with its reason, and how to import
        the rest when that is possible."""
        problems = [*self.file_errors, *(b.as_problem() for b in self.blocked)]
        if self.can_import_rest:
            n = self.rest_count
            problems.append(Problem(Source(file), f"文件中其余 {n} 个完整无误的项目也未导入："
                                                  f"只导入它们请用{SKIP_HINT.format(n=n)}"))
        return tuple(problems) or (Problem(Source(file), "没有读到文档"),)


def _sources(project: Project) -> Iterable[Source]:
    for source in (project.source, project.cut, *project.sources.values()):
        if source is not None:
            yield source
    for indicator in project.indicators:
        if indicator.source is not None:
            yield indicator.source
        yield from indicator.sources.values()


def _placeless(source: Source) -> bool:
    return all(value is None for value in source[1:])


def _key(source: Source, sheets: dict[str, int]) -> Key | None:
    sheet = 0
    if source.sheet is not None:
        if source.sheet not in sheets:
            return None
        sheet = sheets[source.sheet]
    return (source.page or 0, sheet, source.table or 0, source.line or 0, source.row or 0, source.column or 0)


def place_errors(document: Document, errors: Sequence[Problem]) -> tuple[dict[int, list[Problem]], list[Problem]]:
    """Each error's table (position → its errors), and the errors of the file as a whole."""
    if not errors:  # the usual case: nothing to place (the locations of a whole document are many)
        return {}, []
    sheets: dict[str, int] = {}
    exact: dict[Source, int] = {}
    starts: list[tuple[Key, int]] = []
    for position, project in enumerate(document.projects, 1):
        keys = []
        for source in _sources(project):
            if source.sheet is not None and source.sheet not in sheets:
                sheets[source.sheet] = len(sheets) + 1
            exact.setdefault(source, position)
            key = _key(source, sheets)
            if key is not None and not _placeless(source):
                keys.append(key)
        if keys:
            starts.append((min(keys), position))
    by_table: dict[int, list[Problem]] = {}
    whole: list[Problem] = []
    for problem in errors:
        found: int | None = None if _placeless(problem.source) else exact.get(problem.source)
        if found is None and not _placeless(problem.source):
            key = _key(problem.source, sheets)
            before = [(start, p) for start, p in starts if key is not None and start <= key]
            found = max(before)[1] if before else None
        if found is None:
            whole.append(problem)
        else:
            by_table.setdefault(found, []).append(problem)
    return by_table, whole


def _invalid(document: Document, file: str, validate: bool) -> tuple[dict[int, list[Problem]], list[Problem]]:
    """The values that may not be stored, by table: with ``validate`` every bound of the web and API
    (:func:`perfbudget.app.validate.document_problems`), else what no store can hold (``storage_problems``)."""
    from perfbudget.app.validate import document_problems, storage_problems

    by_table: dict[int, list[Problem]] = {}
    whole: list[Problem] = []
    for problem in (document_problems if validate else storage_problems)(document, file):
        found = _PROJECT_PATH.match(problem.message)
        if found and int(found.group(1)) < len(document.projects):
            by_table.setdefault(int(found.group(1)) + 1, []).append(problem)
        else:
            whole.append(problem)
    return by_table, whole


def screen(document: Document | None, problems: Sequence[Problem], file: str, *, cut_errors: Sequence[Problem] = (),
           validate: bool = False) -> Screened:
    """Split what a reader gave (``document`` and its ``problems``) into blocked tables and the rest.

    ``cut_errors`` are left out (a cut table follows the ``allow_partial`` rule); the values that may not
    be stored block their table too: with ``validate`` (web and API) by every bound, else (the command
    line) those no store can hold.
    """
    cut = {id(p) for p in cut_errors}
    errors = [p for p in problems if p.severity is Severity.ERROR and id(p) not in cut]
    if document is None:
        return Screened(None, (), tuple(errors) or (Problem(Source(file), "没有读到文档"),))
    by_table, whole = place_errors(document, errors)
    invalid: dict[int, list[Problem]] = {}
    invalid_whole: list[Problem] = []
    invalid, invalid_whole = _invalid(document, file, validate)
    for position, found in invalid.items():
        by_table.setdefault(position, []).extend(found)
    whole.extend(invalid_whole)
    blocked = tuple(BlockedTable(position, document.projects[position - 1].name, tuple(by_table[position]))
                    for position in sorted(by_table))
    return Screened(document, blocked, tuple(whole), frozenset(invalid), bool(invalid_whole))


def screen_result(result: Any, file: str, *, validate: bool = False) -> Screened:
    """:func:`screen` for a :class:`~perfbudget.load.LoadResult`."""
    return screen(result.document, result.problems, file, cut_errors=result.cut_errors, validate=validate)


# ---- a perfbudget/1 JSON body (POST /api/v1/documents) ------------------------------------------

_PATH_MESSAGE = re.compile(r"^(projects\[(\d+)\][^：]*)：(.*)$", re.S)
JSON_SKIP_HINT = "文档中其余 {n} 个完整无误的项目也未导入：只导入它们请加 skip_blocked=true"


@dataclass(frozen=True, slots=True)
class JsonError:
    """One error of a JSON body: its table (1-based; None: the document as a whole), the table's name
    as given, where it is in the body (``projects[2].budget.total``) and why."""

    position: int | None
    name: str
    location: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"location": self.location, "message": self.message, "table": self.position, "name": self.name}


@dataclass(frozen=True, slots=True)
class ScreenedJson:
    """A JSON body split like :class:`Screened`.

    Attributes:
        document: its tables that may be imported, in body order (None when the document as a
            whole is invalid: its unit, money unit, format …).
        positions: each table of ``document``: its position there → its position in the body.
        errors: every error found, the blocked tables' and the document's.
    """

    document: Document | None
    positions: dict[int, int]
    errors: tuple[JsonError, ...]

    @property
    def blocked(self) -> list[tuple[int, str, list[JsonError]]]:
        """The blocked tables in body order: (position, name, errors)."""
        tables: dict[int, tuple[str, list[JsonError]]] = {}
        for error in self.errors:
            if error.position is not None:
                tables.setdefault(error.position, (error.name, []))[1].append(error)
        return [(position, *tables[position]) for position in sorted(tables)]

    @property
    def rest_count(self) -> int:
        """How many complete tables :attr:`document` holds (what ``skip_blocked=true`` imports)."""
        return sum(1 for p in self.document.projects if p.complete) if self.document is not None else 0

    @property
    def can_import_rest(self) -> bool:
        return bool(self.errors) and self.document is not None and self.rest_count > 0

    def refusal(self) -> list[dict[str, Any]]:
        """Each error with its place, and how to import the rest when that is possible."""
        details = [e.to_dict() for e in self.errors]
        if self.can_import_rest:
            details.append({"location": "", "message": JSON_SKIP_HINT.format(n=self.rest_count), "table": None,
                            "name": ""})
        return details

    def refused_tables(self, file: str) -> tuple[Problem, ...]:
        """One line per blocked table, as an import with ``skip_blocked`` lists them."""
        out = []
        for position, name, errors in self.blocked:
            reason = "；".join(f"{e.location}：{e.message}" for e in errors)
            out.append(Problem(Source(file), f"表{position}「{name or '未读到项目名称'}」{BLOCKED_MARK}：{reason}"))
        return tuple(out)


def _given_name(item: Any) -> str:
    name = item.get("name") if isinstance(item, dict) else None
    return _shown(name) if isinstance(name, str) else ""


def _shown(name: str) -> str:
    return name if len(name) <= 60 else name[:60] + "…"


def screen_json(data: Any, file: str) -> ScreenedJson:
    """Split a perfbudget/1 body into the tables that may be imported and the blocked ones, each error
    with its path: a table that is not valid perfbudget/1 (read on its own, so every such table is
    named, not only the first) or holds values that may not be stored blocks itself; an error of the
    document as a whole (format, unit, money unit) blocks everything."""
    from perfbudget.app.imports import document_from_json
    from perfbudget.app.validate import document_problems
    from perfbudget.interchange import InterchangeError

    parsed = document_from_json(data, file)
    items = data.get("projects") if isinstance(data, dict) else None
    order: list[int] = []
    errors: list[JsonError] = []
    if isinstance(parsed, InterchangeError):
        head = document_from_json({**data, "projects": []}, file) if isinstance(items, list) else parsed
        if not _PROJECT_PATH.match(parsed.path) or isinstance(head, InterchangeError):
            return ScreenedJson(None, {}, (JsonError(None, "", parsed.path, parsed.message),))
        assert isinstance(items, list)
        kept: list[Project] = []
        for index, item in enumerate(items):
            one = document_from_json({**data, "projects": [item]}, file)
            if isinstance(one, InterchangeError):
                path = _PROJECT_PATH.sub(f"projects[{index}]", one.path, count=1)
                errors.append(JsonError(index + 1, _given_name(item), path, one.message))
            else:
                kept.extend(one.projects)
                order.append(index + 1)
        document = replace(head, projects=tuple(kept))
    else:
        document = parsed
        order = list(range(1, len(document.projects) + 1))
    invalid: set[int] = set()
    for problem in document_problems(document, file):
        found = _PATH_MESSAGE.match(problem.message)
        if found is None or int(found.group(2)) >= len(order):
            location, _, message = problem.message.partition("：")
            return ScreenedJson(None, {}, (JsonError(None, "", location, message),))
        index = int(found.group(2))
        position = order[index]
        path = _PROJECT_PATH.sub(f"projects[{position - 1}]", found.group(1), count=1)
        errors.append(JsonError(position, _shown(document.projects[index].name), path, found.group(3)))
        invalid.add(index)
    rest = [(position, project) for index, (position, project) in enumerate(zip(order, document.projects, strict=True))
            if index not in invalid]
    errors.sort(key=lambda e: e.position or 0)
    return ScreenedJson(replace(document, projects=tuple(p for _, p in rest)),
                        {new: position for new, (position, _) in enumerate(rest, 1)}, tuple(errors))
