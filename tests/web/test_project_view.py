"""The project page's three-query loader (``app.project_view``) gives exactly what the one-by-one reads
give (the head, the version and its indicators, its newest review, the reviewer's grade, the newest
self-evaluation, the workflow events), for every project, version and role, on SQLite and PostgreSQL,
after evaluations, reviewer grades, a pending revision, a return and a version without a stored review."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from perfbudget.app.errors import NotFound
from perfbudget.app.overview import latest_evaluation, project_head, workflow_events_of
from perfbudget.app.project_view import load_page, load_page_on_loop, load_view
from perfbudget.app.review_desk import grade, reviewer_grade_of
from perfbudget.app.reviews import review_in_context
from perfbudget.app.roles import Principal, Role
from perfbudget.app.workflow import take_step
from perfbudget.review.finding import Finding
from perfbudget.store.account_tables import users
from perfbudget.store.schema import reviews
from tests.web.conftest import WebEnv, csrf_of, make_app, populate
from tests.web.helpers import approve, project_form, stored_project


def one_by_one(tx: Any, principal: Principal, project_id: int, settings: Any, number: int | None,
               latest: bool) -> tuple[Any, ...]:
    """The page's data read as before the loader: one query per part (the slow path)."""
    head = project_head(tx, principal, project_id)
    if number is None:
        number = head.latest_version if latest else head.official_version
    version = tx.version(project_id, number)
    if version is None:
        raise NotFound("该版本")
    stored = tx.last_review(version.meta["version_id"])
    if stored is not None:
        findings = [Finding.from_dict(f) for f in stored["payload"].get("findings", [])]
        grade_ = stored["grade"]
    else:
        [group] = review_in_context(tx, [version], settings, save=False, actor=None)
        findings, grade_ = list(group.report.findings), group.saved[0].grade if group.saved else None
    evaluation = latest_evaluation(tx, project_id)
    return (head, version, findings, grade_, workflow_events_of(tx, project_id),
            None if evaluation is None else list(evaluation.items()),
            reviewer_grade_of(tx, version.meta["version_id"]))


def loaded(tx: Any, principal: Principal, project_id: int, settings: Any, number: int | None,
           latest: bool) -> tuple[Any, ...]:
    view = load_view(tx, principal, project_id, settings, number, latest)
    if latest:  # the edit view: load_page shows the official version, so only the view is compared
        return view.head, view.version, view.findings, view.grade
    page = load_page(tx, principal, project_id, settings, number)
    assert page.view == view
    evaluation = page.evaluation
    return (view.head, view.version, view.findings, view.grade, page.events,
            None if evaluation is None else list(evaluation.items()), page.reviewer_grade)


def outcome(read: Any, *args: Any) -> Any:
    try:
        return read(*args)
    except NotFound as refused:
        return ("NotFound", str(refused))


def principals(web: WebEnv) -> list[Principal]:
    with web.app.state.engine.connect() as connection:
        rows = connection.execute(select(users.c.id, users.c.username, users.c.role, users.c.unit_code)).all()
    return [Principal(row.id, row.username, row.username, Role(row.role), row.unit_code) for row in rows]


