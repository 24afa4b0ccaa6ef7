"""The web application's tables, on the store's metadata (one schema, one migration chain).

* ``web_settings`` — key/value settings the app keeps itself (the session signing key).
* ``users`` — accounts: argon2 password hash, role, own unit for unit editors.
* ``api_tokens`` — bearer tokens for the HTTP API, stored as SHA-256 hashes only.
* ``uploads`` — files waiting between preview and confirmation of an import (``upload_parts``: their
  bytes, in parts of at most 1 MiB; migration 1200_upload_parts).
* ``web_sessions`` — signed-in browser sessions, server-side (revocable; idle and absolute expiry).

The migrations ``store/migrations/versions/0100_web_tables.py`` and ``0110_web_sessions.py``
create these tables. The workflow, authorship, edit-claim and audit tables 0100 also created are the store's
(:mod:`perfbudget.store.records`, re-exported here): every face records its changes in them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from perfbudget.store.records import audit_log, version_authors, workflow_events, workflow_states
from perfbudget.store.schema import Base, utc_now


class WebSettingRow(Base):
    """A setting the web app keeps in the database (``session_secret``)."""

    __tablename__ = "web_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


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







# SQLite's INTEGER is 64-bit already (and an INTEGER PRIMARY KEY the rowid); PostgreSQL needs BIGINT.
_UPLOAD_ID = BigInteger().with_variant(Integer, "sqlite")


class UploadRow(Base):
    """An uploaded file waiting for the user to confirm its import after the preview. The file is in
    ``upload_parts``; ``data`` holds only files kept before migration 1200_upload_parts (empty since). ``id`` is
    drawn at random (:func:`perfbudget.web.uploads.new_upload_id`, 64-bit since migration 1300_leftovers5): never
    the id of an earlier upload, not guessable from one's own."""

    __tablename__ = "uploads"
    id: Mapped[int] = mapped_column(_UPLOAD_ID, primary_key=True, autoincrement=False)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class UploadPartRow(Base):
    """One part (at most 1 MiB) of a pending upload, in order of ``part`` (migration 1200_upload_parts): an upload is
    written and read part by part, never held whole while it is stored."""

    __tablename__ = "upload_parts"
    upload_id: Mapped[int] = mapped_column(_UPLOAD_ID, ForeignKey("uploads.id", ondelete="CASCADE"), primary_key=True)
    part: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


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


_tables = Base.metadata.tables
web_settings = _tables["web_settings"]
users = _tables["users"]
api_tokens = _tables["api_tokens"]
uploads = _tables["uploads"]
upload_parts = _tables["upload_parts"]
web_sessions = _tables["web_sessions"]

__all__ = ["api_tokens", "audit_log", "upload_parts", "uploads", "users", "version_authors", "web_sessions",
           "web_settings", "workflow_events", "workflow_states"]
