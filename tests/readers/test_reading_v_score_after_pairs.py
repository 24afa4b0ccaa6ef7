"""A 自评表's 自评得分 whose figure is written after the pairs beside it (reading-v; corpus 38, r38).

    中央主管部门 | 市场监管总局 | 自评得分 |
    省级财政部门 | 四川省财政厅 | 省级主管部门 | 四川省市场监管局 | 100

The score stands under its label, in the next row's last cell (a cell merged down beside the next rows, and one cell
a line after their pairs): the label was read empty and the figure an unlabelled text, so the table's own total was
none. A total's label left empty takes the first unlabelled text after it when only filled pairs stand between and
the text is a score."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes

HEAD = "项目名称 | 食品监管补助资金 |\n"
INDICATORS = ("一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
              "产出指标 | 数量指标 | 抽检批次 | ≥100批次 | 120批次 | 50 | 50 |\n"
              "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | 50 | 50 |\n")


def _total(header: str) -> tuple[Decimal | None, int | None]:
    result = load_bytes((HEAD + header + INDICATORS).encode(), "form.txt")
    project = result.document.projects[0]
    at = project.sources.get("table_total")
    return project.table_total, at.line if at else None


def test_a_score_written_after_the_pairs_beside_its_label() -> None:
    assert _total("中央主管部门 | 市场监管总局 | 自评得分 | |\n"
                  "省级财政部门 | 四川省财政厅 | 省级主管部门 | 四川省市场监管局 | 100 |\n") == (Decimal(100), 3)


@pytest.mark.parametrize("header", [
    # the first unlabelled text after the label is no score: nothing is taken further on
    "中央主管部门 | 市场监管总局 | 自评得分 | |\n省级财政部门 | 四川省财政厅 | 说明 | 100 |\n",
    # another label left empty between: whose figure it is is not sure
    "自评得分 | | 省级主管部门 | |\n省级财政部门 | 四川省财政厅 | 100 |\n",
    # a figure over 100 is no score
    "中央主管部门 | 市场监管总局 | 自评得分 | |\n省级财政部门 | 四川省财政厅 | 120 |\n",
])
def test_no_score_taken_where_the_figure_is_not_plainly_its(header: str) -> None:
    assert _total(header) == (None, None)
