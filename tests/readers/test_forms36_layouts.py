"""File forms units publish (forms36, FAILURES.md section CA): an Excel number format's negative and zero sections,
date formats as Chinese Excel and WPS show them (``[DBNum1]``, ``yyyy.mm.dd``, the built-in ``numFmtId`` 31).

Each workbook is written by openpyxl (the formats as Excel and WPS store them) and read by the real reader."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from perfbudget.load import load_bytes, load_path
from tests.readers.test_forms35_layouts import _NUMBERS, _book, printed_split_forms


def _targets(data: bytes) -> list[str]:
    result = load_bytes(data, "t.xlsx")
    assert result.document is not None
    return [i.target.raw for i in result.document.projects[0].indicators]


def _saved(book: object) -> bytes:
    data = io.BytesIO()
    book.save(data)  # type: ignore[attr-defined]
    return data.getvalue()


def test_a_negative_number_is_shown_by_the_formats_negative_section() -> None:
    """Excel shows a negative number through the format's second section, without the sign that section does not
    write: ``0.0%;"下降"0.0%`` shows −0.05 as 下降5.0%, ``#,##0.00_);(#,##0.00)`` −1.5 as (1.50). A section that
    writes no sign and only colours it (``0;[红色]0``) keeps the minus a person reads from the red. 8e80b355 used
    the first section for every number: -5.0%, -1.50."""
    rows = [*_NUMBERS[:3], ["效益指标", "经济效益指标", "库存积压率", -0.05],
            ["", "经济效益指标", "亏损额", -1.5], ["", "经济效益指标", "投诉件数变化", -3]]
    book = _book(rows, {"D4": '0.0%;"下降"0.0%', "D5": "#,##0.00_);(#,##0.00)", "D6": "0;[红色]0"})
    assert _targets(_saved(book)) == ["下降5.0%", "(1.50)", "-3"]


def test_a_zero_is_shown_by_the_formats_zero_section() -> None:
    """Chinese Excel's 会计专用 format (``_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ``) shows a zero as
    ``-``, ``0;-0;`` as nothing, ``#,###`` as nothing; 8e80b355 read 0.00 and 0 (a zero amount where the sheet
    shows a dash is still no amount: the other fund's cell reads as the sheet shows it, the total unchanged)."""
    accounting = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '
    rows = [["项目名称", "再生资源回收市场管理经费", "", ""], ["年度资金总额(万元)", 3, "", ""],
            ["其他资金", 0, "", ""], *_NUMBERS[2:4], ["", "数量指标", "新增网点", 0], ["", "数量指标", "撤并网点", 0]]
    book = _book(rows, {"B2": accounting, "B3": accounting, "D6": "0;-0;", "D7": "#,###"})
    result = load_bytes(_saved(book), "t.xlsx")
    assert result.document is not None
    project = result.document.projects[0]
    assert project.budget.total == Decimal("3.00") and project.budget.other is None
    assert [i.target.raw for i in project.indicators] == ["8", "", ""]
    assert len([p for p in result.problems if "没有指标值" in p.message]) == 2


def test_a_conditional_format_shows_the_section_whose_condition_holds() -> None:
    """``[<60]"不合格";[<80]"合格";"优秀"``: 85 shows 优秀 (8e80b355: 不合格85, the first section's text)."""
    from perfbudget.readers.xlsx import cell_text

    grades = '[<60]"不合格";[<80]"合格";"优秀"'
    assert [cell_text(n, grades) for n in (55, 70, 85)] == ["不合格", "合格", "优秀"]
    assert cell_text(-2, "G/通用格式;[红色]G/通用格式") == "-2"
    assert [cell_text(n, '"已完成";"未完成"') for n in (1, -1)] == ["已完成", "未完成"]
    assert cell_text(5, ";;;") == "5"  # (a number hidden by empty sections is read, not lost unseen)


