"""A glued indicator row whose target is a sentence opening with its year (Guangxi's 公开表, `171`:
``产出指标产出数量指标新增学位2023年预计在校生:小学600人,…``): until reading31b a located error (the splitter knows
only targets ending in a figure or a known word). The line's one year cuts it, said in a note; a 二级 written after
its 一级's stem (产出 + 数量指标) is the 二级."""

from __future__ import annotations

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.text_glued import split_year_sentence

FORM = """2023年度预算项目绩效目标公开表
项目名称某学校办学补贴
项目资金 (万元)合计1800
项目年度绩效目标衡量指标一级指标二级指标指标内容指标值
{row}
效益指标社会效益指标学位供给有效改善
"""


def test_a_year_sentence_target_is_read_with_a_note() -> None:
    row = "产出指标产出数量指标新增学位2023年预计在校生:小学600人,初中700人。"
    result = load_bytes(FORM.format(row=row).encode(), "公开表.txt")
    assert not [p for p in result.problems if p.severity is Severity.ERROR], [str(p) for p in result.problems]
    assert result.document is not None
    first = result.document.projects[0].indicators[0]
    assert (first.level1, first.level2, first.level3, first.target.raw) == (
        "产出指标", "产出数量指标", "新增学位", "2023年预计在校生:小学600人,初中700人。")
    assert any("按指标值开头的年份拆开" in p.message and p.source.line == 5 for p in result.problems)


@pytest.mark.parametrize("row", [
    "产出指标数量指标新增2023年度学位数较上年增加",  # 2023年度 (a name's year), no sentence mark
    "产出指标数量指标完成3项2023年计划任务:按期",  # a digit in the name
    "产出指标数量指标新增学位2023年至2024年:逐步增加",  # two years: where the name ends is not sure
    "产出指标数量指标新增学位2023年预计增加",  # no sentence: a name with a year is as likely
])
def test_other_lines_are_not_cut_at_a_year(row: str) -> None:
    assert split_year_sentence(row) is None
    result = load_bytes(FORM.format(row=row).encode(), "公开表.txt")
    assert any("单元格粘连在一起" in p.message and p.severity is Severity.ERROR for p in result.problems)
