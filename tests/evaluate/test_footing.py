"""Arithmetic that foots (issue 15.1): weights in cents adding up to each group, per-item rounding,
the total the sum of the printed items, the adjusted 全年预算数, everything typed in shown."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.evaluate.numbers import show, shown
from perfbudget.evaluate.weights import WeightsError, parse_weights, split_cents
from perfbudget.model import Document
from tests.evaluate.helpers import HEADER, P5, P5_SHEET, csv_bytes, messages, run

runner = CliRunner()
WEIGHTED = HEADER.replace("偏差原因分析", "偏差原因分析,权重")


def test_largest_remainder_split() -> None:
    assert split_cents(D(50), [D(1)] * 6) == [D("8.34"), D("8.34"), D("8.33"), D("8.33"), D("8.33"), D("8.33")]
    assert split_cents(D(30), [D(1)] * 7) == [D("4.29")] * 4 + [D("4.28")] * 3
    # proportional: 90 over 50:30 → 56.25 / 33.75; 100 over 1:1:1 → 33.34, 33.33, 33.33
    assert split_cents(D(90), [D(50), D(30)]) == [D("56.25"), D("33.75")]
    assert split_cents(D(100), [D(1), D(1), D(1)]) == [D("33.34"), D("33.33"), D("33.33")]


@given(st.integers(0, 100_000), st.lists(st.integers(0, 1000), min_size=1, max_size=30))
def test_split_always_foots(cents: int, shares: list[int]) -> None:
    if not any(shares):
        shares = [1, *shares]
    total = D(cents) / 100
    parts = split_cents(total, [D(s) for s in shares])
    assert sum(parts, D(0)) == total
    assert all(p == p.quantize(D("0.01")) and p >= 0 for p in parts)
    exact = [total * s / sum(shares) for s in shares]
    assert all(abs(p - e) < D("0.01") for p, e in zip(parts, exact, strict=True))


def test_printed_items_add_up_to_the_total(seed_document: Document) -> None:
    evaluation, problems = run(seed_document, csv_bytes(*P5_SHEET))
    assert evaluation is not None, problems
    (project,) = evaluation.projects
    printed_weights = [D(show(i.weight)) for i in project.indicators]
    printed_scores = [D(show(i.score)) for i in project.indicators]
    # 产出's six weights add up to its 50 points as printed
    assert sum(printed_weights[:6], D(0)) == D(50)
    assert sum(printed_weights, D(show(project.execution_weight))) == D(100)
    assert D(show(project.total)) == sum(printed_scores, D(show(project.execution_score)))
    assert "2 个 8.34 分、4 个 8.33 分" in " ".join(project.notes)


def test_weights_set_per_indicator_in_the_sheet(seed_document: Document) -> None:
    # 权重 column: 执行率 20, 产出 six indicators 5 each (30), 效益 20 + 20, 满意度 10 → 100
    given = ["20", "5", "5", "5", "5", "5", "5", "20", "20", "10"]
    lines = [f"{line},{weight}" for line, weight in zip(P5_SHEET, given, strict=True)]
    evaluation, problems = run(seed_document, csv_bytes(*lines, header=WEIGHTED))
    assert evaluation is not None, messages(problems)
    (project,) = evaluation.projects
    assert project.execution_weight == D(20) and show(project.execution_score) == "18.00"  # 20 × 90%
    assert [show(i.weight) for i in project.indicators] == [
        "5.00", "5.00", "5.00", "5.00", "5.00", "5.00", "20.00", "20.00", "10.00"]
    # 18 + 5 + 4.5 + 4.9 + 5 + 5 + 4 + 20 + 12 (部分达成 0.6 × 20) + 10 = 88.4
    assert show(project.total) == "88.40" and project.grade == "良"


def test_sheet_weights_that_do_not_add_up_are_an_error(seed_document: Document) -> None:
    given = ["20", "5", "5", "5", "5", "5", "5", "20", "20", "5"]
    lines = [f"{line},{weight}" for line, weight in zip(P5_SHEET, given, strict=True)]
    evaluation, problems = run(seed_document, csv_bytes(*lines, header=WEIGHTED))
    assert evaluation is None
    assert any("分值合计为 95.00 分（含预算执行率 20.00 分），应为 100 分" in m for m in messages(problems))
    odd = ["", "8.333", "", "", "", "", "", "", "", ""]
    lines = [f"{line},{weight}" for line, weight in zip(P5_SHEET, odd, strict=True)]
    evaluation, problems = run(seed_document, csv_bytes(*lines, header=WEIGHTED))
    assert evaluation is None and any("最多保留两位小数" in m for m in messages(problems))
    odd = ["10.005", "", "", "", "", "", "", "", "", ""]
    lines = [f"{line},{weight}" for line, weight in zip(P5_SHEET, odd, strict=True)]
    evaluation, problems = run(seed_document, csv_bytes(*lines, header=WEIGHTED))
    assert evaluation is None and any("预算执行率分值「10.005」最多保留两位小数" in m for m in messages(problems))


@pytest.mark.parametrize("text", ["产出=50.005,效益=30,满意度=10", "产出=33.333,效益=46.667,满意度=10"])
def test_weights_option_takes_cents_only(text: str) -> None:
    with pytest.raises(WeightsError, match="两位小数"):
        parse_weights(text)


def test_adjusted_budget_drives_the_execution_rate(seed_document: Document) -> None:
    sheet = (P5_SHEET[0], f"{P5},全年预算数,58,,,", *P5_SHEET[1:])
    evaluation, problems = run(seed_document, csv_bytes(*sheet))
    assert evaluation is not None, problems
    (project,) = evaluation.projects
    assert project.initial_budget == D(60) and project.budget == D(58)
    # 54 / 58 = 0.931034… → 10 × that = 9.3103… → printed 9.31
    assert show(project.execution_score) == "9.31"
    assert "全年预算数 58.00万元" in project.execution_explanation
    blank = (P5_SHEET[0], f"{P5},全年预算数,,,,", *P5_SHEET[1:])
    evaluation, problems = run(seed_document, csv_bytes(*blank))
    assert evaluation is not None, problems
    assert evaluation.projects[0].budget == D(60)


def test_everything_typed_in_is_shown(tmp_path, seed_path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "p5.csv"
    lines = (P5_SHEET[0], f"{P5},全年预算数,58,,,", f"{P5},总体目标完成情况,全年保障检察业务运转,,,",
             *P5_SHEET[1:])
    sheet.write_bytes(csv_bytes(*lines))
    result = runner.invoke(app, ["evaluate", str(seed_path), "-a", str(sheet)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "年初预算数 60.00万元，调整后全年预算数 58.00万元" in out
    assert "年度总体目标完成情况：全年保障检察业务运转" in out
    assert "偏差原因" in out and "设备老化" in out  # the column may fold on a narrow terminal
    total_line = next(line for line in out.splitlines() if "│ 合计" in line)
    assert "100.00" in total_line and "90.64" in total_line
    for form in ("html", "docx", "xlsx"):
        target = tmp_path / f"r.{form}"
        done = runner.invoke(app, ["evaluate", str(seed_path), "-a", str(sheet), "--to", form, "-o", str(target)])
        assert done.exit_code == 0, done.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "全年保障检察业务运转" in html and "案件数量下降" in html and "58" in html


def test_total_is_never_above_100_and_matches_items(seed_document: Document) -> None:
    evaluation, _ = run(seed_document, csv_bytes(*P5_SHEET))
    assert evaluation is not None
    project = evaluation.projects[0]
    assert project.total == shown(project.total) <= 100
