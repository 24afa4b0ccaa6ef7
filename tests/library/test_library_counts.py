"""The library's counts changed set-based from staged keys (store/library_counts.py), on SQLite and PostgreSQL:
the histogram and unit-count rows an update leaves are a rebuild's, row for row (a unit leaving a group, a value
no indicator sets any more, a deleted project); an update that fails leaves nothing staged and the library as it
was, and the next catch-up brings the projects in."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from perfbudget.app.project_delete import delete_project
from perfbudget.library.build import build_library, catch_up_library, update_library
from perfbudget.store import Store
from perfbudget.store import library_counts as counts
from perfbudget.store import library_reads as reads
from perfbudget.store.library_tables import (
    library_group_units,
    library_groups,
    library_measure_units,
    library_names,
    library_values,
)
from tests.library.conftest import import_units, unit_document

SAT = ("满意度指标", "服务对象满意度指标")
QTY = ("产出指标", "数量指标")


def _rows(i: int) -> list[tuple[str, str, str, str]]:
    return [(*SAT, "服务对象满意度", f"≥{90 + i % 3}%"), (*QTY, "培训人数", f"≥{10 * (i % 2 + 1)}人"),
            (*QTY, "培训次数", "≥2次"), (*QTY, "发放册数", f"≥{i}本" if i % 2 else "≥5册")]


def _counts(store: Store) -> dict[str, Any]:
    """Every row of the three count tables and every group's counts and statistics, the group named by its
    members (ids differ between a rebuild and updates)."""
    with store.library_reading() as connection:
        members: dict[int, list[str]] = {}
        for norm, group_id in connection.execute(select(library_names.c.norm, library_names.c.group_id)):
            members.setdefault(group_id, []).append(norm)
        name = {g: tuple(sorted(m)) for g, m in members.items()}
        found: dict[str, Any] = {
            "values": sorted((name[g], m, v, n) for g, m, v, n in connection.execute(select(library_values))),
            "units": sorted((name[g], u, n) for g, u, n in connection.execute(select(library_group_units))),
            "measure_units": sorted((name[g], m, u, n)
                                    for g, m, u, n in connection.execute(select(library_measure_units))),
            "groups": sorted((name[g], c, u, s) for g, c, u, s in connection.execute(
                select(library_groups.c.id, library_groups.c.indicator_count, library_groups.c.unit_count,
                       library_groups.c.stats)) if c)}
    return found


def test_updates_leave_the_count_rows_of_a_rebuild(store: Store) -> None:
    import_units(store, 6, _rows)
    # unit 2 changes: one value moves, 培训次数 goes (the unit leaves its group), 发放册数's unit 本 → 次
    changed = unit_document(2, [(*SAT, "服务对象满意度", "≥99%"), (*QTY, "培训人数", "≥10人"),
                                (*QTY, "发放册数", "≥3次")])
    assert store.import_document(changed, "unit2-v2.txt").status == "imported"
    delete_project(store, None, 4, username="admin")  # unit 3's, the only ≥3本: its histogram row goes too
    update_library(store, [1, 2, 3])  # nothing changed: the counts stay
    updated = _counts(store)
    assert all(n > 0 for *_key, n in updated["values"] + updated["units"] + updated["measure_units"])
    assert not [row for row in updated["values"] if row[1] == "本" and row[2] == "3"]
    assert [row[2] for row in updated["groups"] if row[0] == ("培训次数",)] == [4]  # units 0, 1, 4, 5
    build_library(store)
    assert _counts(store) == updated


def test_an_update_that_fails_leaves_nothing_staged_and_the_library_as_it_was(store: Store,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from perfbudget.store import library_rows

    import_units(store, 4, _rows)
    before = _counts(store)

    def broken(*_args: Any) -> None:
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr(library_rows, "histograms", broken)  # after every count table was changed
    changed = unit_document(1, [(*SAT, "服务对象满意度", "≥50%")])
    with pytest.raises(RuntimeError):
        store.import_document(changed, "unit1-v2.txt")  # committed; its library update fails and rolls back
    assert _counts(store) == before
    with store.library_writing() as connection:
        counts.start(connection)
        for table in ("library_staged_parts", "library_staged_values", "library_staged_group_units",
                      "library_staged_measure_units"):
            assert connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0
        assert reads.lagging_projects(connection) == [2]
    monkeypatch.undo()
    assert catch_up_library(store) == 1
    caught_up = _counts(store)
    build_library(store)
    assert _counts(store) == caught_up


def test_projects_are_one_parameter_however_many(store: Store) -> None:
    import_units(store, 2, _rows)
    before = _counts(store)
    update_library(store, [*range(100_000, 160_000), 1, 2])  # 60,002 ids: no placeholder per id
    assert _counts(store) == before


def test_the_projects_of_documents_are_one_parameter_however_many(store: Store) -> None:
    """``document_projects`` (the projects a bulk import's batch of documents brought): one statement through the
    driver, the documents one parameter; the projects each once, in order, unknown documents ignored."""
    import_units(store, 3, _rows)
    with store.library_reading() as connection:
        documents = sorted(row[0] for row in connection.exec_driver_sql("SELECT id FROM documents"))
        projects = sorted(row[0] for row in connection.exec_driver_sql("SELECT id FROM projects"))
        assert len(documents) == 3 and len(projects) >= 3
        assert reads.document_projects(connection, [*documents, *documents, *range(50_000, 52_000)]) == projects
        assert reads.document_projects(connection, documents[0]) == reads.document_projects(connection,
                                                                                            documents[:1])
        assert reads.document_projects(connection, []) == []


def test_an_update_with_nothing_going_out_stages_plainly_on_postgresql(store: Store,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL stages the facts of an update that takes no entry out (a bulk import's new projects) by plain
    INSERTs — each key once out of its GROUP BY, into empty staging tables —, and as upserts once something went out
    before them; SQLite always sums by the upsert. The counts are a rebuild's either way."""
    staged: list[str] = []
    real = counts.run

    def recording(connection: Any, statement: str, *args: Any, **kwargs: Any) -> list[Any]:
        if statement.startswith("INSERT INTO library_staged_"):
            staged.append(statement)
        return real(connection, statement, *args, **kwargs)

    monkeypatch.setattr(counts, "run", recording)
    postgres = store.engine.dialect.name == "postgresql"
    import_units(store, 3, _rows)
    assert len(staged) >= 4 and all(("ON CONFLICT" in s) != postgres for s in staged)
    staged.clear()
    changed = unit_document(1, [(*SAT, "服务对象满意度", "≥99%"), (*QTY, "培训人数", "≥10人")])
    assert store.import_document(changed, "unit1-v2.txt").status == "imported"
    # the old entries go out first (into empty tables), then the new ones meet their keys
    assert [("ON CONFLICT" in s) for s in staged] == ([False] * 4 + [True] * 4 if postgres else [True] * 8)
    updated = _counts(store)
    build_library(store)
    assert _counts(store) == updated
