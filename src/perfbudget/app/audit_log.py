"""The audit log as every face reads it: who changed what, when, with the values before and after.

The web's admin page and ``GET /api/v1/audit`` show it; ``perfbudget audit`` lists it for an auditor at the
command line (it had no way to until 2026-12-04). Entries are written by the use cases inside the change's own
transaction (``Transaction.audit``); reading is ``Transaction.audit_entries``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert

from perfbudget.app import paging
from perfbudget.store import Store
from perfbudget.store.records import audit_log, audit_summary, with_face
from perfbudget.store.schema import utc_now

if TYPE_CHECKING:
    from perfbudget.app.desk import FilterProblem
    from perfbudget.app.roles import Principal

ACTION_LABELS = {
    "user.create": "创建账号",
    "user.password": "修改密码",
    "user.update": "修改账号",
    "token.create": "创建 API 令牌",
    "token.revoke": "吊销 API 令牌",
    "session.login": "登录",
    "session.login_failed": "登录失败",
    "session.login_throttled": "登录尝试过多被拒绝",
    "session.logout": "退出登录",
    "document.import": "导入文件",
    "document.refused": "导入被拒绝",  # who tried, which file, why (app.import_refusals; attack27)
    "project.edit": "修改指标",
    "project.declare": "申报项目",
    "workflow.submit": "送审",
    "workflow.approve": "审核通过",
    "workflow.return": "退回",
    "workflow.reopen": "重新打开",
    "workflow.comment": "添加意见",
    "evaluation.save": "自评打分",
    "monitoring.save": "运行监控",
    # the review desk and the library's admin actions (shown by their English codes, and missing from the admin
    # page's filter, until 2026-12-04; found by attack16)
    "finding.dismissed": "驳回审核发现",
    "finding.confirmed": "确认审核发现",
    "review.comment": "审核人员意见",
    "review.grade": "审核人员评定等级",
    "review.save": "保存审核结果",  # a saved review sets the 审核等级 every face shows (audited since replay-x)
    "library.merge": "合并指标组",
    "library.split": "拆分指标组",
    "library.rename": "指标组改名",
    # an admin's deletion of a project and the unit actions (shown by their codes, 「unit.rename」 「unit 1」, on every
    # face and missing from the admin page's filter until replay-v)
    "project.delete": "删除项目",
    "unit.rename": "单位改名",
    "unit.merge": "合并单位",
}
# What an entry is about, in Chinese: the admin page, ``perfbudget audit`` and the API's ``object_label`` said the
# code (「project 2」, 「token 6」) until replay-j.
OBJECT_LABELS = {"project": "项目", "document": "文件", "user": "账号", "token": "API 令牌",
                 "library_group": "指标组", "unit": "单位", "review": "审核记录"}


def action_filter(given: str | None) -> tuple[str | None, FilterProblem | None]:
    """The action an audit filter names — its code (``workflow.approve``) or its Chinese label (审核通过) — and
    None, or the problem every face says (the CLI on stderr, exit 1; the API 422 ``invalid_filter``; the admin page
    above its list). Until replay-v an unknown action (a typo, 「workflow.aprove」) listed no entry without a word."""
    from perfbudget.app.desk import FilterProblem
    from perfbudget.app.validate import echoed

    text = (given or "").strip()
    if not text:
        return None, None
    if text in ACTION_LABELS:
        return text, None
    by_label = next((code for code, label in ACTION_LABELS.items() if label == text), None)
    if by_label is not None:
        return by_label, None
    known = "、".join(f"{code}（{label}）" for code, label in ACTION_LABELS.items())
    return None, FilterProblem("action", echoed(text), f"操作「{echoed(text)}」无效：应为 {known}")


def project_filter(given: str | None) -> tuple[int | None, FilterProblem | None]:
    """The project an audit filter names by its number (the admin page's box; the API's ``project`` and ``perfbudget
    audit --project`` take an integer ≥ 1 by their own types), or the problem said above the page's list."""
    from perfbudget.app.desk import FilterProblem
    from perfbudget.app.validate import echoed

    text = (given or "").strip()
    if not text:
        return None, None
    if text.isascii() and text.isdigit() and 1 <= int(text) <= 2_147_483_647:
        return int(text), None
    return None, FilterProblem("project", echoed(text), f"项目编号「{echoed(text)}」无效：应为正整数")


def object_label(object_type: str | None) -> str:
    """项目 / 文件 / 账号 / API 令牌 / 指标组 / 单位 for an entry's object type (an unknown one as it is)."""
    return OBJECT_LABELS.get(object_type or "", object_type or "")


def object_name(entry: dict[str, Any]) -> str | None:
    """The name of what an entry is about, as people read it (webflow25): a project's 「名称」（资金）, an account's
    display name, else its name; None for others (a file, a token, an indicator group) and for a project or account
    gone."""
    if entry.get("object_type") == "project" and entry.get("project_name"):
        fund = entry.get("project_fund")
        return f"「{entry['project_name']}」" + (f"（{fund}）" if fund else "")
    if entry.get("object_type") == "user" and entry.get("subject_username"):
        return str(entry.get("subject_display_name") or entry["subject_username"])
    return None


def object_text(entry: dict[str, Any]) -> str:
    """What an entry is about as the pages and ``perfbudget audit`` show it: 「项目「名称」（资金）」, 「账号 王小明」;
    by its number where it has no name (「API 令牌 6」). Until webflow25 every object was shown by its number
    (「项目 10」)."""
    label, name = object_label(entry.get("object_type")), object_name(entry)
    if name:
        return f"{label}{name}" if name.startswith("「") else f"{label} {name}"
    return f"{label} {entry['object_id']}" if entry.get("object_id") else label


