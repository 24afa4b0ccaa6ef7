"""Round 38's attack (docs/security.md, 「Attacked from outside (attack38)」): each test failed on 6a19f62a."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.web.conftest import SEED_UNIT, WebEnv
from tests.web.test_revisions import api, cli_import

# a tiny table of a unit without a code, its 预算数 written 10^36 (万元)
HUGE = "1" + "0" * 36
TABLE = ("项目支出绩效目标表\n单位名称：测试局\n单位：万元\n项目名称\t测试项目\n预算数\t{total}\n"
         "其中：财政资金\t{fiscal}\n其他资金\t\n绩效目标\t完成测试任务\n一级指标\t二级指标\t三级指标\t指标值\n"
         "产出指标\t数量指标\t培训人数\t{target}\n")


def test_an_amount_past_any_table_is_refused_at_its_cell_by_the_command_line(web: WebEnv, tmp_path: Path) -> None:
    # `perfbudget import` stored a 预算数 of 10^36 万元 (the web refused it, the command line let every number of up to
    # 41 digits through): `perfbudget list projects` then raised InvalidOperation, the unit's page answered 500
    path = tmp_path / "huge.txt"
    path.write_text(TABLE.format(total=HUGE, fiscal="5", target="≥100人"), encoding="utf-8")
    code, stdout, stderr = cli_import(web, str(path))
    assert code == 1 and "导入 0 个" in stdout
    assert (f"huge.txt:5:第2列: 错误：表1「测试项目」有错误，未导入：第5行 第2列：projects[0].budget.total："
            f"预算数「{HUGE}」超出允许范围（绝对值不超过 10^12）") in stderr, stderr
    # a count past it alike, at the indicator's cell
    path.write_text(TABLE.format(total="5", fiscal="5", target="≥" + "9" * 30 + "人"), encoding="utf-8")
    code, _, stderr = cli_import(web, str(path))
    assert code == 1 and "第10行 第4列：projects[0].indicators[0].target.value：指标值「" + "9" * 30 in stderr, stderr
    # a real table's sizes pass as before
    path.write_text(TABLE.format(total="4764453.11", fiscal="4764453.11", target="≥100人"), encoding="utf-8")
    code, stdout, stderr = cli_import(web, str(path))
    assert code == 0 and "导入 1 个" in stdout, stderr


def test_an_upload_names_the_cell_of_an_amount_past_any_table(web: WebEnv) -> None:
    # the web refused it at the file alone: 「projects[0].budget.total：数值超出允许范围（绝对值不超过 10^12）」
    data = TABLE.format(total=HUGE, fiscal="5", target="≥100人").encode()
    preview = web.client().post("/api/v1/uploads", headers=api(web, "admin"), files={"file": ("huge.txt", data)})
    assert preview.status_code == 200, preview.text
    [blocked] = preview.json()["blocked_tables"]
    [problem] = blocked["problems"]
    assert problem["source"] == {"file": "huge.txt", "line": 5, "column": 2}
    assert problem["message"] == (f"projects[0].budget.total：预算数「{HUGE}」超出允许范围（绝对值不超过 10^12）"
                                  "：请核对金额单位和数字")


def test_money_of_more_digits_than_the_decimal_context_is_printed_not_raised() -> None:
    # an amount stored before (41 digits at most) raised InvalidOperation out of money_text: every face printing it
    from perfbudget.money_text import money_text

    assert money_text(Decimal(HUGE)) == "1," + ",".join(["000"] * 12) + ".00"
    assert money_text(Decimal("-" + "9" * 41)) == "-99," + ",".join(["999"] * 13) + ".00"
    assert money_text(Decimal("12345678.9")) == "12,345,678.90" and money_text(Decimal("0.125")) == "0.125"


def test_the_publication_page_of_a_unit_not_seen_answers_as_the_api_and_as_no_unit(web: WebEnv) -> None:
    # the page answered 403 「您无权查看该单位的数据」 where the API and the unit's page answer 404 (attack37 left it)
    other = web.client("other_editor")
    for unit in (SEED_UNIT, "000000", "by-name/测试局", "by-code/255101"):
        page = other.get(f"/units/{unit}/publication/json?year=2024")
        assert page.status_code == 404, (unit, page.status_code)
        assert "没有找到该单位" in page.text
        through = other.get(f"/api/v1/units/{unit}/publication/json?year=2024", headers=api(web, "other_editor"))
        assert through.status_code == 404 and through.json()["error"]["message"] == "没有找到该单位"


# a Word 97-2003 file (made by LibreOffice from this flat ODF text) whose picture is linked to ``{url}``, and a table
_LINKED_PICTURE = "".join((
    '<?xml version="1.0" encoding="UTF-8"?><office:document ',
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ',
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ',
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" ',
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" ',
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2" ',
    'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text><text:p>项目支出绩效目标表',
    '<draw:frame draw:name="p" svg:width="2cm" svg:height="2cm"><draw:image xlink:href="{url}" xlink:type="simple" ',
    'xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p><table:table table:name="t">',
    '<table:table-column table:number-columns-repeated="4"/>{rows}</table:table></office:text></office:body>',
    '</office:document>'))


def _row(*cells: str) -> str:
    return "<table:table-row>" + "".join(f"<table:table-cell><text:p>{cell}</text:p></table:table-cell>"
                                         for cell in cells) + "</table:table-row>"


def test_a_legacy_word_file_linking_a_picture_to_a_web_address_makes_the_server_fetch_nothing(tmp_path: Path) -> None:
    # LibreOffice, converting a .doc for the readers, fetched the pictures it links (OPTIONS, HEAD and GET to any
    # address, from the server's own network): any uploader could make the server send requests inside it
    import http.server
    import subprocess
    import threading

    from perfbudget.load import load_path
    from tests.conftest import soffice_path, soffice_profile

    asked: list[str] = []

    class Listener(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            asked.append(f"{self.command} {self.path}")
            self.send_response(404)
            self.end_headers()

        do_GET = do_HEAD = do_OPTIONS = do_PROPFIND = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Listener, bind_and_activate=False)
    server.server_bind()  # its port known, not listening yet: LibreOffice making the file is refused
    url = f"http://127.0.0.1:{server.server_address[1]}/linked.png"
    flat = tmp_path / "linked.fodt"
    flat.write_text(_LINKED_PICTURE.format(url=url, rows=_row("一级指标", "二级指标", "三级指标", "指标值")
                                           + _row("产出指标", "数量指标", "培训人数", "≥100人")), encoding="utf-8")
    subprocess.run([soffice_path(), "--headless", f"-env:UserInstallation={soffice_profile()}", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(flat)], check=True, capture_output=True, timeout=180)
    made = tmp_path / "linked.doc"
    assert url.encode() in made.read_bytes()  # the link is in the file
    server.server_activate()
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    try:
        result = load_path(made)
    finally:
        server.shutdown()
        server.server_close()
    assert asked == []
    assert result.document is not None
    assert [i.level3 for p in result.document.projects for i in p.indicators] == ["培训人数"]  # still read


def test_an_approval_names_the_version_reviewed_and_a_revision_sent_meanwhile_is_not_approved(web: WebEnv) -> None:
    # the unit imported a revision and sent it again while the reviewer read the desk of the version before; the
    # desk's 审核通过 (and the API's) approved the revision nobody had reviewed
    import re

    from tests.web.conftest import csrf_of

    project = web.project_ids[1]
    client, editor, reviewer = web.client(), api(web, "editor"), api(web, "reviewer")

    def step(headers: dict[str, str], action: str, **more: object) -> int:
        answer = client.post(f"/api/v1/projects/{project}/workflow", headers=headers,
                             json={"action": action, "justification": "理由", **more})
        return answer.status_code

    def revise(purpose: str) -> None:
        document = client.get(f"/api/v1/projects/{project}", headers=editor).json()["document"]
        document["projects"][0]["purpose"] = purpose
        assert client.post("/api/v1/documents?force=true", headers=editor, json=document).status_code == 200

    assert step(editor, "submit") == 200
    desk = web.client("reviewer")
    page = desk.get(f"/projects/{project}/review").text
    assert re.search(r'name="version" value="1"', page)
    revise("单位在审核期间改过的资金用途")
    assert step(editor, "submit") == 200  # version 2, sent again
    token = csrf_of(desk, f"/projects/{project}/review")
    answer = desk.post(f"/projects/{project}/workflow",
                       data={"csrf_token": token, "action": "approve", "back": "desk", "version": "1"})
    assert answer.status_code == 409 and "您审核的是第 1 版，但该项目已有更新的第 2 版" in answer.text
    stale = client.post(f"/api/v1/projects/{project}/workflow", headers=reviewer,
                        json={"action": "approve", "version": 1})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale_version"
    from tests.web.test_workflow_cli import _step

    said = _step(web, project, "approve", "reviewer", "--version", "1")
    assert said.exit_code == 1 and "您审核的是第 1 版" in said.stderr
    assert client.get(f"/api/v1/projects/{project}", headers=reviewer).json()["state"] == "submitted"  # not approved
    assert step(reviewer, "approve", version=2) == 200  # the version seen, still the latest
    assert client.get(f"/api/v1/projects/{project}", headers=reviewer).json()["official_version"] == 2


def test_a_revision_sent_after_an_approval_is_approved_from_the_desk_and_the_api(web: WebEnv) -> None:
    # second reading: the desk showed the approved version 1 while the revision 2 waited; its 审核通过 sent version 1
    # and was refused (409) every time, and the project page offered the same refused 审核通过 on version 1
    import re

    from tests.web.conftest import csrf_of
    from tests.web.helpers import approve

    project = web.project_ids[1]
    approve(web.app, project)
    client, editor, reviewer = web.client(), api(web, "editor"), api(web, "reviewer")
    document = client.get(f"/api/v1/projects/{project}", headers=editor).json()["document"]
    document["projects"][0]["purpose"] = "修订稿的资金用途"
    assert client.post("/api/v1/documents?force=true", headers=editor, json=document).status_code == 200
    assert client.post(f"/api/v1/projects/{project}/workflow", headers=editor,
                       json={"action": "submit", "justification": "理由"}).status_code == 200
    assert client.get(f"/api/v1/projects/{project}/desk", headers=reviewer).json()["project"]["version"] == 2
    desk = web.client("reviewer")
    page = desk.get(f"/projects/{project}").text  # the approved version 1: no 审核通过 there, a link to the revision
    assert 'value="approve"' not in page and f'href="/projects/{project}?version=2"' in page
    assert 'value="approve"' in desk.get(f"/projects/{project}?version=2").text
    page = desk.get(f"/projects/{project}/review").text
    assert re.findall(r'name="version" value="(\d+)"', page) == ["2"]
    token = csrf_of(desk, f"/projects/{project}/review")
    answer = desk.post(f"/projects/{project}/workflow",
                       data={"csrf_token": token, "action": "approve", "back": "desk", "version": "2"})
    assert answer.status_code in (200, 303), answer.text
    assert client.get(f"/api/v1/projects/{project}", headers=reviewer).json()["official_version"] == 2


def test_the_command_line_refuses_a_monitoring_figure_past_any_table(tmp_path: Path) -> None:
    # second reading: `storage_problems` listed its fields by hand and missed a 监控表's 实际完成值 and 全年预计完成值,
    # so `perfbudget import` stored a 实际完成值 of 10^36 (the web's check, walking every field, refused it)
    from dataclasses import replace

    from perfbudget.app.validate import document_problems, storage_problems
    from perfbudget.load import load_path
    from perfbudget.model import Progress

    path = tmp_path / "t.txt"
    path.write_text(TABLE.format(total="5", fiscal="5", target="≥100人"), encoding="utf-8")
    document = load_path(path).document
    assert document is not None
    project = document.projects[0]
    indicator = replace(project.indicators[0], progress=Progress(actual_value=Decimal(HUGE),
                                                                 forecast_value=Decimal("1E+50")))
    document = replace(document, projects=[replace(project, indicators=[indicator])])
    for check in (storage_problems, document_problems):
        said = " ".join(p.message for p in check(document, "t.txt"))
        assert "progress.actual_value" in said and "progress.forecast_value" in said, (check, said)


def test_every_number_problem_is_placed_at_its_cell(tmp_path: Path) -> None:
    # second reading: 10^36 was named at its cell, 10^50 (「数值位数过多」) and too many decimals at the file alone
    from perfbudget.app.validate import document_problems, storage_problems
    from perfbudget.load import load_path

    path = tmp_path / "t.txt"
    for total, checks in (("1" + "0" * 50, (storage_problems, document_problems)),
                          ("0." + "0" * 24 + "1", (storage_problems, document_problems)),
                          ("1.1234567", (document_problems,))):
        path.write_text(TABLE.format(total=total, fiscal="5", target="≥100人"), encoding="utf-8")
        document = load_path(path).document
        assert document is not None
        for check in checks:
            [problem] = [p for p in check(document, "t.txt") if "budget.total" in p.message]
            assert (problem.source.line, problem.source.column) == (5, 2), (total, check, problem)
            assert "预算数「" in problem.message, problem.message


def test_a_version_not_a_number_is_refused_as_such(web: WebEnv) -> None:
    # second reading: 「abc」 or 「１」 became version 0, and the desk answered 409 「您审核的是第 0 版…（单位已修改
    # 并重新送审）」, a cause guessed
    from tests.web.conftest import csrf_of

    project = web.project_ids[1]
    client = web.client()
    assert client.post(f"/api/v1/projects/{project}/workflow", headers=api(web, "editor"),
                       json={"action": "submit", "justification": "理由"}).status_code == 200
    desk = web.client("reviewer")
    token = csrf_of(desk, f"/projects/{project}/review")
    for version in ("abc", "１", "0", "1.0"):
        answer = desk.post(f"/projects/{project}/workflow",
                           data={"csrf_token": token, "action": "approve", "back": "desk", "version": version})
        assert answer.status_code == 422 and "版本号无效" in answer.text, (version, answer.status_code)
    answer = desk.post(f"/projects/{project}/workflow",
                       data={"csrf_token": token, "action": "approve", "back": "desk", "version": "3"})
    assert answer.status_code == 409 and "该项目没有第 3 版，最新版本是第 1 版" in answer.text
    assert "重新送审）" not in answer.text


def test_a_number_past_any_table_is_checked_as_what_it_is(tmp_path: Path) -> None:
    # second reading: 「请核对金额单位」 was said of an 指标值, 分值, 得分 or 自评总分 too, which are no money
    from perfbudget.app.validate import document_problems
    from perfbudget.load import load_path

    path = tmp_path / "t.txt"
    path.write_text(TABLE.format(total=HUGE, fiscal="5", target="≥" + "9" * 30 + "人"), encoding="utf-8")
    document = load_path(path).document
    assert document is not None
    said = {p.source.line: p.message for p in document_problems(document, "t.txt")}
    assert said[5].endswith(f"预算数「{HUGE}」超出允许范围（绝对值不超过 10^12）：请核对金额单位和数字"), said
    assert said[10].endswith("指标值「" + "9" * 30 + "」超出允许范围（绝对值不超过 10^12）：请核对数字"), said


def test_a_batch_approval_names_the_versions_seen(web: WebEnv) -> None:
    # second reading: the queue's 批量审核通过 and POST /api/v1/review/batch named no version, and approved a revision
    # sent after the reviewer had looked
    import re

    from tests.web.conftest import csrf_of

    first, second = web.project_ids[1], web.project_ids[2]
    client, editor, reviewer = web.client(), api(web, "editor"), api(web, "reviewer")
    for project in (first, second):
        assert client.post(f"/api/v1/projects/{project}/workflow", headers=editor,
                           json={"action": "submit", "justification": "理由"}).status_code == 200
    queue = web.client("reviewer")
    assert f'value="{first}:1"' in queue.get("/review/queue").text
    answer = client.post("/api/v1/review/batch", headers=reviewer,
                         json={"action": "approve", "projects": [{"project_id": first, "version": 2}]})
    assert answer.status_code == 200 and answer.json()["done"] == 0, answer.text
    assert client.get(f"/api/v1/projects/{first}", headers=reviewer).json()["state"] == "submitted"
    token = csrf_of(queue, "/review/queue")
    queue.post("/review/queue", data={"csrf_token": token, "action": "approve", "project": [f"{first}:2"]})
    assert client.get(f"/api/v1/projects/{first}", headers=reviewer).json()["state"] == "submitted"
    answer = client.post("/api/v1/review/batch", headers=reviewer,
                         json={"action": "approve", "projects": [{"project_id": first, "version": 1}],
                               "project_ids": [second]})  # no version: the latest approved until attack41
    assert answer.status_code == 200 and answer.json()["done"] == 1, answer.text
    assert re.search("审核通过", answer.json()["message"]) and "未写明您审核的版本" in answer.json()["message"]


def test_money_of_usual_digits_builds_no_context(monkeypatch: object) -> None:
    # second reading: money_text built a Context on every call (4.4 → 7.1 µs an amount), for the rare 28 digits past
    import pytest

    from perfbudget import money_text as module

    assert isinstance(monkeypatch, pytest.MonkeyPatch)

    def refused(**_: object) -> None:
        raise AssertionError("a Context built for an amount of usual digits")

    monkeypatch.setattr(module, "Context", refused)
    assert module.money_text(Decimal("12345678.9")) == "12,345,678.90"
    monkeypatch.undo()
    assert module.money_text(Decimal(HUGE)) == "1," + ",".join(["000"] * 12) + ".00"


def test_the_labels_of_numbers_and_of_desk_places_are_one_list() -> None:
    # second reading: validate._NUMBER_LABELS repeated the desk's 预算数, 财政资金, 其他资金 and 指标值
    from perfbudget.app import review_desk, validate
    from perfbudget.field_labels import BUDGET_LABELS, TARGET_LABEL

    assert {k: validate._NUMBER_LABELS[k] for k in BUDGET_LABELS} == BUDGET_LABELS
    assert {k: review_desk.FINDING_FIELDS[k] for k in BUDGET_LABELS} == BUDGET_LABELS
    assert review_desk.INDICATOR_FIELDS["target"] == validate._NUMBER_LABELS["target.value"] == TARGET_LABEL


def test_no_provider_of_a_non_local_address_is_left_in_the_conversion_profile() -> None:
    # second reading: the providers removed were one LibreOffice version's names
    import pytest

    from perfbudget.readers.convert import (
        LOCAL_SCHEMES,
        non_local_providers,
        provider_schemes,
        registry_of,
        soffice_path,
    )

    program = soffice_path()
    if program is None or not registry_of(program).is_dir():
        pytest.skip("LibreOffice not installed")
    registry = registry_of(program)
    removed = set(non_local_providers(registry))
    left = {name: scheme for name, scheme in provider_schemes(registry).items() if name not in removed}
    assert left and all(scheme in LOCAL_SCHEMES for scheme in left.values()), left
