"""The six real published tables in tests/fixtures/real/samples: every complete indicator, the funds and goals.

Line 2 of each sample names its form, line 3 what is cut off. A sample whose source
text is cut off inside the table gives every complete indicator *and* an error at
the cut (so ``ok`` is False and nothing would be stored without the user's say).
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.framework import normalise_level1, normalise_level3
from perfbudget.load import LoadResult, load_path
from perfbudget.model import Budget, Document, Kind, Op, Severity
from perfbudget.readers.text import detect_layout
from tests.conftest import SAMPLES


def _load(prefix: str) -> tuple[LoadResult, Document]:
    path = next(SAMPLES.glob(f"{prefix}_*.txt"), None)
    assert path is not None, f"sample {prefix} missing from {SAMPLES} (the samples live in the repository)"
    result = load_path(path)
    assert result.document is not None, result.problems
    return result, result.document


def _rows(document: Document, project: int = 0) -> list[tuple[str, str, str, str]]:
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in document.projects[project].indicators]


def _layout(prefix: str) -> str | None:
    path = next(SAMPLES.glob(f"{prefix}_*.txt"))
    return detect_layout(path.read_text(encoding="utf-8"))


def test_07_xiangtan_pipe_cells_complete() -> None:
    result, document = _load("07")
    assert _layout("07") == "pipe-cells"
    assert result.ok, result.errors
    assert document.money_unit == "万元" and document.kind == "target"
    project = document.projects[0]
    assert project.name == "雾炮车降尘抑尘服务"
    assert project.budget == Budget(total=Decimal("250"))
    assert project.goals == ("通过采购雾炮车降尘抑尘服务,服务周期2023.07-2024.01,全市空气质量达到优良",)
    assert ("预算部门", "湘潭市环境卫生管理处") in project.extras
    assert ("项目支出实施期", "2023.07-2024.01") in project.extras
    rows = _rows(document)
    assert len(rows) == 7
    assert rows[0] == ("产出指标", "数量指标", "雾炮车降尘抑尘服务配备车辆数", "10辆")
    assert rows[1] == ("产出指标", "数量指标", "雾炮车风炮射程", "≥80M")  # row without its merged cells
    assert rows[4] == ("产出指标", "成本指标", "控制在预算成本内", "250万")
    assert rows[5] == ("效益指标", "社会效益指标", "服务周期内,市民对空气质量改善的满意程度", "≥85%")
    # the table has no 满意度指标 一级 cell: it is filled from the framework, with a note
    assert rows[6] == ("满意度指标", "社会公众或服务对象满意度指标", "市民满意度", "≥90%")
    assert all(i.extras == (("绩效标准", "计划标准"),) for i in project.indicators)
    notes = [p.message for p in result.problems if p.severity is Severity.INFO]
    assert sum("分类行" in m for m in notes) == 3  # 经济效益, 生态效益, 可持续影响: empty
    assert any("补为「满意度指标」" in m for m in notes)


def test_12_langfang_paragraph_cells_truncated_self_evaluation() -> None:
    result, document = _load("12")
    assert _layout("12") == "paragraph-cells"
    assert document.kind == "self-evaluation"
    project = document.projects[0]
    assert project.name == "办公宿舍楼、食堂及餐厅暖通改造经费"
    # the funds grid's total row typed (kinds23): 37.24 ÷ 43.2 is 86.2%, printed 86%; 得分 9 of 10, rounded
    assert project.budget == Budget(total=Decimal("43.2"), fiscal=Decimal("43.2"), initial=Decimal("43.2"),
                                    executed=Decimal("37.24"), rate=Decimal("86"), weight=Decimal("10"),
                                    score=Decimal("9"))
    assert ("年度资金总额/全年执行数", "37.24") in project.extras
    assert ("年度资金总额/执行率", "86%") in project.extras
    assert project.goals == ("43.2",)
    assert ("实际完成情况", "37.24") in project.extras
    indicators = project.indicators
    assert len(indicators) == 9
    first = indicators[0]
    assert (first.level1, first.level2, first.level3, first.target.raw) == (
        "产出指标", "数量指标", "指标1工程资金金额", "43.2")
    assert (first.actual, first.weight, first.score) == ("37.24", Decimal("10"), Decimal("9"))
    assert first.deviation == "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。"
    assert _rows(document)[5] == ("效益指标", "经济效益指标", "指标1安全率", "100")  # '经济效益' + '指标' joined
    assert _rows(document)[8] == ("满意度指标", "服务对象满意度指标", "指标1学生满意度", "100")
    notes = [p for p in result.problems if p.severity is Severity.INFO]
    assert sum("模板占位行" in p.message for p in notes) >= 16
    # the text stops inside the last placeholder row: an error there, the complete indicators kept
    assert not result.ok
    assert len(result.errors) == 1 and "中断" in result.errors[0].message
    assert result.errors[0].source.line == 462


def test_13_yueyang_paragraph_cells_complete() -> None:
    result, document = _load("13")
    assert _layout("13") == "paragraph-cells"
    assert result.ok, result.errors
    project = document.projects[0]
    assert project.name == "岳阳县2022年高标准农田建设项目"
    assert project.budget == Budget(total=Decimal("854"), fiscal=Decimal("854"))
    # the amount's note (and a pasted duplicate) are kept as written
    assert ("预算数", "854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)") in project.extras
    assert project.goals == ("完成项目主体工程70%",)
    assert ("主管部门", "岳阳县农业农村局") in project.extras
    rows = _rows(document)
    assert len(rows) == 12
    assert rows[0] == ("产出指标", "数量指标", "脱贫村村内道路硬化里程", "≥100公里")
    assert rows[4] == ("产出指标", "成本指标", "财政资金补助", "1600元/亩")
    assert rows[5] == ("效益指标", "经济效益指标", "年增粮食", "3500公斤")
    assert rows[10] == ("效益指标", "可持续影响指标", "工程设计使用年限", "≥20年")
    assert rows[11] == ("满意度指标", "服务对象满意度指标", "受益脱贫(监测)户满意度", "≥95%")


def test_14_nanyue_space_rows_complete() -> None:
    result, document = _load("14")
    assert _layout("14") == "space-rows"
    assert result.ok, result.errors
    project = document.projects[0]
    assert project.name == "2018年市级专项扶贫资金基础设施(人大代表扶贫基地)"
    assert project.budget == Budget(total=Decimal("10"), fiscal=Decimal("10"), other=Decimal("0"))
    assert project.goals == ("为水濂村带来观光游客不少于6万人,村集体收入达6万元。",)
    assert ("实施单位", "[610001]湖南省润山润水生态农业发展有限公司") in project.extras
    rows = _rows(document)
    assert len(rows) == 16
    assert rows[0] == ("产出指标", "数量指标", "贫困地区旅游基础设施建设工程", ">=20平方米")
    # a template hint with spaces inside its parentheses stays one cell, kept as written
    assert rows[1] == ("产出指标", "数量指标", "贫困地区旅游景点开发数量(≥**个)", ">=4个")
    assert normalise_level3(rows[1][2]) == "贫困地区旅游景点开发数量"
    assert rows[5] == ("产出指标", "成本指标", "流转土地补助标准", "<=475元/亩")
    assert rows[11] == ("效益指标", "社会效益指标", "受益建档立卡贫困人口数≥**人", ">=29人")
    assert rows[15] == ("满意度指标", "服务对象满意度指标", "游客满意度(≥**%)", ">=90%")
    assert project.indicators[5].target.op is Op.LE


def test_25_tianjin_pipe_rows_two_projects_second_truncated() -> None:
    result, document = _load("25")
    assert _layout("25") == "pipe-rows"
    assert document.unit.code == "207101" and document.unit.name == "天津市河北区人民法院"
    assert len(document.projects) == 2
    first, second = document.projects
    assert first.name == "安全隐患维修"
    assert first.budget == Budget(total=Decimal("20.00"), fiscal=Decimal("20.00"))
    assert first.purpose == "用于维修审判楼玻璃幕墙等"
    assert first.goals == ("维修审判大楼玻璃幕墙等,消除外延脱落安全隐患。",)
    assert len(first.indicators) == 6
    assert _rows(document, 0)[1] == ("产出指标", "质量指标", "验收合格率", "≥98百分比")
    assert first.indicators[1].description == "验收合格率"
    assert first.indicators[1].target.unit == "%"
    assert _rows(document, 0)[5] == ("满意度指标", "服务对象满意度指标", "干警满意度", "≥95百分比")
    assert second.name == "办案业务费(陪审员及互联网专线)"
    assert second.budget.total == Decimal("24.00")
    assert second.purpose == "用于陪审员参审补助支出及互联网直播支出"
    assert len(second.indicators) == 5
    assert _rows(document, 1)[4] == ("产出指标", "成本指标", "参审案件补助", "100元")
    assert not result.ok
    assert len(result.errors) == 1 and "中断" in result.errors[0].message
    assert result.errors[0].source.line == 31


def test_34_suixi_pipe_cells_truncated_self_evaluation() -> None:
    result, document = _load("34")
    assert _layout("34") == "pipe-cells"
    assert document.kind == "self-evaluation"
    project = document.projects[0]
    assert project.name == "临时救助"
    assert project.budget == Budget(total=Decimal("30"), fiscal=Decimal("30"), executed=Decimal("30"),
                                    rate=Decimal("100"), weight=Decimal("10"), score=Decimal("10"))
    assert ("年度资金总额/全年执行数", "30") in project.extras
    assert project.goals == ("为建档立卡扶贫户解决临时性的困难",)
    summary = "全年救助建档立卡扶贫户临时救助87人次,救助资金30万元,完成目标任务。"
    assert ("年度总体目标完成情况综述", summary) in project.extras
    indicators = project.indicators
    assert len(indicators) == 9
    first = indicators[0]
    assert first.level1 == "产出指标(50分)" and normalise_level1(first.level1) == "产出指标"
    assert first.level3 == "★★★农村低保发放人数(按月平均)(≥**人)"  # stars and hint kept as written
    assert normalise_level3(first.level3) == "农村低保发放人数(按月平均)"
    assert (first.target.raw, first.actual) == (">=21933人", "21980人")
    assert (first.weight, first.score) == (Decimal("5"), Decimal("5"))
    assert indicators[3].deviation == "特困人员实行动态管理"
    assert (indicators[7].level2, indicators[7].target.raw, indicators[7].actual) == (
        "质量指标", "<=5300元/户", "5830元/户")
    assert indicators[8].level1 == "效益指标(30分)" and indicators[8].target.kind is Kind.QUANTITATIVE
    # the text stops inside the satisfaction target '>=9': that row is an error, not an indicator
    assert not result.ok
    assert len(result.errors) == 1 and "中断" in result.errors[0].message
    assert all("满意度" not in i.level3 for i in indicators)
