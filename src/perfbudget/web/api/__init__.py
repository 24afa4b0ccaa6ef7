"""The HTTP API under ``/api/v1``: interchange JSON (``perfbudget/1``), bearer tokens, the pages' permissions.

Errors always have the shape ``{"error": {"code", "message", "details"}}`` (see ``web/errors.py``).
``v1.py`` holds the JSON endpoints, ``lists.py`` the lists of projects (a page, or xlsx / CSV), ``files.py``
uploads and downloads, ``desk.py`` the reviewer's desk, ``accounts.py`` tokens and accounts,
``models.py`` the response models, ``openapi.py`` what the docs page shows (bearer scheme, Chinese tags, the
JSON Schema).
"""

from __future__ import annotations

from fastapi import APIRouter


def router() -> APIRouter:
    from perfbudget.web.api import accounts, desk, files, lists, openapi, v1

    combined = APIRouter()
    combined.include_router(lists.router)
    combined.include_router(v1.router)
    combined.include_router(files.router)
    combined.include_router(desk.router)
    combined.include_router(accounts.router)
    combined.include_router(openapi.schema_router)
    return combined
