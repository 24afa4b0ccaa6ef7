"""Uploaded files waiting between the preview and the confirmation of their import (the web's own table)."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, delete, insert, select

from perfbudget.store.engine import read_transaction, write_transaction
from perfbudget.store.schema import utc_now
from perfbudget.web.tables import uploads


def keep(engine: Engine, user_id: int, name: str, data: bytes) -> int:
    """Keep an upload for its user; its id."""
    with write_transaction(engine) as connection:
        return int(connection.execute(insert(uploads).returning(uploads.c.id).values(
            user_id=user_id, file_name=name, sha256=hashlib.sha256(data).hexdigest(), data=data,
            created_at=utc_now())).scalar_one())


def pending(engine: Engine, user_id: int, upload_id: int) -> tuple[str, bytes, str] | None:
    """(file name, bytes, sha256) of the user's upload, or None."""
    with read_transaction(engine) as connection:
        row = connection.execute(select(uploads).where(uploads.c.id == upload_id)).first()
    if row is None or row.user_id != user_id:
        return None
    return row.file_name, row.data, row.sha256


def forget(engine: Engine, upload_id: int) -> None:
    with write_transaction(engine) as connection:
        connection.execute(delete(uploads).where(uploads.c.id == upload_id))
