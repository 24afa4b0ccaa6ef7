"""Sources kept by their file names: the local paths a command line's import stored reduced to names.

Until replay-s ``perfbudget import /home/…/目标表.txt`` stored the path as given in ``documents.file_name`` (each
version's source: its ``meta["file"]``, the history's 导入自, every finding's place in a saved review), where the
pages and the API keep an uploaded file's name (``perfbudget.app.imports.kept_file_name``); and until evalpath a saved
自评/运行监控 kept its sheet's and its document's paths. This reduces what was stored before:

- ``documents.file_name`` holding a ``/`` or ``\\`` → its last component, unless the document came through another
  face (a version authored via upload, api, declare or edit: those files are the layer's own words, 「JSON 文档
  （…）」, which may hold a ``/``) or is an edit's (「网页修改（…）」);
- ``reviews.payload`` of the versions of those documents: every ``file`` that is one of those paths → its name;
- ``evaluations.payload``: every ``file``, ``document_file`` and ``actuals_file`` holding a path → its name (what the
  pages and the API showed of them already, ``app.evaluations.names_only``).

The payloads are written back as the store writes them (``json.dumps(…, ensure_ascii=False)``); a payload with no
path is not touched. There is no downgrade of the data: the paths are not kept (downgrading leaves the names).

Revision ID: 1831_source_names
Revises: 1830_unit_aliases
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "1831_source_names"
down_revision = "1830_unit_aliases"
branch_labels = None
depends_on = None

BATCH = 500
EDIT_FILES = ("网页修改", "接口修改", "命令行修改")  # an edit's version file (store.transaction.EDIT_FILES)
OTHER_FACES = ("upload", "api", "declare", "edit")
EVALUATION_KEYS = frozenset(("file", "document_file", "actuals_file"))


def name_of(file: str) -> str:
    """A path's last component (``app.imports.source_name`` as of this revision)."""
    return PurePath(file.replace("\\", "/")).name or file


def is_path(value: Any) -> bool:
    return isinstance(value, str) and ("/" in value or "\\" in value)


def reduced(value: Any, keys: frozenset[str], change: Callable[[str], str | None]) -> Any:
    """``value`` with every string under one of ``keys`` that ``change`` maps replaced, at any depth."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in keys and isinstance(item, str) and (new := change(item)) is not None:
                out[key] = new
            else:
                out[key] = reduced(item, keys, change)
        return out
    if isinstance(value, list):
        return [reduced(item, keys, change) for item in value]
    return value


def _rows(connection: sa.Connection, query: str, params: dict[str, Any]) -> Iterator[Any]:
    """A query's rows, a batch at a time by ``id`` (no table read at once)."""
    last = 0
    while True:
        batch = connection.execute(sa.text(f"{query} AND id > :last ORDER BY id LIMIT {BATCH}"),
                                   {**params, "last": last}).all()
        if not batch:
            return
        yield from batch
        last = batch[-1][0]


def _rewrite(connection: sa.Connection, table: str, rows: Iterator[Any], keys: frozenset[str],
             change: Callable[[str], str | None]) -> None:
    for row_id, payload in rows:
        try:
            data = json.loads(payload)
        except (TypeError, ValueError):
            continue  # not JSON: left as it is
        new = reduced(data, keys, change)
        if new != data:
            connection.execute(sa.text(f"UPDATE {table} SET payload = :payload WHERE id = :id"),
                               {"payload": json.dumps(new, ensure_ascii=False), "id": row_id})


def upgrade() -> None:
    connection = op.get_bind()
    other = ", ".join(f"'{via}'" for via in OTHER_FACES)
    paths: dict[str, str] = {}
    reduced_ids: list[int] = []
    # ESCAPE '!': PostgreSQL's LIKE takes a backslash as its escape character by default, SQLite does not
    for row_id, file in _rows(connection, (
            "SELECT id, file_name FROM documents d "
            "WHERE (file_name LIKE '%/%' OR file_name LIKE :backslash ESCAPE '!') "
            "AND NOT EXISTS (SELECT 1 FROM project_versions v JOIN version_authors a ON a.version_id = v.id "
            f"WHERE v.document_id = d.id AND a.via IN ({other}))"), {"backslash": "%\\%"}):
        if file.startswith(EDIT_FILES):
            continue
        name = name_of(file)
        connection.execute(sa.text("UPDATE documents SET file_name = :name WHERE id = :id"),
                           {"name": name, "id": row_id})
        paths[file] = name
        reduced_ids.append(row_id)
    for start in range(0, len(reduced_ids), BATCH):
        ids = reduced_ids[start:start + BATCH]
        marks = ", ".join(str(i) for i in ids)
        _rewrite(connection, "reviews", _rows(connection, (
            "SELECT id, payload FROM reviews WHERE version_id IN "
            f"(SELECT id FROM project_versions WHERE document_id IN ({marks}))"), {}),
            frozenset(("file",)), paths.get)
    _rewrite(connection, "evaluations", _rows(connection, "SELECT id, payload FROM evaluations WHERE 1 = 1", {}),
             EVALUATION_KEYS, lambda value: name_of(value) if is_path(value) else None)


def downgrade() -> None:
    pass  # the paths are gone; the names stay (any revision reads them)
