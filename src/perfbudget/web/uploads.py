"""Uploaded files waiting between the preview and the confirmation of their import (the web's own table).

Pending uploads expire (:mod:`perfbudget.web.pending`): one not confirmed within ``hours``
(``WebConfig.upload_hours``, default 24) is deleted when anyone uploads, and when it is asked for."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, delete, func, insert, select

from perfbudget.store.engine import read_transaction, write_transaction
from perfbudget.store.schema import utc_now
from perfbudget.web import pending as expiry
from perfbudget.web.errors import WebError
from perfbudget.web.tables import uploads

MAX_PENDING = 20  # uploads one user may keep unconfirmed (each up to the file size limit)


def keep(engine: Engine, user_id: int, name: str, data: bytes, hours: float = 24) -> int:
    """Keep an upload for its user (deleting every expired one first); its id.

    A user keeps at most :data:`MAX_PENDING` uploads unconfirmed: past that a new one is refused
    (429) until one is imported, discarded or expires. Unbounded until 2026-12-03: a unit editor
    could keep uploading 50 MB files, each kept in the database for a day."""
    with write_transaction(engine, moves=None) as connection:
        expiry.purge(connection, hours)
        waiting = connection.execute(select(func.count()).select_from(uploads)
                                     .where(uploads.c.user_id == user_id)).scalar_one()
        if waiting >= MAX_PENDING:
            raise WebError(429, "too_many_uploads",
                           f"您已有 {waiting} 个上传的文件尚未确认导入或放弃，已达上限 {MAX_PENDING} 个：请先确认或放弃"
                           f"其中的文件，或等它们在上传 {hours:g} 小时后自动删除")
        return int(connection.execute(insert(uploads).returning(uploads.c.id).values(
            user_id=user_id, file_name=name, sha256=hashlib.sha256(data).hexdigest(), data=data,
            created_at=utc_now())).scalar_one())


def pending(engine: Engine, user_id: int, upload_id: int, hours: float = 24) -> tuple[str, bytes, str] | None:
    """(file name, bytes, sha256) of the user's upload, or None (also when it has expired: then it is deleted)."""
    with read_transaction(engine) as connection:
        row = connection.execute(select(uploads).where(uploads.c.id == upload_id)).first()
    if row is not None and expiry.expired(row.created_at, hours):
        forget(engine, upload_id)
        row = None
    if row is None or row.user_id != user_id:
        return None
    return row.file_name, row.data, row.sha256


def forget(engine: Engine, upload_id: int) -> None:
    with write_transaction(engine, moves=None) as connection:
        connection.execute(delete(uploads).where(uploads.c.id == upload_id))
