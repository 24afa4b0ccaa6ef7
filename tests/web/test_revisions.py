"""Issue 11 through every face (CLI, pages, API) on one database: an approved project changed by an
import becomes a draft revision (the approved version stays official), an older file never silently
undoes later work, concurrent writers get the stale-version refusal, 送审 over error findings needs a
justification, and self-evaluation is for approved projects."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from perfbudget.interchange import document_to_dict
from perfbudget.load import load_path
from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import approve, project_form, stored_project

runner = CliRunner()
VIDEO = "\t视频会议保障数量\n\t视频会议保障数量\n\t≥12次\n"
VIDEO_15 = "\t视频会议保障数量\n\t视频会议保障数量\n\t≥15次\n"
VIDEO_20 = "\t视频会议保障数量\n\t视频会议保障数量\n\t≥20次\n"


def variant(seed_path: Path, folder: Path, name: str, old: str, new: str) -> Path:
    text = seed_path.read_text(encoding="utf-8")
    assert old in text
    path = folder / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def cli_import(web: WebEnv, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["import", *args, "--db", web.url])
    return result.exit_code, result.stdout, result.stderr


def api(web: WebEnv, user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(user)}"}


def upload(client: object, path: Path) -> tuple[str, str]:
    """Upload a file as the signed-in user: (the preview page, the confirm URL or "")."""
    token = csrf_of(client, "/upload")  # type: ignore[arg-type]
    page = client.post("/upload", data={"csrf_token": token},  # type: ignore[attr-defined]
                       files={"file": (path.name, path.read_bytes(), "text/plain")}, follow_redirects=True)
    found = re.search(r'action="(/upload/\d+/confirm)"', page.text)
    return page.text, found.group(1) if found else ""


def confirm_form(preview: str, token: str, **extra: str) -> dict[str, str]:
    form = dict(re.findall(r'name="(expected_\d+)" value="(\d*)"', preview))
    return {"csrf_token": token, **form, **extra}


def test_an_approved_project_changed_by_a_cli_import_becomes_a_draft_revision(web: WebEnv, seed_path: Path,
                                                                              tmp_path: Path) -> None:
    pid = web.project_ids[0]
    approve(web.app, pid)
    changed = variant(seed_path, tmp_path, "changed.txt", VIDEO, VIDEO_15)
    code, stdout, stderr = cli_import(web, str(changed))
    assert code == 0, stderr
    assert "已审核通过：导入的修改保存为修订稿第 2 版" in stdout and "审核通过的第 1 版仍是正式版本" in stdout
    headers = api(web, "reviewer")
    client = web.client()
    shown = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
    assert (shown["version"], shown["official_version"], shown["latest_version"]) == (1, 1, 2)
    assert shown["revision_pending"] and shown["state"] == "draft"
    assert shown["document"]["projects"][0]["indicators"][0]["target"]["raw"] == "≥12次"
    # The list gives the official version too, and its documentation says so (replay-h: 「项目列表（最新版本）」).
    listed = client.get("/api/v1/projects?limit=1000", headers=headers).json()["items"]
    assert [(p["version"], p["latest_version"]) for p in listed if p["id"] == pid] == [(1, 2)]
    summary = client.get("/api/openapi.json").json()["paths"]["/api/v1/projects"]["get"]["summary"]
    assert "正式版本" in summary and "最新版本" not in summary
    # Shown and exported: the approved version until the revision is approved.
    page = web.client("reviewer").get(f"/projects/{pid}")
    assert "修订稿第 2 版" in page.text and 'id="revision-note"' in page.text
    exported = runner.invoke(cli, ["export", str(pid), "--db", web.url, "--to", "json", "-o", "-"])
    assert exported.exit_code == 0, exported.output
    assert json.loads(exported.stdout)["projects"][0]["indicators"][0]["target"]["raw"] == "≥12次"
    download = web.client("reviewer").get(f"/projects/{pid}/download/json")
    assert download.json()["projects"][0]["indicators"][0]["target"]["raw"] == "≥12次"
    # The history keeps both versions and says who made the revision, and how.
    history = client.get(f"/api/v1/projects/{pid}/history", headers=headers).json()
    assert [v["version"] for v in history["versions"]] == [1, 2]
    assert history["versions"][1]["via"] == "cli"
    assert [e["action"] for e in history["workflow"]] == ["submit", "approve", "revise"]
    listed = runner.invoke(cli, ["history", str(pid), "--db", web.url]).stdout
    assert "admin（网页上传）" in listed and "（命令行导入）" in listed
    # Submitting and approving the revision makes it official.
    editor, reviewer = api(web, "editor"), api(web, "reviewer")
    assert client.post(f"/api/v1/projects/{pid}/workflow", headers=editor,
                       json={"action": "submit"}).json()["state"] == "submitted"
    assert client.post(f"/api/v1/projects/{pid}/workflow", headers=reviewer,
                       json={"action": "approve", "version": 2}).json()["state"] == "approved"
    shown = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
    assert (shown["version"], shown["official_version"], shown["revision_pending"]) == (2, 2, False)


def test_messages_tell_apart_a_units_projects_of_one_name_by_their_fund_label(web: WebEnv, seed_path: Path,
                                                                               tmp_path: Path) -> None:
    """The seed has two 「2024年检察业务经费项目」 (2024市级, 2024中央). A revision or confirmation message that
    named only 「2024年检察业务经费项目」 left the user guessing which of them it meant (replayed 2026-12-04)."""
    pid = web.project_ids[4]
    project, _ = stored_project(web.app, pid)
    assert (project.name, project.fund_label) == ("2024年检察业务经费项目", "2024市级")
    approve(web.app, pid)
    changed = variant(seed_path, tmp_path, "changed.txt", "\t≥120人\n", "\t≥121人\n")
    preview = web.client().post("/api/v1/uploads", headers=api(web, "editor"),
                                files={"file": ("changed.txt", changed.read_bytes(), "text/plain")}).json()
    assert [p["fate"] for p in preview["plan"]].count("revision") == 1
    revision = next(p for p in preview["plan"] if p["fate"] == "revision")
    assert revision["message"].startswith("「2024年检察业务经费项目」（2024市级）已审核通过：导入的修改保存为修订稿"
                                          "第 2 版")
    code, stdout, stderr = cli_import(web, str(changed))
    assert code == 0, stderr
    assert "「2024年检察业务经费项目」（2024市级）已审核通过：导入的修改保存为修订稿第 2 版" in stdout
    # An older copy of the seed now needs confirmation, and the message says which project moved on.
    older = variant(seed_path, tmp_path, "older.txt", "\t≥120人\n", "\t≥120人\n\n")
    code, _, stderr = cli_import(web, str(older))
    assert code == 1 and "「2024年检察业务经费项目」（2024市级）导入的内容与第 1 版相同" in stderr


def test_an_api_document_changing_an_approved_project_says_so_and_keeps_its_evaluation(web: WebEnv,
                                                                                      seed_path: Path) -> None:
    pid = web.project_ids[0]
    approve(web.app, pid)
    client = web.client()
    editor = api(web, "editor")
    project = client.get(f"/api/v1/projects/{pid}", headers=editor).json()["document"]["projects"][0]
    actuals = {"executed": project["budget"]["total"], "indicators": [
        {"position": n, "actual": t["target"]["value"] + (t["target"]["unit"] or "")}
        if t["target"]["kind"] == "quantitative" else {"position": n, "grade": "达成"}
        for n, t in enumerate(project["indicators"], 1)]}
    scored = client.post(f"/api/v1/projects/{pid}/evaluation", headers=editor, json=actuals)
    assert scored.status_code == 200, scored.text
    project, _ = stored_project(web.app, pid)
    document = load_path(seed_path).document
    assert document is not None
    body = document_to_dict(document)
    body["projects"] = [p for p in body["projects"]
                        if p["name"] == project.name and p["fund_label"] == project.fund_label]
    body["projects"][0]["indicators"][0]["target"] = {"raw": "≥18次"}
    dry = client.post("/api/v1/documents?dry_run=true", headers=editor, json=body).json()
    assert dry["plan"][0]["fate"] == "revision" and "修订稿第 2 版" in dry["plan"][0]["message"]
    imported = client.post("/api/v1/documents", headers=editor, json=body)
    assert imported.status_code == 200, imported.text
    assert any("审核通过的第 1 版仍是正式版本" in n for n in imported.json()["notices"])
    # The approved version's self-evaluation stays reachable (page and API), and is still the one evaluated.
    assert client.get(f"/api/v1/projects/{pid}/evaluation", headers=editor).json()["version"] == 1
    assert web.client("editor").get(f"/projects/{pid}/evaluation").status_code == 200
    again = client.post(f"/api/v1/projects/{pid}/evaluation", headers=editor, json=actuals)
    assert again.status_code == 200 and again.json()["version"] == 1


def test_refuse_policy_refuses_the_import_on_every_face(web: WebEnv, seed_path: Path, tmp_path: Path,
                                                        monkeypatch: object) -> None:
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    pid = web.project_ids[0]
    approve(web.app, pid)
    changed = variant(seed_path, tmp_path, "changed.txt", VIDEO, VIDEO_15)
    monkeypatch.setenv("PERFBUDGET_REVISIONS", "refuse")  # type: ignore[attr-defined]
    code, _, stderr = cli_import(web, str(changed))
    assert code == 1 and "不接受对已送审、已审核项目的导入修改" in stderr
    refusing = create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32,
                                    revisions="refuse"))
    refused_env = WebEnv(refusing, web.url, web.project_ids, web.other_project_id)
    document = load_path(changed).document
    assert document is not None
    response = refused_env.client().post("/api/v1/documents", headers=api(refused_env, "editor"),
                                         json=document_to_dict(document))
    assert response.status_code == 409 and response.json()["error"]["code"] == "revision_refused"
    preview, confirm = upload(refused_env.client("editor"), changed)
    assert "不能导入" in preview and confirm == ""
    assert stored_project(web.app, pid)[1] == 1
    refusing.state.engine.dispose()


def test_a_cli_import_names_its_file_not_the_servers_path_to_web_readers(web: WebEnv, seed_path: Path,
                                                                         tmp_path: Path) -> None:
    """A revision brought by ``perfbudget import /srv/…/changed.txt`` was recorded as 「命令行导入「/srv/…/changed.txt」
    带来修订稿…」, shown to every reader on the project page, its history and the dashboard, and the confirmation
    messages of a later upload named it so too (replay-f): now the file's name only, as the 来源 column shows."""
    pid = web.project_ids[0]
    approve(web.app, pid)
    folder = tmp_path / "srv" / "deep"
    folder.mkdir(parents=True)
    changed = variant(seed_path, folder, "changed.txt", VIDEO, VIDEO_15)
    code, _, stderr = cli_import(web, str(changed))
    assert code == 0, stderr
    editor = web.client("editor")
    for path in (f"/projects/{pid}", f"/projects/{pid}/history", "/dashboard"):
        text = editor.get(path).text
        assert "命令行导入「changed.txt」带来修订稿第 2 版" in text and str(tmp_path) not in text, path
    history = web.client().get(f"/api/v1/projects/{pid}/history", headers=api(web, "editor")).json()
    assert history["workflow"][-1]["comment"].startswith("命令行导入「changed.txt」带来修订稿第 2 版")
    older = tmp_path / "older" / "changed.txt"
    older.parent.mkdir()
    older.write_bytes(seed_path.read_bytes())  # the approved content again: would undo the revision
    preview, _ = upload(editor, older)
    assert "命令行导入「changed.txt」" in preview and str(tmp_path) not in preview


