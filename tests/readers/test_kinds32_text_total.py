"""A 自评表's 自评得分 and 评价等级 written only in its 评价结论 text, read where a person reads it (kinds32).

「经自评，该项目自评得分95分，评价等级为优」 below the indicators was kept as the 评价结论 extra and nothing more: the
table's own total was none, so neither the sum of its 得分 nor the scoring's total was compared with it. It is
``Project.table_total`` now (located at the text's cell, Decimal), and both checks use it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from perfbudget.model import Severity
from tests.readers.test_kinds31_stated_execution import TITLE, _closing, _notes, _pipe, _read
from tests.readers.word_tables import word_file

NAME = [["项目名称", "农村饮水工程维修养护", "", "", "", "", "", ""],
        ["主管部门", "某县水利局", "", "", "实施单位", "某县水利局", "", ""]]
GRID = [["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "100", "100", "90", "10", "90%", "9"]]
INDICATORS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "维修工程数", "≥10处", "8处", "50", "40", "资金未全部到位"],
    ["效益指标", "社会效益指标", "受益人口", "≥5000人", "5200人", "30", "30", "无"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", "无"],
]  # 9 + 40 + 30 + 10 = 89


def test_the_conclusions_total_and_grade_are_the_tables_own_located() -> None:
    text = "经自评，该项目自评得分89分，评价等级为“良”。"
    result = _read(_pipe([*NAME, *GRID, *INDICATORS, *_closing(text)]))
    (project,) = result.document.projects  # type: ignore[union-attr]
    assert (project.table_total, project.table_grade) == (Decimal(89), "良")
    at = project.sources["table_total"]
    assert (at.line, at.column) == (11, 2) and project.sources["table_grade"] == at  # the 评价结论 cell
    assert "表中没有单独填写自评得分，自评得分取自文字「该项目自评得分89分」：89" in _notes(result, Severity.INFO)
    assert not _notes(result, Severity.WARNING)  # 9 + 40 + 30 + 10 = 89: it adds up


def test_a_conclusions_total_that_is_not_the_sum_is_warned_of_at_its_cell() -> None:
    result = _read(_pipe([*NAME, *GRID, *INDICATORS, *_closing("本项目综合得分为95分，总体完成较好")]))
    (project,) = result.document.projects  # type: ignore[union-attr]
    assert project.table_total == Decimal(95)
    warnings = [p for p in result.problems if p.severity is Severity.WARNING]
    assert [p.message for p in warnings] == [
        "表中总分 95 与各项得分之和 89 不同（预算执行率得分 9 + 3 个指标的得分 80）：按表中所写读取，未作更正；"
        "请核对各行的得分与总分"]
    assert warnings[0].source.line == 11


def test_the_same_in_a_word_file() -> None:
    rows = [*NAME, *GRID, *INDICATORS, *_closing("项目自评得分：89.5分。")]
    result = _read(word_file(rows, paragraphs=TITLE), "自评表.docx")
    (project,) = result.document.projects  # type: ignore[union-attr]
    assert project.table_total == Decimal("89.5")
    at = project.sources["table_total"]
    assert (at.sheet, at.row, at.column) == ("表1", 9, 2)  # the 评价结论 row's text cell


def test_parts_full_marks_goals_and_two_totals_are_none() -> None:
    for text in ("产出指标得分40分，效益指标得分30分", "预算执行率得分9分", "满分100分", "总分100分",
                 "力争自评得分95分", "自评得分90分以上", "项目执行较好"):
        result = _read(_pipe([*NAME, *GRID, *INDICATORS, *_closing(text)]))
        assert result.document.projects[0].table_total is None, text  # type: ignore[union-attr]
    result = _read(_pipe([*NAME, *GRID, *INDICATORS, *_closing("初评自评得分85分；复核后自评得分89分")]))
    assert result.document.projects[0].table_total is None  # type: ignore[union-attr]
    assert any(m.startswith("文字中写有多个不同的自评得分（「初评自评得分85分」、「复核后自评得分89分」）")
               for m in _notes(result, Severity.INFO))


def test_a_typed_total_comes_first_and_a_text_that_differs_is_warned_of() -> None:
    header = [["自评得分", "89", "", "", "评价等级", "良", "", ""]]
    result = _read(_pipe([*NAME, *header, *GRID, *INDICATORS, *_closing("自评得分92分，评价等级为优")]))
    (project,) = result.document.projects  # type: ignore[union-attr]
    assert (project.table_total, project.table_grade) == (Decimal(89), "良")
    assert project.sources["table_total"].line == 5
    warnings = _notes(result, Severity.WARNING)
    assert ("文字「自评得分92分」写明的自评得分（92）与表中填写的自评得分（89）不同："
            "按表中填写的读取，请核对") in warnings
    assert ("文字「评价等级为优」写明的评价等级（优）与表中填写的评价等级（良）不同："
            "按表中填写的读取，请核对") in warnings


def test_the_evaluation_compares_its_total_with_the_texts(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from perfbudget.cli import app

    source = tmp_path / "自评表.txt"
    source.write_bytes(_pipe([*NAME, *GRID, *INDICATORS, *_closing("该项目自评得分97分，评价等级为优")]))
    result = CliRunner().invoke(app, ["evaluate", str(source), "-a", str(source)])
    assert "表中的自评得分为 97，按评分规则计算为" in result.output, result.output
    assert "自评表.txt:11:第2列" in result.output


def test_the_text_total_survives_every_export(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from perfbudget.cli import app
    from perfbudget.load import load_path

    source = tmp_path / "自评表.txt"
    source.write_bytes(_pipe([*NAME, *GRID, *INDICATORS, *_closing("经自评，该项目自评得分89分，评价等级为良。")]))
    for form in ("xlsx", "docx", "html", "json"):
        out = tmp_path / f"导出.{form}"
        result = CliRunner().invoke(app, ["export", str(source), "--to", form, "-o", str(out)])
        assert result.exit_code == 0, result.output
        back = load_path(out).document.projects[0]  # type: ignore[union-attr]
        assert (back.table_total, back.table_grade) == (Decimal(89), "良"), form
