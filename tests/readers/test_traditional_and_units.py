"""Tables in traditional characters read converted; 度量单位 cells that are no unit; rows that lost a cell."""

from __future__ import annotations

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.text import read_text
from perfbudget.readers.traditional import first_traditional_line, simplified
from tests.readers.word_tables import excel_file, word_file

TRADITIONAL = ("2020年度項(xiàng)目支出績(jì)效目標(biāo)表\n"
               "| 項目名稱 | 某某經費 | |\n"
               "| 項目資金(萬元) | 年度資金總額 | 12.5 |\n"
               "| 一級指標 | 二級指標 | 三級指標 | 指標值 |\n"
               "| 產出指標 | 數量指標 | 完成數量 | 10個 |\n"
               "| 效益指標 | 社會效益指標 | 群眾受益 | 有效 |\n"
               "| 滿意度指標 | 服務對象滿意度指標 | 滿意度 | ≥95% |\n")


def test_simplified_removes_the_inserted_pinyin_and_keeps_the_lines() -> None:
    converted = simplified(TRADITIONAL)
    assert converted.splitlines()[0] == "2020年度项目支出绩效目标表"
    assert len(converted.splitlines()) == len(TRADITIONAL.splitlines())
    assert simplified("指标(test)说明（A）") == "指标(test)说明（A）"  # no tone mark: no pinyin, kept
    assert first_traditional_line(TRADITIONAL) == 1 and first_traditional_line("项目名称 绩效指标") is None


def test_a_table_in_traditional_characters_is_read_converted_with_a_warning_at_its_first_label() -> None:
    document, problems = read_text(TRADITIONAL, "t.txt")
    assert document is not None
    project = document.projects[0]
    assert project.name == "某某经费" and str(project.budget.total) == "12.5"
    assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        ("产出指标", "数量指标", "完成数量", "10个"), ("效益指标", "社会效益指标", "群众受益", "有效"),
        ("满意度指标", "服务对象满意度指标", "满意度", "≥95%")]
    assert project.indicators[0].source.line == 5  # the original's lines
    notes = [p for p in problems if "繁体字" in p.message]
    assert len(notes) == 1 and notes[0].severity == Severity.WARNING and notes[0].source.line == 1
    assert "去掉字后夹注的拼音" in notes[0].message and "请与原文核对" in notes[0].message


def test_a_traditional_html_page_is_read_converted() -> None:
    rows = [["項目名稱", "某某經費", ""], ["一級指標", "二級指標", "三級指標", "指標值"],
            ["產出指標", "質量指標", "驗收合格率", "100%"]]
    html = "<html><body><table>" + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows) + "</table></body></html>"
    result = load_bytes(html.encode("utf-8"), "page.html")
    assert result.document is not None
    assert [i.level3 for p in result.document.projects for i in p.indicators] == ["验收合格率"]
    assert any("繁体字" in p.message and p.severity == Severity.WARNING for p in result.problems)


TRADITIONAL_ROWS = [["項目名稱", "某某經費", "", ""], ["項目資金(萬元)", "年度資金總額", "12.5", ""],
                    ["一級指標", "二級指標", "三級指標", "指標值"], ["產出指標", "數量指標", "完成數量", "10個"],
                    ["滿意度指標", "服務對象滿意度指標", "滿意度", "≥95%"]]



def test_a_traditional_word_or_excel_table_is_read_converted_cell_by_cell() -> None:
    for name, data in (("t.docx", word_file(TRADITIONAL_ROWS)), ("t.xlsx", excel_file(TRADITIONAL_ROWS))):
        result = load_bytes(data, name)
        assert result.document is not None, (name, result.problems)
        project = result.document.projects[0]
        assert project.name == "某某经费" and str(project.budget.total) == "12.5", name
        assert [(i.level2, i.level3, i.target.raw) for i in project.indicators] == [
            ("数量指标", "完成数量", "10个"), ("服务对象满意度指标", "满意度", "≥95%")], name
        assert project.indicators[0].source.row == 4, name  # the cell's own place in the original
        notes = [p for p in result.problems if "繁体字" in p.message]
        assert len(notes) == 1 and notes[0].severity == Severity.WARNING, name
        assert notes[0].source.row == 1 and "拼音" not in notes[0].message, name  # 項目名稱, no pinyin


