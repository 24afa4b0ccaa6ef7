"""Round 42's printed checks (docs/publishing.md, *Printed again (print42)*)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from tests.writers.test_print41 import _NAME, EXCEL_PAGE, _list_rows

_MADE = "导出于 2026-12-07 10:00 北京时间；错误、警告不含已驳回的审核发现"


def _write(rows: list[list[Any]]) -> bytes:
    from perfbudget.app.project_lists import COLUMNS
    from perfbudget.writers import list_xlsx

    columns = [list_xlsx.SheetColumn(c.title, c.width, c.number_format) for c in COLUMNS["projects"]]
    out = io.BytesIO()
    assert list_xlsx.write_list_xlsx(out, "项目列表", "项目列表（全部年度）", _MADE, columns, rows) == len(rows)
    return out.getvalue()


def _sheets(data: bytes) -> list[dict[str, Any]]:
    """Each sheet of a list workbook: its title, footer, print titles, page breaks, the heights of its rows (title and
    header first) and the 序号 of its list rows."""
    import openpyxl

    from perfbudget.writers import list_xlsx

    sheets = []
    for sheet in openpyxl.load_workbook(io.BytesIO(data)).worksheets:
        last = sheet.max_row
        sheets.append({
            "name": sheet.title, "title": sheet.cell(1, 1).value, "header": sheet.cell(2, 1).value,
            "footer": sheet.oddFooter.center.text or "", "titles": sheet.print_title_rows,
            # (the page a sheet's numbers begin at, when set: firstPageNumber's default is 1)
            "start": (sheet.page_setup.firstPageNumber or 1) if sheet.page_setup.useFirstPageNumber else None,
            "breaks": [brk.id for brk in sheet.row_breaks.brk],
            "heights": [sheet.row_dimensions[n].height or list_xlsx.ONE_LINE_PIXELS * 0.75 for n in range(1, last + 1)],
            "numbers": [sheet.cell(n, 1).value for n in range(3, last + 1)]})
    return sheets


def _assert_every_row_paged(sheets: list[dict[str, Any]], count: int, room: float, most_breaks: int) -> None:
    """Every row once, in order, over the sheets; each sheet its title and header rows, repeated on its pages, at
    most ``most_breaks`` breaks, and every page of it (the rows between two breaks, or after the last) within
    ``room`` under the title and header rows — none left to the application to page; a list of more than one sheet
    says on every page's foot which part it is, and its pages are numbered through the parts (a sheet's first page
    number set, their total written out), so that a sheet printed alone, as Excel does, numbers its pages as the
    whole workbook printed, as LibreOffice does."""
    total = sum(len(sheet["breaks"]) + 1 for sheet in sheets)
    before = 0
    assert [n for sheet in sheets for n in sheet["numbers"]] == list(range(1, count + 1))
    for part, sheet in enumerate(sheets, 1):
        assert sheet["titles"] == "$1:$2" and sheet["header"] == "编号", sheet["name"]
        assert sheet["title"].startswith("项目列表（全部年度）")
        assert len(sheet["breaks"]) <= most_breaks, (sheet["name"], len(sheet["breaks"]))
        heights = sheet["heights"]
        repeated = heights[0] + heights[1]
        for first, end in zip([2, *sheet["breaks"]], [*sheet["breaks"], len(heights)], strict=True):
            assert repeated + sum(heights[first:end]) <= room, (sheet["name"], first, end)
        if len(sheets) == 1:
            assert "第 &P 页，共 &N 页" in sheet["footer"]
        else:
            assert f"第 {part} 部分，共 {len(sheets)} 部分" in sheet["footer"], sheet["footer"]
            assert part == 1 or f"第 {part} 部分" in sheet["title"]
            assert f"第 &P 页，共 {total} 页" in sheet["footer"], sheet["footer"]
            assert sheet["start"] == before + 1, (sheet["name"], sheet["start"], before)
        before += len(sheet["breaks"]) + 1


@pytest.mark.parametrize("count", [6144, 6145, 12289])
def test_a_list_of_more_pages_than_a_sheet_holds_breaks_goes_on_in_another_sheet(count: int) -> None:
    """print41's left item: a list past 1,023 pages (Excel's most breaks a sheet holds; XlsxWriter keeps the first
    1,023) left the pages after the 1,024th to the application, which LibreOffice may print without some of their
    rows (print40). The 51-project list's rows of 77.25 pt, six to Excel's page (counted by hand, :data:`EXCEL_PAGE`):
    6,144 rows are 1,024 pages, one sheet; a row more, or twice as many and one, and the list goes on in a second
    and a third sheet, every page of each ended by a break the writer set. On d34ad5c6 one sheet held 6,145 rows,
    the last seven past its 1,023rd break (a page and more of rows the writer left unpaged)."""
    sheets = _sheets(_write(_list_rows(count)))
    assert len(sheets) == -(-count // 6144)
    _assert_every_row_paged(sheets, count, EXCEL_PAGE, 1023)


@pytest.mark.parametrize("most", [1, 2, 3])
def test_a_list_is_split_into_sheets_at_every_size_and_height(most: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same rule swept over sizes with a sheet held to 1 to 3 breaks: lists of 1 to 40 rows whose names run to one
    to four lines (rows of 16.5 to 77.25 pt) — every row once, in order, every page of every sheet within Excel's page
    under its title and header rows. On d34ad5c6 the rows past the last break a sheet holds were left unpaged."""
    from perfbudget.writers import list_xlsx

    monkeypatch.setattr(list_xlsx, "_MAX_BREAKS", most)
    for count in range(1, 41):
        rows = _list_rows(count)
        for number, row in enumerate(rows):
            row[2] = "单位"
            row[3] = _NAME * (number % 4) + "项目"
        _assert_every_row_paged(_sheets(_write(rows)), count, EXCEL_PAGE, most)


