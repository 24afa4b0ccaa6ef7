"""The reviewer's next project: the one after this in the review queue (webflow24).

The queue is ordered by submission, the oldest first (:mod:`perfbudget.app.desk`, ``sort=submitted``). From a
project's desk the next is the first submitted project after it in that order, else (the last, or a project no
longer submitted) the first of the queue other than it: a reviewer deciding one project after another walks the
whole queue without going back to it, and a project she passed over comes round again at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, func, or_, select

from perfbudget.app.overview import status_scope
from perfbudget.app.roles import Principal
from perfbudget.app.workflow import SUBMITTED
from perfbudget.store import Store
from perfbudget.store.schema import projects, units
from perfbudget.store.status import project_status


@dataclass(frozen=True)
class QueueNext:
    """The other submitted projects the reviewer sees (``waiting``) and the next of them (None when none)."""

    waiting: int
    id: int | None = None
    name: str = ""
    fund_label: str | None = None
    unit_name: str | None = None


def next_in_queue(store: Store, principal: Principal, project_id: int) -> QueueNext:
    """The project after ``project_id`` in ``principal``'s review queue and how many others wait: one query."""
    status = project_status
    current = select(status.c.submitted_at).where(status.c.project_id == project_id).scalar_subquery()
    after = or_(status.c.submitted_at > current,
                and_(status.c.submitted_at == current, status.c.project_id > project_id))
    stmt = (select(status.c.project_id, projects.c.name, projects.c.fund_label, units.c.name.label("unit_name"),
                   func.count().over().label("waiting"))
            .select_from(status)
            .join(projects, projects.c.id == status.c.project_id)
            .join(units, units.c.id == status.c.unit_id)
            .where(*status_scope(principal), status.c.state == SUBMITTED, status.c.project_id != project_id)
            .order_by(case((after, 0), else_=1), status.c.submitted_at, status.c.project_id)
            .limit(1))
    with store.reading() as tx:
        row = tx.connection.execute(stmt).first()
    if row is None:
        return QueueNext(0)
    return QueueNext(int(row.waiting), int(row.project_id), row.name, row.fund_label, row.unit_name)
