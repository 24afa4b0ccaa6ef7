"""The review workflow of a project: 草稿 → 送审 → 退回 (with a comment) → 送审 … → 审核通过.

A project without a workflow row is a draft. Units edit only drafts and returned projects;
submitted and approved targets are frozen (rules.md §1: approved targets change only
through budget adjustment — an admin may reopen an approved project, recorded like every
other step). An import that changes a submitted or approved project makes a *revision*
(see :mod:`perfbudget.app.imports`): the state goes back to draft for the new version while
``approved_version`` keeps the official one until the revision is approved.

Rules of the domain, enforced here for every face: 送审 is refused while the latest version's
review has error-level findings, unless the submitter writes a justification (kept in the
history with the step). Every step writes a ``workflow_events`` row and an audit entry in the
same transaction as the state change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from perfbudget.app.audit_log import SUMMARY_COMMENT, project_in_summary, shortened
from perfbudget.app.roles import Action, Principal, Role
from perfbudget.app.validate import text_problem
from perfbudget.store import Store
from perfbudget.store.transaction import Actor

DRAFT, SUBMITTED, RETURNED, APPROVED = "draft", "submitted", "returned", "approved"
STATES = (DRAFT, SUBMITTED, RETURNED, APPROVED)
STATE_LABELS = {DRAFT: "草稿", SUBMITTED: "已送审", RETURNED: "已退回", APPROVED: "审核通过"}
EDITABLE = (DRAFT, RETURNED)
FROZEN = (SUBMITTED, APPROVED)
ACTION_LABELS = {"revise": "修订（导入）"}
MAX_COMMENT = 5000

__all__ = ["APPROVED", "DRAFT", "EDITABLE", "FROZEN", "RETURNED", "STATES", "STATE_LABELS", "STEPS", "SUBMITTED",
           "Actor", "Step", "StepResult", "actor_of", "allowed_steps", "approved_versions", "may_comment",
           "role_allows", "state_label", "take_step"]


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


def actor_of(principal: Principal) -> Actor:
    return Actor(principal.id, principal.username, principal.face)


def may_comment(principal: Principal, unit_code: str | None) -> bool:
    return principal.can(Action.REVIEW, unit_code) or principal.can(Action.EDIT, unit_code)


def role_allows(principal: Principal, step: Step, unit_code: str | None) -> bool:
    """Whether this user's role and unit let them take ``step`` on a project of ``unit_code`` in some state."""
    if step.action == "comment":
        return may_comment(principal, unit_code)
    if step.admin_only:
        return principal.role is Role.ADMIN
    return principal.can(step.needs, unit_code)


def allowed_steps(principal: Principal, unit_code: str | None, state: str) -> list[Step]:
    """The steps this user may take now (buttons on the project page)."""
    return [step for step in STEPS.values() if state in step.sources and role_allows(principal, step, unit_code)]


@dataclass(frozen=True, slots=True)
class StepResult:
    """What a workflow step did. ``needs_justification``: refused because error-level findings
    stand and no justification was written (the face asks for one). ``invalid``: refused because of
    the request itself (an unknown action, a comment missing, too long or with control characters),
    not because of the project's state (the API answers 422, not 409)."""

    ok: bool
    message: str
    state: str
    at: datetime | None = None
    forbidden: bool = False
    needs_justification: bool = False
    invalid: bool = False
    project: str | None = None  # the project as people read it, 「项目「名称」（资金）」 (a step taken)
    stale: bool = False  # a 审核通过 of a version that is no longer the latest (``seen_version``; the API's 409)
    unversioned: bool = False  # a 审核通过 naming no version where the face requires one (``version_required``; 422)
    version: int | None = None  # the version the step was taken on (a step taken): the one a 审核通过 approved


def _role_refusal(principal: Principal, step: Step, head: dict[str, Any] | None) -> StepResult | None:
    if head is None:
        return StepResult(False, "没有找到该项目", DRAFT)
    if not role_allows(principal, step, head["unit_code"]):
        return StepResult(False, f"您的角色（{principal.role_label}）不能「{step.label}」", DRAFT, forbidden=True)
    return None


