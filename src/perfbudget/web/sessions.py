"""Server-side sessions: what a sign-in cookie stands for, and how it ends.

The signed session cookie holds a random token (``sid``); the ``web_sessions`` table holds
its SHA-256 with the account, the start, the last request and the absolute end. A
session is valid only while its row says so, so a copied cookie stops working at once when:

* the user signs out (:func:`end`);
* the password changes, or an admin disables the account or changes its role or unit
  (:func:`end_all_of_user`, in the same transaction as the change);
* it has been idle longer than ``WebConfig.session_idle_minutes`` (default 30);
* it is older than ``WebConfig.session_max_age`` (absolute lifetime, default 8 hours).

Each sign-in starts a new session (a new token: no fixation). ``last_seen_at`` is written at
most every five minutes per session (so the idle timeout is exact to five minutes), and
ordinary browsing costs one primary-key read per request.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, delete, insert, select, update

from perfbudget.store.engine import write_transaction
from perfbudget.store.schema import utc_now
from perfbudget.web.tables import web_sessions

_TOUCH_EVERY = timedelta(minutes=5)


def _key(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def start(engine: Engine, user_id: int, max_age_seconds: int, ip: str | None = None) -> str:
    """A new session for ``user_id``; returns the token to keep in the cookie. Expired rows are purged."""
    token = secrets.token_urlsafe(32)
    now = utc_now()
    with write_transaction(engine) as connection:
        connection.execute(insert(web_sessions).values(
            id=_key(token), user_id=user_id, created_at=now, last_seen_at=now,
            expires_at=now + timedelta(seconds=max_age_seconds), ip=(ip or "")[:64] or None))
        connection.execute(delete(web_sessions).where(web_sessions.c.expires_at < now - timedelta(days=1)))
    return token


def end(engine: Engine, token: str) -> None:
    """End one session (sign-out)."""
    with write_transaction(engine) as connection:
        connection.execute(update(web_sessions).where(web_sessions.c.id == _key(token),
                                                      web_sessions.c.revoked_at.is_(None))
                           .values(revoked_at=utc_now()))


def end_all_of_user(connection: Connection, user_id: int) -> None:
    """End every session of an account (in the caller's transaction)."""
    connection.execute(update(web_sessions).where(web_sessions.c.user_id == user_id,
                                                  web_sessions.c.revoked_at.is_(None))
                       .values(revoked_at=utc_now()))


def user_of(engine: Engine, token: str, idle_seconds: int) -> int | None:
    """The account of a valid session token, or None (unknown, ended, idle too long, expired)."""
    key = _key(token)
    with engine.connect() as connection:
        row = connection.execute(select(web_sessions).where(web_sessions.c.id == key)).first()
    if row is None or row.revoked_at is not None:
        return None
    now = utc_now()
    if now >= _aware(row.expires_at) or now - _aware(row.last_seen_at) > timedelta(seconds=idle_seconds):
        return None
    if now - _aware(row.last_seen_at) > _TOUCH_EVERY:
        with write_transaction(engine) as connection:
            connection.execute(update(web_sessions).where(web_sessions.c.id == key).values(last_seen_at=now))
    return int(row.user_id)


def active_count(connection: Connection, user_id: int) -> int:
    """How many sessions of the account are not ended (expired ones included until purged)."""
    query = select(web_sessions.c.id).where(web_sessions.c.user_id == user_id, web_sessions.c.revoked_at.is_(None))
    return len(connection.execute(query).all())
