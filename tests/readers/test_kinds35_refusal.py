"""A glued form refused says what a person sees is wrong with it, where (kinds35; corpus ``185``): its funds head
broken over lines out of order, a label written after its value, the text ending inside a figure. Until kinds35 the
refusal said only that the cells had no separators or the table was cut at its header."""

from __future__ import annotations

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from tests.conftest import ROOT

FORM = ["附件2", "部门整体支出绩效自评表", "（2021年度）", "某县教育局", "部门名称", "年初全年预算全年",
        "分值执行率得分", "预算数数执行数", "年度资金总额4678.504468."]


def _errors(lines: list[str], name: str = "自评表.txt") -> list[str]:
    result = load_bytes(("\n".join(lines) + "\n").encode(), name)
    assert result.document is None or not any(p.indicators for p in result.document.projects)
    return [p.message for p in result.problems if p.severity is Severity.ERROR]


def test_what_a_person_sees_is_told_with_its_lines() -> None:
    (error, *_) = _errors(FORM)
    assert "资金表头的列名拆在第6–8行（「年初全年预算全年」「分值执行率得分」「预算数数执行数」）" in error
    assert "「部门名称」（第5行）写在其值之后" in error and "「某县教育局」" in error
    assert "文本在第9行「年度资金总额4678.504468.」的数字中间结束" in error


def test_each_alone() -> None:
    """Each finding only where the text shows it: a head on one line, a label before its value and a whole last
    figure say nothing of them."""
    whole = ["部门整体支出绩效自评表", "部门名称", "某县教育局", "年初预算数全年预算数全年执行数分值执行率得分",
             "年度资金总额4678.50"]
    (error, *_) = _errors(whole)
    assert "资金表头" not in error and "写在其值之后" not in error and "数字中间结束" not in error
    (error, *_) = _errors([*whole[:3], *FORM[5:8], "年度资金总额4678.50"])
    assert "资金表头的列名拆在第4–6行" in error and "数字中间结束" not in error


def test_the_corpus_page() -> None:
    path = next((ROOT / "tests/fixtures/real/corpus").glob("185_*.txt"))
    result = load_bytes(path.read_bytes(), path.name)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    first = errors[0]
    assert first.source.line == 50
    assert "资金表头的列名拆在第55–57行" in first.message
    assert "「部門名稱」（第54行）写在其值之后" in first.message and "新田" in first.message
    assert "文本在第58行「年度資金總額4678.504468.」" in first.message
