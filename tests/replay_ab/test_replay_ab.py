"""replay-ab: the ended issues' scenarios replayed through ``perfbudget …`` and the API on fresh SQLite and
PostgreSQL stores; what disagreed between the faces or the databases (docs/web.md *replay-ab*).

* the command line's lists paged 50 rows where the API's page 100 (``app.paging``);
* projects and units of equal sort keys were listed by id — the order of the writes, which a PostgreSQL import of a
  directory (two writing connections) makes differently from SQLite's — so the same files listed in another order on
  the two databases (and ``show NAME`` offered its candidates in another order): units, ``--sort unit`` and
  ``--sort year`` by unit code then name, ``show NAME``'s candidates by unit; ties under the other sorts by the
  project's number (741e95d8), which may differ between the two stores;
* uvicorn's warnings and errors on ``perfbudget serve``'s console were English (``web/server_log.py``)."""

from __future__ import annotations

import importlib.util
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.conftest import table_text
from tests.web.conftest import WebEnv

runner = CliRunner()


def _cli_json(url: str, *args: str) -> dict:
    said = runner.invoke(cli, [*args, "--db", url, "--json"])
    assert said.exit_code == 0, said.output
    answer: dict = json.loads(said.stdout)
    return answer


def test_the_command_line_and_the_api_give_one_page_of_the_same_size(any_web: WebEnv) -> None:
    """``perfbudget list indicators --json`` gave 50 of the seed's 88 indicators, ``GET /api/v1/indicators`` 88
    (a page of 100): the same question, two pages. One default now, said in both helps."""
    bearer = {"Authorization": f"Bearer {any_web.token('admin')}"}
    for kind in ("indicators", "projects", "units"):
        listed = _cli_json(any_web.url, "list", kind)
        answer = any_web.client().get(f"/api/v1/{kind}", headers=bearer)
        assert answer.status_code == 200, answer.text[:300]
        assert listed["limit"] == answer.json()["limit"] == 100
        assert listed["items"] == answer.json()["items"], kind
    indicators = _cli_json(any_web.url, "list", "indicators")
    assert len(indicators["items"]) == indicators["total"] == 97  # the seed's 88 and the other unit's 9: one page
    assert "默认 100" in runner.invoke(cli, ["list", "--help"], terminal_width=200).stdout
    limit = next(p for p in any_web.client().get("/api/openapi.json").json()["paths"]["/api/v1/projects"]["get"]
                 ["parameters"] if p["name"] == "limit")
    assert limit["schema"]["default"] == 100 and "默认 100" in limit["description"]
    for kind in ("units", "indicators", "projects"):  # the largest page alike: 1,000 (units and indicators took any)
        said = runner.invoke(cli, ["list", kind, "--limit", "1001", "--db", any_web.url])
        assert said.exit_code == 2 and "--limit 最多 1000" in said.stderr  # a usage error, as --limit -1
        assert any_web.client().get(f"/api/v1/{kind}?limit=1001", headers=bearer).status_code == 422


def test_a_bad_option_value_of_list_is_a_usage_error(web: WebEnv) -> None:
    """``perfbudget list projects --year abc`` (a sort, a state, a grade that is none) exited 1, a refusal's code,
    where ``--page abc`` and ``--limit -1`` exit 2 and every command's help says 2 is 「选项或参数不对」: 2 now, told as
    Click tells its own (the usage line, where the help is); a unit not found stays a refusal (1)."""
    bad = ((["projects", "--year", "abc"], "年度「abc」无效"), (["indicators", "--year", "abc"], "年度「abc」无效"),
           (["projects", "--sort", "size"], "排序「size」无效"), (["queue", "--state", "sent"], "流程状态「sent」无效"),
           (["projects", "--grade", "A"], "审核等级「A」无效"), (["units", "--grade", "优"], "--grade 只用于"),
           (["projects", "--format", "pdf", "-o", "x.pdf"], "--format 应为 xlsx 或 csv"))
    for args, words in bad:
        said = runner.invoke(cli, ["list", *args, "--db", web.url])
        assert said.exit_code == 2, (args, said.output)
        assert said.stderr.startswith("用法：perfbudget list [选项] 种类\n") and f"错误：{words}" in said.stderr
    said = runner.invoke(cli, ["list", "projects", "--unit", "无此单位", "--db", web.url])
    assert said.exit_code == 1 and "没有找到单位「无此单位」" in said.stderr


