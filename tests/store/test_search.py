"""Indexed substring search (store/search.py, migration 0500): the same answers as a plain LIKE, from an index."""

from __future__ import annotations

import logging
import uuid
from importlib import import_module
from pathlib import Path

import pytest
from sqlalchemy import text

from perfbudget.model import Document
from perfbudget.store import Filters, Store, search
from perfbudget.store.engine import write_transaction
from tests.store.helpers import import_file

_0700 = "perfbudget.store.migrations.versions.0700_bigrams_plpgsql"  # holds both definitions of the bigrams

FIXED = {"培训", "满意度", "率", "不存在", "无此指标名称", "%", "_", "ab", "Xq"}


def _queries(document: Document) -> list[str]:
    """Pieces of the seed's texts of every length, at the start, middle and end, and texts found nowhere."""
    out = set(FIXED)
    for project in document.projects:
        for indicator in project.indicators:
            for value in (indicator.level3, indicator.description or ""):
                for size in (1, 2, 3, 5):
                    if len(value) >= size:
                        out.update({value[:size], value[-size:], value[len(value) // 2:len(value) // 2 + size]})
    texts = sorted(q for q in out if q.strip())
    # Every single character and every text of the list above; of the longer pieces every third (they are
    # searched alike: the suite's time goes to the answers, not to more of the same).
    return [q for index, q in enumerate(texts) if len(q) == 1 or q in FIXED or index % 3 == 0]


def _expected(document: Document, query: str) -> set[tuple[str, int]]:
    q = query.lower()
    return {(p.name + (p.fund_label or ""), i_pos) for p in document.projects
            for i_pos, i in enumerate(p.indicators, 1)
            if q in i.level3.lower() or q in (i.description or "").lower()}


def test_indicator_search_answers_exactly_like_a_scan(store: Store, seed_path: Path, seed_document: Document) -> None:
    import_file(store, seed_path)
    queries = _queries(seed_document)
    assert len(queries) > 150
    for query in queries:
        page = store.indicators(Filters(search=query), None)
        found = {(i["project"] + (i["fund_label"] or ""), i["position"]) for i in page["items"]}
        assert found == _expected(seed_document, query), query
        assert page["total"] == len(found)


def test_project_search_and_show_by_part_of_a_name(store: Store, seed_path: Path, seed_document: Document) -> None:
    import_file(store, seed_path)
    names = [p.name for p in seed_document.projects]
    for query in {n[:2] for n in names} | {n[-2:] for n in names} | {n[2:6] for n in names} | {"司法", "无此项目"}:
        page = store.projects(Filters(search=query), None)
        assert sorted(p["name"] for p in page["items"]) == sorted(n for n in names if query in n), query
    assert {p["name"] for p in store.find_projects("司法救助")} == {"2024年司法救助项目"}


def test_the_index_follows_changed_rows(store: Store, seed_path: Path) -> None:
    import_file(store, seed_path)
    with write_transaction(store.engine) as connection:
        connection.execute(text("UPDATE indicators SET level3 = '新写的指标甲乙' WHERE id = 1"))
        connection.execute(text("UPDATE projects SET name = '改名后的项目丙丁' WHERE id = 1"))
    for query in ("甲乙", "写的指标", "乙"):
        assert [i["level3"] for i in store.indicators(Filters(search=query))["items"]] == ["新写的指标甲乙"], query
    assert [p["name"] for p in store.projects(Filters(search="丙丁"))["items"]] == ["改名后的项目丙丁"]
    before = store.indicators(Filters(search="数量"))["total"]
    with write_transaction(store.engine) as connection:
        connection.execute(text("DELETE FROM library_entries WHERE indicator_id IN "
                                "(SELECT id FROM indicators WHERE version_id = 1)"))
        connection.execute(text("DELETE FROM targets WHERE indicator_id IN "
                                "(SELECT id FROM indicators WHERE version_id = 1)"))
        connection.execute(text("DELETE FROM indicators WHERE version_id = 1"))
    after = store.indicators(Filters(search="数量"))["total"]
    assert after < before
    assert store.indicators(Filters(search="甲乙"))["total"] == 0


def _plan(store: Store, sql: str, params: dict[str, object]) -> str:
    with store.engine.connect() as connection:
        if store.engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SET enable_seqscan = off")  # a tiny table: make the planner show the index
            rows = connection.execute(text("EXPLAIN " + sql), params).scalars().all()
        else:
            rows = [r[-1] for r in connection.execute(text("EXPLAIN QUERY PLAN " + sql), params)]
    return "\n".join(rows)


def test_searches_are_served_by_the_indexes(store: Store, seed_path: Path) -> None:
    import_file(store, seed_path)
    from perfbudget.store.schema import indicators

    with store.engine.connect() as connection:
        for query, index in (("满意度", "trgm"), ("满意", "bigrams"), ("率", "bigrams")):
            condition = search.indicator_text_contains(connection, query)
            statement = indicators.select().where(condition)
            sql = str(statement.compile(connection, compile_kwargs={"literal_binds": True}))
            plan = _plan(store, sql, {})
            if store.engine.dialect.name == "sqlite":
                assert "search_indicators VIRTUAL TABLE" in plan, (sql, plan)
            else:
                assert f"search_indicators_{index}" in plan, plan


@pytest.mark.postgres
def test_postgres_without_pg_trgm_falls_back_to_bigrams(pg_url: str, seed_path: Path, seed_document: Document,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    """A role that may not create extensions: the migration says so and the bigram indexes serve every search."""
    import psycopg

    role = f"r_{uuid.uuid4().hex[:10]}"
    admin = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE ROLE "{role}" LOGIN')
        connection.execute(f'GRANT CONNECT ON DATABASE "{admin.rsplit("/", 1)[1]}" TO "{role}"')
        connection.execute(f'GRANT USAGE, CREATE ON SCHEMA public TO "{role}"')
    head, _, rest = pg_url.partition("://postgres@")
    try:
        with caplog.at_level(logging.WARNING, logger="perfbudget"), Store(f"{head}://{role}@{rest}") as store:
            assert any("无法启用 pg_trgm 扩展" in r.getMessage() for r in caplog.records)
            import_file(store, seed_path)
            with store.engine.connect() as connection:
                names = set(connection.execute(text("SELECT relname FROM pg_class WHERE relname LIKE 'search_%'"))
                            .scalars())
            assert names == {"search_indicators_bigrams", "search_projects_bigrams"}
            for query in ("满意度", "培训", "验收合格率", "率"):
                page = store.indicators(Filters(search=query), None)
                found = {(i["project"] + (i["fund_label"] or ""), i["position"]) for i in page["items"]}
                assert found == _expected(seed_document, query), query
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP OWNED BY "{role}" CASCADE')
            connection.execute(f'DROP ROLE "{role}"')


@pytest.mark.postgres
def test_common_texts_are_counted_on_the_rows_with_the_same_answers(pg_url: str, seed_path: Path,
                                                                     seed_document: Document,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL: a text the planner expects in very many rows is counted on the rows instead of through the
    gram index's bitmap (queries.DENSE_ESTIMATE). Forced for every text here, the answers stay the scan's."""
    from perfbudget.store import queries

    with Store(pg_url) as store:
        import_file(store, seed_path)
        with store.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE indicators")
        with store.engine.connect() as connection:
            common = search.candidate_ids(connection, "indicators", "率")
            nowhere = search.candidate_ids(connection, "indicators", "无此")
            assert search.estimated_rows(connection, common) > search.estimated_rows(connection, nowhere)
        estimates: list[float] = []
        real = search.estimated_rows
        monkeypatch.setattr(search, "estimated_rows", lambda c, q: estimates.append(real(c, q)) or real(c, q))
        monkeypatch.setattr(queries, "DENSE_ESTIMATE", -1.0)
        for query in _queries(seed_document):
            page = store.indicators(Filters(search=query), None)
            found = {(i["project"] + (i["fund_label"] or ""), i["position"]) for i in page["items"]}
            assert found == _expected(seed_document, query), query
            assert page["total"] == len(found)
        assert len(estimates) > 100  # the dense path was taken, not skipped
        names = [p.name for p in seed_document.projects]
        for query in {n[:2] for n in names} | {"司法", "无此项目"}:
            page = store.projects(Filters(search=query), None)
            assert sorted(p["name"] for p in page["items"]) == sorted(n for n in names if query in n), query


@pytest.mark.postgres
def test_gram_estimates_hold_where_the_collation_is_not_byte_order(seed_path: Path) -> None:
    """PostgreSQL in a database whose collation is not byte order (ICU ``zh``; docs/store.md names ``zh_CN.UTF-8``
    clusters): after ``ANALYZE`` the planner's estimate of the rows holding a common gram is their count, which
    ``queries.DENSE_ESTIMATE`` relies on. The planner looks an array's elements up among the most common ones in the
    database's collation; bigram indexes of another (``COLLATE "C"``, import-floor10's withdrawn migration 1850)
    kept them in theirs, and the estimates fell to 1 row (32 and 9 here)."""
    from sqlalchemy import func, select

    from tests.conftest import pg_database

    with pg_database(options="TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'zh'") as url, Store(url) as store:
        import_file(store, seed_path)
        with store.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE indicators")
        with store.engine.connect() as connection:
            for query in ("率", "满意"):
                candidates = search.candidate_ids(connection, "indicators", query)
                real = connection.execute(select(func.count()).select_from(candidates.subquery())).scalar_one()
                assert real > 5 and search.estimated_rows(connection, candidates) >= real / 2, query


@pytest.mark.postgres
def test_plpgsql_bigrams_give_the_grams_of_the_sql_function(pg_url: str, seed_path: Path,
                                                             seed_document: Document) -> None:
    """Migration 0700: ``perfbudget_bigrams`` in PL/pgSQL gives, as a set, the grams of 0500's SQL definition
    (the GIN keys, so the indexes built with either stay valid) for every text the seed stores, the searched
    texts as indexed, and texts with letters whose case changes, spaces, newlines and characters outside the BMP."""
    with Store(pg_url) as store:
        import_file(store, seed_path)
        with store.engine.begin() as connection:
            language = connection.exec_driver_sql(
                "SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang "
                "WHERE p.proname = 'perfbudget_bigrams'").scalar_one()
            assert language == "plpgsql"
            connection.exec_driver_sql(import_module(_0700).SQL.replace("perfbudget_bigrams(", "pg_temp.sql_bigrams("))
            texts = ["", "a", "Ab", "ABA培训", "培训培训", "Ｆｕｌｌ宽ＡＢ", "ΑΒΓ δ x", "a\nb\tc  d", "😀😀a😀", "率"]
            texts += [p.name for p in seed_document.projects]
            texts += [i.description or i.level3 for p in seed_document.projects for i in p.indicators]
            rows = connection.execute(text(
                "SELECT t, perfbudget_bigrams(t), pg_temp.sql_bigrams(t) FROM unnest(CAST(:texts AS text[])) AS t "
                "UNION ALL SELECT perfbudget_search_text(level3, description), "
                "perfbudget_bigrams(perfbudget_search_text(level3, description)), "
                "pg_temp.sql_bigrams(perfbudget_search_text(level3, description)) FROM indicators"),
                {"texts": texts}).all()
            assert len(rows) == len(texts) + sum(len(p.indicators) for p in seed_document.projects)
            for value, grams, expected in rows:
                assert sorted(set(grams)) == expected, value
                assert set(grams) == set(value.lower()) | set(search._bigrams(value)), value
            assert connection.exec_driver_sql("SELECT perfbudget_bigrams(NULL) IS NULL").scalar_one()


@pytest.mark.postgres
def test_bigram_migration_down_and_up_keeps_the_indexes_answering(pg_url: str, seed_path: Path,
                                                                    seed_document: Document) -> None:
    """0700 replaces the function under indexes built by the other definition, both ways, without a rebuild:
    with the SQL function back (0600) and with the PL/pgSQL one again (0700), the bigram index finds the same
    rows as the plain scan for every query of one and two characters."""
    from alembic import command

    from perfbudget.store.migrate import alembic_config, head_revision

    def language(connection: object) -> str:
        return connection.exec_driver_sql(  # type: ignore[attr-defined, no-any-return]
            "SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang "
            "WHERE p.proname = 'perfbudget_bigrams'").scalar_one()

    def found_by_index(connection: object) -> dict[str, set[int]]:
        out = {}
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")  # type: ignore[attr-defined]
        plan = "\n".join(connection.exec_driver_sql(  # type: ignore[attr-defined]
            "EXPLAIN SELECT id FROM indicators WHERE perfbudget_bigrams(perfbudget_search_text(level3, description)) "
            "@> ARRAY['率']").scalars())
        assert "search_indicators_bigrams" in plan, plan
        for query in {"率", "满意", "培训", "ab", "无此", *(p.name[:2] for p in seed_document.projects)}:
            grams = search._bigrams(query) if len(query) >= 2 else [query.lower()]
            out[query] = set(connection.execute(text(  # type: ignore[attr-defined]
                "SELECT id FROM indicators WHERE perfbudget_bigrams(perfbudget_search_text(level3, description)) "
                "@> CAST(:grams AS text[]) UNION ALL SELECT -id FROM projects WHERE perfbudget_bigrams(name) "
                "@> CAST(:grams AS text[])"), {"grams": grams}).scalars())
            plain = set(connection.execute(text(  # type: ignore[attr-defined]
                "SELECT id FROM indicators WHERE strpos(lower(perfbudget_search_text(level3, description)), :q) > 0 "
                "UNION ALL SELECT -id FROM projects WHERE strpos(lower(name), :q) > 0"),
                {"q": query.lower()}).scalars())
            assert out[query] == plain, query
        return out

    with Store(pg_url) as store:
        import_file(store, seed_path)
        with write_transaction(store.engine) as connection:
            assert language(connection) == "plpgsql"
            before = found_by_index(connection)
        with write_transaction(store.engine, moves=None) as connection:
            command.downgrade(alembic_config(connection), "0600_project_status")
        with write_transaction(store.engine, moves=None) as connection:
            assert language(connection) == "sql"
            assert found_by_index(connection) == before
        with write_transaction(store.engine, moves=None) as connection:
            command.upgrade(alembic_config(connection), head_revision())
        with write_transaction(store.engine) as connection:
            assert language(connection) == "plpgsql"
            assert found_by_index(connection) == before
            assert sum(len(ids) for ids in before.values()) > 50  # the seed's 88 indicators and 10 projects
