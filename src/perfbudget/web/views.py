"""What the pages and the API take from the running app: the store, the shared rules (settings)."""

from __future__ import annotations

from fastapi import Request

from perfbudget.app.settings import CoreSettings
from perfbudget.review import ReviewConfig
from perfbudget.store.api import Store

__all__ = ["review_config_of", "settings_of", "store_of"]


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def settings_of(request: Request) -> CoreSettings:
    settings: CoreSettings = request.app.state.core
    return settings


def review_config_of(request: Request) -> ReviewConfig | None:
    config: ReviewConfig | None = request.app.state.review_config
    return config