def test_a_list_split_into_sheets_prints_every_row_with_its_part_on_every_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Printed by LibreOffice (a sheet held to two breaks, so that 40 rows of six a page take three sheets): every row
    printed once, every page saying 「第 N 部分，共 3 部分」 and its page number, and the title and header on each; the
    pages numbered 1 to M through the parts, each saying 「共 M 页」, and each part's first page the number the sheet
    begins at (what Excel prints the sheet alone with: on print42's first reading LibreOffice numbered the whole
    workbook and Excel each sheet from 1)."""
    import pdfplumber

    from perfbudget.writers import list_xlsx
    from tests.writers.test_print_pdf import to_pdf

    monkeypatch.setattr(list_xlsx, "_MAX_BREAKS", 2)
    path = tmp_path / "list.xlsx"
    path.write_bytes(_write(_list_rows(40)))
    pdf_path = to_pdf([path], tmp_path)[path.name]
    with pdfplumber.open(pdf_path) as pdf:
        texts = ["".join((page.extract_text() or "").split()) for page in pdf.pages]
    names = [f"第{n}号" if n % 2 else f"项目{n}号" for n in range(1, 41)]
    printed = "".join(texts)
    assert [name for name in names if printed.count(name) != 1] == []
    assert len(texts) >= 3
    parts = [next(part for part in (1, 2, 3) if f"第{part}部分，共3部分" in text) for text in texts]
    assert parts == sorted(parts) and set(parts) == {1, 2, 3}, parts
    assert all("项目列表（全部年度）" in text and "项目名称" in text and "页，共" in text for text in texts)
    assert [n for n, text in enumerate(texts, 1) if f"第{n}页，共{len(texts)}页" not in text] == []
    starts = [1 + parts.index(part) for part in (1, 2, 3)]
    assert [sheet["start"] for sheet in _sheets(path.read_bytes())] == starts, starts
    assert all(f"共 {len(texts)} 页" in sheet["footer"] for sheet in _sheets(path.read_bytes()))


def test_a_page_cut_after_a_list_counts_the_lists_margin_under_it() -> None:
    """print41's left item: a unit's 审核意见书 page cut mid-project ends its part — a table of its own — with the last
    list's 10 pt margin (opinion.css: a table cell's last list keeps it), which the page's measure counted under a
    project's last block only. A project of 1 to 70 findings of one to three lines, 建议 or cell comments after
    them, under names of one to three lines: every part the layout ends at a page's foot fits the page with the 10 pt
    under its last list. On d34ad5c6 parts ran up to 10 pt over (the last finding printed alone on a page of its own
    before the 「（续）」 page)."""
    import itertools
    import re

    from perfbudget.app import opinion_pages
    from perfbudget.app.opinion_pages import (
        COMMENT,
        CONTINUED,
        FINDING,
        HEAD,
        HEADING,
        HTML,
        WORD,
        Entry,
        block_heights,
        blocks,
        layouts,
    )

    # the room a part's last list keeps under it as each form prints it, read from the forms, not the measures: the
    # page's cell keeps its last list's margin (opinion.css), Word's list paragraphs have none after them (opinion.py)
    css = (Path(opinion_pages.__file__).parent / "data" / "opinion.css").read_text(encoding="utf-8")
    found = re.search(r"td > ul:last-child[^{]*\{ margin-bottom: (\d+)pt; \}", css)
    assert found is not None
    list_margin = {id(HTML): float(found.group(1)), id(WORD): 0.0}
    title = "测试单位2024年度绩效目标审核意见书"
    over = []
    for measure, count, lines, name_lines in itertools.product((HTML, WORD), range(1, 71), (1, 2, 3), (1, 2, 3)):
        findings = [Entry(FINDING, f"第{n}条：" + "指标值未量化" * (lines * 7 + n % 3), number=n) for n in range(count)]
        comments = [Entry(COMMENT, f"意见{n}：请补充绩效指标的计算口径。") for n in range(count % 5)]
        project = blocks([Entry(HEAD, "预算单位：测试单位"), Entry(HEADING, "审核发现"), *findings,
                          Entry(HEADING, "审核意见"), *(comments or [Entry(COMMENT, "同意。")])])
        name = "1. " + "甲" * (34 * name_lines - 4)
        heights = block_heights(measure, project, signed=True)
        heights[-1] += measure.sign
        layout = layouts(measure, title, [(name, project)])[0]
        for number, part in enumerate(layout.parts[:-1]):
            top = measure.name(name + CONTINUED, top=True) if number else measure.title(title) + measure.name(name)
            under = list_margin[id(measure)] if part[-1] else 0.0  # (a list ends every block here but the head's)
            used = top + sum(heights[block] for block in part) + under
            if used > measure.room:
                over.append((measure is HTML, count, lines, name_lines, number, round(used - measure.room, 1)))
    assert over == []


def _page_texts(pdf_path: Path) -> list[tuple[str, list[dict[str, Any]]]]:
    """Each printed page's text (white space out) and its characters. Chromium's PDFs name some characters by the
    radical of the same glyph (人 as U+2F08 ⼈, 页 as U+2EDA ⻚): those are read as the character."""
    import unicodedata

    import pdfplumber

    def plain(char: str) -> str:
        return unicodedata.normalize("NFKC", char) if "\u2f00" <= char <= "\u2fdf" else _RADICALS.get(char, char)

    with pdfplumber.open(pdf_path) as pdf:
        return [("".join(map(plain, "".join((page.extract_text() or "").split()))),
                 [{**char, "text": plain(char["text"])} for char in page.chars]) for page in pdf.pages]


_RADICALS = {"\u2eda": "页", "\u2ea0": "民"}


def test_the_html_forms_print_the_sign_off_line_on_every_page(tmp_path: Path, seed_document: Any) -> None:
    """print42: the Word and Excel 绩效目标表, 自评表 and 监控表 print 「填报人：… 审核人：… 填报日期：… 年 … 月 … 日」
    at the foot of every page; printed from the browser the same forms had the page number alone — nothing to sign.
    The seed's three forms and 绩效目标表 of 3, 40 and 120 indicators, printed by Chromium: on every page the sign-off
    line, on one line, at the left of the page's foot and 「第 N 页，共 M 页」 at its right."""
    from perfbudget.writers.evaluation_html import evaluation_html
    from perfbudget.writers.monitoring_files import monitoring_html
    from perfbudget.writers.target_table_html import target_table_html
    from tests.evaluate.helpers import P5_SHEET, csv_bytes, run
    from tests.evaluate.test_monitor import _rows
    from tests.writers.test_download_cost import _long_document
    from tests.writers.test_monitoring_files import _monitoring
    from tests.writers.test_print_pdf import chromium_pdf

    evaluation, problems = run(seed_document, csv_bytes(*P5_SHEET))
    assert evaluation is not None, problems
    pages = {"target.html": target_table_html(seed_document).decode("utf-8"),
             "evaluation.html": evaluation_html(evaluation),
             "monitoring.html": monitoring_html(_monitoring(seed_document, _rows()))}
    pages |= {f"long{count}.html": target_table_html(_long_document(count, 60)).decode("utf-8")
              for count in (3, 40, 120)}
    for name, html in pages.items():
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        printed = _page_texts(chromium_pdf(path, tmp_path))
        for number, (text, chars) in enumerate(printed, 1):
            assert f"第{number}页，共{len(printed)}页" in text, (name, number, text[-40:])
            assert "填报人：审核人：填报日期：年月日" in text, (name, number, text[-60:])
            page_number = [c for c in chars if c["text"] == "第"][-1]
            foot = sorted((c for c in chars if abs(c["top"] - page_number["top"]) < 2 and c["text"].strip()),
                          key=lambda c: c["x0"])
            line = "".join(c["text"] for c in foot)
            assert line == f"填报人：审核人：填报日期：年月日第{number}页，共{len(printed)}页", (name, number, line)
            assert foot[0]["x0"] < 100 < 400 < page_number["x0"], (name, number)  # left, and right


