"""Header-block plans of the one-pass text path (``readers/header_plans.py``): a table whose labels and value
classes match a template read before is read by position, and gives what the general path gives (document,
problems, every source); a table whose values differ in what the header reader asks of them is read again."""

from __future__ import annotations

import dataclasses
import re

import pytest

from perfbudget.model import Document, Problem
from perfbudget.readers import header_block, header_plans, labels
from perfbudget.readers.interpret import interpret_tables
from perfbudget.readers.text_cells import read_tab_cells
from perfbudget.readers.text_cells_fast import read_well_formed
from tests.conftest import HEADER_ROWS, table_text

ROWS = [
    ["产出指标", "数量指标", "培训人数", "培训的人数", "≥100人"],
    ["效益指标", "社会效益指标", "保障工作", "保障工作开展", "有效保障"],
]


def _everything(result: tuple[Document | None, list[Problem]] | None) -> object:
    assert result is not None
    document, problems = result
    if document is None:
        return None, problems
    return dataclasses.asdict(document), [(p, p.source) for p in document.notes], [(p, p.source) for p in problems]


def _header(unit: str = "100001测试单位", name: str = "测试项目-2024中央", budget: str = "10.00",
            purpose: str = "用于测试", goals: str = "1.完成测试", other: str = " ") -> list[list[str]]:
    return [[unit, "单位：万元"], ["项目名称", name],
            ["预算规模及资金用途", "预算数", budget, "其中：财政    资金", budget, "其他资金", other],
            ["", purpose], ["绩效目标", goals], HEADER_ROWS[-1]]


def _file(*headers: list[list[str]]) -> str:
    return "\n \n".join(table_text(*header, *ROWS, heading=f"{k}.项目{k}-2024中央绩效目标表")
                        for k, header in enumerate(headers, 1))


def _read_header_rows_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    general = header_plans.read_header_rows
    monkeypatch.setattr(header_plans, "read_header_rows",
                        lambda rows, parts, stream=False: calls.append(1) or general(rows, parts, stream))
    return calls


def test_later_tables_of_a_template_are_read_by_its_plan_as_the_general_path_reads_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    header_plans._PLANS.clear()
    calls = _read_header_rows_calls(monkeypatch)
    text = _file(_header(), _header(name="另一个测试项目名称很长的一个项目-2024中央", budget="3.50", purpose="另一用途",
                                    goals="2.完成另一测试，保障工作"),
                 _header(unit="100002另一测试单位", name="第三项目", budget="0", other="5"),
                 _header(unit="100002另一测试单位", name="第四项目", budget="7", other="6"))
    fast = read_well_formed(text, "plan.txt")
    assert fast is not None
    assert _everything(fast) == _everything(interpret_tables(read_tab_cells(text, "plan.txt"), "plan.txt", text))
    # the first table made the plan, the second was read by it; the third's 其他资金 is filled (another class)
    assert len(calls) == 2
    document = fast[0]
    assert document is not None
    second, third = document.projects[1], document.projects[3]
    assert second.name == "另一个测试项目名称很长的一个项目" and second.budget.total is not None
    assert str(third.budget.other) == "6"


