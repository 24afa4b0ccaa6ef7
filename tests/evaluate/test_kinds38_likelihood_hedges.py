"""完成目标可能性 written as a hedge (kinds38; kinds37's leftover): ``基本能``, ``基本完成``, ``部分能``, ``较难`` were
refused at their row (完成目标可能性「基本能」无效), the whole 监控表 with them. Each says the target is neither sure
to be met nor out of reach: the closed set's middle word, 有可能 — the word that asks the most of the unit (a forecast
and a reason), so the reading lets no table say less than it must. Read so, a warning at its row saying how."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfbudget.progress_figures import likelihood_note, likelihood_of
from tests.evaluate.test_kinds36_table_edits import _monitoring, _own


@pytest.mark.parametrize("written", ["基本能", "基本能完成", "基本完成", "基本实现", "部分能", "部分完成", "较难",
                                     "较难完成"])
def test_a_hedge_is_the_middle_word_told(written: str) -> None:
    assert likelihood_of(written) == "有可能"
    assert likelihood_note(written) == (f"完成目标可能性「{written}」按「有可能」读取（规定的写法为 确定能、有可能、"
                                        "完全不可能；未确定能完成、也非完全不可能，须写明全年预计完成情况和偏差原因）")


def test_a_monitoring_table_with_hedges_asks_what_有可能_asks(tmp_path: Path) -> None:
    code, said = _own("monitor", _monitoring([("8处", "基本能"), ("5200人", "确定能")]), tmp_path)
    assert "无效" not in said, said
    assert "警告：指标「维修工程数」完成目标可能性「基本能」按「有可能」读取" in said
    assert code == 1 and "完成目标可能性为「有可能」，须填写偏差原因" in said  # the table gives none


def test_a_hedge_with_its_forecast_and_reason_is_monitored(tmp_path: Path) -> None:
    rows = _monitoring([("8处", "较难完成"), ("5200人", "确定能")])
    rows[5][7] = "其他：汛期影响施工"  # the 偏差原因 column: a category, as 有可能 asks
    code, said = _own("monitor", rows, tmp_path)
    assert code == 0 and "无效" not in said and "须填写" not in said, said
    assert "完成目标可能性「较难完成」按「有可能」读取" in said
