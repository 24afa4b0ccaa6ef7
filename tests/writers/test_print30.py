"""print30: what a finance officer would have refused when every download was printed again, each checked on the file
or on its printed PDF (one LibreOffice run shared by the tests).

* every workbook's default font (the Normal style, styles.xml's first font) was openpyxl's Calibri 11: Excel and WPS
  showed it in every cell not styled, and a Chinese WPS on Kylin or UOS lacks it — now 宋体, as the cells;
* the Word 绩效目标表 of the corpus tables 38 and 106 (a head of 20–30 rows of unlabelled extras) printed the head's
  last rows, the indicator header and one indicator alone on page 2 and the other indicators on page 3;
  so did the page of the table 19 (ten columns), whose funds grid printed without rules right of its cells;
* the seed's Word 自评表 printed the last five lines of its 计分说明 alone on page 2, under no heading.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from perfbudget.model import Document
from perfbudget.writers.print_layout import head_page_starts
from tests.conftest import ROOT
from tests.writers.test_print_pdf import _read, chromium_pdf, to_pdf
from tests.writers.test_printed_fit import _normal

CORPUS = ROOT / "tests" / "fixtures" / "real" / "corpus"
# (38 and 106 until print34, whose pairs of unlabelled texts, a row each before, now fit their heads on page 1 with the
# indicator header and the first indicator; the table 74, whose head runs over too, does not read back from Word as
# the same indicators, its 10 columns)
TALL_HEADS = ("171",)
WIDE = "19"  # ten columns, a head of 30 rows


def _corpus(number: str) -> Path:
    return next(CORPUS.glob(f"{number}_*.txt"))


def _seed_evaluation(seed_document: Document) -> Any:
    from tests.evaluate.helpers import P5_SHEET, csv_bytes, run

    evaluation, problems = run(seed_document, csv_bytes(*P5_SHEET))
    assert evaluation is not None, problems
    return evaluation


def _library_groups() -> list[dict[str, Any]]:
    targets = {"min": "90", "p25": "95", "p50": "98", "p75": "100", "max": "100"}
    return [{"id": 1, "name": "满意度", "level1": "满意度指标", "level2": "服务对象满意度指标", "count": 3, "units": 2,
             "measure_unit": "%", "direction": "up", "targets": targets, "qualitative_share": "0",
             "names": ["满意度", "群众满意度"]}]


def test_every_workbook_download_names_songti_for_every_cell_and_its_default(seed_document: Document) -> None:
    """The 绩效目标表, 自评表, 监控表, both 填报表 and the 指标库 workbooks: styles.xml's first font (the default, that
    of the Normal style, of every cell not styled, and Excel's and WPS's unit of column widths) and every other font
    are 宋体, and every cell of every sheet, empty ones between the text too, reads as 宋体 (Calibri before)."""
    import zipfile

    from openpyxl import load_workbook

    from perfbudget.evaluate.template import template_xlsx
    from perfbudget.library.export import write_xlsx
    from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
    from perfbudget.writers.monitoring_files import monitoring_xlsx
    from perfbudget.writers.target_table_export import render
    from tests.evaluate.test_monitor import _rows
    from tests.writers.test_monitoring_files import _monitoring

    library = io.BytesIO()
    write_xlsx(_library_groups(), library)
    books = {"绩效目标表": render(seed_document, "xlsx"), "自评表": evaluation_xlsx(_seed_evaluation(seed_document)),
             "监控表": monitoring_xlsx(_monitoring(seed_document, _rows())),
             "自评填报表": template_xlsx(seed_document), "监控填报表": template_xlsx(seed_document, kind="monitor"),
             "指标库": library.getvalue()}
    for name, data in books.items():
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            styles = archive.read("xl/styles.xml").decode("utf-8")
        fonts = styles.split("<fonts", 1)[1].split("</fonts>", 1)[0]
        names = [part.split('"', 1)[0] for part in fonts.split('<name val="')[1:]]
        assert names and set(names) == {"宋体"}, (name, names)
        assert "Calibri" not in styles and 'scheme val="minor"' not in styles, name
        workbook = load_workbook(io.BytesIO(data))
        assert workbook._named_styles["Normal"].font.name == "宋体", name
        for sheet in workbook.worksheets:
            assert {cell.font.name for row in sheet.iter_rows() for cell in row} == {"宋体"}, (name, sheet.title)
            first = [sheet.firstFooter.center] if sheet.HeaderFooter.differentFirst else []
            for part in (sheet.oddHeader.center, sheet.oddFooter.left, sheet.oddFooter.center, sheet.oddFooter.right,
                         *first):
                assert part.text is None or part.font == "宋体", (name, sheet.title, part.text)
            # every page numbered, the first too (the 填报表's page 1, a first page of its own, printed none)
            assert any("&P" in (part.text or "") for part in (sheet.oddFooter.center, sheet.oddFooter.right)), name
            assert not first or first[0].text == sheet.oddFooter.center.text, name


def test_a_head_running_over_its_page_is_cut_at_a_merged_cells_top_and_the_pages_counted_from_there() -> None:
    """Rows 0–5 the head (rows 3–4 one merged cell), 6 the indicator header, 7–11 indicators, 10 pt each on pages of
    45 pt: the head runs over at row 4, inside the merged cell, so it is cut at row 3; page 2 holds the head's rest
    but not with the header and the first indicator, so the head's last row (5) begins page 3 with them (rows 5–8),
    and page 4 repeats the header and holds 9–11 (before, the head was left to break where it fell and the pages
    counted from row 0)."""
    heights = [10.0] * 12
    assert head_page_starts(heights, 45.0, 6, 12, 0.0, [(3, 2), (0, 1)]) == [3, 5, 9]
    assert head_page_starts(heights, 55.0, 6, 12, 0.0, [(4, 2)]) == [4, 9]  # (page 2: rows 4–8)
    # a head that fits leaves the indicators' pages as computed before, from a page 1 holding it
    assert head_page_starts(heights, 95.0, 6, 12, 0.0, [(3, 2)]) == [9]
    # the page running over between the indicator header and the first indicator: the head's last row begins the next
    assert head_page_starts(heights, 75.0, 6, 12, 0.0, []) == [5]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, seed_document: Document) -> dict[str, Any]:
    """The Word files written and their PDFs, printed by LibreOffice in one run."""
    from perfbudget.writers.evaluation_docx import evaluation_docx
    from perfbudget.writers.target_table_export import render

    work = tmp_path_factory.mktemp("print30")
    documents = {number: _read(_corpus(number)) for number in (*TALL_HEADS, WIDE)}
    files = {f"t{number}.docx": render(documents[number], "docx") for number in TALL_HEADS}
    evaluation = _seed_evaluation(seed_document)
    files["seed-eval.docx"] = evaluation_docx(evaluation)
    for name, data in files.items():
        (work / name).write_bytes(data)
    pdfs = to_pdf([work / name for name in files], work)
    page = work / f"t{WIDE}.html"
    page.write_bytes(render(documents[WIDE], "html"))
    pdfs[page.name] = chromium_pdf(page, work)
    return {"files": files, "pdfs": pdfs, "documents": documents, "work": work, "evaluation": evaluation}


def _pages(pdf_path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        return [_normal(page.extract_text() or "") for page in pdf.pages]  # (Chromium's ⼀ for 一)


@pytest.mark.parametrize("name", [*(f"t{number}.docx" for number in TALL_HEADS), f"t{WIDE}.html"])
def test_a_target_table_whose_head_runs_over_its_first_page_prints_its_indicators_together(
        printed: dict[str, Any], name: str) -> None:
    """The head is cut where it runs over page 1 and page 2 holds its rest, the indicator header and every indicator
    (they printed the header and one indicator alone on page 2, the rest on page 3): the Word file of the corpus
    table 171 (38 and 106 until print34) by LibreOffice, the page of the 10-column table 19 by Chromium; each file
    reads back to as many indicators (the Word file to the same, with no problem)."""
    from perfbudget.load import load_path

    number = name[1:].split(".")[0]
    pages = _pages(printed["pdfs"][name])
    project = printed["documents"][number].projects[0]
    assert len(pages) == 2, number
    assert "一级指标" not in pages[0] and "一级指标" in pages[1], number
    for indicator in project.indicators:
        assert _normal(indicator.level3)[:8] in pages[1], (number, indicator.level3)  # (lines interleave)
    result = load_path(printed["work"] / name)
    assert result.document is not None and len(result.document.projects[0].indicators) == len(project.indicators)
    if name.endswith(".docx"):  # (the page writes targets in the one notation, 「≧100%」 as 「≥100%」)
        assert result.document.projects[0].indicators == project.indicators and not result.problems


def test_every_row_of_a_target_table_page_has_a_cell_in_every_column(printed: dict[str, Any]) -> None:
    """The table 19's funds grid (项目资金 … 分值) covers 6 of its 10 columns: its rows had no cells after them, so
    Chromium printed no rules there; every row of every table of the page covers every column now."""
    from lxml import html

    page = html.fromstring((printed["work"] / f"t{WIDE}.html").read_bytes())
    tables = page.findall(".//table")
    assert len(tables) >= 2
    for table in tables:
        width = len(table.findall(".//col"))
        taken: dict[int, int] = {}  # columns taken in a row by cells merged down from rows above
        for number, row in enumerate(table.iter("tr")):
            spans = sum(int(cell.get("colspan", "1")) for cell in row.findall("td"))
            assert spans + taken.get(number, 0) == width, (number, html.tostring(row, encoding="unicode")[:120])
            for cell in row.findall("td"):
                for below in range(1, int(cell.get("rowspan", "1"))):
                    taken[number + below] = taken.get(number + below, 0) + int(cell.get("colspan", "1"))


def test_the_seed_self_evaluations_scoring_notes_print_together_under_their_heading(printed: dict[str, Any]) -> None:
    """The seed's 自评表 and its notes are a tenth taller than a page: the notes go to page 2 whole, under 计分说明, and
    page 1 ends with the 总分 row (its last five lines printed alone on page 2 before, under no heading)."""
    pages = _pages(printed["pdfs"]["seed-eval.docx"])
    lines = [_normal(line) for project in printed["evaluation"].projects for line in project.notes]
    assert lines and len(pages) == 2
    assert "总分" in pages[0] and "计分说明" not in pages[0]
    assert pages[1].find("计分说明") < pages[1].find(lines[0][:12]) and all(line[:12] in pages[1] for line in lines)


def test_a_list_exports_unit_code_of_nine_digits_prints_on_one_line() -> None:
    """The 项目列表, 审核队列 and 自评结果 exports printed the 部门整体 table 102's unit code 「901001033」 as
    「9010010」 over 「33」 (a column of 8 units); the column now holds nine digits on a line."""
    from perfbudget.app.project_lists import COLUMNS
    from perfbudget.writers.list_xlsx import _lines

    for view, columns in COLUMNS.items():
        code = next(column for column in columns if column.title == "单位编码")
        assert _lines("901001033", code.width) == 1, view


def test_a_workbook_page_never_ends_with_the_indicator_header() -> None:
    """The corpus table 177's 绩效目标表 workbook (a head with a 10-line 绩效目标) ended page 1 with the indicator
    header row alone, the indicators on page 2 under it again: the page now breaks before the header (printed once,
    page 2 beginning with it), never between it and the first indicator."""
    from openpyxl import load_workbook

    from perfbudget.writers.target_table_export import render

    sheet = load_workbook(io.BytesIO(render(_read(_corpus("177")), "xlsx"))).worksheets[0]
    header = next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == "一级指标")
    breaks = [brk.id for brk in sheet.row_breaks.brk]  # (a break after the row of that number)
    # (until print34 the break fell before the header, header - 1; the head's unlabelled pairs a row each now, page 1
    # holds the header and the first indicators)
    assert breaks and header not in breaks and min(breaks) > header
