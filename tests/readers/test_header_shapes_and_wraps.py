"""Issue 10, points 3 and 4: header vocabulary and shapes, score columns, cells split or wrapped, blank
template rows, glued cells. Each test reads a tiny realistic table (as copied from a web page, or a Word
table built here) showing one class of layout."""

from __future__ import annotations

import io
from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.text import read_text

HEAD = "项目名称 | 校舍维修项目 |\n预算数 | 30 | 财政资金 | 30 |\n"


def _read(text: str):  # type: ignore[no-untyped-def]
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    return document, problems


def _rows(document) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [(i.level1, i.level2, i.level3, i.target.raw) for p in document.projects for i in p.indicators]


def _errors(problems) -> list:  # type: ignore[no-untyped-def]
    return [p for p in problems if p.severity is Severity.ERROR]


# ---- 3. header vocabulary and shapes --------------------------------------------------------------

def test_older_two_level_forms_name_the_third_level_by_its_content() -> None:
    for label in ("指标内容", "三级指标内容", "绩效指标", "具体指标", "指标名称"):
        document, problems = _read(HEAD + f"一级指标 | 二级指标 | {label} | 指标值 |\n"
                                   "产出指标 | 数量指标 | 维修校舍面积 | ≥800平方米 |\n"
                                   " | 质量指标 | 验收合格率 | 100% |\n"
                                   "满意度指标 | 服务对象满意度指标 | 师生满意度 | ≥90% |\n")
        assert not _errors(problems), (label, problems)
        assert _rows(document) == [("产出指标", "数量指标", "维修校舍面积", "≥800平方米"),
                                   ("产出指标", "质量指标", "验收合格率", "100%"),
                                   ("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%")], label


def test_bare_level_headers_and_values_named_with_zhi() -> None:
    # Shandong 临邑: 一级 | 二级 | 三级 | 年度数值, level names written 产出值 / 数量值
    document, problems = _read(HEAD + "一级 | 二级 | 三级 | 年度数值 | 备注 |\n"
                               "产出值 | 数量值 | 小学就读人数 | <=6962人 | |\n"
                               " | 质量值 | 办学水平提高 | =100% | |\n效益值 | 社会效益值 | 教学质量提高 | =100% | |\n")
    assert not _errors(problems)
    assert [r[2:] for r in _rows(document)] == [("小学就读人数", "<=6962人"), ("办学水平提高", "=100%"),
                                                ("教学质量提高", "=100%")]


def _docx(rows: list[list[str]], merges: list[tuple[int, int, int, int]]) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("校舍维修项目绩效目标表")
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for r1, c1, r2, c2 in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_group_heading_over_sign_value_unit_sub_columns() -> None:
    rows = [["项目名称", "校舍维修项目", "", "", "", ""], ["预算数", "30", "", "", "", ""],
            ["一级指标", "二级指标", "三级指标", "预期指标值", "", ""], ["", "", "", "符号", "数值", "单位"],
            ["产出指标", "数量指标", "维修校舍面积", "≥", "800", "平方米"],
            ["满意度指标", "服务对象满意度指标", "师生满意度", "大于等于", "90", "%"]]
    result = load_bytes(_docx(rows, [(2, 3, 2, 5), (2, 0, 3, 0), (2, 1, 3, 1), (2, 2, 3, 2)]), "t.docx")
    assert result.ok, result.problems
    assert _rows(result.document) == [("产出指标", "数量指标", "维修校舍面积", "≥800平方米"),
                                      ("满意度指标", "服务对象满意度指标", "师生满意度", "大于等于90%")]
    assert result.document.projects[0].indicators[1].target.value == Decimal("90")  # type: ignore[union-attr]


def test_value_group_over_annual_and_medium_term_takes_the_annual_one() -> None:
    rows = [["项目名称", "校舍维修项目", "", "", ""], ["预算数", "30", "", "", ""],
            ["一级指标", "二级指标", "三级指标", "指标值", ""], ["", "", "", "中期", "年度"],
            ["产出指标", "数量指标", "维修校舍面积", "≥3000平方米", "≥800平方米"]]
    result = load_bytes(_docx(rows, [(2, 3, 2, 4)]), "t.docx")
    assert result.ok, result.problems
    (indicator,) = result.document.projects[0].indicators  # type: ignore[union-attr]
    assert indicator.target.raw == "≥800平方米" and indicator.extras == (("指标值/中期", "≥3000平方米"),)


