"""Review test helpers: a table every rule passes, variants of it, running one rule on them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from perfbudget.model import Document
from perfbudget.review.config import ReviewConfig
from perfbudget.review.engine import review_document

# A small table that every rule passes: all groups, a money cost within budget, sane values.
GOOD_ROWS = [
    ["产出指标", "数量指标", "视频会议保障数量", "视频会议保障数量", "≥12次"],
    ["产出指标", "质量指标", "网络连通率", "网络连通率", "≥95%"],
    ["产出指标", "时效指标", "系统故障修复平均响应时间", "系统故障修复平均响应时间", "≤2小时"],
    ["产出指标", "成本指标", "运行维护成本", "运行维护成本", "≤10万元"],
    ["效益指标", "社会效益指标", "系统正常运行天数", "系统正常运行天数", "≥360天"],
    ["满意度指标", "服务对象满意度指标", "服务干警满意度", "服务干警满意度", "≥95%"],
]


def header(total: str = "10.00", fiscal: str = "10.00", other: str = " ", purpose: str = "用于系统运行维护",
           goals: str = "1.全年保障视频会议12次以上，网络连通率达到95%") -> list[list[str]]:
    return [
        ["100001测试单位", "单位：万元"],
        ["项目名称", "测试项目-2024中央"],
        ["预算规模及资金用途", "预算数", total, "其中：财政    资金", fiscal, "其他资金", other],
        ["", purpose],
        ["绩效目标", goals],
        ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"],
    ]


def table_file_text(rows: list[list[str]], header_rows: list[list[str]] | None = None,
                    heading: str = "1.测试项目-2024中央绩效目标表") -> str:
    """The text of a table file in the seed's tab-cell form (as tests/conftest.py's table_text)."""
    lines = [heading]
    for cells in [*(header_rows or header()), *rows]:
        lines.extend("\t" + cell for cell in cells)
        lines.append("")
    return "\n".join(lines) + "\n"


def with_row(position: int, row: list[str]) -> list[list[str]]:
    """GOOD_ROWS with the row at 1-based ``position`` replaced."""
    rows = [list(r) for r in GOOD_ROWS]
    rows[position - 1] = row
    return rows


def read(rows: list[list[str]], header_rows: list[list[str]] | None, inline: Any) -> Document:
    document, problems = inline(*rows, header_rows=header_rows or header())
    assert document is not None, problems
    assert not [p for p in problems if p.severity == "error"], problems
    return document


Run = Callable[..., list[tuple[int | None, str | None]]]


def make_runner(inline: Any) -> Run:
    """run(rule_id, rows, header_rows=None, config=None) -> [(indicator, field)] of that rule's findings."""

    def _run(rule_id: str, rows: list[list[str]], header_rows: list[list[str]] | None = None,
             config: ReviewConfig | None = None) -> list[tuple[int | None, str | None]]:
        document = read(rows, header_rows, inline)
        report = review_document(document, config, only={rule_id})
        assert {f.rule for f in report.findings} <= {rule_id}
        return [(f.indicator, f.field) for f in report.findings]

    return _run
