"""A self-evaluation's funds row glued into one number run (corpus 07, 32, 69): split into its columns only where
exactly one split has 执行数 / 预算数 equal to the printed 执行率 (a part of it within that row); anything else is left
out, an error at the row."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.readers.glued_funds import split_glued_funds
from perfbudget.readers.text import read_text


def split_glued_funds_parts(parts: list[str]) -> list[str]:
    return split_glued_funds(parts)[0]


COLUMNS = ["全年预算数", "(A)", "全年执行数", "(B)", "分值", "执行率", "(B/A)", "得分", "年度资金总额"]


def test_the_only_split_whose_rate_checks_out() -> None:
    # 2 | 020 and 201 | 0 … do not fit; 20 | 20 | 10 | 100.00% | 10 is the one whose rate is 20 / 20
    assert split_glued_funds_parts([*COLUMNS, "202010100.00%10", "其他资金"]) == [
        "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", "年度资金总额",
        "20", "20", "10", "100.00%", "10", "其他资金"]
    assert split_glued_funds_parts(["全年预算数", "全年执行数", "执行率", "年度资金总额", "194.9194.9100%"])[-3:] == [
        "194.9", "194.9", "100%"]
    assert split_glued_funds_parts(["预算数", "执行数", "执行率", "得分", "(20分*", "执行率", ")", "年度财政资金总额",
                              "10085.585.5%17"]) == [
        "预算数", "执行数", "执行率", "得分(20分*执行率)", "年度财政资金总额", "100", "85.5", "85.5%", "17"]


def test_a_split_with_nothing_spent_counts_only_alone() -> None:
    # 10101 | 0 | 0% | 20 fits any budget: 10 | 10 | 100% | 20 is the reading
    assert split_glued_funds_parts(["预算数", "执行数", "执行率", "得分", "合计", "1010100%20"])[-4:] == [
        "10", "10", "100%", "20"]
    assert split_glued_funds_parts(["预算数", "执行数", "执行率", "得分", "合计", "5000%0"])[-4:] == [
        "50", "0", "0%", "0"]


def test_a_parts_run_is_split_within_the_checked_row() -> None:
    # 其中:本年财政拨款 2020 under a total of 20 | 20: 20 | 20 (202 | 0 exceeds it, 2 | 020 has a leading zero)
    parts, unsplit = split_glued_funds([*COLUMNS, "202010100.00%10", "其中", "本年财政拨款", "2020", "其他资金"])
    assert parts[-5:] == ["其中", "本年财政拨款", "20", "20", "其他资金"] and unsplit == []


def test_runs_that_do_not_split_are_left_out_for_an_error() -> None:
    # 10085 | 9 | 0% (9 of 10085 printed 0%) is no reading; 10 | 0 | 90% does not check out; 1010 has no rate
    for columns, run in ((["预算数", "执行数", "执行率"], "1008590%"), (["预算数", "执行数", "执行率"], "10090%"),
                         (["预算数", "执行数"], "1010")):
        parts, unsplit = split_glued_funds([*columns, "合计", run])
        assert parts == [*columns, "合计"] and unsplit == [run]
    # more than two row labels: the columns are over, the number is no funds run
    prose = ["项目概况", "项目内容", "实施地点"]
    assert split_glued_funds(["预算数", "执行数", "执行率", *prose, "1010100%"]) == (
        ["预算数", "执行数", "执行率", *prose, "1010100%"], [])


def test_a_glued_forms_funds_run_that_does_not_split_is_an_error() -> None:
    document, problems = read_text(PAGE.replace("505010100.00%10", "5050%"), "t.txt")
    assert document is not None and document.projects[0].budget.total is None
    assert any("「5050%」" in p.message and "无法可靠拆分" in p.message for p in problems)


PAGE = ("附件:绩效自评表(2022年度)项目名称某村道路硬化工程主管部门某县交通运输局实施单位某县交通运输局"
        "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:505010100.00%10其他资金"
        "年度总体目标年初设定目标年度总体目标完成情况综述" + "完成某村道路硬化,方便群众出行,改善生产生活条件," * 12 +
        "绩效指标一级指标二级指标三级指标年度指标值全年实际值得分产出指标数量指标硬化道路长度2公里2公里20"
        "质量指标验收合格率100%100%20总分40\n")


def test_a_glued_forms_budget_is_read_from_its_split_funds_row() -> None:
    document, problems = read_text(PAGE, "t.txt")
    assert document is not None, problems
    project = document.projects[0]
    assert project.budget.total == Decimal("50") and document.money_unit == "万元"


def test_amounts_written_with_their_unit_in_the_run() -> None:
    assert split_glued_funds_parts(["预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)", "年度财政资金总额",
                              "10万10万100%20"])[-4:] == ["10万", "10万", "100%", "20"]


CHUNKS = ("下载本文档\n\n1、" + "附件:某某单位2020年度项目绩效自评报告。" * 12 + "\n\n"
          "2、评表 项目名称档案数字化专项经费主管部门某市档案局项目实施单位某市档案馆预算执行情况(万元)(20分)"
          "预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额10万9万90%18年度绩效指标一级指标二级指标"
          "三级指标年初目标值(A)实际完成值(B)得分产出指标数量指标数字化件数10000件10000件20质量指标合格率100%100%20"
          "总分58\n")


def test_a_document_sites_chunks_with_blank_lines_between_are_one_paragraph() -> None:
    document, problems = read_text(CHUNKS, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    assert project.name == "档案数字化专项经费" and project.budget.total == Decimal("10")
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("数字化件数", "10000件"), ("合格率", "100%")]