def test_the_api_and_the_downloads_give_files_by_name_not_the_servers_path(web: WebEnv, seed_path: Path,
                                                                          tmp_path: Path) -> None:
    """The API's project (its findings' source), history (each version's file), 自评 and 运行监控 (the sheet and
    each indicator's source), and the JSON downloads of pages and API gave the path a CLI import or
    ``evaluate/monitor --save`` was given on the server (replay-f); the pages showed names. Now all names."""
    from perfbudget.evaluate.template import project_key
    from tests.web.test_monitoring import _filled_template

    pid = web.project_ids[0]
    approve(web.app, pid)
    folder = tmp_path / "srv" / "deep"
    folder.mkdir(parents=True)
    assert cli_import(web, str(variant(seed_path, folder, "changed.txt", VIDEO, VIDEO_15)))[0] == 0
    project, _ = stored_project(web.app, pid)
    key = project_key(project)
    lines = ["项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析", f"{key},全年执行数,{project.budget.total},,,"]
    for indicator in project.indicators:
        quantitative = indicator.target.is_quantitative
        lines.append(f"{key},{indicator.level3},{indicator.target.raw.lstrip('≥≤=<>') if quantitative else ''},"
                     f"{'' if quantitative else '达成'},,")
    sheet = folder / "自评.csv"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    saved = runner.invoke(cli, ["evaluate", str(pid), "--db", web.url, "-a", str(sheet), "--save"])
    assert saved.exit_code == 0, saved.output
    monitoring = folder / "监控.xlsx"
    monitoring.write_bytes(_filled_template(web, web.client("editor"), pid))
    saved = runner.invoke(cli, ["monitor", str(pid), "--db", web.url, "-a", str(monitoring), "-m", "6", "--save"])
    assert saved.exit_code == 0, saved.output
    client, headers, editor = web.client(), api(web, "editor"), web.client("editor")
    answers = {path: client.get(f"/api/v1{path}", headers=headers).text for path in (
        f"/projects/{pid}?version=2", f"/projects/{pid}/history", f"/projects/{pid}/evaluation",
        f"/projects/{pid}/monitoring", f"/projects/{pid}/evaluation/download/json",
        f"/projects/{pid}/monitoring/download/json")}
    answers["page 自评 JSON"] = editor.get(f"/projects/{pid}/evaluation/download/json").text
    answers["page 监控 JSON"] = editor.get(f"/projects/{pid}/monitoring/download/json").text
    for where, text in answers.items():
        assert str(tmp_path) not in text, where
    assert '"file":"changed.txt"' in answers[f"/projects/{pid}/history"]
    assert '"actuals_file":"自评.csv"' in answers[f"/projects/{pid}/evaluation"]
    assert '"actuals_file":"监控.xlsx"' in answers[f"/projects/{pid}/monitoring"]
    shown = runner.invoke(cli, ["evaluations", str(pid), "--db", web.url, "--show", "1", "--json"])
    # the CLI keeps the name too, as every face (it kept the path it was given until evalpath)
    assert str(folder) not in shown.stdout and '"actuals_file": "自评.csv"' in shown.stdout, shown.stdout[:500]


