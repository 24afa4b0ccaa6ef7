"""webflow20: a refused workflow step keeps what was typed and says where; the desk's conclusion stays on the desk."""

from __future__ import annotations

import re
from typing import Any

from tests.web.conftest import WebEnv, csrf_of


def test_a_refused_submission_keeps_the_comment_and_marks_the_justification(web: WebEnv) -> None:
    pid = web.project_ids[1]  # three error findings: a 送审 needs a 送审说明
    editor = web.client("editor")
    csrf = csrf_of(editor, f"/projects/{pid}")
    response = editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf, "action": "submit",
                                                              "comment": "请审核<第二稿>", "justification": ""},
                           follow_redirects=False)
    assert response.status_code == 422
    assert "不能送审" in response.text and "填写送审说明" in response.text
    assert re.search(r'<textarea name="comment" rows="2">请审核&lt;第二稿&gt;</textarea>', response.text)
    assert re.search(r'<textarea name="justification" rows="2" aria-invalid="true" class="invalid" autofocus>',
                     response.text)
    assert "尚未送审" in response.text  # nothing taken
    # the next visit is the plain page again: the texts are not kept for ever
    again = editor.get(f"/projects/{pid}").text
    assert "请审核&lt;第二稿&gt;" not in again and "不能送审" not in again


def test_the_desk_conclusion_comes_back_to_the_desk(web: WebEnv) -> None:
    pid = web.project_ids[2]
    editor, reviewer = web.client("editor"), web.client("reviewer")
    submitted = editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, f"/projects/{pid}"),
                                                               "action": "submit", "comment": "",
                                                               "justification": "已核对"}, follow_redirects=False)
    assert submitted.status_code == 303
    desk = reviewer.get(f"/projects/{pid}/review").text
    assert 'name="back" value="desk"' in desk
    csrf = csrf_of(reviewer, f"/projects/{pid}/review")
    response = reviewer.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf, "action": "return", "comment": "",
                                                                "back": "desk"}, follow_redirects=False)
    # the desk again, answered at once with the field marked since webflow22 (a redirect to it before)
    assert response.status_code == 422 and 'name="back" value="desk"' in response.text
    assert "「退回」需要填写意见" in response.text and "审核结论" in response.text
    response = reviewer.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf, "action": "return",
                                                                "comment": "请补充数量指标", "back": "desk"},
                             follow_redirects=False)
    assert response.headers["location"] == f"/projects/{pid}/review"
    assert "已退回" in reviewer.get(response.headers["location"]).text


def principal_of(web: WebEnv, username: str) -> Any:
    """The account ``username`` as the layer's Principal (steps taken without the pages)."""
    from perfbudget.app.accounts import account_principal

    found = account_principal(web.app.state.engine, username)
    assert not isinstance(found, str), found
    return found
