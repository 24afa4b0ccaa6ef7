"""Importing documents, the same way from every face (CLI file or directory, web upload, API JSON).

For each table of the document the layer decides, inside the import's own transaction:

* **new** / **unchanged** / **changed** — as the store's importer sees it;
* **revision** — a change to a submitted or approved project: with ``revisions = revise`` it is
  stored as a new draft version (the approved version stays official until the revision is
  approved; its review, self-evaluation and history stay as they were); with ``refuse`` the
  whole document is refused, naming the projects;
* **confirm** — a change that would silently undo later work: the content equals an older
  version, or the version it replaces was made after this source's last import of the project
  (or is a web/API edit). Nothing is stored unless the caller confirms (``force``); the message
  names the newer version, who made it and when;
* **stale** — the project moved on from the version the caller planned against (``expected``,
  e.g. what the upload preview showed, or what a concurrent writer stored first): refused.

Cut-off tables (``Project.complete`` false) are not stored: the document's complete tables are
imported and each cut one is refused by name (``refused_tables``), unless ``allow_partial``, which
stores them too, marked incomplete. A document whose tables are all cut off is not imported.
The new versions' author, the workflow steps of revisions and
the audit row are written in the same transaction as the versions; the reviews of the new
versions too when ``review`` is asked for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import Any, BinaryIO

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from perfbudget.app.acting import import_refusal
from perfbudget.app.change_faces import IMPORT_LABELS, change_label
from perfbudget.app.roles import Principal
from perfbudget.app.settings import REFUSE, CoreSettings
from perfbudget.app.times import shown
from perfbudget.app.workflow import APPROVED, DRAFT, FROZEN, SUBMITTED, state_label
from perfbudget.interchange import InterchangeError
from perfbudget.model import Document, Problem, Project, Source, Unit
from perfbudget.store import Store
from perfbudget.store import importer as store_importer
from perfbudget.store.importer import (
    FAILED,
    IMPORTED,
    NEEDS_CONFIRMATION,
    REFUSED,
    STALE,
    UNCHANGED,
    DocumentHead,
    ImportOutcome,
    Plan,
    StaleVersion,
    landed,
    plan_document,
)
from perfbudget.store.transaction import Actor, TrailEntry, Transaction, WorkflowRow

RETRIES = 5
NEW, CHANGED, REVISION, CONFIRM, REFUSE_TABLE = "new", "changed", "revision", "confirm", "refused"
INCOMPLETE = "incomplete"


@dataclass(frozen=True, slots=True)
class TableFate:
    """What importing would do with one table of a document.

    Attributes:
        position: 1-based position in the document.
        name: the project's name.
        fate: new, unchanged, changed, revision, confirm or refused.
        project_id: the stored project (None for a new one).
        latest: its latest version number when planned (None for a new one).
        message: what to tell the user (Chinese), empty for plain new/unchanged/changed (a change of a revision
            that waits beside an approved version says the approved one stays official).
        revision: the change is also a revision of a submitted/approved project (for ``confirm``).
        fund_label: the table's fund label (2024中央), so that messages tell apart a unit's projects
            of one name (a unit may have 「X项目」 from 2024中央 and from 2024市级).
    """

    position: int
    name: str
    fate: str
    project_id: int | None = None
    latest: int | None = None
    message: str = ""
    revision: bool = False
    fund_label: str | None = None

    @property
    def shown(self) -> str:
        """The project as messages name it: 「name」（fund label）, or 「name」 without one."""
        return shown_project(self.name, self.fund_label)

    def to_dict(self) -> dict[str, Any]:
        return {"position": self.position, "name": self.name, "fate": self.fate, "project_id": self.project_id,
                "latest_version": self.latest, "message": self.message}


def counts_text(outcome: ImportOutcome) -> str:
    """「新项目 0 个，新版本 1 个，未变化 9 个」: what an import brought, in the same words on every face (the CLI's
    line, the upload page's message, the audit entry's summary; the page and the audit log said 「更新 1 个，未变 9 个」
    until replay-v)."""
    return (f"新项目 {outcome.new_projects} 个，新版本 {outcome.changed_projects} 个，"
            f"未变化 {outcome.unchanged_projects} 个")


def unchanged_text(outcome: ImportOutcome) -> str:
    """「未变化（与文档 3 是同一文件，已导入过）」 or 「未变化（9 个项目与库中最新版本相同）」: an import that changed
    nothing, in the same words on every face (the CLI's line, the upload page's message; the page said 「与已存储的
    内容相同，没有变化」 until faces-v). Its notices (projects that moved on since) are said after it."""
    if outcome.same_file_as is not None:
        return f"未变化（与文档 {outcome.same_file_as} 是同一文件，已导入过）"
    return f"未变化（{outcome.unchanged_projects} 个项目与库中最新版本相同）"


def shown_project(name: str, fund_label: str | None) -> str:
    """「2024年检察业务经费项目」（2024市级）: the name with its fund label, which tells apart a unit's
    projects of one name (the seed has two 「2024年检察业务经费项目」, 2024中央 and 2024市级)."""
    return f"「{name}」（{fund_label}）" if fund_label else f"「{name}」"


def source_name(file: str) -> str:
    """The source a file stands for: its base name (a CLI path and an upload of the same file agree)."""
    return PurePath(file.replace("\\", "/")).name or file


def kept_file_name(file: str, via: str) -> str:
    """The ``file`` a document imported through ``via`` is stored under (``documents.file_name``, so every version's
    source, every saved review's and evaluation's, the history and the audit entry): a command line's path by its
    name only (:func:`source_name`), as the pages and the API keep an upload's name (``web.filenames.upload_name``).
    Until replay-s ``perfbudget import /home/…/目标表.txt`` kept the user's local path for every reader of the store
    (migration 1831 reduces the paths kept before). The other faces' names are the layer's own words
    (「JSON 文档（王填报）」, a declaration's), kept whole: a display name may hold a ``/``."""
    return source_name(file) if via == "cli" else file


def outcome_dict(outcome: ImportOutcome, via: str) -> dict[str, Any]:
    """An import's outcome as every face answers it (``perfbudget import --json``, the API's imports): ``file`` the file
    as it was given (a command line's path, to find it among a directory's), ``name`` the name the store keeps it
    under (:func:`kept_file_name`: what the history's 导入自, the saved reviews and the audit log say). Until replay-t
    the command line answered with the path alone, which no stored record says since replay-s."""
    answer = outcome.to_dict()
    return {"file": answer.pop("file"), "name": kept_file_name(outcome.file, via), **answer}


def api_document_name(principal: Principal) -> str:
    """The stored "file" of a document sent to the API as JSON (it has no file name): who sent it, by the name
    people read (the display name, else the account's), so the history and a revision read 「接口导入「JSON 文档
    （王填报）」带来修订稿第 2 版」 (until replay-n the account's sign-in name, 「JSON 文档（wang）」)."""
    return f"JSON 文档（{principal.display_name or principal.username}）"


def describe_version(entry: TrailEntry) -> str:
    """「第 3 版（张三 于 2026-12-02 08:00 网页修改）」: the account's display name, else its name (as the history
    names people since replay-k; until replay-m this message named the account, 「wang」)."""
    how = change_label(entry.via, entry.file) + ("" if entry.is_edit else f"「{source_name(entry.file)}」")
    who = entry.display_name or entry.username or "未记录的用户"
    return f"第 {entry.number} 版（{who} 于 {shown(entry.at)} {how}）"


# how each face forces an import that needs confirmation (the upload page says its own words: web.routes.upload)
FORCE_HINT = "；确认无误后请强制导入（命令行 --force，网页勾选确认，API force=true）"
# how each face restores a file imported before whose projects moved on since (the upload page says its own words:
# web.routes.upload; 「请用 --force 导入」 on every face until faces-v)
RESTORE_HINT = "；如要恢复此文件的内容，请强制导入（命令行 --force，网页勾选确认，API force=true）"


def _fate(position: int, name: str, fund_label: str | None, content: str, trail: list[TrailEntry],
          flow: WorkflowRow | None, source: str, settings: CoreSettings, project_id: int) -> TableFate:
    latest = trail[-1]
    shown = shown_project(name, fund_label)
    if latest.content_sha256 == content:
        return TableFate(position, name, UNCHANGED, project_id, latest.number, fund_label=fund_label)
    state = flow.state if flow else DRAFT
    frozen = state in FROZEN
    if frozen and settings.revisions == REFUSE:
        return TableFate(position, name, REFUSE_TABLE, project_id, latest.number,
                         f"{shown}{state_label(state)}（第 {latest.number} 版），本系统设置为不接受对已送审、"
                         "已审核项目的导入修改：请先退回或重新打开，或通过预算调整办理", fund_label=fund_label)
    older = [e for e in trail[:-1] if e.content_sha256 == content]
    from_source = [e for e in trail if source_name(e.file) == source]
    reason = ""
    if older:
        reason = (f"{shown}导入的内容与第 {older[-1].number} 版相同，导入将撤销此后的修改："
                  f"最新为{describe_version(latest)}")
    elif from_source and source_name(latest.file) != source:
        reason = (f"{shown}在「{source}」上次导入（第 {from_source[-1].number} 版）之后已有更新的"
                  f"{describe_version(latest)}，导入将覆盖它")
    elif not from_source and latest.is_edit:
        reason = f"{shown}的最新版本是{describe_version(latest)}，导入将覆盖这次修改"
    if reason:
        return TableFate(position, name, CONFIRM, project_id, latest.number,
                         reason + FORCE_HINT,
                         revision=frozen, fund_label=fund_label)
    if frozen:
        return TableFate(position, name, REVISION, project_id, latest.number,
                         _revision_message(shown, latest.number, flow), fund_label=fund_label)
    if flow is not None and flow.approved_version is not None:  # a revision waits: the approved version stays
        return TableFate(position, name, CHANGED, project_id, latest.number,
                         _pending_message(shown, latest.number, state, flow.approved_version), fund_label=fund_label)
    return TableFate(position, name, CHANGED, project_id, latest.number, fund_label=fund_label)


def _pending_message(shown: str, latest: int, state: str, official: int) -> str:
    """What an import says of a project whose revision waits (a draft or a returned one beside an approved
    version): the revision changes, the approved version stays official. Until replay-o a second import onto a
    revision said nothing of it on any face, though the first one said so (issue 11 point 2)."""
    return (f"{shown}的修订稿（{state_label(state)}，第 {latest} 版）改为第 {latest + 1} 版；审核通过的第 {official} 版"
            "仍是正式版本（显示、导出、自评均用它），直到修订稿送审并审核通过")


def _revision_message(shown: str, latest: int, flow: WorkflowRow | None) -> str:
    number = latest + 1
    if flow is not None and flow.state == APPROVED:
        official = flow.approved_version or latest
        return (f"{shown}已审核通过：导入的修改保存为修订稿第 {number} 版（草稿，需重新送审、审核）；"
                f"审核通过的第 {official} 版仍是正式版本（显示、导出、自评均用它），直到修订稿审核通过")
    return (f"{shown}已送审（第 {latest} 版）：导入的修改保存为修订稿第 {number} 版（草稿），"
            "送审撤回，需重新送审")


def analyse(tx: Transaction, plan: Plan, file: str, settings: CoreSettings) -> list[TableFate]:
    """Each table's fate (see the module docstring), read inside ``tx``."""
    ids = tx.project_ids(plan.identities)
    tx.lock_projects(ids.values())  # in an import: no workflow step until it commits (Transaction.lock_projects)
    trails = tx.trails(list(ids.values()))
    flows = tx.workflow(list(ids.values()))
    source = source_name(file)
    fates = []
    for position, (project, identity, content) in enumerate(
            zip(plan.document.projects, plan.identities, plan.hashes, strict=True), 1):
        project_id = ids.get(identity)
        if project_id is None or project_id not in trails:
            fates.append(TableFate(position, project.name, NEW, fund_label=project.fund_label))
        else:
            fates.append(_fate(position, project.name, project.fund_label, content, trails[project_id],
                               flows.get(project_id), source, settings, project_id))
    return fates


def incomplete_problems(document: Document | DocumentHead, file: str) -> list[Problem]:
    """One error per cut-off table, naming it (import refuses them unless ``allow_partial``); the others are
    said to be imported only when the file has complete tables (it said so of a file of one cut table too)."""
    rest = "其余完整的表格照常导入。" if any(p.complete for p in document.projects) else ""
    return [Problem(p.cut or p.source or Source(file),
                    f"项目「{p.name}」的表格不完整（在此处中断），未导入；{rest}"
                    "确认要保存不完整的表时请用 --allow-partial（网页勾选「保存不完整的表格」，"
                    "API 为 allow_partial=true），保存后标记为「不完整」")
            for p in document.projects if not p.complete]


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """Who imports what, and how: the options every face passes the same way."""

    actor: Actor
    via: str
    force: bool = False
    allow_partial: bool = False
    review: bool = False
    expected: dict[int, int | None] | None = None  # position → latest version the caller saw
    ip: str | None = None
    skip_blocked: bool = False  # import the error-free tables when others have errors (app.blocked)
    principal: Principal | None = None  # the web account importing (its unit checked here), None: a bare name


FORBIDDEN = "forbidden"  # the importing account may not import the document's unit (app.acting.import_refusal)


def preview(store: Store, settings: CoreSettings, document: Document, file: str) -> list[TableFate] | str:
    """What importing ``document`` now would do, table by table (nothing is written); or why it cannot."""
    planned = plan_document(document)
    if isinstance(planned, str):
        return planned
    plan, _merged = landing(store, planned)
    with store.reading() as tx:
        fates = analyse(tx, plan, file, settings)
    return [fate if document.projects[fate.position - 1].complete else
            TableFate(fate.position, fate.name, INCOMPLETE, fate.project_id, fate.latest,
                      cut_message(document.projects[fate.position - 1]), fund_label=fate.fund_label)
            for fate in fates]


# how each face saves a cut-off table on purpose (the upload page says its own words: web.routes.upload); the API's
# preview told its callers to tick the page's box (「勾选「保存不完整的表格」」) until replay-v
PARTIAL_HINT = ("；要保存并标记为「不完整」请用 allow_partial（命令行 --allow-partial，网页勾选「保存不完整的表格」，"
                "API allow_partial=true）")


def cut_message(project: Project) -> str:
    """Where a cut-off table broke and what was read, and how to save it anyway: 「表格在第45行中断，只读到 2 个指标；
    不导入；要保存…」 (every face's way, :data:`PARTIAL_HINT`)."""
    from perfbudget.app.blocked import where

    place = f"在{where(project.cut)}中断，" if project.cut is not None else "中断，"
    return f"表格{place}只读到 {len(project.indicators)} 个指标；不导入{PARTIAL_HINT}"


def import_document(store: Store, settings: CoreSettings, document: Document | None, file: str,
                    request: ImportRequest, *, sha256: str | None = None, form: str | None = None,
                    notes: Sequence[Problem] = (), plan: Plan | None = None) -> ImportOutcome:
    """Import one document under the workflow and confirmation rules; never raises on bad data.

    ``plan``: the document planned already (``plan_document``; a bulk import plans in its reading
    processes, which also validate it), then ``document`` is not needed."""
    if plan is None:
        assert document is not None
        planned = plan_document(document)
        if isinstance(planned, str):
            return _refused(store, request, file, FAILED, [Problem(Source(file), planned)], document.unit.code)
        plan = planned
        from perfbudget.app.validate import document_problems, storage_problems

        # uploads, the API, declarations: nothing stored that a page cannot show; the CLI: what a store can hold
        invalid = (document_problems if request.via != "cli" else storage_problems)(document, file)
        if invalid:
            return _refused(store, request, file, FAILED, invalid[:20], document.unit.code)
        if request.via == "declare":  # amounts typed, not a published table's: the split must add up
            from perfbudget.app.fund_split import split_problem

            typed = [Problem(Source(file), said) for p in document.projects if (said := split_problem(p.budget))]
            if typed:
                return _refused(store, request, file, FAILED, typed, document.unit.code)
    plan, merged = landing(store, plan)
    not_allowed = import_refusal(request.principal, plan.document.unit.code, plan.document.unit.name)
    if not_allowed:  # ``perfbudget import --user``: the account's unit, as the upload and the API check it
        return _refused(store, request, file, FORBIDDEN, [Problem(Source(file), not_allowed)], plan.document.unit.code)
    from perfbudget.app.unit_name_clash import unit_name_problem

    taken = unit_name_problem(store, request.principal, plan.document.unit)  # another unit's name (attack25)
    if taken:
        return _refused(store, request, file, FORBIDDEN, [Problem(Source(file), taken)], plan.document.unit.code)
    if sha256 is not None and document is not None and not request.force:
        # the same bytes imported before are 未变化 on every face, as ``perfbudget import`` says it; the page's and
        # the API's import read them again and answered 409 confirmation_required until faces-v
        done = imported_before(store, file, sha256)
        if done is not None:
            return done
    heads = plan.document.projects
    cut = incomplete_problems(plan.document, file)
    if cut and not request.allow_partial:
        complete = [i for i, p in enumerate(heads) if p.complete]
        if not complete:
            return _refused(store, request, file, FAILED, cut, plan.document.unit.code)
        outcome = import_document(store, settings, None, file, _kept_only(request, complete), sha256=None,
                                  form=form, notes=notes, plan=plan.subset(complete))
        return replace(outcome, refused_tables=tuple(cut))
    if request.skip_blocked:  # the tables the deployment takes no revision of (PERFBUDGET_REVISIONS=refuse) left out
        kept_out = _without_refused(store, settings, plan, file, request, form, notes)
        if kept_out is not None:
            return kept_out
    fingerprint = sha256 or plan.document_hash
    expected_first: dict[str, int | None] | None = None
    last_error: Exception | None = None
    for _attempt in range(RETRIES):
        try:
            with store.transaction() as tx:
                fates = analyse(tx, plan, file, settings)
                if expected_first is None:
                    expected_first = _expected(plan, fates, request.expected)
                outcome = _apply(tx, plan, fates, file, fingerprint, form, settings, request, expected_first)
            break
        except StaleVersion as exc:
            return _stale(file, exc)
        except (IntegrityError, OperationalError) as exc:
            last_error = exc  # a concurrent writer collided: try again, against the versions planned first
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) not in ("40001", "40P01"):
                raise
            last_error = exc
    else:
        message = f"数据库冲突，重试 {RETRIES} 次后仍未能导入：{_short(last_error)}"
        return ImportOutcome(file, FAILED, problems=(Problem(Source(file), message),))
    if outcome.status == REFUSED:  # an approved table the deployment takes no revision of
        return _refused(store, request, file, REFUSED, outcome.problems, plan.document.unit.code)
    if outcome.status == IMPORTED:
        if outcome.document_id is not None:
            store.library_changed([outcome.document_id])  # the indicator library follows every import
        notices = outcome.notices + tuple(f"项目「{p.name}」不完整，已按 --allow-partial 保存并标记为「不完整」"
                                          for p in heads if not p.complete)
        if notes or notices != outcome.notices:  # (dataclasses.replace is dear: not for every bulk-imported file)
            outcome = replace(outcome, problems=tuple(notes) or outcome.problems, notices=notices)
    if merged and outcome.status in (IMPORTED, UNCHANGED):
        outcome = replace(outcome, notices=(merged, *outcome.notices))
    return outcome


