"""Found by attack17 (2026-12-05) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from perfbudget.app import accounts, overview, paging
from perfbudget.app.accounts import MAX_LIVE_TOKENS
from perfbudget.app.overview import EVENTS_PAGE, EVENTS_SHOWN
from perfbudget.app.passwords import password_problem
from perfbudget.app.review_desk import MOST_REMARKS
from perfbudget.app.roles import Principal, Role
from perfbudget.app.workflow import take_step
from perfbudget.cli import app as cli
from perfbudget.store.account_tables import users
from tests.web.conftest import WebEnv, csrf_of


def _comment(web: WebEnv, project_id: int, times: int, user: str = "editor") -> None:
    """``times`` workflow comments 「意见 n」 by ``user`` (a unit editor on its own project: the role allows it)."""
    with web.app.state.engine.connect() as connection:
        row = connection.execute(select(users.c.id, users.c.unit_code).where(users.c.username == user)).one()
    principal = Principal(row.id, user, user, Role.UNIT_EDITOR, row.unit_code)
    for n in range(1, times + 1):
        assert take_step(web.app.state.store, principal, project_id, "comment", f"意见 {n}", version_required="").ok


def _said(html: str) -> list[int]:
    """The comments in the page's 流程记录 (its section; the history page's audit log names them too)."""
    section = html.split('id="workflow"')[1].split("</section>")[0]
    return [int(n) for n in re.findall(r"意见 (\d+)", section)]


def test_workflow_comments_are_paged_on_the_project_page_the_history_page_and_the_api(any_web: WebEnv) -> None:
    # Every workflow event was drawn on the project page, the history page and the API's history: a unit's
    # editor adding 2,000 comments of 5,000 characters to its own project made each of them 29 MB for every
    # reader (attack16's left list). Now the page shows the newest EVENTS_SHOWN and links to the history page,
    # which pages them newest first; the API pages them (workflow_limit, workflow_offset, workflow_total).
    web, pid = any_web, any_web.project_ids[0]
    count = EVENTS_PAGE + EVENTS_SHOWN + 5
    _comment(web, pid, count)
    reader = web.client("reviewer")
    page = reader.get(f"/projects/{pid}")
    assert page.status_code == 200
    assert _said(page.text) == list(range(count - EVENTS_SHOWN + 1, count + 1)), _said(page.text)
    assert 'id="events-more"' in page.text and f'href="/projects/{pid}/history#workflow"' in page.text

    first = reader.get(f"/projects/{pid}/history").text
    assert _said(first) == list(range(count, count - EVENTS_PAGE, -1))
    assert f"共 {count} 条" in first and "较早的记录" in first
    last = reader.get(f"/projects/{pid}/history?events_page=2").text
    assert _said(last) == list(range(count - EVENTS_PAGE, 0, -1)) and "较新的记录" in last
    assert reader.get(f"/projects/{pid}/history?events_page=0").status_code == 422

    headers = {"Authorization": f"Bearer {web.token('reviewer')}"}
    api = web.client().get(f"/api/v1/projects/{pid}/history", headers=headers).json()
    assert api["workflow_total"] == count and api["workflow_limit"] == paging.PAGE
    assert len(api["workflow"]) == min(count, paging.PAGE)
    part = web.client().get(f"/api/v1/projects/{pid}/history?workflow_limit=10&workflow_offset=60",
                            headers=headers).json()
    assert [e["comment"] for e in part["workflow"]] == [f"意见 {n}" for n in range(61, 71)]
    huge = web.client().get(f"/api/v1/projects/{pid}/history?workflow_limit=100000", headers=headers)
    assert huge.status_code == 422


def test_a_project_with_few_events_shows_them_all_without_the_note(any_web: WebEnv) -> None:
    web, pid = any_web, any_web.project_ids[0]
    _comment(web, pid, EVENTS_SHOWN)
    page = web.client("reviewer").get(f"/projects/{pid}").text
    assert _said(page) == list(range(1, EVENTS_SHOWN + 1)) and 'id="events-more"' not in page
    history = web.client("reviewer").get(f"/projects/{pid}/history").text
    assert "较早的记录" not in history and f"共 {EVENTS_SHOWN} 条" in history


def test_the_history_pages_share_their_arithmetic(any_web: WebEnv) -> None:
    # events_newest_first and history_newest_first: a page past the last is the last
    web, pid = any_web, any_web.project_ids[0]
    _comment(web, pid, 5)
    with web.app.state.store.reading() as tx:
        events, page, pages, total = overview.events_newest_first(tx, pid, 99, 2)
    assert (page, pages, total) == (3, 3, 5) and [e["comment"] for e in events] == ["意见 1"]


def test_a_piped_password_that_is_not_utf8_is_refused_not_a_traceback(tmp_path: Path) -> None:
    # printf '\xff\xfe…' | perfbudget user add: the bytes came in as lone surrogates and argon2's hash raised
    # UnicodeEncodeError (a traceback); a NUL in a piped password made an account no sign-in form could reach.
    db = f"sqlite:///{tmp_path / 'u.db'}"
    for given, said in ((b"\xff\xfeBad-utf8-1234\n", "不是 UTF-8"), (b"Pass\x00word-12345\n", "U+0000")):
        done = subprocess.run([sys.executable, "-m", "perfbudget", "user", "add", "x1", "--role", "viewer",
                               "--db", db], input=given, capture_output=True, timeout=120)
        shown = done.stderr.decode()
        assert done.returncode == 1 and said in shown and "Traceback" not in shown, shown
    assert password_problem("Good\udcffpass-1234") == "密码含有无法识别的字节（不是 UTF-8 编码的文字）"
    assert password_problem("Good-pass-\x1b1234") == "密码含有不可见的控制字符（U+001B）"
    assert password_problem("Good-pass-1234") is None


def test_a_command_line_value_that_is_not_utf8_is_named_not_a_traceback(tmp_path: Path) -> None:
    # perfbudget list projects --search $'\xff', history $'\xff': a traceback
    # (UnicodeEncodeError from the database driver or the terminal); now the value, escaped, and exit 1.
    db = f"sqlite:///{tmp_path / 'u.db'}"
    made = subprocess.run([sys.executable, "-m", "perfbudget", "user", "add", "x1", "--role", "viewer", "--db", db,
                           "--password", "Good-pass-1234"], capture_output=True, timeout=120)
    assert made.returncode == 0, made.stderr.decode()
    for args in ([b"list", b"projects", b"--search", b"\xff", b"--db", db.encode()],
                 [b"history", b"\xff", b"--db", db.encode()]):
        done = subprocess.run([sys.executable.encode(), b"-m", b"perfbudget", *args], capture_output=True,
                              timeout=120)
        shown = done.stderr.decode()
        assert done.returncode == 1 and "\\xff" in shown and "不是 UTF-8" in shown, shown
        assert "Traceback" not in shown


def test_an_api_edit_in_another_money_unit_is_refused_not_stored_in_the_old_one(web: WebEnv) -> None:
    # PUT /api/v1/projects/{id} took the budget's numbers and dropped the document's money_unit: an edit in 元
    # (216200) of a table in 万元 was saved as 216,200 万元, ten thousand times the budget, without a word.
    pid = web.project_ids[0]
    client, headers = web.client(), {"Authorization": f"Bearer {web.token('editor')}"}
    got = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
    document, before = got["document"], got["document"]["projects"][0]["budget"]
    assert document["money_unit"] == "万元"
    in_yuan = {**document, "money_unit": "元", "projects": [
        {**document["projects"][0], "budget": {"total": "216200", "fiscal": "216200", "other": None}}]}
    refused = client.put(f"/api/v1/projects/{pid}", headers=headers,
                         json={"base_version": got["version"], "document": in_yuan})
    assert refused.status_code == 422, refused.text
    assert "金额单位「万元」改为「元」" in refused.json()["error"]["message"]
    after = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
    assert after["version"] == got["version"] and after["document"]["projects"][0]["budget"] == before
    for unit in ("万元", ""):  # the same unit, or none sent: the amounts are in the stored unit
        latest = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
        same = {**in_yuan, "money_unit": unit, "projects": [
            # a split that adds up (one that does not is refused since replay-p: app.fund_split)
            {**document["projects"][0], "budget": {**before, "total": f"{len(unit) + 1}.5",
                                                   "fiscal": f"{len(unit) + 1}.5", "other": None}}]}
        saved = client.put(f"/api/v1/projects/{pid}", headers=headers,
                            json={"base_version": latest["version"], "document": same})
        assert saved.status_code == 200 and saved.json()["status"] == "saved", saved.text


def test_the_opinion_prints_the_newest_workflow_comments_and_counts_the_rest(web: WebEnv) -> None:
    # Every workflow comment went into the 审核意见书: a unit editor's 2,000 comments on its own project made the
    # project's and its unit's opinion 30 MB of HTML and 4 s of CPU per Word download, for every reviewer.
    pid = web.project_ids[0]
    _comment(web, pid, MOST_REMARKS + 7)
    reviewer = web.client("reviewer")
    html = reviewer.get(f"/projects/{pid}/opinion.html").text
    said = [int(n) for n in re.findall(r"意见 (\d+)", html)]
    assert said == list(range(8, MOST_REMARKS + 8)), said
    assert "较早的 7 条意见从略" in html
    word = reviewer.get(f"/projects/{pid}/opinion.docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert "较早的 7 条意见从略" in text
    assert [int(n) for n in re.findall(r"：意见 (\d+)", text)] == list(range(8, MOST_REMARKS + 8))


def test_an_account_has_at_most_fifty_tokens_in_use_and_the_pages_list_the_ended_ones_bounded(
        web: WebEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    # Any account (a viewer's too) made API tokens without bound on 我的账号, each listed there and on the admins'
    # 令牌 page with every revoked one: made and revoked again and again, the admins' page grew without end.
    client = web.client("viewer")
    for n in range(MAX_LIVE_TOKENS):
        made = client.post("/account/tokens", data={"csrf_token": csrf_of(client, "/account"), "name": f"t{n}"})
        assert made.status_code == 200 and 'id="new-token"' in made.text
    refused = client.post("/account/tokens", data={"csrf_token": csrf_of(client, "/account"), "name": "one more"},
                          follow_redirects=True)
    assert f"上限 {MAX_LIVE_TOKENS} 个" in refused.text and 'id="new-token"' not in refused.text
    assert "one more" not in refused.text
    done = CliRunner().invoke(cli, ["user", "token", "viewer", "--db", web.url])
    assert done.exit_code == 1 and f"上限 {MAX_LIVE_TOKENS} 个" in done.output
    monkeypatch.setattr(accounts, "ENDED_TOKENS_SHOWN", 10)
    ids = [int(i) for i in re.findall(r'/account/tokens/(\d+)/revoke', refused.text)]
    for token_id in ids[:25]:
        client.post(f"/account/tokens/{token_id}/revoke", data={"csrf_token": csrf_of(client, "/account")})
    page = client.get("/account").text
    assert page.count(">已吊销</span>") == 10 and page.count(">吊销</button>") == MAX_LIVE_TOKENS - 25
    assert "另有 15 个较早的已吊销或已过期令牌未列出" in page
    admin = web.client("admin").get("/admin/tokens").text
    assert "另有 15 个较早的已吊销或已过期令牌未列出" in admin
    again = client.post("/account/tokens", data={"csrf_token": csrf_of(client, "/account"), "name": "after"})
    assert 'id="new-token"' in again.text  # revoked ones no longer count
