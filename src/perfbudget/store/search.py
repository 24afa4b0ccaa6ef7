"""Substring search on Chinese names that uses an index (issue 17): indicators' 三级指标 and 描述, project names.

A search for ``培训`` means "the text contains 培训", case ignored for letters — what ``LIKE '%培训%'``
says, but ``LIKE`` with a leading wildcard reads every row (a million indicators at province scale).

* **SQLite**: FTS5 tables with the ``trigram`` tokenizer (``search_indicators``, ``search_projects``),
  contentless, without positions (``detail='none'``: a small index) and without each row's token count
  (``columnsize=0``, migration ``1832_import_sqlite``: only ranking functions such as ``bm25`` read those, and
  no search here ranks; FTS5 kept them in a ``…_docsize`` table, one b-tree row written for every indexed row),
  kept in step by triggers on changed and deleted rows (migration ``0500_scale_indexes``); new rows are added by
  their one writer, the importer (:func:`index_rows`, :func:`indexed_at_end`; by insert triggers until migration
  ``1836_import_stmts``). Each indexed text ends in two sentinel
  characters (U+0001), so every character of the text starts a trigram. A query of three characters or
  more asks for the rows holding all of its trigrams; a query of one or two characters —
  ``培训``, too short for a trigram — is looked up among the index's terms (``fts5vocab``, a range scan
  of the sorted terms: every trigram that starts with it), then matched as their union.
* **PostgreSQL**: ``pg_trgm`` GIN indexes on the same texts for queries of three characters or more
  (the clusters are UTF-8 with a ``C.UTF-8``-style ctype, under which Chinese characters form
  trigrams); for one or two characters, and wherever ``CREATE EXTENSION pg_trgm`` was refused, GIN
  indexes of each text's character bigrams (``perfbudget_bigrams``, a PL/pgSQL function, no extension):
  the rows whose bigrams contain the query's bigrams; the same index holds each text's characters, for
  one-character queries.

The index only narrows the candidates: every condition here is *candidates AND the plain LIKE*, so the
answer is exactly the LIKE's, whichever path found it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, and_, cast, false, func, literal_column, or_, select, text
from sqlalchemy.dialects import postgresql

from perfbudget.store.bulk import run
from perfbudget.store.schema import indicators, projects

PREFIX = "search_"  # every search object's name starts with it (the schema test leaves them out)
SENTINEL = "\x01"
MAX_TERMS = 2000  # a short query matching more distinct trigrams than this reads the rows instead
_NOTHING = object()  # no indexed term starts with the query: nothing matches

# --- DDL, shared by the migration and the tests -------------------------------------------------------

_SQLITE_SOURCES = {  # FTS table: (source table, indexed text of the row ``{row}``, columns whose change re-indexes)
    "search_indicators": ("indicators", "{row}.level3 || char(1) || coalesce({row}.description, '') || char(1, 1)",
                          "level3, description"),
    "search_projects": ("projects", "{row}.name || char(1, 1)", "name"),
}


# The FTS5 tables' options. ``columnsize=0`` since migration 1832: no ``…_docsize`` table (each row's token count,
# read by ranking functions only), one b-tree insert fewer for every indicator and project written. No insert
# trigger since migration 1836: the importer indexes the rows it writes (:func:`index_rows`). The migrations hold the
# statements they ran (0500, 1832 and 1836 read them here until faces44).
FTS_OPTIONS = "content='', tokenize='trigram', detail='none', columnsize=0"
# the insert triggers of a store before 1836 (or moved below it): while they are there they index the new rows
INSERT_TRIGGERS = tuple(f"{fts}_insert" for fts in _SQLITE_SOURCES)


def sqlite_create() -> list[str]:
    """Statements creating the FTS5 tables, their triggers, and indexing the rows already stored (the benchmarks'
    stores loaded without them, the tests' tables built afresh)."""
    out = []
    for fts, (table, body, columns) in _SQLITE_SOURCES.items():
        new, old = body.format(row="new"), body.format(row="old")
        out += [
            f"CREATE VIRTUAL TABLE {fts} USING fts5(body, {FTS_OPTIONS})",
            f"CREATE VIRTUAL TABLE {fts}_terms USING fts5vocab({fts}, 'row')",
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, body) VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {columns} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, body) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {fts}(rowid, body) VALUES (new.id, {new}); END",
            f"INSERT INTO {fts}(rowid, body) SELECT id, {body.format(row=table)} FROM {table}",
        ]
    return out


