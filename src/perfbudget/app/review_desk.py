"""The reviewer's desk: decisions on findings (kept, audited, carried to later versions while the
cell is unchanged), comments on cells, the reviewer's own grade (the official one), batch steps
from the queue, and the data of the 审核意见书 (the reviewer's written opinion).

Every write is one transaction with its audit row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select

from perfbudget.app.errors import NotFound
from perfbudget.app.overview import GRADES, with_display_names
from perfbudget.app.project_view import ProjectView, load_view, with_reviews
from perfbudget.app.roles import Action, Principal
from perfbudget.app.settings import CoreSettings
from perfbudget.app.validate import MAX_INTEGER, echoed
from perfbudget.app.version_diff import changes_from
from perfbudget.app.workflow import SUBMITTED, TICK, Step, StepResult, actor_of, allowed_steps, take_step
from perfbudget.field_labels import BUDGET_LABELS, FUNDS_GRID_LABELS, TARGET_LABEL
from perfbudget.model import Document, Project
from perfbudget.plain_numbers import plain_int
from perfbudget.review.config import ReviewConfig
from perfbudget.review.engine import counted_grading, grading
from perfbudget.review.finding import Finding
from perfbudget.store import Store
from perfbudget.store.desk_tables import cell_comments, finding_decisions, reviewer_grades
from perfbudget.store.queries import load_versions
from perfbudget.store.records import workflow_events
from perfbudget.store.schema import projects, units
from perfbudget.store.transaction import Transaction
from perfbudget.vocabulary import severity_label

DECISIONS = {"dismissed": "驳回（不成立）", "confirmed": "确认"}
MOST_BATCH = 100  # projects of one batch step from the review queue (the queue lists as many)
MAX_DESK_TEXT = 2000  # a decision's reason, a cell comment, a grade's reason (the 审核意见书 prints them)
# Reviewers' cell comments on one version of a project. Without a bound a script through the API could add
# comments without end (attack18 and attack19 left it): 1,000 of 2,000 characters made the desk page 6.1 MB and
# the project's and its unit's 审核意见书 1.8 s each. 300 (≈ six a cell of a fifty-cell table) keep the page ≤ 2 MB.
MOST_CELL_COMMENTS = 300


def desk_text(text: str, label: str) -> str:
    """``text`` stripped, or :class:`DeskRefused` naming ``label`` when it is too long or holds a control character.
    Until 2026-12-05 a longer text was cut at 2,000 characters without a word, and one holding a control character
    (ESC, U+0001 …) was stored: the 审核意见书's Word form of the project and of its unit answered 500 on every face
    for everyone from then on (found by attack18)."""
    from perfbudget.app.validate import text_problem

    text = text.strip()
    problem = text_problem(text, MAX_DESK_TEXT)
    if problem:
        raise DeskRefused(f"{label}{problem}，未保存")
    return text


HEADER_PLACES = {"name": "项目名称", "budget": "预算规模", "purpose": "资金用途", "goals": "绩效目标"}
INDICATOR_FIELDS = {"level3": "三级指标", "description": "绩效指标描述", "target": TARGET_LABEL}


SAVED = "已保存"  # what every face answers a desk decision that was kept


class DeskRefused(Exception):
    """A desk action refused (role, empty reason, unknown grade): the message is for the user.
    ``forbidden``: refused for the user's role (the API answers 403), else for what was asked (422)."""

    def __init__(self, message: str, forbidden: bool = False) -> None:
        super().__init__(message)
        self.forbidden = forbidden


def cell_text(project: Project, finding: Finding) -> str:
    """The content of the cell a finding is about (what must stay unchanged for a decision to carry)."""
    if finding.indicator:
        if finding.indicator > len(project.indicators):
            return ""
        ind = project.indicators[finding.indicator - 1]
        value = {"level1": ind.level1, "level2": ind.level2, "level3": ind.level3,
                 "description": ind.description, "target": ind.target.raw}.get(finding.field or "")
        return "|".join(str(v) for v in ((ind.level1, ind.level2, ind.level3, value)))
    field = (finding.field or "").split(".")[0]
    value = {"name": project.name, "budget": str(project.budget.total), "purpose": project.purpose,
             "goals": "\n".join(project.goals)}.get(field, "")
    return f"{finding.field}|{value}"


def finding_key(project: Project, finding: Finding) -> str:
    text = f"{finding.rule}\x00{finding.field}\x00{cell_text(project, finding)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def place_label(project: Project, place: str) -> str:
    """A comment's place as the user sees it: 第 2 个指标「…」的指标值, 资金用途 …"""
    if place.startswith("indicator:"):
        _, number, field = [*place.split(":"), "", ""][:3]
        n = plain_int(number) or 0
        name = project.indicators[n - 1].level3 if 0 < n <= len(project.indicators) else "?"
        return f"第 {n} 个指标「{name}」的{INDICATOR_FIELDS.get(field, field)}"
    return HEADER_PLACES.get(place, place)


FINDING_FIELDS = {"name": "项目名称", "names": "项目名称", "budget": "预算规模", **BUDGET_LABELS, **FUNDS_GRID_LABELS,
                  "purpose": "资金用途", "goals": "绩效目标", "level1": "一级指标", "level2": "二级指标",
                  **INDICATOR_FIELDS}


def finding_place(project: Project, finding: Finding) -> str:
    """Where a finding sits, as the user sees it: 「绩效目标」, 「第 7 个指标「…」的指标值」 (never a field's
    code name such as ``goals``)."""
    field = FINDING_FIELDS.get(finding.field or "", "")
    if finding.indicator:
        n = finding.indicator
        name = project.indicators[n - 1].level3 if 0 < n <= len(project.indicators) else "?"
        return f"第 {n} 个指标「{name}」" + (f"的{field}" if field else "")
    return field or "整个项目"


def places(project: Project) -> list[tuple[str, str]]:
    out = list(HEADER_PLACES.items())
    for n, _ in enumerate(project.indicators, 1):
        out.extend((f"indicator:{n}:{f}", place_label(project, f"indicator:{n}:{f}")) for f in INDICATOR_FIELDS)
    return out


