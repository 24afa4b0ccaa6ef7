"""Found by attack19 (2026-12-05) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.web.conftest import WebEnv


def _api(web: WebEnv, user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(user)}"}


@pytest.mark.parametrize("number", [2**63, 2**70, 10**30, 2**31, 0, -1])
def test_a_batch_naming_an_id_no_database_holds_is_refused_whole(web: WebEnv, number: int) -> None:
    # `POST /api/v1/review/batch` took any integer: past SQLite's 64 bits the driver's OverflowError was a 500
    # (a reviewer's token; 2^63, 2^70, 10^30). Now an id outside 1 … 2^31 - 1 refuses the batch, naming it.
    client, headers, pid = web.client(), _api(web, "reviewer"), web.project_ids[0]
    submitted = client.post(f"/api/v1/projects/{pid}/workflow", headers=_api(web, "editor"),
                            json={"action": "submit", "justification": "测试"})
    assert submitted.status_code == 200, submitted.text[:300]
    answer = client.post("/api/v1/review/batch", headers=headers,
                         json={"project_ids": [pid, number], "action": "approve"})
    assert answer.status_code == 422, answer.text[:300]
    assert f"项目编号「{str(number)[:24]}」无效" in answer.json()["error"]["message"]
    assert client.get(f"/api/v1/projects/{pid}", headers=headers).json()["state"] == "submitted"  # nothing done


def test_a_unit_users_publication_is_not_a_codeless_unit_of_that_name(web: WebEnv, seed_path: object) -> None:
    # A unit without a code is addressed by its name (leftovers18). The publication (the page's and the API's
    # download) checked the address against the user's unit code only, so a viewer of unit 「1」 (a code no table
    # had brought yet) read the approved tables of a unit without a code named 「1」, which it sees nowhere else.
    from dataclasses import replace

    from perfbudget.app.accounts import create_user
    from perfbudget.app.imports import ImportRequest, import_document
    from perfbudget.app.roles import Principal, Role
    from perfbudget.app.workflow import actor_of, take_step
    from perfbudget.load import load_path
    from perfbudget.model import Unit
    from perfbudget.store.schema import projects, units
    from tests.web.conftest import PASSWORD

    engine, store = web.app.state.engine, web.app.state.store
    assert not isinstance(create_user(engine, "unit_one", PASSWORD, Role.VIEWER, "1", new_unit=True), str)
    result = load_path(seed_path)  # type: ignore[arg-type]
    assert result.ok and result.document is not None
    admin = Principal(1, "admin", "admin", Role.ADMIN, None)
    codeless = replace(result.document, unit=Unit(None, "1"), projects=result.document.projects[:1])
    imported = import_document(store, web.app.state.core, codeless, "x.txt", ImportRequest(actor_of(admin), "upload"))
    assert imported.status == "imported"
    with engine.connect() as connection:
        pid = connection.execute(select(projects.c.id).join(units, units.c.id == projects.c.unit_id)
                                 .where(units.c.key == "name:1")).scalar_one()
    assert take_step(store, admin, pid, "submit", None, "测试", version_required="").ok
    assert take_step(store, admin, pid, "approve", None, version_required="").ok
    assert web.client().get("/api/v1/units/1/publication/json", headers=_api(web, "admin")).status_code == 200
    answer = web.client().get("/api/v1/units/1/publication/json", headers=_api(web, "unit_one"))
    assert answer.status_code == 404 and result.document.projects[0].name not in answer.text, answer.text[:300]
    page = web.client("unit_one").get("/units/1/publication/html")
    assert page.status_code in (403, 404) and result.document.projects[0].name not in page.text, page.text[:300]


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://u:S3CRET/pw@127.0.0.1:abc/db",  # no port SQLAlchemy can parse, 「/」 in the password
    "postgresql+psycopg://u:S3CRET@pw@127.0.0.1:abc/db",  # 「@」 in it: 「pw」 was shown
    "postgresql+psycopg:///db?host=127.0.0.1&port=1&password=S3CRETpw",  # libpq's password in the query
    "postgresql+psycopg:///db?host=127.0.0.1&port=1&PASSWORD=S3CRETpw&sslmode=disable",
    "postgresql+psycopg://u@127.0.0.1:1/db?sslpassword=S3CRETpw",  # a client key's passphrase
])
def test_a_database_url_in_an_error_never_shows_its_password(url: str, tmp_path: object,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # `perfbudget list … --db URL` (and serve, PERFBUDGET_DB) print the URL when it cannot be used, the password as
    # 「***」; the fallback for a URL SQLAlchemy cannot parse kept a password holding 「/」 or 「@」 (whole or its
    # end), and a password given in the query (`?password=`, libpq's other form) was printed as it is.
    from typer.testing import CliRunner

    from perfbudget.cli import app

    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]
    for args, env in ((["list", "projects", "--db", url], {}), (["list", "projects"], {"PERFBUDGET_DB": url})):
        result = CliRunner().invoke(app, args, env=env)
        assert result.exit_code == 1 and "***" in result.output, result.output
        assert "pw" not in result.output.replace("psycopg", ""), result.output


def test_the_desk_command_names_no_project_of_another_unit(web: WebEnv) -> None:
    # `perfbudget desk … --user` acts as a web account; a name matching several projects listed every unit's
    # (ids, unit codes and names, project names) to a unit editor, whose pages and API never show another unit's.
    from typer.testing import CliRunner

    from perfbudget.cli import app

    # 「检察」 names seven projects of unit 255101 and one of the other editor's unit (999001)
    shown = CliRunner().invoke(app, ["desk", "show", "检察", "--user", "other_editor", "--db", web.url])
    assert shown.exit_code == 0 and "对应" not in shown.output and "255101" not in shown.output, shown.output
    graded = CliRunner().invoke(app, ["desk", "grade", "检察", "优", "--user", "other_editor", "--db", web.url])
    assert graded.exit_code == 1 and "只有审核人员" in graded.output and "255101" not in graded.output, graded.output
    batch = CliRunner().invoke(app, ["desk", "batch", "approve", "检察", "--user", "other_editor", "--db", web.url])
    assert batch.exit_code == 1 and "255101" not in batch.output, batch.output
    mine = CliRunner().invoke(app, ["desk", "show", "检察", "--user", "editor", "--db", web.url])
    assert "对应" in mine.output and "999001" not in mine.output, mine.output  # its own unit's listed


def test_a_unit_linked_by_id_is_reached_by_its_editor_past_a_unit_named_that_number(web: WebEnv,
                                                                                     seed_path: object) -> None:
    # A unit whose code holds 「/」 is linked by its id (/units/N); a unit without a code named 「N」 is keyed by that
    # name, and keys come before ids, so the unit's own editor got 404 for its unit's link. Users who see both
    # units still get the keyed one (docs/web.md, Unit addresses).
    import re
    from dataclasses import replace

    from perfbudget.app.accounts import create_user
    from perfbudget.app.imports import ImportRequest, import_document
    from perfbudget.app.roles import Principal, Role
    from perfbudget.app.workflow import actor_of
    from perfbudget.load import load_path
    from perfbudget.model import Unit
    from perfbudget.store.schema import units
    from tests.web.conftest import PASSWORD

    engine, store = web.app.state.engine, web.app.state.store
    result = load_path(seed_path)  # type: ignore[arg-type]
    assert result.ok and result.document is not None
    request = ImportRequest(actor_of(Principal(1, "admin", "admin", Role.ADMIN, None)), "upload")
    one = result.document.projects[:1]
    assert import_document(store, web.app.state.core, replace(result.document, unit=Unit("AB/12", "斜杠单位"),
                                                              projects=one), "a.txt", request).status == "imported"
    with engine.connect() as connection:
        slashed = connection.execute(select(units.c.id).where(units.c.code == "AB/12")).scalar_one()
    assert import_document(store, web.app.state.core, replace(result.document, unit=Unit(None, str(slashed)),
                                                              projects=one), "b.txt", request).status == "imported"
    assert not isinstance(create_user(engine, "slash_editor", PASSWORD, Role.UNIT_EDITOR, "AB/12"), str)
    editor = web.client("slash_editor")
    links = set(re.findall(r'href="(/units/[^"?]*)', editor.get("/dashboard").text))
    assert links == {f"/units/by-id/{slashed}"}, links  # leftovers19: an id under a segment of its own
    for address in (f"/units/by-id/{slashed}", f"/units/{slashed}"):  # the bare id of older links too
        page = editor.get(address)
        assert page.status_code == 200 and "斜杠单位" in page.text, (address, page.text[:300])
    assert "斜杠单位" not in web.client("admin").get(f"/units/{slashed}").text  # the keyed unit, as documented