def _without_refused(store: Store, settings: CoreSettings, plan: Plan, file: str, request: ImportRequest,
                     form: str | None, notes: Sequence[Problem]) -> ImportOutcome | None:
    """With ``skip_blocked``, a file whose changes to submitted or approved tables the deployment refuses, and that
    has other tables to import: those imported, the refused ones named in ``refused_tables`` (each with why); None
    when no table is refused or every one is. The upload page's 确认导入 did so in its route, while the API's import
    and ``perfbudget import --skip-blocked`` refused the whole file (until replay-v)."""
    with store.reading() as tx:
        fates = analyse(tx, plan, file, settings)
    refused = [f for f in fates if f.fate == REFUSE_TABLE]
    if not refused or len(refused) == len(fates):
        return None
    kept = [i for i, f in enumerate(fates) if f.fate != REFUSE_TABLE]
    outcome = import_document(store, settings, None, file, replace(_kept_only(request, kept), skip_blocked=False),
                              sha256=None, form=form, notes=notes, plan=plan.subset(kept))
    heads = plan.document.projects
    return replace(outcome, refused_tables=outcome.refused_tables + tuple(
        Problem(heads[f.position - 1].source or Source(file), f.message) for f in refused))


def _kept_only(request: ImportRequest, kept: Sequence[int]) -> ImportRequest:
    """``request`` for the tables at the 0-based positions ``kept`` alone (``Plan.subset``): the versions the caller
    saw (``expected``, by 1-based position in the whole document) renumbered to the subset's positions. Until faces-v
    they kept the whole document's numbers, and the upload page renumbered them in its own route."""
    if not request.expected:
        return request
    renumbered = {new: request.expected[old + 1] for new, old in enumerate(kept, 1) if old + 1 in request.expected}
    return replace(request, expected=renumbered or None)


