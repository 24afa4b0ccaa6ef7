"""The 项目支出绩效目标执行监控表 (monitoring) in xlsx, docx and html: what it shows, printed by the real
LibreOffice and Chromium (one page wide, landscape, nothing cut, the indicator header on every page), user text
never a formula or markup, and ``perfbudget monitor --to``."""

from __future__ import annotations

import io
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from perfbudget.app.evaluations import monitor
from perfbudget.cli import app as cli
from perfbudget.evaluate.monitor import Monitoring
from perfbudget.evaluate.sheet import read_sheet_bytes
from perfbudget.model import Document
from perfbudget.writers.monitoring_files import monitoring_docx, monitoring_html, monitoring_xlsx
from perfbudget.writers.monitoring_layout import project_grid
from tests.evaluate.helpers import csv_bytes
from tests.evaluate.test_monitor import HEADER, P1, _rows
from tests.writers.test_print_pdf import check_pdf, chromium_pdf, to_pdf, written

runner = CliRunner()


def _monitoring(document: Document, rows: list[str], month: int = 6) -> Monitoring:
    sheet_rows, problems = read_sheet_bytes(csv_bytes(*rows, header=HEADER), "监控.csv", "monitor")
    result, found = monitor(document, sheet_rows, problems, "监控.csv", month)
    assert result is not None, found
    return result


def test_the_table_shows_the_budget_every_indicator_and_the_lights(seed_document: Document) -> None:
    monitoring = _monitoring(seed_document, _rows())
    grid = project_grid(monitoring, monitoring.projects[0])
    texts = [cell.text for cell in grid.cells]
    year = seed_document.projects[0].fund_year
    assert year and texts[0] == "项目支出绩效目标执行监控表" and f"监控期间：{year}年1-6月" in texts
    assert "1-6月执行情况" in texts and "完成目标可能性" in texts and "偏差原因分析" in texts
    # 8.5 of 17 by month 6: 50 %, progress 100 %, green (rules.md §5); the row of 巡检次数: 5 of 15×6/12
    # money as an amount (「8.5」 until print21), the two amounts numbers in Excel
    assert [c.text for c in grid.cells if c.row == 4 and c.col < 6] == ["17.00", "8.50", "50.00%", "100.00%", "绿灯"]
    assert [(c.value, c.number_format, c.kind) for c in grid.cells if c.row == 4 and c.col in (1, 2)] == [
        (Decimal(17), "#,##0.00", "money"), (Decimal("8.5"), "#,##0.00", "money")]
    inspection = [c.text for c in grid.cells if c.row > 5 and c.col >= 2 and
                  any(x.row == c.row and x.text == "信息化设备（系统）巡检次数" for x in grid.cells)]
    assert inspection[:9] == ["信息化设备（系统）巡检次数", "≥15次", "5", "66.67%", "黄灯", "有可能", "12次",
                              "人员保障", "人员不足"]
    # 3小时 against ≤2小时 is red (reverse); 巡检次数 and 部分达成 yellow: the project's light is the worst
    assert monitoring.projects[0].colour == "red" and texts[-1] == "红灯（红灯 1 个，黄灯 2 个）"
    assert grid.explanations[0].startswith("预算执行：执行率 = 8.50万元 ÷ 17.00万元")


def test_a_saved_result_prints_the_year_it_is_kept_under(seed_document: Document) -> None:
    """The 监控表 printed 「监控期间：1-6月」 and no year (a result kept no year, print17's leftover): a result now
    carries its project's fund year, and one read back from the store the year it was saved under, older results
    (without a year in their payload) included."""
    from dataclasses import replace

    from perfbudget.app.evaluations import stored_monitoring

    monitoring = _monitoring(seed_document, _rows())
    payload = monitoring.to_dict()
    assert payload["projects"][0]["year"] == seed_document.projects[0].fund_year
    del payload["projects"][0]["year"]  # as saved before 2026-12-05
    read = stored_monitoring({"payload": payload, "year": 2031})
    assert read.projects[0].year == 2031
    texts = [cell.text for cell in project_grid(read, read.projects[0]).cells]
    assert "监控期间：2031年1-6月" in texts
    assert "项目支出绩效运行监控（2031年1-6月）" in monitoring_html(read)
    unknown = replace(monitoring, projects=tuple(replace(p, year=None) for p in monitoring.projects))
    assert "监控期间：1-6月" in [cell.text for cell in project_grid(unknown, unknown.projects[0]).cells]


