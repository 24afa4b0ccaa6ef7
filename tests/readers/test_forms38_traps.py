"""What Word, Excel, WPS and LibreOffice show of a table, read as they show it (forms38, FAILURES.md section CG): each
file is built with the real library (python-docx with raw XML where its API has none, openpyxl, LibreOffice) and read
by the real reader; each test fails on 4bbee630's ``src``."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from lxml import etree

from perfbudget.load import load_bytes, load_path
from perfbudget.model import Severity
from perfbudget.readers.format_digits import literal_point_layout, pointed_digits
from tests.readers.test_forms35_layouts import _saved_by_libreoffice
from tests.readers.test_forms37_traps import _FORM, _W, _cell_paragraph, _excel, _read, _word, _xml

_BOXES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')


def _text_box_run(content: str) -> Any:
    """A run anchoring a text box as Word writes it: the DrawingML box (``mc:Choice``) and its VML copy
    (``mc:Fallback``), each holding the box's paragraphs."""
    box = f"<w:txbxContent>{content}</w:txbxContent>"
    return etree.fromstring(
        f'<w:r {_BOXES}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{box}'
        f"</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox>{box}</v:textbox>"
        "</v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def test_a_text_box_in_a_cell_is_read_once() -> None:
    """A target typed into a text box drawn in its cell: 4bbee630 read it three times (``≥500平方米`` on three
    lines: with the paragraph anchoring it, from the box's DrawingML copy and from its VML fallback), status ok."""
    def boxed(table: Any) -> None:
        _cell_paragraph(table, 3, 3).append(_text_box_run("<w:p><w:r><w:t>≥500平方米</w:t></w:r></w:p>"))
        paragraph = _cell_paragraph(table, 4, 3)  # two paragraphs in a box, after the cell's own text
        paragraph.append(_xml("<w:r><w:t>100%</w:t></w:r>"))
        paragraph.append(_text_box_run("<w:p><w:r><w:t>（含）</w:t></w:r></w:p><w:p><w:r><w:t>抽检</w:t></w:r></w:p>"))

    targets, _ = _read(_word(boxed), "t.docx")
    # (the value's lines joined as one value since forms45: cell_values.one_line)
    assert targets == {"维修面积": "≥500平方米", "验收合格率": "100%（含）抽检", "师生满意度": "≥90%"}


def test_a_cell_deleted_as_a_tracked_change_is_left_out() -> None:
    """A cell deleted with 修订 on (``w:tcPr/w:cellDel``, its text a tracked deletion): the row holds one cell more
    than the grid until the change is accepted. 4bbee630 read the row five cells wide under a four-column header
    (an error, 验收合格率 lost); now the row as the change accepted gives it, with a warning at the deleted cell."""
    def deleted(table: Any) -> None:
        cells = table.rows[4]._tr.findall(f"{{{_W}}}tc")
        cells[2].addprevious(_xml(
            '<w:tc><w:tcPr><w:cellDel w:id="7" w:author="张三" w:date="2021-03-01T10:00:00Z"/></w:tcPr><w:p>'
            '<w:del w:id="8" w:author="张三" w:date="2021-03-01T10:00:00Z"><w:r><w:delText>合格率</w:delText></w:r>'
            "</w:del></w:p></w:tc>"))
        # an inserted cell (w:cellIns) is read, as an insertion is
        inserted = table.rows[3]._tr.findall(f"{{{_W}}}tc")[3]
        inserted.find(f"{{{_W}}}tcPr").append(_xml('<w:cellIns w:id="9" w:author="张三"/>'))

    targets, result = _read(_word(deleted), "t.docx")
    assert targets == {"维修面积": "≥500平方米", "验收合格率": "100%", "师生满意度": "≥90%"}
    # (one warning for the table's tracked changes, at the first: the inserted cell; since forms44)
    [told] = [p for p in result.problems if "第5行第3列（删除的单元格）" in p.message]
    assert "第4行第4列（插入的单元格）" in told.message and "其后的单元格左移" in told.message
    assert (told.source.row, told.source.column, told.severity) == (4, 4, Severity.WARNING)
    assert not result.errors


def test_digits_between_literals_are_shown_in_time_of_the_cells_digits() -> None:
    """A format of 255 characters whose placeholders have a literal between each two (``0"中"0"中"…``) was walked
    token by token for every cell that uses it (4bbee630: some 60 times a two-placeholder format's cost); now laid
    out once a format, a cell's text made from its own digits."""
    long_format = '"中"'.join(["0"] * 50)  # 250 characters
    long, short = literal_point_layout(long_format), literal_point_layout('0"中"0')
    assert long is not None and short is not None
    assert pointed_digits(short, Decimal(12345)) == "1234中5"
    assert pointed_digits(long, Decimal(-345)) == "-" + "0中" * 47 + "3中4中5"
    assert pointed_digits(literal_point_layout('#!.##"万"') or short, Decimal(5)) == ".5"

    def cost(layout: Any) -> float:
        started = time.process_time()
        for number in range(20_000):
            pointed_digits(layout, Decimal(number))
        return time.process_time() - started

    cost(short)
    assert cost(long) < 4 * cost(short) + 0.05


def test_two_forms_side_by_side_on_a_sheet_are_two_projects() -> None:
    """A unit's second form copied beside the first on one sheet (with an empty column between or none): 4bbee630
    read one table, the first project lost without a word (its name and indicators taken by the second's header,
    status ok, one project). Now cut by its columns, each form a project, told."""
    second = [["项目名称", "食堂改造", "", ""], ["年度资金总额(万元)", "30", "", ""],
              ["一级指标", "二级指标", "三级指标", "指标值"],
              ["产出指标", "数量指标", "改造面积", "≥200平方米"],
              ["效益指标", "社会效益指标", "就餐学生数", "≥800人"],
              ["满意度指标", "服务对象满意度指标", "学生满意度", "≥85%"]]
    for gap in ([], [""]):
        rows = [[*left, *gap, *right] for left, right in zip(_FORM, second, strict=True)]
        result = load_bytes(_excel(rows), "t.xlsx")
        assert result.document is not None and result.ok, result.problems
        read = {p.name: {i.level3: i.target.raw for i in p.indicators} for p in result.document.projects}
        assert read == {"校舍维修": {"维修面积": "≥500平方米", "验收合格率": "100%", "师生满意度": "≥90%"},
                        "食堂改造": {"改造面积": "≥200平方米", "就餐学生数": "≥800人", "学生满意度": "≥85%"}}
        assert [p.budget.total for p in result.document.projects] == [Decimal(50), Decimal(30)]
        [told] = [p for p in result.problems if "并排" in p.message]
        assert f"另一张自{'EF'[len(gap)]}列起" in told.message  # the column's letter, as Excel shows it


def test_a_very_hidden_sheet_holding_an_old_version_is_told_how_it_comes_back() -> None:
    """A workbook of this year's form and, on a very hidden sheet (``veryHidden``: a program or macro hid it; Excel's
    取消隐藏 does not list it), last year's: the shown sheet is read, the hidden one is not (never a mix), and told —
    4bbee630 told it as any hidden sheet, asking to unhide it where Excel and WPS cannot."""
    def with_old_version(sheet: Any) -> None:
        old = sheet.parent.create_sheet("2020年")
        for row in _FORM:
            old.append([None if value == "" else value.replace("500", "300") for value in row])
        old.sheet_state = "veryHidden"

    targets, result = _read(_excel(_FORM, with_old_version), "t.xlsx")
    assert targets == {"维修面积": "≥500平方米", "验收合格率": "100%", "师生满意度": "≥90%"}
    [told] = [p for p in result.problems if p.source.sheet == "2020年"]
    assert "深度隐藏" in told.message and "VBA" in told.message and "≥300平方米" not in targets.values()


def test_a_landscape_form_turned_onto_a_portrait_page_keeps_its_ruling_lines(tmp_path: Path) -> None:
    """A landscape form printed onto a portrait page turned by /Rotate 90, the turn computed by the program that
    made the page (pypdfium2 here, as Java's PDF libraries do: cos 90° = 6.1e-17): its rows' lines are level to a
    rounding error, which pdfplumber took for vertical lines. 4bbee630 found no ruling lines and read the table by
    its text's positions, with a warning (表格没有框线)."""
    import docx
    import pypdfium2 as pdfium
    from docx.enum.section import WD_ORIENT

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    table = document.add_table(rows=len(_FORM), cols=4)
    table.style = "Table Grid"
    for r, cells in enumerate(_FORM):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    document.save(str(tmp_path / "form.docx"))
    landscape = pdfium.PdfDocument(_saved_by_libreoffice(tmp_path / "form.docx", "pdf"))
    width, height = landscape[0].get_size()
    turned = pdfium.PdfDocument.new()
    drawing = landscape.page_as_xobject(0, turned).as_pageobject()
    drawing.transform(pdfium.PdfMatrix().rotate(90, ccw=True).translate(height, 0))
    page = turned.new_page(height, width)
    page.insert_obj(drawing)
    page.gen_content()
    page.set_rotation(90)  # (shown upright, landscape)
    turned.save(str(tmp_path / "turned.pdf"))

    result = load_path(tmp_path / "turned.pdf")
    assert result.document is not None and result.ok, result.problems
    assert {i.level3: i.target.raw for i in result.document.projects[0].indicators} == {
        "维修面积": "≥500平方米", "验收合格率": "100%", "师生满意度": "≥90%"}
    assert not [p for p in result.problems if "框线" in p.message]


def test_columns_the_print_area_leaves_out_are_not_read() -> None:
    """Last year's 指标值 kept in a column after this year's, the print area set to the form alone (A1:D6): 4bbee630
    took the last 指标值 column, last year's targets, without a word (status ok); without a head the column was a fifth
    cell under a four-column header (an error, the indicator lost). Now the columns the print area leaves out are not
    read, and told with their texts."""
    for head in ("指标值", ""):
        rows = [[*row, old] for row, old in zip(_FORM, ["", "", head, "≥400平方米", "≥90%", "≥85%"], strict=True)]

        def printed(sheet: Any) -> None:
            sheet.print_area = "A1:D6"

        targets, result = _read(_excel(rows, printed), "t.xlsx")
        assert targets == {"维修面积": "≥500平方米", "验收合格率": "100%", "师生满意度": "≥90%"}
        [told] = [p for p in result.problems if "打印区域" in p.message]
        assert told.source.column == 5 and "≥400平方米" in told.message and told.severity is Severity.WARNING
        assert not result.errors


def test_a_name_broken_by_the_page_with_its_value_on_the_next_page_is_one_row(tmp_path: Path) -> None:
    """A Word form printed by LibreOffice whose 18th indicator's value was pushed down its cell by empty paragraphs
    (Enter typed to centre it): the page breaks the row inside its 三级 name (``维修校舍十八号楼`` / ``面积``) and the
    value is printed on the next page only. 4bbee630 read two indicators (a name without a value, ``面积`` with the
    value) with a warning; now one, told. (Six empty paragraphs before the table put that row across the page:
    found by trying, as r190's.)"""
    import docx

    document = docx.Document()
    for _ in range(6):
        document.add_paragraph("")
    rows = [*_FORM[:3], *(["产出指标", "数量指标", f"维修校舍{n}号楼面积", "≥500平方米"] for n in range(1, 25))]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    table.cell(20, 2).text = "维修校舍十八号楼面积"
    value = table.cell(20, 3)
    value.text = ""
    for _ in range(5):
        value.add_paragraph("")
    value.add_paragraph("≥800平方米")
    document.save(str(tmp_path / "form.docx"))

    result = load_path(_saved_by_libreoffice(tmp_path / "form.docx", "pdf"))
    assert result.document is not None
    targets = {i.level3: i.target.raw for i in result.document.projects[0].indicators}
    assert len(targets) == 24 and targets["维修校舍十八号楼面积"] == "≥800平方米"
    [told] = [p for p in result.problems if "印在了下一页" in p.message]
    assert told.source.page == 2 and told.severity is Severity.WARNING


def test_more_columns_outside_the_print_area_than_told_one_by_one_are_told_as_outside_it() -> None:
    """The lead's reread: past the first 20 columns told one by one, those outside the print area were told as
    hidden columns (「…隐藏列未读取；…取消隐藏…」), naming the wrong cause and the wrong fix."""
    from perfbudget.readers.xlsx_hidden import MOST_TOLD, hidden_column_problems

    texts = {c: ["旧值"] for c in range(5, 5 + MOST_TOLD + 3)}
    told = hidden_column_problems("t.xlsx", "Sheet", texts, unprinted=frozenset(texts))
    assert len(told) == MOST_TOLD + 1 and "另有 3 个有内容的列在打印区域之外" in told[-1].message
    assert not [p for p in told if "隐藏列" in p.message]
    mixed = hidden_column_problems("t.xlsx", "Sheet", texts, unprinted=frozenset(list(texts)[-2:]))
    assert [p.message.split("；")[0].split("，")[0] for p in mixed[MOST_TOLD:]] == [
        "工作表「Sheet」另有 1 个有内容的隐藏列未读取", "工作表「Sheet」另有 2 个有内容的列在打印区域之外"]
