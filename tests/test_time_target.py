"""Date and period targets (时效): the grammar, docs/targets.md's table, round trips, scoring."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfbudget.evaluate.numbers import show
from perfbudget.model import Document, Kind
from perfbudget.target import parse_target
from perfbudget.time_target import Due, due_of, format_due, parse_done, parse_due
from tests.evaluate.helpers import csv_bytes, messages, run

ROOT = Path(__file__).resolve().parents[1]
TIME = ["", "时效指标", "完成时间", "完成时间", "2024年10月底前"]
OUT = ["产出指标", "数量指标", "次数", "次数", "≥10次"]
EFF = ["效益指标", "社会效益指标", "效果", "效果", "有效保障"]
SAT = ["满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%"]


def test_doc_table_of_time_targets() -> None:
    text = (ROOT / "docs" / "targets.md").read_text(encoding="utf-8")
    section = text[text.index("## Date and period targets"):text.index("## Canonical display")]
    rows = re.findall(r"^\| `([^`]+)` \| (\S+) \| (\S+) \| `([^`]+)` \|$", section, re.MULTILINE)
    assert len(rows) >= 15
    for raw, end, start, canonical in rows:
        target = parse_target(raw, "完成时间")
        assert target.kind is Kind.QUALITATIVE and target.raw == raw
        due = due_of(target)
        assert due is not None, raw
        assert (due.end(2025).isoformat(), due.start(2025).isoformat()) == (end, start), raw
        assert format_due(due) == canonical, raw
    refused = re.search(r"Not read as dates: (.*)\.", section)
    assert refused is not None
    for raw in re.findall(r"`([^`]+)`", refused.group(1)):
        assert parse_due(raw) is None, raw


@st.composite
def dues(draw: st.DrawFn) -> Due:
    year = draw(st.none() | st.integers(2000, 2099))
    shape = draw(st.sampled_from(["day", "month", "quarter", "half", "year", "one-month", "span", "years"]))
    if shape == "day":
        month = draw(st.integers(1, 12))
        return Due(month, draw(st.integers(1, 28)), year)
    if shape == "month":
        return Due(draw(st.integers(1, 12)), None, year)
    if shape == "quarter":
        quarter = draw(st.integers(1, 4))
        return Due(3 * quarter, None, year, 3 * quarter - 2)
    if shape == "half":
        return draw(st.sampled_from([Due(6, None, year, 1), Due(12, None, year, 7)]))
    if shape == "year":
        return Due(12, None, year, 1)
    if shape == "one-month":
        month = draw(st.integers(1, 12))
        return Due(month, None, year, month)
    if shape == "span":
        first = draw(st.integers(1, 12))
        return Due(draw(st.integers(first, 12)), draw(st.none() | st.integers(1, 28)), year, first)
    start_year = draw(st.integers(2000, 2098))
    end_year = draw(st.integers(start_year + 1, 2099))
    return Due(draw(st.integers(1, 12)), None, end_year, draw(st.integers(1, 12)), start_year)


@given(dues())
def test_format_parse_round_trip(due: Due) -> None:
    assert parse_due(format_due(due)) == due
    target = parse_target(format_due(due), "完成时间")
    assert target.kind is Kind.QUALITATIVE and due_of(target) == due


@pytest.mark.parametrize(("text", "expected"), [
    ("2025年9月28日", date(2025, 9, 28)), ("2025-09-28", date(2025, 9, 28)), ("2025/9/28", date(2025, 9, 28)),
    ("9月28日", date(2024, 9, 28)), ("2025-09-28 00:00:00", date(2025, 9, 28)), ("2025年2月", date(2025, 2, 28)),
])
def test_completion_dates(text: str, expected: date) -> None:
    read = parse_done(text, 2024)
    assert isinstance(read, tuple) and read[0] == expected


@pytest.mark.parametrize("text", ["按期完成", "2025年2月30日", "13月1日"])
def test_not_completion_dates(text: str) -> None:
    assert isinstance(parse_done(text, 2024), str)


def _document(inline) -> Document:  # type: ignore[no-untyped-def]
    document, problems = inline(OUT, TIME, EFF, SAT)
    assert document is not None, problems
    return document


def _sheet(done: str, grade: str = "") -> bytes:
    p = "测试项目-2024中央"
    return csv_bytes(f"{p},全年执行数,10,,,", f"{p},次数,10次,,,", f"{p},完成时间,{done},{grade},,",
                     f"{p},效果,,达成,,", f"{p},满意度,95%,,,")


def test_time_target_scored_against_the_completion_date(inline) -> None:  # type: ignore[no-untyped-def]
    document = _document(inline)
    assert due_of(document.projects[0].indicators[1].target) == Due(10, None, 2024)
    evaluation, problems = run(document, _sheet("2024年9月28日"))
    assert evaluation is not None, messages(problems)
    line = evaluation.projects[0].indicators[1]
    assert line.formula == "deadline" and line.score == line.weight == D(25)
    assert "不晚于目标「2024年10月底前」（2024-10-31）" in line.explanation
    # late: 2024 is a leap year → 1 Jan–31 Oct = 305 days allowed; done 30 Nov = 335 days taken
    # 25 × 305 / 335 = 22.761… → 22.76
    evaluation, problems = run(document, _sheet("2024-11-30"))
    assert evaluation is not None, messages(problems)
    line = evaluation.projects[0].indicators[1]
    assert show(line.score) == "22.76"
    assert "晚于目标「2024年10月底前」（2024-10-31） 30 天" in line.explanation
    assert "25.00 × 应用时 305 天 ÷ 实际用时 335 天 = 22.76" in line.explanation


def test_period_target_counts_from_the_period_start(inline) -> None:  # type: ignore[no-untyped-def]
    quarter = [*TIME[:4], "第三季度"]
    document, problems = inline(OUT, quarter, EFF, SAT)
    assert document is not None, problems
    # fund year 2024 (测试项目-2024中央); Q3 = 1 Jul–30 Sep = 92 days; done 10 Oct = 102 days
    evaluation, problems = run(document, _sheet("10月10日"))
    assert evaluation is not None, messages(problems)
    line = evaluation.projects[0].indicators[1]
    assert "自 2024-07-01 起计" in line.explanation and show(line.score) == show(D(25) * 92 / 102)


def test_grade_still_scores_a_time_target_and_bad_dates_are_errors(inline) -> None:  # type: ignore[no-untyped-def]
    document = _document(inline)
    evaluation, problems = run(document, _sheet("按期完成", "达成"))
    assert evaluation is not None, messages(problems)
    assert evaluation.projects[0].indicators[1].formula == "qualitative"
    evaluation, problems = run(document, _sheet("按期完成"))
    assert evaluation is None
    assert any("时效指标「完成时间」" in m and "不是完成日期" in m for m in messages(problems))
    evaluation, problems = run(document, _sheet(""))
    assert evaluation is None
    assert any("须填写实际完成日期" in m for m in messages(problems))


def test_interchange_carries_the_deadline(inline) -> None:  # type: ignore[no-untyped-def]
    import json

    import jsonschema

    from perfbudget.interchange import dumps, loads

    document = _document(inline)
    text = dumps(document)
    data = json.loads(text)
    target = data["projects"][0]["indicators"][1]["target"]
    assert target["due"] == {"end_year": 2024, "end_month": 10, "end_day": None, "start_year": None,
                             "start_month": None, "text": "2024年10月底前"}
    schema = json.loads((ROOT / "docs" / "interchange.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    again, problems = loads(text, "x.json")
    assert again == document and not problems
    old = replace(document)  # a file without "due" (written before) still reads
    del target["due"]
    again, problems = loads(json.dumps(data, ensure_ascii=False), "old.json")
    assert again == old and not problems


def test_review_takes_a_period_as_a_time_target(inline) -> None:  # type: ignore[no-untyped-def]
    from perfbudget.review.engine import review_document

    whole_year = [*TIME[:4], "当年"]
    document, problems = inline(OUT, whole_year, EFF, SAT)
    assert document is not None, problems
    report = review_document(document, only={"qualitative-for-number"})
    assert "qualitative-for-number" in report.rules_run
    assert not [f for f in report.findings if "完成时间" in f.message]
    vague = [*TIME[:4], "按期完成"]  # not a date: still asked for one
    document, problems = inline(OUT, vague, EFF, SAT)
    assert document is not None, problems
    assert review_document(document, only={"qualitative-for-number"}).findings


def test_the_editor_check_reads_a_time_target() -> None:
    from perfbudget.web.forms import describe_target

    assert describe_target(parse_target("第三季度", "完成时间")) == \
        "时效指标（第三季度：截止 资金年度9月底，按实际完成日期计分）"
    assert describe_target(parse_target("有效保障", "效果")) == "定性指标"
