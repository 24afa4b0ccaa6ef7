"""The lists and searches of two versions of the code, compared answer by answer on equal stores.

    .venv/bin/python bench/queries_equal.py --db URL [--base-db URL] --base /tmp/queries-base/src

Runs every call below once with this tree's code on ``--db`` and once with the code under ``--base``
first on ``PYTHONPATH`` (e.g. main's: ``git -C /work/main archive main src | tar -x -C /tmp/queries-base``)
on ``--base-db`` (default: ``--db``; a separate store when the two codes' migration heads differ, e.g.
a copy of the store made before this tree's migration, ``CREATE DATABASE b TEMPLATE a``, and upgraded).
Each run writes every answer as JSON (rows in their order, totals, the capped flags); then the two are
compared call by call. Prints the count of calls and every difference; exit status 1 on any.

The calls: ``Store.units/projects/indicators`` (what ``perfbudget list`` and the API's lists run) with
every combination of year (none, each stored year, a year without projects), unit (none, two units) and
search text (none, the texts of bench/queries.py, single characters, letters, wildcards), at offsets 0,
50 and 1,000; ``find_projects`` and the official version (``show``); the web's project list
(``app.desk.list_projects``) with those years and words, as an administrator and as a unit's editor.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from queries import PROJECT_SEARCHES, SEARCHES_LONG, SEARCHES_SHORT  # type: ignore[import-not-found]  # noqa: E402

TEXTS = (None, *SEARCHES_LONG, *SEARCHES_SHORT, *PROJECT_SEARCHES, "率", "度", "满意", "数量", "ab", "A", "%",
         "_", "率%", "2024")


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def calls(url: str) -> Iterator[tuple[str, Any]]:
    """(name, answer) of every call, with the code on ``sys.path``."""
    from perfbudget.app.desk import ListQuery, list_projects
    from perfbudget.app.evaluations import official_versions
    from perfbudget.app.roles import Principal, Role
    from perfbudget.store import Filters, Store

    with Store(url) as store:
        with store.engine.connect() as connection:
            years = [row[0] for row in connection.exec_driver_sql(
                "SELECT DISTINCT fund_year FROM projects WHERE fund_year IS NOT NULL ORDER BY 1")]
            codes = [row[0] for row in connection.exec_driver_sql(
                "SELECT code FROM units WHERE code IS NOT NULL ORDER BY id LIMIT 2")]
        for year in [None, *years, 2099]:
            for unit in [None, *codes]:
                for text in TEXTS:
                    filters = Filters(unit=unit, year=year, search=text)
                    for offset in (0, 50, 1000):
                        for kind, method in (("projects", store.projects), ("indicators", store.indicators)):
                            yield f"{kind} {filters} offset {offset}", method(filters, offset=offset)
                    yield f"units {filters}", store.units(filters)
        for reference in ("1", "2", "99999", *PROJECT_SEARCHES, "基准单位1"):
            found = store.find_projects(reference)
            yield f"find {reference}", found
            if found:
                yield f"show {reference}", [(v.meta, v.document)
                                            for v in official_versions(store, project_ids=[found[0]["id"]])]
        admin = Principal(1, "admin", "admin", Role.ADMIN, None)
        editor = Principal(2, "editor", "editor", Role.UNIT_EDITOR, codes[0] if codes else None)
        for principal in (admin, editor):
            for year in [None, *years]:
                for text in ("", *(t for t in TEXTS if t)):
                    for page in (1, 3):
                        query = ListQuery(q=text, year=year, page=page)
                        with store.reading() as tx:
                            answer = list_projects(tx, principal, query)
                        yield f"desk {principal.role} {query}", answer


def dump(url: str, out: Path) -> None:
    with out.open("w", encoding="utf-8") as file:
        for name, answer in calls(url):
            file.write(json.dumps([name, _plain(answer)], ensure_ascii=False, sort_keys=True) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="this tree's store")
    parser.add_argument("--base-db", help="the base code's store (default: --db)")
    parser.add_argument("--base", required=True, help="the base code's src directory")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)  # one side's run (internal)
    args = parser.parse_args()
    if args.dump:
        dump(args.db, args.dump)
        return
    with tempfile.TemporaryDirectory() as directory:
        mine, base = Path(directory) / "mine.jsonl", Path(directory) / "base.jsonl"
        python = sys.executable
        subprocess.run([python, __file__, "--db", args.db, "--base", args.base, "--dump", str(mine)], check=True)
        env = {**os.environ, "PYTHONPATH": args.base}
        subprocess.run([python, __file__, "--db", args.base_db or args.db, "--base", args.base, "--dump", str(base)],
                       check=True, env=env)
        ours, theirs = mine.read_text("utf-8").splitlines(), base.read_text("utf-8").splitlines()
    differences = 0
    if len(ours) != len(theirs):
        print(f"different number of calls: {len(ours)} against {len(theirs)}")
        differences += 1
    for line, other in zip(ours, theirs, strict=False):
        if line != other:
            differences += 1
            if differences <= 20:
                print("differs:", json.loads(line)[0], "\n  ours:  ", line[:400], "\n  base:  ", other[:400])
    digest = hashlib.sha256("\n".join(ours).encode()).hexdigest()[:16]
    rows = sum(len(json.loads(line)[1].get("items", []) if isinstance(json.loads(line)[1], dict) else
                   json.loads(line)[1]) for line in ours)
    print(f"{len(ours):,} calls compared ({rows:,} rows; answers' hash {digest}): {differences} differences")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
