"""Round 42's changes (review42): a self-evaluation's budget execution against its own figures and its targets.

零陵 林业's 执行率 100% for 3824.26 of 4753.66万元 (b114), 隆阳's 10.77 % spent with every target met (b133) and a
普惠金融 transfer's 53 % with every row at full weight (b178), judged misses since rounds 14, 18 and 27. Each with a
tiny inline 自评表 read by the text reader that fails on the code before the round (d34ad5c6) and near misses."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.app.review_desk import finding_place
from perfbudget.cli import app
from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Document
from perfbudget.review import rules_execution
from perfbudget.review.config import ReviewConfig
from perfbudget.review.engine import review_document
from perfbudget.review.registry import all_rules
from tests.readers.test_kinds31_stated_execution import GRID, INDICATORS, NAME, TITLE
from tests.readers.test_reading36 import _text

GRID_HEAD, HEAD = GRID[0], INDICATORS[0]


def _met(level1: str, level2: str, name: str, target: str, actual: str, weight: str) -> list[str]:
    """An indicator row met at full marks."""
    return [level1, level2, name, target, actual, weight, weight, "无"]


MET = [_met("产出指标", "数量指标", "维修工程数", "≥10处", "10处", "30"),
       _met("产出指标", "质量指标", "工程验收合格率", "100%", "100%", "20"),
       _met("效益指标", "社会效益指标", "受益人口", "≥5000人", "5200人", "30"),
       _met("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10")]


def _loaded(grid: list[str], indicators: list[list[str]] | None = None, head: list[str] = GRID_HEAD,
            notes: tuple[tuple[str, str], ...] = (), layout: str = "pipes") -> LoadResult:
    """The 自评表 as text in ``layout`` (readers' test_reading36: ``pipes``, ``tabs``, ``cells`` one cell a line)."""
    rows = [*NAME, head, ["", "年度资金总额", *grid], HEAD, *(MET if indicators is None else indicators),
            ["总分", "", "", "", "", "100", "100", ""], *([label, text, *[""] * 6] for label, text in notes)]
    return load_bytes(_text([[line] for line in TITLE] + rows, layout) + b"\n", "自评表.txt")


def _document(grid: list[str], indicators: list[list[str]] | None = None, head: list[str] = GRID_HEAD,
              layout: str = "pipes") -> Document:
    document = _loaded(grid, indicators, head, layout=layout).document
    assert document is not None
    return document


def _told(document: Document, rule: str) -> list[tuple[int | None, str | None, str, str]]:
    return [(f.indicator, f.field, f.message, f.suggestion) for f in review_document(document).findings
            if f.rule == rule]


def test_a_rate_the_grid_figures_do_not_give_is_told() -> None:
    # 零陵's grid: 执行数 3824.26 of 4753.66 (80.4 %), 执行率 printed 100%
    document = _document(["4753.66", "4753.66", "3824.26", "10", "100%", "10"])
    ((indicator, field, message, suggestion),) = _told(document, "execution-rate-mismatch")
    assert (indicator, field) == (None, "budget.rate")
    assert message == "执行率写作100%，但全年执行数3824.26万元÷全年预算数4753.66万元=80.45%"
    assert "执行数÷预算数" in suggestion and "得分" in suggestion


def test_a_rate_mismatch_is_said_once_by_one_check() -> None:
    # 零陵's grid: the review's finding, not the reader's warning beside it
    loaded = _loaded(["4753.66", "4753.66", "3824.26", "10", "100%", "10"])
    assert not any("执行率读作" in p.message for p in loaded.problems)
    assert loaded.document is not None and len(_told(loaded.document, "execution-rate-mismatch")) == 1
    # one tolerance (a point): 80.6 written 80% quiet in both (the rule told it, the reader not), 81.2 told once
    for executed, told in (("80.6", False), ("81.2", True)):
        loaded = _loaded(["100", "100", executed, "10", "80%", "8"])
        assert loaded.document is not None and not any("执行率读作" in p.message for p in loaded.problems)
        assert bool(_told(loaded.document, "execution-rate-mismatch")) == told, executed
    # a grid read a column off is the reader's to warn of: the rule keeps quiet
    loaded = _loaded(["30", "30", "10", "100%", "99", ""])
    assert any("执行率读作 99%" in p.message for p in loaded.problems)


# (rule, case, the funds grid's 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, the finding's field), each
# read in three layouts (a cell left blank written 「—」: one cell a line loses an empty cell);
# test_review_rules.test_every_rule_has_both_kinds_of_case counts these tables
FLAG: list[tuple[str, str, list[str], str]] = [
    ("execution-rate-mismatch", "零陵: 100% for 3824.26 of 4753.66",
     ["4753.66", "4753.66", "3824.26", "10", "100%", "10"], "budget.rate"),
    ("execution-rate-mismatch", "worked on 年初: 100% for 100 of 全年 200", ["100", "200", "100", "10", "100%", "10"],
     "budget.rate"),
    ("execution-rate-mismatch", "万元/元 mixed: 95% for 264.5 of 2784449", ["2784449", "2784449", "264.5", "10", "95%",
                                                                         "9.5"], "budget.rate"),
    ("execution-rate-mismatch", "80.6 written 79%, past a point", ["100", "100", "80.6", "10", "79%", "7.9"],
     "budget.rate"),
    ("execution-low-all-met", "隆阳: 30 of 278.4449 spent", ["278.4449", "278.4449", "30.00", "20", "10.77%", "2.16"],
     "budget.executed"),
    ("execution-low-all-met", "a rate alone: 53%", ["100", "100", "—", "10", "53%", "5.3"], "budget.rate"),
]
NEAR_MISS: list[tuple[str, str, list[str]]] = [
    ("execution-rate-mismatch", "exact", ["100", "100", "53", "10", "53%", "5.3"]),
    ("execution-rate-mismatch", "whole percent, 80.6 rounded up", ["100", "100", "80.6", "10", "81%", "8.1"]),
    ("execution-rate-mismatch", "whole percent, 80.6 cut down", ["100", "100", "80.6", "10", "80%", "8"]),
    ("execution-rate-mismatch", "two places, 80.45%", ["4753.66", "4753.66", "3824.26", "10", "80.45%", "8.05"]),
    ("execution-rate-mismatch", "more than budgeted, the share capped", ["100", "100", "104", "10", "100%", "10"]),
    ("execution-rate-mismatch", "no 执行数 to divide", ["100", "100", "—", "10", "53%", "5.3"]),
    ("execution-rate-mismatch", "no rate written", ["100", "100", "80", "10", "—", "8"]),
    ("execution-low-all-met", "60% spent", ["100", "100", "60", "10", "60%", "6"]),
    ("execution-low-all-met", "万元/元 mixed: the mismatch rule's",
     ["2784449", "2784449", "264.5", "10", "95%", "9.5"]),
]
LAYOUTS = ("pipes", "tabs", "cells")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("rule_id", "case", "grid", "field"), FLAG, ids=[f"{c[0]}:{c[1]}" for c in FLAG])
def test_flag(rule_id: str, case: str, grid: list[str], field: str, layout: str) -> None:
    assert [f[:2] for f in _told(_document(grid, layout=layout), rule_id)] == [(None, field)], case


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("rule_id", "case", "grid"), NEAR_MISS, ids=[f"{c[0]}:{c[1]}" for c in NEAR_MISS])
def test_near_miss(rule_id: str, case: str, grid: list[str], layout: str) -> None:
    document = _document(grid, layout=layout)
    assert document.projects[0].budget.total is not None, case  # the grid was read
    assert _told(document, rule_id) == [], case


