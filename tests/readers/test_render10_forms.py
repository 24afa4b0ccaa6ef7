"""Office forms found with the render10 renderings, built in the test (python-docx, openpyxl, plain HTML/MIME).

* Word: tracked changes left in (text moved away with ``w:moveFrom`` is not read; deletions never were); a
  form nested in the cell of a page-layout table is read as a table of its own (a form holding a small table
  in one of its cells is not a layout table); a header part typed as paragraphs with tab stops above the
  indicator table is read as its first rows when it names the project; a text box is read once (not again from
  its ``mc:Fallback`` copy).
* HTML: a line break of the page's source is white space (Word's HTML writer breaks its source lines between
  Chinese characters); a web archive (.mht, quoted-printable GB2312) is read from its HTML part.
* Any grid: a 一级 cell holding only its score ``(50分)`` is no 三级 name; a last row holding only the cut label
  ``满意`` is no indicator.
"""

from __future__ import annotations

import io
import quopri
from decimal import Decimal

from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Severity
from perfbudget.readers.sniff import sniff
from tests.readers.word_tables import excel_file

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

FORM = [["项目名称", "校舍维修", "", ""], ["年度资金总额", "16", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "维修面积", "500平方米"],
        ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"]]
READ = [("产出指标", "数量指标", "维修面积", "500平方米"), ("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%")]


def _rows(result: LoadResult, project: int = 0) -> list[tuple[str, str, str, str]]:
    assert result.document is not None, result.problems
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in result.document.projects[project].indicators]


def _errors(result: LoadResult) -> list[str]:
    return [p.message for p in result.problems if p.severity is Severity.ERROR]


def _saved(document) -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fill(table, rows: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def _runs(cell, parts: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    """Replace a Word cell's text by runs, each plain ("") or inside a tracked change (ins, del, moveFrom, moveTo)."""
    from lxml import etree

    paragraph = cell.paragraphs[0]
    paragraph.text = ""
    for number, (kind, text) in enumerate(parts, 1):
        run = etree.Element(_W + "r")
        etree.SubElement(run, _W + ("delText" if kind == "del" else "t")).text = text
        if not kind:
            paragraph._p.append(run)
            continue
        change = etree.SubElement(paragraph._p, _W + kind, {_W + "id": str(number), _W + "author": "审核人"})
        change.append(run)


def test_tracked_changes_are_read_as_accepted() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=len(FORM), cols=4)
    _fill(table, FORM)
    _runs(table.cell(1, 1), [("del", "12"), ("ins", "16")])
    _runs(table.cell(3, 2), [("moveTo", "维修"), ("", "面积"), ("moveFrom", "维修")])  # 面积维修 → 维修面积
    _runs(table.cell(4, 3), [("ins", "≥"), ("", "90%")])
    result = load_bytes(_saved(document), "tracked.docx")
    assert _rows(result) == READ
    assert result.document is not None and result.document.projects[0].budget.total == Decimal("16")


def test_form_nested_in_a_layout_table_is_read() -> None:
    import docx

    document = docx.Document()
    layout = document.add_table(rows=2, cols=1)
    layout.cell(0, 0).text = "项目支出绩效目标表"
    form = layout.cell(1, 0).add_table(rows=len(FORM), cols=4)
    _fill(form, FORM)
    result = load_bytes(_saved(document), "nested.docx")
    assert _rows(result) == READ
    assert result.document is not None and result.document.projects[0].name == "校舍维修"
    assert not _errors(result)


def test_form_with_a_table_in_one_cell_is_no_layout_table() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=len(FORM), cols=4)
    _fill(table, FORM)
    table.cell(1, 3).add_table(rows=1, cols=2).cell(0, 0).text = "财政拨款"  # a small grid inside a cell
    result = load_bytes(_saved(document), "form.docx")
    assert _rows(result) == READ  # the form is still read as the form


def _html_form(first_level1: str, name: str) -> str:
    return ("<table border=1><tr><td>项目名称</td><td colspan=3>校舍维修</td></tr>"
            "<tr><td>年度资金总额</td><td colspan=3>16</td></tr>"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
            f"<tr><td>{first_level1}</td><td>数量指标</td><td>{name}</td><td>500平方米</td></tr>"
            "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>师生满意度</td><td>≥90%</td></tr></table>")


def test_source_line_breaks_in_html_are_white_space() -> None:
    page = "<html><body>" + _html_form("产出<br>指标", "维修\r\n面积") + "</body></html>"
    result = load_bytes(page.encode("utf-8"), "page.html")
    assert _rows(result) == READ  # 维修\r\n面积 is 维修面积; the <br> is a line break (joined in a 一级 name)
    page = "<html><body>" + _html_form("产出指标", "Wi-Fi\n覆盖") + "</body></html>"
    assert _rows(load_bytes(page.encode("utf-8"), "page.html"))[0][2] == "Wi-Fi 覆盖"


