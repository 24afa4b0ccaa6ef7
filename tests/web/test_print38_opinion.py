"""print38: the 审核意见书's 等级依据 counted the findings the reviewer dismissed — a dismissed finding was named a
ground for the grade (「警告：指标值表述模糊（第5个指标）」 under a finding the reviewer had found not to stand). Now
the basis is worked out on the kept findings, with a note; where they give another grade than the machine's, the note
says both. Checked on every subset of a tiny table's findings dismissed, in the Word file and the page."""

from __future__ import annotations

import io
from itertools import combinations
from pathlib import Path

import pytest
from docx import Document

from tests.web.conftest import WebEnv
from tests.web.test_opinion36 import _page_text, _word_text, imported_desk

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
        assert "审核等级：中" in text  # the machine's grade, as reviewed
        if not dismissed:
            assert "注：" not in text.replace("注：＿", ""), text
        elif errors:
            assert f"注：已由审核人员驳回的 {len(dismissed)} 条审核发现不作为等级依据。" in text, text
        else:
            assert f"注：系统评定「中」按全部审核发现计算；已由审核人员驳回的 {len(dismissed)} 条不作为等级依据，" \
                   "其余审核发现对应的等级为「优」" in text, text
    assert Document(io.BytesIO(word.content)).paragraphs
