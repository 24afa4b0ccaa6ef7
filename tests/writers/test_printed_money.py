"""Amounts printed as a finance officer reads them (print21): the 自评表 and the 监控表 of a table in 元 — written
by ``perfbudget evaluate/monitor … --to`` from the unit's own table, printed by a real LibreOffice (one run for the
four files) — print 「12,345,678.90」: exact, two decimals, thousands separated, right-aligned under their header.
Until print21 the 自评表's Word and HTML forms and the 监控表 printed 「12345678.9」 (the workbook's 自评表 printed
「12345678.90」 without separators), and the 监控表's workbook, its amount now a number, printed 「###」 in a column
of base width."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
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


def _write(tmp_path: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for kind, text in (("monitor", MONITOR), ("evaluate", SELF)):
        table = tmp_path / f"{kind}.txt"
        table.write_text(text, encoding="utf-8")
        for form in ("xlsx", "docx", "html"):
            out = tmp_path / f"{kind}-{form}.{form}"
            result = CliRunner().invoke(app, [kind, str(table), "-a", str(table), "--to", form, "-o", str(out)])
            assert result.exit_code == 0 and out.exists(), result.output
            files[out.name] = out
    return files


def _amount_under_header(page: pdfplumber.page.Page, header: str) -> tuple[float, float, float]:
    """(header's left, header's right, the amount's right edge) of the first amount under ``header``."""
    words = page.extract_words()
    head = next(w for w in words if w["text"].replace(" ", "") == header)
    amount = next(w for w in words if w["text"] == AMOUNT and w["top"] > head["top"] and w["x1"] > head["x0"]
                  and w["x0"] < head["x1"])
    return head["x0"], head["x1"], amount["x1"]


def test_amounts_print_with_thousands_and_two_decimals_right_aligned(tmp_path: Path) -> None:
    files = _write(tmp_path)
    pdfs = to_pdf([path for name, path in files.items() if not name.endswith(".html")], tmp_path)
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
