"""Safety net for reader speed work: this tree's readers against a reference tree's, output for output.

Usage: .venv/bin/python bench/reader_equivalence.py [--base-ref main | --base-src DIR] [--edits 3000]
       [--corpus-edits 3000] [--seed 1]

Reads every fixture under tests/fixtures (every format) and every example through ``load_bytes``, then
the seed and the web fixtures with ``--edits`` random edits (cut, dropped, duplicated, blanked,
shuffled or garbled lines; cells joined onto one line), 20 files of the generated corpus, and
``--corpus-edits`` edits of corpus files (the edits above, or one to three label-like texts put in
random cells, lines dropped or doubled: many of them still take the one-pass path of
``text_cells_fast``, which the fixtures and the seed's edits seldom reach; each process says how
many) through ``read_text``, once with the reference code (``git archive`` of ``--base-ref`` or a
``src`` directory given by ``--base-src``) and once with this tree's, each in its own process. Every document, problem
and source location is compared as JSON; the script prints the number of inputs, the number of
differences and the first few differences, and exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import json
import os
import random
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_e2047472f0d7711d.txt"


def _norm(obj: object) -> object:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _norm(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return {k: _norm(v) for k, v in obj._asdict().items()}  # type: ignore[attr-defined]
    if isinstance(obj, list | tuple):
        return [_norm(x) for x in obj]
    if isinstance(obj, Mapping):  # a dict, or model.LineSources (an indicator's sources, made when asked)
        return {str(k): _norm(v) for k, v in obj.items()}
    if hasattr(obj, "value") and obj.__class__.__module__ == "perfbudget.model":
        return str(obj.value)  # the enums
    if isinstance(obj, str | int | float | bool) or obj is None:
        return obj
    return repr(obj)  # Decimal and the like


def _edit(rng: random.Random, base: str) -> str:
    lines = base.split("\n")
    op = rng.randrange(8)
    if op == 0:  # cut
        return base[: rng.randrange(len(base))]
    if op == 1:  # drop lines
        return "\n".join(line for line in lines if rng.random() > 0.05)
    if op == 2:  # duplicate lines
        return "\n".join(line for line in lines for _ in range(2 if rng.random() < 0.03 else 1))
    if op == 3:  # blank some cells
        return "\n".join(("\t" if line.startswith("\t") and rng.random() < 0.05 else line) for line in lines)
    if op == 4:  # shuffle a window
        i = rng.randrange(len(lines))
        window = lines[i:i + 6]
        rng.shuffle(window)
        lines[i:i + 6] = window
        return "\n".join(lines)
    if op == 5:  # swap a character in a line
        i = rng.randrange(len(lines))
        line = lines[i]
        if line:
            j = rng.randrange(len(line))
            line = line[:j] + rng.choice("\t ≥%|：:（）()-年万元0123456789指标") + line[j + 1:]
        lines[i] = line
        return "\n".join(lines)
    if op == 6:  # join onto the cell line before (several cells on one line)
        return "\n".join(("\t" + line.strip() if rng.random() < 0.02 else line) for line in lines)
    return base


# Label-like texts for the corpus edits: those of tests/readers/cell_edits.py and a few more.
_MORE_WORDS = ("单位：元", "预算数", "其他资金", "0.5", "2023.07-2024.01", "不低于90%", "质量指标", "数量指标",
               "产出指标", "≤2小时", "100", "年度总体目标", "绩效目标", "满意度指标")


def _corpus_edit(rng: random.Random, base: str) -> str:
    from tests.readers.cell_edits import LABEL_LIKE, edit_cells  # ROOT is on sys.path in dump()

    if rng.random() < 0.3:
        return _edit(rng, base)
    return edit_cells(rng, base, (*LABEL_LIKE, *_MORE_WORDS))


def dump(out: Path, seed: int, edits: int, corpus_edits: int = 0) -> None:
    """Write one JSON line per input: [name, document, problems] (run in the process under test)."""
    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))  # tests.readers.cell_edits
    from corpus import corpus_files

    from perfbudget.load import load_bytes
    from perfbudget.readers.text import read_text
    from perfbudget.readers.text_cells_fast import read_well_formed

    def line(name: str, document: object, problems: object) -> str:
        return json.dumps([name, _norm(document), _norm(list(problems))],  # type: ignore[call-overload]
                          ensure_ascii=False, sort_keys=True)

    lines = []
    skipped = (".json", ".py", ".sh", ".md")
    files = sorted(p for p in (ROOT / "tests/fixtures").rglob("*") if p.is_file() and p.suffix not in skipped)
    files += sorted((ROOT / "examples").glob("*"))
    for path in files:
        result = load_bytes(path.read_bytes(), path.name)
        lines.append(line(str(path.relative_to(ROOT)), result.document, result.problems))
    web = [p.read_text() for p in sorted((ROOT / "tests/fixtures").rglob("*.txt"))]
    bases = [SEED.read_text(), *web]
    rng = random.Random(seed)
    for k in range(edits):
        document, problems = read_text(_edit(rng, rng.choice(bases)), f"m{k}.txt")
        lines.append(line(f"m{k}", document, problems))
    corpus = corpus_files(2000)
    for i, text in enumerate(corpus[:20]):
        document, problems = read_text(text, f"c{i}.txt")
        lines.append(line(f"c{i}", document, problems))
    taken = 0
    for k in range(corpus_edits):
        text = _corpus_edit(rng, rng.choice(corpus))
        taken += read_well_formed(text, f"e{k}.txt") is not None
        document, problems = read_text(text, f"e{k}.txt")
        lines.append(line(f"e{k}", document, problems))
    print(f"{out.stem}: the one-pass path took {taken} of {corpus_edits} corpus edits", file=sys.stderr)
    out.write_text("\n".join(lines), encoding="utf-8")


def _run_dump(src: Path, out: Path, seed: int, edits: int, corpus_edits: int) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, __file__, "--dump", str(out), "--seed", str(seed), "--edits", str(edits),
                    "--corpus-edits", str(corpus_edits)], env=env, check=True)
    return out.read_text(encoding="utf-8").split("\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-ref", default="main", help="git ref whose src/ is the reference (default main)")
    parser.add_argument("--base-src", type=Path, help="a src directory to use as the reference instead")
    parser.add_argument("--edits", type=int, default=3000)
    parser.add_argument("--corpus-edits", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump is not None:
        dump(args.dump, args.seed, args.edits, args.corpus_edits)
        return
    with tempfile.TemporaryDirectory(prefix="reader-equivalence-") as tmp:
        work = Path(tmp)
        base_src = args.base_src
        if base_src is None:
            archive = work / "base.tar"
            with archive.open("wb") as f:
                subprocess.run(["git", "-C", str(ROOT), "archive", args.base_ref, "src"], stdout=f, check=True)
            with tarfile.open(archive) as tar:
                tar.extractall(work / "base", filter="data")
            base_src = work / "base" / "src"
        base = _run_dump(base_src, work / "base.jsonl", args.seed, args.edits, args.corpus_edits)
        new = _run_dump(ROOT / "src", work / "new.jsonl", args.seed, args.edits, args.corpus_edits)
    different = [i for i, (a, b) in enumerate(zip(base, new, strict=False)) if a != b]
    if len(base) != len(new):
        different.append(min(len(base), len(new)))
    print(f"inputs: {len(base)} (reference) / {len(new)} (this tree); differences: {len(different)}")
    if different:
        names = [json.loads(base[i] if i < len(base) else new[i])[0] for i in different]
        print("differing inputs:", " ".join(names))
    for i in different[:3]:
        a = json.dumps(json.loads(base[i]), ensure_ascii=False, indent=1).split("\n") if i < len(base) else []
        b = json.dumps(json.loads(new[i]), ensure_ascii=False, indent=1).split("\n") if i < len(new) else []
        print("\n".join(list(difflib.unified_diff(a, b, "reference", "this tree", lineterm="", n=2))[:40]))
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()
