"""Pure ASGI middleware that gives each request its user session's read routing (replica or primary).

Installed only when the store has a replica (``serve --replica-db``). Inside the session
middleware: it reads the session's WAL position from the signed session cookie (key ``wal``),
runs the request inside :func:`perfbudget.app.read_routing.user_session`, and before the response
starts writes the new position back (or drops it once the replica has caught up). A request with
an ``Authorization`` header (an API client, which may keep no cookie) that wrote something waits
up to ``settle_seconds`` for the replica to replay it, so its next request reads its own write too.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from perfbudget.app.read_routing import settle, user_session
from perfbudget.store.api import Store

SESSION_KEY = "wal"


class ReadRouting:
    def __init__(self, app: ASGIApp, store: Store, settle_seconds: float = 1.0) -> None:
        self.app = app
        self.store = store
        self.settle_seconds = settle_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        session = scope.get("session")
        api_client = any(name == b"authorization" for name, _ in scope.get("headers", []))
        with user_session(session.get(SESSION_KEY) if session is not None else None) as position:

            async def send_keeping_position(message: Message) -> None:
                if message["type"] == "http.response.start":
                    if position.lsn is not None and api_client:
                        await run_in_threadpool(settle, self.store, position, self.settle_seconds)
                    if session:  # a signed-in session (an empty one is never created for this)
                        if position.lsn is not None:
                            session[SESSION_KEY] = position.lsn
                        else:
                            session.pop(SESSION_KEY, None)
                await send(message)

            await self.app(scope, receive, send_keeping_position)
