"""Real published tables in tests/fixtures/web (line 1: source address, line 2: the form as the page gives it).

Each test states what an exact reader must give: indicator count, exact indicators, budget,
goals; the unreadable ones (cells glued without separators, not a target table) must be
refused with a clear error naming the file, never a traceback.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from perfbudget.load import LoadResult, load_path
from perfbudget.model import Budget, Severity
from perfbudget.readers.text import detect_layout

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"


def _load(name: str) -> LoadResult:
    return load_path(WEB / name)


def _rows(result: LoadResult) -> list[tuple[str, str, str, str]]:
    assert result.document is not None, result.problems
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in result.document.projects[0].indicators]


def test_every_fixture_names_its_source_and_form() -> None:
    files = sorted(WEB.glob("*.txt"))
    assert len(files) >= 7
    for path in files:
        first, second = path.read_text(encoding="utf-8").splitlines()[:2]
        assert first.startswith("source: http"), path
        assert second.startswith("form: "), path


def test_sichuan_pipe_cells_sign_value_unit_self_evaluation() -> None:
    name = "sichuan-qingshen-2023-selfeval-pipecells.txt"
    assert detect_layout((WEB / name).read_text(encoding="utf-8")) == "pipe-cells"
    result = _load(name)
    assert result.ok, result.errors
    document = result.document
    assert document is not None
    assert document.kind == "self-evaluation" and document.money_unit == "万元"  # from 年度预算数(万元)
    project = document.projects[0]
    assert project.fund_year == 2023
    # funds grid 年初预算 | 调整后预算数 | 预算执行数 …: the budget is the adjusted one
    assert project.budget == Budget(total=Decimal("251.89"), fiscal=Decimal("251.89"), initial=Decimal("238.93"),
                                    executed=Decimal("251.89"), rate=Decimal("100.00"), weight=Decimal("10"))
    assert ("总额/年初预算", "238.93") in project.extras
    assert ("总额/预算执行率", "100.00%") in project.extras
    assert project.goals == ("严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,"
                             "预算编制科学合理,减少结余资金。",)
    assert _rows(result) == [
        ("产出指标", "数量指标", "发放(缴纳)覆盖率", "=100%"),  # 指标性质 | 指标值 | 度量单位 joined
        ("效益指标", "社会效益指标", "足额保障率(参保率)", "=100%"),
    ]
    first = project.indicators[0]
    assert (first.weight, first.actual, first.score) == (Decimal("60"), None, None)


def test_wuhan_paragraph_cells_long_term_and_annual_columns() -> None:
    name = "hubei-wuhan-qingshan-2020-target-longterm-annual.txt"
    assert detect_layout((WEB / name).read_text(encoding="utf-8")) == "paragraph-cells"
    result = _load(name)
    assert result.ok, result.errors
    document = result.document
    assert document is not None
    assert (document.unit.code, document.unit.name) == ("015001", "武汉市青山区教育局")  # 主管部门 + 及编码 joined
    assert document.money_unit == "万元"  # written after the amounts
    project = document.projects[0]
    assert project.name == "教育系统基础设施建设和设备购置" and project.fund_year == 2020
    assert project.budget == Budget(total=Decimal("10000"), fiscal=Decimal("10000"))
    assert project.goals == ("按工作计划完成教育局重点项目建设经费预算安排",)
    assert ("中期目标", "优化教育布局,推进教育领域综合改革全面提升育人质量实现基础教育持续发展") in project.extras
    rows = _rows(result)
    assert len(rows) == 7
    assert rows[0] == ("产出指标", "数量指标", "重点建设工程安排数量", "2")
    assert rows[2] == ("产出指标", "成本指标", "建设项目成本", "参照政府采购成本控制")
    assert rows[6] == ("满意度指标", "服务对象满意度指标", "学生、家长、社会满意度", "≥90%")
    notes = [p.message for p in result.problems if p.severity is Severity.INFO]
    assert any("金额单位" in m for m in notes) and any("主管部门及编码" in m for m in notes)


def test_chizhou_whole_table_on_one_line_space_cells() -> None:
    name = "anhui-chizhou-guichi-2022-selfeval-one-line.txt"
    assert detect_layout((WEB / name).read_text(encoding="utf-8")) == "space-cells"
    result = _load(name)
    document = result.document
    assert document is not None and document.kind == "self-evaluation"
    assert (document.unit.code, document.unit.name) == ("219001", "池州市贵池区棠溪镇人民政府")
    assert document.money_unit == "万元"
    project = document.projects[0]
    assert project.name == "委托业务项目" and project.fund_year == 2022
    assert project.budget == Budget(total=Decimal("0"), fiscal=Decimal("89.974"), initial=Decimal("0"),
                                    executed=Decimal("0"), rate=Decimal("0"), weight=Decimal("10"),
                                    score=Decimal("0"))  # as written (0 0 0 …)
    assert project.goals[0].startswith("本项目共申请预算资金90万元。")
    rows = _rows(result)
    assert len(rows) == 9
    # a row's next 三级 name is not read as the empty 偏差原因 cell before it
    assert rows[2] == ("产出指标(50分)", "质量指标", "经费支出合规性", "严格执行相关制度规定")
    assert rows[8][2] == "对推动基建项目“四项制度”健全和落实的持续性影响"
    first = project.indicators[0]
    assert (first.actual, first.weight, first.score, first.deviation) == ("50", Decimal("8"), Decimal("8"), None)
    # cut off inside 公众满: an error at the cut, every complete indicator read
    assert not result.ok and len(result.errors) == 1 and "中断" in result.errors[0].message


def test_fengjie_space_rows_2021_framework_cut_off() -> None:
    name = "chongqing-fengjie-2023-target-2021-framework-space-rows.txt"
    result = _load(name)
    document = result.document
    assert document is not None
    assert document.unit.name == "奉节县云雾土家族乡人民政府" and document.money_unit == "万元"
    project = document.projects[0]
    assert project.budget == Budget(total=Decimal("65"), fiscal=Decimal("65"), other=Decimal("0"))
    assert ("项目总预算", "65") in project.extras
    assert len(project.goals) == 1 and project.goals[0].startswith("新建中药材晾晒房一座")  # 年度主要目标 + 和成果
    indicator = project.indicators[0]
    assert (indicator.level1, indicator.level2, indicator.level3, indicator.target.raw, indicator.weight) == (
        "成本指标(0-20)分", "经济成本指标", "项目建设成本", "≤65万元", Decimal("10"))
    assert len(project.indicators) == 1
    assert not result.ok and all("中断" in e.message for e in result.errors)


def test_glued_rows_are_split_by_vocabulary_and_marked_for_a_check() -> None:
    result = _load("hubei-wuhan-qingshan-2021-target-glued-cells.txt")
    assert result.ok, result.problems
    (project,) = result.document.projects  # type: ignore[union-attr]
    assert project.name == "农村义务教育薄弱学校改造补助资金" and str(project.budget.total) == "16"
    rows = [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators]
    assert rows[0] == ("产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%")
    assert ("效益指标", "可持续影响指标", "义务教育优质均衡发展情况", "稳步提高") in rows
    assert rows[-1][1:] == ("社会公众或服务对象满意度指标", "学校满意度", "≥90%")
    assert project.needs_check and "粘连" in project.needs_check[0]


def test_unreadable_pages_are_refused_with_a_clear_error() -> None:
    for name in ("hebei-ningjin-2019-evaluation-index-glued.txt",):
        result = _load(name)
        assert not result.ok, name
        assert result.errors and all(e.source.file.endswith(name) for e in result.errors)
        assert "绩效目标表" in result.errors[0].message


def test_a_fragment_of_glued_rows_without_a_header_is_read_unnamed() -> None:
    """The rows only, glued, each closed by its weight after a space (产出指标数量指标足额保障率=100% 22.5 …): split
    by the level names and the targets' shapes; the project is unnamed, which is an error, never a guess."""
    result = _load("dyrmt-selfeval-fragment-no-header.txt")
    assert result.document is not None
    (project,) = result.document.projects
    assert [(i.level2, i.level3, i.target.raw) for i in project.indicators][:2] == [
        ("数量指标", "足额保障率", "=100%"), ("数量指标", "科目调整次数", "≤10次")]
    assert len(project.indicators) == 4 and project.name == "" and project.needs_check
    assert any("没有找到项目名称" in e.message for e in result.errors)
