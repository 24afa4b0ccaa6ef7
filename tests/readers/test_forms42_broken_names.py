"""A name broken inside its cell is one name (forms42, FAILURES.md section CR): a long 三级 name or project name
broken by Word's soft line break (``w:br``, Shift+Enter), a second paragraph, Excel's Alt+Enter (``\\n`` in the
cell) or HTML's ``<br>`` is read as the name the text copy of the same form gives — the lines joined, as 一级/二级
names were (``cell_values.one_line``) — so that the indicator library and the review see one name, not one with a
line break in it. Each file is built in the test; each test fails on 6a19f62a's ``src``, which kept the line break
(``贫困人口\\n参保率``)."""

from __future__ import annotations

import io
from pathlib import Path

from perfbudget.load import load_bytes, load_path
from perfbudget.model import Document

_NAME = ("农村义务教育薄弱", "学校改造补助资金")
_ROWS = [("产出指标", "数量指标", ("改造学校", "数量"), "5所"),
         ("产出指标", "质量指标", ("校舍维修改造", "质量合格率"), "100%"),
         ("满意度指标", "服务对象满意度指标", ("师生满意度",), "≥90%")]
_WANT = {"改造学校数量": "5所", "校舍维修改造质量合格率": "100%", "师生满意度": "≥90%"}


def _read(document: Document | None) -> tuple[str, dict[str, str]]:
    assert document is not None
    [project] = document.projects
    return project.name, {i.level3: i.target.raw for i in project.indicators}


def _word(paragraphs: bool) -> bytes:
    """A Word form whose long names are broken by a soft line break (or, with `paragraphs`, typed as two paragraphs)."""
    from docx import Document as WordDocument
    from docx.enum.text import WD_BREAK

    word = WordDocument()
    word.add_paragraph("项目支出绩效目标表")
    table = word.add_table(rows=3 + len(_ROWS), cols=4)

    def broken(cell: object, parts: tuple[str, ...]) -> None:
        from docx.table import _Cell

        assert isinstance(cell, _Cell)
        paragraph = cell.paragraphs[0]
        for number, part in enumerate(parts):
            if number and paragraphs:
                paragraph = cell.add_paragraph()
            elif number:
                paragraph.add_run().add_break(WD_BREAK.LINE)
            paragraph.add_run(part)

    table.cell(0, 0).text = "项目名称"
    broken(table.cell(0, 1).merge(table.cell(0, 3)), _NAME)
    table.cell(1, 0).text = "年度资金总额（万元）"
    table.cell(1, 1).merge(table.cell(1, 3)).text = "16"
    for column, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值")):
        table.cell(2, column).text = head
    for number, (level1, level2, level3, value) in enumerate(_ROWS, start=3):
        table.cell(number, 0).text, table.cell(number, 1).text = level1, level2
        broken(table.cell(number, 2), level3)
        table.cell(number, 3).text = value
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_a_word_name_broken_by_a_soft_line_break_is_one_name() -> None:
    name, rows = _read(load_bytes(_word(paragraphs=False), "form.docx").document)
    assert (name, rows) == ("".join(_NAME), _WANT)


def test_a_word_name_typed_as_two_paragraphs_in_its_cell_is_one_name() -> None:
    name, rows = _read(load_bytes(_word(paragraphs=True), "form.docx").document)
    assert (name, rows) == ("".join(_NAME), _WANT)


def test_an_excel_name_broken_by_alt_enter_is_one_name(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["项目名称", "\n".join(_NAME)])
    sheet.append(["年度资金总额（万元）", 16])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值"])
    for level1, level2, level3, value in _ROWS:
        sheet.append([level1, level2, "\n".join(level3), value])
    book.save(tmp_path / "form.xlsx")
    name, rows = _read(load_path(tmp_path / "form.xlsx").document)
    assert (name, rows) == ("".join(_NAME), _WANT)


