"""The library built from a real store (SQLite and PostgreSQL): statistics by hand, incremental
updates equal to a rebuild, admin choices kept across rebuilds, search, similar projects."""

from __future__ import annotations

import json
from typing import Any

from perfbudget.library.admin import merge_groups, rename_group, split_names
from perfbudget.library.build import build_library, update_library
from perfbudget.library.query import search, show, similar_projects, suggestions
from perfbudget.store import Store
from perfbudget.store import library_reads as reads
from tests.library.conftest import document, import_units, project, unit_document

SAT = ("满意度指标", "服务对象满意度指标")
QTY = ("产出指标", "数量指标")
QUAL = ("产出指标", "质量指标")


def _snapshot(store: Store) -> dict[Any, Any]:
    """Groups by their members: counts and statistics (ids and, with another import order, leaders
    differ between builds)."""
    with store.library_reading() as connection:
        groups = list(reads.all_groups(connection))
        names = reads.names_in_groups(connection, [g["id"] for g in groups])
    members: dict[int, list[str]] = {}
    for name in names:
        members.setdefault(name["group_id"], []).append(name["norm"])
    return {tuple(sorted(members.get(g["id"], []))): (g["indicator_count"], g["unit_count"], json.loads(g["stats"]))
            for g in groups if g["indicator_count"]}


def _rows(i: int) -> list[tuple[str, str, str, str]]:
    spelling = ["服务对象满意度", "服务对象满意率", "1.服务对象满意度（%）"][i % 3]
    return [(*SAT, spelling, f"≥{80 + i}%"),
            (*QTY, "养护道路里程", f"≥{10 * (i + 1)}公里"),
            (*QUAL, "养护质量", "良好")]


def test_statistics_per_group_by_hand(store: Store) -> None:
    import_units(store, 4, _rows)
    found = search(store, "服务对象满意度", limit=1)[0]
    # targets 80, 81, 82, 83 (%): inclusive linear quantiles
    assert (found["count"], found["units"], found["measure_unit"], found["direction"]) == (4, 4, "%", "positive")
    assert found["targets"] == {"min": "80", "p25": "80.75", "p50": "81.5", "p75": "82.25", "max": "83"}
    assert (found["level1"], found["level2"]) == SAT
    assert found["examples"][0]["link"].startswith("/projects/")
    quality = show(store, "养护质量")
    assert quality is not None and quality["qualitative_share"] == "1.00" and quality["measures"] == []
    detail = show(store, "服务对象满意率")
    assert detail is not None and {n["name"] for n in detail["names"]} == {"服务对象满意度", "服务对象满意率"}
    assert any("相同" in n["reason"] for n in detail["names"])


def test_incremental_updates_equal_a_full_build(store: Store) -> None:
    import_units(store, 6, _rows)  # every import updated the library as it went
    changed = unit_document(2, [(*SAT, "服务对象满意度", "≥60%"), (*QTY, "新增道路里程", "≥3公里")])
    assert store.import_document(changed, "unit2-v2.txt").status == "imported"  # an edit: a new version
    incremental = _snapshot(store)
    build_library(store)
    assert _snapshot(store) == incremental
    assert incremental[("服务对象满意度", "服务对象满意率")][0] == 6 and incremental[("新增道路里程",)][0] == 1
    assert incremental[("养护道路里程",)][0] == 5  # unit 2's new version dropped it


def test_update_library_is_idempotent_and_leaves_other_groups_alone(store: Store) -> None:
    import_units(store, 3, _rows)
    before = _snapshot(store)
    update_library(store, [1, 2, 3])
    update_library(store, [])
    assert _snapshot(store) == before


