"""The text path's leftovers of FAILURES.md BU–BX (section BY): each on a tiny inline table that main 8e80b355
read wrong or refused."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Document, Severity
from tests.readers.word_tables import word_file

HEAD = [
    ["项目名称", "社区养老服务补贴"],
    ["项目资金（万元）", "年度资金总额", "120"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
]
ROWS = [
    ["产出指标", "数量指标", "服务老年人数", "≥500人"],
    ["", "质量指标", "服务合格率", "≥95%"],
    ["满意度指标", "", "老年人满意度", "≥90%"],
]


def _text(rows: Sequence[Sequence[str]], layout: str) -> bytes:
    """``rows`` as text: ``tabs`` or ``pipes`` (empty cells kept), ``cells`` (one cell a line, empty ones left)."""
    if layout == "tabs":
        return "\n".join("\t".join(row) for row in rows).encode()
    if layout == "pipes":
        return "\n".join("| " + " | ".join(row) + " |" for row in rows).encode()
    return "\n".join(cell for row in rows for cell in row if cell).encode()


def _read(data: bytes, name: str = "表.txt") -> tuple[Document, list[str]]:
    result = load_bytes(data, name)
    assert result.document is not None, [str(p) for p in result.problems]
    return result.document, [f"{p.severity}: {p.message}" for p in result.problems]


def _errors(problems: list[str]) -> list[str]:
    return [p for p in problems if p.startswith(f"{Severity.ERROR}:")]


@pytest.mark.parametrize("kind", ["tabs", "pipes", "docx"])
def test_a_satisfaction_row_with_its_level2_cell_empty(kind: str) -> None:
    """``满意度指标 | | 老年人满意度 | ≥90%``: the project frameworks hold one 二级 under 满意度指标, so the empty cell
    is read as the 一级's name (as a cell merged across both columns is), with a note; main refused the row."""
    rows = [*HEAD, *ROWS]
    data = word_file(rows) if kind == "docx" else _text(rows, kind)
    document, problems = _read(data, "表.docx" if kind == "docx" else "表.txt")
    last = document.projects[0].indicators[-1]
    assert (last.level1, last.level2, last.level3, last.target.raw) == ("满意度指标", "满意度指标", "老年人满意度", "≥90%")
    assert not _errors(problems)
    assert any("二级指标为空" in p and p.startswith(f"{Severity.INFO}:") for p in problems)


def test_a_department_tables_satisfaction_row_with_its_level2_cell_empty_stays_an_error() -> None:
    # guard: a 部门整体 table's 满意度 holds several 二级 (服务对象, 社会公众): nothing is implied
    rows = [["部门整体支出绩效目标表"], ["部门名称", "某县民政局"], HEAD[2], *ROWS]
    _document, problems = _read(_text(rows, "tabs"))
    assert any("老年人满意度」缺少一级或二级指标" in p for p in _errors(problems))
