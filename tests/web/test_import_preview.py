"""The import preview shows what was read (issue 14 point 3): each table as read with its 需人工核对
marks, new/changed/unchanged with the differences, the complete tables imported when others are
refused (each with its reason), and a paste box for copied table text."""

from __future__ import annotations

import re
from pathlib import Path

from perfbudget.web.app import create_app
from perfbudget.web.settings import WebConfig
from tests.web.conftest import SEED_UNIT, WebEnv, csrf_of
from tests.web.helpers import approve, stored_project
from tests.web.test_revisions import VIDEO, VIDEO_15, confirm_form, upload, variant


def test_pasted_text_is_previewed_table_by_table(web: WebEnv, seed_path: Path) -> None:
    client = web.client("editor")
    token = csrf_of(client, "/upload")
    page = client.post("/upload/paste", data={"csrf_token": token, "text": seed_path.read_text(encoding="utf-8")})
    assert page.status_code == 200
    assert 'id="preview-count">10<' in page.text
    assert page.text.count('class="table-as-read"') == 10
    assert page.text.count('id="target-table"') == 10  # each table as read, with its cells
    assert "与库中最新版本相同，不变" in page.text
    empty = client.post("/upload/paste", data={"csrf_token": token, "text": "  "})
    assert "请先粘贴表格内容" in empty.text


def test_a_changed_table_shows_its_differences(web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    changed = variant(seed_path, tmp_path, "changed.txt", VIDEO, VIDEO_15)
    preview, confirm = upload(web.client("editor"), changed)
    assert confirm
    found = re.search(r'<ul class="problems differences">(.*?)</ul>', preview, re.S)
    assert found and "≥15次" in found.group(1) and "≥12次" in found.group(1)


def test_the_complete_tables_are_imported_when_one_is_refused(web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    pid = web.project_ids[0]
    approve(web.app, pid)
    text = seed_path.read_text(encoding="utf-8").replace(VIDEO, VIDEO_15).replace("检察装备经费", "检察装备新经费")
    path = tmp_path / "two-changes.txt"
    path.write_text(text, encoding="utf-8")
    refusing = create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32,
                                    revisions="refuse"))
    env = WebEnv(refusing, web.url, web.project_ids, web.other_project_id)
    client = env.client("editor")
    preview, confirm = upload(client, path)
    assert "不能导入：" in preview and 'id="partial-note"' in preview and confirm
    page = client.post(confirm, data={"csrf_token": csrf_of(client, "/upload")})
    assert page.status_code == 200
    assert stored_project(web.app, pid)[1] == 1  # the refused table is not imported
    listing = client.get(f"/projects?year=all&unit={SEED_UNIT}&q=检察装备新经费").text
    assert 'id="list-total">共 1 个' in listing
    refusing.state.engine.dispose()


def test_a_cut_table_says_where_it_broke_and_what_was_read(web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    """Before: 「表格不完整。表格不完整（中断），不导入；…」 — the same words twice and no place."""
    cut = tmp_path / "cut.txt"
    cut.write_text("\n".join(seed_path.read_text(encoding="utf-8").split("\n")[:45]), encoding="utf-8")
    page, _ = upload(web.client("editor"), cut)
    found = re.search(r'class="fate-incomplete">([^<]*)<', page)
    assert found, page[:3000]
    assert re.search(r"表格不完整。表格在第\d+行中断，只读到 2 个指标；不导入", found.group(1)), found.group(1)
    assert "表格不完整（中断）" not in page
    # the grade beside it covers the two rows read, and says so (before: a bare 优 for a cut table)
    graded = re.findall(r'<span class="badge g-[^"]*">[^<]*</span>(<span class="partial-grade">[^<]*</span>)?', page)
    assert graded.count('<span class="partial-grade">（表格不完整，只评了已读部分）</span>') == 1, graded


def test_a_cut_table_saved_on_purpose_says_so_beside_its_grade(any_web: WebEnv, seed_path: Path,
                                                                tmp_path: Path) -> None:
    """A cut-off table saved with 「保存不完整的表格」: its project page says beside the grade that the table is
    incomplete and only the rows read were graded (before: a bare grade; the mark was only an info finding)."""

    text = seed_path.read_text(encoding="utf-8").split("\n")
    cut = tmp_path / "cut-unit.txt"  # the seed's first table whole, then the second one cut after its head
    cut.write_text("\n".join(text[:45]).replace("检察业务", "检察新业务"), encoding="utf-8")
    client = any_web.client("editor")
    preview, confirm = upload(client, cut)
    assert confirm and 'id="allow-partial"' in preview
    page = client.post(confirm, data=confirm_form(preview, csrf_of(client, "/upload"), allow_partial="1"))
    assert page.status_code == 200
    listing = client.get(f"/projects?year=all&unit={SEED_UNIT}&q=检察新业务").text
    ids = sorted(set(re.findall(r'href="/projects/(\d+)"', listing)))
    assert ids, listing[:2000]
    pages = [client.get(f"/projects/{pid}").text for pid in ids]
    marked = [p for p in pages if 'class="partial-grade"' in p]
    assert len(marked) == 1 and "（表格不完整，只评了已读部分）" in marked[0]


def test_a_lone_cut_table_is_offered_only_with_allow_partial(web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    """A file whose only table is cut: the preview must not say it can be imported as it is (the import refuses it
    without 「保存不完整的表格」). The page showed a plain 确认导入 whose import failed; now the box is required and
    said so, and the import without it still stores nothing."""
    from sqlalchemy import func, select

    from perfbudget.store.schema import documents

    cut = tmp_path / "lone-cut.txt"  # the seed's first table, renamed, cut after its first rows
    cut.write_text("\n".join(seed_path.read_text(encoding="utf-8").splitlines()[:50]).replace("检察业务", "检察新业务")
                   + "\n", encoding="utf-8")
    client = web.client("editor")
    preview, confirm = upload(client, cut)
    assert confirm and 'id="only-incomplete"' in preview
    assert re.search(r'id="allow-partial" required', preview), preview
    with web.app.state.engine.connect() as connection:
        before = connection.execute(select(func.count()).select_from(documents)).scalar_one()
    refused = client.post(confirm, data=confirm_form(preview, csrf_of(client, "/upload")))
    assert "不完整" in refused.text
    with web.app.state.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(documents)).scalar_one() == before
    saved = client.post(confirm, data=confirm_form(preview, csrf_of(client, "/upload"), allow_partial="1"))
    assert saved.status_code == 200 and "已导入" in saved.text
    with web.app.state.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(documents)).scalar_one() == before + 1
