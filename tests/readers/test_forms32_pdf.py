"""PDFs as units make them (forms32): a page printed by Chromium, whose CJK font's shared glyphs come back as
radicals (项⽬, ⻓期); a Word table whose indicator header runs over two rows, repeated on the next page
(标题行重复) and printed by LibreOffice. Each file is built here and made by the real program. Main read the
first with radicals in every name and target, and the second's repeated lower header row as an indicator row
(指标值「预期2022年实现值」没有三级指标名称, an error)."""

from __future__ import annotations

import re
from pathlib import Path

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.cjk_radicals import ideographs

_RADICAL = re.compile("[\u2e80-\u2fdf]")

_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>td{border:1px solid #000;padding:2px}
table{border-collapse:collapse}</style></head><body><p>项目支出绩效目标表</p><table>
<tr><td>项目名称</td><td colspan="3">长江流域禁捕退捕补助</td></tr>
<tr><td>预算单位</td><td colspan="3">县农业农村局</td></tr>
<tr><td>年度资金总额(万元)</td><td colspan="3">12.50</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>补助人数</td><td>≥120人</td></tr>
<tr><td>时效指标</td><td>资金发放及时率</td><td>100%</td></tr>
<tr><td>效益指标</td><td>可持续影响指标</td><td>长江生态保护</td><td>长期</td></tr>
</table></body></html>"""


def test_radicals_of_a_chromium_print_are_read_as_the_ideographs_shown(tmp_path: Path) -> None:
    from tests.writers.test_print_pdf import chromium_pdf

    page = tmp_path / "page.html"
    page.write_text(_PAGE, encoding="utf-8")
    data = chromium_pdf(page, tmp_path).read_bytes()
    result = load_bytes(data, "page.pdf")
    assert result.ok, [p.message for p in result.errors]
    project = result.document.projects[0]
    assert (project.name, result.document.unit.name) == ("长江流域禁捕退捕补助", "县农业农村局")
    assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        ("产出指标", "数量指标", "补助人数", "≥120人"), ("产出指标", "时效指标", "资金发放及时率", "100%"),
        ("效益指标", "可持续影响指标", "长江生态保护", "长期")]
    assert not _RADICAL.search(repr(result.document))


def test_radicals_with_an_equivalent_ideograph_become_it_others_stay() -> None:
    assert ideographs("项⽬⻓期⺠⼀") == "项目长期民一"
    assert ideographs("⺀ 项目 100%") == "⺀ 项目 100%"  # (U+2E80 has no equivalent ideograph)


_HEAD = [["项目名称", "主体班培训"], ["项目金额", "164万元"], ["实施单位", "市委党校"]]
_ROWS = [(f"培训项目{n}的完成人次" if n % 2 else f"课程{n}达标率", f"{n * 10}人次" if n % 2 else "100%")
         for n in range(1, 19)]


def _two_row_header_doc(path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    document = docx.Document()
    document.add_paragraph("项目支出绩效目标批复表")
    head = document.add_table(rows=len(_HEAD), cols=2)
    head.style = "Table Grid"
    for r, (label, value) in enumerate(_HEAD):
        head.cell(r, 0).text, head.cell(r, 1).text = label, value
    document.add_paragraph()
    table = document.add_table(rows=2 + len(_ROWS), cols=5)
    table.style = "Table Grid"
    for column, text in ((0, "一级指标"), (1, "二级指标"), (2, "三级指标")):
        table.cell(0, column).merge(table.cell(1, column)).text = text
    table.cell(0, 3).merge(table.cell(0, 4)).text = "指标值"
    table.cell(1, 3).text, table.cell(1, 4).text = "2021年实际实现值", "预期2022年实现值"
    table.cell(2, 0).merge(table.cell(1 + len(_ROWS), 0)).text = "产出指标"
    table.cell(2, 1).merge(table.cell(1 + len(_ROWS), 1)).text = "数量指标"
    for r, (name, value) in enumerate(_ROWS, 2):
        table.cell(r, 2).text, table.cell(r, 4).text = name, value
        table.rows[r].height = Cm(1.6)
    for row in table.rows[:2]:  # 标题行重复: both header rows on every page
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    document.save(str(path))


def test_a_two_row_indicator_header_repeated_on_the_next_page_is_skipped(tmp_path: Path) -> None:
    from tests.conftest import print_to_pdf

    _two_row_header_doc(tmp_path / "form.docx")
    print_to_pdf(tmp_path, str(tmp_path / "form.docx"))
    result = load_bytes((tmp_path / "form.pdf").read_bytes(), "form.pdf")
    assert result.ok, [p.message for p in result.errors]
    project = result.document.projects[0]
    assert max(i.source.page or 0 for i in project.indicators) == 2  # (the table runs onto a second page)
    assert [(i.level3, i.target.raw) for i in project.indicators] == _ROWS
    assert {(i.level1, i.level2) for i in project.indicators} == {("产出指标", "数量指标")}
    assert any("重复的指标表头行已跳过" in p.message for p in result.problems)


def _long_page(rows: list[tuple[str, str]]) -> str:
    levels = f"<td rowspan={len(rows)}>产出指标</td><td rowspan={len(rows)}>数量指标</td>"
    body = "".join(f"<tr>{levels if n == 0 else ''}<td>{name}</td><td></td><td>{value}</td></tr>"
                   for n, (name, value) in enumerate(rows))
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><style>table{border-collapse:collapse;width:100%}'
            "td,th{border:1px solid #000;padding:22px 4px;font-weight:normal}</style></head><body>"
            "<p>项目支出绩效目标批复表</p><table><tr><td>项目名称</td><td>主体班培训</td><td>实施单位</td>"
            "<td>市委党校</td></tr><tr><td>项目金额</td><td colspan=3>164万元</td></tr></table>"
            "<table><thead><tr><th rowspan=2>一级指标</th><th rowspan=2>二级指标</th><th rowspan=2>三级指标</th>"
            "<th colspan=2>指标值</th></tr><tr><th>2021年实际实现值</th><th>预期2022年实现值</th></tr></thead>"
            f"<tbody>{body}</tbody></table></body></html>")


def test_a_table_continued_on_a_page_with_fewer_column_lines_is_read_in_the_first_pages_columns(
        tmp_path: Path) -> None:
    """Chromium prints the header block and the indicator table as one ruled grid on the first page (the columns
    of both), the indicator table alone on the next with its <thead> repeated: main appended the second page's
    rows in their own columns to the first page's grid, and every target there was lost (没有指标值)."""
    from tests.writers.test_print_pdf import chromium_pdf

    page = tmp_path / "page.html"
    page.write_text(_long_page(_ROWS), encoding="utf-8")
    result = load_bytes(chromium_pdf(page, tmp_path).read_bytes(), "page.pdf")
    assert result.ok, [p.message for p in result.errors]
    project = result.document.projects[0]
    assert max(i.source.page or 0 for i in project.indicators) == 2  # (the table runs onto a second page)
    assert [(i.level3, i.target.raw) for i in project.indicators] == _ROWS
    assert {(i.level1, i.level2) for i in project.indicators} == {("产出指标", "数量指标")}
    assert not [p for p in result.problems if p.severity is not Severity.INFO]


def test_a_row_whose_top_line_a_browser_drew_on_the_page_before_is_read(tmp_path: Path) -> None:
    """A table with collapsed borders printed by Chromium: the line between the last row of a page and the first row
    of the next is drawn at the foot of the first page, so the next page's first row has its side lines and no top
    line. pdfplumber's table starts under it; main took its text for a line above the table and lost the row
    (没有任何提示)."""
    from tests.writers.test_print_pdf import chromium_pdf

    page = tmp_path / "page.html"
    page.write_text(_long_page(_ROWS).replace("<thead>", "<tbody>").replace("</thead>", ""), encoding="utf-8")
    result = load_bytes(chromium_pdf(page, tmp_path).read_bytes(), "page.pdf")
    assert result.ok, [p.message for p in result.errors]
    project = result.document.projects[0]
    on_page_two = [i for i in project.indicators if i.source.page == 2]
    assert on_page_two and on_page_two[0].source.row == 1  # (the open row: the first row the page shows)
    assert [(i.level3, i.target.raw) for i in project.indicators] == _ROWS
    assert not [p for p in result.problems if p.severity is not Severity.INFO]


def test_a_continuing_table_drawn_on_the_first_pages_lines_is_no_column_page(tmp_path: Path) -> None:
    """As above, a long 三级 name narrowing the value column, the break falling so that page 2's table (with its open
    first row) has as many rows as page 1's: its rows are no sheet's right-hand columns printed on their own page
    (those start at the margin on other lines), as its column lines are page 1's. Read whole; main lost page 2's
    targets (没有指标值), and the column-page test alone refused the file (第2页的表格是上一页表格右侧的列)."""
    from tests.writers.test_print_pdf import chromium_pdf

    rows = [(f"培训项目{n}的完成人次", f"{n * 10}人次") for n in range(1, 10)]
    rows += [("理论教育和党性教育课时比例完成率" * 12, "100%"), *((f"课程{n}达标率", "100%") for n in range(1, 6))]
    levels = f"<td rowspan={len(rows)}>产出指标</td><td rowspan={len(rows)}>数量指标</td>"
    body = "".join(f"<tr>{levels if n == 0 else ''}<td>{name}</td><td>{value}</td></tr>"
                   for n, (name, value) in enumerate(rows))
    page = tmp_path / "page.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><style>table{border-collapse:collapse;'
                    "width:100%}td{border:1px solid #000;padding:22px 4px}</style></head><body>"
                    "<p>项目支出绩效目标批复表</p><table><tr><td>项目名称</td><td>主体班培训</td><td>实施单位</td>"
                    "<td>市委党校</td></tr><tr><td>项目金额</td><td colspan=3>164万元</td></tr></table><table><tr>"
                    f"<td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>{body}</table></body></html>",
                    encoding="utf-8")
    result = load_bytes(chromium_pdf(page, tmp_path).read_bytes(), "page.pdf")
    assert result.ok, [p.message for p in result.errors]
    project = result.document.projects[0]
    assert max(i.source.page or 0 for i in project.indicators) == 2
    assert [(i.level3, i.target.raw) for i in project.indicators] == rows