def test_an_html_name_broken_by_br_is_one_name() -> None:
    cells = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{'<br>'.join(c)}</td><td>{d}</td></tr>" for a, b, c, d in _ROWS)
    page = ("<html><head><meta charset='utf-8'></head><body><table border='1'>"
            f"<tr><td>项目名称</td><td colspan='3'>{'<br />'.join(_NAME)}</td></tr>"
            "<tr><td>年度资金总额（万元）</td><td colspan='3'>16</td></tr>"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
            f"{cells}</table></body></html>")
    name, rows = _read(load_bytes(page.encode(), "form.html").document)
    assert (name, rows) == ("".join(_NAME), _WANT)


def test_a_latin_word_broken_over_lines_keeps_its_space() -> None:
    """A guard: lines ending and starting with Latin letters keep a space between them (``APP`` / ``users``); a
    Latin letter or digit next to a Chinese character (``PM2.5`` / ``浓度``, ``COD`` / ``排放量``) and two digits
    (``长度1`` / ``000米``) are joined without."""
    from perfbudget.readers.cell_values import one_line

    assert one_line("细颗粒物PM2.5\n浓度") == "细颗粒物PM2.5浓度"
    assert one_line("APP\nusers") == "APP users"
    assert one_line("COD\n排放量") == "COD排放量"
    assert one_line("长度1\n000米") == "长度1000米"
    assert one_line("  师生满意度 ") == "师生满意度"


def test_a_numbered_line_in_a_cell_keeps_its_line_break(tmp_path: Path) -> None:
    """A 三级 cell holding a numbered list (``1.受助学生数`` / ``2.免学费学生数``) keeps the break before each
    numbered line, as the PDF reader's ``join_wrapped`` always did: not ``1.受助学生数2.免学费学生数``."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["项目名称", "学生资助"])
    sheet.append(["年度资金总额（万元）", 16])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值"])
    sheet.append(["产出指标", "数量指标", "1.受助学生数\n2.免学费学生数", "100人"])
    book.save(tmp_path / "form.xlsx")
    _, rows = _read(load_path(tmp_path / "form.xlsx").document)
    assert rows == {"1.受助学生数\n2.免学费学生数": "100人"}


def test_one_rule_joins_a_cells_lines_in_the_readers_and_the_review() -> None:
    """One rule for a cell's lines (``cell_values.one_line``), used by the PDF reader and the review's ``one_line``
    and ``quote``: a space between Latin letters only (``APP users``, not ``APPusers``; ``长度1000米``, not
    ``长度1 000米``)."""
    from perfbudget.readers.cell_values import one_line
    from perfbudget.review.helpers import one_line as review_line
    from perfbudget.review.helpers import quote

    assert one_line("长度1\n000米") == "长度1000米"
    assert (review_line("APP\nusers"), quote("APP\nusers")) == ("APP users", "「APP users」")
    assert review_line("打造金安国际网球\n公开赛") == "打造金安国际网球公开赛"
    assert quote(" 长度1\n000米 ") == "「长度1000米」"
    assert review_line("1.受助学生数\n2.免学费学生数") == "1.受助学生数 2.免学费学生数"


def test_a_text_of_one_line_is_only_stripped() -> None:
    """The general path (pipes, tabs, Word, Excel, PDF on every row) pays no split: a text without a line break is
    stripped and nothing more."""
    from perfbudget.readers.cell_values import one_line

    class Unsplittable(str):
        def split(self, *args: object, **kwargs: object) -> list[str]:  # type: ignore[override]
            raise AssertionError("split called on a text of one line")

    assert one_line(Unsplittable("  师生满意度 ")) == "师生满意度"


def test_a_score_or_a_decimal_on_a_line_of_its_own_is_no_numbered_item() -> None:
    """A line break is kept only before a numbered item with its text (``1.受助学生数``, ``(2)免学费学生数``): a 一级
    name's score on a line of its own (``产出指标`` / ``(50)``, a Word form printed to PDF) and a figure with decimals
    (``≥`` / ``1.5万亩``) are joined to the line before."""
    from perfbudget.readers.cell_values import one_line

    assert one_line("产出指标\n(50)") == "产出指标(50)"
    assert one_line("≥\n1.5万亩") == "≥1.5万亩"
    assert one_line("学生资助\n(1)受助学生数\n（2）免学费学生数") == "学生资助\n(1)受助学生数\n（2）免学费学生数"
