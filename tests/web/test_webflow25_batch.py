"""webflow25: a batch of the review queue says what it did and to which projects, on every face (the use case
``app.review_desk.batch_message``): 「已处理 2 个项目」 said neither until then."""

from __future__ import annotations

from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import stored_project


def test_a_batch_says_the_step_and_names_its_projects(any_web: WebEnv) -> None:
    web = any_web
    ids = web.project_ids[1:4]
    editor, reviewer = web.client("editor"), web.client("reviewer")
    for pid in ids[:2]:
        editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, f"/projects/{pid}"),
                                                       "action": "submit", "justification": "已核对"})
    names = [stored_project(web.app, pid)[0].name for pid in ids]
    done = reviewer.post("/review/queue", data={"csrf_token": csrf_of(reviewer, "/review/queue"),
                                                "action": "approve", "project": [f"{pid}:1" for pid in ids]})
    assert done.status_code == 200
    # two approved (named), the third a draft: refused, named with its reason
    said = (f"已审核通过 2 个项目：「{names[0]}」第 1 版、「{names[1]}」第 1 版；"
            f"未处理 1 个：项目当前为「草稿」，不能「审核通过」（「{names[2]}」）")
    assert said in done.text, done.text[:3000]
    api = web.client()
    headers = {"Authorization": f"Bearer {web.token('reviewer')}"}
    for pid in ids[2:]:
        editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, f"/projects/{pid}"),
                                                       "action": "submit", "justification": "已核对"})
    returned = api.post("/api/v1/review/batch", headers=headers,
                        json={"project_ids": [*ids[2:], web.other_project_id], "action": "return",
                              "comment": "请补充测算依据"}).json()
    other = stored_project(web.app, web.other_project_id)[0].name
    assert returned["message"] == (f"已退回 1 个项目：「{names[2]}」；未处理 1 个：项目当前为「草稿」，不能「退回」"
                                   f"（「{other}」）"), returned  # another unit's draft: a reviewer sees every unit
