"""Why a file could not be read or written is said in Chinese (``perfbudget.os_reasons``): the CLI said the
system's English (「No such file or directory」) until 2026-12-05."""

from __future__ import annotations

import errno
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.os_reasons import os_reason


def test_common_reasons_in_chinese_others_after_a_chinese_lead() -> None:
    assert os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory")) == "文件或目录不存在"
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "没有权限"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "磁盘空间不足"
    assert os_reason(OSError(errno.EIO, "Input/output error")) == "系统错误：Input/output error"
    assert os_reason(OSError("odd")) == "系统错误：odd"


def test_export_into_a_missing_folder_says_why_in_chinese(seed_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "没有这个目录" / "表.xlsx"
    result = CliRunner().invoke(app, ["export", str(seed_path), "--to", "xlsx", "-o", str(target)])
    assert result.exit_code == 1
    assert "无法写入" in result.output and "文件或目录不存在" in result.output, result.output
    assert "No such file" not in result.output and not target.exists()

