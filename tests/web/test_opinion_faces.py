"""A unit's 审核意见书 on every face (replay-i): the page's ``/units/{key}/opinion.docx``, the API's
``GET /api/v1/units/{key}/opinion.docx`` and ``perfbudget desk opinion --unit`` give the same opinion (one use case,
``app.opinion.unit_opinion_desks``); a project's through the CLI too. Until replay-i the unit's opinion was on the
web only and the CLI had none."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv

runner = CliRunner()


def _text(data: bytes) -> list[str]:
    word = Document(io.BytesIO(data))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return [p.text for p in word.paragraphs] + cells


def test_a_units_opinion_is_the_same_on_the_page_the_api_and_the_cli(any_web: WebEnv, tmp_path: Path) -> None:
    web = any_web
    pid = web.project_ids[0]
    api, reviewer = web.client(), {"Authorization": f"Bearer {web.token('reviewer')}"}
    assert api.post(f"/api/v1/projects/{pid}/desk/comments", headers=reviewer,
                    json={"place": "indicator:1:target", "text": "请写明测算依据"}).status_code == 200
    page = web.client("reviewer").get("/units/255101/opinion.docx?year=2024")
    assert page.status_code == 200
    answered = api.get("/api/v1/units/255101/opinion.docx", headers=reviewer, params={"year": 2024})
    assert answered.status_code == 200, answered.text
    assert answered.headers["content-type"].startswith("application/vnd.openxmlformats")
    written = tmp_path / "unit.docx"
    made = runner.invoke(cli, ["desk", "opinion", "--unit", "255101", "--year", "2024", "-o", str(written),
                               "--user", "reviewer", "--db", web.url])
    assert made.exit_code == 0, made.output
    text = _text(page.content)
    assert text[0] == "天津市和平区人民检察院\n2024年度绩效目标审核意见书" and "请写明测算依据" in "".join(text)
    assert _text(answered.content) == text == _text(written.read_bytes())

    # another unit's editor: none of it exists for them, as on the page
    other = {"Authorization": f"Bearer {web.token('other_editor')}"}
    assert api.get("/api/v1/units/255101/opinion.docx", headers=other).status_code == 404
    hidden = runner.invoke(cli, ["desk", "opinion", "--unit", "255101", "-o", str(tmp_path / "x.docx"),
                                 "--user", "other_editor", "--db", web.url])
    assert hidden.exit_code == 1 and "没有找到该单位" in hidden.output and not (tmp_path / "x.docx").exists()
    assert api.get("/api/v1/units/255101/opinion.docx", headers=reviewer, params={"year": 99}).status_code == 422

    one = tmp_path / "one.docx"
    made = runner.invoke(cli, ["desk", "opinion", str(pid), "-o", str(one), "--user", "reviewer", "--db", web.url])
    assert made.exit_code == 0, made.output
    assert _text(one.read_bytes()) == _text(api.get(f"/api/v1/projects/{pid}/opinion.docx", headers=reviewer).content)
    neither = runner.invoke(cli, ["desk", "opinion", "-o", str(one), "--user", "reviewer", "--db", web.url])
    assert neither.exit_code == 1 and "二者选一" in neither.output
