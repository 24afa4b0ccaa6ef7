"""Load benchmark of the web app: 10,000 projects, 50 concurrent clients on the dashboard and the project page.

    .venv/bin/python bench/web.py [--projects 10000] [--clients 50] [--seconds 20] [--rebuild]

Builds (once, cached in /tmp) a SQLite store with the seed's tables repeated to 10,000
projects in 1,000 units, each imported through the web app's import path (so every
version has its stored review), then starts ``perfbudget serve`` in its own process on
127.0.0.1 and runs closed-loop httpx async clients (no think time) signed in as an admin
against the dashboard of the year (all 10,000 projects' aggregates) and random project
pages. Prints p50/p95/p99 latency and requests/s per scenario. Requirement (issue 7):
p95 < 200 ms on SQLite.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
PASSWORD = "bench-password-1"


def build(db: Path, projects: int) -> None:
    from corpus import corpus_files  # type: ignore[import-not-found]

    from perfbudget.readers.text import read_text
    from perfbudget.web.accounts import create_user
    from perfbudget.web.app import create_app
    from perfbudget.web.editing import import_reviewed
    from perfbudget.web.roles import Principal, Role
    from perfbudget.web.settings import WebConfig

    db.unlink(missing_ok=True)
    app = create_app(WebConfig(database_url=f"sqlite:///{db}", secret_key="bench" * 10))
    account = create_user(app.state.engine, "admin", PASSWORD, Role.ADMIN)
    assert not isinstance(account, str)
    admin = Principal(account.id, "admin", "admin", Role.ADMIN, None)
    start = time.perf_counter()
    for i, text in enumerate(corpus_files(projects, per_file=10)):
        document, problems = read_text(text, f"unit{i}.txt")
        assert document is not None, problems
        result = import_reviewed(app.state.store, admin, document, f"unit{i}.txt", via="upload", config=None)
        assert result.ok, result.outcome.problems
    app.state.engine.dispose()
    print(f"built {db} with {projects} projects in {time.perf_counter() - start:.1f} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def run(base: str, clients: int, seconds: float, paths: list[str], project_ids: list[int],
              dashboard_share: float, think: float = 0.0) -> tuple[list[float], list[float], int]:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=30) as first:
        page = await first.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token
        await first.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token.group(1)})
        cookies = dict(first.cookies)
    # One sign-in, its session cookie shared by every client (each with its own connection).
    sessions = [httpx.AsyncClient(base_url=base, timeout=30, cookies=cookies) for _ in range(clients)]
    dashboard: list[float] = []
    project: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    rng = random.Random(7)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        if think:
            await asyncio.sleep(rng.uniform(0, think))  # users arrive spread out, not all in the same millisecond
        while time.perf_counter() < deadline:
            is_dashboard = rng.random() < dashboard_share
            path = paths[0] if is_dashboard else f"/projects/{rng.choice(project_ids)}"
            start = time.perf_counter()
            try:
                response = await client.get(path)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            elapsed = time.perf_counter() - start
            if not ok:
                errors += 1
            (dashboard if is_dashboard else project).append(elapsed)
            if think:
                await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))

    await asyncio.gather(*(worker(s) for s in sessions))
    for s in sessions:
        await s.aclose()
    return dashboard, project, errors


def quantiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return (values[0] * 1000,) * 3 if values else (0.0, 0.0, 0.0)
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000, cuts[98] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--think", type=float, default=1.0, help="mean think time (s) of the realistic scenarios")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    db = Path(f"/tmp/perfbudget-bench-web-{args.projects}.db")
    if args.rebuild or not db.exists():
        build(db, args.projects)
    import sqlite3

    with sqlite3.connect(db) as connection:
        project_ids = [row[0] for row in connection.execute("SELECT id FROM projects")]
        year = connection.execute("SELECT fund_year FROM projects GROUP BY fund_year ORDER BY count(*) DESC"
                                  ).fetchone()[0]
    port = free_port()
    env = {**os.environ, "PERFBUDGET_SECRET_KEY": "bench" * 10}
    command = [str(ROOT / ".venv/bin/perfbudget"), "serve", "--db", f"sqlite:///{db}", "--port", str(port),
               "--no-access-log", "--workers", str(args.workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(200):
            try:
                httpx.get(base + "/login", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        print(f"{len(project_ids)} projects, {args.clients} clients, {args.seconds:.0f} s per scenario, "
              f"dashboard of {year}, {args.workers} worker(s)")
        print(f"{'scenario':<26}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
        scenarios = [(f"dashboard, think {args.think:g}s", 1.0, args.think),
                     (f"project, think {args.think:g}s", 0.0, args.think),
                     (f"mixed, think {args.think:g}s", 0.5, args.think),
                     ("dashboard, no think", 1.0, 0.0), ("project, no think", 0.0, 0.0), ("mixed, no think", 0.5, 0.0)]
        for label, share, think in scenarios:
            asyncio.run(run(base, 5, 2, [f"/dashboard?year={year}"], project_ids, share))  # warm up
            dash, proj, errors = asyncio.run(run(base, args.clients, args.seconds, [f"/dashboard?year={year}"],
                                                 project_ids, share, think))
            every = dash + proj
            p50, p95, p99 = quantiles(every)
            print(f"{label:<26}{len(every):>9}{len(every) / args.seconds:>8.0f}{p50:>9.1f}{p95:>9.1f}{p99:>9.1f}"
                  f"{errors:>8}")
            if dash and proj:
                for name, values in (("  of which dashboard", dash), ("  of which project", proj)):
                    q50, q95, q99 = quantiles(values)
                    print(f"{name:<26}{len(values):>9}{len(values) / args.seconds:>8.0f}{q50:>9.1f}{q95:>9.1f}"
                          f"{q99:>9.1f}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
