"""A refused import in the audit log: who tried to import which file, when, from where, and why it was refused.

Until attack27 an import refused for its unit (another unit's table, another unit's name), for the account's role, for
an approved table, or for a file or tables with errors left no trace: only the imports that happened were logged.
Now every face's refusal writes one ``document.refused`` entry (「导入被拒绝」 on the admin page, ``GET
/api/v1/audit`` and ``perfbudget audit``). It holds the file's name as sent (never a server path), the face, the
document's unit code when read, and the refusal's messages, each cut short — never the refused document's content.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import func, select

from perfbudget.app.imports import source_name
from perfbudget.store import Store
from perfbudget.store.records import audit_log
from perfbudget.store.schema import utc_now
from perfbudget.store.transaction import Actor

ACTION = "document.refused"
MOST_REASONS = 5  # a file of 300 blocked tables: the first five reasons, and how many there were
MOST_REASON_CHARS = 200
MOST_NAME_CHARS = 200
# An account's refusals logged one by one in any hour; then one entry saying that more follow, then none until the
# hour's oldest entries age out (attack28: each refusal is some 1.5 KB, and a viewer's token could post refused
# documents as fast as the server answers: gigabytes a day of the audit log)
MOST_LOGGED_PER_HOUR = 100


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[:most] + "…"


def record_refusal(store: Store, actor: Actor, file: str, reasons: Sequence[str], *, via: str,
                   unit_code: str | None = None, ip: str | None = None) -> None:
    """One audit entry for an import refused to ``actor`` (in its own transaction: nothing else is written); past
    ``MOST_LOGGED_PER_HOUR`` of the account's in the last hour through the web or the API, one entry saying so, then
    none until fewer remain (the command line's are all kept)."""
    name = _short(source_name(file), MOST_NAME_CHARS)
    said = [_short(r, MOST_REASON_CHARS) for r in reasons[:MOST_REASONS]]
    first = said[0] if said else "未说明原因"
    with store.transaction() as tx:
        logged = 0 if via == "cli" else tx.connection.execute(  # the command line's: whoever runs the server
            select(func.count()).select_from(audit_log).where(
                audit_log.c.action == ACTION, audit_log.c.at >= utc_now() - timedelta(hours=1),
                audit_log.c.username == actor.username)).scalar_one()
        if logged > MOST_LOGGED_PER_HOUR:
            return  # the entry below said so; the attempts are in the server's access log
        if logged == MOST_LOGGED_PER_HOUR:
            tx.audit(actor, ACTION, "document", None,
                     f"一小时内已有 {MOST_LOGGED_PER_HOUR} 次导入被拒绝，此后的拒绝暂不逐条记录"
                     f"（最近一次：导入「{name}」被拒绝：{first}）",
                     after={"file": name, "via": via, "reasons": said, "reason_count": len(reasons),
                            "not_logged_after": MOST_LOGGED_PER_HOUR}, unit_code=unit_code, ip=ip)
            return
        tx.audit(actor, ACTION, "document", None, f"导入「{name}」被拒绝：{first}",
                 after={"file": name, "via": via, "reasons": said, "reason_count": len(reasons)},
                 unit_code=unit_code, ip=ip)
