"""What real office files carry beyond what is shown (layouts25): a Word form's table or rows wrapped in content
controls (``w:sdt``) or custom XML, hidden text (``w:vanish``), a form drawn in a text box; an Excel formula saved
without its value; a page's hidden rows (``display:none``). Each file is made by the real library (python-docx and
lxml, openpyxl) and read by the real reader."""

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
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _word(change: Any = None) -> bytes:
    """The form as one Word table (``change`` edits the document's XML before it is saved)."""
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


def _wrap(node: Any, tag: str) -> None:
    """Put ``node`` inside a content control (``w:sdt`` / ``w:sdtContent``) or a ``w:customXml`` where it stands."""
    from lxml import etree

    parent = node.getparent()
    wrapper = etree.Element(f"{_W}{tag}")
    parent.replace(node, wrapper)
    if tag == "sdt":
        etree.SubElement(wrapper, f"{_W}sdtPr")
        etree.SubElement(wrapper, f"{_W}sdtContent").append(node)
    else:
        wrapper.set(f"{_W}element", "form")
        wrapper.append(node)


def _indicators(data: bytes, name: str) -> tuple[list[tuple[str, str]], Any]:
    result = load_bytes(data, name)
    assert result.document is not None, [p.message for p in result.problems]
    project = result.document.projects[0]
    return [(i.level3, i.target.raw) for i in project.indicators], result


_READ = [("农村义务教育学校改造覆盖率", "100%"), ("学生家长满意度", "≥90%")]


def test_a_word_table_inside_a_content_control_or_custom_xml_is_read() -> None:
    # main: Word 文件中没有表格 (the body's w:sdt / w:customXml around the table not looked into)
    for tag in ("sdt", "customXml"):
        indicators, result = _indicators(_word(lambda d, t, tag=tag: _wrap(t._tbl, tag)), "t.docx")
        assert indicators == _READ, tag
        assert result.document.projects[0].budget.total == 16


def test_word_rows_inside_content_controls_or_custom_xml_are_read() -> None:
    # a repeating-section content control around each indicator row: main read no indicator (表格不完整)
    def wrap_rows(document: Any, table: Any, tag: str) -> None:
        for row in table.rows[3:]:
            _wrap(row._tr, tag)

    for tag in ("sdt", "customXml"):
        indicators, _ = _indicators(_word(lambda d, t, tag=tag: wrap_rows(d, t, tag)), "t.docx")
        assert indicators == _READ, tag


def test_hidden_word_text_is_not_read_and_is_told_at_its_cell() -> None:
    def hide(document: Any, table: Any) -> None:
        table.cell(3, 3).paragraphs[0].add_run("（填写说明：按百分比填写）").font.hidden = True
        table.cell(4, 3).paragraphs[0].add_run("95%").font.hidden = True
        shown = table.cell(4, 2).paragraphs[0].add_run("（家长）")
        shown.font.hidden = False  # w:vanish w:val="0": shown

    indicators, result = _indicators(_word(hide), "t.docx")
    assert indicators == [("农村义务教育学校改造覆盖率", "100%"), ("学生家长满意度（家长）", "≥90%")]
    hidden = [p for p in result.problems if "隐藏文字" in p.message]
    assert [(p.severity, p.source.row, p.source.column) for p in hidden] == [(Severity.WARNING, 4, 4),
                                                                            (Severity.WARNING, 5, 4)]
    assert "「（填写说明：按百分比填写）」" in hidden[0].message and "「95%」" in hidden[1].message