def _unit_rows(unit: str, name: str) -> list[list[str]]:
    return [[f"预算单位：{unit}", "单位：万元"], ["项目名称", f"{name}-2024中央"],
            ["预算规模及资金用途", "预算数", "10.00", "其中：财政    资金", "10.00", "其他资金", " "],
            ["", "用于测试"], ["绩效目标", "1.完成测试"],
            ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"],
            ["产出指标", "数量指标", "培训人数", "培训人数", "≥100人"],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "学员满意度", "≥90%"]]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def two_stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two fresh migrated stores on one kind of database."""
    if request.param == "sqlite":
        import shutil

        template = request.getfixturevalue("sqlite_migrated_template")
        for name in ("one.db", "two.db"):
            shutil.copyfile(template, tmp_path / name)
        yield f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
        return
    from tests.conftest import pg_database

    template = request.getfixturevalue("pg_migrated_template")
    with pg_database(template) as one, pg_database(template) as two:
        yield one, two


def test_unit_ties_by_name_other_ties_by_number(two_stores: tuple[str, str], tmp_path: Path) -> None:
    """Two units without a code, each with a 「培训项目」 of 2024, nothing reviewed: imported in one order into one
    store and in the other into the other (as PostgreSQL's two writing connections may write them). The units, the
    projects by unit or by year and 「show」's candidates come by unit name in both, where they came in the order of
    the writes (the ids); projects of equal keys under another sort come by their number, ascending (a list of
    ``project_status`` alone, issue 17), so that order is the one a store's numbers give."""
    files = []
    for unit in ("东城测试中心", "西城测试中心"):
        path = tmp_path / f"{unit}.txt"
        path.write_text(table_text(*_unit_rows(unit, "培训项目"), heading="1.培训项目-2024中央绩效目标表"),
                        encoding="utf-8")
        files.append(path)
    one, two = two_stores
    for url, order in ((one, files), (two, files[::-1])):
        for path in order:
            said = runner.invoke(cli, ["import", str(path), "--db", url])
            assert said.exit_code == 0, said.output

    def listed(url: str, *args: str) -> list[str]:
        items = _cli_json(url, "list", *args)["items"]
        return [item["unit"]["name"] if "unit" in item else item.get("name") or item["project"] for item in items]

    for sort in ("unit", "year"):  # both join ``units``: two units without a code come by name
        assert listed(one, "projects", "--sort", sort) == listed(two, "projects", "--sort", sort) == [
            "东城测试中心", "西城测试中心"], sort
        assert listed(one, "projects", "--sort", sort, "--desc") == ["西城测试中心", "东城测试中心"], sort
    for url in (one, two):
        for sort in ("grade", "state", "budget", "errors", "submitted", "name"):
            for desc in ((), ("--desc",)):
                numbers = [item["id"] for item in _cli_json(url, "list", "projects", "--sort", sort, *desc)["items"]]
                assert numbers == sorted(numbers, reverse=bool(desc)), (sort, desc)
    assert listed(one, "units") == listed(two, "units") == ["东城测试中心", "西城测试中心"]
    candidates = []
    for url in (one, two):  # 「show 培训」 names two projects: offered by unit, not by id
        said = runner.invoke(cli, ["show", "培训", "--db", url])
        assert said.exit_code == 1
        candidates.append([line.split("  ")[2] for line in said.stderr.splitlines() if line.startswith("  编号")])
    assert candidates[0] == candidates[1] == ["东城测试中心", "西城测试中心"]


def test_the_replay_table_claims_what_the_tests_check() -> None:
    """docs/web.md's replay-ab table said every ``--sort`` was fixed and named a test that is no more: only ties of
    ``--sort unit`` and ``year`` agree across two stores; the tests it names exist."""
    section = (Path(__file__).parents[2] / "docs" / "web.md").read_text(encoding="utf-8").split("## replay-ab")[1]
    section = section.split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "--sort" in line]
    assert rows and all("grade" not in row and "budget" not in row for row in rows if "fixed" in row)
    for name in re.findall(r"`(test_\w+)`", section):
        assert name in globals(), name


