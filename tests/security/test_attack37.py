"""Round 37's attack (docs/security.md, 「Attacked from outside (attack37)」): each test failed on 10f55e2f."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import WebEnv
from tests.web.helpers import stored_project
from tests.web.test_import_blocked import spoiled
from tests.web.test_revisions import api, cli_import


def test_a_preview_with_skip_blocked_is_taken_by_every_face_and_force_refused_by_every_face(
        web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    # replay-aa left `perfbudget import --dry-run --skip-blocked` refused while the API's dry_run=true&skip_blocked=true
    # previewed: one rule now (app.import_preview.dry_run_refusal), the CLI's plan saying what --skip-blocked does
    from perfbudget.interchange import document_to_dict
    from perfbudget.load import load_path

    path = spoiled(seed_path, tmp_path)
    code, stdout, stderr = cli_import(web, str(path), "--dry-run", "--skip-blocked")
    assert "不能与" not in stderr, stderr
    assert "预览（未导入）" in stdout and "加 --skip-blocked 导入时：只导入其余 9 个完整无误的表格" in stdout
    assert code == 1  # as the import with --skip-blocked says a table was left out
    code, _, stderr = cli_import(web, str(path), "--dry-run", "--skip-blocked", "--force")
    assert code == 1 and "--dry-run 不能与 --force 同用" in stderr
    document = load_path(seed_path).document
    assert document is not None
    client = web.client()
    previewed = client.post("/api/v1/documents?dry_run=true&skip_blocked=true", headers=api(web, "editor"),
                            json=document_to_dict(document))
    assert previewed.status_code == 200 and previewed.json()["status"] == "dry_run"
    forced = client.post("/api/v1/documents?dry_run=true&skip_blocked=true&force=true", headers=api(web, "editor"),
                         json=document_to_dict(document))
    assert forced.json()["error"]["message"] == "dry_run=true 不能与 force=true 同用：预览已列出需要它们的表格"
    assert stored_project(web.app, web.project_ids[0])[1] == 1  # nothing imported


def _logged(target: str, method: str = "GET") -> str:
    """The line `perfbudget serve` writes for a request (its logging set-up's access formatter, uvicorn's record and
    its target as uvicorn's protocols hand it: the raw bytes (here UTF-8) read as Latin-1, 「"」 as %22)."""
    import logging
    import logging.config

    from uvicorn.protocols.utils import get_path_with_query_string

    from perfbudget.cli.cmd_serve import server_log_config

    raw_path, _, query = target.encode().partition(b"?")
    full = get_path_with_query_string({"raw_path": raw_path, "query_string": query})  # type: ignore[typeddict-item]
    entry = dict(server_log_config()["formatters"]["access"])
    formatter = logging.config.DictConfigurator({}).configure_custom(entry)
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5000", method, full, "1.1", 200), None)
    return str(formatter.format(record))


def test_the_request_log_says_its_zone_and_keeps_no_secret_of_the_query() -> None:
    # the time was the server's local time unmarked (the pages say 北京时间), and ?token=… / ?password=… were logged
    # as sent: whoever reads the server's console or its log file had them
    import re

    line = _logged("/api/v1/projects?q=1&token=pb_SECRET&Password=hunter2&csrf_token=abc&access%5Ftoken=x")
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d 北京时间 请求 127\.0\.0\.1:5000 \"GET ", line), line
    assert "pb_SECRET" not in line and "hunter2" not in line and "abc" not in line and "=x" not in line
    assert "q=1&token=***&Password=***&csrf_token=***&access%5Ftoken=***" in line


def test_the_request_log_is_one_bounded_line_nothing_forged() -> None:
    # a target is logged as the client sent it: a CR/LF (a protocol other than httptools lets them by) started a
    # forged line, an ESC recoloured the operator's terminal, a 60,000-character path made a 60,000-character line
    forged = _logged('/login\r\n2026-12-07 12:00:00 北京时间 请求 10.0.0.1:1 "POST /admin" 200\x1b[2J\x00\xff')
    assert "\n" not in forged and "\r" not in forged and "\x1b" not in forged and "\x00" not in forged
    assert "%0D%0A2026-12-07%2012:00:00%20%E5%8C%97" in forged and "%1B[2J%00%C3%BF" in forged
    long = _logged("/" + "a" * 60_000)
    assert len(long) < 2_200 and long.endswith("…（共 60001 字符） HTTP/1.1\" 200"), long[-80:]
    assert _logged("/x", method="GET\nFAKE").count("\n") == 0


def test_every_state_changing_route_refuses_a_session_without_its_csrf_token(web: WebEnv) -> None:
    # a guard over every route the app has, not a list of forms (tests/web/test_auth.py checked four): a page's POST
    # with the session cookie and no token is 403, the API's with the cookie alone 401 (the API takes tokens only);
    # a new route added without the check fails here
    import re

    from tests.web.test_permissions import _routes

    client, admin = web.client("admin"), api(web, "admin")
    audited = client.get("/api/v1/audit?limit=1", headers=admin).json()["total"]
    changing = sorted((path, method) for path, _, methods in _routes(web.app.routes)
                      for method in methods - {"GET", "HEAD", "OPTIONS"})
    assert len(changing) >= 50
    for path, method in changing:
        url = re.sub(r"\{[^}]+\}", lambda m: str(web.project_ids[0]) if m.group() == "{project_id}" else "1", path)
        answer = client.request(method, url, data={"name": "x"} if method != "DELETE" else None,
                                follow_redirects=False)
        assert answer.status_code == (401 if path.startswith("/api/") else 403), (method, path, answer.status_code)
    assert client.get("/api/v1/audit?limit=1", headers=admin).json()["total"] == audited
    assert stored_project(web.app, web.project_ids[0])[1] == 1
