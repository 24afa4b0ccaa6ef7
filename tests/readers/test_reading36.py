"""The text path's leftovers of FAILURES.md BU–BX (section BY): each on a tiny inline table that main 8e80b355
read wrong or refused."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Document, Severity
from tests.readers.word_tables import word_file

HEAD = [
    ["项目名称", "社区养老服务补贴"],
    ["项目资金（万元）", "年度资金总额", "120"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
]
ROWS = [
    ["产出指标", "数量指标", "服务老年人数", "≥500人"],
    ["", "质量指标", "服务合格率", "≥95%"],
    ["满意度指标", "", "老年人满意度", "≥90%"],
]


def _text(rows: Sequence[Sequence[str]], layout: str) -> bytes:
    """``rows`` as text: ``tabs`` or ``pipes`` (empty cells kept), ``spaces`` (cells apart by spaces, empty ones left)
    or ``cells`` (one cell a line, empty ones left)."""
    if layout == "spaces":
        return "\n".join("   ".join(cell for cell in row if cell) for row in rows).encode()
    if layout == "tabs":
        return "\n".join("\t".join(row) for row in rows).encode()
    if layout == "pipes":
        return "\n".join("| " + " | ".join(row) + " |" for row in rows).encode()
    return "\n".join(cell for row in rows for cell in row if cell).encode()


def _read(data: bytes, name: str = "表.txt") -> tuple[Document, list[str]]:
    result = load_bytes(data, name)
    assert result.document is not None, [str(p) for p in result.problems]
    return result.document, [f"{p.severity}: {p.message}" for p in result.problems]


def _errors(problems: list[str]) -> list[str]:
    return [p for p in problems if p.startswith(f"{Severity.ERROR}:")]


@pytest.mark.parametrize("kind", ["tabs", "pipes", "docx"])
def test_a_satisfaction_row_with_its_level2_cell_empty(kind: str) -> None:
    """``满意度指标 | | 老年人满意度 | ≥90%``: the project frameworks hold one 二级 under 满意度指标, so the empty cell
    is read as the 一级's name (as a cell merged across both columns is), with a note; main refused the row."""
    rows = [*HEAD, *ROWS]
    data = word_file(rows) if kind == "docx" else _text(rows, kind)
    document, problems = _read(data, "表.docx" if kind == "docx" else "表.txt")
    last = document.projects[0].indicators[-1]
    assert (last.level1, last.level2, last.level3, last.target.raw) == (
        "满意度指标", "满意度指标", "老年人满意度", "≥90%")
    assert not _errors(problems)
    assert any("二级指标为空" in p and p.startswith(f"{Severity.INFO}:") for p in problems)


def test_a_department_tables_satisfaction_row_with_its_level2_cell_empty_stays_an_error() -> None:
    # guard: a 部门整体 table's 满意度 holds several 二级 (服务对象, 社会公众): nothing is implied
    rows = [["部门整体支出绩效目标表"], ["部门名称", "某县民政局"], HEAD[2], *ROWS]
    _document, problems = _read(_text(rows, "tabs"))
    assert any("老年人满意度」缺少一级或二级指标" in p for p in _errors(problems))


NAMED_UNITS = [
    ["产出指标", "数量指标", "覆盖人数(人)", "500"],
    ["", "成本指标", "培训经费（万元）", "0.02"],
    ["", "质量指标", "服务合格率(%)", "≥95"],
    ["", "时效指标", "完成时限（月）", "≤3"],
    ["效益指标", "社会效益指标", "惠及老人（人次）", "1000-2000"],
    ["", "可持续影响指标", "设施使用年限（年）", "≥10年"],
    ["满意度指标", "服务对象满意度指标", "老年人满意度（含家属）", "≥90"],
]
# (name, raw, unit): the name kept as written, the value's own unit first, a bracket holding no unit ignored
NAMED_READ = [("覆盖人数(人)", "500", "人"), ("培训经费（万元）", "0.02", "万元"), ("服务合格率(%)", "≥95", "%"),
              ("完成时限（月）", "≤3", "月"), ("惠及老人（人次）", "1000-2000", "人次"),
              ("设施使用年限（年）", "≥10年", "年"),
              ("老年人满意度（含家属）", "≥90", None)]


@pytest.mark.parametrize("kind", ["tabs", "cells", "docx"])
def test_a_unit_written_only_in_the_indicators_name(kind: str) -> None:
    """``培训经费（万元）`` | ``0.02``: a number without a unit under a name ending in a bracketed unit counts that
    unit (main: unitless); the name and the target's text stay as written."""
    rows = [*HEAD, *NAMED_UNITS]
    data = word_file(rows) if kind == "docx" else _text(rows, kind)
    document, _problems = _read(data, "表.docx" if kind == "docx" else "表.txt")
    assert [(i.level3, i.target.raw, i.target.unit) for i in document.projects[0].indicators] == NAMED_READ


