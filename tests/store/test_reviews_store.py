"""Stored reviews read back (Store.reviews / Store.review) — on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from perfbudget.store import Store
from tests.store.helpers import import_file

P5 = "2024年检察业务经费项目-2024市级"


def test_reviews_of_a_project_over_its_versions(store: Store, seed_path: Path,
                                                seed_variant: Callable[..., Path]) -> None:
    import_file(store, seed_path)
    (found,) = store.find_projects(P5)
    p5 = int(found["id"])
    v1 = store.project_version(p5)
    assert v1 is not None
    payload = {"format": "perfbudget-review/1", "projects": [{"seq": 5, "grade": "良"}],
               "findings": [{"rule": "typo", "message": "「帐户」应为「账户」"}]}
    first = store.record_review(v1.meta["version_id"], payload, year=2024, grade="良", errors=0, warnings=2,
                                actor="张三")
    import_file(store, seed_variant("v2.txt", ("≥500件", "≥450件")))
    v2 = store.project_version(p5)
    assert v2 is not None and v2.meta["version"] == 2
    second = store.record_review(v2.meta["version_id"], {"n": 2}, year=2025, grade="中", errors=1)

    items = store.reviews(p5)
    assert [(i["id"], i["version"], i["year"], i["grade"], i["errors"], i["warnings"], i["actor"])
            for i in items] == [(first, 1, 2024, "良", 0, 2, "张三"), (second, 2, 2025, "中", 1, 0, None)]
    assert all(i["project_id"] == p5 and "payload" not in i and i["created_at"] is not None for i in items)
    assert [i["id"] for i in store.reviews(p5, year=2025)] == [second]
    one = store.review(first)
    assert one is not None and one["payload"] == payload and one["version_id"] == v1.meta["version_id"]
    assert store.review(second + 100) is None
    (other,) = store.find_projects("2024年检察业务经费项目-2024中央")
    assert store.reviews(int(other["id"])) == []
