"""The store commands as a user runs them: import, list, show, history, db upgrade — on both databases."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.model import Document
from perfbudget.store.engine import make_engine, write_transaction
from perfbudget.store.migrate import alembic_config, head_revision

runner = CliRunner()
VIDEO = "\t视频会议保障数量\n\t视频会议保障数量\n\t≥12次\n"
VIDEO_15 = "\t视频会议保障数量\n\t视频会议保障数量\n\t≥15次\n"


def run(db_url: str, *args: str) -> object:
    return runner.invoke(app, [*args, "--db", db_url])


def test_import_twice_then_unchanged(db_url: str, seed_path: Path) -> None:
    first = run(db_url, "import", str(seed_path))
    assert first.exit_code == 0, first.output
    assert "已导入" in first.stdout and "新项目 10 个" in first.stdout
    second = run(db_url, "import", str(seed_path))
    assert second.exit_code == 0
    assert "未变化" in second.stdout and "导入 0 个，未变化 1 个，失败 0 个" in second.stdout
    listed = json.loads(run(db_url, "list", "projects", "--json").stdout)
    assert listed["total"] == 10
    assert sum(item["indicator_count"] for item in listed["items"]) == 88


def test_reimporting_a_file_whose_project_moved_on_names_it(db_url: str, seed_path: Path,
                                                            seed_variant: Callable[..., Path]) -> None:
    """The same bytes again stay 未变化 without being read (a folder holding an original and its
    correction must not flip a project back), but the user is told which projects hold other content
    now, and how to restore the file's — never a bare 未变化 that reads as "the store holds this file"."""
    run(db_url, "import", str(seed_path))
    assert "新版本 1 个" in run(db_url, "import", str(seed_variant("changed.txt", (VIDEO, VIDEO_15)))).stdout
    again = run(db_url, "import", str(seed_path))
    assert again.exit_code == 0, again.output
    assert "未变化（与文档 1 是同一文件，已导入过）" in again.stdout
    # the newer version named with who made it and when, as the API's confirmation says it (since replay-j)
    assert re.search(r"未按此文件恢复：「2024年检察业务信息化运维项目」（2024中央）此后已是第 2 版（\S+ 于 "
                     r"\d{4}-\d\d-\d\d \d\d:\d\d 北京时间 命令行导入「changed\.txt」），内容与此文件（第 1 版）不同；"
                     r"如要恢复此文件的内容，请强制导入（命令行 --force", again.stdout), again.stdout
    assert again.stdout.count("未按此文件恢复") == 1
    same = run(db_url, "import", str(seed_variant("changed.txt", (VIDEO, VIDEO_15))))
    assert "未变化" in same.stdout and "未按此文件恢复" not in same.stdout


def test_show_json_equals_read_json_for_every_project(db_url: str, seed_path: Path) -> None:
    read = runner.invoke(app, ["read", str(seed_path), "--json"])
    assert read.exit_code == 0
    expected = json.loads(read.stdout)
    assert run(db_url, "import", str(seed_path)).exit_code == 0
    listed = json.loads(run(db_url, "list", "projects", "--json", "--limit", "0").stdout)
    shown = []
    for item in listed["items"]:
        result = run(db_url, "show", str(item["id"]), "--json")
        assert result.exit_code == 0, result.output
        shown.append(json.loads(result.stdout))
    by_seq = {doc["projects"][0]["seq"]: doc for doc in shown}
    assert sorted(by_seq) == list(range(1, 11))
    for project in expected["projects"]:
        # Text equality too: same keys in the same order, same decimal strings.
        want = {**expected, "projects": [project]}
        assert json.dumps(by_seq[project["seq"]], ensure_ascii=False) == json.dumps(want, ensure_ascii=False)


def test_directory_import_continues_past_bad_files(db_url: str, seed_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "a_seed.txt").write_bytes(seed_path.read_bytes())
    (folder / "b_bad.txt").write_bytes(b"\x00\x01garbage")
    (folder / "c_changed.txt").write_text(seed_path.read_text(encoding="utf-8").replace(VIDEO, VIDEO_15),
                                          encoding="utf-8")
    (folder / ".hidden.txt").write_bytes(b"\x00")
    result = run(db_url, "import", str(folder))
    assert result.exit_code == 1
    assert "共 3 个文件：导入 2 个，未变化 0 个，失败 1 个；新项目 10 个，新版本 1 个" in result.stdout
    assert "b_bad.txt" in result.stderr and "失败的文件" in result.stderr
    as_json = json.loads(run(db_url, "import", str(folder), "--json").stdout)
    assert as_json["summary"] == {"imported": 0, "unchanged": 2, "failed": 1}
    [failed] = [f for f in as_json["files"] if f["status"] == "failed"]
    assert failed["file"].endswith("b_bad.txt") and failed["problems"][0]["message"]


