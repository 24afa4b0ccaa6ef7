"""Who may save a 运行监控 of a project now, for the monitoring page and ``POST /api/v1/projects/{id}/monitoring``
alike: the use case's refusals (:mod:`perfbudget.app.evaluations`) as the web's answers (403 for a role that may
not, 409 while the project is not approved). In the page's route module until replay-v, from which the API imported
it (a face importing another face's module)."""

from __future__ import annotations

from fastapi import Request

from perfbudget.app import evaluations
from perfbudget.app.project_view import ProjectView
from perfbudget.app.roles import Action, Principal
from perfbudget.web.errors import WebError, forbidden
from perfbudget.web.views import settings_of, store_of


def may_monitor(request: Request, principal: Principal, view: ProjectView) -> str | None:
    """Why this user may not save a monitoring of the project now (Chinese), or None."""
    cannot = evaluations.role_refusal(principal, [view.head.unit_code], "运行监控")
    if cannot:
        return cannot
    return evaluations.refusal(store_of(request), settings_of(request), [view.head.id], "运行监控", officer=True)


def require_monitor(request: Request, principal: Principal, view: ProjectView) -> None:
    """403 for a role that may not monitor the project, 409 while it is not approved (the page and the API)."""
    refused = may_monitor(request, principal, view)
    if refused is not None:
        if not principal.can(Action.EDIT, view.head.unit_code):
            raise forbidden(refused)
        raise WebError(409, "not_approved", refused)
