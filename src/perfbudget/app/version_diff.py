"""What changed from a stored version of a project to another document of it, in the user's words.

The reviewer's desk says what the unit changed since a 退回 (``app.review_desk``), and a refused stale edit what the
other person's newer version changed (``web.routes.edit``): both from :func:`changes_from`.
"""

from __future__ import annotations

from perfbudget.model import Document
from perfbudget.store.changes import describe, version_changes
from perfbudget.store.queries import project_version
from perfbudget.store.transaction import Transaction


def changes_from(tx: Transaction, project_id: int, number: int, document: Document) -> list[str] | None:
    """Each change from the project's version ``number`` to ``document`` (its one project) as one Chinese sentence
    (``store.changes.describe``: 「指标值变更：产出指标 / 数量指标 / X：≥12次 → ≥24次」); None when there is no such
    version. Two queries."""
    old = project_version(tx.connection, project_id, number)
    if old is None:
        return None
    return [describe(change) for change in version_changes(old.document, document)]
