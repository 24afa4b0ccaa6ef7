"""What the edit-invariance harness (``bench/edit_invariance.py``, FAILURES.md section CJ) found: a table copied or
edited without changing its meaning read differently. Each case a tiny inline table that main 4f9cdfa2 read wrong
(guards say what stays as it was)."""

from __future__ import annotations

import pytest

from perfbudget.model import Document
from perfbudget.readers.text_cells_fast import read_well_formed
from tests.readers.test_reading36 import _errors, _read

_BLOCK = ["项目名称 | 社区养老服务补贴 |", "项目资金（万元） | 年度资金总额 | 120 |"]
_LAST = "满意度指标 | 服务对象满意度指标 | 老年人满意度 | ≥90% |"


def _rows(document: Document) -> list[tuple[str, str, str, str]]:
    return [(i.level1, i.level2, i.level3, i.target.raw) for p in document.projects for i in p.indicators]


@pytest.mark.parametrize("header", ["绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |",
                                    "年度绩效目标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 |",
                                    "一级指标 | 二级指标 | 三级指标 | 指标值 |"])
def test_the_header_repeated_at_a_page_break_with_its_side_label_is_no_indicator(header: str) -> None:
    """The header row again after a page break, its first cell the block's side label (``绩 效 指 标``) or a title
    (``年度绩效目标(90分)``): 4f9cdfa2 read it as an indicator 一级指标 | 二级指标 | 三级指标 | 指标值 and put the
    next row under 一级指标 (only a first cell 一级指标 or 绩效指标 was known); the last header: a guard."""
    text = "\n".join([*_BLOCK, header, "产出指标 | 数量指标 | 服务老年人数 | ≥500人 |",
                      "质量指标 | 服务合格率 | ≥95% |", header, "时效指标 | 发放及时率 | 100% |", _LAST])
    document, problems = _read(text.encode())
    assert _rows(document) == [("产出指标", "数量指标", "服务老年人数", "≥500人"),
                               ("产出指标", "质量指标", "服务合格率", "≥95%"),
                               ("产出指标", "时效指标", "发放及时率", "100%"),
                               ("满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%")]
    assert not _errors(problems) and any("跳过重复的指标表头行" in p for p in problems)


_PIPE_TABLE = [*_BLOCK, "一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 数量指标 | 服务老年人数 | ≥500人 |",
               "质量指标 | 服务合格率 | ≥95% |", _LAST]


@pytest.mark.parametrize(("note", "year"), [("（２０２４年度）", 2024), ("(2024年度)", 2024)])
def test_a_year_typed_full_width_dates_the_table(note: str, year: int) -> None:
    """``（２０２４年度）`` under the title (a Chinese input method in full-width mode): 4f9cdfa2 gave no year — the
    patterns of a year wanted ASCII ``19``/``20``; the half-width note: a guard."""
    document, _problems = _read("\n".join(["项目支出绩效目标表", note, *_PIPE_TABLE]).encode())
    assert document.projects[0].fund_year == year
    assert document.projects[0].title == f"项目支出绩效目标表{note}"


def test_a_project_code_typed_full_width_is_no_part_of_the_name() -> None:
    """``５１０００００２１R０００００００１９９５１-工资性支出``: 4f9cdfa2 kept the code in the name (only ASCII digits
    made a code)."""
    coded = "５１０００００２１R０００００００１９９５１-社区养老服务补贴"
    text = "\n".join(_PIPE_TABLE).replace("社区养老服务补贴", coded)
    document, _problems = _read(text.encode())
    assert document.projects[0].name == "社区养老服务补贴"


@pytest.mark.parametrize("value", ["＞＝95%", ">=95%", "≥95%"])
def test_a_two_character_comparison_after_an_unnamed_level2_one_cell_a_line(value: str) -> None:
    """``满意度指标`` / ``具体指标`` / ``教师满意度`` / ``＞＝95%`` one cell a line: 4f9cdfa2 took ``具体指标`` for the
    三级 and misplaced every cell after it, as ``＞＝`` (or ``>=``) made no value (one comparison character only);
    ``≥95%``: a guard."""
    cells = ["项目名称", "校园维修", "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "维修校舍",
             "≥3所", "满意度指标", "具体指标", "教师满意度", value, "具体指标", "学生满意度", value]
    document, _problems = _read("\n\n".join(cells).encode())
    assert _rows(document)[1:] == [("满意度指标", "具体指标", "教师满意度", value),
                                   ("满意度指标", "具体指标", "学生满意度", value)]
    assert document.projects[0].indicators[-1].target.value == 95


