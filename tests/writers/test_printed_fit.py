"""print29: what the finance officer refused when the downloads were printed, each checked on the printed PDF.

* the 绩效目标表 page of the sample 14 (16 indicators) printed its last two 满意度 rows alone on page 2: a table a
  little taller than its page now prints on it at a smaller scale (``target_table_html.print_scale``);
* the Word 绩效目标表's cells had no room above and below their text, which LibreOffice set against the rules: they
  have 1 pt each side now, and a table computed to fit its page is not cut (the sample 13: one page, as before);
* a 自评表 workbook whose 计分说明 did not fit under its table's last rows printed them on a page of their own, under
  the repeated indicator header: the page that ends the table holds its notes now;
* the workbooks' page headers and footers named no font (the default, Calibri, which a Chinese WPS on Kylin or UOS
  lacks): they name 宋体, as the cells do;
* the 监控表 page's heading broke its period, 「…（2024年1- / 6月）」: it breaks where its words part.

The files are printed once (one LibreOffice run, one Chromium run) and shared by the tests.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections import Counter
from typing import Any

import pytest

from perfbudget.model import Document
from perfbudget.writers.evaluation_layout import project_grid as evaluation_grid
from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
from perfbudget.writers.monitoring_files import monitoring_html
from perfbudget.writers.target_table_export import render
from tests.conftest import SAMPLES
from tests.evaluate.helpers import csv_bytes, run
from tests.evaluate.test_monitor import _rows
from tests.writers.test_monitoring_files import _monitoring
from tests.writers.test_print_pdf import _read, _squash, chromium_pdf, to_pdf

S13 = SAMPLES / "13_hunan-yueyangxian-nongye-2022-target-gaobiaozhunnongtian.txt"
S14 = SAMPLES / "14_hunan-nanyue-fupin-2018-target-lvyoujichusheshi.txt"
COUNTED = 17  # 数量 indicators of the 自评表 whose 计分说明 do not fit under its last page's rows


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", _squash(text)).translate(str.maketrans("⻔⻅⻚⺠⻓⻝戶", "门见页民长食户"))


def counted_evaluation() -> Any:
    """A 自评表 of 19 indicators (17 数量 rows) and 23 计分说明 lines: its table ends on page 2 of its workbook and its
    notes, under the table's last rows, would run past the page's foot."""
    from perfbudget.readers.text import read_text
    from tests.conftest import HEADER_ROWS, table_text

    rows = [["产出指标" if n == 0 else "", "数量指标" if n == 0 else "", f"第{n + 1}项工作完成数量",
             f"第{n + 1}项工作完成数量", "大于等于10次"] for n in range(COUNTED)]
    rows += [["效益指标", "社会效益指标", "效果", "效果", "有效保障"],
             ["满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%"]]
    document, problems = read_text(table_text(*HEADER_ROWS, *rows), "counted.txt")
    assert document is not None, problems
    p = "测试项目-2024中央"
    sheet = [f"{p},全年执行数,9,,,", *(f"{p},第{n + 1}项工作完成数量,{8 + n % 4}次,,," for n in range(COUNTED)),
             f"{p},效果,,达成,,", f"{p},满意度,95%,,,"]
    evaluation, found = run(document, csv_bytes(*sheet))
    assert evaluation is not None, found
    return evaluation


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, seed_document: Document) -> dict[str, Any]:
    """The files written and their PDFs: LibreOffice's of the Word and Excel files, Chromium's of the page."""
    work = tmp_path_factory.mktemp("print29")
    s13, s14 = _read(S13), _read(S14)
    evaluation = counted_evaluation()
    files = {"s13.docx": render(s13, "docx"), "s14.html": render(s14, "html"),
             "notes.xlsx": evaluation_xlsx(evaluation), "seed.xlsx": render(seed_document, "xlsx")}
    files["monitoring.html"] = monitoring_html(_monitoring(seed_document, _rows())).encode("utf-8")
    for name, data in files.items():
        (work / name).write_bytes(data)
    pdfs = to_pdf([work / name for name in files if not name.endswith(".html")], work)
    for page in ("s14.html", "monitoring.html"):
        pdfs[page] = chromium_pdf(work / page, work)
    return {"files": files, "pdfs": pdfs, "s14": s14, "evaluation": evaluation}


def test_a_table_a_little_taller_than_its_page_prints_on_it_at_a_smaller_scale(printed: dict[str, Any]) -> None:
    """The sample 14's page (16 indicators, computed at 761 pt for 731 of room) was cut before its last two 满意度
    rows, which printed alone on page 2 under the repeated header, page 1 ending 55 pt above its foot. It prints on
    one page now, at 96 % (``zoom`` in print only), every indicator on it, with its page number and running head."""
    import pdfplumber

    page = printed["files"]["s14.html"].decode("utf-8")
    assert "@media print{.p0{zoom:0.96}}" in page and 'break-before:page' not in page
    with pdfplumber.open(printed["pdfs"]["s14.html"]) as pdf:
        assert len(pdf.pages) == 1
        text = _normal(pdf.pages[0].extract_text() or "")
    assert "第1页,共1页" in text.replace("，", ",") and "2018年市级专项扶贫资金基础设施" in text
    wanted = Counter(_normal("".join(indicator.level3 for indicator in printed["s14"].projects[0].indicators)))
    assert not wanted - Counter(text)  # every character of every indicator (a cell's lines print between others')


def _room_above(page: Any) -> list[float]:
    """For each line of text inside the page's table, the points between its characters' top and the rule above."""
    rules = sorted({round(float(edge["top"]), 1) for edge in page.edges if edge["orientation"] == "h"})
    gaps = []
    for word in page.extract_words():
        above = [rule for rule in rules if rule <= float(word["top"]) + 2]
        if above and len(rules) > 4 and rules[0] < float(word["top"]) < rules[-1]:
            gaps.append(float(word["top"]) - above[-1])
    return gaps


def test_the_word_target_tables_cells_have_room_above_and_below_their_text(printed: dict[str, Any]) -> None:
    """Every cell of the Word 绩效目标表 has 1 pt above and below its text (``w:tblCellMar``; Word's Table Grid gives
    none): printed by LibreOffice, no text's top is nearer than 0.2 pt to the rule above it (before, 0.6 pt over it),
    and the sample 13's table is one page, as before (its last row would have gone to page 2, cut where the pages
    were computed to be 92 % full: a table computed to fit its page is no longer cut)."""
    import pdfplumber

    with zipfile.ZipFile(io.BytesIO(printed["files"]["s13.docx"])) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert body.count('<w:top w:w="20" w:type="dxa"/>') >= 2 and '<w:bottom w:w="20" w:type="dxa"/>' in body
    with pdfplumber.open(printed["pdfs"]["s13.docx"]) as pdf:
        assert len(pdf.pages) == 1
        gaps = _room_above(pdf.pages[0])
    assert len(gaps) > 20 and min(gaps) >= 0.2, sorted(gaps)[:5]


def test_the_scoring_notes_print_on_the_page_that_ends_their_table(printed: dict[str, Any]) -> None:
    """The 计分说明 of a 自评表 printed under its table's last rows as far as the page went, the rest on a page of
    their own under the repeated indicator header (print20–28's left item). The page that ends the table now holds
    all its notes (with the last indicator and the 总分 row): no page of the project's sheet is notes alone."""
    import pdfplumber

    grid = evaluation_grid(printed["evaluation"], printed["evaluation"].projects[0])
    notes = [_normal(line)[:12] for line in grid.explanations]
    with pdfplumber.open(printed["pdfs"]["notes.xlsx"]) as pdf:
        pages = [_normal(page.extract_text() or "") for page in pdf.pages]
    sheet_pages = [text for text in pages if "汇总" not in text[:40]]
    with_notes = [text for text in sheet_pages if any(note in text for note in notes)]
    assert len(with_notes) == 1, [text[:120] for text in with_notes]
    assert "总分" in with_notes[0] and "满意度" in with_notes[0].split("计分说明")[0]
    assert all(note in with_notes[0] for note in notes)


def test_the_workbooks_page_header_and_footer_name_songti(printed: dict[str, Any]) -> None:
    """A workbook's page header (whose table it is) and footer (填报人 … and the page number) named no font: each
    program set them in the workbook's default font, Calibri, which a Chinese WPS on Kylin or UOS lacks. They name
    宋体 now, as the cells do; printed, the seed's running head and sign-off footer are whole."""
    import pdfplumber
    from openpyxl import load_workbook

    for name in ("seed.xlsx", "notes.xlsx"):
        sheet = load_workbook(io.BytesIO(printed["files"][name])).worksheets[0]
        for part in (sheet.oddHeader.center, sheet.oddFooter.left, sheet.oddFooter.right):
            assert part.font == "宋体" and '&"宋体' in str(part), (name, str(part))
    with pdfplumber.open(printed["pdfs"]["seed.xlsx"]) as pdf:
        text = _normal(pdf.pages[0].extract_text() or "")
    assert text.startswith("预算单位:255101") and "填报人:审核人:填报日期:年月日" in text.replace("：", ":")


def test_a_pages_heading_of_two_lines_breaks_between_its_words(printed: dict[str, Any]) -> None:
    """The 监控表 page's heading, 「255101天津市和平区人民检察院 项目支出绩效运行监控（2024年1-6月）」, is wider than a
    landscape page at 2em: Chromium broke it at the last place a line could, 「…（2024年1-」 over 「6月）」. The heading
    now breaks only where its words part and in lines of even length (``word-break: keep-all``, ``text-wrap:
    balance``): the unit on one line, the form and its period on the next."""
    import pdfplumber

    with pdfplumber.open(printed["pdfs"]["monitoring.html"]) as pdf:
        lines = [_normal(line) for line in (pdf.pages[0].extract_text() or "").splitlines()]
    assert lines[1:3] == ["255101天津市和平区人民检察院", "项目支出绩效运行监控(2024年1-6月)"], lines[:4]


def test_a_pages_heading_of_two_lines_is_counted_in_its_first_page(printed: dict[str, Any]) -> None:
    """The same page's first page was computed with a heading of one line (print34): Chromium's page 1 ran over before
    the computed break, printing the 成本指标 row alone on page 2 and the 效益指标 rows on page 3. Counted two lines
    (``evaluation_html.heading_lines``), the page is two pages, 成本指标 and the 效益指标 rows on the second."""
    import pdfplumber

    from perfbudget.writers.evaluation_html import heading_lines

    assert heading_lines("255101天津市和平区人民检察院 项目支出绩效运行监控（2024年1-6月）") == 2
    assert heading_lines("255101天津市和平区人民检察院 项目支出绩效自评") == 1
    with pdfplumber.open(printed["pdfs"]["monitoring.html"]) as pdf:
        pages = [_normal(page.extract_text() or "") for page in pdf.pages]
    assert len(pages) == 2 and "成本指标" in pages[1] and "效益指标" in pages[1], pages