def _refused(store: Store, request: ImportRequest, file: str, status: str, problems: Sequence[Problem],
             unit_code: str | None) -> ImportOutcome:
    """The outcome of an import refused before anything was written, its refusal kept in the audit log (who, which
    file, why: ``app.import_refusals``; no trace until attack27)."""
    from perfbudget.app.import_refusals import record_refusal

    record_refusal(store, request.actor, file, [p.message for p in problems], via=request.via, unit_code=unit_code,
                   ip=request.ip)
    return ImportOutcome(file, status, problems=tuple(problems))


def landing(store: Store, plan: Plan) -> tuple[Plan, str]:
    """The plan as it lands: in the unit its unit was merged into when an admin merged that unit away
    (``store.unit_aliases``; until replay-r the unit was stored anew), with what to say of it; else as it is."""
    with store.reading() as tx:
        row = tx.merged_into(plan.unit_key)
    if row is None:
        return plan, ""
    said = plan.document.unit
    named = f"{said.code} {said.name or ''}".strip() if said.code else (said.name or "")
    into = f"{row.code} {row.name or ''}".strip() if row.code else f"{row.name or ''}（无编码）"
    return landed(plan, Unit(row.code, row.name)), f"文件中的单位「{named}」已由管理员并入「{into}」，按「{into}」导入"


