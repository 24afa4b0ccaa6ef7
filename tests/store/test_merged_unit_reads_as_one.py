"""A unit merged into another reads back as the kept unit (faces46, found replaying a merge on bench/scale.py's store):
the moved documents kept the merged unit's code and name, so the kept unit's projects were two units' to every face
that works on stored projects as a file — ``template --unit KEPT`` refused them 「所选项目属于 2 个单位…请用 --unit
指定单位编码」 although ``--unit`` was given, ``export --unit`` likewise, and ``review --db --unit`` reviewed them as
two units (the cross-project rules apart). Every stored version now reads its unit's code and name from ``units`` (the
unit it belongs to, ``store.queries.UNIT_NOW``); the documents keep the unit their files named (faces46's second
reading: rewriting those copies lost the moved files' own words and still left a renamed coded unit under two names)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from tests.store.test_one_bar import PASSWORD, _files

runner = CliRunner()


def test_a_merged_units_projects_are_the_kept_units_on_every_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    files = _files(tmp_path)
    assert runner.invoke(app, ["import", *files, "--db", url]).exit_code == 0
    assert runner.invoke(app, ["user", "add", "admin", "--role", "admin", "--password", PASSWORD,
                               "--db", url]).exit_code == 0
    merged = runner.invoke(app, ["unit", "merge", "100001", "100002", "--user", "admin", "--db", url])
    assert merged.exit_code == 0, merged.output
    template = runner.invoke(app, ["template", "--unit", "100001", "--year", "2024", "--db", url,
                                   "-o", str(tmp_path / "填报表.xlsx")])
    assert template.exit_code == 0, template.output
    exported = runner.invoke(app, ["export", "--unit", "100001", "--db", url, "--to", "json",
                                   "-o", str(tmp_path / "unit.json")])
    assert exported.exit_code == 0, exported.output
    document = json.loads((tmp_path / "unit.json").read_text(encoding="utf-8"))
    assert document["unit"] == {"code": "100001", "name": "测试单位"}
    assert sorted(p["name"] for p in document["projects"]) == ["培训项目", "维修项目"]
    reviewed = runner.invoke(app, ["review", "--db", url, "--unit", "100001", "--json"])
    projects = json.loads(reviewed.stdout)["projects"]
    assert {p["unit_code"] for p in projects} == {"100001"} and len(projects) == 2
    shown = runner.invoke(app, ["show", "维修项目", "--db", url, "--json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["unit"]["code"] == "100001", shown.output
    # the merged unit's table again (another file): unchanged, landing in the kept unit as before
    copy = tmp_path / "再次导入.txt"
    copy.write_text(Path(files[1]).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = runner.invoke(app, ["import", str(copy), "--db", url])
    assert again.exit_code == 0 and "未变化 1 个" in again.stdout, again.output
    assert "已由管理员并入「100001 测试单位」" in again.stdout


def test_a_renamed_unit_without_a_code_is_one_unit_before_and_after(tmp_path: Path) -> None:
    """A unit without a code is keyed by its name: renamed, its older documents kept the old name and its projects
    read back as two units' (``template --unit NEW`` 「所选项目属于 2 个单位」)."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    table = ("项目支出绩效目标表\n单位名称：{unit}\n单位：万元\n项目名称\t{project}\n预算数\t5\n其中：财政资金\t5\n"
             "其他资金\t\n绩效目标\t完成测试任务\n一级指标\t二级指标\t三级指标\t指标值\n"
             "产出指标\t数量指标\t培训人数\t≥100人\n产出指标\t质量指标\t合格率\t≥95%\n")
    for name, unit, project in (("甲.txt", "测试三单位", "甲项目"), ("乙.txt", "测试四单位", "乙项目")):
        (tmp_path / name).write_text(table.format(unit=unit, project=project), encoding="utf-8")
    assert runner.invoke(app, ["import", str(tmp_path / "甲.txt"), "--db", url]).exit_code == 0
    assert runner.invoke(app, ["user", "add", "admin", "--role", "admin", "--password", PASSWORD,
                               "--db", url]).exit_code == 0
    renamed = runner.invoke(app, ["unit", "rename", "测试三单位", "测试四单位", "--user", "admin", "--db", url])
    assert renamed.exit_code == 0, renamed.output
    assert runner.invoke(app, ["import", str(tmp_path / "乙.txt"), "--db", url]).exit_code == 0
    template = runner.invoke(app, ["template", "--unit", "测试四单位", "--db", url, "-o", str(tmp_path / "t.xlsx")])
    assert template.exit_code == 0, template.output
    exported = runner.invoke(app, ["export", "--unit", "测试四单位", "--db", url, "--to", "json",
                                   "-o", str(tmp_path / "unit.json")])
    assert exported.exit_code == 0, exported.output
    document = json.loads((tmp_path / "unit.json").read_text(encoding="utf-8"))
    assert document["unit"]["name"] == "测试四单位" and len(document["projects"]) == 2


def test_a_renamed_coded_unit_merged_has_one_name_everywhere(tmp_path: Path) -> None:
    """``unit rename 100001 新名单位`` then ``unit merge 100001 100002``: the store said 新名单位, ``export --unit`` the
    first file's 测试单位 and ``export 维修项目`` 新名单位 (each read its documents' copies). The moved file's document
    still names the unit its file wrote."""
    from sqlalchemy import text

    from perfbudget.store import Store

    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(app, ["import", *_files(tmp_path), "--db", url]).exit_code == 0
    assert runner.invoke(app, ["user", "add", "admin", "--role", "admin", "--password", PASSWORD,
                               "--db", url]).exit_code == 0
    for step in (["rename", "100001", "新名单位"], ["merge", "100001", "100002"]):
        done = runner.invoke(app, ["unit", *step, "--user", "admin", "--db", url])
        assert done.exit_code == 0, done.output
    for chosen in (["--unit", "100001"], ["维修项目"], ["培训项目"]):
        exported = runner.invoke(app, ["export", *chosen, "--db", url, "--to", "json", "-o", str(tmp_path / "x.json")])
        assert exported.exit_code == 0, exported.output
        document = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
        assert document["unit"] == {"code": "100001", "name": "新名单位"}, chosen
    shown = runner.invoke(app, ["show", "维修项目", "--db", url, "--json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["unit"] == {"code": "100001", "name": "新名单位"}
    with Store(url) as store, store.reading() as tx:
        written = tx.connection.execute(text("SELECT unit_code, unit_name FROM documents ORDER BY id")).all()
    assert [tuple(row) for row in written] == [("100001", "测试单位"), ("100002", "测试二单位")]
