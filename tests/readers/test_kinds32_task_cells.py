"""A 部门整体 table's 年度主要任务 grid whose task leaves a cell empty (kinds32).

The task rows' cells were named in turn under the grid's columns: a task written without its 主要内容 had its 总额
kept as its 主要内容, its 财政拨款 as its 总额 and its 其他资金 as its 财政拨款. Each cell is kept under the column it
stands in now; a row whose cells stand in no head's place (a copy that lost its empty cells) is read as before."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.load import load_bytes, load_path
from tests.readers.word_tables import word_file

LINES = [
    ["部门（单位）整体支出绩效目标申报表"], ["（2024年度）"],
    ["部门（单位）名称", "某县农业农村局", "", "", "", ""],
    ["年度主要任务", "任务名称", "主要内容", "预算金额", "", ""],
    ["", "", "", "总额", "财政拨款", "其他资金"],
    ["", "农田建设", "建设高标准农田2万亩", "300", "280", "20"],
    ["", "人员保障", "", "120", "120", "0"],
    ["金额合计", "", "", "420", "400", "20"],
    ["年度总体目标", "完成高标准农田建设2万亩。", "", "", "", ""],
    ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值", ""],
    ["", "产出指标", "数量指标", "高标准农田建设面积", "≥2万亩", ""],
    ["", "满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", ""],
]
TASKS = [("任务名称", "农田建设"), ("主要内容", "建设高标准农田2万亩"), ("总额", "300"), ("财政拨款", "280"),
         ("其他资金", "20"), ("任务名称", "人员保障"), ("总额", "120"), ("财政拨款", "120"), ("其他资金", "0")]


def _tasks(project) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [pair for pair in project.extras if pair[0] in ("任务名称", "主要内容", "总额", "财政拨款", "其他资金")]


def test_a_task_without_its_content_keeps_its_amounts_under_their_columns() -> None:
    text = "\n".join("\t".join(line) for line in LINES) + "\n"
    result = load_bytes(text.encode(), "部门整体.txt")
    assert result.ok, result.problems
    assert _tasks(result.document.projects[0]) == TASKS  # type: ignore[union-attr]


def test_the_same_in_word() -> None:
    data = word_file(LINES[2:], paragraphs=[LINES[0][0], LINES[1][0]], merges=[(1, 0, 4, 0)])
    result = load_bytes(data, "部门整体.docx")
    assert result.ok, result.problems
    assert _tasks(result.document.projects[0]) == TASKS  # type: ignore[union-attr]


def test_it_is_exported_with_the_empty_cell_in_its_place(tmp_path: Path) -> None:
    source = tmp_path / "部门整体.txt"
    source.write_text("\n".join("\t".join(line) for line in LINES) + "\n", encoding="utf-8")
    for form in ("xlsx", "docx", "html"):
        out = tmp_path / f"导出.{form}"
        result = CliRunner().invoke(app, ["export", str(source), "--to", form, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert _tasks(load_path(out).document.projects[0]) == TASKS, form  # type: ignore[union-attr]


def test_a_row_that_lost_its_empty_cells_is_read_in_turn_as_before() -> None:
    text = ("部门（单位）整体支出绩效目标申报表\n（2024年度）\n"
            "| 部门（单位）名称 | 某县农业农村局 |\n"
            "| 年度主要任务 | 任务名称 | 主要内容 | 总额 |\n"
            "| 农田建设 | 建设高标准农田 | 300 |\n"
            "| 金额合计 | 300 |\n"
            "| 年度总体目标 | 完成建设。 |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "| 产出指标 | 数量指标 | 建设面积 | ≥2万亩 |\n"
            "| 满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90% |\n")
    result = load_bytes(text.encode(), "部门整体.txt")
    assert result.ok, result.problems
    assert _tasks(result.document.projects[0]) == [  # type: ignore[union-attr]
        ("任务名称", "农田建设"), ("主要内容", "建设高标准农田"), ("总额", "300")]


def test_a_later_row_of_the_same_part_keeps_its_figures_and_the_first_rows_amount_stands() -> None:
    # Fujian's 部门整体 funds grid in cells (corpus r154's form, as the export writes it): 县级财政资金 under
    # 财政资金小计 took the part's amount (160 for 170) and lost its own 小计; one cell a line the first row's stood
    lines = [
        ["部门整体支出绩效自评表"], ["（2018年度）"],
        ["部门(单位)名称", "某县地方志研究室", "部门预算编码", "901001033", "", "", "", "", ""],
        ["资金结构", "年初部门预算安排金额①", "历年结余结转②", "年中调整金额③", "小计④=①+②+③", "年度拨付金额⑤",
         "支出实现率⑥=⑤/④", "本年度结余金额⑦=④-⑤", "资金结余率⑧=⑦/④"],
        ["财政资金小计", "150", "20", "0", "170", "153", "90%", "17", "10%"],
        ["县级财政资金", "140", "20", "0", "160", "143", "89%", "17", "11%"],
        ["合计", "150", "20", "0", "170", "153", "90%", "17", "10%"],
        ["一级指标", "二级指标", "三级指标", "指标解释", "绩效目标值", "实际完成值", "指标分值", "得分", ""],
        ["产出指标", "数量指标", "按月发放工资", "反映工资按月发放情况", "12个月", "12个月", "20", "20", ""],
    ]
    result = load_bytes(word_file(lines[2:], paragraphs=[lines[0][0], lines[1][0]]), "自评表.docx")
    assert result.ok, result.problems
    project = result.document.projects[0]  # type: ignore[union-attr]
    assert (project.budget.total, project.budget.fiscal) == (170, 170)
    assert project.sources["budget.fiscal"].row == 3  # the 财政资金小计 row (表1's third)
    assert ("县级财政资金/小计", "160") in project.extras
