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


def may_monitor(request: Request, principal: Principal, view: ProjectView, *, officer: bool = True) -> str | None:
    """Why this user may not save a monitoring of the project now (Chinese), or None; ``officer``: in the page's
    words (what to do next on the page), else in the words the API and the command line say (the setting)."""
    cannot = evaluations.role_refusal(principal, [view.head.unit_code], "运行监控")
    if cannot:
        return cannot
    return evaluations.refusal(store_of(request), settings_of(request), [view.head.id], "运行监控", officer=officer)


def require_monitor(request: Request, principal: Principal, view: ProjectView, *, officer: bool = True) -> None:
    """403 for a role that may not monitor the project, 409 while it is not approved (the page and, ``officer``
    False, the API: until replay-w the API said the page's 「请先在项目页「送审」…」, where its 自评 and ``perfbudget
    monitor --save`` say the deployment's setting)."""
    refused = may_monitor(request, principal, view, officer=officer)
    if refused is not None:
        if not principal.can(Action.EDIT, view.head.unit_code):
            raise forbidden(refused)
        raise WebError(409, "not_approved", refused)
