"""A project deleted by an admin (:mod:`perfbudget.app.project_delete`): every row that is the project's.

Deleted inside the caller's transaction, children first (the foreign keys): the desk's decisions, 批注 and grades,
the self-evaluations and monitoring results, the reviews, the changes and authors of each version, the indicator
library's entries (their groups' counts and statistics brought down by the entries taken out), the indicators and
their targets, the versions, the workflow's state and events, then the project (``project_status`` follows by its
``ON DELETE CASCADE``; the search index by its triggers). A document that held only this project is deleted; one that
holds other projects keeps them, and forgets its file's fingerprint (``sha256`` emptied) so that the same file
imported again is read again — and brings the project back — instead of being 「未变化」 unread. The unit is deleted
when nothing is left in it (no project, no document, no unit merged into it, no account bound to its code): the
unit a wrong import made. The audit log keeps its rows (it is the record of the deletion); on SQLite the largest ids
of the project's tables are kept first, so that no new row takes a deleted one's id (``store.id_floors``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, exists, func, select, update

from perfbudget.store.account_tables import users
from perfbudget.store.desk_tables import cell_comments, finding_decisions, reviewer_grades
from perfbudget.store.id_floors import keep_floors
from perfbudget.store.records import version_authors, workflow_events, workflow_states
from perfbudget.store.schema import (
    document_items,
    documents,
    evaluations,
    indicators,
    project_versions,
    projects,
    reviews,
    targets,
    unit_aliases,
    units,
    version_changes,
)


@dataclass(frozen=True, slots=True)
class Deleted:
    """What went with the project: its versions, indicators, reviews and evaluations, the documents deleted (held
    only this project) and kept (held others too), and whether its unit was deleted."""

    versions: int
    indicators: int
    reviews: int
    evaluations: int
    documents_deleted: int
    documents_kept: int
    unit_deleted: bool


def delete_project_rows(connection: Connection, project_id: int) -> Deleted:
    """Delete project ``project_id`` and everything that is its own (see the module docstring); the indicator
    library's entries of the project are taken out by the caller first (``library.build.forget_projects``)."""
    unit_id = connection.execute(select(projects.c.unit_id).where(projects.c.id == project_id)).scalar_one()
    keep_floors(connection)  # the ids deleted here are never given again (SQLite: attack33)
    version_ids = list(connection.execute(select(project_versions.c.id)
                                          .where(project_versions.c.project_id == project_id)).scalars())
    in_versions = project_versions.c.id.in_(version_ids) if version_ids else None
    document_ids = set(connection.execute(select(project_versions.c.document_id)
                                          .where(project_versions.c.project_id == project_id)).scalars())
    if version_ids:  # a document whose table was unchanged names the version an earlier document brought
        document_ids |= set(connection.execute(select(document_items.c.document_id)
                                               .where(document_items.c.version_id.in_(version_ids))).scalars())
    for table in (finding_decisions, cell_comments, reviewer_grades):
        connection.execute(delete(table).where(table.c.project_id == project_id))
    counted = {"reviews": 0, "evaluations": 0, "indicators": 0}
    if version_ids:
        counted["evaluations"] = connection.execute(
            delete(evaluations).where(evaluations.c.version_id.in_(version_ids))).rowcount
        counted["reviews"] = connection.execute(delete(reviews).where(reviews.c.version_id.in_(version_ids))).rowcount
        for table in (version_changes, version_authors, document_items):
            connection.execute(delete(table).where(table.c.version_id.in_(version_ids)))
        indicator_ids = select(indicators.c.id).where(indicators.c.version_id.in_(version_ids))
        connection.execute(delete(targets).where(targets.c.indicator_id.in_(indicator_ids)))
        counted["indicators"] = connection.execute(
            delete(indicators).where(indicators.c.version_id.in_(version_ids))).rowcount
    connection.execute(delete(workflow_events).where(workflow_events.c.project_id == project_id))
    connection.execute(delete(workflow_states).where(workflow_states.c.project_id == project_id))
    if in_versions is not None:
        connection.execute(delete(project_versions).where(in_versions))
    connection.execute(delete(projects).where(projects.c.id == project_id))
    gone = kept = 0
    for document_id in sorted(document_ids):
        held = connection.execute(select(func.count()).select_from(document_items)
                                  .where(document_items.c.document_id == document_id)).scalar_one()
        if held:
            connection.execute(update(documents).where(documents.c.id == document_id).values(sha256=""))
            kept += 1
        else:
            connection.execute(delete(documents).where(documents.c.id == document_id))
            gone += 1
    return Deleted(len(version_ids), counted["indicators"], counted["reviews"], counted["evaluations"], gone, kept,
                   _drop_empty_unit(connection, unit_id))


def _drop_empty_unit(connection: Connection, unit_id: int) -> bool:
    code = connection.execute(select(units.c.code).where(units.c.id == unit_id)).scalar()
    holds = [exists().where(projects.c.unit_id == unit_id), exists().where(documents.c.unit_id == unit_id),
             exists().where(unit_aliases.c.unit_id == unit_id)]
    if code:
        holds.append(exists().where(users.c.unit_code == code))
    if any(connection.execute(select(held)).scalar() for held in holds):
        return False
    connection.execute(delete(units).where(units.c.id == unit_id))
    return True
