"""Random edits of a tab-cell text, as real copies go wrong: a cell replaced by a label-like text, a line
dropped, a line doubled. Shared by the one-pass path's test and ``bench/reader_equivalence.py``."""

from __future__ import annotations

import random
from collections.abc import Sequence

# Label-like texts a cell may be replaced by.
LABEL_LIKE = ("项目名称", "一级指标", "三级指标", "指标值", "注：说明", "合计", "指标1", "≥", "社会效益指标",
              "效益指标", "成本指标", "", " ", "255101某某局", "≥95%（10分）", "……", "/", "2024年10月底前",
              "序号", "绩效指标", "实际完成值", "得分", "度量单位", "指标性质", "审核意见", "填报人：张三", "资金用途")


def edit_cells(rng: random.Random, text: str, words: Sequence[str] = LABEL_LIKE) -> str:
    """``text`` with one to three random edits."""
    lines = text.split("\n")
    for _ in range(rng.choice([1, 2, 3])):
        i = rng.randrange(len(lines))
        if rng.random() < 0.7 and lines[i].startswith("\t"):
            lines[i] = "\t" + rng.choice(words)  # a label-like text in a random cell
        elif rng.random() < 0.5:
            del lines[i]
        else:
            lines.insert(i, lines[i])
    return "\n".join(lines)
