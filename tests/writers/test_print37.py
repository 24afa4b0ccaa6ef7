"""print37: what a finance officer would refuse when the downloads of new tables were printed, each checked on the
printed PDF (one LibreOffice run and one Chromium run shared by the tests).

* the 自评表 page of a project whose head (a long 年度总体目标) did not fit under the page's heading and 汇总
  with its first indicator printed that indicator alone on page 2, the page three quarters empty, the next
  indicators on page 3;
* its 计分说明 heading ended a page alone, the explanations on the next;
* the Word 自评表's 总分 row printed its full marks 「100.00」 in two lines (「100.0」 over 「0」) in the 分值 column.
"""

from __future__ import annotations

from typing import Any

import pytest

from perfbudget.load import load_bytes
from tests.conftest import table_text
from tests.evaluate.helpers import csv_bytes, run
from tests.writers.test_print_pdf import chromium_pdf, to_pdf
from tests.writers.test_printed_fit import _normal

GOAL = ("根据市政府办公厅《关于印发大力发展学前教育两年行动方案的通知》要求，给予本区非营利性民办园房租补贴，"
        "满足非营利性民办园租房需求，大力支持民办园特别是普惠性民办园发展。按照通知要求，保证补贴资金及时、足额、"
        "合规发放，保障补贴对象享受政策中房租补贴的权益，促进学前教育普及普惠安全优质发展。")
DEVIATION = ("受疫情影响，部分民办幼儿园延迟开学，房租补贴的申报和审核工作相应推迟，已会同财政局简化审核流程，"
             "实行线上申报、集中审核，下一步将加强与街道和园所的沟通，确保补贴在年底前全部拨付到位。")
# the last indicator's: at 495–540 characters (found by printing 6a19f62a's page on this machine's fonts) its row ends
# the 总分's page so far down that the 计分说明 heading fits under it and its first line does not; printed at lengths
# 40 apart, narrower than that window, so that one of them lands in it wherever the fonts move it in 437–637
LAST_LENGTH = 517
LAST_LENGTHS = (437, 477, LAST_LENGTH, 557, 597, 637)
NAMES = ("补贴园数", "租用面积", "覆盖率", "合规率", "及时率", "租户评价")


def tall_head_evaluation(last_length: int = LAST_LENGTH) -> Any:
    """A 自评表 of six indicators, each with a long 偏差原因分析, under a 年度总体目标 of 150 characters: its head
    and the page's heading and 汇总 leave no room on page 1 for the indicator header and the first indicator."""
    from perfbudget.readers.text import read_text

    rows = [["100001测试单位", "单位：万元"], ["项目名称", "测试项目-2024中央"],
            ["预算规模及资金用途", "预算数", "193.80", "其中：财政资金", "193.80", "其他资金", " "], ["", "用于测试"],
            ["绩效目标", GOAL], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", NAMES[0], "≥20个"], ["", "", NAMES[1], "≥26970平方米"],
            ["", "质量指标", NAMES[2], "≥90%"], ["", "", NAMES[3], "≥95%"], ["", "时效指标", NAMES[4], "≥95%"],
            ["满意度指标", "服务对象满意度指标", NAMES[5], "≥95%"]]
    document, problems = read_text(table_text(*rows), "tall-head.txt")
    assert document is not None, problems
    p = "测试项目-2024中央"
    sheet = [f"{p},全年执行数,150.25,,,,", f"{p},总体目标完成情况,基本完成年度目标，补贴已按规定发放。,,,,",
             *(f"{p},{name},{actual},,,{deviation},"
               for name, actual, deviation in zip(NAMES, ("20个", "26970平方米", "90%", "95%", "95%", "95%"),
                                                  (*[DEVIATION] * 5, (DEVIATION * 8)[:last_length]), strict=True))]
    evaluation, found = run(document, csv_bytes(*sheet))
    assert evaluation is not None, found
    return evaluation


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The files written and each printed page's text: LibreOffice's of the Word file, Chromium's of the page."""
    import pdfplumber

    from perfbudget.writers.evaluation_docx import evaluation_docx
    from perfbudget.writers.evaluation_html import evaluation_html

    work = tmp_path_factory.mktemp("print37")
    evaluation = tall_head_evaluation()
    files = {"tall.html": evaluation_html(evaluation).encode("utf-8"), "tall.docx": evaluation_docx(evaluation)}
    for name, data in files.items():
        (work / name).write_bytes(data)
    pdfs = {**to_pdf([work / "tall.docx"], work), "tall.html": chromium_pdf(work / "tall.html", work)}
    pages: dict[str, list[str]] = {}
    words: dict[str, list[list[dict[str, Any]]]] = {}
    for name, pdf_path in pdfs.items():
        with pdfplumber.open(pdf_path) as pdf:
            pages[name] = [_normal(page.extract_text() or "") for page in pdf.pages]
            words[name] = [page.extract_words(keep_blank_chars=False) for page in pdf.pages]
    return {"files": files, "pages": pages, "words": words}