_DEFERRED = "perfbudget.search.deferred"  # connection.info: inside indexed_at_end, new rows wait for its end
_SOURCE_OF = {table: (fts, body) for fts, (table, body, _columns) in _SQLITE_SOURCES.items()}


def _indexed_by_rows(connection: Connection) -> bool:
    """SQLite: whether new rows of the indexed tables are this module's to index — the search tables exist and no
    insert trigger indexes the rows itself (a store at migration 1836 or later). Looked up again only when the
    schema has changed since (``PRAGMA schema_version``: a migration up or down on this connection), so that a row
    is never indexed twice."""
    version = run(connection, "PRAGMA schema_version")[0][0]
    known = connection.info.get(_BY_ROWS)
    if known is None or known[0] != version:
        names = [*_SQLITE_SOURCES, *INSERT_TRIGGERS]
        found = {name for (name,) in run(
            connection, f"SELECT name FROM sqlite_master WHERE name IN ({', '.join('?' * len(names))})", names)}
        ours = set(_SQLITE_SOURCES) <= found and not found & set(INSERT_TRIGGERS)
        known = connection.info[_BY_ROWS] = (version, ours)
    return bool(known[1])


_BY_ROWS = "perfbudget.search.by_rows"


def index_rows(connection: Connection, table: str, first: int, last: int) -> None:
    """SQLite: the rows ``first``…``last`` of ``table`` (``indicators`` or ``projects``) just inserted, in one id
    range and by this transaction, added to the search index by one statement — unless an :func:`indexed_at_end`
    block takes them at its end. The importer calls it for every document it stores: since migration 1836 no
    insert trigger indexes new rows (a trigger on a table makes SQLite stage a multi-row INSERT's rows in a
    temporary table and run the trigger's program for each row; the bulk batches had to drop the two triggers
    and make them again, schema changes that made SQLite prepare every statement of the connection again).
    Nothing where the rows are indexed otherwise (:func:`_indexed_by_rows`), or on PostgreSQL (GIN indexes)."""
    if (last < first or connection.dialect.name != "sqlite" or connection.info.get(_DEFERRED)
            or not _indexed_by_rows(connection)):
        return
    fts, body = _SOURCE_OF[table]
    run(connection, f"INSERT INTO {fts}(rowid, body) SELECT id, {body.format(row=table)} FROM {table} "
                    "WHERE id BETWEEN ? AND ? ORDER BY id", (first, last))


@contextmanager
def indexed_at_end(connection: Connection) -> Iterator[None]:
    """SQLite, inside one write transaction that only *inserts* indicators and projects (a bulk import's batch,
    ``Store.write_batch(index_at_end=True)``): the rows inserted in the block are added to the search index
    by one statement per table at its end, in the same transaction, instead of by :func:`index_rows` document by
    document. FTS5 writes its pending terms out as a new index segment at every statement that touched it (the
    next statement's savepoint), and merges the segments later; one statement per batch writes each distinct
    trigram of the batch once. The schema does not change (until migration 1836 the block dropped the insert
    triggers and made them again); a block that fails leaves nothing to index, its rows rolled back with it.

    Not for a block that updates or deletes rows it inserted (their delete/update triggers would take
    out index entries not yet written). On a store whose new rows are indexed otherwise (insert triggers, before
    1836) or on PostgreSQL (GIN indexes), nothing changes."""
    if connection.dialect.name != "sqlite" or connection.info.get(_DEFERRED) or not _indexed_by_rows(connection):
        yield
        return
    largest = connection.exec_driver_sql(
        "SELECT " + ", ".join(f"(SELECT coalesce(max(id), 0) FROM {table})"
                              for table, _body, _columns in _SQLITE_SOURCES.values())).one()
    connection.info[_DEFERRED] = True
    try:
        yield
    finally:
        del connection.info[_DEFERRED]
    for (fts, (table, body, _columns)), start in zip(_SQLITE_SOURCES.items(), largest, strict=True):
        connection.exec_driver_sql(f"INSERT INTO {fts}(rowid, body) SELECT id, {body.format(row=table)} "
                                   f"FROM {table} WHERE id > ? ORDER BY id", (start,))


