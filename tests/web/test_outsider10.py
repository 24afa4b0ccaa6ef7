"""Found by attacking a fresh server from outside (attack10, 2026-12-03); each test failed before its fix."""

from __future__ import annotations

import base64
import re

from tests.web.conftest import WebEnv, csrf_of


def _cookie_payloads(headers: list[str]) -> str:
    """The JSON of every session cookie set (Starlette's cookie: base64 JSON, then its signature)."""
    found = []
    for header in headers:
        value = header.split(";", 1)[0].split("=", 1)[1]
        payload = value.split(".", 1)[0]
        found.append(base64.b64decode(payload + "=" * (-len(payload) % 4)).decode("utf-8", "replace"))
    return "\n".join(found)


def test_a_new_api_token_never_travels_in_the_session_cookie(web: WebEnv) -> None:
    """The session is a signed, not encrypted, cookie: the new token was readable in Set-Cookie and sent
    with every request until the account page was shown."""
    client = web.client("editor")
    response = client.post("/account/tokens", data={"csrf_token": csrf_of(client, "/account"), "name": "脚本"},
                           follow_redirects=False)
    assert response.status_code == 200
    token = re.search(r'id="new-token">([^<]+)<', response.text)
    assert token and token.group(1).startswith("pb_")
    assert token.group(1) not in _cookie_payloads(response.headers.get_list("set-cookie"))
    assert all(token.group(1) not in value for value in client.cookies.values())
    assert "new-token" not in client.get("/account").text  # shown once
    assert web.client().get("/api/v1/me", headers={"Authorization": f"Bearer {token.group(1)}"}).status_code == 200
