"""Found by attack23 (2026-12-05) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from tests.security.test_attack22 import _approve
from tests.web.conftest import WebEnv

# A 项目支出绩效自评表 with its funds grid (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分),
# as units fill it.
_SELF_EVALUATION = [
    "项目支出绩效自评表", "（2023年度）",
    "项目名称 | 农村饮水工程维修养护 | | | | | |",
    "主管部门 | 某县水利局 | | | 实施单位 | 某县水利局 | |",
    "项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
    " | 年度资金总额 | {initial} | 120 | {executed} | 10 | {rate} | {score}",
    " | 其中：当年财政拨款 | 100 | 120 | {part} | — | — | —",
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施",
    "产出指标 | 数量指标 | 维修工程数 | ≥10处 | 12处 | 50 | 50 | 无",
    "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | 10 | 10 | 无",
]


def _self_evaluation(**figures: str) -> bytes:
    given = {"initial": "100", "executed": "108", "rate": "90%", "score": "9", "part": "108"} | figures
    return ("\n".join(_SELF_EVALUATION).format(**given) + "\n").encode()


def test_funds_grid_figures_no_finance_officer_writes_are_refused_at_their_cell() -> None:
    # A 全年执行数 (or 执行率, 得分 …) written 1e999999, NaN, Infinity, in other digits or negative was left untyped
    # without a word (its text kept as an extra) or typed as written (-108, ٣٠, 40 digits): the table was imported
    # with no execution, or with an absurd one. Each is now an error at its cell, and the figure is not typed.
    cases = {
        ("executed", "1e999999"): "科学计数法", ("executed", "1e-999999"): "科学计数法",
        ("executed", "1E+02"): "科学计数法", ("executed", "１.０８ｅ２"): "科学计数法",
        ("executed", "NaN"): "不是数字", ("executed", "Infinity"): "不是数字", ("rate", "∞"): "不是数字",
        ("executed", "-108"): "是负数", ("executed", "−108"): "是负数", ("executed", "(108)"): "是负数",
        ("initial", "-100"): "是负数", ("rate", "-5%"): "是负数", ("score", "-3"): "是负数",
        ("part", "-1"): "是负数",
        ("executed", "٣٠"): "0-9 以外的数字", ("executed", "9" * 40): "超出允许范围",
        ("executed", "108." + "1" * 21): "小数位数过多",
    }
    column = {"executed": "全年执行数", "initial": "年初预算数", "rate": "执行率", "score": "得分",
              "part": "全年执行数"}
    for (field, written), said in cases.items():
        result = load_bytes(_self_evaluation(**{field: written}), "自评表.txt")
        errors = [p for p in result.problems if p.severity is Severity.ERROR]
        assert len(errors) == 1 and said in errors[0].message, (written, result.problems)
        assert errors[0].message.startswith(f"{column[field]}「{written[:30]}"), errors[0].message
        assert errors[0].source.line == (7 if field == "part" else 6), (written, errors[0].source)
        assert not result.ok
        budget = result.document.projects[0].budget if result.document else None
        assert budget is None or getattr(budget, field if field != "part" else "executed") is None \
            or field == "part", (written, budget)
        # no warning made of the refused figure (the 执行率 compared with it)
        assert not any(p.message.startswith("执行率读作") for p in result.problems), result.problems
    # what a finance officer writes is read as before: full-width digits, a plus sign, a dash for nothing, words
    for written, executed in (("１０８", "108"), ("＋108", "108"), ("108.50", "108.50"), ("—", None), ("见附件", None)):
        result = load_bytes(_self_evaluation(executed=written), "自评表.txt")
        assert not any(p.severity is Severity.ERROR for p in result.problems), (written, result.problems)
        assert result.document is not None
        got = result.document.projects[0].budget.executed
        assert (None if got is None else str(got)) == executed, (written, got)


def test_the_interchange_refuses_a_negative_or_absurd_funds_figure() -> None:
    # A perfbudget/1 JSON document (`POST /api/v1/documents`, `perfbudget import x.json`) took a negative 全年执行数, a
    # 40-digit one and digits of another script (Decimal() reads ٣٠ as 30, 1_000 as 1000), where a table is refused.
    import json

    from perfbudget.interchange import document_to_dict

    read = load_bytes(_self_evaluation(), "自评表.txt")
    assert read.document is not None
    data = document_to_dict(read.document)
    for written, said in (("-108", "是负数"), ("9" * 40, "超出允许范围"), ("٣٠", "不是十进制数"),
                          ("1_000", "不是十进制数"),
                          ("-1", "是负数")):
        data["projects"][0]["budget"]["executed" if written != "-1" else "score"] = written
        result = load_bytes(json.dumps(data, ensure_ascii=False).encode(), "自评表.json")
        errors = [p.message for p in result.problems if p.severity is Severity.ERROR]
        assert len(errors) == 1 and said in errors[0] and "budget." in errors[0], (written, errors)
        data["projects"][0]["budget"].update(executed="108", score="9")
    assert load_bytes(json.dumps(data, ensure_ascii=False).encode(), "自评表.json").ok
    for total in ("-5", "101", "9" * 40):  # the table's own 自评总分: 0-100 points, as the readers take it
        data["projects"][0]["table_total"] = total
        result = load_bytes(json.dumps(data, ensure_ascii=False).encode(), "自评表.json")
        assert [p.message for p in result.problems if p.severity is Severity.ERROR] == [
            f"projects[0].table_total: 自评总分应为 0–100 分，而不是 {total[:40]}"], (total, result.problems)


def test_the_public_page_of_a_unit_is_paged(any_web: WebEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    # The public page of a unit (no sign-in) was one page whatever the number of its approved projects: every
    # version read whole and two queries of 自评 records a project, a page of megabytes for a unit of thousands. Now
    # ?page=N shows PUBLIC_PAGE_PROJECTS a page (two here) and reads those versions only; no such page is a 404.
    from perfbudget.app import publication
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    web = any_web
    monkeypatch.setattr(publication, "PUBLIC_PAGE_PROJECTS", 2)
    for index in (0, 3, 4):  # three approved 2024 projects of unit 255101
        _approve(web, web.project_ids[index])
    read: list[int] = []
    from perfbudget.store.api import Store

    versions = Store.versions
    monkeypatch.setattr(Store, "versions", lambda self, ids: read.append(len(ids)) or versions(self, ids))
    public = create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32, public_pages=True))
    try:
        client = TestClient(public)
        first = client.get("/public/units/255101/2024")
        assert first.status_code == 200 and first.text.count('<h3 id="target-') == 2, first.text[-2000:]
        assert "共 3 个审核通过的项目；本页为第 1–2 个（第 1 页，共 2 页）" in first.text
        assert '<a href="?page=2" rel="next">下一页</a>' in first.text and 'rel="prev"' not in first.text
        second = client.get("/public/units/255101/2024?page=2")
        assert second.status_code == 200 and second.text.count('<h3 id="target-') == 1
        assert "本页为第 3–3 个（第 2 页，共 2 页）" in second.text and '<a href="?page=1" rel="prev">' in second.text
        assert {h for h in re.findall(r'<h3 id="target-\d+">([^<]+)', first.text)}.isdisjoint(
            re.findall(r'<h3 id="target-\d+">([^<]+)', second.text))
        assert read == [2, 1]  # each page read its own versions only
        for page in ("3", "0", "-1", "x", "1" * 30, "２"):
            assert client.get(f"/public/units/255101/2024?page={page}").status_code == 404, page
    finally:
        public.state.engine.dispose()


def test_a_typed_figure_in_digits_of_another_script_is_refused(web: WebEnv) -> None:
    # The 自评 (API, page and fill-in sheet alike: one parser) took 全年执行数「٣٠」 as 30 and 实际完成值「٩٥」 as 95,
    # saved as typed. Full-width digits (１０８, what a Chinese input method types) are 108 as before.
    project_id = web.project_ids[0]
    _approve(web, project_id)
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    count = len(client.get(f"/api/v1/projects/{project_id}", headers=headers).json()["document"]["projects"][0][
        "indicators"])

    def evaluate(executed: str, actual: str) -> Any:
        indicators = [{"position": n, "actual": actual, "grade": "达成"} for n in range(1, count + 1)]
        return client.post(f"/api/v1/projects/{project_id}/evaluation", headers=headers,
                           json={"executed": executed, "indicators": indicators, "year": 2024})

    refused = evaluate("٣٠", "100")
    assert refused.status_code == 422, refused.text
    assert "全年执行数「٣٠」含有 0-9 以外的数字字符：请用 0-9 书写" in refused.text
    refused = evaluate("17", "٩٥")
    assert refused.status_code == 422 and "实际完成值「٩٥」含有 0-9 以外的数字字符" in refused.text, refused.text
    saved = evaluate("１７", "100")
    assert saved.status_code == 200 and saved.json()["evaluation"]["projects"][0]["executed"] == "17", saved.text
