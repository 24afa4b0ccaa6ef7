"""An admin deletes a wrongly imported project — for every face (``perfbudget project delete``, the API's
``DELETE /api/v1/projects/{id}``, the project page's 删除项目 form).

Until replay-r nothing removed a project: a table imported under the wrong unit, year or name (or a file imported by
mistake) stayed in the lists, the dashboard and the library for good, and blocked a unit merge where both units held
it. Only a project that is not part of the record can go:

* **refused while submitted** (已送审): the reviewer has it; it is returned first (退回), then deleted;
* **refused when approved** (审核通过), also when a revision of it waits (an approved version is the official one,
  shown, exported, evaluated and published): an approved table is a record, corrected by a revision, never deleted;
* draft and returned projects (草稿、已退回) are deleted with all that is theirs (:mod:`perfbudget.store.project_rows`:
  versions, reviews, the desk's records, self-evaluations, the workflow's history, the library's entries); a file
  that held only it goes too; a file holding other projects keeps them and can be imported again (the project comes
  back then: its fingerprint is forgotten).

Audited (``project.delete``, with what the project was: unit, name, fund label and year, versions, state) in the
same transaction. Admins only; ``principal`` None is the command line acting as ``username``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from perfbudget.app.acting import AdminRefused, admin_actor
from perfbudget.app.audit_log import project_in_summary
from perfbudget.app.roles import Principal
from perfbudget.app.workflow import APPROVED, DRAFT, SUBMITTED, state_label
from perfbudget.store.transaction import Actor

if TYPE_CHECKING:
    from perfbudget.store import Store


class DeleteRefused(AdminRefused):
    """Why a project was not deleted (Chinese, for the user): ``forbidden`` a role that may not, ``missing`` no such
    project."""


@dataclass(frozen=True, slots=True)
class DeleteOutcome:
    """The project deleted, and what to say."""

    project_id: int
    versions: int
    message: str


def _actor(principal: Principal | None, username: str | None) -> Actor:
    return admin_actor(principal, username, "删除项目", DeleteRefused)


def may_delete(state: str | None, approved_version: int | None) -> bool:
    """Whether a project in this workflow state, with this approved version, may be deleted (the page's form)."""
    return (state or DRAFT) not in (SUBMITTED, APPROVED) and approved_version is None


def delete_project(store: Store, principal: Principal | None, project_id: int, *, username: str | None = None,
                   ip: str | None = None) -> DeleteOutcome:
    """Delete project ``project_id`` (see the module docstring); :class:`DeleteRefused` says why not."""
    from perfbudget.library.build import forget_projects
    from perfbudget.store.project_rows import delete_project_rows

    actor = _actor(principal, username)
    with store.transaction() as tx:
        tx.lock_projects([project_id])  # no import, edit or workflow step of it meanwhile
        head = tx.project_head(project_id)
        if head is None:
            raise DeleteRefused(f"没有找到编号为 {project_id} 的项目（perfbudget list projects 列出项目编号）",
                                missing=True)
        named = project_in_summary(head["name"], head["fund_label"])
        flow = tx.workflow([project_id]).get(project_id)
        state = flow.state if flow else DRAFT
        approved = flow.approved_version if flow else None
        if state == SUBMITTED:
            raise DeleteRefused(f"{named}已送审，不能删除：请审核人员先退回（perfbudget workflow {project_id} return "
                                "--comment 原因，或项目页的「退回」），再删除")
        if state == APPROVED or approved is not None:
            raise DeleteRefused(f"{named}有审核通过的第 {approved or head['latest_version']} 版（正式版本），"
                                "不能删除：审核通过的表是正式记录；内容有误时请导入或修改为修订稿，重新送审")
        forget_projects(tx.connection, [project_id])  # the library's entries name its indicators
        gone = delete_project_rows(tx.connection, project_id)
        unit = f"{head['unit_code'] or ''} {head['unit_name'] or ''}".strip()
        tx.audit(actor, "project.delete", "project", project_id,
                 f"删除{named}（{unit}，共 {gone.versions} 个版本）",
                 before={"unit": {"code": head["unit_code"], "name": head["unit_name"]}, "name": head["name"],
                         "fund_label": head["fund_label"], "fund_year": head["fund_year"],
                         "versions": gone.versions, "state": state},
                 after={"reviews": gone.reviews, "evaluations": gone.evaluations,
                        "documents_deleted": gone.documents_deleted, "documents_kept": gone.documents_kept,
                        "unit_deleted": gone.unit_deleted}, unit_code=head["unit_code"], ip=ip)
    files = f"；只含它的文件记录 {gone.documents_deleted} 个一并删除" if gone.documents_deleted else ""
    if gone.documents_kept:
        files += f"；另有 {gone.documents_kept} 个文件还含其他项目，保留（再导入该文件会重新读取）"
    emptied = f"；单位「{unit}」已没有项目，一并删除" if gone.unit_deleted else ""
    return DeleteOutcome(project_id, gone.versions,
                         f"已删除{named}（{unit}，{state_label(state)}，共 {gone.versions} 个版本）{files}{emptied}")
