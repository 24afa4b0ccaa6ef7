"""A 自评表's closing line glued to its last indicator row in text copied from a web page (corpus ``25``).

``…≤5% 22.5 合计100 评价结论及时、足额缴纳。存在问题暂无改进措施暂无项目负责人:财务负责人:``: the closing
texts were lost (the rest of the line one cell, dropped as a footer), and where the 合计 ran into the last
row's number (``22.5合计100``) or stood apart from its figure (``合计 100``) the last indicator was lost too, or
the whole line refused. Both survive now: the indicators, and the closing rows as the project's texts
(kinds33)."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Document
from tests.conftest import ROOT

ROWS = ("产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5 "
        "效益指标经济效益指标结余率≤5% 22.5")
CLOSING = (("评价结论", "及时、足额缴纳。"), ("存在问题", "暂无"), ("改进措施", "暂无"))


def _document(line: str) -> Document:
    result = load_bytes((line + "\n").encode(), "自评表.txt")
    assert result.document is not None, result.problems
    return result.document


def _check(document: Document, last: str = "结余率") -> None:
    (project,) = document.projects
    assert [(i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        ("数量指标", "足额保障率", "=100%"), ("数量指标", "科目调整次数", "≤10次"), ("时效指标", "按时发放率", "=100%"),
        ("经济效益指标", last, "≤5%")]
    assert [extra for extra in project.extras if extra[0] in dict(CLOSING)] == list(CLOSING)
    assert ("合计", "100") in project.extras
    assert not any("负责人" in text for extra in project.extras for text in extra)
    assert document.kind == "self-evaluation"  # a table closing with its 评价结论


def test_the_closing_rows_after_the_last_indicator_are_kept() -> None:
    for joint in (" 合计100 ", "合计100 ", " 合计 100 ", " 合计100"):
        _check(_document(ROWS + joint + "评价结论及时、足额缴纳。存在问题暂无改进措施暂无项目负责人:财务负责人:"))


def test_the_corpus_page() -> None:
    path = ROOT / "tests/fixtures/real/corpus/25_sichuan-dyrmt-2023-selfeval-noheader-glued.txt"
    _check(_document(path.read_text(encoding="utf-8").strip()), "结余率(计算方法为:结余数/预算数)")


def test_a_conclusion_without_a_total_row_gives_its_score() -> None:  # (the glued line is read in NFKC: ，→ ,)
    document = _document(ROWS + " 评价结论项目自评得分95分，不存在问题。改进措施无")
    (project,) = document.projects
    assert len(project.indicators) == 4 and project.table_total == Decimal(95)
    assert ("评价结论", "项目自评得分95分,不存在问题。") in project.extras and ("改进措施", "无") in project.extras


def test_a_name_with_a_closing_word_is_no_closing() -> None:
    document = _document("产出指标成本指标补助资金合计≤100万元 50 效益指标社会效益指标受益人数≥100人 50")
    (project,) = document.projects
    assert [i.level3 for i in project.indicators] == ["补助资金合计", "受益人数"]
    assert document.kind == "target"


def test_a_target_shaped_table_closing_with_its_conclusion_is_a_self_evaluation() -> None:
    """Not glued only: pipe rows and one cell a line, whose columns name no 实际完成值 or 得分, keep their closing rows
    (until kinds33 dropped as a footer, the table a target table) and the total their 评价结论 states."""
    rows = [["项目名称", "农村饮水工程维修养护"], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "维修工程数", "≥10处"], ["效益指标", "社会效益指标", "受益人口", "≥5000人"],
            ["评价结论", "及时完成，自评总分100分，得分95分"], ["存在问题", "无"]]
    for text in ("\n".join(" | ".join(row) for row in rows), "\n".join(cell for row in rows for cell in row)):
        document = _document(text)
        (project,) = document.projects
        assert document.kind == "self-evaluation" and len(project.indicators) == 2
        assert [extra for extra in project.extras if extra[0] in ("评价结论", "存在问题")] == [
            ("评价结论", "及时完成，自评总分100分，得分95分"), ("存在问题", "无")]
        assert project.table_total == Decimal(95)
