"""Hostile files found by hostile20 (2026-12-05), each read by the real readers; each test failed before its fix.

The bounds are tested on small files with small limits (the work counted, never the time); ``bench/hostile_files.py``
measures the full-size files at the default limits.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from perfbudget.config import Limits
from perfbudget.interchange import document_to_dict
from perfbudget.load import load_bytes, load_path

ROOT = Path(__file__).resolve().parents[2]


def _pdf(objects: list[bytes], xref: bool = True) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    if not xref:
        return bytes(out + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(out)


def _limits(**changes: int) -> Limits:
    return dataclasses.replace(Limits(), **changes)


def test_a_pdf_without_a_cross_reference_table_is_not_parsed_object_by_object_without_end() -> None:
    """pdfminer's search for the table (every line from the end) and its scan of every object were unbounded: a
    million objects (35 MB) cost 66 s of CPU and 540 MB before 「没有找到表格」."""
    data = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>"] + [b"<< /A %d >>" % i for i in range(20_000)], xref=False)
    result = load_bytes(data, "noxref.pdf", limits=_limits(max_pdf_objects=2_000))
    assert result.document is None
    assert "解析的记号超过 10000 个的上限" in result.errors[0].message
    assert "PERFBUDGET_MAX_PDF_OBJECTS" in result.errors[0].message


def test_a_pdf_font_of_endless_widths_is_refused_while_it_is_parsed() -> None:
    """A font's /Widths array of 2,000,000 numbers (7.8 MB) cost 7.8 s of CPU and 420 MB."""
    content = b"BT /F1 12 Tf (a) Tj ET"
    data = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> >>",
                 b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
                 b"<< /Type /Font /Subtype /TrueType /BaseFont /X /FirstChar 0 /LastChar 49999 /Widths 6 0 R >>",
                 b"[" + b"500 " * 50_000 + b"]"])
    result = load_bytes(data, "widths.pdf", limits=_limits(max_pdf_objects=2_000))
    assert result.document is None
    assert "解析的记号超过 10000 个的上限" in result.errors[0].message


def test_real_pdfs_parse_well_within_the_bound() -> None:
    """The seed's PDF (ten projects, the largest real PDF of the fixtures: 27,000 tokens) reads with the
    objects bound lowered to what it draws (20,000), its parse bound then 100,000 tokens (the default is 500,000)."""
    from perfbudget.readers import pdf_bounds

    assert pdf_bounds.parse_bound(Limits()) == 500_000
    result = load_path(ROOT / "tests" / "fixtures" / "seed.pdf", limits=_limits(max_pdf_objects=20_000))
    assert result.document is not None and len(result.document.projects) == 10
    assert not any("解析的记号" in p.message for p in result.problems)


def test_an_html_cell_of_endless_attributes_is_refused_before_any_parser_builds_them() -> None:
    """3,000,000 attributes on one cell (31 MB, five elements) cost 11.7 s of CPU and 1.3 GB (lxml for the depth,
    then BeautifulSoup) before 「没有找到绩效目标表」."""
    attributes = " ".join(f"a{i}=1" for i in range(6_000))
    page = f"<html><body><table><tr><td {attributes}>项目名称</td></tr></table></body></html>".encode()
    result = load_bytes(page, "attrs.html", limits=_limits(max_html_elements=500))
    assert result.document is None
    assert "属性过多" in result.errors[0].message and "PERFBUDGET_MAX_HTML_ELEMENTS" in result.errors[0].message


def test_attribute_words_are_counted_past_quoted_values_and_not_inside_them() -> None:
    from perfbudget.readers.bounds import tag_words_over

    # a quoted ">" does not end the tag (bare attributes after it still count); a quoted style's words do not count
    assert tag_words_over('<td title=">" ' + "a " * 100 + ">x</td>", 100)
    assert not tag_words_over("<td style='border: solid 1pt; padding: 0 5pt 0 5pt' width=166>x y z w</td>", 5)


def _seed_document() -> dict[str, object]:
    document = load_path(ROOT / "examples" / "000_e2047472f0d7711d.txt").document
    assert document is not None
    return document_to_dict(document)


def test_a_json_integer_too_long_for_python_is_a_located_error_not_a_traceback() -> None:
    text = json.dumps(_seed_document(), ensure_ascii=False, indent=2)
    text = text.replace('"fund_year": 2024', '"fund_year": ' + "9" * 5_000, 1)
    result = load_bytes(text.encode(), "digits.json")
    assert result.document is None
    error = result.errors[0]
    assert "整数超过 4300 位" in error.message and error.source.line == text[:text.index("9" * 5_000)].count("\n") + 1


