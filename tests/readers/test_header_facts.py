"""The header reader's facts of a cell text, worked out without the label functions' caches
(``header_block._cell_facts``, ``labels.key_of`` and the ``*_of_key`` functions), give the same answers as
those functions. A label or test added to one side only fails here."""

from __future__ import annotations

import re
import unicodedata

import pytest

from perfbudget.readers import header_block, labels


def _label_key_as_written(text: str) -> str:
    """``label_key`` as it was written before ``key_of`` (NFKC, three substitutions, two replacements)."""
    key = unicodedata.normalize("NFKC", text)
    key = re.sub(r"[\s:：★*]+", "", key)
    key = labels._PAREN.sub("", key)
    return key.replace("，", "").replace(",", "")


_LABELS = sorted({*labels.HEADER_LABELS, *labels.COLUMN_LABELS, *labels.FUND_COLUMNS, *labels.GOAL_EXPECTED,
                  *labels.GOAL_ACTUAL, *labels.GOAL_OTHER, *labels.IGNORED_LABELS, *labels.FUND_TOTAL_ROWS})

_TEXTS = [
    *_LABELS,
    *(f" {label}：" for label in _LABELS[::3]),
    *(f"{label}（万元）" for label in _LABELS[::5]),
    "其他", "其它 ", "其中：1.中央资金", "其中:2、市级资金", "3．其他资金", "１.县级资金", "市级财政资金",
    "其中当年中央财政拨款",
    "单位：万元", "填报单位:(盖章) 单位:万元", "金额单位：元", "资金情况(万元)", "项目资金（元）", "⑴资金", "﹙万元﹚",
    "2024年检察业务信息化运维项目12-2024中央", "255101天津市和平区人民检察院", "17.00", "", "  ",
    "\u3000项目名称\u3000",
    "预算 数★", "*项目名称", "项目，名称", "a,b", "\u00a0年度目标\u2003", "\u0301名称", "项目名称 (必填)", "１２３",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_cell_facts_are_the_label_functions_answers(text: str) -> None:
    header_block._CELL_FACTS.clear()
    stripped = text.strip()
    expected = (
        stripped,
        header_block.money_unit_in(stripped),
        labels.header_field(stripped),
        labels.money_unit_note(stripped),
        labels.is_ignored_label(stripped),
        labels.fund_column(text),
        labels.is_any_label(text) or labels.money_unit_note(text) is not None,
        "other" if labels.label_key(text) in {"其他", "其它"} else labels.header_field(text),
    )
    assert header_block._cell_facts(text) == expected
    assert header_block._money_head(text) == expected[7]


@pytest.mark.parametrize("text", _TEXTS)
def test_key_of_is_the_label_key_as_written(text: str) -> None:
    assert labels.key_of(text) == _label_key_as_written(text)


def test_key_of_removes_every_whitespace_character_as_the_pattern_did() -> None:
    for code in range(0x3100):  # (every whitespace character and the brackets, colons, commas below U+3100)
        text = f"项{chr(code)}目"
        assert labels.key_of(text) == _label_key_as_written(text), hex(code)
    for text in ("（万元）名称", "名称(注)", "★项目名称", "项目名称：", "项目,名称", "项目，名称",
                 "\uff08注\uff09名称"):
        assert labels.key_of(text) == _label_key_as_written(text)
