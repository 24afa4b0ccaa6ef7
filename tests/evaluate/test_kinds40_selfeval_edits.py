"""A 自评表 as a person retypes it, read and scored the same (kinds40, ``bench/selfeval_invariance.py``).

* The funds grid's 分值 and 得分 (and 执行率) in full-width digits: ``１０`` was not typed as the execution's points
  (the amounts were), so ``Budget.weight`` and ``Budget.score`` were empty.
* ``满分`` under 得分: the row's 分值 (it was an extra 得分 ``满分``, the score empty; in a row one cell short it was
  even taken for the 偏差原因).
* 实际完成值 ``1`` or ``0.98`` under ``≥95%`` (a cell typed as a number): scored as 1 % and 0.98 % without a word;
  now read as the ratio it is, 100 % and 98 %, told in the explanation. A reverse target, a target of 1 % or less,
  or a figure with its unit are read as written (guards).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Document
from tests.evaluate.test_kinds38_selfeval_edits import _evaluate
from tests.readers.test_kinds35_selfeval_edits import COLUMNS, HEAD, INDICATORS

FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def _rows(indicators: Sequence[Sequence[str]] = INDICATORS,
          funds: Sequence[str] = HEAD[-1]) -> list[list[str]]:
    return [*HEAD[:-1], list(funds), COLUMNS, *map(list, indicators), ["填表人：李明"]]


def _read(rows: Sequence[Sequence[str]], separator: str = " | ") -> Document:
    text = "\n".join(separator.join(row) for row in rows) + "\n"
    document = load_bytes(text.encode(), "自评表.txt").document
    assert document is not None
    return document


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_the_execution_points_in_full_width_digits_are_read(separator: str) -> None:
    funds = [HEAD[-1][0], *(cell.translate(FULL_WIDTH) for cell in HEAD[-1][1:])]
    budget = _read(_rows(funds=funds), separator).projects[0].budget
    assert (budget.total, budget.executed, budget.weight, budget.rate, budget.score) == (
        Decimal(100), Decimal(90), Decimal(10), Decimal(90), Decimal(9))


@pytest.mark.parametrize(("funds", "score"), [
    (["年度资金总额", "80", "100", "100", "10", "100%", "满分"], Decimal(10)),
    (["年度资金总额", "80", "100", "100", "", "100%", "满分"], None)])  # a guard: no 分值, no figure
def test_full_marks_in_the_funds_grid_are_its_points(funds: list[str], score: Decimal | None) -> None:
    project = _read(_rows(funds=funds)).projects[0]
    assert project.budget.score == score
    assert ("年度资金总额/得分", "满分") in project.extras


def _full_marks(score: str) -> list[list[str]]:
    return [[*row[:6], score if row[5] == row[6] else row[6], *row[7:]] for row in INDICATORS]


@pytest.mark.parametrize("separator", ["\t", " | "])
@pytest.mark.parametrize("word", ["满分", "得满分", " 满 分 "])
def test_full_marks_in_words_are_the_rows_points(word: str, separator: str) -> None:
    indicators = _read(_rows(_full_marks(word)), separator).projects[0].indicators
    assert [i.score for i in indicators] == [Decimal("18.5"), Decimal(20), Decimal(38), Decimal("9.5")]
    assert all(key != "得分" for i in indicators for key, _ in i.extras)


def test_full_marks_in_a_row_one_cell_short_stay_the_score() -> None:
    """Its 偏差原因 left empty and left out by the copy: 满分 is no reason moved left (reading38's shift)."""
    indicators = _read([[c for c in row if c] for row in _rows(_full_marks("满分"))]).projects[0].indicators
    assert (indicators[1].score, indicators[1].deviation) == (Decimal(20), None)


def test_full_marks_without_points_are_kept_as_written() -> None:
    """A guard: no 分值 in the row, 满分 names no figure — kept as the row's extra, no score."""
    rows = [[*row[:5], "", "满分" if row[5] == row[6] else row[6], *row[7:]] for row in INDICATORS]
    second = _read(_rows(rows)).projects[0].indicators[1]
    assert (second.score, ("得分", "满分") in second.extras) == (None, True)


def test_full_marks_score_as_the_figures_do(tmp_path: Path) -> None:
    written = _evaluate(_rows(), tmp_path, "pipes")
    (tmp_path / "words").mkdir()
    worded = _evaluate(_rows(_full_marks("满分")), tmp_path / "words", "pipes")
    assert written[0] == worded[0] == 0, worded[2]
    assert written[1].split("总分")[1][:20] == worded[1].split("总分")[1][:20]


_SATISFACTION = ["满意度指标", "服务对象满意度指标"]


@pytest.mark.parametrize(("actual", "shown"), [("1", "100"), ("0.92", "92"), ("１", "100")])
def test_a_ratio_under_a_share_target_is_its_percent(actual: str, shown: str, tmp_path: Path) -> None:
    line = _explained([*_SATISFACTION, "群众满意度", "≥90%", actual, "10", "10", "无"], tmp_path)
    written = unicodedata.normalize("NFKC", actual)
    assert line == (f"4. 正向指标：实际 {shown}% ≥ 目标 90%，得满分 10.00（实际完成值「{written}」未写单位，"
                    f"指标值「≥90%」为百分比：按比例读作 {shown}%）")


@pytest.mark.parametrize(("actual", "target", "explained"), [
    ("0.5", "≤5%", "4. 反向指标：实际 0.5% ≤ 目标 5%，得满分 10.00"),
    ("1%", "≥90%", "4. 正向指标：实际 1% < 目标 90%，得分 = 10.00 × 1 ÷ 90 = 0.11"),
    ("0.5", "≥1%", "4. 正向指标：实际 0.5% < 目标 1%，得分 = 10.00 × 0.5 ÷ 1 = 5.00"),
    ("0.8", "≥5%", "4. 正向指标：实际 0.8% < 目标 5%，得分 = 10.00 × 0.8 ÷ 5 = 1.60")])
def test_a_small_figure_stays_as_written_where_a_ratio_is_not_sure(actual: str, target: str, explained: str,
                                                                    tmp_path: Path) -> None:
    """Guards: under a reverse target 0.5 may be 0.5 %; a written % is a percent; under a low target (1 %, 5 %:
    带动就业增长率 ≥5% done 0.8) a ratio is no likelier than a percent (the lead's reread: 0.8 under ≥5% read 80 %)."""
    assert _explained([*_SATISFACTION, "群众满意度", target, actual, "10", "10", "无"], tmp_path) == explained


def _explained(indicator: Sequence[str], tmp_path: Path) -> str:
    """The 计分说明 line of ``indicator`` (a row of ``COLUMNS``) scored as the table's fourth row."""
    rows = [list(row) for row in INDICATORS]
    rows[3] = list(indicator)
    code, out, said = _evaluate(_rows(rows), tmp_path, "pipes")
    assert code == 0, said
    return next(line.strip() for line in out.splitlines() if line.strip().startswith("4. "))


_ZERO = "4. 等于指标（目标值「0起」未写比较符，按等于 0 计分）："


@pytest.mark.parametrize(("name", "actual", "explained"), [
    ("交通事故发生数", "1起", f"{_ZERO}目标 0起，实际 1起 超过目标，得 0 分"),
    ("交通事故发生数", "0起", f"{_ZERO}目标 0起，实际 0起 不超过目标，得满分 10.00"),
    ("安全事故", "1起", "4. 反向指标：目标值 0起，实际 1起 超出目标，得 0 分"),  # (reverse by its name: reading38)
])
def test_a_bare_zero_target_asks_for_none(name: str, actual: str, explained: str, tmp_path: Path) -> None:
    """``0起`` without comparator under a name read as positive: scored as 「at least 0」, 1起 took the full weight.
    Rules.md §4 scores a 0 target as 等于 0 (full where the actual is not above it, else 0)."""
    assert _explained([*_SATISFACTION, name, "0起", actual, "10", "10", "无"], tmp_path) == explained


def test_a_written_floor_of_zero_is_kept(tmp_path: Path) -> None:
    """A guard: ``≥0起`` says 「at least 0」, as written."""
    line = _explained([*_SATISFACTION, "新增就业岗位", "≥0个", "1个", "10", "10", "无"], tmp_path)
    assert line == "4. 正向指标：目标值 0个 不大于 0，实际 1个 ≥ 目标，得满分 10.00"


@pytest.mark.parametrize("name", ["国家政策性粮收购价格执行率", "县级储备粮库存成本核算率", "利息费用保障率",
                                  "时限内完成率"])
def test_a_share_done_is_positive_whatever_it_is_a_share_of(name: str, tmp_path: Path) -> None:
    """A rate of doing (执行率, 核算率, 保障率, 完成率) whose name holds a cost or time word: reverse until kinds40,
    so ``95%`` under ``100%`` took the full weight."""
    line = _explained([*_SATISFACTION, name, "100%", "95%", "10", "10", "无"], tmp_path)
    assert line == "4. 正向指标：实际 95% < 目标 100%，得分 = 10.00 × 95 ÷ 100 = 9.50"


@pytest.mark.parametrize("name", ["逾期完成率", "费用超支率", "成本控制率", "培训费用"])
def test_a_lateness_an_overrun_or_a_cost_stays_reverse(name: str, tmp_path: Path) -> None:
    line = _explained([*_SATISFACTION, name, "100%", "95%", "10", "10", "无"], tmp_path)
    assert line.startswith("4. 反向指标：实际 95% ≤ 目标 100%，得满分 10.00")


@pytest.mark.parametrize(("score", "told"), [
    ("10", "表中的预算执行率得分为 10（执行率 50.00%），相当于预算执行率按 20 分计；评分规则按 10.00 分计，得 5.00 分"),
    ("5", None), ("5.2", None)])
def test_the_execution_points_a_table_counts_by_are_told(score: str, told: str | None, tmp_path: Path) -> None:
    """A grid writing its execution 得分 without a 分值 (Yunnan's and Hubei's 20-point forms: corpus 129, 69): the
    total differed from the scoring's without a word of why. Guards: a 得分 the scoring's 10 points give (within
    half a point) is not told."""
    funds = [["项目资金（万元）", "全年预算数", "全年执行数", "执行率", "得分"],
             ["年度资金总额", "100", "50", "50%", score]]
    rows = [*HEAD[:-2], *funds, COLUMNS, *map(list, INDICATORS), ["填表人：李明"]]
    code, out, said = _evaluate(rows, tmp_path, "pipes")
    assert code == 0, said
    assert "预算执行：全年预算数 100.00万元，全年执行数 50.00万元，执行率 50.00%，得分 5.00/10.00" in out
    assert (told in said) if told else "相当于预算执行率按" not in said


def test_a_ratio_within_the_targets_band_is_its_percent_under_a_low_target(tmp_path: Path) -> None:
    """The lead's second reread: bounding the reading by the target alone (≥ 50 %) left 0.35 under ≥30% at 0.35 %
    (about 1 % of the target, near zero marks). A ratio whose percent lies between half and twice the target is read
    so; 0.8 under ≥5% (80 %) is not (the guard above)."""
    line = _explained([*_SATISFACTION, "群众参保率", "≥30%", "0.35", "10", "10", "无"], tmp_path)
    assert line == ("4. 正向指标：实际 35% ≥ 目标 30%，得满分 10.00（实际完成值「0.35」未写单位，"
                    "指标值「≥30%」为百分比：按比例读作 35%）")


def test_a_ratio_under_a_high_target_is_its_percent_however_far_below(tmp_path: Path) -> None:
    """The lead's third reread: the band alone read 0.45 under ≥95% as 0.45 % (the first rule read 45 %)."""
    line = _explained([*_SATISFACTION, "群众满意度", "≥95%", "0.45", "10", "10", "无"], tmp_path)
    assert line.startswith("4. 正向指标：实际 45% < 目标 95%")
