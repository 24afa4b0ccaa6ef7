"""faces-v: what replay-v left differing between the CLI, the API and the pages, fixed at the root (the use-case
layer): a file imported before, the page's refused tables, a refused batch item's state, the face of a workflow
step in the audit log, and ``perfbudget serve``'s own console lines."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import approve, stored_project
from tests.web.test_revisions import VIDEO, VIDEO_15, VIDEO_20, confirm_form, upload, variant

runner = CliRunner()


def _bearer(web: WebEnv, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(who)}"}


def _cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    done = runner.invoke(cli, list(args), env=env)
    return done.exit_code, done.output


def _api_upload(env: WebEnv, path: Path, **body: object) -> tuple[dict[str, object], object]:
    """A file uploaded through the API: its preview, then the answer of its import with ``body``."""
    headers = _bearer(env, "editor")
    preview = env.client().post("/api/v1/uploads", headers=headers,
                                files={"file": (path.name, path.read_bytes(), "text/plain")}).json()
    return preview, env.client().post(f"/api/v1/uploads/{preview['upload_id']}/import", headers=headers, json=body)


def test_the_same_bytes_imported_again_are_unchanged_with_the_same_notice_on_every_face(any_web: WebEnv,
                                                                                        seed_path: Path,
                                                                                        tmp_path: Path) -> None:
    # `perfbudget import` said 未变化 with a notice of the projects that moved on since; the API's and the page's
    # import read the same bytes again and answered 409 confirmation_required / 「未导入：…需确认」
    web, pid = any_web, any_web.project_ids[0]
    first = variant(seed_path, tmp_path, "first.txt", VIDEO, VIDEO_15)
    later = variant(seed_path, tmp_path, "later.txt", VIDEO, VIDEO_20)
    for path in (first, later):
        code, printed = _cli("import", str(path), "--user", "editor", "--db", web.url)
        assert code == 0 and "新版本 1 个" in printed, printed
    version = stored_project(web.app, pid)[1]
    code, printed = _cli("import", str(first), "--user", "editor", "--db", web.url)
    assert code == 0, printed
    (document,) = re.findall(r"first\.txt: 未变化（与文档 (\d+) 是同一文件，已导入过）", printed)
    (notice,) = [line.strip(" ·") for line in printed.splitlines() if "· 未按此文件恢复" in line]
    assert notice.endswith("如要恢复此文件的内容，请强制导入（命令行 --force，网页勾选确认，API force=true）"), notice
    _, answer = _api_upload(web, first)
    assert answer.status_code == 200, answer.text  # type: ignore[attr-defined]
    body = answer.json()  # type: ignore[attr-defined]
    assert (body["status"], body["same_file_as"], body["notices"]) == ("unchanged", int(document), [notice])
    # its tables named as a re-read file's are (the project ids an API client goes on with; none until the lead's
    # follow-up of faces-v): each the version the file made, none created
    assert pid in body["project_ids"] and len(set(body["project_ids"])) == 10, body
    assert not any(v["created"] for v in body["versions"]) and len(body["versions"]) == 10, body["versions"]
    code, printed = _cli("import", str(first), "--user", "editor", "--db", web.url, "--json")
    assert code == 0 and [v["project_id"] for v in json.loads(printed)["files"][0]["versions"]] \
        == body["project_ids"], printed
    editor = web.client("editor")
    preview, confirm = upload(editor, first)
    done = editor.post(confirm, data=confirm_form(preview, csrf_of(editor, "/account")), follow_redirects=True)
    assert f"「first.txt」未变化（与文档 {document} 是同一文件，已导入过）" in done.text, done.text
    assert notice.split("；如要恢复")[0] in done.text and "请重新上传" in done.text
    assert stored_project(web.app, pid)[1] == version  # nothing restored by any face
    forced = _api_upload(web, first, force=True)[1]
    assert forced.json()["status"] == "imported", forced.text  # type: ignore[attr-defined]
    assert stored_project(web.app, pid)[1] == version + 1


def test_a_refused_revision_is_left_out_by_the_layer_for_the_page_and_the_api_with_the_preview_s_versions(
        web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    # the page dropped the refused tables in its own route (renumbering the versions it had shown); the layer left
    # them out for the API's skip_blocked=true but kept the whole file's numbering of `expected`, so that an import
    # naming the preview's versions was refused as stale
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    pid = web.project_ids[0]
    approve(web.app, pid)
    text = seed_path.read_text(encoding="utf-8").replace(VIDEO, VIDEO_15)
    refusing = create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32,
                                    revisions="refuse"))
    env = WebEnv(refusing, web.url, web.project_ids, web.other_project_id)
    try:
        api_file = tmp_path / "api.txt"
        api_file.write_text(text.replace("检察装备经费", "检察装备新经费"), encoding="utf-8")
        preview = env.client().post("/api/v1/uploads", headers=_bearer(env, "editor"),
                                    files={"file": (api_file.name, api_file.read_bytes(), "text/plain")}).json()
        seen = [{"position": f["position"], "latest_version": f["latest_version"]} for f in preview["plan"]]
        done = env.client().post(f"/api/v1/uploads/{preview['upload_id']}/import", headers=_bearer(env, "editor"),
                                 json={"skip_blocked": True, "expected": seen})
        assert done.status_code == 200 and done.json()["new_projects"] == 1, done.text
        page_file = tmp_path / "page.txt"
        page_file.write_text(text.replace("检察装备经费", "检察装备另一经费"), encoding="utf-8")
        editor = env.client("editor")
        shown, confirm = upload(editor, page_file)
        answer = editor.post(confirm, data=confirm_form(shown, csrf_of(editor, "/account")), follow_redirects=True)
        assert "已导入「page.txt」：新项目 1 个" in answer.text, answer.text
        assert "不接受对已送审、已审核项目的导入修改" in answer.text  # the refused table named
        assert stored_project(web.app, pid)[1] == 1  # the approved table untouched by both
    finally:
        refusing.state.engine.dispose()


def test_a_refused_batch_item_gives_the_state_it_stayed_in_on_the_api_and_the_cli(web: WebEnv) -> None:
    # a refused item of a batch answered `state: null`, as if the project had none
    ids = web.project_ids[1:3]
    for pid in ids:
        assert web.client().post(f"/api/v1/projects/{pid}/workflow", headers=_bearer(web, "editor"),
                                 json={"action": "submit", "justification": "已核对"}).status_code == 200
    refused = web.client().post("/api/v1/review/batch", headers=_bearer(web, "reviewer"),
                                json={"projects": [{"project_id": ids[0], "version": 1}], "action": "approve",
                                      "comment": "同意"}).json()
    assert refused["done"] == 1
    again = web.client().post("/api/v1/review/batch", headers=_bearer(web, "reviewer"),
                              json={"project_ids": ids, "action": "return"}).json()
    states = [(r["state"], r["state_label"]) for r in again["results"]]
    assert states == [("approved", "审核通过"), ("submitted", "已送审")], again
    code, printed = _cli("desk", "batch", "return", str(ids[0]), str(ids[1]), "--json", "--user", "reviewer",
                         "--db", web.url)
    assert code == 1 and '"state": "approved"' in printed and '"state": "submitted"' in printed, printed


def test_a_workflow_step_s_audit_entry_names_the_face_that_took_it_on_every_face(web: WebEnv) -> None:
    # an import's entry said its 方式 (命令行导入, 网页上传, 接口导入); a 送审, 审核通过 or 退回 did not say where
    first, second, third = web.project_ids[1:4]
    assert web.client().post(f"/api/v1/projects/{first}/workflow", headers=_bearer(web, "editor"),
                             json={"action": "submit", "justification": "已核对"}).status_code == 200
    code, printed = _cli("workflow", str(second), "submit", "--justification", "已核对", "--user", "editor",
                         "--db", web.url)
    assert code == 0, printed
    editor = web.client("editor")
    page = editor.post(f"/projects/{third}/workflow", data={"action": "submit", "justification": "已核对",
                                                            "csrf_token": csrf_of(editor, "/account")})
    assert page.status_code in (200, 303), page.text
    batch = web.client().post("/api/v1/review/batch", headers=_bearer(web, "reviewer"),
                              json={"projects": [{"project_id": first, "version": 1}], "action": "approve",
                                    "comment": "同意"})
    assert batch.json()["done"] == 1, batch.text
    items = web.client().get("/api/v1/audit?limit=20", headers=_bearer(web, "admin")).json()["items"]
    faces = [(e["action"], e["object_id"], [c["after"] for c in e["changes"] if c["field"] == "操作途径"])
             for e in items if e["action"].startswith("workflow.")]
    assert faces == [("workflow.approve", str(first), ["接口"]), ("workflow.submit", str(third), ["网页"]),
                     ("workflow.submit", str(second), ["命令行"]), ("workflow.submit", str(first), ["接口"])], faces
    code, printed = _cli("audit", "--action", "workflow.submit", "--db", web.url)
    assert code == 0 and printed.count("操作途径：") == 3 and "操作途径：网页" in printed, printed
    assert "操作途径：命令行" in web.client("admin").get("/admin/audit").text


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_says_its_start_and_stop_in_chinese_without_uvicorn_s_own_lines(tmp_path: Path,
                                                                              stop: signal.Signals) -> None:
    # uvicorn's 「INFO: Started server process」「Uvicorn running on http://… (Press CTRL+C to quit)」 and its
    # shutdown lines came beside the command's own Chinese line; the access log is ours (docs/web.md). Stopped by
    # SIGTERM (a service manager, `kill PID`) it said nothing and exited 143 until replay-y: uvicorn raised the signal
    # again after its graceful shutdown, and Python's default for SIGTERM killed the process
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        command = ["serve", "--db", f"sqlite:///{tmp_path / 's.db'}", "--port", str(port)]
        server = subprocess.Popen([sys.executable, "-m", "perfbudget", *command], stdout=sink,
                                  stderr=subprocess.STDOUT, env={**os.environ, "PERFBUDGET_SECRET_KEY": "k" * 40})
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and "perfbudget 网页端" not in log.read_text(encoding="utf-8"):
            assert server.poll() is None, log.read_text(encoding="utf-8")
            time.sleep(0.1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=120) as answer:
            assert answer.status == 200
    finally:
        server.send_signal(stop)
        server.wait(60)
    said = log.read_text(encoding="utf-8")
    assert server.returncode == 0, said
    assert f"perfbudget 网页端：http://127.0.0.1:{port}/" in said and "按 Ctrl+C 停止" in said, said
    # the access log in our words since replay-aa: uvicorn's 「INFO:     127.0.0.1:… - "GET /login HTTP/1.1" 200 OK」
    # (the time in 北京时间, marked, since attack37)
    line = r'\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d 北京时间 请求 127\.0\.0\.1:\d+ "GET /login HTTP/1\.1" 200\n'
    assert re.search(line, said), said
    assert not re.search(r"INFO:|200 OK", said), said
    assert "perfbudget 网页端已停止" in said, said
    assert not re.search(r"Uvicorn running|Started server process|Application startup|Shutting down", said), said
