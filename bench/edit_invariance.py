"""Is a table read the same however a person copies or edits it? (reading40)

Usage: .venv/bin/python bench/edit_invariance.py [--verbose] [--edit NAME ...] [FILTER ...]

Takes every text table of the real corpus (``tests/fixtures/real/corpus/*.txt``) whose reading matches its answer
key (every indicator right, none wrong, as ``bench/real_tables.py`` scores it), applies each edit of
``tests/readers/copy_edits.py`` that fits its layout (tabs for ``|``, padding, blank lines, CRLF, a BOM, NBSP, full
width digits and comparators, the header repeated at page breaks, a long name wrapped, 万元 beside the amounts,
``不低于95%`` / ``95%以上``, one cell a line …) and reads the edited text as ``perfbudget read`` does
(``load_bytes``). Each (edit, table) is **same** (the reading of ``copy_edits.reading`` equal, no error the unedited
text did not have), **different** (read, no new error, another reading: the worst case, "ok but wrong"),
**errors** (new errors) or **refused** (no document). Prints the table edit × counts, then with ``--verbose`` each
case not the same and what differs first.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # tests.readers.copy_edits
sys.path.insert(0, str(ROOT / "bench"))

from real_tables import key_paths, score_table  # noqa: E402
from tests.readers.copy_edits import EDITS, OUTCOMES, copy_of, outcome  # noqa: E402


def matching_tables(filters: list[str] | None = None) -> list[Path]:
    """The corpus's text tables whose reading matches their key (every indicator right, none wrong)."""
    tables = []
    for key in key_paths(filters):
        table = key.with_name(key.name[: -len(".expected.json")] + ".txt")
        if table.exists():
            score = score_table(key)
            if score.expected and score.right == score.expected == score.read:
                tables.append(table)
    return tables


def first_difference(base: tuple[object, ...], edited: tuple[object, ...]) -> str:
    """The first thing the edited reading says otherwise, for the verbose list."""
    if len(base) != len(edited):
        return f"{len(base) - 1} projects → {len(edited) - 1}"
    if base[0] != edited[0]:
        return f"money unit {base[0]} → {edited[0]}"
    for was, now in zip(base[1:], edited[1:], strict=True):
        assert isinstance(was, tuple) and isinstance(now, tuple)
        for part, a, b in zip(("name", "year", "total", "fiscal", "other"), was, now, strict=False):
            if a != b:
                return f"{part} {a!r} → {b!r}"
        rows_was, rows_now = was[5], now[5]
        assert isinstance(rows_was, tuple) and isinstance(rows_now, tuple)
        for a, b in zip(rows_was, rows_now, strict=False):
            if a != b:
                return f"{a} → {b}"
        if len(rows_was) != len(rows_now):
            return f"{len(rows_was)} indicators → {len(rows_now)}"
    return "(the errors only)"


def run(tables: list[Path], edits: list[str]) -> tuple[dict[str, Counter[str]], list[str]]:
    counts: dict[str, Counter[str]] = {edit: Counter() for edit in edits}
    notes: list[str] = []
    for path in tables:
        copy, base = copy_of(path.read_text(encoding="utf-8"), path.name)
        for edit in edits:
            edited = EDITS[edit](copy)
            if edited is None:
                continue
            result, reading_now = outcome(base, edited, path.name)
            counts[edit][result] += 1
            if result != "same":
                notes.append(f"{edit:<28} {path.name[:48]:<48} {result:<9} {first_difference(base[0], reading_now)}")
    return counts, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("filters", nargs="*", help="only these tables: a number (07) or a part of the file name")
    parser.add_argument("--edit", action="append", choices=sorted(EDITS), help="only this edit (repeatable)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every case not read the same")
    args = parser.parse_args(argv)
    tables = matching_tables(args.filters)
    counts, notes = run(tables, args.edit or list(EDITS))
    print(f"{len(tables)} text tables read as their keys say\n")
    print(f"{'edit':<30} {'tables':>6} " + " ".join(f"{o:>9}" for o in OUTCOMES))
    for edit, count in counts.items():
        print(f"{edit:<30} {sum(count.values()):>6} " + " ".join(f"{count[o]:>9}" for o in OUTCOMES))
    total: Counter[str] = sum(counts.values(), Counter())
    print(f"{'all':<30} {sum(total.values()):>6} " + " ".join(f"{total[o]:>9}" for o in OUTCOMES))
    if args.verbose:
        print("\n" + "\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
