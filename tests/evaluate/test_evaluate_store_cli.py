"""evaluate / monitor on projects from the store, --save with history, and perfbudget evaluations —
on SQLite and PostgreSQL, compared with the file-based results of the same sheets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from typer.testing import CliRunner

from perfbudget.app.evaluations import names_only
from perfbudget.cli import app
from perfbudget.evaluate.monitor import monitoring_from_dict
from perfbudget.evaluate.result import evaluation_from_dict
from perfbudget.readers.text import read_text
from tests.conftest import HEADER_ROWS, filled_store_url, table_text
from tests.writers.test_print_pdf import to_pdf

runner = CliRunner()
P1 = "2024年检察业务信息化运维项目-2024中央"
P5 = "2024年检察业务经费项目-2024市级"
HEADER = "项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析"
MONITOR_HEADER = "项目名称,三级指标,实际完成值,完成等级,完成目标可能性,全年预计完成情况,偏差原因,偏差原因分析,备注"

P5_ROWS = {"全年执行数": "54", "检察业务保障人数": "126人", "办案数": "450", "设备维修维护合格率": "98%",
           "检察业务费支出合规率": "100", "检察业务费支付及时率": "95%", "年度维护成本增长率": "25%",
           "提升法律知识普及率": "3.5%", "保障案件办理可持续影响": "|部分达成", "检察服务对象满意度": "92%"}
P1_ROWS = {"全年执行数": "16", "视频会议保障数量": "12次", "信息化设备（系统）巡检次数": "10",
           "信息化系统运维服务验收合格率": "100%", "网络连通率": "99%", "系统故障修复平均响应时间": "3小时",
           "运行系统（软件）维护成本": "17万元", "保障司法工作正常开展": "|达成",
           "信息化设备（系统）正常使用年限": "6年", "服务干警满意度": "96%"}


@pytest.fixture(autouse=True)
def any_project_may_be_evaluated(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests score projects that never went through the workflow (the deployment setting
    ``any``); the approved-only default is tested in tests/app/test_faces.py."""
    monkeypatch.setenv("PERFBUDGET_SELF_EVALUATION", "any")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def imported(request: pytest.FixtureRequest, backend: str, tmp_path: Path, seed_path: Path) -> str:
    """A database holding the seed as ``perfbudget import`` puts it in: imported once per test process, a copy for
    each test (tests/conftest.py ``filled_store_url``)."""

    def fill(url: str) -> None:
        result = runner.invoke(app, ["import", str(seed_path), "--db", url])
        assert result.exit_code == 0, result.output

    return filled_store_url(request, backend, tmp_path, "seed-imported-by-cli", fill)


