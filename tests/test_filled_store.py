"""tests/conftest.py filled_store_url: a store filled once per process, a copy of its own for each test."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from perfbudget.model import Unit
from perfbudget.store import Store
from tests.conftest import filled_store_url

BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_each_copy_is_the_fill_and_its_own(request: pytest.FixtureRequest, backend: str, tmp_path: Path,
                                           seed_document: object) -> None:
    fills: list[str] = []

    def fill(url: str) -> None:
        fills.append(url)
        with Store(url) as store:
            assert store.import_document(seed_document, "seed.txt").status == "imported"  # type: ignore[arg-type]

    key = f"copies-{request.node.callspec.id}"
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    first = filled_store_url(request, backend, tmp_path / "a", key, fill)
    second = filled_store_url(request, backend, tmp_path / "b", key, fill)
    assert len(fills) == 1 and len({first, second, fills[0]}) == 3
    with Store(first) as store:
        assert len(store.latest_versions()) == 10
        other = replace(seed_document, unit=Unit("999001", "其他单位"))  # type: ignore[type-var]
        assert store.import_document(other, "other.txt").status == "imported"
        assert len(store.latest_versions()) == 20
    with Store(second) as store:
        assert len(store.latest_versions()) == 10


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_fill_that_fails_is_not_copied_but_made_again(request: pytest.FixtureRequest, backend: str,
                                                        tmp_path: Path, seed_document: object) -> None:
    calls: list[str] = []

    def fill(url: str) -> None:
        calls.append(url)
        with Store(url) as store:
            assert store.import_document(seed_document, "seed.txt").status == "imported"  # type: ignore[arg-type]
        if len(calls) == 1:
            raise RuntimeError("the first fill fails after its import")

    key = f"failing-{request.node.callspec.id}"
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    with pytest.raises(RuntimeError):
        filled_store_url(request, backend, tmp_path / "a", key, fill)
    url = filled_store_url(request, backend, tmp_path / "b", key, fill)
    assert len(calls) == 2
    with Store(url) as store:
        assert len(store.latest_versions()) == 10  # the second fill's import alone
