"""webflow21: the indicator editor's row buttons (＋ 添加指标, 删除, ↑, ↓) work as plain form posts, for an officer
whose browser runs no JavaScript: the page comes back with the change made, everything typed kept, nothing saved."""

from __future__ import annotations

import re

from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import project_form, stored_project
from tests.web.test_flows import ROWS, declare_form


def _values(html: str, name: str) -> list[str]:
    return re.findall(rf'<input name="{name}"[^>]*?value="([^"]*)"', html)


def _targets(html: str) -> list[str]:
    return re.findall(r'<input name="target" class="target-input[^"]*" value="([^"]*)"', html)


def test_the_edit_page_adds_removes_and_moves_rows_without_javascript(web: WebEnv) -> None:
    pid = web.project_ids[0]
    project, version = stored_project(web.app, pid)
    client = web.client("editor")
    names = [i.level3 for i in project.indicators]
    data = project_form(project, csrf_of(client, "/account"), version, {2: "≥ 99%（改）"})
    data["budget_total"] = ["18.5"]

    added = client.post(f"/projects/{pid}/edit", data={**data, "row_action": ["add"]})
    assert added.status_code == 200
    assert f"已在末尾添加第 {len(names) + 1} 行指标（尚未保存：改好后请点「保存为新版本」）" in added.text
    assert _values(added.text, "l3") == [*names, ""]  # one row more, empty, the others as typed
    assert _targets(added.text)[1] == "≥ 99%（改）" and _values(added.text, "budget_total") == ["18.5"]
    assert 'aria-label="一级指标" autofocus' in added.text  # the new row has the focus
    assert "aria-invalid" not in added.text  # a row button is no save: nothing is marked as an error

    removed = client.post(f"/projects/{pid}/edit", data={**data, "row_action": ["remove:r3"]})
    assert f"已删除第 3 行指标「{names[2]}」" in removed.text
    assert _values(removed.text, "l3") == names[:2] + names[3:]

    # a move within the group (same 一级 and 二级) is made; across groups it is refused and said why
    same = next(n for n in range(1, len(names)) if (project.indicators[n].level1, project.indicators[n].level2)
                == (project.indicators[n - 1].level1, project.indicators[n - 1].level2))
    moved = client.post(f"/projects/{pid}/edit", data={**data, "row_action": [f"up:r{same + 1}"]})
    assert f"已将第 {same + 1} 行指标「{names[same]}」上移到第 {same} 行" in moved.text
    order = list(names)
    order[same - 1], order[same] = order[same], order[same - 1]
    assert _values(moved.text, "l3") == order
    first = client.post(f"/projects/{pid}/edit", data={**data, "row_action": ["up:r1"]})
    assert "已在本组（一级、二级指标相同的指标）的最前，不能再上移" in first.text
    assert _values(first.text, "l3") == names

    assert stored_project(web.app, pid)[1] == version  # none of these saved anything
    # the page's buttons are submit buttons naming their row; the form's first (default) button saves
    page = client.get(f"/projects/{pid}/edit").text
    assert re.search(r'<button type="submit" name="row_action" value="remove:(?:r[0-9a-f]+|o[0-9]+-[0-9a-f]+)" '
                     r'formnovalidate', page)
    assert re.search(r'<button type="submit" name="row_action" value="add" formnovalidate id="add-row"', page)
    form = page[page.index('id="edit-form"'):]
    assert form.index('class="default-submit"') < form.index('name="row_action"')


def test_the_declare_page_adds_and_removes_rows_without_javascript(web: WebEnv) -> None:
    editor = web.client("editor")
    csrf = csrf_of(editor, "/declare")
    data = declare_form(csrf, name="")  # even before the name is typed: no error, the rows change
    added = editor.post("/declare", data={**data, "row_action": ["add"]})
    assert added.status_code == 200
    assert "已在末尾添加第 6 行指标（尚未保存：改好后请点「提交申报（保存为草稿）」）" in added.text
    assert _values(added.text, "l3") == [r[2] for r in ROWS] + [""]
    assert "请填写项目名称" not in added.text
    removed = editor.post("/declare", data={**data, "name": "档案数字化", "row_action": ["remove:n2"]})
    assert _values(removed.text, "l3") == [r[2] for n, r in enumerate(ROWS) if n != 1]
    assert _values(removed.text, "name") == ["档案数字化"]
    assert editor.get("/projects").text.count("档案数字化") == 0  # nothing declared
