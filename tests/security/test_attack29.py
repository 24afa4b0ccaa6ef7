"""Found by attack29 (2026-12-06) on a fresh server, and round 28's leftovers; each test failed before its fix."""

from __future__ import annotations

import re
import time
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


def test_a_sign_ins_purge_of_ended_sessions_reads_them_by_index(any_web: WebEnv) -> None:
    # Each sign-in deletes the sessions ended a day ago, and read every row of web_sessions to find them: with the
    # 500,000 sessions an account signing in again and again leaves in eight hours, 60 ms of CPU a sign-in (every
    # account's) inside the write lock on SQLite. Migration 1833 indexes expires_at.
    from sqlalchemy import delete, inspect

    from perfbudget.store.schema import utc_now

    web = any_web
    engine = web.app.state.engine
    indexes = {index["name"]: index["column_names"] for index in inspect(engine).get_indexes("web_sessions")}
    assert indexes.get("ix_web_sessions_expires_at") == ["expires_at"]
    purge = delete(web_sessions).where(web_sessions.c.expires_at < utc_now() - timedelta(days=1))
    sql = str(purge.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
            plan = "\n".join(row[0] for row in connection.exec_driver_sql("EXPLAIN " + sql))
        else:
            plan = "\n".join(str(row[-1]) for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "ix_web_sessions_expires_at" in plan, plan
    assert _sign_in(web.client(), "editor") == 303  # and sign-in works as before


def _self_evaluation(closing_text: str) -> bytes:
    """A 自评表 (pipe cells) whose 评价结论 row holds ``closing_text``."""
    from tests.readers.test_kinds31_stated_execution import GRID, INDICATORS, NAME, _closing, _pipe

    return _pipe([*NAME, *GRID, *INDICATORS, ["总分", "", "", "", "", "100", "90", ""], *_closing(closing_text)])


@pytest.mark.parametrize("closing", ["执行" + "全年" * 40_000 + "x", "支出" + "执行率1%" * 40_000],
                         ids=["a run of the words before 执行率", "many rates in one clause"])
def test_a_closing_texts_stated_execution_is_read_in_linear_time(closing: str) -> None:
    # kinds31 reads a 自评表's execution from its closing texts. Its rate pattern began with (?:全年|年度|…)*, tried
    # again from each word of a run of them (「全年」 × 40,000, 235 KB: 20 s of CPU), and each figure searched the
    # clause before it for goal words again (「执行率1%」 × 40,000, 430 KB: 13 s). Any unit editor's upload reaches it.
    from perfbudget.load import load_bytes

    data = _self_evaluation(closing)
    started = time.process_time()
    result = load_bytes(data, "自评表.txt")
    assert time.process_time() - started < 2.0
    assert result.ok, result.problems


def _old_figures(text: str, pattern: re.Pattern[str]) -> list[tuple[str, str, str]]:
    """``stated_execution._figures`` and its rate pattern before attack29."""
    from perfbudget.readers import stated_execution as se

    if pattern is se._RATE:
        pattern = re.compile(r"(?:全年|年度|预算|资金|项目|支出|财政资金)*执行率"
                             r"(?:为|是|达|达到|仅|仅为|只有|约|约为|实现|共计)?[:：]?(\d{1,3}(?:\.\d+)?)[%％]")
    found = []
    for clause in se._CLAUSES.split(text):
        for match in pattern.finditer(clause):
            bounded = clause[match.end():match.end() + 3].startswith(se._BOUND_AFTER)
            if bounded or se._GOAL_WORDS.search(clause[:match.start()]):
                continue
            found.append((match.group(1).replace(",", ""), match.group(2) if match.re is se._SPENT else "%", clause))
    return found


def test_the_stated_figures_are_what_they_were() -> None:
    # The same figures as before on random texts of the words around them: the words before 执行率, goal words
    # (overlapping ones: 力争取, 预计划), bounds after a figure, amounts, clause ends.
    import random

    from perfbudget.readers import stated_execution as se

    words = ["全年", "年度", "预算", "资金", "项目", "支出", "财政", "财政资金", "执行率", "执行", "为", "达到", "仅",
             "：", "53", "1.5", "100", "%", "％", "以上", "左右", "目标", "力", "争", "取", "计", "划", "预", "应",
             "不低于", "实际", "已", "万元", "元", "1,000", "，", "。", "了", "金额", "标"]
    rng = random.Random(29)
    for _ in range(60_000):
        text = "".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        for pattern in (se._RATE, se._SPENT):
            assert se._figures(text, pattern) == _old_figures(text, pattern), text
    assert se._figures("力争取执行率95%", se._RATE) == []
    assert se._figures("全年执行率53%，力争执行率95%", se._RATE) == [("53", "%", "全年执行率53%")]


def _old_page_parts(cells: list[object], header_row: int, rows: int, starts: list[int]) -> list[object]:
    """``print_layout.page_parts`` and ``split_at_pages`` before attack29."""
    from dataclasses import replace
    from itertools import pairwise

    def split(first: int, count: int, cuts: list[int]) -> list[tuple[int, int]]:
        parts, start = [], first
        for cut in cuts:
            if start < cut < first + count:
                parts.append((start, cut - start))
                start = cut
        parts.append((start, first + count - start))
        return parts

    out = []
    for first, end in pairwise([0, header_row, *starts, rows]):
        lead = 1 if first > header_row else 0
        specs = [replace(cell, row=0) for cell in cells if cell.row == header_row] if lead else []  # type: ignore
        for cell in cells:
            for part_row, part_rows in split(cell.row, cell.rowspan, starts if first >= header_row else []):  # type: ignore
                if first <= part_row < end:
                    specs.append(replace(cell, row=part_row - first + lead, rowspan=part_rows))  # type: ignore
        out.append((first, end, specs))
    return out


def test_the_page_parts_are_what_they_were() -> None:
    # Each cell is now split once and its pieces put in their parts by bisection: the same parts as before on random
    # grids (merged labels over page starts, heads, starts at the header and doubled), sorted or not.
    import random
    from dataclasses import dataclass

    from perfbudget.writers.print_layout import page_parts

    @dataclass(frozen=True)
    class Spanned:
        row: int
        col: int
        rowspan: int

    rng = random.Random(29)
    for case in range(4_000):
        rows = rng.randint(1, 40)
        header_row = rng.randint(0, min(rows - 1, 5))
        # (a head's cell ends in the head, as in every table drawn: since print30 the head is drawn whole a part)
        cells = [Spanned(row, col, rng.randint(1, (header_row if row < header_row else rows) - row))
                 for row in range(rows) for col in range(3) if rng.random() < 0.7]
        # (starts after the header row: one at it is an empty page part no longer made since print30, which also cuts
        # a long head, tested in tests/writers/test_print30.py)
        starts = sorted(rng.sample(range(header_row + 1, rows), rng.randint(0, min(8, rows - header_row - 1))))
        if case % 10 == 0 and starts:
            starts.append(starts[-1])  # a start given twice
        if case % 50 == 0:
            rng.shuffle(starts)  # out of order: taken part by part, as before
        assert list(page_parts(cells, header_row, rows, starts)) == _old_page_parts(cells, header_row, rows, starts)


def test_a_long_tables_word_download_splits_each_cell_once(web: WebEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    # The Word download drew a table a printed page, and each page split every cell at every page start again
    # (print_layout.page_parts): pages × cells × starts. A unit editor's upload of 990 indicators with long texts
    # (8 MB, a page a row or two) made each Word download of it cost 147 s of CPU, any viewer's too. Now each cell is
    # split once: here 120 indicators of 1,500 characters each (some 100 pages).
    import random

    from perfbudget.writers import print_layout, target_table_docx
    from tests.readers.test_kinds31_stated_execution import GRID, INDICATORS, NAME, _pipe

    rng = random.Random(3)

    def text(length: int) -> str:
        return "".join(rng.choice("甲乙aW1i目") for _ in range(length))

    long_rows = (["产出指标", "数量指标", f"指标{i}" + text(200), "≥10处", "8处" + text(1_500), "0.05", "0.04",
                  text(1_500)] for i in range(120))
    rows = [INDICATORS[0], *long_rows, *INDICATORS[2:]]
    data = _pipe([["单位编码", "255101", "", "", "", "", "", ""], *NAME, *GRID, *rows])
    client = web.client("editor")
    uploaded = client.post("/api/v1/uploads", files={"file": ("长表.txt", data, "text/plain")},
                           headers={"Authorization": f"Bearer {web.token('editor')}"})
    assert uploaded.status_code == 200, uploaded.text
    done = client.post(f"/api/v1/uploads/{uploaded.json()['upload_id']}/import", json={},
                       headers={"Authorization": f"Bearer {web.token('editor')}"})
    assert done.status_code == 200, done.text
    project = done.json()["versions"][0]["project_id"]
    calls: list[int] = []
    split = print_layout.split_at_pages

    def counted(first: int, count: int, starts: list[int]) -> list[tuple[int, int]]:
        calls.append(len(starts))
        return split(first, count, starts)

    monkeypatch.setattr(print_layout, "split_at_pages", counted)
    parts: list[int] = []
    real_parts = target_table_docx.page_parts

    def counted_parts(*args: object) -> object:
        found = list(real_parts(*args))  # type: ignore[arg-type]
        parts.append(len(found))
        return iter(found)

    monkeypatch.setattr(target_table_docx, "page_parts", counted_parts)
    started = time.process_time()
    download = web.client("viewer").get(f"/projects/{project}/download/docx")
    spent = time.process_time() - started
    assert download.status_code == 200 and download.content[:2] == b"PK"
    assert parts and parts[0] > 50, parts  # a page or so a row
    cells = 8 * 125
    assert len(calls) <= cells, (len(calls), parts)  # each cell once (pages × cells before: some 100,000)
    assert spent < 60, spent


def test_migration_1833_goes_down_and_up(db_url: str) -> None:
    # The two sign-in indexes come with 1833 and go with its downgrade, on both databases.
    from alembic import command
    from sqlalchemy import inspect

    from perfbudget.store import Store
    from perfbudget.store.migrate import alembic_config, head_revision

    def indexes(store: Store) -> set[str]:
        found = {index["name"] for table in ("audit_log", "web_sessions")
                 for index in inspect(store.engine).get_indexes(table)}
        return found & {"ix_audit_log_username_action_at", "ix_web_sessions_expires_at"}

    with Store(db_url) as store:
        assert len(indexes(store)) == 2
        with write_transaction(store.engine, moves=None) as connection:
            command.downgrade(alembic_config(connection), "1832_import_sqlite")
        assert indexes(store) == set()
        with write_transaction(store.engine, moves=None) as connection:
            command.upgrade(alembic_config(connection), head_revision())
        assert len(indexes(store)) == 2


def test_a_header_row_of_many_cells_is_read_in_linear_time() -> None:
    # The header block asked for each cell of a row whether the row is a lone value (its only filled cell no label),
    # scanning the whole row each time: a 项目名称 row of 12,000 cells (「|、」 repeated, 48 KB) cost 2 s of CPU, of
    # 40,000 some 25 s, and the readers take 150,000 cells. Worked out once a row now.
    from perfbudget.load import load_bytes
    from tests.readers.test_kinds31_stated_execution import GRID, INDICATORS, NAME, _pipe

    data = _pipe([["项目名称", "|、" * 40_000, "", "", "", "", "", ""], *NAME[1:], *GRID, *INDICATORS])
    started = time.process_time()
    result = load_bytes(data, "宽行.txt")
    assert time.process_time() - started < 2.0
    assert result.document is not None


def test_value_cells_cut_from_their_pairs_are_joined_in_linear_time() -> None:
    # A 「填报单位：桃源县」 cell whose value's end the page put in the next cell (「财政局」) is joined, and the row
    # was copied whole for each such cut: one cell a line, where the whole text is one row, 16,000 of them (926 KB)
    # cost 6.7 s of CPU. The row is copied once now; each value is still joined.
    from perfbudget.load import load_bytes

    blocks = "".join(f"填报单位：桃源县\n财政局\n主管部门\n某局{i}\n" for i in range(16_000))
    text = ("项目支出绩效目标表\n项目名称\n甲项目\n" + blocks
            + "一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n维修工程数\n≥10处\n")
    started = time.process_time()
    result = load_bytes(text.encode(), "每格一行.txt")
    assert time.process_time() - started < 4.0
    assert result.document is not None
    extras = result.document.projects[0].extras
    # each value joined (the first 填报单位 is the table's own)
    assert len(extras) == 31_999 and extras.count(("填报单位", "桃源县财政局")) == 16_000 - 1
