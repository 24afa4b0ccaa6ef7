"""print34: print33's left items, each checked on the produced file.

* the 自评表's 总分 row printed its 分值 「100」 beside the 得分 「100.00」, the column's other cells 「10.00」;
* the page of a table without indicator rows (corpus 80) had the browser's own column widths, its labels broken;
* a head's unlabelled label and figure (r172's 「1、一般公共预算」 | 「6.30」, 108's 「上年结转」 | 「0.00」) printed
  a row of the table's width each.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from perfbudget.model import Document
from perfbudget.writers.target_table_layout import unlabelled_pairs
from tests.writers.test_print30 import _seed_evaluation
from tests.writers.test_print32 import _corpus
from tests.writers.test_print_pdf import chromium_pdf
from tests.writers.test_printed_fit import _normal


def _docx_rows(data: bytes) -> list[list[str]]:
    """Every table row of a .docx as its cells' texts (a merged cell once)."""
    import docx

    rows = []
    for table in docx.Document(io.BytesIO(data)).tables:
        for row in table.rows:
            texts: list[str] = []
            for cell in row.cells:
                if not texts or cell.text != texts[-1]:
                    texts.append(cell.text)
            rows.append(texts)
    return rows


def test_the_total_rows_full_marks_print_as_the_columns_other_marks(seed_document: Document) -> None:
    """The 总分 row's 分值 is 「100.00」 as the column's 「10.00」: in the workbook its format is the column's
    ``0.00`` (``0`` before), in the Word and HTML forms its text."""
    from openpyxl import load_workbook

    from perfbudget.writers.evaluation_docx import evaluation_docx
    from perfbudget.writers.evaluation_html import evaluation_html
    from perfbudget.writers.evaluation_xlsx import evaluation_xlsx

    evaluation = _seed_evaluation(seed_document)
    sheet = load_workbook(io.BytesIO(evaluation_xlsx(evaluation))).worksheets[0]
    total = next(row for row in sheet.iter_rows() if str(row[0].value or "").startswith("总分"))
    marks = [cell for cell in total if isinstance(cell.value, int | float)]
    assert marks[0].value == 100 and {cell.number_format for cell in marks} == {"0.00"}
    column = marks[0].column
    assert {sheet.cell(row, column).number_format for row in range(total[0].row - 3, total[0].row)} == {"0.00"}
    word_total = next(row for row in _docx_rows(evaluation_docx(evaluation)) if row[0].startswith("总分"))
    assert "100.00" in word_total and "100" not in word_total
    page = evaluation_html(evaluation)
    assert ">100.00<" in page.split('colspan="5">总分', 1)[1].split("</tr>", 1)[0]


def _r172() -> Document:
    from perfbudget.load import load_path

    document = load_path(_corpus("r172")).document
    assert document is not None
    return document


def test_a_heads_unlabelled_label_and_figure_print_in_one_row_and_read_back() -> None:
    """r172's head keeps 「1、一般公共预算」, 「6.30」, 「1、事业收入」, 「0.00」 … as unlabelled texts (the reader does
    not know the labels): each label prints beside its figure, one row a pair, in the workbook, the Word table and the
    page (a row each before), and the file reads back with the same texts in the same order."""
    import tempfile

    from openpyxl import load_workbook

    from perfbudget.load import load_path
    from perfbudget.writers.target_table_export import render

    document = _r172()
    extras = document.projects[0].extras
    assert extras[:2] == (("", "1、一般公共预算"), ("", "6.30"))
    sheet = load_workbook(io.BytesIO(render(document, "xlsx"))).worksheets[0]
    rows = [[str(cell.value) for cell in row if cell.value is not None] for row in sheet.iter_rows()]
    for pair in (["1、一般公共预算", "6.30"], ["1、事业收入", "0.00"], ["2、经营性收入", "0.00"]):
        assert pair in rows, pair
        assert pair in _docx_rows(render(document, "docx")), pair
    page = render(document, "html").decode("utf-8")
    row = page.split(">1、一般公共预算<", 1)[1].split("</tr>", 1)[0]
    assert ">6.30<" in row
    for fmt in ("xlsx", "docx", "html"):
        with tempfile.TemporaryDirectory() as work:
            path = Path(work) / f"r172.{fmt}"
            path.write_bytes(render(document, fmt))
            back = load_path(path).document
        assert back is not None and [p.extras for p in back.projects] == [p.extras for p in document.projects], fmt


def test_only_a_short_label_followed_by_its_value_is_paired() -> None:
    """A figure is no label (「356.80」 | 「97.27%」 stay a row each), a text followed by a label and its figure gives
    way to them (「支出构成」 | 「基本支出」 | 「356.80」: the second and third are the pair), a labelled extra and a
    long text are never paired, nor are extras drawn elsewhere (a task grid's)."""
    extras: Any = (("", "支出构成"), ("", "基本支出"), ("", "356.80"), ("", "97.27%"), ("", "项目支出"), ("", "10"),
                   ("联系电话", "123"), ("", "一段很长的说明文字超过了十二个字的长度"), ("", "0.00"),
                   ("", "上年结转"), ("", "0.00"))
    assert unlabelled_pairs(extras) == {1, 4, 9}
    assert unlabelled_pairs(extras, drawn_apart={10}) == {1, 4}


def test_a_table_without_indicator_rows_prints_its_labels_whole_in_the_word_forms_widths(tmp_path: Path) -> None:
    """Corpus 80 (a 部门整体 table cut before its indicators: one table, no indicator part) printed by Chromium: its
    page has the Word form's column widths (before, the browser's own: the labels' column two characters wide,
    「总体资 / 金情 / 况：」, 「项目 / 名称」), so each label of the first column prints on one line."""
    import pdfplumber

    from perfbudget.load import load_path
    from perfbudget.writers.target_table_export import render

    document = load_path(_corpus("80")).document
    assert document is not None and not document.projects[0].indicators
    page = render(document, "html").decode("utf-8")
    assert '<table class="whole"><colgroup>' in page
    path = tmp_path / "80.html"
    path.write_text(page, encoding="utf-8")
    with pdfplumber.open(chromium_pdf(path, tmp_path)) as pdf:
        lines = [_normal(line["text"]) for printed in pdf.pages for line in printed.extract_text_lines()]
    for label in ("项目名称", "总体资金情况", "年度主要任务", "预算规模及"):
        assert any(line.startswith(label) for line in lines), (label, lines[:12])
