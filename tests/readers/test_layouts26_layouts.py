"""The file forms units really publish, read as a person reads them (layouts26): hidden text through a Word
character style, the unit written in a Word page header, hidden Excel columns (.xlsx and .xls), a web page whose
table is made of ``div`` elements. Each file is made by the real library (python-docx, openpyxl, LibreOffice) and
read by the real reader."""

from __future__ import annotations

import io
from typing import Any

from perfbudget.load import load_bytes
from perfbudget.model import Severity

_ROWS = [["项目名称", "农村义务教育薄弱学校改造补助资金", "", ""],
         ["年度资金总额（万元）", "16", "", ""],
         ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"],
         ["满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%"]]
_READ = [("农村义务教育学校改造覆盖率", "100%"), ("学生家长满意度", "≥90%")]


def _word(change: Any = None) -> bytes:
    """The form as one Word table (``change`` edits the document before it is saved)."""
    import docx

    document = docx.Document()
    document.add_paragraph("绩效目标表")
    table = document.add_table(rows=len(_ROWS), cols=4)
    for r, cells in enumerate(_ROWS):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    if change is not None:
        change(document, table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _read(data: bytes, name: str) -> tuple[list[tuple[str, str]], Any]:
    result = load_bytes(data, name)
    assert result.document is not None, [p.message for p in result.problems]
    return [(i.level3, i.target.raw) for i in result.document.projects[0].indicators], result


def test_text_hidden_by_a_character_or_paragraph_style_is_not_read_and_told() -> None:
    # main: a template's 「填写说明」 character style with 隐藏 was read into the targets (100%（原95%）)
    def hide(document: Any, table: Any) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        hidden = document.styles.add_style("填写说明", WD_STYLE_TYPE.CHARACTER)
        hidden.font.hidden = True
        inherited = document.styles.add_style("旧值", WD_STYLE_TYPE.CHARACTER)
        inherited.base_style = hidden  # hidden through the style it is based on
        table.cell(3, 3).paragraphs[0].add_run("（原95%）").style = hidden
        table.cell(4, 3).paragraphs[0].add_run("（原≥85%）").style = inherited
        table.cell(4, 2).text = "学生家长"
        shown = table.cell(4, 2).paragraphs[0].add_run("满意度", style=hidden)
        shown.font.hidden = False  # the run's own setting comes first: shown
        paragraph_style = document.styles.add_style("说明段落", WD_STYLE_TYPE.PARAGRAPH)
        paragraph_style.font.hidden = True
        table.cell(1, 1).add_paragraph("（填写本年度预算）", style=paragraph_style)

    indicators, result = _read(_word(hide), "t.docx")
    assert indicators == _READ
    assert result.document.projects[0].budget.total == 16
    told = [p for p in result.problems if "隐藏文字" in p.message]
    assert [p.source.row for p in told] == [2, 4, 5]
    assert all(p.severity is Severity.WARNING for p in told)
    assert "（原95%）" in told[1].message


def test_the_unit_written_in_the_page_header_is_the_forms_unit() -> None:
    # main: page headers were not read; the unit 单位名称：… printed on every page was lost (unit None)
    def header_paragraph(document: Any, table: Any) -> None:
        document.sections[0].header.paragraphs[0].text = "单位名称：武汉市青山区教育局　　金额单位：万元"

    def header_table(document: Any, table: Any) -> None:
        section = document.sections[0]
        cells = section.header.add_table(rows=1, cols=4, width=section.page_width).rows[0].cells
        for cell, text in zip(cells, ("填报单位", "武汉市青山区教育局", "填报日期", "2020年3月2日"), strict=True):
            cell.text = text
        section.footer.paragraphs[0].text = "第 1 页"

    def footer_with_date(document: Any, table: Any) -> None:
        footer = document.sections[0].footer.paragraphs[0]
        footer.text = "填报单位（盖章）：武汉市青山区教育局　　　填报日期：2020年3月2日"

    for change in (header_paragraph, header_table, footer_with_date):
        indicators, result = _read(_word(change), "t.docx")
        assert indicators == _READ
        assert result.document.unit.name == "武汉市青山区教育局", change.__name__
        assert any("预算单位取自页" in p.message and p.severity is Severity.INFO for p in result.problems)

    def both(document: Any, table: Any) -> None:
        header_paragraph(document, table)
        table._tbl.addprevious(document.add_paragraph("单位名称：青山区教育局")._p)

    _, result = _read(_word(both), "t.docx")
    assert result.document.unit.name == "青山区教育局"  # the form's own unit, not the header's
    assert not any("页眉" in p.message for p in result.problems)


_SHEET = [["项目名称", "农村义务教育薄弱学校改造补助资金", "", "", ""],
          ["年度资金总额（万元）", "16", "", "", ""],
          ["一级指标", "二级指标", "三级指标", "指标值", "指标值"],
          ["产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%", "95%"],
          ["满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%", "≥85%"]]


def _workbook() -> Any:
    """The form on a sheet whose column E keeps the earlier 指标值 (hidden), and a code column A (hidden) where the
    title's merged range starts."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["某区2020年项目支出绩效目标表"])
    for row in _SHEET:
        sheet.append(["2020-017", *row])
    sheet.merge_cells("A1:F1")
    sheet.column_dimensions["A"].hidden = True
    sheet.column_dimensions["F"].hidden = True
    return book


def _checked_hidden_columns(result: Any) -> None:
    project = result.document.projects[0]
    assert [(i.level3, i.target.raw) for i in project.indicators] == _READ
    assert all(not i.extras for i in project.indicators)
    assert project.title == "某区2020年项目支出绩效目标表"
    told = [p for p in result.problems if "隐藏列" in p.message]
    assert [(p.source.column, p.severity) for p in told] == [(1, Severity.WARNING), (6, Severity.WARNING)]
    assert "「指标值」「95%」「≥85%」" in told[1].message


def test_hidden_excel_columns_are_not_read_and_told() -> None:
    # main: the hidden earlier 指标值 column gave the targets (95%, ≥85%), the shown ones were extras
    buffer = io.BytesIO()
    _workbook().save(buffer)
    _checked_hidden_columns(load_bytes(buffer.getvalue(), "t.xlsx"))


def test_hidden_columns_of_an_xls_workbook_are_not_read_and_told(tmp_path: Any) -> None:
    # the same workbook saved as .xls by LibreOffice (xlrd's colinfo_map, merged_cells): main read it as the xlsx
    import subprocess

    from tests.conftest import soffice_path

    source = tmp_path / "t.xlsx"
    _workbook().save(source)
    subprocess.run([soffice_path(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "xls", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=120)
    _checked_hidden_columns(load_bytes((tmp_path / "t.xls").read_bytes(), "t.xls"))


def _drawn_page(row: Any, cell: Any, head: str = "") -> bytes:
    body = "".join(row("".join(cell(text) for text in cells)) for cells in _ROWS)
    return (f"<html><head><style>{head}</style></head><body><div class='page'><h3>绩效目标表</h3>"
            f"<div class='grid' role='table'>{body}</div></div></body></html>").encode()


def test_a_web_page_whose_table_is_drawn_with_div_and_span_elements_is_read() -> None:
    # main: 网页中没有找到绩效目标表 (only <table> elements were looked at)
    styled = _drawn_page(lambda cells: f"<div class='r'>{cells}</div>", lambda text: f"<span class='c'>{text}</span>",
                         ".r { display: table-row } .c, .x { display:table-cell; padding:2px }")
    inline = _drawn_page(lambda cells: f"<div style='display:table-row'>{cells}</div>",
                         lambda text: f"<div style='display: table-cell'>{text}</div>")
    aria = _drawn_page(lambda cells: f"<div role='row'>{cells}</div>",
                       lambda text: f"<div role='cell'>{text}</div>")
    for page in (styled, inline, aria):
        indicators, result = _read(page, "t.html")
        assert indicators == _READ
        assert result.document.projects[0].budget.total == 16
        assert result.document.projects[0].indicators[1].sources["level3"].column == 3
    # a page laid out in two columns drawn as one table row stays text: no table (the form's words are prose there)
    layout = ("<html><body><div style='display:table'><div style='display:table-row'><div style='display:table-cell'>"
              "栏目</div><div style='display:table-cell'>项目名称：校舍维修；三级指标：覆盖率</div></div></div>"
              "</body></html>").encode()
    assert load_bytes(layout, "t.html").document is None


def test_a_title_like_note_inside_a_sheets_header_block_does_not_cut_the_form() -> None:
    # perfbudget's own xlsx export of a table whose header block kept a page's note (…绩效自评表) as a row of one
    # merged cell: main cut the form there, the name in one table and the indicators in another without it (errors)
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (["1.农村义务教育薄弱学校改造补助资金"], ["项目名称", "农村义务教育薄弱学校改造补助资金"],
                ["2020年项目支出绩效自评表"], ["主管部门", "武汉市青山区教育局"], *_ROWS[1:],
                ["2.校舍维修"], ["项目名称", "校舍维修"], ["年度资金总额（万元）", "5"], _ROWS[2],
                ["产出指标", "数量指标", "维修校舍面积", "≥500平方米"]):
        sheet.append(row)
    sheet.merge_cells("A3:D3")
    buffer = io.BytesIO()
    book.save(buffer)
    result = load_bytes(buffer.getvalue(), "t.xlsx")
    assert result.ok, [p.message for p in result.errors]
    first, second = result.document.projects
    assert (first.name, first.budget.total, [(i.level3, i.target.raw) for i in first.indicators]) == (
        "农村义务教育薄弱学校改造补助资金", 16, _READ)
    assert ("", "2020年项目支出绩效自评表") in first.extras
    assert (second.name, second.budget.total, len(second.indicators)) == ("校舍维修", 5, 1)


_MERGED = [*_ROWS[:4], ["满意度指标", "", "学生家长满意度", "≥90%"], ["", "", "教师满意度", "≥85%"]]
_MERGED_READ = [("产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"),
                ("满意度指标", "满意度指标", "学生家长满意度", "≥90%"),
                ("满意度指标", "满意度指标", "教师满意度", "≥85%")]


def _levels(data: bytes, name: str) -> list[tuple[str, str, str, str]]:
    result = load_bytes(data, name)
    assert result.ok, [p.message for p in result.errors]
    assert any("横跨一级指标和二级指标两列" in p.message for p in result.problems)
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in result.document.projects[0].indicators]


def test_a_level_name_merged_across_the_level1_and_level2_columns_names_both() -> None:
    # 满意度指标 in one cell over the 一级 and 二级 columns (and down its rows): main refused both rows (三级指标
    # 「学生家长满意度」缺少一级或二级指标); a person reads the one name as both levels
    import docx
    from openpyxl import Workbook

    document = docx.Document()
    table = document.add_table(rows=len(_MERGED), cols=4)
    for r, cells in enumerate(_MERGED):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    table.cell(4, 0).merge(table.cell(5, 1))
    buffer = io.BytesIO()
    document.save(buffer)
    assert _levels(buffer.getvalue(), "t.docx") == _MERGED_READ

    book = Workbook()
    for row in _MERGED:
        book.active.append(row)
    book.active.merge_cells("A5:B6")
    buffer = io.BytesIO()
    book.save(buffer)
    assert _levels(buffer.getvalue(), "t.xlsx") == _MERGED_READ

    rows = ["".join(f"<td>{text}</td>" for text in row) for row in _MERGED[:4]]
    rows += ["<td colspan=2 rowspan=2>满意度指标</td><td>学生家长满意度</td><td>≥90%</td>",
             "<td>教师满意度</td><td>≥85%</td>"]
    page = "<table>" + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>"
    assert _levels(page.encode(), "t.html") == _MERGED_READ
    # a 二级 name so merged is the 二级, its 一级 from the framework, as before
    page = page.replace("满意度指标", "服务对象满意度指标")
    result = load_bytes(page.encode(), "t.html")
    assert [(i.level1, i.level2) for i in result.document.projects[0].indicators][1:] == [
        ("满意度指标", "服务对象满意度指标")] * 2


def _ods(hide: bool) -> bytes:
    """The hidden-columns sheet as an OpenDocument spreadsheet written by odfpy (as LibreOffice and WPS save it): the
    code column A and the earlier 指标值 column F collapsed, the title spanning A:F, one earlier indicator row and a
    second sheet (an old copy of the form) hidden."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableColumnProperties, TableProperties
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    hidden_sheet = Style(name="hiddensheet", family="table")
    hidden_sheet.addElement(TableProperties(display="false"))
    column_style = Style(name="co1", family="table-column")
    column_style.addElement(TableColumnProperties(columnwidth="2cm"))
    document.automaticstyles.addElement(hidden_sheet)
    document.automaticstyles.addElement(column_style)

    def row(texts: list[str], visibility: str = "visible") -> Any:
        made = TableRow(visibility=visibility) if visibility != "visible" else TableRow()
        for text in texts:
            cell = TableCell(valuetype="string") if text else TableCell()
            if text:
                cell.addElement(P(text=text))
            made.addElement(cell)
        return made

    sheet = Table(name="绩效目标表")
    for k in range(6):
        shown = "collapse" if hide and k in (0, 5) else "visible"
        sheet.addElement(TableColumn(stylename=column_style, visibility=shown))
    title = TableRow()
    cell = TableCell(valuetype="string", numbercolumnsspanned=6)
    cell.addElement(P(text="某区2020年项目支出绩效目标表"))
    title.addElement(cell)
    for _ in range(5):
        title.addElement(CoveredTableCell())
    sheet.addElement(title)
    for cells in _SHEET:
        sheet.addElement(row(["2020-017", *cells]))
    sheet.addElement(row(["", "", "", "校舍维修面积", "≥500平方米", ""], "collapse" if hide else "visible"))
    document.spreadsheet.addElement(sheet)
    old = Table(name="原表", stylename=hidden_sheet if hide else None) if hide else Table(name="原表")
    for cells in _SHEET[:1]:
        old.addElement(row(cells))
    document.spreadsheet.addElement(old)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def test_hidden_columns_rows_and_sheets_of_an_ods_workbook_are_not_read_and_told() -> None:
    # main: the .ods reader read everything as shown: the hidden earlier targets, the hidden row an indicator
    result = load_bytes(_ods(hide=True), "t.ods")
    assert result.document is not None, [p.message for p in result.problems]
    project = result.document.projects[0]
    assert [(i.level3, i.target.raw) for i in project.indicators] == _READ
    assert project.title == "某区2020年项目支出绩效目标表"
    told = [p.message for p in result.problems if p.severity is Severity.WARNING]
    assert any(m.startswith("F列是隐藏列") and "「95%」" in m for m in told)
    assert any(m.startswith("第7行是隐藏行") and "校舍维修面积" in m for m in told)
    assert any(m.startswith("工作表「原表」是隐藏的") for m in told)
    assert all("（打开表格时看不到）" in m and "LibreOffice" in m for m in told)  # not 「在 Excel 中看不到」 of an .ods
    shown = load_bytes(_ods(hide=False), "t.ods")  # the same sheet with nothing hidden: read as before
    assert len(shown.document.projects[0].indicators) == 3
