"""Found by attack21 (2026-12-05) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import time

from perfbudget.load import load_bytes
from perfbudget.model import Severity


def _side_by_side(count: int, indicators: int = 1) -> bytes:
    """A text table naming ``count`` projects side by side, each its amount and its 指标值 column (misses22's layout,
    which real units fill for two or three projects)."""
    names = [f"测试项目{i}号" for i in range(count)]
    lines = ["| 项目名称 | " + " | ".join(names) + " |", "| 主管部门 | 某局 |",
             "| 实施单位 | 255101天津市和平区人民检察院 |", "| 年度资金总额 | " + " | ".join(["100"] * count) + " |",
             "| 一级指标 | 二级指标 | 三级指标 | " + " | ".join(names) + " |"]
    lines += [f"| 产出指标 | 数量指标 | 培训人员数量第{r}类 | " + " | ".join([f"≥{r + 1}次"] * count) + " |"
              for r in range(indicators)]
    return ("\n".join(lines) + "\n").encode()


def test_projects_side_by_side_are_split_in_time_linear_in_the_projects() -> None:
    # The split built each project's rows from the whole row, every column looked at for every project: the square of
    # the projects. 2,000 names side by side cost 14 s of CPU, 8,000 (a text of 500 KB, within every bound) 16 s
    # against 2 s now, 15,000 some minutes: any upload's preview, the API's and the command line's read.
    started = time.process_time()
    result = load_bytes(_side_by_side(3000), "side.txt")
    spent = time.process_time() - started
    assert result.document is not None and len(result.document.projects) == 3000
    assert [i.level3 for i in result.document.projects[2999].indicators] == ["培训人员数量第0类"]
    assert spent < 4.0, spent  # main: 9-10 s of CPU on an idle core; now some 0.5 s


def test_too_many_projects_side_by_side_are_refused_by_name_with_a_short_message() -> None:
    # Past the split's bound (its tables' cells together) the table is refused, located, naming the bound; the names
    # are shown ten at most (the message listed every one of the 15,000).
    result = load_bytes(_side_by_side(15000), "side.txt")
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert result.document is None or not result.document.projects
    bound = [p for p in errors if "上限" in p.message and "并列写了15000个项目" in p.message]
    assert bound and len(bound[0].message) < 400, errors[:2]
    assert bound[0].source.line == 1
