"""Records of who did what to the stored projects: workflow, authorship, audit.

These tables belong to the store (the use-case layer :mod:`perfbudget.app` writes them in the
same transaction as the change they record), whatever face made the change:

* ``workflow_states`` / ``workflow_events`` — the review workflow (送审 → 退回/审核通过) per project.
* ``version_authors`` — which user made a project version, and through which face.
* ``audit_log`` — every change: who, when, what, before and after (JSON text).

The migrations ``0100_web_tables.py`` (created them) and ``0200_revisions.py`` define them; ``0900_drop_edit_claims.py``
dropped the edit claims that edits once wrote (edits and imports now check the version they were made on
inside their own transaction: ``projects.latest_version`` moved by a compare-and-set, see
:func:`perfbudget.store.importer.apply_plan`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from perfbudget.store.schema import Base, utc_now


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
                      Index("ix_audit_log_action_at", "action", "at"),  # sign-in throttling counts (0110)
                      Index("ix_audit_log_username_action_at", "username", "action", "at"))  # an account's (1833)


class WorkflowStateRow(Base):
    """The current workflow state of a project (草稿/已送审/已退回/审核通过).

    ``state`` and ``version_number`` speak of the project's latest version. ``approved_version``
    is the version last approved: the official one while a later revision waits for approval."""

    __tablename__ = "workflow_states"
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    version_number: Mapped[int | None] = mapped_column(Integer)
    approved_version: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    user_id: Mapped[int | None] = mapped_column(Integer)


class WorkflowEventRow(Base):
    """One state change with its comment (a 退回 always has one); ``justification`` is the
    submitter's reason for a 送审 while error-level findings stand."""

    __tablename__ = "workflow_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    version_number: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    from_state: Mapped[str] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str | None] = mapped_column(Text)
    justification: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class VersionAuthorRow(Base):
    """Who made a project version, and how (cli/upload/api/declare/edit)."""

    __tablename__ = "version_authors"
    version_id: Mapped[int] = mapped_column(ForeignKey("project_versions.id"), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str | None] = mapped_column(String(64))
    via: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


_tables = Base.metadata.tables
audit_log = _tables["audit_log"]
workflow_states = _tables["workflow_states"]
workflow_events = _tables["workflow_events"]
version_authors = _tables["version_authors"]

MOST_SUMMARY_CHARS = 1_000  # an audit entry's summary: what the lists show in one line (the values are in before/after)


def with_face(after: Any, face: str | None) -> Any:
    """An audit entry's ``after`` with the face that made the change (``face``: cli, web, api), as both writers keep it:
    a dict gains ``face`` (one that names it already keeps its own), no value becomes ``{"face": …}``; any other value,
    or no face known, is kept as it is. Until replay-w only a workflow step's entry named its face."""
    if face is None:
        return after
    if after is None:
        return {"face": face}
    if isinstance(after, dict) and "face" not in after:
        return {**after, "face": face}
    return after


def audit_summary(text: str) -> str:
    """An audit entry's summary as stored: at most ``MOST_SUMMARY_CHARS`` characters, a longer one cut and ended with
    「…」. Every writer goes through it: a failed sign-in's summary held the name typed whole (the form's field, up to
    1 MB) until attack28, a megabyte an attempt in the log and on the admin's audit page."""
    return text if len(text) <= MOST_SUMMARY_CHARS else text[:MOST_SUMMARY_CHARS - 1] + "…"
