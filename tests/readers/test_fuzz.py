"""Robustness: mutated inputs never make the load pipeline raise.

Hypothesis mutates the seed, the real samples and fixtures (truncations, deleted, duplicated
and swapped lines, random bytes), random HTML tables and truncated docx/xlsx bytes, and
feeds them to :func:`perfbudget.load.load_bytes`. Whatever comes in: no exception; when
``ok`` the document has projects with indicators; every problem names the file. Hostile
files (tests/readers/hostile_files.py) of random size around small limits check the caps of
issue 12: no exception, and every refusal names the limit's environment variable.
Bounded (≈200 examples per form, no deadline) so the whole module stays well under 20 s.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfbudget.config import Limits
from perfbudget.load import LoadResult, load_bytes
from tests.conftest import SAMPLES, SEED

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                database=None)
NAME = "fuzzed.input"


@lru_cache(maxsize=1)
def _texts() -> tuple[str, ...]:
    paths = [SEED, *sorted(SAMPLES.glob("*.txt")), *sorted(WEB.glob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in paths if p.exists()]
    # the seed's first three tables are enough and keep each example fast
    seed = texts[0].split("\n")
    texts[0] = "\n".join(seed[: len(seed) * 3 // 10])
    return tuple(texts)


def _check(result: LoadResult) -> None:
    for problem in result.problems:
        assert problem.source.file == NAME, problem
        assert problem.message
    if result.ok:
        assert result.document is not None
        assert result.document.projects
        assert all(p.indicators for p in result.document.projects)


@st.composite
def mutated_text(draw: st.DrawFn) -> bytes:
    lines = draw(st.sampled_from(_texts())).split("\n")
    for _ in range(draw(st.integers(0, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate", "cut"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        else:
            lines = lines[:i]
    return "\n".join(lines).encode("utf-8")


@FUZZ
@given(mutated_text())
def test_mutated_text_never_raises(data: bytes) -> None:
    _check(load_bytes(data, NAME))


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(data: bytes) -> None:
    _check(load_bytes(data, NAME))


_CELL_TEXT = st.one_of(
    st.sampled_from(["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "效益指标",
                     "满意度指标", "成本指标", "预算数", "单位：万元", "≥90%", "10.00", "", "绩效目标", "合计"]),
    st.text(max_size=8),
)


@st.composite
def html_table(draw: st.DrawFn) -> bytes:
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        cells = []
        for _ in range(draw(st.integers(0, 7))):
            span = draw(st.sampled_from(["", ' rowspan="2"', ' colspan="3"', ' rowspan="0"', ' colspan="x"',
                                         ' rowspan="99999"']))
            cells.append(f"<td{span}>{draw(_CELL_TEXT)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    nested = draw(st.booleans())
    body = "<table>" + "".join(rows) + "</table>"
    if nested:
        body = f"<table><tr><td>{body}</td></tr></table>"
    return f"<html><body><p>1.测试项目绩效目标表</p>{body}</body></html>".encode()


@FUZZ
@given(html_table())
def test_random_html_tables_never_raise(data: bytes) -> None:
    _check(load_bytes(data, NAME))


@lru_cache(maxsize=1)
def _office_files() -> tuple[bytes, bytes]:
    import docx
    import openpyxl

    rows = [["100001测试单位", "单位：万元"], ["项目名称", "测试项目-2024中央"], ["预算数", "10.00"],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人数", "≥10人"],
            ["效益指标", "社会效益指标", "覆盖率", "≥90%"]]
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    word = io.BytesIO()
    document.save(word)
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    excel = io.BytesIO()
    workbook.save(excel)
    return word.getvalue(), excel.getvalue()


@FUZZ
@given(st.sampled_from([0, 1]), st.floats(0, 1), st.integers(0, 255), st.integers(0, 10**6))
def test_truncated_or_damaged_office_files_never_raise(which: int, cut: float, byte: int, where: int) -> None:
    data = bytearray(_office_files()[which])
    if cut < 0.5:
        data = data[: int(len(data) * cut * 2)]
    else:
        data[where % len(data)] = byte
    _check(load_bytes(bytes(data), NAME))


def _small_limits() -> Limits:
    return Limits(max_part_bytes=64 * 1024, max_unzipped_bytes=256 * 1024, max_pdf_page_objects=300,
                  max_pdf_objects=600, max_rows=40, max_cells=400, max_csv_cells=400, max_html_elements=300)


@st.composite
def hostile_file(draw: st.DrawFn) -> tuple[bytes, str]:
    """Generated hostile files of random size around the (small) limits of :func:`_small_limits`."""
    from tests.readers import hostile_files as hostile

    kind = draw(st.sampled_from(["lines", "text", "forms", "bomb", "understated", "span", "cells", "rows", "far",
                                 "html", "json", "csv"]))
    n = draw(st.integers(1, 800))
    if kind == "lines":
        return hostile.pdf_lines(n), "x.pdf"
    if kind == "text":
        return hostile.pdf_text_bomb(n), "x.pdf"
    if kind == "forms":
        return hostile.pdf_nested_forms(draw(st.integers(1, 5)), draw(st.integers(1, 6))), "x.pdf"
    if kind == "bomb":
        return hostile.pdf([b" " * (n * 256)]), "x.pdf"
    if kind == "understated":
        return hostile.zip_with({"word/document.xml": b"<w:p/>" * n * 40}, "word/document.xml",
                                claimed=draw(st.integers(0, n * 40))), "x.docx"
    if kind == "span":
        return hostile.docx_wide_span(n * n), "x.docx"
    if kind == "cells":
        return hostile.docx_many_cells(n // 10 + 1, draw(st.integers(1, 30))), "x.docx"
    if kind == "rows":
        return hostile.xlsx_many_rows(n), "x.xlsx"
    if kind == "html":
        return hostile.html_cells(n), "x.html"
    if kind == "json":
        depth = draw(st.integers(1, 5000))
        return b'{"format": "perfbudget/1", "projects": ' + b"[" * depth + b"{}," * n, "x.json"
    if kind == "csv":
        return hostile.csv_many_rows(n), "x.csv"
    return hostile.xlsx_far_cells(n // 20 + 1), "x.xlsx"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(hostile_file())
def test_hostile_files_around_the_limits_never_raise(case: tuple[bytes, str]) -> None:
    """Whatever the size: no exception, and a refusal names the limit's environment variable."""
    from perfbudget.evaluate.sheet import read_sheet_bytes

    data, name = case
    limits = _small_limits()
    result = load_bytes(data, name, limits=limits)
    for problem in result.problems:
        assert problem.message
        if "上限" in problem.message:
            assert "PERFBUDGET_" in problem.message, problem.message
    if name.endswith((".xlsx", ".csv")):
        rows, problems = read_sheet_bytes(data, name, limits=limits)
        assert rows or problems
