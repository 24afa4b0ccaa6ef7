"""A change made by an invisible character (a zero-width space) is written out in the history (replay-s)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app

runner = CliRunner()


def test_a_change_by_an_invisible_character_is_shown_in_the_history(db_url: str, seed_path: Path,
                                                                     tmp_path: Path) -> None:
    # a title changed by a zero-width space only was a new version whose history printed the same text twice
    assert runner.invoke(app, ["import", str(seed_path), "--db", db_url]).exit_code == 0
    # (a zero-width space itself is dropped by the readers since reading36: the same bytes otherwise are 未变化;
    # a left-to-right mark, another invisible format character, is kept and still makes a version)
    spaced = tmp_path / "零宽空格.txt"
    spaced.write_text(seed_path.read_text(encoding="utf-8").replace(
        "2024年检察业务信息化运维项目", "2024年检察业务信息化\u200b运维项目"), encoding="utf-8")
    done = runner.invoke(app, ["import", str(spaced), "--db", db_url])
    assert done.exit_code == 0 and "未变化" in done.stdout, done.output
    changed = tmp_path / "零宽.txt"
    changed.write_text(seed_path.read_text(encoding="utf-8").replace(
        "2024年检察业务信息化运维项目", "2024年检察业务信息化\u200e运维项目"), encoding="utf-8")
    done = runner.invoke(app, ["import", str(changed), "--db", db_url])
    assert done.exit_code == 0 and "新版本 1 个" in done.stdout, done.output
    history = runner.invoke(app, ["history", "1", "--db", db_url]).stdout
    said = "项目名称单元格变更：2024年检察业务信息化运维项目-2024中央 → 2024年检察业务信息化〔U+200E〕运维项目-2024中央"
    assert said in history, history
