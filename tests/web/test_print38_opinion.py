"""print38: the 审核意见书's 等级依据 counted the findings the reviewer dismissed — a dismissed finding was named a
ground for the grade (「警告：指标值表述模糊（第5个指标）」 under a finding the reviewer had found not to stand). Now
the basis is worked out on the kept findings, with a note, and the 审核等级 line gives the grade of that basis (the
machine's of all findings named beside it where it is another: print38's mend; it printed 「审核等级：中」 over
「等级依据　优：没有错误…」); the desk page says the same. Checked on every subset of a tiny table's findings
dismissed, in the Word file, the opinion page and the desk page, with and without a reviewer's grade."""

from __future__ import annotations

import io
import re
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