def _expected(plan: Plan, fates: list[TableFate], given: dict[int, int | None] | None) -> dict[str, int | None]:
    expected = {identity: fate.latest for identity, fate in zip(plan.identities, fates, strict=True)}
    if given:
        for position, number in given.items():
            if 1 <= position <= len(plan.identities):
                expected[plan.identities[position - 1]] = number
    return expected


def _stale(file: str, exc: StaleVersion) -> ImportOutcome:
    now = f"现在已是第 {exc.latest} 版" if exc.latest else "已被他人先行修改"
    seen = f"第 {exc.expected} 版" if exc.expected else "尚未入库时"
    message = (f"导入被拒绝：项目「{exc.name}」在{seen}之后{now}（他人同时写入）。为免覆盖他人的修改，"
               "未导入任何内容：请查看最新版本后重新导入")
    return ImportOutcome(file, STALE, problems=(Problem(Source(file), message),))


def _short(exc: Exception | None) -> str:
    from perfbudget.db_reasons import database_reason

    return database_reason(exc) if exc is not None else "未知错误"


def _apply(tx: Transaction, plan: Plan, fates: list[TableFate], file: str, sha256: str, form: str | None,
           settings: CoreSettings, request: ImportRequest, expected: dict[str, int | None]) -> ImportOutcome:
    for identity, fate in zip(plan.identities, fates, strict=True):
        if fate.fate != UNCHANGED and identity in expected and expected[identity] != fate.latest:
            raise StaleVersion(fate.name, expected[identity], fate.latest)  # another writer got there first
    refused = [f for f in fates if f.fate == REFUSE_TABLE]
    if refused:
        return ImportOutcome(file, REFUSED, problems=tuple(Problem(Source(file), f.message) for f in refused))
    confirm = [f for f in fates if f.fate == CONFIRM]
    if confirm and not request.force:
        return ImportOutcome(file, NEEDS_CONFIRMATION, problems=tuple(Problem(Source(file), f.message)
                                                                      for f in confirm))
    kept = kept_file_name(file, request.via)
    outcome = replace(tx.apply(plan, kept, sha256, form, expected), file=file)
    if outcome.status != IMPORTED:
        return outcome
    created = [v for v in outcome.versions if v.created]
    tx.add_authors([v.version_id for v in created], request.actor, request.via)
    notices = []
    revised = [f for f in fates if f.fate == REVISION or (f.fate == CONFIRM and f.revision)]
    flows = tx.workflow([f.project_id for f in revised if f.project_id is not None]) if revised else {}
    for fate, stored in zip(fates, outcome.versions, strict=True):
        if fate.fate == CONFIRM:
            notices.append(f"已按确认导入：{fate.message.split('；确认无误')[0]}")
        if fate.fate == CHANGED and fate.message and stored.created:
            notices.append(fate.message)
        if fate.fate == REVISION or (fate.fate == CONFIRM and fate.revision):
            flow = flows[stored.project_id]
            notices.append(_revision_message(fate.shown, fate.latest or 0, flow))
            tx.set_workflow(stored.project_id, DRAFT, stored.version, flow.approved_version, request.actor)
            brought = f"{IMPORT_LABELS.get(request.via, '导入')}「{source_name(file)}」"  # never the server's path
            tx.add_event(stored.project_id, stored.version, "revise", flow.state, DRAFT, request.actor,
                         f"{brought}带来修订稿第 {stored.version} 版"
                         + ("；送审撤回" if flow.state == SUBMITTED else
                            f"；第 {flow.approved_version} 版仍为正式版本"))
    declare = request.via == "declare"
    tx.audit(request.actor, "project.declare" if declare else "document.import", "document", outcome.document_id,
             f"{'申报项目' if declare else '导入'}「{kept}」：{counts_text(outcome)}",
             after={"file": kept, "via": request.via, "document_id": outcome.document_id, "forced": bool(confirm),
                    "versions": [{"project_id": stored.project_id, "version": stored.version, "project": fate.shown}
                                 for fate, stored in zip(fates, outcome.versions, strict=True) if stored.created]},
             unit_code=plan.document.unit.code, ip=request.ip)
    if request.review and created:
        from perfbudget.app.reviews import review_in_tx

        review_in_tx(tx, [v.version_id for v in created], settings, request.actor.username)
    elif created:
        tx.mark_unreviewed()  # a running server reviews them (app.reviews.review_catch_up)
    return replace(outcome, notices=tuple(notices)) if notices or outcome.notices else outcome