def test_a_self_evaluation_page_whose_head_fills_page_one_prints_its_indicators_together(
        printed: dict[str, Any]) -> None:
    """The page printed its indicators as computed from a page 1 holding the heading, the 汇总, the head and the first
    indicator, which did not fit there: Chromium put that indicator alone on page 2 (three quarters empty) and the
    others on page 3. Now the head is cut at the top of its 年度总体目标 (which goes over with the indicators, as the
    绩效目标表 page's head does since print30): page 2 holds the goals and the first indicators together; no page
    holds one indicator alone before a page of others. It reads back as the same indicators."""
    pages = printed["pages"]["tall.html"]
    on = [[page_number for page_number, page in enumerate(pages)  # in the table, not in the notes (「1.补贴园数:」)
           if page.count(name) > page.count(f"{number}.{name}")] for number, name in enumerate(NAMES, 1)]
    assert all(len(where) == 1 for where in on), on
    first = on[0][0]
    assert on[1][0] == first, [page[:60] for page in pages]  # the first two indicators on one page
    assert "年度总体目标" in pages[first] and "预期目标" in pages[first]
    assert "年度资金总额" in pages[0] and "一级指标" not in pages[0]
    back = load_bytes(printed["files"]["tall.html"], "tall.html").document
    assert back is not None and [i.level3 for i in back.projects[0].indicators] == list(NAMES)


def test_the_scoring_notes_heading_never_ends_a_page_alone(
        printed: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> None:
    """The 计分说明 heading, set under the 总分 row at the foot of a page, printed alone there, its explanations on
    the next page: it goes with its first lines, whatever the length of the last 偏差原因分析 above it."""
    import pdfplumber

    from perfbudget.writers.evaluation_html import evaluation_html

    work = tmp_path_factory.mktemp("print37-notes")
    printed_at = {LAST_LENGTH: printed["pages"]["tall.html"]}
    for length in LAST_LENGTHS:
        if length not in printed_at:
            page = work / f"tall-{length}.html"
            page.write_text(evaluation_html(tall_head_evaluation(length)), encoding="utf-8")
            with pdfplumber.open(chromium_pdf(page, work)) as pdf:
                printed_at[length] = [_normal(sheet.extract_text() or "") for sheet in pdf.pages]
    for length, pages in printed_at.items():
        with_heading = [page for page in pages if "计分说明" in page]
        assert len(with_heading) == 1 and "预算执行率:" in with_heading[0].replace("：", ":"), \
            (length, [p[-80:] for p in pages])


def test_the_word_total_rows_full_marks_print_on_one_line(printed: dict[str, Any]) -> None:
    """The Word 总分 row's 分值 「100.00」 (bold, in a column sized for 「15.00」) printed in two lines, 「100.0」 over
    「0」: a figure wider than its cell's room between the side margins is given narrower margins. Every figure of
    the table prints whole: the 总分 row's 100.00 and 得分 on one line, at one height."""
    words = [word for page in printed["words"]["tall.docx"] for word in page]
    full = [word for word in words if word["text"] == "100.00"]
    assert len(full) == 1, [word["text"] for word in words if word["text"].startswith("100")]
    total = next(word for word in words if word["text"] == "总分")
    assert abs(full[0]["top"] - total["top"]) < 3
    assert not [word for word in words if word["text"] in ("100.0", "0")]


def test_a_wide_amount_keeps_its_right_margin_and_a_figure_too_wide_for_its_cell_is_set_smaller() -> None:
    """A wide amount (right-aligned) got 1 pt side margins like any figure, its digits against the rule on its right
    (print31 keeps it 0.19 cm away): only its left margin is narrowed now. A figure wider than its cell even at 1 pt
    margins wrapped as before: it is set smaller, so that it prints on one line."""
    import io
    import zipfile
    from dataclasses import replace

    from lxml import etree

    from perfbudget.writers.evaluation_docx import grids_docx
    from perfbudget.writers.evaluation_layout import project_grid

    evaluation = tall_head_evaluation()
    grid = project_grid(evaluation, evaluation.projects[0], False)
    amount = next(cell for cell in grid.cells if cell.kind == "money")
    figure = next(cell for cell in grid.cells if cell.kind == "number" and cell.row > grid.header_row)
    wide = {amount: "1234567890.00", figure: "123456789012.00"}
    cells = tuple(replace(cell, text=wide.get(cell, cell.text)) for cell in grid.cells)
    data = grids_docx([replace(grid, cells=cells)])
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    printed = {"".join(cell.itertext()): cell for cell in body.iter(f"{w}tc")}
    sides = {side.tag.removeprefix(w): side.get(f"{w}w") for side in printed[wide[amount]].find(f"{w}tcPr/{w}tcMar")}
    assert sides == {"left": "20", "right": "108"}
    sizes = {float(size.get(f"{w}val")) / 2 for size in printed[wide[figure]].iter(f"{w}sz")}
    assert sizes and max(sizes) < 10.5, sizes
