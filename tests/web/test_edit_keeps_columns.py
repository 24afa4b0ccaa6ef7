"""An edit in the browser changes what the editor shows (一级, 二级, 三级, 描述, 指标值) and keeps what it does not: a
self-evaluation's 分值, 实际完成值, 得分 and 偏差原因 of each row, wherever the row was moved. Until 2026-12-05 the
editor rebuilt every indicator from the form and a saved edit dropped them."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from perfbudget.app.accounts import create_user
from perfbudget.app.imports import ImportRequest, import_document
from perfbudget.app.roles import Principal, Role
from perfbudget.app.workflow import actor_of
from perfbudget.load import load_path
from perfbudget.model import Unit
from perfbudget.store.schema import projects
from tests.web.conftest import SEED_UNIT, WebEnv, csrf_of
from tests.web.helpers import as_form, stored_project

SELF_EVALUATION = """项目支出绩效自评表
（2023年度）
项目名称 | 农村饮水工程维修养护
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| 产出指标 | 数量指标 | 维修工程数 | ≥10处 | 12处 | 20 | 20 | |
| 产出指标 | 数量指标 | 改造管网长度 | ≥3公里 | 3.2公里 | 10 | 10 | |
| 产出指标 | 质量指标 | 验收合格率 | 100% | 95% | 20 | 18 | 两处返工 |
| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 92% | 20 | 20 | |
"""


def _imported(web: WebEnv, tmp_path: Path) -> int:
    path = tmp_path / "自评.txt"
    path.write_text(SELF_EVALUATION, encoding="utf-8")
    result = load_path(path)
    assert result.ok and result.document is not None
    document = replace(result.document, unit=Unit(SEED_UNIT, "天津市和平区人民检察院"))
    admin = create_user(web.app.state.engine, "admin2", "correct-horse-2", Role.ADMIN, None)
    assert not isinstance(admin, str)
    request = ImportRequest(actor_of(Principal(admin.id, "admin2", "admin2", Role.ADMIN, None)), "upload")
    outcome = import_document(web.app.state.store, web.app.state.core, document, path.name, request)
    assert outcome.status == "imported" and outcome.new_projects == 1
    with web.app.state.engine.connect() as connection:
        return int(connection.execute(select(func.max(projects.c.id))).scalar_one())


def _inputs(html: str, name: str) -> list[str]:
    return re.findall(rf'<input (?:type="hidden" )?name="{name}"[^>]*?value="([^"]*)"', html)


def test_a_saved_edit_keeps_the_self_evaluation_columns_of_each_row(web: WebEnv, tmp_path: Path) -> None:
    pid = _imported(web, tmp_path)
    before, version = stored_project(web.app, pid)
    assert [i.actual for i in before.indicators] == ["12处", "3.2公里", "95%", "92%"]
    client = web.client("editor")
    page = client.get(f"/projects/{pid}/edit").text
    rowids, level3s = _inputs(page, "rowid"), _inputs(page, "l3")
    assert level3s == ["维修工程数", "改造管网长度", "验收合格率", "群众满意度"]
    # the officer moves 改造管网长度 above 维修工程数 and raises 验收合格率's target
    order = [1, 0, 2, 3]
    rows = [(before.indicators[n], rowids[n]) for n in order]
    data = [("csrf_token", csrf_of(client, "/account")), ("base_version", str(version)), ("budget_total", ""),
            ("budget_fiscal", ""), ("budget_other", ""), ("purpose", ""), ("goals", "")]
    for indicator, rowid in rows:
        target = "≥98%" if indicator.level3 == "验收合格率" else indicator.target.raw
        data += [("rowid", rowid), ("l1", indicator.level1), ("l2", indicator.level2), ("l3", indicator.level3),
                 ("desc", ""), ("target", target)]
    response = client.post(f"/projects/{pid}/edit", data=as_form(data), follow_redirects=False)
    assert response.status_code == 303, response.text[:2000]
    after, new_version = stored_project(web.app, pid)
    assert new_version == version + 1
    by_name = {i.level3: i for i in after.indicators}
    assert [i.level3 for i in after.indicators] == ["改造管网长度", "维修工程数", "验收合格率", "群众满意度"]
    assert by_name["验收合格率"].target.raw == "≥98%"
    for old in before.indicators:
        new = by_name[old.level3]
        assert (new.actual, new.weight, new.score, new.deviation) == (old.actual, old.weight, old.score,
                                                                      old.deviation), old.level3
    assert by_name["验收合格率"].score == Decimal("18") and by_name["验收合格率"].deviation == "两处返工"


def test_a_row_added_on_the_page_or_a_forged_row_id_takes_nothing_from_a_stored_row(web: WebEnv,
                                                                                       tmp_path: Path) -> None:
    pid = _imported(web, tmp_path)
    before, version = stored_project(web.app, pid)
    client = web.client("editor")
    data = [("csrf_token", csrf_of(client, "/account")), ("base_version", str(version)), ("budget_total", ""),
            ("budget_fiscal", ""), ("budget_other", ""), ("purpose", ""), ("goals", "")]
    for n, indicator in enumerate(before.indicators, 1):
        data += [("rowid", f"o{n}-aaaaaa"), ("l1", indicator.level1), ("l2", indicator.level2),
                 ("l3", indicator.level3), ("desc", ""), ("target", indicator.target.raw)]
    data += [("rowid", "rdeadbeef"), ("l1", "效益指标"), ("l2", "社会效益指标"), ("l3", "受益人口"), ("desc", ""),
             ("target", "≥5000人")]
    data += [("rowid", "o99-ffffff"), ("l1", "效益指标"), ("l2", "社会效益指标"), ("l3", "水质达标率"), ("desc", ""),
             ("target", "100%")]
    response = client.post(f"/projects/{pid}/edit", data=as_form(data), follow_redirects=False)
    assert response.status_code == 303, response.text[:2000]
    after, _ = stored_project(web.app, pid)
    added = {i.level3: i for i in after.indicators if i.level3 in ("受益人口", "水质达标率")}
    assert all((i.actual, i.weight, i.score) == (None, None, None) for i in added.values()) and len(added) == 2
    kept = {i.level3: i.actual for i in after.indicators}
    assert kept["验收合格率"] == "95%"


def test_an_edit_keeps_a_monitoring_tables_typed_columns() -> None:
    # kinds25: a 监控表's Indicator.progress (the period's actual, forecast, 完成目标可能性 …) is not on the editor's
    # page: a row drawn from the stored indicator keeps it, as it keeps the extras (it was rebuilt without it)
    from starlette.datastructures import FormData

    from perfbudget.web.forms import indicators_from_form
    from tests.readers.test_indicator_progress import MONITOR, TITLE, _forms, _read

    base = _read("表.txt", _forms(TITLE, MONITOR)[0][1]).projects[0]
    form = FormData([item for n, i in enumerate(base.indicators, 1) for item in (
        ("rowid", f"o{n}-x"), ("l1", i.level1), ("l2", i.level2), ("l3", i.level3), ("desc", ""),
        ("target", i.target.raw))])
    errors: list[str] = []
    indicators, _checks, _rows = indicators_from_form(form, errors, base)
    assert not errors
    assert [i.progress for i in indicators] == [i.progress for i in base.indicators]
    assert indicators[1].progress is not None and indicators[1].progress.likelihood == "完全不可能"


def test_an_edit_keeps_a_unit_given_beside_an_unchanged_raw_text() -> None:
    """attack35's note: a target stored with a unit beside a raw text without one (an interchange file's
    ``"raw": "30", "unit": "人"``) lost its unit when its row was saved from the editor unchanged, the page
    rebuilding every target from its raw text; a changed value is read from its text as before."""
    from dataclasses import replace as replaced

    from starlette.datastructures import FormData

    from perfbudget.target import parse_target
    from perfbudget.web.forms import indicators_from_form
    from tests.readers.test_indicator_progress import MONITOR, TITLE, _forms, _read

    read = _read("表.txt", _forms(TITLE, MONITOR)[0][1]).projects[0]
    first = read.indicators[0]
    given = replaced(first, target=replaced(parse_target("30"), unit="人"))
    base = replaced(read, indicators=(given, *read.indicators[1:]))

    def saved(raw: str) -> object:
        form = FormData([("rowid", "o1-x"), ("l1", given.level1), ("l2", given.level2), ("l3", given.level3),
                         ("desc", ""), ("target", raw)])
        errors: list[str] = []
        indicators, _checks, _rows = indicators_from_form(form, errors, base)
        assert not errors
        return indicators[0].target.unit

    assert saved("30") == "人"
    assert saved("35") is None