def sqlite_drop() -> list[str]:
    out = []
    for fts in _SQLITE_SOURCES:
        out += [f"DROP TRIGGER IF EXISTS {fts}_{event}" for event in ("insert", "delete", "update")]
        out += [f"DROP TABLE IF EXISTS {fts}_terms", f"DROP TABLE IF EXISTS {fts}"]
    return out


# ``perfbudget_search_text`` and ``perfbudget_bigrams``, which the PostgreSQL indexes below call, are made by the
# migrations that hold their definitions: 0500 (both, in SQL) and 0700 (``perfbudget_bigrams`` in PL/pgSQL); until
# faces43 the migrations read them here, so a change here would have changed what an old migration does.
# The lists' indexes of migration 0500 (also in the models), for the benchmarks' stores made before them.
LIST_INDEXES = [
    "CREATE INDEX ix_units_code_id ON units (code, id)",
    "CREATE INDEX ix_projects_unit_id_fund_year_name_id ON projects (unit_id, fund_year, name, id)",
    "CREATE INDEX ix_projects_latest_version ON projects (latest_version)",
    "CREATE INDEX ix_project_versions_indicator_count ON project_versions (indicator_count)",
]
PG_BIGRAM_INDEXES = [
    "CREATE INDEX search_indicators_bigrams ON indicators "
    "USING gin (perfbudget_bigrams(perfbudget_search_text(level3, description)))",
    "CREATE INDEX search_projects_bigrams ON projects USING gin (perfbudget_bigrams(name))",
]
PG_TRIGRAM_INDEXES = [
    "CREATE INDEX search_indicators_trgm ON indicators "
    "USING gin (perfbudget_search_text(level3, description) gin_trgm_ops)",
    "CREATE INDEX search_projects_trgm ON projects USING gin (name gin_trgm_ops)",
]
PG_DROP = ["DROP INDEX IF EXISTS search_indicators_trgm", "DROP INDEX IF EXISTS search_projects_trgm",
           "DROP INDEX IF EXISTS search_indicators_bigrams", "DROP INDEX IF EXISTS search_projects_bigrams",
           "DROP FUNCTION IF EXISTS perfbudget_bigrams(text)",
           "DROP FUNCTION IF EXISTS perfbudget_search_text(text, text)"]

# --- Queries ------------------------------------------------------------------------------------------

def _like(column: Any, value: str, dialect: str) -> Any:
    """``column`` contains ``value``, case ignored (see ``queries._contains``).

    On PostgreSQL a value of one or two characters is tested with ``strpos``: a trigram index cannot
    narrow a LIKE of fewer than three characters, yet the planner reads it anyway (every row of the
    index, 20 ms at 100,000 projects) and ANDs it with the bigram index that does narrow."""
    if dialect == "postgresql" and len(value) < 3:
        if value.lower() == value.upper():
            return func.strpos(column, value) > 0
        return func.strpos(func.lower(column), value.lower()) > 0
    if dialect == "sqlite" or value.lower() == value.upper():
        return column.contains(value, autoescape=True)
    return column.icontains(value, autoescape=True)


def _has(connection: Connection, name: str) -> bool:
    """Whether the search object ``name`` exists (asked once per database connection)."""
    key = f"perfbudget.search.{name}"
    if key not in connection.info:
        if connection.dialect.name == "sqlite":
            query = text("SELECT 1 FROM sqlite_master WHERE name = :name")
        else:
            query = text("SELECT 1 FROM pg_class WHERE relname = :name AND relkind = 'i'")
        connection.info[key] = connection.execute(query, {"name": name}).first() is not None
    return bool(connection.info[key])


