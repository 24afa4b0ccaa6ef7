"""The accounts' tables, on the store's metadata (one schema, one migration chain).

* ``users`` — accounts: argon2 password hash, role, own unit for unit editors.
* ``api_tokens`` — bearer tokens for the HTTP API, stored as SHA-256 hashes only.
* ``web_sessions`` — signed-in browser sessions, server-side (revocable; idle and absolute expiry).

They are the store's, not the web's: the account use cases (:mod:`perfbudget.app.accounts`) keep them for every face
(``perfbudget user`` at the command line, the admin and account pages, the API's tokens). Created by the migrations
``0100_web_tables.py`` and ``0110_web_sessions.py`` (they were defined in ``perfbudget/web/tables.py`` until
2026-12-05, which re-exports them).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from perfbudget.store.schema import Base, utc_now


class UserRow(Base):
    """An account. ``role`` is admin / reviewer / unit_editor / viewer; ``unit_code`` is the own
    unit of a unit editor (and optionally limits a viewer). ``session_epoch`` grows when the
    password changes or the account is disabled, which ends every session signed before."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str | None] = mapped_column(Text)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    unit_code: Mapped[str | None] = mapped_column(String(64), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class ApiTokenRow(Base):
    """A bearer token: only its SHA-256 is kept (tokens are 256-bit random, so a fast hash is safe)."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class WebSessionRow(Base):
    """A signed-in browser session. The cookie holds only ``id`` (random); the session ends when
    revoked (sign-out, password change, account disabled or changed), idle too long, or past
    ``expires_at`` (absolute lifetime)."""

    __tablename__ = "web_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ip: Mapped[str | None] = mapped_column(String(64))

    # each sign-in purges the sessions ended a day ago by it (1833): a scan of every row until attack29
    __table_args__ = (Index("ix_web_sessions_expires_at", "expires_at"),)


_tables = Base.metadata.tables
users = _tables["users"]
api_tokens = _tables["api_tokens"]
web_sessions = _tables["web_sessions"]
