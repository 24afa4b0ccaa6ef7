"""faces-u: what the CLI and the API did differently (replay-t's leftovers), made one at the use-case layer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import stored_project

runner = CliRunner()
NOT_FOUND = "没有找到该项目（可用 perfbudget list projects --search 文字 查找）"


def _bearer(web: WebEnv, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(who)}"}


def _submit(web: WebEnv, ids: list[int]) -> None:
    editor = web.client("editor")
    for pid in ids:
        editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, f"/projects/{pid}"),
                                                       "action": "submit", "justification": "已核对"})


def _cli(web: WebEnv, *args: str) -> Any:
    return runner.invoke(cli, [*args, "--db", web.url])


def test_desk_batch_does_the_found_projects_and_names_the_missing_as_the_api_does(web: WebEnv) -> None:
    # `perfbudget desk batch approve 3 无此项目` refused the whole batch (「数据库中没有找到项目「无此项目」」) while
    # the API's batch approved the others and named the missing one: both now do the found ones, name the others
    ids = web.project_ids[1:4]
    _submit(web, ids)
    names = [stored_project(web.app, pid)[0].name for pid in ids]
    done = _cli(web, "desk", "batch", "approve", f"{ids[0]}:1", "无此项目", "999999", "--comment", "同意",
                "--user", "reviewer", "--json")
    assert done.exit_code == 1, done.output  # something was left: a reviewer's script sees it
    data = json.loads(done.stdout)
    assert data["done"] == 1 and [r["project_id"] for r in data["results"]] == [ids[0], 999999]
    assert data["results"][1]["message"] == "没有找到该项目"
    assert data["unresolved"] == [{"reference": "无此项目", "message": NOT_FOUND}]
    assert data["message"].startswith(f"已审核通过 1 个项目：「{names[0]}」第 1 版；未处理 2 个：")
    assert "没有找到该项目（「编号 999999」）；" in data["message"]
    assert "（「无此项目」）" in data["message"]
    head = _cli(web, "list", "projects", "--state", "approved", "--json")
    assert [item["id"] for item in json.loads(head.stdout)["items"]] == [ids[0]], head.output
    # the API's batch, given the same numbers, answers alike (its body holds numbers only: nothing unresolved)
    api = web.client().post("/api/v1/review/batch", headers=_bearer(web, "reviewer"),
                            json={"projects": [{"project_id": ids[1], "version": 1},
                                               {"project_id": 999999, "version": 1}],
                                  "action": "approve", "comment": "同意"})
    assert api.status_code == 200, api.text
    assert api.json()["done"] == 1 and api.json()["unresolved"] == []
    said = f"已审核通过 1 个项目：「{names[1]}」第 1 版；未处理 1 个：没有找到该项目（「编号 999999」）"
    assert api.json()["message"] == said
    # by name as well; nothing found at all: exit 1, the name said back
    text = _cli(web, "desk", "batch", "approve", f"{names[2]}:1", "无此项目", "--comment", "同意", "--user", "reviewer")
    assert text.exit_code == 1 and text.output.startswith(f"已审核通过 1 个项目：「{names[2]}」第 1 版"), text.output
    none = _cli(web, "desk", "batch", "approve", "无此项目", "--user", "reviewer")
    assert none.exit_code == 1
    assert none.output.strip() == f"未处理 1 个：{NOT_FOUND}（「无此项目」）"
    # the batch's own refusals still come first: a viewer is refused before any name is looked up
    viewer = _cli(web, "desk", "batch", "approve", "无此项目", "--user", "viewer")
    assert viewer.exit_code == 1 and "只有审核人员可以批量审核" in viewer.output


def test_a_unit_filter_naming_no_unit_says_so_on_both_faces_and_an_empty_unit_stays_an_empty_list(
        web: WebEnv) -> None:
    # `perfbudget list projects --unit 无此单位` and GET /api/v1/projects?unit=无此单位 listed 0 projects, silently
    admin = _bearer(web, "admin")
    for kind, path in (("projects", "/api/v1/projects"), ("queue", "/api/v1/review/queue"),
                       ("evaluations", "/api/v1/evaluations"), ("indicators", "/api/v1/indicators"),
                       ("units", "/api/v1/units")):
        for unit in ("无此单位", "by-id/99999"):
            api = web.client().get(path, headers=admin, params={"unit": unit})
            assert api.status_code == 422, (path, api.text)
            error = api.json()["error"]
            assert error["code"] == "invalid_filter"
            listed = "（GET /api/v1/units 列出单位编码与编号（id），by-id/编号 指该编号的单位）"
            assert error["message"] == f"筛选条件有误：没有找到单位「{unit}」{listed}", error
            assert error["details"][0]["name"] == "unit"
            done = _cli(web, "list", kind, "--unit", unit)
            assert done.exit_code == 1, (kind, done.output)
            assert done.output.strip() == (f"错误：没有找到单位「{unit}」（perfbudget list units 列出单位编码与编号，"
                                           "by-id/编号 指该编号的单位）"), done.output
    # the page says it above the list, its export refuses it (the page listed nothing, silently)
    page = web.client("admin").get("/projects", params={"unit": "无此单位"})
    assert page.status_code == 200 and "没有找到单位「无此单位」（可写单位编码" in page.text
    exported = web.client("admin").get("/lists/projects.csv", params={"unit": "无此单位"})
    assert exported.status_code == 422 and "没有找到单位「无此单位」" in exported.text
    # an existing unit whose list is empty is still an empty list, on both faces
    units = web.client().get("/api/v1/units", headers=admin).json()["items"]
    code = next(u["code"] for u in units if u["code"])
    empty = web.client().get("/api/v1/projects", headers=admin, params={"unit": code, "state": "approved"})
    assert empty.status_code == 200 and empty.json()["total"] == 0, empty.text
    listed = _cli(web, "list", "projects", "--unit", code, "--state", "approved")
    assert listed.exit_code == 0 and "共 0 个项目" in listed.output, listed.output
    # a unit-bound token's other units are not found alike (it tells no more than its lists show)
    editor = _bearer(web, "editor")
    own = {u["code"] for u in web.client().get("/api/v1/units", headers=editor).json()["items"]}
    elsewhere = next(u["code"] for u in units if u["code"] and u["code"] not in own)
    other = web.client().get("/api/v1/projects", headers=editor, params={"unit": elsewhere})
    assert other.status_code == 422 and f"没有找到单位「{elsewhere}」" in other.json()["error"]["message"], other.text
    mine = web.client().get("/api/v1/projects", headers=editor, params={"unit": sorted(own)[0]})
    assert mine.status_code == 200 and mine.json()["total"] > 0, mine.text


def test_the_library_merge_and_split_bodies_are_bounded_with_a_chinese_refusal_on_every_face(web: WebEnv) -> None:
    # POST /api/v1/library/groups/{id}/merge took any number of groups of any length (each one looked up); a split
    # of more than 500 names was cut to 500 silently on the page and the API. Now each is refused, nothing changed.
    from perfbudget.app.library import MOST_MERGED, MOST_REFERENCE, MOST_SPLIT, LibraryRefused, merge, split

    token = {"Authorization": f"Bearer {web.token('admin')}"}
    client = web.client()
    before = client.get("/api/v1/library/groups/1", headers=token).json()
    for path, body, said in (
            ("merge", {"others": ["2"] * (MOST_MERGED + 1)}, f"项数过多（至多 {MOST_MERGED} 项）"),
            ("merge", {"others": ["组" * (MOST_REFERENCE + 1)]}, f"文字过长（至多 {MOST_REFERENCE} 个字符）"),
            ("split", {"names": ["名称"] * (MOST_SPLIT + 1)}, f"项数过多（至多 {MOST_SPLIT} 项）")):
        refused = client.post(f"/api/v1/library/groups/1/{path}", headers=token, json=body)
        assert refused.status_code == 422, refused.text
        assert said in json.dumps(refused.json(), ensure_ascii=False), refused.text
    assert client.get("/api/v1/library/groups/1", headers=token).json() == before
    many = runner.invoke(cli, ["library", "merge", "1", *(["2"] * (MOST_MERGED + 1)), "--db", web.url])
    assert many.exit_code == 1, many.output
    assert f"一次最多并入 {MOST_MERGED} 个（给了 {MOST_MERGED + 1} 个），未作任何调整" in many.output
    long = runner.invoke(cli, ["library", "merge", "1", "组" * (MOST_REFERENCE + 1), "--db", web.url])
    assert long.exit_code == 1 and f"过长（{MOST_REFERENCE + 1} 个字符，最多 {MOST_REFERENCE} 个）" in long.output
    store = web.app.state.store
    with pytest.raises(LibraryRefused, match=f"一次最多拆分 {MOST_SPLIT} 个"):
        split(store, None, ["名称"] * (MOST_SPLIT + 1), username="cli")
    with pytest.raises(LibraryRefused, match="过长"):
        merge(store, None, "组" * (MOST_REFERENCE + 1), ["2"], username="cli")
    assert client.get("/api/v1/library/groups/1", headers=token).json() == before


def test_a_unit_cell_holding_code_and_name_together_is_told_to_separate_them_on_every_face(
        web: WebEnv, tmp_path: Path) -> None:
    # 「实施单位 999001区卫生健康局」 is read as a name alone (a code in such a cell is bracketed or ends in 「-」); the
    # refusal's example put the account's code before that name: 「999001999001区卫生健康局」
    corpus = Path(__file__).parents[1] / "fixtures/real/corpus"
    text = (corpus / "01_sichuan-guangyuan-zhaohua-weijian-2021-target-tekunjiating.txt").read_text(encoding="utf-8")
    assert "预算单位 区卫生健康局" in text
    glued = text.replace("预算单位 区卫生健康局", "实施单位 999001区卫生健康局", 1)
    said = ("文件中的单位「999001区卫生健康局」编码与名称连写，读不出单位编码，不能确定是本单位（999001）的表格："
            "请在编码与名称之间加「-」（写成「999001-区卫生健康局」）后重新导入，或请管理员导入")
    other = web.client("other_editor")  # unit 999001
    page = other.post("/upload", data={"csrf_token": csrf_of(other, "/upload")},
                      files={"file": ("目标表.txt", glued.encode("utf-8"), "text/plain")})
    assert said in page.text and "999001999001" not in page.text, page.text[:3000]
    # written as told, the table is the unit's own
    fixed = glued.replace("999001区卫生健康局", "999001-区卫生健康局")
    page = other.post("/upload", data={"csrf_token": csrf_of(other, "/upload")},
                      files={"file": ("目标表.txt", fixed.encode("utf-8"), "text/plain")})
    assert "读不出单位编码" not in page.text and "您只能导入本单位" not in page.text
    # `perfbudget import --user` said only 「您只能导入本单位（999001）的文档」 of a table without a unit code
    document = web.client().get(f"/api/v1/projects/{web.project_ids[0]}",
                                headers=_bearer(web, "admin")).json()["document"]
    for name, told in (("999001区卫生健康局", said),
                       ("区卫生健康局", "文件中的单位「区卫生健康局」没有写单位编码，不能确定是本单位（999001）的表格："
                                        "请在表头的单位名称前写上本单位编码（如「999001-区卫生健康局」）后重新导入")):
        document["unit"] = {"code": None, "name": name}
        path = tmp_path / "目标表.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        done = _cli(web, "import", str(path), "--user", "other_editor")
        assert done.exit_code != 0 and told in done.output.replace("\n", ""), done.output
