"""What an audit entry changed, as people read it: each field by its Chinese name, its value before → after.

The audit log keeps each change's values before and after as JSON (``audit_log.before``/``after``), and the
admin page, ``perfbudget audit`` and ``GET /api/v1/audit`` showed that JSON as it is (「{"state": "submitted"}」)
until replay-l. :func:`changes` reads the two values into :class:`Change` rows — 「流程状态：已送审 → 已退回」, an
edit's 「第 3 个指标「…」 指标值：≥12次 → ≥15次」 — for every face; the JSON stays for machines (``--json``, the
API's ``before``/``after``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The fields audit entries hold (app.workflow, app.accounts, app.evaluations, app.review_desk, app.library,
# app.imports, app.edits' projects), by their Chinese names; a field not named here is shown by its key.
FIELD_LABELS = {
    "state": "流程状态", "comment": "意见", "justification": "送审说明", "version": "版本",
    "username": "账号", "display_name": "显示名称", "role": "角色", "unit_code": "单位", "active": "状态",
    "token_ids": "API 令牌编号", "user_id": "账号编号", "name": "名称", "prefix": "令牌前缀",
    "evaluation_id": "记录编号", "total": "总分", "grade": "等级", "month": "监控截至月份", "colour": "预警灯",
    "rule": "规则", "indicator": "指标", "field": "栏目", "reason": "理由",
    "groups": "指标组", "group": "指标组", "names": "指标名称",
    "face": "操作途径",
    "file": "文件", "via": "方式", "document_id": "文件编号", "forced": "强制导入", "versions": "带来的版本",
    "reasons": "拒绝原因", "reason_count": "原因条数",
    # a project's own fields (an edit keeps the whole project before and after)
    "seq": "表中序号", "title": "表名", "fund_label": "资金标签", "fund_year": "资金年度", "fund_source": "资金来源",
    "budget": "预算", "fiscal": "财政资金", "other": "其他资金", "initial": "年初预算数", "executed": "全年执行数",
    "rate": "执行率", "weight": "分值", "score": "得分", "purpose": "资金用途", "goals": "绩效目标",
    "indicators": "指标", "name_cell": "项目名称栏", "extras": "其他栏目", "complete": "完整", "cut": "截断位置",
    "needs_check": "需人工核对",
    "level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "description": "指标内容",
    "target": "指标值", "actual": "实际完成值", "deviation": "偏差原因",
    # a project deleted, a unit renamed or merged (their English keys were shown until replay-v)
    "unit": "单位", "code": "编码", "id": "编号", "reviews": "删除的审核记录", "evaluations": "删除的自评与监控记录",
    "documents_deleted": "删除的文件记录", "documents_kept": "保留的文件记录", "unit_deleted": "单位一并删除",
    "projects": "项目编号", "aliases": "别名",
    # a saved review (review.save, since replay-x)
    "count": "项目数", "records": "审核记录编号", "grades": "审核等级", "year": "年度",
}
# Some fields' values are codes: shown by their labels.
_STATE_WORDS = {"draft": "草稿", "submitted": "已送审", "returned": "已退回", "approved": "审核通过"}
_ROLE_WORDS = {"admin": "管理员", "reviewer": "审核人员", "unit_editor": "单位填报人员", "viewer": "查看人员"}
_LIGHT_WORDS = {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "blue": "蓝灯"}
_VIA_WORDS = {"cli": "命令行导入", "upload": "网页上传", "api": "接口导入", "declare": "网页申报", "edit": "网页修改"}
# which face made the change: a workflow step's since faces-v, every entry's since replay-w (app.roles.Principal.face)
_FACE_WORDS = {"cli": "命令行", "web": "网页", "api": "接口"}
_VALUE_WORDS = {"state": _STATE_WORDS, "role": _ROLE_WORDS, "colour": _LIGHT_WORDS, "via": _VIA_WORDS,
                "face": _FACE_WORDS}
_PROJECT_ACTIONS = frozenset(("project.edit",))
# a field an action records in its own sense: a deleted project's ``versions`` is how many it had (an import's are
# the versions it brought)
_ACTION_FIELD_LABELS = {"project.delete": {"versions": "版本数"}}
NONE = "—"


@dataclass(frozen=True, slots=True)
class Change:
    """One field an entry changed: its Chinese name and its value before and after as text (None: no value)."""

    field: str
    before: str | None
    after: str | None

    def line(self) -> str:
        """「流程状态：已送审 → 已退回」; a value only after (a creation) 「账号：ed」, only before 「…：x → —」."""
        if self.before is None:
            return f"{self.field}：{self.after if self.after is not None else NONE}"
        return f"{self.field}：{self.before} → {self.after if self.after is not None else NONE}"

    def to_dict(self) -> dict[str, str | None]:
        return {"field": self.field, "before": self.before, "after": self.after}


def changes(action: str, before: Any, after: Any) -> tuple[Change, ...]:
    """The fields whose values differ between ``before`` and ``after`` (both as the audit log keeps them: a dict,
    None, or any JSON value), in their order, each named in Chinese. An entry with values only after (a creation,
    an import) lists each of them; a project edit lists only the project's fields and indicators that changed."""
    if action in _PROJECT_ACTIONS and isinstance(before, dict) and isinstance(after, dict):
        # an edit keeps the project on both sides, and beside it after the face that made it (since replay-w)
        face = after.get("face")
        project = {key: value for key, value in after.items() if key != "face"}
        said = [Change(_label("face"), None, _value("face", face))] if isinstance(face, str) else []
        return (*_project_changes(before, project), *said)
    if not isinstance(before, dict) and not isinstance(after, dict):
        if before == after:
            return ()
        return (Change("值", _text(before) if before is not None else None, _text(after)),)
    old = before if isinstance(before, dict) else {}
    new = after if isinstance(after, dict) else {}
    shown = []
    for key in sorted({*old, *new}, key=_field_order):
        if key in old and key in new and old[key] == new[key]:
            continue
        if key not in old and new.get(key) is None:
            continue  # nothing before, nothing after (a workflow step without a comment)
        label = _ACTION_FIELD_LABELS.get(action, {}).get(key) or _label(key)
        shown.append(Change(label, _value(key, old[key]) if key in old else None,
                            _value(key, new[key]) if key in new else None))
    return tuple(shown)


