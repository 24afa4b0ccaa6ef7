"""The same input gives the same stored review and the same evaluation from every face: the CLI
(``import`` + ``review --save``, ``serve``'s catch-up review, ``evaluate --save``), the pages (upload,
sheet upload) and the API (``POST /documents``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from perfbudget.interchange import document_to_dict
from perfbudget.load import load_path
from perfbudget.store import Store
from tests.web.conftest import PASSWORD, WebEnv, csrf_of, make_app
from tests.web.helpers import approve

runner = CliRunner()
P1 = "2024年检察业务信息化运维项目-2024中央"
P1_ROWS = {"全年执行数": "16", "视频会议保障数量": "12次", "信息化设备（系统）巡检次数": "10",
           "信息化系统运维服务验收合格率": "100%", "网络连通率": "99%", "系统故障修复平均响应时间": "3小时",
           "运行系统（软件）维护成本": "17万元", "保障司法工作正常开展": "|达成",
           "信息化设备（系统）正常使用年限": "6年", "服务干警满意度": "96%"}


def without_sources(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_sources(v) for k, v in value.items() if k != "source"}
    if isinstance(value, list):
        return [without_sources(v) for v in value]
    return value


def stored_reviews(url: str) -> dict[tuple[str | None, str, str | None], dict[str, Any]]:
    """Each project's newest stored review payload, findings without their file (the file name differs)."""
    out = {}
    with Store(url) as store:
        for item in store.projects(limit=None)["items"]:
            reviews = store.reviews(item["id"])
            assert reviews, f"project {item['name']} has no stored review"
            record = store.review(reviews[-1]["id"])
            assert record is not None
            payload = record["payload"]
            findings = [{k: v for k, v in f.items() if k != "source"} for f in payload["findings"]]
            out[(item["unit_code"], item["name"], item["fund_label"])] = {"projects": payload["projects"],
                                                                          "findings": findings}
    return out


def test_the_same_table_gets_the_same_stored_review_from_every_face(web: WebEnv, seed_path: Path,
                                                                    tmp_path: Path) -> None:
    from perfbudget.app.accounts import create_token, create_user
    from perfbudget.app.reviews import review_unreviewed
    from perfbudget.app.roles import Role

    uploaded = stored_reviews(web.url)  # the pages: the seed uploaded and confirmed
    assert len(uploaded) == 11  # ten seed projects and one of another unit

    by_cli = f"sqlite:///{tmp_path / 'cli.db'}"
    assert runner.invoke(cli, ["import", str(seed_path), "--db", by_cli]).exit_code == 0
    assert runner.invoke(cli, ["review", "--db", by_cli, "--save"]).exit_code == 1  # the seed has errors
    from_cli = stored_reviews(by_cli)

    by_serve = f"sqlite:///{tmp_path / 'serve.db'}"
    assert runner.invoke(cli, ["import", str(seed_path), "--db", by_serve]).exit_code == 0
    served = make_app(by_serve)
    assert review_unreviewed(served.state.store, served.state.core, "serve") == 10
    served.state.engine.dispose()
    from_serve = stored_reviews(by_serve)

    by_api = f"sqlite:///{tmp_path / 'api.db'}"
    api_app = make_app(by_api)
    account = create_user(api_app.state.engine, "admin", PASSWORD, Role.ADMIN)
    assert not isinstance(account, str)
    token = create_token(api_app.state.engine, account.id, "test")
    document = load_path(seed_path).document
    assert document is not None
    env = WebEnv(api_app, by_api, [], None)
    response = env.client().post("/api/v1/documents", headers={"Authorization": f"Bearer {token}"},
                                 json=document_to_dict(document))
    assert response.status_code == 200, response.text
    api_app.state.engine.dispose()
    from_api = stored_reviews(by_api)

    seed_only = {key: value for key, value in uploaded.items() if key in from_cli}
    assert len(seed_only) == 10
    assert from_cli == seed_only
    assert from_serve == seed_only
    assert from_api == seed_only


def test_the_same_sheet_gets_the_same_evaluation_from_the_cli_and_the_pages(web: WebEnv, tmp_path: Path) -> None:
    pid = web.project_ids[0]
    approve(web.app, pid)
    sheet = tmp_path / "sheet.csv"
    lines = ["项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析,联系人"]
    for level3, value in P1_ROWS.items():
        actual, _, grade = value.partition("|")
        lines.append(f"{P1},{level3},{actual},{grade},,,张三")
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")  # one extra column: a warning, not an error

    result = runner.invoke(cli, ["evaluate", str(pid), "--db", web.url, "--actuals", str(sheet), "--save",
                                 "--json"])
    assert result.exit_code == 0, result.output
    assert "未知列「联系人」" in result.stderr
    client = web.client("editor")
    page = client.post(f"/projects/{pid}/evaluate/upload", data={"csrf_token": csrf_of(client, "/account")},
                       files={"file": (sheet.name, sheet.read_bytes(), "text/csv")}, follow_redirects=True)
    assert page.status_code == 200, page.text[:2000]
    assert "自评完成" in page.text and "未知列「联系人」" in page.text
    with Store(web.url) as store:
        rows = store.evaluations(pid, kind="self-evaluation")
        assert len(rows) == 2
        cli_row, web_row = (store.evaluation(r["id"]) for r in rows)
    assert cli_row is not None and web_row is not None
    assert (cli_row["total"], cli_row["grade"], cli_row["version"]) == (web_row["total"], web_row["grade"],
                                                                         web_row["version"])
    # Every score, explanation and note is the same; only the sheet's file name differs (a path vs the upload).
    assert without_sources(cli_row["payload"]["projects"]) == without_sources(web_row["payload"]["projects"])
    assert cli_row["payload"]["projects"][0]["indicators"][0]["source"]["line"] == 3
    # Both name the file that brought the scored version (replay-h: the page's and the API's said None).
    assert web_row["payload"]["document_file"] == cli_row["payload"]["document_file"] is not None
