"""Round 37's attack (docs/security.md, 「Attacked from outside (attack37)」): each test failed on 10f55e2f."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import WebEnv
from tests.web.helpers import stored_project
from tests.web.test_import_blocked import spoiled
from tests.web.test_revisions import api, cli_import


def test_a_preview_with_skip_blocked_is_taken_by_every_face_and_force_refused_by_every_face(
        web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    # replay-aa left `perfbudget import --dry-run --skip-blocked` refused while the API's dry_run=true&skip_blocked=true
    # previewed: one rule now (app.import_preview.dry_run_refusal), the CLI's plan saying what --skip-blocked does
    from perfbudget.interchange import document_to_dict
    from perfbudget.load import load_path

    path = spoiled(seed_path, tmp_path)
    code, stdout, stderr = cli_import(web, str(path), "--dry-run", "--skip-blocked")
    assert "不能与" not in stderr, stderr
    assert "预览（未导入）" in stdout and "加 --skip-blocked 导入时：只导入其余 9 个完整无误的表格" in stdout
    assert code == 1  # as the import with --skip-blocked says a table was left out
    code, _, stderr = cli_import(web, str(path), "--dry-run", "--skip-blocked", "--force")
    assert code == 1 and "--dry-run 不能与 --force 同用" in stderr
    document = load_path(seed_path).document
    assert document is not None
    client = web.client()
    previewed = client.post("/api/v1/documents?dry_run=true&skip_blocked=true", headers=api(web, "editor"),
                            json=document_to_dict(document))
    assert previewed.status_code == 200 and previewed.json()["status"] == "dry_run"
    forced = client.post("/api/v1/documents?dry_run=true&skip_blocked=true&force=true", headers=api(web, "editor"),
                         json=document_to_dict(document))
    assert forced.json()["error"]["message"] == "dry_run=true 不能与 force=true 同用：预览已列出需要它们的表格"
    assert stored_project(web.app, web.project_ids[0])[1] == 1  # nothing imported