def file_sha256(path: str | Path) -> str | None:
    return store_importer.file_sha256(path)


def import_path(store: Store, settings: CoreSettings, path: str | Path, request: ImportRequest,
                form: str | None = None) -> ImportOutcome:
    """Read one file and import it; a file whose bytes were imported before is unchanged without reading."""
    from perfbudget.load import load_path

    name = str(path)
    sha256 = file_sha256(path)
    if sha256 is not None and not request.force:
        done = imported_before(store, name, sha256)
        if done is not None:
            return done
    return import_loaded(store, settings, load_path(path, form=form), name, request, sha256)


def imported_before(store: Store, name: str, sha256: str) -> ImportOutcome | None:
    """The outcome of importing a file whose bytes (``sha256``) were imported before — unchanged, with a notice for
    each of its projects holding other content since (:func:`same_file`) —, or None for new bytes. ``perfbudget
    import`` says it without reading the file, and ``import --dry-run`` tells it beside the plan (replay-v)."""
    with store.reading() as tx:
        earlier = tx.imported_before(sha256)
    return same_file(store, name, earlier) if earlier is not None else None


def same_file(store: Store, name: str, earlier: tuple[int, int]) -> ImportOutcome:
    """The outcome of a file whose bytes were imported before (document ``earlier[0]``): unchanged,
    without reading it. When a project of that document holds other content since (a later file, a
    web edit), a notice names it, so 未变化 is never taken for "the store holds this file's content"."""
    with store.reading() as tx:
        moved = tx.superseded_since(earlier[0])
        trails = tx.trails([m.project_id for m in moved]) if moved else {}
        tables = tx.document_tables(earlier[0])  # (the API's project_ids, the CLI's JSON: as a re-read file's)
    # the newer version named with who made it and when, as an import of other bytes says it (issue 11 point 3;
    # until replay-j this notice gave the number alone, the API's confirmation the author and the time)
    notices = tuple(f"未按此文件恢复：「{m.name}」（{m.fund_label or '无资金标签'}）此后已是"
                    f"{describe_version(trails[m.project_id][-1])}，"
                    f"内容与此文件（第 {m.version} 版）不同{RESTORE_HINT}"
                    for m in moved)
    return ImportOutcome(name, UNCHANGED, unchanged_projects=earlier[1], same_file_as=earlier[0], notices=notices,
                         versions=tuple(tables))


