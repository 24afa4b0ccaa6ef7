"""Office layouts added with the corpus8 renderings, built in the test with python-docx / openpyxl.

A Word form whose indicator header is written over two rows with the value column merged down
(绩效指标 spanning 一级指标 | 二级指标 | 三级指标, 指标值 beside them over both rows), and a 批复表 tree
(项目 | 指标值 | 绩效金额, one name a row, the levels told by their names) kept in an Excel sheet with a
blank spacer column and its values stored as numbers.
"""

from __future__ import annotations

import io
from decimal import Decimal

from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Severity


def _rows(result: LoadResult, project: int = 0) -> list[tuple[str, str, str, str]]:
    assert result.document is not None, result.problems
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in result.document.projects[project].indicators]


def _word_two_row_header(upper_value: str) -> bytes:
    import docx

    rows = [["项目名称", "培训项目", "", ""], ["资金情况(万元)", "年度资金总额:", "16", ""],
            ["绩效指标", "", "", upper_value], ["一级指标", "二级指标", "指标内容", ""],
            ["产出指标", "数量指标", "培训人数", "100人"], ["", "", "培训天数", "5天"],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"]]
    document = docx.Document()
    document.add_paragraph("绩效目标表")
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(2, 0).merge(table.cell(2, 2)).text = "绩效指标"
    table.cell(2, 3).merge(table.cell(3, 3)).text = upper_value
    table.cell(4, 0).merge(table.cell(5, 0)).text = "产出指标"
    table.cell(4, 1).merge(table.cell(5, 1)).text = "数量指标"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_header_over_two_rows_with_value_column_merged_down() -> None:
    result = load_bytes(_word_two_row_header("指标值"), "f.docx")
    assert _rows(result) == [("产出指标", "数量指标", "培训人数", "100人"), ("产出指标", "数量指标", "培训天数", "5天"),
                             ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%")]
    assert not [p for p in result.problems if p.severity is Severity.ERROR]


def test_word_upper_row_without_value_label_is_no_header() -> None:
    # the row over the levels names no value column: no header is made up from it (refused, located)
    result = load_bytes(_word_two_row_header("备注"), "f.docx")
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert errors and "表头" in errors[0].message
    assert result.document is None or not result.document.projects or not result.document.projects[0].indicators


def _excel_tree(header: list[object]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["某中心2020年项目绩效目标批复表"])
    sheet.merge_cells("A1:D1")
    sheet.append(["", "", "", "单位:元"])
    sheet.append(header)
    for name, value, amount in [(" 某中心", None, None), ("  疫苗采购", None, 300000), ("   产出指标", None, None),
                                ("    数量指标(必填)", None, None), ("     疫苗使用率", 1, None),
                                ("   效益指标", None, None), ("    社会效益指标", None, None),
                                ("     降低发病率", 0.4, None)]:
        sheet.append([name, None, value, amount])
        if value is not None:
            sheet.cell(sheet.max_row, 3).number_format = "0%"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_excel_tree_with_spacer_column_and_percent_numbers() -> None:
    result = load_bytes(_excel_tree(["项目", None, "指标值", "绩效金额"]), "f.xlsx")
    assert _rows(result) == [("产出指标", "数量指标(必填)", "疫苗使用率", "100%"),
                             ("效益指标", "社会效益指标", "降低发病率", "40%")]
    project = result.document.projects[0]  # type: ignore[union-attr]
    assert project.name == "疫苗采购"
    assert project.budget is not None and project.budget.total == Decimal("300000")


def test_excel_sheet_without_tree_header_is_not_read_as_tree() -> None:
    result = load_bytes(_excel_tree(["名称", None, "说明", "金额"]), "f.xlsx")
    assert result.document is None or not any(p.indicators for p in result.document.projects)
    assert any(p.severity is Severity.ERROR for p in result.problems)


def _department_sheet(title: str) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in ([title], ["基本信息"], ["部门编码:", 316, "部门名称:", "某林业局"],
                ["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位"],
                ["产出指标", "数量指标", "保障在职职工人数(人)", "=", 116, "人"],
                [None, "质量指标", "工资发放准确性(%)", "≥", 95, "%"]):
        sheet.append(row)
    sheet.merge_cells("A1:F1")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_excel_department_title_is_kept_over_the_block_label_under_it() -> None:
    # 部门整体绩效目标 on a merged row, then 基本信息: the table is the department's, named so
    result = load_bytes(_department_sheet("部门整体绩效目标"), "f.xlsx")
    assert result.document is not None, result.problems
    project = result.document.projects[0]
    assert project.name == "部门整体支出"
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("保障在职职工人数(人)", "=116人"),
                                                                      ("工资发放准确性(%)", "≥95%")]


def test_excel_plain_title_over_block_label_names_no_department() -> None:
    result = load_bytes(_department_sheet("林业工作绩效目标"), "f.xlsx")
    assert result.document is not None, result.problems
    assert result.document.projects[0].name != "部门整体支出"


def test_excel_units_written_by_number_formats_are_read() -> None:
    # 2.38 shown as 2.38万元, 0 as 0次, 1 as 100%: the text the sheet shows, not the bare stored number
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["项目名称", "食品监管补助资金"], ["预算数:", 2.38], ["一级指标", "二级指标", "三级指标", "年度指标值"],
                ["产出指标", "质量指标", "违法案件查办率", 1], ["效益指标", "社会效益指标", "责任事故发生数", 0]):
        sheet.append(row)
    sheet["B2"].number_format = '0.00"万元"'
    sheet["D4"].number_format = "0%"
    sheet["D5"].number_format = '[Red]0"次";-0'
    out = io.BytesIO()
    book.save(out)
    result = load_bytes(out.getvalue(), "f.xlsx")
    assert _rows(result) == [("产出指标", "质量指标", "违法案件查办率", "100%"),
                             ("效益指标", "社会效益指标", "责任事故发生数", "0次")]
    project = result.document.projects[0]  # type: ignore[union-attr]
    assert project.budget is not None and project.budget.total == Decimal("2.38")
    assert result.document.money_unit == "万元"  # type: ignore[union-attr]


def test_number_format_literals() -> None:
    from perfbudget.readers.xlsx import cell_text

    assert cell_text(2.38, '#,##0.00"万元"') == "2.38万元"
    assert cell_text(5, "0人") == "5人"
    assert cell_text(3, '"约"0"个"') == "约3个"
    assert cell_text(7, "_(* #,##0_);_(* (#,##0)") == "7"
    assert cell_text(0.5, "0%") == "50%"
    assert cell_text(12, "General") == "12"
    assert cell_text(1000, '"¥"#,##0.00;"¥"-#,##0.00') == "1000.00"  # 货币: the sign is no text of the amount
    assert cell_text(1000, "[$¥-804]#,##0.00") == "1000.00"


def test_excel_flat_table_under_a_project_row_is_not_read_as_tree() -> None:
    # 项目 | 指标值 over a table with its own indicator header: the columns are known, no tree is made up
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["项目", "指标值"], ["项目名称", "培训项目"], ["一级指标", "二级指标", "三级指标", "指标值"],
                ["产出指标", "数量指标", "培训人数", "100人"]):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    result = load_bytes(out.getvalue(), "f.xlsx")
    assert _rows(result) == [("产出指标", "数量指标", "培训人数", "100人")]
