"""A file of a 元 table and a 万元 table (forms43, FAILURES.md section CU): a document holds one money unit (the
model's ``Document.money_unit``, the interchange's, the store's), so the file is not read as one unit with the other
table's amounts converted by a guess; it is refused with an error that names both tables' amounts, where each stands,
and what to do. On 0e435d37 the error said only 「本表的金额单位「万元」与第一个表的「元」不同」 at the second table's
first row, naming neither amount (both tests fail there)."""

from __future__ import annotations

import io

from perfbudget.load import load_bytes


def _form(rows: list[list[object]], name: str, unit: str, amount: object) -> None:
    rows += [["项目名称", name], [f"项目资金（{unit}）", "年度资金总额", amount],
             ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人数", "≥100人"],
             ["效益指标", "社会效益指标", "群众知晓率", "≥90%"]]


def _workbook(one_sheet: bool) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "项目一"
    second = first if one_sheet else book.create_sheet("项目二")
    sheets = [(first, "甲项目", "元", 120000), (second, "乙项目", "万元", 12)]
    tops = {first.title: 0}
    for sheet, name, unit, amount in sheets:
        rows: list[list[object]] = []
        _form(rows, name, unit, amount)
        top = tops.get(sheet.title, 0)
        for r, row in enumerate(rows, top + 1):
            for c, value in enumerate(row, 1):
                sheet.cell(row=r, column=c, value=value)  # type: ignore[arg-type]
        tops[sheet.title] = top + len(rows) + 2
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def test_a_sheet_in_yuan_and_a_sheet_in_wanyuan_are_refused_naming_both_amounts() -> None:
    result = load_bytes(_workbook(one_sheet=False), "两表.xlsx")
    [error] = result.errors
    assert not result.ok
    assert (error.source.sheet, error.source.row, error.source.column) == ("项目二", 2, 3)  # the 万元 table's amount
    assert "本表的金额单位「万元」与文件中第一个表的「元」不同" in error.message
    assert "第一个表的金额在项目一 第2行 第3列，本表的在项目二 第2行 第3列" in error.message
    assert "分成两个文件" in error.message


def test_two_forms_on_one_sheet_in_two_units_name_both_rows() -> None:
    result = load_bytes(_workbook(one_sheet=True), "一表.xlsx")
    [error] = result.errors
    assert "第一个表的金额在项目一 第2行 第3列，本表的在项目一 第9行 第3列" in error.message


def test_two_text_tables_in_two_units_name_both_lines() -> None:
    """The text copy of the same two forms (pipe rows): the two amounts' lines."""
    lines = []
    for name, unit, amount in (("甲项目", "元", "120000"), ("乙项目", "万元", "12")):
        lines += [f"{name}绩效目标表", f"项目名称|{name}", f"项目资金（{unit}）|年度资金总额|{amount}",
                  "一级指标|二级指标|三级指标|指标值", "产出指标|数量指标|培训人数|≥100人",
                  "效益指标|社会效益指标|群众知晓率|≥90%", ""]
    result = load_bytes("\n".join(lines).encode(), "两表.txt")
    [error] = result.errors
    assert "（第一个表的金额在第3行，本表的在第10行）" in error.message, error.message