def has_cut_tables(document: Document | None) -> bool:
    return document is not None and any(not p.complete for p in document.projects)


def import_bytes(store: Store, settings: CoreSettings, data: bytes, name: str, request: ImportRequest,
                 limits: Any = None) -> ImportOutcome:
    """Import an uploaded file's bytes (read as ``load_bytes`` reads them)."""
    from perfbudget.load import load_bytes

    return import_loaded(store, settings, load_bytes(data, name, limits=limits), name, request,
                         hashlib.sha256(data).hexdigest())


def import_stream(store: Store, settings: CoreSettings, stream: BinaryIO, request: ImportRequest,
                  form: str | None = None) -> ImportOutcome:
    """Import a table read from a stream (``perfbudget import -``: a table's text pasted into the terminal or piped
    in, as ``perfbudget read -`` reads it), placed at 「标准输入」; the same bytes imported before are unchanged, as
    the same file is (``import_path``). Until replay-o only ``read`` took standard input."""
    from perfbudget.config import Limits
    from perfbudget.load import STDIN_NAME, load_bytes, read_stream

    try:
        limits = Limits.from_env()
    except ValueError as exc:
        return ImportOutcome(STDIN_NAME, FAILED, problems=(Problem(Source(STDIN_NAME), str(exc)),))
    data = read_stream(stream, limits)
    if isinstance(data, Problem):
        return ImportOutcome(STDIN_NAME, FAILED, problems=(data,))
    sha256 = hashlib.sha256(data).hexdigest()
    if not request.force:
        with store.reading() as tx:
            earlier = tx.imported_before(sha256)
        if earlier is not None:
            return same_file(store, STDIN_NAME, earlier)
    return import_loaded(store, settings, load_bytes(data, STDIN_NAME, form, limits), STDIN_NAME, request, sha256)


