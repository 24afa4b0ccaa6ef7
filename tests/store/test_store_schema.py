"""Migrations and schema: the migrated database is what the models say; results tables work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from perfbudget.store import SchemaOutdatedError, Store, search
from perfbudget.store import importer as importer_module
from perfbudget.store.engine import make_engine, write_transaction
from perfbudget.store.migrate import (
    MIGRATIONS,
    alembic_config,
    current_revision,
    ensure_schema,
    head_revision,
    scripted_head_revision,
)
from perfbudget.store.ordering import PG_ORDER_PREFIX
from perfbudget.store.schema import Base, evaluations, reviews
from tests.store.helpers import import_file

# Each test's db_url is an empty database: these tests migrate it (tests/conftest.py store_url).
pytestmark = pytest.mark.empty_database

STORE_TABLES = {"units", "documents", "projects", "project_versions", "indicators", "targets", "document_items",
                "version_changes", "reviews", "evaluations", "project_status"}


def _about_store_tables(diff: object) -> bool:
    items = diff if isinstance(diff, list) else [diff]
    for item in items:
        for part in item:
            name = getattr(part, "name", None) if not isinstance(part, str) else None
            table = getattr(part, "table", None)
            if name in STORE_TABLES or getattr(table, "name", None) in STORE_TABLES:
                return True
            if isinstance(part, str) and part in STORE_TABLES:
                return True
    return False


def test_new_database_is_migrated_on_first_use(db_url: str) -> None:
    with Store(db_url) as store:
        tables = set(inspect(store.engine).get_table_names())
        assert tables >= STORE_TABLES | {"alembic_version"}
        with store.engine.connect() as connection:
            assert current_revision(connection) == head_revision()


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    with Store(db_url) as store, store.engine.connect() as connection:
        # The search indexes and FTS tables (store/search.py) and PostgreSQL's list-order indexes
        # (store/ordering.py) are made by SQL the models cannot express.
        context = MigrationContext.configure(connection, opts={
            "include_name": lambda name, kind, parent: not (name or "").startswith((search.PREFIX, PG_ORDER_PREFIX))})
        diffs = compare_metadata(context, Base.metadata)
    assert [d for d in diffs if _about_store_tables(d)] == []


def test_downgrade_to_nothing_and_up_again(db_url: str) -> None:
    engine = make_engine(db_url)
    ensure_schema(engine)
    with write_transaction(engine, moves=None) as connection:
        command.downgrade(alembic_config(connection), "base")
    assert not (set(inspect(engine).get_table_names()) & STORE_TABLES)
    ensure_schema(engine)
    assert set(inspect(engine).get_table_names()) >= STORE_TABLES
    engine.dispose()


def test_the_unused_edit_claims_table_is_dropped_and_comes_back_on_downgrade(db_url: str) -> None:
    engine = make_engine(db_url)
    ensure_schema(engine)
    assert "edit_claims" not in inspect(engine).get_table_names()
    with write_transaction(engine, moves=None) as connection:
        command.downgrade(alembic_config(connection), "0800_indicator_fund_year")
    assert "edit_claims" in inspect(engine).get_table_names()
    with write_transaction(engine, moves=None) as connection:
        command.upgrade(alembic_config(connection), head_revision())
    assert "edit_claims" not in inspect(engine).get_table_names()
    engine.dispose()


def _review_indexes(engine: object) -> dict[str, list[str]]:
    return {index["name"]: list(index["column_names"]) for index in inspect(engine).get_indexes("reviews")}


def test_the_single_column_reviews_index_is_dropped_and_comes_back_on_downgrade(db_url: str) -> None:
    engine = make_engine(db_url)
    ensure_schema(engine)
    assert _review_indexes(engine) == {"ix_reviews_version_id_id": ["version_id", "id"]}
    with write_transaction(engine, moves=None) as connection:
        command.downgrade(alembic_config(connection), "0900_drop_edit_claims")
    assert _review_indexes(engine)["ix_reviews_version_id"] == ["version_id"]
    with write_transaction(engine, moves=None) as connection:
        command.upgrade(alembic_config(connection), head_revision())
    assert _review_indexes(engine) == {"ix_reviews_version_id_id": ["version_id", "id"]}
    engine.dispose()


def test_outdated_database_is_refused_not_migrated(db_url: str) -> None:
    engine = make_engine(db_url)
    ensure_schema(engine)
    with write_transaction(engine, moves=None) as connection:
        command.downgrade(alembic_config(connection), "0001")
    if head_revision() != "0001":
        with pytest.raises(SchemaOutdatedError):
            ensure_schema(engine)
    engine.dispose()


def test_migrations_ship_inside_the_package() -> None:
    import perfbudget

    package = Path(perfbudget.__file__).parent
    assert MIGRATIONS.is_relative_to(package)
    assert (MIGRATIONS / "env.py").exists() and (MIGRATIONS / "script.py.mako").exists()
    assert (MIGRATIONS / "versions" / "0001_initial.py").exists()


def test_review_and_evaluation_results(store: Store, seed_path: Path) -> None:
    import_file(store, seed_path)
    stored = store.project_version(1)
    assert stored is not None
    version_id = stored.meta["version_id"]
    findings = [{"rule": "rate-over-100", "severity": "error", "message": "比率不应超过100%"}]
    review_id = store.record_review(version_id, findings, year=2024, grade="良", errors=1)
    evaluation_id = store.record_evaluation(version_id, 2024, "self-evaluation", {"total": "92.50"},
                                            total="92.50", grade="优")
    with store.engine.connect() as connection:
        review = connection.execute(select(reviews).where(reviews.c.id == review_id)).mappings().one()
        evaluation = connection.execute(select(evaluations).where(evaluations.c.id == evaluation_id)).mappings().one()
    assert (review["grade"], review["errors"], json.loads(review["payload"])) == ("良", 1, findings)
    assert (evaluation["total"], evaluation["grade"], evaluation["kind"]) == ("92.50", "优", "self-evaluation")
    with pytest.raises(IntegrityError):  # foreign keys are enforced on both databases
        store.record_review(999_999, [])


def test_a_collision_with_a_concurrent_import_is_retried(store: Store, seed_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    real = importer_module.apply_plan
    calls = []

    def collide_once(*args: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise IntegrityError("INSERT", {}, Exception("duplicate key value violates unique constraint"))
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(importer_module, "apply_plan", collide_once)
    assert import_file(store, seed_path).status == "imported"
    assert len(calls) == 2
    assert store.counts()["projects"] == 10


def test_a_collision_that_never_clears_fails_cleanly(store: Store, seed_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def always(*_args: object) -> object:
        raise IntegrityError("INSERT", {}, Exception("duplicate key"))

    monkeypatch.setattr(importer_module, "apply_plan", always)
    outcome = import_file(store, seed_path)
    assert outcome.status == "failed" and "数据库冲突" in outcome.problems[0].message
    assert store.counts()["documents"] == 0


def test_head_revision_constant_matches_the_migration_scripts() -> None:
    assert head_revision() == scripted_head_revision()
