"""Layout variety: the web-copied text layouts, header synonyms, split sign/value/unit, both frameworks,
self-evaluation columns, split cells, placeholders and notes — one interpretation for every form."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.model import Budget, Direction, Op, Severity
from perfbudget.readers.text import detect_layout, read_text

HEADER = [
    ["310001某市某局", "单位：万元"],
    ["项目名称", "设备购置-2024市级"],
    ["预算规模及资金用途", "预算数", "30.00", "其中：财政资金", "20.00", "其他资金", "10.00"],
    ["", "用于购置设备"],
    ["绩效目标", "1.完成购置\n2.提升保障能力"],
]


def _tab_rows(rows: list[list[str]]) -> str:
    """Rows as Excel/WPS put them on the clipboard: tabs between cells, quoted multi-line cells."""
    def cell(text: str) -> str:
        return f'"{text}"' if "\n" in text else text
    return "1.设备购置-2024市级绩效目标表\n" + "\n".join("\t".join(cell(c) for c in row) for row in rows) + "\n"


def _pipe_rows(rows: list[list[str]]) -> str:
    return "\n".join("| " + " | ".join(c.replace("\n", " ") for c in row) + " |" for row in rows) + "\n"


INDICATORS = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "购置设备数量", "≥10台"],
    ["", "质量指标", "验收合格率", "100%"],
    ["效益指标", "社会效益指标", "保障能力", "有效提升"],
    ["满意度指标", "服务对象满意度指标", "使用人员满意度", "≥95%"],
]


def _check_standard(text: str, layout: str) -> None:
    assert detect_layout(text) == layout
    document, problems = read_text(text, "t.txt")
    assert document is not None
    assert not [p for p in problems if p.severity is Severity.ERROR], problems
    project = document.projects[0]
    assert document.unit.code == "310001" and document.money_unit == "万元"
    assert project.name == "设备购置" and project.fund_label == "2024市级"
    assert project.budget == Budget(Decimal("30.00"), Decimal("20.00"), Decimal("10.00"))
    assert project.purpose == "用于购置设备"
    rows = [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators]
    assert rows == [
        ("产出指标", "数量指标", "购置设备数量", "≥10台"),
        ("产出指标", "质量指标", "验收合格率", "100%"),
        ("效益指标", "社会效益指标", "保障能力", "有效提升"),
        ("满意度指标", "服务对象满意度指标", "使用人员满意度", "≥95%"),
    ]


def test_tab_rows_copied_from_excel() -> None:
    text = _tab_rows([*HEADER, *INDICATORS])
    _check_standard(text, "tab-rows")
    document, _ = read_text(text, "t.txt")
    assert document is not None and document.projects[0].goals == ("完成购置", "提升保障能力")
    assert document.projects[0].title == "设备购置-2024市级绩效目标表"


def test_markdown_pipe_rows() -> None:
    text = _pipe_rows([*HEADER, *INDICATORS]).replace("| 一级指标", "| 一级指标", 1)
    lines = text.splitlines()
    lines.insert(1, "|---|---|---|---|")
    _check_standard("\n".join(lines), "pipe-rows")


def test_line_cells_one_cell_per_line() -> None:
    cells = [c for row in [*HEADER, *INDICATORS] for c in row if c and "\n" not in c]
    text = "\n".join(["来源：某市财政局", *cells, "填表人：张三"]) + "\n"
    document, problems = read_text(text, "t.txt")
    assert detect_layout(text) == "line-cells"
    assert document is not None
    rows = [(i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators]
    assert rows[1] == ("质量指标", "验收合格率", "100%")
    assert len(rows) == 4
    assert not [p for p in problems if p.severity is Severity.ERROR]


def test_three_columns_sign_value_unit_and_synonyms() -> None:
    rows = [
        *HEADER,
        ["一级指标", "二级指标", "三级指标", "指标解释", "指标性质", "年度指标值", "度量单位", "备注"],
        ["产出指标", "数量指标", "培训人次", "全年培训人次", "≥", "200", "人次", "抽查"],
        ["", "时效指标", "响应时间", "平均响应时间", "≤", "2", "小时", ""],
        ["满意度指标", "服务对象满意度指标", "满意度", "学员满意度", "正向", "95", "%", ""],
    ]
    document, problems = read_text(_tab_rows(rows), "t.txt")
    assert document is not None, problems
    first, second, third = document.projects[0].indicators
    assert first.target.raw == "≥200人次" and first.target.op is Op.GE and first.target.unit == "人次"
    assert first.description == "全年培训人次" and first.extras == (("备注", "抽查"),)
    assert second.target.raw == "≤2小时" and second.target.direction is Direction.REVERSE
    assert third.target.raw == "95%" and third.extras == (("指标性质", "正向"),)


def test_2021_framework_cost_as_level1() -> None:
    rows = [
        *HEADER,
        ["一级指标", "二级指标", "三级指标", "目标值"],
        ["成本指标", "经济成本指标", "设备单价", "≤2万元/台"],
        ["产出指标", "数量指标", "购置数量", "10台"],
        ["", "成本指标", "总成本", "≤20万元"],
    ]
    document, _ = read_text(_pipe_rows(rows), "t.txt")
    assert document is not None
    assert [(i.level1, i.level2) for i in document.projects[0].indicators] == [
        ("成本指标", "经济成本指标"), ("产出指标", "数量指标"), ("产出指标", "成本指标")]


def test_self_evaluation_columns() -> None:
    rows = [
        *HEADER,
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标(50分)", "数量指标", "★购置设备数量", "≥10台", "9台", "20", "18", "供货延迟"],
    ]
    document, _ = read_text(_tab_rows(rows), "t.txt")
    assert document is not None and document.kind == "self-evaluation"
    indicator = document.projects[0].indicators[0]
    assert (indicator.actual, indicator.weight, indicator.score, indicator.deviation) == (
        "9台", Decimal("20"), Decimal("18"), "供货延迟")
    assert indicator.level3 == "★购置设备数量"


def test_placeholders_and_empty_categories_are_noted() -> None:
    rows = [
        *HEADER,
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "购置数量", "10台"],
        ["", "", "指标2", ""],
        ["", "", "……", ""],
        ["效益指标", "生态效益指标", "", ""],
        ["", "社会效益指标", "保障能力", "提升"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],  # (without it the text stops in its 效益: told)
    ]
    document, problems = read_text(_tab_rows(rows), "t.txt")
    assert document is not None and len(document.projects[0].indicators) == 3
    notes = [p for p in problems if p.severity is Severity.INFO]
    assert [("占位" in p.message, "分类行" in p.message) for p in notes] == [
        (True, False), (True, False), (False, True)]
    assert all(p.source.line for p in notes)
    assert document.notes == tuple(notes)


@pytest.mark.parametrize("footer", ["财政部门审核意见", "总分", "注：请根据实际填写", "填表人：李四"])
def test_footer_rows_end_the_indicators(footer: str) -> None:
    rows = [*HEADER, *INDICATORS, [footer, "（盖章）"]]
    document, problems = read_text(_tab_rows(rows), "t.txt")
    assert document is not None and len(document.projects[0].indicators) == 4
    assert not [p for p in problems if p.severity is Severity.ERROR]


def test_vertical_merge_missing_cells_in_pipe_rows() -> None:
    """HTML-flattened rows leave out the merged 一级/二级 cells: rows are aligned by what they hold."""
    text = _pipe_rows([
        *HEADER,
        ["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"],
        ["产出指标", "数量指标", "购置数量", "10台", "计划标准"],
        ["安装数量", "10台", "计划标准"],
        ["质量指标", "验收合格率", "100%", "计划标准"],
    ])
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    assert [(i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators] == [
        ("数量指标", "购置数量", "10台"), ("数量指标", "安装数量", "10台"), ("质量指标", "验收合格率", "100%")]
