"""A PDF of two forms, the first printed with ruling lines and the second without (reading29): a Word file of two
tables, one with borders and one without, each on a page of its own, printed by LibreOffice. Main read the ruled
form only: the path for tables without lines was taken only when no page had a ruled table."""

from __future__ import annotations

import subprocess
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
    from tests.conftest import soffice_path

    _two_forms(tmp_path / "forms.docx")
    subprocess.run([soffice_path(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(tmp_path / "forms.docx")],
                   check=True, capture_output=True, timeout=180)
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
