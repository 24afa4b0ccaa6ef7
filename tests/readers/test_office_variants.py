"""Word and Excel variants of common layouts, built in the test with python-docx / openpyxl.

Each layout stands for a family of real tables: 指标性质 | 指标值 | 度量单位 columns, the 2021
framework with 成本指标 as a 一级, a 序号 column, a header split over two rows (年度 / 指标值),
several projects on one sheet, amounts stored as numbers with a number format.
"""

from __future__ import annotations

import io
from decimal import Decimal

from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Budget

HEAD = [["100001测试单位", "", "", "单位：万元"], ["项目名称", "培训项目-2024市级"],
        ["预算数", "17.00", "财政资金", "17.00"], ["绩效目标", "1.完成培训\n2.提高能力"]]


def _docx(rows: list[list[str]], merge: list[tuple[int, int, int, int]] = ()) -> bytes:
    import docx

    width = max(len(r) for r in rows)
    document = docx.Document()
    document.add_paragraph("1.培训项目绩效目标表")
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for r1, c1, r2, c2 in merge:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx(rows: list[list[object]], formats: dict[tuple[int, int], str] | None = None) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for (r, c), fmt in (formats or {}).items():
        sheet.cell(r, c).number_format = fmt
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _rows(result: LoadResult, project: int = 0) -> list[tuple[str, str, str, str]]:
    assert result.document is not None, result.problems
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in result.document.projects[project].indicators]


def test_docx_sign_value_unit_columns_with_merged_levels() -> None:
    rows = [*HEAD, ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
            ["产出指标", "数量指标", "培训人数", "≥", "100", "人"],
            ["", "", "培训天数", "=", "5", "天"],
            ["", "质量指标", "考核合格率", "≥", "95", "%"],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "正向", "90", "%"]]
    data = _docx(rows, merge=[(5, 0, 7, 0), (5, 1, 6, 1)])
    result = load_bytes(data, "sign.docx")
    assert result.ok, result.problems
    assert _rows(result) == [("产出指标", "数量指标", "培训人数", "≥100人"),
                             ("产出指标", "数量指标", "培训天数", "=5天"),
                             ("产出指标", "质量指标", "考核合格率", "≥95%"),
                             ("满意度指标", "服务对象满意度指标", "学员满意度", "90%")]
    last = result.document.projects[0].indicators[-1]  # type: ignore[union-attr]
    assert last.extras == (("指标性质", "正向"),)
    project = result.document.projects[0]  # type: ignore[union-attr]
    assert project.budget == Budget(total=Decimal("17.00"), fiscal=Decimal("17.00"))
    assert project.goals == ("完成培训", "提高能力")


def test_docx_header_over_two_rows_and_number_column() -> None:
    rows = [*HEAD, ["序号", "一级指标", "二级指标", "三级指标", "年度", "备注"],
            ["", "", "", "", "指标值", ""],
            ["1", "产出指标", "数量指标", "培训人数", "≥100人", ""],
            ["2", "效益指标", "社会效益指标", "能力提升", "明显提升", "定性"]]
    result = load_bytes(_docx(rows, merge=[(4, 0, 5, 0), (4, 1, 5, 1), (4, 2, 5, 2), (4, 3, 5, 3), (4, 5, 5, 5)]),
                        "two-rows.docx")
    assert result.ok, result.problems
    assert _rows(result) == [("产出指标", "数量指标", "培训人数", "≥100人"),
                             ("效益指标", "社会效益指标", "能力提升", "明显提升")]
    indicators = result.document.projects[0].indicators  # type: ignore[union-attr]
    assert indicators[0].extras == () and indicators[1].extras == (("备注", "定性"),)  # 序号 is no column


def test_xlsx_2021_framework_numbers_with_formats_and_two_projects() -> None:
    def project(name: str, total: float) -> list[list[object]]:
        return [["项目名称", name], ["预算数", total, "财政资金", total], ["绩效目标", "完成"],
                ["一级指标", "二级指标", "三级指标", "指标值"],
                ["成本指标", "经济成本指标", "人均成本", "≤500元/人"],
                [None, "社会成本指标", "对周边影响", "无"],
                ["产出指标", "数量指标", "培训人数", 17],
                ["效益指标", "社会效益指标", "覆盖率", 0.95]]

    rows = [["100001测试单位", None, None, "单位：万元"], *project("甲项目-2024市级", 17),
            ["2.乙项目绩效目标表"], *project("乙项目-2024市级", 3.5)]
    formats = {(3, 2): "0.00", (3, 4): "0.00", (9, 4): "0%", (12, 2): "0.00", (12, 4): "0.00", (18, 4): "0.0%"}
    result = load_bytes(_xlsx(rows, formats), "two.xlsx")
    assert result.ok, result.problems
    document = result.document
    assert document is not None and len(document.projects) == 2
    assert document.projects[0].budget == Budget(total=Decimal("17.00"), fiscal=Decimal("17.00"))
    assert document.projects[1].budget == Budget(total=Decimal("3.50"), fiscal=Decimal("3.50"))
    assert _rows(result, 0) == [("成本指标", "经济成本指标", "人均成本", "≤500元/人"),
                                ("成本指标", "社会成本指标", "对周边影响", "无"),
                                ("产出指标", "数量指标", "培训人数", "17"),
                                ("效益指标", "社会效益指标", "覆盖率", "95%")]
    assert _rows(result, 1)[3] == ("效益指标", "社会效益指标", "覆盖率", "95.0%")
    assert document.projects[1].title == "乙项目绩效目标表"