@dataclass(frozen=True, slots=True)
class DeskFinding:
    finding: Finding
    key: str
    decision: dict[str, Any] | None  # the latest decision on this key (any version), with ``carried``


@dataclass(frozen=True, slots=True)
class SinceReturn:
    """The changes from the version a reviewer returned to the version on the desk (webflow26: the desk said
    nothing of them, the reviewer compared the two versions on the history page by hand)."""

    returned_version: int
    version: int
    changes: tuple[str, ...]  # each as one Chinese sentence (``store.changes.describe``), at most SINCE_RETURN_SHOWN
    more: int = 0  # changes not listed
    returned_by: str | None = None
    returned_at: Any = None
    comment: str | None = None


SINCE_RETURN_SHOWN = 100


@dataclass(frozen=True, slots=True)
class Desk:
    view: ProjectView
    findings: list[DeskFinding]
    comments: list[dict[str, Any]]
    reviewer_grade: dict[str, Any] | None
    remarks: tuple[str, ...] = ()  # the workflow's comments (退回意见 …) as the opinion prints them, oldest first
    # cell comments made on earlier versions (a returned version's, once the unit has saved a new one), each
    # labelled by the cells of its own version and with ``version`` (its number), oldest first
    earlier_comments: tuple[dict[str, Any], ...] = ()
    # what the unit changed since the project's last 退回 (None: never returned, or the version shown is the one
    # returned)
    since_return: SinceReturn | None = None
    # the review settings the desk's gradings are worked out under (:attr:`kept_grading`; None: the defaults)
    settings: CoreSettings | None = None
    _worked: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)  # kept_grading, once asked

    @property
    def kept(self) -> list[DeskFinding]:
        """The findings that stand: not dismissed."""
        return [f for f in self.findings if not f.decision or f.decision["decision"] != "dismissed"]

    @property
    def official_grade(self) -> str | None:
        return self.reviewer_grade["grade"] if self.reviewer_grade else self.view.grade

    @property
    def kept_grading(self) -> KeptGrading | None:
        """The grade and 等级依据 of the project's kept findings when the reviewer dismissed some of its own (None
        otherwise), and its grade of all of them under the same config (:func:`review.engine.grading`): worked out
        when first asked (a desk page or an opinion), not in every :func:`load_desks`. A rule's crash (a finding of
        no project, which no grade counts) is neither; nor is a config changed since the review was stored (the
        kept and all findings graded alike): until the print38 mend either made a grade of the kept findings
        differ from the stored review's."""
        if "kept" not in self._worked:
            self._worked["kept"] = _kept_grading(self)
        found: KeptGrading | None = self._worked["kept"]
        return found

    @property
    def regraded(self) -> bool:
        """Whether the kept findings give another grade than all of them."""
        return self.kept_grading is not None and self.kept_grading.grade != self.kept_grading.all_grade

    @property
    def system_grading(self) -> tuple[str | None, tuple[str, ...]]:
        """The system's grade and 等级依据 as the 审核意见书 and the desk page say them: the kept findings' when the
        reviewer dismissed some (:attr:`kept_grading`; the grade of all of them named beside where it is another),
        else the stored review's. Until the print38 mend the opinion printed 「审核等级：中」 over 「等级依据　优：没有
        错误…」 when every finding was dismissed, and the desk page the basis of all of them."""
        kept = self.kept_grading
        return (self.view.grade, self.view.basis) if kept is None else (kept.grade, kept.basis)


@dataclass(frozen=True, slots=True)
class KeptGrading:
    """A project's grading on the findings a reviewer kept (:attr:`Desk.kept_grading`)."""

    grade: str
    basis: tuple[str, ...]
    errors: int  # the 错误 and 警告 kept, as the grade counts them (print40: the lists' counts too)
    warnings: int
    all_grade: str  # the grade of all its findings under the same config


def _kept_grading(desk: Desk) -> KeptGrading | None:
    """:attr:`Desk.kept_grading` worked out."""
    document = desk.view.version.document
    config, region = (desk.settings.review_config, desk.settings.region) if desk.settings else (None, None)
    kept = grading_kept([(item.finding, item.decision is not None and item.decision["decision"] == "dismissed")
                         for item in desk.findings], document, config, region)
    if kept is None or not desk.view.grade:
        return None
    own = [item.finding for item in desk.findings if item.finding.project is not None]
    return KeptGrading(*kept, grading(own, document, document.projects[0], config, region)[0])


def grading_kept(findings: Sequence[tuple[Finding, bool]], document: Document, config: ReviewConfig | None,
                 region: str | None) -> tuple[str, tuple[str, ...], int, int] | None:
    """The grade, basis and 错误/警告 counts of ``document``'s project on those of its own findings (each given with
    whether a reviewer dismissed it) that stand; None where none of its own is dismissed (the desk's
    :attr:`Desk.kept_grading` and the stored review graded again, ``app/kept_review.py``)."""
    # (a review's findings are its project's and those of no project; a finding's seq is the project's in the document
    # it was reviewed in — its unit's, for a review in context — not always ``project.seq``)
    own = [(finding, dismissed) for finding, dismissed in findings if finding.project is not None]
    kept = [finding for finding, dismissed in own if not dismissed]
    if len(kept) == len(own):
        return None
    return counted_grading(kept, document, document.projects[0], config, region)


def latest_decisions(connection: Connection, project_ids: Iterable[int]) -> dict[int, dict[str, dict[str, Any]]]:
    """Each finding key's latest decision (its ``finding_decisions`` row: the last one made wins), by project, for
    those of ``project_ids`` holding any; a query per 500 projects."""
    out: dict[int, dict[str, dict[str, Any]]] = {}
    ids = sorted(set(project_ids))
    for start in range(0, len(ids), 500):
        for row in connection.execute(select(finding_decisions)
                                      .where(finding_decisions.c.project_id.in_(ids[start:start + 500]))
                                      .order_by(finding_decisions.c.id)):
            out.setdefault(int(row.project_id), {})[row.finding_key] = dict(row._mapping)
    return out


def load_desk(store: Store, principal: Principal, project_id: int, settings: CoreSettings) -> Desk:
    return load_desks(store, principal, [project_id], settings)[0]


