"""The web's 自评 result of a 部门整体 table says its form (kinds37): the page's table heading was
「项目支出绩效自评表」 of every table; the API's result gives ``form`` as the JSON does."""

from __future__ import annotations

from tests.web.conftest import WebEnv
from tests.web.helpers import approved_seed_variant
from tests.web.test_evaluate_form import _form


def test_the_result_page_and_the_api_say_the_department_form(web: WebEnv, seed_path) -> None:  # type: ignore[no-untyped-def]
    pid = approved_seed_variant(web.app, seed_path, name="某县交通运输局部门整体支出")
    client = web.client("editor")
    saved = client.post(f"/projects/{pid}/evaluate", data=_form(web, pid, client))
    assert saved.status_code == 200, saved.text[:2000]
    assert '<h2 id="evaluation-form">部门整体支出绩效自评表</h2>' in client.get(f"/projects/{pid}/evaluation").text
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    got = client.get(f"/api/v1/projects/{pid}/evaluation", headers=headers)
    assert got.status_code == 200 and got.json()["evaluation"]["projects"][0]["form"] == "部门整体支出绩效自评表"
    # a project's table keeps its own (guard)
    other = approved_seed_variant(web.app, seed_path, name="乡村道路养护")
    assert client.post(f"/projects/{other}/evaluate", data=_form(web, other, client)).status_code == 200
    assert '<h2 id="evaluation-form">项目支出绩效自评表</h2>' in client.get(f"/projects/{other}/evaluation").text
