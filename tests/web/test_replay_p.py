"""replay-p: the night's left-overs done in the use-case layer, each on the CLI and the API, on SQLite and
PostgreSQL: a typed fund split checked on every face's edit, a workflow step naming its project, a refused filter
echoed short, ``perfbudget user tokens --user``."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv

runner = CliRunner()


def _bearer(web: WebEnv, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(who)}"}


def test_an_api_edit_of_the_amounts_is_refused_when_the_split_does_not_add_up(any_web: WebEnv) -> None:
    # webflow26 refused 元 typed into a form of 万元 on the web's forms only: the API's PUT saved 预算数 160000 beside
    # 财政资金 16 without a word (a version of 16 亿). Now the edit use case refuses it for every face.
    web = any_web
    api, editor = web.client(), _bearer(web, "editor")
    pid = web.project_ids[0]
    got = api.get(f"/api/v1/projects/{pid}", headers=editor).json()
    document = copy.deepcopy(got["document"])
    budget = document["projects"][0]["budget"]
    total = Decimal(budget["total"])
    budget.update(total="160000", fiscal=budget["total"], other=None)
    refused = api.put(f"/api/v1/projects/{pid}", headers=editor,
                      json={"base_version": got["version"], "document": document})
    said = (f"预算数「160000」不等于财政资金「{budget['fiscal']}」与其他资金「0」之和 {budget['fiscal']}：请核对，"
            "预算数应等于两者之和；两者相差上千倍，可能有一处把元和万元弄混了")
    assert refused.status_code == 422, refused.text
    error = refused.json()["error"]
    assert error["code"] == "invalid" and error["message"] == "未保存：" + said and error["details"] == [said], error
    assert api.get(f"/api/v1/projects/{pid}", headers=editor).json()["version"] == got["version"]  # nothing saved
    # a split that adds up is saved; so is an edit leaving the amounts as they are
    budget.update(total=str(total + 1), fiscal=str(total), other="1")
    saved = api.put(f"/api/v1/projects/{pid}", headers=editor,
                    json={"base_version": got["version"], "document": document})
    assert saved.status_code == 200 and saved.json()["version"] == got["version"] + 1, saved.text
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥15次"}
    again = api.put(f"/api/v1/projects/{pid}", headers=editor,
                    json={"base_version": got["version"] + 1, "document": document})
    assert again.status_code == 200, again.text


def test_a_workflow_step_on_the_command_line_names_its_project(any_web: WebEnv) -> None:
    # 「已送审；项目 6 当前为「已送审」」: the number where the audit log names the project (replay-o)
    web = any_web
    pid = web.project_ids[5]
    done = runner.invoke(cli, ["workflow", str(pid), "submit", "--user", "editor", "--db", web.url])
    assert done.exit_code == 0, done.output
    assert done.output.strip() == "已送审；项目「2024年检察业务经费项目」（2024中央）当前为「已送审」", done.output

    # the command line's other refusals about a stored project name it too (「项目 6 没有第 99 版」 before); the number
    # stays where it is the command to type
    name = "项目「2024年检察业务经费项目」（2024中央）"
    for args, said in ((["show", str(pid), "--version", "99"],
                        f"{name}没有第 99 版（perfbudget history {pid} 列出各版本）"),
                       (["reviews", str(pid), "--show", "99"],
                        f"{name}没有编号为 99 的审核记录（perfbudget reviews {pid} 可列出）"),
                       (["evaluations", str(pid), "--show", "99"],
                        f"{name}没有编号为 99 的评价记录（perfbudget evaluations {pid} 可列出）")):
        refused = runner.invoke(cli, [*args, "--db", web.url])
        assert refused.exit_code == 1 and refused.output.strip() == f"错误：{said}", refused.output


def test_a_refused_filter_is_echoed_short(any_web: WebEnv) -> None:
    # a 5,000-character q was echoed whole in the 422's details (5 KB); now its first 40 characters, escaped
    web = any_web
    api, reader = web.client(), _bearer(web, "admin")
    for path in ("/api/v1/projects", "/api/v1/units", "/api/v1/indicators"):
        answer = api.get(path, headers=reader, params={"q": "水" * 4999 + "\x07"})
        assert answer.status_code == 422 and len(answer.content) < 600, (path, len(answer.content))
        detail = answer.json()["error"]["details"][0]
        assert detail["value"] == "水" * 40 + "…" and f"「{'水' * 40}…」" in detail["message"], detail
    year = api.get("/api/v1/todo", headers=reader, params={"year": "\x1b[31m" + "9" * 3000})
    assert year.status_code == 422 and len(year.content) < 600, len(year.content)
    assert year.json()["error"]["details"][0]["value"] == "\ufffd[31m" + "9" * 35 + "…"
    listed = runner.invoke(cli, ["list", "projects", "--q", "水" * 5000, "--db", web.url])
    assert listed.exit_code != 0 and "水" * 41 not in listed.output, listed.output[:300]


def test_user_tokens_lists_as_an_account_like_the_api(any_web: WebEnv) -> None:
    # `perfbudget user tokens` had no --user: an account could not list as itself, and an admin's listing named an
    # unknown account otherwise than the API (「没有用户」 against 「没有找到用户」)
    web = any_web
    api = web.client()
    mine, theirs, admin = _bearer(web, "editor"), _bearer(web, "reviewer"), _bearer(web, "admin")
    assert api.get("/api/v1/tokens", headers=theirs).status_code == 200

    def both(who: str, headers: dict[str, str], name: str | None) -> tuple[object, object]:
        by_api = api.get("/api/v1/tokens", headers=headers, params={"user": name} if name else {})
        by_cli = runner.invoke(cli, ["user", "tokens", *([name] if name else []), "--user", who, "--db", web.url,
                                     "--json"])
        return by_api, by_cli

    for who, headers, name, owners in (("editor", mine, None, {"editor"}), ("editor", mine, "editor", {"editor"}),
                                       ("admin", admin, "reviewer", {"reviewer"}),
                                       ("admin", admin, None, {"editor", "reviewer", "admin"})):
        by_api, by_cli = both(who, headers, name)
        assert by_api.status_code == 200 and by_cli.exit_code == 0, by_cli.output  # type: ignore[attr-defined]
        assert json.loads(by_cli.output) == by_api.json()  # type: ignore[attr-defined]
        assert {t["username"] for t in by_api.json()["items"]} == owners  # type: ignore[attr-defined]
    for who, headers, name, status, said in (("editor", mine, "reviewer", 403, "只有管理员可以查看其他账号的令牌"),
                                             ("admin", admin, "nobody", 404, "没有用户「nobody」")):
        by_api, by_cli = both(who, headers, name)
        assert by_api.status_code == status and by_api.json()["error"]["message"] == said  # type: ignore[attr-defined]
        assert by_cli.exit_code == 1 and by_cli.output.strip() == f"错误：{said}", by_cli.output  # type: ignore