def load_desks(store: Store, principal: Principal, project_ids: list[int], settings: CoreSettings) -> list[Desk]:
    """The desks of several projects (a unit's 审核意见书): the versions without a stored review reviewed
    together (``project_view.with_reviews``: one review of the unit, not one per project)."""
    with store.reading() as tx:
        views = with_reviews(tx, [desk_view(tx, principal, pid, settings) for pid in project_ids], settings)
        return [_desk_of(tx, view, settings) for view in views]


def desk_view(tx: Transaction, principal: Principal, project_id: int, settings: CoreSettings) -> ProjectView:
    """The version on the desk, unreviewed when it has no stored review (:func:`with_reviews`): the official one,
    but the latest while it waits for review (a revision sent after an approval: the version a 审核通过 approves).
    Until attack38's second reading the desk showed the approved version while a revision waited, and its 审核通过,
    naming that version, was refused every time."""
    view = load_view(tx, principal, project_id, settings, review=False)
    if view.head.state == SUBMITTED and view.version.meta["version"] != view.head.latest_version:
        return load_view(tx, principal, project_id, settings, latest=True, review=False)
    return view


def _desk_of(tx: Transaction, view: ProjectView, settings: CoreSettings | None = None) -> Desk:
    project_id = view.head.id
    version_id = view.version.meta["version_id"]
    project = view.version.document.projects[0]
    latest = latest_decisions(tx.connection, [project_id]).get(project_id, {})
    items = []
    for finding in view.findings:
        key = finding_key(project, finding)
        decision = latest.get(key)
        if decision is not None:
            decision = {**decision, "carried": decision["version_id"] != version_id}
        items.append(DeskFinding(finding, key, decision))
    every = tx.connection.execute(select(cell_comments).where(cell_comments.c.project_id == project_id)
                                  .order_by(cell_comments.c.id)).all()
    comments = [dict(r._mapping) | {"label": place_label(project, r.place)}
                for r in every if r.version_id == version_id]
    earlier = _earlier_comments(tx.connection, [r for r in every if r.version_id != version_id])
    grade = tx.connection.execute(select(reviewer_grades).where(reviewer_grades.c.version_id == version_id)
                                  .order_by(reviewer_grades.c.id.desc()).limit(1)).first()
    given = dict(grade._mapping) if grade else None
    # each named as people are shown it: the account's display name, else its name (``user_label``); the desk, its
    # JSON and the 审核意见书 named the account (「rev01」 where the admin called it 「李审核」) until replay-l
    returned = _last_return(tx, view)
    with_display_names(tx, [*(item.decision for item in items if item.decision is not None), *comments, *earlier,
                            *([given] if given else []), *([returned] if returned else [])])
    return Desk(view, items, comments, given, _remarks(tx, project_id), earlier, _since_return(tx, view, returned),
                settings)


def _last_return(tx: Transaction, view: ProjectView) -> dict[str, Any] | None:
    """The project's last 退回 when it was made on a version older than the one shown (one query)."""
    last = tx.connection.execute(
        select(workflow_events.c.version_number, workflow_events.c.comment, workflow_events.c.at,
               workflow_events.c.username)
        .where(workflow_events.c.project_id == view.head.id, workflow_events.c.action == "return")
        .order_by(workflow_events.c.id.desc()).limit(1)).first()
    if last is None or last.version_number is None or last.version_number >= view.version.meta["version"]:
        return None
    return dict(last._mapping)


def _since_return(tx: Transaction, view: ProjectView, event: dict[str, Any] | None) -> SinceReturn | None:
    """What changed from the version last returned to the one shown (two queries read the returned version)."""
    if event is None:
        return None
    said = changes_from(tx, view.head.id, event["version_number"], view.version.document)
    if said is None:
        return None
    return SinceReturn(event["version_number"], view.version.meta["version"], tuple(said[:SINCE_RETURN_SHOWN]),
                       max(0, len(said) - SINCE_RETURN_SHOWN), event.get("user_label"), event["at"],
                       event["comment"])


MOST_REMARKS = 50  # 意见 per author in the 审核意见书 (the newest; the project's 流程记录 holds them all)


def _remarks(tx: Transaction, project_id: int) -> tuple[str, ...]:
    """The project's workflow comments as the opinion prints them, oldest first: every decision's (退回意见,
    审核通过意见, 重新打开理由) and each author's newest :data:`MOST_REMARKS` 意见, after a line counting the
    older ones. A unit's editor may comment without bound (each up to 5,000 characters): 2,000 comments made
    the project's and its unit's 审核意见书 30 MB (the Word form 4 s of CPU) until 2026-12-05; then the newest 50
    of all were printed, and 50 of the unit's own 意见 after a 退回 pushed the reviewer's 退回意见 out of the
    opinion (print17)."""
    said = (workflow_events.c.project_id == project_id, workflow_events.c.comment.is_not(None))
    decisions = tx.connection.execute(select(workflow_events).where(
        *said, workflow_events.c.action.in_(set(REMARK_LABELS) - {"comment"}))).all()
    is_comment = (*said, workflow_events.c.action == "comment")
    newest = (select(workflow_events.c.id, func.row_number().over(
        partition_by=func.coalesce(workflow_events.c.user_id, 0), order_by=workflow_events.c.id.desc())
        .label("newest")).where(*is_comment).subquery())
    comments = tx.connection.execute(select(workflow_events).join(newest, newest.c.id == workflow_events.c.id)
                                     .where(newest.c.newest <= MOST_REMARKS)).all()
    events = with_display_names(tx, [dict(row._mapping) for row in sorted((*decisions, *comments),
                                                                          key=lambda r: r.id)])
    lines = tuple(remark_line(event) for event in events)
    if len(comments) < MOST_REMARKS:
        return lines
    older = tx.connection.execute(select(func.count()).select_from(workflow_events)
                                  .where(*is_comment)).scalar_one() - len(comments)
    return ((f"较早的 {older} 条意见从略，见项目「历史版本」页的流程记录",) if older else ()) + lines