def test_page_starts_costs_no_call_a_row() -> None:
    """The second reading of print42: ``page_starts`` through ``PageFill.starts_page``, a method call a row, took twice
    the inline loop's time on long runs (30,000 rows 7.4 → 15 ms; in ``widened_for_fewer_pages`` and
    ``head_page_starts``, called many times a download). Counted, not timed: the Python calls one ``page_starts`` of
    30,000 rows makes are a few, whatever the rows; and its starts are those the rule gives (counted by hand)."""
    import sys

    from perfbudget.writers.print_layout import PageFill, page_starts

    heights = [10.0, 30.0, *[20.0] * 29_998]
    calls = 0

    def count(_frame: Any, event: str, _arg: Any) -> None:
        nonlocal calls
        calls += event == "call"

    found = sys.getprofile()  # a profiler already running (coverage's, a debugger's) is given back
    sys.setprofile(count)
    try:
        starts = page_starts(heights, 100.0, lead=15.0, repeated=1)
    finally:
        sys.setprofile(found)
    assert calls < 10, calls
    # the first page: 15 + 10 + 30 + 2 rows of 20 (95); then the header row (30) and 3 rows (90) a page
    assert starts[:3] == [4, 7, 10] and len(starts) == 1 + (30_000 - 4 - 1) // 3, starts[:5]
    fill = PageFill(100.0, 15.0)  # a row at a time, as a list is written: the same pages
    assert [row for row, height in enumerate(heights) if fill.starts_page(height, 30.0 if row > 1 else 0.0)] == starts


