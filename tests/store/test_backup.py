"""``perfbudget db backup FILE`` / ``db restore FILE`` (leftovers19): a SQLite store copied by SQLite's backup API,
consistent while another connection writes; the copy and the restored store checked (intact, a perfbudget store,
migrations current); nothing replaced silently; PostgreSQL sent to pg_dump / pg_restore with the docs' words."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.store.engine import make_engine, write_transaction
from perfbudget.store.migrate import alembic_config, head_revision

runner = CliRunner()


def run(*args: str) -> object:
    return runner.invoke(app, list(args))


def _listed(url: str) -> object:
    result = run("list", "projects", "--year", "all", "--json", "--limit", "1000", "--db", url)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    return json.loads(result.stdout)  # type: ignore[attr-defined]


def test_a_backup_while_another_connection_writes_is_consistent_and_restores(tmp_path: Path,
                                                                            seed_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert run("import", str(seed_path), "--db", url).exit_code == 0  # type: ignore[attr-defined]
    before = _listed(url)
    # a writer in the middle of a transaction (the server saving): the backup copies the committed store only
    with closing(sqlite3.connect(tmp_path / "store.db")) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE projects SET name = '写了一半' WHERE id = 1")
        made = run("db", "backup", str(tmp_path / "backup.db"), "--db", url)
        writer.rollback()
    assert made.exit_code == 0, made.output  # type: ignore[attr-defined]
    assert "10 个项目" in made.stdout and "完整性检查通过" in made.stdout  # type: ignore[attr-defined]
    assert not list(tmp_path.glob("*.part"))
    assert not (tmp_path / "backup.db-wal").exists()  # one self-contained file
    with closing(sqlite3.connect(tmp_path / "backup.db")) as copy:
        assert copy.execute("SELECT name FROM projects WHERE id = 1").fetchone()[0] != "写了一半"
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    # never over an existing file
    again = run("db", "backup", str(tmp_path / "backup.db"), "--db", url)
    assert again.exit_code == 1 and "已存在" in again.stderr  # type: ignore[attr-defined]
    # restored into a new store: the same projects, as every command opens it
    restored = f"sqlite:///{tmp_path / 'restored.db'}"
    done = run("db", "restore", str(tmp_path / "backup.db"), "--db", restored)
    assert done.exit_code == 0, done.output  # type: ignore[attr-defined]
    assert f"结构版本 {head_revision()}" in done.stdout  # type: ignore[attr-defined]
    assert _listed(restored) == before


def test_a_restore_replaces_a_store_only_when_told_and_moves_its_change_counters(tmp_path: Path,
                                                                                  seed_path: Path) -> None:
    from perfbudget.store.backup import counters

    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert run("db", "upgrade", "--db", url).exit_code == 0  # type: ignore[attr-defined]
    assert run("db", "backup", str(tmp_path / "empty.db"), "--db", url).exit_code == 0  # type: ignore[attr-defined]
    assert run("import", str(seed_path), "--db", url).exit_code == 0  # type: ignore[attr-defined]
    seen = counters(tmp_path / "store.db")
    assert seen is not None
    refused = run("db", "restore", str(tmp_path / "empty.db"), "--db", url)
    assert refused.exit_code == 1 and "已有 10 个项目" in refused.stderr and "--force" in refused.stderr  # type: ignore[attr-defined]
    assert _listed(url)["total"] == 10  # type: ignore[index]  # untouched
    forced = run("db", "restore", str(tmp_path / "empty.db"), "--db", url, "--force")
    assert forced.exit_code == 0, forced.output  # type: ignore[attr-defined]
    assert _listed(url)["total"] == 0  # type: ignore[index]
    moved = counters(tmp_path / "store.db")
    assert moved is not None and moved[0] > seen[0] and moved[1] > seen[1]  # a running server's caches see it


def test_a_restore_refuses_what_is_not_a_good_backup_and_changes_nothing(tmp_path: Path, seed_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert run("import", str(seed_path), "--db", url).exit_code == 0  # type: ignore[attr-defined]
    good = tmp_path / "good.db"
    assert run("db", "backup", str(good), "--db", url).exit_code == 0  # type: ignore[attr-defined]
    text = tmp_path / "notes.db"
    text.write_text("不是数据库", encoding="utf-8")
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
    future = tmp_path / "future.db"
    future.write_bytes(good.read_bytes())
    with closing(sqlite3.connect(future)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        connection.commit()
    damaged = tmp_path / "damaged.db"
    data = bytearray(good.read_bytes())
    data[len(data) // 2:len(data) // 2 + 8192] = b"\xff" * 8192
    damaged.write_bytes(bytes(data))
    target = f"sqlite:///{tmp_path / 'target.db'}"
    for file, words in ((tmp_path / "missing.db", "不存在"), (text, "不是 SQLite 数据库文件"),
                        (other, "不是 perfbudget 的数据库"), (future, "来自更新版本的 perfbudget"),
                        (damaged, "")):
        refused = run("db", "restore", str(file), "--db", target)
        assert refused.exit_code == 1 and words in refused.stderr, (file, refused.output)  # type: ignore[attr-defined]
        assert "Traceback" not in refused.output  # type: ignore[attr-defined]
        assert not (tmp_path / "target.db").exists()


def test_an_older_backup_is_restored_and_upgraded(tmp_path: Path, seed_path: Path) -> None:
    old = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{old}")
    with write_transaction(engine, moves=None) as connection:
        command.upgrade(alembic_config(connection), "0001")
    engine.dispose()
    url = f"sqlite:///{tmp_path / 'store.db'}"
    done = run("db", "restore", str(old), "--db", url)
    assert done.exit_code == 0, done.output  # type: ignore[attr-defined]
    assert "已从结构版本 0001" in done.stdout and head_revision() in done.stdout  # type: ignore[attr-defined]
    assert run("import", str(seed_path), "--db", url).exit_code == 0  # type: ignore[attr-defined]


@pytest.mark.postgres
def test_postgresql_is_sent_to_pg_dump(pg_url: str, tmp_path: Path) -> None:
    for args in (("db", "backup", str(tmp_path / "b.db")), ("db", "restore", str(tmp_path / "b.db"))):
        refused = run(*args, "--db", pg_url)
        assert refused.exit_code == 1 and "pg_dump" in refused.stderr and "pg_restore" in refused.stderr  # type: ignore[attr-defined]
    assert list(tmp_path.iterdir()) == []


def test_a_backup_into_a_missing_folder_is_said_in_chinese(tmp_path: Path, seed_path: Path) -> None:
    """``db backup /no/such/folder/b.db`` said 「错误：备份失败：unable to open database file」, SQLite's English
    (faces43's replay): the folder is named, in Chinese, and nothing is written."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert run("import", str(seed_path), "--db", db).exit_code == 0  # type: ignore[attr-defined]
    target = tmp_path / "no-such-folder" / "b.db"
    said = runner.invoke(app, ["db", "backup", str(target), "--db", db])
    assert said.exit_code == 1, said.output
    assert said.stderr.strip() == f"错误：无法写出 {target}：所在目录 {target.parent} 不存在", said.stderr
    assert not target.parent.exists()


def test_a_backup_under_a_file_is_not_said_to_be_a_missing_folder(tmp_path: Path, seed_path: Path) -> None:
    """A backup whose folder is a file was said to be into a folder that does not exist (faces43 at first)."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert run("import", str(seed_path), "--db", db).exit_code == 0  # type: ignore[attr-defined]
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    target = tmp_path / "a-file" / "b.db"
    said = runner.invoke(app, ["db", "backup", str(target), "--db", db])
    assert said.exit_code == 1, said.output
    assert said.stderr.strip() == f"错误：无法写出 {target}：{target.parent} 不是目录", said.stderr
