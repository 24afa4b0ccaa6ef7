"""The pages: one router per area, each protected by the CSRF check on unsafe methods."""

from __future__ import annotations

import importlib

from fastapi import APIRouter

AREAS = ("auth", "dashboard", "worklist", "review_desk", "projects", "edit", "evaluate", "monitor", "upload",
         "declare", "admin", "account", "publication", "library")


def routers() -> list[APIRouter]:
    return [importlib.import_module(f"perfbudget.web.routes.{area}").router for area in AREAS]
