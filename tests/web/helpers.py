"""Form data for the web tests, built from stored projects."""

from __future__ import annotations

from typing import Any

from perfbudget.model import Project
from perfbudget.target import format_decimal


def _dec(value: Any) -> str:
    return "" if value is None else format_decimal(value)


def as_form(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Repeated fields as httpx posts them (a list per name, in order)."""
    out: dict[str, list[str]] = {}
    for name, value in pairs:
        out.setdefault(name, []).append(value)
    return out


def project_form(project: Project, csrf: str, base_version: int,
                 targets: dict[int, str] | None = None) -> dict[str, list[str]]:
    """The edit form of ``project`` as a browser would post it; ``targets`` replaces targets by position."""
    data = [("csrf_token", csrf), ("base_version", str(base_version)),
            ("budget_total", _dec(project.budget.total)), ("budget_fiscal", _dec(project.budget.fiscal)),
            ("budget_other", _dec(project.budget.other)), ("purpose", project.purpose or ""),
            ("goals", "\n".join(project.goals))]
    for position, indicator in enumerate(project.indicators, 1):
        target = (targets or {}).get(position, indicator.target.raw)
        data += [("rowid", f"r{position}"), ("l1", indicator.level1), ("l2", indicator.level2),
                 ("l3", indicator.level3), ("desc", indicator.description or ""), ("target", target)]
    return as_form(data)


def stored_project(app: Any, project_id: int) -> tuple[Project, int]:
    from perfbudget.store.queries import project_version

    with app.state.engine.connect() as connection:
        version = project_version(connection, project_id)
    assert version is not None
    return version.document.projects[0], version.meta["version"]


def approve(app: Any, project_id: int) -> None:
    """Submit (with a justification, in case of error findings) and approve a project as the admin:
    self-evaluation is offered for approved projects only."""
    from sqlalchemy import select

    from perfbudget.app.roles import Principal, Role
    from perfbudget.app.workflow import take_step
    from perfbudget.store.account_tables import users

    with app.state.engine.connect() as connection:
        admin_id = connection.execute(select(users.c.id).where(users.c.username == "admin")).scalar_one()
    admin = Principal(admin_id, "admin", "admin", Role.ADMIN, None)
    store = app.state.store
    submitted = take_step(store, admin, project_id, "submit", None, "测试：先送审", review_errors=0,
                          version_required="")
    assert submitted.ok, submitted.message
    approved = take_step(store, admin, project_id, "approve", None, version_required="")
    assert approved.ok, approved.message


def change_password_in_another_process(url: str, username: str, password: str) -> None:
    """Set an account's password from a separate Python process, as another worker or the CLI would."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(f"""
        from perfbudget.store.engine import make_engine
        from perfbudget.app.accounts import set_password
        engine = make_engine({url!r})
        assert set_password(engine, {username!r}, {password!r}) is None
        engine.dispose()
    """)
    subprocess.run([sys.executable, "-c", script], check=True)


def approved_seed_variant(app: Any, seed_path: Any, **changes: Any) -> int:
    """The seed's first project with ``changes`` (its ``name`` among them), imported as a new project and
    approved: its id."""
    from dataclasses import replace

    from sqlalchemy import select

    from perfbudget.app.imports import ImportRequest, import_document
    from perfbudget.app.roles import Principal, Role
    from perfbudget.app.workflow import actor_of
    from perfbudget.load import load_path
    from perfbudget.store.schema import projects

    result = load_path(seed_path)
    assert result.document is not None
    document = replace(result.document, projects=[replace(result.document.projects[0], **changes)])
    admin = Principal(1, "admin", "admin", Role.ADMIN, None)
    outcome = import_document(app.state.store, app.state.core, document, "variant.txt",
                              ImportRequest(actor_of(admin), "upload", review=True))
    assert outcome.status == "imported", outcome
    with app.state.engine.connect() as connection:
        pid = connection.execute(select(projects.c.id).where(projects.c.name == changes["name"])).scalar_one()
    approve(app, pid)
    return int(pid)
