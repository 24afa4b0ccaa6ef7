"""A 自评表's budget execution read where a person reads it (kinds31).

Tables leave their funds grid's 全年执行数 and 执行率 blank and write them in the goal's 实际完成情况 or in the
评价结论 below the indicators (「全年执行率53%，实际支出53万元」); the 评价结论 and 存在问题 rows were dropped as a
footer. A grid of one row a source of funds without a total row gave no execution at all. Each is read now, located,
as Decimal."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Severity
from tests.readers.word_tables import word_file

TITLE = ["项目支出绩效自评表", "（2023年度）"]
NAME = [["项目名称", "农村饮水工程维修养护", "", "", "", "", "", ""],
        ["主管部门", "某县水利局", "", "", "实施单位", "某县水利局", "", ""]]
GRID = [["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "100", "100", "", "10", "", "10"]]
INDICATORS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "维修工程数", "≥10处", "8处", "50", "40", "资金未全部到位"],
    ["效益指标", "社会效益指标", "受益人口", "≥5000人", "5200人", "30", "30", "无"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", "无"],
]


def _goals(expected: str, actual: str) -> list[list[str]]:
    return [["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""],
            ["", expected, "", "", actual, "", "", ""]]


def _closing(text: str) -> list[list[str]]:
    return [["评价结论", text, "", "", "", "", "", ""], ["存在问题", "资金未全部到位", "", "", "", "", "", ""],
            ["项目负责人：", "", "", "", "财务负责人：", "", "", ""]]


def _pipe(rows: list[list[str]]) -> bytes:
    return ("\n".join([*TITLE, *(" | ".join(row) for row in rows)]) + "\n").encode()


def _read(data: bytes, name: str = "自评表.txt") -> LoadResult:
    result = load_bytes(data, name)
    assert result.ok, result.problems
    return result


def _notes(result: LoadResult, severity: Severity) -> list[str]:
    return [p.message for p in result.problems if p.severity is severity]


def test_the_goals_result_text_gives_the_rate_and_amount_the_grid_leaves_blank() -> None:
    goals = _goals("完成维修工程10处，资金执行率达到95%以上", "完成维修工程8处，全年执行率53%，实际支出53万元")
    rows = [*NAME, *GRID, *goals, *INDICATORS]
    result = _read(_pipe(rows))
    project = result.document.projects[0]  # type: ignore[union-attr]
    assert (project.budget.executed, project.budget.rate) == (Decimal(53), Decimal(53))
    assert (project.budget.total, project.budget.weight, project.budget.score) == (Decimal(100), Decimal(10),
                                                                                    Decimal(10))
    for field in ("budget.executed", "budget.rate"):
        assert (project.sources[field].line, project.sources[field].column) == (8, 5)  # the 实际完成情况 cell
    assert _notes(result, Severity.INFO)[1:3] == [
        "资金表没有填写执行率，执行率取自文字「全年执行率53%」：53%",
        "资金表没有填写全年执行数，全年执行数取自文字「实际支出53万元」：53万元"]


def test_the_closing_rows_are_kept_and_their_figures_read_in_text_and_word() -> None:
    rows = [*NAME, *GRID, *INDICATORS, ["总分", "", "", "", "", "100", "90", ""],
            *_closing("项目全年执行率53%，实际支出资金530000元，自评得分90分。")]
    for data, name in ((_pipe(rows), "自评表.txt"), (word_file(rows, TITLE), "自评表.docx")):
        result = _read(data, name)
        project = result.document.projects[0]  # type: ignore[union-attr]
        assert ("评价结论", "项目全年执行率53%，实际支出资金530000元，自评得分90分。") in project.extras
        assert ("存在问题", "资金未全部到位") in project.extras
        assert not any("负责人" in text for _, text in project.extras)
        assert len(project.indicators) == 3 and project.table_total == Decimal(90)
        assert (project.budget.executed, project.budget.rate) == (Decimal(53), Decimal(53))  # 元 → the table's 万元
        assert project.sources["budget.executed"] == project.sources["budget.rate"]


def test_goals_and_bounds_are_no_result() -> None:
    rows = [*NAME, *GRID, *_goals("全年执行率53%", "完成维修工程8处"), *INDICATORS,
            *_closing("预算执行率达到90%以上，计划支出100万元；确保执行率不低于95%")]
    project = _read(_pipe(rows)).document.projects[0]  # type: ignore[union-attr]
    assert (project.budget.executed, project.budget.rate) == (None, None)


def test_a_text_that_differs_from_the_grid_is_warned_of_and_the_grid_kept() -> None:
    grid = [GRID[0], ["", "年度资金总额", "100", "100", "90", "10", "90%", "9"]]
    rows = [*NAME, *grid, *INDICATORS, *_closing("全年执行率53%，实际支出90.2万元")]
    result = _read(_pipe(rows))
    project = result.document.projects[0]  # type: ignore[union-attr]
    assert (project.budget.executed, project.budget.rate) == (Decimal(90), Decimal(90))
    assert _notes(result, Severity.WARNING) == [
        "文字「全年执行率53%」写明的执行率（53%）与资金表的执行率（90%）不同：按资金表读取，请核对",
        "文字「实际支出90.2万元」写明的全年执行数（90.2万元）与资金表的全年执行数（90万元）不同：按资金表读取，请核对"]


def test_rates_that_differ_in_one_text_are_none() -> None:
    rows = [*NAME, *GRID, *INDICATORS, *_closing("财政资金执行率60%，其他资金执行率20%")]
    result = _read(_pipe(rows))
    assert result.document.projects[0].budget.rate is None  # type: ignore[union-attr]
    assert ("文字中写有多个不同的执行率（「财政资金执行率60%」、「其他资金执行率20%」），"
            "不能确定哪个是全年的执行率，未读取") in _notes(result, Severity.INFO)


def test_a_grid_of_sources_without_a_total_row_is_summed_in_any_column_order() -> None:
    grid = [["项目资金（万元）", "", "全年预算数", "年初预算数", "全年执行数", "执行率", "分值", "得分"],
            ["", "当年财政拨款", "80", "80", "40", "50%", "10", "5"],
            ["", "其他资金", "20", "20", "13", "65%", "", ""]]
    for data, name in ((_pipe([*NAME, *grid, *INDICATORS]), "自评表.txt"),
                       (word_file([*NAME, *grid, *INDICATORS], TITLE), "自评表.docx")):
        result = _read(data, name)
        budget = result.document.projects[0].budget  # type: ignore[union-attr]
        assert (budget.total, budget.fiscal, budget.other) == (Decimal(100), Decimal(80), Decimal(20))
        assert (budget.initial, budget.executed, budget.rate) == (Decimal(100), Decimal(53), None)
        assert (budget.weight, budget.score) == (Decimal(10), Decimal(5))
        assert "资金表没有合计行，全年执行数按各资金来源行相加：当年财政拨款 40 + 其他资金 13 = 53" \
            in _notes(result, Severity.INFO)


def test_rows_that_are_no_parts_of_a_total_are_not_summed() -> None:
    grid = [GRID[0], ["", "财政拨款", "80", "80", "40", "10", "50%", "5"],
            ["", "一般公共预算", "80", "80", "40", "", "50%", ""]]  # a part of 财政拨款, not beside it
    budget = _read(_pipe([*NAME, *grid, *INDICATORS])).document.projects[0].budget  # type: ignore[union-attr]
    assert (budget.executed, budget.weight, budget.score) == (None, None, None)


def test_closing_texts_side_by_side_are_each_their_own_and_a_total_run_in_is_none() -> None:
    rows = [*NAME, *GRID, *INDICATORS, ["评价结论", "全年执行率53%", "", "", "存在问题", "资金未全部到位", "", ""],
            ["其他需要说明事项", "无", "总分", "100", "90", "优", "", ""]]  # (corpus 19's last row)
    project = _read(_pipe(rows)).document.projects[0]  # type: ignore[union-attr]
    heads = ("主管部门", "实施单位")
    texts = [(label, text) for label, text in project.extras if "/" not in label and label not in heads]
    assert texts == [("评价结论", "全年执行率53%"), ("存在问题", "资金未全部到位"), ("其他需要说明事项", "无")]
    assert project.budget.rate == Decimal(53)


def test_the_executions_points_named_as_its_own_and_written_on_one_row_are_the_grids() -> None:
    grid = [["项目资金（万元）", "", "年初预算数", "全年(调整)预算数", "全年执行数", "执行率", "执行率权重",
             "执行率得分"],
            ["", "年度总金额", "100", "100", "53", "", "", ""],
            ["", "其中：财政拨款", "100", "100", "53", "53", "10", "10"]]
    for data, name in ((_pipe([*NAME, *grid, *INDICATORS]), "自评表.txt"),
                       (word_file([*NAME, *grid, *INDICATORS], TITLE), "自评表.docx")):
        result = _read(data, name)
        project = result.document.projects[0]  # type: ignore[union-attr]
        assert (project.budget.total, project.budget.executed) == (Decimal(100), Decimal(53))
        assert (project.budget.weight, project.budget.score) == (Decimal(10), Decimal(10))
        assert ("其中财政拨款/执行率权重", "10") in project.extras  # (until kinds31 an unlabelled extra)
        assert "资金表的合计行没有填写预算执行率的得分，取自「其中：财政拨款」行：10" in _notes(result, Severity.INFO)


def test_the_texts_figures_and_closing_rows_survive_every_export(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from perfbudget.cli import app
    from perfbudget.load import load_path

    source = tmp_path / "自评表.txt"
    source.write_bytes(_pipe([*NAME, *GRID, *INDICATORS, *_closing("项目全年执行率53%，实际支出资金53万元")]))
    read = load_path(source).document.projects[0]  # type: ignore[union-attr]
    for form in ("xlsx", "docx", "html", "json"):
        out = tmp_path / f"导出.{form}"
        result = CliRunner().invoke(app, ["export", str(source), "--to", form, "-o", str(out)])
        assert result.exit_code == 0, result.output
        back = load_path(out).document.projects[0]  # type: ignore[union-attr]
        assert back.budget == read.budget and back.budget.executed == Decimal(53), form
        assert ("评价结论", "项目全年执行率53%，实际支出资金53万元") in back.extras, form


def test_a_grid_of_zeros_beside_the_amount_its_text_says_was_spent_is_warned_of() -> None:
    grid = [GRID[0], ["", "年度资金总额", "0", "0", "0", "10", "0", "0"]]  # (棠溪's form, corpus 16: a total row of 0s)
    goals = _goals("本项目共申请预算资金90万元。", "本项目共完成预算资金89.97万元。其中:30万元用于预算编制。")
    result = _read(_pipe([*NAME, *grid, *goals, *INDICATORS]))
    assert result.document.projects[0].budget.executed == Decimal(0)  # type: ignore[union-attr]  # as written
    assert "文字「本项目共完成预算资金89.97万元」写明的全年执行数（89.97万元）与资金表的全年执行数（0万元）不同：" \
           "按资金表读取，请核对" in _notes(result, Severity.WARNING)