def _logged(level: int, message: str, *args: object, exc_info: BaseException | None = None) -> str:
    """What ``serve``'s logging set-up writes for one record of uvicorn's (no colours: not a terminal): the record
    formatted by the formatter serve's configuration names, no logger configured (none left changed for the next
    test)."""
    from perfbudget.cli.cmd_serve import server_log_config

    entry = dict(server_log_config()["formatters"]["default"])
    make = entry.pop("()")
    module, _, name = make.rpartition(".")
    formatter = getattr(importlib.import_module(module), name)(**{**entry, "use_colors": False})
    record = logging.LogRecord("uvicorn.error", level, __file__, 0, message, args,
                               (type(exc_info), exc_info, exc_info.__traceback__) if exc_info else None)
    return formatter.format(record) + "\n"


def test_serves_warnings_and_errors_are_chinese() -> None:
    """``perfbudget serve`` wrote uvicorn's 「WARNING:  Invalid HTTP request received.」 below its Chinese start line:
    the logging set-up ``serve`` passes to uvicorn now says its messages in Chinese, the arguments kept."""
    said = _logged(logging.WARNING, "Invalid HTTP request received.")
    assert said == "警告：收到无法解析的 HTTP 请求，已回答 400\n"
    said = _logged(logging.ERROR, "ASGI callable should return None, but returned '%s'.", 7)
    assert said == "错误：程序处理请求后返回了意外的值「7」，已关闭连接\n"
    said = _logged(logging.WARNING, "Some later uvicorn line about %s.", "/项目/1")  # English, a Chinese path
    assert said == "警告：uvicorn：Some later uvicorn line about /项目/1.\n"
    said = _logged(logging.WARNING, "工作进程 [%s] 已退出，重新启动", 12)
    assert said == "警告：工作进程 [12] 已退出，重新启动\n"  # the workers' own lines as they are
    assert _logged(logging.WARNING, "Some later uvicorn line.") == "警告：uvicorn：Some later uvicorn line.\n"
    try:
        raise ValueError("boom")
    except ValueError as exc:
        said = _logged(logging.ERROR, "Exception in ASGI application\n", exc_info=exc)
    assert said.startswith("错误：处理请求时程序出错（已回答 500，或关闭了连接），错误详情如下：\n")
    assert "Traceback" in said and "ValueError: boom" in said  # the traceback kept for whoever debugs it
    try:
        raise ValueError("boom")
    except ValueError as exc:
        said = _logged(logging.ERROR, "Exception in 'lifespan' protocol\n", exc_info=exc)
    assert said.startswith("错误：网页端启动或停止时程序出错，错误详情如下：\n"), said


def test_the_request_head_guard_logs_in_chinese() -> None:
    """The guard's own warning (``web/http_protocol.py``) was English translated through uvicorn's table: it is
    written in Chinese where it is logged, as the workers' lines are."""
    from unittest.mock import Mock

    from perfbudget.web.http_protocol import BoundedHttpToolsProtocol
    from perfbudget.web.server_log import MESSAGES

    guard = BoundedHttpToolsProtocol.__new__(BoundedHttpToolsProtocol)
    guard.logger, guard.transport = Mock(), Mock()
    guard._refuse()
    template, *args = guard.logger.warning.call_args.args
    assert template % tuple(args) == "请求头超过 65536 字节，已拒绝（431）"
    assert not any("431" in english for english in MESSAGES)


