"""webflow25: the 审核意见书 of a project says its year beside the unit (page and Word): 「单位：…　版本：第 3 版」
named no year, and neither did its title."""

from __future__ import annotations

import io

from docx import Document

from tests.web.conftest import WebEnv
from tests.web.helpers import stored_project


def test_the_opinion_says_the_year(web: WebEnv) -> None:
    pid = web.project_ids[0]
    reviewer = web.client("reviewer")
    year = stored_project(web.app, pid)[0].fund_year
    assert year is not None
    page = reviewer.get(f"/projects/{pid}/opinion.html")
    assert page.status_code == 200 and f"　年度：{year} 年　版本：第 1 版" in page.text
    word = reviewer.get(f"/projects/{pid}/opinion.docx")
    lines = [p.text for p in Document(io.BytesIO(word.content)).paragraphs]
    assert any(line.startswith("单位：") and f"　年度：{year} 年　" in line for line in lines), lines
