"""What the export still lost on reading back (roundtrip-v): labels and a project code.

An extra the reader knows as a label somewhere else (合计, 执行数, 目标实际完成情况) or a path
(``一般公共预算拨款/市本级``) was written as a bare label–value row and came back as two unlabelled texts
(corpus 15, r38, r155, r156); it is said to be a label by a colon now. A code the name cell carries
(``51130021T000000229367-退耕还林…``) was drawn again as a ``项目编码`` row and came back twice (corpus r78,
15); it is drawn once, in the name cell."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Document
from perfbudget.writers.target_table_export import render
from tests.writers.test_kinds32_task_grid_export import _round_trip
from tests.writers.test_reading34_export_round_trip import PROJECT

FORMS = ["xlsx", "docx", "html"]


def _with_extras(extras: tuple[tuple[str, str], ...], form: str) -> tuple[tuple[str, str], ...]:
    """``PROJECT`` read, its extras replaced by ``extras``, exported as ``form`` and read back: the extras back."""
    read = load_bytes(PROJECT.encode("utf-8"), "项目.txt")
    assert read.ok and read.document is not None, read.problems
    project = dataclasses.replace(read.document.projects[0], extras=extras)
    document: Document = dataclasses.replace(read.document, projects=(project,))
    back = load_bytes(render(document, form), f"导出.{form}")
    assert back.ok and back.document is not None, back.problems
    return back.document.projects[0].extras


@pytest.mark.parametrize("form", FORMS)
def test_a_label_the_reader_knows_elsewhere_reads_back_labelled(form: str) -> None:
    extras = (("执行数", "2.38"), ("一般公共预算拨款/市本级", "1800"),
              ("目标实际完成情况", "目标1：深入开展食品风险隐患排查整治。"),
              ("目标实际完成情况", "目标2：加大违法行为打击力度。"),
              ("合计", "100"))
    assert _with_extras(extras, form) == extras  # was ('', '执行数'), ('', '2.38') …


@pytest.mark.parametrize("form", FORMS)
def test_the_code_the_name_cell_carries_reads_back_once(tmp_path: Path, form: str) -> None:
    coded = PROJECT.replace("项目名称\t道路养护", "项目名称\t51130021T000000229367-道路养护")
    read, back = _round_trip(tmp_path, coded, form)
    assert read.name == "道路养护" and ("项目编码", "51130021T000000229367") in read.extras
    assert back.extras == read.extras  # was the code twice: the name cell's and a 项目编码 row's
    assert back.name == read.name
