"""webflow26: what goes wrong in the year — the reviewer's view of what a returned project's unit changed, a fund
split that does not add up typed on the edit and 申报 forms, a file of the wrong kind uploaded."""

from __future__ import annotations

import re
from pathlib import Path

from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import project_form, stored_project
from tests.web.test_revisions import upload


def _step(client, pid: int, action: str, **fields: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(client, "/account"),
                                                             "action": action, **fields}, follow_redirects=False)
    assert response.status_code == 303, response.text[:2000]


def test_the_desk_shows_what_the_unit_changed_since_the_return(web: WebEnv) -> None:
    """Until webflow26 the desk of a project sent back for review after a 退回 said nothing of what the unit had
    changed: the reviewer opened the history page and compared versions by hand, or reviewed the whole table again."""
    pid = web.project_ids[0]
    editor, reviewer = web.client("editor"), web.client("reviewer")
    _step(editor, pid, "submit", justification="已核对")
    assert 'id="since-return"' not in reviewer.get(f"/projects/{pid}/review").text  # never returned
    _step(reviewer, pid, "return", comment="视频会议保障数量偏低，请核实")
    project, version = stored_project(web.app, pid)
    first = project.indicators[0]
    saved = editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                                   {1: "≥24次"}), follow_redirects=False)
    assert saved.status_code == 303, saved.text[:2000]
    _step(editor, pid, "submit", justification="已按意见修改")

    desk = reviewer.get(f"/projects/{pid}/review").text
    card = re.search(r'<section class="card" id="since-return">(.*?)</section>', desk, re.S)
    assert card, desk[:3000]
    assert f"退回后的修改（第 {version} 版 → 第 {version + 1} 版）" in card.group(1)
    assert f"第 {version} 版由 reviewer 于 " in card.group(1) and "退回，退回意见：视频会议保障数量偏低，请核实" in card.group(1)
    assert f"<li>指标值变更：{first.level1} / {first.level2} / {first.level3}：{first.target.raw} → ≥24次</li>" in card.group(1)


def test_the_desk_says_when_nothing_was_changed_since_the_return(web: WebEnv) -> None:
    """A unit that answers a 退回 with a new version of the same content: the desk says so rather than nothing."""
    pid = web.project_ids[1]
    editor, reviewer = web.client("editor"), web.client("reviewer")
    _step(editor, pid, "submit", justification="已核对")
    _step(reviewer, pid, "return", comment="请补充测算依据")
    project, version = stored_project(web.app, pid)
    form = project_form(project, csrf_of(editor, "/account"), version)
    form["purpose"] = [(project.purpose or "") + "（已补充测算依据）"]
    assert editor.post(f"/projects/{pid}/edit", data=form, follow_redirects=False).status_code == 303
    desk = reviewer.get(f"/projects/{pid}/review").text
    assert "资金用途变更：" in re.search(r'id="since-return">(.*?)</section>', desk, re.S).group(1)  # type: ignore[union-attr]
