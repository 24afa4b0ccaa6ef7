"""Names normalised for the review and a source's JSON: the fast paths give what the full ones give."""

from __future__ import annotations

import re
import unicodedata

import pytest

from perfbudget import framework
from perfbudget.framework import normalise_level3
from perfbudget.model import Source


def _full(text: str) -> str:
    """normalise_level3 without its pre-test: every pattern tried on every name."""
    name = framework._TEMPLATE_HINT.sub("", unicodedata.normalize("NFKC", text))
    return re.sub(r"\s+", "", framework._STARS.sub("", name))


@pytest.mark.parametrize("text, expected", [
    ("培训人数（≥**人）", "培训人数"),
    ("完成率(＊＊%)", "完成率"),  # full-width stars are stars after NFKC
    ("设备数量（≥台）", "设备数量"),  # a unit hint: a comparator, no star
    ("≥**", ""),
    ("★服务对象 满意度", "服务对象满意度"),
    ("工程完工率（％）", "工程完工率(%)"),  # no hint: only stars and spaces go
    ("时效＞＝3天", "时效>=3天"),
])
def test_normalise_level3(text: str, expected: str) -> None:
    normalise_level3.cache_clear()
    assert normalise_level3(text) == expected == _full(text)


def test_source_to_dict() -> None:
    assert Source("a.txt").to_dict() == {"file": "a.txt"}
    assert Source("a.txt", 3).to_dict() == {"file": "a.txt", "line": 3}
    assert Source("a.txt", page=0).to_dict() == {"file": "a.txt", "page": 0}
    assert Source(None).to_dict() == {}  # type: ignore[arg-type]


@pytest.mark.parametrize("text, expected", [
    ("社会效益效益指标", "社会效益指标"),  # a Yunnan 自评表's slip (corpus 129)
    ("质量质量指标", "质量指标"),
    ("经济效益效益", "经济效益指标"),
    ("效益效益指标", "效益效益指标"),  # written once it is no 二级 name: kept as written
    ("项目项目", "项目项目指标"),
])
def test_normalise_level2_doubled_word(text: str, expected: str) -> None:
    assert framework.normalise_level2(text) == expected