def test_an_older_file_does_not_undo_a_web_edit_unless_confirmed(web: WebEnv, seed_path: Path,
                                                                 tmp_path: Path) -> None:
    pid = web.project_ids[0]
    project, version = stored_project(web.app, pid)
    editor = web.client("editor")
    saved = editor.post(f"/projects/{pid}/edit",
                        data=project_form(project, csrf_of(editor, "/account"), version, {1: "≥20次"}))
    assert saved.status_code == 200 and "已保存为第 2 版" in saved.text
    # The seed as first uploaded (a copy under the same name): it would undo the edit.
    older = tmp_path / seed_path.name
    older.write_bytes(seed_path.read_bytes() + b"\n")
    code, _, stderr = cli_import(web, str(older))
    assert code == 1 and "与第 1 版相同" in stderr and "第 2 版（editor 于" in stderr and "网页修改" in stderr
    assert stored_project(web.app, pid)[1] == 2
    preview, confirm = upload(editor, older)
    assert "需确认" in preview and 'id="confirm-overwrite"' in preview and "第 2 版（editor 于" in preview
    token = csrf_of(editor, "/account")
    unconfirmed = editor.post(confirm, data=confirm_form(preview, token), follow_redirects=True)
    assert "未导入" in unconfirmed.text and stored_project(web.app, pid)[1] == 2
    document = load_path(older).document
    assert document is not None
    client = web.client()
    held = client.post("/api/v1/documents", headers=api(web, "editor"), json=document_to_dict(document))
    assert held.status_code == 409 and held.json()["error"]["code"] == "confirmation_required"
    assert any("第 2 版（editor 于" in d for d in held.json()["error"]["details"])
    confirmed = editor.post(confirm, data=confirm_form(preview, token, confirm="1"), follow_redirects=True)
    assert "已导入" in confirmed.text and "已按确认导入" in confirmed.text
    assert stored_project(web.app, pid)[1] == 3
    assert stored_project(web.app, pid)[0].indicators[0].target.raw == "≥12次"


