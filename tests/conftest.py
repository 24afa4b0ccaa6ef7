"""Shared fixtures: the seed, tiny inline documents, a fresh PostgreSQL database per test."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, settings

import perfbudget.app.passwords as _passwords
from perfbudget.model import Document, Problem

# Property tests judge correctness, not speed: on a loaded CI machine generation and single
# examples can be slow, and a health check or deadline failing there says nothing of the code.
settings.register_profile(
    "perfbudget", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("perfbudget")

# The test accounts' passwords are hashed with argon2id at its smallest cost (one pass over 8 MiB, one lane) in
# this process: the suite signs in thousands of times, and each sign-in at the production cost (argon2-cffi's
# RFC 9106 low-memory profile: three passes over 64 MiB, four lanes) took a tenth of a second of CPU and more on
# a loaded machine. It is the same argon2id code with other parameters; the production parameters are checked by
# tests/web/test_auth.py (``PRODUCTION_HASHER``), and servers the tests start in their own process hash as
# production does (a hash of other parameters still verifies there, and is re-hashed at sign-in).
PRODUCTION_HASHER = _passwords._hasher
_TEST_HASHER = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
_passwords._hasher = lambda: _TEST_HASHER  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parents[1]
# The demo data and the real tables live in the repository: no ../shared needed.
SEED = ROOT / "examples" / "000_e2047472f0d7711d.txt"
SAMPLES = ROOT / "tests" / "fixtures" / "real" / "samples"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    assert SEED.exists(), f"the seed is missing: {SEED}"
    return SEED


@pytest.fixture(scope="session")
def seed_document(seed_path: Path) -> Document:
    from perfbudget.load import load_path

    result = load_path(seed_path)
    assert result.ok, result.problems
    assert result.document is not None
    return result.document


def table_text(*rows: list[str], heading: str = "1.测试项目-2024中央绩效目标表") -> str:
    """A tiny document in the seed's tab-cell form: each row a list of cells."""
    lines = [heading]
    for row in rows:
        lines.extend("\t" + cell for cell in row)
        lines.append("")
    return "\n".join(lines) + "\n"


HEADER_ROWS = [
    ["100001测试单位", "单位：万元"],
    ["项目名称", "测试项目-2024中央"],
    ["预算规模及资金用途", "预算数", "10.00", "其中：财政    资金", "10.00", "其他资金", " "],
    ["", "用于测试"],
    ["绩效目标", "1.完成测试"],
    ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"],
]


def inline_document(*indicator_rows: list[str], header_rows: list[list[str]] | None = None,
                    file: str = "inline.txt") -> tuple[Document | None, list[Problem]]:
    """Read a tiny inline table: the standard header block plus the given indicator rows."""
    from perfbudget.readers.text import read_text

    text = table_text(*(header_rows if header_rows is not None else HEADER_ROWS), *indicator_rows)
    return read_text(text, file)


