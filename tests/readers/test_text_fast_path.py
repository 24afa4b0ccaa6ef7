"""The one-pass path for well-formed tab-cell text (``text_cells_fast``): taken for a plain table and
then the same as the general path (document, problems, every source); not taken for anything unusual,
where the general path gives the result."""

from __future__ import annotations

import dataclasses

import pytest

from perfbudget.model import Document, Problem, Source
from perfbudget.readers.interpret import interpret_tables
from perfbudget.readers.text import read_text
from perfbudget.readers.text_cells import read_tab_cells
from perfbudget.readers.text_cells_fast import read_well_formed
from tests.conftest import HEADER_ROWS, table_text

ROWS = [
    ["产出指标", "数量指标", "培训人数", "培训的人数", "≥100人"],
    ["", "质量指标", "合格率", "培训合格率", "100%"],
    ["效益指标", "社会效益指标", "保障工作", "保障工作开展", "有效保障"],
]


def _general(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    return interpret_tables(read_tab_cells(text, file), file)


def _everything(result: tuple[Document | None, list[Problem]]) -> object:
    """The document and problems with the fields equality leaves out (sources, notes, cut)."""
    document, problems = result
    if document is None:
        return None, problems
    return dataclasses.asdict(document), [(p, p.source) for p in document.notes], [(p, p.source) for p in problems]


def _two_tables() -> str:
    second = table_text(*HEADER_ROWS, *ROWS[:2], heading="2.另一项目-2024中央绩效目标表")
    return table_text(*HEADER_ROWS, *ROWS) + "\n \n" + second


def test_fast_path_is_taken_for_well_formed_tables_and_equals_the_general_path() -> None:
    text = _two_tables()
    fast = read_well_formed(text, "w.txt")
    assert fast is not None  # taken
    assert _everything(fast) == _everything(_general(text, "w.txt"))
    document, problems = fast
    assert problems == [] and document is not None and len(document.projects) == 2
    first = document.projects[0].indicators[0]
    assert first.source == Source("w.txt", 28) and first.sources["target"] == Source("w.txt", 32)
    assert document.projects[0].indicators[1].level1 == "产出指标"  # carried down from the row above


def test_fast_path_takes_continuation_lines_and_trailing_tabs() -> None:
    rows = [*HEADER_ROWS[:4], ["绩效目标", "1.完成测试\t\t"], *HEADER_ROWS[5:], *ROWS]
    text = table_text(*rows).replace("\t1.完成测试\t\t\n\n", "\t1.完成测试\t\t\n\n2.第二个目标\t\t\t\n\n")
    fast = read_well_formed(text, "c.txt")
    assert fast is not None
    assert _everything(fast) == _everything(_general(text, "c.txt"))
    assert fast[0] is not None and fast[0].projects[0].goals == ("完成测试", "第二个目标")


@pytest.mark.parametrize("change", [
    ("\t保障工作开展\n", "\t保障工作开展\n说明文字写在表格之外\n\n页面上的其他文字\n"),  # free text
    ("\t产出指标\n", "\t产出指标\t数量指标\n"),  # two cells on one line
    ("\t有效保障\n", "\t有效保障（10分）\n"),  # a score fused with the value: a note
    ("\t效益指标\n\t社会效益指标\n", "\t\n\t社会效益指标\n"),  # a 二级 without its 一级: a note
    ("\t100%\n", "\t\n"),  # a row without its value: a warning
    ("\t合格率\n", "\t指标2\n"),  # a template row: a note
])
def test_fast_path_falls_back_on_unusual_input(change: tuple[str, str]) -> None:
    text = table_text(*HEADER_ROWS, *ROWS)
    assert change[0] in text
    text = text.replace(change[0], change[1], 1)
    assert read_well_formed(text, "u.txt") is None  # not taken
    assert _everything(read_text(text, "u.txt")) == _everything(_general(text, "u.txt"))


def test_fallback_still_gives_the_general_paths_notes() -> None:
    text = table_text(*HEADER_ROWS, *ROWS).replace("\t效益指标\n\t社会效益指标\n", "\t\n\t社会效益指标\n", 1)
    assert read_well_formed(text, "n.txt") is None
    document, problems = read_text(text, "n.txt")
    assert document is not None and document.projects[0].indicators[2].level1 == "效益指标"
    assert any("按指标体系补为「效益指标」" in p.message for p in problems)


def test_fast_path_leaves_a_cut_table_to_the_general_path() -> None:
    text = table_text(*HEADER_ROWS, *ROWS[:2], ["效益指标", "社会效益指标", "保障工作", "保障工作开展", "≥"])
    assert read_well_formed(text, "k.txt") is None
    document, problems = read_text(text, "k.txt")
    assert document is not None and not document.projects[0].complete
    assert _everything((document, problems)) == _everything(_general(text, "k.txt"))
