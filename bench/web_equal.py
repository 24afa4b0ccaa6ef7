"""Byte-for-byte comparison of the pages of two versions of the code on the same store.

    .venv/bin/python bench/web_equal.py --db URL --base /tmp/web-base/src [--per-state 40]

Starts ``perfbudget serve`` twice on the store at ``--db`` (a store of bench/web.py, e.g. the database
``bench_web_100000``): once with this tree's code and once with the code under ``--base`` first on
``PYTHONPATH`` (e.g. main's: ``git -C /work/main archive main src | tar -x -C /tmp/web-base``), both with
the same secret key, so one sign-in serves both. Then asks both for the same pages, as an administrator,
a reviewer and two unit editors: the project page of projects of every workflow state (official version,
``?version=1``, a version that does not exist, a project of another unit, an id that does not exist),
their history, edit and self-evaluation pages, the target table download (JSON), the project lists with
filters, sorts and searches, the dashboard with and without a year, the review queue. Compares status and
body byte for byte, with only the CSRF token (each server keeps its own in the session it sends back) and the edit
form's random row ids blanked. Prints the count of pages compared and every difference; exit status 1 on any.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from web import ensure_users, free_port, page_sets, sign_in  # type: ignore[import-not-found]  # noqa: E402

_CSRF = re.compile(rb'(name="csrf_token" value="|"X-CSRF-Token": ")[^"]*"')
_ROW_ID = re.compile(rb'\br[0-9a-f]{8}\b')  # the edit form's random row ids (web/routes/edit.py)


def blanked(body: bytes) -> bytes:
    return _ROW_ID.sub(b"r-", _CSRF.sub(lambda m: m.group(1) + b'-"', body))


def start(url: str, pythonpath: str | None) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    port = free_port()
    env = {**os.environ, "PERFBUDGET_SECRET_KEY": "bench" * 10}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    server = subprocess.Popen([str(ROOT / ".venv/bin/perfbudget"), "serve", "--db", url, "--port", str(port),
                               "--no-access-log"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(base + "/login", timeout=1)
            return server, base
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def chosen_projects(url: str, per_state: int, unit_codes: list[str]) -> dict[str, list[int]]:
    """Project ids of every workflow state (and of the editors' units), a few of each."""
    from sqlalchemy import create_engine, select

    from perfbudget.store.schema import projects, units
    from perfbudget.store.status import project_status

    engine = create_engine(url)
    out: dict[str, list[int]] = {}
    with engine.connect() as connection:
        for state in ("draft", "submitted", "returned", "approved"):
            ids = connection.execute(select(project_status.c.project_id).where(project_status.c.state == state)
                                     .order_by(project_status.c.project_id)).scalars().all()
            step = max(1, len(ids) // per_state)
            out[state] = list(ids[::step][:per_state])
        for code in unit_codes:
            out[f"unit {code}"] = list(connection.execute(
                select(projects.c.id).join(units, units.c.id == projects.c.unit_id).where(units.c.code == code)
                .order_by(projects.c.id).limit(per_state)).scalars())
    engine.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--base", required=True, help="the other code's src directory (first on PYTHONPATH)")
    parser.add_argument("--per-state", type=int, default=40)
    parser.add_argument("--base-db", default=None,
                        help="the other code's store, when it needs another migration head than this tree's: a "
                             "copy of --db (CREATE DATABASE … TEMPLATE …) left at its head; each server signed in "
                             "on its own")
    args = parser.parse_args()
    import asyncio

    import httpx

    # bench01 管理员, bench02 审核人, bench03 单位填报人, …, bench06 单位填报人 (a --base-db copied after them has them)
    usernames = ensure_users(args.db, 6)
    from sqlalchemy import create_engine, func, select

    from perfbudget.store.account_tables import users
    from perfbudget.store.schema import projects, units

    engine = create_engine(args.db)
    with engine.connect() as connection:
        year = connection.execute(select(projects.c.fund_year).group_by(projects.c.fund_year)
                                  .order_by(func.count().desc())).scalars().first()
        editor_units = list(connection.execute(
            select(units.c.code).join(users, users.c.unit_code == units.c.code)
            .where(users.c.username.in_(["bench03", "bench06"])).order_by(users.c.username)).scalars())
    engine.dispose()
    chosen = chosen_projects(args.db, args.per_state, editor_units)
    lists = page_sets(int(year), editor_units)
    ours, ours_base = start(args.db, None)
    theirs, theirs_base = start(args.base_db or args.db, args.base)
    compared = differing = 0
    try:
        accounts = [usernames[0], usernames[1], usernames[2], usernames[5]]
        cookies = {name: asyncio.run(sign_in(ours_base, name)) for name in accounts}
        their_cookies = ({name: asyncio.run(sign_in(theirs_base, name)) for name in accounts} if args.base_db
                         else cookies)
        every = [i for ids in chosen.values() for i in ids]
        paths = ["/dashboard", f"/dashboard?year={year}", "/review/queue", *lists["lists"]]
        for i, project_id in enumerate(every):
            paths.append(f"/projects/{project_id}")
            if i % 2 == 0:
                paths += [f"/projects/{project_id}?version=1", f"/projects/{project_id}/history"]
            if i % 4 == 0:
                paths += [f"/projects/{project_id}?version=9", f"/projects/{project_id}/edit",
                          f"/projects/{project_id}/evaluate", f"/projects/{project_id}/download/json"]
        paths.append("/projects/999999999")
        by_status: dict[int, int] = {}
        for name in accounts:
            with httpx.Client(timeout=120) as client:
                for path in paths:
                    a = client.get(ours_base + path, headers={"Cookie": cookies[name]})
                    b = client.get(theirs_base + path, headers={"Cookie": their_cookies[name]})
                    compared += 1
                    by_status[a.status_code] = by_status.get(a.status_code, 0) + 1
                    if a.status_code != b.status_code or blanked(a.content) != blanked(b.content):
                        differing += 1
                        print(f"DIFFERENT {name} {path}: {a.status_code} {len(a.content)} bytes against "
                              f"{b.status_code} {len(b.content)} bytes", flush=True)
                        if differing == 1:
                            Path("/tmp/web_equal_ours.html").write_bytes(a.content)
                            Path("/tmp/web_equal_theirs.html").write_bytes(b.content)
    finally:
        for server in (ours, theirs):
            server.terminate()
            server.wait(10)
    kinds = ", ".join(f"{state} {len(ids)}" for state, ids in chosen.items())
    print(f"{compared} pages compared ({len(paths)} paths × {len(accounts)} accounts; projects: {kinds}; "
          f"status codes {dict(sorted(by_status.items()))}): {differing} different")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
