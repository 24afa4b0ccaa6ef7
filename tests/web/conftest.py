"""Web fixtures: an app on a real SQLite file per test, users of every role, signed-in clients."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

SEED_UNIT = "255101"
OTHER_UNIT = "999001"
PASSWORD = "correct-horse-1"
ROLES = ("admin", "reviewer", "editor", "other_editor", "viewer")


@dataclass
class WebEnv:
    app: FastAPI
    url: str
    project_ids: list[int]
    other_project_id: int | None

    def client(self, user: str | None = None) -> TestClient:
        client = TestClient(self.app, base_url="http://testserver")
        if user is not None:
            login(client, user)
        return client

    def token(self, user: str) -> str:
        from sqlalchemy import select

        from perfbudget.app.accounts import create_token
        from perfbudget.store.account_tables import users

        engine = self.app.state.engine
        with engine.connect() as connection:
            user_id = connection.execute(select(users.c.id).where(users.c.username == user)).scalar_one()
        return create_token(engine, user_id, "test")


def csrf_of(client: TestClient, path: str = "/login") -> str:
    page = client.get(path)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def login(client: TestClient, user: str, password: str = PASSWORD) -> None:
    token = csrf_of(client)
    response = client.post("/login", data={"username": user, "password": password, "csrf_token": token,
                                           "next": "/dashboard"}, follow_redirects=False)
    assert response.status_code == 303, response.text


def make_app(url: str) -> FastAPI:
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    return create_app(WebConfig(database_url=url, secret_key="test-secret-key-" + "x" * 32))


def populate(app: FastAPI, seed_path: Path) -> WebEnv:
    """Users of every role, the seed imported (unit 255101) and one project of another unit."""
    from dataclasses import replace

    from sqlalchemy import select

    from perfbudget.app.accounts import create_user
    from perfbudget.app.imports import ImportRequest, import_document
    from perfbudget.app.roles import Role
    from perfbudget.app.workflow import actor_of
    from perfbudget.load import load_path
    from perfbudget.model import Unit
    from perfbudget.store.schema import projects, units

    engine = app.state.engine
    created = {}
    for name, role, unit in (("admin", Role.ADMIN, None), ("reviewer", Role.REVIEWER, None),
                             ("editor", Role.UNIT_EDITOR, SEED_UNIT), ("other_editor", Role.UNIT_EDITOR, OTHER_UNIT),
                             ("viewer", Role.VIEWER, None)):
        account = create_user(engine, name, PASSWORD, role, unit, new_unit=True)  # before their units import
        assert not isinstance(account, str), account
        created[name] = account
    from perfbudget.app.roles import Principal

    admin = Principal(created["admin"].id, "admin", "admin", Role.ADMIN, None)
    result = load_path(seed_path)
    assert result.ok and result.document is not None
    request = ImportRequest(actor_of(admin), "upload", review=True)
    assert import_document(app.state.store, app.state.core, result.document, seed_path.name,
                           request).status == "imported"
    other = replace(result.document, unit=Unit(OTHER_UNIT, "其他测试单位"), projects=result.document.projects[:1])
    assert import_document(app.state.store, app.state.core, other, "other.txt", request).status == "imported"
    with engine.connect() as connection:
        seed_ids = list(connection.execute(select(projects.c.id).join(units, units.c.id == projects.c.unit_id)
                                           .where(units.c.code == SEED_UNIT).order_by(projects.c.id)).scalars())
        other_id = connection.execute(select(projects.c.id).join(units, units.c.id == projects.c.unit_id)
                                      .where(units.c.code == OTHER_UNIT)).scalar()
    return WebEnv(app, str(engine.url), seed_ids, other_id)


@pytest.fixture(scope="session")
def web_template(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> tuple[Path, list[int], int | None]:
    """One populated SQLite file per session (hashing five passwords and importing the seed once)."""
    path = tmp_path_factory.mktemp("web-template") / "template.db"
    app = make_app(f"sqlite:///{path}")
    env = populate(app, seed_path)
    app.state.engine.dispose()  # the last connection closing checkpoints the WAL into the file
    return path, env.project_ids, env.other_project_id


@pytest.fixture
def web(tmp_path: Path, web_template: tuple[Path, list[int], int | None]) -> Iterator[WebEnv]:
    """A fresh copy of the populated database for one test, with its own app."""
    template, project_ids, other_id = web_template
    target = tmp_path / "web.db"
    shutil.copyfile(template, target)
    app = make_app(f"sqlite:///{target}")
    yield WebEnv(app, f"sqlite:///{target}", project_ids, other_id)
    app.state.engine.dispose()


@pytest.fixture(scope="session")
def pg_web_template(seed_path: Path) -> Iterator[tuple[str, list[int], int | None]]:
    """One populated PostgreSQL database per test process (migrating, hashing five passwords and importing the seed
    once), which ``pg_web`` copies for each test with ``CREATE DATABASE … TEMPLATE``."""
    from tests.conftest import pg_database

    with pg_database() as url:
        app = make_app(url)
        env = populate(app, seed_path)
        app.state.engine.dispose()  # a template is copied only while nobody is connected to it
        yield url.rpartition("/")[2], env.project_ids, env.other_project_id


@pytest.fixture
def pg_web(pg_web_template: tuple[str, list[int], int | None]) -> Iterator[WebEnv]:
    """The populated app on the test cluster (a fresh copy of the populated database)."""
    from tests.conftest import pg_database

    template, project_ids, other_id = pg_web_template
    with pg_database(template) as url:
        app = make_app(url)
        yield WebEnv(app, url, project_ids, other_id)
        app.state.engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_web(request: pytest.FixtureRequest) -> WebEnv:
    """The populated app on SQLite, then on PostgreSQL."""
    env: WebEnv = request.getfixturevalue("web" if request.param == "sqlite" else "pg_web")
    return env


@pytest.fixture
def empty_app(tmp_path: Path) -> Iterator[FastAPI]:
    app = make_app(f"sqlite:///{tmp_path / 'empty.db'}")
    yield app
    app.state.engine.dispose()


@pytest.fixture
def clients(web: WebEnv) -> Callable[[str], TestClient]:
    cache: dict[str, TestClient] = {}

    def get(user: str) -> TestClient:
        if user not in cache:
            cache[user] = web.client(user if user != "anonymous" else None)
        return cache[user]

    return get
