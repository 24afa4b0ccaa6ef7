"""Uploaded files waiting between the preview and the confirmation of their import (the web's own table).

Pending uploads expire (:mod:`perfbudget.web.pending`): one not confirmed within ``hours``
(``WebConfig.upload_hours``, default 24) is deleted when anyone uploads, and when it is asked for.

**Bounded memory.** An upload is stored from the request's spooled temporary file (Starlette keeps a
file part past 1 MiB on disk) in parts of :data:`PART_BYTES`, hashed as it goes: storing it never holds
the whole file. Reading it back (a preview, an import) needs the whole file for the readers, so at most
``WebConfig.upload_reads`` such reads run at once in a process (:func:`reading`); more wait their turn.
Eight concurrent 45 MB uploads peaked at 559 MB until 2026-12-04, each body read whole, stored whole and
read once more; now 201 MB (the page) and 303 MB (the API, which previews at once) (found by attack11, fixed
by attack12; docs/security.md)."""

from __future__ import annotations

import hashlib
import io
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from perfbudget.store.engine import read_transaction, write_transaction
from perfbudget.store.schema import utc_now
from perfbudget.web import pending as expiry
from perfbudget.web.errors import WebError
from perfbudget.web.tables import upload_parts, uploads

MAX_PENDING = 20  # uploads one user may keep unconfirmed (each up to the file size limit)
PART_BYTES = 1024 * 1024  # one row of upload_parts
# What an id no pending upload of the user has is told (404): imported, discarded, expired (or never the user's).
GONE = "该上传文件（可能已导入、已放弃或已过期；每次上传都有新的编号，用过的编号不会再指向别的文件）"


def too_large(limit: int) -> WebError:
    return WebError(413, "too_large", f"文件超过 {limit // (1024 * 1024)} MB 的上限")


def keep(engine: Engine, user_id: int, name: str, data: bytes | BinaryIO, hours: float = 24,
         limit: int | None = None) -> int:
    """Keep an upload for its user (deleting every expired one first); its id. ``data`` is the file's
    bytes or a binary file read from where it stands, in parts of :data:`PART_BYTES` (never whole); past
    ``limit`` bytes nothing is kept and 413 is raised.

    A user keeps at most :data:`MAX_PENDING` uploads unconfirmed: past that a new one is refused
    (429) until one is imported, discarded or expires. Unbounded until 2026-12-03: a unit editor
    could keep uploading 50 MB files, each kept in the database for a day."""
    stream: BinaryIO = io.BytesIO(data) if isinstance(data, bytes) else data
    with write_transaction(engine, moves=None) as connection:
        expiry.purge(connection, hours)
        waiting = connection.execute(select(func.count()).select_from(uploads)
                                     .where(uploads.c.user_id == user_id)).scalar_one()
        if waiting >= MAX_PENDING:
            raise WebError(429, "too_many_uploads",
                           f"您已有 {waiting} 个上传的文件尚未确认导入或放弃，已达上限 {MAX_PENDING} 个：请先确认或放弃"
                           f"其中的文件，或等它们在上传 {hours:g} 小时后自动删除")
        upload_id = new_upload_id(connection)
        connection.execute(insert(uploads).values(id=upload_id, user_id=user_id, file_name=name, sha256="", data=b"",
                                                  created_at=utc_now()))
        digest, size, part = hashlib.sha256(), 0, 0
        while chunk := stream.read(PART_BYTES):
            size += len(chunk)
            if limit is not None and size > limit:
                raise too_large(limit)  # the transaction is rolled back: nothing kept
            digest.update(chunk)
            connection.execute(insert(upload_parts).values(upload_id=upload_id, part=part, data=chunk))
            part += 1
        connection.execute(update(uploads).where(uploads.c.id == upload_id).values(sha256=digest.hexdigest()))
    return upload_id


# Random ids from 2**32 (above every sequential id given before migration 1300_leftovers5, which still resolve)
# to 2**53 (a JavaScript client's exact integers): 53 bits, never the id of an earlier upload in practice and
# checked against the pending ones. Sequential until 2026-12-04, and SQLite gave a finished upload's id again.
_ID_FLOOR, _ID_CEILING = 2**32, 2**53


def new_upload_id(connection: Connection) -> int:
    """A random id no pending upload has."""
    while True:
        candidate = _ID_FLOOR + secrets.randbelow(_ID_CEILING - _ID_FLOOR)
        if connection.execute(select(uploads.c.id).where(uploads.c.id == candidate)).first() is None:
            return candidate


_slots: dict[int, threading.BoundedSemaphore] = {}
_slots_lock = threading.Lock()


@contextmanager
def reading(slots: int) -> Iterator[None]:
    """Hold one of ``slots`` places for reading a whole upload (its bytes and the reader's work); wait for
    one when all are taken. Call from a worker thread, never on the event loop."""
    with _slots_lock:
        semaphore = _slots.setdefault(slots, threading.BoundedSemaphore(slots))
    with semaphore:
        yield


def pending(engine: Engine, user_id: int, upload_id: int, hours: float = 24) -> tuple[str, bytes, str] | None:
    """(file name, bytes, sha256) of the user's upload, or None (also when it has expired: then it is deleted).
    The parts are read one query each (a driver fetching them in one result would hold them twice)."""
    with read_transaction(engine) as connection:
        row = connection.execute(select(uploads.c.user_id, uploads.c.file_name, uploads.c.sha256,
                                        uploads.c.created_at).where(uploads.c.id == upload_id)).first()
        if row is not None and expiry.expired(row.created_at, hours):
            row, stale = None, True
        else:
            stale = False
        if row is None or row.user_id != user_id:
            data = None
        else:
            count = connection.execute(select(func.count()).select_from(upload_parts)
                                       .where(upload_parts.c.upload_id == upload_id)).scalar_one()
            chunks = [connection.execute(select(upload_parts.c.data).where(
                upload_parts.c.upload_id == upload_id, upload_parts.c.part == part)).scalar_one()
                for part in range(count)]
            # kept whole before migration 1200_upload_parts
            data = b"".join(chunks) if count else connection.execute(
                select(uploads.c.data).where(uploads.c.id == upload_id)).scalar_one()
            del chunks
    if stale:
        forget(engine, upload_id)
    if row is None or data is None:
        return None
    return row.file_name, data, row.sha256


def pending_sha256(engine: Engine, user_id: int, upload_id: int, hours: float = 24) -> tuple[str, str] | None:
    """(file name, sha256) of the user's pending upload without its bytes, or None (as :func:`pending`: also when
    it has expired, then it is deleted). An import checks with it that a preview's reading is of these bytes."""
    with read_transaction(engine) as connection:
        row = connection.execute(select(uploads.c.user_id, uploads.c.file_name, uploads.c.sha256,
                                        uploads.c.created_at).where(uploads.c.id == upload_id)).first()
    if row is not None and expiry.expired(row.created_at, hours):
        forget(engine, upload_id)
        return None
    if row is None or row.user_id != user_id:
        return None
    return row.file_name, row.sha256


def forget(engine: Engine, upload_id: int) -> None:
    with write_transaction(engine, moves=None) as connection:
        connection.execute(delete(upload_parts).where(upload_parts.c.upload_id == upload_id))
        connection.execute(delete(uploads).where(uploads.c.id == upload_id))