def test_a_unit_in_the_name_on_the_one_pass_path() -> None:
    """The seed's tab-cell form read by ``text_cells_fast``: its targets cached by their text alone must not keep
    a unitless reading for a name that gives the unit (nor lend that unit to a name that does not)."""
    from perfbudget.readers.text_cells_fast import read_well_formed
    from tests.conftest import HEADER_ROWS, table_text

    rows = [["产出指标", "数量指标", "培训人数", "培训的人数", "≥100"],
            ["", "质量指标", "覆盖人数(人)", "覆盖的人数", "≥100"],
            ["效益指标", "社会效益指标", "补助标准（元/人）", "每人补助", "200"],
            ["", "", "补助户数", "户数", "200"]]
    fast = read_well_formed(table_text(*HEADER_ROWS, *rows), "w.txt")
    assert fast is not None and fast[0] is not None
    assert [i.target.unit for i in fast[0].projects[0].indicators] == [None, "人", "元/人", None]


HIDDEN_ROWS = [["项目\u200b名称", "社区\u200d养老服务补贴"], HEAD[1], HEAD[2],
               ["产出指标", "数量\u2060指标", "服务老年人数\ufeff", "≥500人"],
               ["", "质量指标", "服务\u200c合格率", "≥\u200b95%"]]


@pytest.mark.parametrize(("layout", "encoding"), [("tabs", "utf-8"), ("cells", "utf-8"), ("tabs", "gb18030"),
                                                  ("pipes", "utf-16")])
def test_a_text_drops_its_invisible_characters(layout: str, encoding: str) -> None:
    """Zero-width spaces and joiners, the word joiner and U+FEFF inside a text's labels, names and values: main kept
    them (项目名称 unknown, ``≥\u200b95%`` a qualitative target, names that differ from their look)."""
    data = _text(HIDDEN_ROWS, layout).decode().encode(encoding)
    document, _problems = _read(data)
    project = document.projects[0]
    assert project.name == "社区养老服务补贴"
    assert [(i.level2, i.level3, i.target.raw, i.target.value) for i in project.indicators] == [
        ("数量指标", "服务老年人数", "≥500人", 500), ("质量指标", "服务合格率", "≥95%", 95)]


def test_word_paragraphs_outside_the_table_drop_invisible_characters() -> None:
    """``项目\u200b名称：…`` as a paragraph above the indicator table (forms35 and reading-w dropped them in cells
    only)."""
    paragraphs = ["项目\u200b名称：社区\ufeff养老服务补贴", "年度资金总额（万元）：120"]
    document, _problems = _read(word_file([HEAD[2], *ROWS[:2]], paragraphs), "表.docx")
    assert document.projects[0].name == "社区养老服务补贴"


def test_one_cell_a_line_a_second_project_without_its_header() -> None:
    """reading35 read such a project by the first one's header in rows of cells; one cell a line the stream found no
    header and main said the table was cut (表格在此中断：没有找到指标表头行…表格被截断). Its rows are rebuilt by the
    header before it now, told as in rows of cells; a third project with a header of its own reads by that one."""
    from tests.readers.test_reading35_second_project_header import FIRST, SECOND, TWO_PROJECTS

    third = [["项目名称", "农村饮水安全"], ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
             ["产出指标", "数量指标", "新建水厂", "≥2座", "无"],
             ["满意度指标", "服务对象满意度指标", "群众满意度", "≥95%", "无"]]
    document, problems = _read(_text([*TWO_PROJECTS, *third], "cells"))
    read = [(p.name, [(i.level3, i.target.raw) for i in p.indicators]) for p in document.projects]
    assert read == [("社区养老服务补贴", FIRST), ("乡村道路养护", SECOND),
                    ("农村饮水安全", [("新建水厂", "≥2座"), ("群众满意度", "≥95%")])]
    assert [p for p in problems if not p.startswith(f"{Severity.INFO}:")] == [
        f"{Severity.WARNING}: 本项目没有重复指标表头：按上一个项目的指标表头（第9行）认定列"]
    assert document.projects[1].needs_check == ("本项目没有重复指标表头，按上一个项目的指标表头认定列",)


def test_one_cell_a_line_a_first_project_without_its_header_stays_an_error() -> None:
    # guard: no header before it to read its rows by
    from tests.readers.test_reading35_second_project_header import TWO_PROJECTS

    rows = [row for row in TWO_PROJECTS if row[0] != "一级指标"]
    _document, problems = _read(_text(rows, "cells"))
    assert _errors(problems)


EFFECT_ROWS = [*HEAD, *ROWS[:2], ["效益指标", "社会效益指标", "老年人生活质量", "有所提高"]]
CUT_TOLD = "文字在这一行（效益指标）的末尾结束，表中只有产出指标、效益指标，没有满意度指标"


@pytest.mark.parametrize("layout", ["tabs", "pipes", "cells"])
def test_a_text_stopping_after_a_whole_row_of_its_effects_is_told(layout: str) -> None:
    """No 满意度 row and nothing after the last 效益 row (no closing line, no note): the page may have been cut
    there — told as reading31 tells a text stopping in its outputs; main said nothing (FAILURES.md BK, BU)."""
    document, problems = _read(_text(EFFECT_ROWS, layout))
    assert len(document.projects[0].indicators) == 3
    assert [p for p in problems if CUT_TOLD in p] and all(p.startswith(f"{Severity.WARNING}:")
                                                          for p in problems if CUT_TOLD in p)


