"""Layouts first met in the corpus17 tables (106–109: Inner Mongolia, Hunan, Anhui), each stated on a tiny inline
text: the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.label_lines import money_pair_cells
from perfbudget.readers.text import read_text
from tests.readers.test_corpus16_layouts import _errors

_INDICATORS = ("一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
               "产出指标 | 数量指标 | 培训人数 | ≥100人 |\n"
               "满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% |\n")


# ---- a money label and its amount in one cell (the page lost the boundary between them) ---------------------------

def test_a_budget_label_and_its_amount_in_one_cell_give_the_budget() -> None:
    text = ("绩效目标申报表 |\n项目名称 | 某某培训 |\n资金情况 (万元) |\n"
            "年度资金总额:50万 | 中央补助资金(某某任务)50 |\n" + _INDICATORS)
    document, problems = read_text(text, "w.txt")
    assert document is not None and len(document.projects) == 1
    assert document.projects[0].budget.total == Decimal("50") and document.money_unit == "万元"
    assert not any("年度资金总额" in message for message in _errors(problems))


def test_only_a_budget_label_with_nothing_but_an_amount_is_split() -> None:
    assert money_pair_cells("年度资金总额:50万") == ("年度资金总额", "50万")
    assert money_pair_cells("资金总额： 1,125.5 ") == ("资金总额", "1,125.5")
    assert money_pair_cells("年度资金总额:50万(其中上年结转10)") is None  # more than an amount
    assert money_pair_cells("联系电话:15947711885万") is None  # no budget label
    assert money_pair_cells("年度资金总额:约五十万") is None


# ---- no money unit in the table: the cost indicator that states the budget with its unit ---------------------------

_NO_UNIT = ("项目支出绩效目标表 |\n项目名称 | 某某补助经费 |\n项目资金 | 年度资金总额: | 5.00 |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "产出指标 | 数量指标 | 开展活动 | ≥70次 |\n")


def test_a_cost_target_equal_to_the_budget_gives_the_missing_money_unit_as_a_check() -> None:
    document, problems = read_text(_NO_UNIT + "产出指标 | 成本指标 | 项目金额 | 5万元 |\n", "u.txt")
    assert document is not None and document.money_unit == "万元"
    project = document.projects[0]
    assert project.budget.total == Decimal("5.00")
    assert any("成本指标" in note and "5万元" in note for note in project.needs_check)
    assert any(p.severity is Severity.WARNING and "没有写金额单位" in p.message for p in problems)


def test_a_cost_target_that_is_not_the_budget_says_nothing_of_its_unit() -> None:
    for cost in ("4万元", "≥5万元", "5%", "1万元-5万元"):
        document, _ = read_text(_NO_UNIT + f"产出指标 | 成本指标 | 项目金额 | {cost} |\n", "u.txt")
        assert document is not None and document.money_unit is None, cost
    # two cost rows that disagree on the unit: none taken
    document, _ = read_text(_NO_UNIT + "产出指标 | 成本指标 | 项目金额 | 5万元 |\n"
                                       "产出指标 | 成本指标 | 人均成本 | 5元 |\n", "u.txt")
    assert document is not None and document.money_unit is None


# ---- a Word table printed to PDF, its two heading rows (绩效指标 spanning, the columns) repeated on each page -

def test_a_repeated_spanning_heading_row_is_no_end_of_the_previous_pages_last_cell() -> None:
    from perfbudget.model import Source
    from perfbudget.readers.grid import Cell
    from perfbudget.readers.pdf import _after_repeated_spans

    def row(*texts: str) -> list[Cell]:
        return [Cell(text, Source("f.pdf")) for text in texts]

    earlier = [row("绩效指标", "", ""), row("一级指标", "三级指标", "指标值"), row("产出指标", "人数", "10人")]
    page = [row("绩效指标", "", ""), row("一级指标", "三级指标", "指标值"), row("", "天数", "5天")]
    assert _after_repeated_spans(page, earlier) == page[1:]
    # a lone cell that is not followed by the repeated heading is the rest of the last cell: kept
    assert _after_repeated_spans([row("", "数", ""), row("", "天数", "5天")], earlier) == \
        [row("", "数", ""), row("", "天数", "5天")]
    assert _after_repeated_spans([row("绩效指标", "", ""), row("", "天数", "5天")], earlier)[0][0].text == "绩效指标"


def test_pdf_of_a_word_table_over_two_pages_with_two_heading_rows_repeated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    import docx
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    from perfbudget.load import load_bytes
    from tests.conftest import soffice_path

    doc = docx.Document()
    top = doc.add_table(rows=2, cols=3)
    top.style = "Table Grid"
    for r, (label, value) in enumerate((("项目名称", "某某培训"), ("年度资金总额(万元)", "12"))):
        top.cell(r, 0).text, top.cell(r, 1).text = label, value
    doc.add_paragraph()
    rows = [("绩效指标", "", ""), ("一级指标", "三级指标", "指标值")] + [("产出指标", f"第{n}期培训人数", f"{n}0人")
                                                                      for n in range(1, 9)]
    table = doc.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(0, 2)).text = "绩效指标"
    for r in (0, 1):
        table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for r in range(2, len(rows)):
        table.rows[r].height = Cm(3.2)  # eight rows do not fit one page
    source = tmp_path / "form.docx"
    doc.save(str(source))
    subprocess.run([soffice_path(), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    result = load_bytes((tmp_path / "form.pdf").read_bytes(), "form.pdf")
    document = result.document
    assert document is not None and len(document.projects) == 1
    indicators = document.projects[0].indicators
    assert [i.level3 for i in indicators] == [f"第{n}期培训人数" for n in range(1, 9)]
    assert {i.source.page for i in indicators if i.source} == {1, 2}
    assert not any("绩效指标" in i.level3 or "绩效指标" in i.target.raw for i in indicators)


# ---- 中期 and 年度 sets side by side, a row that lost the merged 二级 cells of both sets ---------------------

def test_a_side_by_side_row_without_its_merged_level_cells_is_split_into_its_two_sets() -> None:
    text = ("项目名称 | 某某监测 |\n项目资金 (万元) |\n中期资金总额: | 60 | 年度资金总额: | 20 |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 | |\n"
            "产出指标 | 数量指标 | 监测点位 | ≥30个 | 数量指标 | 监测点位 | ≥10个 | |\n"
            "抽检批次 | ≥300批 | 抽检批次 | ≥100批 | ||||\n"
            "质量指标 | 合格率 | ≥98% | 质量指标 | 合格率 | ≥97% | |||\n")
    document, problems = read_text(text, "s.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert project.budget.total == Decimal("20")
    assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        ("产出指标", "数量指标", "监测点位", "≥10个"),
        ("产出指标", "数量指标", "抽检批次", "≥100批"),
        ("产出指标", "质量指标", "合格率", "≥97%")]


def test_only_a_row_whose_halves_are_alike_is_split_into_two_sets() -> None:
    from perfbudget.model import Source
    from perfbudget.readers.grid import Cell
    from perfbudget.readers.row_alignment import side_set_row

    roles = ["level1", "level2", "level3", "target", "level2", "level3", "target"]

    def cells(*texts: str) -> list[Cell]:
        return [Cell(text, Source("s.txt")) for text in texts]

    placed = side_set_row(cells("抽检批次", "≥300批", "抽检批次", "≥100批"), roles)
    assert placed is not None
    assert [c.text for c in placed[0]] == ["", "", "抽检批次", "≥300批", "", "抽检批次", "≥100批"]
    assert placed[1] == 2
    assert side_set_row(cells("抽检批次", "≥300批", "≥100批"), roles) is None  # odd: not two alike halves
    assert side_set_row(cells("质量指标", "合格率", "≥98%", "合格率"), roles) is None  # a level name in one half
    assert side_set_row(cells("抽检批次", "≥300批", "抽检批次", "≥100批"), roles[:4]) is None
