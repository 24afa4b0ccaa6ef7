"""Round 31's attack (docs/security.md, 「Attacked from outside (attack31)」): each test failed on main b30bb3a2."""

from __future__ import annotations

import random
import re
import time

import pytest

from perfbudget.app import acting
from perfbudget.app.roles import Principal, Role
from tests.security.project_edits import edited_indicators
from tests.web.conftest import WebEnv


def test_a_unit_name_of_white_space_runs_is_matched_in_linear_time_with_the_same_answers() -> None:
    # attack30's leftover: app.acting._GLUED_CODE (a unit's name glued to its code, for the refusal's hint) had two
    # ``\s*`` in a row, each length of a run of white space tried against each: 8,000 leading spaces cost 0.5 s,
    # 32,000 some 8 s. Possessive runs take each run once; the answers are the old pattern's on random names.
    old = re.compile(r"^\s*[\[【［(（]?\s*(?P<code>\d{3,})\s*[\]】］)）]?\s*(?P<name>[^\d\s].*)$", re.S)
    started = time.process_time()
    for name in (" " * 32_000, "\u3000" * 32_000 + "1", "255" + " " * 32_000, "[" + " " * 32_000 + "2"):
        assert acting.unit_code_example("255101", name).startswith("255101-")
        assert "编码与名称连写" not in acting.uncoded_unit_refusal(_editor(), name)
    assert time.process_time() - started < 1.0
    rng = random.Random(31)
    pieces = [" ", "\u3000", "\n", "[", "】", "（", ")", "1", "25", "255101", "天津", "a", "-"]
    for _ in range(100_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        mine, theirs = acting._GLUED_CODE.match(text), old.match(text)
        assert (mine and mine.groupdict()) == (theirs and theirs.groupdict()), repr(text)


def _editor() -> Principal:
    return Principal(1, "editor", "editor", Role.UNIT_EDITOR, "255101")


def test_a_funds_sentence_of_a_long_run_of_digits_is_read_in_linear_time_with_the_same_amounts() -> None:
    # reading-33's funds sentence (readers/prose_funds.py: 项目资金 | 本项目年度预算120万元，…) looked for an amount
    # from every digit of a run: a clause of 20,000 digits (a 20 KB text any unit editor may upload) cost 10 s of
    # CPU, 8,000 digits 1.8 s. An amount starts where its run of digits does now: the same amounts on random clauses.
    from perfbudget.load import load_bytes
    from perfbudget.readers import prose_funds
    from tests.readers.test_reading33_text_layouts import PROSE_FUNDS

    text = PROSE_FUNDS.replace("本项目年度预算120万元，", "本项目年度预算120万元，" + "1" * 30_000 + "。")
    started = time.process_time()
    result = load_bytes(text.encode(), "目标表.txt")
    assert time.process_time() - started < 2.0
    assert result.document is not None and result.document.projects[0].budget.total is None  # a clause of no word
    old = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|元)")
    rng = random.Random(31)
    pieces = ["1", "20", ".", ".5", " ", "\u3000", "万元", "元", "万", "预算", "财政", "，"]
    for _ in range(100_000):
        clause = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert prose_funds._AMOUNT.findall(clause) == old.findall(clause), repr(clause)