def test_both_rules_divide_by_the_year_s_budget() -> None:
    # 年初预算数 100, 全年预算数 200, 执行数 100, 执行率 100%: the rate is worked on 年初; by 全年 it is 50 %, told
    # once, by the mismatch rule (the low-execution rule leaves a rate its figures contradict to it)
    document = _document(["100", "200", "100", "10", "100%", "10"])
    ((_i, _f, message, _s),) = _told(document, "execution-rate-mismatch")
    assert message == "执行率写作100%，但全年执行数100万元÷全年预算数200万元=50.00%"
    assert _told(document, "execution-low-all-met") == []


def test_a_grid_read_a_column_off_is_not_told() -> None:
    # a blank 全年执行数 cell dropped on the page: 分值 10 lands under 执行数, the rate under 分值 (乐亭's page text)
    document = _document(["30", "30", "10", "100%", "99", ""])
    assert document.projects[0].budget.rate is not None  # the reader takes the shifted figures
    assert _told(document, "execution-rate-mismatch") == []
    assert _told(document, "execution-low-all-met") == []


def test_a_percentage_in_another_column_is_no_column_off() -> None:
    # 河北's 权重 10% under 分值, or a 进度 column in percent, beside a 执行率 in percent: the grid is read in place
    assert _told(_document(["4753.66", "4753.66", "3824.26", "10%", "100%", "10"]), "execution-rate-mismatch")
    head = [*GRID_HEAD, "进度"]
    document = _document(["100", "100", "30", "10", "30%", "3", "100%"], head=head)
    assert _told(document, "execution-low-all-met")


