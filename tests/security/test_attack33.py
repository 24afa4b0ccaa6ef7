"""Round 33's attack (docs/security.md, 「Attacked from outside (attack33)」): each test failed on main 2efc9eca."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from perfbudget.load import load_bytes
from tests.security.format_workbooks import workbook_of_formats
from tests.web.conftest import WebEnv
from tests.web.test_revisions import variant

runner = CliRunner()


def test_a_deleted_project_s_id_is_not_given_to_the_next_project_nor_its_audit_entries(any_web: WebEnv,
                                                                                       seed_path: Path,
                                                                                       tmp_path: Path) -> None:
    # SQLite gave a new row the largest id + 1 (store.bulk.allocate_ids too): after an admin deleted the newest
    # project, another unit's next project took its id, and the deleted project's audit entries (its unit's comment,
    # its deletion naming the unit) showed on the new project's history page to the new project's readers.
    web = any_web
    other = web.other_project_id
    assert other is not None and other == max([*web.project_ids, other])  # the newest project
    said = runner.invoke(cli, ["workflow", str(other), "comment", "--comment", "其他单位的内部意见：预算将削减",
                               "--user", "other_editor", "--db", web.url])
    assert said.exit_code == 0, said.output
    gone = runner.invoke(cli, ["project", "delete", str(other), "--yes", "--user", "admin", "--db", web.url])
    assert gone.exit_code == 0, gone.output
    path = variant(seed_path, tmp_path, "新表.txt", "2024年检察业务信息化运维项目", "2024年检察新增装备项目")
    done = runner.invoke(cli, ["import", str(path), "--user", "editor", "--db", web.url])
    assert done.exit_code == 0, done.output
    projects = web.client("editor").get("/api/v1/projects?limit=100",
                                         headers={"Authorization": f"Bearer {web.token('editor')}"}).json()["items"]
    new = next(p["id"] for p in projects if p["name"] == "2024年检察新增装备项目")
    assert new > other
    page = web.client("editor").get(f"/projects/{new}/history").text
    assert "其他单位" not in page and "删除项目" not in page, page


def test_a_workbook_of_more_number_formats_than_excel_keeps_is_refused_before_any_is_read() -> None:
    # each distinct format was read (and kept) once: 16,000 formats of 255 characters in a 0.5 MB .xlsx cost 13 s
    # and 540 MB, 65,000 (as many as the style records allowed) some 50 s and 2 GB. Excel keeps at most 206.
    from perfbudget.evaluate.sheet import read_xlsx_bytes

    formats = [f'0"{n:04d}"' + "0中" * 4 for n in range(501)]
    result = load_bytes(workbook_of_formats(formats, 123), "目标表.xlsx")
    assert result.document is None
    assert [p.message for p in result.problems] == [
        "Excel 文件有 501 种自定义数字格式，超过 500 种（Excel 最多 206 种）；未读取"]
    rows, problems = read_xlsx_bytes(workbook_of_formats(formats, 95), "自评.xlsx")
    assert rows == [] and [p.message for p in problems] == [
        "xlsx 文件有 501 种自定义数字格式，超过 500 种（Excel 最多 206 种）；未读取"]
    kept = load_bytes(workbook_of_formats(formats[:500], 1234567), "目标表.xlsx")
    assert kept.document is not None
    # (as Excel shows it: 123, the literal 0000, 4中5中6中7中)
    assert kept.document.projects[0].indicators[0].target.raw == "12300004中5中6中7中"


def _cost(value: object, fmt: str, cells: int = 20_000) -> float:
    from perfbudget.readers.xlsx import cell_text

    started = time.process_time()
    for _ in range(cells):
        cell_text(value, fmt)
    return time.process_time() - started


def test_a_cell_s_sections_and_date_fields_are_read_once_a_format_not_once_a_cell() -> None:
    # format_sections split a format at its `;` and read each condition's bound for every cell, date_formats walked a
    # date format for every cell: 20,000 cells of a format of 42 conditional sections cost 0.43 s (plain 0.05), of a
    # date format of 127 fields 2.2 s (a 150,000-cell workbook 16 s). Read once a format now, at most four sections
    # (Excel takes no more) and eight date fields (more: not a date format read here, the date shown ISO).
    from perfbudget.readers.xlsx import cell_text

    plain = _cost(-5, "0.00") + 0.05
    assert _cost(-5, "[<1]0;" * 42) < 3 * plain
    assert _cost(-5, ('0;' * 40 + '"<script>"0.0;')[:255]) < 3 * plain
    assert _cost(dt.date(2024, 1, 1), "y/" * 127) < 3 * plain
    assert cell_text(dt.date(2024, 1, 31), "y/" * 127) == "2024-01-31"
    assert cell_text(dt.date(2024, 1, 31), 'yyyy"年"m"月"d"日"') == "2024年1月31日"
    assert cell_text(5, '[<0]"减少"0;[<10]"少"0;"多"0') == "少5"
    assert cell_text(5, '[<NaN]"甲"0;"乙"0') == "乙5"  # (a bound of NaN compared raised: the workbook refused)
    assert cell_text(float("nan"), "0.00") == "nan" and cell_text(float("-inf"), '0;"减少"0') == "-inf"


def test_a_history_answer_is_bounded_by_the_size_of_its_texts(any_web: WebEnv) -> None:
    # attack32 bounded an answer of `GET …/history` to 10,000 changes, but a change's texts may be 20,000 characters
    # each: the answer could still be some 400 MB. Past 8,000,000 characters of texts it is 422 now, read no further.
    import copy

    from tests.security.project_edits import edited_indicators

    def long(letter: str) -> dict[str, str]:
        return {"raw": "按期完成" + letter * 19_990}

    client, admin, project = edited_indicators(any_web, lambda indicators: [
        {**indicators[0], "level3": f"设备巡检{i:03d}", "target": long("x")} for i in range(250)])
    body = copy.deepcopy(client.get(f"/api/v1/projects/{project}", headers=admin).json()["document"])
    body["projects"][0]["indicators"] = [{**i, "target": long("y")} for i in body["projects"][0]["indicators"]]
    put = client.put(f"/api/v1/projects/{project}", headers=admin, json={"base_version": 2, "document": body})
    assert put.status_code == 200, put.text[:500]
    asked = client.get(f"/api/v1/projects/{project}/history?limit=10&changes_limit=1000", headers=admin)
    assert asked.status_code == 422, len(asked.content)  # 15 MB of texts until attack33
    assert asked.json()["error"]["message"] == (
        "本页的改动文字超过 8000000 个字符：请减少 limit 或 changes_limit（现为 10 × 1000），分页读取")
    newest = client.get(f"/api/v1/projects/{project}/history?limit=1&offset=2&changes_limit=150", headers=admin)
    assert newest.status_code == 200 and len(newest.json()["versions"][0]["changes"]) == 150


def test_projects_without_their_own_indicator_header_are_read_in_linear_time() -> None:
    # a text of one cell a line: an indicator header once, then 2,000 projects each of 项目名称, its name and a 一级
    # name (a 26 KB file): each table start searched the rest of the stream for a header (stream._header_run), each
    # project counted every problem of the document (interpret) and each 一级 name listed every cell after it
    # (row_alignment.guess_level): 9.5 s, 8,000 projects (104 KB) some 150 s. Now 0.6 s and 1.3 s.
    head = ["项目名称", "甲项目", "一级指标", "二级指标", "三级指标", "指标值",
            "产出指标", "数量指标", "培训人数", "≥10人"]

    def cost(projects: int) -> float:
        text = "\n".join(head + ["项目名称", "乙项目", "产出指标"] * projects) + "\n"
        started = time.process_time()
        result = load_bytes(text.encode(), "目标表.txt")
        spent = time.process_time() - started
        assert result.document is not None
        return spent

    cost(50)  # (the readers' patterns compiled)
    small, large = cost(500), cost(2_000)
    assert large < 8 * small + 0.3, (small, large)  # four times the projects: some sixteen times the time until now


def test_a_unit_in_brackets_ending_a_name_is_found_in_linear_time(seed_path: Path) -> None:
    # reading36's NAME_UNIT (a number's unit from the name: 培训经费（万元）) had `\s*\**\s*` after a sign: a name
    # kept whole (perfbudget/1 JSON, an API edit) of 「培训（≥」, 9,000 spaces and 「x）」 cost 5 s to read.
    import json
    from dataclasses import replace

    from perfbudget.interchange import document_to_dict
    from perfbudget.load import load_path

    document = load_path(seed_path).document
    assert document is not None
    project = document.projects[0]
    first = replace(project.indicators[0], level3="培训（≥" + " " * 9_000 + "x）")
    hostile = replace(document, projects=(replace(project, indicators=(first, *project.indicators[1:])),))
    written = document_to_dict(hostile)
    written["projects"][0]["indicators"][0]["target"] = {"raw": "12"}  # (a number without its unit: the name's)
    data = json.dumps(written, ensure_ascii=False).encode()
    started = time.process_time()
    result = load_bytes(data, "目标表.json")
    assert time.process_time() - started < 1.0
    assert result.document is not None, result.problems
    assert result.document.projects[0].indicators[0].level3.endswith(" x）")