def test_the_fill_in_sheets_are_made_once_a_data_version_and_never_given_to_another_scope(
        any_web: WebEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    # attack30's leftover: the 自评 and 运行监控 fill-in sheets (…/evaluate/template.xlsx, …/monitoring/template.xlsx)
    # were written again each time any reader asked (the 8 MB project's 0.7 s and 1.5 s of CPU). They take the
    # download cache now (web/downloads.py), the month in the key; a refusal makes and keeps nothing.
    from perfbudget.evaluate import template

    made: list[str] = []
    workbook = template.xlsx_workbook

    def counted() -> object:
        made.append("sheet")
        return workbook()

    monkeypatch.setattr(template, "xlsx_workbook", counted)
    project = any_web.project_ids[0]
    viewer, editor = any_web.client("viewer"), any_web.client("editor")
    sheets = [f"/projects/{project}/evaluate/template.xlsx", f"/projects/{project}/monitoring/template.xlsx?month=6",
              f"/projects/{project}/monitoring/template.xlsx?month=9"]
    first = [viewer.get(path) for path in sheets]
    assert all(r.status_code == 200 and r.content[:2] == b"PK" for r in first), [r.text[:200] for r in first]
    assert "%E8%87%AA%E8%AF%84%E5%A1%AB%E6%8A%A5%E8%A1%A8" in first[0].headers["content-disposition"]  # 自评填报表
    assert "1-9" in first[2].headers["content-disposition"] and first[1].content != first[2].content
    assert made == ["sheet"] * 3
    assert [viewer.get(path).content for path in sheets] == [r.content for r in first]
    assert made == ["sheet"] * 3  # kept for the viewer's scope
    other = any_web.client("other_editor")
    assert [other.get(path).status_code for path in sheets] == [404] * 3
    assert made == ["sheet"] * 3 and not any_web.app.state.files._computing
    assert editor.get(sheets[0]).status_code == 200 and made == ["sheet"] * 4  # another scope, its own sheet
    assert viewer.get(f"/projects/{project}/monitoring/template.xlsx?month=13").status_code == 422


def test_a_versions_changes_are_paged_in_the_api_and_bounded_on_the_history_page(any_web: WebEnv) -> None:
    # attack30's leftover: two versions of an 8 MB project (990 indicators, texts of 2,000 characters) made
    # `GET /api/v1/projects/{id}/history` 31 MB and the history page 15.6 MB: every change's text before and after,
    # for any reader. The API pages each version's changes now (changes_limit 50 by default, changes_offset,
    # changes_total); the page lists 50 a version, each told in at most 300 characters, and names the rest.
    long_name = "信息化设备巡检" * 70  # 490 characters (a name's bound is 500)
    client, admin, project = edited_indicators(any_web, lambda indicators: indicators + [
        {**indicators[0], "level3": f"{long_name}{i:03d}"} for i in range(120)])
    answer = client.get(f"/api/v1/projects/{project}/history", headers=admin).json()
    newest = answer["versions"][-1]
    assert newest["changes_total"] >= 120 and len(newest["changes"]) == 50 == answer["changes_limit"]
    rest = client.get(f"/api/v1/projects/{project}/history?changes_offset=50&changes_limit=1000&limit=10",
                      headers=admin).json()  # (limit × changes_limit at most 10,000 since attack32)
    assert len(rest["versions"][-1]["changes"]) == newest["changes_total"] - 50
    assert newest["changes"] + rest["versions"][-1]["changes"] == client.get(
        f"/api/v1/projects/{project}/history?changes_limit=1000&limit=10",
        headers=admin).json()["versions"][-1]["changes"]
    assert client.get(f"/api/v1/projects/{project}/history?changes_limit=1001", headers=admin).status_code == 422
    page = any_web.client("viewer").get(f"/projects/{project}/history").text
    told = re.findall(r"<li>([^<]*)</li>", page.split('class="events"')[1].split("</ul>")[0])
    assert len(told) == 50 and all(len(text) <= 301 for text in told), [len(t) for t in told]
    assert f"另有 {newest['changes_total'] - 50} 处改动未在此列出" in page
    assert long_name not in page


def test_a_glued_funds_run_is_matched_in_linear_time_with_the_same_answers() -> None:
    # readers/glued_funds._RUN (a glued line's funds run, 120100.0083.33%) had two runs of the same characters in a
    # row: a part of 4,000 digits and a letter cost 0.08 s, a glued line's 20,000 some 2 s. Possessive runs: the same
    # answers on random parts.
    from perfbudget.readers import glued_funds

    old = re.compile(r"^\d[\d.万元]*%?[\d.万元]*$")
    started = time.process_time()
    assert glued_funds._RUN.match("1" * 20_000 + "x") is None and glued_funds._RUN.match("1" * 20_000 + "%1")
    assert time.process_time() - started < 0.1
    rng = random.Random(31)
    pieces = ["1", "20", ".", "万元", "万", "元", "%", "x", "\n"]
    for _ in range(100_000):
        part = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        assert bool(glued_funds._RUN.match(part)) == bool(old.match(part)), repr(part)
