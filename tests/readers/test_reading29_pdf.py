"""A PDF of two forms, the first printed with ruling lines and the second without (reading29): a Word file of two
tables, one with borders and one without, each on a page of its own, printed by LibreOffice. Main read the ruled
form only: the path for tables without lines was taken only when no page had a ruled table."""

from __future__ import annotations

from pathlib import Path

from perfbudget.load import load_bytes


def _rows(name: str, covered: str) -> list[list[str]]:
    return [["项目名称", name, "", ""],
            ["年度资金总额（万元）", "16", "", ""],
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", covered, "100%"],
            ["", "", "学校数", "3所"],
            ["满意度指标", "社会公众或服务对象满意度指标", "学生家长满意度", "≥90%"]]


def _two_forms(path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm

    document = docx.Document()
    forms = [("农村义务教育薄弱学校改造补助资金", "农村义务教育学校改造覆盖率", "Table Grid"),
             ("学前教育发展资金", "普惠性幼儿园覆盖率", None)]
    for n, (name, covered, style) in enumerate(forms):
        if n:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_paragraph("项目支出绩效目标表")
        rows = _rows(name, covered)
        table = document.add_table(rows=len(rows), cols=4)
        if style:
            table.style = document.styles[style]
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                if text:
                    table.cell(r, c).text = text
                table.cell(r, c).width = Cm((3, 3.5, 3.5, 2.5)[c])
    document.save(str(path))


def test_a_pdf_with_a_ruled_form_and_one_without_lines_reads_both(tmp_path: Path) -> None:
    from tests.conftest import print_to_pdf

    _two_forms(tmp_path / "forms.docx")
    print_to_pdf(tmp_path, str(tmp_path / "forms.docx"))
    result = load_bytes((tmp_path / "forms.pdf").read_bytes(), "forms.pdf")
    assert result.document is not None, [p.message for p in result.problems]
    assert not result.errors, [p.message for p in result.errors]
    projects = result.document.projects
    assert [(p.name, p.budget.total) for p in projects] == [("农村义务教育薄弱学校改造补助资金", 16),
                                                            ("学前教育发展资金", 16)]
    for project, covered in zip(projects, ("农村义务教育学校改造覆盖率", "普惠性幼儿园覆盖率"), strict=True):
        assert [(i.level1, i.level3, i.target.raw) for i in project.indicators] == [
            ("产出指标", covered, "100%"), ("产出指标", "学校数", "3所"), ("满意度指标", "学生家长满意度", "≥90%")]
    assert [i.source.page for p in projects for i in p.indicators] == [1, 1, 1, 2, 2, 2]
    assert [("表格没有框线" in note) for p in projects for note in p.needs_check] == [True]  # the second's only


_GROUPS = {"forward": [("产出指标", "数量指标", "改造学校数", "所", 70)],
           "back": [("产出指标", "数量指标", "改造学校数", "所", 30),
                    ("效益指标", "社会效益指标", "受益学生", "人", 40)]}


def _merged_down_the_break(path: Path, groups: list[tuple[str, str, str, str, int]]) -> list[tuple[str, ...]]:
    """A sheet whose 一级 / 二级 cells are merged down each group's rows, the groups more than a page holds: Calc
    prints merged cells' text in the middle of the whole merge, their closing border on the next page. The
    indicators a person reads."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Side
    from openpyxl.worksheet.properties import PageSetupProperties

    book = Workbook()
    sheet = book.active
    read = [(level1, level2, f"{name}{n + 1}", f"{n + 1}{unit}") for level1, level2, name, unit, count in groups
            for n in range(count)]
    table = [["项目名称", "农村义务教育薄弱学校改造补助资金", "", ""], ["年度资金总额（万元）", "16", "", ""],
             ["一级指标", "二级指标", "三级指标", "指标值"],
             *[[level1 if n == 0 else "", level2 if n == 0 else "", f"{name}{n + 1}", f"{n + 1}{unit}"]
               for level1, level2, name, unit, count in groups for n in range(count)],
             ["满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%"]]
    thin = Side(style="thin")
    for r, cells in enumerate(table, 1):
        for c, text in enumerate(cells, 1):
            cell = sheet.cell(r, c, text or None)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(vertical="center", wrap_text=True)
    sheet.row_dimensions[2].height = 30
    sheet.merge_cells("B1:D1")
    sheet.merge_cells("B2:D2")
    start = 4
    for *_names, count in groups:
        for column in (1, 2):
            sheet.merge_cells(start_row=start, start_column=column, end_row=start + count - 1, end_column=column)
        start += count
    for column, width in zip("ABCD", (12, 22, 18, 8), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    book.save(str(path))
    return [*read, ("满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%")]


def test_a_label_merged_down_across_a_page_break_is_carried_over_it(tmp_path: Path) -> None:
    """A Calc sheet's 一级/二级 merged down 70 rows printed over two pages: the merged cells have no border closing
    them on the first page, so no ruled cell holds their text; it stands in the open region they leave. Main read
    the region as blank: 70 errors (三级指标「改造学校数1」缺少一级或二级指标), nothing imported. Now the region's
    text is its first row's, as a merged cell's is, and the rows below (over the page too) continue it. Where the
    merge's middle, and so its text, falls on the next page (``back``: a group of 40 rows starting ten rows before
    the break), the text goes back to the merge's first row: main read those ten rows under the group above them
    (产出指标 / 数量指标), without a word."""
    from tests.conftest import print_to_pdf

    expected = {name: _merged_down_the_break(tmp_path / f"{name}.xlsx", groups) for name, groups in _GROUPS.items()}
    print_to_pdf(tmp_path, *(str(tmp_path / f"{name}.xlsx") for name in _GROUPS))
    for name, read in expected.items():
        result = load_bytes((tmp_path / f"{name}.pdf").read_bytes(), f"{name}.pdf")
        assert result.document is not None and not result.errors, [p.message for p in result.errors]
        project = result.document.projects[0]
        assert (project.name, project.budget.total) == ("农村义务教育薄弱学校改造补助资金", 16)
        assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == read, name
        assert {i.source.page for i in project.indicators} == {1, 2}
        assert (project.indicators[0].source.page, project.indicators[0].source.row) == (1, 4)
