"""A two-level table's project (二级 "": the form has none) on the web: shown with empty 二级 cells, exported
with them, its editor rows allowed to keep the 二级 empty or to fill it in; a new row still needs its 二级."""

from __future__ import annotations

import io
import json
from dataclasses import replace

from openpyxl import load_workbook

from perfbudget.model import Document
from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import as_form, project_form, stored_project


def _import_two_level(web: WebEnv) -> int:
    """The seed's first project again under another name, its indicators without their 二级."""
    from sqlalchemy import select

    from perfbudget.store.queries import project_version
    from perfbudget.store.schema import projects

    with web.app.state.engine.connect() as connection:
        version = project_version(connection, web.project_ids[0])
    assert version is not None
    seed: Document = version.document
    project = seed.projects[0]
    two_level = replace(project, name=f"两级指标{project.name}", name_cell=None, title=f"两级指标{project.title}",
                        indicators=tuple(replace(i, level2="") for i in project.indicators))
    result = web.app.state.store.import_document(replace(seed, projects=(two_level,)), "two-level.txt")
    assert result.status == "imported", result
    with web.app.state.engine.connect() as connection:
        return int(connection.execute(select(projects.c.id).where(projects.c.name == two_level.name)).scalar_one())


def test_two_level_project_page_edit_and_downloads(web: WebEnv) -> None:
    pid = _import_two_level(web)
    editor = web.client("editor")
    page = editor.get(f"/projects/{pid}").text
    assert 'id="target-table"' in page and "二级指标" in page
    edit_page = editor.get(f"/projects/{pid}/edit").text
    assert edit_page.count('name="l2none"') == len(stored_project(web.app, pid)[0].indicators)
    assert "原表没有二级指标，可留空或填写" in edit_page

    # kept empty: saved as it was read (the form marks its rows as without 二级)
    project, version = stored_project(web.app, pid)
    form = project_form(project, csrf_of(editor, "/account"), version, {1: "≥99次"})
    form["l2none"] = [f"r{position}" for position in range(1, len(project.indicators) + 1)]
    response = editor.post(f"/projects/{pid}/edit", data=form)
    assert response.status_code == 200 and f"已保存为第 {version + 1} 版" in response.text
    edited, version = stored_project(web.app, pid)
    assert all(i.level2 == "" for i in edited.indicators) and edited.indicators[0].target.raw == "≥99次"

    # filled in on one row: that row takes the 二级 written, the others stay empty
    form = project_form(edited, csrf_of(editor, "/account"), version)
    form["l2none"] = [f"r{position}" for position in range(1, len(edited.indicators) + 1)]
    form["l2"][0] = "数量指标"
    response = editor.post(f"/projects/{pid}/edit", data=form)
    assert f"已保存为第 {version + 1} 版" in response.text
    filled, version = stored_project(web.app, pid)
    assert [i.level2 for i in filled.indicators].count("数量指标") == 1
    assert [i.level2 for i in filled.indicators].count("") == len(filled.indicators) - 1

    # a row not marked as without 二级 (a new row, another table's) still needs one
    form = project_form(filled, csrf_of(editor, "/account"), version)
    response = editor.post(f"/projects/{pid}/edit", data=form)
    assert response.status_code == 422 and "缺少二级指标" in response.text

    # downloads: the JSON keeps "", the sheet prints an empty 二级 cell, never a made-up one
    data = json.loads(editor.get(f"/projects/{pid}/download/json").content)
    levels = [i["level2"] for p in data["projects"] for i in p["indicators"]]
    assert levels.count("") == len(filled.indicators) - 1 and "数量指标" in levels
    sheet = load_workbook(io.BytesIO(editor.get(f"/projects/{pid}/download/xlsx").content)).active
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert texts.count("数量指标") == 1
    for fmt in ("docx", "html"):
        assert editor.get(f"/projects/{pid}/download/{fmt}").status_code == 200, fmt


def test_a_declaration_needs_every_level2(web: WebEnv) -> None:
    editor = web.client("editor")
    data = [("csrf_token", csrf_of(editor, "/declare")), ("unit_code", "255101"), ("name", "没有二级的申报"),
            ("fund_source", "市级"), ("fund_year", "2025"), ("budget_total", "10"), ("budget_fiscal", "10"),
            ("money_unit", "万元"), ("rowid", "n1"), ("l1", "产出指标"), ("l2", ""), ("l3", "培训人次"),
            ("desc", ""), ("target", "≥100人次")]
    response = editor.post("/declare", data=as_form(data))
    assert response.status_code == 422 and "缺少二级指标" in response.text
