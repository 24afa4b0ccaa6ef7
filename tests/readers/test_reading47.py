"""What reading47 changed in the reader (tables from units the reader had not met, and last session's leftovers).

* ``单位：元`` over a form whose funds label says ``资金情况（万元）``: the amounts under the label are in the label's
  own unit (corpus `213`, 汉阴县's 普惠金融 fund: 112 read as 112 元, it is 112 万元), noted for a check.
* One cell a line, ``资金情况`` / ``(万元)``: the note is the funds label's, the copy broke the cell before its bracket.
* One cell a line, ``服务对象`` / ``满意度`` / ``指标``: one 二级 name wrapped over three lines (``满意度`` + ``指标``
  were joined first: 服务对象 read as the 一级, 满意度指标 as its 二级).
* html2text's one cell a line (a pipe before each cell but a row's first) with a blank line between its lines: the
  blank line is no cell boundary (edit invariance's `193` case: the rows were cut at each blank line).
* A form's header block a label a line, each label glued to its value (``项目名称环保局…``) under the form's title:
  split at the label each line starts with, the form's lone ``金额:100 万元`` its budget (corpus `195`, `152`:
  refused until now).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Project, Severity
from tests.readers.test_reading46 import LEADING_PIPES, _indicators
from tests.readers.word_tables import form_file

FUNDS_HEAD = [["项目名称", "某项补助资金"], ["资金情况（万元）", "年度金额", "112"]]
INDICATORS = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "补助人数", "≥100人"],
              ["满意度指标", "服务对象满意度指标", "受助对象满意度", "≥90%"]]


def _read(rows: list[list[str]], lines: list[str], form: str) -> tuple[Project, str | None]:
    read = load_bytes(*form_file(rows, lines, form, "表"))
    assert read.document is not None, [str(p) for p in read.problems]
    assert not [p for p in read.problems if p.severity is Severity.ERROR], [str(p) for p in read.problems]
    (project,) = read.document.projects
    return project, read.document.money_unit


@pytest.mark.parametrize("form", ["lines", "tabs", "pipes", "docx", "xlsx", "html"])
def test_a_funds_labels_unit_over_the_forms_stated_unit(form: str) -> None:
    """``单位：元`` under the title, ``资金情况（万元）`` over the amounts: 112 万元, with a note to check (each
    fails on d34ad5c6: 112 元 and a warning that the budget is under a thousand 元)."""
    project, money_unit = _read([*FUNDS_HEAD, *INDICATORS], ["2024年项目支出绩效目标表", "单位：元"], form)
    assert (project.budget.total, money_unit) == (Decimal("112"), "万元")
    assert any("资金按标签所注的「万元」读取" in note for note in project.needs_check)


@pytest.mark.parametrize("form", ["lines", "tabs", "docx"])
def test_the_stated_unit_holds_where_the_funds_label_agrees_or_names_none(form: str) -> None:
    """The statement is the money unit where the label names the same or none (guards: pass on d34ad5c6 too)."""
    for label, unit in (("资金情况（万元）", "万元"), ("资金情况", "元")):
        rows = [[label if cell == "资金情况（万元）" else cell for cell in row] for row in FUNDS_HEAD]
        stated = "单位：万元" if unit == "万元" else "单位：元"
        project, money_unit = _read([*rows, *INDICATORS], ["2024年项目支出绩效目标表", stated], form)
        assert money_unit == unit
        assert not any("资金按标签所注" in note for note in project.needs_check)


def test_an_amount_read_before_the_funds_label_keeps_the_stated_unit() -> None:
    """An amount already read under the stated unit (年度资金总额 before the note): the statement holds, no switch
    (guard)."""
    rows = [["项目名称", "某项补助资金"], ["年度资金总额", "1120000"],
            ["资金情况（万元）", "其中：财政拨款", "1120000"], *INDICATORS]
    project, money_unit = _read(rows, ["2024年项目支出绩效目标表", "单位：元"], "tabs")
    assert (project.budget.total, money_unit) == (Decimal("1120000"), "元")


LINES = """2022年某专项资金绩效目标表
单位:元
专项名称
某专项资金
资金情况
(万元)
年度金额
112
年度目标
完成补助发放
一级
指标
二级指标
三级指标
指标值
产
出
指
标
数量指标
补助人数
≥100人
效益
指标
社会效益指标
受益人数
≥500人
满意度指标
服务对象
满意度
指标
受助对象满意度
≥90%
"""


def test_one_cell_a_line_the_funds_note_and_a_level_name_wrapped_over_three_lines() -> None:
    """The page's copy of a Word form (corpus `213`): ``资金情况`` / ``(万元)`` is one label with its note, and
    ``服务对象`` / ``满意度`` / ``指标`` one 二级 name (fails on d34ad5c6: 112 元, and the satisfaction row read as
    服务对象 | 满意度指标)."""
    read = load_bytes(LINES.encode(), "表.txt")
    assert read.document is not None
    (project,) = read.document.projects
    assert (project.budget.total, read.document.money_unit) == (Decimal("112"), "万元")
    assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        ("产出指标", "数量指标", "补助人数", "≥100人"), ("效益指标", "社会效益指标", "受益人数", "≥500人"),
        ("满意度指标", "服务对象满意度指标", "受助对象满意度", "≥90%")]


def test_a_level_name_and_the_next_line_are_not_joined_past_a_name() -> None:
    """``满意度指标`` / ``服务对象满意度指标`` whole on their lines are read as they are (guard)."""
    text = LINES.replace("服务对象\n满意度\n指标\n", "服务对象满意度指标\n")
    read = load_bytes(text.encode(), "表.txt")
    assert read.document is not None
    (project,) = read.document.projects
    assert (project.indicators[-1].level1, project.indicators[-1].level2) == ("满意度指标", "服务对象满意度指标")


def _with_blank_after_pipes(text: str) -> str:
    """A blank line after every line holding a pipe, as a browser copies rows spaced by CSS margins
    (``tests/readers/copy_edits.blank_lines_between_rows``)."""
    return "\n".join(line + "\n" if "|" in line else line for line in text.split("\n"))


def test_a_leading_pipe_table_with_blank_lines_between_its_cell_lines() -> None:
    """html2text's one cell a line with a blank line after each (edit invariance's last case, corpus `193`): read as
    without them (fails on d34ad5c6: each row cut at its first blank line, 「服务活动次数≥12次」 read glued, or the
    header lost)."""
    project, indicators = _indicators(_with_blank_after_pipes(LEADING_PIPES))
    assert (project.name, project.budget.total) == ("社区服务经费", Decimal("10"))
    assert indicators == [("产出指标", "数量指标", "服务活动次数", "≥12次"),
                          ("满意度指标", "服务对象满意度指标", "居民满意度", "≥95%")]


def test_an_indented_paragraph_after_the_last_row_stays_prose() -> None:
    """A blank line, then a paragraph indented by 全角 spaces after the table's last cell: no cell line follows it, so
    the row ends at the blank line (guard)."""
    text = _with_blank_after_pipes(LEADING_PIPES) + "\u3000\u3000三、项目实施情况良好。\n"
    from perfbudget.readers.leading_pipe_cells import unwrap_leading_pipe_cells
    lines = unwrap_leading_pipe_cells(text).splitlines()
    assert "\u3000\u3000三、项目实施情况良好。" in lines
    assert lines[-1] == "\u3000\u3000三、项目实施情况良好。"


GLUED_LABELS = """某县政府信息公开
2021年度绩效目标公开
预算项目绩效目标申报表
( 2021 年度)
填报单位(公章):某县生态环境分局
金额:100 万元
项目名称水源地规范化建设工作经费
项目填报人张三
填报人联系电话13800000000
专项年度绩效目标    完成10处水源地规范化建设
"""


def test_a_form_a_label_a_line_each_glued_to_its_value() -> None:
    """``项目名称水源地…`` under the form's title, the form's lone ``金额:100 万元``: the name and the budget read,
    the cut before the indicators reported (corpus `195` 澧县, `152` 上海; fails on d34ad5c6: refused)."""
    read = load_bytes(GLUED_LABELS.encode(), "表.txt")
    assert read.document is not None, [str(p) for p in read.problems]
    (project,) = read.document.projects
    assert (project.name, project.budget.total, read.document.money_unit) == (
        "水源地规范化建设工作经费", Decimal("100"), "万元")
    assert any("按行首的标签拆开读取" in note for note in project.needs_check)
    assert any("唯一的金额" in note for note in project.needs_check)
    assert any("表格在此中断" in p.message for p in read.problems if p.severity is Severity.ERROR)


@pytest.mark.parametrize("text", [
    GLUED_LABELS.replace("预算项目绩效目标申报表\n", ""),  # no form's title: prose, nothing read as a form
    GLUED_LABELS.replace("项目名称水源地规范化建设工作经费", "项目名称水源地建设主管部门某县生态环境分局"),  # pairs run
])
def test_glued_label_lines_need_a_title_and_a_name_holding_no_other_label(text: str) -> None:
    """Without the form's title, or with a name line holding another label (several pairs run together), the text
    is refused as before (guards: pass on d34ad5c6 too)."""
    read = load_bytes(text.encode(), "表.txt")
    assert read.document is None


def test_a_funds_label_keeps_the_lone_amount_an_extra() -> None:
    """A form naming a funds label (年度资金总额:80) reads its amounts by it, ``金额:`` no budget then (fails on
    d34ad5c6: the form refused)."""
    text = GLUED_LABELS.replace("项目填报人张三\n", "年度资金总额:80\n")
    read = load_bytes(text.encode(), "表.txt")
    assert read.document is not None
    (project,) = read.document.projects
    assert project.budget.total == Decimal("80")
    assert not any("唯一的金额" in note for note in project.needs_check)


@pytest.mark.parametrize("form", ["lines", "tabs"])
@pytest.mark.parametrize("amount", ["1200000", "500000"])
def test_an_ordinary_yuan_amount_keeps_the_stated_unit_under_a_wan_yuan_label(form: str, amount: str) -> None:
    """``单位：元`` over ``资金情况（万元）`` with an amount ordinary in 元 (1,200,000 元, not 120 亿元): the stated
    元 holds, the disagreement warned at the amount — never a silent ×10,000 (readers/money_scale.py; fails before
    the mend: read as 万元, only a note)."""
    rows = [FUNDS_HEAD[0], [*FUNDS_HEAD[1][:2], amount], *INDICATORS]
    read = load_bytes(*form_file(rows, ["2024年项目支出绩效目标表", "单位：元"], form, "表"))
    assert read.document is not None, [str(p) for p in read.problems]
    (project,) = read.document.projects
    assert (project.budget.total, read.document.money_unit) == (Decimal(amount), "元")
    assert any("两者不一致" in p.message for p in read.problems if p.severity is Severity.WARNING)
    assert any("两者不一致" in note for note in project.needs_check)


@pytest.mark.parametrize("form", ["lines", "tabs"])
def test_an_unrelated_labels_unit_note_does_not_end_the_stated_unit(form: str) -> None:
    """``补助标准（元）`` above ``资金情况（万元）｜112`` under ``单位：元``: a label that is no funds label does not
    end the statement's unit, so the funds label's note is still weighed (fails before the mend: 112 元)."""
    rows = [FUNDS_HEAD[0], ["补助标准（元）", "每人每月300元"], FUNDS_HEAD[1], *INDICATORS]
    project, money_unit = _read(rows, ["2024年项目支出绩效目标表", "单位：元"], form)
    assert (project.budget.total, money_unit) == (Decimal("112"), "万元")


def test_two_amount_lines_give_no_budget_and_a_warning() -> None:
    """``金额:100 万元`` and ``金额:20 万元``: neither is the form's only amount, so neither is taken as its budget;
    both are kept as text and a warning names them (fails before the mend: budget 20, two notes each calling its amount
    the only one)."""
    read = load_bytes(GLUED_LABELS.replace("金额:100 万元\n", "金额:100 万元\n金额:20 万元\n").encode(), "表.txt")
    assert read.document is not None, [str(p) for p in read.problems]
    (project,) = read.document.projects
    assert project.budget.total is None
    assert not any("唯一的金额" in note for note in project.needs_check)
    assert any("2 行金额" in p.message for p in read.problems if p.severity is Severity.WARNING)


@pytest.mark.parametrize("name", ["主管部门综合业务经费", "资金总额管理系统建设", "实施单位党建活动经费",
                                  "联系电话系统升级改造"])
def test_a_name_that_starts_with_a_label_word_is_read(name: str) -> None:
    """``项目名称主管部门综合业务经费``: a label word the name starts with is the name's, not a second pair run in (a
    label counts only after the name has started and where the value goes on after it; fails before the mend:
    refused)."""
    read = load_bytes(GLUED_LABELS.replace("水源地规范化建设工作经费", name).encode(), "表.txt")
    assert read.document is not None, [str(p) for p in read.problems]
    assert [p.name for p in read.document.projects] == [name]


def test_one_funds_label_test_and_one_longest_label() -> None:
    """The funds-label test the stream rebuild and the header block share (``资金情况`` / ``(万元)`` joined, the stated
    unit weighed), and the one longest-label bound broken_form and glued_label_lines share (fails before the mend:
    each written twice, 12 against 24)."""
    from perfbudget.readers import broken_form, glued_label_lines
    from perfbudget.readers.label_lines import is_funds_label
    assert [is_funds_label(label) for label in ("资金情况", "年度资金总额", "财政拨款", "补助标准", "项目名称")] == [
        True, True, True, False, False]
    assert glued_label_lines.LONGEST_LABEL is broken_form.LONGEST_LABEL


def test_a_note_line_between_two_rows_stays_its_own_line() -> None:
    """A ``注：`` line, blank lines around it, between two rows one cell a line: the first row ends at the blank line,
    the note is no cell (guard: passes before the mend too)."""
    from perfbudget.readers.leading_pipe_cells import unwrap_leading_pipe_cells
    note = "\u3000\u3000注：服务活动次数按年度统计。"
    text = _with_blank_after_pipes(LEADING_PIPES).replace("满意度指标\n", f"{note}\n\n满意度指标\n", 1)
    lines = unwrap_leading_pipe_cells(text).splitlines()
    assert note in lines
    assert not any("注：" in line for line in lines if "|" in line)
