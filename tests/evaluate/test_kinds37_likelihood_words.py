"""完成目标可能性 written in a word of its own (kinds37; kinds36's Noticed (4)): ``能`` / ``能完成``, ``可能`` /
``可能完成``, ``不能`` / ``不能完成`` refused the whole 监控表 (完成目标可能性「能」无效). Each is the closed set's only
word of its sense (确定能, 有可能, 完全不可能): read so, a warning at its row saying how; the monitoring then asks
what that word asks (a forecast and a reason under 有可能)."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfbudget.progress_figures import likelihood_note, likelihood_of
from tests.evaluate.test_kinds36_table_edits import _monitoring, _own


@pytest.mark.parametrize(("written", "word"), [
    ("能", "确定能"), ("能完成", "确定能"), ("可能", "有可能"), ("可能完成", "有可能"), ("可能实现", "有可能"),
    ("不能", "完全不可能"), ("不能完成", "完全不可能")])
def test_a_word_of_its_own_is_the_sets_word_of_its_sense(written: str, word: str) -> None:
    assert likelihood_of(written) == word
    assert likelihood_note(written) == (f"完成目标可能性「{written}」按「{word}」读取"
                                        "（规定的写法为 确定能、有可能、完全不可能）")


@pytest.mark.parametrize("written", ["确定能", "确定能完成", "有可能", "不可能", "待定", ""])
def test_the_sets_words_say_nothing_and_other_words_are_not_read(written: str) -> None:
    """Guard: the set's words (with their done word, 不可能) need no note; 待定 is not read (基本能 is 有可能 since
    kinds38: tests/evaluate/test_kinds38_likelihood_hedges.py)."""
    assert likelihood_note(written) is None
    assert (likelihood_of(written) is None) == (written in ("待定", ""))


def test_a_monitoring_table_answered_with_its_own_words_is_monitored(tmp_path: Path) -> None:
    code, said = _own("monitor", _monitoring([("10处", "能"), ("5200人", "能完成")]), tmp_path)
    assert code == 0 and "无效" not in said, said
    assert "警告：指标「维修工程数」完成目标可能性「能」按「确定能」读取" in said
    assert "警告：指标「受益人口」完成目标可能性「能完成」按「确定能」读取" in said
    code, said = _own("monitor", _monitoring([("8处", "可能完成"), ("5200人", "能")]), tmp_path)
    assert "无效" not in said and "完成目标可能性为「有可能」，须填写偏差原因" in said  # what 有可能 asks