@pytest.mark.parametrize(("changed", "by_plan"), [
    ({"name": ""}, False),  # a blank value: another class
    ({"goals": "绩"}, False),  # a fragment of a vertical label, kept as an extra
    ({"purpose": "部门整体支出绩效目标"}, False),  # a 部门整体 title
    ({"purpose": "项目名称：另一项目　主管部门：某局"}, False),  # a label：value line in one cell
    ({"purpose": "2024年中期资金总额"}, False),  # matched exactly
    ({"name": "100003某某局"}, False),  # a unit cell where the name stands
    ({"other": "万元"}, False),  # a bare money unit
    ({"budget": "产出指标"}, True),  # a 一级 name, but not the first cell of its row: a value as any other
    ({"goals": "一级指标目标值"}, True),  # the row is asked whether it is the indicator header, and is not
    ({"name": "另一个测试项目名称", "budget": "99.5", "goals": "1.完成另一测试；2.保障工作"}, True),
])
def test_a_value_the_header_reader_reads_otherwise_is_not_read_by_the_plan(
        changed: dict[str, str], by_plan: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    header_plans._PLANS.clear()
    text = _file(_header(), _header(**changed))
    calls = _read_header_rows_calls(monkeypatch)
    fast = read_well_formed(text, "changed.txt")
    general = interpret_tables(read_tab_cells(text, "changed.txt"), "changed.txt", text)
    if fast is None:  # the one-pass path leaves the file to the general path
        assert not by_plan
        return
    assert _everything(fast) == _everything(general)
    assert len(calls) == (1 if by_plan else 2)


def test_a_label_value_line_is_matched_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    header_plans._PLANS.clear()
    calls = _read_header_rows_calls(monkeypatch)
    text = _file(_header(unit="项目名称：　主管部门："), _header(unit="项目名称：甲项目　主管部门：某局"))
    fast = read_well_formed(text, "pairs.txt")
    assert fast is not None
    assert _everything(fast) == _everything(interpret_tables(read_tab_cells(text, "pairs.txt"), "pairs.txt", text))
    assert len(calls) == 2  # the reader makes cells from such a line's text: no plan shared by the two


def test_a_template_with_a_unit_label_reads_each_table_generally(monkeypatch: pytest.MonkeyPatch) -> None:
    header_plans._PLANS.clear()
    calls = _read_header_rows_calls(monkeypatch)
    with_unit = [["预算单位", "某局"], *_header()[1:]]
    text = _file(with_unit, [["预算单位", "另一局"], *_header(name="另一项目")[1:]])
    fast = read_well_formed(text, "unit.txt")
    assert fast is not None
    assert _everything(fast) == _everything(interpret_tables(read_tab_cells(text, "unit.txt"), "unit.txt", text))
    assert len(calls) == 2  # the unit is read from its value's text: no plan


def _longest_match(pattern: re.Pattern[str]) -> int:
    """The longest text the anchored alternatives-only pattern can match (each group at its longest)."""
    source = pattern.pattern.strip("^$")
    total = 0
    for group in re.findall(r"\(\?:([^()]*)\)\??|(\\d\{1,2\}|\[[^\]]*\]|[^()\\[]+)", source):
        alternatives, plain = group
        if alternatives:
            total += max(map(len, alternatives.split("|")))
        elif plain.startswith("\\d"):
            total += 2
        elif plain.startswith("["):
            total += 1
        else:
            total += len(plain)
    return total


def test_no_key_longer_than_the_bound_is_a_label_or_a_fields_pattern() -> None:
    assert _longest_match(labels._LEVEL_FISCAL) < labels.LONGEST_LABEL_KEY
    assert _longest_match(labels._NUMBERED_PART) + _longest_match(labels._LEVEL_PART) < labels.LONGEST_LABEL_KEY
    assert _longest_match(labels._NUMBERED_PART) <= 5
    longest = max(len(key) for key in (*labels._ANY_LABEL_KEYS, *labels.HEADER_LABELS))
    assert longest + _longest_match(labels._NUMBERED_PART) <= labels.LONGEST_LABEL_KEY


@pytest.mark.parametrize("text", [
    "2024年检察业务信息化运维项目12-2024中央",
    "对现有的信息系统基础资源进行监控和管理，及时掌握网络信息系统资源现状和配置信息",
    "保障单位正常运转，及时掌握网络信息系统资源现状和配置信息", "年度预算资金总额（万元）的说明文字要足够长才行啊啊啊",
    "其中：1.中央资金其中：1.中央资金其中：1.中央资金", "项目名称项目名称项目名称项目名称项目名称",
    "１２３４５６７８９０１２３４５６７８９０１２", "预算 数 ★ 预算 数 ★ 预算 数 ★ 预算 数 ★ 预算 数",
])
def test_a_long_texts_facts_are_the_label_functions_answers(text: str) -> None:
    header_block._CELL_FACTS.clear()
    expected = (text, header_block.money_unit_in(text), labels.header_field(text), labels.money_unit_note(text),
                labels.is_ignored_label(text), labels.fund_column(text),
                labels.is_any_label(text) or labels.money_unit_note(text) is not None,
                "other" if labels.label_key(text) in {"其他", "其它"} else labels.header_field(text))
    assert header_block._cell_facts(text) == expected
