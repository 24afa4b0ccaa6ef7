"""Changes to stored projects made through the web app or the API, each audited.

* :func:`import_reviewed` — import a document (upload, API, declaration) through the store's
  importer, then review every version it created and record who made it.
* :func:`save_edit` — a new version of one project with optimistic concurrency: the edit
  names the version it was made on; if the project moved on meanwhile (someone else's
  edit, an import), or another edit on the same version got there first (``edit_claims``
  primary key), it is refused as stale and nothing is written.
* :func:`save_evaluation` — score entered actuals with the evaluation engine and store it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from perfbudget.interchange import project_to_dict
from perfbudget.model import Document, Problem, Project
from perfbudget.review import ReviewConfig, ReviewReport, review_document
from perfbudget.store import importer
from perfbudget.store.api import Store
from perfbudget.store.engine import read_transaction, write_transaction
from perfbudget.store.queries import StoredVersion, project_version
from perfbudget.store.schema import project_versions, projects, utc_now
from perfbudget.web import audit
from perfbudget.web.roles import Principal
from perfbudget.web.tables import edit_claims, version_authors, workflow_states
from perfbudget.web.validate import document_problems
from perfbudget.web.workflow import DRAFT, EDITABLE, state_label


def review_project(document: Document, config: ReviewConfig | None) -> ReviewReport:
    return review_document(document, config)


def record_review(store: Store, version: StoredVersion, config: ReviewConfig | None,
                  actor: str | None) -> ReviewReport:
    """Review one stored version and keep the result in the store's ``reviews`` table."""
    report = review_project(version.document, config)
    project = version.document.projects[0]
    grade = report.projects[0] if report.projects else None
    store.record_review(version.meta["version_id"], report.to_dict(), year=project.fund_year,
                        grade=grade.grade if grade else None, errors=grade.errors if grade else 0,
                        warnings=grade.warnings if grade else 0, actor=actor)
    return report


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What importing through the web did: the store's outcome and the versions it created."""

    outcome: importer.ImportOutcome
    version_ids: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        return self.outcome.status != importer.FAILED


def _new_versions(store: Store, document_id: int | None) -> list[StoredVersion]:
    if document_id is None:
        return []
    from perfbudget.store.queries import load_versions

    with read_transaction(store.engine) as connection:
        ids = list(connection.execute(select(project_versions.c.id)
                                      .where(project_versions.c.document_id == document_id)
                                      .order_by(project_versions.c.id)).scalars())
        loaded = load_versions(connection, ids)
    return [loaded[i] for i in ids]


def import_reviewed(store: Store, principal: Principal, document: Document, file: str, *, via: str,
                    config: ReviewConfig | None, sha256: str | None = None, form: str | None = None,
                    notes: tuple[Problem, ...] = (), ip: str | None = None) -> ImportResult:
    """Import a document, review and attribute each new version, audit the import."""
    invalid = document_problems(document, file)  # web/validate.py: nothing stored that a page cannot show
    if invalid:
        return ImportResult(importer.ImportOutcome(file, importer.FAILED, problems=tuple(invalid[:20])))
    outcome = store.import_document(document, file, sha256=sha256, form=form, notes=notes)
    if outcome.status != importer.IMPORTED:
        return ImportResult(outcome)
    created = _new_versions(store, outcome.document_id)
    with write_transaction(store.engine) as connection:
        now = utc_now()
        if created:
            connection.execute(insert(version_authors), [
                {"version_id": v.meta["version_id"], "user_id": principal.id, "username": principal.username,
                 "via": via, "at": now} for v in created])
        audit.record(connection, principal, "project.declare" if via == "declare" else "document.import",
                     "document", outcome.document_id,
                     f"{'申报项目' if via == 'declare' else '导入'}「{file}」：新项目 {outcome.new_projects} 个，"
                     f"更新 {outcome.changed_projects} 个，未变 {outcome.unchanged_projects} 个",
                     after={"file": file, "via": via, "document_id": outcome.document_id,
                            "versions": [{"project_id": v.meta["project_id"], "version": v.meta["version"]}
                                         for v in created]},
                     unit_code=document.unit.code, ip=ip)
    for version in created:
        record_review(store, version, config, principal.username)
    return ImportResult(outcome, tuple(v.meta["version_id"] for v in created))


@dataclass(frozen=True, slots=True)
class EditResult:
    """What saving an edit did: ``status`` is saved / unchanged / stale / locked / failed."""

    status: str
    message: str
    version: int | None = None
    problems: tuple[Problem, ...] = ()