def test_user_text_is_never_a_formula_or_markup(seed_document: Document) -> None:
    rows = _rows(视频会议保障数量=f"{P1},视频会议保障数量,6,,确定能,,,,=HYPERLINK(\"http://x\")<script>")
    monitoring = _monitoring(seed_document, rows)
    workbook = load_workbook(io.BytesIO(monitoring_xlsx(monitoring)))
    remarks = [c for row in workbook.worksheets[0].iter_rows() for c in row
               if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert remarks and all(c.data_type == "s" for c in remarks)
    assert [ws.title for ws in workbook.worksheets][-1] == "汇总"
    summary = [[c.value for c in row] for row in workbook["汇总"].iter_rows()]
    assert summary[0] == ["序号", "项目名称", "执行率", "预算执行预警", "项目预警", "红灯指标数", "黄灯指标数"]
    assert summary[1][0] == 1 and summary[1][4] == "红灯" and summary[1][5] == 1
    html = monitoring_html(monitoring)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_printed_one_page_wide_landscape_with_nothing_cut(tmp_path: Path, seed_document: Document) -> None:
    monitoring = _monitoring(seed_document, _rows())
    files = {"监控表-x.xlsx": monitoring_xlsx(monitoring), "监控表-d.docx": monitoring_docx(monitoring),
             "监控表-h.html": monitoring_html(monitoring).encode("utf-8")}
    paths = written(files, tmp_path)
    pdfs = to_pdf(paths, tmp_path)
    grid = project_grid(monitoring, monitoring.projects[0])
    expected = [cell.text for cell in grid.cells] + list(grid.explanations)
    pairs = [("一级指标", "备注"), ("项目资金", "计算")]
    for name, pdf in pdfs.items():
        if name.endswith(".html"):  # LibreOffice ignores the page's @page: what a browser prints is below
            check_pdf(pdf, [cell.text for cell in grid.cells], [], landscape=None)
        else:
            pages = check_pdf(pdf, expected, pairs, landscape=True)
            # the seed's Word 监控表, its notes too, on one page, also since its cells have room above their text
            # (download-cost)
            assert pages == 1 if name.endswith(".docx") else pages >= 1, (name, pages)
    import pdfplumber

    with pdfplumber.open(chromium_pdf(tmp_path / "监控表-h.html", tmp_path)) as printed:
        for page in printed.pages:  # A4 landscape, with its page number
            assert (round(float(page.width)), round(float(page.height))) == (842, 595)
            text = unicodedata.normalize("NFKC", "".join((page.extract_text() or "").split()))  # ⼀ (radical) → 一
            assert re.search(f"第{page.page_number}.[，,]共{len(printed.pages)}.", text), text[:80]
        first = unicodedata.normalize("NFKC", "".join((printed.pages[0].extract_text() or "").split()))
        assert "项目支出绩效目标执行监控表" in first and "三级指标" in first


def test_a_long_table_prints_its_indicator_header_on_every_page(tmp_path: Path) -> None:
    import pdfplumber

    from tests.writers.test_repeated_headers import long_target_document

    document = long_target_document()
    p = "测试项目-2024中央"
    rows = [f"{p},全年执行数,9,,,,,,", *(f"{p},第{n + 1}项工作完成数量（按季度统计并报送）,{4 + n % 4}次,,确定能,,,,"
                                     for n in range(45)), f"{p},效果,,达成,确定能,,,,", f"{p},满意度,95%,,确定能,,,,"]
    monitoring = _monitoring(document, rows)
    files = {"long-mon-x.xlsx": monitoring_xlsx(monitoring), "long-mon-d.docx": monitoring_docx(monitoring)}
    paths = written(files, tmp_path)
    grid = project_grid(monitoring, monitoring.projects[0])
    for name, pdf_path in to_pdf(paths, tmp_path).items():
        assert check_pdf(pdf_path, [c.text for c in grid.cells], [], landscape=True) >= 2, name
        with pdfplumber.open(pdf_path) as pdf:
            second = "".join((pdf.pages[1].extract_text() or "").split())
        assert "一级指标" in second and "三级指标" in second, (name, second[:80])


def test_monitor_to_writes_the_table(tmp_path: Path, seed_path: Path, seed_document: Document) -> None:
    sheet = tmp_path / "监控.csv"
    sheet.write_bytes(csv_bytes(*_rows(), header=HEADER))
    for fmt in ("xlsx", "docx", "html"):
        out = tmp_path / f"监控表.{fmt}"
        result = runner.invoke(cli, ["monitor", str(seed_path), "-a", str(sheet), "-m", "6", "--to", fmt,
                                     "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert "已写出绩效目标执行监控表" in result.stderr and out.stat().st_size > 1000
    assert "项目支出绩效目标执行监控表" in (tmp_path / "监控表.html").read_text("utf-8")
    for args, message in ((["--to", "pdf", "-o", str(tmp_path / "x.pdf")], "--to 应为 xlsx、docx 或 html"),
                          (["--to", "xlsx"], "--to 须同时用 -o 指定输出文件")):
        result = runner.invoke(cli, ["monitor", str(seed_path), "-a", str(sheet), "-m", "6", *args])
        assert result.exit_code == 2 and message in result.stderr, result.output  # usage errors (replay-ab)
    assert not (tmp_path / "x.pdf").exists()


def test_a_200_character_target_and_long_deviations_print_within_the_page(tmp_path: Path,
                                                                         seed_document: Document) -> None:
    """print16: the 监控表's columns had fixed widths. A qualitative 年度指标值 of 200 characters (real forms have
    them) in its column of 10 units was a row taller than an A4 landscape page: LibreOffice printed it past the
    page's foot, cut (Excel), or over the 填报人 footer (Word), while 预警 and 进度 kept wide columns for two
    words. The columns now share the table's width by their content: every character printed, nothing over the
    footer or off the page, the header on every page."""
    from dataclasses import replace

    import pdfplumber

    from perfbudget.target import parse_target

    long_target = ("全面保障全院司法办案、政务办公与对外服务信息系统安全稳定运行，按期完成各类设备巡检、"
                   "故障处置与数据备份工作，确保网络、视频会议和业务应用系统全年正常可用，") * 3
    long_target = long_target[:200]
    deviation = ("受设备采购周期延长及运维人员调整等客观因素影响，部分巡检与系统升级工作较计划有所滞后，"
                 "下一步将加强项目全过程管理，按月调度推进，确保全年目标按期完成")
    project = seed_document.projects[0]
    indicators = tuple(replace(i, target=parse_target(long_target)) if i.level3 == "保障司法工作正常开展" else i
                       for i in project.indicators)
    document = replace(seed_document, projects=(replace(project, indicators=indicators),))
    rows = _rows(**{name: f"{P1},{name},{value},,确定能,,,{deviation}," for name, value in (
        ("视频会议保障数量", "6"), ("网络连通率", "99%"), ("服务干警满意度", "96%"))})
    monitoring = _monitoring(document, rows)
    grid = project_grid(monitoring, monitoring.projects[0])
    assert long_target in [cell.text for cell in grid.cells]
    files = {"wide-mon-x.xlsx": monitoring_xlsx(monitoring), "wide-mon-d.docx": monitoring_docx(monitoring)}
    expected = [cell.text for cell in grid.cells]
    for name, pdf_path in to_pdf(written(files, tmp_path), tmp_path).items():
        check_pdf(pdf_path, expected, [("一级指标", "备注")], landscape=True)
        with pdfplumber.open(pdf_path) as pdf:
            table_ended = False  # the explanations (预警计算说明) follow the table; the workbook's 汇总 sheet last
            for page in pdf.pages:
                text = "".join((page.extract_text() or "").split())
                assert "填报人" in text, (name, page.page_number)
                table_ended = table_ended or "预警计算说明" in text  # (kept together, they may begin a page: print30)
                # (page 1 may hold the head alone: a page never ends with the indicator header, print30)
                assert table_ended or "三级指标" in text or page.page_number == 1, (name, page.page_number)
                footer = min(w["top"] for w in page.extract_words() if w["text"].startswith("填报人"))
                body = [c for c in page.chars if c["bottom"] > footer - 1 and c["top"] < footer + 8
                        and not c["text"].isspace()]
                line = "".join(c["text"] for c in sorted(body, key=lambda c: c["x0"]))
                assert line.startswith("填报人") and set(line) <= set("填报人：审核人日期年月第页，共0123456789 "), (
                    name, page.page_number, line[:60])


def test_the_columns_share_the_width_by_what_they_hold() -> None:
    """print_layout.shared_widths: the table as wide as before; a column of short values gives up room to the
    columns of long texts; headers keep two lines, numbers one; a 200-character text gets room for at most 24 lines."""
    from perfbudget.writers.monitoring_layout import WIDTHS, indicator_headers
    from perfbudget.writers.print_layout import LEAST_UNITS, lines_needed, shared_widths

    long_text = "全面完成年度地方志编纂任务，确保志书按期出版，" * 9  # 207 characters
    cells = [(5, col, 1, header, 2) for col, header in enumerate(indicator_headers(6))]
    cells += [(6 + n, col, 1, text, False) for n in range(20) for col, text in (
        (2, f"第{n + 1}项工作完成数量"), (3, long_text if n == 3 else "≥95%"), (6, "绿灯"),
        (10, "受设备采购周期延长影响，部分工作较计划滞后，下一步将加强调度" if n % 2 else ""))]
    cells += [(6 + n, 5, 1, "180.00%", 1) for n in range(20)]  # a number: never broken over two lines
    widths = shared_widths(WIDTHS, cells)
    assert abs(sum(widths) - sum(WIDTHS)) < 0.5
    assert lines_needed(long_text, widths[3]) <= 24 < lines_needed(long_text, WIDTHS[3])
    assert widths[10] > WIDTHS[10] and widths[6] <= WIDTHS[6]
    assert lines_needed("180.00%", widths[5]) == 1
    assert min(widths) >= LEAST_UNITS - 1.5 and widths[7] >= len("完成目标可能性")  # (two lines of 4 characters)
