"""API files: upload (any readable form) → preview → import with the web's rules; downloads of the
绩效目标表 (project, unit publication) and the 自评表 in xlsx/docx/html/json."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import jsonschema
from openpyxl import load_workbook
from typer.testing import CliRunner

from perfbudget.cli import app as cli
from perfbudget.interchange import document_from_dict
from perfbudget.load import load_bytes
from perfbudget.model import Document
from perfbudget.writers.target_table_export import render
from tests.web.conftest import WebEnv
from tests.web.helpers import approve

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "interchange.schema.json").read_text("utf-8"))
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def auth(web: WebEnv, user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(user)}"}


def renamed(document: Document, position: int, name: str) -> Document:
    projects = list(document.projects)
    projects[position] = replace(projects[position], name=name, name_cell=None)
    return replace(document, projects=tuple(projects))


def with_target(document: Document, position: int, raw: str) -> Document:
    project = document.projects[position]
    first = replace(project.indicators[0], target=replace(project.indicators[0].target, raw=raw))
    projects = list(document.projects)
    projects[position] = replace(project, indicators=(first, *project.indicators[1:]))
    return replace(document, projects=tuple(projects))


def upload(web: WebEnv, user: str, name: str, data: bytes, media: str = DOCX) -> dict:
    response = web.client().post("/api/v1/uploads", headers=auth(web, user), files={"file": (name, data, media)})
    assert response.status_code == 200, response.text
    return response.json()


def test_upload_a_word_file_preview_then_import(web: WebEnv, seed_document: Document) -> None:
    client, headers = web.client(), auth(web, "editor")
    data = render(renamed(seed_document, 0, "接口上传的新项目"), "docx", original=True)
    preview = upload(web, "editor", "上传.docx", data)
    assert preview["form"] == "docx" and preview["read_ok"] and preview["can_import"]
    assert preview["document"]["projects"][0]["name"] == "接口上传的新项目"
    assert [f["fate"] for f in preview["plan"]] == ["new"] + ["unchanged"] * 9
    assert preview["review"]["findings"] and not preview["needs_confirmation"]
    again = client.get(f"/api/v1/uploads/{preview['upload_id']}", headers=headers).json()
    assert again["plan"] == preview["plan"]
    # Another editor never sees someone else's upload.
    assert client.get(f"/api/v1/uploads/{preview['upload_id']}", headers=auth(web, "admin")).status_code == 404
    done = client.post(f"/api/v1/uploads/{preview['upload_id']}/import", headers=headers)
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "imported" and done.json()["new_projects"] == 1
    assert done.json()["unchanged_projects"] == 9 and len(done.json()["project_ids"]) == 10
    assert client.get(f"/api/v1/uploads/{preview['upload_id']}", headers=headers).status_code == 404
    listing = client.get("/api/v1/projects?limit=100", headers=headers).json()
    assert listing["total"] == 11 and "接口上传的新项目" in {p["name"] for p in listing["items"]}


def test_upload_confirmation_revision_and_stale_version(web: WebEnv, seed_document: Document) -> None:
    client, headers = web.client(), auth(web, "editor")
    pid = web.project_ids[0]
    # A web/API edit of project 1, then a file bringing other content for it: needs confirmation.
    got = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
    document = got["document"]
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥15次"}
    assert client.put(f"/api/v1/projects/{pid}", headers=headers,
                      json={"base_version": got["version"], "document": document}).status_code == 200
    data = render(with_target(seed_document, 0, "≥16次"), "xlsx", original=True)
    preview = upload(web, "editor", "改.xlsx", data, XLSX)
    assert preview["form"] == "xlsx" and preview["needs_confirmation"] and preview["plan"][0]["fate"] == "confirm"
    url = f"/api/v1/uploads/{preview['upload_id']}/import"
    refused = client.post(url, headers=headers)
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "confirmation_required"
    assert "覆盖" in refused.json()["error"]["details"][0]
    # The preview's versions: another writer in between → stale.
    stale = client.post(url, headers=headers, json={"force": True, "expected": [{"position": 1, "latest_version": 1}]})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale_version"
    forced = client.post(url, headers=headers, json={"force": True, "expected": [
        {"position": f["position"], "latest_version": f["latest_version"]} for f in preview["plan"]]})
    assert forced.status_code == 200, forced.text
    assert forced.json()["changed_projects"] == 1 and any("已按确认导入" in n for n in forced.json()["notices"])
    # An approved project: the file's change becomes a draft revision.
    approve(web.app, web.project_ids[1])
    revision = upload(web, "editor", "修订.docx", render(with_target(seed_document, 1, "≥77次"), "docx", original=True))
    assert revision["plan"][1]["fate"] == "revision" and "修订稿" in revision["plan"][1]["message"]
    done = client.post(f"/api/v1/uploads/{revision['upload_id']}/import", headers=headers, json={"force": True})
    assert done.status_code == 200 and any("修订稿" in n for n in done.json()["notices"])
    head = client.get(f"/api/v1/projects/{web.project_ids[1]}", headers=headers).json()
    assert head["revision_pending"] and head["version"] == head["official_version"] < head["latest_version"]


def test_another_units_file_tells_nothing_of_that_units_stored_projects(any_web: WebEnv,
                                                                         seed_document: Document) -> None:
    """Replayed on PostgreSQL (replay-d): another unit's editor uploading a copy of a unit's file got the
    plan against the stored projects — their ids and versions, which tables equal the stored ones (an
    oracle for any guessed target), who changed them last and when. Refused files get no plan."""
    web = any_web
    data = render(with_target(seed_document, 0, "≥77次"), "docx", original=True)
    other = upload(web, "other_editor", "seed.docx", data)
    assert other["blocked"] and not other["can_import"] and not other["needs_confirmation"]
    assert other["plan"] == [] and other["rest_count"] == 0
    again = web.client().get(f"/api/v1/uploads/{other['upload_id']}", headers=auth(web, "other_editor")).json()
    assert again["blocked"] and again["plan"] == []
    own = upload(web, "editor", "seed.docx", data)  # the unit's own editor still sees the plan
    assert [f["fate"] for f in own["plan"]] == ["changed"] + ["unchanged"] * 9


def test_upload_refusals(web: WebEnv, seed_document: Document) -> None:
    client = web.client()
    data = render(seed_document, "docx", original=True)
    # Another unit's file: previewed with the reason, import forbidden.
    other = upload(web, "other_editor", "seed.docx", data)
    assert other["blocked"] and "本单位" in other["blocked"] and not other["can_import"]
    refused = client.post(f"/api/v1/uploads/{other['upload_id']}/import", headers=auth(web, "other_editor"))
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    viewer = client.post("/api/v1/uploads", headers=auth(web, "viewer"), files={"file": ("a.docx", data, DOCX)})
    assert viewer.status_code == 403
    empty = client.post("/api/v1/uploads", headers=auth(web, "editor"), files={"file": ("a.docx", b"", DOCX)})
    assert empty.status_code == 422 and set(empty.json()["error"]) == {"code", "message", "details"}
    broken = upload(web, "editor", "坏.docx", b"PK\x03\x04 not really a zip")
    assert not broken["read_ok"] and broken["problems"] and not broken["can_import"]
    failed = client.post(f"/api/v1/uploads/{broken['upload_id']}/import", headers=auth(web, "editor"))
    assert failed.status_code == 422 and failed.json()["error"]["code"] == "import_failed"
    gone = client.delete(f"/api/v1/uploads/{broken['upload_id']}", headers=auth(web, "editor"))
    assert gone.json() == {"upload_id": broken["upload_id"], "status": "discarded"}
    anonymous = client.post("/api/v1/uploads", files={"file": ("a.docx", data, DOCX)})
    assert anonymous.status_code == 401


def test_download_the_target_table_in_every_form(web: WebEnv) -> None:
    client, headers = web.client(), auth(web, "viewer")
    pid = web.project_ids[0]
    stored = client.get(f"/api/v1/projects/{pid}", headers=headers).json()["document"]
    name = stored["projects"][0]["name"]
    for fmt in ("xlsx", "docx", "html", "json"):
        response = client.get(f"/api/v1/projects/{pid}/download/{fmt}", headers=headers)
        assert response.status_code == 200, (fmt, response.text[:200])
        assert "attachment" in response.headers["content-disposition"] and fmt in response.headers[
            "content-disposition"]
        if fmt == "json":
            jsonschema.validate(response.json(), SCHEMA)
            assert document_from_dict(response.json(), "a") == document_from_dict(stored, "b")
        elif fmt == "html":
            assert name in response.text
        else:
            read = load_bytes(response.content, f"t.{fmt}")
            assert read.ok and read.document is not None and read.document.projects[0].name == name
    assert client.get(f"/api/v1/projects/{pid}/download/pdf", headers=headers).status_code == 422
    other = client.get(f"/api/v1/projects/{pid}/download/json", headers=auth(web, "other_editor"))
    assert other.status_code == 404 and other.json()["error"]["code"] == "not_found"


def test_download_the_self_evaluation_table(web: WebEnv) -> None:
    client, headers = web.client(), auth(web, "editor")
    pid = web.project_ids[0]
    assert client.get(f"/api/v1/projects/{pid}/evaluation/download/xlsx", headers=headers).status_code == 404
    approve(web.app, pid)
    project = client.get(f"/api/v1/projects/{pid}", headers=headers).json()["document"]["projects"][0]
    indicators = [{"position": i, "actual": (t["target"]["value"] or "") + (t["target"]["unit"] or "")}
                  if t["target"]["kind"] == "quantitative" else {"position": i, "grade": "达成"}
                  for i, t in enumerate(project["indicators"], 1)]
    scored = client.post(f"/api/v1/projects/{pid}/evaluation", headers=headers,
                         json={"executed": project["budget"]["total"], "indicators": indicators})
    assert scored.status_code == 200, scored.text
    for fmt in ("xlsx", "docx", "html", "json"):
        response = client.get(f"/api/v1/projects/{pid}/evaluation/download/{fmt}", headers=headers)
        assert response.status_code == 200, (fmt, response.text[:200])
        if fmt == "json":
            assert response.json()["projects"][0]["total"] == scored.json()["total"]
        elif fmt == "xlsx":
            sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
            assert any(isinstance(c.value, float | int) for row in sheet.iter_rows() for c in row)
        elif fmt == "html":
            assert "自评" in response.text and project["name"] in response.text
        else:
            assert response.content.startswith(b"PK")


def test_download_a_units_publication(web: WebEnv) -> None:
    client, headers = web.client(), auth(web, "viewer")
    url = "/api/v1/units/255101/publication/{fmt}?year=2024"
    nothing = client.get(url.format(fmt="docx"), headers=headers)
    assert nothing.status_code == 404 and "审核通过" in nothing.json()["error"]["message"]
    # The reasons name no CLI command or option, which an API client has not (until 2026-12-04 a year
    # without projects answered 「（可用 perfbudget list projects 查看）」); the CLI keeps its hints.
    empty_year = client.get("/api/v1/units/255101/publication/docx?year=2019", headers=headers)
    assert empty_year.status_code == 404
    for answer in (nothing, empty_year):
        assert "perfbudget" not in answer.json()["error"]["message"] and "--" not in answer.json()["error"]["message"]
    told = CliRunner().invoke(cli, ["publish", "--unit", "255101", "--year", "2019", "--to", "docx", "--db", web.url])
    assert told.exit_code == 1 and "可用 perfbudget list projects 查看" in told.stderr
    for pid in (web.project_ids[0], web.project_ids[4]):  # two projects of 2024
        approve(web.app, pid)
    for fmt in ("xlsx", "docx", "html", "json"):
        response = client.get(url.format(fmt=fmt), headers=headers)
        assert response.status_code == 200, (fmt, response.text[:200])
        if fmt == "xlsx":
            assert len(load_workbook(io.BytesIO(response.content)).worksheets) == 2
        elif fmt == "docx":
            read = load_bytes(response.content, f"u.{fmt}")
            assert read.ok and read.document is not None and len(read.document.projects) == 2
        elif fmt == "json":
            jsonschema.validate(response.json(), SCHEMA)
            assert len(response.json()["projects"]) == 2
    hidden = client.get(url.format(fmt="docx"), headers=auth(web, "other_editor"))
    assert hidden.status_code == 404


def test_upload_over_the_size_limit_is_refused(web: WebEnv) -> None:
    config = web.app.state.config
    web.app.state.config = replace(config, limits=replace(config.limits, max_file_bytes=1024 * 1024))
    response = web.client().post("/api/v1/uploads", headers=auth(web, "editor"),
                                 files={"file": ("big.txt", b"x" * (1024 * 1024 + 1), "text/plain")})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
    assert "1 MB" in response.json()["error"]["message"]


def test_upload_ids_are_never_given_again_and_old_ones_are_a_clear_404(web: WebEnv, seed_document: Document) -> None:
    """Until 2026-12-04 an upload's id was the next of a sequence, and SQLite gave the id of a finished (imported
    or discarded) upload to the next one: /upload/{old id} then showed another file. Now ids are drawn at
    random (53 bits), an old one is 404 with a message saying why, and a pending upload still resolves."""
    from sqlalchemy import insert, select

    from perfbudget.store.account_tables import users
    from perfbudget.store.engine import write_transaction
    from perfbudget.store.schema import utc_now
    from perfbudget.web.tables import upload_parts
    from perfbudget.web.tables import uploads as uploads_table
    from perfbudget.web.uploads import GONE

    client, headers = web.client(), auth(web, "editor")
    data = render(renamed(seed_document, 0, "接口上传的新项目"), "docx", original=True)
    first = upload(web, "editor", "一.docx", data)["upload_id"]
    assert client.delete(f"/api/v1/uploads/{first}", headers=headers).status_code == 200
    second = upload(web, "editor", "二.docx", data)["upload_id"]
    assert second != first and min(first, second) >= 2**32 and max(first, second) < 2**53
    gone = client.get(f"/api/v1/uploads/{first}", headers=headers)
    assert gone.status_code == 404 and gone.json()["error"]["message"] == f"没有找到{GONE}"
    assert client.get(f"/api/v1/uploads/{second}", headers=headers).json()["upload_id"] == second
    page = web.client("editor")
    assert page.get(f"/upload/{second}").status_code == 200  # the page takes the same 53-bit id
    old_page = page.get(f"/upload/{first}")
    assert old_page.status_code == 404 and "已放弃" in old_page.text
    # an upload kept with a sequential id before migration 1300_leftovers5 still resolves
    engine = web.app.state.engine
    with write_transaction(engine, moves=None) as connection:
        user_id = connection.execute(select(users.c.id).where(users.c.username == "editor")).scalar_one()
        connection.execute(insert(uploads_table).values(id=7, user_id=user_id, file_name="旧.docx", sha256="",
                                                        data=b"", created_at=utc_now()))
        connection.execute(insert(upload_parts).values(upload_id=7, part=0, data=data))
    assert client.get("/api/v1/uploads/7", headers=headers).json()["file"] == "旧.docx"
    ids = {upload(web, "editor", f"{n}.docx", data)["upload_id"] for n in range(5)}
    assert len(ids) == 5 and not ids & {first, second, 7}


def test_the_api_keeps_uploads_as_long_as_the_configured_hours(web: WebEnv, seed_document: Document) -> None:
    """Until 2026-12-04 the API looked an upload up with the default 24 hours, whatever ``upload_hours`` said: an
    upload the page called expired was still previewed and imported through the API."""
    from dataclasses import replace as changed
    from datetime import timedelta

    from sqlalchemy import update

    from perfbudget.store.engine import write_transaction
    from perfbudget.store.schema import utc_now
    from perfbudget.web.tables import uploads as uploads_table

    client, headers = web.client(), auth(web, "editor")
    data = render(renamed(seed_document, 0, "接口上传的新项目"), "docx", original=True)
    upload_id = upload(web, "editor", "一.docx", data)["upload_id"]
    with write_transaction(web.app.state.engine, moves=None) as connection:
        connection.execute(update(uploads_table).where(uploads_table.c.id == upload_id)
                           .values(created_at=utc_now() - timedelta(hours=3)))
    assert client.get(f"/api/v1/uploads/{upload_id}", headers=headers).status_code == 200  # 3 h < 24 h
    web.app.state.config = changed(web.app.state.config, upload_hours=2)
    assert client.get(f"/api/v1/uploads/{upload_id}", headers=headers).status_code == 404
    assert web.client("editor").get(f"/upload/{upload_id}").status_code == 404  # the page says the same


def test_a_cut_table_refused_on_import_is_named_with_its_line(web: WebEnv, seed_path: Path) -> None:
    """The CLI says 「cut.txt:50: 错误：项目…的表格不完整」; the API's 422 said only the message, without the line."""
    cut = "\n".join(seed_path.read_text(encoding="utf-8").splitlines()[:50]) + "\n"  # project 1 cut, nothing else
    preview = upload(web, "editor", "cut.txt", cut.encode())
    refused = web.client().post(f"/api/v1/uploads/{preview['upload_id']}/import", headers=auth(web, "editor"),
                                json={})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "import_failed"
    details = refused.json()["error"]["details"]
    assert any(d.startswith("第50行：") and "2024年检察业务信息化运维项目" in d and "不完整" in d
               for d in details), details


