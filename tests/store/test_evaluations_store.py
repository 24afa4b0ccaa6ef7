"""Stored evaluations read back, and the versions chosen for evaluating — on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from perfbudget.evaluate.result import Evaluation, ProjectEvaluation
from perfbudget.evaluate.stored import split_evaluation
from perfbudget.model import Unit
from perfbudget.store import Store
from perfbudget.store.evaluations import KIND_EVALUATION, KIND_MONITORING
from perfbudget.store.selection import StoredSelection, combine
from tests.store.helpers import import_file

P5 = "2024年检察业务经费项目-2024市级"


def _project_id(store: Store, reference: str) -> int:
    (found,) = store.find_projects(reference)
    return int(found["id"])


def test_history_of_records_over_versions(store: Store, seed_path: Path,
                                          seed_variant: Callable[..., Path]) -> None:
    import_file(store, seed_path)
    p5 = _project_id(store, P5)
    v1 = store.project_version(p5)
    assert v1 is not None
    first = store.record_evaluation(v1.meta["version_id"], 2024, KIND_EVALUATION,
                                    {"format": "x", "actuals_file": "一月.csv", "n": 1},
                                    total="90.33", grade="优", actor="张三")
    monitored = store.record_evaluation(v1.meta["version_id"], 2024, KIND_MONITORING,
                                        {"actuals_file": "监控.xlsx"}, month=6, colour="red")
    # A new version of the project (target 办案数 ≥500件 → ≥450件); records of version 1 stay.
    import_file(store, seed_variant("v2.txt", ("≥500件", "≥450件")))
    v2 = store.project_version(p5)
    assert v2 is not None and v2.meta["version"] == 2
    second = store.record_evaluation(v2.meta["version_id"], 2025, KIND_EVALUATION, {"n": 2},
                                     total="91.17", grade="优")

    items = store.evaluations(p5)
    assert [i["id"] for i in items] == [first, monitored, second]
    assert [(i["version"], i["year"], i["kind"], i["month"]) for i in items] == [
        (1, 2024, KIND_EVALUATION, None), (1, 2024, KIND_MONITORING, 6), (2, 2025, KIND_EVALUATION, None)]
    assert [i["total"] for i in items] == ["90.33", None, "91.17"]
    assert [i["grade"] for i in items] == ["优", None, "优"]
    assert [i["colour"] for i in items] == [None, "red", None]
    assert [i["sheet"] for i in items] == ["一月.csv", "监控.xlsx", None]
    assert [i["actor"] for i in items] == ["张三", None, None]
    assert all(i["project_id"] == p5 and i["created_at"] is not None for i in items)
    assert "payload" not in items[0]

    assert [i["id"] for i in store.evaluations(p5, kind=KIND_EVALUATION)] == [first, second]
    assert [i["id"] for i in store.evaluations(p5, year=2024)] == [first, monitored]
    assert store.evaluations(_project_id(store, "2024年检察业务经费项目-2024中央")) == []

    one = store.evaluation(first)
    assert one is not None
    assert one["payload"] == {"format": "x", "actuals_file": "一月.csv", "n": 1}
    assert (one["project_id"], one["version"], one["sheet"]) == (p5, 1, "一月.csv")
    assert store.evaluation(second + 100) is None


def test_latest_versions_by_unit_year_and_id(store: Store, seed_path: Path,
                                             seed_variant: Callable[..., Path]) -> None:
    import_file(store, seed_path)
    import_file(store, seed_variant("v2.txt", ("≥500件", "≥450件")))
    every = store.latest_versions(unit="255101")
    assert len(every) == 10
    assert [v.document.projects[0].seq for v in every][:3] == [2, 3, 1]  # 2023 projects first
    of_2024 = store.latest_versions(unit="255101", year=2024)
    assert all(v.document.projects[0].fund_year == 2024 for v in of_2024)
    by_seq = {v.document.projects[0].seq: v for v in of_2024}
    assert by_seq[5].meta["version"] == 2 and by_seq[6].meta["version"] == 1
    assert store.latest_versions(unit="999999") == []
    p5 = _project_id(store, P5)
    (only,) = store.latest_versions(project_ids=[p5])
    assert only.meta["project_id"] == p5 and only.meta["version"] == 2


def test_combine_keeps_seq_or_renumbers_collisions(store: Store, seed_path: Path,
                                                   seed_variant: Callable[..., Path]) -> None:
    import_file(store, seed_path)
    before = store.latest_versions(unit="255101", year=2024)
    selection = combine(before)
    assert isinstance(selection, StoredSelection) and not selection.renumbered
    assert sorted(p.seq for p in selection.document.projects) == sorted(selection.versions)
    assert selection.document.money_unit == "万元" and selection.document.unit.code == "255101"
    assert selection.document.source is not None and selection.document.source.file == seed_path.name  # replay-s

    # Projects 5 and 6 renamed in a second file: two new projects, with seq 5 and 6 again.
    import_file(store, seed_variant("renamed.txt", ("2024年检察业务经费项目", "2024年检察业务经费二期项目")))
    versions = store.latest_versions(unit="255101", year=2024)
    assert len(versions) == len(before) + 2
    selection = combine(versions)
    assert isinstance(selection, StoredSelection) and selection.renumbered
    assert [p.seq for p in selection.document.projects] == list(range(1, len(versions) + 1))
    assert "2 个文件" in (selection.document.source.file if selection.document.source else "")
    # Each split record carries the project's own seq from its file, not the renumbered one.
    renamed_seq, renamed = next((s, v) for s, v in selection.versions.items()
                                if "二期" in v.document.projects[0].name)
    fake = Evaluation("255101", "x", "万元", {}, "ratio", (_bare_project(renamed_seq),))
    ((version, one),) = split_evaluation(fake, selection)
    assert version is renamed and one.projects[0].seq == renamed.document.projects[0].seq
    assert one.document_file == renamed.meta["file"]
    assert isinstance(one.projects[0], ProjectEvaluation)


def _bare_project(seq: int) -> ProjectEvaluation:
    return ProjectEvaluation(seq, None, "x", None, 2024, None, None, None, None, None, None, Decimal(10),
                             Decimal(0), "", (), None, (), (), (), Decimal(0), "差")


def test_combine_refuses_mixed_units_and_money_units(store: Store, seed_path: Path) -> None:
    import_file(store, seed_path)
    versions = store.latest_versions(unit="255101", year=2024)
    other = dataclasses.replace(versions[0], document=dataclasses.replace(
        versions[0].document, unit=Unit("255102", "另一个单位")))
    message = combine([other, *versions[1:]])
    assert isinstance(message, str) and "2 个单位" in message and "--unit" in message
    yuan = dataclasses.replace(versions[0], document=dataclasses.replace(versions[0].document, money_unit="元"))
    message = combine([yuan, *versions[1:]])
    assert isinstance(message, str) and "金额单位不同（万元、元）" in message
    assert isinstance(combine([]), str)
