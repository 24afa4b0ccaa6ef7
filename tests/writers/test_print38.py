"""print38: what a finance officer filing the printed downloads would object to, each checked on tiny inline tables.

* a funds grid printed 「3359.62万」 beside plain figures (「3359.62」, 「0.00」): two notations of money in one table;
* a funds grid of fewer columns than the indicators printed empty ruled columns right of its 执行率.
"""

from __future__ import annotations

import itertools

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Document
from perfbudget.readers.text import read_text
from perfbudget.writers.target_table_export import render
from perfbudget.writers.target_table_layout import project_grid
from tests.conftest import table_text

# the grid's columns after its budget column, each with its total row's and its part row's cells
COLUMNS = {"全年执行数": ("{executed}", "{executed}"), "执行率": ("90%", "90%"), "分值": ("10", "10"),
           "得分": ("9", "9")}


def funds_table(unit: str, written: str, columns: tuple[str, ...]) -> Document:
    """A tiny 自评表 whose funds grid writes its 全年执行数 as ``written`` (「108万」, 「108.5万元」 …) under the
    table's ``unit`` (「单位：万元」, or nothing), with ``columns`` after its 全年预算数."""
    head = [["100001测试单位", unit] if unit else ["预算单位", "100001测试单位"], ["项目名称", "测试项目"],
            ["项目资金（万元）" if unit == "单位：万元" else "项目资金", "", "全年预算数", *columns]]
    cells = [COLUMNS[column] for column in columns]
    grid = [["", "年度资金总额", "120", *(total.format(executed=written) for total, _ in cells)],
            ["", "其中：财政资金", "120", *(part.format(executed=written) for _, part in cells)]]
    rows = [*head, *grid, ["年度总体目标", "完成测试"], ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
            ["产出指标", "数量指标", "数量", "≥20个", "20个"], ["", "质量指标", "合格率", "≥95%", "96%"],
            ["满意度指标", "服务对象满意度指标", "满意度", "≥95%", "96%"]]
    document, problems = read_text(table_text(*rows, heading="2024年项目支出绩效自评表"), "funds.txt")
    assert document is not None, [str(p) for p in problems]
    return document


def _funds_cells(document: Document) -> dict[int, list[tuple[int, int, str]]]:
    """The drawn funds grid's rows (from its head 项目资金 to 资金用途): each row's cells, (col, colspan, text)."""
    grid = project_grid(document, document.projects[0])
    first = next(c.row for c in grid.cells if c.text.startswith("项目资金"))
    last = next(c.row for c in grid.cells if c.text == "资金用途")
    rows: dict[int, list[tuple[int, int, str]]] = {}
    for cell in grid.cells:
        if first <= cell.row < last:
            rows.setdefault(cell.row, []).append((cell.col, cell.colspan, cell.text))
    assert all(sum(span for _, span, _ in cells) == grid.width for cells in rows.values())
    return rows


@pytest.mark.parametrize(("written", "unit", "shown"), [
    (f"{amount}{suffix}", "单位：万元", printed) for (amount, printed), suffix in itertools.product(
        (("108", "108"), ("108.5", "108.5"), ("3359.62", "3359.62"), ("0.125", "0.125"), ("0", "0")),
        ("万", "万元", " 万元"))])
def test_an_amount_written_with_the_tables_unit_prints_as_the_grids_other_figures(written: str, unit: str,
                                                                                   shown: str) -> None:
    """「108万」 under 单位：万元 is the figure 108 of the grid's 项目资金（万元）: printed in its column's one format
    (as many decimals as the column's longest figure), never 「108万」 beside
    「120.00」; the workbook's cell a number; each form reads back to the same budget."""
    document = funds_table(unit, written, ("全年执行数", "执行率"))
    rows = _funds_cells(document)
    texts = [text for cells in rows.values() for _, _, text in cells]
    assert not any(text.rstrip().endswith(("万", "元")) and not text.startswith("项目资金") for text in texts), texts
    assert texts.count(shown) == 2, texts
    for form in ("xlsx", "docx", "html"):
        back = load_bytes(render(document, form), f"出.{form}").document
        assert back is not None and back.projects[0].budget == document.projects[0].budget, form


@pytest.mark.parametrize(("written", "unit"), [("108万", ""), ("108元", "单位：万元"), ("1080000万", "单位：元")])
def test_an_amount_in_another_unit_than_the_tables_is_printed_as_written(written: str, unit: str) -> None:
    """A figure whose unit is not the table's (or in a table that names none) keeps its unit: without it the amount
    would change."""
    document = funds_table(unit, written, ("全年执行数",))
    texts = [text for cells in _funds_cells(document).values() for _, _, text in cells]
    assert texts.count(written) == 2, texts


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_a_funds_grid_narrower_than_the_table_runs_its_last_column_to_the_right_edge(count: int) -> None:
    """A grid of 1–4 columns after its 全年预算数 under seven or more indicator columns: no empty ruled cell right of
    its last column (its cells span the table's width, the last one to the edge), in every row of the grid; each
    form reads back to the same budget and the same funds figures."""
    columns = tuple(COLUMNS)[:count]
    document = funds_table("单位：万元", "108", columns)
    grid = project_grid(document, document.projects[0])
    for cells in _funds_cells(document).values():
        col, span, text = max(cells)
        assert col + span == grid.width and text, cells
    for form in ("xlsx", "docx", "html"):
        back = load_bytes(render(document, form), f"出.{form}").document
        assert back is not None, form
        project, again = document.projects[0], back.projects[0]
        assert again.budget == project.budget, form
        extras = {label: text for label, text in again.extras if "/" in label}
        assert {label: text for label, text in project.extras if "/" in label}.keys() == extras.keys(), form
