"""The audit log: every change, who made it, when, and the values before and after.

:func:`record` writes inside the caller's transaction, so a change and its audit entry
are committed together or not at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select

from perfbudget.app.times import utc_iso
from perfbudget.store.schema import utc_now
from perfbudget.web.roles import Principal
from perfbudget.web.tables import audit_log

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
    "project.edit": "修改指标",
    "project.declare": "申报项目",
    "workflow.submit": "送审",
    "workflow.approve": "审核通过",
    "workflow.return": "退回",
    "workflow.reopen": "重新打开",
    "workflow.comment": "添加意见",
    "evaluation.save": "自评打分",
    "monitoring.save": "运行监控",
}


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def record(connection: Connection, actor: Principal | None, action: str, object_type: str,
           object_id: str | int | None, summary: str, *, before: Any = None, after: Any = None,
           unit_code: str | None = None, ip: str | None = None, username: str | None = None) -> None:
    """Add one entry; ``before``/``after`` are any JSON-able values (stored as JSON text)."""
    connection.execute(insert(audit_log).values(
        at=utc_now(), user_id=actor.id if actor else None,
        username=actor.username if actor else username, action=action, object_type=object_type,
        object_id=None if object_id is None else str(object_id), unit_code=unit_code, summary=summary,
        before=_json(before), after=_json(after), ip=ip))


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audit entry as shown (``before``/``after`` parsed back from JSON)."""

    id: int
    at: datetime
    username: str | None
    action: str
    object_type: str
    object_id: str | None
    unit_code: str | None
    summary: str
    before: Any
    after: Any
    ip: str | None

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": utc_iso(self.at), "user": self.username, "action": self.action,
                "object_type": self.object_type, "object_id": self.object_id, "unit_code": self.unit_code,
                "summary": self.summary, "before": self.before, "after": self.after, "ip": self.ip}


def entries(connection: Connection, *, limit: int = 100, offset: int = 0, action: str | None = None,
            object_type: str | None = None, object_id: str | None = None,
            username: str | None = None) -> tuple[list[AuditEntry], int]:
    """Entries newest first, filtered; with the total count of matching entries."""
    query = select(audit_log)
    count = select(func.count()).select_from(audit_log)
    for column, value in ((audit_log.c.action, action), (audit_log.c.object_type, object_type),
                          (audit_log.c.object_id, object_id), (audit_log.c.username, username)):
        if value:
            query = query.where(column == value)
            count = count.where(column == value)
    rows = connection.execute(query.order_by(audit_log.c.id.desc()).limit(limit).offset(offset)).mappings()
    out = [AuditEntry(r["id"], r["at"], r["username"], r["action"], r["object_type"], r["object_id"],
                      r["unit_code"], r["summary"], json.loads(r["before"]) if r["before"] else None,
                      json.loads(r["after"]) if r["after"] else None, r["ip"]) for r in rows]
    return out, connection.execute(count).scalar_one()
