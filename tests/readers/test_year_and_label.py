"""Fund year and label when the 项目名称 cell has no fund label: from the title, the name, or the table before."""

from __future__ import annotations

from perfbudget.readers.text import read_text
from tests.conftest import HEADER_ROWS, table_text

ROW = ["产出指标", "数量指标", "培训次数", "培训次数", "≥2次"]


def _header(name: str) -> list[list[str]]:
    return [row if row[0] != "项目名称" else ["项目名称", name] for row in HEADER_ROWS]


def test_label_from_the_title() -> None:
    text = table_text(*_header("安全隐患维修"), ROW, heading="3.法院办案业务-2023中央绩效目标表")
    document, problems = read_text(text, "t.txt")
    assert document is not None
    project = document.projects[0]
    assert (project.name, project.fund_label, project.fund_year, project.fund_source) == (
        "安全隐患维修", "2023中央", 2023, "中央")
    assert any("取自表题" in p.message for p in problems)


def test_year_from_the_name_when_there_is_no_label() -> None:
    text = table_text(*_header("岳阳县2022年高标准农田建设项目"), ROW, heading="绩效目标申报表(基础设施建设类)")
    document, problems = read_text(text, "t.txt")
    assert document is not None
    project = document.projects[0]
    assert (project.fund_label, project.fund_year) == (None, 2022)
    assert any("资金年度 2022 取自项目名称" in p.message for p in problems)


def test_no_year_anywhere_stays_null() -> None:
    text = table_text(*_header("办公楼改造经费"), ROW, heading="项目支出绩效目标表")
    document, _ = read_text(text, "t.txt")
    assert document is not None and document.projects[0].fund_year is None


def test_a_table_without_title_takes_the_year_of_the_table_before() -> None:
    first = table_text(*_header("甲项目"), ROW, heading="项目支出绩效目标表（2023年）")
    second = "".join("\t" + cell + "\n" for cell in ["项目名称", "乙项目"]) + "\n" + "\n".join(
        "\n".join("\t" + c for c in row) + "\n" for row in [HEADER_ROWS[2], HEADER_ROWS[4], HEADER_ROWS[5], ROW])
    document, problems = read_text(first + second, "t.txt")
    assert document is not None
    assert [(p.name, p.fund_year) for p in document.projects] == [("甲项目", 2023), ("乙项目", 2023)]
    assert any("沿用上一个表的资金年度 2023" in p.message for p in problems)
