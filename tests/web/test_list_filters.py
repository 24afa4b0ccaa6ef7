"""The lists of projects alike on every face (leftovers19): one filter set (``app.desk.ListQuery.parse``) with the
same names, meaning and Chinese errors on the web's list and queue, the API and ``perfbudget list``; the official
version everywhere (the CLI listed the latest); a bad parameter said on the web page, the other filters kept
(``?year=abc`` showed every year while the API answered 422)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv
from tests.web.helpers import approve
from tests.web.test_revisions import VIDEO, VIDEO_15, cli_import, variant

runner = CliRunner()
YEAR_WORDS = "年度「abc」无效：应为四位数字的年份（如 2024），或 all（全部年度）"


def _api(web: WebEnv, path: str, user: str = "reviewer") -> object:
    return web.client().get(path, headers={"Authorization": f"Bearer {web.token(user)}"})


def _cli(web: WebEnv, *args: str) -> object:
    return runner.invoke(cli, ["list", *args, "--db", web.url])


def test_a_bad_parameter_is_said_in_chinese_on_every_face_the_other_filters_kept(any_web: WebEnv) -> None:
    web = any_web  # on SQLite, then on PostgreSQL
    page = web.client("admin").get("/projects?year=abc&state=submitted&q=视频")
    assert page.status_code == 200
    assert 'id="list-problems"' in page.text and YEAR_WORDS in page.text
    assert '<option value="submitted" selected' in page.text and 'value="视频"' in page.text  # kept
    api = _api(web, "/api/v1/projects?year=abc&state=submitted")
    assert api.status_code == 422  # type: ignore[attr-defined]
    error = api.json()["error"]  # type: ignore[attr-defined]
    assert error["code"] == "invalid_filter" and YEAR_WORDS in error["message"]
    assert error["details"] == [{"location": "query.year", "name": "year", "value": "abc", "message": YEAR_WORDS}]
    by_cli = _cli(web, "projects", "--year", "abc")
    assert by_cli.exit_code == 2 and YEAR_WORDS in by_cli.stderr  # type: ignore[attr-defined]
    # every filter's words are the same three times: a state, a grade, a sort, a page size
    for params, words in (("state=sent", "流程状态「sent」无效：应为 draft（草稿）、submitted（已送审）"),
                          ("grade=A", "审核等级「A」无效：应为 优、良、中、差、未审核"),
                          ("sort=size", "排序「size」无效"), ("desc=yes", "倒序「yes」无效")):
        assert words in web.client("admin").get(f"/projects?{params}").text, params
        assert words in _api(web, f"/api/v1/projects?{params}").json()["error"]["message"]  # type: ignore[attr-defined]
        name, value = params.split("=")
        if name != "desc":  # the CLI's --desc is a flag: it has no value to get wrong
            assert words in _cli(web, "projects", f"--{name}", value).stderr  # type: ignore[attr-defined]
    assert "每页条数「7」无效：应为 20、50、100" in web.client("admin").get("/projects?size=7").text


def test_the_same_filters_give_the_same_projects_on_every_face(any_web: WebEnv) -> None:
    web = any_web
    approve(web.app, web.project_ids[0])
    # a filter by its key or by the label the page shows; the API's unit took only a code, exactly
    api = _api(web, "/api/v1/projects?year=2024&state=approved&limit=1000").json()  # type: ignore[attr-defined]
    by_label = _api(web, "/api/v1/projects?year=2024&state=审核通过&limit=1000").json()  # type: ignore[attr-defined]
    assert api == by_label and [i["id"] for i in api["items"]] == [web.project_ids[0]]
    listed = _cli(web, "projects", "--year", "2024", "--state", "approved", "--json")
    assert listed.exit_code == 0, listed.output  # type: ignore[attr-defined]
    assert json.loads(listed.stdout)["items"] == api["items"]  # type: ignore[attr-defined]
    page = web.client("admin").get("/projects?year=2024&state=approved").text
    assert f'href="/projects/{web.project_ids[0]}"' in page and page.count('class="project-link"') == 1
    # the search, sorted by budget, descending: the same order on the three faces
    api = _api(web, "/api/v1/projects?year=all&q=检察&sort=budget&desc=1&limit=1000").json()  # type: ignore[attr-defined]
    listed = _cli(web, "projects", "--year", "all", "--q", "检察", "--sort", "预算", "--desc", "--json")
    assert [i["id"] for i in json.loads(listed.stdout)["items"]] == [i["id"] for i in api["items"]]  # type: ignore[attr-defined]
    assert api["total"] >= 2


def test_the_cli_lists_the_official_version_as_the_web_and_the_api_do(web: WebEnv, seed_path: Path,
                                                                     tmp_path: Path) -> None:
    """``perfbudget list projects`` showed a project's latest version, the web and the API its official one (the
    approved version while a revision waits)."""
    pid = web.project_ids[0]
    approve(web.app, pid)
    changed = variant(seed_path, tmp_path, "改.txt", VIDEO, VIDEO_15)
    assert cli_import(web, str(changed))[0] == 0
    items = json.loads(_cli(web, "projects", "--year", "all", "--json", "--limit", "1000").stdout)["items"]  # type: ignore[attr-defined]
    mine = next(i for i in items if i["id"] == pid)
    assert mine["version"] == 1 and mine["latest_version"] == 2
    api = _api(web, "/api/v1/projects?year=all&limit=1000").json()  # type: ignore[attr-defined]
    assert next(i for i in api["items"] if i["id"] == pid) == mine
    lines = _cli(web, "projects", "--year", "all", "--all").stdout.splitlines()  # type: ignore[attr-defined]
    assert lines[0].split("\t")[5] == "正式版本"
    assert next(line.split("\t") for line in lines if line.startswith(f"{pid}\t"))[5] == "1（最新 2）"


def test_the_queue_takes_the_same_filters_on_every_face(web: WebEnv) -> None:
    from sqlalchemy import select

    from perfbudget.app.roles import Principal, Role
    from perfbudget.app.workflow import take_step
    from perfbudget.store.account_tables import users

    with web.app.state.engine.connect() as connection:
        admin_id = connection.execute(select(users.c.id).where(users.c.username == "admin")).scalar_one()
    admin = Principal(admin_id, "admin", "admin", Role.ADMIN, None)
    for pid in web.project_ids[:2]:
        assert take_step(web.app.state.store, admin, pid, "submit", None, "测试", review_errors=0,
                         version_required="").ok
    reviewer = web.client("reviewer")
    page = reviewer.get("/review/queue?year=abc")
    assert YEAR_WORDS in page.text and page.text.count('name="project"') == 2
    api = _api(web, "/api/v1/review/queue")
    assert [i["id"] for i in api.json()["items"]] == web.project_ids[:2]  # type: ignore[attr-defined]
    assert _api(web, "/api/v1/review/queue?state=draft").status_code == 422  # type: ignore[attr-defined]
    assert "审核队列只列已送审的项目" in _api(web, "/api/v1/review/queue?state=draft").text  # type: ignore[attr-defined]
    assert _api(web, "/api/v1/review/queue", user="editor").status_code == 403  # type: ignore[attr-defined]
    listed = json.loads(_cli(web, "queue", "--json").stdout)  # type: ignore[attr-defined]
    assert listed["items"] == api.json()["items"]  # type: ignore[attr-defined]
    none = reviewer.get("/review/queue?q=没有这样的项目").text
    assert none.count('name="project"') == 0 and 'value="没有这样的项目"' in none


def test_the_dashboard_says_a_bad_year_and_shows_the_work_year(web: WebEnv) -> None:
    # ``/dashboard?year=abc`` showed every year without a word (leftovers19 left it): the year is read as the lists
    # read it, said above the page, and the user's work year shown as without a year
    admin = web.client("admin")
    bad = admin.get("/dashboard?year=abc")
    assert bad.status_code == 200 and 'id="list-problems"' in bad.text and YEAR_WORDS in bad.text
    plain = admin.get("/dashboard")
    heading = plain.text.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert "全部年度" not in heading and heading in bad.text
    for fine in ("/dashboard", "/dashboard?year=all", "/dashboard?year="):
        assert 'id="list-problems"' not in admin.get(fine).text, fine
    assert "全部年度总览" in admin.get("/dashboard?year=all").text
