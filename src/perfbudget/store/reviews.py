"""Read stored target reviews (绩效目标审核) back.

Writing is :meth:`perfbudget.store.Store.record_review` (one row per project version and run;
a new run adds a row, so the history is every row). Reading here returns plain dicts: the
summary columns plus the project version's number, so the CLI and the web app can show who
reviewed which version, when, and with what grade.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from perfbudget.store.schema import project_versions, reviews

_SUMMARY = [reviews.c.id, reviews.c.version_id, project_versions.c.project_id,
            project_versions.c.number.label("version"), reviews.c.year, reviews.c.grade, reviews.c.errors,
            reviews.c.warnings, reviews.c.actor, reviews.c.created_at]


def project_reviews(connection: Connection, project_id: int, year: int | None = None) -> list[dict[str, Any]]:
    """All stored reviews of a project (every version), oldest first, without payloads.

    Each item: ``id``, ``version_id``, ``project_id``, ``version`` (number), ``year``, ``grade``,
    ``errors``, ``warnings``, ``actor``, ``created_at``.
    """
    query = (select(*_SUMMARY)
             .join(project_versions, project_versions.c.id == reviews.c.version_id)
             .where(project_versions.c.project_id == project_id)
             .order_by(reviews.c.id))
    if year is not None:
        query = query.where(reviews.c.year == year)
    return [dict(row) for row in connection.execute(query).mappings()]


def stored_review(connection: Connection, review_id: int) -> dict[str, Any] | None:
    """One stored review with its summary and its ``payload`` parsed from JSON; None if absent."""
    row = connection.execute(
        select(*_SUMMARY, reviews.c.payload)
        .join(project_versions, project_versions.c.id == reviews.c.version_id)
        .where(reviews.c.id == review_id)).mappings().first()
    if row is None:
        return None
    item = dict(row)
    item["payload"] = json.loads(item["payload"])
    return item
