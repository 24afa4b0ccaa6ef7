"""A 监控表's reason cell merged down over several rows, printed to PDF (forms40, FAILURES.md section CM; CH left it):
the PDF reader placed cells by position and gave the covered cells as blanks, so ``monitor 表.pdf -a 表.pdf`` said
须填写偏差原因 for every 有可能 row after the first. Now a position a cell above covers (found by its ruling lines) is
marked as the other readers mark theirs. The Word form of ``test_merged_reasons`` (ruled) printed by LibreOffice;
fails on 4f9cdfa2's ``src``."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from tests.readers.test_forms35_layouts import _saved_by_libreoffice
from tests.readers.test_merged_reasons import MERGES, ROWS, TABLE, TITLE, _monitored
from tests.readers.word_tables import word_file


def _printed(tmp_path: Path, merged: bool) -> Path:
    source = tmp_path / f"{merged}" / "监控表.docx"
    source.parent.mkdir()
    source.write_bytes(word_file(TABLE, [TITLE], MERGES if merged else [], style="Table Grid"))
    return _saved_by_libreoffice(source, "pdf")


def test_a_reason_merged_down_in_a_pdf_is_each_rows(tmp_path: Path) -> None:
    printed = _printed(tmp_path, merged=True)
    assert _monitored(printed.read_bytes(), "监控表.pdf") == [
        (row[2], "其他", "其他：汛期影响施工；纠偏措施：汛后加快施工") for row in ROWS]
    result = CliRunner().invoke(app, ["monitor", str(printed), "-a", str(printed)])
    assert result.exit_code == 0 and "须填写偏差原因" not in result.stderr, result.stderr


def test_a_blank_reason_no_merge_covers_in_a_pdf_is_still_refused(tmp_path: Path) -> None:
    printed = _printed(tmp_path, merged=False)
    result = CliRunner().invoke(app, ["monitor", str(printed), "-a", str(printed)])
    assert result.exit_code == 1
    assert result.stderr.count("完成目标可能性为「有可能」，须填写偏差原因") == 2, result.stderr
