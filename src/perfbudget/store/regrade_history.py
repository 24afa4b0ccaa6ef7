"""The rows :mod:`perfbudget.app.regrade_history` reads to tell a review regraded after a 驳回/确认 before such rows
were marked: the reviews before given ones of their versions, payloads as stored, the decisions on projects, and the
database's first marked row. Rows only; what a payload means is the app's."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, select

from perfbudget.store.desk_tables import finding_decisions
from perfbudget.store.schema import reviews


def reviews_before(connection: Connection, review_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Each of ``review_ids`` and the review before it of its version (where it has one): ``id`` to its ``id``,
    ``version_id``, ``actor``, ``created_at``, ``payload`` (the text stored) and ``before`` (that review's id)."""
    chosen = sorted(set(review_ids))
    if not chosen:
        return {}
    earlier = reviews.alias("earlier")
    before = (select(func.max(earlier.c.id)).where(earlier.c.version_id == reviews.c.version_id,
                                                   earlier.c.id < reviews.c.id).scalar_subquery())
    found = {int(r.id): dict(r._mapping) for r in connection.execute(
        select(reviews.c.id, reviews.c.version_id, reviews.c.actor, reviews.c.created_at, reviews.c.payload,
               before.label("before")).where(reviews.c.id.in_(chosen)))}
    wanted = sorted({int(row["before"]) for row in found.values() if row["before"] is not None} - set(found))
    if wanted:
        found |= {int(r.id): {**dict(r._mapping), "before": None} for r in connection.execute(
            select(reviews.c.id, reviews.c.version_id, reviews.c.actor, reviews.c.created_at, reviews.c.payload)
            .where(reviews.c.id.in_(wanted)))}
    return found


def decisions_on(connection: Connection, project_ids: Iterable[int]) -> list[Any]:
    """The finding decisions on ``project_ids``: rows of ``project_id``, ``username``, ``at``."""
    chosen = sorted(set(project_ids))
    if not chosen:
        return []
    return list(connection.execute(select(finding_decisions.c.project_id, finding_decisions.c.username,
                                          finding_decisions.c.at)
                                   .where(finding_decisions.c.project_id.in_(chosen))))


def first_review_where(connection: Connection, condition: ColumnElement[bool]) -> int | None:
    """The smallest id of a review meeting ``condition`` (a clause on ``schema.reviews``); None if none does."""
    found = connection.execute(select(func.min(reviews.c.id)).where(and_(condition))).scalar()
    return None if found is None else int(found)
