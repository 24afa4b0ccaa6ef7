"""A transfer's 区域绩效目标表 names its finance departments (reading34).

The national 转移支付区域绩效目标表 (and its 自评表) writes 省级主管部门 | 某厅 beside 省级财政部门 | 某厅, a
county's copy 市级财政部门, 县级财政部门 or 区县财政部门 | 区县主管部门 (Chongqing). Only the 主管部门 were known
labels: the finance department and its name came back as two unlabelled texts (corpus `48`, `43`, `56`), and one
cell a line after a 自评得分 whose figure the page wrote further down, 省级财政部门 was read as the 自评得分's text
(`38`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfbudget.load import load_path

REGION = (
    "转移支付区域绩效目标表\n（2024年度）\n"
    "专项名称\t农村饮水安全巩固提升\n"
    "省级主管部门\t某省水利厅\t省级财政部门\t某省财政厅\n"
    "市级财政部门\t某市财政局\t县级财政部门\t某县财政局\n"
    "资金情况（万元）\t年度资金总额\t100\n"
    "\t其中：中央补助\t80\n"
    "\t地方资金\t20\n"
    "总体目标\t实施期目标\t年度目标\n"
    "\t2026年底前巩固提升3万人饮水安全。\t2024年巩固提升1万人饮水安全。\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t实施期指标值\t年度指标值\n"
    "\t产出指标\t数量指标\t受益人口\t≥3万人\t≥1万人\n"
    "\t满意度指标\t服务对象满意度指标\t受益群众满意度\t≥90%\t≥90%\n"
)
# one cell a line, a 自评表's 自评得分 whose figure stands after the departments (corpus `38`'s page)
SELF_EVALUATION_LINES = "\n".join([
    "食品监管补助资金区域绩效目标自评表", "专项名称", "食品监管补助资金", "中央主管部门", "市场监管总局", "自评得分",
    "省级财政部门", "某省财政厅", "区县财政部门", "某县财政局", "区县主管部门", "某县市场监管局", "100",
    "预算执行情况", "预算数:", "2.38", "执行数:", "2.38",
    "一级指标", "二级指标", "三级指标", "预期指标值", "实际完成指标值",
    "产出指标", "数量指标", "抽检批次", "≥100批次", "120批次",
    "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%",
]) + "\n"


def _extras(tmp_path: Path, text: str) -> tuple[tuple[str, str], ...]:
    source = tmp_path / "区域.txt"
    source.write_text(text, encoding="utf-8")
    read = load_path(source)
    assert read.ok and read.document is not None, read.problems
    return read.document.projects[0].extras


@pytest.mark.parametrize("pipes", [False, True], ids=["tabs", "pipes"])
def test_the_finance_departments_are_labelled(tmp_path: Path, pipes: bool) -> None:
    extras = _extras(tmp_path, REGION.replace("\t", " | ") if pipes else REGION)
    assert ("省级主管部门", "某省水利厅") in extras
    assert ("省级财政部门", "某省财政厅") in extras  # was ('', '省级财政部门'), ('', '某省财政厅')
    assert ("市级财政部门", "某市财政局") in extras and ("县级财政部门", "某县财政局") in extras
    assert not [text for label, text in extras if not label]


def test_one_cell_a_line_the_finance_department_is_no_score_text(tmp_path: Path) -> None:
    extras = _extras(tmp_path, SELF_EVALUATION_LINES)
    assert ("省级财政部门", "某省财政厅") in extras  # was ('自评得分', '省级财政部门'), ('', '某省财政厅')
    assert ("区县财政部门", "某县财政局") in extras and ("区县主管部门", "某县市场监管局") in extras
    assert ("自评得分", "省级财政部门") not in extras
