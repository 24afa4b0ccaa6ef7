"""Found by attack19 (2026-12-05) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import pytest

from tests.web.conftest import WebEnv


def _api(web: WebEnv, user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(user)}"}


@pytest.mark.parametrize("number", [2**63, 2**70, 10**30, 2**31, 0, -1])
def test_a_batch_naming_an_id_no_database_holds_is_refused_whole(web: WebEnv, number: int) -> None:
    # `POST /api/v1/review/batch` took any integer: past SQLite's 64 bits the driver's OverflowError was a 500
    # (a reviewer's token; 2^63, 2^70, 10^30). Now an id outside 1 … 2^31 - 1 refuses the batch, naming it.
    client, headers, pid = web.client(), _api(web, "reviewer"), web.project_ids[0]
    submitted = client.post(f"/api/v1/projects/{pid}/workflow", headers=_api(web, "editor"),
                            json={"action": "submit", "justification": "测试"})
    assert submitted.status_code == 200, submitted.text[:300]
    answer = client.post("/api/v1/review/batch", headers=headers, json={"project_ids": [pid, number], "action": "approve"})
    assert answer.status_code == 422, answer.text[:300]
    assert f"项目编号「{str(number)[:24]}」无效" in answer.json()["error"]["message"]
    assert client.get(f"/api/v1/projects/{pid}", headers=headers).json()["state"] == "submitted"  # nothing done
