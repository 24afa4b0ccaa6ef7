"""Stored times as every face gives them: UTC with its offset for machines, 北京时间 (marked) for people.

The store keeps times in UTC; SQLite hands them back naive, PostgreSQL aware. :func:`utc_iso` makes
both the same ISO 8601 text (``2026-12-04T20:04:40.803571+00:00``), so the CLI's ``--json``, the API
and the two databases agree. :func:`shown` is every time a person reads — the web's pages, the CLI's
``history``, ``evaluations``, ``reviews``, ``show``, ``audit`` and ``user list``, the import's messages — in
China's zone (UTC+8, no daylight saving) with the mark 「北京时间」, whatever the server's or the terminal's zone:
until 2026-12-05 the CLI printed the machine's local time (``audit`` and ``user list``: UTC) and the web China's,
none of them marked (leftovers17).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "CST")
ZONE_MARK = "北京时间"


def as_utc(moment: datetime) -> datetime:
    """A stored time in UTC, aware (a naive one is UTC already)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def utc_iso(moment: datetime) -> str:
    """A stored time as ISO 8601 in UTC with its offset."""
    return as_utc(moment).isoformat()


def shown(moment: datetime | str | None, *, seconds: bool = False) -> str:
    """A stored time (or its ISO text) for a person: ``2026-12-05 09:13 北京时间`` (``seconds``: ``09:13:24``);
    「—」 for none."""
    if moment is None or moment == "":
        return "—"
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    form = "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M"
    return f"{as_utc(moment).astimezone(CHINA).strftime(form)} {ZONE_MARK}"
