"""Store fixtures: every store test runs on SQLite and on PostgreSQL (a fresh database per test)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from perfbudget.store import Store
from tests.conftest import store_url

BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new database URL: a new SQLite file or a new PostgreSQL database, already at the head revision (a copy of
    a migrated template, tests/conftest.py ``store_url``); empty for tests marked ``empty_database``."""
    return store_url(request, request.param, tmp_path)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store(db_url)
    yield opened
    opened.close()


def write_variant(source: Path, target: Path, *replacements: tuple[str, str]) -> Path:
    """A copy of ``source`` with text replaced (each old text must occur)."""
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture
def seed_variant(seed_path: Path, tmp_path: Path) -> Callable[..., Path]:
    """``seed_variant("name.txt", (old, new), ...)``: a changed copy of the seed in tmp_path."""

    def make(name: str, *replacements: tuple[str, str]) -> Path:
        return write_variant(seed_path, tmp_path / name, *replacements)

    return make