def test_a_glued_row_with_a_two_character_comparison() -> None:
    """``…学生家长满意度＞＝90%`` glued: 4f9cdfa2 could not split the row (单元格粘连在一起…) — a glued target's
    comparison was one character."""
    text = "\n".join(["项目名称：某项目", "一级指标二级指标三级指标指标值", "产出指标数量指标服务老年人数≥500人",
                      "产出指标质量指标服务合格率＞＝95%", "满意度指标服务对象满意度指标学生家长满意度>=90%"])
    document, problems = _read(text.encode())
    assert [(r[2], r[3]) for r in _rows(document)] == [("服务老年人数", "≥500人"), ("服务合格率", ">=95%"),
                                                       ("学生家长满意度", ">=90%")]  # (glued text read as NFKC)
    assert not _errors(problems)


def test_a_notices_hint_typed_full_width() -> None:
    """A 公示's ``种植数量(＞＝**株)＞＝17600株``: 4f9cdfa2 refused the text (the hint wanted ``≥`` or ``>=``)."""
    text = "\n".join(["关于解决某村示范项目资金绩效目标设定的公示", "资金用于某村示范项目,资金总额50万元。",
                      "一、产出指标", "数量指标:种植数量(＞＝**株)＞＝17600株;成活率(＞＝**%)＞＝85%。",
                      "二、满意度指标", "服务对象满意度指标,受益户满意度(＞＝**%)＞＝95%。"])
    document, _problems = _read(text.encode())
    assert [(r[2], r[3]) for r in _rows(document)] == [("种植数量(＞＝**株)", "＞＝17600株"),
                                                       ("成活率(＞＝**%)", "＞＝85%"),
                                                       ("受益户满意度(＞＝**%)", "＞＝95%")]


_TAB_HEAD = ["项目名称\t社区养老服务补贴\t\t\t\t", "项目资金（万元）\t年度资金总额\t120\t\t\t",
             "一级指标\t二级指标\t三级指标\t指标值\t指标说明\t备注",
             "产出指标\t数量指标\t服务老年人数\t≥500人\t人数\t无", "\t质量指标\t服务合格率\t≥95%\t比率\t无",
             "\t时效指标\t发放及时率\t100%\t比率\t无", "\t成本指标\t人均成本\t≤2000元\t成本\t无"]


@pytest.mark.parametrize(("last", "read"), [("\t\t补助标准\t15", None),
                                            ("\t\t补助标准\t150元/人\t", "150元/人"),
                                            ("\t\t补助标准\t150元/人\t标准\t无", "150元/人")])
def test_a_tab_copy_stopping_inside_its_last_row(last: str, read: str | None) -> None:
    """Rows copied from a sheet, each with every cell (tabs for the empty ones), the text ending in a shorter row:
    4f9cdfa2 read ``15`` as the whole 补助标准 and told no cut. The page stops inside the last cell: told, the row not
    read (as a pipe row without its closing ``|``); a tab after the value closes it and the row holds every required
    cell: read whole, as ``名称 | ≥500份 |`` is (a guard, as the whole row is)."""
    text = "\n".join([*_TAB_HEAD, last])
    document, problems = _read(text.encode())
    rows = _rows(document)
    assert rows[-1][2:] == (("补助标准", read) if read else ("人均成本", "≤2000元"))
    assert any("表格在此中断" in p for p in _errors(problems)) is (read is None)


def _cells(*rows: list[str]) -> str:
    return "\n\n".join("\n".join("\t" + cell for cell in row) for row in rows)


_CELL_TABLE = _cells(["项目名称", "社区养老服务补贴"], ["项目资金（万元）", "年度资金总额", "120"],
                     ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "服务老年人数", "≥500人"],
                     ["", "质量指标", "服务合格率", "≥95%"],
                     ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%"])


@pytest.mark.parametrize(("above", "title"), [("发布时间：2021-03-01 10:25", "项目支出绩效目标表(2021年度)"),
                                              ("[预算绩效]社区养老服务补贴绩效目标表",
                                               "[预算绩效]社区养老服务补贴绩效目标表(2021年度)")])
def test_the_forms_title_and_year_one_cell_a_line_date_it(above: str, title: str) -> None:
    """The form's title and ``(2021年度)`` as the first rows one cell a line (a Word extractor's text of a table that
    draws them), a line of the page above: 4f9cdfa2 took that line for the heading — prose, or another title — and
    the year note was lost; the project had no year. A line of prose gives way to the form's title; a title above
    is kept, dated by the note (the lead's reread: replaced by the form's title, the project's name it gave was
    lost)."""
    text = "\n".join([above, "", _cells(["项目支出绩效目标表"], ["(2021年度)"]), "", _CELL_TABLE])
    document, _problems = _read(text.encode())
    assert (document.projects[0].title, document.projects[0].fund_year) == (title, 2021)
    assert len(_rows(document)) == 3


