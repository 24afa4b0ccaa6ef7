"""Every app of a process answers through the same route objects, built once, and from its own database alone."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import PASSWORD, WebEnv, csrf_of, login, make_app


def test_a_second_app_takes_the_routes_of_the_first_and_keeps_its_own_store(web: WebEnv, tmp_path: Path) -> None:
    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import Role

    url = f"sqlite:///{tmp_path / 'other.db'}"
    other = WebEnv(make_app(url), url, [], None)
    try:
        def routes(env: WebEnv) -> list[object]:  # the OpenAPI document's route is bound to its app
            return [route for route in env.app.router.routes if getattr(route, "path", None) != "/api/openapi.json"]

        assert len(routes(web)) == len(routes(other)) > 10
        assert all(a is b for a, b in zip(routes(web), routes(other), strict=True))  # built once, not for each app
        assert other.app.state.store is not web.app.state.store

        # the same routes answer from each app's own database: the seed's editor is in one of them only
        signed_in = web.client("editor")
        stranger = other.client()
        refused = stranger.post("/login", data={"username": "editor", "password": PASSWORD,
                                                "csrf_token": csrf_of(stranger)}, follow_redirects=False)
        assert refused.status_code != 303
        assert not isinstance(create_user(other.app.state.engine, "editor", PASSWORD, Role.VIEWER, None), str)
        login(stranger, "editor")  # the other database's own account of that name
        assert stranger.get(f"/projects/{web.project_ids[0]}").status_code == 404  # no such project there
        assert signed_in.get(f"/projects/{web.project_ids[0]}").status_code == 200

        # each app's OpenAPI document is its own, and the same
        assert other.app.openapi() == web.app.openapi()
        assert other.app.openapi() is not web.app.openapi()
    finally:
        other.app.state.engine.dispose()
