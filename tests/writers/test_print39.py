"""Round 39's printed checks of the Word forms (docs/publishing.md, *Printed again (print39)*)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

import rjieba

from perfbudget.model import Document

LABELS = ("服务对象满意度指标", "可持续影响指标", "偏差原因分析及改进措施", "社会公众满意度指标", "经济效益指标",
          "项目资金（万元）", "年度指标值", "实际完成值", "生态效益指标")
SIZE = 10.5


def _lines_filled(pieces: list[int], room: int) -> int:
    """Lines that pieces of ``pieces`` characters fill in a line of ``room`` characters, none split."""
    lines, used = 1, 0
    for piece in pieces:
        if used + piece > room:
            lines, used = lines + 1, 0
        used += piece
    return lines


def _breakable(text: str, room: int) -> bool:
    """Whether ``text`` (CJK characters and brackets, each a character wide) wraps in a line of ``room`` characters,
    each of its words (a bracket or colon with its word: ``word_breaks.label_words``) fits a line and broken between
    words it takes no more lines than a character at a time."""
    from perfbudget.writers.word_breaks import label_words

    words = [len(word) for word in label_words(text)]
    return len(text) > room and max(words) <= room and \
        _lines_filled(words, room) <= _lines_filled([1] * len(text), room)


def test_a_word_label_too_wide_for_its_column_breaks_between_its_words(tmp_path: Path) -> None:
    """Made-up Word grids, one a page, printed in one LibreOffice run (as Word, it fills a line before it breaks): a
    label (一级/二级 names, headers) of 5–11 characters in columns of 3 to 8 characters prints each line as whole
    words — 「服务对象满 / 意度指标」 and 「偏差原因分 / 析及改进措施」 broke inside a word (print38 set a text one
    character too wide on one line, left this)."""
    from docx import Document as WordDocument

    from perfbudget.writers.evaluation_docx import grids_docx
    from perfbudget.writers.evaluation_layout import Cell, Grid
    from perfbudget.writers.print_layout import DOCX_CELL_SIDE_TWIPS, POINTS_PER_CM, docx_section
    from tests.writers.test_print_pdf import to_pdf, written

    def width(chars: int) -> float:  # a column holding ``chars`` CJK characters at 10.5 pt with 1 pt to spare
        return (chars * SIZE + 2 * DOCX_CELL_SIDE_TWIPS / 20 + 1) / POINTS_PER_CM

    usable = docx_section(WordDocument().sections[0], [1.0] * 8)
    cases = [(text, room) for text in LABELS for room in range(3, 9) if _breakable(text, room)
             and len(text) > room + 1]  # (one character too wide: set on one line since print38)
    assert len(cases) >= 20, cases
    grids = []
    for number, (text, room) in enumerate(cases):
        cells = [Cell(0, 0, text, kind="label"), Cell(0, 1, ""), Cell(1, 0, "", kind="header", colspan=2)]
        grids.append(Grid(tuple(cells), 2, (), f"{number}", (width(room), usable - width(room)), header_row=1))
    data = grids_docx(grids)
    pdf_path = to_pdf(written({"words.docx": data}, tmp_path), tmp_path)["words.docx"]
    broken = broken_inside_words(cases, pdf_path)
    assert not broken, broken


def broken_inside_words(cases: Sequence[tuple[str, float]], pdf_path: Path) -> list[tuple[str, float, list[str]]]:
    """The cases (a label, its column) whose label, printed one a page in ``pdf_path``, is missing or has a line
    ending inside a word (``rjieba``'s): each with the lines it printed."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        pages = [[unicodedata.normalize("NFKC", line["text"]).replace(" ", "") for line in page.extract_text_lines()]
                 for page in pdf.pages]
    assert len(pages) == len(cases)
    broken = []
    for (written_text, room), lines in zip(cases, pages, strict=True):
        text = unicodedata.normalize("NFKC", written_text)
        start = next((i for i, line in enumerate(lines) if line and text.startswith(line)), len(lines))
        printed, at = [], start
        while "".join(printed) != text and at < len(lines):
            printed.append(lines[at])
            at += 1
        ends = {sum(map(len, printed[:i])) for i in range(1, len(printed))}
        cut = rjieba.cut(written_text)
        words = {sum(map(len, cut[:i])) for i in range(1, len(cut))}
        if "".join(printed) != text or not ends <= words:
            broken.append((text, room, printed))
    return broken


