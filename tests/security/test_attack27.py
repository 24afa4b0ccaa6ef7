"""Found by attack27 (2026-12-06) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.security.test_attack25 import _document_named, _units
from tests.web.conftest import OTHER_UNIT, SEED_UNIT, WebEnv

_HEAD = "|项目名称|甲项目|||\n|一级指标|二级指标|三级指标|指标值|\n|产出指标|数量指标|覆盖率|100%|\n"

# Each a text any unit editor may upload, under every reader bound, that reached one of the patterns attack26's scan
# flagged with a long run (docs/security.md, attack27): CPU of the whole upload preview on main at this size in the
# comment, quadratic in the run.
_QUADRATIC_UPLOADS = {
    # indicator_rows.FUSED_SCORE: a target holding 分 (its score fused, ≥95%（10分）), a run of spaces inside — 17 s
    "fused-score": _HEAD + "|效益指标|社会效益指标|满意度|a" + " " * 30_000 + "b分|\n",
    # text_glued._TARGET: a glued indicator line whose target is a run of digits not ending as a target does — 20 s
    "glued-target": "项目名称：甲项目\n一级指标二级指标三级指标指标值\n产出指标数量指标覆盖率" + "1" * 20_000 + "x\n",
    # header_block._LABEL_END: a text beside the project's name, a run of digits not followed by 年 — 12 s
    "label-end": "|项目名称|甲项目|x" + "1" * 60_000 + "|单位名称|乙|\n" + _HEAD[_HEAD.index("\n") + 1:],
    # stated_scores._IN_CELL: a 「label：value」 cell holding 分, a run of spaces inside its value — 13 s
    "score-in-cell": "|项目名称|甲项目|\n|自评得分：9" + " " * 60_000 + "x分|\n" + _HEAD[_HEAD.index("\n") + 1:],
    # review.language._FIGURE (the preview's review): a goal of 20,000 characters (the longest text a document
    # may hold), a run of digits without a unit after it — 4 s
    "review-figure": "|项目名称|甲项目|\n|年度绩效目标|" + "1" * 19_990 + "x|\n" + _HEAD[_HEAD.index("\n") + 1:],
}


@pytest.mark.parametrize("case", sorted(_QUADRATIC_UPLOADS))
def test_long_runs_in_a_cell_are_read_in_linear_time(web: WebEnv, case: str) -> None:
    # Each pattern tried the run again from each of its characters (or, lazily, after each): a match now starts only
    # where such a run starts, or the value is taken whole and stripped (the same matches, compared on 200,000
    # random strings); some 0.1–0.3 s for each upload now.
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    started = time.process_time()
    answer = client.post("/api/v1/uploads", headers=headers,
                         files={"file": (f"{case}.txt", _QUADRATIC_UPLOADS[case].encode())})
    spent = time.process_time() - started
    assert answer.status_code == 200, answer.text[:300]
    assert spent < 3, (case, spent)


def _refusals(web: WebEnv) -> list[dict[str, Any]]:
    client = web.client()
    answer = client.get("/api/v1/audit", headers={"Authorization": f"Bearer {web.token('admin')}"},
                        params={"action": "document.refused", "limit": 100})
    assert answer.status_code == 200, answer.text[:300]
    return list(answer.json()["items"])


def test_a_dry_run_refuses_another_units_name_as_the_import_does(any_web: WebEnv) -> None:
    # POST /api/v1/documents?dry_run=true answered 200 「changed」 for a document naming the editor's unit by another
    # unit's name, which the import then refused (attack25, attack26's note): the same 403 and words now, nothing
    # stored, and (a dry run is no import) no refusal logged.
    web = any_web
    token = web.token("editor")
    headers = {"Authorization": f"Bearer {token}"}
    client = web.client()
    other_name = _units(web)[OTHER_UNIT]
    document = _document_named(web, token, other_name)
    dry = client.post("/api/v1/documents", headers=headers, params={"dry_run": "true"}, json=document)
    assert not _refusals(web)
    real = client.post("/api/v1/documents", headers=headers, json=document)
    assert real.status_code == 403 and "已是另一个单位的名称" in real.json()["error"]["message"], real.text[:300]
    assert (dry.status_code, dry.json()) == (real.status_code, real.json())
    assert _units(web)[OTHER_UNIT] == other_name and _units(web)[SEED_UNIT] != other_name
    # a name of its own is a dry run's 「changed」 as before
    own = client.post("/api/v1/documents", headers=headers, params={"dry_run": "true"},
                      json=_document_named(web, token, "本单位的新名称"))
    assert own.status_code == 200 and [f["fate"] for f in own.json()["plan"]] == ["changed"], own.text[:300]


def test_every_refused_import_leaves_an_audit_entry_without_its_content(any_web: WebEnv) -> None:
    # A refused import left no trace in the audit log: another unit's name, another unit's table, a role that may not
    # import, a document with errors, an approved table (no revisions taken). One 「导入被拒绝」 entry each now: who,
    # when, which file, why — never the refused document's content. Shown on the admin's audit page too.
    web = any_web
    token = web.token("editor")
    headers = {"Authorization": f"Bearer {token}"}
    client = web.client()
    other_name = _units(web)[OTHER_UNIT]
    secret = "机密的项目内容XYZ"
    named = _document_named(web, token, other_name)
    named["projects"][0]["purpose"] = secret
    assert client.post("/api/v1/documents", headers=headers, json=named).status_code == 403
    other_unit = _document_named(web, token, "某单位") | {"unit": {"code": OTHER_UNIT, "name": other_name}}
    assert client.post("/api/v1/documents", headers=headers, json=other_unit).status_code == 403
    viewer = {"Authorization": f"Bearer {web.token('viewer')}"}
    assert client.post("/api/v1/documents", headers=viewer, json=_document_named(web, token, "某单位")).status_code \
        == 403
    broken = _document_named(web, token, "本单位") | {"projects": [{"name": secret, "indicators": "x"}]}
    assert client.post("/api/v1/documents", headers=headers, json=broken).status_code == 422
    table = client.get(f"/api/v1/projects/{web.project_ids[0]}/download/html", headers=headers).content
    uploaded = client.post("/api/v1/uploads", headers=headers, files={
        "file": ("他人单位名称.html", table.replace(_units(web)[SEED_UNIT].encode(), other_name.encode()))})
    assert client.post(f"/api/v1/uploads/{uploaded.json()['upload_id']}/import", headers=headers).status_code == 403
    entries = _refusals(web)
    assert len(entries) == 5, [e["summary"] for e in entries]
    assert {e["user"] for e in entries} == {"editor", "viewer"} and all(e["at"] and e["ip"] for e in entries)
    assert all(e["action_label"] == "导入被拒绝" for e in entries)
    upload_entry = entries[0]  # newest first
    assert upload_entry["after"]["file"] == "他人单位名称.html" and upload_entry["unit_code"] == SEED_UNIT
    assert "已是另一个单位的名称" in upload_entry["summary"], upload_entry
    assert any("您只能导入本单位" in e["summary"] for e in entries)
    assert any("不能导入文档" in e["summary"] and e["user"] == "viewer" for e in entries)
    assert secret not in str(entries)
    page = web.client("admin").get("/admin/audit", params={"action": "document.refused"})
    assert page.status_code == 200 and "导入被拒绝" in page.text and "他人单位名称.html" in page.text


def test_a_control_turning_text_around_is_refused_in_a_document(web: WebEnv) -> None:
    # A project named 「甲项目\u202egpj.exe」 (U+202E, RIGHT-TO-LEFT OVERRIDE) was imported as it is: every page, list,
    # history line, flash message and opinion naming it showed 「甲项目exe.jpg」 and turned the words after it around
    # (「已导入「…」：新项目 1 个」). Refused now in any text of a document, saying which character and where; a
    # zero-width space or full-width digits are ordinary text (real tables hold them) and stay taken.
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    head = "|单位名称|255101测试单位|||\n|项目名称|{name}|||\n|一级指标|二级指标|三级指标|指标值|\n"
    upload = client.post("/api/v1/uploads", headers=headers, files={"file": ("rtl.txt", (
        head.format(name="甲项目\u202egpj.exe") + "|产出指标|数量指标|覆盖率|100%|\n").encode())})
    blocked = upload.json()["blocked_tables"]
    assert upload.status_code == 200 and len(blocked) == 1, upload.text[:300]
    assert "projects[0].name：含有改变文字显示方向的控制字符（U+202E，第 4 个字符）" in blocked[0]["reason"], blocked
    assert client.post(f"/api/v1/uploads/{upload.json()['upload_id']}/import", headers=headers).status_code == 422
    token = web.token("editor")
    for text in ("\u2067调整\u2069", "\u202a调整"):
        document = _document_named(web, token, _units(web)[SEED_UNIT])
        document["projects"][0]["purpose"] = text
        refused = client.post("/api/v1/documents", headers=headers, json=document)
        assert refused.status_code == 422 and "改变文字显示方向" in refused.text, refused.text[:300]
    taken = client.post("/api/v1/uploads", headers=headers, files={"file": ("ok.txt", (
        head.format(name="甲\u200b项目１２３") + "|产出指标|数量指标|覆盖率|100%|\n").encode())})
    assert taken.json()["blocked_tables"] == [] and taken.json()["plan"], taken.text[:300]


def test_an_approved_table_refused_by_the_deployment_leaves_an_audit_entry(web: WebEnv) -> None:
    # PERFBUDGET_REVISIONS=refuse: an import changing an approved project is refused (409 revision_refused) — and was
    # not logged either.
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig
    from tests.web.helpers import approve

    pid = web.project_ids[0]
    approve(web.app, pid)
    refusing = WebEnv(create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32,
                                           revisions="refuse")), web.url, web.project_ids, web.other_project_id)
    token = refusing.token("editor")
    document = _document_named(refusing, token, _units(refusing)[SEED_UNIT])
    answer = refusing.client().post("/api/v1/documents", headers={"Authorization": f"Bearer {token}"}, json=document)
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "revision_refused", answer.text[:300]
    entries = _refusals(refusing)
    assert len(entries) == 1 and entries[0]["user"] == "editor", entries
    assert "不接受对已送审、已审核项目的导入修改" in entries[0]["summary"], entries[0]
    assert entries[0]["after"]["via"] == "api" and entries[0]["unit_code"] == SEED_UNIT


def test_an_upload_left_with_no_importable_table_leaves_an_audit_entry(any_web: WebEnv) -> None:
    # The upload page's own refusal, 「没有可以导入的表格」 (every table of the file refused: here its only table
    # changes an approved project, PERFBUDGET_REVISIONS=refuse), was logged by attack27 without a test: one
    # 「导入被拒绝」 entry naming the file, the page, the unit and the table's reason, and nothing imported.
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig
    from tests.web.conftest import csrf_of
    from tests.web.helpers import approve, stored_project

    web = any_web
    pid = web.project_ids[0]
    approve(web.app, pid)
    refusing = WebEnv(create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32,
                                           revisions="refuse")), web.url, web.project_ids, web.other_project_id)
    client = refusing.client("editor")
    table = client.get(f"/projects/{pid}/download/html")
    assert table.status_code == 200 and "≥12次" in table.text, table.text[:300]
    changed = table.text.replace("≥12次", "≥15次").encode()
    token = csrf_of(client, "/upload")
    preview = client.post("/upload", data={"csrf_token": token},
                          files={"file": ("改过的表.html", changed, "text/html")}, follow_redirects=True)
    assert preview.status_code == 200 and "不接受对已送审、已审核项目的导入修改" in preview.text, preview.text[:3000]
    upload_id = str(preview.url).rstrip("/").rsplit("/", 1)[-1]
    assert upload_id.isdigit(), preview.url
    assert not _refusals(refusing)  # a preview is no import
    page = client.post(f"/upload/{upload_id}/confirm", data={"csrf_token": token}, follow_redirects=True)
    assert "没有可以导入的表格" in page.text, page.text[:3000]
    assert stored_project(web.app, pid)[1] == 1  # nothing imported
    entries = _refusals(refusing)
    assert len(entries) == 1, [e["summary"] for e in entries]
    (entry,) = entries
    assert (entry["user"], entry["after"]["via"], entry["after"]["file"], entry["unit_code"]) == (
        "editor", "upload", "改过的表.html", SEED_UNIT)
    assert entry["summary"].startswith("导入「改过的表.html」被拒绝：") and entry["ip"], entry
    assert "不接受对已送审、已审核项目的导入修改" in entry["summary"] and entry["after"]["reason_count"] == 1
    refusing.app.state.engine.dispose()
