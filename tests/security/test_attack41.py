"""Round 41's attack (docs/security.md, 「Attacked from outside (attack41)」): each test failed on ef4c51ff."""

from __future__ import annotations

import re

from tests.web.conftest import WebEnv, csrf_of
from tests.web.test_revisions import api


def _submitted(web: WebEnv, *projects: int) -> None:
    client, editor = web.client(), api(web, "editor")
    for project in projects:
        assert client.post(f"/api/v1/projects/{project}/workflow", headers=editor,
                           json={"action": "submit", "justification": "理由"}).status_code == 200


def _state(web: WebEnv, project: int) -> str:
    return str(web.client().get(f"/api/v1/projects/{project}", headers=api(web, "reviewer")).json()["state"])


def test_the_api_step_approves_no_project_without_the_version_seen(web: WebEnv) -> None:
    # POST /api/v1/projects/{id}/workflow {"action": "approve"} approved whatever version was latest: a client that
    # showed version 1 approved a version 2 the unit had sent since (the pages and the command line name the version)
    project = web.project_ids[1]
    _submitted(web, project)
    client, reviewer = web.client(), api(web, "reviewer")
    answer = client.post(f"/api/v1/projects/{project}/workflow", headers=reviewer, json={"action": "approve"})
    assert answer.status_code == 422, answer.text
    said = answer.json()["error"]["message"]
    assert said == "未写明您审核的版本（该项目最新为第 1 版）：请查看后写明版本，如「\"version\": 1」", said
    assert answer.json()["error"]["details"] == [{"location": "body.version", "message": said}], answer.text
    assert _state(web, project) == "submitted"
    # the viewer's refusal says nothing of versions; a 退回 approves nothing: no version needed
    answer = client.post(f"/api/v1/projects/{project}/workflow", headers=api(web, "viewer"), json={"action": "approve"})
    assert answer.status_code == 403 and "版本" not in answer.json()["error"]["message"], answer.text
    other = web.project_ids[2]
    _submitted(web, other)
    answer = client.post(f"/api/v1/projects/{other}/workflow", headers=reviewer,
                         json={"action": "return", "comment": "请补充"})
    assert answer.status_code == 200 and answer.json()["state"] == "returned", answer.text
    answer = client.post(f"/api/v1/projects/{project}/workflow", headers=reviewer,
                         json={"action": "approve", "version": 1})
    assert answer.status_code == 200 and answer.json()["state"] == "approved", answer.text


def test_the_api_batch_approves_no_bare_project_id(web: WebEnv) -> None:
    # POST /api/v1/review/batch's `project_ids` approved the latest version of each: a bare id is named and left, the
    # projects named with their versions done; a 退回 by bare ids as before
    first, second = web.project_ids[1], web.project_ids[2]
    _submitted(web, first, second)
    client, reviewer = web.client(), api(web, "reviewer")
    answer = client.post("/api/v1/review/batch", headers=reviewer,
                         json={"action": "approve", "project_ids": [first],
                               "projects": [{"project_id": second, "version": 1}]})
    assert answer.status_code == 200 and answer.json()["done"] == 1, answer.text
    refused = next(r for r in answer.json()["results"] if r["project_id"] == first)
    assert not refused["ok"] and refused["state"] == "submitted"
    assert f'如「"projects": [{{"project_id": {first}, "version": 1}}]」' in refused["message"], refused
    assert (_state(web, first), _state(web, second)) == ("submitted", "approved")
    answer = client.post("/api/v1/review/batch", headers=reviewer,
                         json={"action": "return", "project_ids": [first], "comment": "请补充"})
    assert answer.status_code == 200 and answer.json()["done"] == 1, answer.text


