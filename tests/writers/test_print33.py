"""Print33: the downloads printed again (docs/publishing.md, *Printed again (print33)*).

An earlier period's level set side by side with the year's (Dongguan's 批复表, corpus r10: 一级 | 二级 | 三级 |
指标值 of the 中期 set, then 二级 | 三级 | 指标值 of the year) is kept by the reader as the indicator's extras;
the writers drew them after the indicator's own columns, and the reader, taking the last of repeated columns as
the year's, read the export back with the 中期 二级 and targets.

The Word 监控表 of r197 (read from a Word PDF) with a long 偏差原因分析 on every other row printed two indicators a
page, each page ending 150 pt above its foot: its rows were counted at 13.5 pt a line and its pages cut at 92 %."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from tests.writers.test_kinds32_task_grid_export import _round_trip
from tests.writers.test_print32 import _corpus
from tests.writers.test_print_pdf import to_pdf
from tests.writers.test_reading34_export_round_trip import PROJECT

TWO_SETS = PROJECT[:PROJECT.index("年度绩效指标")] + (  # (reading34's project head)
    "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值\n"
    "\t产出指标\t时效指标（工期指标）\t完工及时性\t及时\t时效指标（工期、形象进度指标）\t完工及时性\t按期\n"
    "\t满意度指标\t服务对象满意度指标\t群众满意度\t≥85%\t服务对象满意度指标\t群众满意度\t≥90%\n"
)


def test_an_earlier_periods_level_set_is_drawn_before_the_years_and_reads_back(tmp_path: Path) -> None:
    for form in ("xlsx", "docx", "html"):
        read, back = _round_trip(tmp_path, TWO_SETS, form)
        assert [(i.level2, i.target.raw) for i in read.indicators] == [
            ("时效指标（工期、形象进度指标）", "按期"), ("服务对象满意度指标", "≥90%")]
        assert read.indicators[0].extras == (
            ("二级指标", "时效指标（工期指标）"), ("三级指标", "完工及时性"), ("指标值", "及时"))
        assert back.indicators == read.indicators, form  # was the 中期 set's: 时效指标（工期指标）, 及时, ≥85%


def test_r10_reads_back_with_the_years_level_set(tmp_path: Path) -> None:
    """The corpus's Word form itself (the source of FAILURES.md BY's note), exported and read back."""
    from perfbudget.load import load_path

    read = load_path(_corpus("r10")).document
    assert read is not None
    for form in ("xlsx", "docx", "html"):
        out = tmp_path / f"导出.{form}"
        assert CliRunner().invoke(app, ["export", str(_corpus("r10")), "--to", form, "-o", str(out)]).exit_code == 0
        back = load_path(out).document
        assert back is not None and back.projects[0].indicators == read.projects[0].indicators, form
        assert back.projects[0].indicators[2].level2 == "时效指标(工期指标、形象进度指标)"  # was 时效指标(工期指标)


REASON = ("受上半年学生人数变动及部分学校校舍维修工程延期影响，公用经费拨付进度滞后于序时进度；"
          "下半年将督促各校按计划完成采购与维修项目，加快资金支付，确保全年目标按期完成。")
# r197's 监控填报表 of month 6 (`template --kind monitor`), filled: a 偏差原因分析 on every other row
FILLED = "项目名称,三级指标,实际完成值,完成等级,完成目标可能性,全年预计完成情况,偏差原因,偏差原因分析,备注\n" + "".join(
    f"小学教育公用经费,{name},{actual},{grade},{likely},{forecast},{'其他' if forecast else ''},"
    f"{REASON if forecast else ''},\n" for name, actual, grade, likely, forecast in (
        ("全年执行数", "200", "", "", ""), ("小学就读人数", "3481", "", "有可能", "6962"),
        ("教学条件改善、办学水平提高", "50", "", "确定能", ""), ("教育均衡化发展", "", "部分达成", "有可能", "100"),
        ("义务教育小学生均公用经费", "390", "", "确定能", ""), ("经费有效使用情况", "50", "", "有可能", "100"),
        ("教学质量提高、办学条件改善", "50", "", "确定能", ""), ("安全情况", "", "部分达成", "有可能", "100"),
        ("学生受益情况", "50", "", "确定能", "")))


@pytest.fixture(scope="module")
def monitored(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """r197's Word 监控表 printed by LibreOffice."""
    import pdfplumber

    work = tmp_path_factory.mktemp("print33")
    filled = work / "监控填报表.csv"
    filled.write_text(FILLED, encoding="utf-8-sig")
    out = work / "监控表.docx"
    result = CliRunner().invoke(app, ["monitor", str(_corpus("r197")), "-a", str(filled), "-m", "6", "--to", "docx",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    with pdfplumber.open(to_pdf([out], work)["监控表.docx"]) as pdf:
        yield [(page.extract_text() or "", max((e["top"] for e in page.edges if e["orientation"] == "h"), default=0.0),
                page.height) for page in pdf.pages]


def test_the_word_monitoring_tables_pages_hold_the_rows_that_fit(monitored: Any) -> None:
    texts = ["".join(text.split()) for text, _bottom, _height in monitored]
    assert "时效值" in texts[0]  # the third indicator (教育均衡化发展, nine lines) went to page 2 with room to spare
    assert sum("一级指标" in text for text in texts) == 2  # two pages of indicators (then the 预警计算说明), was three
    _text, bottom, height = monitored[0]
    assert bottom > 0.7 * height  # page 1's table ends 70 % down the page or more (it ended at 55 %)
