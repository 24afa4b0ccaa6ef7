"""A PDF printed from a Word form whose 满意度指标 cell is merged across the 一级 and 二级 columns (layouts26): the
merged cell's span is found from its ruling lines, and the name is read as both levels, as in Word, Excel and HTML
(tests/readers/test_layouts26_layouts.py). The PDF is printed by LibreOffice (one start) from python-docx's file."""

from __future__ import annotations

from pathlib import Path

from perfbudget.load import load_bytes

_ROWS = [["项目名称", "农村义务教育薄弱学校改造补助资金", "", ""], ["年度资金总额（万元）", "16", "", ""],
         ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"],
         ["满意度指标", "", "学生家长满意度", "≥90%"], ["", "", "教师满意度", "≥85%"]]


def test_a_pdf_cell_merged_across_the_level1_and_level2_columns_names_both(tmp_path: Path) -> None:
    # main: 三级指标「学生家长满意度」缺少一级或二级指标 (the covered 二级 position read as an empty cell): rows lost
    import docx

    from tests.conftest import print_to_pdf

    document = docx.Document()
    table = document.add_table(rows=len(_ROWS), cols=4)
    table.style = "Table Grid"
    for r, cells in enumerate(_ROWS):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    table.cell(4, 0).merge(table.cell(5, 1))
    table.cell(0, 1).merge(table.cell(0, 3))
    table.cell(1, 1).merge(table.cell(1, 3))
    document.save(str(tmp_path / "form.docx"))
    print_to_pdf(tmp_path, str(tmp_path / "form.docx"))
    result = load_bytes((tmp_path / "form.pdf").read_bytes(), "form.pdf")
    assert result.ok, [p.message for p in result.errors]
    project = result.document.projects[0]
    assert (project.name, project.budget.total) == ("农村义务教育薄弱学校改造补助资金", 16)
    assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        ("产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"),
        ("满意度指标", "满意度指标", "学生家长满意度", "≥90%"), ("满意度指标", "满意度指标", "教师满意度", "≥85%")]
    assert any("横跨一级指标和二级指标两列" in p.message for p in result.problems)