def test_most_money_unspent_with_every_target_met_is_told() -> None:
    # 隆阳's: 30 of 278.4449万元 spent, every target met
    document = _document(["278.4449", "278.4449", "30.00", "20", "10.77%", "2.16"])
    ((indicator, field, message, suggestion),) = _told(document, "execution-low-all-met")
    assert (indicator, field) == (None, "budget.executed")
    assert message == ("全年执行数30.00万元只占预算数278.4449万元的10.77%，但4个指标的实际完成值全部达到指标值："
                       "大部分资金没有花出去，产出和效益却全部完成，自评结果难以令人信服")
    assert "核实执行数" in suggestion and "偏差原因" in suggestion
    # without a rate of its own the share is worked out (53 of 208: 25.48 %, two decimals as the reader's)
    document = _document(["208", "208", "53", "10", "", "2.5"])
    assert _told(document, "execution-low-all-met")[0][2].startswith("全年执行数53万元只占预算数208万元的25.48%，")
    # a rate alone says it too
    document = _document(["100", "100", "", "10", "53%", "5.3"])
    ((_i, field, message, _s),) = _told(document, "execution-low-all-met")
    assert field == "budget.rate" and message.startswith("执行率只有53%，但4个指标的实际完成值全部达到指标值")


def test_a_low_share_the_stated_rate_contradicts_is_left_to_the_mismatch_rule() -> None:
    # 万元 and 元 mixed: a budget of 2784449 (元) under the 万元 head, 执行数 264.5 (万元), 执行率 95%: not a low
    # execution (「只占预算数2784449万元的0.0%」) but a rate its figures do not give, told once by the mismatch rule
    document = _document(["2784449", "2784449", "264.5", "10", "95%", "9.5"])
    assert _told(document, "execution-low-all-met") == []
    assert len(_told(document, "execution-rate-mismatch")) == 1
    # without a rate to tell, the share is shown to two significant digits, never 0.0%
    document = _document(["2784449", "2784449", "264.5", "10", "", "9.5"])
    ((_i, _f, message, _s),) = _told(document, "execution-low-all-met")
    assert message.startswith("全年执行数264.5万元只占预算数2784449万元的0.0095%，")


def test_low_execution_is_not_told_when_a_target_is_missed_or_cannot_be_compared() -> None:
    short = [[*MET[0][:4], "8处", "30", "24", "资金未全部到位"], *MET[1:]]
    assert _told(_document(["100", "100", "30", "10", "30%", "3"], short), "execution-low-all-met") == []
    # 休宁's 布展面积 0 against 300㎡: not comparable, so not "every target met"
    blank = [[*MET[0][:4], "0", "30", "0", "未布展"], *MET[1:]]
    assert _told(_document(["100", "100", "30", "10", "30%", "3"], blank), "execution-low-all-met") == []
    # fewer than three actuals
    assert _told(_document(["100", "100", "30", "10", "30%", "3"], MET[:2]), "execution-low-all-met") == []
    # 60 % and more spent
    assert _told(_document(["100", "100", "60", "10", "60%", "6"]), "execution-low-all-met") == []