def test_cli_force_applies_the_older_file(web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    pid = web.project_ids[0]
    project, version = stored_project(web.app, pid)
    editor = web.client("editor")
    editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                           {1: "≥20次"}))
    newer = variant(seed_path, tmp_path, seed_path.name, VIDEO, VIDEO_15)  # the same source, made before the edit
    code, _, stderr = cli_import(web, str(newer))
    assert code == 1 and "之后已有更新的第 2 版（editor 于" in stderr
    code, stdout, stderr = cli_import(web, str(newer), "--force")
    assert code == 0, stderr
    assert "已按确认导入" in stdout and stored_project(web.app, pid)[1] == 3


def test_an_edit_racing_an_import_gets_the_stale_refusal(web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    pid = web.project_ids[0]
    project, version = stored_project(web.app, pid)
    editor = web.client("editor")
    form = project_form(project, csrf_of(editor, "/account"), version, {1: "≥20次"})  # the edit page is open
    code, _, stderr = cli_import(web, str(variant(seed_path, tmp_path, "changed.txt", VIDEO, VIDEO_15)))
    assert code == 0, stderr
    stale = editor.post(f"/projects/{pid}/edit", data=form)
    assert stale.status_code == 409 and "现在已是第 2 版" in stale.text
    document = load_path(seed_path).document
    assert document is not None
    body = document_to_dict(document)
    body["projects"] = body["projects"][:1]
    put = web.client().put(f"/api/v1/projects/{pid}", headers=api(web, "editor"),
                           json={"base_version": version, "document": body})
    assert put.status_code == 409 and put.json()["error"]["code"] == "stale_version"
    assert stored_project(web.app, pid)[0].indicators[0].target.raw == "≥15次"


def test_an_import_racing_an_edit_gets_the_stale_refusal(web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    pid = web.project_ids[0]
    editor = web.client("editor")
    changed = variant(seed_path, tmp_path, "changed.txt", VIDEO, VIDEO_15)
    preview, confirm = upload(editor, changed)  # the preview saw version 1
    assert "保存为新版本" in preview
    project, version = stored_project(web.app, pid)
    editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                           {1: "≥20次"}))
    token = csrf_of(editor, "/account")
    refused = editor.post(confirm, data=confirm_form(preview, token, confirm="1"), follow_redirects=True)
    assert "未导入" in refused.text and "他人同时写入" in refused.text
    assert stored_project(web.app, pid)[0].indicators[0].target.raw == "≥20次"