def test_effects_closed_by_the_forms_own_line_are_not_told() -> None:
    # guard: a closing line after the rows (填表人) says the form ends there
    _document, problems = _read(_text([*EFFECT_ROWS, ["填表人：张三", "联系电话：1234567"]], "tabs"))
    assert not [p for p in problems if CUT_TOLD in p]


@pytest.mark.parametrize("fragment", ["生态", "满意", "满意度指标", "可持续影响指标"])
def test_tabs_the_text_ending_in_the_start_of_the_next_rows_level_name(fragment: str) -> None:
    """``生态`` alone on the text's last line after the rows, in tab-separated rows: the next row begun and cut. Main
    took it for a free line after the table and dropped it (pipes told it already: a row of one cell)."""
    data = _text(EFFECT_ROWS, "tabs") + f"\n{fragment}\n".encode()
    _document, problems = _read(data)
    assert any(p.startswith(f"{Severity.ERROR}: 表格在此中断") for p in problems), problems


def test_a_mirrors_pinyin_note_cut_by_the_texts_end() -> None:
    """A traditional page with the mirror's pinyin, its text stopping inside a note (``生態(t``, corpus ``50``): the
    note is dropped as the whole ones are, so the cut row is told."""
    rows = [["項(xiàng)目名稱", "社區養老服務補貼"], ["項目資金（萬元）", "年度資金總額", "120"],
            ["一級指標", "二級指標", "三級指標", "指標值"], ["產出指標", "數量指標", "服務老年人數", "≥500人"],
            ["效益指標", "社會效益指標", "老年人生活質量", "有所提高"]]
    _document, problems = _read(_text(rows, "tabs") + "\n生態(t".encode())
    assert any(p.startswith(f"{Severity.ERROR}: 表格在此中断") for p in problems), problems


@pytest.mark.parametrize("layout", ["tabs", "pipes", "spaces", "cells"])
def test_a_value_in_a_column_named_its_unit(layout: str) -> None:
    """``指标值 | 指标值单位``: main knew 度量单位/计量单位 only, so it read ``≥500`` unitless — status ok, the unit
    lost
    (one cell a line: the unit read as a 三级, errors)."""
    rows = [*HEAD[:2], ["一级指标", "二级指标", "三级指标", "指标值", "指标值单位"],
            ["产出指标", "数量指标", "服务老年人数", "≥500", "人"], ["", "质量指标", "服务合格率", "≥95", "%"],
            ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥90", "%"]]
    document, problems = _read(_text(rows, layout))
    assert [(i.level3, i.target.raw, i.target.unit) for i in document.projects[0].indicators] == [
        ("服务老年人数", "≥500人", "人"), ("服务合格率", "≥95%", "%"), ("老年人满意度", "≥90%", "%")]
    assert not _errors(problems)


def test_one_cell_a_line_the_value_written_before_the_name() -> None:
    """``一级指标 | 二级指标 | 指标值 | 三级指标`` one cell a line: main rebuilt each row as if the 三级 came first —
    six
    indicators named ``≥500人``, ``服务老年人数`` … without values, warnings only (ok but wrong)."""
    rows = [*HEAD[:2], ["一级指标", "二级指标", "指标值", "三级指标"],
            ["产出指标", "数量指标", "≥500人", "服务老年人数"],
            ["", "质量指标", "≥95%", "服务合格率"], ["满意度指标", "服务对象满意度指标", "≥90%", "老年人满意度"]]
    document, problems = _read(_text(rows, "cells"))
    assert [(i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators] == [
        ("数量指标", "服务老年人数", "≥500人"), ("质量指标", "服务合格率", "≥95%"),
        ("服务对象满意度指标", "老年人满意度", "≥90%")]
    assert not [p for p in problems if not p.startswith(f"{Severity.INFO}:")]


@pytest.mark.parametrize(("value", "reading"), [("≥95%*", ("≥", 95, None, "%")), ("≥95%①", ("≥", 95, None, "%")),
                                                ("[90,100]", (None, 90, 100, None)),
                                                ("［90%，100%］", (None, 90, 100, "%"))])
def test_a_footnote_mark_after_a_value_and_an_interval(value: str, reading: tuple[object, ...]) -> None:
    """``≥95%*`` / ``≥95%①`` (a footnote under the table) and ``[90,100]`` were qualitative on main: nothing to check
    against. The mark is no part of the quantity (kept in the text as written)."""
    from perfbudget.target import OP_SYMBOL

    rows = [*HEAD, ROWS[0], ["", "质量指标", "服务合格率", value],
            ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%"]]
    document, _problems = _read(_text(rows, "tabs"))
    target = document.projects[0].indicators[1].target
    assert target.raw == value
    assert (OP_SYMBOL.get(target.op) if target.op else None, target.value, target.upper, target.unit) == reading
