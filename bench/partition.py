"""Benchmark: partitioning indicators by fund year on PostgreSQL, against the same table unpartitioned.

Usage: .venv/bin/python bench/partition.py [--pg URL] [--years 4] [--per-year 1000000] [--repeat 15]

``--pg`` defaults to env PERFBUDGET_TEST_PG (a throwaway cluster: ``bash scripts/pg.sh start DIR``).
A fresh database is made for the run and dropped afterwards.

What it answers (docs/scale.md, "Partitioning by year"): a province stores some 1,000,000
indicators a year and keeps every year. Of the tables below a project only ``indicators`` has a
year of its own (``fund_year``, migration 0800; elsewhere the year is ``projects.fund_year``, one or
two joins away), and partitioning needs the year on every partitioned table and in its primary
key. This script builds that denormalised shape twice with the same rows and the same indexes —
``ind_plain`` (one table) and ``ind_part`` (``PARTITION BY LIST (year)``, one partition a year) —
rows inserted year after year as imports arrive, then times, warm, median and p95 of ``--repeat`` runs:

* ``year aggregate``: indicators of the newest year counted by 一级 (a dashboard-style scan);
* ``year + unit``: one unit's indicators in the newest year (an index lookup);
* ``year + text``: a Chinese phrase (``LIKE '%满意度%'``) within the newest year (a scan);
* ``unit, all years``: one unit across every year (no year: every partition is probed);
* ``by id``: one row by id alone (no year: every partition's index on ``id`` is probed — the
  partitioned primary key is (year, id), so that extra index is needed at all);
* ``retire a year``: removing the oldest year — ``DELETE`` against ``DETACH`` + ``DROP`` of its
  partition (each inside a transaction that is rolled back, so it can be repeated; 3 runs).

It also prints how many partitions each query's plan touches (EXPLAIN), to show pruning. The
client's wall time includes the round trip; on a shared machine compare the two columns of one
run, not figures of different runs (the load average is printed).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import time
import uuid
from collections.abc import Callable
from typing import Any

import psycopg

NAMES = ("受益群众满意度", "项目完成率", "资金到位率", "培训人次", "设备采购数量", "服务对象满意度",
         "按时完成率", "成本控制率", "道路硬化里程", "校舍维修面积", "新增就业人数", "群众满意率")
LEVEL1 = ("产出指标", "效益指标", "满意度指标", "成本指标")
UNITS = 5_000
FIRST_YEAR = 2021

COLUMNS = """id bigint NOT NULL, year integer NOT NULL, version_id integer NOT NULL, unit_code text NOT NULL,
    position integer NOT NULL, level1 text NOT NULL, level3 text NOT NULL, target text"""


def plain_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def fill(conn: psycopg.Connection[Any], table: str, years: int, per_year: int) -> float:
    """Insert ``per_year`` rows for each year, oldest year first (as imports arrive); seconds taken."""
    names = "ARRAY[" + ",".join(f"'{n}'" for n in NAMES) + "]"
    level1 = "ARRAY[" + ",".join(f"'{n}'" for n in LEVEL1) + "]"
    started = time.perf_counter()
    for year_index in range(years):
        first = year_index * per_year + 1
        conn.execute(f"""
            INSERT INTO {table} (id, year, version_id, unit_code, position, level1, level3, target)
            SELECT g, {FIRST_YEAR + year_index}, g / 10, (100000 + (g / 10 / 20) % {UNITS})::text, g % 10 + 1,
                   ({level1})[g % 4 + 1], ({names})[(g / 7) % {len(NAMES)} + 1] || (g % 97)::text,
                   '≥' || (g % 100)::text || '%'
            FROM generate_series({first}, {first + per_year - 1}) AS g""")
        conn.commit()
    return time.perf_counter() - started


def create(conn: psycopg.Connection[Any], years: int) -> None:
    conn.execute(f"CREATE TABLE ind_plain ({COLUMNS}, PRIMARY KEY (id))")
    conn.execute("CREATE INDEX ind_plain_year_unit ON ind_plain (year, unit_code)")
    # A partitioned table's primary key must contain the partition key: (year, id), not (id).
    conn.execute(f"CREATE TABLE ind_part ({COLUMNS}, PRIMARY KEY (year, id)) PARTITION BY LIST (year)")
    conn.execute("CREATE INDEX ind_part_year_unit ON ind_part (year, unit_code)")
    # Without it a lookup by id alone scans every partition: (year, id) cannot serve ``id = …``.
    conn.execute("CREATE INDEX ind_part_id ON ind_part (id)")
    for year_index in range(years):
        year = FIRST_YEAR + year_index
        conn.execute(f"CREATE TABLE ind_part_{year} PARTITION OF ind_part FOR VALUES IN ({year})")
    conn.commit()


def timed(conn: psycopg.Connection[Any], sql: str, repeat: int, rollback: bool = False) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        cursor = conn.execute(sql)
        if cursor.description is not None:
            cursor.fetchall()
        out.append((time.perf_counter() - started) * 1000)
        if rollback:
            conn.rollback()
    if not rollback:
        conn.rollback()
    return out


def partitions_in_plan(conn: psycopg.Connection[Any], sql: str) -> int:
    plan = "\n".join(row[0] for row in conn.execute("EXPLAIN " + sql).fetchall())
    conn.rollback()
    return len(set(re.findall(r"ind_part_\d{4}", plan)))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pg", default=os.environ.get("PERFBUDGET_TEST_PG"),
                        help="PostgreSQL server URL (default env PERFBUDGET_TEST_PG)")
    parser.add_argument("--years", type=int, default=4)
    parser.add_argument("--per-year", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    if not args.pg:
        parser.error("--pg URL or env PERFBUDGET_TEST_PG is needed (bash scripts/pg.sh start DIR)")
    admin = plain_url(args.pg)
    name = f"bench_partition_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        run(f"{admin.rpartition('/')[0]}/{name}", args)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(url: str, args: argparse.Namespace) -> None:
    years, per_year, repeat = args.years, args.per_year, args.repeat
    newest, oldest = FIRST_YEAR + years - 1, FIRST_YEAR
    unit = str(100000 + 1234)
    print(f"{years} years × {per_year:,} indicators = {years * per_year:,} rows per table; "
          f"load average before: {os.getloadavg()[0]:.2f}")
    with psycopg.connect(url) as conn:
        create(conn, years)
        loads = {table: fill(conn, table, years, per_year) for table in ("ind_plain", "ind_part")}
        conn.autocommit = True
        for table in ("ind_plain", "ind_part"):
            conn.execute(f"VACUUM ANALYZE {table}")
        conn.autocommit = False
        sizes = {table: conn.execute(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relname = %s "
            "OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = %s::regclass)",
            (table, table)).fetchone()[0] for table in ("ind_plain", "ind_part")}  # type: ignore[index]
        conn.rollback()
        for table in ("ind_plain", "ind_part"):
            print(f"  {table}: loaded in {loads[table]:.1f} s, {sizes[table] / 2**20:,.0f} MiB with indexes")

        queries: list[tuple[str, Callable[[str], str], int, bool]] = [
            ("year aggregate", lambda t: f"SELECT level1, count(*) FROM {t} WHERE year = {newest} GROUP BY level1",
             repeat, False),
            ("year + unit", lambda t: f"SELECT count(*), max(target) FROM {t} WHERE year = {newest} "
                                      f"AND unit_code = '{unit}'", repeat * 4, False),
            ("year + text", lambda t: f"SELECT count(*) FROM {t} WHERE year = {newest} AND level3 LIKE '%满意度%'",
             repeat, False),
            ("unit, all years", lambda t: f"SELECT count(*) FROM {t} WHERE unit_code = '{unit}'", repeat * 4, False),
            ("by id", lambda t: f"SELECT * FROM {t} WHERE id = {per_year + 4321}", repeat * 4, False),
            ("retire a year", lambda t: (f"DELETE FROM ind_plain WHERE year = {oldest}" if t == "ind_plain" else
                                         f"ALTER TABLE ind_part DETACH PARTITION ind_part_{oldest}; "
                                         f"DROP TABLE ind_part_{oldest}"), 3, True),
        ]
        rows = []
        for label, sql, times, rollback in queries:
            figures = {}
            for table in ("ind_plain", "ind_part"):
                timed(conn, sql(table), 1, rollback)  # warm the cache
                figures[table] = timed(conn, sql(table), times, rollback)
            touched = "–" if label == "retire a year" else f"{partitions_in_plan(conn, sql('ind_part'))} of {years}"
            rows.append((label, figures["ind_plain"], figures["ind_part"], touched, times))
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print()
    print("| query | runs | plain median ms | plain p95 ms | partitioned median ms | partitioned p95 ms "
          "| partitions in plan |")
    print("|---|---|---|---|---|---|---|")
    for label, plain, part, touched, times in rows:
        print(f"| {label} | {times} | {statistics.median(plain):.2f} | {p95(plain):.2f} | "
              f"{statistics.median(part):.2f} | {p95(part):.2f} | {touched} |")


if __name__ == "__main__":
    main()
