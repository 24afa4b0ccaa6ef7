"""A target written with spaces inside it in a table whose cells are apart by spaces (FAILURES.md BU): ``≥ 95 %`` was
three cells, the row refused or its cells put in the wrong columns."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Op

TARGET_TABLE = """项目支出绩效目标表
（2024年度）
项目名称  社区养老服务补贴
主管部门  某区民政局  实施单位  某区民政局
项目资金（万元）  年度资金总额  120
年度总体目标  为辖区老年人提供养老服务。
一级指标  二级指标  三级指标  指标值
产出指标  数量指标  服务老年人数  ≥ 500 人
  质量指标  服务合格率  不低于 95 %
效益指标  社会效益指标  老年人生活质量  明显提升
满意度指标  服务对象满意度指标  老年人满意度  >= 90 %
"""

SELF_EVALUATION = """项目支出绩效自评表
项目名称  社区养老服务补贴
主管部门  某区民政局  实施单位  某区民政局
项目资金（万元）  年初预算数  全年预算数  全年执行数  分值  执行率  得分
年度资金总额  100  100  98  10  98%  9.8
一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施
产出指标  数量指标  服务老年人数  ≥ 500 人  520 人  20  20  无
  时效指标  补贴发放时间  ≤ 3 个工作日  3 个工作日  10  10  无
满意度指标  服务对象满意度指标  老年人满意度  ≥ 90 %  93 %  10  10  无
"""


def _indicators(text: str) -> list[tuple[str, str, str, str, str | None]]:
    result = load_bytes(text.encode(), "表.txt")
    assert result.document is not None
    assert not [p for p in result.problems if p.severity.value == "error"], result.problems
    return [(i.level1, i.level2, i.level3, i.target.raw, i.actual) for i in result.document.projects[0].indicators]


def test_a_spaced_target_in_a_table_apart_by_spaces_is_one_value() -> None:
    # ≥ | 500 | 人: a row of six cells under a header of four (refused), or aligned with ≥ as the 三级 name
    assert _indicators(TARGET_TABLE) == [
        ("产出指标", "数量指标", "服务老年人数", "≥ 500 人", None),
        ("产出指标", "质量指标", "服务合格率", "不低于 95 %", None),
        ("效益指标", "社会效益指标", "老年人生活质量", "明显提升", None),
        ("满意度指标", "服务对象满意度指标", "老年人满意度", ">= 90 %", None),
    ]
    result = load_bytes(TARGET_TABLE.encode(), "表.txt")
    assert result.document is not None
    first = result.document.projects[0].indicators[0].target
    assert (first.op, first.value, first.unit) == (Op.GE, Decimal("500"), "人")
    assert any("符号、数字和单位之间有空格" in p.message and p.source.line == 8 for p in result.problems)


def test_a_self_evaluations_actual_takes_the_unit_its_target_wrote() -> None:
    # 520 | 人 after ≥ 500 人: the 实际完成值 is one cell too, the 分值 and 得分 in their columns
    assert _indicators(SELF_EVALUATION) == [
        ("产出指标", "数量指标", "服务老年人数", "≥ 500 人", "520 人"),
        ("产出指标", "时效指标", "补贴发放时间", "≤ 3 个工作日", "3 个工作日"),
        ("满意度指标", "服务对象满意度指标", "老年人满意度", "≥ 90 %", "93 %"),
    ]
    result = load_bytes(SELF_EVALUATION.encode(), "表.txt")
    assert result.document is not None
    assert [(i.weight, i.score) for i in result.document.projects[0].indicators] == [
        (Decimal("20"), Decimal("20")), (Decimal("10"), Decimal("10")), (Decimal("10"), Decimal("10"))]


def test_a_form_on_one_line_with_spaced_targets() -> None:
    # a document site's preview: the whole form one line, cells apart by single spaces
    text = " ".join(SELF_EVALUATION.split())
    assert [row[2:] for row in _indicators(text)] == [
        ("服务老年人数", "≥ 500 人", "520 人"), ("补贴发放时间", "≤ 3 个工作日", "3 个工作日"),
        ("老年人满意度", "≥ 90 %", "93 %")]


def test_a_sign_column_of_its_own_stays_a_column() -> None:
    # guard: 符号 | 数值 | 单位 columns apart by spaces are read as before, the three joined by the columns
    text = TARGET_TABLE.replace("三级指标  指标值", "三级指标  符号  数值  单位").replace(
        "不低于 95 %", "≥  95  %").replace("≥ 500 人", "≥  500  人").replace(">= 90 %", "≥  90  %").replace(
        "明显提升", "定性  明显提升  ")
    assert [row[2:4] for row in _indicators(text)] == [
        ("服务老年人数", "≥500人"), ("服务合格率", "≥95%"), ("老年人生活质量", "明显提升"), ("老年人满意度", "≥90%")]


def test_a_sign_on_a_line_of_its_own_one_cell_a_line() -> None:
    # a PDF's or a web page's copy one cell a line: ≥ / 95% and ≥ / 500 / 人 on lines of their own were refused rows
    # (指标值只有比较符号「≥」) and an indicator named 95%
    lines = [cell for line in TARGET_TABLE.splitlines() for cell in line.split("  ") if cell]
    text = "\n".join(lines).replace("不低于 95 %", "≥\n95%").replace("≥ 500 人", "≥\n500\n人")
    assert [row[2:4] for row in _indicators(text)] == [
        ("服务老年人数", "≥ 500 人"), ("服务合格率", "≥ 95%"), ("老年人生活质量", "明显提升"),
        ("老年人满意度", ">= 90 %")]
