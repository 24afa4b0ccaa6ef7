"""Round 39's printed checks of the Word forms (docs/publishing.md, *Printed again (print39)*)."""

from __future__ import annotations

import unicodedata
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
    each of its words fits a line and broken between words it takes no more lines than a character at a time."""
    words = [len(word) for word in rjieba.cut(text)]
    return len(text) > room and max(words) <= room and \
        _lines_filled(words, room) <= _lines_filled([1] * len(text), room)


def test_a_word_label_too_wide_for_its_column_breaks_between_its_words(tmp_path: Path) -> None:
    """Made-up Word grids, one a page, printed in one LibreOffice run (as Word, it fills a line before it breaks): a
    label (一级/二级 names, headers) of 5–11 characters in columns of 3 to 8 characters prints each line as whole
    words — 「服务对象满 / 意度指标」 and 「偏差原因分 / 析及改进措施」 broke inside a word (print38 set a text one
    character too wide on one line, left this)."""
    import pdfplumber
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
    assert not broken, broken


def test_the_joiner_never_reaches_the_text_read_back() -> None:
    """The Word reader drops the joiners where it makes a cell's text: a 二级 label broken between its words reads
    back as written."""
    from perfbudget.writers.word_breaks import joined_words

    joined = joined_words("服务对象满意度指标", 5 * SIZE, lambda text: [SIZE] * len(text))
    assert joined != "服务对象满意度指标" and joined.replace("\u2060", "") == "服务对象满意度指标"
    assert joined_words("满意度指标", 5 * SIZE, lambda text: [SIZE] * len(text)) == "满意度指标"  # (one line)


def test_the_word_monitoring_table_reads_back_its_labels_without_joiners(seed_document: Document) -> None:
    """The seed's Word 监控表, whose narrow columns break 「全年预计 / 完成情况」 between words (the joiners in the
    file), reads back with every 一级/二级 name and header as the seed writes it: no joiner in any text."""
    from perfbudget.load import load_bytes
    from perfbudget.writers.monitoring_files import monitoring_docx
    from tests.evaluate.test_monitor import _rows
    from tests.writers.test_monitoring_files import _monitoring

    data = monitoring_docx(_monitoring(seed_document, _rows()))
    assert "\u2060".encode() in _document_xml(data)  # (some label is broken between its words)
    read = load_bytes(data, "监控表.docx")
    assert read.document is not None and read.document.projects, read.problems
    project = read.document.projects[0]
    names = {(i.level1, i.level2) for i in project.indicators}
    written = {(i.level1, i.level2) for i in seed_document.projects[0].indicators}
    assert names and names <= written and not any("\u2060" in text for pair in names for text in pair), (names, written)


def _document_xml(data: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")
