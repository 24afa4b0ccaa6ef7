"""Loading what a project page shows: head, latest version, review findings (stored or fresh)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from sqlalchemy import Connection, select

from perfbudget.review import ReviewConfig, review_document
from perfbudget.review.finding import Finding
from perfbudget.store.api import Store
from perfbudget.store.queries import StoredVersion, project_version
from perfbudget.store.schema import evaluations, reviews
from perfbudget.web.data import ProjectHead, project_head
from perfbudget.web.errors import not_found
from perfbudget.web.roles import Principal


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def review_config_of(request: Request) -> ReviewConfig | None:
    config: ReviewConfig | None = request.app.state.review_config
    return config


@dataclass(frozen=True, slots=True)
class ProjectView:
    head: ProjectHead
    version: StoredVersion
    findings: list[Finding]
    grade: str | None


def stored_findings(connection: Connection, version_id: int) -> tuple[list[Finding], str | None] | None:
    row = connection.execute(select(reviews.c.payload, reviews.c.grade).where(reviews.c.version_id == version_id)
                             .order_by(reviews.c.id.desc()).limit(1)).first()
    if row is None:
        return None
    data = json.loads(row.payload)
    return [Finding.from_dict(f) for f in data.get("findings", [])], row.grade


def load_view(connection: Connection, principal: Principal, project_id: int, config: ReviewConfig | None,
              number: int | None = None) -> ProjectView:
    head = project_head(connection, principal, project_id)
    version = project_version(connection, project_id, number)
    if version is None:
        raise not_found("该版本")
    stored = stored_findings(connection, version.meta["version_id"])
    if stored is None:
        report = review_document(version.document, config)
        stored = (list(report.findings), report.projects[0].grade if report.projects else None)
    return ProjectView(head, version, stored[0], stored[1])


def latest_evaluation(connection: Connection, version_id: int) -> dict[str, Any] | None:
    row = connection.execute(select(evaluations).where(evaluations.c.version_id == version_id,
                                                       evaluations.c.kind == "self-evaluation")
                             .order_by(evaluations.c.id.desc()).limit(1)).first()
    return dict(row._mapping) if row else None
