"""Found by attack27 (2026-12-06) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import time

import pytest

from tests.web.conftest import WebEnv

_HEAD = "|项目名称|甲项目|||\n|一级指标|二级指标|三级指标|指标值|\n|产出指标|数量指标|覆盖率|100%|\n"

# Each a text any unit editor may upload, under every reader bound, that reached one of the patterns attack26's scan
# flagged with a long run (docs/security.md, attack27): CPU of the whole upload preview on main at this size in the
# comment, quadratic in the run.
_QUADRATIC_UPLOADS = {
    # indicator_rows.FUSED_SCORE: a target holding 分 (its score fused, ≥95%（10分）), a run of spaces inside — 17 s
    "fused-score": _HEAD + "|效益指标|社会效益指标|满意度|a" + " " * 30_000 + "b分|\n",
    # text_glued._TARGET: a glued indicator line whose target is a run of digits not ending as a target does — 20 s
    "glued-target": "项目名称：甲项目\n一级指标二级指标三级指标指标值\n产出指标数量指标覆盖率" + "1" * 20_000 + "x\n",
    # header_block._LABEL_END: a text beside the project's name, a run of digits not followed by 年 — 12 s
    "label-end": "|项目名称|甲项目|x" + "1" * 60_000 + "|单位名称|乙|\n" + _HEAD[_HEAD.index("\n") + 1:],
    # stated_scores._IN_CELL: a 「label：value」 cell holding 分, a run of spaces inside its value — 13 s
    "score-in-cell": "|项目名称|甲项目|\n|自评得分：9" + " " * 60_000 + "x分|\n" + _HEAD[_HEAD.index("\n") + 1:],
    # review.language._FIGURE (the preview's review): a goal of 20,000 characters (the longest text a document
    # may hold), a run of digits without a unit after it — 4 s
    "review-figure": "|项目名称|甲项目|\n|年度绩效目标|" + "1" * 19_990 + "x|\n" + _HEAD[_HEAD.index("\n") + 1:],
}


@pytest.mark.parametrize("case", sorted(_QUADRATIC_UPLOADS))
def test_long_runs_in_a_cell_are_read_in_linear_time(web: WebEnv, case: str) -> None:
    # Each pattern tried the run again from each of its characters (or, lazily, after each): a match now starts only
    # where such a run starts, or the value is taken whole and stripped (the same matches, compared on 200,000
    # random strings); some 0.1–0.3 s for each upload now.
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    started = time.process_time()
    answer = client.post("/api/v1/uploads", headers=headers,
                         files={"file": (f"{case}.txt", _QUADRATIC_UPLOADS[case].encode())})
    spent = time.process_time() - started
    assert answer.status_code == 200, answer.text[:300]
    assert spent < 3, (case, spent)
