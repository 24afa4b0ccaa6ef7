"""``perfbudget export``: every form, output naming, --json report, refusing bad input; sniffing on read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.load import load_path
from perfbudget.model import Document
from tests.conftest import SAMPLES

runner = CliRunner()


@pytest.mark.parametrize("form", ["xlsx", "docx", "html", "json"])
def test_export_each_form_reads_back(tmp_path: Path, seed_path: Path, seed_document: Document, form: str) -> None:
    out = tmp_path / f"out.{form}"
    result = runner.invoke(app, ["export", str(seed_path), "--to", form, "-o", str(out), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report == {"input": str(seed_path), "output": str(out), "to": form, "projects": 10,
                      "indicators": 88, "bytes": out.stat().st_size}
    back = load_path(out)
    assert back.ok and back.document == seed_document


def test_export_default_output_name(tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", str(seed_path), "--to", "docx"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"{seed_path.stem}.docx").exists()
    assert "已导出 10 个项目、88 个指标" in result.output


def test_export_json_to_stdout(seed_path: Path) -> None:
    result = runner.invoke(app, ["export", str(seed_path), "--to", "json", "-o", "-"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["format"] == "perfbudget/1"


def test_export_refuses_unknown_form_and_binary_stdout(seed_path: Path) -> None:
    result = runner.invoke(app, ["export", str(seed_path), "--to", "pdf"])
    assert result.exit_code == 2 and "不支持的导出格式" in result.output
    result = runner.invoke(app, ["export", str(seed_path), "--to", "docx", "-o", "-"])
    assert result.exit_code == 1 and "二进制" in result.output


def test_export_of_a_truncated_file_exports_nothing(tmp_path: Path) -> None:
    sample = next(SAMPLES.glob("25_*.txt"), None)
    assert sample is not None, f"sample 25 missing from {SAMPLES} (the samples live in the repository)"
    out = tmp_path / "x.docx"
    result = runner.invoke(app, ["export", str(sample), "--to", "docx", "-o", str(out)])
    assert result.exit_code == 1 and "中断" in result.output
    assert not out.exists()


def test_read_sniffs_content_and_form_overrides(tmp_path: Path, seed_path: Path) -> None:
    disguised = tmp_path / "table.txt"
    runner.invoke(app, ["export", str(seed_path), "--to", "xlsx", "-o", str(disguised)])
    result = runner.invoke(app, ["read", str(disguised), "--json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)["projects"]) == 10
    result = runner.invoke(app, ["read", str(disguised), "--form", "docx"])
    assert result.exit_code == 1


def test_export_help() -> None:
    result = runner.invoke(app, ["export", "--help"])
    assert result.exit_code == 0 and "--to" in result.output and "绩效目标表" in result.output


def test_export_shows_targets_in_one_notation_unless_original(tmp_path: Path) -> None:
    sample = SAMPLES / "14_hunan-nanyue-fupin-2018-target-lvyoujichusheshi.txt"
    source = load_path(sample).document
    assert source is not None
    typed = [i.target.raw for p in source.projects for i in p.indicators]
    assert ">=20平方米" in typed
    out = tmp_path / "c.html"
    assert runner.invoke(app, ["export", str(sample), "--to", "html", "-o", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "≥20平方米" in page and 'title="原文：&gt;=20平方米"' in page
    kept = tmp_path / "o.docx"
    result = runner.invoke(app, ["export", str(sample), "--to", "docx", "-o", str(kept), "--original"])
    assert result.exit_code == 0, result.output
    assert load_path(kept).document == source
    canonical = tmp_path / "c.docx"
    assert runner.invoke(app, ["export", str(sample), "--to", "docx", "-o", str(canonical)]).exit_code == 0
    again = load_path(canonical).document
    assert again is not None and ">=20平方米" not in [i.target.raw for p in again.projects for i in p.indicators]


def test_export_of_a_table_cut_short_says_it_is_refused_and_what_to_do(tmp_path: Path) -> None:
    """By design a file read with errors is not exported (the export is the table whole); the refusal says so and
    what to do, in Chinese — it said only 未输出结果 until reading-v (corpus 38 from the CLI, print30)."""
    cut = tmp_path / "cut.txt"
    cut.write_text("项目名称\t某项目\n年度资金总额\t50\n一级指标\t二级指标\t三级指标\t指标值\n"
                   "产出指标\t数量指标\t种植数量\t≥100株\n产出指标\t质量指标\n", encoding="utf-8")
    out = tmp_path / "cut.xlsx"
    result = runner.invoke(app, ["export", str(cut), "--to", "xlsx", "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()
    assert f"{cut}:5:第2列: 错误：表格在此中断" in result.output  # where the table broke, located
    assert "读取不完整（1 个错误），未导出：读取有错误的文件不导出" in result.output
    assert "请按上面所列位置核对原文件" in result.output
