"""The web application's tables, on the store's metadata (one schema, one migration chain).

* ``web_settings`` — key/value settings the app keeps itself (the session signing key).
* ``uploads`` — files waiting between preview and confirmation of an import (``upload_parts``: their
  bytes, in parts of at most 1 MiB; migration 1200_upload_parts).

The migrations ``store/migrations/versions/0100_web_tables.py`` and ``0110_web_sessions.py``
create these tables. The workflow, authorship, edit-claim and audit tables 0100 also created are the store's
(:mod:`perfbudget.store.records`): every face records its changes in them. The accounts, their API tokens and the
browser sessions are the store's too (:mod:`perfbudget.store.account_tables`): the use cases of
:mod:`perfbudget.app.accounts` keep them for every face. Neither is re-exported here (they were until leftovers18):
a module needing them imports them from the store, where the boundary test sees it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    DateTime,
    ForeignKey,
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


_tables = Base.metadata.tables
web_settings = _tables["web_settings"]
uploads = _tables["uploads"]
upload_parts = _tables["upload_parts"]

__all__ = ["upload_parts", "uploads", "web_settings"]