def test_a_simplified_word_table_is_not_converted() -> None:
    rows = [["项目名称", "某某經費", "", ""], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "完成数量", "10个"]]
    result = load_bytes(word_file(rows), "s.docx")
    assert result.document is not None
    assert result.document.projects[0].name == "某某經費"  # read as written: nothing converted
    assert not any("繁体字" in p.message for p in result.problems)


def test_a_traditional_excel_sheet_without_indicators_says_so_at_its_first_traditional_cell() -> None:
    result = load_bytes(excel_file([["項目名稱", "某某經費"], ["說明", "績效目標見附件"]]), "n.xlsx")
    assert result.document is None or not any(p.indicators for p in result.document.projects)
    refused = [p for p in result.problems if "繁体字" in p.message]
    assert len(refused) == 1 and refused[0].source.row == 1 and "仍没有读出指标" in refused[0].message


def test_a_traditional_text_that_reads_to_nothing_even_converted_says_so_where_it_shows() -> None:
    text = "說明\n本項目績效目標見附件。\n"
    document, problems = read_text(text, "t.txt")
    assert document is None or not any(p.indicators for p in document.projects)
    refused = [p for p in problems if "繁体字" in p.message]
    assert len(refused) == 1 and refused[0].source.line == 2 and "仍没有读出指标" in refused[0].message


UNIT_TABLE = ("| 项目名称 | 某某经费 | | | |\n"
              "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 度量单位 |\n"
              "| 产出指标 | 数量指标 | 完成数量 | 10万 | 元 |\n"
              "| 产出指标 | 质量指标 | 合格率 | 100 | % |\n"
              "| 产出指标 | 时效指标 | 完成时间 | 按月安排 | 该指标主要考察安排时间 |\n"
              "| 效益指标 | 社会效益指标 | 保障水平 | 应保尽保 | % |\n"
              "| 效益指标 | 经济效益指标 | 支出金额 | 28.8万元 | % |\n")


def test_a_unit_is_joined_to_a_number_and_kept_apart_otherwise() -> None:
    document, _ = read_text(UNIT_TABLE, "u.txt")
    assert document is not None
    got = {i.level3: (i.target.raw, dict(i.extras).get("度量单位")) for i in document.projects[0].indicators}
    assert got == {"完成数量": ("10万元", None), "合格率": ("100%", None),
                   "完成时间": ("按月安排", "该指标主要考察安排时间"),  # a sentence is no unit
                   "保障水平": ("应保尽保", "%"),  # a value without a number takes no unit
                   "支出金额": ("28.8万元", "%")}  # nor one ending in a unit of its own


