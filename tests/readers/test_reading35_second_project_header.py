"""Two projects on one page whose second repeats no indicator header (FAILURES.md BU; BP's leftover (4)): its rows
were refused (缺少指标表头行); they are read by the first project's header where they fit its columns."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from tests.readers.test_tables_beside_the_form import _workbook

TWO_PROJECTS = [
    ["项目支出绩效目标表"],
    ["项目名称", "社区养老服务补贴"],
    ["项目资金（万元）", "年度资金总额", "120"],
    ["年度总体目标", "为辖区老年人提供养老服务。"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "服务老年人数", "≥500人"],
    ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%"],
    ["项目名称", "乡村道路养护"],
    ["项目资金（万元）", "年度资金总额", "80"],
    ["年度总体目标", "养护农村道路。"],
    ["产出指标", "数量指标", "养护道路里程", "≥120公里"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥92%"],
]
FIRST = [("服务老年人数", "≥500人"), ("老年人满意度", "≥90%")]
SECOND = [("养护道路里程", "≥120公里"), ("群众满意度", "≥92%")]


def _text(separator: str, rows: list[list[str]]) -> bytes:
    if separator == "|":
        return "\n".join("| " + " | ".join(row) + " |" for row in rows).encode()
    return "\n".join(separator.join(row) for row in rows).encode()


def _read(data: bytes, name: str) -> tuple[list[tuple[str, Decimal | None, list[tuple[str, str]]]], list[str]]:
    result = load_bytes(data, name)
    assert result.document is not None
    projects = [(p.name, p.budget.total, [(i.level3, i.target.raw) for i in p.indicators])
                for p in result.document.projects]
    return projects, [p.message for p in result.problems if p.severity is not Severity.INFO]


@pytest.mark.parametrize("separator", ["\t", "|", "  "])
def test_the_second_project_reads_its_rows_by_the_first_ones_header(separator: str) -> None:
    projects, told = _read(_text(separator, TWO_PROJECTS), "两个项目.txt")
    assert projects == [("社区养老服务补贴", Decimal("120"), FIRST), ("乡村道路养护", Decimal("80"), SECOND)]
    assert told == ["本项目没有重复指标表头：按上一个项目的指标表头（第5行）认定列"]


def test_a_sheet_with_two_projects_the_second_without_its_header() -> None:
    projects, told = _read(_workbook(("目标表", TWO_PROJECTS)), "两个项目.xlsx")
    assert projects == [("社区养老服务补贴", Decimal("120"), FIRST), ("乡村道路养护", Decimal("80"), SECOND)]
    assert told == ["本项目没有重复指标表头：按上一个项目的指标表头（第5行）认定列"]


def test_rows_wider_than_the_first_header_stay_refused() -> None:
    # guard: the second project's rows hold more cells than the first's header has columns: not its table
    rows = [*TWO_PROJECTS[:10], *([*row, "10", "10"] for row in TWO_PROJECTS[10:])]
    projects, told = _read(_text("\t", rows), "两个项目.txt")
    assert projects[1][2] == [] and any("缺少指标表头行" in message for message in told)


def test_a_first_project_without_a_header_borrows_none() -> None:
    # guard: a form whose own header is lost (nothing written before it on the page) is an error, as before
    rows = [row for row in TWO_PROJECTS if row[0] != "一级指标"]
    projects, told = _read(_text("\t", rows), "两个项目.txt")
    assert projects and all(indicators == [] for _, _, indicators in projects)
    assert any("缺少指标表头行" in message for message in told)