@pytest.fixture
def inline() -> object:
    return inline_document


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def soffice_path() -> str:
    """LibreOffice's ``soffice`` (``PERFBUDGET_TEST_SOFFICE`` or on PATH). Outside CI a test needing it is
    skipped without it; in CI (scripts/test.sh installs it) a missing LibreOffice is a failure."""
    import shutil

    path = os.environ.get("PERFBUDGET_TEST_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    if path:
        return path
    if _in_ci():
        pytest.fail("LibreOffice (soffice) not found: scripts/test.sh installs it in CI")
    pytest.skip("LibreOffice (soffice) not found (Debian: libreoffice-writer-nogui libreoffice-calc-nogui; "
                "or set PERFBUDGET_TEST_SOFFICE)")


_soffice_profile: list[Path] = []


def soffice_profile() -> str:
    """The LibreOffice profile (a ``file://`` URI) for the tests' own conversions: one per test process, made by
    its first conversion and reused by the next (a new profile cost a tenth of each conversion). A process runs
    one conversion at a time; xdist workers are processes of their own, each with its own profile. The program's
    conversions (``perfbudget.readers.convert``) still make a private profile each."""
    import atexit
    import tempfile

    if not _soffice_profile:
        folder = Path(tempfile.mkdtemp(prefix="perfbudget-test-lo-"))
        atexit.register(shutil.rmtree, folder, True)
        _soffice_profile.append(folder / "profile")
    return _soffice_profile[0].as_uri()


def print_to_pdf(folder: Path, *sources: str | Path) -> None:
    """Each file of ``sources`` printed to PDF by LibreOffice into ``folder`` (``name.pdf``, as a unit prints its Word
    or Excel file), with a profile of the folder's own: the readers' PDF tests of printed forms."""
    import subprocess

    subprocess.run([soffice_path(), "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                    "pdf", "--outdir", str(folder), *(str(source) for source in sources)],
                   check=True, capture_output=True, timeout=180)


def pg_base() -> str:
    """The test cluster's URL (PERFBUDGET_TEST_PG, set by scripts/test.sh after it starts a throwaway cluster).
    Outside CI a test needing it is skipped without it; in CI a missing server is a failure."""
    base = os.environ.get("PERFBUDGET_TEST_PG")
    if not base:
        if _in_ci():
            pytest.fail("PERFBUDGET_TEST_PG is not set: scripts/test.sh must start PostgreSQL in CI")
        pytest.skip("PostgreSQL not available (run scripts/test.sh, which starts one)")
    return base


@contextmanager
def pg_database(template: str | None = None, options: str = "") -> Iterator[str]:
    """A new database on the test cluster (a copy of ``template`` when given; ``options``: more of ``CREATE
    DATABASE``'s, e.g. a locale), dropped afterwards."""
    import psycopg

    base = pg_base()
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = base.replace("postgresql+psycopg://", "postgresql://")
    copy = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"{copy} {options}')
    head, _, _ = base.rpartition("/")
    try:
        yield f"{head}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_migrated_template() -> Iterator[str]:
    """One PostgreSQL database per test process migrated to the head revision, for ``store_url`` to copy."""
    from perfbudget.store.engine import make_engine
    from perfbudget.store.migrate import ensure_schema

    with pg_database() as url:
        engine = make_engine(url)
        ensure_schema(engine)
        engine.dispose()  # a template is copied only while nobody is connected to it
        yield url.rpartition("/")[2]


@pytest.fixture(scope="session")
def sqlite_migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file per test process migrated to the head revision, for ``store_url`` to copy."""
    from perfbudget.store.engine import make_engine
    from perfbudget.store.migrate import ensure_schema

    path = tmp_path_factory.mktemp("migrated") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    ensure_schema(engine)
    engine.dispose()  # the last connection closing checkpoints the WAL into the file
    return path


def store_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    """A new database already at the head revision (a copy of the process's migrated template): what every test
    that opens a store gets, without running the migrations again each time. Tests of the migrations themselves
    (marked ``empty_database``) get an empty database instead."""
    import shutil

    empty = request.node.get_closest_marker("empty_database") is not None
    if backend == "sqlite":
        path = tmp_path / "store.db"
        if not empty:
            shutil.copyfile(request.getfixturevalue("sqlite_migrated_template"), path)
        return f"sqlite:///{path}"
    if empty:
        return str(request.getfixturevalue("pg_url"))
    return str(request.getfixturevalue("pg_store_url"))


@pytest.fixture
def pg_store_url(pg_migrated_template: str) -> Iterator[str]:
    """A new PostgreSQL database at the head revision (a copy of the migrated template), dropped afterwards."""
    with pg_database(pg_migrated_template) as url:
        yield url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (dropped afterwards).

    Needs PERFBUDGET_TEST_PG (scripts/test.sh starts a throwaway cluster and sets it).
    Outside CI the test is skipped without it; in CI a missing server is a failure.
    """
    with pg_database() as url:
        yield url


@pytest.fixture(scope="session")
def filled_templates() -> Iterator[dict[tuple[str, str], str]]:
    """The databases ``filled_store_url`` filled in this test process, by (key, backend): a SQLite file's path or a
    PostgreSQL database's name. The PostgreSQL ones are dropped at the end."""
    import psycopg

    made: dict[tuple[str, str], str] = {}
    yield made
    databases = [name for (_, backend), name in made.items() if backend == "postgres"]
    if databases:
        admin = pg_base().replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(admin, autocommit=True) as conn:
            for name in databases:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def filled_store_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path, key: str,
                     fill: Callable[[str], None]) -> str:
    """A new database at the head revision holding what ``fill(url)`` writes into a migrated one.

    ``fill`` runs once per test process for each ``key`` and backend, into a template (a copy of the migrated
    template), and every test gets its own copy of that: what a fixture importing the same documents into a new
    store for every test would give, without the imports each time. ``fill`` must leave nothing connected (close
    its stores): a PostgreSQL template is copied only while nobody is connected to it, and a SQLite file is
    copied without its write-ahead log."""
    import sqlite3

    import psycopg

    made = request.getfixturevalue("filled_templates")
    if (key, backend) not in made:
        if backend == "sqlite":
            folder = request.getfixturevalue("tmp_path_factory").mktemp(f"filled-{key}")
            path = folder / "template.db"
            shutil.copyfile(request.getfixturevalue("sqlite_migrated_template"), path)
            fill(f"sqlite:///{path}")
            with closing(sqlite3.connect(path)) as connection:  # anything left in the WAL goes into the file
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            made[(key, backend)] = str(path)
        else:
            base = pg_base()
            name = f"t_{uuid.uuid4().hex[:12]}"
            admin = base.replace("postgresql+psycopg://", "postgresql://")
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{request.getfixturevalue("pg_migrated_template")}"')
            try:
                fill(f"{base.rpartition('/')[0]}/{name}")
            except BaseException:  # a half-filled template is never copied: the next test fills again
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                raise
            made[(key, backend)] = name
    template = made[(key, backend)]
    if backend == "sqlite":
        path = tmp_path / f"{key}.db"
        shutil.copyfile(template, path)
        return f"sqlite:///{path}"
    stack = ExitStack()
    request.addfinalizer(stack.close)
    return stack.enter_context(pg_database(template))
