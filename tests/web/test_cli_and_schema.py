"""``perfbudget user …`` and ``serve --help``; the web tables' migration (one head, matches the models)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from typer.testing import CliRunner

from perfbudget.cli import app, progress_bar
from perfbudget.store import account_tables, records
from perfbudget.store.migrate import alembic_config
from perfbudget.store.schema import Base
from perfbudget.web import tables
from perfbudget.web.app import create_app
from perfbudget.web.settings import WebConfig

WEB_TABLES = {t.name for t in (tables.web_settings, account_tables.users, account_tables.api_tokens,
                               records.audit_log, records.workflow_states, records.workflow_events,
                               records.version_authors, tables.uploads)}
runner = CliRunner()


def test_user_add_list_passwd_token(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    result = runner.invoke(app, ["user", "add", "chen", "--role", "unit_editor", "--unit", "255101",
                                 "--password", "long-enough-1", "--db", db, "--new-unit"])  # nothing imported yet
    assert result.exit_code == 0 and "已创建账号 chen（单位填报人员，单位 255101）" in result.output
    result = runner.invoke(app, ["user", "add", "chen", "--role", "viewer", "--password", "long-enough-1",
                                 "--db", db])
    assert result.exit_code == 1 and "已存在" in result.output
    result = runner.invoke(app, ["user", "add", "li", "--role", "boss", "--password", "long-enough-1", "--db", db])
    assert result.exit_code == 2 and "未知角色" in result.output
    result = runner.invoke(app, ["user", "add", "li", "--role", "unit_editor", "--password", "long-enough-1",
                                 "--db", db])
    assert result.exit_code == 1 and "必须指定所属单位" in result.output
    result = runner.invoke(app, ["user", "list", "--json", "--db", db])
    assert result.exit_code == 0 and json.loads(result.output)[0]["role"] == "unit_editor"
    result = runner.invoke(app, ["user", "passwd", "chen", "--password", "short", "--db", db])
    assert result.exit_code == 1 and "至少需要 10 个字符" in result.output
    result = runner.invoke(app, ["user", "passwd", "chen", "--password", "another-long-2", "--db", db])
    assert result.exit_code == 0
    result = runner.invoke(app, ["user", "token", "chen", "--db", db])
    assert result.exit_code == 0 and result.output.startswith("pb_")
    from perfbudget.app.accounts import authenticate

    application = create_app(WebConfig(database_url=db, secret_key="k" * 40))
    assert authenticate(application.state.engine, "chen", "another-long-2") is not None
    application.state.engine.dispose()


def test_help_of_the_web_commands() -> None:
    for args in (["serve", "--help"], ["user", "--help"], ["user", "add", "--help"], ["user", "passwd", "--help"],
                 ["user", "list", "--help"], ["user", "token", "--help"]):
        result = runner.invoke(app, args)
        assert (result.exit_code == 0 and "--db" in result.output) or "add" in result.output, args


def test_one_migration_head_and_web_tables_match_the_models(tmp_path: Path) -> None:
    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1
    application = create_app(WebConfig(database_url=f"sqlite:///{tmp_path / 'schema.db'}", secret_key="k" * 40))
    with application.state.engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    about_web = [d for d in diffs if any(name in repr(d) for name in WEB_TABLES)]
    assert about_web == []
    application.state.engine.dispose()


def test_create_app_does_nothing_at_import_and_keeps_the_secret(tmp_path: Path) -> None:
    import importlib

    module = importlib.import_module("perfbudget.web.app")
    assert not hasattr(module, "app") and not hasattr(module, "engine")
    url = f"sqlite:///{tmp_path / 'secret.db'}"
    from perfbudget.web.app import stored_secret

    first = create_app(WebConfig(database_url=url))
    second = create_app(WebConfig(database_url=url))
    assert stored_secret(first.state.engine) == stored_secret(second.state.engine)
    for application in (first, second):
        application.state.engine.dispose()


def test_projects_imported_by_the_cli_are_reviewed_before_serving(tmp_path: Path, seed_path: Path) -> None:
    from sqlalchemy import func, select

    from perfbudget.app.reviews import review_unreviewed
    from perfbudget.store.schema import reviews

    db = f"sqlite:///{tmp_path / 'cli-import.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", db]).exit_code == 0
    application = create_app(WebConfig(database_url=db, secret_key="k" * 40))
    assert review_unreviewed(application.state.store, application.state.core, "serve") == 10
    assert review_unreviewed(application.state.store, application.state.core, "serve") == 0
    with application.state.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(reviews)).scalar_one() == 10
    application.state.engine.dispose()


def test_serve_says_and_shows_a_long_review_before_it_starts(tmp_path: Path, seed_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve`` reviewed the 15,000 versions a directory import left unreviewed before it started, saying nothing for
    minutes (faces43's replay): past one batch of versions (``REVIEW_BATCH``) it says what it does first, and the
    review tells its progress after each batch (the terminal's bar)."""
    import io

    from rich.console import Console

    from perfbudget.app import reviews
    from perfbudget.app.reviews import review_unreviewed
    from perfbudget.cli import cmd_serve

    db = f"sqlite:///{tmp_path / 'cli-import.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", db]).exit_code == 0
    application = create_app(WebConfig(database_url=db, secret_key="k" * 40))
    looked: list[int] = []
    assert review_unreviewed(application.state.store, application.state.core, "serve", batch=3,
                             progress=looked.append) == 10
    assert looked == [3, 6, 9, 10]
    other = f"sqlite:///{tmp_path / 'second.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", other]).exit_code == 0
    second = create_app(WebConfig(database_url=other, secret_key="k" * 40))
    said = io.StringIO()
    monkeypatch.setattr(cmd_serve, "err", Console(file=said, width=200))
    monkeypatch.setattr(reviews, "REVIEW_BATCH", 5)
    assert cmd_serve.review_before_serving(second.state.store, second.state.core) == 10
    assert said.getvalue() == "正在审核 10 个尚无审核结果的项目版本（如命令行导入的项目），完成后启动网页端…\n"
    assert cmd_serve.review_before_serving(second.state.store, second.state.core) == 0
    # on a terminal the bar is drawn and counts every version (the bar was never drawn in a test in faces43 at first)
    third = f"sqlite:///{tmp_path / 'third.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", third]).exit_code == 0
    terminal = create_app(WebConfig(database_url=third, secret_key="k" * 40))
    drawn = io.StringIO()
    terminal_console = Console(file=drawn, width=200, force_terminal=True)
    monkeypatch.setattr(cmd_serve, "err", terminal_console)
    monkeypatch.setattr(progress_bar, "err", terminal_console)  # (the one bar: cli.progress_bar, since faces45)
    assert cmd_serve.review_before_serving(terminal.state.store, terminal.state.core) == 10
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn.getvalue())  # the terminal's colours and moves
    assert "正在审核 10 个" in shown and re.search(r"审核 ━+ 10/10", shown), shown
    for made in (application, second, terminal):
        made.state.engine.dispose()


