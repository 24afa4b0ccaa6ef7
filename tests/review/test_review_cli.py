"""``perfbudget review`` and ``perfbudget rules`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.review.registry import all_rules

runner = CliRunner()


def test_review_the_seed_as_text(seed_path: Path) -> None:
    result = runner.invoke(app, ["review", str(seed_path)])
    assert result.exit_code == 1, result.output  # the seed has error-level faults
    text = result.stdout
    assert "255101天津市和平区人民检察院" in text
    assert "2. 检察业务、装备及外包服务费（2023中央）  审核等级：中（错误 3，警告 6，提示 0）" in text
    assert "「服务验收合格率」写作「≥100%」" in text
    assert "建议：写作「100%」或「=100%」" in text
    assert f"{seed_path}:133" in text  # the cell's location
    assert "审核等级：1.良，2.中，3.良" in text
    assert "等级依据 中：有错误3个" in text  # why project 2 got its grade


def test_review_json(seed_path: Path) -> None:
    result = runner.invoke(app, ["review", str(seed_path), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert len(data["projects"]) == 10
    rate = [f for f in data["findings"] if f["rule"] == "rate-over-100"]
    assert [(f["project"], f["indicator"]) for f in rate] == [(2, 3), (2, 4)]
    assert rate[0]["source"]["file"] == str(seed_path)


def test_review_with_config_exit_0_when_no_errors(seed_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "review.toml"
    config.write_text('[rules.rate-over-100]\nseverity = "warning"\n'
                      '[rules.input-as-output]\nenabled = false\n', encoding="utf-8")
    result = runner.invoke(app, ["review", str(seed_path), "--json", "--config", str(config)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert not [f for f in data["findings"] if f["severity"] == "error"]
    assert not [f for f in data["findings"] if f["rule"] == "input-as-output"]


def test_review_with_a_bad_config(seed_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "review.toml"
    config.write_text('disabled = ["no-such-rule"]\n', encoding="utf-8")
    result = runner.invoke(app, ["review", str(seed_path), "--config", str(config)])
    assert result.exit_code == 1
    assert "no-such-rule" in result.stderr and "未进行审核" in result.stderr
    assert result.stdout == ""


def test_review_a_missing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PERFBUDGET_DB", raising=False)
    result = runner.invoke(app, ["review", str(tmp_path / "none.txt")])
    assert result.exit_code == 1
    assert f"没有文件「{tmp_path / 'none.txt'}」" in result.stderr and "也不存在" in result.stderr


def test_review_a_cut_table_says_what_was_read_and_where(tmp_path: Path) -> None:
    """A table missing its tail printed nothing but its cut until 2026-12-04: it is reviewed on what was read,
    and stderr says what was read, what was not, and where; exit 1."""
    from tests.conftest import HEADER_ROWS, table_text

    rows = [["产出指标", "数量指标", "视频会议保障数量", "视频会议保障数量", "≥12次"],
            ["", "质量指标", "验收合格率", "验收合格率", "100%"], ["效益指标"]]
    path = tmp_path / "cut.txt"
    path.write_text(table_text(*HEADER_ROWS, *rows), encoding="utf-8")
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 1
    assert "审核等级" in result.stdout and "只读到2个三级指标" in result.stdout, result.stdout  # the review printed
    assert f"{path}:" in result.stderr and "表格在此中断" in result.stderr
    told = [line for line in result.stderr.splitlines() if "未完整（截断于" in line]
    assert told and "读到表头和 2 个三级指标（最后一个在" in told[0] and "截断之后的内容没有读到" in told[0], told
    assert "完整读到 0 个项目，1 个项目被截断" in result.stderr
    data = json.loads(runner.invoke(app, ["review", str(path), "--json"]).stdout)
    [cut] = data["incomplete"]
    assert cut["indicators_read"] == 2 and cut["cut"]["file"] == str(path) and cut["cut"]["line"]
    assert any(f["rule"] == "table-cut-off" for f in data["findings"])


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_review_a_table_cut_inside_a_character_is_the_cut_table(tmp_path: Path, encoding: str) -> None:
    """A table cut short inside a character (a download stopped short) was 读取不完整…未审核 until 2026-12-04
    (and refused as no text in GB18030): the file's end in a character is the table's cut, reviewed as one."""
    from tests.conftest import HEADER_ROWS, table_text

    rows = [["产出指标", "数量指标", "视频会议保障数量", "视频会议保障数量", "≥12次"],
            ["", "质量指标", "验收合格率", "验收合格率", "100%"], ["效益指标"]]
    path = tmp_path / "cut.txt"
    path.write_bytes(table_text(*HEADER_ROWS, *rows).rstrip().encode(encoding)[:-1])  # 「标」 cut in two
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 1
    assert "未审核" not in result.stderr and "审核等级" in result.stdout, result.output
    assert "文件在一个字符的中间结束" in result.stderr and "表格在此中断" in result.stderr
    assert "完整读到 0 个项目，1 个项目被截断" in result.stderr


def test_review_a_clean_table_exits_0(tmp_path: Path) -> None:
    from tests.review.review_helpers import GOOD_ROWS, table_file_text

    path = tmp_path / "good.txt"
    path.write_text(table_file_text(GOOD_ROWS), encoding="utf-8")
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.stdout and "审核等级：优" in result.stdout


def test_rules_lists_every_rule() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    for spec in all_rules():
        assert spec.id in result.stdout
    data = json.loads(runner.invoke(app, ["rules", "--json"]).stdout)
    assert [d["id"] for d in data] == [s.id for s in all_rules()]
    assert data[0]["description"]


def test_help() -> None:
    for command in ("review", "rules"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
    assert "--config" in runner.invoke(app, ["review", "--help"]).stdout
