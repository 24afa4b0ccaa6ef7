"""Pending uploads expire: a file uploaded for preview but not confirmed within
``WebConfig.upload_hours`` (default 24) is deleted — when anyone uploads, and when it is asked for."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, delete, select

from perfbudget.store.schema import utc_now
from perfbudget.web.tables import upload_parts, uploads


def cutoff(hours: float) -> datetime:
    return utc_now() - timedelta(hours=hours)


def expired(created_at: datetime, hours: float) -> bool:
    moment = created_at if created_at.tzinfo is not None else created_at.replace(tzinfo=UTC)
    return moment < cutoff(hours)


def purge(connection: Connection, hours: float) -> int:
    """Delete every pending upload older than ``hours``; returns how many."""
    old = select(uploads.c.id).where(uploads.c.created_at < cutoff(hours))
    connection.execute(delete(upload_parts).where(upload_parts.c.upload_id.in_(old)))
    return connection.execute(delete(uploads).where(uploads.c.created_at < cutoff(hours))).rowcount or 0
