"""The database's reasons in Chinese (replay-s: `perfbudget` printed libpq's and SQLite's English after its lead)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.db_reasons import database_reason

runner = CliRunner()


@pytest.mark.parametrize(("raw", "said"), [
    ('connection failed: connection to server at "127.0.0.1", port 1 failed: Connection refused\n\tIs the server',
     "连接被拒绝：该主机和端口上没有运行数据库服务器"),
    ('connection failed: … failed: FATAL:  database "no_db" does not exist',
     "数据库「no_db」不存在（请先创建，如 createdb no_db）"),
    ('connection failed: … FATAL:  role "nobody" does not exist', "数据库用户「nobody」不存在"),
    ('FATAL:  password authentication failed for user "wang"', "数据库用户「wang」的密码不对"),
    ("failed to resolve host 'db.invalid': [Errno -2] Name or service not known", "无法解析主机名「db.invalid」"),
    ("file is not a database", "该文件不是 SQLite 数据库"),
    ("something else entirely\nsecond line", "数据库报告：something else entirely"),
])
def test_the_common_reasons_are_said_in_chinese(raw: str, said: str) -> None:
    assert database_reason(Exception(raw)) == said


def test_a_command_on_a_file_that_is_no_database_says_so(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("这不是数据库", encoding="utf-8")
    done = runner.invoke(app, ["list", "projects", "--db", f"sqlite:///{junk}"])
    assert done.exit_code == 1 and "该文件不是 SQLite 数据库" in done.stderr, done.output
    assert "file is not a database" not in done.output


@pytest.mark.postgres
def test_a_database_that_does_not_exist_is_named_in_chinese(pg_url: str) -> None:
    missing = pg_url.rpartition("/")[0] + "/perfbudget_no_such_database"
    done = runner.invoke(app, ["list", "projects", "--db", missing])
    assert done.exit_code == 1, done.output
    assert "数据库「perfbudget_no_such_database」不存在" in done.stderr and "does not exist" not in done.output
