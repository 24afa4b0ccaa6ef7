"""Edit-invariance of the corpus's 自评, 监控 and 区域 tables (kinds40): the edits a person makes to a table
must change neither its reading nor its score.

Usage: .venv/bin/python bench/selfeval_invariance.py [-v] [--limit N] [FILTER ...]

Every corpus table of those kinds (a key whose file name or kind says ``selfeval``, ``monitor``, ``quyu`` or
``zhuanyizhifu``) whose reading is right (``bench/real_tables.py``: every expected indicator read, none wrong) is
retyped as a person copies it into a plain pipe table (:func:`render`: its title, 项目名称, funds grid, goals, the
indicator header and rows as read, its 总分 row). The copy must read as the table does (the same names, targets,
actuals, 分值, 得分, reasons and funds, :func:`reading`) and score as it does (``perfbudget evaluate 表 -a 表``:
refused or not, the total, the grade, the execution's and every indicator's points, :func:`scoring`); a table
whose copy does not is counted ``not copied faithfully`` and left out. Each edit of :data:`EDITS` is then made to
the copy, and the edited copy read and scored again: a line for every edit that reads or scores differently.

The edits: tabs for ``|``; spaces, NBSP or U+3000 around the cells; blank lines between rows; full-width digits;
the indicator header repeated after a page break; 分值/得分 written ``10分`` or ``10.00``; a full 得分 written
``满分``; 实际完成值 ``100%`` written ``100.0%`` or, under a ``%`` target, as the ratio ``1``; the empty cells after
a row's last filled cell left out (a 偏差原因 left empty where nothing deviates); the columns headed ``指标值 |
完成值`` or ``目标值 | 实际值``; 执行率 ``95.5%`` written ``95.50%`` or ``0.955``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from real_tables import key_paths, score_table, table_kind, table_path  # noqa: E402

from perfbudget.app.evaluations import score  # noqa: E402
from perfbudget.evaluate.from_table import sheet_rows_from_document  # noqa: E402
from perfbudget.load import load_bytes, load_path  # noqa: E402
from perfbudget.model import Document, Indicator, Project, Severity  # noqa: E402
from perfbudget.target import format_decimal  # noqa: E402

KINDS = ("selfeval", "monitor", "quyu", "zhuanyizhifu")
HEAD = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
FUNDS_HEAD = ("项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
UNNAMED = "未命名项目"  # a page that does not name its project (its copy must, to be read whole)
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")


@dataclass
class Copy:
    """A table retyped as rows of cells; ``kinds`` says what each row is (title, funds, head, indicator, total)."""

    rows: list[list[str]]
    kinds: list[str]
    separator: str = " | "
    blank_lines: bool = False

    def text(self) -> str:
        lines = [self.separator.join(row).rstrip() for row in self.rows]
        return ("\n\n" if self.blank_lines else "\n").join(lines) + "\n"

    def cells(self, kind: str, column: int, change: Callable[[str], str]) -> Copy:
        rows = [[change(cell) if k == kind and c == column else cell for c, cell in enumerate(row)]
                for row, k in zip(self.rows, self.kinds, strict=True)]
        return replace(self, rows=rows)


def _figure(value: Decimal | None) -> str:
    return "" if value is None else format_decimal(value)


def _extra(project: Project, suffix: str) -> str:
    return next((v for k, v in project.extras if k.endswith("/" + suffix) and "总" in k.split("/")[0]), "")


def render(project: Project, year: int | None) -> Copy:
    """``project`` as a person retypes it: every cell the reading keeps, in the plain form of docs/formats.md."""
    budget = project.budget
    rate = _extra(project, "执行率") or (f"{_figure(budget.rate)}%" if budget.rate is not None else "")
    rows: list[list[str]] = [["项目支出绩效自评表"], [f"（{year or 2024}年度）"], ["项目名称", project.name or UNNAMED],
                             list(FUNDS_HEAD),
                             ["年度资金总额", _figure(budget.initial), _figure(budget.total), _figure(budget.executed),
                              _figure(budget.weight), rate, _figure(budget.score)]]
    kinds = ["title", "title", "title", "funds-head", "funds"]
    if project.goals:
        rows.append(["年度总体目标", "；".join(project.goals)])
        kinds.append("title")
    rows.append(list(HEAD))
    kinds.append("head")
    for indicator in project.indicators:
        rows.append([indicator.level1, indicator.level2, indicator.level3, indicator.target.raw,
                     indicator.actual or "", _figure(indicator.weight), _figure(indicator.score),
                     indicator.deviation or ""])
        kinds.append("indicator")
    if project.table_total is not None:
        rows.append(["总分", "", "", "", "", "100", _figure(project.table_total), ""])
        kinds.append("total")
    rows.append(["填表人：李明", "联系电话：0551-12345678"])  # the form's closing line: the table is whole
    kinds.append("title")
    return Copy(rows, kinds)


def _number(text: str) -> str:
    """A figure as its value (``10.00`` = ``10``, ``95.50%`` = ``95.5%``): the reading's text keeps how it was
    written, which the edits change on purpose."""
    text = unicodedata.normalize("NFKC", text).strip()
    match = _PERCENT.fullmatch(text) or _NUMBER.fullmatch(text)
    if match is None:
        return text
    try:
        value = Decimal(match.group(1) if match.re is _PERCENT else text)
    except InvalidOperation:
        return text
    return format_decimal(value.normalize()) + ("%" if "%" in text else "")


def _indicator(indicator: Indicator) -> tuple[Any, ...]:
    target = indicator.target
    return (indicator.level1.strip(), indicator.level2.strip(), indicator.level3.strip(), target.kind, target.op,
            target.value, target.unit, target.direction, target.upper, _number(indicator.actual or ""),
            indicator.weight, indicator.score, (indicator.deviation or "").strip())


def reading(project: Project) -> tuple[Any, ...]:
    """What a reading says of a project, as values (a figure's written scale left out)."""
    budget = project.budget
    return (project.name or UNNAMED, budget.total, budget.executed, budget.weight, budget.score, budget.rate,
            project.table_total, tuple(_indicator(i) for i in project.indicators))


def scoring(document: Document, file: str) -> tuple[Any, ...]:
    """``perfbudget evaluate 表 -a 表`` of a one-project document: refused, or its points."""
    evaluation, _ = score(document, sheet_rows_from_document(document, file), [], file)
    if evaluation is None:
        return ("refused",)
    ours = evaluation.projects[0]
    return (ours.total, ours.grade, ours.execution_score, tuple(i.score for i in ours.indicators))


def _one(text: str) -> Document | None:
    result = load_bytes(text.encode("utf-8"), "copy.txt")
    document = result.document
    if document is None or len(document.projects) != 1 or any(p.severity is Severity.ERROR for p in result.errors):
        return None
    return document


def _full_width(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})