def _earlier_comments(connection: Any, rows: list[Any]) -> tuple[dict[str, Any], ...]:
    """Comments on earlier versions, each labelled by its own version's cells (indicator numbers move
    between versions) and carrying that version's number: they stay in the desk and the 审核意见书 after
    the unit saves a new version, so the reviewer can check what was changed."""
    if not rows:
        return ()
    versions = load_versions(connection, sorted({r.version_id for r in rows}))
    out = []
    for r in rows:
        stored = versions.get(r.version_id)
        if stored is None:
            continue
        out.append(dict(r._mapping) | {"label": place_label(stored.document.projects[0], r.place),
                                       "version": stored.meta["version"]})
    return tuple(out)


# The workflow steps whose comment is part of the written opinion (a 送审's comment and justification
# are the unit's own, shown in the project's 流程记录).
REMARK_LABELS = {"return": "退回意见", "approve": "审核通过意见", "comment": "意见", "reopen": "重新打开理由"}


def remark_line(event: dict[str, Any]) -> str:
    """「退回意见（第 2 版，张三）：请补充测算依据」."""
    made_on = f"第 {event['version_number']} 版，" if event.get("version_number") else ""
    who = event.get("user_label") or event.get("username") or ""
    return f"{REMARK_LABELS.get(event['action'], '意见')}（{made_on}{who}）：{event['comment']}"


def _reviewing(store: Store, principal: Principal, project_id: int, settings: CoreSettings) -> ProjectView:
    with store.reading() as tx:
        return _reviewing_in(tx, principal, project_id, settings)


def _reviewing_in(tx: Transaction, principal: Principal, project_id: int, settings: CoreSettings,
                  save_as: str | None = None) -> ProjectView:
    """The version on the desk with its findings (:func:`desk_view`), read in ``tx``; refused unless ``principal``
    reviews its unit. With ``save_as`` a version without a stored review is reviewed and stored (:func:`with_reviews`),
    once."""
    view = desk_view(tx, principal, project_id, settings)
    if not principal.can(Action.REVIEW, view.head.unit_code):
        raise DeskRefused("只有审核人员可以这样做", forbidden=True)
    [view] = with_reviews(tx, [view], settings, save_as=save_as)
    return view


def decide(store: Store, principal: Principal, project_id: int, settings: CoreSettings, key: str,
           decision: str, reason: str, ip: str | None = None) -> None:
    """Dismiss or confirm the finding ``key`` of the version on the desk (:func:`desk_view`; its key, first 8
    or more characters or number on the desk: :func:`key_among`), with a reason (audited). The version's stored
    review is graded again on the findings that stand (:func:`perfbudget.app.kept_review.regrade`), so that the
    lists say the grade the 审核意见书 says. The project is locked before the version and its decisions are read
    (:meth:`Transaction.lock_projects`): two reviewers deciding on one project at once, or a decision and an import,
    run one after the other, each grading on the decisions the other committed (on PostgreSQL they each graded on
    their own, and the review stored last in time could be the older one), and the decision names the version on the
    desk when it is made, not one read before an import. A version without a stored review (imported at the command
    line, not reviewed since) is reviewed on the desk as the desk shows it, and that review is stored, credited to
    the reviewer whose decision stored it (as an import's or an edit's review is credited to who imported or edited),
    then graded on the findings that stand with the decision, so the lists say the desk's grade: until faces47 the
    decision said 「已保存」 and the lists went on saying 未审核, on SQLite and PostgreSQL alike (``regrade`` grades a
    stored review only); until its second reading the unit was reviewed twice for it, under the write lock. On
    PostgreSQL such a version's decision takes :meth:`Transaction.lock_reviewing` first, before the project's lock as
    the serve catch-up takes them (no deadlock against its ``regrade``), so the catch-up does not store a second
    review of the same version meanwhile."""
    from perfbudget.app import kept_review

    actor = actor_of(principal)
    with store.transaction() as tx:
        if tx.unreviewed_latest(project=project_id):  # the catch-up reviews latest versions only
            tx.lock_reviewing()
        tx.lock_projects([project_id])
        view = _reviewing_in(tx, principal, project_id, settings, save_as=actor.username)
        reason = desk_text(reason, "理由")
        if decision not in DECISIONS:
            raise DeskRefused(f"未知的处理方式「{decision[:20]}」：可用 "
                              + "、".join(f"{key}（{label}）" for key, label in DECISIONS.items()))
        if not reason:
            raise DeskRefused("请填写理由")
        project, version_id = view.version.document.projects[0], view.version.meta["version_id"]
        keys = [finding_key(project, f) for f in view.findings]
        key = key_among(keys, key)  # the whole key, its first 8 or more characters, or the finding's number
        found = view.findings[keys.index(key)]
        tx.connection.execute(insert(finding_decisions).values(
            project_id=project_id, version_id=version_id, finding_key=key, rule=found.rule,
            decision=decision, reason=reason, user_id=actor.id, username=actor.username))
        tx.audit(actor, f"finding.{decision}", "project", project_id,
                 f"{DECISIONS[decision]}审核发现「{found.message[:60]}」：{reason[:200]}",
                 after={"rule": found.rule, "indicator": found.indicator, "field": found.field, "reason": reason},
                 unit_code=view.head.unit_code, ip=ip)
        kept_review.regrade(tx, [version_id], settings, actor.username)


def comment(store: Store, principal: Principal, project_id: int, settings: CoreSettings, place: str, text: str,
            ip: str | None = None) -> None:
    """A reviewer's comment on one cell of the version on the desk (:func:`desk_view`; audited)."""
    view = _reviewing(store, principal, project_id, settings)
    text = desk_text(text, "意见")
    project = view.version.document.projects[0]
    if not text:
        raise DeskRefused("请填写意见")
    if place not in dict(places(project)):
        # the page offers its cells in a list (a blank choice: 「请选择单元格」); the CLI and the API name one, and were
        # told that too until replay-t, whatever they named
        raise DeskRefused("请选择单元格" if not place.strip() else
                          f"没有单元格「{place[:64]}」：可写 name、budget、purpose、goals，或 indicator:序号:"
                          f"level3|description|target（序号 1–{len(project.indicators)}）")
    actor = actor_of(principal)
    version_id = view.version.meta["version_id"]
    with store.transaction() as tx:
        # the project's row locked first (PostgreSQL): two comments at once at the bound cannot both be counted under it
        tx.connection.execute(select(projects.c.id).where(projects.c.id == project_id).with_for_update())
        made = tx.connection.execute(select(func.count()).select_from(cell_comments)
                                     .where(cell_comments.c.project_id == project_id,
                                            cell_comments.c.version_id == version_id)).scalar_one()
        if made >= MOST_CELL_COMMENTS:
            raise DeskRefused(f"本版本已有 {MOST_CELL_COMMENTS} 条单元格意见，已达上限，未保存："
                              "请把意见合并写入已有意见或审核意见")
        tx.connection.execute(insert(cell_comments).values(
            project_id=project_id, version_id=version_id, place=place, text=text,
            user_id=actor.id, username=actor.username))
        tx.audit(actor, "review.comment", "project", project_id, f"{place_label(project, place)}：{text[:200]}",
                 unit_code=view.head.unit_code, ip=ip)


