"""Round 40's attack (docs/security.md, 「Attacked from outside (attack40)」): each test failed on 00aece31."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import WebEnv
from tests.web.test_revisions import api


def test_the_command_line_batch_approves_no_project_without_the_version_seen(web: WebEnv) -> None:
    # `perfbudget desk batch approve P` with a bare reference approved the latest version, whatever the unit had sent
    # since the reviewer read it (attack39 left it): the queue's ticks and the API's `projects` name the version seen
    from perfbudget.cli import app as cli
    from tests.web.test_workflow_cli import runner

    project, other = web.project_ids[1], web.project_ids[2]
    client, editor, reviewer = web.client(), api(web, "editor"), api(web, "reviewer")
    for pid in (project, other):
        assert client.post(f"/api/v1/projects/{pid}/workflow", headers=editor,
                           json={"action": "submit", "justification": "理由"}).status_code == 200

    def batch(action: str, *references: str) -> Any:
        return runner.invoke(cli, ["desk", "batch", action, *references, "--comment", "意见", "--user", "reviewer",
                                   "--db", web.url])

    said = batch("approve", str(project), f"{other}:1")  # the bare one is named, the one with its version done
    assert said.exit_code == 1, said.output
    assert f"未写明您审核的版本（该项目最新为第 1 版）：请查看后写明版本，如「{project}:1」" in said.stdout, said.output
    assert "已审核通过 1 个项目" in said.stdout, said.output
    states = [client.get(f"/api/v1/projects/{pid}", headers=reviewer).json()["state"] for pid in (project, other)]
    assert states == ["submitted", "approved"]
    said = batch("return", str(project))  # a 退回 approves nothing: no version needed
    assert said.exit_code == 0 and "已退回 1 个项目" in said.stdout, said.output
