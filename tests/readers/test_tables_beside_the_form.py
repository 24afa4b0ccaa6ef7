"""Tables beside a form that hold nothing of one (a sheet of the fund sources that the form's formulas add
up, a sign-off table under a Word form) are left out with a located warning, not an error that refuses the
whole file; alone in a file they are still an error. The applying unit (申报单位) names the budget unit when
no table has a unit row."""

from __future__ import annotations

import io
from decimal import Decimal

from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Severity
from tests.readers.word_tables import word_file

FORM = [
    ["项目绩效目标表", None, None, None, None],
    ["申报单位", "区林业局", "项目名称", "村道绿化项目", None],
    ["年度资金总额", "153.5", None, None, None],
    ["项目年度目标", "公路沿线绿化3500米", None, None, None],
    ["一级指标", "二级指标", "三级指标", "指标值", None],
    ["产出指标", "数量指标", "绿化公路长度", "≥3500米", None],
    [None, "质量指标", "树木成活率", "≥85%", None],
]
FUND_SOURCES = [
    ["资金来源", "文号", "金额(万元)"],
    ["中央资金", None, None],
    ["市级资金", "渝财农〔2021〕150号", 153.5],
    ["合计", None, 153.5],
]


def _workbook(*sheets: tuple[str, list[list[object]]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _messages(result: LoadResult, severity: Severity) -> list[str]:
    return [f"{p.source.sheet}:{p.source.row} {p.message}" for p in result.problems if p.severity is severity]


def test_a_sheet_of_fund_sources_beside_the_form_is_left_out_with_a_warning() -> None:
    for sheets in ((("目标表", FORM), ("资金来源", FUND_SOURCES)), (("资金来源", FUND_SOURCES), ("目标表", FORM))):
        result = load_bytes(_workbook(*sheets), "f.xlsx")
        assert _messages(result, Severity.ERROR) == []
        assert result.document is not None
        (project,) = result.document.projects
        assert project.name == "村道绿化项目"
        assert project.budget.total == Decimal("153.5")
        assert [i.level3 for i in project.indicators] == ["绿化公路长度", "树木成活率"]
        warnings = _messages(result, Severity.WARNING)
        assert any(w.startswith("资金来源:1 ") and "不是绩效目标表" in w for w in warnings), warnings
        # the applying unit names the budget unit, and the choice is said
        assert result.document.unit.name == "区林业局"
        assert any("申报单位" in p.message for p in result.problems if p.severity is Severity.INFO)


def test_the_same_sheet_alone_is_still_an_error() -> None:
    result = load_bytes(_workbook(("资金来源", FUND_SOURCES)), "f.xlsx")
    assert result.document is None or not result.document.projects
    assert any("不是绩效目标表" in m or "没有找到" in m for m in _messages(result, Severity.ERROR))


def test_a_table_with_a_project_name_but_no_indicators_still_refuses_the_file() -> None:
    """A second project cut before its indicators holds a name: it is no table beside the form."""
    cut = [["项目名称", "另一个项目", None], ["年度资金总额", "20", None]]
    result = load_bytes(_workbook(("目标表", FORM), ("第二个项目", cut)), "f.xlsx")
    assert _messages(result, Severity.ERROR), result.problems


def test_a_sign_off_table_under_a_word_form_is_left_out_with_a_warning() -> None:
    import docx

    rows = [[c or "" for c in row[:4]] for row in FORM]
    document = docx.Document(io.BytesIO(word_file(rows)))
    sign = document.add_table(rows=1, cols=4)
    for cell, text in zip(sign.rows[0].cells, ["填表人", "张三", "填报日期", "2024年1月5日"], strict=True):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    result = load_bytes(buffer.getvalue(), "f.docx")
    assert _messages(result, Severity.ERROR) == []
    assert result.document is not None and len(result.document.projects) == 1
    assert any("不是绩效目标表" in p.message for p in result.problems if p.severity is Severity.WARNING)
