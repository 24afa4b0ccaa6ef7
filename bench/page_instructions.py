"""Instructions per uncached project page, counted by callgrind in process (no server, no HTTP).

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/pages.out \\
        .venv/bin/python bench/page_instructions.py --callgrind --db URL [--pages 100] [--warm 100] [--src DIR]
    grep totals: /tmp/pages.out      # the instructions of the pages counted; divide by --pages

Builds the web app on the store at ``--db`` (a store of bench/web.py, e.g. the database
``bench_web_100000``; its accounts bench01… made by bench/web.py or bench/web_equal.py), signs in as
``--user`` (default bench01, an administrator), asks for ``--warm`` project pages (not counted), then
for ``--pages`` more, each of a project not asked before (a page-cache miss: the page is read and drawn),
one at a time, by raw ASGI messages into the app (the middlewares and the short path of
:mod:`perfbudget.web.page_path` included, as a server would call it), keeping the session cookie a page sets
as a browser does. Under callgrind the counting is
switched on only around those pages (``callgrind_control -i on/off`` on this process), so the count
divided by ``--pages`` is the app's instructions per uncached page (PostgreSQL's work is in its own
process, not counted). ``--src`` runs another tree's code (its ``src`` first on the path), side by side.
Prints the pages' status codes and sizes (and their CPU time, not a timing under callgrind). With
``--lists N`` it counts instead the first builds of bench/web.py's list pages: each asked by N accounts
(bench01…, by turns 管理员, 审核人, 单位填报人) all at once, none cached yet.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def _callgrind(on: bool) -> None:
    """Switch callgrind's counting on or off for this process (it runs under ``valgrind --tool=callgrind``)."""
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", str(os.getpid())], check=True,
                       stdout=subprocess.DEVNULL)


async def _page(app: Any, path: str, cookie: bytes) -> tuple[int, int, bytes]:
    """One GET by ASGI messages: its status, body size and the session cookie to send next (the one it set,
    as a browser keeps it: a session's first page sets its CSRF token)."""
    path, _, query = path.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode("ascii"), "query_string": query.encode("ascii"), "root_path": "",
             "headers": [(b"host", b"127.0.0.1"), (b"cookie", cookie)], "client": ("127.0.0.1", 50000),
             "server": ("127.0.0.1", 8000)}
    status, size, kept = 0, 0, cookie

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, size, kept
        if message["type"] == "http.response.start":
            status = message["status"]
            for name, value in message.get("headers", []):
                if name == b"set-cookie" and value.startswith(b"perfbudget_session="):
                    kept = value.split(b";")[0]
        elif message["type"] == "http.response.body":
            size += len(message.get("body", b""))

    await app(scope, receive, send)
    return status, size, kept


async def _signed_in(app: Any, username: str, password: str) -> bytes:
    """The session cookie header value of a fresh sign-in of ``username``."""
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as client:
        page = await client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token, "no sign-in form"
        signed = await client.post("/login", data={"username": username, "password": password,
                                                   "csrf_token": token.group(1)})
        assert signed.status_code == 303 and "/login" not in signed.headers["location"], "sign-in failed"
        return f"perfbudget_session={client.cookies['perfbudget_session']}".encode("ascii")


