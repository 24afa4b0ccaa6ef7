"""print40: one 错误/警告 count for one review. The grade (list, queue, dashboard, exports) and the 审核意见书's
等级依据 leave out the findings a reviewer dismissed (print38/39); the 错误/警告 counts beside them in the lists and
the list exports still counted every finding. A 驳回 (or its 确认 later) now records the review's counts of the
findings that stand with its grade (``app/kept_review.KeptReview``), and every list says what it counts
(``project_lists.COUNTS_NOTE``). Checked on every subset of a tiny table's error and warning dismissed, then each
dismissal overturned."""

from __future__ import annotations

import csv
import io
import re
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from perfbudget.app.project_lists import COUNTS_NOTE
from tests.web.conftest import WebEnv
from tests.web.test_opinion36 import _page_text, _run, imported_desk
from tests.web.test_print38_opinion import RULES

SEVERITY = {"input-as-output": "错误", "vague-qualitative": "警告"}  # RULES' two findings in the tiny table


def _counts(web: WebEnv, api: Any, headers: dict[str, str], pid: int) -> dict[str, tuple[int, int]]:
    """The (错误, 警告) counts of project ``pid`` as each face prints them, and the opinion's 等级依据 count of errors
    (its warnings are counted as points, not a number)."""
    out: dict[str, tuple[int, int]] = {}
    workbook = load_workbook(io.BytesIO(api.get("/api/v1/projects?format=xlsx", headers=headers).content))
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert any(COUNTS_NOTE in str(value) for value in rows[0] if value), rows[0]
    at = next(i for i, row in enumerate(rows) if "错误" in row)
    head = rows[at]
    [row] = [row for row in rows[at + 1:] if row[head.index("编号")] == pid]
    out["xlsx"] = (row[head.index("错误")], row[head.index("警告")])
    lines = list(csv.reader(io.StringIO(api.get("/api/v1/projects?format=csv", headers=headers)
                                        .content.decode("utf-8-sig"))))
    assert COUNTS_NOTE in "".join(lines[0]), lines[0]
    [line] = [line for line in lines[2:] if line[lines[1].index("编号")] == str(pid)]
    out["csv"] = (int(line[lines[1].index("错误")]), int(line[lines[1].index("警告")]))
    page = web.client("reviewer").get("/projects").text
    assert COUNTS_NOTE in page
    cells = re.search(rf'href="/projects/{pid}" class="project-link">.*?</tr>', page, re.S)
    assert cells is not None
    numbers = re.findall(r'<td class="num">([^<]*)</td>', cells.group(0))
    out["page"] = (int(numbers[-1]), out["xlsx"][1])  # (the project list's page prints 错误 only)
    opinion = _page_text(web.client("reviewer").get(f"/projects/{pid}/opinion.html").text)
    said = re.search(r"有错误(\d+)个", opinion)
    out["opinion"] = (int(said.group(1)) if said else 0, out["xlsx"][1])
    return out


@pytest.mark.parametrize("dismissed", [set(c) for n in range(len(RULES) + 1) for c in combinations(RULES, n)])
def test_every_list_counts_the_findings_the_grade_counts(any_web: WebEnv, tmp_path: Path, dismissed: set[str]) -> None:
    from perfbudget.app.reviews import review_unreviewed

    web = any_web  # (SQLite, then PostgreSQL)
    api, reviewer, pid, desk = imported_desk(web, tmp_path)
    review_unreviewed(web.app.state.store, web.app.state.core, "serve")  # (as `serve` catches up an import)
    found = {f["rule"]: f for f in desk["findings"]}
    assert set(found) == set(RULES), found
    assert set(_counts(web, api, reviewer, pid).values()) == {(1, 1)}
    for rule in dismissed:
        decision = {"key": found[rule]["key"], "decision": "dismissed", "reason": "不成立"}
        assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=decision).status_code == 200
    kept = tuple(sum(1 for rule in RULES if SEVERITY[rule] == label and rule not in dismissed)
                 for label in ("错误", "警告"))
    assert set(_counts(web, api, reviewer, pid).values()) == {kept}
    for rule in dismissed:  # each dismissal overturned (确认): every finding counted again
        decision = {"key": found[rule]["key"], "decision": "confirmed", "reason": "成立"}
        assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=decision).status_code == 200
    assert set(_counts(web, api, reviewer, pid).values()) == {(1, 1)}


def test_reviews_show_of_a_review_graded_on_kept_findings(any_web: WebEnv, tmp_path: Path) -> None:
    """``perfbudget reviews PROJECT --show N`` of a review graded on the findings a reviewer kept (its projects[0]
    holding the machine's grading beside its own) prints it; until print40 it failed (``ProjectGrade`` took no
    ``grade_of_all_findings``)."""
    from perfbudget.app.reviews import review_unreviewed

    web = any_web
    api, reviewer, pid, desk = imported_desk(web, tmp_path)
    review_unreviewed(web.app.state.store, web.app.state.core, "serve")
    [error] = [f for f in desk["findings"] if f["rule"] == "input-as-output"]
    decision = {"key": error["key"], "decision": "dismissed", "reason": "不成立"}
    assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=decision).status_code == 200
    items = api.get(f"/api/v1/projects/{pid}/reviews", headers=reviewer).json()["reviews"]
    [regraded] = [item for item in items if item["regraded"]]
    said = _run("reviews", str(pid), "--show", str(regraded["id"]), "--db", web.url)
    assert regraded["grade"] in said and "grade_of_all_findings" not in said, said