# How each face names the version a 审核通过 is of (``take_step``'s ``version_required``), in one place: the
# spelled-out forms, with ``{project}`` and ``{latest}``, for the faces where the user writes the version; a page's
# form and the queue send the version shown, so their user is told to refresh the page (attack41's second reading:
# 如「version=1」 was advice no web user could follow)
API_VERSION = '"version": {latest}'  # POST /api/v1/projects/{id}/workflow
API_ITEM = '"projects": [{{"project_id": {project}, "version": {latest}}}]'  # POST /api/v1/review/batch
CLI_VERSION = "--version {latest}"  # perfbudget workflow P approve
TICK = "{project}:{latest}"  # perfbudget desk batch's references
WEB_PAGE = "（刷新页面）"  # the project page's form and the queue's ticks: no spelling, the page sends it


def _unversioned_advice(version_required: str, project_id: int, latest: int) -> str:
    if version_required == WEB_PAGE:
        return "请刷新页面后再审核通过"
    return f"请查看后写明版本，如「{version_required.format(project=project_id, latest=latest)}」"


def take_step(store: Store, principal: Principal, project_id: int, action: str, comment: str | None,
              justification: str | None = None, ip: str | None = None,
              review_errors: int | Callable[[], int] | None = None, seen_version: int | None = None, *,
              version_required: str) -> StepResult:
    """Take a workflow step if the role, the current state and the rules allow it.

    The role is checked first, before anything about the project or the texts is said: a viewer's
    送审 was told of the latest version's review errors before the refusal until 2026-12-04 (found by
    attack11, fixed by attack12). ``review_errors`` is the number of error-level findings of the latest
    version, or a function counting them (the caller reviews with
    :func:`perfbudget.app.reviews.current_errors`; called only for a 送审 the role allows); a 送审 with
    errors needs a ``justification``. The face that took the step (cli, web, api) is the principal's
    (:attr:`~perfbudget.app.roles.Principal.face`), kept in the audit entry's ``after`` as every entry keeps it
    (no workflow entry said it until faces-v; each face passed it again beside its principal's until replay-x).
    ``seen_version``: the version the reviewer looked at (the desk's and the project page's forms send it, the API
    may): a 审核通过 is refused when the project's latest version is another, read under the project's lock. Until
    attack38 a unit could import a revision and 送审 it again while the reviewer read the desk, whose 审核通过 then
    approved the version nobody reviewed. ``version_required`` (required, so that no face forgets it; "" only where the
    caller approves the latest knowingly, as the tests' setups): given, a 审核通过 without ``seen_version`` is refused,
    naming the latest version as the face writes it, the text with ``{project}`` and ``{latest}`` filled in
    (``perfbudget desk batch``'s bare reference, 「{project}:{latest}」, and ``perfbudget workflow P approve``
    without ``--version``, 「--version {latest}」, each approving the latest until attack40 and its second reading;
    every face passes one since attack41: the web's form, its queue's bare tick and the API's step and batch without
    a version approved whatever was latest, so that a client that showed version 1 approved a version 2 sent since).
    """
    step = STEPS.get(action)
    comment = (comment or "").strip() or None
    justification = (justification or "").strip() or None
    if step is None:
        return StepResult(False, f"未知的操作「{action[:40]}」；可用：{'、'.join(STEPS)}", DRAFT, invalid=True)
    with store.reading() as tx:
        refused = _role_refusal(principal, step, tx.project_head(project_id))
    if refused is not None:
        return refused
    for label, text in (("意见", comment), ("说明", justification)):
        problem = text_problem(text, MAX_COMMENT) if text else None  # app/validate.py
        if problem:
            return StepResult(False, f"{label}{problem}", DRAFT, invalid=True)
    if step.comment_required and not comment:
        return StepResult(False, f"「{step.label}」需要填写意见", DRAFT, invalid=True)
    if step.action == "submit" and callable(review_errors):
        review_errors = review_errors()
    if step.action == "submit" and review_errors and not justification:
        return StepResult(False, f"最新版本的审核意见中有 {review_errors} 条「错误」，不能送审；"
                                 "请先修改，或填写送审说明（理由会记入流程记录）", DRAFT, needs_justification=True)
    actor = actor_of(principal)
    try:
        with store.transaction() as tx:
            tx.lock_projects([project_id])  # no import or edit between reading the state and writing it
            head = tx.project_head(project_id)
            if head is None:
                return StepResult(False, "没有找到该项目", DRAFT)
            unit_code, latest = head["unit_code"], head["latest_version"]
            flow = tx.workflow([project_id]).get(project_id)
            state = flow.state if flow else DRAFT
            if step not in allowed_steps(principal, unit_code, state):
                if state not in step.sources:
                    return StepResult(False, f"项目当前为「{state_label(state)}」，不能「{step.label}」", state)
                return StepResult(False, f"您的角色（{principal.role_label}）不能「{step.label}」", state,
                                  forbidden=True)
            if step.action == "approve" and seen_version is None and version_required:
                return StepResult(False, f"未写明您审核的版本（该项目最新为第 {latest} 版）："
                                         f"{_unversioned_advice(version_required, project_id, latest)}", state,
                                  invalid=True, unversioned=True)
            if step.action == "approve" and seen_version is not None and seen_version != latest:
                # the cause not guessed (a revision sent again, or an approved version shown while one waited)
                said = (f"您审核的是第 {seen_version} 版，但该项目已有更新的第 {latest} 版" if seen_version < latest
                        else f"该项目没有第 {seen_version} 版，最新版本是第 {latest} 版")
                return StepResult(False, f"{said}：请查看最新版本后再审核通过", state, stale=True)
            target = step.target or state
            approved = flow.approved_version if flow else None
            if step.target is not None:
                if target == APPROVED:
                    approved = latest
                tx.set_workflow(project_id, target, latest, approved, actor)
            now = tx.add_event(project_id, latest, action, state, target, actor, comment,
                               justification if step.action == "submit" else None)
            after: dict[str, Any] = {"state": target, "comment": comment, "version": latest}
            if justification and step.action == "submit":
                after["justification"] = justification
            if seen_version is not None:  # the version read: a 退回's may be older than the latest (only the latest
                after["seen_version"] = seen_version  # was recorded until attack41's second reading)
            # the comment whole is in ``after`` and in the step; the summary names its start (leftovers18)
            said = f"（{shortened(comment, SUMMARY_COMMENT)}）" if comment else ""
            # the project by its name, as an edit's entry names it (「项目 10：送审」 until replay-o)
            tx.audit(actor, f"workflow.{action}", "project", project_id,
                     f"{project_in_summary(head['name'], head['fund_label'])}：{step_words(step, latest)}{said}",
                     before={"state": state}, after=after, unit_code=unit_code, ip=ip)
    except IntegrityError:
        return StepResult(False, "他人同时修改了该项目的状态，请刷新后重试", DRAFT)
    return StepResult(True, done_message(step, latest), target, now,
                      project=project_in_summary(head["name"], head["fund_label"]), version=latest)


