"""An ASGI factory for running several workers:
``uvicorn --factory perfbudget.web.asgi:app --workers 4 --no-proxy-headers``.

(``--no-proxy-headers``: uvicorn would otherwise believe ``X-Forwarded-For`` from 127.0.0.1; the
app believes it only from ``PERFBUDGET_TRUSTED_PROXIES``, see docs/security.md.)

Settings come from the environment (``WebConfig.from_env``) when the factory is called,
never at import time.
"""

from __future__ import annotations

from fastapi import FastAPI

from perfbudget.web.app import create_app
from perfbudget.web.settings import WebConfig


def app() -> FastAPI:
    """A worker's app; the objects made so far are frozen out of the garbage collector's full passes
    (:func:`perfbudget.web.workers.settle_heap`)."""
    from perfbudget.web.workers import settle_heap

    application = create_app(WebConfig.from_env())
    settle_heap()
    return application
