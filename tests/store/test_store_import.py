"""Imports: transactional, idempotent, versioned — on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from perfbudget.interchange import document_to_dict
from perfbudget.model import Budget, Document, Kind, Progress, Target, Unit
from perfbudget.store import Store
from perfbudget.store import importer as importer_module
from perfbudget.store.reviews import project_latest
from perfbudget.store.schema import project_versions, targets, version_changes
from tests.store.helpers import import_file

VIDEO = "\t视频会议保障数量\n\t视频会议保障数量\n\t≥12次\n"
VIDEO_15 = "\t视频会议保障数量\n\t视频会议保障数量\n\t≥15次\n"


def test_seed_imports_then_is_unchanged(store: Store, seed_path: Path) -> None:
    first = import_file(store, seed_path)
    assert (first.status, first.new_projects, first.changed_projects) == ("imported", 10, 0)
    assert store.counts() == {"units": 1, "documents": 1, "projects": 10, "versions": 10, "indicators": 88}
    second = import_file(store, seed_path)
    assert (second.status, second.unchanged_projects) == ("unchanged", 10)
    assert store.counts()["documents"] == 1


def test_same_content_in_another_file_is_unchanged(store: Store, seed_path: Path, tmp_path: Path) -> None:
    import_file(store, seed_path)
    copy = tmp_path / "另一个文件名.txt"
    # Different bytes (CRLF line ends), same content: found unchanged by content, not by fingerprint.
    copy.write_bytes(seed_path.read_bytes().replace(b"\n", b"\r\n"))
    outcome = import_file(store, copy)
    assert outcome.status == "unchanged"
    assert store.counts()["documents"] == 1


def test_changed_target_makes_a_new_version_and_keeps_the_old(
        store: Store, seed_path: Path, seed_variant: Callable[..., Path], tmp_path: Path) -> None:
    import_file(store, seed_path)
    changed = seed_variant("changed.txt", (VIDEO, VIDEO_15))
    outcome = import_file(store, changed)
    assert (outcome.status, outcome.new_projects, outcome.changed_projects, outcome.unchanged_projects) == (
        "imported", 0, 1, 9)
    assert store.counts() == {"units": 1, "documents": 2, "projects": 10, "versions": 11, "indicators": 97}
    project_id = store.find_projects("2024年检察业务信息化运维项目")[0]["id"]
    old = store.project_version(project_id, 1)
    new = store.project_version(project_id)
    assert old is not None and new is not None
    assert old.document.projects[0].indicators[0].target.raw == "≥12次"
    assert new.document.projects[0].indicators[0].target.raw == "≥15次"
    assert (new.meta["version"], new.meta["latest_version"]) == (2, 2)
    history = store.history(project_id)
    assert [v["version"] for v in history] == [1, 2]
    assert history[0]["changes"] == []
    [change] = history[1]["changes"]
    assert (change.kind, change.subject, change.old, change.new) == (
        "target_changed", "产出指标 / 数量指标 / 视频会议保障数量", "≥12次", "≥15次")
    # Either file again: unchanged (already imported), so re-importing a folder never flips versions.
    assert import_file(store, changed).status == "unchanged"
    again = import_file(store, seed_path)
    assert (again.status, again.same_file_as) == ("unchanged", 1)
    # The old content in a new file would revert version 2: only when confirmed, then it is version 3.
    resubmitted = tmp_path / "resubmitted.txt"
    resubmitted.write_bytes(seed_path.read_bytes() + b"\n")
    held = import_file(store, resubmitted)
    assert held.status == "needs_confirmation" and store.counts()["versions"] == 11
    [problem] = held.problems
    assert "与第 1 版相同" in problem.message and "第 2 版（tester 于" in problem.message
    assert "changed.txt" in problem.message
    reverted = import_file(store, resubmitted, force=True)
    assert (reverted.status, reverted.changed_projects, reverted.unchanged_projects) == ("imported", 1, 9)
    assert [v["version"] for v in store.history(project_id)] == [1, 2, 3]


def test_added_removed_and_budget_changes_are_recorded(
        store: Store, seed_path: Path, seed_variant: Callable[..., Path]) -> None:
    import_file(store, seed_path)
    changed = seed_variant(
        "changed.txt",
        ("\t预算数\n\t17.00\n", "\t预算数\n\t18.50\n"),
        (VIDEO, "\t视频会议保障场次\n\t视频会议保障场次\n\t≥12次\n"),
    )
    assert import_file(store, changed).status == "imported"
    project_id = store.find_projects("2024年检察业务信息化运维项目")[0]["id"]
    kinds = {(c.kind, c.field, c.old, c.new) for c in store.history(project_id)[1]["changes"]}
    assert ("budget_changed", "total", "17.00", "18.50") in kinds
    assert ("indicator_added", None, None, "≥12次") in kinds
    assert ("indicator_removed", None, "≥12次", None) in kinds


def test_decimals_are_kept_exactly(store: Store, seed_path: Path) -> None:
    import_file(store, seed_path)
    project_id = store.find_projects("2024年检察业务信息化运维项目")[0]["id"]
    stored = store.project_version(project_id)
    assert stored is not None
    budget = stored.document.projects[0].budget
    assert str(budget.total) == "17.00" and str(budget.fiscal) == "17.00" and budget.other is None
    values = {str(i.target.value) for p in [store.project_version(x["id"]) for x in store.projects()["items"]]
              if p is not None for i in p.document.projects[0].indicators if i.target.value is not None}
    assert "0.7" in values and "12" in values
    with store.engine.connect() as connection:
        assert "0.7" in set(connection.execute(select(targets.c.value)).scalars())
        assert "17.00" in set(connection.execute(select(project_versions.c.budget_total)).scalars())


def _rich_document(seed_document: Document) -> Document:
    """The seed's first project with every optional and extension field filled."""
    project = seed_document.projects[0]
    first = project.indicators[0]
    indicators = (
        dataclasses.replace(first, weight=Decimal("10.0"), actual="15次", score=Decimal("9.50"),
                            deviation="无偏差", extras=(("备注", "核心指标"), ("绩效标准", "≥12"))),
        dataclasses.replace(project.indicators[1], target=Target(
            raw="90%-95%", kind=Kind.QUANTITATIVE, value=Decimal("90"), unit="%", upper=Decimal("95.0"))),
        dataclasses.replace(project.indicators[2], description=None, target=Target(
            raw="2023.07-2024.01", kind=Kind.QUALITATIVE, period=("2023.07", "2024.01"))),
        *project.indicators[3:],
    )
    rich = dataclasses.replace(project, indicators=indicators, name_cell="手写的项目名称单元格",
                               extras=(("主管部门", "某某局"), ("实施单位", "某某中心")),
                               budget=Budget(Decimal("0.70"), None, Decimal("0"), initial=Decimal("0.60"),
                                             executed=Decimal("0.65"), rate=Decimal("92.86"), weight=Decimal("10"),
                                             score=Decimal("9.29")), title=None)
    return dataclasses.replace(seed_document, projects=(rich,), kind="self-evaluation", money_unit="元")