def test_list_filters(db_url: str, seed_path: Path, seed_document: Document) -> None:
    run(db_url, "import", str(seed_path))

    def listed(*args: str) -> dict:
        result = run(db_url, "list", *args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    assert listed("units")["items"] == [{"id": 1, "code": "255101", "name": "天津市和平区人民检察院", "projects": 10}]
    assert listed("projects", "--year", "2023")["total"] == 2
    assert listed("projects", "--unit", "255101")["total"] == 10
    unknown = run(db_url, "list", "projects", "--unit", "999999", "--json")  # said, not an empty list (faces-u)
    assert unknown.exit_code == 1 and "没有找到单位「999999」" in unknown.output, unknown.output
    # the web's and the API's search (leftovers19): the project's name, its unit, or an indicator's text
    in_indicators = {p.name for p in seed_document.projects
                     if any("司法" in i.level3 or "司法" in (i.description or "") for i in p.indicators)}
    assert "2024年检察业务信息化运维项目" in in_indicators  # an indicator of it names 司法 (not its name)
    found = {p["name"] for p in listed("projects", "--search", "司法")["items"]}
    assert found == in_indicators | {"2024年司法救助项目"}
    assert listed("indicators")["total"] == 88
    assert listed("indicators", "--limit", "5")["items"].__len__() == 5
    expected = [(p.seq, i.level3) for p in seed_document.projects for i in p.indicators
                if "满意度" in i.level3 or "满意度" in (i.description or "")]
    satisfaction = listed("indicators", "--search", "满意度", "--limit", "0")
    assert satisfaction["total"] == len(expected) > 0
    assert sorted(i["level3"] for i in satisfaction["items"]) == sorted(level3 for _, level3 in expected)
    assert listed("indicators", "--search", "%")["total"] == 0  # LIKE wildcards are escaped
    assert listed("units", "--year", "2023")["items"][0]["projects"] == 2
    text = run(db_url, "list", "projects", "--limit", "3")
    assert "共 10 个项目，显示第 1–3 条，共 4 页" in text.stdout


def test_show_by_name_and_ambiguity(db_url: str, seed_path: Path) -> None:
    run(db_url, "import", str(seed_path))
    ambiguous = run(db_url, "show", "2024年检察业务经费项目")
    assert ambiguous.exit_code == 1
    assert "对应 2 个项目" in ambiguous.stderr
    assert "2024市级" in ambiguous.stderr and "2024中央" in ambiguous.stderr
    exact = run(db_url, "show", "2024年检察业务经费项目-2024市级")
    assert exact.exit_code == 0, exact.output
    assert "预算数 60.00万元" in exact.stdout and "第 1 版（共 1 版）" in exact.stdout
    part = run(db_url, "show", "司法救助")
    assert part.exit_code == 0 and "2024年司法救助项目" in part.stdout
    missing = run(db_url, "show", "不存在的项目")
    assert missing.exit_code == 1 and "没有找到项目" in missing.stderr
    no_version = run(db_url, "show", "司法救助", "--version", "2")
    assert no_version.exit_code == 1 and "没有第 2 版" in no_version.stderr


def test_history_in_chinese(db_url: str, seed_path: Path, seed_variant: Callable[..., Path]) -> None:
    run(db_url, "import", str(seed_path))
    changed = seed_variant("changed.txt", (VIDEO, VIDEO_15), ("\t预算数\n\t17.00\n", "\t预算数\n\t18.00\n"))
    imported = run(db_url, "import", str(changed))
    assert "新版本 1 个" in imported.stdout
    result = run(db_url, "history", "2024年检察业务信息化运维项目")
    assert result.exit_code == 0, result.output
    assert "共 2 版" in result.stdout and "首个版本" in result.stdout and "首次导入" not in result.stdout
    assert "指标值变更：产出指标 / 数量指标 / 视频会议保障数量：≥12次 → ≥15次" in result.stdout
    assert "预算数变更：17.00 → 18.00" in result.stdout
    data = json.loads(run(db_url, "history", "1", "--json").stdout)
    assert [v["version"] for v in data["versions"]] == [1, 2]
    assert {c["kind"] for c in data["versions"][1]["changes"]} == {"target_changed", "budget_changed"}
    old = json.loads(run(db_url, "show", "1", "--version", "1", "--json").stdout)
    assert old["projects"][0]["budget"]["total"] == "17.00"


@pytest.mark.empty_database
def test_db_upgrade_and_outdated_database(db_url: str) -> None:
    first = run(db_url, "db", "upgrade")
    assert first.exit_code == 0, first.output
    assert f"升级到 {head_revision()}" in first.stdout
    again = run(db_url, "db", "upgrade")
    assert "已是最新结构" in again.stdout
    engine = make_engine(db_url)
    with write_transaction(engine, moves=None) as connection:
        command.downgrade(alembic_config(connection), "0001")
    engine.dispose()
    refused = run(db_url, "list", "units")
    assert refused.exit_code == 1 and "请先运行 perfbudget db upgrade" in refused.stderr
    assert run(db_url, "db", "upgrade").exit_code == 0
    assert run(db_url, "list", "units").exit_code == 0


def test_default_database_and_environment(seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PERFBUDGET_DB", raising=False)
    assert runner.invoke(app, ["import", str(seed_path)]).exit_code == 0
    assert (tmp_path / "perfbudget.db").exists()
    monkeypatch.setenv("PERFBUDGET_DB", f"sqlite:///{tmp_path / 'env.db'}")
    assert runner.invoke(app, ["import", str(seed_path)]).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_bad_database_urls_are_clean_errors(seed_path: Path, tmp_path: Path) -> None:
    invalid = runner.invoke(app, ["list", "units", "--db", "nonsense"])
    assert invalid.exit_code == 1 and "数据库地址无效" in invalid.stderr
    unreachable = runner.invoke(app, ["list", "units", "--db", "postgresql+psycopg://nobody:secret@127.0.0.1:1/x"])
    assert unreachable.exit_code == 1 and "无法打开数据库" in unreachable.stderr
    assert "secret" not in unreachable.stderr
    no_dir = runner.invoke(app, ["import", str(seed_path), "--db", f"sqlite:///{tmp_path / 'no' / 'such' / 'x.db'}"])
    assert no_dir.exit_code == 1 and "无法打开数据库" in no_dir.stderr
    nothing = runner.invoke(app, ["import", str(tmp_path / "empty_dir_missing"), "--db", f"sqlite:///{tmp_path}/y.db"])
    assert nothing.exit_code == 1


@pytest.mark.parametrize("url, message", [
    ("mysql://a/b", "不支持的数据库「mysql」"),
    ("postgresql+psycopg2://u@127.0.0.1:1/db", "不支持的数据库「postgresql+psycopg2」"),
    ("postgresql://u:secret@h:notaport/db", "数据库地址无效：postgresql://u:***@h:notaport/db"),
])
@pytest.mark.parametrize("args", [["list", "projects"], ["db", "upgrade"], ["serve", "--port", "1"],
                                  ["user", "list"], ["audit"]])
def test_an_unsupported_or_malformed_url_is_named_by_every_command(url: str, message: str, args: list[str]) -> None:
    """Before (replay-h): another database's URL imported its driver (ModuleNotFoundError: MySQLdb, psycopg2)
    and a port that is no number raised SQLAlchemy's ValueError: a traceback from every command, serve too."""
    result = runner.invoke(app, [*args, "--db", url])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # not a traceback
    assert message in result.stderr and "Traceback" not in result.stderr and "secret" not in result.stderr


@pytest.mark.parametrize("args", [
    ["list", "projects"], ["show", "1"], ["history", "1"], ["export", "nosuch.txt", "--to", "docx"],
    ["evaluations", "1"], ["reviews", "1"], ["review", "--db", "sqlite:///perfbudget.db"],
    ["library", "search", "满意度"], ["publish", "--unit", "255101", "--year", "2024", "--to", "docx"],
])
def test_a_query_never_creates_the_database(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: in a directory without perfbudget.db, `export nosuch.txt` (a mistyped file) or `list`
    made a new empty database there and said 没有找到项目 / 共 0 个, hiding the wrong directory."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PERFBUDGET_DB", raising=False)
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "数据库 sqlite:///perfbudget.db 不存在" in result.stderr and "perfbudget import" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_import_and_user_add_create_the_database(seed_path: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PERFBUDGET_DB", raising=False)
    added = runner.invoke(app, ["user", "add", "someone", "--role", "admin", "--password", "Long-enough-9"])
    assert added.exit_code == 0, added.output
    assert (tmp_path / "perfbudget.db").exists()
    upgraded = runner.invoke(app, ["db", "upgrade", "--db", f"sqlite:///{tmp_path / 'other.db'}"])
    assert upgraded.exit_code == 0 and (tmp_path / "other.db").exists()
