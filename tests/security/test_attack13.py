"""Found by attack13 (2026-12-04); each test failed before its fix.

A project of any number of indicators cost seconds of CPU per download; the command line printed hostile file
names raw outside `import`, skipped FIFOs and dangling links without a word, and a link looping to itself made
`import DIR` skip every file of its directory."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from tests.conftest import HEADER_ROWS, table_text
from tests.web.conftest import WebEnv

HOSTILE = "x\x1b[2J\u202e"  # a terminal control sequence and a bidi control


def _has_raw_controls(text: str) -> bool:
    return "\x1b" in text or "\u202e" in text


def _table(indicators: int) -> str:
    rows = [["产出指标", "数量指标", f"完成事项{i}", "描述", "≥1个"] for i in range(indicators)]
    return table_text(*HEADER_ROWS, *rows)


def test_a_project_of_more_than_1000_indicators_is_not_imported_by_the_command_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    (tmp_path / "many.txt").write_text(_table(1001), encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(tmp_path / "many.txt"), "--db", db])
    assert result.exit_code == 1, result.output
    assert "projects[0].indicators：项目「测试项目」有 1,001 个三级指标，超过每个项目 1,000 个的上限" in result.output
    line = next(x for x in result.output.splitlines() if "1,001 个三级指标" in x)
    assert line.startswith(f"{tmp_path / 'many.txt'}:"), line  # the place: the file and the line of indicator 1,001
    listed = CliRunner().invoke(app, ["list", "projects", "--db", db, "--json"])
    assert "测试项目" not in listed.output  # nothing stored
    (tmp_path / "enough.txt").write_text(_table(1000), encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(tmp_path / "enough.txt"), "--db", db])
    assert result.exit_code == 0 and "已导入" in result.output, result.output


def _headers(web: WebEnv) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token('editor')}"}


def _stored(web: WebEnv, project_id: int) -> dict[str, Any]:
    response = web.client().get(f"/api/v1/projects/{project_id}", headers=_headers(web))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_the_api_refuses_a_project_of_more_than_1000_indicators_at_import_and_edit(web: WebEnv) -> None:
    """10,000 short indicators (a 2.2 MB document) were stored, and each Word/Excel download of them cost 12 s."""
    project_id = web.project_ids[0]
    stored = _stored(web, project_id)
    document = copy.deepcopy(stored["document"])
    first = document["projects"][0]["indicators"][0]
    document["projects"][0]["indicators"] = [{**first, "level3": f"指标{i}"} for i in range(1001)]
    for query in ("dry_run=true", "dry_run=false"):
        response = web.client().post(f"/api/v1/documents?{query}", json=document, headers=_headers(web))
        assert response.status_code == 422, response.text
        details = response.json()["error"]["details"]
        assert any(d["location"] == "projects[0].indicators" and "超过每个项目 1,000 个的上限" in d["message"]
                   for d in details), details
    edit = web.client().put(f"/api/v1/projects/{project_id}", headers=_headers(web),
                            json={"base_version": stored["version"], "document": document})
    assert edit.status_code == 422 and "1,001 个三级指标" in edit.text, edit.text
    assert _stored(web, project_id)["version"] == stored["version"]  # no new version
    document["projects"][0]["indicators"] = document["projects"][0]["indicators"][:1000]
    edit = web.client().put(f"/api/v1/projects/{project_id}", headers=_headers(web),
                            json={"base_version": stored["version"], "document": document})
    assert edit.status_code == 200, edit.text


def test_commands_other_than_import_print_hostile_file_names_escaped(tmp_path: Path, seed_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = f"{HOSTILE}.txt"
    Path(name).write_bytes(seed_path.read_bytes())
    text = seed_path.read_text(encoding="utf-8")
    Path(f"cut{name}").write_text(text[:1500], encoding="utf-8")  # a table cut off: read names the file
    db = f"sqlite:///{tmp_path / 'x.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["import", name, "--db", db]).exit_code == 0
    runs = {
        "read": ["read", f"cut{name}"],
        "export": ["export", name, "--to", "xlsx", "-o", f"o{name}.xlsx"],
        "export to nowhere": ["export", name, "--to", "xlsx", "-o", f"missing/o{name}.xlsx"],
        "review": ["review", name],
        "evaluate": ["evaluate", name, "-a", name],
        "history": ["history", "1", "--db", db],
        "show": ["show", "1", "--db", db],
        "library export": ["library", "export", "--db", db, "--to", "json", "-o", f"l{name}.json"],
    }
    for what, arguments in runs.items():
        result = runner.invoke(app, arguments)
        assert not _has_raw_controls(result.output), (what, result.output)
        assert "x\\x1b[2J\\u202e" in result.output, (what, result.output)


def test_import_names_every_entry_it_skips_and_a_link_loop_hides_no_file(tmp_path: Path, seed_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "ok.txt").write_bytes(seed_path.read_bytes())
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop.txt").symlink_to("loop.txt")  # until attack13 this hid ok.txt: the listing stopped on it
    (folder / "to-dir").symlink_to("sub")
    (folder / f"{HOSTILE}.fifo").symlink_to("pipe.txt")
    result = CliRunner().invoke(app, ["import", str(folder), "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    shown = result.output
    assert "ok.txt: 已导入" in shown, shown
    for line in (f"{folder / 'pipe.txt'}: 不是普通文件（命名管道），已跳过",
                 f"{folder / 'dangling.txt'}: 符号链接指向的文件不存在，已跳过",
                 f"{folder / 'loop.txt'}: 符号链接循环指向自身，已跳过",
                 f"{folder / 'to-dir'}: 指向目录的符号链接不跟随，已跳过",
                 f"{folder}/x\\x1b[2J\\u202e.fifo: 不是普通文件（命名管道），已跳过"):
        assert line in shown, shown
    assert "跳过 5 项（不是普通文件等，见上文）" in shown and not _has_raw_controls(shown)
    assert result.exit_code == 0  # skipping them is no failure; the files were imported


def _sign_in(web: WebEnv, address: str, password: str) -> int:
    from fastapi.testclient import TestClient

    from tests.web.conftest import csrf_of

    client = TestClient(web.app, client=(address, 50000))
    return client.post("/login", data={"username": "editor", "password": password, "csrf_token": csrf_of(client)},
                       follow_redirects=False).status_code


def test_a_stranger_failing_sign_ins_does_not_lock_the_owner_out_from_their_own_address(web: WebEnv) -> None:
    """Five failures every window (15 minutes) from anywhere kept an account locked for ever, its owner too."""
    from tests.web.conftest import PASSWORD

    assert _sign_in(web, "127.0.0.2", PASSWORD) == 303  # the owner's usual address
    assert [_sign_in(web, "127.0.0.3", "wrong-password") for _ in range(6)] == [401] * 5 + [429]
    assert _sign_in(web, "127.0.0.4", PASSWORD) == 429  # a new address still waits: guessing stays bounded
    assert _sign_in(web, "127.0.0.2", PASSWORD) == 303  # 429 before
    assert [_sign_in(web, "127.0.0.2", "wrong-password") for _ in range(6)] == [401] * 5 + [429]  # and from there


def test_an_unknown_opinion_format_is_refused_before_any_desk_is_built(web: WebEnv) -> None:
    """`/units/{id}/opinion.pdf` built the desk of each of the unit's (up to 200) projects, then answered 404."""
    from sqlalchemy import select

    from perfbudget.app import review_desk
    from perfbudget.store.schema import units

    with web.app.state.engine.connect() as connection:
        unit_id = connection.execute(select(units.c.id).where(units.c.code == "255101")).scalar_one()
    built: list[int] = []
    original = review_desk.load_desks  # the unit's desks are built together (load_desk is one of them)

    def counting(store: Any, principal: Any, project_ids: list[int], settings: Any) -> Any:
        built.extend(project_ids)
        return original(store, principal, project_ids, settings)

    client = web.client("admin")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(review_desk, "load_desks", counting)
        for path in (f"/units/{unit_id}/opinion.pdf", f"/projects/{web.project_ids[0]}/opinion.xlsx"):
            assert client.get(path).status_code == 404
        assert built == []
        assert client.get(f"/units/{unit_id}/opinion.html").status_code == 200
    assert sorted(built) == sorted(web.project_ids)
