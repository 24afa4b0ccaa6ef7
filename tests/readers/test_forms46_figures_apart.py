"""Two figures on two lines of one value cell are two figures, a figure a narrow cell wrapped is one (forms46,
FAILURES.md section DD). forms45 joined a value's lines as a name's (``cell_values.one_value``), so ``12`` / ``34``
under 指标值 read as the target 1234, and the PDF reader joined every cell's lines so (``12`` / ``34`` in a ruled
cell: 1234 too). The rule a person reads by: a break between two digits is the writer's when each piece is a whole
figure (``12`` / ``34``: the value ``12；34``, no single figure claimed), and a wrap inside one figure when a piece
cannot be a figure of its own (``1,23`` / ``4.5``: a thousands group cut; ``1`` / ``000``: a leading zero). Each test
fails on 5508b3e8's ``src``."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.readers.cell_values import numbers_apart, one_line, one_value
from perfbudget.readers.text import read_text
from tests.conftest import HEADER_ROWS, table_text
from tests.readers.test_reading28_pdf_cells import _chars, _pdf

_HEAD = "项目支出绩效目标表（2024年度）"
_ROWS = [line.split("\t") for line in ("项目名称\t道路维修\t\t", "一级指标\t二级指标\t三级指标\t指标值",
                                        "产出指标\t数量指标\t维修道路条数\t12\n34",
                                        "产出指标\t数量指标\t维修道路长度\t≥1,23\n4.5公里",
                                        "效益指标\t社会效益指标\t通行时间缩短\t≥95\n%")]
_WANT = [("12；34", None), ("≥1,234.5公里", Decimal("1234.5")), ("≥95%", Decimal("95"))]


def _targets(data: bytes, name: str) -> list[tuple[str, Decimal | None]]:
    loaded = load_bytes(data, name)
    assert loaded.document is not None, loaded.problems
    return [(i.target.raw, i.target.value) for p in loaded.document.projects for i in p.indicators]


def test_the_rule_on_a_cell_s_lines() -> None:
    assert [one_value(t) for t in ("12\n34", "1,23\n4.5", "长度1\n000米", "≥95\n%", "１２\n３４", "2024年\n12月")] \
        == ["12；34", "1,234.5", "长度1000米", "≥95%", "１２；３４", "2024年12月"]
    assert one_line("编号12\n34号") == "编号12\n34号"  # a name keeps the writer's break, as before a numbered line
    assert not numbers_apart("1.", "5") and not numbers_apart("12", "个") and numbers_apart("0.5", "100")


def test_a_word_cell_s_two_paragraphs() -> None:
    import io

    import docx

    word = docx.Document()
    word.add_paragraph(_HEAD)
    table = word.add_table(rows=len(_ROWS), cols=4)
    for r, row in enumerate(_ROWS):
        for c, text in enumerate(row):
            first, *rest = text.split("\n")
            table.cell(r, c).text = first
            for line in rest:
                table.cell(r, c).add_paragraph(line)
    buffer = io.BytesIO()
    word.save(buffer)
    assert _targets(buffer.getvalue(), "apart.docx") == _WANT


def test_an_excel_cell_with_alt_enter() -> None:
    from tests.readers.word_tables import excel_file

    assert _targets(excel_file([[_HEAD], *([c or None for c in row] for row in _ROWS)]), "apart.xlsx") == _WANT


def test_a_tab_copy_on_both_paths() -> None:
    rows = [["产出指标", "数量指标", "维修道路条数", "维修的道路", "12\n34"],
            ["", "质量指标", "验收合格率", "验收合格", "100%"]]
    document, _problems = read_text(table_text(*HEADER_ROWS, *rows), "apart.txt")
    assert document is not None
    assert [i.target.raw for i in document.projects[0].indicators] == ["12；34", "100%"]


def _ruled_pdf(right: int, rows: list[tuple[str, str, str, list[list[bytes]]]], head_x: int = 363) -> bytes:
    """A ruled form (项目名称, the indicator header, three rows of 一级 | 二级 | 三级 | the value cell's drawing) whose
    value column ends at ``right``."""
    lines = [b"0.5 w"] + [b"%d 640 m %d 760 l S" % (x, x) for x in (40, 120, 220, 360, right)] + [
        b"40 %d m %d %d l S" % (y, right, y) for y in (760, 740, 720, 690, 660, 640)]
    cells = [_chars(43, 746, "项目名称"), _chars(123, 746, "道路维修"), _chars(43, 726, "一级指标"),
             _chars(123, 726, "二级指标"), _chars(223, 726, "三级指标"), _chars(head_x, 726, "指标值")]
    for top, (level1, level2, level3, value) in zip((706, 676, 646), rows, strict=True):
        cells += [_chars(43, top, level1), _chars(123, top, level2), _chars(223, top, level3), *value]
    return _pdf(b"\n".join(lines + [op for cell in cells for op in cell]))


def test_a_pdf_cell_s_two_lines() -> None:
    """A ruled PDF table whose value cells hold two lines each: ``12`` over ``34``, ``≥1,23`` over ``4.5公里``."""
    data = _ruled_pdf(480, [
        ("产出指标", "数量指标", "维修道路条数",
         [_chars(363, 708, "12", latin=True), _chars(363, 695, "34", latin=True)]),
        ("产出指标", "数量指标", "维修道路长度",
         [_chars(363, 678, "1,23", latin=True), _chars(363, 665, "4.5", latin=True), _chars(378, 665, "公里")]),
        ("效益指标", "社会效益指标", "通行时间缩短", [_chars(363, 646, "95", latin=True), _chars(373, 646, "%")])])
    assert _targets(data, "apart.pdf") == [("12；34", None), ("1,234.5公里", Decimal("1234.5")),
                                           ("95%", Decimal("95"))]


def test_a_pdf_figure_wrapped_inside_itself_is_one() -> None:
    """A PDF wraps a figure too long for its narrow cell inside itself (``12345`` / ``6.78``): both pieces are whole
    figures, and the rule alone read ``12345；6.78``, the figure lost without a word. The first line fills the cell's
    width there (the next line's first digit would not fit): one figure; ``12`` / ``34`` in the same cell does not,
    the writer's two. A bare ``0`` after a figure is never a figure of its own (``>100`` / ``0``)."""
    data = _ruled_pdf(394, [
        ("产出指标", "数量指标", "维修道路长度",
         [_chars(363, 708, "12345", latin=True), _chars(363, 695, "6.78", latin=True)]),
        ("产出指标", "数量指标", "维修道路条数",
         [_chars(363, 678, "12", latin=True), _chars(363, 665, "34", latin=True)]),
        ("效益指标", "社会效益指标", "通行时间缩短",
         [_chars(363, 651, ">100", latin=True), _chars(363, 642, "0", latin=True)])], head_x=361)
    assert _targets(data, "wrapped.pdf") == [("123456.78", Decimal("123456.78")), ("12；34", None),
                                             (">1000", Decimal("1000"))]


def test_figures_a_page_break_kept_apart_are_told() -> None:
    """A row the page broke, a value cell's text ``12345`` there and ``6.78`` here: no geometry decides, so the two
    figures the rule keeps apart are told at the cell."""
    from perfbudget.model import Severity, Source
    from perfbudget.readers.grid import spanning
    from perfbudget.readers.pdf import _figures_kept_apart

    def row(page: int, *texts: str) -> list:  # type: ignore[type-arg]
        return [spanning(t, Source("cut.pdf", table=1, page=page, row=1, column=c), 1) for c, t in enumerate(texts, 1)]

    told = _figures_kept_apart(row(1, "维修道路", "12345", "2024年"), row(2, "长度", "6.78", "12月"), 2)
    assert [(p.source.column, p.severity) for p in told] == [(2, Severity.WARNING)]
