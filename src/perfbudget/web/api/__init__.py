"""The HTTP API under ``/api/v1``: interchange JSON (``perfbudget/1``), bearer tokens, the pages' permissions.

Errors always have the shape ``{"error": {"code", "message", "details"}}`` (see ``web/errors.py``).
"""

from __future__ import annotations

from fastapi import APIRouter


def router() -> APIRouter:
    from perfbudget.web.api import v1

    return v1.router