def test_admin_merge_split_rename_survive_a_rebuild(store: Store) -> None:
    import_units(store, 3, lambda i: [(*QTY, "培训人数", f"≥{i + 1}人"), (*QTY, "参训人数", "≥5人"),
                                      (*QUAL, "培训合格率", "≥90%")])
    assert show(store, "培训人数")["id"] != show(store, "参训人数")["id"]  # type: ignore[index]
    merge_groups(store, "培训人数", ["参训人数"], actor="admin")
    rename_group(store, "培训人数", "培训人数（含参训）", actor="admin")
    merged = show(store, "参训人数")
    assert merged is not None and merged["name"] == "培训人数（含参训）" and merged["count"] == 6
    assert any("管理员" in n["reason"] for n in merged["names"])
    build_library(store)
    again = show(store, "参训人数")
    assert again is not None and again["name"] == "培训人数（含参训）" and again["count"] == 6
    split_names(store, ["参训人数"], actor="admin")
    assert show(store, "参训人数")["count"] == 3  # type: ignore[index]
    build_library(store)
    assert show(store, "参训人数")["count"] == 3 and show(store, "培训人数")["count"] == 3  # type: ignore[index]


def test_search_ranks_by_relevance_then_units(store: Store) -> None:
    import_units(store, 3, _rows)
    names = [g["name"] for g in search(store, "满意度")]
    assert names[0] == "服务对象满意度"
    assert search(store, "完全无关的词语xyz") == []
    assert search(store, "   ") == []


def test_search_finds_candidates_by_the_word_index_or_else_by_a_bounded_scan(store: Store, monkeypatch: Any) -> None:
    import perfbudget.library.query as query

    import_units(store, 3, _rows)
    scanned: list[list[str]] = []
    real_scan = reads.search_names
    monkeypatch.setattr(reads, "search_names", lambda c, f, limit: scanned.append(f) or real_scan(c, f, limit))
    assert search(store, "对象满意")[0]["name"] == "服务对象满意度"  # words inside a name: 对象, 满意
    assert scanned == []
    assert any("满意度" in g["name"] for g in search(store, "度"))  # one character: no word indexed
    assert scanned == [["度"]]
    monkeypatch.setattr(query, "CANDIDATES", 1)  # the bound holds for both ways
    assert len(search(store, "满意度")) == 1
    assert len(search(store, "度")) == 1


def test_similar_projects_and_suggestions(store: Store) -> None:
    road = [(*QTY, "养护道路里程", "≥10公里"), (*QUAL, "道路完好率", "≥95%"), (*SAT, "群众满意度", "≥90%")]
    school = [(*QTY, "资助学生人数", "≥100人"), (*SAT, "学生满意度", "≥90%")]
    store.import_document(document("800001", "甲区交通局", project("农村道路养护项目", road)), "a.txt")
    store.import_document(document("800002", "乙区交通局", project("道路养护项目", road[:2])), "b.txt")
    store.import_document(document("800003", "丙区教育局", project("学生资助项目", school)), "c.txt")
    found = similar_projects(store, 1)
    assert found[0]["project"] == "道路养护项目" and found[0]["shared_groups"] == 2
    assert found[0]["indicators"][0]["level3"] == "养护道路里程"
    suggested = suggestions(store, "道路养护", None, ["养护道路里程"])
    assert suggested[0]["name"] in ("道路完好率", "群众满意度")
    assert {"level1", "level2", "target", "median"} <= set(suggested[0])
    assert all(s["name"] != "养护道路里程" for s in suggested)


def test_a_suggested_full_rate_is_not_written_as_more_than_all(store: Store) -> None:
    """A group whose median rate is 100% was suggested as 「≥100%」, which the review's rate-over-100 calls an
    error once added (found by replay-g); it is suggested as 「100%」, below 100 still as 「≥95%」."""
    from perfbudget.review.engine import review_document
    from perfbudget.target import parse_target

    rows = [(*QTY, "养护道路里程", "≥10公里"), (*QUAL, "验收合格率", "100%"), (*QUAL, "道路完好率", "≥95%")]
    for i, name in enumerate(("农村道路养护项目", "城区道路养护项目")):
        store.import_document(document(f"80000{i}", f"{i}区交通局", project(name, rows)), f"{i}.txt")
    targets = {s["name"]: s["target"] for s in suggestions(store, "道路养护", None, ["养护道路里程"])}
    assert targets == {"验收合格率": "100%", "道路完好率": "≥95%"}
    added = document("800009", "某区交通局", project("道路养护项目", [
        (*QTY, "养护道路里程", "≥10公里"), *((*QUAL, name, target) for name, target in targets.items())]))
    assert parse_target(targets["验收合格率"], "验收合格率").value == 100
    assert not [f for f in review_document(added).findings if f.rule == "rate-over-100"]


