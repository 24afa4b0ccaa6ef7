"""Cross-form invariance: the same table read the same from every file form units publish it in (forms40).

Usage: .venv/bin/python bench/form_invariance.py [--limit 40] [--directory DIR] [-v] [FILTER ...]

Takes the corpus's text tables (``tests/fixtures/real/corpus/NN_….txt``, not the ``r`` renderings) whose reading is
right — every indicator right and none more, the name and the funds right, no error (``bench/real_tables.py``'s
score) — and renders each project's reading the way units make files (``tests/readers/form_renderings.py``): a Word
table with 一级/二级 merged down and the funds block under one merged label cell, an Excel sheet with merged ranges and
formatted numbers, an HTML table with ``rowspan``/``colspan``, and LibreOffice's .doc and PDF of the Word file, .xls,
.ods and PDF of the Excel file (needs ``soffice``). Each file is read by ``load_path`` and its reading compared with
the text's (``form_renderings.reading_of``: name, year, money unit, funds; each indicator's levels, 三级 name,
comparator, value, unit, weight, actual and score). Prints form × tables read the same / differently / refused;
``-v`` names each difference.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.readers.form_renderings
sys.path.insert(0, str(ROOT / "bench"))

from real_tables import key_paths, score_table, table_path  # noqa: E402
from tests.readers.form_renderings import FORMS, form_of, reading_of, render_all  # noqa: E402

from perfbudget.load import load_path  # noqa: E402
from perfbudget.model import Document  # noqa: E402


def right_text_tables(filters: list[str], limit: int) -> list[tuple[str, Document]]:
    """The corpus's text tables read right, by name, with their reading."""
    import json

    chosen: list[tuple[str, Document]] = []
    for key_path in key_paths(filters or None):
        if key_path.name.startswith("r"):
            continue
        path = table_path(key_path, json.loads(key_path.read_text(encoding="utf-8")))
        if path is None or path.suffix != ".txt":
            continue
        score = score_table(key_path)
        if (score.status != "ok" or score.right != score.expected or score.read != score.expected
                or score.names_right != score.projects_expected or score.budgets_right != score.projects_expected):
            continue
        document = load_path(path).document
        if document is not None:
            chosen.append((key_path.name.split("_")[0], document))
        if len(chosen) == limit:
            break
    return chosen


def differences(expected: list[tuple[object, ...]], read: list[tuple[object, ...]]) -> list[str]:
    """Each field read otherwise than from the text, as 'expected → read'."""
    if len(expected) != len(read):
        first = [f"{e} → {r}" for e, r in zip(expected, read, strict=False) if e != r][:1]
        return [f"{len(expected)} rows → {len(read)}", *first]
    return [f"{e} → {r}" for e, r in zip(expected, read, strict=True) if e != r]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("filters", nargs="*")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--directory", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    tables = right_text_tables(args.filters, args.limit)
    names = [name for name, _document in tables]
    forms = [form_of(document, document.projects[0]) for _name, document in tables if len(document.projects) == 1]
    names = [name for name, document in tables if len(document.projects) == 1]
    expected = [reading_of(document) for _name, document in tables if len(document.projects) == 1]
    with tempfile.TemporaryDirectory(prefix="form-invariance-") as scratch:
        directory = args.directory or Path(scratch)
        files = render_all(forms, names, directory)
        print(f"{len(names)} text tables read right: {' '.join(names)}")
        print(f"{'form':10} {'same':>5} {'differ':>7} {'refused':>8}")
        for form in FORMS:
            same = differ = refused = 0
            for name, want, path in zip(names, expected, files[form], strict=True):
                result = load_path(path)
                if result.document is None:
                    refused += 1
                    if args.verbose:
                        print(f"  {form} {name}: refused: {result.errors[0].message if result.errors else ''}")
                    continue
                found = differences(want, reading_of(result.document))
                if found:
                    differ += 1
                    if args.verbose:
                        print(f"  {form} {name}: " + " | ".join(found[:3]))
                else:
                    same += 1
            print(f"{form:10} {same:5} {differ:7} {refused:8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