def test_the_web_form_and_the_queue_approve_no_project_without_the_version_seen(web: WebEnv) -> None:
    # the project page's and the desk's forms send the version they show, the queue's ticks 「id:version」; a form made
    # by hand without it (or a tick of a bare id) approved the latest version
    first, second = web.project_ids[1], web.project_ids[2]
    _submitted(web, first, second)
    reviewer = web.client("reviewer")
    token = csrf_of(reviewer, f"/projects/{first}")
    answer = reviewer.post(f"/projects/{first}/workflow", data={"csrf_token": token, "action": "approve",
                                                                 "comment": "同意"})
    assert answer.status_code == 422, answer.text[:300]
    assert "未写明您审核的版本（该项目最新为第 1 版）：请刷新页面后再审核通过" in answer.text
    assert "version=" not in answer.text.split("未写明您审核的版本")[1][:80]  # advice a page's user can follow
    assert 'aria-invalid="true"' not in answer.text  # the comment typed is not the field at fault
    answer = reviewer.post(f"/projects/{first}/workflow", data={"csrf_token": token, "action": "approve",
                                                                 "back": "desk"})
    assert answer.status_code == 422 and "未写明您审核的版本" in answer.text
    assert _state(web, first) == "submitted"
    token = csrf_of(reviewer, "/review/queue")
    answer = reviewer.post("/review/queue", data={"csrf_token": token, "action": "approve",
                                                  "project": [str(first), f"{second}:1"]}, follow_redirects=True)
    assert re.search("未写明您审核的版本（该项目最新为第 1 版）：请刷新页面后再审核通过", answer.text)
    assert (_state(web, first), _state(web, second)) == ("submitted", "approved")
    answer = reviewer.post(f"/projects/{first}/workflow", data={"csrf_token": token, "action": "approve",
                                                                 "version": "1"}, follow_redirects=False)
    assert answer.status_code == 303 and _state(web, first) == "approved"



def test_every_face_must_say_how_it_names_a_version() -> None:
    # version_required="" was the default of take_step and batch_step: a new face forgetting it approved the latest
    import inspect

    from perfbudget.app.review_desk import batch_step
    from perfbudget.app.workflow import take_step

    for step in (take_step, batch_step):
        said = inspect.signature(step).parameters["version_required"]
        assert said.kind is said.KEYWORD_ONLY and said.default is said.empty, (step.__name__, said)


def test_a_project_named_with_two_versions_is_not_approved_at_a_guess(web: WebEnv) -> None:
    # the API batch's {"project_id": 12, "version": 1} and {… "version": 2}, or the queue's 「12:1」「12:2」, kept
    # the last, maybe the older: refused as the command line's 「12:1 12:2」, nothing done
    first = web.project_ids[1]
    _submitted(web, first)
    client, reviewer = web.client(), api(web, "reviewer")
    answer = client.post("/api/v1/review/batch", headers=reviewer, json={
        "action": "approve", "projects": [{"project_id": first, "version": 2}, {"project_id": first, "version": 1}]})
    assert answer.status_code == 422, answer.text
    assert "同一项目写了不同的版本（第 2 版、第 1 版）" in answer.json()["error"]["message"], answer.text
    browser = web.client("reviewer")
    token = csrf_of(browser, "/review/queue")
    answer = browser.post("/review/queue", data={"csrf_token": token, "action": "approve",
                                                 "project": [f"{first}:2", f"{first}:1"]})
    assert answer.status_code == 422 and "同一项目写了不同的版本（第 2 版、第 1 版）" in answer.text, answer.text[:300]
    assert _state(web, first) == "submitted"



def test_a_return_records_the_version_the_reviewer_read(web: WebEnv) -> None:
    # a 退回 sending the version read recorded only the latest in its audit entry
    project = web.project_ids[1]
    _submitted(web, project)
    answer = web.client().post(f"/api/v1/projects/{project}/workflow", headers=api(web, "reviewer"),
                               json={"action": "return", "comment": "请补充", "version": 1})
    assert answer.status_code == 200, answer.text
    with web.app.state.store.reading() as tx:
        [entry], _ = tx.audit_entries(action="workflow.return", project_id=project)
    assert entry["after"]["seen_version"] == 1 and entry["after"]["version"] == 1, entry