def grade(store: Store, principal: Principal, project_id: int, settings: CoreSettings, value: str, reason: str,
          ip: str | None = None) -> None:
    """The reviewer's own grade of the version on the desk (:func:`desk_view`; shown beside the machine's; the
    official one)."""
    view = _reviewing(store, principal, project_id, settings)
    if value not in GRADES:
        raise DeskRefused("等级应为 优、良、中 或 差")
    reason = desk_text(reason, "理由")
    actor = actor_of(principal)
    with store.transaction() as tx:
        tx.connection.execute(insert(reviewer_grades).values(
            project_id=project_id, version_id=view.version.meta["version_id"], grade=value,
            reason=reason or None, user_id=actor.id, username=actor.username))
        summary = f"审核人员评定等级：{value}（系统评定 {view.grade or '无'}）"
        tx.audit(actor, "review.grade", "project", project_id, summary,
                 before={"grade": view.grade}, after={"grade": value, "reason": reason},
                 unit_code=view.head.unit_code, ip=ip)


def batch_step(store: Store, principal: Principal, project_ids: list[int], action: str, comment_text: str,
               ip: str | None = None, seen: Mapping[int, int] | None = None, *,
               version_required: str) -> list[tuple[int, StepResult]]:
    """审核通过 or 退回 several projects of the queue, each as its own step (each may be refused); a project ticked
    twice is one step. The web's queue, the API's ``POST /api/v1/review/batch`` and ``perfbudget desk batch`` all
    come here. At most :data:`MOST_BATCH` projects (the queue shows as many): until 2026-12-05 a form of 8,000 ticks
    (one project's, repeated) took 10 s of CPU and 41 s of the database's write turns, and its refusal named that
    project five times 「等 8000 个」 (found by attack18). An id outside 1 … 2^31 − 1 refuses the batch (the API's
    2^63 was a 500 on SQLite until 2026-12-05, its 0 and -1 each 「没有找到该项目」; attack19). ``seen``: the version
    each project was seen in (the queue's ticks and the API's ``projects`` send it), a 审核通过 refused for a project
    whose latest version is another since (``take_step``'s ``seen_version``; until attack38's second reading the
    batch named no version). ``version_required`` (required): how the face names a project's version
    (``take_step``'s, with ``{project}`` and ``{latest}``): a 审核通过 of a project without its version in ``seen``
    is refused, naming it so (the command line's batch since attack40, the queue's ticks and the API's batch since
    attack41: a bare id approved the latest version, which the reviewer may never have seen)."""
    if not principal.may(Action.REVIEW):
        raise DeskRefused("只有审核人员可以批量审核", forbidden=True)
    if action not in ("approve", "return"):
        raise DeskRefused("批量操作只能是审核通过（approve）或退回（return）")
    if not project_ids:
        raise DeskRefused("请先选择项目")
    project_ids = list(dict.fromkeys(project_ids))  # a project named twice is one step
    beyond = next((pid for pid in project_ids if not 0 < pid <= MAX_INTEGER), None)
    if beyond is not None:  # the API's body is any integer: past 64 bits SQLite's driver raised (a 500, attack19)
        raise DeskRefused(f"项目编号「{str(beyond)[:24]}」无效（应为 1 至 {MAX_INTEGER} 的整数），未处理任何项目")
    if len(project_ids) > MOST_BATCH:
        raise DeskRefused(f"一次最多处理 {MOST_BATCH} 个项目（勾选了 {len(project_ids)} 个），未处理任何项目")
    return [(pid, take_step(store, principal, pid, action, comment_text or None, ip=ip,
                            seen_version=(seen or {}).get(pid),
                            version_required=version_required))
            for pid in project_ids]


NOT_FOUND_BY_NAME = "没有找到该项目（可用 perfbudget list projects --search 文字 查找）"


@dataclass(frozen=True)
class Unresolved:
    """A reference of a batch (a name or number the CLI was given) that names no one project the user may see,
    and why (「没有找到该项目」, or the several projects it names): the batch does the others and names it among
    those it did not do, as the API's batch names a number that is no project."""

    reference: str
    reason: str


