"""replay-r: the issues' scenarios replayed through the CLI and the API, and the leftovers of replay-q (a unit merged
away, the same project in both units merged, a wrongly imported project deleted), on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.review.review_helpers import GOOD_ROWS, table_file_text
from tests.web.conftest import WebEnv, csrf_of

runner = CliRunner()


def _bearer(web: WebEnv, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(who)}"}


def _table(project: str, unit: str = "预算单位：天津市和平区人民检察院") -> str:
    """A table of one project naming its unit as ``unit`` says (by name only: a web page's copy)."""
    text = table_file_text(GOOD_ROWS, heading=f"1.{project}-2024中央绩效目标表").replace("测试项目-", f"{project}-")
    return text.replace("\t100001测试单位\n", f"\t{unit}\n")


def _units(web: WebEnv) -> dict[str, dict[str, Any]]:
    listed = web.client().get("/api/v1/units", headers=_bearer(web, "admin")).json()["items"]
    return {f"{unit['code'] or ''}/{unit['name']}": unit for unit in listed}


def _import(web: WebEnv, path: Any, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    done = runner.invoke(cli, ["import", str(path), "--db", web.url])
    assert done.exit_code == 0, done.output
    return done.output


def test_a_later_import_naming_a_merged_unit_lands_in_the_unit_it_was_merged_into(any_web: WebEnv,
                                                                                 tmp_path: Any) -> None:
    # replay-q's merge deleted the unit merged away, and a later table naming it (by its name, from a web page's copy)
    # stored that unit anew with its projects as new projects: the merge now keeps the unit's keys (unit_aliases)
    web = any_web
    _import(web, tmp_path / "a.txt", _table("按名称导入的项目"))
    _import(web, tmp_path / "m.txt", _table("中间单位的项目", "预算单位：和平区检察院（中间）"))
    middle = _units(web)["/和平区检察院（中间）"]
    merged = runner.invoke(cli, ["unit", "merge", f"by-id/{middle['id']}", "by-name/天津市和平区人民检察院",
                                 "--db", web.url])
    assert merged.exit_code == 0, merged.output
    client, admin = web.client(), _bearer(web, "admin")
    found = client.get("/api/v1/projects?q=按名称导入的项目", headers=admin).json()["items"]
    assert len(found) == 1 and found[0]["unit"]["name"] == "和平区检察院（中间）", found
    pid = found[0]["id"]
    # the CLI: a changed table of the merged unit is the project's next version there; no unit made again
    said = _import(web, tmp_path / "b.txt", _table("按名称导入的项目").replace("≥12次", "≥13次"))
    assert "新版本 1 个" in said and "已由管理员并入「和平区检察院（中间）（无编码）」" in said, said
    assert "/天津市和平区人民检察院" not in _units(web)
    assert client.get(f"/api/v1/projects/{pid}", headers=admin).json()["latest_version"] == 2
    # merged once more (into 255101): the keys merged into the unit merged away follow it
    again = runner.invoke(cli, ["unit", "merge", "255101", f"by-id/{middle['id']}", "--db", web.url])
    assert again.exit_code == 0, again.output
    said = _import(web, tmp_path / "c.txt", _table("按名称导入的项目").replace("≥12次", "≥14次"))
    assert "已由管理员并入「255101 天津市和平区人民检察院」" in said and "新版本 1 个" in said, said
    # the API's upload: a new project of a merged unit lands in 255101 too
    coded = _units(web)
    assert "/和平区检察院（中间）" not in coded
    before = next(u for k, u in coded.items() if k.startswith("255101/"))["projects"]
    sent = client.post("/api/v1/uploads", headers=admin, files={"file": (
        "d.txt", _table("合并后新报的项目", "预算单位：和平区检察院（中间）").encode(), "text/plain")})
    assert sent.status_code == 200, sent.text
    imported = client.post(f"/api/v1/uploads/{sent.json()['upload_id']}/import", headers=admin)
    assert imported.status_code == 200, imported.text
    new = client.get("/api/v1/projects?q=合并后新报的项目", headers=admin).json()["items"]
    assert len(new) == 1 and new[0]["unit"]["code"] == "255101", new
    after = _units(web)
    assert next(u for k, u in after.items() if k.startswith("255101/"))["projects"] == before + 1
    assert "/和平区检察院（中间）" not in after and "/天津市和平区人民检察院" not in after


def test_a_merge_of_units_holding_the_same_project_names_both_copies_and_the_way_out(any_web: WebEnv,
                                                                                    tmp_path: Any) -> None:
    # two version histories, each with its own workflow, reviews and self-evaluations: the admin chooses which copy
    # counts; the refusal names both projects' numbers and how to resolve it (delete the wrong copy, then merge)
    web = any_web
    _import(web, tmp_path / "a.txt", _table("两边都有的项目"))
    _import(web, tmp_path / "b.txt", _table("两边都有的项目", "255101天津市和平区人民检察院"))
    client, admin = web.client(), _bearer(web, "admin")
    both = client.get("/api/v1/projects?q=两边都有的项目", headers=admin).json()["items"]
    assert len(both) == 2, both
    uncoded = next(p for p in both if p["unit"]["code"] is None)
    coded = next(p for p in both if p["unit"]["code"] == "255101")
    units = _units(web)
    kept = next(u for k, u in units.items() if k.startswith("255101/"))["id"]
    refused = client.post(f"/api/v1/units/{kept}/merge", headers=admin,
                          json={"other": f"by-id/{units['/天津市和平区人民检察院']['id']}"})
    assert refused.status_code == 422, refused.text
    message = refused.json()["error"]["message"]
    assert f"「两边都有的项目」（2024中央，编号 {uncoded['id']} 与 {coded['id']}）" in message, message
    assert "perfbudget project delete 编号" in message and "再合并" in message, message
    assert len(client.get("/api/v1/projects?q=两边都有的项目", headers=admin).json()["items"]) == 2


def _two_tables(unit: str = "预算单位：误导入单位") -> str:
    first = _table("误导入的项目甲", unit)
    second = _table("误导入的项目乙", unit).replace("1.误导入的项目乙", "2.误导入的项目乙")
    return first + second


def test_an_admin_deletes_a_wrongly_imported_project_through_the_cli_the_api_and_the_page(any_web: WebEnv,
                                                                                         tmp_path: Any) -> None:
    # no face could remove a wrongly imported project (replay-q's leftover): app.project_delete, admins only,
    # audited, refused for a submitted or approved table
    web = any_web
    path = tmp_path / "误导入.txt"
    said = _import(web, path, _two_tables())
    assert "新项目 2 个" in said, said
    client, admin = web.client(), _bearer(web, "admin")
    found = {p["name"]: p["id"] for p in client.get("/api/v1/projects?q=误导入的项目",
                                                    headers=admin).json()["items"]}
    first, second = found["误导入的项目甲"], found["误导入的项目乙"]
    # the API: a unit's editor may not (it cannot see the unit: 404; its own unit's project: 403); the admin may
    assert client.delete(f"/api/v1/projects/{first}", headers=_bearer(web, "editor")).status_code == 404
    own = client.delete(f"/api/v1/projects/{web.project_ids[0]}", headers=_bearer(web, "editor"))
    assert own.status_code == 403 and "须由管理员操作" in own.json()["error"]["message"], own.text
    for who in ("reviewer", "viewer"):
        refused = client.delete(f"/api/v1/projects/{first}", headers=_bearer(web, who))
        assert refused.status_code == 403, (who, refused.text)
        browser = web.client(who)
        page_refused = browser.post(f"/projects/{first}/delete", data={
            "csrf_token": csrf_of(browser, f"/projects/{first}"), "confirm": "yes"})
        assert page_refused.status_code == 403 and "不能删除项目" in page_refused.text, (who, page_refused.text[:300])
    gone = client.delete(f"/api/v1/projects/{first}", headers=admin)
    assert gone.status_code == 200, gone.text
    assert gone.json()["versions"] == 1 and "已删除项目「误导入的项目甲」" in gone.json()["message"], gone.text
    assert "另有 1 个文件还含其他项目，保留" in gone.json()["message"]
    assert client.get(f"/api/v1/projects/{first}", headers=admin).status_code == 404
    assert client.delete(f"/api/v1/projects/{first}", headers=admin).status_code == 404
    # the same file again: read again (its fingerprint forgotten), the deleted table back as a new project
    again = runner.invoke(cli, ["import", str(path), "--db", web.url])
    assert again.exit_code == 0 and "新项目 1 个" in again.output and "未变化 1 个" in again.output, again.output
    # the CLI: confirmed by --yes; an account that is not an admin is refused
    by_name = runner.invoke(cli, ["project", "delete", str(second), "--db", web.url])
    assert by_name.exit_code == 1 and "确认无误请加 --yes" in by_name.output, by_name.output
    editor = runner.invoke(cli, ["project", "delete", str(second), "--yes", "--user", "editor", "--db", web.url])
    assert editor.exit_code == 1 and "须由管理员操作" in editor.output, editor.output
    done = runner.invoke(cli, ["project", "delete", str(second), "--yes", "--user", "admin", "--db", web.url])
    assert done.exit_code == 0 and "已删除项目「误导入的项目乙」" in done.output, done.output
    assert client.get(f"/api/v1/projects/{second}", headers=admin).status_code == 404
    audit = runner.invoke(cli, ["audit", "--db", web.url])
    assert "删除项目「误导入的项目甲」" in audit.output and "删除项目「误导入的项目乙」" in audit.output, audit.output
    # the page: the admin's card on a draft project, none for the editor; a checkbox confirms
    back = {p["name"]: p["id"] for p in client.get("/api/v1/projects?q=误导入的项目",
                                                   headers=admin).json()["items"]}["误导入的项目甲"]
    page = web.client("admin")
    assert 'id="project-delete"' in page.get(f"/projects/{back}").text
    assert 'id="project-delete"' not in web.client("editor").get(f"/projects/{web.project_ids[0]}").text
    token = csrf_of(page, f"/projects/{back}")
    unconfirmed = page.post(f"/projects/{back}/delete", data={"csrf_token": token}, follow_redirects=True)
    assert "未删除：请勾选" in unconfirmed.text
    deleted = page.post(f"/projects/{back}/delete", data={"csrf_token": token, "confirm": "yes"},
                        follow_redirects=True)
    assert deleted.status_code == 200 and "已删除项目「误导入的项目甲」" in deleted.text, deleted.text[-2000:]
    assert "单位「误导入单位」已没有项目，一并删除" in deleted.text
    assert "/误导入单位" not in _units(web)


def test_a_submitted_or_approved_project_is_not_deleted(any_web: WebEnv) -> None:
    web = any_web
    client, admin, pid = web.client(), _bearer(web, "admin"), web.project_ids[1]
    steps = [("editor", {"action": "submit", "justification": "已核对"}),
             ("reviewer", {"action": "approve", "version": 1})]
    refusals = ("已送审，不能删除：请审核人员先退回", "有审核通过的第 1 版（正式版本），不能删除")
    for (who, body), said in zip(steps, refusals, strict=True):
        moved = client.post(f"/api/v1/projects/{pid}/workflow", headers=_bearer(web, who), json=body)
        assert moved.status_code == 200, moved.text
        refused = client.delete(f"/api/v1/projects/{pid}", headers=admin)
        assert refused.status_code == 409 and said in refused.json()["error"]["message"], refused.text
        cli_refused = runner.invoke(cli, ["project", "delete", str(pid), "--yes", "--db", web.url])
        assert cli_refused.exit_code == 1 and said in cli_refused.output, cli_refused.output
        assert 'id="project-delete"' not in web.client("admin").get(f"/projects/{pid}").text
    assert client.get(f"/api/v1/projects/{pid}", headers=admin).status_code == 200


def test_a_publication_is_the_same_file_from_the_cli_and_the_api(any_web: WebEnv, tmp_path: Any) -> None:
    # openpyxl and python-docx stamped each zip entry (and the workbook's dates) with the time of saving: the CLI's
    # and the API's publication of the same unit differed at byte 11, as did two downloads of one table
    import time

    web = any_web
    client, pid = web.client(), web.project_ids[0]
    for who, body in (("editor", {"action": "submit", "justification": "已核对"}),
                      ("reviewer", {"action": "approve", "version": 1})):
        moved = client.post(f"/api/v1/projects/{pid}/workflow", headers=_bearer(web, who), json=body)
        assert moved.status_code == 200, moved.text
    year = client.get(f"/api/v1/projects/{pid}", headers=_bearer(web, "admin")).json()["document"]["projects"][0][
        "fund_year"]
    for form in ("xlsx", "docx"):
        out = tmp_path / f"published.{form}"
        made = runner.invoke(cli, ["publish", "--unit", "255101", "--year", str(year), "--to", form, "-o", str(out),
                                   "--db", web.url])
        assert made.exit_code == 0, made.output
        time.sleep(1.1)  # another second: the time of saving was in every entry
        fetched = client.get(f"/api/v1/units/255101/publication/{form}?year={year}", headers=_bearer(web, "admin"))
        assert fetched.status_code == 200, fetched.text
        assert fetched.content == out.read_bytes(), form
        first = client.get(f"/api/v1/projects/{pid}/download/{form}", headers=_bearer(web, "admin")).content
        time.sleep(1.1)
        assert client.get(f"/api/v1/projects/{pid}/download/{form}", headers=_bearer(web, "admin")).content == first
    # the 审核意见书 (issue 14: `perfbudget desk opinion`, GET /api/v1/projects/{id}/opinion.docx)
    out = tmp_path / "意见书.docx"
    made = runner.invoke(cli, ["desk", "opinion", str(pid), "-o", str(out), "--user", "reviewer", "--db", web.url])
    assert made.exit_code == 0, made.output
    time.sleep(1.1)
    fetched = client.get(f"/api/v1/projects/{pid}/opinion.docx", headers=_bearer(web, "reviewer"))
    assert fetched.status_code == 200 and fetched.content == out.read_bytes()
    # the indicator library's workbook (issue 16: `perfbudget library export`, GET /api/v1/library/export/xlsx)
    out = tmp_path / "指标库.xlsx"
    made = runner.invoke(cli, ["library", "export", "--to", "xlsx", "-o", str(out), "--db", web.url])
    assert made.exit_code == 0, made.output
    time.sleep(1.1)
    fetched = client.get("/api/v1/library/export/xlsx", headers=_bearer(web, "admin"))
    assert fetched.status_code == 200 and fetched.content == out.read_bytes()
