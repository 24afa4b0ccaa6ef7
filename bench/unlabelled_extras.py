"""Every extra without a label that the reader makes of the real-table corpus (misses22, FAILURES.md AM).

Usage: .venv/bin/python bench/unlabelled_extras.py [--src DIR] [FILTER ...]

Loads each key's table of ``tests/fixtures/real/corpus/`` with ``perfbudget.load.load_path`` (as
``bench/real_tables.py`` does) and prints, per table, each project's extras whose label is empty, with the extra
before it (an unlabelled text right after a labelled value may be a value whose label the reader knows), then the
count and the number of tables. ``--src`` loads another tree's ``src`` (e.g. a worktree of main) for a
side-by-side figure; FILTER keeps the tables whose file name holds one of the texts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "real" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the src directory whose reader to use")
    parser.add_argument("filters", nargs="*")
    args = parser.parse_args()
    sys.path.insert(0, str(args.src.resolve()))
    from perfbudget.load import load_path

    count = 0
    tables = set()
    for key in sorted(CORPUS.glob("*.expected.json")):
        stem = key.name[: -len(".expected.json")]
        if args.filters and not any(f in stem for f in args.filters):
            continue
        named = json.loads(key.read_text(encoding="utf-8")).get("file")
        paths = [ROOT / named] if named else [p for p in CORPUS.glob(stem + ".*") if not p.name.endswith(".json")]
        if not paths:
            continue
        document = load_path(paths[0]).document
        if document is None:
            continue
        for project in document.projects:
            for index, (label, value) in enumerate(project.extras):
                if label.strip():
                    continue
                before = project.extras[index - 1] if index else None
                print(f"{stem[:48]} | {project.name or '—'} | {value[:60]!r} | after {before!r:.80}")
                count += 1
                tables.add(stem)
    print(f"{count} unlabelled extras in {len(tables)} tables")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
