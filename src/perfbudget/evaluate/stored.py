"""Split results of projects taken from the store into per-project records.

The chosen stored versions are joined into one document by
:func:`perfbudget.store.selection.combine` (re-exported here with :class:`StoredSelection`
for the callers that imported them from this module).

Stored records are per project: :func:`split_evaluation` / :func:`split_monitoring` give each
project's one-project result, whose ``to_dict`` is the payload kept in the store (the same
shape the web app stores, read back by ``evaluation_from_dict`` / ``monitoring_from_dict``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from perfbudget.evaluate.monitor import Monitoring
from perfbudget.evaluate.result import Evaluation
from perfbudget.store.selection import StoredSelection, combine

if TYPE_CHECKING:
    from perfbudget.store.queries import StoredVersion

__all__ = ["StoredSelection", "combine", "split_evaluation", "split_monitoring"]


def split_evaluation(evaluation: Evaluation, selection: StoredSelection) -> list[tuple[StoredVersion, Evaluation]]:
    """Each scored project as its own one-project evaluation, with the version it belongs to
    (``document_file`` is the file that brought that version, ``seq`` its number in that file)."""
    out = []
    for project in evaluation.projects:
        version = selection.versions[project.seq]
        own = replace(project, seq=version.document.projects[0].seq)
        out.append((version, replace(evaluation, projects=(own,), document_file=version.meta["file"])))
    return out


def split_monitoring(monitoring: Monitoring, selection: StoredSelection) -> list[tuple[StoredVersion, Monitoring]]:
    """Each monitored project as its own one-project monitoring, with the version it belongs to."""
    out = []
    for project in monitoring.projects:
        version = selection.versions[project.seq]
        own = replace(project, seq=version.document.projects[0].seq)
        out.append((version, replace(monitoring, projects=(own,), document_file=version.meta["file"])))
    return out
