"""The web 自评 form takes the adjusted 全年预算数 and weights per indicator, like the sheet."""

from __future__ import annotations

import json
from decimal import Decimal

from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import approve, stored_project


def _form(web: WebEnv, pid: int, client, **extra: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    project, _ = stored_project(web.app, pid)
    data = {"csrf_token": csrf_of(client, "/account"), "executed": "8.5", **extra}
    for position, indicator in enumerate(project.indicators, 1):
        if indicator.target.is_quantitative:
            data[f"actual_{position}"] = indicator.target.raw.lstrip("≥≤=<>")
        else:
            data[f"grade_{position}"] = "达成"
    return data


def test_form_budget_and_weights_are_used(web: WebEnv) -> None:
    pid = web.project_ids[0]  # seed project 1: budget 17, nine indicators
    approve(web.app, pid)  # self-evaluation is for approved projects
    project, _ = stored_project(web.app, pid)
    assert project.budget.total == Decimal(17) and len(project.indicators) == 9
    client = web.client("editor")
    weights = {f"weight_{n}": w for n, w in enumerate(["5", "5", "5", "5", "5", "5", "20", "20", "10"], 1)}
    form = _form(web, pid, client, budget="10", execution_weight="20", goal_result="全年运维保障到位", **weights)
    form["deviation_2"] = "设备集中更换"
    response = client.post(f"/projects/{pid}/evaluate", data=form)
    assert response.status_code == 200, response.text[:2000]
    # everything typed in is on the result page
    page = response.text
    assert "全年预算数 10（调整后）" in page and "年度总体目标完成情况：</strong>全年运维保障到位" in page
    assert "<td>设备集中更换</td>" in page and 'id="evaluation-sum"' in page
    result = json.loads(client.get(f"/projects/{pid}/evaluation/download/json").text)
    (scored,) = result["projects"]
    assert scored["budget"] == "10" and scored["initial_budget"] == "17.00"
    assert scored["execution_weight"] == "20" and scored["execution_score"] == "17.00"  # 20 × 8.5/10
    assert [i["weight"] for i in scored["indicators"]] == [
        "5.00", "5.00", "5.00", "5.00", "5.00", "5.00", "20.00", "20.00", "10.00"]
    bad = client.post(f"/projects/{pid}/evaluate", data=_form(web, pid, client, execution_weight="30"))
    assert bad.status_code == 422 and "应为 100 分" in bad.text


def test_api_takes_the_budget_and_weights(web: WebEnv) -> None:
    pid = web.project_ids[0]
    approve(web.app, pid)
    project, _ = stored_project(web.app, pid)
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    weights = ["5", "5", "5", "5", "5", "5", "20", "20", "10"]
    items = [{"position": n, "weight": weights[n - 1],
              **({"actual": i.target.raw.lstrip("≥≤=<>")} if i.target.is_quantitative else {"grade": "达成"})}
             for n, i in enumerate(project.indicators, 1)]
    response = client.post(f"/api/v1/projects/{pid}/evaluation", headers=headers,
                           json={"executed": "8.5", "budget": "10", "execution_weight": "20", "indicators": items})
    assert response.status_code == 200, response.text
    (scored,) = response.json()["evaluation"]["projects"]
    assert scored["budget"] == "10" and scored["execution_score"] == "17.00"
    assert [i["weight"] for i in scored["indicators"]][:2] == ["5.00", "5.00"]
    # what was entered is placed as the API's, not the page's (replay-g: every source said 网页填报)
    saved = json.dumps(response.json(), ensure_ascii=False)
    assert "API 填报" in saved and "网页填报" not in saved


def test_form_errors_name_the_indicator_as_shown_and_mark_its_field(web: WebEnv) -> None:
    pid = web.project_ids[0]
    approve(web.app, pid)
    client = web.client("editor")
    project, _ = stored_project(web.app, pid)
    form = _form(web, pid, client, goal_result="全年运维保障到位")
    second = project.indicators[1]
    form.pop("actual_2", None)
    form.pop("grade_2", None)
    response = client.post(f"/projects/{pid}/evaluate", data=form)
    assert response.status_code == 422
    page = response.text
    assert f"第 2 个指标「{second.level3}」" in page and "网页填报" not in page
    field = "actual_2" if second.target.is_quantitative else "grade_2"
    assert f'name="{field}" class="field-error" aria-invalid="true"' in page
    assert page.count('class="field-error"') == 1
