"""An ASGI factory for running several workers: ``uvicorn --factory perfbudget.web.asgi:app --workers 4``.

Settings come from the environment (``WebConfig.from_env``) when the factory is called,
never at import time.
"""

from __future__ import annotations

from fastapi import FastAPI

from perfbudget.web.app import create_app
from perfbudget.web.settings import WebConfig


def app() -> FastAPI:
    return create_app(WebConfig.from_env())