def step_dict(result: StepResult) -> dict[str, Any]:
    """A step taken as data, the API's answer (``POST /api/v1/projects/{id}/workflow``) and ``perfbudget workflow
    --json``: its new state, the message and the version it was taken on."""
    return {"state": result.state, "state_label": STATE_LABELS[result.state], "message": result.message,
            "version": result.version}


def done_message(step: Step, version: int) -> str:
    """What every face says of a step taken: a 审核通过 names the version it approved (「已审核通过第 2 版」; until
    faces47 「已审核通过」 on the command line, the project page and the API alike, the version in the request and the
    history only), another step its label (「已送审」), a comment 「已添加意见」."""
    return f"已{step_words(step, version)}" if step.target else "已添加意见"


def step_words(step: Step, version: int) -> str:
    """A step as :func:`done_message` and the audit log's summary name it: 「审核通过第 2 版」 (the audit log said
    「审核通过」 until faces47's second reading), else its label."""
    return f"{step.label}第 {version} 版" if step.action == "approve" else step.label


def approved_versions(store: Store, project_ids: list[int]) -> dict[int, int | None]:
    """Approved projects among ``project_ids``: project id → the version number that was approved
    (the official one while a revision waits; None when the approval recorded none: then the
    latest version stands). Read-only; ``perfbudget publish`` publishes only these."""
    if not project_ids:
        return {}
    with store.reading() as tx:
        flows = tx.workflow(project_ids)
    out: dict[int, int | None] = {}
    for project_id, flow in flows.items():
        if flow.approved_version is not None:
            out[project_id] = flow.approved_version
        elif flow.state == APPROVED:
            out[project_id] = flow.version_number
    return out