def test_submit_with_error_findings_needs_a_justification(web: WebEnv) -> None:
    client = web.client()
    editor = api(web, "editor")
    with_errors = next(pid for pid in web.project_ids
                       if any(f["severity"] == "error" for f in client.get(
                           f"/api/v1/projects/{pid}", headers=editor).json()["review"]["findings"]))
    refused = client.post(f"/api/v1/projects/{with_errors}/workflow", headers=editor, json={"action": "submit"})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "justification_required"
    page = web.client("editor")
    response = page.post(f"/projects/{with_errors}/workflow",
                         data={"csrf_token": csrf_of(page, "/account"), "action": "submit"}, follow_redirects=True)
    assert "送审说明" in response.text and "不能送审" in response.text
    done = client.post(f"/api/v1/projects/{with_errors}/workflow", headers=editor,
                       json={"action": "submit", "justification": "收入类项目，指标按财政要求保留"})
    assert done.status_code == 200 and done.json()["state"] == "submitted"
    history = client.get(f"/api/v1/projects/{with_errors}/history", headers=editor).json()["workflow"]
    assert history[-1]["justification"] == "收入类项目，指标按财政要求保留"
    assert "收入类项目" in page.get(f"/projects/{with_errors}").text


def test_self_evaluation_is_for_approved_projects_on_every_face(web: WebEnv, tmp_path: Path) -> None:
    pid = web.project_ids[0]
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("项目名称,三级指标,实际完成值\n2024年检察业务信息化运维项目-2024中央,全年执行数,16\n",
                     encoding="utf-8")
    result = runner.invoke(cli, ["evaluate", str(pid), "--db", web.url, "--actuals", str(sheet), "--save"])
    assert "只有审核通过的项目才能自评" in result.stderr or "只有审核通过的项目才能自评" in result.stdout
    page = web.client("editor").get(f"/projects/{pid}/evaluate")
    assert page.status_code == 409 and "只有审核通过的项目才能自评" in page.text
    # monitoring measures the approved targets too: `monitor --save` saved an unapproved project until 2026-12-04
    monitored = runner.invoke(cli, ["monitor", str(pid), "--db", web.url, "--actuals", str(sheet), "-m", "6",
                                    "--save"])
    assert monitored.exit_code == 1 and "未保存：只有审核通过的项目才能运行监控" in monitored.stderr