def test_the_sign_off_css_says_the_footer_and_page_number_as_the_forms_do() -> None:
    """The second reading of print42: ``SIGN_CSS`` quoted the sign-off line by hand and copied ``PRINT_CSS``'s page
    counter. One counter (``PAGE_COUNTER``) in both, the line quoted by ``css_string``: the same line as the Word and
    Excel footers, and a footer holding 「"」 or 「\\」 would stay a CSS string."""
    from perfbudget.writers.print_layout import PAGE_COUNTER, PRINT_CSS, SIGN_CSS, SIGN_FOOTER, css_string

    assert f"content:{PAGE_COUNTER};" in PRINT_CSS.replace("\n", "")
    assert f"@bottom-right{{content:{PAGE_COUNTER};" in SIGN_CSS
    assert f"@bottom-left{{content:{css_string(SIGN_FOOTER)};" in SIGN_CSS
    assert SIGN_CSS.count('"') == PAGE_COUNTER.count('"') + 2


def test_the_docs_name_no_list_writer_function_that_is_gone() -> None:
    """The second reading of print42: docs/publishing.md's print41 row named ``list_xlsx._page_breaks``, gone in
    print42, and said the pages past 1,023 were still 「not mended」. Every ``list_xlsx.name`` and
    ``print_layout.name`` the docs give is there."""
    import re

    from perfbudget.writers import list_xlsx, print_layout

    docs = "".join(path.read_text(encoding="utf-8") for path in Path("docs").glob("*.md"))
    named = set(re.findall(r"\b(list_xlsx|print_layout)\.(\w+)", docs))
    modules = {"list_xlsx": list_xlsx, "print_layout": print_layout}
    assert sorted(f"{module}.{name}" for module, name in named
                  if name != "py" and not hasattr(modules[module], name)) == []