async def _lists(app: Any, args: argparse.Namespace, db: str) -> None:
    """``--lists``: every list page of bench/web.py's lists scenario asked at once by every one of ``--lists``
    accounts (bench01…: by turns 管理员, 审核人, 单位填报人), all not yet cached: the burst of first builds a
    worker meets when a data version begins under many clients."""
    from sqlalchemy import create_engine, func, select

    from perfbudget.store.schema import projects, units

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from web import page_sets  # type: ignore[import-not-found]

    engine = create_engine(db)
    with engine.connect() as connection:
        year = connection.execute(select(projects.c.fund_year).group_by(projects.c.fund_year)
                                  .order_by(func.count().desc())).scalars().first()
        codes = list(connection.execute(select(units.c.code).order_by(units.c.id.desc()).limit(5)).scalars())
    engine.dispose()
    paths = page_sets(int(year), codes)["lists"]
    cookies = [await _signed_in(app, f"bench{i:02d}", args.password) for i in range(1, args.lists + 1)]
    asked = [(path, cookie) for path in paths for cookie in cookies]
    random.Random(args.seed).shuffle(asked)
    before = _transactions(db)
    if args.callgrind:
        _callgrind(True)
    started = time.process_time()
    answers = await asyncio.gather(*(_page(app, path, cookie) for path, cookie in asked))
    cpu = time.process_time() - started
    if args.callgrind:
        _callgrind(False)
    statuses: dict[int, int] = {}
    for status, _, _ in answers:
        statuses[status] = statuses.get(status, 0) + 1
    await asyncio.sleep(2)  # PostgreSQL's backends report their statistics when idle, at most once a second
    after = _transactions(db)
    made = "" if before is None or after is None else f", {after - before - 1} database transactions"
    print(f"{len(asked)} list pages at once ({len(paths)} lists × {len(cookies)} accounts): status {statuses}, "
          f"{cpu * 1000:.0f} ms CPU in all (under callgrind: not a timing){made}", flush=True)


def _transactions(db: str) -> int | None:
    """PostgreSQL: the transactions of this database so far (``pg_stat_database``; this question is one)."""
    from sqlalchemy import create_engine, text

    if not db.startswith("postgresql"):
        return None
    engine = create_engine(db)
    with engine.connect() as connection:
        count = connection.execute(text("SELECT xact_commit + xact_rollback FROM pg_stat_database "
                                        "WHERE datname = current_database()")).scalar_one()
    engine.dispose()
    return int(count)


async def _run(args: argparse.Namespace) -> None:
    from sqlalchemy import create_engine, select

    from perfbudget.store.schema import projects
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    engine = create_engine(args.db)
    with engine.connect() as connection:
        ids = list(connection.execute(select(projects.c.id).order_by(projects.c.id)).scalars())
    engine.dispose()
    random.Random(args.seed).shuffle(ids)
    app = create_app(WebConfig(database_url=args.db, migrate=False, secret_key="bench" * 10))
    if args.lists:
        await _lists(app, args, args.db)
        return
    cookie = await _signed_in(app, args.user, args.password)
    warm, counted = ids[:args.warm], ids[args.warm:args.warm + args.pages]
    for project_id in warm:
        cookie = (await _page(app, f"/projects/{project_id}", cookie))[2]
    statuses: dict[int, int] = {}
    size = 0
    if args.callgrind:
        _callgrind(True)
    started = time.process_time()
    for project_id in counted:
        status, length, cookie = await _page(app, f"/projects/{project_id}", cookie)
        statuses[status] = statuses.get(status, 0) + 1
        size += length
    cpu = time.process_time() - started
    if args.callgrind:
        _callgrind(False)
    print(f"{len(counted)} uncached pages after {len(warm)} warm ones: status {statuses}, "
          f"{size / max(1, len(counted)):,.0f} bytes a page, {cpu / max(1, len(counted)) * 1000:.2f} ms CPU a page "
          f"(under callgrind: not a timing)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="the store's URL (PostgreSQL: the page's reads on the loop)")
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--warm", type=int, default=100)
    parser.add_argument("--user", default="bench01")
    parser.add_argument("--password", default="bench-password-1")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--lists", type=int, default=0,
                        help="instead: the lists scenario's pages asked at once by this many accounts, uncached")
    parser.add_argument("--callgrind", action="store_true",
                        help="running under valgrind --tool=callgrind --instr-atstart=no: count only the pages")
    parser.add_argument("--src", default=None, help="another tree's src directory, imported instead of this one")
    args = parser.parse_args()
    sys.path.insert(0, args.src or str(Path(__file__).resolve().parents[1] / "src"))
    asyncio.run(_run(args))


if __name__ == "__main__":
    main()
