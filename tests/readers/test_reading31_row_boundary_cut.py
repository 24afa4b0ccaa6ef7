"""A text table cut exactly at a row boundary (reading31): every row read is whole, so the test of a short last row
says nothing; where the text shows the cut — its rows all outputs (产出, 成本), no 效益 or 满意度 row, nothing after
the rows, or a tree ending on a level name with nothing under it — the reader says so at the last row, as a
warning, and adds or drops nothing."""

from __future__ import annotations

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity

HEAD = ("项目支出绩效目标表\n项目名称 | 乡村道路养护\n资金情况（万元） | 年度资金总额 | 50\n"
        "一级指标 | 二级指标 | 三级指标 | 指标值\n")
OUTPUT = "产出指标 | 数量指标 | 养护道路里程 | ≥20公里\n | 质量指标 | 验收合格率 | 100%\n"
EFFECT = "效益指标 | 社会效益指标 | 群众出行条件 | 改善\n"
SATISFACTION = "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90%\n"


def _said(text: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    result = load_bytes(text.encode(), "目标表.txt")
    assert result.document is not None
    assert not [p for p in result.problems if p.severity is Severity.ERROR], [str(p) for p in result.problems]
    said = [str(p) for p in result.problems
            if p.severity is Severity.WARNING and ("末尾结束" in p.message or "处结束" in p.message)]
    return [(i.level1, i.level3, i.target.raw) for i in result.document.projects[0].indicators], said


@pytest.mark.parametrize(("rows", "line", "only"), [
    (OUTPUT, 6, "表中只有产出指标，"),
    (OUTPUT + " | 成本指标 | 每公里养护成本 | ≤2万元\n", 7, "表中只有产出指标，"),  # 成本 as a 二级
    (OUTPUT + "成本指标 | 经济成本指标 | 每公里养护成本 | ≤2万元\n", 7, "表中只有产出指标、成本指标，"),  # as a 一级
], ids=["output", "cost-level2", "cost-level1"])
def test_a_text_stopping_after_a_whole_row_of_its_outputs_is_told(rows: str, line: int, only: str) -> None:
    indicators, said = _said(HEAD + rows)
    assert len(indicators) == rows.count("\n")  # every whole row read, none added
    assert len(said) == 1 and said[0].startswith(f"目标表.txt:{line}:第4列:") and only in said[0], said
    assert "没有效益指标、满意度指标" in said[0]


@pytest.mark.parametrize("rows", [
    OUTPUT + EFFECT + SATISFACTION,  # the form's last group: whole
    OUTPUT + EFFECT + "填表人：张三\n",  # its 效益 group then its sign-off (without it: told since reading36)
    OUTPUT + "填表人：张三\n",  # its sign-off after the rows: the text did not stop there
    OUTPUT + "\n说明：本表由项目单位填报。\n",  # a note after the rows
], ids=["whole", "no-satisfaction", "signed", "noted"])
def test_a_whole_form_or_text_after_the_rows_is_not_told(rows: str) -> None:
    _indicators, said = _said(HEAD + rows)
    assert said == []


TREE = """某中心2020年项目绩效目标批复表
单位:元
项目
指标值
绩效金额
 某中心
  疫苗采购
3000000
   产出指标
    数量指标
     疫苗接种人次
≥5000人次
   满意度指标
    服务对象满意度指标
     服务对象满意度
≥90%
"""


def test_a_tree_ending_on_a_level_name_is_told_at_that_name() -> None:
    indicators, said = _said(TREE + "   效益指标\n")
    assert [name for _l1, name, _t in indicators] == ["疫苗接种人次", "服务对象满意度"]
    assert len(said) == 1 and said[0].startswith("目标表.txt:17:") and "「效益指标」" in said[0], said
    assert _said(TREE)[1] == []  # ending on a value: whole
