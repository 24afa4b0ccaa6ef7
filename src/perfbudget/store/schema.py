"""The store's tables as SQLAlchemy 2 declarative models.

Decimal values (budgets, target values, weights, scores) are stored as the exact
decimal text the interchange format uses (``format_decimal``), so ``17.00`` stays
``17.00`` and ``0.7`` stays ``0.7`` on every database. Ordered lists (goals,
extras pairs) are JSON text. The migrations in ``store/migrations`` create these
tables; a test checks that the migrated schema matches these models.

Identity: a project is (unit, fund year, project name, fund label), kept as the
``identity`` hash so that the unique constraint also holds when the year or label
is NULL. Each import of a changed table adds a ``ProjectVersion``; the project row
points at its latest version number.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UnitRow(Base):
    """A budget unit (预算单位), identified by its code, or by its name when it has none."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    code: Mapped[str | None] = mapped_column(String(64), index=True)
    name: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_units_code_id", "code", "id"),)  # list order (0500)


class UnitAliasRow(Base):
    """A key (``code:…``/``name:…``) of a unit merged away, naming the unit it was merged into: a later import naming
    it lands there (:mod:`perfbudget.store.unit_aliases`, migration 1830)."""

    __tablename__ = "unit_aliases"
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    merged_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class DocumentRow(Base):
    """One imported file: what it was, where it came from, when it was stored.

    A re-import that changes nothing adds no row. ``unit_code``/``unit_name``/
    ``money_unit``/``kind`` are the document-level values as that file gave them.
    """

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    content_sha256: Mapped[str] = mapped_column(String(64), index=True)
    form: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    unit_code: Mapped[str | None] = mapped_column(String(64))
    unit_name: Mapped[str | None] = mapped_column(Text)
    money_unit: Mapped[str | None] = mapped_column(String(16))
    project_count: Mapped[int] = mapped_column(Integer)
    indicator_count: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class ProjectRow(Base):
    """A project over time: (unit, fund year, name, fund label); its versions hold the content."""

    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    identity: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    fund_label: Mapped[str | None] = mapped_column(Text)
    fund_year: Mapped[int | None] = mapped_column(Integer, index=True)
    latest_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    __table_args__ = (Index("ix_projects_unit_id_fund_year_name_id", "unit_id", "fund_year", "name", "id"),  # 0500
                      Index("ix_projects_latest_version", "latest_version"))  # list order; superseded versions


class ProjectVersionRow(Base):
    """One version of a project's table, as introduced by ``document_id``.

    ``content_sha256`` hashes the version's interchange JSON together with the
    document-level values (unit, money unit, kind): equal hash, equal content.
    ``complete`` is false for a table stored although cut off (``import --allow-partial``);
    ``needs_check`` holds the reader's risky guesses (JSON list of notes).
    ``budget_other_cell``: whether the table had a 其他资金 cell, blank or not (``budget_parts``: a table giving only
    其中：财政资金 below its total states a part, not a split that fails to add up); NULL for versions stored before
    migration 1828, which are judged as without one.
    """

    __tablename__ = "project_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    number: Mapped[int] = mapped_column(Integer)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    content_sha256: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    name_cell: Mapped[str | None] = mapped_column(Text)
    fund_source: Mapped[str | None] = mapped_column(Text)
    budget_total: Mapped[str | None] = mapped_column(String(64))
    budget_fiscal: Mapped[str | None] = mapped_column(String(64))
    budget_other: Mapped[str | None] = mapped_column(String(64))
    budget_other_cell: Mapped[bool | None] = mapped_column(Boolean)  # the table had a 其他资金 cell (1828)
    # a self-evaluation's funds grid typed (Budget.initial/executed/rate/weight/score), JSON of decimal strings
    budget_execution: Mapped[str | None] = mapped_column(Text)
    # a 监控表's period and a 自评表's own total and grade (Project.month/table_total/table_grade), JSON (1700)
    table_figures: Mapped[str | None] = mapped_column(Text)
    purpose: Mapped[str | None] = mapped_column(Text)
    goals: Mapped[str] = mapped_column(Text)
    extras: Mapped[str | None] = mapped_column(Text)
    indicator_count: Mapped[int] = mapped_column(Integer)
    complete: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    needs_check: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    __table_args__ = (UniqueConstraint("project_id", "number"),
                      Index("ix_project_versions_indicator_count", "indicator_count"))  # the lists' total (0500)


class IndicatorRow(Base):
    """A 三级 indicator of one project version, at its 1-based ``position`` in the table.

    ``fund_year`` is the project's ``fund_year``, copied onto each of its indicators (migration
    ``0800_indicator_fund_year``) so that a search within a year drops the other years' matches on the
    indicator row itself, before joining versions and projects. It never changes: the year is part of a
    project's identity, so a table with another year is another project, whose indicators carry its own.
    """

    __tablename__ = "indicators"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("project_versions.id"))
    position: Mapped[int] = mapped_column(Integer)
    level1: Mapped[str] = mapped_column(Text)
    level2: Mapped[str] = mapped_column(Text)
    level3: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[str | None] = mapped_column(String(64))
    actual: Mapped[str | None] = mapped_column(Text)
    score: Mapped[str | None] = mapped_column(String(64))
    deviation: Mapped[str | None] = mapped_column(Text)
    extras: Mapped[str | None] = mapped_column(Text)
    fund_year: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("version_id", "position"),)


