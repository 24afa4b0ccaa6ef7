"""webflow21: a confirmed upload is read once. The import takes what the preview read when the stored bytes are the
ones it read (their SHA-256), and reads them again otherwise: another process's preview, or bytes that changed.
Until webflow21 every import read the whole file a second time. The reader is wrapped to count its calls (the real
reader does the work)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, insert, update

from perfbudget.load import load_bytes
from perfbudget.web.app import create_app
from perfbudget.web.settings import WebConfig
from perfbudget.web.tables import upload_parts, uploads
from tests.web.conftest import WebEnv, csrf_of
from tests.web.test_revisions import VIDEO, VIDEO_15, VIDEO_20, upload, variant


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the web's page and API read, one entry a reading."""
    names: list[str] = []

    def counted(data: bytes, name: str, **options: Any) -> Any:
        names.append(name)
        return load_bytes(data, name, **options)
    monkeypatch.setattr("perfbudget.web.routes.upload.load_bytes", counted)
    monkeypatch.setattr("perfbudget.web.api.files.load_bytes", counted)
    return names


def test_the_page_imports_what_its_preview_read(web: WebEnv, seed_path: Path, tmp_path: Path,
                                                reads: list[str]) -> None:
    changed = variant(seed_path, tmp_path, "changed.txt", VIDEO, VIDEO_15)
    client = web.client("editor")
    preview, confirm = upload(client, changed)
    assert "≥15次" in preview and confirm and reads == ["changed.txt"]
    again = client.get(confirm.removesuffix("/confirm"))  # the preview reloaded: drawn from the same reading
    assert again.status_code == 200 and "≥15次" in again.text and reads == ["changed.txt"]
    done = client.post(confirm, data={"csrf_token": csrf_of(client, "/upload")})
    assert "已导入「changed.txt」" in done.text
    assert reads == ["changed.txt"]  # one reading for the preview and the import (two until webflow21)
    assert len(web.app.state.upload_readings) == 0  # dropped once imported


def test_bytes_changed_after_the_preview_are_read_again(web: WebEnv, seed_path: Path, tmp_path: Path,
                                                        reads: list[str]) -> None:
    changed = variant(seed_path, tmp_path, "changed.txt", VIDEO, VIDEO_15)
    client = web.client("editor")
    _, confirm = upload(client, changed)
    upload_id = int(re.findall(r"\d+", confirm)[0])
    other = changed.read_text(encoding="utf-8").replace(VIDEO_15, VIDEO_20).encode("utf-8")
    with web.app.state.engine.begin() as connection:  # the stored upload is no longer the bytes previewed
        connection.execute(delete(upload_parts).where(upload_parts.c.upload_id == upload_id))
        connection.execute(insert(upload_parts).values(upload_id=upload_id, part=0, data=other))
        connection.execute(update(uploads).where(uploads.c.id == upload_id)
                           .values(sha256=hashlib.sha256(other).hexdigest()))
    done = client.post(confirm, data={"csrf_token": csrf_of(client, "/upload")})
    assert "已导入「changed.txt」" in done.text
    assert reads == ["changed.txt", "changed.txt"]  # read again: the stored bytes are not those previewed
    page = client.get(f"/projects/{web.project_ids[0]}").text
    row = re.search(r"视频会议保障数量</td>.*?</tr>", page, re.S)
    assert row and "≥20次" in row.group(0)  # what is stored now, never the preview's stale reading


def test_another_process_reads_the_upload_itself(web: WebEnv, seed_path: Path, tmp_path: Path,
                                                 reads: list[str]) -> None:
    changed = variant(seed_path, tmp_path, "changed.txt", VIDEO, VIDEO_15)
    _, confirm = upload(web.client("editor"), changed)
    second = WebEnv(create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32)),
                    web.url, web.project_ids, web.other_project_id)  # serve --workers 2: the other worker
    client = second.client("editor")
    done = client.post(confirm, data={"csrf_token": csrf_of(client, "/upload")})
    assert "已导入「changed.txt」" in done.text and reads == ["changed.txt", "changed.txt"]


def test_the_api_imports_what_its_preview_read(web: WebEnv, seed_path: Path, tmp_path: Path,
                                               reads: list[str]) -> None:
    changed = variant(seed_path, tmp_path, "changed.txt", VIDEO, VIDEO_15)
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    preview = client.post("/api/v1/uploads", headers=headers,
                          files={"file": ("changed.txt", changed.read_bytes(), "text/plain")}).json()
    assert preview["can_import"] and reads == ["changed.txt"]
    done = client.post(f"/api/v1/uploads/{preview['upload_id']}/import", headers=headers)
    assert done.status_code == 200, done.text
    assert done.json()["changed_projects"] == 1 and reads == ["changed.txt"]


def test_a_file_without_its_unit_says_what_to_write_in(web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    """A table naming no unit (many 部门整体 tables, PDFs of them): the preview says where to write it in."""
    text = seed_path.read_text(encoding="utf-8").replace("\t255101天津市和平区人民检察院\n", "\t\n")
    path = tmp_path / "no-unit.txt"
    path.write_text(text, encoding="utf-8")
    preview, confirm = upload(web.client("admin"), path)
    assert "文件中没有读到预算单位" in preview and not confirm
    assert "请在文件的表头（表题下、表格上方）加一行「预算单位：单位编码 单位名称」后重新上传" in preview
    fixed = tmp_path / "with-unit.txt"
    fixed.write_text(text.replace("\t\n", "\t预算单位：255101 天津市和平区人民检察院\n", 1), encoding="utf-8")
    assert upload(web.client("admin"), fixed)[1]  # done so, the file can be imported
