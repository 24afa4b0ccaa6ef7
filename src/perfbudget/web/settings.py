"""The web application's settings: one frozen dataclass passed to ``create_app``.

Nothing is read at import time. :meth:`WebConfig.from_env` reads the environment when a
command asks for it (``perfbudget serve``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from perfbudget.config import Limits, database_url, replica_url
from perfbudget.web.throttle import LoginPolicy


@dataclass(frozen=True, slots=True)
class WebConfig:
    """Settings of one web application instance.

    Attributes:
        database_url: SQLAlchemy URL of the store (``sqlite:///perfbudget.db`` by default).
        replica_url: URL of a PostgreSQL streaming replica of that store; the pages' and the API's
            reads go there once it holds the user's own writes (docs/scale.md); None (default):
            everything on the primary (env PERFBUDGET_DB_REPLICA, ``serve --replica-db``).
        secret_key: key that signs session cookies; None → a random key kept in the
            database (table ``web_settings``), shared by every worker and kept across restarts.
        session_max_age: seconds a sign-in lasts at most, however active (default 8 hours;
            env PERFBUDGET_SESSION_HOURS).
        session_idle_minutes: a session unused this long ends (default 30; env
            PERFBUDGET_SESSION_IDLE_MINUTES).
        https_only: mark the session cookie ``Secure`` (set behind HTTPS).
        limits: bounds on uploaded files.
        dashboard_cache: cache the dashboard aggregates (invalidated when the data changes).
        page_cache: cache rendered dashboard and project pages per user, and the account of
            each session (the account cache on SQLite files only; invalidated when the data changes).
        page_cache_mb: the most memory the page cache of one process may hold.
        review_config: path of a review configuration (TOML) for the review rules; None → defaults.
        migrate: create or check the schema when the app starts (tests and ``serve`` do).
        revisions: ``revise`` or ``refuse`` imports that change submitted/approved projects
            (:mod:`perfbudget.app.settings`).
        self_evaluation: ``approved`` (only approved projects are self-evaluated) or ``any``.
        public_pages: serve the public read-only page of each unit and year
            (``/public/units/{code}/{year}``: approved tables and 自评 results, no sign-in); off by default.
        login_policy: sign-in throttling (:class:`perfbudget.web.throttle.LoginPolicy`).
        trusted_proxies: addresses or networks (CIDR) of reverse proxies whose ``X-Forwarded-For``
            and ``X-Forwarded-Proto`` are believed; empty (default): none, the client address is
            the connection's (env PERFBUDGET_TRUSTED_PROXIES, comma-separated).
        max_form_body_bytes: largest body of an ordinary form (default 2 MiB; env PERFBUDGET_MAX_FORM_MB).
        max_api_body_bytes: largest body of an API request (default 10 MiB; env PERFBUDGET_MAX_API_BODY_MB).
        upload_hours: an uploaded file not confirmed within this time is deleted (default 24;
            env PERFBUDGET_UPLOAD_HOURS).
        upload_reads: at most this many uploaded files are read at once in one process (preview, import),
            each needing the whole file and the reader's work in memory; more wait their turn (default 2;
            env PERFBUDGET_UPLOAD_READS). Storing an upload holds 1 MiB of it at a time (web/uploads.py).
    """

    database_url: str = field(default_factory=lambda: database_url())
    replica_url: str | None = None
    secret_key: str | None = None
    session_max_age: int = 8 * 3600
    session_idle_minutes: int = 30
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

    login_policy: LoginPolicy = field(default_factory=LoginPolicy)
    trusted_proxies: tuple[str, ...] = ()
    max_form_body_bytes: int = 2 * 1024 * 1024
    max_api_body_bytes: int = 10 * 1024 * 1024
    upload_hours: float = 24
    upload_reads: int = 2

    @classmethod
    def from_env(cls, db: str | None = None, replica: str | None = None) -> WebConfig:
        """Settings from the environment (every variable is listed in docs/security.md):
        PERFBUDGET_DB, PERFBUDGET_DB_REPLICA, PERFBUDGET_SECRET_KEY, PERFBUDGET_HTTPS_ONLY, PERFBUDGET_SESSION_HOURS,
        PERFBUDGET_SESSION_IDLE_MINUTES, PERFBUDGET_REVIEW_CONFIG, the reader limits of
        :meth:`Limits.from_env`, PERFBUDGET_LOGIN_MAX_FAILURES, PERFBUDGET_LOGIN_MAX_FAILURES_PER_ADDRESS,
        PERFBUDGET_LOGIN_WINDOW_MINUTES, PERFBUDGET_TRUSTED_PROXIES, PERFBUDGET_MAX_FORM_MB,
        PERFBUDGET_MAX_API_BODY_MB, PERFBUDGET_UPLOAD_HOURS, PERFBUDGET_UPLOAD_READS, PERFBUDGET_PUBLIC_PAGES.
        A bad number raises ValueError naming it."""
        policy = LoginPolicy(
            max_failures_per_account=int(_number("PERFBUDGET_LOGIN_MAX_FAILURES", 5)),
            max_failures_per_address=int(_number("PERFBUDGET_LOGIN_MAX_FAILURES_PER_ADDRESS", 20)),
            window_minutes=int(_number("PERFBUDGET_LOGIN_WINDOW_MINUTES", 15)))
        proxies = tuple(p.strip() for p in os.environ.get("PERFBUDGET_TRUSTED_PROXIES", "").split(",") if p.strip())
        return cls(
            database_url=database_url(db),
            replica_url=replica_url(replica),
            secret_key=os.environ.get("PERFBUDGET_SECRET_KEY") or None,
            session_max_age=int(_number("PERFBUDGET_SESSION_HOURS", 8) * 3600),
            session_idle_minutes=int(_number("PERFBUDGET_SESSION_IDLE_MINUTES", 30)),
            https_only=os.environ.get("PERFBUDGET_HTTPS_ONLY", "").lower() in ("1", "true", "yes"),
            limits=Limits.from_env(),
            review_config=os.environ.get("PERFBUDGET_REVIEW_CONFIG") or None,
            public_pages=os.environ.get("PERFBUDGET_PUBLIC_PAGES", "").lower() in ("1", "true", "yes"),
            login_policy=policy,
            trusted_proxies=proxies,
            max_form_body_bytes=int(_number("PERFBUDGET_MAX_FORM_MB", 2) * 1024 * 1024),
            max_api_body_bytes=int(_number("PERFBUDGET_MAX_API_BODY_MB", 10) * 1024 * 1024),
            upload_hours=_number("PERFBUDGET_UPLOAD_HOURS", 24),
            upload_reads=max(1, int(_number("PERFBUDGET_UPLOAD_READS", 2))),
        )


def _number(variable: str, default: float) -> float:
    text = os.environ.get(variable, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1
    if not 0 < value < float("inf"):
        raise ValueError(f"环境变量 {variable} 应为正数，实际为「{text}」")
    return value