def test_user_token_days_gives_the_token_an_expiry(tmp_path: Path) -> None:
    """The account page's tokens expire (default 90 days); `user token` made only tokens that never did, with no way
    to choose (until 2026-12-04). `--days N` sets the expiry; without it the token lasts until revoked."""
    from datetime import timedelta

    from sqlalchemy import create_engine, select

    from perfbudget.store.account_tables import api_tokens

    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert runner.invoke(app, ["user", "add", "wang", "--role", "viewer", "--password", "long-enough-1",
                               "--db", db]).exit_code == 0
    for args in (["--days", "30"], []):
        made = runner.invoke(app, ["user", "token", "wang", *args, "--db", db])
        assert made.exit_code == 0 and made.stdout.startswith("pb_"), made.output
    refused = runner.invoke(app, ["user", "token", "wang", "--days", "0", "--db", db])
    assert refused.exit_code == 2 and "--days" in refused.output
    engine = create_engine(db)
    with engine.connect() as connection:
        rows = connection.execute(select(api_tokens.c.created_at, api_tokens.c.expires_at)
                                  .order_by(api_tokens.c.id)).all()
    engine.dispose()
    assert len(rows) == 2
    assert rows[0].expires_at - rows[0].created_at == timedelta(days=30) and rows[1].expires_at is None


def test_user_add_reads_a_piped_password_plainly(tmp_path: Path) -> None:
    """Piped into ``user add`` (a script, a provisioning tool), the password is stdin's first line: getpass printed
    its English 「Warning: Password input may be echoed」 and a GetPassWarning traceback line there."""
    import subprocess
    import sys

    from perfbudget.app.accounts import authenticate

    db = f"sqlite:///{tmp_path / 'piped.db'}"
    env = {k: v for k, v in os.environ.items() if k != "PERFBUDGET_PASSWORD"}

    def user(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "perfbudget", "user", *args, "--db", db], input=stdin,
                              capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
                              start_new_session=True)  # no controlling terminal: getpass would fall back

    made = user("add", "wang", "--role", "admin", stdin="piped-secret-77\npiped-secret-77\n")
    assert made.returncode == 0, made.stderr
    assert "已创建账号 wang" in made.stdout
    assert "Warning" not in made.stderr and "echoed" not in made.stderr, made.stderr
    assert "密码取自其第一行" in made.stderr
    one_line = user("add", "zhao", "--role", "viewer", stdin="only-one-line-88\n")
    assert one_line.returncode == 0, one_line.stderr
    differs = user("passwd", "wang", stdin="first-password-1\nsecond-password-2\n")
    assert differs.returncode == 1 and "两次输入的密码不一致" in differs.stderr
    empty = user("passwd", "wang", stdin="")
    assert empty.returncode == 1 and "没有读到密码" in empty.stderr and "Traceback" not in empty.stderr
    application = create_app(WebConfig(database_url=db, secret_key="k" * 40))
    assert authenticate(application.state.engine, "wang", "piped-secret-77") is not None
    assert authenticate(application.state.engine, "zhao", "only-one-line-88") is not None
    application.state.engine.dispose()


def test_the_unreviewed_are_counted_not_read(tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve`` counted the versions it would review by reading every id into a list (15,000 after a directory
    import; faces43 at first): a COUNT(*) in the database, the same number."""
    from perfbudget.app import reviews
    from perfbudget.store.transaction import Transaction

    db = f"sqlite:///{tmp_path / 'counted.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", db]).exit_code == 0
    application = create_app(WebConfig(database_url=db, secret_key="k" * 40))
    store = application.state.store
    with store.reading() as tx:
        ids = tx.unreviewed_latest()

    def read_every_id(*args: object, **kwargs: object) -> list[int]:
        raise AssertionError("every unreviewed id read to count them")

    monkeypatch.setattr(Transaction, "unreviewed_latest", read_every_id)
    assert reviews.unreviewed_total(store) == len(ids) == 10
    application.state.engine.dispose()
