"""webflow20: a refused edit or 申报 form comes back as the officer typed it, and its errors name the rows on screen."""

from __future__ import annotations

import re

from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import project_form, stored_project
from tests.web.test_flows import ROWS, declare_form


def _values(html: str, name: str) -> list[str]:
    """The values of the inputs named ``name`` on a page, in order."""
    return re.findall(rf'<input name="{name}"[^>]*?value="([^"]*)"', html)


def test_a_refused_edit_keeps_every_row_and_the_typed_budget(web: WebEnv) -> None:
    pid = web.project_ids[0]
    project, version = stored_project(web.app, pid)
    client = web.client("editor")
    data = project_form(project, csrf_of(client, "/account"), version, {4: ""})
    data["budget_total"] = ["17万"]
    data["l3"][1] = ""  # the second row loses its 三级 name
    response = client.post(f"/projects/{pid}/edit", data=data)
    assert response.status_code == 422
    assert "第 2 行指标缺少三级指标" in response.text and "第 4 行指标缺少指标值" in response.text
    # every row is drawn again, the two with errors included, as typed; the unreadable budget stays in its field
    assert _values(response.text, "l3") == [i.level3 if n != 2 else "" for n, i in enumerate(project.indicators, 1)]
    targets = re.findall(r'<input name="target" class="target-input[^"]*" value="([^"]*)"', response.text)
    assert targets == [i.target.raw if n != 4 else "" for n, i in enumerate(project.indicators, 1)]
    assert _values(response.text, "budget_total") == ["17万"]
    # and the fields at fault are marked: the budget, the second row's 三级, the fourth row's 指标值, nothing else
    assert '<input name="budget_total" class="field-error" aria-invalid="true" value="17万"' in response.text
    assert response.text.count('aria-invalid="true"') == 3
    assert re.search(r'<input name="l3" value="" aria-label="三级指标" class="field-error" aria-invalid="true"',
                     response.text)
    assert re.search(r'<input name="target" class="target-input field-error" value="" aria-label="指标值" '
                     r'aria-invalid="true"', response.text)
    assert stored_project(web.app, pid)[1] == version  # nothing saved


def test_the_check_names_the_row_on_screen_after_a_row_with_an_error(web: WebEnv) -> None:
    pid = web.project_ids[1]  # its findings concern rows 1, 2, 3, 4, 5, 7 and 8
    project, version = stored_project(web.app, pid)
    client = web.client("editor")
    data = project_form(project, csrf_of(client, "/account"), version, {2: ""})
    check = client.post(f"/projects/{pid}/check", data=data).text
    assert "第 2 行指标缺少指标值" in check
    rows = {indicator.level3: n for n, indicator in enumerate(project.indicators, 1)}
    told = re.findall(r"第 (\d+) 行 <strong>[^<]+</strong> [^「]*「([^」]+)」", check)
    placed = [(int(n), name) for n, name in told if name in rows]
    assert len(placed) >= 3 and any(rows[name] > 2 for _, name in placed), told
    assert all(n == rows[name] for n, name in placed), placed  # each finding at its own row, not one row up


def test_a_refused_declaration_keeps_its_rows(web: WebEnv) -> None:
    editor = web.client("editor")
    csrf = csrf_of(editor, "/declare")
    rows = [*ROWS[:2], (*ROWS[2][:4], ""), *ROWS[3:]]
    response = editor.post("/declare", data=declare_form(csrf, rows=rows, name=""))
    assert response.status_code == 422 and "请填写项目名称" in response.text
    assert "第 3 行指标缺少指标值" in response.text
    assert _values(response.text, "l3") == [row[2] for row in ROWS]  # all five, not three empty rows