def test_a_label_breaks_by_a_line_break_between_its_words() -> None:
    """The lines are whole words joined by a line break (no U+2060 word joiner, which 宋体 has no glyph for and which
    broke search and copy in Word); a closing mark stays with the word before it, an opening one with the next."""
    from perfbudget.writers.word_breaks import broken_lines, word_lines

    def widths(text: str) -> list[float]:
        return [SIZE] * len(text)

    assert broken_lines("服务对象满意度指标", 5 * SIZE, widths) == "服务对象\n满意度指标"
    assert broken_lines("满意度指标", 5 * SIZE, widths) == "满意度指标"  # (one line)
    assert word_lines("项目资金（万元）", 5 * SIZE, widths) == ["项目资金", "（万元）"]
    assert word_lines("其中：当年财政拨款", 4 * SIZE, widths) == ["其中：", "当年", "财政拨款"]


def test_no_download_of_a_form_holds_an_invisible_character(seed_document: Document) -> None:
    """The seed's 绩效目标表, 自评表 and 监控表 in every format hold no invisible character (U+200B–U+200D, U+2060,
    U+FEFF, U+00AD); the 监控表's labels too wide for their columns are broken by line breaks (``w:br``)."""
    import io
    import re
    import zipfile

    from perfbudget.writers.evaluation_docx import evaluation_docx
    from perfbudget.writers.evaluation_html import evaluation_html
    from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
    from perfbudget.writers.monitoring_files import monitoring_docx, monitoring_html, monitoring_xlsx
    from perfbudget.writers.target_table_export import render
    from tests.evaluate.helpers import P5, P5_SHEET, csv_bytes, run
    from tests.evaluate.test_monitor import _rows
    from tests.writers.test_monitoring_files import _monitoring

    sheet = csv_bytes(*P5_SHEET, f"{P5},总体目标完成情况,全年保障检察业务正常开展,,,")
    evaluation, problems = run(seed_document, sheet)
    assert evaluation is not None, problems
    monitoring = _monitoring(seed_document, _rows())
    files = {f"目标表.{form}": render(seed_document, form, original=True) for form in ("docx", "xlsx", "html")}
    files |= {"自评表.docx": evaluation_docx(evaluation), "自评表.xlsx": evaluation_xlsx(evaluation),
              "自评表.html": evaluation_html(evaluation), "监控表.docx": monitoring_docx(monitoring),
              "监控表.xlsx": monitoring_xlsx(monitoring), "监控表.html": monitoring_html(monitoring)}
    invisible = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
    for name, data in files.items():
        raw = data if isinstance(data, bytes) else data.encode()
        texts = [raw.decode()] if not raw.startswith(b"PK") else \
            [zipfile.ZipFile(io.BytesIO(raw)).read(part).decode(errors="replace")
             for part in zipfile.ZipFile(io.BytesIO(raw)).namelist() if part.endswith(".xml")]
        assert not any(invisible.search(text) for text in texts), name
    assert re.search(r"</w:t><w:br/><w:t>", _document_xml(files["监控表.docx"]).decode())


def test_the_word_monitoring_table_reads_back_its_labels(seed_document: Document) -> None:
    """The seed's Word 监控表, whose narrow columns break 「全年预计 / 完成情况」 between words (a line break in the
    cell), reads back with every 一级/二级 name and header as the seed writes it: the readers join a cell's lines."""
    from perfbudget.load import load_bytes
    from perfbudget.writers.monitoring_files import monitoring_docx
    from tests.evaluate.test_monitor import _rows
    from tests.writers.test_monitoring_files import _monitoring

    data = monitoring_docx(_monitoring(seed_document, _rows()))
    assert "全年预计</w:t><w:br/><w:t>完成情况" in _document_xml(data).decode()
    read = load_bytes(data, "监控表.docx")
    assert read.document is not None and read.document.projects, read.problems
    project = read.document.projects[0]
    names = {(i.level1, i.level2) for i in project.indicators}
    written = {(i.level1, i.level2) for i in seed_document.projects[0].indicators}
    assert names and names <= written, (names, written)


def _document_xml(data: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")
