"""Read-your-writes for one user session when the store reads from a streaming replica.

The faces keep a session's WAL position (a short text such as ``0/3000148``) between requests —
the web app in its signed session cookie — and run each request inside :func:`user_session`:
reads then go to the replica unless it has not yet replayed this session's last write, in which
case they go to the primary; writes always go to the primary and move the position on. See
:mod:`perfbudget.store.engine` (the rules) and docs/scale.md (the choice of LSNs over a timer).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from perfbudget.store.api import Store
from perfbudget.store.engine import ReadPosition, session_scope, valid_lsn

__all__ = ["ReadPosition", "replica_enabled", "replica_problem", "settle", "user_session"]


def replica_enabled(store: Store) -> bool:
    return store.router.replica is not None


def replica_problem(store: Store) -> str | None:
    """Why the store's replica cannot serve reads (unreachable, or not a standby in recovery), or None."""
    return store.router.replica_problem()


@contextmanager
def user_session(lsn: object = None) -> Iterator[ReadPosition]:
    """The block's reads and writes belong to one user session whose last write was at ``lsn``
    (what an earlier request left in ``position.lsn``; anything that is not a WAL position is ignored).
    After the block, ``position.lsn`` is what the face keeps for the session's next request."""
    with session_scope(ReadPosition(lsn=valid_lsn(lsn))) as position:
        yield position


def settle(store: Store, position: ReadPosition, timeout: float = 1.0) -> bool:
    """Wait (at most ``timeout`` s) until the replica holds the session's last write; then the
    session needs no position any more (for clients that keep no session, such as API scripts)."""
    if position.lsn is None:
        return True
    if store.router.wait_for_replica(position.lsn, timeout):
        position.lsn = None
        return True
    return False
