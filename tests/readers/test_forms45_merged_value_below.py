"""A merged range's value written below its top-left cell (forms45, FAILURES.md section DA): a program or WPS leaves
the name of a 一级 merged down over three rows in the range's second row, the top-left cell empty. Excel, WPS and
LibreOffice show the range blank; the reader reads the value as the range's (forms37, with a warning) — since forms45
for every row of the range from its top. Fails on ef4c51ff's ``src``: the value was read at its own row, so the rows
above it took the group above them (产出指标's first row read under the 一级 before it)."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from perfbudget.load import load_bytes, load_path
from tests.conftest import soffice_path, soffice_profile

_ROWS: list[list[object]] = [
    ["项目支出绩效目标表（2024年度）"], ["项目名称", "校舍维修"], ["年度资金总额（万元）", 30],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"],
    [None, None, "维修面积", "≥800平方米"],  # 一级 A6:A8 (its name in A7), 二级 B6:B7 (its name in B7)
    ["产出指标", "数量指标", "维修间数", "≥12间"],
    [None, "质量指标", "验收合格率", "100%"],
]
_MERGES = ((5, 0, 7, 0), (5, 1, 6, 1))  # 0-based (row, column, last row, last column)


def _sheet() -> bytes:
    """The form with the two ranges merged after their names were moved a row down (as the file holds them)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in _ROWS:
        sheet.append(row)
    for r, c, last_r, last_c in _MERGES:
        held = {(q, c): sheet.cell(row=q + 1, column=c + 1).value for q in range(r, last_r + 1)}
        sheet.merge_cells(start_row=r + 1, start_column=c + 1, end_row=last_r + 1, end_column=last_c + 1)
        for (q, k), value in held.items():  # (openpyxl empties a merged range: its cells written back as the file has)
            if value is not None and q > r:
                from openpyxl.cell.cell import Cell

                sheet._cells[(q + 1, k + 1)] = Cell(sheet, row=q + 1, column=k + 1, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_READ = [("满意度指标", "服务对象满意度指标", "师生满意度"), ("产出指标", "数量指标", "维修面积"),
         ("产出指标", "数量指标", "维修间数"), ("产出指标", "质量指标", "验收合格率")]


def test_a_value_below_the_top_of_a_range_merged_down_is_every_row_s() -> None:
    loaded = load_bytes(_sheet(), "below.xlsx")
    assert loaded.document is not None, loaded.problems
    (project,) = loaded.document.projects
    assert [(i.level1, i.level2, i.level3) for i in project.indicators] == _READ
    told = [p.message for p in loaded.problems if "不在其左上角" in p.message]
    assert len(told) == 2 and "「产出指标」写在合并单元格（自第6行第1列起）的第7行第1列" in told[0]
    assert "「数量指标」写在合并单元格（自第6行第2列起）的第7行第2列" in told[1]
    # (the rows the value was given to named, as it was given: forms45's mend)
    assert "已作为第6至第8行的合并单元格内容读取" in told[0] and "已作为第6至第7行的合并单元格内容读取" in told[1]
    first = project.indicators[1]
    assert first.sources["level1"].row == 7  # (the name's own place in the file)


def test_only_the_rows_of_ranges_with_an_empty_top_are_kept() -> None:
    """The rows of a range whose top-left cell holds its value are not kept for later (forms45's mend: every row
    inside any range merged down was)."""
    from perfbudget.model import Source
    from perfbudget.readers.grid import Cell
    from perfbudget.readers.xlsx_merged import MergedValues, merged_down

    merged = MergedValues({}, "f.xlsx", "Sheet1", merged_down([(1, 1, 3, 1), (1, 2, 3, 2)]))
    for r in (1, 2, 3):
        merged.mark_down(r, [Cell("一级" if r == 1 else "", Source("f.xlsx", row=r)), Cell("", Source("f.xlsx"))],
                         None)
    assert sorted(merged.rows_down) == [1, 2, 3]  # (the second range's top is empty)
    merged = MergedValues({}, "f.xlsx", "Sheet1", merged_down([(1, 1, 3, 1)]))
    for r in (1, 2, 3):
        merged.mark_down(r, [Cell("一级" if r == 1 else "", Source("f.xlsx", row=r))], None)
    assert not merged.rows_down


def test_the_same_in_the_xls_and_ods_libreoffice_saves(tmp_path: Path) -> None:
    """LibreOffice keeps the value under the merge in its .xls and .ods (xlrd's and odfpy's covered cells)."""
    source = tmp_path / "below.xlsx"
    source.write_bytes(_sheet())
    for form in ("xls", "ods"):
        subprocess.run([soffice_path(), f"-env:UserInstallation={soffice_profile()}", "--headless", "--convert-to",
                        form, "--outdir", str(tmp_path / form), str(source)], check=True, capture_output=True,
                       timeout=240)
        loaded = load_path(tmp_path / form / f"below.{form}")
        assert loaded.document is not None, (form, loaded.problems)
        (project,) = loaded.document.projects
        assert [(i.level1, i.level2, i.level3) for i in project.indicators] == _READ, form
        assert any("已作为第6至第8行的合并单元格内容读取" in p.message for p in loaded.problems), form


def test_the_harness_off_corner_layout_leaves_an_older_value_covered(tmp_path: Path) -> None:
    """The harness's layout (form_renderings: ``off_corner``) puts an older text in a range's third cell too: read as
    the text all the same, the older one told as covered (forms45's mend: it put none)."""
    from tests.readers.form_renderings import LAYOUTS, form_of, reading_of, write_xlsx

    [layout] = [layout for layout in LAYOUTS if layout.off_corner]
    [text] = (Path(__file__).resolve().parents[1] / "fixtures" / "real" / "corpus").glob("93_*.txt")
    document = load_path(text).document
    assert document is not None
    write_xlsx([form_of(document, document.projects[0])], tmp_path / "off.xlsx", layout)
    loaded = load_path(tmp_path / "off.xlsx")
    assert reading_of(loaded.document) == reading_of(document)
    assert any("「原" in p.message and "遮住" in p.message for p in loaded.problems)