def test_concurrent_imports_leave_the_library_as_a_rebuild_would(db_url: str) -> None:
    import threading

    documents = [unit_document(i, [*_rows(i), (*QTY, f"新指标{i % 3}数量", "≥1个")]) for i in range(8)]
    stores = [Store(db_url), Store(db_url)]
    errors: list[BaseException] = []

    def work(store: Store, order: list[int]) -> None:
        try:
            for i in order:
                assert store.import_document(documents[i], f"unit{i}.txt").status in ("imported", "unchanged")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(stores[0], list(range(8)))),
               threading.Thread(target=work, args=(stores[1], list(reversed(range(8)))))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    incremental = _snapshot(stores[0])
    build_library(stores[0])
    assert _snapshot(stores[0]) == incremental and incremental[("服务对象满意度", "服务对象满意率")][0] == 8
    for store in stores:
        store.close()


def test_a_batch_of_imports_updates_the_library_once(store: Store, monkeypatch: Any) -> None:
    from perfbudget.library import build

    calls: list[list[int]] = []
    real = build.update_library

    def counting(store_: Store, ids: Any) -> None:
        calls.append(sorted(ids))
        real(store_, ids)

    monkeypatch.setattr(build, "update_library", counting)
    with store.library_batch():
        import_units(store, 4, _rows)
        assert calls == []
    assert len(calls) == 1 and len(calls[0]) == 4
    batched = _snapshot(store)
    build_library(store)
    assert _snapshot(store) == batched
    import_units(store, 1, lambda i: [(*SAT, "群众满意度", "≥95%")], project_name="另一个项目")
    assert len(calls) == 2  # outside a batch: at once


def test_two_level_indicators_count_but_name_no_placement(store: Store) -> None:
    """Indicators of a two-level table (二级 "": the form has none) count in their group and its values, but the
    group's (一级, 二级) placement and the editor's suggestions come from real 二级 only; a group met only in such
    tables is suggested to nobody. A rebuild gives the same statistics as the imports' updates."""
    def rows(i: int) -> list[tuple[str, str, str, str]]:
        level2 = "" if i < 3 else "数量指标"  # three units' forms without 二级, one with
        return [("产出指标", level2, "养护道路里程", f"≥{10 * (i + 1)}公里"), ("产出指标", "", "巡查次数", "≥12次"),
                (*SAT, "服务对象满意度", "≥90%")]

    import_units(store, 4, rows)
    incremental = _snapshot(store)
    build_library(store)
    assert _snapshot(store) == incremental
    road = search(store, "养护道路里程", limit=1)[0]
    assert road["count"] == 4 and road["targets"]["max"] == "40"  # every indicator's value counts
    assert (road["level1"], road["level2"]) == QTY  # the one real 二级, not the three empty ones
    patrol = search(store, "巡查次数", limit=1)[0]
    assert patrol["count"] == 4 and (patrol["level1"], patrol["level2"]) == ("", "")
    assert ["产出指标", "", 3] not in incremental[("养护道路里程",)][2]["level_counts"]
    store.import_document(document("800009", "戊区交通局", project("道路养护项目", [(*SAT, "群众满意度", "≥90%")])),
                          "e.txt")
    suggested = suggestions(store, "道路养护项目", None, ["群众满意度"])
    assert "养护道路里程" in [s["name"] for s in suggested]
    assert "巡查次数" not in [s["name"] for s in suggested]


def test_a_deleted_project_leaves_the_library_as_a_rebuild_would(store: Store) -> None:
    # an admin's project delete (app.project_delete, replay-r) takes the project's entries out in its transaction
    from perfbudget.app.project_delete import delete_project

    import_units(store, 4, _rows)
    delete_project(store, None, 2, username="admin")
    after = _snapshot(store)
    assert after[("服务对象满意度", "服务对象满意率")][0] == 3 and after[("养护道路里程",)][0] == 3
    build_library(store)
    # the same counts and statistics (the spelling only the deleted project used stays a known name of its group
    # until a rebuild, as after any update that drops it)
    assert sorted(map(repr, _snapshot(store).values())) == sorted(map(repr, after.values()))
