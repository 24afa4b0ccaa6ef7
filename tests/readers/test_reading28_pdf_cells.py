"""A ruled PDF table's cells read in the order a person reads them, whatever order the producer drew them in.

The PDFs are written here as raw content streams (a Chinese CID font pdfminer knows, Adobe-GB1 with the UniGB-UCS2-H
encoding, and a Latin font whose descriptor sets its descent lower), every character drawn on its own and the
drawing order shuffled on purpose. Main's reader took 产出指标 turned counter-clockwise (read bottom to top) as
「标指出产」 and 100 in the Latin font before a ``%`` in the Chinese font as 「%100」.
"""

from __future__ import annotations

import random
from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from tests.readers.hostile_files import pdf_file

_UPRIGHT, _COUNTER, _CLOCKWISE = b"1 0 0 1", b"0 1 -1 0", b"0 -1 1 0"


def _pdf(content: bytes) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog, tree = add(b""), add(b"")
    descriptor = add(b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
                     b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
    cid = add(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
              b"/Ordering (GB1) /Supplement 2 >> /DW 1000 /FontDescriptor %d 0 R >>" % descriptor)
    chinese = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                  b"/DescendantFonts [%d 0 R] >>" % cid)
    latin_descriptor = add(b"<< /Type /FontDescriptor /FontName /Latin /Flags 32 /FontBBox [0 -450 600 550] "
                           b"/ItalicAngle 0 /Ascent 550 /Descent -450 /CapHeight 550 /StemV 80 >>")
    latin = add(b"<< /Type /Font /Subtype /TrueType /BaseFont /Latin /FirstChar 32 /LastChar 126 /Widths [%s] "
                b"/FontDescriptor %d 0 R /Encoding /WinAnsiEncoding >>" % (b" ".join([b"500"] * 95), latin_descriptor))
    contents = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    page = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 600 800] /Contents %d 0 R "
               b"/Resources << /Font << /C %d 0 R /L %d 0 R >> >> >>" % (tree, contents, chinese, latin))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page
    return pdf_file(objects, catalog)


def _chars(x: float, y: float, text: str, matrix: bytes = _UPRIGHT, latin: bool = False) -> list[bytes]:
    """Each character drawn on its own (10 points, advancing by its width along the matrix's direction)."""
    a, b = (float(v) for v in matrix.split()[:2])
    out = []
    for ch in text:
        code = b"(" + ch.encode("latin-1") + b")" if latin else b"<" + ch.encode("utf-16-be").hex().encode() + b">"
        out.append(b"BT /%s 10 Tf %s %g %g Tm %s Tj ET" % (b"L" if latin else b"C", matrix, x, y, code))
        x, y = x + a * (5 if latin else 10), y + b * (5 if latin else 10)
    return out


_COLUMNS = (40, 120, 220, 360, 480)
_ROWS = (760, 740, 720, 700, 680, 660, 640)  # the rows' top edges and the table's bottom


def _table(first_cell: list[bytes], seed: int, title: list[bytes] | None = None) -> bytes:
    """An optional title line, 项目名称 / 年度资金总额 / the indicator header / two 产出 rows under one merged 一级
    cell / one 效益 row, every character drawn in a shuffled order."""
    rules = [b"0.5 w"] + [b"%d 640 m %d 760 l S" % (x, x) for x in _COLUMNS]
    for y in _ROWS:  # the merged 一级 cell: no rule across its column between its two rows
        rules.append(b"%d %d m 480 %d l S" % (120 if y == 680 else 40, y, y))
    cells = [_chars(43, 746, "项目名称"), _chars(123, 746, "道路工程"), _chars(43, 726, "年度资金总额"),
             _chars(123, 726, "919.00", latin=True), _chars(43, 706, "一级指标"), _chars(123, 706, "二级指标"),
             _chars(223, 706, "三级指标"), _chars(363, 706, "指标值"), first_cell,
             _chars(123, 686, "数量指标"), _chars(223, 686, "完成项目数"), _chars(363, 686, "3", latin=True),
             _chars(123, 666, "质量指标"), _chars(223, 666, "验收合格率"), _chars(363, 666, "100", latin=True),
             _chars(378, 666, "%"), _chars(43, 646, "效益指标"), _chars(123, 646, "社会效益指标"),
             _chars(223, 646, "结算争议率"), _chars(363, 646, "0%")]
    drawn = [op for cell in [*cells, title or []] for op in cell]
    random.Random(seed).shuffle(drawn)
    return _pdf(b"\n".join(rules + drawn))


def test_cells_read_by_position_whatever_the_drawing_order() -> None:
    for seed in (1, 2):
        turned = _chars(55, 663, "产出指标", _COUNTER)  # read bottom to top, as Word's 文字方向 turned left
        result = load_bytes(_table(turned, seed), "turned.pdf")
        assert result.document is not None, result.problems
        project = result.document.projects[0]
        assert (project.name, project.budget.total) == ("道路工程", Decimal("919.00"))
        assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
            ("产出指标", "数量指标", "完成项目数", "3"), ("产出指标", "质量指标", "验收合格率", "100%"),
            ("效益指标", "社会效益指标", "结算争议率", "0%")]


def test_a_title_line_in_two_fonts_is_one_line() -> None:
    title = _chars(40, 775, "2021", latin=True) + _chars(60, 775, "年度项目支出绩效目标表")
    result = load_bytes(_table(_chars(55, 663, "产出指标", _COUNTER), 3, title), "title.pdf")
    assert result.document is not None, result.problems
    project = result.document.projects[0]
    assert (project.title, project.fund_year) == ("2021年度项目支出绩效目标表", 2021)


def test_a_cell_turned_both_ways_is_a_located_error() -> None:
    mixed = _chars(50, 663, "产出", _COUNTER) + _chars(62, 698, "指标", _CLOCKWISE)
    result = load_bytes(_table(mixed, 1), "mixed.pdf")
    assert result.document is None
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert [(p.source.page, p.source.table, p.source.row, p.source.column) for p in errors] == [(1, 1, 4, 1)]
    assert "无法确定阅读顺序" in errors[0].message
