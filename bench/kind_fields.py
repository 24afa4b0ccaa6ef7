"""What the reader keeps typed, and what only as an untyped extra, in the corpus's 自评表, 部门整体 and
监控表.

Usage: .venv/bin/python bench/kind_fields.py [--src DIR] [--verbose] [--json]

For every answer key of ``tests/fixtures/real/corpus/`` (its kind told as ``bench/real_tables.py
--by-kind`` tells it), the table is loaded as ``perfbudget read`` loads it and each project's
columns are counted where the model holds them: an indicator's 实际完成值, 分值, 得分 and 偏差原因
(``Indicator.actual/weight/score/deviation``), the funds grid's 年初预算数, 全年执行数, 执行率, 分值 and 得分
(``Budget.initial/executed/rate/weight/score``, each with its ``Project.sources`` location), the
document's kind, a 监控表's period and a 自评表's own total and grade (``Document.kind``,
``Project.month/table_total/table_grade``, kinds24), and the funds grid's cells, a total score
(总分, 自评得分 …), a grade (评价等级, 自评等级 …) or a period's figures (1-N月执行数, 全年预计 …) kept only as
project or indicator extras. ``--src`` runs another tree's reader (e.g. main's, for a
before/after).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "real" / "corpus"
BUDGET_FIELDS = ("initial", "executed", "rate", "weight", "score")
# a project extra that is a column of the funds grid (row/column) or the 自评's own result
_FUNDS = re.compile(
    r"/(?:全年|年初|调整|预算)?(?:预算数|执行数|执行率|分值|得分|权重|预算|预计执行数|预计执行率)|月执行[数率]")
_RESULT = re.compile(r"总分|^合计$|得分合计|自评得分|评价得分|评分$|等级|评价结论|自评结论")


def table_kind(name: str, key_kind: str) -> str:
    """As ``bench/real_tables.py``'s (not imported: it puts this tree's ``src`` first, ``--src`` must win)."""
    if "monitor" in name:
        return "monitor"
    kind = "selfeval" if key_kind == "self-evaluation" else "target"
    return f"dept-{kind}" if "bumenzhengti" in name else kind


def key_paths() -> list[Path]:
    return sorted(CORPUS.glob("*.expected.json"))


def table_path(key_path: Path, key: dict[str, Any]) -> Path | None:
    """As ``bench/real_tables.py``'s: the key's ``file``, else the file beside it with the same stem."""
    if key.get("file"):
        return ROOT / key["file"]
    stem = key_path.name[: -len(".expected.json")]
    return next((c for c in sorted(key_path.parent.glob(stem + ".*")) if not c.name.endswith(".expected.json")),
                None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the perfbudget source tree to run")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the untyped labels per table")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.src))
    from perfbudget.load import load_path

    figures: dict[str, Counter[str]] = defaultdict(Counter)
    untyped: dict[str, Counter[str]] = defaultdict(Counter)
    for key_path in key_paths():
        key = json.loads(key_path.read_text(encoding="utf-8"))
        name = key_path.name[: -len(".expected.json")]
        kind = table_kind(name, key["kind"])
        path = table_path(key_path, key)
        document = load_path(path).document if path is not None and path.exists() else None
        f = figures[kind]
        f["tables"] += 1
        if document is None:
            f["refused"] += 1
            continue
        f[f"document kind {document.kind}"] += 1
        lines = []
        for project in document.projects:
            f["projects"] += 1
            for field in ("actual", "weight", "score", "deviation"):
                f[f"indicator.{field}"] += sum(getattr(i, field) not in (None, "") for i in project.indicators)
            f["indicators"] += len(project.indicators)
            for i in project.indicators:
                for label, _ in i.extras:
                    untyped[kind][f"indicator extra {label}"] += 1
            for field in BUDGET_FIELDS:
                value = getattr(project.budget, field, None)
                if value is not None:
                    f[f"budget.{field}"] += 1
                    f[f"budget.{field} located"] += f"budget.{field}" in project.sources
            # kinds24: the table's own total and grade, a 监控表's period (getattr: a tree before them has none)
            f["table_total typed"] += getattr(project, "table_total", None) is not None
            f["table_grade typed"] += getattr(project, "table_grade", None) is not None
            f["month typed"] += getattr(project, "month", None) is not None
            results = [label for label, _ in project.extras if _RESULT.search(label.split("/")[0])]
            funds = [label for label, _ in project.extras if _FUNDS.search(label) and label not in results]
            f["projects with funds extras"] += bool(funds)
            f["projects with a total row kept"] += bool(results)
            f["funds extras"] += len(funds)
            f["result extras"] += len(results)
            for label in funds + results:
                untyped[kind][f"project extra {re.sub(r'^[^/]*/', '…/', label)}"] += 1
            lines.append(f"    {project.name[:30]}: funds {funds} results {results}")
        if args.verbose and lines:
            print(f"{kind} {name}", *lines, sep="\n")
    if args.json:
        print(json.dumps({"figures": figures, "untyped": untyped}, ensure_ascii=False, indent=1))
        return 0
    for kind, f in figures.items():
        print(f"\n{kind}: " + ", ".join(f"{k} {v}" for k, v in f.items()))
        for label, count in untyped[kind].most_common(12):
            print(f"    {count:>4}  {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