def test_a_row_that_lost_its_merged_first_cell_before_a_nature_word_is_placed_one_column_on() -> None:
    text = ("| 项目名称 | 某某经费 | | | | |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值类型 | 指标值 | 计量单位 |\n"
            "| 产出指标 | 数量指标 | 完成数量 | 定量 | 10 | 个 |\n"
            "| 质量指标 | 合格率 | 定量 | 100 | % | |\n"
            "| 成本指标 | 社会成本指标 | 定量 | 100 | % | |\n"
            "| 效益指标 | 社会效益指标 | 群众受益 | 定性 | 有效 | |\n")
    document, _ = read_text(text, "n.txt")
    assert document is not None
    assert [(i.level1, i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators] == [
        ("产出指标", "数量指标", "完成数量", "10个"), ("产出指标", "质量指标", "合格率", "100%"),
        ("产出指标", "成本指标", "社会成本指标", "100%"), ("效益指标", "社会效益指标", "群众受益", "有效")]


def test_a_scoring_rule_in_the_name_column_without_a_value_is_no_indicator_and_is_said() -> None:
    text = ("| 项目名称 | 某某经费 | | |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "| 产出指标 | 数量指标 | 完成数量 | 10个 |\n"
            "| 效益指标 | 经济效益指标 | 未达指标值酌情扣分 | |\n"
            "| 效益指标 | 社会效益指标 | 群众受益 | 有效 |\n")
    document, problems = read_text(text, "s.txt")
    assert document is not None
    assert [i.level3 for i in document.projects[0].indicators] == ["完成数量", "群众受益"]
    said = [p for p in problems if "评分标准" in p.message]
    assert len(said) == 1 and said[0].source.line == 4 and said[0].severity == Severity.WARNING


def test_a_header_over_two_rows_whose_merged_cells_the_copy_left_out_is_spread() -> None:
    # The Yunnan self-evaluation form: 绩效指标 over the levels, 年度指标值 over 性质 | 值 | 单位, and
    # 实际完成值 | 分值 | 得分 | 偏差 merged down; the copy gives the lower row without them.
    text = ("| 项目名称 | 某某补助经费 | | |\n"
            "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
            "|\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 |\n"
            "| 产出指标 | 数量指标 | 补助人数 | ≥ | 120 | 人 | 126 | 20 | 20 | |\n"
            "| 质量指标 | 验收合格率 | ＝ | 100 | % | 100 | 20 | 19 | |\n"
            "| 效益指标 | 社会效益指标 | 违法行为责停率 | ≥ | 95 | % | 95 | 30 | 27 | |\n"
            "| 满意度指标 | 服务对象满意度指标 | 满意度 | ≥ | 95 | % | 96 | 10 | 10 | |\n")
    document, problems = read_text(text, "y.txt")
    assert document is not None, problems
    assert not [p for p in problems if p.severity is Severity.ERROR], problems
    got = [(i.level1, i.level2, i.level3, i.target.raw, i.actual, str(i.weight), str(i.score))
           for i in document.projects[0].indicators]
    assert got == [("产出指标", "数量指标", "补助人数", "≥120人", "126", "20", "20"),
                   ("产出指标", "质量指标", "验收合格率", "＝100%", "100", "20", "19"),
                   ("效益指标", "社会效益指标", "违法行为责停率", "≥95%", "95", "30", "27"),
                   ("满意度指标", "服务对象满意度指标", "满意度", "≥95%", "96", "10", "10")]


def test_a_total_cell_left_empty_above_its_fiscal_part_is_their_sum_with_a_note() -> None:
    text = ("| 项目名称 | 某某专项 | | |\n"
            "| 资金总额 | | 其中:财政拨款 | 500 |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "| 产出指标 | 数量指标 | 改善饮水人数 | 9200人 |\n"
            "| 产出指标 | 质量指标 | 工程验收合格率 | 100% |\n"
            "| 效益指标 | 社会效益指标 | 饮水条件 | 改善 |\n")
    document, problems = read_text(text, "f.txt")
    assert document is not None, problems
    budget = document.projects[0].budget
    assert (str(budget.total), str(budget.fiscal), budget.other) == ("500", "500", None)
    assert any("预算数按财政拨款与其他资金相加为 500" in p.message and p.severity is Severity.INFO for p in problems)


def test_a_table_without_a_total_label_gets_no_sum() -> None:
    text = ("| 项目名称 | 某某专项 | | |\n"
            "| 其中:财政拨款 | 500 | | |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "| 产出指标 | 数量指标 | 改善饮水人数 | 9200人 |\n"
            "| 产出指标 | 质量指标 | 工程验收合格率 | 100% |\n")
    document, _ = read_text(text, "g.txt")
    assert document is not None and document.projects[0].budget.total is None


def test_a_last_row_that_stops_where_the_rows_before_it_stop_is_whole() -> None:
    # A target table with the self-evaluation columns left empty, its merged 一级/二级 cells left out of
    # the last row: that row ends where every row ends, so the text is not cut there.
    rows = ("| 项目名称 | 某某补助资金 | | | | |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 未达到指标值原因 |\n"
            "| 产出指标 | 数量指标 | 应受助学生数 | 100% | | |\n"
            "| 质量指标 | 资助资金发放准确率 | 100% | | |\n"
            "| 中职免学费应受助学生数 | 100% | | |\n")
    document, problems = read_text(rows, "w.txt")
    assert document is not None
    assert [i.level3 for i in document.projects[0].indicators] == ["应受助学生数", "资助资金发放准确率",
                                                                   "中职免学费应受助学生数"]
    assert not [p for p in problems if "表格在此中断" in p.message], problems
    # the same last row where the rows before it give their 实际完成值 is cut there
    filled = rows.replace("| 100% | | |\n| 质量", "| 100% | 100% | |\n| 质量").replace(
        "准确率 | 100% | | |", "准确率 | 100% | 100% | |")
    _document, problems = read_text(filled, "w.txt")
    assert [p for p in problems if "表格在此中断" in p.message]
