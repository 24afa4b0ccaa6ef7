"""Found by attack14 (2026-12-04) on a fresh server; each test failed before its fix.

Starlette parses at most 1,000 fields of a form by default; the indicator editor posts six or seven a row, so the
edit, its check and a declaration of a project of more than some 160 indicators (the bound is 1,000) answered a
bare 400 「请求有误」 saying nothing of why."""

from __future__ import annotations

from dataclasses import replace

from perfbudget.web.csrf import MAX_FORM_FIELDS
from tests.web.conftest import SEED_UNIT, WebEnv, csrf_of
from tests.web.helpers import as_form, project_form, stored_project


def _widened(web: WebEnv, count: int) -> tuple[int, dict[str, list[str]], object]:
    """The seed's first project with ``count`` indicators (its first repeated under new names), as its edit form."""
    pid = web.project_ids[0]
    project, version = stored_project(web.app, pid)
    first = project.indicators[0]
    indicators = tuple(replace(first, level3=f"{first.level3}{n}") for n in range(count))
    return pid, project_form(replace(project, indicators=indicators), "", version), version


def test_a_project_of_200_indicators_is_edited_and_checked_on_the_page(web: WebEnv) -> None:
    client = web.client("editor")
    pid, form, version = _widened(web, 200)
    form["csrf_token"] = [csrf_of(client, "/account")]
    assert sum(len(values) for values in form.values()) > 1_000
    check = client.post(f"/projects/{pid}/check", data=form)
    assert check.status_code == 200, check.text[-300:]
    saved = client.post(f"/projects/{pid}/edit", data=form)
    assert saved.status_code == 200 and f"已保存为第 {version + 1} 版" in saved.text, saved.text[-300:]
    edited, _ = stored_project(web.app, pid)
    assert len(edited.indicators) == 200


def test_a_declaration_of_200_indicators_is_checked(web: WebEnv) -> None:
    client = web.client("editor")
    pairs = [("csrf_token", csrf_of(client, "/declare")), ("unit_code", SEED_UNIT), ("name", "新项目"),
             ("fund_year", "2025"), ("budget_total", "10")]
    for n in range(200):
        pairs += [("rowid", f"r{n}"), ("l1", "产出指标"), ("l2", "数量指标"), ("l3", f"完成事项{n}"), ("desc", ""),
                  ("target", "≥1个")]
    response = client.post("/declare/check", data=as_form(pairs))
    assert response.status_code == 200, response.text[-300:]
    assert response.text.count('class="check ok"') == 200


def test_a_form_past_the_field_bound_is_refused_in_chinese(web: WebEnv) -> None:
    client = web.client("editor")
    pid = web.project_ids[0]
    form = {"csrf_token": [csrf_of(client, "/account")], "l3": ["x"] * MAX_FORM_FIELDS}
    response = client.post(f"/projects/{pid}/check", data=form)
    assert response.status_code == 400
    assert f"表单的字段超过 {MAX_FORM_FIELDS} 个的上限，无法处理" in response.text
    assert MAX_FORM_FIELDS == 8_100


def _session_bytes(client: object) -> int:
    cookie = client.cookies.get("perfbudget_session")  # type: ignore[attr-defined]
    assert cookie
    return len(cookie)


def test_the_review_queue_refusing_many_projects_keeps_the_session_cookie_small(web: WebEnv) -> None:
    """The flash message lives in the signed session cookie; browsers drop a cookie past 4,096 bytes."""
    client = web.client("reviewer")
    response = client.post("/review/queue", data={"csrf_token": csrf_of(client, "/review/queue"), "action": "approve",
                                                  "project": [str(pid) for pid in web.project_ids] * 4},
                           follow_redirects=False)
    assert response.status_code == 303
    assert _session_bytes(client) < 3_000
    page = client.get("/review/queue").text
    # each reason once; a project ticked four times is one step (attack18, leftovers18)
    assert "未处理 10 个：项目当前为「草稿」，不能「审核通过」" in page


def test_flash_messages_are_cut_and_only_the_first_kept(web: WebEnv) -> None:
    from starlette.requests import Request

    from perfbudget.web.routes.common import FLASH_CHARS, flash, pop_flashes

    request = Request({"type": "http", "session": {}})
    flash(request, "已导入「某文件」")
    for n in range(5):
        flash(request, f"第{n}条" + "很长的说明" * 200, "error")
    kept = pop_flashes(request)
    assert kept[0] == ["ok", "已导入「某文件」"]
    assert kept[1][0] == "error" and kept[1][1].startswith("第0条很长的说明")
    assert kept[1][1].endswith("（另有消息从略）")
    assert len(kept) == 2 and len(kept[1][1]) <= FLASH_CHARS
    flash(request, "已保存")
    assert pop_flashes(request) == [["ok", "已保存"]]
