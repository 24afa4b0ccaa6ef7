"""Found by attacking a fresh server from outside (attack12, 2026-12-04); each test failed before its fix."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.web.conftest import WebEnv, csrf_of


def _with_review_errors(web: WebEnv) -> int:
    from perfbudget.app.reviews import current_errors

    for project_id in web.project_ids:
        if current_errors(web.app.state.store, web.app.state.core, project_id):
            return project_id
    raise AssertionError("the seed has projects with error-level findings: none found, so the test would prove nothing")


def test_a_viewers_submission_is_refused_for_the_role_before_anything_about_the_project(web: WebEnv) -> None:
    """A viewer's 送审 was told of the latest version's review errors (and the project reviewed for it)
    before the role refusal."""
    from perfbudget.app import reviews

    project_id = _with_review_errors(web)
    counted: list[int] = []
    original = reviews.current_errors

    def counting(*args: Any) -> int:
        counted.append(1)
        return original(*args)

    viewer = web.client("viewer")
    headers = {"Authorization": f"Bearer {web.token('viewer')}"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("perfbudget.web.routes.projects.current_errors", counting)
        patch.setattr("perfbudget.web.api.v1.current_errors", counting)
        page = viewer.post(f"/projects/{project_id}/workflow", data={
            "csrf_token": csrf_of(viewer, f"/projects/{project_id}"), "action": "submit"}, follow_redirects=False)
        api = web.client().post(f"/api/v1/projects/{project_id}/workflow", json={"action": "submit"},
                                headers=headers)
        bad_text = web.client().post(f"/api/v1/projects/{project_id}/workflow",
                                     json={"action": "return", "comment": "x\x01" * 3000}, headers=headers)
    for response in (page, api, bad_text):
        assert response.status_code == 403, response.text
        assert "不能「" in response.text and "错误" not in response.text.replace("\"error\"", "")
        assert "控制字符" not in response.text and "过长" not in response.text
    assert counted == []  # not reviewed for someone who may not submit
    editor = web.client().post(f"/api/v1/projects/{project_id}/workflow", json={"action": "submit"},
                               headers={"Authorization": f"Bearer {web.token('editor')}"})
    assert editor.status_code == 409 and "不能送审" in editor.text  # the editor is told of the errors, as before


def _document(web: WebEnv, token: str) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"}
    first, second = (web.client().get(f"/api/v1/projects/{pid}/download/json", headers=headers).json()
                     for pid in web.project_ids[:2])
    document = copy.deepcopy(first)
    document["projects"] = [{**first["projects"][0], "seq": 7}, {**second["projects"][0], "seq": 7}]
    return document


def test_an_api_document_whose_projects_share_a_number_is_refused_with_its_place(web: WebEnv) -> None:
    """Two projects of one seq got one merged review (each the other's findings and grade) and were stored."""
    token = web.token("editor")
    headers = {"Authorization": f"Bearer {token}"}
    document = _document(web, token)
    for dry_run in ("true", "false"):
        response = web.client().post(f"/api/v1/documents?dry_run={dry_run}", json=document, headers=headers)
        assert response.status_code == 422, response.text
        details = response.json()["error"]["details"]
        assert any(d["location"] == "projects[1].seq" and "序号 7 与第 1 个项目" in d["message"] for d in details)
    # with skip_blocked the first is imported alone (nothing merged): it is the seed's, unchanged
    response = web.client().post("/api/v1/documents?skip_blocked=true", json=document, headers=headers)
    assert response.status_code == 200, response.text
    assert next(t["message"] for t in response.json()["refused_tables"]).count("序号 7") == 1


def test_the_command_line_refuses_a_json_file_whose_projects_share_a_number(web: WebEnv, tmp_path: Any) -> None:
    import json

    from typer.testing import CliRunner

    from perfbudget.cli import app

    path = tmp_path / "dup.json"
    path.write_text(json.dumps(_document(web, web.token("editor")), ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(path), "--db", f"sqlite:///{tmp_path / 'cli.db'}"])
    assert result.exit_code == 1, result.output
    assert "projects[1].seq：序号 7 与第 1 个项目" in result.output


class _Recording:
    """A binary file that records how much each read asked for."""

    def __init__(self, data: bytes) -> None:
        import io

        self.inner, self.asked = io.BytesIO(data), []  # type: ignore[var-annotated]

    def read(self, size: int = -1) -> bytes:
        self.asked.append(size)
        return self.inner.read(size)


def test_an_upload_is_stored_part_by_part_never_read_whole(web: WebEnv) -> None:
    """The bodies of uploads were read whole, stored whole and read once more: eight concurrent 45 MB uploads
    peaked at 559 MB (API) and 602 MB (page), now 303 and 201 MB."""
    import hashlib

    from perfbudget.web import uploads

    engine = web.app.state.engine
    data = bytes(range(256)) * (4096 * 3 + 7)  # three parts and a bit
    source = _Recording(data)
    upload_id = uploads.keep(engine, 1, "大文件.bin", source, limit=len(data))  # type: ignore[arg-type]
    assert source.asked and all(0 < size <= uploads.PART_BYTES for size in source.asked)
    assert uploads.pending(engine, 1, upload_id) == ("大文件.bin", data, hashlib.sha256(data).hexdigest())
    with pytest.raises(Exception, match="上限"):
        uploads.keep(engine, 1, "大文件.bin", _Recording(data), limit=len(data) - 1)  # type: ignore[arg-type]
    uploads.forget(engine, upload_id)
    from sqlalchemy import func, select

    from perfbudget.web.tables import upload_parts
    from perfbudget.web.tables import uploads as upload_rows

    with engine.connect() as connection:  # nothing kept of the refused one, nothing left of the forgotten one
        assert connection.execute(select(func.count()).select_from(upload_parts)).scalar_one() == 0
        assert connection.execute(select(func.count()).select_from(upload_rows)).scalar_one() == 0


def test_the_api_upload_of_a_file_of_several_parts_previews_and_imports(web: WebEnv, seed_path: Any) -> None:
    text = seed_path.read_bytes()
    padded = text + b"\n" * (2 * 1024 * 1024)  # blank lines after the table: three parts
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    client = web.client()
    preview = client.post("/api/v1/uploads", files={"file": ("seed.txt", padded)}, headers=headers)
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert body["read_ok"] and len(body["projects"]) == 10
    again = client.get(f"/api/v1/uploads/{body['upload_id']}", headers=headers).json()
    assert again["projects"] == body["projects"]
    done = client.post(f"/api/v1/uploads/{body['upload_id']}/import", json={}, headers=headers)
    assert done.status_code == 200, done.text
    empty = client.post("/api/v1/uploads", files={"file": ("empty.txt", b"")}, headers=headers)
    assert empty.status_code == 422 and "文件是空的" in empty.text