def _fts_query(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _sqlite_rowids(connection: Connection, fts: str, value: str) -> Any | None:
    """The rowids the FTS table ``fts`` finds for ``value`` (a superset of the LIKE's); None: no narrowing."""
    if len(value) >= 3:  # every trigram of the value (detail='none' keeps no positions: the LIKE rechecks)
        lowered = value.lower()
        match = " AND ".join(sorted({_fts_query(lowered[i:i + 3]) for i in range(len(lowered) - 2)}))
    else:
        lowered = value.lower()
        terms = connection.execute(text(f"SELECT term FROM {fts}_terms WHERE term >= :low AND term < :high "
                                        f"LIMIT {MAX_TERMS + 1}"),
                                   {"low": lowered, "high": lowered + "\U0010ffff"}).scalars().all()
        if len(terms) > MAX_TERMS:
            return None
        if not terms:
            return _NOTHING
        match = " OR ".join(_fts_query(t) for t in terms)
    return (select(literal_column("rowid")).select_from(text(fts))
            .where(literal_column(fts).op("MATCH")(match)))


def _narrowed(key: Any, rowids: Any, plain: Any) -> Any:
    if rowids is None:
        return plain
    if rowids is _NOTHING:
        return false()
    return and_(key.in_(rowids), plain)


def _bigrams(value: str) -> list[str]:
    lowered = value.lower()
    return sorted({lowered[i:i + 2] for i in range(len(lowered) - 1)})


def indicator_text_contains(connection: Connection, value: str) -> Any:
    """Condition: the indicator's 三级指标 or 描述 contains ``value`` (case ignored), served by an index."""
    dialect = connection.dialect.name
    plain = indicator_text_plain(connection, value)
    if dialect == "sqlite":
        if not _has(connection, "search_indicators"):
            return plain
        rowids = _sqlite_rowids(connection, "search_indicators", value)
        return _narrowed(indicators.c.id, rowids, plain)
    if dialect != "postgresql":
        return plain
    body = func.perfbudget_search_text(indicators.c.level3, indicators.c.description)
    return and_(indicators.c.id.in_(_pg_hits(indicators, _pg_candidates(connection, body, value,
                                                                      "search_indicators"))), plain)


def indicator_text_plain(connection: Connection, value: str) -> Any:
    """Condition: the indicator's 三级指标 or 描述 contains ``value`` (case ignored), without the index:
    the check of the index's candidates, and the whole test for a few indicators already chosen (one
    unit's projects), where reading the index costs more."""
    dialect = connection.dialect.name
    return or_(_like(indicators.c.level3, value, dialect), _like(indicators.c.description, value, dialect))


def project_name_plain(connection: Connection, value: str) -> Any:
    """Condition: the project's name contains ``value`` (case ignored), without the index (few projects)."""
    return _like(projects.c.name, value, connection.dialect.name)


def indicator_versions(connection: Connection, value: str, year: int | None = None) -> Any:
    """``SELECT version_id`` of the indicators whose 三级指标 or 描述 contains ``value``: the versions a
    search word finds through their indicators (of projects of fund year ``year`` only, when given: the
    indicator row's own year, so the other years' matches are never collected). On PostgreSQL the
    index's candidates are checked and their versions taken in the same pass over the rows (a
    MATERIALIZED CTE, as :func:`_pg_hits`), not looked up again one by one (0.7 s for a word in 80,000
    indicators)."""
    in_year = [] if year is None else [indicators.c.fund_year == year]
    if connection.dialect.name != "postgresql":
        return select(indicators.c.version_id).where(indicator_text_contains(connection, value), *in_year)
    body = func.perfbudget_search_text(indicators.c.level3, indicators.c.description)
    hits = (select(indicators.c.version_id).where(_pg_candidates(connection, body, value, "search_indicators"),
                                                  indicator_text_plain(connection, value), *in_year)
            .cte(f"search_versions_{uuid.uuid4().hex[:8]}").prefix_with("MATERIALIZED"))
    return select(hits.c.version_id)


def project_name_contains(connection: Connection, value: str) -> Any:
    """Condition: the project's name contains ``value`` (case ignored), served by an index."""
    dialect = connection.dialect.name
    plain = _like(projects.c.name, value, dialect)
    if dialect == "sqlite":
        if not _has(connection, "search_projects"):
            return plain
        rowids = _sqlite_rowids(connection, "search_projects", value)
        return _narrowed(projects.c.id, rowids, plain)
    if dialect != "postgresql":
        return plain
    return and_(projects.c.id.in_(_pg_hits(projects, _pg_candidates(connection, projects.c.name, value,
                                                                    "search_projects"))), plain)


def _pg_hits(table: Any, candidates: Any) -> Any:
    """The ids the index finds, as a MATERIALIZED CTE: read through the GIN index first, whatever the
    rest of the statement. Otherwise, under ``ORDER BY … LIMIT``, PostgreSQL may walk the rows in order
    hoping to meet enough matches early, computing the bigrams of every row it passes (minutes for a
    rare text in a million rows)."""
    hits = select(table.c.id).where(candidates).cte(f"search_hits_{uuid.uuid4().hex[:8]}").prefix_with("MATERIALIZED")
    return select(hits.c.id)


def _pg_candidates(connection: Connection, body: Any, value: str, prefix: str) -> Any:
    """The index condition on PostgreSQL: trigram LIKE when it can serve, else the grams' containment."""
    if len(value) >= 3 and _has(connection, f"{prefix}_trgm"):
        return _like(body, value, "postgresql")
    if _has(connection, f"{prefix}_bigrams"):
        grams = cast(postgresql.array(_bigrams(value) if len(value) >= 2 else [value.lower()]),
                     postgresql.ARRAY(postgresql.TEXT))
        return func.perfbudget_bigrams(body).op("@>")(grams)
    return _like(body, value, "postgresql")


_TABLES = {"indicators": ("search_indicators", indicators), "projects": ("search_projects", projects)}


def _body(table: str) -> Any:
    if table == "indicators":
        return func.perfbudget_search_text(indicators.c.level3, indicators.c.description)
    return projects.c.name


def plain_condition(connection: Connection, table: str, value: str) -> Any:
    """The exact condition (LIKE, case ignored) on ``table``'s searched text, without any index."""
    dialect = connection.dialect.name
    if table == "indicators":
        return or_(_like(indicators.c.level3, value, dialect), _like(indicators.c.description, value, dialect))
    return _like(projects.c.name, value, dialect)


def candidate_ids(connection: Connection, table: str, value: str) -> Any | None:
    """A SELECT of the ids the index finds for ``value`` in ``table`` (``indicators`` or ``projects``): a
    superset of the rows whose text contains it. None: no index can narrow (read the rows);
    :data:`NOTHING`: no row can match."""
    fts, source = _TABLES[table]
    if connection.dialect.name == "sqlite":
        if not _has(connection, fts):
            return None
        rowids = _sqlite_rowids(connection, fts, value)
        return NOTHING if rowids is _NOTHING else rowids
    if connection.dialect.name != "postgresql":
        return None
    if not (len(value) >= 3 and _has(connection, f"{fts}_trgm")) and not _has(connection, f"{fts}_bigrams"):
        return None
    return select(source.c.id).where(_pg_candidates(connection, _body(table), value, fts))


NOTHING = _NOTHING


def estimated_rows(connection: Connection, query: Any) -> float:
    """PostgreSQL: the planner's estimate of the rows ``query`` returns (``EXPLAIN``, nothing run). The gram
    indexes' expression statistics (``ANALYZE`` keeps the most common grams) make it close for the
    common texts, the ones where it matters."""
    compiled = query.compile(dialect=connection.dialect)
    plan = connection.exec_driver_sql("EXPLAIN (FORMAT JSON) " + str(compiled), compiled.params).scalar_one()
    return float(plan[0]["Plan"]["Plan Rows"])