def test_a_date_is_shown_as_its_format_shows_it() -> None:
    """``[DBNum1][$-804]yyyy"年"m"月"d"日"`` (二〇二一年十二月三十一日 in Excel: the same date, read in Arabic
    digits), ``yyyy.mm.dd`` and Excel's system long date ``[$-F800]dddd, mmmm dd, yyyy``; 8e80b355 read each as
    2021-12-31 (the ISO date, not what the sheet shows)."""
    day = dt.datetime(2021, 12, 31)
    rows = [*_NUMBERS[:3], ["产出指标", "时效指标", "完成时间", day], ["", "时效指标", "验收时间", day],
            ["", "时效指标", "资金拨付时间", day]]
    book = _book(rows, {"D4": '[DBNum1][$-804]yyyy"年"m"月"d"日"', "D5": "yyyy.mm.dd",
                        "D6": "[$-F800]dddd, mmmm dd, yyyy"})
    assert _targets(_saved(book)) == ["2021年12月31日", "2021.12.31", "2021年12月31日"]


def test_a_chinese_excel_built_in_date_format_by_id_is_a_date() -> None:
    """Chinese Excel names its built-in date formats by ``numFmtId`` alone (31: 2021年12月31日, 27: 2021年12月);
    openpyxl knows only the English table and gave the date's serial number under General: 8e80b355 read the
    targets 44561 and 44531 (status ok)."""
    rows = [*_NUMBERS[:3], ["产出指标", "时效指标", "完成时间", dt.datetime(2021, 12, 31)],
            ["", "时效指标", "开工时间", dt.datetime(2021, 12, 1)], ["", "数量指标", "网点数", 44561]]
    book = _book(rows, {"D4": "yyyy-mm-dd", "D5": "yyyy-mm"})
    data = _with_format_ids(_saved(book), {"yyyy-mm-dd": 31, "yyyy-mm": 27})
    assert _targets(data) == ["2021年12月31日", "2021年12月", "44561"]


def _with_format_ids(data: bytes, ids: dict[str, int]) -> bytes:
    """The workbook with the custom formats ``ids`` names replaced by built-in ids, as Chinese Excel stores them."""
    source = zipfile.ZipFile(io.BytesIO(data))
    styles = source.read("xl/styles.xml").decode()
    for code, builtin in ids.items():
        custom = re.search(rf'<numFmt numFmtId="(\d+)" formatCode="{re.escape(code)}"/>', styles)
        assert custom is not None
        styles = styles.replace(custom.group(0), "").replace(f'numFmtId="{custom.group(1)}"', f'numFmtId="{builtin}"')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, styles if name == "xl/styles.xml" else source.read(name))
    return out.getvalue()


def test_a_page_header_on_every_page_does_not_part_a_table_broken_by_the_page(tmp_path: Path) -> None:
    """WPS and Word print the page header (单位名称：某局) above the table on every page; 8e80b355 took page 2's
    header line for text above a new table, so a row broken inside its 二级 (可持续 | 影响指标) was read as two
    indicators with no warning (status ok); the line repeated at the same height over the previous page's table is
    the page's, and the row is joined as forms35 joins it without a header."""
    result = _read_split_in_level_name(tmp_path, page_header="单位名称：某县测试局")
    assert any("断开的后半" in p.message for p in result.problems)


def _read_split_in_level_name(folder: Path, **form: str) -> Any:
    """forms35's form printed with ``form``'s page header or footer at the placement whose page break falls inside
    the 二级 (可持续 | 影响指标), read; its two indicators checked (the broken row joined)."""
    split = printed_split_forms(folder, range(0, 6), "可持续影响指标", **form)
    assert split, "no placement broke the row inside its 二级"
    result = load_path(split[0])
    assert result.document is not None
    indicators = [(i.level2, i.level3) for i in result.document.projects[0].indicators]
    assert indicators == [("数量指标", "出差人数"), ("可持续影响指标", "服务能力提升")]
    return result