def test_every_extension_field_round_trips(store: Store, seed_document: Document) -> None:
    document = _rich_document(seed_document)
    outcome = store.import_document(document, "rich.json")
    assert outcome.status == "imported"
    assert outcome.document_id is not None
    stored = store.document(outcome.document_id)
    assert stored is not None
    assert document_to_dict(stored) == document_to_dict(document)
    assert stored == document
    # the funds grid's execution figures (kinds23) by every way a version is loaded: one, the latest, in bulk
    project_id = store.projects()["items"][0]["id"]
    version = store.project_version(project_id)
    assert version is not None and version.document.projects[0].budget == document.projects[0].budget
    assert store.latest_versions(project_ids=[project_id])[0].document.projects[0].budget.executed == Decimal("0.65")
    with store.router.read() as connection:
        bulk = project_latest(connection, [project_id])[project_id].document.projects[0].budget
    assert (bulk.initial, bulk.rate, bulk.score) == (Decimal("0.60"), Decimal("92.86"), Decimal("9.29"))
    assert store.import_document(document, "again.json").status == "unchanged"


def test_a_document_with_errors_is_not_imported(store: Store, tmp_path: Path, inline: Callable[..., object]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 not a table")
    outcome = import_file(store, bad)
    assert outcome.status == "failed"
    assert outcome.problems and all(p.message for p in outcome.problems)
    missing = import_file(store, tmp_path / "missing.txt")
    assert missing.status == "failed" and "不存在" in missing.problems[0].message
    assert store.counts()["documents"] == 0


def test_duplicate_project_in_one_document_fails(store: Store, seed_document: Document) -> None:
    twice = dataclasses.replace(seed_document, projects=(seed_document.projects[0], seed_document.projects[0]))
    outcome = store.import_document(twice, "twice.txt")
    assert outcome.status == "failed"
    assert "出现了两次" in outcome.problems[0].message
    empty = dataclasses.replace(seed_document, projects=())
    assert store.import_document(empty, "empty.txt").status == "failed"
    assert store.counts()["documents"] == 0


def test_a_failure_midway_leaves_nothing(store: Store, seed_path: Path, seed_variant: Callable[..., Path],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import_file(store, seed_path)
    before = store.counts()
    changed = seed_variant("changed.txt", (VIDEO, VIDEO_15))

    def broken(*_args: object) -> None:
        raise RuntimeError("disk on fire")

    # The change records are the last rows written: everything before them must be rolled back.
    monkeypatch.setattr(importer_module, "_record_changes", broken)
    with pytest.raises(RuntimeError):
        import_file(store, changed)
    assert store.counts() == before
    with store.engine.connect() as connection:
        assert connection.execute(select(version_changes)).first() is None
    monkeypatch.undo()
    assert import_file(store, changed).status == "imported"


def test_unit_is_required_and_a_name_is_enough(store: Store,
                                               inline: Callable[..., tuple[Document | None, list]]) -> None:
    header = [["测试单位", "单位：万元"], ["项目名称", "测试项目-2024中央"],
              ["预算规模及资金用途", "预算数", "10.00", "其中：财政    资金", "10.00", "其他资金", " "],
              ["", "用于测试"], ["绩效目标", "1.完成测试"],
              ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"]]
    document, problems = inline(["产出指标", "数量指标", "测试次数", "测试次数", "≥3次"], header_rows=header)
    assert document is not None, problems
    assert document.unit == Unit(None, None)  # the reader found no unit in this header
    outcome = store.import_document(document, "inline.txt")
    assert outcome.status == "failed" and "没有读到预算单位" in outcome.problems[0].message
    named = dataclasses.replace(document, unit=Unit(None, "测试单位"))
    assert store.import_document(named, "inline.txt").status == "imported"
    assert store.import_document(named, "inline.txt").status == "unchanged"
    [unit] = store.units()["items"]
    assert (unit["code"], unit["name"], unit["projects"]) == (None, "测试单位", 1)


def test_a_monitoring_period_and_a_tables_own_total_are_kept(store: Store, seed_document: Document) -> None:
    # kinds24: a 监控表's kind and period (Project.month), a 自评表's own total and grade (table_total/table_grade):
    # kept by the store (project_versions.table_figures, migration 1700) by every way a version is loaded
    project = seed_document.projects[0]
    monitored = dataclasses.replace(seed_document, kind="monitoring", projects=(dataclasses.replace(
        project, month=6, budget=dataclasses.replace(project.budget, executed=Decimal("8.5"), rate=Decimal(50))),))
    scored = dataclasses.replace(seed_document, kind="self-evaluation", projects=(dataclasses.replace(
        seed_document.projects[1], table_total=Decimal("92.50"), table_grade="优"),))
    for document, name in ((monitored, "监控表.json"), (scored, "自评表.json")):
        outcome = store.import_document(document, name)
        assert outcome.status == "imported" and outcome.document_id is not None
        stored = store.document(outcome.document_id)
        assert stored == document and stored.kind == document.kind
        project_id = next(item["id"] for item in store.projects()["items"]
                          if item["name"] == document.projects[0].name)
        version = store.project_version(project_id)
        assert version is not None and version.document.projects[0] == document.projects[0]
        latest = store.latest_versions(project_ids=[project_id])[0].document.projects[0]
        with store.router.read() as connection:
            bulk = project_latest(connection, [project_id])[project_id].document.projects[0]
        assert {(p.month, p.table_total, p.table_grade) for p in (latest, bulk)} == {
            (document.projects[0].month, document.projects[0].table_total, document.projects[0].table_grade)}
        assert store.import_document(document, "again-" + name).status == "unchanged"
    # a changed period is a new version (the figures are part of the content)
    again = dataclasses.replace(monitored, projects=(dataclasses.replace(monitored.projects[0], month=9),))
    assert store.import_document(again, "1-9月.json").status == "imported"


def test_a_monitoring_tables_indicator_figures_are_kept(store: Store, seed_document: Document) -> None:
    # kinds25: a 监控表's indicators' monitoring columns (Indicator.progress: the period's actual and its number, the
    # year's forecast, 完成目标可能性, 偏差原因, 纠偏措施) kept by the store (project_versions.table_figures) by every
    # way a version is loaded; a changed figure is a new version. Before, only the extras were kept
    project = seed_document.projects[0]
    first, *rest = project.indicators
    progress = Progress("4处", Decimal(4), "处", "10处", Decimal(10), "处", "有可能", "有可能", "经费保障", "追加资金")
    monitored = dataclasses.replace(seed_document, kind="monitoring", projects=(dataclasses.replace(
        project, month=6, indicators=(dataclasses.replace(first, progress=progress), *rest)),))
    outcome = store.import_document(monitored, "监控表.json")
    assert outcome.status == "imported" and outcome.document_id is not None
    assert store.document(outcome.document_id) == monitored
    project_id = next(item["id"] for item in store.projects()["items"] if item["name"] == project.name)
    version = store.project_version(project_id)
    latest = store.latest_versions(project_ids=[project_id])[0].document.projects[0]
    with store.router.read() as connection:
        bulk = project_latest(connection, [project_id])[project_id].document.projects[0]
    assert version is not None
    for loaded in (version.document.projects[0], latest, bulk):
        assert [i.progress for i in loaded.indicators] == [progress] + [None] * len(rest)
    assert store.import_document(monitored, "again.json").status == "unchanged"
    changed = dataclasses.replace(progress, likelihood="完全不可能", likelihood_text="不可能")
    again = dataclasses.replace(monitored, projects=(dataclasses.replace(monitored.projects[0], indicators=(
        dataclasses.replace(first, progress=changed), *rest)),))
    assert store.import_document(again, "改.json").status == "imported"
