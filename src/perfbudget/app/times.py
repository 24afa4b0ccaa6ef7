"""Stored times as every face gives them: UTC, with its offset.

The store keeps times in UTC; SQLite hands them back naive, PostgreSQL aware. :func:`utc_iso` makes
both the same ISO 8601 text (``2026-12-04T20:04:40.803571+00:00``), so the CLI's ``--json``, the API
and the two databases agree.
"""

from __future__ import annotations

from datetime import UTC, datetime


def as_utc(moment: datetime) -> datetime:
    """A stored time in UTC, aware (a naive one is UTC already)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def utc_iso(moment: datetime) -> str:
    """A stored time as ISO 8601 in UTC with its offset."""
    return as_utc(moment).isoformat()
