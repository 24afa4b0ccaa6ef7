"""replay-t: the issues' scenarios replayed through the CLI and the API on a fresh store (README's set-up), what
differed between the faces fixed at the root (the use-case layer)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv

runner = CliRunner()


def _bearer(web: WebEnv, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(who)}"}


def _desk(web: WebEnv, pid: int) -> dict[str, object]:
    answer = web.client().get(f"/api/v1/projects/{pid}/desk", headers=_bearer(web, "reviewer"))
    assert answer.status_code == 200, answer.text
    desk: dict[str, object] = answer.json()
    return desk


def test_the_api_names_a_finding_as_desk_decide_does(web: WebEnv) -> None:
    # `perfbudget desk decide P 2` and `… 72039a64` (a number, the key's first 8 characters) worked; the same finding
    # sent to POST /desk/decisions as "2" or "72039a64" was 404 「没有找到该审核发现」: only the CLI resolved them
    pid = web.project_ids[4]
    findings = _desk(web, pid)["findings"]
    assert isinstance(findings, list) and len(findings) >= 3
    second, third = findings[1]["key"], findings[2]["key"]
    by_number = web.client().post(f"/api/v1/projects/{pid}/desk/decisions", headers=_bearer(web, "reviewer"),
                                  json={"key": "2", "decision": "dismissed", "reason": "已核实"})
    assert by_number.status_code == 200, by_number.text
    by_prefix = web.client().post(f"/api/v1/projects/{pid}/desk/decisions", headers=_bearer(web, "reviewer"),
                                  json={"key": third[:8].upper(), "decision": "confirmed", "reason": "属实"})
    assert by_prefix.status_code == 200, by_prefix.text
    decided = {f["key"]: f["decision"] for f in _desk(web, pid)["findings"]}  # type: ignore[attr-defined]
    assert decided[second]["decision"] == "dismissed" and decided[third]["decision"] == "confirmed"
    # the same words refused alike on both faces, in Chinese, nothing saved
    for given, said, status in (("99", "没有第 99 条审核发现", 422), ("abc", "审核发现的标识至少写 8 位", 422),
                                ("ffffffffff", "没有找到该审核发现", 404)):
        api = web.client().post(f"/api/v1/projects/{pid}/desk/decisions", headers=_bearer(web, "reviewer"),
                                json={"key": given, "decision": "dismissed", "reason": "x"})
        assert api.status_code == status and said in api.json()["error"]["message"], api.text
        done = runner.invoke(cli, ["desk", "decide", str(pid), given, "--decision", "dismissed", "--reason", "x",
                                   "--user", "reviewer", "--db", web.url])
        assert done.exit_code == 1 and said in done.output, done.output
    shown = runner.invoke(cli, ["desk", "show", str(pid), "--user", "reviewer", "--db", web.url, "--json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout) == _desk(web, pid)


def test_an_api_edit_refused_as_stale_says_what_the_api_does_and_a_version_that_never_was_is_no_stale_edit(
        web: WebEnv) -> None:
    # the API's 409 ended 「请重新打开编辑页面，在最新版本上再次修改」 (the caller has no edit page), and a base_version
    # of 0 or 99 was answered 「您修改的是第 0 版，但该项目现在已是第 1 版」: a version that never was, not a stale edit
    pid = web.project_ids[3]
    client, editor = web.client(), _bearer(web, "editor")
    shown = client.get(f"/api/v1/projects/{pid}", headers=editor).json()
    document = shown["document"]
    for base in (0, -1, shown["version"] + 1, 99):
        document["projects"][0]["indicators"][0]["target"] = {"raw": "≥91%"}
        wrong = client.put(f"/api/v1/projects/{pid}", headers=editor, json={"base_version": base, "document": document})
        assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "invalid", wrong.text
        said = wrong.json()["error"]["message"]
        assert said == (f"未保存：项目没有第 {base} 版（最新为第 {shown['version']} 版）；"
                        "base_version 应为所修改的版本号"), said
    assert client.get(f"/api/v1/projects/{pid}", headers=editor).json()["latest_version"] == shown["version"]
    first = client.put(f"/api/v1/projects/{pid}", headers=editor,
                       json={"base_version": shown["version"], "document": document})
    assert first.status_code == 200, first.text
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥93%"}
    stale = client.put(f"/api/v1/projects/{pid}", headers=editor,
                       json={"base_version": shown["version"], "document": document})
    assert stale.status_code == 409, stale.text
    said = stale.json()["error"]["message"]
    assert said.endswith(f"请重新读取该项目的最新版本（GET /api/v1/projects/{pid}），在其上再次修改。"), said
    assert "编辑页面" not in said
    # the page's own refusal still sends its user back to the edit page
    from perfbudget.app.edits import stale_message

    assert stale_message(1, 2, via="edit", project_id=pid).endswith("请重新打开编辑页面，在最新版本上再次修改。")


def test_import_json_gives_the_path_given_and_the_name_the_store_keeps_as_the_api_does(
        web: WebEnv, seed_path: Path) -> None:
    # since replay-s the store keeps a command line's file by its name (the history's 导入自, the audit log), but
    # `perfbudget import --json` answered with the path typed alone: `file` the path, `name` what every record says
    copy = Path(str(web.url).removeprefix("sqlite:///")).parent / "子目录" / "目标表.txt"
    copy.parent.mkdir()
    copy.write_text(seed_path.read_text(encoding="utf-8").replace("≥12次", "≥14次", 1), encoding="utf-8")
    done = runner.invoke(cli, ["import", str(copy), "--db", web.url, "--json", "--user", "editor"])
    assert done.exit_code == 0, done.output
    (answer,) = json.loads(done.stdout)["files"]
    assert answer["file"] == str(copy) and answer["name"] == "目标表.txt" and answer["status"] == "imported"
    assert list(answer)[:3] == ["file", "name", "status"]
    pid = next(v["project_id"] for v in answer["versions"] if v["created"])
    history = web.client().get(f"/api/v1/projects/{pid}/history", headers=_bearer(web, "viewer")).json()
    assert history["versions"][-1]["file"] == answer["name"]
    again = runner.invoke(cli, ["import", str(copy), "--db", web.url, "--json"])
    (unchanged,) = json.loads(again.stdout)["files"]
    assert unchanged["status"] == "unchanged" and unchanged["name"] == "目标表.txt" and unchanged["file"] == str(copy)
    # the API's imports answer with both too: an upload's name is what it keeps
    changed = copy.read_bytes().replace("≥14次".encode(), "≥15次".encode())
    upload = web.client().post("/api/v1/uploads", headers=_bearer(web, "editor"), files={"file": ("上传.txt", changed)})
    assert upload.status_code == 200, upload.text
    imported = web.client().post(f"/api/v1/uploads/{upload.json()['upload_id']}/import", headers=_bearer(web, "editor"),
                                 json={})
    assert imported.status_code == 200, imported.text
    assert imported.json()["file"] == imported.json()["name"] == "上传.txt"
    shown = web.client().get("/api/v1/projects/" + str(pid), headers=_bearer(web, "editor")).json()
    document = shown["document"]
    sent = web.client().post("/api/v1/documents", headers=_bearer(web, "editor"),
                             json={**document, "projects": [{**document["projects"][0], "purpose": "改过的用途"}]})
    assert sent.status_code == 200, sent.text
    assert sent.json()["file"] == sent.json()["name"] == "JSON 文档（editor）"


def test_export_takes_a_version_as_the_api_download_does(web: WebEnv, tmp_path: Path) -> None:
    # GET /api/v1/projects/{id}/download/{fmt}?version=N gave any version's 绩效目标表, `perfbudget show --version N`
    # showed it, and `perfbudget export P --version N` was a usage error (「没有选项 --version」)
    pid = web.project_ids[0]
    client, editor = web.client(), _bearer(web, "editor")
    shown = client.get(f"/api/v1/projects/{pid}", headers=editor).json()
    document = shown["document"]
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥30次"}
    assert client.put(f"/api/v1/projects/{pid}", headers=editor,
                      json={"base_version": shown["version"], "document": document}).status_code == 200
    for version in (1, 2):
        for fmt in ("xlsx", "docx", "html", "json"):
            api = client.get(f"/api/v1/projects/{pid}/download/{fmt}?version={version}", headers=editor)
            assert api.status_code == 200, api.text
            written = tmp_path / f"v{version}.{fmt}"
            done = runner.invoke(cli, ["export", str(pid), "--version", str(version), "--to", fmt, "-o", str(written),
                                       "--db", web.url])
            assert done.exit_code == 0, done.output
            assert written.read_bytes() == api.content, (version, fmt)
    assert ("≥30次" in (tmp_path / "v2.json").read_text(encoding="utf-8")
            and "≥30次" not in (tmp_path / "v1.json").read_text(encoding="utf-8"))
    missing = runner.invoke(cli, ["export", str(pid), "--version", "3", "--to", "json", "--db", web.url])
    assert missing.exit_code == 1 and "没有第 3 版" in missing.output, missing.output
    alone = runner.invoke(cli, ["export", "--unit", "255101", "--version", "1", "--to", "json", "--db", web.url])
    assert alone.exit_code == 2 and "--version 须与一个项目一起给出" in alone.output, alone.output


def test_a_json_document_s_review_places_its_findings_as_the_saved_review_does(web: WebEnv) -> None:
    # POST /api/v1/documents answered a review whose findings were placed in 「api」 while the review it saved, the
    # project's version and the history name the document 「JSON 文档（editor）」
    pid = web.project_ids[1]
    client, editor = web.client(), _bearer(web, "editor")
    document = client.get(f"/api/v1/projects/{pid}", headers=editor).json()["document"]
    sent = client.post("/api/v1/documents", headers=editor,
                       json={**document, "projects": [{**document["projects"][0], "purpose": "新的资金用途"}]})
    assert sent.status_code == 200, sent.text
    answered = sent.json()["review"]["findings"]
    assert answered and {f["source"]["file"] for f in answered} == {"JSON 文档（editor）"}
    saved = client.get(f"/api/v1/projects/{pid}/reviews", headers=editor).json()["reviews"][-1]
    report = client.get(f"/api/v1/projects/{pid}/reviews/{saved['id']}", headers=editor).json()["report"]
    assert {f["source"]["file"] for f in report["findings"]} == {"JSON 文档（editor）"}
    assert [f["message"] for f in answered] == [f["message"] for f in report["findings"]]
    dry = client.post("/api/v1/documents?dry_run=true", headers=editor, json=document)
    assert dry.status_code == 200 and {f["source"]["file"] for f in dry.json()["review"]["findings"]} == {
        "JSON 文档（editor）"}


def test_two_files_of_one_name_from_two_folders_are_told_apart_in_the_history(web: WebEnv, seed_path: Path) -> None:
    # the store keeps a file by its name (replay-s): 甲/目标表.txt and 乙/目标表.txt, with different contents, were
    # told apart in `history` by their document numbers only, and on the history page not at all
    import hashlib

    root = Path(str(web.url).removeprefix("sqlite:///")).parent
    seed = seed_path.read_text(encoding="utf-8")
    files = []
    for folder, target in (("甲", "≥16次"), ("乙", "≥17次")):
        path = root / folder / "目标表.txt"
        path.parent.mkdir()
        path.write_text(seed.replace("≥12次", target, 1), encoding="utf-8")
        done = runner.invoke(cli, ["import", str(path), "--db", web.url])
        assert done.exit_code == 0, done.output
        files.append(hashlib.sha256(path.read_bytes()).hexdigest()[:8])
    pid = web.project_ids[0]
    said = runner.invoke(cli, ["history", str(pid), "--db", web.url])
    assert said.exit_code == 0, said.output
    lines = [line for line in said.stdout.splitlines() if "导入自 目标表.txt" in line]
    assert len(lines) == 2 and [f"内容指纹 {f}" in line for line, f in zip(lines, files, strict=True)] == [True, True]
    seed_line = next(line for line in said.stdout.splitlines() if "导入自 000_e2047472f0d7711d.txt" in line)
    assert "内容指纹" not in seed_line  # a name that stands for one content needs none
    api = web.client().get(f"/api/v1/projects/{pid}/history", headers=_bearer(web, "viewer")).json()["versions"]
    assert [v["fingerprint"] for v in api] == [None, *files]
    assert json.loads(runner.invoke(cli, ["history", str(pid), "--db", web.url, "--json"]).stdout)["versions"] == api
    page = web.client("viewer").get(f"/projects/{pid}/history").text
    assert all(f"内容指纹 {f}" in page for f in files)


def test_a_comment_on_a_cell_the_project_has_not_says_which_cells_it_has(web: WebEnv) -> None:
    # `desk comment P --place indicator:99:target` and the API's POST …/desk/comments were told 「请选择单元格」, the
    # page's words for a blank choice, whatever cell they named
    pid = web.project_ids[3]
    count = len(_desk(web, pid)["places"]) - 4  # type: ignore[arg-type]  # name, budget, purpose, goals + 3 an indicator
    indicators = count // 3
    said = (f"没有单元格「indicator:99:target」：可写 name、budget、purpose、goals，或 indicator:序号:"
            f"level3|description|target（序号 1–{indicators}）")
    api = web.client().post(f"/api/v1/projects/{pid}/desk/comments", headers=_bearer(web, "reviewer"),
                            json={"place": "indicator:99:target", "text": "请核实"})
    assert api.status_code == 422 and api.json()["error"]["message"] == said, api.text
    done = runner.invoke(cli, ["desk", "comment", str(pid), "--place", "indicator:99:target", "--text", "请核实",
                               "--user", "reviewer", "--db", web.url])
    assert done.exit_code == 1 and said in done.output, done.output
    assert _desk(web, pid)["comments"] == []


def test_a_unit_not_found_is_told_with_the_face_s_own_way_to_list_the_units(web: WebEnv) -> None:
    # POST /api/v1/units/{id}/merge naming a unit there is not said 「（perfbudget list units 列出单位编码与编号…）」, a
    # command the API's caller may not have: the API names GET /api/v1/units, the CLI its command
    seed_unit = web.client().get("/api/v1/units", headers=_bearer(web, "admin")).json()["items"][0]["id"]
    api = web.client().post(f"/api/v1/units/{seed_unit}/merge", headers=_bearer(web, "admin"),
                            json={"other": "by-id/9999"})
    assert api.status_code == 404, api.text
    assert api.json()["error"]["message"] == (
        "没有找到单位「by-id/9999」（GET /api/v1/units 列出单位编码与编号（id），by-id/编号 指该编号的单位）")
    done = runner.invoke(cli, ["unit", "merge", f"by-id/{seed_unit}", "by-id/9999", "--user", "admin",
                               "--db", web.url])
    assert done.exit_code == 1, done.output
    said = "没有找到单位「by-id/9999」（perfbudget list units 列出单位编码与编号，by-id/编号 指该编号的单位）"
    assert said in done.output
