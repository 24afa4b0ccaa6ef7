"""A project's stored 自评 and 监控 records are listed without their payloads (leftovers18): each record keeps its
whole result (up to 2 MB), one per save, and the listing (``perfbudget evaluations``, a publication's 自评 of each
project) read and parsed every one of them to find the name of the sheet it was scored from. The database reads
the name now; no payload reaches Python."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from perfbudget.model import Document
from perfbudget.store import Store


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'listing.db'}"
    return str(request.getfixturevalue("pg_url"))


def test_the_listing_names_each_sheet_and_fetches_no_payload(url: str, seed_document: Document) -> None:
    with Store(url) as store:
        assert store.import_document(seed_document, "seed.txt").status == "imported"
        version = store.latest_versions()[0]
        pid, vid = int(version.meta["project_id"]), int(version.meta["version_id"])
        big = "实际完成情况说明" * 20_000  # 160,000 characters of a result
        for n, sheet in enumerate(("第一次.xlsx", None, "第三次.csv")):
            payload: dict[str, Any] = {"projects": [], "note": big}
            if sheet:
                payload["actuals_file"] = sheet
            store.record_evaluation(vid, 2024, "self-evaluation", payload, total=str(80 + n), grade="良")
        fetched: list[list[str]] = []

        def columns(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            fetched.append([c[0] for c in cursor.description or ()])

        event.listen(store.engine, "after_cursor_execute", columns)
        listed = store.evaluations(pid, kind="self-evaluation")
        event.remove(store.engine, "after_cursor_execute", columns)
    assert [(r["total"], r["sheet"]) for r in listed] == [("80", "第一次.xlsx"), ("81", None), ("82", "第三次.csv")]
    assert fetched and not any("payload" in names for names in fetched), fetched