def batch_references(store: Store, principal: Principal,
                     references: list[str]) -> tuple[list[int], list[Unresolved], dict[int, int]]:
    """The project ids a batch's ``references`` name (a number, a name, 名称-资金标签), the user's own unit's only
    for a unit-bound account, the references that name no one project, and the version each reference written
    「项目:版本」 names (:func:`seen_reference`; a 审核通过 refused for a project revised since, as the queue's ticks
    and the API's ``projects``). A number that names no project stays a number, refused by its step as the API's
    refuses it (「没有找到该项目」). Until faces-u ``perfbudget desk batch`` refused the whole batch for one unknown
    name while the API's batch did the others."""
    from perfbudget.app.stored_records import find_projects, not_found
    from perfbudget.plain_numbers import is_number, stored_id

    if len(references) > MOST_BATCH:  # each reference is a query: bounded before any is read
        raise DeskRefused(f"一次最多处理 {MOST_BATCH} 个项目（给了 {len(references)} 个），未处理任何项目")
    ids: list[int] = []
    unresolved: list[Unresolved] = []
    named: dict[int, dict[int, str]] = {}  # each project's versions named, each by the reference naming it

    def lookup(text: str) -> tuple[list[Any], int | None]:
        return ([c for c in find_projects(store, text) if principal.sees_unit(c["unit_code"])] if text else [],
                stored_id(text))

    for written in dict.fromkeys(r.strip() for r in references):
        reference, version = seen_reference(written)
        found, number = lookup(reference)
        if version is not None and not found and number is None and (whole := lookup(written))[0]:
            reference, version, (found, number) = written, None, whole  # 「名称:2024」: a name holding a colon
        if version == 0:
            unresolved.append(Unresolved(written, version_refused(written)))
            continue
        pid = int(found[0]["id"]) if len(found) == 1 else None if found else number
        if pid is not None:
            ids.append(pid)
            if version is not None:
                named.setdefault(pid, {}).setdefault(version, written)
        elif not found and is_number(reference):  # 0, or past every id: a number no project has
            unresolved.append(Unresolved(written, not_found(reference)))
        elif not found:
            unresolved.append(Unresolved(written, NOT_FOUND_BY_NAME))
        else:
            shown = "、".join(str(c["id"]) for c in found[:10]) + ("等" if len(found) > 10 else "")
            unresolved.append(Unresolved(written, f"对应 {len(found)} 个项目，请用编号指定（编号 {shown}）"))
    for pid, versions in named.items():  # 「12:1 12:2」: which the reviewer saw cannot be told, neither is done
        if len(versions) > 1:
            ids = [i for i in ids if i != pid]
            unresolved.append(Unresolved(" ".join(versions.values()),
                                         versions_contradict(versions, "请只写 desk show 显示的一个版本")))
    return ids, unresolved, {pid: next(iter(versions)) for pid, versions in named.items() if len(versions) == 1}


def versions_contradict(versions: Iterable[int], advice: str) -> str:
    """Why a project named with two versions, 「12:1 12:2」, is not done: which the reviewer saw cannot be told."""
    return f"同一项目写了不同的版本（{'、'.join(f'第 {v} 版' for v in versions)}），{advice}"


def seen_versions(named: Iterable[tuple[int, int]], advice: str) -> tuple[dict[int, int], str | None]:
    """The version each project was named with (the queue's ticks, the API's ``projects``), and the refusal of the
    batch when a project is named with two (:func:`versions_contradict`, the command line's words): the last of them
    was taken until attack41's second reading, maybe the older."""
    seen: dict[int, dict[int, None]] = {}
    for pid, version in named:
        seen.setdefault(pid, {})[version] = None
    twice = next(((pid, versions) for pid, versions in seen.items() if len(versions) > 1), None)
    refusal = (f"项目 {twice[0]}：{versions_contradict(twice[1], advice)}，未处理任何项目" if twice is not None
               else None)
    return {pid: next(iter(versions)) for pid, versions in seen.items()}, refusal


def version_refused(written: str) -> str:
    """Why the version of a reference or tick 「项目:版本」 is refused (:func:`seen_reference` gave 0)."""
    return (f"版本号「{echoed(written[_colon_at(written) + 1:].strip())}」无效（应为 1 至 {MAX_INTEGER} 的整数，"
            "即审核时显示的「第 N 版」）")


def _colon_at(written: str) -> int:
    """Where the last colon of ``written`` is, ASCII or full-width (-1: none)."""
    return max(written.rfind(":"), written.rfind("："))


def seen_reference(written: str) -> tuple[str, int | None]:
    """A batch reference and the version it names: 「12:3」, 「12：3」, 「项目名称:3」 (the version `desk show` shows,
    as the queue's ticks are 「id:version」) → (「12」, 3); without a colon (「:」 or 「：」) and ASCII digits after
    the last one, the reference whole and None; a version outside 1 … 2^31 − 1 (「12:0」) → 0, refused by the
    caller. The command line's batch and the web queue's ticks are read by it. Until attack39 `perfbudget desk
    batch` sent no version, and approved whatever version the project had reached since the reviewer read it."""
    at = _colon_at(written)
    reference, version = written[:at].strip(), written[at + 1:].strip()
    if at < 0 or not reference or not version.isascii() or not version.isdigit():
        return written, None
    return reference, plain_int(version, 1, MAX_INTEGER) or 0


def batch_names(store: Store, principal: Principal, project_ids: list[int]) -> dict[int, str]:
    """How a batch's message names its projects the user may see (「「项目甲」」), read in one query (a project's head
    each until webflow25: a query per project of the batch); a project the user may not see, or gone, is not among
    them. Projects of the batch that share a name are told apart as they are told apart elsewhere: by their fund
    label (「「2024年检察业务经费项目」（2024市级）」), then their unit (「（2024市级，单位 255101 某局）」), then
    their number; until replay-o two of one name were named alike, and a reviewer could not tell which was refused."""
    if not project_ids:
        return {}
    with store.reading() as tx:
        rows = tx.connection.execute(select(projects.c.id, projects.c.name, projects.c.fund_label,
                                            units.c.code, units.c.name.label("unit_name"))
                                     .join(units, units.c.id == projects.c.unit_id)
                                     .where(projects.c.id.in_(sorted(set(project_ids))))).all()
    seen = [row for row in rows if principal.sees_unit(row.code)]
    return _told_apart(seen)


def _told_apart(rows: list[Any]) -> dict[int, str]:
    """Each row's name in 「」, with as much beside it as tells it from the other rows of that name (see
    :func:`batch_names`)."""
    def unit_of(row: Any) -> str:
        return f"单位 {row.code} {row.unit_name}" if row.code else f"单位 {row.unit_name}"

    def alike(key: Any) -> set[Any]:
        counts: dict[Any, int] = {}
        for row in rows:
            counts[key(row)] = counts.get(key(row), 0) + 1
        return {k for k, n in counts.items() if n > 1}

    same_name = alike(lambda r: r.name)
    same_fund = alike(lambda r: (r.name, r.fund_label or ""))
    same_unit = alike(lambda r: (r.name, r.fund_label or "", r.code or "", r.unit_name))
    shown: dict[int, str] = {}
    for row in rows:
        beside: list[str] = []
        if row.name in same_name and row.fund_label:
            beside.append(row.fund_label)
        if (row.name, row.fund_label or "") in same_fund:
            beside.append(unit_of(row))
        if (row.name, row.fund_label or "", row.code or "", row.unit_name) in same_unit:
            beside.append(f"编号 {row.id}")
        shown[row.id] = f"「{row.name}」" + (f"（{'，'.join(beside)}）" if beside else "")
    return shown