def test_the_floor_is_a_parameter() -> None:
    spec = next(spec for spec in all_rules() if spec.id == "execution-low-all-met")
    assert spec.params == {"floor": 60}
    document = _document(["100", "100", "30", "10", "30%", "3"])  # 30 % spent, every target met
    assert _told(document, "execution-low-all-met")
    quiet = review_document(document, ReviewConfig(params={"execution-low-all-met": {"floor": 20}}))
    assert [f for f in quiet.findings if f.rule == "execution-low-all-met"] == []


def test_the_terminal_and_the_desk_name_the_grid_cell(tmp_path: Path) -> None:
    # the finding's field is the funds grid's (budget.executed, budget.rate): every face names it in Chinese
    path = tmp_path / "自评表.txt"
    rows = [*NAME, GRID_HEAD, ["", "年度资金总额", "278.4449", "278.4449", "30.00", "20", "10.77%", "2.16"], HEAD, *MET]
    path.write_text("\n".join([*TITLE, *(" | ".join(row) for row in rows)]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["review", str(path)])
    assert "execution-low-all-met" in result.stdout
    line = next(line for line in result.stdout.splitlines() if "execution-low-all-met" in line)
    assert line.rstrip().endswith("全年执行数") and "budget." not in result.stdout
    document = _document(["4753.66", "4753.66", "3824.26", "10", "100%", "10"])
    (finding,) = [f for f in review_document(document).findings if f.rule == "execution-rate-mismatch"]
    assert finding_place(document.projects[0], finding) == "执行率"


def test_low_execution_the_table_explains_is_not_told() -> None:
    grid = ["100", "100", "30", "10", "30%", "3"]
    assert _told(_document(grid), "execution-low-all-met")  # unexplained: told
    for reason in ("工程已完工，尾款结转下年支付", "资金未到位", "质保金待验收后支付"):
        explained = [[*MET[0][:7], reason], *MET[1:]]
        assert _told(_document(grid, explained), "execution-low-all-met") == [], reason


def test_only_a_reason_naming_the_money_quiets_low_execution() -> None:
    grid = ["100", "100", "30", "10", "30%", "3"]
    # about the works, or outside the texts that say why: still told
    for reason in ("项目分期分批实施", "巩固上年结转项目成果"):
        assert _told(_document(grid, [[*MET[0][:7], reason], *MET[1:]]), "execution-low-all-met"), reason
    loaded = _loaded(grid, notes=(("实际完成情况", "项目跨年分期实施，巩固上年结转项目成果"),))
    assert loaded.document is not None and _told(loaded.document, "execution-low-all-met")
    # the money said in a 偏差原因, a 评价结论 or a 存在问题: quiet
    assert _told(_document(grid, [[*MET[0][:7], "资金分期拨付"], *MET[1:]]), "execution-low-all-met") == []
    for label, text in (("评价结论", "项目资金结转下年使用"), ("存在问题", "部分工程款尚未支付")):
        loaded = _loaded(grid, notes=((label, text),))
        assert loaded.document is not None and _told(loaded.document, "execution-low-all-met") == [], label


def test_a_grid_without_execution_is_not_searched_for_a_shift(monkeypatch: pytest.MonkeyPatch) -> None:
    # no 执行数 and no 执行率 (every target table's project): the cheap test first, the grid's cells not looked at
    calls: list[int] = []
    monkeypatch.setattr(rules_execution, "read_a_column_off", lambda cells: bool(calls.append(1)))
    document = _document(["100", "100", "—", "10", "—", "10"])
    assert (document.projects[0].budget.executed, document.projects[0].budget.rate) == (None, None)
    review_document(document)
    assert calls == []
