"""The web application's tables, on the store's metadata (one schema, one migration chain).

* ``web_settings`` — key/value settings the app keeps itself (the session signing key).
* ``users`` — accounts: argon2 password hash, role, own unit for unit editors.
* ``api_tokens`` — bearer tokens for the HTTP API, stored as SHA-256 hashes only.
* ``audit_log`` — every change: who, when, what, before and after (JSON text).
* ``workflow_states`` / ``workflow_events`` — the review workflow (送审 → 退回/审核通过) per project.
* ``version_authors`` — which user made a project version (the store's versions carry no user).
* ``edit_claims`` — optimistic concurrency: one edit per (project, base version); a second
  edit on the same base collides on the primary key and is refused as stale.
* ``uploads`` — files waiting between preview and confirmation of an import.
* ``web_sessions`` — signed-in browser sessions, server-side (revocable; idle and absolute expiry).

The migrations ``store/migrations/versions/0100_web_tables.py`` and ``0110_web_sessions.py``
create these tables.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

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


class AuditRow(Base):
    """One change: who (user id and name as it was), when, what (action, object), before and after."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(64))
    unit_code: Mapped[str | None] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    ip: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_log_object_type_object_id", "object_type", "object_id"),
                      Index("ix_audit_log_action_at", "action", "at"))


class WorkflowStateRow(Base):
    """The current workflow state of a project (草稿/已送审/已退回/审核通过)."""

    __tablename__ = "workflow_states"
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    version_number: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    user_id: Mapped[int | None] = mapped_column(Integer)


class WorkflowEventRow(Base):
    """One state change with its comment (a 退回 always has one)."""

    __tablename__ = "workflow_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    version_number: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    from_state: Mapped[str] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class VersionAuthorRow(Base):
    """Who made a project version through the web app or API, and how (edit/upload/declare/api)."""

    __tablename__ = "version_authors"
    version_id: Mapped[int] = mapped_column(ForeignKey("project_versions.id"), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str | None] = mapped_column(String(64))
    via: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class EditClaimRow(Base):
    """An edit made on top of ``base_version`` of a project: at most one per base version."""

    __tablename__ = "edit_claims"
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), primary_key=True)
    base_version: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class UploadRow(Base):
    """An uploaded file waiting for the user to confirm its import after the preview."""

    __tablename__ = "uploads"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


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
audit_log = _tables["audit_log"]
workflow_states = _tables["workflow_states"]
workflow_events = _tables["workflow_events"]
version_authors = _tables["version_authors"]
edit_claims = _tables["edit_claims"]
uploads = _tables["uploads"]
web_sessions = _tables["web_sessions"]
