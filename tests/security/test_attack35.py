"""Round 35's attack (docs/security.md, 「Attacked from outside (attack35)」): each test failed on df519deb."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import WebEnv


def _put_target(web: WebEnv, target: dict[str, Any]) -> Any:
    """The API's edit of the first project with its first indicator's target replaced by ``target``."""
    client, headers, project = web.client(), {"Authorization": f"Bearer {web.token('editor')}"}, web.project_ids[0]
    stored = client.get(f"/api/v1/projects/{project}", headers=headers).json()
    document = stored["document"]
    document["projects"][0]["indicators"][0]["target"] = target
    return client.put(f"/api/v1/projects/{project}", json={"base_version": stored["version"], "document": document},
                      headers=headers)


def test_a_target_s_unit_and_direction_must_agree_with_its_raw_text(web: WebEnv) -> None:
    # raw is the target's source of truth, but a unit and a direction sent beside it were stored as sent: the table
    # said 30 人, the review and scoring 30 万元; ≥95% was scored with smaller taken as better
    full = {"raw": "≥30人", "kind": "quantitative", "op": ">=", "value": "30", "direction": "positive"}
    refused = _put_target(web, {**full, "unit": "万元"})
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"]["details"] == [{
        "location": "projects[0].indicators[0].target.unit",
        "message": "与指标值 raw「≥30人」不一致：给出 万元，raw 读作 人；请改正其一，或只给 raw"}]
    emptied = _put_target(web, {**full, "unit": ""})
    assert emptied.json()["error"]["details"][0]["message"].startswith("与指标值 raw「≥30人」不一致：给出 空，")
    reversed_ = _put_target(web, {**full, "unit": "人", "direction": "reverse"})
    assert reversed_.status_code == 422, reversed_.text
    assert reversed_.json()["error"]["details"] == [{
        "location": "projects[0].indicators[0].target.direction",
        "message": "与指标值 raw「≥30人」不一致：给出 reverse，raw 读作 positive；请改正其一，或只给 raw"}]
    # a unit beside a raw without one (a 计量单位 column) and a direction beside a raw without comparator (a 指标方向
    # column: 35 under 反向) are the table's own: kept
    kept = _put_target(web, {"raw": "30", "unit": "人", "direction": "reverse"})
    assert kept.status_code == 200, kept.text
    client = web.client()
    target = client.get(f"/api/v1/projects/{web.project_ids[0]}",
                        headers={"Authorization": f"Bearer {web.token('editor')}"}).json()["document"]["projects"][0][
        "indicators"][0]["target"]
    assert (target["raw"], target["value"], target["unit"], target["direction"]) == ("30", "30", "人", "reverse")
