"""Benchmark: the indicator library at 1,000,000 indicators, on SQLite and PostgreSQL.

Usage: .venv/bin/python bench/library.py [--indicators 1000000] [--pg URL] [--skip-sqlite] [--skip-pg]

Requirements (issue 16): building the library for 1,000,000 indicators ≤ 60 s on one core, an
incremental update per import ≤ 50 ms, ``library search`` p95 ≤ 100 ms at that size.

The store is filled directly with rows (not timed): 2,000 units, 10 indicators per project, one
version each, over five fund years; the 三级 names are drawn (Zipf-like, as real tables repeat a
few indicators very often) from the hand-labelled real names of tests/library/labelled_names.tsv
and ~3,000 generated "topic + indicator" names, each also written with numbering, brackets or a
full-width form now and then. Targets are real forms (≥95%, ≤30万元, 良好 …).

What is timed, per database (each a fresh one):
* ``build_library`` (one transaction: names, grouping, entries, statistics);
* the incremental update after an import of one document (10 projects, 100 indicators):
  ``update_library`` only (the import's own transaction is measured in bench/import.py; the projects
  it brought are looked up before the clock starts), 20 times: wall p50/p95, CPU p50/p95 and the
  statements sent (each a round trip on PostgreSQL: the part of the wall time load inflates);
* ``search`` for 100 different texts (warm, in process), p50 and p95.

Each is given as wall time and as CPU time: this process's (``time.process_time``) plus, on
PostgreSQL, that of the database's server backends (from /proc; the server runs on this machine).
On a shared machine the wall time includes waiting for a core; the CPU time is what one core
spends. (/proc counts in clock ticks of 10 ms: single updates and searches on PostgreSQL are
rounded to that; the medians and p95 over 20/90 runs still show the order.)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from perfbudget.library.build import build_library, update_library
from perfbudget.library.query import search
from perfbudget.model import Budget, Document, Indicator, Project, Unit
from perfbudget.store import Store, importer
from perfbudget.store.bulk import insert_rows
from perfbudget.store.schema import documents, indicators, project_versions, projects, targets, units, utc_now
from perfbudget.target import parse_target

ROOT = Path(__file__).resolve().parents[1]
TOPICS = ("道路", "校舍", "农田", "河道", "路灯", "公厕", "绿地", "供水管网", "档案", "设备", "车辆", "图书", "课程",
          "培训", "宣传", "巡查", "监测点", "疫苗", "药品", "病床", "养老床位", "救助", "低保", "就业", "创业",
          "林地", "草场", "水库", "堤防", "桥梁", "隧道", "信号灯", "摄像头", "网络", "系统", "软件", "服务器",
          "场馆", "文物", "演出", "赛事", "食堂", "宿舍", "实验室", "牲畜", "种子", "化肥", "农机", "渔船", "茶园")
HEADS = ("数量", "完成率", "验收合格率", "维修数量", "覆盖率", "完好率", "使用率", "建设成本", "维护成本", "及时率",
         "服务对象满意度", "群众满意度", "正常运行率", "达标率", "更新数量", "采购数量", "检查次数", "培训人次",
         "受益人数", "面积", "里程", "故障率", "投诉率", "使用年限", "完成及时率", "合格率", "知晓率", "到位率",
         "执行率", "支付及时率", "新增数量", "改造数量", "巡检次数", "开放时长", "处置率", "办结率", "参与人数",
         "资金使用合规率", "社会效益", "可持续影响", "生态效益", "经济效益", "管理制度健全性", "档案完整率",
         "安全事故发生率", "人均成本", "单位成本", "平均响应时间", "整改完成率", "抽检合格率", "登记率", "上报及时率",
         "评估达标率", "公开率", "覆盖人数", "服务人次", "运行天数", "留存率")
LEVELS = {"率": ("产出指标", "质量指标"), "度": ("满意度指标", "服务对象满意度指标"),
          "成本": ("产出指标", "成本指标"), "时间": ("产出指标", "时效指标"),
          "效益": ("效益指标", "社会效益指标"), "影响": ("效益指标", "可持续影响指标")}
SEARCHES = ("满意度", "验收合格率", "道路维修数量", "资金支付及时率", "培训人次", "设备采购成本", "群众满意度",
            "覆盖率", "档案完整率", "项目完成及时率", "受益人数", "路灯完好率", "低保", "疫苗接种率", "宣传次数")


def _vocabulary(rng: random.Random) -> list[str]:
    lines = (ROOT / "tests" / "library" / "labelled_names.tsv").read_text(encoding="utf-8").splitlines()
    real = [line.split("\t")[1] for line in lines if line and not line.startswith("#")]
    generated = [topic + head for topic in TOPICS for head in HEADS]
    names = real + generated
    rng.shuffle(names)
    variants = []
    for name in names[:800]:  # the same indicators written differently
        variants.extend([f"1.{name}", f"{name}（%）", f"★{name}", name.replace("率", "率(%)")])
    return names + variants


def _target(name: str, rng: random.Random) -> str:
    if "成本" in name:
        return f"≤{rng.randint(5, 500)}万元"
    if "满意" in name or "率" in name:
        return f"≥{rng.choice([80, 85, 90, 92, 95, 98, 100])}%"
    if "时间" in name or "时长" in name:
        return f"≤{rng.randint(1, 72)}小时"
    if "效益" in name or "影响" in name or "健全" in name:
        return rng.choice(["良好", "明显提升", "长期", "健全"])
    return f"≥{rng.randint(1, 2000)}{rng.choice(['个', '人', '次', '公里', '台'])}"


def _levels(name: str) -> tuple[str, str]:
    for ending, levels in LEVELS.items():
        if ending in name:
            return levels
    return ("产出指标", "数量指标")


def _insert_many(connection: Any, table: Any, rows: list[dict[str, Any]], first_id: int | None = None) -> list[int]:
    """``insert_rows``, but on SQLite (where SQLAlchemy builds each row's parameters in Python, most of the
    fill's time) the driver's own executemany with plain values, the ids given from ``first_id``."""
    if connection.dialect.name != "sqlite" or not rows:
        return insert_rows(connection, table, rows, with_ids=first_id is not None)
    columns = list(rows[0])
    ids = list(range(first_id, first_id + len(rows))) if first_id is not None else []
    if ids:
        columns = ["id", *columns]
    values = [(*([ids[i]] if ids else []), *row.values()) for i, row in enumerate(rows)]
    assert all(v is None or isinstance(v, (str, int)) for row in values[:100] for v in row), "plain values only"
    marks = ", ".join("?" for _ in columns)
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", values)
    return ids


def fill(store: Store, total: int, seed: int = 16) -> None:
    """Fill a fresh store with ``total`` indicators (rows inserted directly, ~10 per project)."""
    from perfbudget.store import rows as store_rows
    from perfbudget.store.engine import write_transaction

    rng = random.Random(seed)
    names = _vocabulary(rng)
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(names))]
    targets_of = {name: [_target(name, rng) for _ in range(8)] for name in names}
    parsed = {(name, raw): store_rows.target_values(parse_target(raw, name)) for name in names
              for raw in targets_of[name]}
    unit_count, per_project = 2000, 10
    project_count = total // per_project
    now = utc_now()
    with_year = "fund_year" in indicators.c  # the project's year on its indicators (0800); not in older code
    with write_transaction(store.engine) as connection:
        unit_ids = insert_rows(connection, units, [{"key": f"code:{900000 + u}", "code": str(900000 + u),
                                                    "name": f"基准单位{u}"} for u in range(unit_count)], with_ids=True)
        doc_ids = insert_rows(connection, documents, [
            {"unit_id": unit_ids[u], "file_name": f"u{u}.txt", "sha256": f"{u:064d}", "content_sha256": f"{u:064d}",
             "form": "text", "kind": "target", "unit_code": str(900000 + u), "unit_name": f"基准单位{u}",
             "money_unit": "万元", "project_count": 0, "indicator_count": 0, "imported_at": now}
            for u in range(unit_count)], with_ids=True)
        done = 0
        while done < project_count:
            batch = min(5000, project_count - done)
            project_rows = []
            for p in range(done, done + batch):
                unit = p % unit_count
                topic = TOPICS[p % len(TOPICS)]
                project_rows.append({"unit_id": unit_ids[unit], "identity": uuid.uuid4().hex, "latest_version": 1,
                                     "name": f"{2020 + p % 5}年{topic}项目{p // unit_count}",
                                     "fund_label": f"{2020 + p % 5}市级", "fund_year": 2020 + p % 5,
                                     "created_at": now, "updated_at": now})
            pids = insert_rows(connection, projects, project_rows, with_ids=True)
            vids = insert_rows(connection, project_versions, [
                {"project_id": pid, "number": 1, "document_id": doc_ids[(done + i) % unit_count],
                 "content_sha256": uuid.uuid4().hex, "seq": 1, "title": None, "name_cell": None,
                 "fund_source": "市级", "budget_total": "10", "budget_fiscal": "10", "budget_other": None,
                 "purpose": f"用于{TOPICS[(done + i) % len(TOPICS)]}", "goals": "[]", "extras": None,
                 "indicator_count": per_project, "created_at": now} for i, pid in enumerate(pids)], with_ids=True)
            chosen = rng.choices(names, weights, k=batch * per_project)
            indicator_rows, target_rows = [], []
            for i, vid in enumerate(vids):
                for position in range(1, per_project + 1):
                    name = chosen[i * per_project + position - 1]
                    level1, level2 = _levels(name)
                    indicator_rows.append({"version_id": vid, "position": position, "level1": level1,
                                           "level2": level2, "level3": name, "description": None, "weight": None,
                                           "actual": None, "score": None, "deviation": None, "extras": None,
                                           **({"fund_year": project_rows[i]["fund_year"]} if with_year else {})})
                    target_rows.append(parsed[(name, rng.choice(targets_of[name]))])
            iids = _insert_many(connection, indicators, indicator_rows, first_id=done * per_project + 1)
            _insert_many(connection, targets, [{"indicator_id": iid, **row} for iid, row in zip(iids, target_rows,
                                                                                               strict=True)])
            done += batch


def _document(number: int, rng: random.Random) -> Document:
    names = _vocabulary(random.Random(16))
    projects_ = []
    for seq in range(1, 11):
        rows = []
        for name in rng.sample(names[:600], 10):
            rows.append(Indicator(*_levels(name), name, None, parse_target(_target(name, rng), name)))
        projects_.append(Project(seq, None, f"增量项目{number}-{seq}", "2025市级", 2025, "市级",
                                 Budget(None, None, None), "用于测试", (), tuple(rows)))
    return Document(Unit(f"77{number:04d}", f"增量单位{number}"), "万元", tuple(projects_))


class ServerCpu:
    """CPU seconds spent by the PostgreSQL backends of one database (read from /proc: the benchmark's
    server runs on this machine); zero on SQLite, whose work is in this process."""

    def __init__(self, url: str) -> None:
        self.connection = None
        if url.startswith("postgresql"):
            import psycopg

            self.connection = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)

    def backends(self) -> list[int]:
        """The process ids of the database's server backends but the measuring connection's own."""
        if self.connection is None:
            return []
        return [row[0] for row in self.connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")]

    def __call__(self) -> float:
        if self.connection is None:
            return 0.0
        ticks = 0
        for pid in self.backends():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")


class _StatementCounter:
    """Statements the store's engine sent (each one round trip to PostgreSQL; BEGIN and COMMIT not counted)."""

    def __init__(self, store: Store) -> None:
        from sqlalchemy import event

        self.count = 0
        event.listen(store.engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args: object) -> None:
        self.count += 1


def _cpu(server: ServerCpu) -> float:
    return time.process_time() + server()


def measure(url: str, total: int) -> dict[str, float]:
    server = ServerCpu(url)
    with Store(url) as store:
        start = time.perf_counter()
        fill(store, total)
        filled = time.perf_counter() - start
        start, cpu = time.perf_counter(), _cpu(server)
        summary = build_library(store)
        built, built_cpu = time.perf_counter() - start, _cpu(server) - cpu
        rng = random.Random(7)
        updates, update_cpu, update_statements = [], [], []
        statements = _StatementCounter(store)
        for number in range(20):
            outcome = importer.import_document(store.engine, _document(number, rng), f"inc{number}.txt")
            assert outcome.status == "imported" and outcome.document_id is not None
            from perfbudget.store import library_reads

            with store.library_reading() as connection:
                ids = library_reads.document_projects(connection, outcome.document_id)
            statements.count = 0
            start, cpu = time.perf_counter(), _cpu(server)
            update_library(store, ids)
            updates.append(time.perf_counter() - start)
            update_cpu.append(_cpu(server) - cpu)
            update_statements.append(statements.count)
        searches, search_cpu = [], []
        for text in SEARCHES * 7:
            start, cpu = time.perf_counter(), _cpu(server)
            search(store, text)
            searches.append(time.perf_counter() - start)
            search_cpu.append(_cpu(server) - cpu)
        searches, search_cpu = searches[len(SEARCHES):], search_cpu[len(SEARCHES):]  # round 1 warms caches
    quantiles = statistics.quantiles(searches, n=20)
    return {"fill_s": round(filled, 1), "build_s": round(built, 1), "build_cpu_s": round(built_cpu, 1),
            "groups": summary.groups, "names": summary.names, "entries": summary.entries,
            "update_p50_ms": round(statistics.median(updates) * 1000, 1),
            "update_cpu_p50_ms": round(statistics.median(update_cpu) * 1000, 1),
            "update_p95_ms": round(statistics.quantiles(updates, n=20)[18] * 1000, 1),
            "update_cpu_p95_ms": round(statistics.quantiles(update_cpu, n=20)[18] * 1000, 1),
            "update_statements": max(update_statements),
            "search_p50_ms": round(statistics.median(searches) * 1000, 1),
            "search_p95_ms": round(quantiles[18] * 1000, 1),
            "search_cpu_p95_ms": round(statistics.quantiles(search_cpu, n=20)[18] * 1000, 1),
            "load_average": round(os.getloadavg()[0], 1)}


@contextmanager
def _pg_database(admin: str) -> Iterator[str]:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:10]}"
    plain = admin.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    head, _, _ = admin.rpartition("/")
    try:
        yield f"{head}/{name}"
    finally:
        with psycopg.connect(plain, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=1_000_000)
    parser.add_argument("--pg", default=os.environ.get("PERFBUDGET_BENCH_PG") or os.environ.get("PERFBUDGET_TEST_PG"))
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-pg", action="store_true")
    args = parser.parse_args()
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            print("sqlite", measure(f"sqlite:///{Path(folder) / 'library.db'}", args.indicators), flush=True)
    if args.pg and not args.skip_pg:
        with _pg_database(args.pg) as url:
            print("postgresql", measure(url, args.indicators), flush=True)


if __name__ == "__main__":
    sys.exit(main())