def make_every_case(web: WebEnv) -> None:
    """Evaluations (two of one project), reviewer grades, a revision waiting for approval after them, a
    returned project, a submitted one, and a version whose stored reviews were removed."""
    app, (first, second, third, fourth, fifth, *_) = web.app, web.project_ids
    editor, admin = web.client("editor"), web.client("admin")
    for pid in (first, second):
        approve(app, pid)
        project, _ = stored_project(app, pid)
        form = {"csrf_token": csrf_of(editor, "/account"), "executed": "8.5"}
        for position, indicator in enumerate(project.indicators, 1):
            if indicator.target.is_quantitative:
                form[f"actual_{position}"] = indicator.target.raw.lstrip("≥≤=<>")
            else:
                form[f"grade_{position}"] = "达成"
        for _ in range(1 if pid == second else 2):
            assert editor.post(f"/projects/{pid}/evaluate", data=form).status_code == 200
    [reviewer] = [p for p in principals(web) if p.username == "reviewer"]
    grade(app.state.store, reviewer, first, app.state.core, "良", "复核")
    grade(app.state.store, reviewer, first, app.state.core, "中", "再复核")
    [boss] = [p for p in principals(web) if p.username == "admin"]
    assert take_step(app.state.store, boss, first, "reopen", "预算调整", None, version_required="").ok
    project, version = stored_project(app, first)  # a revision of the approved, evaluated project
    saved = editor.post(f"/projects/{first}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                                    {1: "≥42次"}))
    assert saved.status_code == 200 and f"已保存为第 {version + 1} 版" in saved.text
    assert take_step(app.state.store, boss, third, "submit", None, "测试", review_errors=0, version_required="").ok
    assert take_step(app.state.store, boss, third, "return", "请补充", None, version_required="").ok
    assert take_step(app.state.store, boss, fourth, "submit", None, "测试", review_errors=0, version_required="").ok
    with app.state.store.transaction() as tx:  # the fallback: a review made for the page, not stored
        stored = tx.version(fifth)
        assert stored is not None
        tx.connection.execute(delete(reviews).where(reviews.c.version_id == stored.meta["version_id"]))
    assert admin.get(f"/projects/{first}").status_code == 200


def cases(web: WebEnv) -> list[int]:
    """The projects :func:`make_every_case` made a case of, one it left as imported, another unit's, none."""
    return [*web.project_ids[:6], web.other_project_id, 987654]


def check_same(web: WebEnv) -> int:
    make_every_case(web)
    store, settings, checked = web.app.state.store, web.app.state.core, 0
    for principal in principals(web):
        for project_id in cases(web):
            for number in (None, 1, 2, 3):
                for latest in (False, True):
                    if number is not None and latest:
                        continue
                    with store.reading() as tx:
                        slow = outcome(one_by_one, tx, principal, project_id, settings, number, latest)
                    for autocommit in (False, True):
                        with store.reading(autocommit=autocommit) as tx:
                            fast = outcome(loaded, tx, principal, project_id, settings, number, latest)
                        if latest and isinstance(slow, tuple) and slow[0] != "NotFound":
                            slow = slow[:4]
                        assert fast == slow, (principal.username, project_id, number, latest)
                        checked += 1
    return checked


def test_the_loader_reads_what_the_one_by_one_reads_give(web: WebEnv) -> None:
    checked = check_same(web)
    assert checked >= 400, checked
    with web.app.state.store.reading() as tx:  # the cases were made: evaluations, grades, a revision
        admin = next(p for p in principals(web) if p.username == "admin")
        page = load_page(tx, admin, web.project_ids[0], web.app.state.core)
    assert page.evaluation is not None and page.reviewer_grade == "中" and page.view.head.revision_pending
    assert json.dumps(page.evaluation["payload"])  # parsed, as the page and the API expect


@pytest.mark.postgres
def test_the_loader_on_postgres(pg_url: str, seed_path: Path) -> None:
    app = make_app(pg_url)
    try:
        assert check_same(populate(app, seed_path)) >= 400
    finally:
        app.state.engine.dispose()


def check_on_loop(web: WebEnv) -> int:
    """:func:`load_page_on_loop` (the statement awaited on the event loop's connection) gives what
    :func:`load_page` gives, or None exactly where the version shown has no stored review."""
    store, settings, version = web.app.state.store, web.app.state.core, web.app.state.data_version
    dialect, checked, handed_back = store.engine.dialect, 0, 0

    async def on_loop(principal: Principal, project_id: int, number: int | None) -> Any:
        try:
            page = await version.read_on_loop(lambda connection: load_page_on_loop(
                connection, dialect, principal, project_id, settings, number))
        except NotFound as refused:
            return ("NotFound", str(refused))
        return page

    for principal in principals(web):
        for project_id in cases(web):
            for number in (None, 1, 2, 3):
                with store.reading(autocommit=True) as tx:
                    expected = outcome(load_page, tx, principal, project_id, settings, number)
                got = asyncio.run(on_loop(principal, project_id, number))
                if got is None:  # no stored review: the page loads it in a worker thread
                    with store.reading() as tx:
                        view = expected.view
                        assert tx.last_review(view.version.meta["version_id"]) is None
                    handed_back += 1
                    continue
                assert got == expected, (principal.username, project_id, number)
                checked += 1
    assert handed_back > 0
    return checked


@pytest.mark.postgres
def test_the_loader_on_the_event_loop(pg_url: str, seed_path: Path) -> None:
    app = make_app(pg_url)
    try:
        web = populate(app, seed_path)
        make_every_case(web)
        assert check_on_loop(web) > 100
    finally:
        app.state.engine.dispose()


def test_a_units_desks_review_the_unreviewed_together_with_the_same_result(web: WebEnv,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The unit's 审核意见书 loads its desks together (app/review_desk.load_desks): the versions without a stored
    review are reviewed in one review of their unit (an approved version with a revision waiting, in its own),
    not one review of the whole unit per project (~60 s for 200 projects until 2026-12-04); each desk's findings
    and grade are those of the desk loaded alone."""
    import perfbudget.app.reviews as reviews_module
    from perfbudget.app.review_desk import load_desk, load_desks

    make_every_case(web)  # a revision waiting for approval (project 1), a returned and a submitted project …
    app = web.app
    with app.state.store.transaction() as tx:
        tx.connection.execute(delete(reviews))  # none stored: every desk's review is made for it
    [admin] = [p for p in principals(web) if p.username == "admin"]
    ids = [pid for pid in web.project_ids]
    reviewed: list[int] = []
    real = reviews_module.review_document

    def counted(document: Any, *args: Any, **kwargs: Any) -> Any:
        reviewed.append(len(document.projects))
        return real(document, *args, **kwargs)

    monkeypatch.setattr(reviews_module, "review_document", counted)
    together = load_desks(app.state.store, admin, ids, app.state.core)
    bulk = list(reviewed)
    alone = [load_desk(app.state.store, admin, pid, app.state.core) for pid in ids]
    one_by_one_count = sum(reviewed) - sum(bulk)
    for mine, single in zip(together, alone, strict=True):
        assert [f.to_dict() for f in mine.view.findings] == [f.to_dict() for f in single.view.findings]
        assert (mine.view.grade, mine.official_grade, mine.view.reviewed) == (single.view.grade,
                                                                              single.official_grade, True)
        assert mine.view.findings or mine.view.grade  # reviewed, not left empty
    units = len({d.view.head.unit_code for d in together})
    assert len(bulk) == units + 1, bulk  # one review per unit, one more for the approved version of project 1
    assert sum(bulk) < one_by_one_count / 3, (bulk, one_by_one_count)


@pytest.mark.postgres
def test_indicator_text_of_every_kind_comes_back_the_same_on_postgres(pg_url: str, seed_path: Path) -> None:
    """The PostgreSQL statement reads the indicators as a text[][] (``ARRAY[...]``): texts the array's text form
    quotes or escapes (quotes, backslashes, braces, commas, the word NULL, empty, spaces, line breaks) and NULLs
    come back exactly as the indicator query reads them."""
    from sqlalchemy import update

    from perfbudget.store.schema import indicators

    app = make_app(pg_url)
    try:
        web = populate(app, seed_path)
        store, settings, project_id = app.state.store, app.state.core, web.project_ids[0]
        texts = ['说"明"', "a\\b\\\\", "{1,2}", "NULL", "", " 前后空格 ", "多\n行\t", "x,y", "null"]
        with store.transaction() as tx:
            version_id = tx.version(project_id).meta["version_id"]
            ids = tx.connection.execute(select(indicators.c.id).where(indicators.c.version_id == version_id)
                                        .order_by(indicators.c.position)).scalars().all()
            assert len(ids) >= 3
            for n, indicator_id in enumerate(ids):
                tx.connection.execute(update(indicators).where(indicators.c.id == indicator_id).values(
                    description=texts[n % len(texts)], level3=texts[(n + 3) % len(texts)],
                    actual=None if n % 2 else texts[(n + 5) % len(texts)]))
        [admin] = [p for p in principals(web) if p.username == "admin"]
        with store.reading(autocommit=True) as tx:
            slow = tx.version(project_id)
            view = load_view(tx, admin, project_id, settings, latest=True)
        assert view.version == slow
        described = [indicator.description for indicator in view.version.document.projects[0].indicators]
        assert described[:len(texts)] == texts[:len(described)]
        assert any(indicator.actual is None for indicator in view.version.document.projects[0].indicators)
    finally:
        app.state.engine.dispose()


def test_the_page_statements_stay_within_psycopgs_cached_length() -> None:
    """psycopg converts a statement's placeholders once and caches it only up to 4,096 characters
    (``psycopg._queries.MAX_CACHED_STATEMENT_LENGTH``); a longer statement is converted again on every page
    (about 0.15 M instructions of the worker's a page, counted on 2026-12-04)."""
    from psycopg._queries import MAX_CACHED_STATEMENT_LENGTH
    from sqlalchemy.dialects import postgresql

    from perfbudget.app import project_view

    statements = [*project_view._WHOLE.values(), *project_view._VERSIONED.values()]
    assert len(statements) == 8
    for statement in statements:
        assert len(statement.sql_for(postgresql.dialect())[0]) <= MAX_CACHED_STATEMENT_LENGTH
