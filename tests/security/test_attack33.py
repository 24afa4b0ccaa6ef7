"""Round 33's attack (docs/security.md, 「Attacked from outside (attack33)」): each test failed on main 2efc9eca."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv
from tests.web.test_revisions import variant

runner = CliRunner()


def test_a_deleted_project_s_id_is_not_given_to_the_next_project_nor_its_audit_entries(any_web: WebEnv,
                                                                                       seed_path: Path,
                                                                                       tmp_path: Path) -> None:
    # SQLite gave a new row the largest id + 1 (store.bulk.allocate_ids too): after an admin deleted the newest
    # project, another unit's next project took its id, and the deleted project's audit entries (its unit's comment,
    # its deletion naming the unit) showed on the new project's history page to the new project's readers.
    web = any_web
    other = web.other_project_id
    assert other is not None and other == max([*web.project_ids, other])  # the newest project
    said = runner.invoke(cli, ["workflow", str(other), "comment", "--comment", "其他单位的内部意见：预算将削减",
                               "--user", "other_editor", "--db", web.url])
    assert said.exit_code == 0, said.output
    gone = runner.invoke(cli, ["project", "delete", str(other), "--yes", "--user", "admin", "--db", web.url])
    assert gone.exit_code == 0, gone.output
    path = variant(seed_path, tmp_path, "新表.txt", "2024年检察业务信息化运维项目", "2024年检察新增装备项目")
    done = runner.invoke(cli, ["import", str(path), "--user", "editor", "--db", web.url])
    assert done.exit_code == 0, done.output
    projects = web.client("editor").get("/api/v1/projects?limit=100",
                                         headers={"Authorization": f"Bearer {web.token('editor')}"}).json()["items"]
    new = next(p["id"] for p in projects if p["name"] == "2024年检察新增装备项目")
    assert new > other
    page = web.client("editor").get(f"/projects/{new}/history").text
    assert "其他单位" not in page and "删除项目" not in page, page
