"""download-cost (2026-12-06): the Word 绩效目标表 of a long table written without python-docx's per-character and
per-table look-ups, the same bytes; and print29's left items: the Word 自评表/监控表 cells' room above their text, the
Word 审核意见书's title rule in black, the 填报表's title on every page."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from perfbudget.model import Document
from perfbudget.writers.print_layout import text_width, wide_character


def _long_document(count: int, length: int) -> Document:
    from perfbudget.readers.text import read_text
    from tests.conftest import HEADER_ROWS, table_text

    rng = random.Random(7)

    def text(size: int) -> str:
        return "".join(rng.choice("甲乙aW1i目，") for _ in range(size))

    rows = [["产出指标" if n == 0 else "", "数量指标" if n == 0 else "", f"指标{n}" + text(length // 10),
             f"指标{n}" + text(length), "≥10处"] for n in range(count)]
    rows += [["满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%"]]
    document, problems = read_text(table_text(*HEADER_ROWS, *rows), "long.txt")
    assert document is not None, problems
    return document


def _python_docx_fill(cell: object, text: str, bold: bool, center: bool, top: bool) -> None:
    """The cell filled by python-docx's own API, as the writer did until download-cost."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from perfbudget.writers.target_table_docx import _font

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # type: ignore[attr-defined]
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    for index, line in enumerate(text.split("\n") if text else [""]):
        if index:
            paragraph = cell.add_paragraph()  # type: ignore[attr-defined]
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if line:
            _font(paragraph.add_run(line), bold)
    if top:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", ["", "指标", "第一行\n第二行", " 前后空格 ", "甲\t乙", "回车\r在内", "\n\n空行",
                                  "Ab 12.5%\n  缩进"])
@pytest.mark.parametrize(("bold", "center", "top"), [(False, False, False), (True, True, False), (False, True, True)])
def test_a_cell_is_filled_as_python_docx_fills_it(text: str, bold: bool, center: bool, top: bool) -> None:
    import docx
    from lxml import etree

    from perfbudget.writers.target_table_docx import _CellFiller

    written = []
    for fill in (_python_docx_fill, _CellFiller().fill):
        table = docx.Document().add_table(rows=1, cols=1)
        fill(table.cell(0, 0), text, bold, center, top)
        written.append(etree.tostring(table._tbl))
    assert written[0] == written[1]


def test_text_width_adds_up_as_the_character_loop_did() -> None:
    rng = random.Random(11)
    alphabet = "甲乙aW1i目，。ＡＢ ½é\t" + "".join(chr(rng.randrange(0x20, 0x30000)) for _ in range(500))
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 200)))
        width = 0.0
        for char in text:
            width += 2.0 if wide_character(char) else 1.1  # (East Asian width W or F until print38)
        assert text_width(text) == width, text


def test_a_long_tables_word_file_is_written_without_per_character_and_per_table_look_ups(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # attack29: a 990-indicator table of long texts cost 11 s of CPU a Word download, most of it python-docx putting
    # each run's text in a character at a time and looking the table style and the page width up for each page's
    # table (through every section of the body). Here 60 indicators of 600 characters, some 20 printed pages.
    from docx.document import Document as WordDocument
    from docx.oxml.text.run import _RunContentAppender
    from docx.parts.document import DocumentPart

    from perfbudget.writers.target_table_docx import target_table_docx

    document = _long_document(60, 600)
    counts = {"chars": 0, "styles": 0, "widths": 0}
    add_char, get_style_id = _RunContentAppender.add_char, DocumentPart.get_style_id
    block_width = WordDocument._block_width

    def counted_char(self: object, char: str) -> None:
        counts["chars"] += 1
        add_char(self, char)  # type: ignore[arg-type]

    def counted_style(self: object, *args: object) -> object:
        counts["styles"] += 1
        return get_style_id(self, *args)  # type: ignore[arg-type]

    def counted_width(self: object) -> object:
        counts["widths"] += 1
        return block_width.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(_RunContentAppender, "add_char", counted_char)
    monkeypatch.setattr(DocumentPart, "get_style_id", counted_style)
    monkeypatch.setattr(WordDocument, "_block_width", property(counted_width))
    data = target_table_docx(document)
    tables = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").count(b"<w:tbl>")
    assert tables > 10, tables  # a table a printed page
    assert counts["chars"] < 100, counts  # (the heading's runs only; 42,240 before)
    assert counts["styles"] <= 2 and counts["widths"] <= 2, counts  # (2 a table before: 124 and 62)


def _cell_margins(data: bytes) -> list[tuple[str, str]]:
    from docx.oxml.ns import qn
    from lxml import etree

    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    found = []
    for margins in body.iter(qn("w:tblCellMar")):
        top, bottom = margins.find(qn("w:top")), margins.find(qn("w:bottom"))
        found.append((top.get(qn("w:w")), bottom.get(qn("w:w"))))
    return found


def test_the_word_self_evaluation_and_monitoring_cells_have_room_above_their_text(seed_document: Document) -> None:
    # print29 gave the 绩效目标表's cells 1 pt above and below their text (LibreOffice drew 宋体's tops against the rule
    # above); the 自评表's and 监控表's had none. 1 pt above now; below, the line's descent is room enough, and 1 pt
    # more a row took the seed's 监控表 to a second page for its last two notes
    from perfbudget.writers.evaluation_docx import evaluation_docx
    from perfbudget.writers.monitoring_files import monitoring_docx
    from tests.evaluate.helpers import P5_SHEET, csv_bytes, run
    from tests.evaluate.test_monitor import _rows
    from tests.writers.test_monitoring_files import _monitoring

    evaluation, problems = run(seed_document, csv_bytes(*P5_SHEET))
    assert evaluation is not None, problems
    for data in (evaluation_docx(evaluation), monitoring_docx(_monitoring(seed_document, _rows()))):
        margins = _cell_margins(data)
        assert margins and all(margin == ("20", "0") for margin in margins), margins


def test_the_word_opinions_title_rule_is_black() -> None:
    # python-docx's Title style draws a rule under the title in its theme's accent blue (4F81BD)
    import docx
    from docx.oxml.ns import qn

    from perfbudget.app.opinion import opinion_docx

    word = docx.Document(io.BytesIO(opinion_docx("某单位2024年度项目绩效目标审核意见书", [])))
    assert word.paragraphs[0].style.name == "Title"
    rules = list(word.styles["Title"].element.iter(qn("w:bottom")))
    assert rules and all(rule.get(qn("w:color")) == "000000" and rule.get(qn("w:themeColor")) is None
                         for rule in rules)


@pytest.mark.parametrize("kind", ["evaluation", "monitor"])
def test_the_fill_in_sheets_title_heads_every_page_after_the_first(seed_document: Document, kind: str) -> None:
    from openpyxl import load_workbook

    from perfbudget.evaluate.template import template_xlsx

    sheet = load_workbook(io.BytesIO(template_xlsx(seed_document, kind=kind, month=6))).active
    title = sheet.cell(1, 1).value
    assert title.startswith("项目支出绩效自评填报表" if kind == "evaluation" else "项目绩效运行监控填报表")
    assert sheet.oddHeader.center.text == title and sheet.HeaderFooter.differentFirst
    assert not sheet.firstHeader.center.text  # (page 1 has the title in its first row)
    assert sheet.print_title_rows == "$3:$3"
