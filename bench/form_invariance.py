"""Cross-form invariance: the same table read the same from every file form units publish it in (forms40).

Usage: .venv/bin/python bench/form_invariance.py [--limit 40] [--directory DIR] [--layout NAME ...] [--form FORM ...]
    [-v] [FILTER ...]

Takes the corpus's text tables (``tests/fixtures/real/corpus/NN_….txt``, not the ``r`` renderings) whose reading is
right — every indicator right and none more, the name and the funds right, no error (``bench/real_tables.py``'s
score) — and renders each project's reading the way units make files (``tests/readers/form_renderings.py``): a Word
table with 一级/二级 merged down and the funds block under one merged label cell, an Excel sheet with merged ranges and
formatted numbers, an HTML table with ``rowspan``/``colspan``, and LibreOffice's .doc and PDF of the Word file, .xls,
.ods and PDF of the Excel file (needs ``soffice``). Each file is read by ``load_path`` and its reading compared with
the text's (``form_renderings.reading_of``: name, year, money unit, funds; each indicator's levels, 三级 name,
comparator, value, unit, weight, actual and score). Then again in each of the messier layouts units make
(``form_renderings.LAYOUTS``, forms42: the header on two rows, texts broken in their cells, a Word table split at a
page break or nested in a cell, two projects a file, percentages and dates as spreadsheet numbers, hidden stale rows
and columns, a landscape page, a table over two pages, ``&nbsp;`` in a CMS page's ``<div>``s; forms43: 一级/二级
merged across, the header repeated on every page, Word's web page, layout tables; forms44: a form far right under a
logo row, figures typed as text, a Word form in a text box, in content controls, typed over with track changes, an
HTML table's spans past its edge; forms45: values split over lines in their cells, a cover sheet before a sheet a
project, a landscape section between portrait ones, projects under ``<h3>`` headings with ``<th>`` header cells, merged
ranges whose value stands below their top-left cell, Word's vertical merges without the restart mark; forms46: the
goals a Word numbered list, ``w:numPr``, the goals then compared too), each in the file
forms it is made in (.et since forms43: LibreOffice's .xls under WPS's name, no file WPS wrote); a layout of two
projects a file pairs the tables of one kind and money unit, and each file must read as both texts. Prints layout ×
form × files read the same / differently / refused and the total; ``--layout`` picks layouts by name, ``--form`` file
forms; ``-v`` names each difference.
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
from tests.readers.form_renderings import LAYOUTS, Form, Layout, form_of, reading_of, render_all  # noqa: E402

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


Reading = list[tuple[object, ...]]


def files_of(tables: list[tuple[str, Document]], layout: Layout) -> tuple[list[str], list[list[Form]], list[Reading]]:
    """The layout's files: each table alone, or the tables of one kind two a file; their names, forms, readings."""
    single = [(name, document) for name, document in tables if len(document.projects) == 1]
    groups: list[list[tuple[str, Document]]] = []
    if layout.projects == 1:
        groups = [[table] for table in single]
    else:
        # (a file's tables share its money unit: the model's one, Document.money_unit; a second table in another
        # unit is told as an error, 本表的金额单位「万元」与第一个表的「元」不同)
        for kind in sorted({(document.kind, document.money_unit or "") for _name, document in single}):
            alike = [table for table in single if (table[1].kind, table[1].money_unit or "") == kind]
            groups += [alike[n:n + layout.projects] for n in range(0, len(alike) - layout.projects + 1,
                                                                  layout.projects)]
    names = ["+".join(name for name, _document in group) for group in groups]
    forms = [[form_of(document, document.projects[0]) for _name, document in group] for group in groups]
    readings = [[field for _name, document in group
                 for field in reading_of(document, layout.percent == "places", layout.numbered)] for group in groups]
    return names, forms, readings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("filters", nargs="*")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--directory", type=Path)
    parser.add_argument("--layout", action="append", default=[], help="a layout's name (part of it); all by default")
    parser.add_argument("--form", action="append", default=[], help="a file form (docx, xls, …); all by default")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    tables = right_text_tables(args.filters, args.limit)
    print(f"{len(tables)} text tables read right: {' '.join(name for name, _document in tables)}")
    print(f"{'layout':26} {'form':10} {'same':>5} {'differ':>7} {'refused':>8}")
    totals = [0, 0, 0]
    layouts = [layout for layout in LAYOUTS if not args.layout or any(part in layout.name for part in args.layout)]
    with tempfile.TemporaryDirectory(prefix="form-invariance-") as scratch:
        for number, layout in enumerate(layouts):
            directory = (args.directory or Path(scratch)) / f"layout{number}"
            wanted = tuple(form for form in layout.forms if not args.form or form in args.form)
            if not wanted:
                continue
            names, forms, expected = files_of(tables, layout)
            files = render_all(forms, names, directory, wanted, layout)
            for form in wanted:
                counts = [0, 0, 0]
                for name, want, path in zip(names, expected, files[form], strict=True):
                    result = load_path(path)
                    if result.document is None:
                        counts[2] += 1
                        if args.verbose:
                            print(f"  {layout.name} {form} {name}: refused: "
                                  f"{result.errors[0].message if result.errors else ''}")
                        continue
                    found = differences(want, reading_of(result.document, layout.percent == "places",
                                                         layout.numbered))
                    counts[1 if found else 0] += 1
                    if found and args.verbose:
                        print(f"  {layout.name} {form} {name}: " + " | ".join(found[:3]))
                totals = [total + count for total, count in zip(totals, counts, strict=True)]
                print(f"{layout.name:26} {form:10} {counts[0]:5} {counts[1]:7} {counts[2]:8}", flush=True)
    print(f"{'all':26} {'':10} {totals[0]:5} {totals[1]:7} {totals[2]:8}  of {sum(totals)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