class TargetRow(Base):
    """The target value (指标值) of one indicator, as written and as understood."""

    __tablename__ = "targets"
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"), primary_key=True)
    raw: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    op: Mapped[str | None] = mapped_column(String(2))
    value: Mapped[str | None] = mapped_column(String(64))
    unit: Mapped[str | None] = mapped_column(Text)
    direction: Mapped[str | None] = mapped_column(String(16))
    upper: Mapped[str | None] = mapped_column(String(64))
    period_start: Mapped[str | None] = mapped_column(Text)
    period_end: Mapped[str | None] = mapped_column(Text)


class DocumentItemRow(Base):
    """Which project version each table of a document is, in document order."""

    __tablename__ = "document_items"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("project_versions.id"), index=True)


class VersionChangeRow(Base):
    """One difference between a version and the one before it.

    ``kind`` is one of :data:`perfbudget.store.changes.CHANGE_KINDS`; ``subject`` names the
    indicator (一级/二级/三级) or the project field; ``old``/``new`` are the texts compared.
    """

    __tablename__ = "version_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("project_versions.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str | None] = mapped_column(Text)
    field: Mapped[str | None] = mapped_column(String(32))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)


class ReviewRow(Base):
    """A target review (绩效目标审核) of one project version: summary columns plus the full findings.

    ``payload`` is the review's JSON (findings as in docs/architecture.md); ``grade`` is
    优/良/中/差; ``actor`` is free text until the web app adds users.
    """

    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("project_versions.id"))  # indexed below (0500, 1000)
    year: Mapped[int | None] = mapped_column(Integer)
    grade: Mapped[str | None] = mapped_column(String(8))
    total: Mapped[str | None] = mapped_column(String(64))
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    actor: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)  # findings per dimension and severity (0600, review_summary.py)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    __table_args__ = (Index("ix_reviews_version_id_id", "version_id", "id"),)  # the last review (0500)


class EvaluationRow(Base):
    """A self-evaluation (自评) or monitoring (监控) result of one project version for a year.

    ``kind`` is ``self-evaluation`` or ``monitoring``; ``month`` is the months elapsed for
    monitoring; ``total``/``grade`` (优/良/中/差) or ``colour`` (red/yellow/green/blue)
    summarise the JSON ``payload``.
    """

    __tablename__ = "evaluations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("project_versions.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    month: Mapped[int | None] = mapped_column(Integer)
    total: Mapped[str | None] = mapped_column(String(64))
    grade: Mapped[str | None] = mapped_column(String(8))
    colour: Mapped[str | None] = mapped_column(String(8))
    actor: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    __table_args__ = (Index("ix_evaluations_year_kind", "year", "kind"),
                      Index("ix_evaluations_version_id_kind_id", "version_id", "kind", "id"))  # the last one (0500)


class ChangeCounterRow(Base):
    """The store's change counters: one row (``id`` 1), moved in the committing transaction of every write
    (:func:`perfbudget.store.engine.write_transaction`), read by the web as its caches' data version
    (:mod:`perfbudget.web.freshness`).

    ``data`` moves with every change of what the web's caches hold (projects, versions, reviews, evaluations,
    workflow, units, accounts…); ``accounts`` with a sign-out (a session ended: the account cache's concern
    only). Writes that no cache holds (a session started or touched, an API token used, an upload kept, an
    audit row of a sign-in) move neither. Both start at the migration's time in microseconds, so a store made
    again never repeats an earlier store's values. ``unreviewed`` moves with an import that leaves its new versions
    unreviewed (the CLI's): a running ``perfbudget serve`` then reviews them
    (:func:`perfbudget.app.reviews.review_catch_up`, migration 1820).
    """

    __tablename__ = "change_counters"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[int] = mapped_column(BigInteger)
    accounts: Mapped[int] = mapped_column(BigInteger)
    unreviewed: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class IdFloorRow(Base):
    """The largest id a table ever gave a row that is deleted now (SQLite only; :mod:`perfbudget.store.id_floors`,
    migration 1839): a new row's id is past it, so a deleted project's, document's, version's or review's id is never
    given again to another unit's (its audit entries, kept, would name the new one: attack33)."""

    __tablename__ = "id_floors"
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    largest: Mapped[int] = mapped_column(BigInteger)


_tables = Base.metadata.tables
units = _tables["units"]
unit_aliases = _tables["unit_aliases"]
documents = _tables["documents"]
projects = _tables["projects"]
project_versions = _tables["project_versions"]
id_floors = _tables["id_floors"]
indicators = _tables["indicators"]
targets = _tables["targets"]
document_items = _tables["document_items"]
version_changes = _tables["version_changes"]
reviews = _tables["reviews"]
evaluations = _tables["evaluations"]
change_counters = _tables["change_counters"]