def test_the_preview_of_a_lone_cut_table_agrees_with_its_import(web: WebEnv, seed_path: Path) -> None:
    """The preview said ``can_import`` of a file whose only table is cut, and the import answered 422: now
    ``can_import`` is false, ``needs_allow_partial`` true, and the import with ``allow_partial`` stores it."""
    cut = "\n".join(seed_path.read_text(encoding="utf-8").splitlines()[:50]).replace("检察业务", "检察新业务") + "\n"
    preview = upload(web, "editor", "lone-cut.txt", cut.encode())
    assert preview["incomplete"] and preview["needs_allow_partial"] and not preview["can_import"], preview
    assert [f["fate"] for f in preview["plan"]] == ["incomplete"]
    client, headers = web.client(), auth(web, "editor")
    refused = client.post(f"/api/v1/uploads/{preview['upload_id']}/import", headers=headers, json={})
    assert refused.status_code == 422
    saved = client.post(f"/api/v1/uploads/{preview['upload_id']}/import", headers=headers,
                        json={"allow_partial": True})
    assert saved.status_code == 200 and saved.json()["status"] == "imported", saved.text
    whole = upload(web, "editor", "whole.txt", seed_path.read_bytes())  # complete tables: importable as they are
    assert whole["can_import"] and not whole["needs_allow_partial"]