@pytest.mark.parametrize(("above", "rows", "year"), [
    ("社区养老服务补贴绩效目标表", [["项目支出绩效目标表"]], None),
    ("某中心2021年度项目自评价", [["项目支出绩效目标表"], ["(2022年度)"]], 2021),
    ("某中心2021年项目支出绩效目标表", [["项目支出绩效目标表"], ["(2022年度)"]], 2021)])
def test_a_heading_above_stays_without_a_dated_title_row_or_with_its_own_year(
        above: str, rows: list[list[str]], year: int | None) -> None:
    """Guards: a title above the table and a title row with no year note under it, or a heading above (a title or
    a line of prose) that writes its own year: the heading above is kept (a 2021 fund's table evaluated in 2022 keeps
    its fund's year: corpus ``r83``)."""
    text = "\n".join([above, "", _cells(*rows), "", _CELL_TABLE])
    document, _problems = _read(text.encode())
    assert (document.projects[0].title, document.projects[0].fund_year) == (above, year)


@pytest.mark.parametrize("above", ["[预算绩效]社区养老服务补贴绩效目标表", "社区养老服务补贴绩效目标表"])
def test_the_one_pass_path_leaves_a_title_row_to_the_general_path(above: str) -> None:
    """The one-pass path of tab cells (``text_cells_fast``) gives what the general path gives: a table whose first
    row is a title is left to it (4f9cdfa2's one-pass path kept the title above where the general path now dates the
    form by its own title row)."""
    text = "\n".join([above, "", _cells(["项目支出绩效目标表"], ["(2021年度)"]), "", _CELL_TABLE])
    assert read_well_formed(text, "表.txt") is None


def test_a_tab_copys_last_table_is_measured_alone_and_a_trimmed_remark_is_no_cut() -> None:
    """The lead's reread of reading40: the widths were counted over every table of the text, so a sound five-column
    table after tables of six was said cut off (its project 未完整, the file refused without --allow-partial); and a
    last row without its 备注 alone (an editor trimming the tab) was said cut too. Both read whole, as before."""
    six = [*_TAB_HEAD]
    five = ["项目名称\t社区助餐补贴\t\t\t", "项目资金（万元）\t年度资金总额\t80\t\t",
            "一级指标\t二级指标\t三级指标\t指标值\t备注", "产出指标\t数量指标\t助餐人次\t≥5000人次\t无",
            "\t质量指标\t餐食合格率\t100%\t无", "满意度指标\t服务对象满意度指标\t老年人满意度\t≥90%\t无"]
    text = "\n".join(["项目支出绩效目标表", *six, "项目支出绩效目标表", *six, "项目支出绩效目标表", *five])
    document, problems = _read(text.encode())
    assert len(document.projects) == 3 and not any("表格在此中断" in p for p in _errors(problems))
    trimmed = "\n".join([*_TAB_HEAD, "\t\t补助标准\t150元/人\t标准"])
    document, problems = _read(trimmed.encode())
    assert _rows(document)[-1][2:] == ("补助标准", "150元/人")
    assert not any("表格在此中断" in p for p in _errors(problems))


def test_a_tab_copys_last_row_without_its_unit_is_cut_and_a_specific_title_row_beats_a_generic_heading() -> None:
    """The lead's third reread: the second mend read a last row cut before its 度量单位 (``定性 \\t 减``) whole,
    减 the target — only a row leaving out 备注/说明 alone is whole; and a generic heading above (项目支出绩效目标表)
    beat the table's own title row (农村公路养护项目绩效目标表, dated below), the project's name lost."""
    head = ["项目名称\t生态修复\t\t\t\t", "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位",
            *[f"产出指标\t数量指标\t修复面积{k}\t≥\t100\t亩" for k in range(6)]]
    document, problems = _read("\n".join([*head, "效益指标\t生态效益指标\t生态环境成本指标\t定性\t减"]).encode())
    assert any("表格在此中断" in p for p in _errors(problems))
    own = _cells(["农村公路养护项目绩效目标表"], ["(2024年度)"])
    titled = "\n".join(["项目支出绩效目标表", "", own, "", _CELL_TABLE])
    document, _problems = _read(titled.encode())
    assert document.projects[0].title == "农村公路养护项目绩效目标表(2024年度)"