def _sheet(path: Path, projects: dict[str, dict[str, str]]) -> Path:
    lines = [HEADER]
    for key, rows in projects.items():
        for level3, value in rows.items():
            actual, _, grade = value.partition("|")
            lines.append(f"{key},{level3},{actual},{grade},,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def _json(args: list[str]) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _by_seq(payload: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {p["seq"]: p for p in payload["projects"]}


def test_saved_evaluations_keep_history_and_equal_the_file_results(imported: str, seed_path: Path,
                                                                   tmp_path: Path) -> None:
    db = imported
    first_sheet = _sheet(tmp_path / "一月.csv", {P5: P5_ROWS, P1: P1_ROWS})
    second_sheet = _sheet(tmp_path / "二月.csv", {P5: {**P5_ROWS, "办案数": "500", "全年执行数": "60"},
                                                P1: {**P1_ROWS, "系统故障修复平均响应时间": "90分钟"}})
    file_first = _json(["evaluate", str(seed_path), "-a", str(first_sheet), "--json"])
    file_second = _json(["evaluate", str(seed_path), "-a", str(second_sheet), "--json"])
    # Hand check of the sheets' effect: P5 as in test_cli (90.33); 500 cases and full execution add points.
    assert _by_seq(file_first)[5]["total"] == "90.33"
    assert _by_seq(file_second)[5]["total"] > _by_seq(file_first)[5]["total"]

    saved = runner.invoke(app, ["evaluate", "--db", db, "--unit", "255101", "--year", "2024",
                                "-a", str(first_sheet), "--save", "--actor", "张三", "--json"])
    assert saved.exit_code == 0, saved.output
    assert "已保存 2 个项目的自评结果" in saved.stderr
    from_store = json.loads(saved.stdout)
    assert from_store["projects"] == file_first["projects"]
    assert {k: v for k, v in from_store.items() if k not in ("projects", "document_file")} == \
        {k: v for k, v in file_first.items() if k not in ("projects", "document_file")}
    # Again, with changed actuals, naming the project (PROJECT reference) for P5 and the unit for both.
    again = runner.invoke(app, ["evaluate", "--db", db, "--unit", "255101", "--year", "2024",
                                "-a", str(second_sheet), "--save", "--actor", "李四", "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["projects"] == file_second["projects"]

    for seq, reference in ((5, P5), (1, P1)):
        listing = _json(["evaluations", reference, "--db", db, "--json"])
        records = listing["evaluations"]
        assert len(records) == 2, records
        assert [r["total"] for r in records] == [_by_seq(file_first)[seq]["total"], _by_seq(file_second)[seq]["total"]]
        assert [r["grade"] for r in records] == [_by_seq(file_first)[seq]["grade"], _by_seq(file_second)[seq]["grade"]]
        assert [r["actor"] for r in records] == ["张三", "李四"]
        assert [r["sheet"] for r in records] == [first_sheet.name, second_sheet.name]  # kept by name (evalpath)
        assert {(r["kind"], r["year"], r["version"], r["month"]) for r in records} == {
            ("self-evaluation", 2024, 1, None)}
        for record, expected in zip(records, (file_first, file_second), strict=True):
            shown = _json(["evaluations", reference, "--db", db, "--show", str(record["id"]), "--json"])
            # The stored payload, read back through evaluation_from_dict, is the file-based result for
            # that one project: every score, every explanation, exact totals.
            assert shown["projects"] == [names_only(_by_seq(expected)[seq])]  # each source's file by name
            assert shown["projects"][0]["total_exact"] == _by_seq(expected)[seq]["total_exact"]
            assert shown["actuals_file"] == Path(expected["actuals_file"]).name
            assert shown["weights"] == expected["weights"] and shown["unit"] == expected["unit"]
            assert shown["document_file"] == seed_path.name
            assert evaluation_from_dict(shown).to_dict() == shown
        text = runner.invoke(app, ["evaluations", reference, "--db", db])
        assert text.exit_code == 0, text.output
        assert "共 2 条记录" in text.stdout and "张三" in text.stdout and "自评" in text.stdout
        full = runner.invoke(app, ["evaluations", reference, "--db", db, "--show", str(records[1]["id"])])
        assert full.exit_code == 0, full.output
        assert f"总分 {records[1]['total']}" in full.stdout and "计分说明" in full.stdout


def test_project_reference_and_year_of_record(imported: str, tmp_path: Path) -> None:
    sheet = _sheet(tmp_path / "p5.csv", {P5: P5_ROWS})
    result = runner.invoke(app, ["evaluate", P5, "--db", imported, "-a", str(sheet), "--save", "--year", "2025"])
    assert result.exit_code == 0, result.output
    assert "总分 90.33" in result.stdout
    (record,) = _json(["evaluations", P5, "--db", imported, "--json"])["evaluations"]
    assert (record["year"], record["total"], record["grade"]) == (2025, "90.33", "优")
    assert _json(["evaluations", P5, "--db", imported, "--json", "--year", "2024"])["evaluations"] == []
    assert _json(["evaluations", P5, "--db", imported, "--json", "--kind", "monitoring"])["evaluations"] == []


def test_monitoring_saved_with_its_month(imported: str, seed_path: Path, tmp_path: Path) -> None:
    rows = [f"{P1},全年执行数,8.5,,,,,,", f"{P1},视频会议保障数量,6,,确定能,,,,",
            f"{P1},信息化设备（系统）巡检次数,5,,有可能,12次,人员保障,人员不足,",
            f"{P1},信息化系统运维服务验收合格率,100%,,确定能,,,,", f"{P1},网络连通率,99%,,确定能,,,,",
            f"{P1},系统故障修复平均响应时间,3小时,,有可能,2小时,硬件条件保障,,",
            f"{P1},运行系统（软件）维护成本,8,,确定能,,,,", f"{P1},保障司法工作正常开展,,部分达成,确定能,,,,",
            f"{P1},信息化设备（系统）正常使用年限,6,,确定能,,,,", f"{P1},服务干警满意度,96%,,确定能,,,,"]
    sheet = tmp_path / "m.csv"
    sheet.write_text("\n".join([MONITOR_HEADER, *rows]) + "\n", encoding="utf-8")
    by_file = {m: _json(["monitor", str(seed_path), "-a", str(sheet), "-m", str(m), "--json"]) for m in (6, 9)}
    for month in (6, 9):
        result = runner.invoke(app, ["monitor", "--db", imported, "--unit", "255101", "--year", "2024",
                                     "-a", str(sheet), "-m", str(month), "--save", "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["projects"] == by_file[month]["projects"]
    records = _json(["evaluations", P1, "--db", imported, "--json"])["evaluations"]
    assert [(r["kind"], r["month"], r["colour"], r["total"]) for r in records] == [
        ("monitoring", 6, "red", None), ("monitoring", 9, "red", None)]
    for record in records:
        shown = _json(["evaluations", P1, "--db", imported, "--show", str(record["id"]), "--json"])
        expected = by_file[record["month"]]
        assert shown["projects"] == names_only(expected["projects"]) and shown["month"] == record["month"]
        assert shown["actuals_file"] == sheet.name and shown["scale_rates"] is False
        assert monitoring_from_dict(shown).to_dict() == shown
    # Budget 8.5 of 17 at month 6 is on schedule; at month 9 it is behind (v = 0.5 / 0.75 = 0.667: yellow).
    assert [_json(["evaluations", P1, "--db", imported, "--show", str(r["id"]), "--json"])["projects"][0]
            ["budget_light"] for r in records] == ["green", "yellow"]
    text = runner.invoke(app, ["evaluations", P1, "--db", imported])
    assert "监控（1-9月）" in text.stdout and "红灯" in text.stdout
    full = runner.invoke(app, ["evaluations", P1, "--db", imported, "--show", str(records[0]["id"])])
    assert full.exit_code == 0 and "1-6月" in full.stdout and "项目预警" in full.stdout
    from sqlalchemy import create_engine, select

    from perfbudget.store.records import audit_log

    engine = create_engine(imported)
    with engine.connect() as connection:  # the audit summary names the light in Chinese (「red」 until 2026-12-04)
        said = connection.execute(select(audit_log.c.summary).where(audit_log.c.action == "monitoring.save")
                                  .order_by(audit_log.c.id)).scalars().all()
    engine.dispose()
    name = P1.rsplit("-", 1)[0]
    assert said == [f"项目「{name}」1-6月运行监控：红灯", f"项目「{name}」1-9月运行监控：红灯"]


def test_a_saved_record_names_its_files_only(imported: str, seed_path: Path, tmp_path: Path) -> None:
    # `evaluate … -a /home/…/自评表.csv --save` kept the sheet's full local path (and the document's) in the stored
    # payload, where the pages and the API kept the uploaded file's name: a user's directories shown to every reader
    # of the store. Every face keeps the names only now (evalpath); the terminal's own output still says the path.
    from sqlalchemy import create_engine, select

    from perfbudget.store.schema import evaluations

    folder = tmp_path / "某用户的文件夹"
    folder.mkdir()
    sheet = _sheet(folder / "自评表.csv", {P5: P5_ROWS})
    saved = runner.invoke(app, ["evaluate", P5, "--db", imported, "-a", str(sheet), "--save", "--json"])
    assert saved.exit_code == 0, saved.output
    assert json.loads(saved.stdout)["actuals_file"] == str(sheet)
    monitor_sheet = folder / "监控表.csv"
    monitor_rows = [f"{P5},{level3},{actual},{grade},确定能,,,," for level3, (actual, _, grade)
                    in ((k, v.partition("|")) for k, v in P5_ROWS.items())]
    monitor_sheet.write_text("\n".join([MONITOR_HEADER, *monitor_rows]) + "\n", encoding="utf-8")
    monitored = runner.invoke(app, ["monitor", P5, "--db", imported, "-a", str(monitor_sheet), "-m", "6", "--save"])
    assert monitored.exit_code == 0, monitored.output
    engine = create_engine(imported)
    with engine.connect() as connection:
        kept = connection.execute(select(evaluations.c.kind, evaluations.c.payload)
                                  .order_by(evaluations.c.id)).all()
    engine.dispose()
    assert [kind for kind, _ in kept] == ["self-evaluation", "monitoring"]
    for (_, payload), name in zip(kept, ("自评表.csv", "监控表.csv"), strict=True):
        text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
        assert str(folder) not in text and str(seed_path.parent) not in text
        data = json.loads(text)
        assert (data["actuals_file"], data["document_file"]) == (name, seed_path.name)
    (record, _) = _json(["evaluations", P5, "--db", imported, "--json"])["evaluations"]
    assert record["sheet"] == "自评表.csv"


def test_a_sheet_with_errors_saves_nothing(imported: str, tmp_path: Path) -> None:
    sheet = _sheet(tmp_path / "bad.csv", {P5: {**P5_ROWS, "办案数": "很多"}})
    result = runner.invoke(app, ["evaluate", "--db", imported, "--unit", "255101", "-a", str(sheet), "--save"])
    assert result.exit_code == 1
    assert f"{sheet}:4: 错误：实际完成值「很多」不是数值" in result.stderr
    assert _json(["evaluations", P5, "--db", imported, "--json"])["evaluations"] == []


def test_store_mode_errors_are_messages(imported: str, seed_path: Path, tmp_path: Path) -> None:
    sheet = _sheet(tmp_path / "p5.csv", {P5: P5_ROWS})
    cases = [
        (["evaluate", "-a", str(sheet), "--db", imported], "请给出绩效目标表文件"),
        (["evaluate", str(seed_path), "-a", str(sheet), "--save", "--db", imported], "这是一个文件"),
        (["evaluate", "2024年检察业务经费项目", "-a", str(sheet), "--db", imported], "对应 2 个项目"),
        (["evaluate", "-a", str(sheet), "--db", imported, "--unit", "000000"], "没有符合条件的项目"),
        (["monitor", "不存在的项目", "-a", str(sheet), "-m", "6", "--db", imported], "没有找到项目「不存在的项目」"),
        (["evaluations", P5, "--db", imported, "--show", "99"], "没有编号为 99 的评价记录"),
        (["evaluations", P5, "--db", imported, "--kind", "review"], "--kind：记录类型「review」无效"),
    ]
    for args, message in cases:
        result = runner.invoke(app, args)
        usage = "--kind" in args  # a bad option value: a usage error (replay-ab)
        assert result.exit_code == (2 if usage else 1), (args, result.output)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.output


def test_template_from_the_store_equals_the_file_template(imported: str, seed_path: Path) -> None:
    from_file = runner.invoke(app, ["template", str(seed_path), "-p", "5", "-p", "1"])
    from_store = runner.invoke(app, ["template", "--db", imported, "--unit", "255101", "--year", "2024",
                                     "-p", "5", "-p", "1"])
    assert from_store.exit_code == 0, from_store.output
    assert from_store.stdout == from_file.stdout
    by_reference = runner.invoke(app, ["template", P5, "--db", imported])
    assert by_reference.exit_code == 0 and by_reference.stdout.splitlines()[1] == f"{P5},全年执行数,,,,,"


def test_help_mentions_the_store() -> None:
    for command in ("evaluate", "monitor", "template", "evaluations"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, result.output
        assert "--db" in result.output
    assert "--save" in runner.invoke(app, ["evaluate", "--help"]).output
    assert "--show" in runner.invoke(app, ["evaluations", "--help"]).output


def test_a_project_without_fund_year_is_saved_under_year(db_url: str, tmp_path: Path) -> None:
    header = [list(row) for row in HEADER_ROWS]
    header[1] = ["项目名称", "测试项目-中央"]
    text = table_text(*header, ["产出指标", "数量指标", "测试次数", "测试次数", "≥10次"],
                      heading="1.测试项目-中央绩效目标表")
    (tmp_path / "noyear.txt").write_text(text, encoding="utf-8")
    document, problems = read_text(text, "noyear.txt")
    assert document is not None and document.projects[0].fund_year is None, problems
    assert runner.invoke(app, ["import", str(tmp_path / "noyear.txt"), "--db", db_url]).exit_code == 0
    sheet = tmp_path / "s.csv"
    sheet.write_text(f"{HEADER}\n测试项目-中央,全年执行数,10,,,\n测试项目-中央,测试次数,10,,,\n", encoding="utf-8")
    refused = runner.invoke(app, ["evaluate", "测试项目", "--db", db_url, "-a", str(sheet), "--save"])
    assert refused.exit_code == 1 and "没有资金年度，无法保存：请用 --year 指定评价年度" in refused.stderr
    assert _json(["evaluations", "测试项目", "--db", db_url, "--json"])["evaluations"] == []
    saved = runner.invoke(app, ["evaluate", "测试项目", "--db", db_url, "-a", str(sheet), "--save", "--year", "2024",
                                "--to", "docx", "-o", str(tmp_path / "自评表.docx")])
    assert saved.exit_code == 0, saved.output
    # the 自评表 written prints the year it was saved under (print17: it printed none)
    with pdfplumber.open(to_pdf([tmp_path / "自评表.docx"], tmp_path)["自评表.docx"]) as pdf:
        assert "（2024年度）" in "".join((pdf.pages[0].extract_text() or "").split())
    (record,) = _json(["evaluations", "测试项目", "--db", db_url, "--json"])["evaluations"]
    # 预算执行率 10 + 测试次数 met; the missing 效益/满意度 points spread over 产出: 100.
    assert (record["year"], record["total"], record["grade"]) == (2024, "100.00", "优")
