"""Amounts printed as a finance officer reads them (print21): the 自评表 and the 监控表 of a table in 元 — written
by ``perfbudget evaluate/monitor … --to`` from the unit's own table, printed by a real LibreOffice (one run for the
four files) — print 「12,345,678.90」: exact, two decimals, thousands separated, right-aligned under their header.
Until print21 the 自评表's Word and HTML forms and the 监控表 printed 「12345678.9」 (the workbook's 自评表 printed
「12345678.90」 without separators), and the 监控表's workbook, its amount now a number, printed 「###」 in a column
of base width. The 自评表 says its own 自评得分 92.5分 and 评价等级 良 (perfbudget scores it 99.00, 优): the signed form
prints both (print22)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pdfplumber
import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from tests.writers.test_print_pdf import to_pdf

AMOUNT = "12,345,678.90"
MONITOR = """2023年项目支出绩效运行监控表
项目名称 | 农村饮水工程维修养护
项目资金（元） | | 年初预算数 | 1-6月执行数 | 1-6月执行率 | 全年预计执行数
 | 年度资金总额 | 12345678.90 | 6172839.45 | 50% | 12345678.90
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 1-6月执行情况 | 全年预计完成情况 | 完成目标可能性 | 偏差原因分析
产出指标 | 数量指标 | 维修工程数 | ≥10处 | 4处 | 10处 | 确定能
效益指标 | 社会效益指标 | 受益人口 | ≥5000人 | 2000人 | 4000人 | 有可能 | 其他：资金未到位
满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 92% | 92% | 确定能
"""
SELF = """项目支出绩效自评表
（2023年度）
项目名称 | 农村饮水工程维修养护 | | | 自评得分 | 99分 | 评价等级 | 优
项目资金（元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
 | 年度资金总额 | 12345678.90 | 12345678.9 | 11111111.01 | 10 | 90% | 9
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
产出指标 | 数量指标 | 维修工程数 | ≥10处 | 12处 | 50 | 50 | 无
效益指标 | 社会效益指标 | 受益人口 | ≥5000人 | 5200人 | 30 | 30 | 无
满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | 10 | 10 | 无
"""

# the same table saying a total and grade of its own that differ from perfbudget's 99.00 and 优
OWN = SELF.replace("自评得分 | 99分 | 评价等级 | 优", "自评得分 | 92.5分 | 评价等级 | 良")


def _write(tmp_path: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for kind, text in (("monitor", MONITOR), ("evaluate", OWN)):
        table = tmp_path / f"{kind}.txt"
        table.write_text(text, encoding="utf-8")
        for form in ("xlsx", "docx", "html"):
            out = tmp_path / f"{kind}-{form}.{form}"
            result = CliRunner().invoke(app, [kind, str(table), "-a", str(table), "--to", form, "-o", str(out)])
            assert result.exit_code == 0 and out.exists(), result.output
            files[out.name] = out
    return files


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], dict[str, Path]]:
    """The six files and the PDFs of the four Word and Excel ones (one LibreOffice run for the module)."""
    tmp_path = tmp_path_factory.mktemp("printed-money")
    files = _write(tmp_path)
    return files, to_pdf([path for name, path in files.items() if not name.endswith(".html")], tmp_path)


def _amount_under_header(page: pdfplumber.page.Page, header: str) -> tuple[float, float, float]:
    """(header's left, header's right, the amount's right edge) of the first amount under ``header``."""
    words = page.extract_words()
    head = next(w for w in words if w["text"].replace(" ", "") == header)
    amount = next(w for w in words if w["text"] == AMOUNT and w["top"] > head["top"] and w["x1"] > head["x0"]
                  and w["x0"] < head["x1"])
    return head["x0"], head["x1"], amount["x1"]


def test_amounts_print_with_thousands_and_two_decimals_right_aligned(
        printed: tuple[dict[str, Path], dict[str, Path]]) -> None:
    files, pdfs = printed
    for name, pdf_path in pdfs.items():
        with pdfplumber.open(pdf_path) as pdf:
            page = pdf.pages[0]
            text = page.extract_text() or ""
            assert "###" not in text, name
            # the funds grid's amounts: exact, separated, never 「12345678.9」 nor 「12345678.90」 in a cell
            cells = [w["text"] for w in page.extract_words()]
            assert AMOUNT in cells, (name, cells[:60])
            assert not {"12345678.9", "12345678.90", "6172839.45", "11111111.01"} & set(cells), name
            # right-aligned: the amount ends right of its (centred) header's end, as a column of figures does
            left, right, end = _amount_under_header(page, "全年预算数")
            assert end > right + 4, (name, left, right, end)
    for name in ("monitor-html.html", "evaluate-html.html"):
        page_text = files[name].read_text(encoding="utf-8")
        assert f'<td class="money">{AMOUNT}</td>' in page_text, name
        assert ">12345678.9<" not in page_text, name


def test_the_signed_self_evaluation_prints_the_tables_own_score_and_grade_beside_ours(
        printed: tuple[dict[str, Path], dict[str, Path]]) -> None:
    """The unit's 自评表 says 自评得分 92.5分, 评价等级 良; perfbudget scores it 99.00, 优. The printed form says both,
    each in its column under the 得分 and the 等级, and why they differ (print22: until then only ours was printed,
    on the form the unit signs, as if it were the unit's)."""
    files, pdfs = printed
    for name in ("evaluate-xlsx.xlsx", "evaluate-docx.docx"):
        with pdfplumber.open(pdfs[name]) as pdf:
            page = pdf.pages[0]
            lines = [line.replace(" ", "") for line in (page.extract_text() or "").splitlines()]
            words = page.extract_words()
        assert any(line.startswith("总分") and "99.00" in line and "自评等级：优" in line
                   for line in lines), (name, lines)
        own = next((line for line in lines if line.startswith("表中自评得分")), "")
        assert "92.50" in own and own.endswith("表中评价等级：良"), (name, lines)
        ours = next(w for w in words if w["text"] == "99.00")
        theirs = next(w for w in words if w["text"] == "92.50")
        assert abs(ours["x1"] - theirs["x1"]) < 2 and 0 < theirs["top"] - ours["top"] < 30, (name, ours, theirs)
        assert any("表中自评得分92.5分" in line and "99.00" in line for line in lines), (name, lines)  # 计分说明
    page_text = files["evaluate-html.html"].read_text(encoding="utf-8")
    assert ('<td class="total" colspan="5">表中自评得分</td><td class="total"></td><td class="total">92.50</td>'
            '<td class="total">表中评价等级：良</td>') in page_text


def test_the_printed_summary_names_its_form_and_unit_and_gives_the_tables_own_scores(
        printed: tuple[dict[str, Path], dict[str, Path]]) -> None:
    """print24: the workbooks' 汇总 sheet printed a bare table (no title, unit or year) and only perfbudget's 总分 and
    等级 beside the unit's signed forms; a project's later pages named neither the unit nor the project. Now every
    page of a project's sheet says whose it is at its top, the 汇总 its form, year and unit, and the 自评汇总 gives
    the table's own 自评得分 and 评价等级 beside ours (the page's summary too)."""
    files, pdfs = printed
    for name, summary in (("evaluate-xlsx.xlsx", "项目支出绩效自评汇总表（2023年度）"),
                          ("monitor-xlsx.xlsx", "项目支出绩效目标执行监控汇总表（2023年1-6月）")):
        with pdfplumber.open(pdfs[name]) as pdf:
            pages = [(page.extract_text() or "").replace(" ", "").splitlines() for page in pdf.pages]
        for lines in pages[:-1]:  # each project page, headed by its project
            assert lines[0] == "项目名称：农村饮水工程维修养护", (name, lines[:2])
        last = pages[-1]
        assert last[0] == summary, (name, last[:3])
        if name.startswith("evaluate"):
            header = next(line for line in last if line.startswith("序号"))
            assert header.endswith("总分自评等级表中自评得分表中评价等级"), header
            assert any(line.endswith("9.0099.00优92.50良") for line in last), last
    page_text = files["evaluate-html.html"].read_text(encoding="utf-8")
    assert "<th>表中自评得分</th><th>表中评价等级</th>" in page_text
    assert "<td>99.00</td><td>优</td><td>92.50</td><td>良</td>" in page_text
    from perfbudget.load import load_path

    for name in ("evaluate-xlsx.xlsx", "evaluate-html.html"):  # the summary of seven columns is still no project
        result = load_path(files[name])
        assert result.document is not None and len(result.document.projects) == 1, name
        assert "这是各项目总分、自评等级的汇总表，不是项目表，未作为项目读取" in [p.message for p in result.problems]


def test_the_word_scoring_explanations_print_set_solid(printed: tuple[dict[str, Path], dict[str, Path]]) -> None:
    """The 计分说明 lines of the Word 自评表 follow each other at about their 9 pt type's line (python-docx's template
    put 10 pt after each and 1.15 lines: a 自评表 of nine indicators printed six of its ten lines alone on page 2)."""
    _, pdfs = printed
    with pdfplumber.open(pdfs["evaluate-docx.docx"]) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["size"])
    heading = next(w for w in words if w["text"] == "计分说明")
    tops = sorted({round(w["top"], 1) for w in words if w["top"] > heading["top"] + 1 and w["size"] < 9.5})
    assert len(tops) >= 4, tops
    pitches = [b - a for a, b in pairwise(tops)]
    assert max(pitches) < 14, pitches
