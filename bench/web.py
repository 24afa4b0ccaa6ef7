"""Load benchmark of the web app: 10,000 (or 100,000) projects, 50 (or 100) concurrent clients.

    .venv/bin/python bench/web.py [--projects 10000] [--clients 50] [--seconds 20] [--workers 1]
                                  [--pg URL] [--client raw|httpx] [--scenarios project-cold,mixed,...]
                                  [--rebuild]

Builds (once, cached: SQLite in /tmp, PostgreSQL as the database ``bench_web_<n>`` on the server
of ``--pg``) a store of the seed's tables repeated: 1,000 projects (50 units) imported through the
web app's import path (so every version has its stored review), then copied in SQL to the size
asked (bench/scale.py: 100,000 projects in 5,000 units, a mix of workflow states), and accounts
bench01…: a third 管理员, a third 审核人, a third 单位填报人 (each of one unit).
Then starts ``perfbudget serve`` in its own process on 127.0.0.1, signs each client in as
its own account, and runs the scenarios: closed loop (no think time: each client sends its
next request as soon as the last answer is read) or with a think time, on the dashboard of
the year (aggregates over 8,000 projects), random project pages, or both; and project pages
never requested before (each one a page-cache miss). Prints p50/p95/p99 latency and
requests/s per scenario. Requirements: p95 < 200 ms on SQLite at 10,000 projects (issue 7); p95 ≤
100 ms on PostgreSQL at 100,000 projects, 100 clients, ``--workers 2`` (issue 17). Besides the
dashboard and project pages: the project list with filters, sorts and searches ("lists"), the
reviewer's queue ("queue"), and each role's landing page with its to-do list ("landing").

The load generator runs in this one process on the same machine: by default a minimal
asyncio HTTP/1.1 keep-alive client (tens of microseconds per request), or httpx.AsyncClient
(``--client httpx``, ~1 ms of CPU per request, so its own queue shows in the latencies).
Besides the server's and the database's CPU per request it prints its own ("client CPU"), and how
the clients' keep-alive connections were split between the server's workers halfway through each
scenario ("conns/worker", from ``/proc``: a connection stays with its worker the whole scenario).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
PASSWORD = "bench-password-1"
WARM_UP = 2  # seconds of each scenario's warm-up (not measured)
TOUCH_EVERY = 300  # seconds: web/sessions.py's _TOUCH_EVERY


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ensure_users(url: str, count: int) -> list[str]:
    """``count`` accounts bench01…, by turns 管理员, 审核人 and 单位填报人 (of a unit with projects), created once."""
    from sqlalchemy import select

    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import Role
    from perfbudget.store.account_tables import users
    from perfbudget.store.api import Store
    from perfbudget.store.schema import units

    names = [f"bench{i:02d}" for i in range(1, count + 1)]
    store = Store(url, migrate=False)  # built (and migrated) by build(); another code's copy keeps its head
    with store.engine.connect() as connection:
        existing = set(connection.execute(select(users.c.username)).scalars())
        codes = list(connection.execute(select(units.c.code).order_by(units.c.id).limit(count)).scalars())
    for i, name in enumerate(names):
        if name in existing:
            continue
        role = (Role.ADMIN, Role.REVIEWER, Role.UNIT_EDITOR)[i % 3]
        created = create_user(store.engine, name, PASSWORD, role, codes[i % len(codes)] if role == Role.UNIT_EDITOR
                              else None, display_name=f"压测用户{name[5:]}")
        assert not isinstance(created, str), created
    store.engine.dispose()
    return names


async def sign_in(base: str, username: str) -> str:
    """The session cookie (``name=value``) of a fresh sign-in."""
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        page = await client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token
        response = await client.post("/login", data={"username": username, "password": PASSWORD,
                                                      "csrf_token": token.group(1)})
        assert response.status_code == 303 and "/login" not in response.headers["location"], \
            f"sign-in of {username} failed"
        return f"perfbudget_session={client.cookies['perfbudget_session']}"


class RawClient:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams: one connection, one request at a time.

    It costs a few tens of microseconds per request (httpx costs ~1 ms), so on a shared
    2-core machine the latency measured is the server's, not the load generator's queue.
    It reads the status line, the headers (Content-Length or chunked body, Set-Cookie of
    the session) and the whole body.
    """

    def __init__(self, host: str, port: int, cookie: str) -> None:
        self.host, self.port, self.cookie = host, port, cookie.encode("ascii")
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        reused = self.writer is not None
        try:
            return await self._get(path)
        except (asyncio.IncompleteReadError, ConnectionError):
            if not reused:
                raise
            # The server closed the idle keep-alive connection (uvicorn: after 5 s): reconnect once, as browsers do.
            await self.aclose()
            return await self._get(path)

    async def _get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(b"GET " + path.encode("ascii") + b" HTTP/1.1\r\nHost: " + self.host.encode("ascii")
                          + b"\r\nCookie: " + self.cookie + b"\r\n\r\n")
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        length, chunked, close = 0, False, False
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name, value = name.strip().lower(), value.strip()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
            elif name == b"set-cookie" and value.startswith(b"perfbudget_session="):
                self.cookie = value.split(b";")[0]
            elif name == b"connection":
                close = value.lower() == b"close"
        if chunked:
            parts = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                parts.append(await self.reader.readexactly(size + 2))
                if size == 0:
                    break
            body = b"".join(p[:-2] for p in parts)
        else:
            body = await self.reader.readexactly(length)
        if close:
            await self.aclose()
        return status, body

    async def aclose(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


class HttpxClient:
    """The same interface on httpx (one AsyncClient per simulated user)."""

    def __init__(self, base: str, cookie: str) -> None:
        import httpx

        name, _, value = cookie.partition("=")
        self.client = httpx.AsyncClient(base_url=base, timeout=60, cookies={name: value})

    async def get(self, path: str) -> tuple[int, bytes]:
        response = await self.client.get(path)
        return response.status_code, response.content

    async def aclose(self) -> None:
        await self.client.aclose()


SEEN: set[int] = set()  # project pages requested so far from this server (a page never requested is not cached)


async def run(base: str, cookies: list[str], seconds: float, dashboard_paths: list[str], project_ids: list[int],
              dashboard_share: float, think: float = 0.0, client: str = "raw", cold: bool = False,
              probe: Any = None) -> tuple[list[float], list[float], int, int]:
    """One scenario: one simulated user per cookie, each in a loop (no think time, or ``think`` s).

    ``dashboard_paths``: the other pages asked for (each time one of them at random: the dashboard,
    the project lists, the queue, the landing page). Returns the latencies (those pages, project
    page), the errors and how many project pages had been requested before. ``cold``: only pages
    never requested before, each once (every one a page-cache miss); the scenario ends early when
    they run out. ``probe``: called once halfway through.
    """
    fresh = [i for i in project_ids if i not in SEEN]
    random.Random(11).shuffle(fresh)
    host, port = base.removeprefix("http://").split(":")
    sessions: list[RawClient | HttpxClient] = [
        RawClient(host, int(port), c) if client == "raw" else HttpxClient(base, c) for c in cookies]
    dashboard: list[float] = []
    project: list[float] = []
    errors = repeats = 0
    deadline = time.perf_counter() + seconds
    rng = random.Random(7)

    async def worker(session: RawClient | HttpxClient) -> None:
        nonlocal errors, repeats
        if think:
            await asyncio.sleep(rng.uniform(0, think))  # users arrive spread out, not all in the same millisecond
        while time.perf_counter() < deadline:
            is_dashboard = rng.random() < dashboard_share
            if is_dashboard:
                path = rng.choice(dashboard_paths)
            else:
                if cold and not fresh:
                    break
                project_id = fresh.pop() if cold else rng.choice(project_ids)
                repeats += project_id in SEEN
                SEEN.add(project_id)
                path = f"/projects/{project_id}"
            start = time.perf_counter()
            try:
                status, body = await session.get(path)
                ok = status == 200 and body.rstrip().endswith(b"</html>")
            except Exception:  # any failure of a request counts as an error
                ok = False
                await session.aclose()
            elapsed = time.perf_counter() - start
            if not ok:
                errors += 1
            (dashboard if is_dashboard else project).append(elapsed)
            if think:
                await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))

    async def look_halfway() -> None:  # ``probe()`` once, in the middle of the scenario
        await asyncio.sleep(seconds / 2)
        probe()

    await asyncio.gather(*(worker(s) for s in sessions), *([look_halfway()] if probe else []))
    for s in sessions:
        await s.aclose()
    return dashboard, project, errors, repeats


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time (s) the processes ``pids`` have used so far (Linux ``/proc``; gone ones count 0)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / tick