def test_web_archive_is_read_from_its_html_part() -> None:
    html = ("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"></head><body>"
            + _html_form("产出指标", "维修面积") + "</body></html>")
    body = quopri.encodestring(html.encode("gb2312"))
    data = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_X\"\r\n\r\n"
            b"------=_NextPart_X\r\nContent-Location: file:///C:/x.htm\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n"
            + body + b"\r\n------=_NextPart_X--\r\n")
    assert b"<table" not in data.lower()[:200] and sniff(data, "form.mht") == "html"
    result = load_bytes(data, "form.mht")
    assert _rows(result) == READ
    assert sniff(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello", "a.txt") == "text"


def test_a_level1_cell_holding_only_its_score_is_no_level3_name() -> None:
    page = "<html><body>" + _html_form("(50分)", "维修面积") + "</body></html>"
    result = load_bytes(page.encode("utf-8"), "page.html")
    assert _rows(result) == READ  # 产出指标 from the 二级 数量指标
    assert not _errors(result)


def test_a_last_row_holding_a_cut_level_label_is_no_indicator() -> None:
    rows = [["项目名称", "校舍维修"], ["年度资金总额", 16], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "维修面积", "500平方米"], ["满意"]]
    result = load_bytes(excel_file(rows), "cut.xlsx")
    assert _rows(result) == READ[:1]
    assert any("满意度指标" in p.message and p.severity is Severity.WARNING for p in result.problems)


def test_header_part_typed_with_tab_stops_is_read() -> None:
    import docx

    document = docx.Document()
    for line in ("项目支出绩效目标表", "项目名称\t校舍维修\t项目负责人\t(略)", "开始日期\t2022年1月1日",
                 "资金情况(单位:万元)\t年度资金总额:\t16", "\t其中:财政拨款\t16"):
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=4)
    _fill(table, FORM[2:])
    result = load_bytes(_saved(document), "tabs.docx")
    assert _rows(result) == READ
    assert result.document is not None
    project = result.document.projects[0]
    assert (project.name, project.budget.total, result.document.money_unit) == ("校舍维修", Decimal("16"), "万元")


def test_tab_paragraphs_without_the_project_stay_text() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("项目名称:校舍维修")
    document.add_paragraph("联系人\t张三\t联系电话\t(略)")  # no 项目名称 among them: not a header part
    table = document.add_table(rows=len(FORM), cols=4)
    _fill(table, FORM)
    result = load_bytes(_saved(document), "tabs.docx")
    assert _rows(result) == READ
    assert result.document is not None and "联系人" not in str(result.document.projects[0])


def _text_box_paragraph(text: str):  # type: ignore[no-untyped-def]
    """A paragraph anchoring a text box as Word writes it: the box in mc:Choice (DrawingML) and again in
    mc:Fallback (VML)."""
    from lxml import etree

    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return etree.fromstring(
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent>'
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:rect><v:textbox>{box}</v:textbox></v:rect></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>")


def test_text_box_above_the_table_is_read_once() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=len(FORM), cols=4)
    _fill(table, FORM)
    document.element.body.insert(0, _text_box_paragraph("单位名称:某县教育局\u3000\u3000金额单位:万元"))
    result = load_bytes(_saved(document), "box.docx")
    assert _rows(result) == READ
    assert result.document is not None
    assert (result.document.unit.name, result.document.money_unit) == ("某县教育局", "万元")


def test_pdf_row_broken_across_a_page_is_flagged() -> None:
    from perfbudget.model import Source
    from perfbudget.readers.grid import Cell
    from perfbudget.readers.pdf import _may_be_split_row

    def cells(*texts: str) -> list[Cell]:
        return [Cell(text, Source("x.pdf", page=2, row=1, column=c)) for c, text in enumerate(texts, 1)]

    page1 = [["一级指标", "二级指标", "三级指标", "年度指标值"],
             ["", "数量指标", "指标1:政府\n办基层医疗", "实施乡镇社\n区基层医疗"],
             ["", "", "指标2:村卫", "实施基本药"]]  # the row broke after its first line: full lines
    assert _may_be_split_row(page1, [cells("", "", "生室实施国\n家基本药物", "物制度补助\n村卫生室")])
    ended = [*page1[:2], ["", "", "指标2:村卫\n生室", "352个"]]  # its lines end short: a row of its own
    assert not _may_be_split_row(ended, [cells("", "质量指标", "合格率", "100%")])
    assert not _may_be_split_row(page1, [cells("", "", "生室实施国", "")])  # one cell: joined as a wrapped name
    assert not _may_be_split_row(page1, [cells("产出指标", "数量指标", "生室实施国", "5个")])  # a new group
