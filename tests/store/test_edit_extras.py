"""What an edit leaves of the extras read from a file (``app/edit_extras.py``), on SQLite and PostgreSQL: the web
form (which sends no extras) dropped every indicator's 备注 and 度量单位, an API client sending the document back kept
a 度量单位 that no longer matched the target it changed (leftovers17)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from perfbudget.app.edits import save_edit
from perfbudget.app.imports import ImportRequest, import_document
from perfbudget.app.roles import Principal, Role
from perfbudget.app.settings import CoreSettings
from perfbudget.app.workflow import actor_of
from perfbudget.load import load_path
from perfbudget.model import Project
from perfbudget.store import Store

SETTINGS = CoreSettings()
EDITOR = Principal(1, "甲", "甲", Role.ADMIN, None)
EXTRAS = (("度量单位", "次"), ("备注", "按季度统计"))


def _stored(store: Store, seed_path: Path) -> tuple[int, Project]:
    document = load_path(seed_path).document
    assert document is not None
    project = document.projects[0]
    first = replace(project.indicators[0], extras=EXTRAS)
    document = replace(document, projects=(replace(project, indicators=(first, *project.indicators[1:])),))
    outcome = import_document(store, SETTINGS, document, "extras.txt", ImportRequest(actor_of(EDITOR), "upload"))
    assert outcome.status == "imported", outcome
    project_id = outcome.versions[0].project_id
    stored = store.project_version(project_id)
    assert stored is not None and stored.document.projects[0].indicators[0].extras == EXTRAS
    return project_id, stored.document.projects[0]


def _first_extras(store: Store, project_id: int) -> tuple[tuple[str, str], ...]:
    stored = store.project_version(project_id)
    assert stored is not None
    return stored.document.projects[0].indicators[0].extras


def test_a_form_edit_keeps_the_extras_and_drops_the_unit_of_a_changed_target(store: Store, seed_path: Path) -> None:
    project_id, project = _stored(store, seed_path)
    bare = tuple(replace(i, extras=()) for i in project.indicators)  # what the web form sends
    unchanged = save_edit(store, SETTINGS, EDITOR, project_id, 1, replace(project, indicators=bare), via="edit")
    assert unchanged.status == "unchanged", unchanged  # saving the form as it is changes nothing
    first = replace(bare[0], target=replace(bare[0].target, raw="≥15台"))
    saved = save_edit(store, SETTINGS, EDITOR, project_id, 1, replace(project, indicators=(first, *bare[1:])),
                      via="edit")
    assert saved.status == "saved", saved
    assert _first_extras(store, project_id) == (("备注", "按季度统计"),)


def test_a_document_sent_back_with_its_extras_loses_only_the_stale_unit(store: Store, seed_path: Path) -> None:
    project_id, project = _stored(store, seed_path)
    first = replace(project.indicators[0], target=replace(project.indicators[0].target, raw="≥15台"))
    sent = replace(project, indicators=(first, *project.indicators[1:]))  # the API's PUT: extras as read
    assert save_edit(store, SETTINGS, EDITOR, project_id, 1, sent, via="api").status == "saved"
    assert _first_extras(store, project_id) == (("备注", "按季度统计"),)
    stored = store.project_version(project_id)
    assert stored is not None
    given = replace(stored.document.projects[0].indicators[0], extras=(("度量单位", "台"), ("备注", "改")))
    again = replace(stored.document.projects[0], indicators=(given, *stored.document.projects[0].indicators[1:]))
    assert save_edit(store, SETTINGS, EDITOR, project_id, 2, again, via="api").status == "saved"
    assert _first_extras(store, project_id) == (("度量单位", "台"), ("备注", "改"))  # given anew: kept as sent
