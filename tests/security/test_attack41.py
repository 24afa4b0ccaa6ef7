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
    assert _state(web, project) == "submitted"
    # a 退回 approves nothing: no version needed; the viewer's refusal says nothing of versions
    assert client.post(f"/api/v1/projects/{project}/workflow", headers=api(web, "viewer"),
                       json={"action": "approve"}).status_code == 403
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
    assert "未写明您审核的版本（该项目最新为第 1 版）" in answer.text
    assert 'aria-invalid="true"' not in answer.text  # the comment typed is not the field at fault
    answer = reviewer.post(f"/projects/{first}/workflow", data={"csrf_token": token, "action": "approve",
                                                                 "back": "desk"})
    assert answer.status_code == 422 and "未写明您审核的版本" in answer.text
    assert _state(web, first) == "submitted"
    token = csrf_of(reviewer, "/review/queue")
    answer = reviewer.post("/review/queue", data={"csrf_token": token, "action": "approve",
                                                  "project": [str(first), f"{second}:1"]}, follow_redirects=True)
    assert re.search(rf"未写明您审核的版本（该项目最新为第 1 版）：请查看后写明版本，如「{first}:1」", answer.text)
    assert (_state(web, first), _state(web, second)) == ("submitted", "approved")
    answer = reviewer.post(f"/projects/{first}/workflow", data={"csrf_token": token, "action": "approve",
                                                                 "version": "1"}, follow_redirects=False)
    assert answer.status_code == 303 and _state(web, first) == "approved"


def _cache_sizes() -> int:
    """Entries held by every process-wide cache of the package's modules (``lru_cache`` and ``text_cache``)."""
    import sys

    held, seen = 0, set()
    for name, module in list(sys.modules.items()):
        if not name.startswith("perfbudget") or module is None:
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and not isinstance(value, type) and id(value) not in seen \
                    and getattr(value, "__module__", "") == name:
                seen.add(id(value))
                held += info().currsize
    return held


def test_long_texts_of_an_upload_are_not_kept_in_the_process_caches() -> None:
    # the readers' and the review's caches (8,192 to 131,072 entries, living as long as the server) kept every text
    # they were asked about: indicators of distinct 20,000-character descriptions (each within MAX_TEXT) left some
    # 40 KB each in the server after the upload's preview, gigabytes once the caches filled
    import random
    from dataclasses import replace

    from perfbudget.load import load_bytes
    from perfbudget.review.engine import review_document

    long = 300  # characters: more than a cached call's texts may hold (text_cache.LONGEST)

    def table(seed: int) -> str:
        letters = random.Random(seed)

        def text(n: int) -> str:
            return "".join(chr(0x4E00 + letters.randrange(3000)) for _ in range(n))
        rows = [f"产出指标 | 数量指标 | {text(long)}完成率 | {text(long)} | ≥{seed}{text(long)}"
                for _ in range(20)]
        return "\n".join(["项目支出绩效目标表", f"项目名称 | {text(long)}",
                          "预算数 | 100 | 其中：财政资金 | 100 | 其他资金 | 0",
                          "一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值", *rows]) + "\n"

    def read_and_review(seed: int) -> None:
        result = load_bytes(table(seed).encode(), "表.txt")
        assert result.document is not None and len(result.document.projects[0].indicators) == 20
        review_document(replace(result.document, source=None))

    read_and_review(1)  # the words of the form, jieba's dictionary
    before = _cache_sizes()
    for seed in range(2, 7):  # 100 indicators, each of long texts never seen
        read_and_review(seed)
    assert _cache_sizes() - before < 100, _cache_sizes() - before
    from perfbudget.text_cache import LONGEST

    assert long > LONGEST


def test_a_text_cache_answers_as_its_function_and_holds_at_most_its_count() -> None:
    import pickle

    from perfbudget.text_cache import LONGEST, text_cache

    calls: list[str] = []

    @text_cache(3)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    @text_cache(30)
    def joined(first: str, second: str | None = None) -> str:
        calls.append(first)
        return first + (second or "")

    long = "x" * (LONGEST + 1)
    for text in ("a", "b", "a", long, long, "c", "d", "e"):
        assert shout(text) == text.upper() and joined(text, "y") == text + "y" and joined(text) == text
    assert calls.count("a") == 3 and calls.count(long) == 6  # a short text cached, a long one not
    assert shout.cache_info().currsize <= 3 and joined.cache_info().currsize == 10
    assert shout.__wrapped__("q") == "Q" and shout.__name__ == "shout"
    from perfbudget.review import helpers

    assert pickle.loads(pickle.dumps(helpers.bare)) is helpers.bare  # by name, as a function