def _named(names: list[str], most: int) -> str:
    """「「项目甲」、「项目乙」」, at most ``most`` of them named, then 「等 N 个」."""
    return "、".join(names[:most]) + (f"等 {len(names)} 个" if len(names) > most else "")


def refused_summary(store: Store, principal: Principal, results: list[tuple[int, StepResult]],
                    most: int = 5, names: dict[int, str] | None = None,
                    unresolved: tuple[Unresolved, ...] | list[Unresolved] = ()) -> str:
    """The refusals of a batch, each reason once with the projects it refused named (「…（项目甲、项目乙等 7
    个）」): the reasons were listed once each, so a reviewer could not tell which ticked project stayed where
    it was (replay-g). A project the user may not see is named by its number only."""
    if names is None:
        names = batch_names(store, principal, [pid for pid, _ in results])
    by_reason: dict[str, list[str]] = {}
    for project_id, result in results:
        if not result.ok:
            by_reason.setdefault(result.message, []).append(names.get(project_id, f"「编号 {project_id}」"))
    for item in unresolved:
        by_reason.setdefault(item.reason, []).append(f"「{echoed(item.reference)[:64]}」")
    return "；".join(f"{reason}（{_named(named, most)}）" for reason, named in by_reason.items())


# What a batch did to a project, by the state it left it in (the queue's two batch steps)
DONE_WORDS = {"approved": "审核通过", "returned": "退回"}


def batch_message(store: Store, principal: Principal, results: list[tuple[int, StepResult]], most: int = 5,
                  unresolved: tuple[Unresolved, ...] | list[Unresolved] = ()) -> str:
    """What a batch did and to which projects, as every face says it: 「已审核通过 2 个项目：「项目甲」第 2 版、
    「项目乙」第 1 版；未处理 1 个：…（「项目丙」）」 (the names read in one query; an approval names the version it
    approved, as a single step's 「已审核通过第 2 版」 does: not until faces47). Until webflow25 it said 「已处理 2 个
    项目」: neither the step nor the projects."""
    from perfbudget.app.workflow import STATE_LABELS

    names = batch_names(store, principal, [pid for pid, _ in results])
    done: dict[str, list[str]] = {}
    for project_id, result in results:
        if result.ok:
            word = DONE_WORDS.get(result.state, f"处理为「{STATE_LABELS.get(result.state, result.state)}」")
            version = f"第 {result.version} 版" if result.state == "approved" and result.version else ""
            done.setdefault(word, []).append(names.get(project_id, f"「编号 {project_id}」") + version)
    parts = [f"已{word} {len(named)} 个项目：{_named(named, most)}" for word, named in done.items()]
    left = sum(1 for _, r in results if not r.ok) + len(unresolved)
    if left:
        parts.append(f"未处理 {left} 个：{refused_summary(store, principal, results, most, names, unresolved)}")
    return "；".join(parts) or "未处理任何项目"


def batch_dict(store: Store, principal: Principal, results: list[tuple[int, StepResult]],
               unresolved: tuple[Unresolved, ...] | list[Unresolved] = ()) -> dict[str, Any]:
    """A batch's answer as data, for the API (``POST /api/v1/review/batch``) and ``perfbudget desk batch --json``:
    the message, how many were done, each project's result (its new state when done), and the references that
    named no one project (``unresolved``: the CLI's names; the API's body holds numbers only, so its list is
    empty)."""
    from perfbudget.app.workflow import STATE_LABELS

    kept = current_states(store, principal, [pid for pid, r in results if not r.ok])
    states = {pid: r.state if r.ok else kept.get(pid) for pid, r in results}
    return {"message": batch_message(store, principal, results, unresolved=unresolved),
            "done": sum(1 for _, r in results if r.ok),
            "results": [{"project_id": pid, "ok": r.ok, "state": states[pid],
                         "state_label": STATE_LABELS[state] if (state := states[pid]) else None, "message": r.message,
                         "version": r.version if r.ok else None}
                        for pid, r in results],
            "unresolved": [{"reference": u.reference, "message": u.reason} for u in unresolved]}


def current_states(store: Store, principal: Principal, project_ids: list[int]) -> dict[int, str]:
    """The workflow state each of ``project_ids`` is in now, for a batch's refused items (the state it stayed in; a
    refused item gave ``state: null`` until faces-v); a project the user may not see, or gone, is not among them."""
    from perfbudget.app.workflow import DRAFT

    if not project_ids:
        return {}
    with store.reading() as tx:
        rows = tx.connection.execute(select(projects.c.id, units.c.code).join(units, units.c.id == projects.c.unit_id)
                                     .where(projects.c.id.in_(sorted(set(project_ids))))).all()
        seen = [row.id for row in rows if principal.sees_unit(row.code)]
        flows = tx.workflow(seen) if seen else {}
    return {pid: flows[pid].state if pid in flows else DRAFT for pid in seen}


def batch_by_references(store: Store, principal: Principal, references: list[str], action: str,
                        comment_text: str) -> dict[str, Any]:
    """``perfbudget desk batch``: the projects ``references`` name, each its own step as the API's batch takes
    them, the ones named by no one project named in the answer (not a refusal of the whole batch); the answer of
    :func:`batch_dict`, whose ``done`` falls short of ``len(references)`` when anything was left."""
    if not principal.may(Action.REVIEW):  # the batch's own refusals first, before any reference is read
        raise DeskRefused("只有审核人员可以批量审核", forbidden=True)
    if action not in ("approve", "return"):
        raise DeskRefused("批量操作只能是审核通过（approve）或退回（return）")
    if not references:
        raise DeskRefused("请先选择项目")
    ids, unresolved, seen = batch_references(store, principal, references)
    # a 审核通过 names the version the reviewer saw, 「项目:版本」: a bare reference approved the latest, whatever the
    # unit had sent since the reviewer read it, until attack40 (the queue's ticks and the API's batch since attack41)
    results = (batch_step(store, principal, ids, action, comment_text, seen=seen, version_required=TICK)
               if ids else [])
    return batch_dict(store, principal, results, unresolved)


