"""The library's admin actions through the API, as the group page's forms and ``perfbudget library merge / split /
rename`` do them (issue 16: 「groups can be merged, split and renamed by an admin」): until replay-j the API's library
was read-only, so an integrator could search and show the groups but not regroup them. Both databases."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from perfbudget.app.accounts import create_token, create_user
from perfbudget.app.roles import Role
from perfbudget.store.records import audit_log
from tests.library.test_library_admin_web import PASSWORD, fill, group_of
from tests.web.conftest import make_app


def test_an_admin_regroups_the_library_through_the_api_and_others_are_refused(db_url: str) -> None:
    app = make_app(db_url)
    store = app.state.store
    tokens: dict[str, dict[str, str]] = {}
    for name, role in (("admin", Role.ADMIN), ("reviewer", Role.REVIEWER)):
        account = create_user(app.state.engine, name, PASSWORD, role)
        assert not isinstance(account, str)
        tokens[name] = {"Authorization": f"Bearer {create_token(app.state.engine, account.id, 't')}"}
    fill(store)
    served = group_of(store, "服务对象满意度")
    client = TestClient(app)

    def post(path: str, body: dict[str, Any], who: str = "admin") -> Any:
        return client.post(f"/api/v1/library/groups/{served['id']}/{path}", json=body, headers=tokens[who])

    refused = post("rename", {"name": "别的名称"}, "reviewer")
    assert refused.status_code == 403 and "须由管理员操作" in refused.json()["error"]["message"]
    renamed = post("rename", {"name": "  服务对象 满意度 "})
    assert renamed.status_code == 200, renamed.text
    assert renamed.json() == {"group_id": served["id"], "message": f"组 {served['id']} 已改名为「服务对象 满意度」"}
    assert client.get(f"/api/v1/library/groups/{served['id']}", headers=tokens["reviewer"]).json()["name"] \
        == "服务对象 满意度"
    crowd = group_of(store, "群众满意度")
    elsewhere = client.post(f"/api/v1/library/groups/{crowd['id']}/split", json={"names": ["服务对象满意率"]},
                            headers=tokens["admin"])
    assert elsewhere.status_code == 422 and f"不在组 {crowd['id']} 中" in elsewhere.json()["error"]["message"]
    assert len(group_of(store, "服务对象满意度")["names"]) == 2  # nothing kept
    split = post("split", {"names": ["服务对象满意率"]})
    assert split.status_code == 200 and split.json()["message"].startswith("已拆分为新组")
    assert group_of(store, "服务对象满意率")["id"] == split.json()["group_id"] != served["id"]
    half = post("merge", {"others": [str(crowd["id"]), "不存在的组"]})
    assert half.status_code == 422 and "指标库中没有「不存在的组」这一组" in half.json()["error"]["message"]
    merged = post("merge", {"others": [str(crowd["id"])]})
    assert merged.status_code == 200 and merged.json()["message"] == f"已把 1 个组并入组 {served['id']}"
    assert group_of(store, "群众满意度")["id"] == served["id"]
    assert post("rename", {"name": " "}).json()["error"]["message"].startswith("新名称不能为空")
    with store.engine.connect() as connection:
        actions = list(connection.execute(select(audit_log.c.action, audit_log.c.username)
                                          .where(audit_log.c.action.like("library.%")).order_by(audit_log.c.id)))
    assert actions == [("library.rename", "admin"), ("library.split", "admin"), ("library.merge", "admin")]
    # the entries name the groups (replay-o): 「组 3 并入组 2」 gave numbers alone, and the merged group is gone
    summaries = [i["summary"] for i in client.get("/api/v1/audit?action=library.merge", headers=tokens["admin"])
                 .json()["items"]]
    assert summaries == [f"指标库：「群众满意度」（组 {crowd['id']}）"
                         f"并入「服务对象 满意度」（组 {served['id']}）"], summaries
    renamed_entry = client.get("/api/v1/audit?action=library.rename", headers=tokens["admin"]).json()["items"][0]
    assert renamed_entry["summary"] == f"指标库：「服务对象满意度」（组 {served['id']}）改名为「服务对象 满意度」"
    split_entry = client.get("/api/v1/audit?action=library.split", headers=tokens["admin"]).json()["items"][0]
    assert split_entry["summary"].startswith(f"指标库：从「服务对象 满意度」（组 {served['id']}）拆分出新组 ")
    app.state.engine.dispose()