def test_the_opinion_of_an_approved_project_with_a_revision_pending_says_approved(web: WebEnv, seed_path: Path,
                                                                                  tmp_path: Path) -> None:
    """The 审核意见书 shows the approved (official) version: its decision is 审核通过, with the revision
    named — not the revision's 草稿 as if the version shown had never been approved."""
    import io

    from docx import Document as WordDocument

    pid = web.project_ids[0]
    approve(web.app, pid)
    code, _, stderr = cli_import(web, str(variant(seed_path, tmp_path, "changed.txt", VIDEO, VIDEO_15)))
    assert code == 0, stderr
    reviewer = web.client("reviewer")
    page = reviewer.get(f"/projects/{pid}/opinion.html").text
    expected = "审核通过（修订稿第 2 版草稿，审核通过前第 1 版仍为正式版本）"
    assert "版本：第 1 版" in page and f"<strong>{expected}</strong>" in page
    word = reviewer.get(f"/projects/{pid}/opinion.docx")
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(word.content)).paragraphs)
    assert f"流程状态：{expected}" in text


def test_the_store_commands_help_says_they_take_the_official_version(web: WebEnv, seed_path: Path,
                                                                      tmp_path: Path) -> None:
    """template, evaluate, monitor and export take an approved project's approved version while a revision waits;
    their help said 「各项目的最新版本」 (replayed 2026-12-04)."""
    pid = web.project_ids[0]
    approve(web.app, pid)
    assert cli_import(web, str(variant(seed_path, tmp_path, "changed.txt", VIDEO, VIDEO_15)))[0] == 0
    exported = runner.invoke(cli, ["export", "--unit", "255101", "--year", "2024", "--db", web.url, "--to", "json",
                                   "-o", "-"])
    assert exported.exit_code == 0, exported.output
    first = next(p for p in json.loads(exported.stdout)["projects"] if p["name"] == "2024年检察业务信息化运维项目")
    assert first["indicators"][0]["target"]["raw"] == "≥12次"  # the approved version, not the revision's ≥15次
    for command in ("template", "evaluate", "monitor", "export"):
        shown = " ".join(runner.invoke(cli, [command, "--help"], terminal_width=200).stdout.split())
        assert "正式版本" in shown and "最新版本）" not in shown.split("正式版本")[0], command