# one page of the log on every face (app.paging): `perfbudget audit` listed 50 where `GET /api/v1/audit` gives 100 until
# replay-z
def audit_entries(store: Store, *, limit: int = paging.PAGE, offset: int = 0, action: str | None = None,
                  object_type: str | None = None, object_id: str | None = None,
                  username: str | None = None, entry_id: int | None = None,
                  values_up_to: int | None = None, summary_up_to: int | None = None,
                  project: int | None = None) -> tuple[list[dict[str, Any]], int]:
    """Entries newest first, filtered by action, object, user or id, with the count of all that match; each
    with its ``action_label`` (Chinese). ``values_up_to``: a value before or after of more characters is left
    out (None), its length kept in ``before_chars``/``after_chars`` (the web's lists; an entry's own page and the
    command line read every value whole). ``summary_up_to``: a longer summary is cut there and ends in 「…」 (the
    project's history page, which any reader of the project sees: entries made before leftovers18 name a workflow
    comment whole, up to 5,000 characters). ``username``: the account's name or its display name (the name alone
    until webflow25). Each entry has ``user_label`` (the account's display name, else the name it had) and
    ``object_text`` (:func:`object_text`), what people read. ``project``: the project's entries, the import or 申报
    that brought each of its versions among them (every face's project filter: the CLI's ``--project``, the API's
    ``project``, the admin page's 项目编号 and the project's history page; the imports were left out until replay-x)."""
    with store.reading() as tx:
        rows, total = tx.audit_entries(limit=limit, offset=offset, action=action, object_type=object_type,
                                       object_id=object_id, username=username, entry_id=entry_id,
                                       values_up_to=values_up_to, project_id=project)
    return [{**row, "action_label": ACTION_LABELS.get(row["action"], row["action"]),
             "display_name": row.get("display_name") or None,
             "user_label": row.get("display_name") or row["username"],
             "object_name": object_name(row), "object_text": object_text(row),
             "summary": shortened(summary_read(row), summary_up_to)} for row in rows], total


def project_in_summary(name: str, fund_label: str | None) -> str:
    """「项目「2024年检察业务经费项目」（2024市级）」: a project as a workflow step's audit summary names it."""
    return f"项目「{name}」" + (f"（{fund_label}）" if fund_label else "")


def summary_read(entry: dict[str, Any]) -> str | None:
    """An entry's summary as people read it: a workflow step recorded before replay-o named its project by number
    (「项目 10：送审」); while the project is there it is named as the step names it now
    (「项目「名称」（资金）：送审」), the rest of the summary as recorded."""
    summary = entry.get("summary")
    if not summary or not str(entry.get("action") or "").startswith("workflow.") \
            or entry.get("object_type") != "project" or not entry.get("project_name"):
        return summary
    numbered = f"项目 {entry.get('object_id')}："
    if not summary.startswith(numbered):
        return summary
    return f"{project_in_summary(entry['project_name'], entry.get('project_fund'))}：{summary[len(numbered):]}"


SUMMARY_COMMENT = 200  # characters of a workflow comment an audit summary names (the entry's ``after`` has it whole)


def shortened(text: str | None, most: int | None) -> str | None:
    """``text`` cut to ``most`` characters and ended with 「…」 when longer (None: whole)."""
    if text is None or most is None or len(text) <= most:
        return text
    return text[:most] + "…"


def values_omitted(before: Any, after: Any, before_chars: int | None, after_chars: int | None) -> bool:
    """Whether a value before or after was too long for a list and left out (null, though it has a length)."""
    return (before is None and bool(before_chars)) or (after is None and bool(after_chars))


def audit_item(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry as the API and ``perfbudget audit --json`` give it (one shape for both faces): a value left out
    of a list for its length (``values_up_to``) is null with ``values_omitted`` true. ``changes``: what changed
    as people read it (:func:`perfbudget.app.audit_changes.changes`: each field's Chinese name, before and after
    as text), beside the values' JSON for machines."""
    from perfbudget.app.audit_changes import changes
    from perfbudget.app.times import utc_iso

    omitted = values_omitted(entry["before"], entry["after"], entry.get("before_chars"), entry.get("after_chars"))
    return {"id": entry["id"], "at": utc_iso(entry["at"]), "user": entry["username"],
            "user_label": entry.get("user_label") or entry["username"], "action": entry["action"],
            "action_label": ACTION_LABELS.get(entry["action"], entry["action"]),
            "object_type": entry["object_type"], "object_label": object_label(entry["object_type"]),
            "object_id": entry["object_id"], "object_name": entry.get("object_name"),
            "object_text": entry.get("object_text") or object_text(entry), "unit_code": entry["unit_code"],
            "summary": entry["summary"], "before": entry["before"], "after": entry["after"], "ip": entry["ip"],
            "values_omitted": omitted,
            "changes": [c.to_dict() for c in changes(entry["action"], entry["before"], entry["after"])]}


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def record(connection: Connection, actor: Principal | None, action: str, object_type: str,
           object_id: str | int | None, summary: str, *, before: Any = None, after: Any = None,
           unit_code: str | None = None, ip: str | None = None, username: str | None = None,
           face: str | None = None) -> None:
    """Add one entry; ``before``/``after`` are any JSON-able values (stored as JSON text), ``after`` with the face
    that acted (``face``, else the principal's: :func:`perfbudget.store.records.with_face`)."""
    connection.execute(insert(audit_log).values(
        at=utc_now(), user_id=actor.id if actor else None,
        username=actor.username if actor else username, action=action, object_type=object_type,
        object_id=None if object_id is None else str(object_id), unit_code=unit_code, summary=audit_summary(summary),
        before=_json(before),
        after=_json(with_face(after, face or (actor.face if actor else None))), ip=ip))