def save_edit(store: Store, principal: Principal, project_id: int, base_version: int, project: Project,
              *, via: str, config: ReviewConfig | None, ip: str | None = None) -> EditResult:
    """Store ``project`` as the next version of ``project_id`` if nobody changed it since ``base_version``."""
    engine = store.engine
    with read_transaction(engine) as connection:
        stored = project_version(connection, project_id)
    if stored is None:
        return EditResult("failed", "没有找到该项目")
    old = stored.document.projects[0]
    # Identity fields (name, fund label, fund year) stay: changing them would make another project.
    project = replace(project, seq=old.seq, title=old.title, name=old.name, fund_label=old.fund_label,
                      fund_year=old.fund_year, fund_source=old.fund_source, name_cell=old.name_cell,
                      extras=old.extras)
    invalid = document_problems(replace(stored.document, projects=(project,)), via)
    if invalid:
        return EditResult("failed", "保存失败：" + "；".join(p.message for p in invalid[:5]), problems=tuple(invalid))
    try:
        with write_transaction(engine) as connection:
            latest, state = connection.execute(
                select(projects.c.latest_version, workflow_states.c.state)
                .outerjoin(workflow_states, workflow_states.c.project_id == projects.c.id)
                .where(projects.c.id == project_id)).one()
            if latest != base_version:
                return _stale(base_version, latest)
            if (state or DRAFT) not in EDITABLE:
                return EditResult("locked", f"项目当前为「{state_label(state)}」，不能修改（需先退回或重新打开）")
            connection.execute(insert(edit_claims).values(project_id=project_id, base_version=base_version,
                                                          user_id=principal.id, at=utc_now()))
    except IntegrityError:
        return _stale(base_version, None)
    document = replace(stored.document, projects=(project,))
    outcome = store.import_document(document, f"网页修改（{principal.username}）")
    if outcome.status != importer.IMPORTED:
        with write_transaction(engine) as connection:
            connection.execute(delete(edit_claims).where(edit_claims.c.project_id == project_id,
                                                         edit_claims.c.base_version == base_version))
        if outcome.status == importer.UNCHANGED:
            return EditResult("unchanged", "内容没有变化，未生成新版本", base_version)
        return EditResult("failed", "保存失败：" + "；".join(p.message for p in outcome.problems),
                          problems=outcome.problems)
    created = _new_versions(store, outcome.document_id)
    with write_transaction(engine) as connection:
        if created:
            connection.execute(insert(version_authors), [
                {"version_id": v.meta["version_id"], "user_id": principal.id, "username": principal.username,
                 "via": via, "at": utc_now()} for v in created])
        new_number = created[0].meta["version"] if created else None
        audit.record(connection, principal, "project.edit", "project", project_id,
                     f"修改项目「{old.name}」：第 {base_version} 版 → 第 {new_number} 版",
                     before=project_to_dict(old), after=project_to_dict(project),
                     unit_code=stored.document.unit.code, ip=ip)
    for version in created:
        record_review(store, version, config, principal.username)
    return EditResult("saved", f"已保存为第 {new_number} 版", new_number)


def _stale(base: int, latest: int | None) -> EditResult:
    now = f"现在已是第 {latest} 版" if latest else "已被他人先行修改"
    return EditResult("stale", f"保存被拒绝：您修改的是第 {base} 版，但该项目{now}。为免覆盖他人的修改，"
                               "请重新打开编辑页面，在最新版本上再次修改。", latest)


def save_evaluation(store: Store, principal: Principal, version: StoredVersion, payload: dict[str, Any],
                    *, total: str, grade: str, ip: str | None = None) -> int:
    """Keep a self-evaluation of a stored version and audit it."""
    project = version.document.projects[0]
    evaluation_id = store.record_evaluation(version.meta["version_id"], project.fund_year or 0, "self-evaluation",
                                            payload, total=total, grade=grade, actor=principal.username)
    with write_transaction(store.engine) as connection:
        audit.record(connection, principal, "evaluation.save", "project", version.meta["project_id"],
                     f"项目「{project.name}」自评：{total} 分，{grade}",
                     after={"evaluation_id": evaluation_id, "version": version.meta["version"], "total": total,
                            "grade": grade}, unit_code=version.document.unit.code, ip=ip)
    return evaluation_id


def review_unreviewed(store: Store, config: ReviewConfig | None, batch: int = 200) -> int:
    """Review and record every latest version that has no stored review (e.g. imported by the CLI).

    ``perfbudget serve`` calls it before starting, so that the dashboard's grades and findings
    cover every project; returns how many versions were reviewed."""
    from perfbudget.store.queries import load_versions
    from perfbudget.store.schema import reviews

    with read_transaction(store.engine) as connection:
        missing = list(connection.execute(
            select(project_versions.c.id)
            .join(projects, (projects.c.id == project_versions.c.project_id)
                  & (projects.c.latest_version == project_versions.c.number))
            .where(~select(reviews.c.id).where(reviews.c.version_id == project_versions.c.id).exists())
            .order_by(project_versions.c.id)).scalars())
    for start in range(0, len(missing), batch):
        with read_transaction(store.engine) as connection:
            loaded = load_versions(connection, missing[start:start + batch])
        for version in loaded.values():
            record_review(store, version, config, "perfbudget serve")
    return len(missing)
