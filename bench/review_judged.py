"""The two figures of issue 13 on the judged real tables (tests/review/judged.py).

Usage: .venv/bin/python bench/review_judged.py

For each judged table: the faults a reviewer writes up, how many the review flags at their
place, the correct indicators and how many of them get nothing above info level. "blind"
tables were judged from the table alone before the review was run on them; "tuned" are the
tables the rules were written on. Goals: ≥ 90% of the faults flagged, ≥ 95% quiet.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.review.judged import BLIND, TUNED, Judged, score


def report(label: str, cases: list[Judged]) -> None:
    result = score(cases)
    print(f"{label}: {len(cases)} tables")
    print(f"  {'table':34} {'faults':>6} {'flagged':>7} {'correct':>7} {'quiet':>5}")
    for name, faults, flagged, correct, quiet in result.rows:
        print(f"  {name:34} {faults:>6} {flagged:>7} {correct:>7} {quiet:>5}")
    print(f"  faults flagged at their place: {result.flagged}/{result.faults} = {result.recall:.1%}")
    print(f"  correct indicators with nothing above info: {result.quiet}/{result.correct} = {result.quiet_share:.1%}")
    print(f"  findings above info: {result.findings}, of which rejected by the reviewer: {result.rejected}")


def main() -> None:
    report("blind", BLIND)
    report("tuned", TUNED)


if __name__ == "__main__":
    main()