def test_a_word_form_drawn_in_a_text_box_is_read_once() -> None:
    """The table inside a text box (DrawingML with its VML fallback copy) anchored in a paragraph: main read no
    table (the box's cells were the paragraph's text)."""
    from lxml import etree

    def boxed(document: Any, table: Any) -> None:
        tbl = table._tbl
        tbl.getparent().remove(tbl)
        inner = etree.tostring(tbl, encoding="unicode").replace(
            ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', "")
        run = etree.fromstring(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f'<wps:wsp><wps:txbx><w:txbxContent>{inner}<w:p/></w:txbxContent></wps:txbx></wps:wsp></w:drawing>'
            '</mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>'
            f'{inner}<w:p/></w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
        document.add_paragraph("附件")._p.append(run)

    indicators, result = _indicators(_word(boxed), "t.docx")
    assert indicators == _READ
    assert len(result.document.projects) == 1


def _sheet(xml_change: Any = None) -> bytes:
    """The form on one sheet by openpyxl, its 年度资金总额 ``=D2`` (D2 holds 16) and a target ``=D4``; ``xml_change``
    rewrites the sheet's XML (a value saved with the formulas, as Excel and WPS save them)."""
    import zipfile

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in _ROWS:
        sheet.append(row)
    sheet["B2"], sheet["D2"] = "=D2", 16
    sheet.append(["", "", "学校满意度", "=D5"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    if xml_change is None:
        return buffer.getvalue()
    source, out = zipfile.ZipFile(buffer), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, xml_change(data) if item.filename == "xl/worksheets/sheet1.xml" else data)
    return out.getvalue()


def test_an_excel_formula_saved_without_its_value_is_an_error_at_its_cell() -> None:
    """openpyxl (and budget systems' exports built on such libraries) save formulas without values: main read
    the cells as blank without a word (no total; 学校满意度 an indicator without a value)."""
    result = load_bytes(_sheet(), "t.xlsx")
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert [(p.source.sheet, p.source.row, p.source.column) for p in errors] == [("Sheet", 2, 2), ("Sheet", 6, 4)]
    assert "公式「=D2」" in errors[0].message and "没有保存计算结果" in errors[0].message
    assert "公式「=D5」" in errors[1].message


def test_an_excel_formula_saved_with_its_value_reads_the_value() -> None:
    # as Excel saves it: the value after the formula; an empty text result (t="str", empty <v>) is blank
    def saved(xml: bytes) -> bytes:
        return xml.replace(b"<f>D2</f><v></v>", b"<f>D2</f><v>16</v>").replace(
            b'<c r="D6"><f>D5</f><v></v>', b'<c r="D6" t="str"><f>D5</f><v></v>')

    result = load_bytes(_sheet(saved), "t.xlsx")
    assert not [p.message for p in result.problems if "公式" in p.message]
    assert result.document is not None and result.document.projects[0].budget.total == 16


def test_hidden_html_rows_and_cell_parts_are_not_read_and_are_told() -> None:
    """A page saved from Excel or WPS (另存为网页) writes a hidden row as ``<tr style='display:none'>``; Word writes
    hidden text as ``<span style='display:none;mso-hide:all'>``. Main read them as shown: one more indicator, and
    ``100%（原95%）`` as the target."""
    rows = ["<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
            "<tr><td>产出指标</td><td>数量指标</td><td>农村义务教育学校改造覆盖率</td>"
            "<td>100%<span style='display:none;mso-hide:all'>（原95%）</span></td></tr>",
            "<tr height=0 style='display:none'><td></td><td></td><td>旧指标</td><td>50%</td></tr>",
            "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>学生家长满意度</td><td>≥90%</td></tr>"]
    head = ("<tr><td>项目名称</td><td colspan=3>农村义务教育薄弱学校改造补助资金</td></tr>"
            "<tr><td>年度资金总额（万元）</td><td colspan=3>16</td></tr>")
    page = f"<html><body><p>绩效目标表</p><table>{head}{''.join(rows)}</table></body></html>"
    indicators, result = _indicators(page.encode(), "t.html")
    assert indicators == _READ
    told = [(p.severity, p.source.row, p.source.column) for p in result.problems if "display:none" in p.message]
    assert told == [(Severity.WARNING, 4, 4), (Severity.WARNING, 5, None)]


def test_an_instruction_sheet_before_the_form_is_no_project() -> None:
    """A workbook's 填表说明 sheet written as ``label | what to write`` rows: main read it as a project named
    填写项目的全称 with an error (预算数「填写本年度安排的资金」不是金额) beside the form's project."""
    import openpyxl

    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "填表说明"
    for row in (["填表说明"], ["项目名称", "填写项目的全称"], ["年度资金总额", "填写本年度安排的资金"],
                ["一级指标", "产出指标、效益指标、满意度指标"], ["三级指标", "由单位根据项目填写"],
                ["指标值", "定量指标填写数值"]):
        notes.append(row)
    form = workbook.create_sheet("绩效目标表")
    for row in _ROWS:
        form.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    indicators, result = _indicators(buffer.getvalue(), "t.xlsx")
    assert indicators == _READ and len(result.document.projects) == 1
    assert not [p for p in result.problems if p.severity is Severity.ERROR]
    assert [p.source.sheet for p in result.problems if "填表说明" in p.message] == ["填表说明"]


def test_a_saved_fill_in_form_page_reads_its_fields_values() -> None:
    """A page saved from a budget system's fill-in form: the targets in ``<input value=…>``, the 一级 in a drop-down
    list, the header's name in a field beside its label. Main read the fields as empty cells (no target) and every
    option of the list (请选择 with the level)."""
    def row(level1: str, level2: str, name: str, target: str) -> str:
        choice = (f"<select><option value=''>请选择</option><option selected>{level1}</option><option>效益指标</option>"
                  "</select>")
        return (f"<tr><td>{choice}</td><td>{level2}</td><td><textarea>{name}</textarea></td>"
                f"<td><input type='text' class='form-control' value='{target}'>"
                "<input type='hidden' value='x1'></td></tr>")

    page = ("<html><body><form><p>绩效目标表</p><table>"
            "<tr><td>项目名称</td><td colspan=3><input name='xmmc' value='农村义务教育薄弱学校改造补助资金'></td></tr>"
            "<tr><td>年度资金总额（万元）</td><td colspan=3><input type='number' value='16'></td></tr>"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
            + row("产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%")
            + row("满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%") + "</table></form></body></html>")
    indicators, result = _indicators(page.encode(), "t.html")
    assert indicators == _READ
    project = result.document.projects[0]
    assert (project.name, project.budget.total, project.indicators[1].level1) == (
        "农村义务教育薄弱学校改造补助资金", 16, "满意度指标")


def _alt_chunk(content: bytes, content_type: str) -> bytes:
    """A Word file whose body is one ``w:altChunk`` of ``content`` (as systems that write Word files from HTML
    make them: Word imports the part when it opens the file)."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    document = docx.Document()
    part = Part(PackURI("/word/afchunk1.htm"), content_type, content, document.part.package)
    rid = document.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk")
    chunk = etree.Element(f"{_W}altChunk")
    chunk.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", rid)
    document.element.body.insert(0, chunk)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_file_made_of_an_html_chunk_reads_its_tables() -> None:
    """Main refused it: Word 文件中没有表格 (the body holds only the w:altChunk)."""
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in _ROWS)
    page = f"<html><head><meta charset='utf-8'></head><body><p>绩效目标表</p><table>{cells}</table></body></html>"
    indicators, result = _indicators(_alt_chunk(page.encode(), "text/html"), "t.docx")
    assert indicators == _READ and result.document.projects[0].budget.total == 16
    refused = load_bytes(_alt_chunk(b"<p>x</p>", "application/x-unknown"), "t.docx")
    assert refused.document is None
    assert ["altChunk" in p.message and "application/x-unknown" in p.message for p in refused.problems] == [True]
    # an RTF chunk is read since reading29 (converted by LibreOffice): one without a table is a file without one
    no_table = load_bytes(_alt_chunk(b"{\\rtf1 x}", "application/rtf"), "t.docx")
    assert no_table.document is None and ["没有表格" in p.message for p in no_table.problems] == [True]
