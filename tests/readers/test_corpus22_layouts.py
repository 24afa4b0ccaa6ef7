"""Layouts first met in the corpus22 tables (149–152 and r96–r98: Chongqing's 部门整体绩效自评表 as a mirror serves
it, in pipe rows with yuan amounts that each carry a stray ``?``, its funds rows labelled 年度总金额), each stated
on a tiny inline text: the shape, not the sample."""

from __future__ import annotations

from perfbudget.model import Severity
from perfbudget.readers.text import read_text
from tests.readers.test_corpus16_layouts import _errors

# ---- an amount with a character a mirror lost (3,724,055.00? for 3,724,055.00&nbsp;) -----------------------------

_FORM = ("2024年度项目支出绩效自评表 | | | | | |\n"
         "项目名称: | 某县科普活动经费 | 项目编码: | 50023300024P000061 | | |\n"
         "资金情况 | | | | | |\n"
         "| 年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率 | 执行率权重 | 执行率得分 |\n"
         "年度总金额 | 100,000.00{mark} | 120,000.00{mark} | 108,000.00{mark} | 90.00 | 10.00 | 9.00{mark} |\n"
         "其中:财政拨款 | 100,000.00{mark} | 120,000.00{mark} | 108,000.00{mark} | 90.00 | | |\n"
         "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年实际值 | 得分 |\n"
         "产出指标 | 数量指标 | 科普活动场次 | ≥10场 | 12场 | 20 |\n")


def _warnings(problems: list) -> list[str]:  # type: ignore[type-arg]
    return [problem.message for problem in problems if problem.severity == Severity.WARNING]


def test_an_amount_followed_by_a_lost_character_is_read_with_a_warning() -> None:
    for mark in ("?", "\ufffd"):
        document, problems = read_text(_FORM.format(mark=mark), "q.txt")
        assert document is not None and not _errors(problems), _errors(problems)
        project = document.projects[0]
        assert str(project.budget.total) == "120000.00" and str(project.budget.fiscal) == "120000.00"
        warned = _warnings(problems)
        assert any("120,000.00" in message and "转码" in message and "取金额 120000.00" in message
                   for message in warned), warned
        assert [(row.level3, row.target.raw) for row in project.indicators] == [("科普活动场次", "≥10场")]


def test_the_lost_character_in_tab_rows_and_one_cell_a_line_too() -> None:
    rows = [["项目名称:", "某县科普活动经费", "项目编码:", "50023300024P000061"],
            ["", "年初预算数", "全年(调整)预算数", "全年执行数", "执行率"],
            ["年度总金额", "100,000.00?", "120,000.00?", "108,000.00?", "90.00"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "全年实际值"],
            ["产出指标", "数量指标", "科普活动场次", "≥10场", "12场"]]
    tab_rows = "".join("\t".join(row) + "\n" for row in rows)
    cell_lines = "\n".join("\n".join(row) + "\n" for row in rows)
    for text in (tab_rows, cell_lines):
        document, problems = read_text(text, "q.txt")
        assert document is not None and not _errors(problems), _errors(problems)
        assert str(document.projects[0].budget.total) == "120000.00"
        assert any("转码" in message for message in _warnings(problems))


def test_the_same_form_without_the_stray_character_reads_the_same_without_a_warning() -> None:
    document, problems = read_text(_FORM.format(mark=""), "q.txt")
    assert document is not None and not _errors(problems)
    assert str(document.projects[0].budget.total) == "120000.00"
    assert not any("转码" in message for message in _warnings(problems))


def test_a_question_mark_that_is_not_after_a_whole_amount_stays_no_amount() -> None:
    # a lone ?, one inside the number or one before it: no amount is read, the cell's error says so
    for written in ("?", "120,0?00.00", "?120,000.00", "约120,000.00?"):
        text = _FORM.format(mark="").replace("| 120,000.00 |", f"| {written} |", 1)
        document, problems = read_text(text, "q.txt")
        errors = _errors(problems)
        assert any(f"「{written}」不是金额" in message for message in errors), (written, errors)
        assert document is None or document.projects[0].budget.total is None


# ---- 年度总金额 labels the funds total (Chongqing's 自评表) ------------------------------------------------------

def test_the_year_total_label_of_chongqing_gives_the_budget() -> None:
    text = ("项目名称 | 某镇农村公路养护 |\n"
            "年度总金额 | 36.5 |\n"
            "其中:财政拨款 | 36.5 |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "产出指标 | 数量指标 | 养护里程 | ≥20公里 |\n")
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    budget = document.projects[0].budget
    assert str(budget.total) == "36.5" and str(budget.fiscal) == "36.5"


# ---- Ezhou's cost breakdown: its 合计 row's 金额 is the budget, the parts are not ---------------------------------

_COST_ROWS = [["项目名称", "图书馆资源购置经费", "项目类别", "运行维护类"],
              ["项目预算", "成本构成", "金额", "测算(公式)依据", "2018年实际执行数", "2019年实际执行数"],
              ["", "流动图书车运行维护费", "5.00", "维修费5次*5000=25000元", "4.5", "4.8"],
              ["", "图书购置", "60.00", "图书20000册*25=500000元", "55", "58"],
              ["", "合计", "65.00", "", "59.5", "62.8"],
              ["绩效目标", "保障图书馆资源购置"],
              ["一级指标", "二级指标", "三级指标", "指标值"],
              ["产出指标", "数量指标", "购置图书", "20000册"]]


def _written(rows: list[list[str]]) -> list[str]:
    """The rows as pipe rows, tab rows and one cell a line (where an empty cell is lost)."""
    return ["".join(" | ".join(row) + " |\n" for row in rows),
            "".join("\t".join(row) + "\n" for row in rows),
            "\n".join("\n".join(cell for cell in row if cell) + "\n" for row in rows)]


def test_a_cost_breakdowns_total_row_gives_the_budget() -> None:
    for text in _written(_COST_ROWS):
        document, problems = read_text(text, "c.txt")
        assert document is not None and not _errors(problems), _errors(problems)
        project = document.projects[0]
        assert str(project.budget.total) == "65.00", text
        texts = [cell for label, cell in project.extras if label == ""]
        assert "5.00" in texts and "60.00" in texts  # the parts are kept, as written, never the budget
        assert len(project.indicators) == 1


def test_a_cost_breakdown_cut_before_its_total_gives_no_budget_and_no_false_error() -> None:
    for text in _written(_COST_ROWS[:4] + _COST_ROWS[5:]):
        document, problems = read_text(text, "c.txt")
        assert document is not None and not _errors(problems), _errors(problems)  # was 预算数「成本构成」不是金额
        assert document.projects[0].budget.total is None


def test_a_budget_given_before_the_breakdown_stands_and_the_total_is_kept() -> None:
    rows = [_COST_ROWS[0], ["年度资金总额", "70"], *_COST_ROWS[1:]]
    document, problems = read_text(_written(rows)[0], "c.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert str(project.budget.total) == "70"
    assert ("合计/金额", "65.00") in [(label, str(cell)) for label, cell in project.extras]


def test_a_cost_head_without_its_amount_column_stays_an_extra() -> None:
    text = ("项目名称 | 某经费 |\n项目预算成本构成 | 详见附件 |\n年度资金总额 | 70 |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 购置图书 | 20000册 |\n")
    document, problems = read_text(text, "c.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert str(project.budget.total) == "70"
    assert ("项目预算成本构成", "详见附件") in [(label, str(cell)) for label, cell in project.extras]