def test_a_page_footer_on_every_page_does_not_end_a_table_broken_by_the_page(tmp_path: Path) -> None:
    """A footer holding more than the page number (某县测试局  第 1 页) is text after the table on page 1, so
    8e80b355 read page 2's table as a new one and the row broken inside its 二级 as two indicators with no warning
    (status ok); the footer's line printed at the same height on page 2, but for its number, is the page's."""
    _read_split_in_level_name(tmp_path, page_footer="某县测试局")


_WRAPPED_ROW = ["效益指标", "社会效益指标", "促进学前教育普及普惠优质发展",
                "显著促进了学前教育普及普惠和优质发展大力支持了民办幼儿园的发展保障了幼儿入园需求"]


def test_a_row_broken_by_the_page_across_its_wrapped_cells_is_one_row(tmp_path: Path) -> None:
    """A tall row whose 三级 and target both wrap, broken by the page after their first lines: each cell's text on
    the first page ends with a line as wide as its column wraps (促进学前 | 显著促进了), cut, not ended. 8e80b355 read
    two indicators (促进学前 | 显著促进了 and 教育普及… | 学前教育…) with a warning."""
    split = printed_split_forms(tmp_path, range(0, 12), _WRAPPED_ROW[2], tall_row=_WRAPPED_ROW)
    assert split, "no placement broke the row inside its 三级"
    result = load_path(split[0])
    assert result.document is not None
    indicators = [(i.level3, i.target.raw) for i in result.document.projects[0].indicators]
    assert indicators == [("出差人数", "≥8人"), (_WRAPPED_ROW[2], _WRAPPED_ROW[3])]


def test_rows_that_end_on_the_page_are_not_joined() -> None:
    """No proof without a wrapped column, nor from a line ending a sentence: two rows stay two (told)."""
    from perfbudget.model import Source
    from perfbudget.readers.grid import Cell
    from perfbudget.readers.pdf import _wrapped_full

    def cells(*texts: str) -> list[Cell]:
        return [Cell(text, Source("t.pdf", page=1)) for text in texts]

    earlier: list[list[str | None]] = [["", "补贴发放\n合规率", "≥95%"], ["", "满意度高", "≥90%"]]
    assert _wrapped_full(earlier, cells("", "满意度高", "≥90%"), cells("", "投诉率", "≤5%")) is None  # (no wrap)
    earlier = [["", "补贴发放\n合规率", "显著提升了\n扶持力度。"], ["", "促进学前", "大力支持。"]]
    assert _wrapped_full(earlier, cells("", "促进学前", "大力支持。"), cells("", "教育", "发展")) is None
    earlier[-1][2] = "大力支持了"
    assert _wrapped_full(earlier, cells("", "促进学前", "大力支持了"), cells("", "教育", "发展")) is not None


def test_a_sheet_printed_with_its_name_over_every_page_is_one_table(tmp_path: Path) -> None:
    """Calc and Excel print a page header (here the sheet's name, 绩效目标表, as Calc's default ``&A``) over every
    page, and the indicator header repeated (打印标题行). 8e80b355 took page 2's 绩效目标表 for the title of a new
    form: a second project without a name (没有找到项目名称, an error) holding the indicators of page 2."""
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side

    from tests.conftest import print_to_pdf

    book = Workbook()
    sheet = book.active
    sheet.title = "绩效目标表"
    for row in [["项目支出绩效目标表"], ["项目名称", "再生资源回收市场管理经费"], ["年度资金总额(万元)", 3],
                ["一级指标", "二级指标", "三级指标", "指标值"],
                *[["产出指标", "数量指标", f"回收网点{n}号", f"≥{n}个"] for n in range(1, 9)]]:
        sheet.append(row)
    for row in (2, 3):
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
    sheet.column_dimensions["A"].width = sheet.column_dimensions["C"].width = 20
    thin = Side(style="thin")
    for row in sheet.iter_rows(min_row=2, max_col=4):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for row in range(5, 13):
        sheet.row_dimensions[row].height = 90
    sheet.print_title_rows = "4:4"
    sheet.oddHeader.center.text = "&A"
    sheet.oddFooter.center.text = "第 &P 页"
    book.save(tmp_path / "sheet.xlsx")
    print_to_pdf(tmp_path, tmp_path / "sheet.xlsx")
    result = load_path(tmp_path / "sheet.pdf")
    assert result.document is not None
    [project] = result.document.projects
    assert project.name == "再生资源回收市场管理经费"
    assert [i.target.raw for i in project.indicators] == [f"≥{n}个" for n in range(1, 9)]


