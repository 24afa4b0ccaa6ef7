"""Found by attack24 (2026-12-05) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.security.test_attack22 import _approve
from tests.web.conftest import WebEnv, csrf_of


def _evaluator(web: WebEnv, project_id: int) -> tuple[Any, list[dict[str, Any]]]:
    """A function posting the project's 自评 through the API as its unit's editor, and its indicators."""
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    indicators = client.get(f"/api/v1/projects/{project_id}", headers=headers).json()["document"]["projects"][0][
        "indicators"]

    def evaluate(actuals: dict[int, dict[str, str]] | None = None, **body: Any) -> Any:
        items = []
        for n, indicator in enumerate(indicators, 1):
            target = indicator["target"]
            given = {"position": n, "actual": f"{target['value']}{target['unit'] or ''}" if target["value"] else "",
                     "grade": "达成"}
            items.append(given | (actuals or {}).get(n, {}))
        return client.post(f"/api/v1/projects/{project_id}/evaluation", headers=headers,
                           json={"executed": "1", "indicators": items, "year": 2024} | body)

    return evaluate, indicators


def test_a_self_evaluation_text_longer_than_a_stored_text_is_refused_at_its_row(web: WebEnv) -> None:
    # A unit editor's 实际完成值, 偏差原因分析 and 总体目标完成情况 were kept however long: 2 MB in one 自评 record
    # (as often as posted, each a record of the history), sent whole by every page and API answer showing it, where a
    # document's text is bounded at 20,000 characters; a control character was kept too. Refused now at the row.
    project_id = web.project_ids[0]
    _approve(web, project_id)
    evaluate, indicators = _evaluator(web, project_id)
    qualitative = next(n for n, i in enumerate(indicators, 1) if not i["target"]["value"])
    refused = evaluate({qualitative: {"actual": "好" * 20_001, "deviation": "无\x07"}}, goal_result="完" * 500_000)
    assert refused.status_code == 422, refused.text[:500]
    details = refused.json()["error"]["details"]
    said = "年度总体目标完成情况：「实际完成值」文字过长（500000 个字符，上限 20000）"
    assert details[0] == said + "：「" + "完" * 40 + "…」", details
    assert "「实际完成值」文字过长（20001 个字符，上限 20000）" in details[1], details
    assert f"第 {qualitative} 个指标" in details[1], details
    assert "含有不可见的控制字符（U+0007）" in details[2], details
    assert len(refused.content) < 2_000  # the refusal does not echo the text either
    saved = evaluate({qualitative: {"actual": "好" * 20_000}}, goal_result="完" * 20_000)
    assert saved.status_code == 200, saved.text[:500]


def test_a_negative_count_or_an_absurdly_precise_actual_is_refused(web: WebEnv) -> None:
    # 实际完成值「-12次」 of 视频会议保障数量 (≥12次) was scored (0 分) and kept, and one of 40 decimals kept whole. A
    # count, a duration, a share … cannot be negative; a change (增长率 -5%), a balance (a loss) or a figure whose
    # target is negative itself can (evaluate.negative_actuals).
    project_id = web.project_ids[0]
    _approve(web, project_id)
    evaluate, indicators = _evaluator(web, project_id)
    by_unit = {i["target"]["unit"]: n for n, i in enumerate(indicators, 1) if i["target"]["value"]}
    count, share = by_unit["次"], by_unit["%"]
    refused = evaluate({count: {"actual": "-12次"}})
    assert refused.status_code == 422, refused.text[:500]
    assert refused.json()["error"]["details"] == [
        f"第 {count} 个指标「{indicators[count - 1]['level3']}」：指标「{indicators[count - 1]['level3']}」的实际完成值"
        "「-12次」是负数（-12）：数量、比率、金额、时间和满意度不会为负，只有增减变化（增长、下降等）或盈亏类指标可以为负，请核对"]
    precise = evaluate({count: {"actual": "12." + "1" * 21}})
    assert precise.status_code == 422 and "小数位数过多（至多 20 位）" in precise.text, precise.text
    # a value that is no number is quoted up to 40 characters (a 3,000-character one came back whole)
    echoed = evaluate({count: {"actual": "12次" * 1_000}})
    assert echoed.status_code == 422 and len(echoed.content) < 400, len(echoed.content)
    # a share of what the indicator counts is no change either (kinds26's rule, by what the indicator measures)
    assert evaluate({share: {"actual": "-5%"}}).status_code == 422
    assert evaluate({share: {"actual": "5%"}}).status_code == 200
    assert evaluate({count: {"actual": "0次"}}).status_code == 200


def test_a_command_line_name_that_passes_for_an_account_is_refused(any_web: WebEnv, seed_path: Path,
                                                                    tmp_path: Path) -> None:
    # Without --user a command-line write is recorded under --actor or the login name, unchecked (a laptop without
    # web accounts): `perfbudget import --actor reviewer` put 「reviewer 导入文件」 in the audit log and a reviewer's
    # name on the 审核流程's step back to 草稿, a step no reviewer may take. A name that passes for an account's
    # (also the login name, and but for case or width) is refused now, saying to use --user. SQLite and PostgreSQL.
    web = any_web
    changed = tmp_path / "seed-b.txt"
    changed.write_text(seed_path.read_text(encoding="utf-8").replace("≥12次", "≥13次", 1), encoding="utf-8")
    runner, db = CliRunner(), ("--db", web.url)
    for args, env in ((("--actor", "ＲＥＶＩＥＷＥＲ"), {}), ((), {"USER": "admin", "LOGNAME": "admin"})):
        done = runner.invoke(cli, ["import", str(changed), *db, *args], env=env)
        assert done.exit_code == 1, done.output
        assert "与网页端账号" in done.output and "记录会被当作该账号所为" in done.output, done.output
    done = runner.invoke(cli, ["history", str(web.project_ids[0]), *db, "--json"])
    assert len(json.loads(done.output)["versions"]) == 1  # nothing was imported
    done = runner.invoke(cli, ["import", str(changed), *db, "--actor", "张三"], env={"USER": "admin"})
    assert done.exit_code == 0 and "新版本 1 个" in done.output, done.output


def test_an_unknown_action_on_the_desk_is_not_said_to_be_a_changed_state(web: WebEnv) -> None:
    # The desk refusing an unknown 审核结论 for a project not awaiting one said 「您填写的意见没有记录（项目状态已变，
    # 不能再下这个结论）」: the action, not the state, was wrong. The refusal's own reason is said now.
    reviewer = web.client("reviewer")
    token = csrf_of(reviewer, "/account")
    answer = reviewer.post(f"/projects/{web.project_ids[0]}/workflow", follow_redirects=False, data={
        "csrf_token": token, "action": "<b>bogus</b>", "comment": "请补充", "back": "desk"})
    assert answer.status_code == 422, answer.text
    assert "项目状态已变" not in answer.text
    assert "您填写的意见没有记录（未知的操作「&lt;b&gt;bogus&lt;/b&gt;」" in answer.text, answer.text


def test_a_negative_budget_is_refused_by_the_api_as_by_the_edit_form(any_web: WebEnv) -> None:
    # `PUT /api/v1/projects/{id}` and `POST /documents` saved a 预算数 of -60 万元 (the lists', the dashboard's and the
    # publication's totals summed it) where the edit page refuses it. The API refuses the budget's amounts below zero
    # now, each at its field, as the funds grid's figures since attack23.
    from dataclasses import replace

    from tests.web.helpers import project_form, stored_project

    web = any_web
    pid = web.project_ids[0]
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    sent = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
    for amounts, field in (({"total": "-60", "fiscal": "-60"}, "budget.total"), ({"other": "-1"}, "budget.other")):
        document = json.loads(json.dumps(sent["document"]))
        document["projects"][0]["budget"].update(amounts)
        answer = client.put(f"/api/v1/projects/{pid}", headers=headers,
                            json={"base_version": sent["version"], "document": document})
        assert answer.status_code == 422, answer.text
        assert f"projects[0].{field}" in answer.text and "是负数" in answer.text, answer.text
        posted = client.post("/api/v1/documents", headers=headers, json=document)
        assert posted.status_code == 422 and "是负数" in posted.text, posted.text
    editor = web.client("editor")
    project, version = stored_project(web.app, pid)
    negative = replace(project, budget=replace(project.budget, total=-project.budget.total))
    page = editor.post(f"/projects/{pid}/edit", data=project_form(negative, csrf_of(editor, "/account"), version))
    assert page.status_code == 422 and "预算数「-17.00」应为不小于 0 的数" in page.text, page.status_code  # (held)
    assert stored_project(web.app, pid)[1] == version  # nothing saved
