"""Found by attack29 (2026-12-06) on a fresh server, and round 28's leftovers; each test failed before its fix."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update
from starlette.testclient import TestClient

from perfbudget.store.account_tables import web_sessions
from perfbudget.store.engine import write_transaction
from perfbudget.store.records import audit_log
from tests.web.conftest import PASSWORD, WebEnv, csrf_of


def _sign_in(client: TestClient, user: str, password: str = PASSWORD) -> int:
    return client.post("/login", data={"username": user, "password": password, "csrf_token": csrf_of(client)},
                       follow_redirects=False).status_code


def _sign_ins(web: WebEnv, user: str) -> list[tuple[str, str | None, str | None]]:
    with web.app.state.engine.connect() as connection:
        rows = connection.execute(select(audit_log.c.summary, audit_log.c.ip, audit_log.c.after).where(
            audit_log.c.action == "session.login", audit_log.c.username == user).order_by(audit_log.c.id)).all()
    return [(row.summary, row.ip, row.after) for row in rows]


def _age(web: WebEnv, minutes: int) -> None:
    """Every sign-in entry and session ``minutes`` older (time passing without waiting for it)."""
    shift = timedelta(minutes=minutes)
    with write_transaction(web.app.state.engine, moves=None) as connection:  # row by row: SQLite keeps text
        for table, column in ((audit_log, audit_log.c.at), (web_sessions, web_sessions.c.created_at)):
            for key, moment in connection.execute(select(table.c.id, column)).all():
                connection.execute(update(table).where(table.c.id == key).values({column.name: moment - shift}))


def test_an_accounts_own_sign_ins_are_bounded_and_each_is_counted(any_web: WebEnv,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # An account signing in again and again with its own password added one session.login entry each time, as fast
    # as its password hashes (some 20 a second). Now up to MOST_LOGGED_PER_HOUR an hour are logged one by one, then
    # an address's sign-ins are one entry every FOLD_MINUTES, and that entry counts the ones folded before it.
    from perfbudget.app import sign_in_record

    assert sign_in_record.MOST_LOGGED_PER_HOUR == 60 and sign_in_record.FOLD_MINUTES == 10
    monkeypatch.setattr(sign_in_record, "MOST_LOGGED_PER_HOUR", 3)  # the same rule at 3: fewer argon2 hashes
    web = any_web
    client = web.client()
    for _ in range(10):
        assert _sign_in(client, "editor") == 303
    entries = _sign_ins(web, "editor")
    assert [summary for summary, _, _ in entries[:3]] == ["editor 登录"] * 3
    assert len(entries) == 4, entries  # the fourth says what follows; the other six are folded
    assert entries[3][0] == "editor 登录（一小时内已登录 3 次以上：同一地址 10 分钟内的登录合记一条）"
    _age(web, 11)
    assert _sign_in(client, "editor") == 303
    entries = _sign_ins(web, "editor")
    assert len(entries) == 5
    summary, ip, after = entries[4]
    assert summary == ("editor 登录（一小时内已登录 3 次以上：同一地址 10 分钟内的登录合记一条；"
                       "上一条记录以来同一地址另有 6 次登录）")
    assert ip == "testclient" and after is not None and '"folded": 6' in after
    # another address past the bound: its first sign-in is an entry of its own, the next ones are folded
    elsewhere = TestClient(web.app, base_url="http://testserver", client=("203.0.113.5", 50000))
    for _ in range(2):
        assert _sign_in(elsewhere, "editor") == 303
    entries = _sign_ins(web, "editor")
    assert len(entries) == 6
    assert entries[5][:2] == ("editor 登录（一小时内已登录 3 次以上：同一地址 10 分钟内的登录合记一条）", "203.0.113.5")
    # two more from the first address are folded; an hour later the account is below the bound again, and its next
    # entry from each address counts what was folded there
    for _ in range(2):
        assert _sign_in(client, "editor") == 303
    _age(web, 61)
    assert _sign_in(client, "editor") == 303
    assert _sign_in(elsewhere, "editor") == 303
    entries = _sign_ins(web, "editor")
    assert [entry[:2] for entry in entries[6:]] == [
        ("editor 登录（上一条记录以来同一地址另有 2 次登录）", "testclient"),
        ("editor 登录（上一条记录以来同一地址另有 1 次登录）", "203.0.113.5")]
    assert _sign_in(client, "editor") == 303
    assert _sign_ins(web, "editor")[8][0] == "editor 登录"
    # the address stays the account's own: a stranger's five failures do not lock its owner out there
    stranger = TestClient(web.app, base_url="http://testserver", client=("198.51.100.7", 50000))
    for _ in range(5):
        assert _sign_in(stranger, "editor", "wrong-password") == 401
    assert _sign_in(stranger, "editor") == 429
    assert _sign_in(client, "editor") == 303
    # other accounts are not held by this one's count
    assert _sign_in(web.client(), "viewer") == 303
    assert [summary for summary, _, _ in _sign_ins(web, "viewer")][-1] == "viewer 登录"


def test_an_accounts_sign_ins_are_looked_up_by_its_own_index(any_web: WebEnv) -> None:
    # The owner's-address check (web.throttle.known_address) and the count of an account's sign-ins read the audit
    # log by (action, time): every sign-in of every account in 90 days. Migration 1833 adds (username, action, time).
    from sqlalchemy import inspect

    from perfbudget.web import throttle

    web = any_web
    engine = web.app.state.engine
    indexes = {index["name"]: index["column_names"] for index in inspect(engine).get_indexes("audit_log")}
    assert indexes.get("ix_audit_log_username_action_at") == ["username", "action", "at"]
    from perfbudget.store.schema import utc_now

    query = select(audit_log.c.id).where(
        audit_log.c.action == throttle.SIGNED_IN, audit_log.c.at >= utc_now() - timedelta(days=90),
        audit_log.c.username == "editor", audit_log.c.ip == "203.0.113.5").limit(1)
    sql = str(query.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SET LOCAL enable_seqscan = off")  # a handful of rows: the plan at scale
            plan = "\n".join(row[0] for row in connection.exec_driver_sql("EXPLAIN " + sql))
        else:
            plan = "\n".join(str(row[-1]) for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "ix_audit_log_username_action_at" in plan, plan