def server_pids(root: int) -> list[int]:
    """``root`` and its descendants (the uvicorn supervisor and its workers)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    out, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        out.extend(frontier)
    return out


def connections_per_worker(pids: list[int], port: int) -> list[int]:
    """How many established connections to ``port`` each of ``pids`` holds (Linux ``/proc``: the socket
    inodes of its open files against ``/proc/net/tcp``), largest first, those holding none left out.

    A keep-alive connection stays with the worker that accepted it for the whole scenario, so this
    is how the clients are split between the workers."""
    established: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) == port:  # ESTABLISHED, local port
                established.add(fields[9])
    counts = []
    for pid in pids:
        try:
            links = [os.readlink(entry) for entry in Path(f"/proc/{pid}/fd").iterdir()]
        except OSError:
            continue
        held = sum(1 for link in links if link.startswith("socket:[") and link[8:-1] in established)
        if held:
            counts.append(held)
    return sorted(counts, reverse=True)


class BackendCpu:
    """The CPU time used by the PostgreSQL server processes of one database during a scenario.

    A thread looks at ``/proc`` every 50 ms for processes titled ``postgres: <user> <database> …``
    and keeps each one's first and last CPU time seen; processes that appear during the scenario
    count from zero (a connection opened and closed between two looks is missed)."""

    def __init__(self, url: str) -> None:
        self.database = url.rsplit("/", 1)[1].split("?")[0] if url.startswith("postgresql") else None
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self._stop = False
        self._thread: Any = None
        self._looks = 0

    def _look(self, initial: bool) -> None:
        """Every process of the database found in ``/proc`` (each one's command line read: ~1,000 files on a
        busy machine, so only every second look does it; up to web-page9 every 50 ms, ~0.1 ms of the load
        generator's CPU per request on the cores the server needs), else the ones known; their CPU time."""
        self._looks += 1
        if initial or self._looks % 20 == 0:
            marker = f" {self.database} ".encode()
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit() or int(entry.name) in self.first:
                    continue
                try:
                    title = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                if title.startswith(b"postgres: ") and marker in title:
                    self.first[int(entry.name)] = -1.0 if initial else 0.0
        for pid in self.first:
            used = cpu_seconds([pid])
            if self.first[pid] < 0:
                self.first[pid] = used
            self.last[pid] = max(used, self.last.get(pid, 0.0))

    def __enter__(self) -> BackendCpu:
        import threading

        if self.database is None:
            return self
        self._look(True)

        def watch() -> None:
            while not self._stop:
                time.sleep(0.05)
                self._look(False)
        self._thread = threading.Thread(target=watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._thread is not None:
            self._stop = True
            self._thread.join()
            self._look(False)

    def seconds(self) -> float | None:
        if self.database is None:
            return None
        return sum(self.last[pid] - self.first[pid] for pid in self.first)


def write_marks(url: str) -> tuple[int, int | None] | None:
    """(transaction ids the cluster has handed out, the store's data change counter or None before migration
    1100) — PostgreSQL only: the first moves with every writing transaction anywhere on the cluster (what
    ``pg_current_snapshot()``, the data version up to web-page8, follows), the second only with changes of
    the data the caches hold (:mod:`perfbudget.store.change_counters`)."""
    if not url.startswith("postgresql"):
        return None
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True) as connection:
        xids = int(connection.execute("SELECT pg_snapshot_xmax(pg_current_snapshot())::text").fetchone()[0])
        present = connection.execute("SELECT to_regclass('change_counters')").fetchone()[0]
        data = connection.execute("SELECT data FROM change_counters").fetchone()[0] if present else None
    return xids, data


def moves(before: tuple[int, int | None] | None, after: tuple[int, int | None] | None) -> str:
    """``writes/data moves`` of a scenario: the cluster's writing transactions, the data counter's moves."""
    if before is None or after is None:
        return "—"
    data = "—" if before[1] is None or after[1] is None else str(after[1] - before[1])
    return f"{after[0] - before[0]}/{data}"


def quantiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return (values[0] * 1000,) * 3 if values else (0.0, 0.0, 0.0)
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000, cuts[98] * 1000


SCENARIOS = {  # name: (label, share of the other pages, with think time, cold project pages only, other pages)
    "project-cold": ("project page, uncached, no think", 0.0, False, True, "dashboard"),
    "dashboard-think": ("dashboard, think {think:g} s", 1.0, True, False, "dashboard"),
    "project-think": ("project page, think {think:g} s", 0.0, True, False, "dashboard"),
    "mixed-think": ("mixed 50/50, think {think:g} s", 0.5, True, False, "dashboard"),
    "lists-think": ("project lists, think {think:g} s", 1.0, True, False, "lists"),
    "dashboard": ("dashboard, no think", 1.0, False, False, "dashboard"),
    "project": ("project page, no think", 0.0, False, False, "dashboard"),
    "mixed": ("mixed 50/50, no think", 0.5, False, False, "dashboard"),
    "lists": ("project lists (filters), no think", 1.0, False, False, "lists"),
    "queue": ("review queue, no think", 1.0, False, False, "queue"),
    "landing": ("landing page per role, no think", 1.0, False, False, "landing"),
}


def page_sets(year: int, unit_codes: list[str]) -> dict[str, list[str]]:
    """The pages of each kind the scenarios ask for (lists: filters, sorts, searches, pages)."""
    lists = [f"/projects?year={year}", f"/projects?year={year}&state=submitted&sort=submitted",
             f"/projects?year={year}&grade=%E8%89%AF", f"/projects?year={year}&sort=budget&desc=1",
             f"/projects?year={year}&page=37", f"/projects?year={year}&todo=evaluate",
             f"/projects?year={year}&state=returned", f"/projects?year={year}&sort=grade",
             "/projects?year=all&q=%E9%81%93%E8%B7%AF",  # 道路
             f"/projects?year={year}&q=%E5%9F%B9%E8%AE%AD",  # 培训 (two characters)
             f"/projects?year={year}&q=%E6%BB%A1%E6%84%8F%E5%BA%A6",  # 满意度
             "/projects"]
    lists += [f"/projects?year={year}&unit={code}" for code in unit_codes[:5]]
    return {"dashboard": [f"/dashboard?year={year}"], "lists": lists, "queue": ["/review/queue"],
            "landing": ["/dashboard"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--pg", default=None, help="PostgreSQL server URL (default: SQLite in /tmp)")
    parser.add_argument("--think", type=float, default=1.0, help="mean think time (s) of the realistic scenarios")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--server-log", default=None,
                        help="write the server's log (uvicorn: workers started, died, restarted) to this file")
    parser.add_argument("--sqlite-file", default=None, help="the SQLite file to build or use (default: in /tmp)")
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw",
                        help="load generator: raw asyncio HTTP/1.1 (cheap) or httpx.AsyncClient")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help="comma-separated, of: " + ", ".join(SCENARIOS))
    parser.add_argument("--src", default=None,
                        help="run the server with the code of this src directory first on PYTHONPATH (side by side)")
    parser.add_argument("--database", default=None,
                        help="PostgreSQL database name of the store (default bench_web_<projects>)")
    parser.add_argument("--shared-session", action="store_true",
                        help="all clients share one admin session (default: one account and session per client)")
    parser.add_argument("--keep-sessions", action="store_true",
                        help="never sign in again (as before web-page9: the sessions' five-minute touches then "
                             "fall inside a scenario)")
    args = parser.parse_args()
    from scale import build  # type: ignore[import-not-found]
    from sqlalchemy import create_engine, func, select

    from perfbudget.store.schema import projects, units

    if args.pg:
        from scale import pg_database  # type: ignore[import-not-found]

        url, existed = pg_database(args.pg, args.database or f"bench_web_{args.projects}", args.rebuild)
        if not existed:
            build(url, args.projects)
    else:
        db = Path(args.sqlite_file or f"/tmp/perfbudget-bench-web-{args.projects}.db")
        url = f"sqlite:///{db}"
        if args.rebuild or not db.exists():
            db.unlink(missing_ok=True)
            build(url, args.projects)
    usernames = ["admin"] if args.shared_session else ensure_users(url, args.clients)
    engine = create_engine(url)
    with engine.connect() as connection:
        project_ids = list(connection.execute(select(projects.c.id)).scalars())
        year = connection.execute(select(projects.c.fund_year).group_by(projects.c.fund_year)
                                  .order_by(func.count().desc())).scalars().first()
        unit_codes = list(connection.execute(select(units.c.code).order_by(units.c.id.desc()).limit(5)).scalars())
    engine.dispose()
    pages = page_sets(int(year), unit_codes)
    port = free_port()
    env = {**os.environ, "PERFBUDGET_SECRET_KEY": "bench" * 10}
    if args.src:
        env["PYTHONPATH"] = args.src
    command = [str(ROOT / ".venv/bin/perfbudget"), "serve", "--db", url, "--port", str(port),
               "--no-access-log", "--workers", str(args.workers)]
    log = open(args.server_log, "ab") if args.server_log else subprocess.DEVNULL  # noqa: SIM115 (closed at exit)
    server = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(600):
            try:
                httpx.get(base + "/login", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)

        async def sign_in_all() -> list[str]:  # a few at a time: each sign-in hashes a password (argon2)
            gate = asyncio.Semaphore(4)

            async def one(username: str) -> str:
                async with gate:
                    return await sign_in(base, username)
            return list(await asyncio.gather(*(one(u) for u in usernames)))

        def cookie_sets(signed: list[str]) -> tuple[list[str], list[str]]:
            every_cookie = (signed * args.clients)[:args.clients]
            # The queue is the reviewers' page: the unit editors (every third account) are left out of it.
            reviewing = [c for i, c in enumerate(signed) if args.shared_session or i % 3 != 2]
            return every_cookie, (reviewing * args.clients)[:args.clients]

        every_cookie, reviewing_cookies = cookie_sets(asyncio.run(sign_in_all()))
        signed_at = time.monotonic()
        print(f"{len(project_ids)} projects, {args.clients} clients ({len(set(usernames))} accounts), "
              f"{args.seconds:g} s per scenario, dashboard of {year}, {args.workers} worker(s), "
              f"{args.client} client, {os.cpu_count()} CPUs, {'PostgreSQL' if args.pg else 'SQLite'}, "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"{'scenario':<34}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
              f"{'pages seen before':>19}{'server CPU ms/req':>19}{'database CPU ms/req':>21}"
              f"{'client CPU ms/req':>19}{'conns/worker':>16}{'writes/data moves':>18}")
        for name in args.scenarios.split(","):
            template, share, thinks, cold, kind = SCENARIOS[name]
            if not args.keep_sessions and time.monotonic() - signed_at + WARM_UP + args.seconds + 10 > TOUCH_EVERY:
                # The server writes each session's last request every five minutes (web/sessions.py): all at
                # once, since all were signed in at once. Signed in again before the scenario, so that no
                # scenario meets those writes (main's code up to web-page8 emptied every cache on each).
                every_cookie, reviewing_cookies = cookie_sets(asyncio.run(sign_in_all()))
                signed_at = time.monotonic()
            # Random project pages are asked by admins and reviewers (they may open every project); a unit
            # editor may open only its own unit's, so it takes part in the dashboard, list and landing pages.
            cookies = reviewing_cookies if kind == "queue" or share < 1.0 else every_cookie
            others = pages[kind]
            think = args.think if thinks else 0.0
            label = template.format(think=think)
            # Warm-up (not measured): the dashboard, or for the cold scenario nothing that it will ask for.
            asyncio.run(run(base, cookies, WARM_UP, others, project_ids, 1.0 if cold else share, 0.0, args.client))
            workers = server_pids(server.pid)
            cpu_before = cpu_seconds(workers)
            split: list[int] = []
            client_before = sum(os.times()[:2])
            marks_before = write_marks(url)
            with BackendCpu(url) as backends:
                start = time.perf_counter()
                dash, proj, errors, repeats = asyncio.run(run(
                    base, cookies, args.seconds, others, project_ids, share, think, args.client, cold,
                    probe=lambda split=split, workers=workers: split.extend(connections_per_worker(workers, port))))
                elapsed = min(args.seconds, time.perf_counter() - start)
            marks_after = write_marks(url)
            # this process's CPU (the load generator and the BackendCpu thread's looks at /proc)
            client_ms = (sum(os.times()[:2]) - client_before) * 1000
            every = dash + proj
            # The CPU the server used per request: its processes' (uvicorn and its workers), and the
            # PostgreSQL processes' serving its database.
            server_ms = (cpu_seconds(workers) - cpu_before) * 1000 / max(1, len(every))
            used = backends.seconds()
            database = f"{used * 1000 / max(1, len(every)):>21.2f}" if used is not None else f"{'—':>21}"
            p50, p95, p99 = quantiles(every)
            seen = f"{repeats / len(proj):.0%}" if proj else "—"
            print(f"{label:<34}{len(every):>9}{len(every) / elapsed:>8.0f}{p50:>9.1f}{p95:>9.1f}{p99:>9.1f}"
                  f"{errors:>8}{seen:>19}{server_ms:>19.2f}{database}"
                  f"{client_ms / max(1, len(every)):>19.2f}{'/'.join(map(str, split)) or '—':>16}"
                  f"{moves(marks_before, marks_after):>18}", flush=True)
            if dash and proj:
                for part, values in ((f"  of which {kind}", dash), ("  of which project page", proj)):
                    q50, q95, q99 = quantiles(values)
                    print(f"{part:<34}{len(values):>9}{len(values) / elapsed:>8.0f}{q50:>9.1f}{q95:>9.1f}"
                          f"{q99:>9.1f}", flush=True)
    finally:
        server.terminate()
        try:
            server.wait(60)  # a loaded machine may take more than 10 s to stop the workers
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
