"""An account's successful sign-ins in the audit log, bounded without losing one.

Each sign-in was one ``session.login`` entry, and an account signing in again and again with its own password (a
script without a cookie jar, or whoever holds the password) added one at the pace of the password's hash, some 20 a
second on two cores: 1.7 million entries a day (attack28's leftover, bounded by attack29). Now:

* up to ``MOST_LOGGED_PER_HOUR`` of the account's sign-ins in the last hour are logged one by one, as before;
* past that, an address's sign-ins are logged at most once every ``FOLD_MINUTES``: the first one says so, and a
  sign-in within that time of such an entry from the same address is folded (its session row, ``web_sessions``,
  holds its time and address), and the next entry from that address counts the sign-ins folded since the one before it
  (「…上一条记录以来同一地址另有 N 次登录」, ``after["folded"]``), below the bound again too.

So each sign-in is either an entry of its own or counted in its address's next entry, and an account adds at most
``MOST_LOGGED_PER_HOUR`` + 6 entries an hour for each address it signs in from. The sign-ins of a burst's last
``FOLD_MINUTES`` are counted when the account next signs in from that address past the bound; until then they are
in the sessions table and the server's access log. What else reads these entries is unchanged: the address is still
the account's own (``web.throttle.known_address``), and the name's failures still count from its latest entry (a
burst's folded sign-ins move it at most ``FOLD_MINUTES`` later).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, Connection, Engine, func, select

from perfbudget.app import audit_log as audit
from perfbudget.app.roles import WEB_FACE, Principal
from perfbudget.store.account_tables import web_sessions
from perfbudget.store.engine import write_transaction
from perfbudget.store.records import audit_log
from perfbudget.store.schema import utc_now

ACTION = "session.login"
MOST_LOGGED_PER_HOUR = 60
FOLD_MINUTES = 10
# how far back an address's previous entry is looked for: sessions are kept a day past their end (web.sessions.start),
# so the folded sign-ins after an entry of the last day are all still there to count
_PREVIOUS_WITHIN = timedelta(days=1)
_FOLDING = '"fold_minutes"'  # in the ``after`` of an entry written past the bound


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _same_address(column: ColumnElement[str | None], ip: str | None) -> ColumnElement[bool]:
    return column.is_(None) if ip is None else column == ip


def _previous_entry(connection: Connection, username: str, ip: str | None,
                    now: datetime) -> tuple[datetime, bool] | None:
    """The time of the account's latest entry from ``ip`` in the last day, and whether it was past the bound."""
    row = connection.execute(select(audit_log.c.at, audit_log.c.after).where(
        audit_log.c.username == username, audit_log.c.action == ACTION, audit_log.c.at >= now - _PREVIOUS_WITHIN,
        _same_address(audit_log.c.ip, ip)).order_by(audit_log.c.at.desc()).limit(1)).first()
    return None if row is None else (_aware(row.at), _FOLDING in (row.after or ""))


def _folded_since(connection: Connection, user_id: int, ip: str | None, since: datetime | None) -> int:
    """The account's sign-ins from ``ip`` after ``since`` not logged one by one: its sessions started since, less the
    one this sign-in started."""
    if since is None:
        return 0
    started = connection.execute(select(func.count()).select_from(web_sessions).where(
        web_sessions.c.user_id == user_id, web_sessions.c.created_at > since,
        _same_address(web_sessions.c.ip, (ip or "")[:64] or None))).scalar_one()
    return max(0, int(started) - 1)


def record_sign_in(engine: Engine, principal: Principal, ip: str | None) -> bool:
    """Log a successful sign-in of ``principal`` from ``ip`` (after its session started), or fold it into its
    address's next entry past the hour's bound; True when an entry was written."""
    now = utc_now()
    name = principal.username
    with write_transaction(engine, moves=None) as connection:
        logged = connection.execute(select(func.count()).select_from(audit_log).where(
            audit_log.c.username == name, audit_log.c.action == ACTION,
            audit_log.c.at >= now - timedelta(hours=1))).scalar_one()
        previous = _previous_entry(connection, name, ip, now)
        past_bound = logged >= MOST_LOGGED_PER_HOUR
        if past_bound and previous is not None and previous[1] and previous[0] > now - timedelta(minutes=FOLD_MINUTES):
            return False  # folded: counted by this address's next entry
        # the sign-ins folded after the address's last entry, counted by this one (below the bound again too)
        folded = _folded_since(connection, principal.id, ip, previous[0]) if previous and previous[1] else 0
        said = f"上一条记录以来同一地址另有 {folded} 次登录" if folded else ""
        if past_bound:
            summary = (f"{name} 登录（一小时内已登录 {MOST_LOGGED_PER_HOUR} 次以上：同一地址 {FOLD_MINUTES} 分钟内的"
                       f"登录合记一条{'；' + said if said else ''}）")
            after: dict[str, int] | None = {"folded": folded, "fold_minutes": FOLD_MINUTES}
        else:
            summary = f"{name} 登录（{said}）" if said else f"{name} 登录"
            after = {"folded": folded} if folded else None
        audit.record(connection, principal, ACTION, "user", principal.id, summary, after=after, ip=ip,
                     face=WEB_FACE)  # only the sign-in page signs in
        return True
