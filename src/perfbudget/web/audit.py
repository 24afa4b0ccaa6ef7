"""The audit log: every change, who made it, when, and the values before and after.

:func:`perfbudget.app.audit_log.record` (every use case writes with it) writes inside the caller's transaction, so a
change and its audit entry are committed together or not at all; this module reads the entries for the pages and
the API.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from perfbudget.app.audit_log import ACTION_LABELS, audit_item, object_label, values_omitted
from perfbudget.store import Store


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
    before_chars: int | None = None  # the stored JSON's length (None: no value)
    after_chars: int | None = None
    user_label: str | None = None  # the account's display name, else its name (the name alone until webflow25)
    object_name: str | None = None  # the project's 「名称」（资金）, the account's display name (webflow25)
    object_text: str = ""  # 项目「名称」（资金）, 账号 王小明, API 令牌 6: what the pages show

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def object_label(self) -> str:
        return object_label(self.object_type)

    def to_dict(self) -> dict[str, Any]:
        """As the API gives it: :func:`perfbudget.app.audit_log.audit_item`, the shape ``perfbudget audit`` gives."""
        return audit_item({f.name: getattr(self, f.name) for f in fields(self)})

    @property
    def change_lines(self) -> list[str]:
        """What changed as people read it (「流程状态：已送审 → 审核通过」), the command line's lines."""
        from perfbudget.app.audit_changes import change_lines

        return change_lines(self.action, self.before, self.after)

    @property
    def values_omitted(self) -> bool:
        """Whether a value before or after was too long for a list and left out (read the entry alone)."""
        return values_omitted(self.before, self.after, self.before_chars, self.after_chars)


# The longest value before or after (characters of its JSON) a list of entries shows; an entry's own page and
# ``GET /api/v1/audit/{id}`` show any. An edit keeps the whole project before and after: 30 edits of a project of
# 1,000 indicators by a unit editor made the admin's 审计日志 a page of 77 MB, the API's list 89 MB, the server
# peaking at 819 MB, and each view of the project's history read them all (0.6 s) until 2026-12-04 (attack16).
VALUES_IN_LISTS = 20_000


def entries(store: Store, *, limit: int = 100, offset: int = 0, action: str | None = None,
            object_type: str | None = None, object_id: str | None = None,
            username: str | None = None, entry_id: int | None = None,
            values_up_to: int | None = VALUES_IN_LISTS, summary_up_to: int | None = None,
            project: int | None = None) -> tuple[list[AuditEntry], int]:
    """Entries newest first, filtered; with the total count of matching entries — the use case
    :func:`perfbudget.app.audit_log.audit_entries`, which ``perfbudget audit`` shows too. Values longer than
    ``values_up_to`` characters are left out (None: every value whole)."""
    from perfbudget.app.audit_log import audit_entries

    rows, total = audit_entries(store, limit=limit, offset=offset, action=action, object_type=object_type,
                                object_id=object_id, username=username, entry_id=entry_id,
                                values_up_to=values_up_to, summary_up_to=summary_up_to, project=project)
    return [AuditEntry(r["id"], r["at"], r["username"], r["action"], r["object_type"], r["object_id"],
                       r["unit_code"], r["summary"], r["before"], r["after"], r["ip"], r["before_chars"],
                       r["after_chars"], r["user_label"], r["object_name"], r["object_text"]) for r in rows], total