def test_a_text_box_above_the_form_gives_each_paragraph_its_line() -> None:
    """A text box (DrawingML with its VML copy) over the table holding 填报单位（盖章）：某局 and 单位：万元 as two
    paragraphs: 8e80b355 ran them together (某局单位：万元) and lost the unit (未注明单位)."""
    from lxml import etree

    from tests.readers.test_layouts25_layouts import _word

    def boxed(document: Any, _table: Any) -> None:
        lines = ("填报单位（盖章）：桃源县财政局", "单位：万元")
        content = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in lines)
        content = f"<w:txbxContent>{content}</w:txbxContent>"
        paragraph = etree.fromstring(
            '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
            f"<w:drawing><wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback>"
            f"<w:pict><v:rect><v:textbox>{content}</v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent>"
            "</w:r></w:p>")
        document.element.body.insert(1, paragraph)

    result = load_bytes(_word(boxed), "t.docx")
    assert result.document is not None
    assert result.document.unit.name == "桃源县财政局" and result.document.money_unit == "万元"
    assert len(result.document.projects[0].indicators) == 2


def test_a_page_printed_by_a_browser_with_its_header_and_footer_is_one_table(tmp_path: Path) -> None:
    """A site's page printed by Chromium as a person prints it: the date and the page's title over every page, the
    page's address and 1/2 under it. 8e80b355 took page 2's header line for the title of a new table and page 1's
    footer for text ending the table: page 2's rows were a table without its indicator header (缺少指标表头行, an
    error) or a second project named by the date line."""
    from tests.writers.test_print_pdf import chromium_pdf

    rows = "".join(f"<tr><td>产出指标</td><td>数量指标</td><td>培训项目{n}的完成人次</td><td>{n * 10}人次</td></tr>"
                   for n in range(1, 15))
    page = tmp_path / "page.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县2021年项目支出绩效目标表</title>'
                    "<style>td{border:1px solid #000;padding:12px;font-size:24px}table{border-collapse:collapse}"
                    "</style></head><body><p>项目支出绩效目标表</p><table>"
                    '<tr><td>项目名称</td><td colspan="3">干部教育培训</td></tr>'
                    '<tr><td>年度资金总额(万元)</td><td colspan="3">12.50</td></tr>'
                    f"<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>{rows}</table>"
                    "</body></html>", encoding="utf-8")
    result = load_path(chromium_pdf(page, tmp_path, browser_header=True))
    assert result.ok and result.document is not None, [p.message for p in result.errors]
    [project] = result.document.projects
    assert project.name == "干部教育培训"
    assert [i.target.raw for i in project.indicators] == [f"{n * 10}人次" for n in range(1, 15)]


def test_an_indicator_header_written_as_a_paragraph_is_told() -> None:
    """A table that became text (LibreOffice opening its own .doc of a Word file with two tables gave the second
    as one paragraph, its cells run together; a block pasted as text): 8e80b355 read the first table's indicators
    and passed over the paragraph without a word (status ok, half the indicators lost)."""
    from tests.readers.test_layouts25_layouts import _word

    def flattened(document: Any, _table: Any) -> None:
        document.add_paragraph("一级指标二级指标三级指标指标值效益指标社会效益指标办学条件改善明显改善")

    result = load_bytes(_word(flattened), "t.docx")
    assert result.document is not None and len(result.document.projects[0].indicators) == 2
    [told] = [p for p in result.problems if "不在表格中" in p.message]
    assert told.severity.name == "WARNING" and "正文第2段" in told.message
