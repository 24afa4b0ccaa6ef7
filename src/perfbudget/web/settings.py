"""The web application's settings: one frozen dataclass passed to ``create_app``.

Nothing is read at import time. :meth:`WebConfig.from_env` reads the environment when a
command asks for it (``perfbudget serve``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from perfbudget.config import Limits, database_url


@dataclass(frozen=True, slots=True)
class WebConfig:
    """Settings of one web application instance.

    Attributes:
        database_url: SQLAlchemy URL of the store (``sqlite:///perfbudget.db`` by default).
        secret_key: key that signs session cookies; None → a random key kept in the
            database (table ``web_settings``), shared by every worker and kept across restarts.
        session_max_age: seconds a sign-in lasts (default 8 hours).
        https_only: mark the session cookie ``Secure`` (set behind HTTPS).
        limits: bounds on uploaded files.
        dashboard_cache: cache the dashboard aggregates (invalidated when the data changes).
        page_cache: cache rendered dashboard and project pages per user, and the account of
            each session (SQLite files only; invalidated when the data changes).
        page_cache_mb: the most memory the page cache of one process may hold.
        review_config: path of a review configuration (TOML) for the review rules; None → defaults.
        migrate: create or check the schema when the app starts (tests and ``serve`` do).
        revisions: ``revise`` or ``refuse`` imports that change submitted/approved projects
            (:mod:`perfbudget.app.settings`).
        self_evaluation: ``approved`` (only approved projects are self-evaluated) or ``any``.
        public_pages: serve the public read-only page of each unit and year
            (``/public/units/{code}/{year}``: approved tables and 自评 results, no sign-in); off by default.
    """

    database_url: str = field(default_factory=lambda: database_url())
    secret_key: str | None = None
    session_max_age: int = 8 * 3600
    https_only: bool = False
    limits: Limits = field(default_factory=Limits)
    dashboard_cache: bool = True
    review_config: str | None = None
    migrate: bool = True
    page_cache: bool = True
    page_cache_mb: int = 64
    revisions: str = field(default_factory=lambda: os.environ.get("PERFBUDGET_REVISIONS", "revise"))
    self_evaluation: str = field(default_factory=lambda: os.environ.get("PERFBUDGET_SELF_EVALUATION", "approved"))
    public_pages: bool = False

    @classmethod
    def from_env(cls, db: str | None = None) -> WebConfig:
        """Settings from the environment: PERFBUDGET_DB, PERFBUDGET_SECRET_KEY, PERFBUDGET_HTTPS_ONLY,
        PERFBUDGET_SESSION_HOURS, PERFBUDGET_REVIEW_CONFIG, PERFBUDGET_MAX_FILE_MB, PERFBUDGET_PUBLIC_PAGES."""
        hours = os.environ.get("PERFBUDGET_SESSION_HOURS")
        return cls(
            database_url=database_url(db),
            secret_key=os.environ.get("PERFBUDGET_SECRET_KEY") or None,
            session_max_age=int(float(hours) * 3600) if hours else 8 * 3600,
            https_only=os.environ.get("PERFBUDGET_HTTPS_ONLY", "").lower() in ("1", "true", "yes"),
            limits=Limits.from_env(),
            review_config=os.environ.get("PERFBUDGET_REVIEW_CONFIG") or None,
            public_pages=os.environ.get("PERFBUDGET_PUBLIC_PAGES", "").lower() in ("1", "true", "yes"),
        )
