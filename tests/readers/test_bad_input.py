"""Encodings and bad input: clear file:line errors, never a traceback or a silent partial document."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from perfbudget.load import load_path
from perfbudget.model import Severity


def _lines(seed_path: Path) -> list[str]:
    return seed_path.read_text(encoding="utf-8").splitlines(keepends=True)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-16-le", "utf-8-sig", "utf-16-be"])
def test_windows_encodings_read_like_utf8(tmp_path: Path, seed_path: Path, encoding: str) -> None:
    text = seed_path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / f"seed-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    result = load_path(path)
    expected = load_path(seed_path)
    assert result.ok, result.problems
    assert result.document == expected.document


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = load_path(path)
    assert not result.ok and result.document is None
    assert "文件为空" in result.errors[0].message
    assert result.errors[0].source.file == str(path)


def test_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(os.urandom(4096))
    result = load_path(path)
    assert result.document is None
    assert "二进制" in result.errors[0].message


def test_table_cut_off_mid_row(tmp_path: Path, seed_path: Path) -> None:
    lines = _lines(seed_path)
    cut = next(i for i, line in enumerate(lines) if line.strip() == "司法救助人数")  # level3 cell of a row
    path = tmp_path / "cut.txt"
    path.write_text("".join(lines[: cut + 1]), encoding="utf-8")
    result = load_path(path)
    assert not result.ok
    error = result.errors[0]
    assert error.source.line == cut + 1
    assert "中断" in error.message


def test_table_cut_off_before_indicators(tmp_path: Path, seed_path: Path) -> None:
    lines = _lines(seed_path)
    cut = max(i for i, line in enumerate(lines) if line.startswith("\t绩效目标"))
    path = tmp_path / "cut.txt"
    path.write_text("".join(lines[: cut + 2]), encoding="utf-8")
    result = load_path(path)
    assert not result.ok
    assert any("没有找到指标表头行" in e.message for e in result.errors)


def test_missing_indicator_header_row(tmp_path: Path, seed_path: Path) -> None:
    lines = _lines(seed_path)
    start = [i for i, line in enumerate(lines) if line.strip() == "一级指标"][2]  # project 3
    del lines[start: start + 5]
    path = tmp_path / "noheader.txt"
    path.write_text("".join(lines), encoding="utf-8")
    result = load_path(path)
    assert not result.ok
    error = result.errors[0]
    assert "缺少指标表头行" in error.message
    assert lines[(error.source.line or 0) - 1].strip() == "产出指标"


def test_row_with_too_many_cells(tmp_path: Path, seed_path: Path) -> None:
    lines = _lines(seed_path)
    index = next(i for i, line in enumerate(lines) if line.strip() == "≥15次")
    lines.insert(index + 1, "\t多出来的单元格\n")
    path = tmp_path / "toomany.txt"
    path.write_text("".join(lines), encoding="utf-8")
    result = load_path(path)
    assert not result.ok
    assert result.errors[0].source.line == index + 2
    assert "6个单元格" in result.errors[0].message


def test_text_without_tables(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text("这是一段普通的文字，没有表格。\n第二行。\n", encoding="utf-8")
    result = load_path(path)
    assert result.document is None
    assert "没有找到" in result.errors[0].message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "不存在" in load_path(tmp_path / "nope.txt").errors[0].message
    assert "目录" in load_path(tmp_path).errors[0].message


def test_notes_are_not_errors(inline) -> None:  # type: ignore[no-untyped-def]
    document, problems = inline(
        ["产出指标", "数量指标", "培训次数", "培训次数", "≥2次"],
        ["", "质量指标", "指标2", "", ""],
        ["", "", "……", "", ""],
    )
    assert document is not None and len(document.projects[0].indicators) == 1
    assert all(p.severity is not Severity.ERROR for p in problems)
    assert len([p for p in problems if "跳过" in p.message]) == 2


def test_level1_written_in_the_row_is_kept_as_written(inline) -> None:  # type: ignore[no-untyped-def]
    document, _problems = inline(
        ["产出指标", "数量指标", "培训次数", "培训次数", "≥2次"],
        ["满意度指标", "数量指标", "受训人数", "受训人数", "≥20人"],
        ["", "服务对象满意度指标", "学员满意度", "学员满意度", "≥90%"],
    )
    assert document is not None
    levels = [(i.level1, i.level2) for i in document.projects[0].indicators]
    assert levels == [("产出指标", "数量指标"), ("满意度指标", "数量指标"), ("满意度指标", "服务对象满意度指标")]


def test_level2_under_a_carried_level1_of_another_group_is_placed_by_the_framework(inline) -> None:  # type: ignore[no-untyped-def]
    document, problems = inline(
        ["效益指标", "社会效益指标", "空气质量改善", "空气质量改善", "有效改善"],
        ["", "服务对象满意度指标", "市民满意度", "市民满意度", "≥90%"],
    )
    assert document is not None
    assert document.projects[0].indicators[1].level1 == "满意度指标"
    assert any("补为「满意度指标」" in p.message for p in problems)


UNITLESS_HEADER = [
    ["项目名称", "测试项目"],
    ["主管部门", "某县农业农村局", "实施单位", "某县农田建设服务中心"],
    ["资金情况（万元）", "年度资金总额", "10", "其中：财政拨款", "10", "其他资金", "0"],
    ["年度目标", "完成测试"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
]


def test_unit_from_implementing_unit_with_a_note(inline) -> None:  # type: ignore[no-untyped-def]
    document, problems = inline(["产出指标", "数量指标", "培训次数", "≥2次"], header_rows=UNITLESS_HEADER)
    assert document is not None
    assert (document.unit.code, document.unit.name) == (None, "某县农田建设服务中心")
    assert any("预算单位取自「实施单位」" in p.message and p.severity == "info" for p in problems)


def test_unit_with_a_code_wins(inline) -> None:  # type: ignore[no-untyped-def]
    header = [row if row[0] != "主管部门" else ["主管部门", "[155]某县民政局", "实施单位", "某救助站"]
              for row in UNITLESS_HEADER]
    document, _ = inline(["产出指标", "数量指标", "救助人次", "≥100人次"], header_rows=header)
    assert document is not None
    assert (document.unit.code, document.unit.name) == ("155", "某县民政局")
