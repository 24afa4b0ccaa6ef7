"""print38: the 审核意见书's 等级依据 counted the findings the reviewer dismissed — a dismissed finding was named a
ground for the grade (「警告：指标值表述模糊（第5个指标）」 under a finding the reviewer had found not to stand). Now
the basis is worked out on the kept findings, with a note, and the 审核等级 line gives the grade of that basis (the
machine's of all findings named beside it where it is another: print38's mend; it printed 「审核等级：中」 over
「等级依据　优：没有错误…」); the desk page says the same. Checked on every subset of a tiny table's findings
dismissed, in the Word file, the opinion page and the desk page, with and without a reviewer's grade."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from itertools import combinations
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from docx import Document

from perfbudget.app.opinion import _basis_entries
from perfbudget.app.project_view import ProjectView
from perfbudget.app.review_desk import Desk, DeskFinding
from perfbudget.app.settings import CoreSettings
from perfbudget.readers.text import read_text
from perfbudget.review.config import GradeRule, ReviewConfig
from perfbudget.review.engine import review_document
from perfbudget.review.finding import Finding
from tests.web.conftest import WebEnv
from tests.web.test_opinion36 import TABLE, _page_text, _word_text, imported_desk

# the table's two findings (tests/web/test_opinion36.py): an error and a warning, and the grade each set of kept
# findings gives (差 > 3 errors; 中 an error; 优 at most one warning point)
RULES = ("input-as-output", "vague-qualitative")


@pytest.mark.parametrize("dismissed", [set(c) for n in range(len(RULES) + 1) for c in combinations(RULES, n)])
def test_the_grades_basis_names_no_dismissed_finding(web: WebEnv, tmp_path: Path, dismissed: set[str]) -> None:
    api, reviewer, pid, desk = imported_desk(web, tmp_path)
    found = {f["rule"]: f for f in desk["findings"]}
    assert set(found) == set(RULES) and desk["grade"] == "中", found
    for rule in dismissed:
        decision = {"key": found[rule]["key"], "decision": "dismissed", "reason": "不成立"}
        assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=decision).status_code == 200
    word = api.get(f"/api/v1/projects/{pid}/opinion.docx", headers=reviewer)
    page = web.client("reviewer").get(f"/projects/{pid}/opinion.html")
    kept = [found[rule] for rule in RULES if rule not in dismissed]
    errors = sum(f["severity"] == "error" for f in kept)
    for text in (_word_text(word.content), _page_text(page.text)):
        basis = [line for line in text.split("\n") if line.startswith("等级依据")]
        assert basis, text
        said = "\n".join(basis)
        # the grade's line counts the kept findings only, and the listed ones are theirs
        assert ("中：有错误1个" in said) == (errors == 1) and ("错误：" in said) == (errors > 0), said
        assert ("警告：" in said) == ("vague-qualitative" not in dismissed), said
        if not errors:
            points = 0 if "vague-qualitative" in dismissed else 1
            assert basis[0].startswith(f"等级依据　优：没有错误，警告计{points}分"), said
        # one grade: the 审核等级 line's is its 等级依据's (the kept findings' grade; the machine's of all of them,
        # 中, named beside it where it is another), never 「审核等级：中」 over 「等级依据　优：…」
        grade = basis[0].removeprefix("等级依据　")[0]
        line = next(line for line in text.split("\n") if line.startswith("审核等级："))
        assert line.startswith(f"审核等级：{grade}（系统评定"), line
        assert ("按全部审核发现为中" in line) == (grade != "中"), line
        if not dismissed:
            assert "注：" not in text.replace("注：＿", ""), text
        elif errors:
            assert f"注：已由审核人员驳回的 {len(dismissed)} 条审核发现不作为等级依据。" in text, text
        else:
            assert f"注：已由审核人员驳回的 {len(dismissed)} 条审核发现不作为等级依据；系统按其余审核发现评定为「优」" \
                   "（按全部审核发现为「中」）。" in text, text
    # the desk page says the same grade and basis
    desk_page = web.client("reviewer").get(f"/projects/{pid}/review").text
    shown = re.search(r'id="desk-grade".*?</section>', desk_page, re.S)
    assert shown is not None, desk_page
    said = _page_text(shown.group(0))
    assert all(line.removeprefix("等级依据　") in said for line in basis), said
    assert ("警告：" in said) == ("vague-qualitative" not in dismissed), said
    assert Document(io.BytesIO(word.content)).paragraphs
    # a reviewer's grade is the 审核等级, the system's named as the desk gives it
    graded = {"grade": "良", "reason": "测试"}
    assert api.post(f"/api/v1/projects/{pid}/desk/grade", headers=reviewer, json=graded).status_code == 200
    text = _page_text(web.client("reviewer").get(f"/projects/{pid}/opinion.html").text)
    system = "中" if errors else "优，按全部审核发现为中"
    assert f"审核等级：良（审核人员评定；系统评定 {system}）" in text, text


def _desk(findings: list[Finding], dismissed: set[str], grade: str, settings: CoreSettings | None) -> Desk:
    """A desk of :data:`TABLE` holding ``findings`` (its review's ``grade``), those of the ``dismissed`` rules
    dismissed."""
    document, _ = read_text(TABLE, "测试运维.txt")
    assert document is not None
    view = ProjectView(cast(Any, None), cast(Any, SimpleNamespace(document=document)), findings, grade)
    return Desk(view, [DeskFinding(f, f.rule, {"decision": "dismissed"} if f.rule in dismissed else None)
                       for f in findings], [], None, settings=settings)


def test_neither_a_rules_crash_nor_a_changed_config_regrades_the_kept_findings() -> None:
    """The kept findings are graded as the review graded all of them: their project's own (a rule's crash, a finding
    of no project, counts in no grade) under one config, compared with all of them under that config. Until the
    print38 mend a kept crash made 「中」 of a project the review found 优, and a config changed since the review
    was stored (中 allowing no error) made 「差」 of the kept findings beside the stored 「中」: either printed 「系统
    评定「中」按全部审核发现计算…」 where dismissing changed nothing."""
    document, _ = read_text(TABLE, "测试运维.txt")
    assert document is not None
    found = list(review_document(document).findings)
    assert {f.rule for f in found} == set(RULES), found
    crash = replace(found[0], project=None, indicator=None, rule="crashed", message="审核规则运行出错")
    warning = [f for f in found if f.rule == "vague-qualitative"]
    # a crash kept, the project's one warning dismissed: 优 (no finding of its own) as the review's 优
    desk = _desk([*warning, crash], {"vague-qualitative"}, "优", None)
    assert desk.system_grading[0] == "优" and not desk.regraded, desk.kept_grading
    # a config where one error is 差: the kept error as all of them, 差 (not the stored 中 against the kept 差)
    strict = CoreSettings(review_config=ReviewConfig(grade=GradeRule(fair_max_errors=0)))
    desk = _desk(found, {"vague-qualitative"}, "中", strict)
    assert desk.kept_grading is not None and not desk.regraded, desk.kept_grading
    entries = [entry.text for entry in _basis_entries(desk)]
    assert entries[0].startswith("等级依据　差") and desk.system_grading[0] == "差", entries
    assert entries[-1] == "注：已由审核人员驳回的 1 条审核发现不作为等级依据。", entries
    # dismissing the error is a regrade under either config
    for settings in (None, strict):
        assert _desk(found, {"input-as-output"}, "中", settings).regraded