def import_loaded(store: Store, settings: CoreSettings, result: Any, name: str, request: ImportRequest,
                  sha256: str | None = None, *, validate: bool = False) -> ImportOutcome:
    """Import what ``load_path``/``load_bytes`` read. Tables with errors block the file, each named with
    its reason (:mod:`perfbudget.app.blocked`); with ``request.skip_blocked`` the error-free tables are
    imported and the blocked ones listed in ``refused_tables``. ``validate``: the values that may not be
    stored block their table too (web and API)."""
    from perfbudget.app.blocked import screen_result

    screened = screen_result(result, name, validate=validate)
    if screened.clean and result.document is not None:
        return import_document(store, settings, result.document, name, request, sha256=sha256, form=result.form,
                               notes=result.problems)
    rest = screened.rest
    if not request.skip_blocked or not screened.can_import_rest or rest is None:
        return ImportOutcome(name, FAILED, problems=screened.refusal(name))
    blocked = {id(p) for b in screened.blocked for p in b.problems}
    notes = tuple(p for p in result.problems if id(p) not in blocked)
    outcome = import_document(store, settings, rest, name, request, sha256=None, form=result.form, notes=notes)
    if outcome.status not in (IMPORTED, UNCHANGED):
        return outcome
    return replace(outcome, refused_tables=tuple(b.as_problem() for b in screened.blocked) + outcome.refused_tables)


def document_from_json(data: dict[str, Any], file: str) -> Document | InterchangeError:
    """A document from a perfbudget/1 JSON body (API); a target given only as ``{"raw": …}`` is read
    with the target grammar, as the JSON reader does for files (``interchange``). The error, with its
    path, if invalid."""
    from perfbudget.interchange import document_from_dict

    try:
        return document_from_dict(data, file)
    except InterchangeError as exc:
        return exc
