"""Found by attack16 (2026-12-04) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import io
import random
import re
import tracemalloc
import zipfile

from perfbudget.evaluate.sheet import read_csv_text
from perfbudget.web.evaluation import MOST_SHOWN
from tests.readers.hostile_files import csv_long_rows
from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import approve
from tests.web.test_monitoring import _filled_template

MORE = re.compile(r"另有 (\d+) 个问题未列出（共 (\d+) 个）")


def _bad_rows(rows: int, actual: str = "实际完成值", extra: str = "完成等级,得分,偏差原因分析") -> bytes:
    """A fill-in sheet of ``rows`` rows, each naming an indicator the project does not have."""
    columns = extra.count(",") + 1
    return (f"项目名称,三级指标,{actual},{extra}\n" + f"1,没有这个指标,5{',' * columns}\n" * rows).encode()


def test_a_sheet_of_many_bad_rows_lists_the_first_hundred_and_counts_the_rest(web: WebEnv) -> None:
    # Every bad row of an uploaded fill-in sheet was listed: 100,000 rows of 440-letter names (43 MB, within the
    # limits) answered a 55 MB page, the server peaking at 778 MB. Now the first 100, then the count.
    pid = web.project_ids[0]
    approve(web.app, pid)
    client = web.client("editor")
    page = client.post(f"/projects/{pid}/evaluate/upload", data={"csrf_token": csrf_of(client, "/account")},
                       files={"file": ("自评.csv", _bad_rows(1_000), "text/csv")})
    assert page.status_code == 422
    listed = page.text.split('<ul class="problems">')[1].split("</ul>")[0].count("<li>")
    more = MORE.search(page.text)
    assert listed == MOST_SHOWN + 1 and more is not None, listed
    assert int(more.group(1)) + MOST_SHOWN == int(more.group(2)) >= 1_000
    assert "没有三级指标「没有这个指标」" in page.text  # the shown ones are the sheet's own

    sheet = _bad_rows(1_000, "1-6月执行情况", "完成目标可能性")
    page = client.post(f"/projects/{pid}/monitoring/upload", data={"csrf_token": csrf_of(client, "/account"),
                                                                   "month": "6"},
                       files={"file": ("监控.csv", sheet, "text/csv")})
    assert page.status_code == 422 and MORE.search(page.text)
    assert page.text.split('<ul class="problems">')[1].split("</ul>")[0].count("<li>") == MOST_SHOWN + 1
    api = web.client().post(f"/api/v1/projects/{pid}/monitoring", data={"month": "6"},
                            files={"file": ("监控.csv", sheet, "text/csv")},
                            headers={"Authorization": f"Bearer {web.token('editor')}"})
    details = api.json()["error"]["details"]
    assert api.status_code == 422 and len(details) == MOST_SHOWN + 1 and MORE.search(details[-1]), details[-1]


def test_reading_a_csv_sheet_does_not_copy_it_at_four_bytes_a_character() -> None:
    # io.StringIO held the whole text as 4-byte characters beside the text itself: a 4 MB sheet peaked at 27 MB
    # of Python allocations (6.7 bytes a character), a 43 MB one at 429 MB in all. Now lines are taken one by one.
    text = csv_long_rows(10_000, 400).decode()
    tracemalloc.start()
    try:
        rows, problems = read_csv_text(text, "自评.csv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(rows) == 10_000 and not problems
    assert peak < 4 * len(text), peak / len(text)


def _padded(sheet: bytes, size: int) -> bytes:
    """The workbook with a stored picture of ``size`` random bytes (a scanned seal, a logo)."""
    buffer = io.BytesIO(sheet)
    with zipfile.ZipFile(buffer, "a") as workbook:
        workbook.writestr(zipfile.ZipInfo("xl/media/image1.png"), random.Random(16).randbytes(size))
    return buffer.getvalue()


def test_a_monitoring_sheet_may_be_as_large_as_a_self_evaluation_sheet(web: WebEnv) -> None:
    # The 运行监控 sheet's upload (page and API) was held to the 2 MB of an ordinary form: a filled sheet of
    # 3 MB (a picture in it) answered 413 「上限为 2 MB」, while the same size of 自评 sheet was read.
    pid = web.project_ids[0]
    approve(web.app, pid)
    client = web.client("editor")
    sheet = _padded(_filled_template(web, client, pid), 3 * 1024 * 1024)
    assert len(sheet) > 3 * 1024 * 1024
    page = client.post(f"/projects/{pid}/monitoring/upload", data={"csrf_token": csrf_of(client, "/account"),
                                                                   "month": "6"},
                       files={"file": ("监控.xlsx", sheet, "application/octet-stream")}, follow_redirects=False)
    assert page.status_code == 303, page.text[:300]
    api = web.client().post(f"/api/v1/projects/{pid}/monitoring", data={"month": "6"},
                            files={"file": ("监控.xlsx", sheet, "application/octet-stream")},
                            headers={"Authorization": f"Bearer {web.token('editor')}"})
    assert api.status_code == 200 and api.json()["month"] == 6, api.text[:300]
    audit = web.client().get("/api/v1/audit?action=monitoring.save",
                             headers={"Authorization": f"Bearer {web.token('admin')}"}).json()
    assert audit["total"] == 2


def test_every_audited_action_has_a_chinese_label_on_the_admin_page(web: WebEnv) -> None:
    # The review desk's decisions, comments and grades (and the library's group actions) were shown on the
    # admin's 审计日志 by their codes (finding.dismissed, review.comment, review.grade) and could not be chosen
    # in its filter.
    from perfbudget.app.audit_log import ACTION_LABELS

    pid = web.project_ids[0]
    reviewer = web.client("reviewer")
    desk = reviewer.get(f"/projects/{pid}/review").text
    key = re.search(r'name="key" value="([0-9a-f]{64})"', desk)
    assert key is not None
    token = csrf_of(reviewer, f"/projects/{pid}/review")
    for path, data in (("decide", {"key": key.group(1), "decision": "dismissed", "reason": "行业通用口径"}),
                       ("comment", {"place": "indicator:1:target", "text": "请写明测算依据"}),
                       ("grade", {"grade": "良", "reason": "总体可行"})):
        done = reviewer.post(f"/projects/{pid}/review/{path}", data={"csrf_token": token, **data},
                             follow_redirects=False)
        assert done.status_code == 303, done.text[:300]
    page = web.client("admin").get("/admin/audit").text
    rows = page.split("<tbody>")[1].split("</tbody>")[0]
    for code in ("finding.dismissed", "review.comment", "review.grade"):
        assert f'<option value="{code}" >{ACTION_LABELS[code]}</option>' in page
        assert ACTION_LABELS[code] in rows and code not in rows, code
    assert {"library.merge", "library.split", "library.rename", "finding.confirmed"} <= set(ACTION_LABELS)


def test_an_unknown_role_in_the_account_form_changes_nothing(web: WebEnv) -> None:
    # 修改账号 took a role it did not know (a stale or altered form) as 查看人员: the account lost its role and
    # unit, its sessions and its API tokens without a word. Creating an account already said 「未知角色」.
    from sqlalchemy import select

    from perfbudget.store.account_tables import users

    token = web.token("editor")
    with web.app.state.engine.connect() as connection:
        user_id = connection.execute(select(users.c.id).where(users.c.username == "editor")).scalar_one()
    admin = web.client("admin")
    answer = admin.post(f"/admin/users/{user_id}", data={"csrf_token": csrf_of(admin, "/admin/users"),
                                                         "role": "superuser", "unit_code": "255101",
                                                         "active": "1"}, follow_redirects=True)
    assert "未知角色「superuser」" in answer.text
    me = web.client().get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200 and me.json()["role"] == "unit_editor", me.text


def test_long_values_of_the_audit_log_are_left_out_of_its_lists(any_web: WebEnv) -> None:
    # An edit keeps the whole project before and after in its audit entry; every list showed every value: 30 edits
    # of a project of 1,000 indicators by a unit editor made the admin's 审计日志 77 MB and GET /api/v1/audit 89 MB,
    # the server peaking at 819 MB. Lists now leave out values past 20,000 characters; the entry alone has them.
    web = any_web
    pid = web.project_ids[0]
    editor = {"Authorization": f"Bearer {web.token('editor')}"}
    admin = {"Authorization": f"Bearer {web.token('admin')}"}
    api = web.client()
    document = api.get(f"/api/v1/projects/{pid}/download/json", headers=editor).json()
    long_purpose = "资金用于" + "保障" * 9_990
    document["projects"][0]["purpose"] = long_purpose
    version = api.get(f"/api/v1/projects/{pid}/history", headers=editor).json()["total"]
    edited = api.put(f"/api/v1/projects/{pid}", json={"base_version": version, "document": document}, headers=editor)
    assert edited.status_code == 200 and edited.json()["status"] == "saved", edited.text[:300]

    listed = api.get("/api/v1/audit?action=project.edit", headers=admin).json()["items"][0]
    assert listed["values_omitted"] is True and listed["after"] is None
    whole = api.get(f"/api/v1/audit/{listed['id']}", headers=admin).json()
    assert whole["after"]["purpose"] == long_purpose and whole["values_omitted"] is False
    assert api.get(f"/api/v1/audit/{listed['id']}", headers=editor).status_code == 403
    assert api.get("/api/v1/audit/0", headers=admin).status_code == 404

    page = web.client("admin").get("/admin/audit?action=project.edit").text
    assert long_purpose not in page and f'href="/admin/audit/{listed["id"]}"' in page
    assert long_purpose in web.client("admin").get(f"/admin/audit/{listed['id']}").text
    assert web.client("editor").get(f"/admin/audit/{listed['id']}").status_code == 403
