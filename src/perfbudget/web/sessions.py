"""Server-side sessions: what a sign-in cookie stands for, and how it ends.

The signed session cookie holds a random token (``sid``); the ``web_sessions`` table holds
its SHA-256 with the account, the start, the last request and the absolute end. A
session is valid only while its row says so, so a copied cookie stops working at once when:

* the user signs out (:func:`end`);
* the password changes, or an admin disables the account or changes its role or unit
  (:func:`perfbudget.app.accounts.end_sessions_of_user`, in the same transaction as the change);
* it has been idle longer than ``WebConfig.session_idle_minutes`` (default 30);
* it is older than ``WebConfig.session_max_age`` (absolute lifetime, default 8 hours).

Each sign-in starts a new session (a new token: no fixation). ``last_seen_at`` is written at
most every five minutes per session (so the idle timeout is exact to five minutes). A valid
session is kept in the process's account cache (``web/cache.py``) under the data version, so
ordinary browsing needs no query; a sign-out (it moves the ``accounts`` change counter) or a
password change in another worker (``data``) changes the data version and empties the account
cache, so an ended session is refused at once. Starting a session and touching it move no counter
(no cache can hold a new token; a cached session is read again once due for its touch anyway), so
staff signing in and browsing never empty the page, list and dashboard caches.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, delete, insert, select, update

from perfbudget.store.account_tables import web_sessions
from perfbudget.store.engine import write_transaction
from perfbudget.store.schema import utc_now

_TOUCH_EVERY = timedelta(minutes=5)


def _key(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def start(engine: Engine, user_id: int, max_age_seconds: int, ip: str | None = None) -> str:
    """A new session for ``user_id``; returns the token to keep in the cookie. Expired rows are purged."""
    token = secrets.token_urlsafe(32)
    now = utc_now()
    with write_transaction(engine, moves=None) as connection:  # a new token: in no cache yet
        connection.execute(insert(web_sessions).values(
            id=_key(token), user_id=user_id, created_at=now, last_seen_at=now,
            expires_at=now + timedelta(seconds=max_age_seconds), ip=(ip or "")[:64] or None))
        connection.execute(delete(web_sessions).where(web_sessions.c.expires_at < now - timedelta(days=1)))
    return token


def end(engine: Engine, token: str) -> None:
    """End one session (sign-out)."""
    with write_transaction(engine, moves="accounts") as connection:  # the account cache may hold it
        connection.execute(update(web_sessions).where(web_sessions.c.id == _key(token),
                                                      web_sessions.c.revoked_at.is_(None))
                           .values(revoked_at=utc_now()))


@dataclass(frozen=True, slots=True)
class Live:
    """A valid session as read from the database (kept in the per-process cache until the data changes)."""

    user_id: int
    expires_at: datetime
    last_seen_at: datetime

    def valid(self, idle_seconds: int, now: datetime | None = None) -> bool:
        """Still within both lifetimes, and touched recently enough to need no write."""
        now = now or utc_now()
        return (now < self.expires_at and now - self.last_seen_at <= timedelta(seconds=idle_seconds)
                and now - self.last_seen_at <= _TOUCH_EVERY)


def live(engine: Engine, token: str, idle_seconds: int) -> Live | None:
    """The valid session of a token (touched when due), or None (unknown, ended, idle too long, expired)."""
    key = _key(token)
    with engine.connect() as connection:
        row = connection.execute(select(web_sessions).where(web_sessions.c.id == key)).first()
    if row is None or row.revoked_at is not None:
        return None
    now = utc_now()
    last_seen = _aware(row.last_seen_at)
    if now >= _aware(row.expires_at) or now - last_seen > timedelta(seconds=idle_seconds):
        return None
    if now - last_seen > _TOUCH_EVERY:
        # the cached session (its last_seen_at) needs reading again when due anyway: no cache to empty
        with write_transaction(engine, moves=None) as connection:
            connection.execute(update(web_sessions).where(web_sessions.c.id == key).values(last_seen_at=now))
        last_seen = now
    return Live(int(row.user_id), _aware(row.expires_at), last_seen)


def user_of(engine: Engine, token: str, idle_seconds: int) -> int | None:
    """The account of a valid session token, or None (unknown, ended, idle too long, expired)."""
    found = live(engine, token, idle_seconds)
    return found.user_id if found else None


def active_count(connection: Connection, user_id: int) -> int:
    """How many sessions of the account are not ended (expired ones included until purged)."""
    query = select(web_sessions.c.id).where(web_sessions.c.user_id == user_id, web_sessions.c.revoked_at.is_(None))
    return len(connection.execute(query).all())