def _ratio(text: str) -> str:
    match = _PERCENT.fullmatch(text.strip())
    return format_decimal(Decimal(match.group(1)) / 100) if match else text


def _tenths(text: str) -> str:
    match = _PERCENT.fullmatch(text.strip())
    return f"{Decimal(match.group(1)).quantize(Decimal('0.01')) if '.' in match.group(1) else match.group(1) + '.0'}%" \
        if match else text


def _rate_as_ratio(copy: Copy) -> Copy:
    """执行率 as a ratio where the row's 全年执行数 ÷ 全年预算数 agrees with it (within a point): otherwise ``1`` or
    ``0.955`` is a ratio or a percent the row cannot tell (readers/execution_cells.py), rightly left unread."""
    row = next((row for row, k in zip(copy.rows, copy.kinds, strict=True) if k == "funds"), None)
    written = _PERCENT.fullmatch(row[5].strip()) if row is not None else None
    try:
        computed = Decimal(row[3]) / Decimal(row[2]) * 100 if row is not None and written else None
    except (InvalidOperation, ArithmeticError):
        computed = None
    if written is None or computed is None or abs(computed - Decimal(written.group(1))) > 1:
        return copy
    return copy.cells("funds", 5, _ratio)


def _page_break(copy: Copy) -> Copy:
    rows, kinds = list(copy.rows), list(copy.kinds)
    places = [i for i, k in enumerate(kinds) if k == "indicator"]
    if len(places) < 2:
        return copy
    middle, head = places[len(places) // 2], rows[kinds.index("head")]
    return replace(copy, rows=[*rows[:middle], list(head), *rows[middle:]],
                   kinds=[*kinds[:middle], "head", *kinds[middle:]])


def _heads(actual_head: tuple[str, str]) -> Callable[[Copy], Copy]:
    def edit(copy: Copy) -> Copy:
        rows = [[*row[:3], *actual_head, *row[5:]] if k == "head" else row
                for row, k in zip(copy.rows, copy.kinds, strict=True)]
        return replace(copy, rows=rows)
    return edit


def _padded(pad: str) -> Callable[[Copy], Copy]:
    return lambda copy: replace(copy, rows=[[f"{pad}{cell}{pad}" if cell else cell for cell in row]
                                            for row in copy.rows])


def _full_marks(copy: Copy) -> Copy:
    """满分 for every 得分 equal to its 分值: the indicators' (columns 5, 6) and the funds grid's (4, 6)."""
    rows = []
    for row, kind in zip(copy.rows, copy.kinds, strict=True):
        points = {"indicator": 5, "funds": 4}.get(kind)
        if points is not None and row[points] and row[6] and Decimal(row[points]) == Decimal(row[6]):
            row = [*row[:6], "满分", *row[7:]]
        rows.append(row)
    return replace(copy, rows=rows)


def _trailing_cells_left_out(copy: Copy) -> Copy:
    rows = []
    for row in copy.rows:
        while len(row) > 1 and not row[-1]:
            row = row[:-1]
        rows.append(row)
    return replace(copy, rows=rows)


def _values(change: Callable[[str], str]) -> Callable[[Copy], Copy]:
    """``change`` made to every value cell (targets, actuals, points, funds), not to the names."""
    def edit(copy: Copy) -> Copy:
        for column in (3, 4, 5, 6):
            copy = copy.cells("indicator", column, change)
        for column in range(1, len(FUNDS_HEAD)):
            copy = copy.cells("funds", column, change)
        return copy
    return edit


def _points(change: Callable[[str], str]) -> Callable[[Copy], Copy]:
    def edit(copy: Copy) -> Copy:
        for column in (5, 6):
            copy = copy.cells("indicator", column, change)
        return copy.cells("funds", 4, change).cells("funds", 6, change)
    return edit


# how a copy is laid out, whatever its cells (bench/monitor_invariance.py makes them too)
LAYOUT_EDITS: dict[str, Callable[[Copy], Copy]] = {
    "tabs for |": lambda copy: replace(copy, separator="\t"),
    "spaces around cells": _padded(" "),
    "NBSP around cells": _padded("\u00a0"),
    "U+3000 around cells": _padded("\u3000"),
    "blank lines": lambda copy: replace(copy, blank_lines=True),
}
EDITS: dict[str, Callable[[Copy], Copy]] = {
    **LAYOUT_EDITS,
    "full-width digits": _values(_full_width),
    "header repeated after a page break": _page_break,
    "分值/得分 10分": _points(lambda t: f"{t}分" if _NUMBER.fullmatch(t) else t),
    "分值/得分 10.00": _points(lambda t: f"{Decimal(t):.2f}" if _NUMBER.fullmatch(t) else t),
    "得分 满分": _full_marks,
    "实际完成值 100.0%": lambda copy: copy.cells("indicator", 4, _tenths),
    "实际完成值 as a ratio": lambda copy: copy.cells("indicator", 4, _ratio),
    "empty cells after the last left out": _trailing_cells_left_out,
    "指标值 | 完成值": _heads(("指标值", "完成值")),
    "目标值 | 实际值": _heads(("目标值", "实际值")),
    "执行率 95.50%": lambda copy: copy.cells("funds", 5, _tenths),
    "执行率 0.955": _rate_as_ratio,
}
SCORE_ONLY = {"实际完成值 as a ratio"}  # the actual's text changes by nature; its score must not


@dataclass
class Outcome:
    table: str
    project: str
    faithful: bool
    differences: list[str]
    edits: int = 0


def check_project(name: str, document: Document, project: Project, file: str,
                  edits: dict[str, Callable[[Copy], Copy]] = EDITS) -> Outcome:
    alone = replace(document, projects=(project,))
    copy = render(project, project.fund_year)
    read = _one(copy.text())
    if read is None or reading(read.projects[0]) != reading(project) \
            or scoring(read, "copy.txt") != scoring(alone, file):
        return Outcome(name, project.name, False, [])
    differences = edited_differences(copy, read, edits, lambda d: reading(d.projects[0]),
                                     lambda d, _label: scoring(d, "copy.txt"), SCORE_ONLY, "scores")
    return Outcome(name, project.name, True, differences, len(edits))


def edited_differences(copy: Copy, read: Document, edits: dict[str, Callable[[Copy], Copy]],
                       read_as: Callable[[Document], Any], judge: Callable[[Document, str], Any],
                       judged_only: set[str], verb: str) -> list[str]:
    """Each edit made to ``copy`` (read as ``read``) and the edited copy read again: a line for each edit whose reading
    (``read_as``; not for the ``judged_only`` edits) or judgement (``judge``: its score, its monitoring) differs."""
    base_reading, base_judged = read_as(read), judge(read, "")
    differences = []
    for label, edit in edits.items():
        edited = edit(copy)
        if edited.text() == copy.text():
            continue
        again = _one(edited.text())
        if again is None:
            differences.append(f"{label}: not read as one project without errors")
            continue
        if label not in judged_only and read_as(again) != base_reading:
            differences.append(f"{label}: reads differently {read_as(again)} vs {base_reading}")
        if (judged := judge(again, label)) != base_judged:
            differences.append(f"{label}: {verb} differently {judged} vs {base_judged}")
    return differences


def right_tables(filters: list[str], kinds: tuple[str, ...] = KINDS) -> list[tuple[str, Path]]:
    """The corpus's tables of ``kinds`` (自评, 监控 and 区域) whose reading is right."""
    found = []
    for key_path in key_paths(filters):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        name = key_path.name[: -len(".expected.json")]
        kind = table_kind(name, key["kind"])
        if not any(k in name or k in kind for k in kinds):
            continue
        result = score_table(key_path)
        path = table_path(key_path, key)
        if path is not None and result.right == result.expected == result.read and not result.wrong:
            found.append((name, path))
    return found


def run(argv: list[str] | None, doc: str | None,
        check: Callable[[str, Document, Project, str], Outcome]) -> int:
    """The bench's command line (also ``bench/monitor_invariance.py``'s): ``check`` each project of the tables read
    right, a line for each difference, the counts at the end."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("filters", nargs="*")
    parser.add_argument("-v", "--verbose", action="store_true", help="every table, also those without differences")
    parser.add_argument("--limit", type=int, default=0, help="the first N tables only")
    args = parser.parse_args(argv)
    counts: Counter[str] = Counter()
    tables = right_tables(args.filters)
    for name, path in tables[: args.limit or None]:
        document = load_path(path).document
        if document is None:
            continue
        counts["tables"] += 1
        for project in document.projects:
            if not project.indicators:
                continue
            outcome = check(name, document, project, str(path))
            counts["projects"] += 1
            if not outcome.faithful:
                counts["not copied faithfully"] += 1
                if args.verbose:
                    print(f"{name[:60]:<60} {project.name[:16]}: not copied faithfully")
                continue
            counts["edited copies"] += outcome.edits
            counts["differences"] += len(outcome.differences)
            for difference in outcome.differences:
                print(f"{name[:60]:<60} {project.name[:16]}: {difference}")
    print("\n" + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(argv, __doc__, check_project)


if __name__ == "__main__":
    raise SystemExit(main())
