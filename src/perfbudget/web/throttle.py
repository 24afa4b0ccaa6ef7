"""Sign-in throttling, per account name and per client address, counted from the audit log.

Every failed sign-in is already in the audit log (``session.login_failed``, with the name
typed and the address). Before checking a password, :func:`wait_seconds` counts the
failures of the last ``window_minutes``: for the name typed (only those after its last
successful sign-in) and for the address. At ``max_failures_per_account`` failures for the
name, or ``max_failures_per_address`` for the address, sign-in is refused without
checking the password (HTTP 429 with ``Retry-After``) until the window has passed since
the latest failure. The answer is the same whether the account exists or not, and the
first refusal of each lock is logged (``session.login_throttled``). Counting in the
database makes the policy hold across every worker process.

An address the account signed in from before (within ``KNOWN_ADDRESS_DAYS``) is held only to the failures
made from it: a stranger failing five times every window kept an account locked for ever, its owner too
(found by attack13, 2026-12-04). Guessing stays bounded: from a new address the account's failures from
everywhere count, from a known one those from there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, func, select

from perfbudget.store.records import audit_log
from perfbudget.store.schema import utc_now

FAILED = "session.login_failed"
THROTTLED = "session.login_throttled"
SIGNED_IN = "session.login"
KNOWN_ADDRESS_DAYS = 90  # a successful sign-in from an address this recent makes it the account's own


@dataclass(frozen=True, slots=True)
class LoginPolicy:
    """Attributes:
        max_failures_per_account: failures of one account name in the window before it is locked
            (default 5; env PERFBUDGET_LOGIN_MAX_FAILURES).
        max_failures_per_address: failures from one client address in the window before it is
            locked (default 20; env PERFBUDGET_LOGIN_MAX_FAILURES_PER_ADDRESS).
        window_minutes: the window, and how long a lock lasts after the latest failure
            (default 15; env PERFBUDGET_LOGIN_WINDOW_MINUTES).
    """

    max_failures_per_account: int = 5
    max_failures_per_address: int = 20
    window_minutes: int = 15


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _failures(connection: Connection, since: datetime, *, username: str | None = None,
              ip: str | None = None) -> tuple[int, datetime | None]:
    where = [audit_log.c.action == FAILED, audit_log.c.at >= since]
    if username is not None:
        where.append(audit_log.c.username == username)
        last_success = connection.execute(select(func.max(audit_log.c.at)).where(
            audit_log.c.action == SIGNED_IN, audit_log.c.username == username,
            audit_log.c.at >= since)).scalar()
        if last_success is not None:
            where.append(audit_log.c.at > last_success)
    if ip is not None:
        where.append(audit_log.c.ip == ip)
    count, latest = connection.execute(select(func.count(), func.max(audit_log.c.at)).where(*where)).one()
    return int(count), latest


def wait_seconds(connection: Connection, username: str, ip: str | None, policy: LoginPolicy) -> int:
    """Seconds until this name and address may try again; 0 when they may now."""
    now = utc_now()
    window = timedelta(minutes=policy.window_minutes)
    since = now - window
    wait = 0.0
    name = username[:64]
    checks = [(policy.max_failures_per_account, _failures(connection, since, username=name))]
    if ip and checks[0][1][0] >= policy.max_failures_per_account and known_address(connection, name, ip, now):
        # the owner's address: others' failures do not lock it. Asked only of a name locked from everywhere (the
        # failures from one address are fewer): the look-up reads every sign-in of 90 days, 90 ms of CPU with 300,000
        # of them, and was made for every attempt until attack28
        checks[0] = (policy.max_failures_per_account, _failures(connection, since, username=name, ip=ip))
    if ip:
        checks.append((policy.max_failures_per_address, _failures(connection, since, ip=ip)))
    for limit, (count, latest) in checks:
        if count >= limit and latest is not None:
            wait = max(wait, (_aware(latest) + window - now).total_seconds())
    return max(1, math.ceil(wait)) if wait > 0 else 0


def known_address(connection: Connection, username: str, ip: str, now: datetime) -> bool:
    """Whether ``username`` signed in successfully from ``ip`` within ``KNOWN_ADDRESS_DAYS``."""
    since = now - timedelta(days=KNOWN_ADDRESS_DAYS)
    return connection.execute(select(audit_log.c.id).where(
        audit_log.c.action == SIGNED_IN, audit_log.c.at >= since, audit_log.c.username == username,
        audit_log.c.ip == ip).limit(1)).first() is not None


def already_logged(connection: Connection, username: str, ip: str | None, policy: LoginPolicy) -> bool:
    """Whether this lock's refusal is already in the audit log: only the first one is logged, for the name or for the
    address. A refusal is logged when neither the name nor the address has one since the lock's latest failure.
    Until attack28 a refusal was looked for under this name *and* this address: an address locked by its 20
    failures wrote one entry for each new name it typed, as fast as it could send them, without signing in."""
    since = utc_now() - timedelta(minutes=policy.window_minutes)
    name = username[:64]
    by_name_or_address = (audit_log.c.username == name) | (audit_log.c.ip == ip) if ip \
        else audit_log.c.username == name
    latest_failure = connection.execute(select(func.max(audit_log.c.at)).where(
        audit_log.c.action == FAILED, audit_log.c.at >= since, by_name_or_address)).scalar()
    if latest_failure is None:
        return False
    found = connection.execute(select(audit_log.c.id).where(
        audit_log.c.action == THROTTLED, audit_log.c.at >= latest_failure, by_name_or_address).limit(1)).first()
    return found is not None
