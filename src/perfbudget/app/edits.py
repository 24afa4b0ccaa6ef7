"""Editing a stored project (web form, API PUT) with optimistic concurrency, for every face.

The edit names the version it was made on. In one transaction: the project must still be at
that version (else the stale-version refusal — whoever wrote first, an edit or an import, wins
and nothing of the loser is stored) and in an editable state (草稿/已退回); the new version, its
author, its review (in the unit's context) and the audit row are written together.

An edit changes a project's content, never what makes it that project: its name, fund label, fund
source and year (and the table's name cell and title, which spell them), and its unit. A changed one is
refused, naming each change and how to rename (:data:`RENAME_HINT`); until 2026-12-04 the API's PUT
dropped them silently and answered 「内容没有变化」 when nothing else had changed. An edit that changes the
amounts to a fund split that does not add up is refused (:mod:`perfbudget.app.fund_split`; the API's PUT saved
one until replay-p).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from perfbudget.app.change_faces import edit_file
from perfbudget.app.edit_extras import carried_extras
from perfbudget.app.fund_split import carried_other_cell, edited_split_problem
from perfbudget.app.reviews import review_in_tx
from perfbudget.app.roles import Principal
from perfbudget.app.settings import CoreSettings
from perfbudget.app.validate import document_problems
from perfbudget.app.workflow import DRAFT, EDITABLE, actor_of, state_label
from perfbudget.interchange import project_to_dict
from perfbudget.model import Problem, Project, Source, Unit
from perfbudget.store import Store
from perfbudget.store.importer import IMPORTED, UNCHANGED, StaleVersion, plan_document
from perfbudget.store.transaction import TrailEntry

RETRIES = 5


# What makes a project that project (its identity, docs/store.md: unit + fund year + name + fund label) and
# the texts that spell it, with their names as the user sees them.
IDENTITY_FIELDS = (("name", "项目名称"), ("fund_label", "资金名称（fund_label）"), ("fund_year", "资金年度"),
                   ("fund_source", "资金来源"), ("name_cell", "表中的项目名称（name_cell）"), ("title", "表格标题"))
RENAME_HINT = ("项目名称、资金来源与年度、预算单位是项目的标识，修改只能改预算、目标和指标。要改名称、年度或单位，"
               "请把写有新名称的表格作为新项目导入（perfbudget import、网页「上传」或 POST /api/v1/documents），"
               "原项目及其版本历史保持不变")


def identity_changes(old: Project, new: Project, old_unit: Unit, new_unit: Unit | None = None) -> list[str]:
    """Each identity field ``new`` changes (「项目名称「A」改为「B」」); ``new_unit`` None: the face sends none."""
    def shown(value: object) -> str:
        return "（空）" if value is None or value == "" else f"「{value}」"

    changes = [f"{label}{shown(getattr(old, field))}改为{shown(getattr(new, field))}"
               for field, label in IDENTITY_FIELDS if getattr(old, field) != getattr(new, field)]
    if new_unit is not None:
        changes += [f"{label}{shown(getattr(old_unit, field))}改为{shown(getattr(new_unit, field))}"
                    for field, label in (("code", "单位编码"), ("name", "单位名称"))
                    if getattr(old_unit, field) != getattr(new_unit, field)]
    return changes


@dataclass(frozen=True, slots=True)
class EditResult:
    """What saving an edit did: ``status`` is saved / unchanged / stale / locked / identity / failed."""

    status: str
    message: str
    version: int | None = None
    problems: tuple[Problem, ...] = ()


# what to do after a stale refusal, in the words of the face that made the edit (the API's caller has no edit page:
# until replay-t it was told 「请重新打开编辑页面」 too)
_AGAIN = {"api": "请重新读取该项目的最新版本（GET /api/v1/projects/{project}），在其上再次修改。"}
_AGAIN_ON_PAGE = "请重新打开编辑页面，在最新版本上再次修改。"


def stale_message(base: int, latest: int | None, newest: TrailEntry | None = None, via: str = "edit",
                  project_id: int | None = None) -> str:
    """The refusal of an edit of version ``base`` made stale; ``newest``: the version that made it so, named with
    who made it, when and how (「现在已是第 2 版（王填报 于 2026-12-06 17:20 北京时间 接口修改）」), as an import's
    refusal names it (``app.imports.describe_version``; until replay-s an edit's said the number alone); ``via``:
    the face the edit came through, whose way to try again the message ends with (the project ``project_id``)."""
    if newest is not None and latest is not None and newest.number == latest:
        from perfbudget.app.imports import describe_version

        now = f"现在已是{describe_version(newest)}"
    else:
        now = f"现在已是第 {latest} 版" if latest else "已被他人先行修改"
    again = _AGAIN.get(via, _AGAIN_ON_PAGE).replace("{project}", str(project_id) if project_id else "…")
    return f"保存被拒绝：您修改的是第 {base} 版，但该项目{now}。为免覆盖他人的修改，{again}"


def _newest(store: Store, project_id: int) -> TrailEntry | None:
    """The project's newest version with its author (None when it cannot be read)."""
    with store.reading() as tx:
        trail = tx.trails([project_id]).get(project_id)
    return trail[-1] if trail else None


def money_unit_change(old: str | None, sent: str | None) -> str | None:
    """Why an edit that names the money unit ``sent`` cannot be stored over a version in ``old`` (Chinese), or
    None (the same unit, or none sent: the amounts are in the stored one). An edit keeps the stored unit, so an
    API edit in 元 of a table in 万元 stored its amounts as 万元, ten thousand times larger, until 2026-12-05."""
    sent = (sent or "").strip()
    if not sent or sent == (old or "").strip():
        return None
    was = old or "（空）"
    return (f"未保存：金额单位「{was}」改为「{sent}」。修改不换算金额，也不改金额单位：请按「{was}」填写预算"
            "（money_unit 照原样提交或不提交）；换用其他金额单位的表格请作为文件重新导入")


def save_edit(store: Store, settings: CoreSettings, principal: Principal, project_id: int, base_version: int,
              project: Project, *, via: str, ip: str | None = None, unit: Unit | None = None,
              money_unit: str | None = None) -> EditResult:
    """Store ``project`` as the next version of ``project_id`` if nobody changed it since ``base_version``;
    ``unit``: the unit the face's document names (the API's), refused like the project's identity if changed;
    ``money_unit``: the money unit it names, refused if another (:func:`money_unit_change`)."""
    actor = actor_of(principal)
    for _attempt in range(RETRIES):
        try:
            with store.transaction() as tx:
                tx.lock_projects([project_id])  # no workflow step between reading the state and writing
                stored = tx.version(project_id)
                if stored is None:
                    return EditResult("failed", "没有找到该项目")
                latest = stored.meta["version"]
                if not 1 <= base_version <= latest:  # no such version: not a stale edit (「第 0 版」 until replay-t)
                    return EditResult("failed", f"未保存：项目没有第 {base_version} 版（最新为第 {latest} 版）；"
                                                "base_version 应为所修改的版本号", latest)
                if latest != base_version:
                    newest = tx.trails([project_id]).get(project_id)
                    return EditResult("stale", stale_message(base_version, latest, newest[-1] if newest else None,
                                                             via, project_id), latest)
                flow = tx.workflow([project_id]).get(project_id)
                state = flow.state if flow else DRAFT
                if state not in EDITABLE:
                    return EditResult("locked", f"项目当前为「{state_label(state)}」，不能修改（需先退回或重新打开）")
                old = stored.document.projects[0]
                renamed = identity_changes(old, project, stored.document.unit, unit)
                if renamed:  # changing them would make another project: refused, never dropped silently
                    return EditResult("identity", "未保存：" + "；".join(renamed) + "。" + RENAME_HINT, base_version)
                other_unit = money_unit_change(stored.document.money_unit, money_unit)
                if other_unit:
                    return EditResult("failed", other_unit, base_version)
                split = edited_split_problem(old.budget, project.budget)  # every face's edit of the amounts
                if split:
                    return EditResult("failed", "未保存：" + split, base_version,
                                      (Problem(Source(via), split),))
                project = carried_other_cell(old, carried_extras(old, replace(project, seq=old.seq, extras=old.extras)))
                document = replace(stored.document, projects=(project,))
                invalid = document_problems(document, via)
                if invalid:
                    return EditResult("failed", "保存失败：" + "；".join(p.message for p in invalid[:5]),
                                      problems=tuple(invalid))
                plan = plan_document(document)
                if isinstance(plan, str):
                    return EditResult("failed", "保存失败：" + plan)
                outcome = tx.apply(plan, edit_file(via, principal.username), plan.document_hash, None,
                                   {plan.identities[0]: base_version})
                if outcome.status == UNCHANGED:
                    return EditResult("unchanged", "内容没有变化，未生成新版本", base_version)
                assert outcome.status == IMPORTED
                created = [v for v in outcome.versions if v.created]
                tx.add_authors([v.version_id for v in created], actor, via)
                new_number = created[0].version
                tx.audit(actor, "project.edit", "project", project_id,
                         f"修改项目「{old.name}」：第 {base_version} 版 → 第 {new_number} 版",
                         before=project_to_dict(old), after=project_to_dict(project),
                         unit_code=stored.document.unit.code, ip=ip)
                review_in_tx(tx, [v.version_id for v in created], settings, principal.username)
            from perfbudget.library.build import update_library

            update_library(store, [project_id])  # the indicator library follows every edit
            return EditResult("saved", f"已保存为第 {new_number} 版", new_number)
        except StaleVersion as exc:
            made = _newest(store, project_id)
            return EditResult("stale", stale_message(base_version, exc.latest, made, via, project_id), exc.latest)
        except (IntegrityError, OperationalError):
            continue  # a concurrent writer stored the same version number first: look again
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) not in ("40001", "40P01"):
                raise
    return EditResult("stale", stale_message(base_version, None, via=via, project_id=project_id))