def test_nature_and_comparison_columns_give_the_sign_and_a_number_is_no_unit() -> None:
    # Inner Mongolia: 指标性质 (正向/反向/定性) | 指标方向 (= or words) | 目标值 | 计量单位 | 分值
    document, problems = _read(HEAD + "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标方向 | 目标值 | 计量单位 | "
                               "分值 |\n"
                               "产出指标 | 数量指标 | 出差人次 | 正向 | = | 24 | 人/次 | 4 |\n"
                               " | 时效指标 | 资金到位时间 | 正向 | = | 44,561 | 44,561 | 10 |\n"
                               " | 成本指标 | 车辆购置成本 | 反向 | 小于等于 | 12 | 万元 | 5 |\n")
    assert not _errors(problems)
    indicators = document.projects[0].indicators
    assert [i.target.raw for i in indicators] == ["=24人/次", "=44,561", "小于等于12万元"]
    assert [i.weight for i in indicators] == [Decimal(4), Decimal(10), Decimal(5)]
    assert indicators[0].extras == (("指标性质", "正向"),)


def test_score_columns_are_never_the_target() -> None:
    for header, row in (("分值 | 指标值 | 得分", "10 | ≥90% | 9"), ("指标值 | 权重 | 折算得分", "≥90% | 10 | 9")):
        document, problems = _read(HEAD + f"一级指标 | 二级指标 | 三级指标 | {header} |\n"
                                   f"满意度指标 | 服务对象满意度指标 | 师生满意度 | {row} |\n"
                                   "产出指标 | 数量指标 | 维修面积 | " + row.replace("≥90%", "800平方米") + " |\n")
        assert not _errors(problems), problems
        indicator = document.projects[0].indicators[0]
        assert (indicator.target.raw, indicator.weight, indicator.score) == ("≥90%", Decimal(10), Decimal(9))


def test_space_rows_missing_cells_put_scores_under_their_columns_not_the_target() -> None:
    # Anhui self-evaluation in space rows: a row holding only 分值 and 得分 has no 指标值
    text = ("项目名称 水旱灾害防御经费\n预算数 880\n"
            "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
            "产出指标 数量指标 指标1:完成节水改造项目数量 1 1 10 10\n"
            "质量指标 指标1:工程质量合格 10 10\n"
            "指标2:\n……\n"
            "效益指标 社会效益指标 指标1:保护人口财产不受损失 10 10\n"
            "满意度指标 服务对象满意度指标 指标1:服务对象满意度 90% 100% 10 10\n")
    document, problems = _read(text)
    indicators = document.projects[0].indicators
    assert [(i.level3, i.target.raw, i.weight, i.score) for i in indicators] == [
        ("指标1:完成节水改造项目数量", "1", Decimal(10), Decimal(10)),
        ("指标1:工程质量合格", "", Decimal(10), Decimal(10)),
        ("指标1:保护人口财产不受损失", "", Decimal(10), Decimal(10)),
        ("指标1:服务对象满意度", "90%", Decimal(10), Decimal(10))]
    assert document.projects[0].needs_check  # cells placed by their content: a guess to check
    assert any("模板占位行" in p.message for p in problems)


def test_a_score_fused_with_the_value_is_split_off() -> None:
    document, _ = _read(HEAD + "一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
                        "产出指标 | 数量指标 | 维修面积 | ≥800平方米（10分） |\n"
                        "满意度指标 | 服务对象满意度指标 | 师生满意度 | ≥90% 5分 |\n")
    indicators = document.projects[0].indicators
    assert [(i.target.raw, i.weight) for i in indicators] == [("≥800平方米", Decimal(10)), ("≥90%", Decimal(5))]
    assert indicators[0].target.value == Decimal(800)


# ---- 4. cells split or wrapped --------------------------------------------------------------------