def test_a_json_amount_of_a_million_digits_is_refused_naming_its_field() -> None:
    """「1e999999」 as a budget was read: `perfbudget read` then spent over a minute printing its million digits."""
    for amount in ("1e999999", "1e-999999", "9" * 100):
        document = _seed_document()
        document["projects"][0]["budget"]["total"] = amount  # type: ignore[index]
        result = load_bytes(json.dumps(document, ensure_ascii=False).encode(), "amount.json")
        assert result.document is None
        assert result.errors[0].message.startswith("projects[0].budget.total: ")
        assert "数值位数过多" in result.errors[0].message


def test_a_json_document_of_more_indicators_than_rows_is_refused_before_they_are_built() -> None:
    """200,000 indicators (46 MB) cost 3.9 s of CPU and 400 MB to build (then refused only when stored)."""
    document = _seed_document()
    project = document["projects"][0]  # type: ignore[index]
    project["indicators"] = [project["indicators"][0]] * 120
    document["projects"] = [project]
    result = load_bytes(json.dumps(document, ensure_ascii=False).encode(), "rows.json", limits=_limits(max_rows=100))
    assert result.document is None
    assert "JSON 含 120 个三级指标，超过 100 个的上限" in result.errors[0].message


def test_json_objects_and_arrays_are_held_to_twice_the_cells() -> None:
    text = '{"format": "perfbudget/1", "projects": [' + ",".join(["{}"] * 250) + "]}"
    result = load_bytes(text.encode(), "objects.json", limits=_limits(max_cells=100))
    assert result.document is None
    assert "超过 200 个的上限" in result.errors[0].message


def test_an_xlsx_of_endless_merged_ranges_is_refused_before_openpyxl_builds_them() -> None:
    """openpyxl builds every merged range of a sheet even when it streams the rows (some 14 µs each): 900,000 of
    them (4.6 MB, under the XML elements bound) cost 8.3 s of CPU and 510 MB; they count against the cells bound now."""
    import io
    import zipfile

    from tests.readers.hostile_files import xlsx

    data = xlsx(b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>', "A1:B2")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = {info.filename: package.read(info) for info in package.infolist()}
    merges = b"".join(b'<mergeCell ref="A%d:B%d"/>' % (2 * i + 1, 2 * i + 2) for i in range(300))
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", b'</sheetData><mergeCells count="300">' + merges + b"</mergeCells>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, body in members.items():
            package.writestr(name, body)
    result = load_bytes(out.getvalue(), "merges.xlsx", limits=_limits(max_cells=200))
    assert result.document is None
    assert "合并单元格" in result.errors[0].message and "PERFBUDGET_MAX_CELLS" in result.errors[0].message


class _Scans:
    """Stands for a compiled pattern and records the length of every text it is asked to scan."""

    def __init__(self, pattern: object) -> None:
        self.pattern = pattern
        self.lengths: list[int] = []

    def finditer(self, text: str) -> object:
        self.lengths.append(len(text))
        return self.pattern.finditer(text)  # type: ignore[attr-defined]


def test_the_text_reader_scans_a_long_line_in_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 40 MB line held the interpreter's lock for over a second at a time (one scan for runs of spaces, one for
    a table header in prose, one normalization for a cut form): another client of the server waited 1.9–2.1 s for
    an answer. Each scan of the text is a million characters at most now, and the two others are not made."""
    from perfbudget.readers import glued_cut_form, text, text_glued

    spaces = _Scans(text._SPACE_RUN)
    headers = _Scans(text_glued._PROSE_HEADER_START)
    monkeypatch.setattr(text, "_SPACE_RUN", spaces)
    monkeypatch.setattr(text_glued, "_PROSE_HEADER_START", headers)
    compacted: list[int] = []
    original = glued_cut_form._compact
    monkeypatch.setattr(glued_cut_form, "_compact", lambda line: compacted.append(len(line)) or original(line))
    line = "项目 名称 " * 600_000  # 3.6 million characters, one line
    result = load_bytes(line.encode(), "line.txt")
    assert result.document is None
    assert spaces.lengths and max(spaces.lengths) <= 1 << 20
    assert not headers.lengths
    assert not any(length > 200_000 for length in compacted)


def test_runs_of_spaces_are_counted_alike_across_the_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    import random
    from itertools import islice

    from perfbudget.readers import text

    monkeypatch.setattr(text, "_STEP", 7)
    rng = random.Random(20)
    for _ in range(2_000):
        sample = "".join(rng.choice("ab \t\u3000") for _ in range(rng.randint(0, 40)))
        for cap in (0, 1, 3, 100):
            whole = sum(1 for _ in islice(text._SPACE_RUN.finditer(sample), cap + 1))
            assert text._space_runs(sample, cap) == whole, (sample, cap)