def test_a_bad_option_value_is_a_usage_error_on_every_command(web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    """The same for the other commands' option values they check themselves: a form ``--to`` does not write, a role,
    an audit action, a year, a record kind, a month — 1 until replay-ab, 2 beside ``--year abc`` of ``reviews``."""
    seed = str(seed_path)
    cases = ((["export", seed, "--to", "pdf"], "不支持的导出格式「pdf」"),
             (["template", seed, "--to", "pdf"], "--to 应为 xlsx 或 csv"),
             (["publish", "--unit", "255101", "--year", "2024", "--to", "pdf"], "不支持的发布格式「pdf」"),
             (["library", "export", "--to", "pdf"], "不支持的导出格式：pdf"),
             (["user", "add", "someone", "--role", "boss"], "未知角色「boss」"),
             (["audit", "--action", "bogus"], "操作「bogus」无效"),
             (["desk", "todo", "--user", "reviewer", "--year", "20x"], "年度「20x」无效"),
             (["evaluations", "1", "--kind", "review"], "记录类型「review」无效"),
             (["monitor", seed, "-a", str(tmp_path / "x.csv"), "--month", "13"], "--month 应为 1–12"),
             (["evaluate", seed, "-a", str(tmp_path / "x.csv"), "--reverse", "cubic"], "ratio 或 linear"),
             (["evaluate", seed, "-a", str(tmp_path / "x.csv"), "--weights", "产出"], "--weights："),
             (["template", seed, "--to", "xlsx"], "xlsx 须用 -o 指定输出文件"),
             (["export", "--version", "2", "--to", "json"], "--version 须与一个项目一起给出"),
             (["desk", "opinion", "1", "-o", str(tmp_path / "o.docx"), "--to", "pdf"], "不支持的审核意见书格式「pdf」"))
    for args, words in cases:
        said = runner.invoke(cli, [*args, "--db", web.url], env={"PERFBUDGET_USER": "admin"})
        assert said.exit_code == 2, (args, said.output)
        assert said.stderr.startswith("用法：perfbudget ") and words in said.stderr, (args, said.stderr)


def test_the_page_size_is_checked_once_for_every_list(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``list`` checked ``--limit`` twice over (the project lists and the other lists each, each asking
    ``too_many`` twice): one check in ``list`` before it hands a kind on."""
    from perfbudget.app import paging
    from perfbudget.cli import cmd_store

    asked: list[int] = []
    monkeypatch.setattr(cmd_store, "too_many", lambda limit: asked.append(limit) or paging.too_many(limit))
    for kind in ("projects", "units"):
        asked.clear()
        said = runner.invoke(cli, ["list", kind, "--limit", "1001", "--db", f"sqlite:///{tmp_path / 'x.db'}"])
        assert said.exit_code == 2 and "--limit 最多 1000" in said.stderr, said.output
        assert asked == [1001], kind


def test_the_log_test_leaves_the_loggers_as_it_found_them() -> None:
    """``_logged`` set up serve's logging and left ``uvicorn.error`` at WARNING and a handler on ``uvicorn.access``
    for the tests after it: it formats a record with serve's formatter and touches no logger."""
    loggers = [logging.getLogger(name) for name in ("uvicorn", "uvicorn.error", "uvicorn.access")]
    before = [(logger.level, list(logger.handlers), logger.propagate) for logger in loggers]
    _logged(logging.WARNING, "Invalid HTTP request received.")
    assert [(logger.level, list(logger.handlers), logger.propagate) for logger in loggers] == before


def test_migration_1846_writes_its_own_index() -> None:
    """Migration 1846 made the index from ``store.ordering.PG_ORDER_INDEXES`` as it is at run time: a later change
    of that order would change what an old migration does. It holds its ``CREATE INDEX`` (today's order)."""
    from perfbudget.store.ordering import PG_ORDER_INDEXES

    path = Path(__file__).parents[2] / "src/perfbudget/store/migrations/versions/1846_unit_order_by_name.py"
    spec = importlib.util.spec_from_file_location("migration_1846", path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    assert "perfbudget.store.ordering import" not in path.read_text(encoding="utf-8")
    assert PG_ORDER_INDEXES["order_units_code"] == migration._AFTER
