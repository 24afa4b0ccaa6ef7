"""The data version asked on the event loop (PostgreSQL without a replica) in rounds: the requests that
arrive while a question waits for its place share it, and no request gets a version read before it
arrived (a change committed before a request is always seen by it)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Iterator
from typing import Any

import pytest
from sqlalchemy import text

from perfbudget.store.engine import make_engine, write_transaction
from perfbudget.web.freshness import DataVersion
from tests.web.conftest import make_app


class Counted(DataVersion):
    """A DataVersion counting its questions, each answer held until ``release`` is set (when given)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.questions = 0
        self.answered = 0
        self.release: asyncio.Event | None = None

    async def read_on_loop(self, read: Callable[[Any], Awaitable[Any]], page: bool = True,
                           sent: Callable[[], None] | None = None) -> Any:
        async def held(connection: Any) -> Any:
            self.questions += 1
            value = await read(connection)
            self.answered += 1
            if self.release is not None:
                await self.release.wait()
            return value

        if sent is None:
            return await super().read_on_loop(held, page)
        return await super().read_on_loop(held, page, sent)


def move_data(url: str) -> None:
    other = make_engine(url)
    try:
        with write_transaction(other, moves=None) as connection:  # a change made outside perfbudget
            connection.execute(text("UPDATE change_counters SET data = data + 1"))
    finally:
        other.dispose()


@pytest.fixture
def counted(pg_url: str) -> Iterator[Counted]:
    """A counting DataVersion on a fresh migrated store of ``pg_url``."""
    app = make_app(pg_url)
    version = Counted(app.state.engine)
    try:
        yield version
    finally:
        version.close()
        app.state.engine.dispose()


@pytest.mark.postgres
def test_requests_at_once_share_one_question(pg_url: str, counted: Counted) -> None:
    version = counted
    assert version.on_loop

    async def many() -> list[Hashable]:
        return list(await asyncio.gather(*(version.current_async() for _ in range(50))))

    answers = asyncio.run(many())
    assert version.questions == 1 and set(answers) == {version.current()}
    move_data(pg_url)
    again = asyncio.run(many())  # a new loop: the old loop's rounds and connections let go
    assert set(again) == {version.current()} and again[0] != answers[0]
    assert version.questions == 2


@pytest.mark.postgres
def test_a_request_never_joins_a_question_already_sent(pg_url: str, counted: Counted) -> None:
    """A change committed while a question is in flight (sent, its answer not yet given): a request arriving
    after the change asks a question of its own and sees the change; the first request gets the older one."""
    version = counted
    before = version.current()

    async def scenario() -> tuple[Hashable, Hashable, Hashable]:
        version.release = asyncio.Event()
        first = asyncio.create_task(version.current_async())
        while version.answered < 1:  # the first question sent and answered, its answer held
            await asyncio.sleep(0.01)
        await asyncio.to_thread(move_data, pg_url)
        later = [asyncio.create_task(version.current_async()) for _ in range(5)]
        while version.answered < 2:
            await asyncio.sleep(0.01)
        version.release.set()
        answers = await asyncio.gather(first, *later)
        assert len(set(answers[1:])) == 1  # the five arrived together: one round
        return answers[0], answers[1], version.current()

    first, later, now = asyncio.run(scenario())
    assert first == before and later == now and later != before
    assert version.questions == 2


@pytest.mark.postgres
def test_a_failed_question_fails_every_request_of_its_round(pg_url: str) -> None:
    app = make_app(pg_url)
    version = DataVersion(app.state.engine)
    try:
        with app.state.engine.begin() as connection:
            connection.execute(text("ALTER TABLE change_counters RENAME TO change_counters_gone"))

        async def many() -> list[Any]:
            return list(await asyncio.gather(*(version.current_async() for _ in range(5)), return_exceptions=True))

        failures = asyncio.run(many())
        assert all(isinstance(f, Exception) and "change_counters" in str(f) for f in failures)
        with app.state.engine.begin() as connection:
            connection.execute(text("ALTER TABLE change_counters_gone RENAME TO change_counters"))

        async def one() -> Hashable:
            return await version.current_async()

        assert asyncio.run(one()) == version.current()  # the next round asks again
    finally:
        version.close()
        app.state.engine.dispose()
