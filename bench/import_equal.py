"""Same imports, same store: a sequence of ``perfbudget import`` runs with two versions of the code, dumped.

    .venv/bin/python bench/import_equal.py --base /tmp/import-base/src [--files 300] [--pg URL] [--skip-sqlite]

Writes a corpus (``--files`` files of 10 tables from corpus.py, and beside them copies, files with changed
targets, files with new project names, garbage, an empty file, a file without a table, a file holding one
project twice, files with one bad table), then, for each code (this tree's ``src`` and ``--base``) and each
database (a fresh SQLite file; a fresh PostgreSQL database named ``import_…``), runs the same five imports:

1. the mixed folder (``-j 2``);
2. the mixed folder again with ``--skip-blocked``;
3. the whole corpus with ``-j 1`` (one file there reverts a project the mixed folder changed: needs confirmation);
4. a small folder with ``--skip-blocked -j 1``: the bad files again, more changed files, three reverts to a
   first version (need confirmation);
5. the same small folder with ``--force``: the reverts confirmed.

Every table is then dumped with its rows sorted and times blanked (SQLite's FTS5 tables through their
``fts5vocab`` term lists and FTS5's ``integrity-check``; on PostgreSQL the gram indexes are also asked for a
few grams with sequential scans off; ``alembic_version`` is left out: the heads may differ), as are the
``--json`` outcomes (times blanked; the change counters as their moves since the migration). The two codes'
dumps must be identical; the script exits 1 and shows the
first differences otherwise.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import seed_tables, varied_table

HERE = Path(__file__).resolve().parent.parent / "src"
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?")
_BAD = ("\t预算数\n\t21.62\n", "\t预算数\n\t二十一万\n")  # 表3 of the seed: its budget is not an amount
_GRAMS = ["培训", "满意", "率", "合格率", "项目", "ab", "效益", "成本", "x"]


def _tables(number: int, rng: random.Random) -> str:
    blocks = seed_tables()
    return "".join(varied_table(blocks[j % len(blocks)], number * 10 + j, rng) for j in range(10))


def write_corpus(root: Path, files: int) -> dict[str, Path]:
    rng = random.Random(7)
    texts = [_tables(n, rng) for n in range(files)]
    whole, mixed, late = root / "whole", root / "mixed", root / "late"
    for folder in (whole, mixed, late):
        folder.mkdir(parents=True)
    for n, text in enumerate(texts):
        (whole / f"unit-{n:05d}.txt").write_text(text, encoding="utf-8")
    part = files * 2 // 5
    for n in range(part):
        (mixed / f"unit-{n:05d}.txt").write_text(texts[n], encoding="utf-8")
    for n in range(5):  # copies under other names
        (mixed / f"v-copy-{n:05d}.txt").write_text(texts[n], encoding="utf-8")
    for n in range(5, 10):  # changed targets (a new version of each project)
        (mixed / f"w-changed-{n:05d}.txt").write_text(texts[n].replace("≥", "≥1", 3), encoding="utf-8")
    for n in range(10, 14):  # new project names: new projects beside the old ones
        (mixed / f"x-renamed-{n:05d}.txt").write_text(texts[n].replace("项目", "工程", 4), encoding="utf-8")
    (mixed / "y-garbage.txt").write_bytes(bytes(rng.randrange(256) for _ in range(3000)))
    (mixed / "y-empty.txt").write_text("", encoding="utf-8")
    (mixed / "y-no-table.txt").write_text("这不是绩效目标表。\n只是一段文字。\n", encoding="utf-8")
    first = texts[20][: texts[20].index("[bookmark:", 10)] if "[bookmark:" in texts[20][10:] else texts[20]
    (mixed / "y-twice.txt").write_text(first + first, encoding="utf-8")
    seed = (Path(__file__).resolve().parent.parent / "examples" / "000_e2047472f0d7711d.txt").read_text("utf-8")
    (mixed / "z-bad.txt").write_text(seed.replace(*_BAD, 1), encoding="utf-8")
    (late / "a-bad.txt").write_text(seed.replace(*_BAD, 1) + "\n", encoding="utf-8")  # not the same bytes
    (late / "a-garbage.txt").write_bytes(bytes(rng.randrange(256) for _ in range(500)))
    for n in range(30, 42):  # changed in another way
        (late / f"b-changed-{n:05d}.txt").write_text(texts[n].replace("≤", "≤2", 2), encoding="utf-8")
    for n in range(30, 33):  # back to the first version (other bytes, same tables): needs confirmation
        (late / f"c-revert-{n:05d}.txt").write_text(texts[n] + "\n", encoding="utf-8")
    (late / "d-copy-00001.txt").write_text(texts[1], encoding="utf-8")
    return {"whole": whole, "mixed": mixed, "late": late}


def run_sequence(code: Path, url: str, folders: dict[str, Path]) -> list[str]:
    steps = [(folders["mixed"], ["-j", "2"]), (folders["mixed"], ["--skip-blocked"]), (folders["whole"], ["-j", "1"]),
             (folders["late"], ["--skip-blocked", "-j", "1"]), (folders["late"], ["--force", "-j", "1"])]
    lines = []
    env = {**os.environ, "PYTHONPATH": str(code), "PERFBUDGET_ACTOR": "equal"}
    for number, (folder, options) in enumerate(steps, 1):
        done = subprocess.run([sys.executable, "-m", "perfbudget", "import", str(folder), "--db", url, "--json",
                               "--actor", "equal", *options], env=env, capture_output=True, text=True)
        try:
            result = json.loads(done.stdout)
        except ValueError:
            raise SystemExit(f"step {number}: no JSON (exit {done.returncode}):\n{done.stderr[-3000:]}") from None
        lines.append(f"step {number} exit {done.returncode} summary {json.dumps(result['summary'], sort_keys=True)}")
        for outcome in result["files"]:
            outcome["file"] = Path(outcome["file"]).name
            lines.append(f"step {number} " + _TIME.sub("T", json.dumps(outcome, ensure_ascii=False, sort_keys=True)))
    return lines


def _cell(value: object) -> str:
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return _TIME.sub("T", str(value))


# The change counters start at the migration's time in microseconds (migration 1100), another in every fresh
# database: compared as whether ``data`` moved since (``accounts`` moves only at a sign-out, none here, so it is
# still the start), ``accounts`` as 0, ``unreviewed`` (migration 1820, from 0) as whether it moved. Until 2026-12-06
# as the number of write transactions that moved ``data`` (and without ``unreviewed``, which broke the dump): a bulk
# import now commits 25 documents a transaction (``bulk_import.WRITE_EVERY``), moving the counters once for them.
_SELECT = {"change_counters": "SELECT id, CASE WHEN data > accounts THEN 1 ELSE 0 END, 0, "
                              "CASE WHEN unreviewed > 0 THEN 1 ELSE 0 END FROM change_counters"}


def dump_sqlite(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    out = []
    names = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    fts = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE sql LIKE '%USING fts5(%'")]
    for name in names:
        if name == "alembic_version":
            continue  # the codes' migration heads may differ
        if any(name.startswith(f + "_") and name != f + "_terms" for f in fts) or name in fts:
            continue  # FTS5's own storage: its layout depends on how the rows were batched; compared below
        columns = [(r[1], (r[2] or "").upper()) for r in connection.execute(f'PRAGMA table_info("{name}")')]
        rows = sorted("|".join("T" if ("DATE" in kind or "TIME" in kind) and value is not None else _cell(value)
                               for (_, kind), value in zip(columns, row, strict=True))
                      for row in connection.execute(_SELECT.get(name, f'SELECT * FROM "{name}"')))
        out.append(f"table {name} ({', '.join(c for c, _ in columns)}): {len(rows)} rows")
        out += [f"  {row}" for row in rows]
    for name in fts:
        connection.execute(f"INSERT INTO {name}({name}) VALUES ('integrity-check')")
        out.append(f"fts {name}: integrity-check passed")
    connection.close()
    return out


# PostgreSQL's bulk import writes with two connections (``app.bulk_writers``): the ids are taken as each writer
# writes, so they interleave differently from one writer's. The dump then names each row of these tables by its
# natural key instead of its id, and every column, outcome field and JSON field that holds such an id likewise; the
# other tables' own ids (referenced by no row an import writes) are left out. ``--ids`` compares the ids as they are.
_NATURAL = {
    "unit": "SELECT id, key FROM units",
    "document": "SELECT id, file_name || '|' || coalesce(sha256, '') || '|' || content_sha256 FROM documents",
    "project": "SELECT id, identity FROM projects",
    "version": "SELECT v.id, p.identity || '|' || v.number FROM project_versions v "
               "JOIN projects p ON p.id = v.project_id",
    "indicator": "SELECT i.id, p.identity || '|' || v.number || '|' || i.position FROM indicators i "
                 "JOIN project_versions v ON v.id = i.version_id JOIN projects p ON p.id = v.project_id",
    "group": "SELECT id, key FROM library_groups",
    "name": "SELECT id, norm FROM library_names",
}
_OWN = {"units": "unit", "documents": "document", "projects": "project", "project_versions": "version",
        "indicators": "indicator", "library_groups": "group", "library_names": "name"}
_REFERS = {"unit_id": "unit", "document_id": "document", "same_file_as": "document", "project_id": "project",
           "version_id": "version", "indicator_id": "indicator", "group_id": "group", "name_id": "name"}
_ID_FIELD = re.compile(r'"(unit_id|document_id|same_file_as|project_id|version_id|indicator_id)": (\d+)')
_DOCUMENT_SAID = re.compile(r"文档 (\d+)")


def natural_ids(connection: object) -> dict[str, dict[int, str]]:
    """Each kind's ids with their natural keys (a key two rows share, e.g. a file imported twice with --force, told
    apart by the rows' order, which one writer keeps for a unit's documents)."""
    found: dict[str, dict[int, str]] = {}
    for kind, query in _NATURAL.items():
        named: dict[int, str] = {}
        seen: dict[str, int] = {}
        for row_id, key in sorted(connection.execute(query).fetchall()):  # type: ignore[attr-defined]
            seen[key] = seen.get(key, 0) + 1
            named[row_id] = f"{kind}:{key}" + (f"#{seen[key]}" if seen[key] > 1 else "")
        found[kind] = named
    return found


def _named_text(text: str, ids: dict[str, dict[int, str]]) -> str:
    text = _ID_FIELD.sub(lambda m: f'"{m[1]}": "{ids[_REFERS[m[1]]].get(int(m[2]), m[2])}"', text)
    return _DOCUMENT_SAID.sub(lambda m: f"文档 {ids['document'].get(int(m[1]), m[1])}", text)


def _named_row(table: str, columns: list[str], row: tuple[object, ...], ids: dict[str, dict[int, str]]
               ) -> tuple[object, ...]:
    out: list[object] = []
    for column, value in zip(columns, row, strict=True):
        kind = _OWN.get(table) if column == "id" else _REFERS.get(column)
        if column == "object_id" and table == "audit_log":
            kind = _REFERS.get(f"{row[columns.index('object_type')]}_id")
        if column == "id" and kind is None:
            value = "#"  # a row nothing an import writes refers to
        elif kind is not None and isinstance(value, int | str) and str(value).isdigit():
            value = ids[kind].get(int(value), value)  # (the audit's object_id is text)
        elif isinstance(value, str | dict | list) and column != "id":
            plain = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
            value = _named_text(plain, ids)
        out.append(value)
    return tuple(out)


def dump_pg(url: str, outcomes: list[str], natural: bool) -> list[str]:
    """The outcomes and every table (by natural keys unless ``natural`` is false: see ``_NATURAL``)."""
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as connection:
        ids = natural_ids(connection) if natural else None
        out = [_named_text(line, ids) for line in outcomes] if ids is not None else list(outcomes)
        names = [r[0] for r in connection.execute("SELECT table_name FROM information_schema.tables WHERE "
                                                  "table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")]
        for name in names:
            if name == "alembic_version":
                continue  # the codes' migration heads may differ
            columns = connection.execute("SELECT column_name, data_type FROM information_schema.columns WHERE "
                                         "table_schema = 'public' AND table_name = %s ORDER BY ordinal_position",
                                         (name,)).fetchall()
            names = [column for column, _ in columns]
            rows = sorted("|".join("T" if ("time" in kind or "date" in kind) and value is not None else _cell(value)
                                   for (_, kind), value in zip(columns, named, strict=True))
                          for row in connection.execute(_SELECT.get(name, f'SELECT * FROM "{name}"'))
                          for named in [row if ids is None else _named_row(name, names, row, ids)])
            out.append(f"table {name} ({', '.join(c for c, _ in columns)}): {len(rows)} rows")
            out += [f"  {row}" for row in rows]
        connection.execute("SET enable_seqscan = off")
        for gram in _GRAMS:
            for table, body in (("indicators", "perfbudget_search_text(level3, description)"), ("projects", "name")):
                count = connection.execute(f"SELECT count(*) FROM {table} WHERE perfbudget_bigrams({body}) @> %s",
                                           ([gram.lower()[i:i + 2] for i in range(max(1, len(gram) - 1))],)).fetchone()
                out.append(f"gram index {table} {gram}: {count[0]}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="the other code's src directory")
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--pg", default=os.environ.get("PERFBUDGET_TEST_PG"))
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--keep", default=None, help="write the dumps into this folder")
    parser.add_argument("--ids", action="store_true", help="PostgreSQL: compare the ids too, not the natural keys")
    args = parser.parse_args()
    import psycopg

    failed = False
    with tempfile.TemporaryDirectory(prefix="import-equal-") as temp:
        root = Path(temp)
        folders = write_corpus(root / "corpus", args.files)
        databases = ([] if args.skip_sqlite else ["sqlite"]) + (["postgresql"] if args.pg else [])
        for database in databases:
            dumps = {}
            for label, code in (("this", HERE), ("base", Path(args.base))):
                if database == "sqlite":
                    path = root / f"{label}.db"
                    outcomes = run_sequence(code, f"sqlite:///{path}", folders)
                    dumps[label] = outcomes + dump_sqlite(path)
                else:
                    name = f"import_equal_{uuid.uuid4().hex[:8]}"
                    admin = args.pg.replace("postgresql+psycopg://", "postgresql://")
                    with psycopg.connect(admin, autocommit=True) as connection:
                        connection.execute(f'CREATE DATABASE "{name}"')
                    url = f"{args.pg.rpartition('/')[0]}/{name}"
                    try:
                        dumps[label] = dump_pg(url, run_sequence(code, url, folders), not args.ids)
                    finally:
                        with psycopg.connect(admin, autocommit=True) as connection:
                            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                if args.keep:
                    Path(args.keep).mkdir(parents=True, exist_ok=True)
                    (Path(args.keep) / f"{database}-{label}.txt").write_text("\n".join(dumps[label]) + "\n", "utf-8")
            this, base = dumps["this"], dumps["base"]
            outcomes = sum(1 for line in this if line.startswith("step ") and " summary " not in line)
            statuses: dict[str, int] = {}
            for line in this:
                if line.startswith("step ") and " summary " not in line:
                    status = json.loads(line.split(" ", 2)[2])["status"]
                    statuses[status] = statuses.get(status, 0) + 1
            if this == base:
                print(f"{database}: identical ({len(this):,} lines, {outcomes} outcomes {statuses})")
            else:
                failed = True
                print(f"{database}: DIFFERENT")
                print("\n".join(list(difflib.unified_diff(base, this, "base", "this", lineterm=""))[:60]))
        shutil.rmtree(root, ignore_errors=True)
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
