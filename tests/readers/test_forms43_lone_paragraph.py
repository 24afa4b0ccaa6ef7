"""The Word extractor's tab-cell text (the seed's form) of a cell holding an empty paragraph between two (forms43,
FAILURES.md section CU): the extractor writes the empty paragraph as a blank line — the line that also parts rows —
so the paragraph after it stood alone between two lines of the row, and 0e435d37 took it for the heading of a new
table: the row was cut after ``养护`` (三级指标「养护」没有指标值) and the rest refused (缺少指标表头行). A line after a
blank line that is no heading nor label, in a row shorter than the row before it, is now the last cell's further
paragraph and the row goes on. A lone line after a whole row stays what it was (the heading of what follows, joined
as a table going on)."""

from __future__ import annotations

import pytest

from perfbudget.load import load_bytes


def _cells(*texts: str) -> str:
    return "\n".join("\t" + text for text in texts) + "\n\n"


_HEAD = ("某县2024年度项目支出绩效目标表\n\n" + _cells("项目名称", "农村道路养护")
         + _cells("项目资金（万元）", "年度资金总额", "120") + _cells("一级指标", "二级指标", "三级指标", "指标值"))
_TAIL = (_cells("效益指标", "社会效益指标", "群众出行条件", "明显改善")
         + _cells("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"))
_WANT_TEXT = (_cells("产出指标", "数量指标", "养护里程", "≥300公里") + _TAIL)
_WANT = [("产出指标", "数量指标", "养护里程", "≥300公里"), ("效益指标", "社会效益指标", "群众出行条件", "明显改善"),
         ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")]


def _read(text: str) -> list[tuple[str, str, str, str]]:
    result = load_bytes(text.encode(), "表.txt")
    assert result.ok, [p.message for p in result.errors]
    assert result.document is not None
    [project] = result.document.projects
    assert (project.name, project.budget.total) == ("农村道路养护", 120)
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators]


def test_a_paragraph_after_an_empty_one_inside_a_row_goes_on_in_its_cell() -> None:
    assert _read(_HEAD + "\t产出指标\n\t数量指标\n\t养护\n\n里程\n\t≥300公里\n\n" + _TAIL) == _WANT


def test_a_lone_line_after_a_whole_row_is_still_left_between_the_tables() -> None:
    assert _read(_HEAD + _cells("产出指标", "数量指标", "养护里程", "≥300公里") + "（续表）\n\n" + _TAIL) == _WANT


# Short rows are everywhere (其中：财政拨款|120, 备注|无, a form's last row): a lone line after one that a blank line
# or a new table follows is what stands between tables, never the row's further paragraph (read as on 0e435d37).
_NEXT = _HEAD.replace("农村道路养护", "农村饮水").split("\n\n", 1)[1]
_BETWEEN = ["2.农村饮水安全工程", "某县2024年度农村饮水项目", "注：金额单位为万元", "目标1：完成养护", "附件2",
            "（续表）"]


def test_a_line_between_a_short_row_and_a_blank_line_heads_the_next_table() -> None:
    text = _HEAD.replace(_cells("一级指标", "二级指标", "三级指标", "指标值"), _cells("其中：财政拨款", "120")
                         + "年度绩效目标\n\n" + _cells("一级指标", "二级指标", "三级指标", "指标值")) + _WANT_TEXT
    assert _read(text) == _WANT


@pytest.mark.parametrize("line", _BETWEEN)
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_line_after_a_short_last_row_stays_between_the_tables(line: str, gap: str) -> None:
    first = _HEAD + _WANT_TEXT + _cells("备注", "无") + line + gap
    result = load_bytes((first + (_HEAD.replace("农村道路养护", "农村饮水") if gap == "\n\n" else _NEXT)
                         + _WANT_TEXT).encode(), "表.txt")
    assert result.ok, [p.message for p in result.errors]
    assert result.document is not None
    assert [(p.name, [i.target.raw for i in p.indicators]) for p in result.document.projects] == [
        ("农村道路养护", ["≥300公里", "明显改善", "≥90%", "无"]), ("农村饮水", ["≥300公里", "明显改善", "≥90%"])]
