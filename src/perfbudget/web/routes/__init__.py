"""The pages: one router per area, each protected by the CSRF check on unsafe methods."""

from __future__ import annotations

import importlib

from fastapi import APIRouter

AREAS = ("auth", "dashboard", "worklist", "review_desk", "projects", "edit", "evaluate", "monitor", "upload",
         "declare", "admin", "account", "publication", "library")


def routers() -> list[APIRouter]:
    """Each area's router, then the unit page by name, whose name takes the rest of the path (faces-w): included
    before them, it would take ``/units/by-name/甲/opinion.html`` as the page of a unit named 「甲/opinion.html」."""
    from perfbudget.web.routes.dashboard import by_name_router

    return [*(importlib.import_module(f"perfbudget.web.routes.{area}").router for area in AREAS), by_name_router]
