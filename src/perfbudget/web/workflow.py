"""The review workflow of a project: 草稿 → 送审 → 退回 (with a comment) → 送审 … → 审核通过.

A project without a workflow row is a draft. Units edit only drafts and returned projects;
submitted and approved targets are frozen (rules.md §1: approved targets change only
through budget adjustment — an admin may reopen an approved project, recorded like every
other step). Every step writes a ``workflow_events`` row and an audit entry in the same
transaction as the state change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from perfbudget.store.engine import write_transaction
from perfbudget.store.schema import utc_now
from perfbudget.web import audit
from perfbudget.web.roles import Action, Principal, Role
from perfbudget.web.tables import workflow_events, workflow_states
from perfbudget.web.validate import text_problem

DRAFT, SUBMITTED, RETURNED, APPROVED = "draft", "submitted", "returned", "approved"
STATES = (DRAFT, SUBMITTED, RETURNED, APPROVED)
STATE_LABELS = {DRAFT: "草稿", SUBMITTED: "已送审", RETURNED: "已退回", APPROVED: "审核通过"}
EDITABLE = (DRAFT, RETURNED)


@dataclass(frozen=True, slots=True)
class Step:
    """A workflow action: who may take it, from which states, to which state."""

    action: str
    label: str
    needs: Action
    sources: tuple[str, ...]
    target: str | None
    comment_required: bool = False
    admin_only: bool = False


STEPS = {
    "submit": Step("submit", "送审", Action.EDIT, (DRAFT, RETURNED), SUBMITTED),
    "approve": Step("approve", "审核通过", Action.REVIEW, (SUBMITTED,), APPROVED),
    "return": Step("return", "退回", Action.REVIEW, (SUBMITTED,), RETURNED, comment_required=True),
    "reopen": Step("reopen", "重新打开（预算调整）", Action.ADMIN, (APPROVED,), DRAFT, comment_required=True,
                   admin_only=True),
    "comment": Step("comment", "意见", Action.READ, STATES, None, comment_required=True),
}


def state_label(state: str | None) -> str:
    return STATE_LABELS.get(state or DRAFT, state or "草稿")


def current_state(connection: Connection, project_id: int) -> str:
    state = connection.execute(select(workflow_states.c.state)
                               .where(workflow_states.c.project_id == project_id)).scalar()
    return str(state) if state else DRAFT


def may_comment(principal: Principal, unit_code: str | None) -> bool:
    return principal.can(Action.REVIEW, unit_code) or principal.can(Action.EDIT, unit_code)


def allowed_steps(principal: Principal, unit_code: str | None, state: str) -> list[Step]:
    """The steps this user may take now (buttons on the project page)."""
    out = []
    for step in STEPS.values():
        if state not in step.sources:
            continue
        if step.action == "comment":
            if may_comment(principal, unit_code):
                out.append(step)
        elif step.admin_only:
            if principal.role is Role.ADMIN:
                out.append(step)
        elif principal.can(step.needs, unit_code):
            out.append(step)
    return out


def events(connection: Connection, project_id: int) -> list[dict[str, Any]]:
    query = (select(workflow_events).where(workflow_events.c.project_id == project_id)
             .order_by(workflow_events.c.id))
    return [dict(row._mapping) for row in connection.execute(query)]


@dataclass(frozen=True, slots=True)
class StepResult:
    ok: bool
    message: str
    state: str
    at: datetime | None = None


MAX_COMMENT = 5000


def take_step(engine: Engine, principal: Principal, project_id: int, unit_code: str | None,
              version_number: int | None, action: str, comment: str | None, ip: str | None = None) -> StepResult:
    """Take a workflow step if the role and the current state allow it."""
    step = STEPS.get(action)
    comment = (comment or "").strip() or None
    if step is None:
        return StepResult(False, f"未知的操作「{action[:40]}」", DRAFT)
    problem = text_problem(comment, MAX_COMMENT) if comment else None  # web/validate.py
    if problem:
        return StepResult(False, f"意见{problem}", DRAFT)
    if step.comment_required and not comment:
        return StepResult(False, f"「{step.label}」需要填写意见", DRAFT)
    try:
        with write_transaction(engine) as connection:
            state = current_state(connection, project_id)
            if step not in allowed_steps(principal, unit_code, state):
                if state not in step.sources:
                    return StepResult(False, f"项目当前为「{state_label(state)}」，不能「{step.label}」", state)
                return StepResult(False, f"您的角色（{principal.role_label}）不能「{step.label}」", state)
            target = step.target or state
            now = utc_now()
            if step.target is not None:
                exists = connection.execute(select(workflow_states.c.project_id)
                                            .where(workflow_states.c.project_id == project_id)).first()
                values = {"state": target, "version_number": version_number, "updated_at": now,
                          "user_id": principal.id}
                if exists:
                    connection.execute(update(workflow_states).where(workflow_states.c.project_id == project_id)
                                       .values(**values))
                else:
                    connection.execute(insert(workflow_states).values(project_id=project_id, **values))
            connection.execute(insert(workflow_events).values(
                project_id=project_id, version_number=version_number, action=action, from_state=state,
                to_state=target, comment=comment, user_id=principal.id, username=principal.username, at=now))
            audit.record(connection, principal, f"workflow.{action}", "project", project_id,
                         f"项目 {project_id}：{step.label}" + (f"（{comment}）" if comment else ""),
                         before={"state": state}, after={"state": target, "comment": comment,
                                                         "version": version_number},
                         unit_code=unit_code, ip=ip)
    except IntegrityError:
        return StepResult(False, "他人同时修改了该项目的状态，请刷新后重试", DRAFT)
    return StepResult(True, f"已{step.label}" if step.target else "已添加意见", target, now)
