"""Generated corpora for the benchmarks: the seed's tables repeated with varied codes, names and values.

Shared by the benchmark scripts; never used by tests' assertions about speed.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_e2047472f0d7711d.txt"

_TABLE_START = re.compile(r"^ ?\[bookmark:", re.MULTILINE)
_NUMBER = re.compile(r"(?<=[≥≤])(\d+(?:\.\d+)?)")


def seed_tables(seed: Path = SEED) -> list[str]:
    """The seed's ten tables as separate text blocks (heading included)."""
    text = seed.read_text(encoding="utf-8")
    starts = [m.start() for m in _TABLE_START.finditer(text)]
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def varied_table(block: str, index: int, rng: random.Random) -> str:
    """One seed table with another unit code, another project name and other target values."""
    unit = f"{255101 + index // 10}"
    block = block.replace("255101", unit, 1)
    block = re.sub(r"\]\d+\.", f"]{index % 10 + 1}.", block, count=1)
    block = block.replace("项目-", f"项目{index}-").replace("费-", f"费{index}-")
    return _NUMBER.sub(lambda m: str(int(float(m.group(1))) + rng.randint(0, 9)), block)


def corpus_text(tables: int, seed: int = 7) -> str:
    """A text document of ``tables`` tables in the seed's form."""
    rng = random.Random(seed)
    blocks = seed_tables()
    return "".join(varied_table(blocks[i % len(blocks)], i, rng) for i in range(tables))


def corpus_files(tables: int, per_file: int = 10, seed: int = 7, first: int = 0) -> list[str]:
    """Texts of ``per_file`` tables each (one unit per file), ``tables`` tables in all, numbered from ``first``
    (another ``first`` gives other unit codes and project names: texts no cache has seen)."""
    rng = random.Random(seed)
    blocks = seed_tables()
    return ["".join(varied_table(blocks[j % len(blocks)], start + j, rng) for j in range(per_file))
            for start in range(first, first + tables, per_file)]
