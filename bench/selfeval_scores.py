"""Score the corpus's 自评表 by the official rules with their own figures, and compare with the scores
they print.

Usage: .venv/bin/python bench/selfeval_scores.py [--verbose] [FILTER ...]

Every self-evaluation of ``tests/fixtures/real/corpus/`` (the keys of kind ``self-evaluation``,
部门整体 ones too) is read as ``perfbudget read`` reads it, and each project is scored alone as
``perfbudget evaluate FILE -a FILE`` scores it (``evaluate/from_table.py``: the table's 实际完成值,
分值, 全年执行数 and, for a qualitative indicator, its 得分). The table's own score is
``Project.table_total`` (its header's 自评得分, else the 得分 of its 总分 row where the reader placed
it, ``总分/得分``), else the sum of the 得分 it prints (the funds grid's ``Budget.score`` and every
indicator's ``score``); it is compared with perfbudget's total, and each indicator's printed 得分
with perfbudget's. A project perfbudget refuses to score (no 分值 per indicator, a qualitative
实际完成值 under a numeric target …) is counted with its first reason; one without a printed 得分 on
every row has no table total to compare.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from real_tables import key_paths, table_kind, table_path  # noqa: E402

from perfbudget.app.evaluations import score  # noqa: E402
from perfbudget.evaluate.from_table import sheet_rows_from_document  # noqa: E402
from perfbudget.load import load_path  # noqa: E402
from perfbudget.model import Severity  # noqa: E402

_CENT = Decimal("0.01")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("filters", nargs="*")
    parser.add_argument("-v", "--verbose", action="store_true", help="each indicator whose score differs")
    args = parser.parse_args(argv)
    counts: Counter[str] = Counter()
    for key_path in key_paths(args.filters):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        name = key_path.name[: -len(".expected.json")]
        if "selfeval" not in table_kind(name, key["kind"]):
            continue
        path = table_path(key_path, key)
        document = load_path(path).document if path is not None and path.exists() else None
        if document is None:
            counts["tables refused by the reader"] += 1
            continue
        for project in document.projects:
            counts["projects"] += 1
            alone = replace(document, projects=(project,))
            rows = sheet_rows_from_document(alone, str(path))
            evaluation, problems = score(alone, rows, [], str(path))
            errors = [p for p in problems if p.severity is Severity.ERROR]
            scores = [project.budget.score, *(i.score for i in project.indicators)]
            printed = sum(scores, Decimal(0)) if project.indicators and None not in scores else None
            # the total the table gives itself (kinds24: its header's 自评得分, else the 总分 row's 得分)
            if project.table_total is not None:
                printed = project.table_total
            if evaluation is None:
                counts["refused by scoring"] += 1
                print(f"{name[:48]:<48} {project.name[:16]:<16} refused: {errors[0].message[:90]}")
                continue
            ours = evaluation.projects[0]
            total = ours.total.quantize(_CENT)
            if printed is None:
                counts["scored, the table prints no total to compare"] += 1
                print(f"{name[:48]:<48} {project.name[:16]:<16} ours {total} {ours.grade}; table: not every 得分")
                continue
            same = abs(total - printed) <= Decimal("0.05")
            counts["scored, same total" if same else "scored, totals differ"] += 1
            print(f"{name[:48]:<48} {project.name[:16]:<16} ours {total} {ours.grade}; table {printed}"
                  f"{'' if same else '  DIFFERS'}")
            if args.verbose and not same:
                if ours.execution_score.quantize(_CENT) != project.budget.score:
                    print(f"    预算执行: ours {ours.execution_score.quantize(_CENT)} (rate {ours.execution_rate}), "
                          f"table {project.budget.score}")
                for mine, indicator in zip(ours.indicators, project.indicators, strict=False):
                    if indicator.score is not None and abs(mine.score - indicator.score) > Decimal("0.005"):
                        print(f"    {indicator.level3[:20]}: target {indicator.target.raw} actual {indicator.actual} "
                              f"weight {indicator.weight}: ours {mine.score.quantize(_CENT)}, table {indicator.score}")
    print("\n" + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
