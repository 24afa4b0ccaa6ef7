"""The project page's short path past FastAPI's router answers exactly as the route does, and only where it may."""

from __future__ import annotations

import re
from typing import Any

import pytest

from perfbudget.web import page_path
from tests.web.conftest import ROLES, WebEnv


def _served_count(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """[pages the short path sent]; the wrapper passes everything through."""
    sent = [0]
    original = page_path._served

    async def counting(*args: Any) -> Any:
        response = await original(*args)
        sent[0] += response is not None
        return response

    monkeypatch.setattr(page_path, "_served", counting)
    return sent


def _answers(web: WebEnv, paths: list[str]) -> dict[tuple[str, str], tuple[int, str, str | None, str]]:
    """(role, path) → (status, body without the session's CSRF token, location, content type)."""
    found = {}
    for role in (*ROLES, "anonymous"):
        client = web.client(None if role == "anonymous" else role)
        for path in paths:
            for _ in range(2):  # the second from the page cache
                response = client.get(path, follow_redirects=False)
            body = re.sub(r'value="[^"]+"|"X-CSRF-Token": "[^"]+"', "TOKEN", response.text)
            found[role, path] = (response.status_code, body, response.headers.get("location"),
                                 response.headers.get("content-type", ""))
    return found


def test_the_short_path_answers_as_the_route_for_every_role(any_web: WebEnv,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    web = any_web
    pid, other = web.project_ids[0], web.other_project_id
    paths = [f"/projects/{pid}", f"/projects/{other}", f"/projects/{pid}?version=1", f"/projects/{pid}?version=99",
             f"/projects/{pid}?version=x", f"/projects/{pid}?other=1", "/projects/999999", "/projects/0",
             f"/projects/0{pid}", f"/projects/{pid}/", f"/projects/{pid}/history"]
    sent = _served_count(monkeypatch)
    short = _answers(web, paths)
    assert sent[0] > 0
    monkeypatch.setattr(page_path, "_PATH", re.compile(r"(?!)"))  # every request to the router
    routed = _answers(web, paths)
    assert short == routed
    assert short["admin", f"/projects/{pid}"][0] == 200
    assert short["other_editor", f"/projects/{pid}"][0] == 404
    assert (short["anonymous", f"/projects/{pid}"][2] or "").startswith("/login")


def test_only_plain_gets_of_known_users_take_it(web: WebEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = web.project_ids[0]
    sent = _served_count(monkeypatch)
    admin = web.client("admin")
    assert admin.get(f"/projects/{pid}").status_code == 200
    assert sent[0] == 0  # the session not yet in the user cache: the route's dependency reads it
    assert admin.get(f"/projects/{pid}").status_code == 200
    taken = sent[0]
    assert taken == 1
    for path in (f"/projects/{pid}?other=1", f"/projects/{pid}?version=1&version=2", "/projects/999999",
                 f"/projects/{pid}/history"):
        admin.get(path)
    assert sent[0] == taken  # other queries, a project not found, other pages: the application
    assert admin.head(f"/projects/{pid}").status_code == 200  # HEAD is a GET by then (RequestGuard)
    assert web.client(None).get(f"/projects/{pid}", follow_redirects=False).status_code == 303
    assert sent[0] == taken + 1


@pytest.mark.postgres
def test_on_postgres_an_uncached_page_is_read_with_its_data_version(pg_web: WebEnv,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """One round trip: the page's row carries the snapshot, which is the version the page is cached under;
    a page likely in the cache asks the version first (no statement spent on a hit)."""
    from perfbudget.app import project_view

    rows = []
    original = project_view.versioned_page_row

    async def counting(*args: Any) -> Any:
        row = await original(*args)
        rows.append(row)
        return row

    monkeypatch.setattr(project_view, "versioned_page_row", counting)
    pid, admin = pg_web.project_ids[0], pg_web.client("admin")
    pages = pg_web.app.state.pages
    admin.get("/dashboard")  # the session and account now in the user cache
    first = admin.get(f"/projects/{pid}")
    assert first.status_code == 200 and len(rows) == 1 and rows[0] is not None
    assert pages.version == rows[0]["data_version"][0] and len(pages) >= 1  # the pages follow the data counter
    assert admin.get(f"/projects/{pid}").text == first.text
    # Likely cached: the version alone was asked, and the page was a hit.
    assert len(rows) == 1
    assert admin.get(f"/projects/{pid}?version=1").status_code == 200 and len(rows) == 2
    assert admin.get("/projects/999999").status_code == 404 and rows[-1] is None


def _headers(response: Any) -> list[tuple[str, str]]:
    """The response's headers in order, a session cookie's signed value (random token, time) left out."""
    return [(name, re.sub(r"^perfbudget_session=[^;]*", "perfbudget_session=VALUE", value))
            for name, value in response.headers.multi_items()]


def test_the_front_door_sends_the_headers_the_middlewares_add(web: WebEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the session middleware, the request guard and the security headers, the front door's page has
    their headers in their order: a session's plain page, and its first page (the CSRF token made: Set-Cookie)."""
    from perfbudget.web.app import SESSION_COOKIE

    pid = web.project_ids[0]
    sent = _served_count(monkeypatch)
    found = {}
    for path in ("front", "routed"):
        if path == "routed":
            monkeypatch.setattr(page_path, "_PATH", re.compile(r"(?!)"))
        admin = web.client("admin")
        signed_in = admin.cookies[SESSION_COOKIE]  # no CSRF token in it yet
        admin.get("/dashboard")  # the session and account now in the user cache; the token made
        plain = [admin.get(f"/projects/{pid}") for _ in range(2)]  # uncached, then cached
        fresh = web.client(None)
        fresh.cookies.set(SESSION_COOKIE, signed_in)
        first = fresh.get(f"/projects/{pid}")  # the session's first page: its CSRF token made here
        head = admin.head(f"/projects/{pid}")
        found[path] = [(r.status_code, _headers(r)) for r in (*plain, first, head)]
        assert head.content == b""
        if path == "front":
            assert sent[0] == 4
    assert found["front"] == found["routed"]
    statuses = [status for status, _ in found["front"]]
    assert statuses == [200, 200, 200, 200]
    names = [name for name, _ in found["front"][2][1]]
    assert names == ["content-length", "content-type", "cache-control", "vary", "set-cookie", "x-content-type-options",
                     "x-frame-options", "referrer-policy", "content-security-policy"]


def test_the_front_door_verifies_a_cookie_once_and_its_age_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A session cookie verified before is taken again only as that exact header and only while its age is
    within max_age (as TimestampSigner.unsign checks); a changed, foreign or expired cookie gives no session."""
    from base64 import b64encode

    from itsdangerous import TimestampSigner

    options = {"secret_key": "k" * 40, "session_cookie": "perfbudget_session", "max_age": 100, "same_site": "lax",
               "https_only": False}
    door = page_path.FrontDoor(options, [])
    now = [1_000_000]
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: now[0])
    payload = b64encode(b'{"uid": 1, "epoch": 0, "sid": "s"}')
    cookie = b"other=1; perfbudget_session=" + TimestampSigner("k" * 40).sign(payload)
    first = door.session(cookie)
    assert first == {"uid": 1, "epoch": 0, "sid": "s"} and cookie in door.verified
    first["uid"] = 2  # a page's changes stay its own
    now[0] += 100
    assert door.session(cookie) == {"uid": 1, "epoch": 0, "sid": "s"}  # from the verified entry, 100 s old
    now[0] += 1
    assert door.session(cookie) is None and cookie not in door.verified  # 101 s: expired
    now[0] -= 200
    assert door.session(cookie) is None  # verified again, from the future: refused by unsign itself
    tampered = cookie.replace(b"perfbudget_session=", b"perfbudget_session=x")
    foreign = b"perfbudget_session=" + TimestampSigner("z" * 40).sign(payload)
    now[0] += 100
    assert door.session(tampered) is None and door.session(foreign) is None
    assert door.session(b"other=1") is None
    assert not door.verified  # nothing kept of what failed
    assert door.session(cookie) is not None and set(door.verified) == {cookie}  # 1 s old: verified and kept
