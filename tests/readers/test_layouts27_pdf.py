"""PDF tables drawn without ruling lines (layouts27): a Word form whose table has no borders, printed to PDF by
LibreOffice (one start for both files), read from its words' positions — the columns told by the indicator header,
the rows by their spacing or, where rows are spaced as lines are, by where each cell's text wraps. Main refused both:
PDF 中没有找到表格（可能是扫描件，或表格没有框线）."""

from __future__ import annotations

from pathlib import Path

from perfbudget.load import load_bytes

_ROWS = [["项目名称", "农村义务教育薄弱学校改造补助资金", "", ""],
         ["年度资金总额（万元）", "16", "", ""],
         ["年度目标", "全面改善农村义务教育薄弱学校办学条件,扩大基础教育资源,进一步提高义务教育均衡发展水平。", "", ""],
         ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"],
         ["", "", "学校数", "3所"],
         ["满意度指标", "社会公众或服务对象满意度指标", "学生家长满意度", "≥90%"],
         ["", "", "学校满意度", "≥90%"]]
_READ = [("产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"), ("产出指标", "数量指标", "学校数", "3所"),
         ("满意度指标", "社会公众或服务对象满意度指标", "学生家长满意度", "≥90%"),
         ("满意度指标", "社会公众或服务对象满意度指标", "学校满意度", "≥90%")]


def _borderless(path: Path, spaced: bool) -> None:
    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    if not spaced:  # rows spaced as the lines of a cell are
        normal = document.styles["Normal"].paragraph_format
        normal.space_before, normal.space_after, normal.line_spacing = Pt(0), Pt(0), 1.0
    document.add_paragraph("绩效目标表")
    table = document.add_table(rows=len(_ROWS), cols=4)  # no style: no borders
    for r, cells in enumerate(_ROWS):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
            table.cell(r, c).width = Cm((3, 3.5, 3.5, 2.5)[c])
    document.save(str(path))


def test_a_pdf_table_without_ruling_lines_is_read_by_its_columns(tmp_path: Path) -> None:
    from tests.conftest import print_to_pdf

    for spaced in (True, False):
        _borderless(tmp_path / f"form{int(spaced)}.docx", spaced)
    print_to_pdf(tmp_path, str(tmp_path / "form1.docx"), str(tmp_path / "form0.docx"))
    for spaced in (1, 0):
        result = load_bytes((tmp_path / f"form{spaced}.pdf").read_bytes(), "form.pdf")
        assert result.ok, [p.message for p in result.errors]
        project = result.document.projects[0]
        assert (project.name, project.budget.total) == ("农村义务教育薄弱学校改造补助资金", 16), spaced
        assert project.goals[0].endswith("进一步提高义务教育均衡发展水平。")
        assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == _READ, spaced
        assert project.indicators[1].source.page == 1 and project.indicators[1].source.column == 3
        assert ["表格没有框线" in note for note in project.needs_check] == [True]
        assert ["PDF 表格没有框线" in p.message for p in result.problems if p.severity.name == "WARNING"] == [True]
