"""A table that names no money unit: the edit, 自评 and 运行监控 forms guess none (they said 万元, ten thousand times
元, beside the amounts to type; print20 made the downloads and the project page print none)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from perfbudget.store.schema import projects, units
from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import approve
from tests.web.test_revisions import upload

UNIT = "366202某某县测试局"


def _project_without_unit(web: WebEnv, seed_path: Path, tmp_path: Path) -> int:
    text = (seed_path.read_text(encoding="utf-8").replace("\t单位：万元\n", "").replace("万元", "")  # (cost targets
            .replace("255101天津市和平区人民检察院", UNIT))  # in 万元 would give the reader the unit, said so)
    assert "单位：" not in text and "元" not in text
    path = tmp_path / "no_unit.txt"
    path.write_text(text, encoding="utf-8")
    admin = web.client("admin")
    _, confirm = upload(admin, path)
    assert admin.post(confirm, data={"csrf_token": csrf_of(admin, "/upload")},
                      follow_redirects=False).status_code == 303
    with web.app.state.engine.connect() as connection:
        pid = connection.execute(select(projects.c.id).join(units, units.c.id == projects.c.unit_id)
                                 .where(units.c.code == "366202").order_by(projects.c.id).limit(1)).scalar_one()
    return int(pid)


def test_the_forms_of_a_table_without_its_money_unit_say_so(web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    pid = _project_without_unit(web, seed_path, tmp_path)
    admin = web.client("admin")
    edit = admin.get(f"/projects/{pid}/edit").text
    assert "预算与目标（金额单位未注明）" in edit and "单位：万元" not in edit
    approve(web.app, pid)
    for form in (admin.get(f"/projects/{pid}/evaluate").text, admin.get(f"/projects/{pid}/monitoring").text):
        assert "金额单位未注明，预算数 17" in form, form[form.find("<main"):][:600]
        assert "（万元，" not in form
    approve(web.app, web.project_ids[0])
    seeded = admin.get(f"/projects/{web.project_ids[0]}/evaluate").text  # a table in 万元 says so, as before
    assert "全年执行数（万元，预算数" in seeded
