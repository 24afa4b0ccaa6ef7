"""Round 40's printed checks of the workbooks (docs/publishing.md, *Printed again (print40)*)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from perfbudget.model import Document
from tests.writers.test_print39 import LABELS, broken_inside_words


def test_a_workbook_label_too_wide_for_its_column_breaks_between_its_words(tmp_path: Path) -> None:
    """Made-up 自评/监控 grids, one a sheet, printed in one LibreOffice run (as Excel, it fills a cell's line before it
    breaks): a label (一级/二级 names, headers) of 5–11 characters in columns of 6 to 18 units prints each line as whole
    words, as the Word forms do since print39 — the 监控表 sheet printed 「项目资金（万 / 元）」 and
    「服务对象满 / 意度指标」.
    Swept over every label and width where the words fit the cell's line without adding a line."""
    from perfbudget.writers.evaluation_layout import Cell, Grid
    from perfbudget.writers.evaluation_xlsx import grids_workbook
    from perfbudget.writers.word_breaks import sheet_lines
    from tests.writers.test_print_pdf import to_pdf, written

    cases = [(text, float(width)) for text in LABELS for width in range(6, 19) if "\n" in sheet_lines(text, width)]
    assert len(cases) >= 30, cases
    grids = [Grid((Cell(0, 0, text, kind="label"), Cell(0, 1, ""), Cell(1, 0, "", kind="header", colspan=2)), 2, (),
                  f"{number}", (width, 40.0), header_row=1) for number, (text, width) in enumerate(cases)]
    data = grids_workbook(grids, lambda sheet: None)
    pdf_path = to_pdf(written({"words.xlsx": data}, tmp_path), tmp_path)["words.xlsx"]
    broken = broken_inside_words(cases, pdf_path)
    assert not broken, broken


def test_a_workbooks_broken_labels_read_back_as_written(seed_document: Document) -> None:
    """The seed's 监控表 and 自评表 workbooks, whose narrow columns break 「服务对象 / 满意度指标」 and 「项目资金 /
    （万元）」 between words (a line break in the cell), read back with every 一级/二级 name as the seed writes it."""
    import io

    from openpyxl import load_workbook

    from perfbudget.load import load_bytes
    from perfbudget.writers.monitoring_files import monitoring_xlsx
    from tests.evaluate.test_monitor import _rows
    from tests.writers.test_monitoring_files import _monitoring

    data = monitoring_xlsx(_monitoring(seed_document, _rows()))
    values = {cell.value for row in load_workbook(io.BytesIO(data)).worksheets[0].iter_rows() for cell in row}
    assert "服务对象\n满意度指标" in values and "项目资金\n（万元）" in values, values
    read = load_bytes(data, "监控表.xlsx")
    assert read.document is not None and read.document.projects, read.problems
    names = {(i.level1, i.level2) for i in read.document.projects[0].indicators}
    written = {(i.level1, i.level2) for i in seed_document.projects[0].indicators}
    assert names and names <= written, (names, written)


def _without_print_areas(data: bytes) -> bytes:
    """A workbook's bytes with its print areas taken out of ``xl/workbook.xml`` (the rest byte for byte)."""
    import re
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                part = re.sub(rb'<definedName name="_xlnm.Print_Area"[^>]*>[^<]*</definedName>', b"", part)
            target.writestr(item, part)
    return out.getvalue()


