"""The indicator library's tables (issue 16), on the store's metadata; built by :mod:`perfbudget.library`.

* ``library_groups`` — a group of same or near-same indicators: its leading name (``leader``, key, head
  word), the name shown (an admin's rename, else the leader), and its statistics as JSON.
* ``library_names`` — each normalised name, its group and why it was grouped there.
* ``library_spellings`` — each name as written (三级指标 text), pointing at its normalised name.
* ``library_entries`` — one row per indicator of each project's latest version: its group, unit,
  year, placement, measure unit, direction and target value (exact text). Keyed by (project, indicator) and kept in
  that order (SQLite: ``WITHOUT ROWID``), with a (group, indicator, name) index: a row in two b-trees; no foreign key to
  ``indicators`` — derived rows, written from the indicators in the same transaction and taken out before a project's
  indicators are deleted (migration ``1837_import_floor2``).
* ``library_values`` — per group and measure unit, how many indicators set each target value (the
  histogram the quantiles are computed from, so that an update never reads a whole group);
* ``library_group_units`` / ``library_measure_units`` — how many indicators each unit has in a group
  (and in a group with a measure unit): the unit counts kept exact by increments;
* ``library_choices`` — an admin's merges, splits and renames, by normalised name, kept across rebuilds;
* ``library_name_words`` — each normalised name's words and the words inside them (search mode of the
  segmenter: 服务对象满意度 → 服务, 对象, 满意, 满意度): the index ``library search`` finds its
  candidate names by, on every database, without scanning the names.

The migration ``store/migrations/versions/0300_indicator_library.py`` creates these tables but the last,
``0450_library_search.py`` the last.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, PrimaryKeyConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from perfbudget.store.schema import Base, utc_now


class LibraryGroupRow(Base):
    __tablename__ = "library_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    leader: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text)
    head: Mapped[str] = mapped_column(String(64), index=True)
    indicator_count: Mapped[int] = mapped_column(Integer, default=0)
    unit_count: Mapped[int] = mapped_column(Integer, default=0)
    stats: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class LibraryNameRow(Base):
    __tablename__ = "library_names"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    norm: Mapped[str] = mapped_column(Text, unique=True)
    key: Mapped[str] = mapped_column(Text, index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("library_groups.id"), index=True)
    score: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)


class LibrarySpellingRow(Base):
    __tablename__ = "library_spellings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    raw: Mapped[str] = mapped_column(Text, unique=True)
    name_id: Mapped[int] = mapped_column(ForeignKey("library_names.id"), index=True)


class LibraryEntryRow(Base):
    __tablename__ = "library_entries"
    indicator_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(Integer)
    name_id: Mapped[int] = mapped_column(Integer)
    project_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[int] = mapped_column(Integer)
    fund_year: Mapped[int | None] = mapped_column(Integer)
    level1: Mapped[str] = mapped_column(Text)
    level2: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    measure_unit: Mapped[str] = mapped_column(Text)
    direction: Mapped[str | None] = mapped_column(String(16))
    value: Mapped[str | None] = mapped_column(String(64))

    # kept in the order of its projects, the row in its key's b-tree (SQLite), the groups' index beside it, which
    # holds each entry's name too: a group's names counted from the index alone (1837)
    __table_args__ = (PrimaryKeyConstraint("project_id", "indicator_id"),
                      Index("ix_library_entries_group_id_indicator_id_name_id", "group_id", "indicator_id", "name_id"),
                      {"sqlite_with_rowid": False})


class LibraryValueRow(Base):
    __tablename__ = "library_values"
    __table_args__ = ({"sqlite_with_rowid": False},)  # read and changed by its key only (migration 1832)
    group_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure_unit: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(String(64), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class LibraryGroupUnitRow(Base):
    __tablename__ = "library_group_units"
    __table_args__ = ({"sqlite_with_rowid": False},)  # read and changed by its key only (migration 1832)
    group_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class LibraryMeasureUnitRow(Base):
    __tablename__ = "library_measure_units"
    __table_args__ = ({"sqlite_with_rowid": False},)  # read and changed by its key only (migration 1832)
    group_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure_unit: Mapped[str] = mapped_column(Text, primary_key=True)
    unit_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class LibraryChoiceRow(Base):
    __tablename__ = "library_choices"
    norm: Mapped[str] = mapped_column(Text, primary_key=True)
    anchor: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class LibraryNameWordRow(Base):
    __tablename__ = "library_name_words"
    word: Mapped[str] = mapped_column(String(64), primary_key=True)
    name_id: Mapped[int] = mapped_column(Integer, primary_key=True)


_tables = Base.metadata.tables
library_groups = _tables["library_groups"]
library_names = _tables["library_names"]
library_spellings = _tables["library_spellings"]
library_entries = _tables["library_entries"]
library_choices = _tables["library_choices"]
library_values = _tables["library_values"]
library_group_units = _tables["library_group_units"]
library_measure_units = _tables["library_measure_units"]
library_name_words = _tables["library_name_words"]
