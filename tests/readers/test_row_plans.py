"""The indicator-row reader's column plans (plain, simple, general) read a row the same way, and
every cell of the tab-cell form keeps a real ``Source``."""

from __future__ import annotations

from perfbudget.model import Source
from perfbudget.readers.grid import source_at
from perfbudget.readers.text import read_text
from perfbudget.readers.text_cells import read_tab_cells
from tests.conftest import HEADER_ROWS, table_text


def _header(*columns: str) -> list[list[str]]:
    return [*HEADER_ROWS[:-1], list(columns)]


def test_source_at_is_a_source() -> None:
    made = source_at("a.txt", 7)
    assert made == Source("a.txt", 7) and type(made) is Source and made.sheet is None


def test_every_cell_of_the_tab_form_has_its_line() -> None:
    text = table_text(["项目名称", "某项目"], ["预算数", "10"])
    tables = read_tab_cells(text, "x.txt")
    cells = [cell for row in tables[0].rows for cell in row]
    assert [(c.text, c.source) for c in cells] == [
        ("项目名称", Source("x.txt", 2)), ("某项目", Source("x.txt", 3)),
        ("预算数", Source("x.txt", 5)), ("10", Source("x.txt", 6))]


def test_plain_plan_by_position() -> None:
    text = table_text(*HEADER_ROWS, ["产出指标", "数量指标", "培训人数", "培训的人数", "≥100人"])
    document, _ = read_text(text, "p.txt")
    indicator = document.projects[0].indicators[0]  # type: ignore[union-attr]
    assert (indicator.level3, indicator.description, indicator.target.raw) == ("培训人数", "培训的人数", "≥100人")
    assert set(indicator.sources) == {"level1", "level2", "level3", "description", "target"}
    assert indicator.sources["target"].line == indicator.sources["level3"].line + 2


def test_simple_plan_keeps_extra_columns_in_order_and_skips_numbers() -> None:
    header = _header("序号", "一级指标", "二级指标", "三级指标", "指标值", "绩效标准", "备注")
    text = table_text(*header, ["1", "产出指标", "数量指标", "培训人数", "≥100人", "按名册", "无"])
    document, _ = read_text(text, "s.txt")
    indicator = document.projects[0].indicators[0]  # type: ignore[union-attr]
    assert (indicator.level3, indicator.target.raw) == ("培训人数", "≥100人")
    assert indicator.extras == (("绩效标准", "按名册"), ("备注", "无"))


def test_general_plan_joins_sign_value_and_unit() -> None:
    header = _header("一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "指标值", "度量单位")
    text = table_text(*header, ["产出指标", "数量指标", "培训人数", "定量", "≥", "100", "人"])
    document, _ = read_text(text, "g.txt")
    indicator = document.projects[0].indicators[0]  # type: ignore[union-attr]
    assert indicator.target.raw == "≥100人"
    assert indicator.extras == (("指标性质", "定量"),)