def key_among(keys: list[str], given: str) -> str:
    """The one of a desk's finding ``keys`` (in the desk's order) that ``given`` names: the whole key, its first 8
    or more characters when only one key starts so (the CLI shows 12), or the finding's number on the desk (1, 2,
    …). :func:`decide` asks it for every face, so the API takes what ``desk decide`` takes (the CLI alone resolved
    a number or a prefix until replay-t; the API answered 404)."""
    given = given.strip().lower()
    number = plain_int(given, 1, len(keys)) if len(given) < 8 else None
    if number is not None:
        return keys[number - 1]
    if len(given) < 8:
        raise DeskRefused(f"没有第 {given[:20]} 条审核发现（共 {len(keys)} 条）"
                          if given.isdigit() else "审核发现的标识至少写 8 位")
    matches = {key for key in keys if key.startswith(given)}
    if len(matches) > 1:
        raise DeskRefused(f"「{given[:64]}」对应多条审核发现，请多写几位")
    if not matches:
        raise NotFound("该审核发现")
    return matches.pop()


def _who(row: dict[str, Any]) -> dict[str, Any]:
    """Who made a desk record: the account's name, its display name and ``user_label`` (what people are shown)."""
    return {"username": row["username"], "display_name": row.get("display_name"),
            "user_label": row.get("user_label") or row["username"]}


def desk_dict(desk: Desk, principal: Principal) -> dict[str, Any]:
    """A desk as data, for the API (``GET /api/v1/projects/{id}/desk``) and ``perfbudget desk show --json``."""
    from perfbudget.app.times import utc_iso

    head, project = desk.view.head, desk.view.version.document.projects[0]

    def decision(item: DeskFinding) -> dict[str, Any] | None:
        d = item.decision
        if d is None:
            return None
        return {"decision": d["decision"], "label": DECISIONS.get(d["decision"], d["decision"]), "reason": d["reason"],
                **_who(d), "at": utc_iso(d["at"]), "carried": d["carried"]}

    def said(row: dict[str, Any]) -> dict[str, Any]:
        return {"place": row["place"], "label": row["label"], "text": row["text"], **_who(row),
                "at": utc_iso(row["at"]), **({"version": row["version"]} if "version" in row else {})}

    grade = desk.reviewer_grade
    return {
        "project": {"id": head.id, "name": head.name, "fund_label": head.fund_label,
                    "unit": {"code": head.unit_code, "name": head.unit_name},
                    "version": desk.view.version.meta["version"], "state": head.state},
        "grade": desk.view.grade, "basis": list(desk.view.basis),  # 等级依据 of the machine's grade (replay-s)
        "official_grade": desk.official_grade,
        "reviewer_grade": None if grade is None else {"grade": grade["grade"], "reason": grade["reason"],
                                                      **_who(grade), "at": utc_iso(grade["at"])},
        "may_review": principal.can(Action.REVIEW, head.unit_code),
        "conclusions": [step.action for step in conclusion_steps(principal, head)],
        "findings": [{"number": n, "key": item.key, "rule": item.finding.rule, "severity": item.finding.severity,
                      "severity_label": severity_label(item.finding.severity),
                      "dimension": item.finding.dimension, "message": item.finding.message,
                      "suggestion": item.finding.suggestion, "place": finding_place(project, item.finding),
                      "decision": decision(item)} for n, item in enumerate(desk.findings, 1)],
        "comments": [said(c) for c in desk.comments],
        "earlier_comments": [said(c) for c in desk.earlier_comments],
        "places": [{"place": place, "label": label} for place, label in places(project)],
    }


_REVIEWER_GRADE = (select(reviewer_grades.c.grade).where(reviewer_grades.c.version_id == bindparam("version_id"))
                   .order_by(reviewer_grades.c.id.desc()).limit(1))


def conclusion_steps(principal: Principal, head: Any) -> list[Step]:
    """The steps that conclude a review (审核通过, 退回) this user may take on the project now, for the desk
    (before, the desk had none: the reviewer had to go back to the project page to return it)."""
    return [step for step in allowed_steps(principal, head.unit_code, head.state)
            if step.action in ("approve", "return")]


def reviewer_grade_of(tx: Any, version_id: int) -> str | None:
    """The reviewer's latest grade of a version (the official grade), or None."""
    value = tx.connection.execute(_REVIEWER_GRADE, {"version_id": version_id}).scalar()
    return str(value) if value else None


@dataclass(frozen=True, slots=True)
class ReviewerNotes:
    """What the reviewer said that the unit revises by, shown where it edits: the newest 退回意见 and the cell
    comments on the version being edited, each with its place (``indicator:5:target`` …) and its label."""

    returned: str | None
    comments: tuple[dict[str, Any], ...]

    def on_indicator(self, number: int) -> list[dict[str, Any]]:
        """The comments on the ``number``-th indicator's cells (1 = the first)."""
        prefix = f"indicator:{number}:"
        return [c for c in self.comments if c["place"].startswith(prefix)]

    @property
    def on_header(self) -> list[dict[str, Any]]:
        return [c for c in self.comments if not c["place"].startswith("indicator:")]


def reviewer_notes(store: Store, project_id: int, version_id: int, project: Project) -> ReviewerNotes:
    """The reviewer's word on this version for the unit's editor (two queries a page; webflow21: until then the
    edit page showed none of it, the officer read the desk in another tab)."""
    with store.reading() as tx:
        returned = tx.connection.execute(
            select(workflow_events.c.comment).where(workflow_events.c.project_id == project_id,
                                                    workflow_events.c.action == "return")
            .order_by(workflow_events.c.id.desc()).limit(1)).scalar()
        rows = tx.connection.execute(select(cell_comments.c.place, cell_comments.c.text)
                                     .where(cell_comments.c.project_id == project_id,
                                            cell_comments.c.version_id == version_id)
                                     .order_by(cell_comments.c.id)).all()
    comments = tuple({"place": r.place, "text": r.text, "label": place_label(project, r.place),
                      "field": INDICATOR_FIELDS.get(r.place.split(":")[-1], "")} for r in rows)
    return ReviewerNotes(returned, comments)