def test_every_sheet_of_a_downloaded_workbook_prints_its_tables_columns_only(seed_document: Document,
                                                                           tmp_path: Path) -> None:
    """The seed's 绩效目标表, 自评表, 监控表, 自评/监控填报表 and an 指标库 workbook: each sheet's print area is its
    table's columns, every row — a note a person types beside the table is not printed (nor fitted to the page with
    it), a row a unit adds below it is (print40's first area stopped at the table's last row) — and the 绩效目标表 and
    the 填报表 read back the same document and evaluation as without a print area. Before print40 no sheet had one."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from perfbudget.evaluate.template import template_xlsx
    from perfbudget.library.export import write_xlsx
    from perfbudget.load import load_bytes
    from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
    from perfbudget.writers.monitoring_files import monitoring_xlsx
    from perfbudget.writers.print_layout import EXCEL_ROWS
    from perfbudget.writers.target_table_export import render
    from tests.evaluate.helpers import P5, P5_SHEET, csv_bytes, run
    from tests.evaluate.test_monitor import _rows
    from tests.evaluate.test_sheet import _fill
    from tests.writers.test_monitoring_files import _monitoring
    from tests.writers.test_print30 import _library_groups
    from tests.writers.test_print_pdf import to_pdf, written

    sheet = csv_bytes(*P5_SHEET, f"{P5},总体目标完成情况,全年保障检察业务正常开展,,,")
    evaluation, problems = run(seed_document, sheet)
    assert evaluation is not None, problems
    library = io.BytesIO()
    write_xlsx(_library_groups(), library)
    files = {"目标表.xlsx": render(seed_document, "xlsx", original=True), "自评表.xlsx": evaluation_xlsx(evaluation),
             "监控表.xlsx": monitoring_xlsx(_monitoring(seed_document, _rows())),
             "自评填报表.xlsx": template_xlsx(seed_document),
             "监控填报表.xlsx": template_xlsx(seed_document, kind="monitor"),
             "指标库.xlsx": library.getvalue()}
    added: dict[str, bytes] = {}
    for name, data in files.items():
        workbook = load_workbook(io.BytesIO(data))
        for number, one in enumerate(workbook.worksheets):
            area = f"$A$1:${get_column_letter(one.max_column)}${EXCEL_ROWS}"
            assert one.print_area is not None and one.print_area.endswith("!" + area), (name, one.title,
                                                                                       one.print_area, area)
            if number == 0:  # (a unit's row below the table, a note beside it: printed as openpyxl saves them)
                one.cell(one.max_row + 2, 1, f"补充说明{len(added)}行")
                one.cell(2, one.max_column + 2, f"旁注{len(added)}列")
        saved = io.BytesIO()
        workbook.save(saved)
        added[f"加行{name}"] = saved.getvalue()
    pdfs = to_pdf(written(added, tmp_path), tmp_path)
    import pdfplumber

    for number, (name, pdf_path) in enumerate(pdfs.items()):
        with pdfplumber.open(pdf_path) as pdf:
            text = "".join(page.extract_text() or "" for page in pdf.pages).replace(" ", "").replace("\n", "")
        assert f"补充说明{number}行" in text and f"旁注{number}列" not in text, (name, text[-200:])
    read, bare = (load_bytes(data, "目标表.xlsx") for data in (files["目标表.xlsx"],
                                                             _without_print_areas(files["目标表.xlsx"])))
    assert read.document is not None and read.document == bare.document, read.problems
    assert read.problems == bare.problems and len(read.document.projects) == len(seed_document.projects)
    filled = _fill(files["自评填报表.xlsx"], {"全年执行数": {"实际完成值": 16.15},
                                          "视频会议保障数量": {"实际完成值": 12}})
    assert run(seed_document, filled, file="f.xlsx") == run(seed_document, _without_print_areas(filled), file="f.xlsx")


SPACED_LABELS = ("PM2.5 浓度达标率指标", "APP 用户活跃度指标", "GDP 增长率 USER active 指标", "Wi-Fi 覆盖 率",
                 "PM10 与 PM2.5 年均 浓度", "IT 运维 服务 满意度")


@pytest.mark.parametrize("label", SPACED_LABELS)
def test_a_label_broken_between_its_words_reads_back_as_it_was(label: str) -> None:
    """A label holding spaces or Latin words, broken for a workbook cell (``sheet_lines``, every width from 2 to 20
    column units) or a Word cell (``broken_lines``, 12 to 120 points at 10.5 pt), reads back (``one_line``, the
    readers' join of a cell's lines) as the label: print40's first code broke 「PM2.5 / 浓度 …」 at the space, and
    it read back 「PM2.5浓度达标率指标」. No line starts or ends with a space."""
    from functools import partial

    from perfbudget.readers.cell_values import one_line
    from perfbudget.writers.evaluation_docx import _points
    from perfbudget.writers.word_breaks import broken_lines, sheet_lines

    printed = [sheet_lines(label, width) for width in range(2, 21)]
    printed += [broken_lines(label, room, partial(_points, size=10.5)) for room in range(12, 121, 3)]
    for text in printed:
        assert one_line(text) == label, (label, text)
        assert all(line == line.strip(" ") for line in text.split("\n")), (label, text)


def test_a_label_with_a_space_still_breaks_between_its_other_words() -> None:
    """The space is held inside a line, with the words either side; the label still breaks where no space is lost."""
    from perfbudget.readers.cell_values import one_line
    from perfbudget.writers.word_breaks import sheet_lines

    assert sheet_lines("PM2.5 浓度达标率指标", 13) == "PM2.5 浓度\n达标率指标"
    assert one_line(sheet_lines("APP users 活跃度监测指标", 19)) == "APP users 活跃度监测指标"