def test_labels_wrapped_over_two_lines_are_joined() -> None:
    text = ("项目名称 水旱灾害防御经费\n预算数 880\n"
            "一级指标 二级指标 三级指标 年度指标值\n"
            "产出指标 数量指标 完成项目数量 ≥1个\n"
            "效益指标 经济效益\n指标\n全市安全度汛 有效\n"
            "可持续影\n响指标\n已建工程良性运行 长期\n"
            "满意度指标 服务对象\n满意度指标\n服务对象满意度 ≥90%\n")
    document, problems = _read(text)
    assert not _errors(problems), problems
    assert _rows(document) == [("产出指标", "数量指标", "完成项目数量", "≥1个"),
                               ("效益指标", "经济效益指标", "全市安全度汛", "有效"),
                               ("效益指标", "可持续影响指标", "已建工程良性运行", "长期"),
                               ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%")]


def test_a_header_continued_on_the_next_line_is_one_header() -> None:
    text = ("项目名称 水旱灾害防御经费\n预算数 880\n年度绩效指标 一级\n指标\n二级指标 三级指标 年度指标值\n"
            "产出指标 数量指标 完成项目数量 ≥1个\n满意度指标 服务对象满意度指标 服务对象满意度 ≥90%\n")
    document, problems = _read(text)
    assert not _errors(problems) and len(document.projects[0].indicators) == 2


def test_cells_wrapped_onto_lines_of_their_own_in_space_rows() -> None:
    text = ("项目名称 业务装备经费\n预算数 103\n一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值\n"
            "满意度指标 服务对象满意度指标 使用人员满意度 正向 大于等于 98 % 10\n"
            "效益指标 可持续影响指标 推动业务装备建设标准化 定性\n长期\n15\n"
            "产出指标 数量指标 车辆采购数量 反向 小于等于 1 7.5\n")
    document, problems = _read(text)
    assert not _errors(problems), problems
    indicators = document.projects[0].indicators
    assert [(i.level3, i.target.raw, i.weight) for i in indicators] == [
        ("使用人员满意度", "大于等于98%", Decimal(10)), ("推动业务装备建设标准化", "长期", Decimal(15)),
        ("车辆采购数量", "小于等于1", Decimal("7.5"))]


def test_a_long_name_wrapped_onto_its_own_row_is_joined() -> None:
    document, problems = _read(HEAD + "一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
                               "产出指标 | 数量指标 | 对符合政策的独生子女伤残、 | 63人 |\n"
                               " | | 死亡家庭进行扶助 | |\n"
                               "满意度指标 | 服务对象满意度指标 | 受益群众满意度 | ≥90% |\n")
    assert not _errors(problems), problems
    assert [r[2:] for r in _rows(document)] == [("对符合政策的独生子女伤残、死亡家庭进行扶助", "63人"),
                                                ("受益群众满意度", "≥90%")]
    assert any("单独成行" in p.message for p in problems)


def test_blank_template_rows_are_dropped_with_a_note() -> None:
    document, problems = _read(HEAD + "一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
                               "产出指标 | 数量指标 | 指标1:维修面积 | ≥800平方米 |\n"
                               " | | 指标2: | |\n | | …… | |\n | 质量指标 | 指标1:/ | / |\n"
                               "满意度指标 | 服务对象满意度指标 | 指标1:师生满意度 | ≥90% |\n")
    assert not _errors(problems)
    assert [r[2] for r in _rows(document)] == ["指标1:维修面积", "指标1:师生满意度"]
    assert sum("模板占位行" in p.message for p in problems) == 3


def test_glued_rows_that_cannot_be_split_are_errors_never_guesses() -> None:
    text = ("项目名称农村学校改造补助资金\n年度资金总额:16\n绩效指标一级指标二级指标指标内容指标值\n"
            "产出指标数量指标学校改造覆盖率100%\n质量指标校舍维修改造质量合格率\n"
            "满意度指标服务对象满意度指标学生家长满意度≥90%\n")
    document, problems = _read(text)
    assert [r[2:] for r in _rows(document)] == [("学校改造覆盖率", "100%"), ("学生家长满意度", "≥90%")]
    (error,) = _errors(problems)
    assert "无法可靠拆分" in error.message and error.source.line == 5
    glued_self_evaluation = ("项目名称农村学校改造补助资金\n一级指标二级指标三级指标分值年度指标值全年实际值得分\n"
                             "产出指标数量指标安装坡面水标尺10≥266米≥266米10\n")
    document, problems = read_text(glued_self_evaluation, "t.txt")
    assert any("不止一列" in p.message for p in _errors(problems))
    assert document is None or not _rows(document)


def test_glued_rows_take_the_title_for_a_title_not_for_goals() -> None:
    """绩效目标表 (and 绩效目标自评表) is the table's title: its 绩效目标 is not the goals' label, so the
    page's title lines (标题绩效目标表文号, 绩效目标表) are not read as goals 「表」「表文号」."""
    text = ("标题绩效目标表文号\n绩效目标表\n(2020年度)\n项目名称农村学校改造补助资金\n年度资金总额:16\n"
            "总体目标年度目标\n全面改善农村学校办学条件。\n绩效指标一级指标二级指标指标内容指标值\n"
            "产出指标数量指标学校改造覆盖率100%\n满意度指标服务对象满意度指标学生家长满意度≥90%\n")
    document, _problems = _read(text)
    assert document is not None
    (project,) = document.projects
    assert project.name == "农村学校改造补助资金"
    assert project.goals == ("全面改善农村学校办学条件。",)
    assert [r[2:] for r in _rows(document)] == [("学校改造覆盖率", "100%"), ("学生家长满意度", "≥90%")]


# ---- a budget system's bracketed list -------------------------------------------------------------

def test_bracket_list_projects_with_their_indicator_lists() -> None:
    text = ("某市公安局2025年项目绩效目标和指标\n单位编码\n单位名称\n年度预算安排\n\n 037001\n 某市公安局\n27955180\n\n"
            "  其他运转类\n1681680\n\n   037001\n   机房租赁服务采购项目\n1681680\n"
            "【项目概况】:市本级机房租赁服务,共计77个机柜。\n【总体目标】\n保障机房内所有设备设施运转\n"
            "【产出指标-数量指标】\n指标1:机柜数量(≥77台)\n【产出指标-时效指标】\n指标1:维护及时性(<24小时)\n"
            "指标2:故障响应(及时)\n【满意度指标-服务对象满意度指标】\n指标1:提升群众安全感(≥90%)\n\n"
            "  本级项目\n26273500\n\n   037001\n   执法办案费\n100000\n【项目概况】:专门用于")
    document, problems = read_text(text, "t.txt")
    assert document is not None
    first, second = document.projects
    assert (first.name, first.budget.total, first.goals) == ("机房租赁服务采购项目", Decimal(1681680),
                                                          ("保障机房内所有设备设施运转",))
    assert _rows(document) == [("产出指标", "数量指标", "机柜数量", "≥77台"),
                               ("产出指标", "时效指标", "维护及时性", "<24小时"),
                               ("产出指标", "时效指标", "故障响应", "及时"),
                               ("满意度指标", "服务对象满意度指标", "提升群众安全感", "≥90%")]
    assert first.complete and second.name == "执法办案费" and not second.complete  # cut in its 项目概况
    assert [p.message[:6] for p in _errors(problems)] == ["表格在此中断"]


def test_tree_table_with_levels_told_by_their_names() -> None:
    # Ningxia 批复表: 项目 | 指标值 | 绩效金额, the hierarchy in the indentation, one cell per paragraph
    cells = ["某市疾病预防控制中心2020年项目绩效目标批复表", "单位:元", "项目", "指标值", "绩效金额",
             " 某市疾病预防控制中心", "  疫苗及美沙酮药物", "3000000", "   产出指标", "    成本指标(必填硬性指标)",
             "     按照物价部门定价标准采购", "100%", "    时效指标(必填)", "     疫苗提供及时率", "100%",
             "   满意度指标", "    服务对象满意度指标(必填)", "     服务对象满意度", "100%",
             "   效益指标", "    社会效益指标(必填)", "     满足辖区居民对常用疫苗的需求", "100%",
             "附件下载:", "扫一扫"]
    document, problems = _read("\n\n".join(cells) + "\n")
    assert not _errors(problems), problems
    (project,) = document.projects
    assert (project.name, project.budget.total, document.money_unit) == ("疫苗及美沙酮药物", Decimal(3000000), "元")
    assert _rows(document) == [("产出指标", "成本指标(必填硬性指标)", "按照物价部门定价标准采购", "100%"),
                               ("产出指标", "时效指标(必填)", "疫苗提供及时率", "100%"),
                               ("满意度指标", "服务对象满意度指标(必填)", "服务对象满意度", "100%"),
                               ("效益指标", "社会效益指标(必填)", "满足辖区居民对常用疫苗的需求", "100%")]


def test_money_unit_written_above_the_table_in_a_page() -> None:
    rows = [["项目名称", "村组干部报酬"], ["预算数", "3,309,840.00"], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "发放人数", "≥120人"]]
    page = ("<html><body><p>部门预算项目绩效目标申报表(2023年度)</p><p>金额单位:元</p><table>"
            + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
            + "</table></body></html>")
    result = load_bytes(page.encode("utf-8"), "p.html")
    assert result.ok, result.problems
    assert result.document.money_unit == "元"  # type: ignore[union-attr]
    assert result.document.projects[0].budget.total == Decimal("3309840.00")  # type: ignore[union-attr]