def change_lines(action: str, before: Any, after: Any) -> list[str]:
    """:func:`changes` as lines (the command line's and the page's text)."""
    return [change.line() for change in changes(action, before, after)]


_ORDER = {key: at for at, key in enumerate(FIELD_LABELS)}


def _field_order(key: str) -> tuple[int, str]:
    """Fields in the order :data:`FIELD_LABELS` names them (the stored JSON's keys are sorted by their codes)."""
    return _ORDER.get(key, len(_ORDER)), key


def _label(key: str) -> str:
    return FIELD_LABELS.get(key, key)


def _value(key: str, value: Any) -> str:
    if key == "field" and isinstance(value, str):  # a finding's cell: 绩效目标, 指标值 … (the desk's own names)
        from perfbudget.app.review_desk import FINDING_FIELDS

        return FINDING_FIELDS.get(value, value)
    if key == "indicator" and isinstance(value, int) and not isinstance(value, bool):
        return f"第 {value} 个指标"
    words = _VALUE_WORDS.get(key)
    if words is not None and isinstance(value, str):
        return words.get(value, value)
    if key == "active" and isinstance(value, bool):
        return "启用" if value else "停用"
    if key == "version" and isinstance(value, int) and not isinstance(value, bool):
        return f"第 {value} 版"
    if key == "versions" and isinstance(value, list):
        return "、".join(_version_text(v) if isinstance(v, dict) else _text(v) for v in value) or NONE
    return _text(value)


def _version_text(version: dict[str, Any]) -> str:
    """A version an import brought: 「项目「名称」（资金）第 2 版」 as the entry recorded its project (since 2026-12-06;
    entries recorded before name only the project's number: 「项目 10 第 2 版」)."""
    project = version.get("project")
    named = f"项目{project}" if isinstance(project, str) and project else f"项目 {version.get('project_id')} "
    return f"{named}第 {version.get('version')} 版"


def _text(value: Any) -> str:
    """A JSON value as text: a bool 是/否, a list joined with 「、」, a dict 「名称：值；…」, None 「—」."""
    if value is None:
        return NONE
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(_text(v) for v in value) or NONE
    if isinstance(value, dict):
        if "raw" in value:  # a target: its text as written
            return _text(value["raw"])
        return "；".join(f"{_label(k)}：{_text(v)}" for k, v in value.items() if v is not None) or NONE
    return str(value)


def _project_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """A project's fields that differ (the budget field by field), then its indicators by position: a changed
    indicator's changed columns, an indicator added or removed whole."""
    shown: list[Change] = []
    for key in [*old, *(k for k in new if k not in old)]:
        if key == "indicators" or old.get(key) == new.get(key):
            continue
        if key == "budget" and isinstance(old.get(key), dict) and isinstance(new.get(key), dict):
            for part in [*old[key], *(k for k in new[key] if k not in old[key])]:
                if old[key].get(part) != new[key].get(part):
                    shown.append(Change(f"预算 {_label(part)}" if part != "total" else "预算数",
                                        _text(old[key].get(part)), _text(new[key].get(part))))
            continue
        shown.append(Change(_label(key), _text(old.get(key)), _text(new.get(key))))
    before, after = old.get("indicators") or [], new.get("indicators") or []
    for at in range(max(len(before), len(after))):
        one = before[at] if at < len(before) else None
        other = after[at] if at < len(after) else None
        if one == other:
            continue
        place = f"第 {at + 1} 个指标「{_indicator_name(other or one)}」"
        if one is None or other is None:
            shown.append(Change(place, _indicator_text(one) if one is not None else NONE,
                                _indicator_text(other) if other is not None else None))
            continue
        for key in [*one, *(k for k in other if k not in one)]:
            if one.get(key) != other.get(key):
                shown.append(Change(f"{place} {_label(key)}", _text(one.get(key)), _text(other.get(key))))
    return shown


def _indicator_name(indicator: Any) -> str:
    return str(indicator.get("level3") or "") if isinstance(indicator, dict) else ""


def _indicator_text(indicator: Any) -> str:
    if not isinstance(indicator, dict):
        return _text(indicator)
    levels = "/".join(str(indicator.get(k)) for k in ("level1", "level2", "level3") if indicator.get(k))
    return f"{levels} {_text(indicator.get('target'))}".strip()
