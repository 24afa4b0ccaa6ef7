"""The reviewer's desk (issue 14): decisions on findings, comments on cells, the reviewer's grade.

* ``finding_decisions`` — a finding dismissed (驳回) or confirmed (确认) with its reason. ``finding_key``
  hashes the rule and the cell's place and content, so a decision carries to later versions of the
  project as long as the cell is unchanged.
* ``cell_comments`` — a reviewer's comment on one cell of one version (``place``: ``name``, ``budget``,
  ``purpose``, ``goals``, ``indicator:<n>:<field>``).
* ``reviewer_grades`` — the reviewer's own grade of a version, beside the machine's; the official one.

Migration ``0400_desk``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from perfbudget.store.schema import Base, utc_now


class FindingDecisionRow(Base):
    __tablename__ = "finding_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("project_versions.id"))
    finding_key: Mapped[str] = mapped_column(String(64))
    rule: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class CellCommentRow(Base):
    __tablename__ = "cell_comments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("project_versions.id"))
    place: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class ReviewerGradeRow(Base):
    __tablename__ = "reviewer_grades"
    __table_args__ = (Index("ix_reviewer_grades_version_id_id", "version_id", "id"),)  # a version's grade (0500)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("project_versions.id"))
    grade: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


_tables = Base.metadata.tables
finding_decisions = _tables["finding_decisions"]
cell_comments = _tables["cell_comments"]
reviewer_grades = _tables["reviewer_grades"]
