"""``create_app(config)``: the FastAPI application, built on demand (nothing at import time).

The app holds one engine (``app.state.engine``), the settings (``app.state.config``), the
templates and the dashboard cache. Pages live in ``web/routes/*.py``; the HTTP API in
``web/api/*.py`` under ``/api/v1``, documented at ``/api/docs`` (Swagger UI served from
the package, no CDN).
"""

from __future__ import annotations

import inspect
import secrets
import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from perfbudget import __version__
from perfbudget.app.settings import CoreSettings
from perfbudget.review import ReviewConfig, load_config
from perfbudget.store.api import Store
from perfbudget.store.engine import write_transaction
from perfbudget.web.errors import install_error_handlers
from perfbudget.web.settings import WebConfig
from perfbudget.web.tables import web_settings
from perfbudget.web.templating import make_templates

STATIC = Path(__file__).resolve().parent / "static"
SESSION_COOKIE = "perfbudget_session"
_SECRET_KEY = "session_secret"

_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                "script-src 'self'; frame-ancestors 'none'; form-action 'self'"),
}


class SecurityHeaders:
    """Pure ASGI middleware adding the security headers to every response that lacks them.

    (Starlette's ``BaseHTTPMiddleware`` would cost a task group and a body stream per request.)
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in _SECURITY_HEADER_BYTES if h[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

_SECURITY_HEADER_BYTES = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in _SECURITY_HEADERS.items()]


def stored_secret(engine: Engine) -> str:
    """The session signing key kept in the database (created once, shared by all workers)."""
    with engine.connect() as connection:
        value = connection.execute(select(web_settings.c.value).where(web_settings.c.key == _SECRET_KEY)).scalar()
    if value:
        return str(value)
    try:
        with write_transaction(engine, moves=None) as connection:
            connection.execute(insert(web_settings).values(key=_SECRET_KEY, value=secrets.token_urlsafe(48)))
    except IntegrityError:
        pass  # another worker created it first
    with engine.connect() as connection:
        return str(connection.execute(select(web_settings.c.value).where(web_settings.c.key == _SECRET_KEY))
                   .scalar_one())


def load_review_config(path: str | None) -> ReviewConfig | None:
    """The review configuration file named in the settings; a broken file stops the start with its problems."""
    if not path:
        return None
    config, problems = load_config(path)
    if config is None:
        raise ValueError("；".join(str(p) for p in problems))
    return config


# FastAPI 0.165+ asks three global OpenTelemetry providers on every request whether any is configured (about
# 0.03 M instructions a project page, more than the page's session cookie); perfbudget configures none and reports
# no telemetry, so it is off where FastAPI has the setting (older versions have neither).
_NO_TELEMETRY: dict[str, Any] = (
    {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters else {})


def create_app(config: WebConfig | None = None) -> FastAPI:
    """Build the application for ``config`` (database, secret, limits, review configuration)."""
    from perfbudget.web.api.openapi import install
    from perfbudget.web.cache import DashboardCache, FileCache, PageCache, UserCache
    from perfbudget.web.freshness import DataVersion
    from perfbudget.web.upload_reads import ReadingsKept

    config = config or WebConfig()
    store = Store(config.database_url, migrate=config.migrate, replica_url=config.replica_url)
    engine = store.engine
    app = _new_fastapi()
    app.router.routes.extend(shared_routes())
    app.state.config = config
    app.state.engine = engine
    app.state.store = store
    app.state.review_config = load_review_config(config.review_config)
    app.state.core = CoreSettings(revisions=config.revisions, self_evaluation=config.self_evaluation,
                                  review_config=app.state.review_config)
    app.state.templates = make_templates()
    # With a replica the data version is read where the request's data is read (replica or primary).
    app.state.data_version = DataVersion(engine, reading=store.router.read if config.replica_url else None)
    app.state.cache = DashboardCache(enabled=config.dashboard_cache)
    app.state.pages = PageCache(enabled=config.page_cache, max_bytes=config.page_cache_mb * 1024 * 1024)
    app.state.users = UserCache(enabled=config.page_cache)
    # web.downloads: a project's 绩效目标表 files, made once a data version (within the page cache's memory)
    app.state.files = FileCache(enabled=config.page_cache, max_bytes=config.page_cache_mb * 1024 * 1024)
    app.state.frames = {}  # routes.common.render_framed: page frames drawn once per template, role and unit
    app.state.flights = {}  # routes.common.cached_page: the pages being built now, their bytes awaited
    app.state.lists = DashboardCache(enabled=config.dashboard_cache)  # list results per scope (routes.worklist)
    app.state.upload_readings = ReadingsKept(config.upload_reads)  # web.upload_reads: a preview's reading, imported

    from perfbudget.web.limits import RequestGuard
    from perfbudget.web.page_path import FrontDoor, ProjectPagePath

    sessions: dict[str, Any] = {"secret_key": config.secret_key or stored_secret(engine),
                                "session_cookie": SESSION_COOKIE, "max_age": config.session_max_age,
                                "same_site": "lax", "https_only": config.https_only}
    if config.replica_url:
        from perfbudget.web.read_routing import ReadRouting

        # innermost: the project page for a known user without FastAPI's router (perfbudget.web.page_path)
        app.add_middleware(ProjectPagePath)
        app.add_middleware(ReadRouting, store=store)  # inside the session middleware: it keeps the WAL position
    app.add_middleware(RequestGuard)  # inside the session middleware: it reads the decoded session
    app.add_middleware(SessionMiddleware, **sessions)

    app.add_middleware(SecurityHeaders)
    if not config.replica_url:  # the project page's front door: past every middleware here (web.page_path)
        app.add_middleware(ProjectPagePath, front=FrontDoor(sessions, _SECURITY_HEADER_BYTES))
    if config.trusted_proxies:  # outermost: the client address and scheme as the proxy saw them
        from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(config.trusted_proxies))
    install_error_handlers(app)
    install(app)
    return app


def _new_fastapi() -> FastAPI:
    from perfbudget.web.api.openapi import DESCRIPTION, TAGS

    return FastAPI(title="perfbudget API", version=__version__, docs_url=None, redoc_url=None,
                   openapi_url="/api/openapi.json", openapi_tags=TAGS, description=DESCRIPTION, **_NO_TELEMETRY)


_shared: list[BaseRoute] = []
_shared_lock = threading.Lock()


def shared_routes() -> list[BaseRoute]:
    """The pages', the API's and the static files' routes, built once per process and shared by every app.

    FastAPI builds a route's dependencies and pydantic adapters when a router is included (about 0.25 s of CPU
    for perfbudget's 170 routes); the routes hold no app, its settings or its store (a request reaches them
    through ``request.app.state``), so an app made for another configuration (a test's own database, the CLI's
    ``serve``) takes the same route objects. They are included once into an app of their own, with the same
    settings as every app's router, whose ``/api/openapi.json`` route (bound to that app) is left out; being
    that app's, they look up no other app's ``dependency_overrides`` (perfbudget sets none)."""
    with _shared_lock:
        if not _shared:
            from perfbudget.web import api, routes

            holder = _new_fastapi()
            own = len(holder.router.routes)
            holder.mount("/static", StaticFiles(directory=STATIC), name="static")

            @holder.get("/api/docs", include_in_schema=False)
            def _api_docs() -> Response:
                return Response(content=_SWAGGER_PAGE, media_type="text/html")

            for router in routes.routers():
                holder.include_router(router)
            holder.include_router(api.router())
            _shared.extend(holder.router.routes[own:])
        return _shared


_SWAGGER_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>perfbudget API 文档</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui.css">
<link rel="icon" href="/static/favicon.svg">
</head>
<body>
<nav class="api-links"><a href="/dashboard">← 返回 perfbudget 网页端</a> ·
<a href="/api/schema/perfbudget-1.json">交换格式 perfbudget/1 的 JSON Schema</a></nav>
<div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script>
</body>
</html>
"""
