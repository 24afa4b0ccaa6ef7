"""Fill-in sheets: CSV encodings, the xlsx template filled in the way a user does in Excel."""

from __future__ import annotations

import io

import pytest

from perfbudget.evaluate.numbers import show
from perfbudget.evaluate.sheet import read_sheet_bytes
from perfbudget.evaluate.template import template_csv, template_xlsx
from perfbudget.evaluate.vocabulary import EVALUATION_COLUMNS, MONITOR_COLUMNS
from perfbudget.model import Document
from tests.evaluate.helpers import csv_bytes, messages, run

P1 = "2024年检察业务信息化运维项目-2024中央"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings(seed_document: Document, encoding: str) -> None:
    data = csv_bytes(f"{P1},视频会议保障数量,12次,,,已完成", encoding=encoding)
    rows, problems = read_sheet_bytes(data, "a.csv")
    assert not problems
    assert rows[0].get("项目名称") == P1 and rows[0].get("偏差原因分析") == "已完成"
    assert str(rows[0].source) == "a.csv:2"


def test_csv_template_has_exactly_the_headers(seed_document: Document) -> None:
    text = template_csv(seed_document)
    lines = text.splitlines()
    assert lines[0] == ",".join(EVALUATION_COLUMNS) + ",分值"
    assert lines[0] == "项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析,分值"
    assert lines[1:4] == [f"{P1},全年执行数,,,,,", f"{P1},全年预算数,,,,,", f"{P1},总体目标完成情况,,,,,"]
    assert len(lines) == 1 + 3 * len(seed_document.projects) + seed_document.indicator_count
    assert template_csv(seed_document, kind="monitor").splitlines()[0] == ",".join(MONITOR_COLUMNS)


def test_csv_quoted_cells_and_line_numbers() -> None:
    data = csv_bytes('1,视频会议保障数量,12,,,"两行\n说明"', "1,信息化设备（系统）巡检次数,15,,,")
    rows, problems = read_sheet_bytes(data, "q.csv")
    assert not problems
    assert rows[0].get("偏差原因分析") == "两行\n说明"
    assert [str(r.source) for r in rows] == ["q.csv:2", "q.csv:4"]


def _fill(workbook_bytes: bytes, values: dict[str, dict[str, object]]) -> bytes:
    """Type values into the template as a user would: by 三级指标, into the named columns."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(workbook_bytes))
    sheet = workbook["自评填报"]
    headers = {cell.value: cell.column for cell in sheet[3]}
    for row in sheet.iter_rows(min_row=4):
        level3 = row[headers["三级指标"] - 1].value
        for column, value in values.get(str(level3), {}).items():
            cell = sheet.cell(row[0].row, headers[column])
            if isinstance(value, tuple):  # (number, number format): Excel turns 99% typed into 0.99 formatted 0%
                cell.value, cell.number_format = value
            else:
                cell.value = value
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_xlsx_template_filled_in_excel_reads_back(seed_document: Document) -> None:
    project = seed_document.projects[0]
    template = template_xlsx(seed_document, [project])
    filled = _fill(template, {
        "全年执行数": {"实际完成值": 16.15},                          # a number
        "视频会议保障数量": {"实际完成值": 12},                       # an integer
        "信息化设备（系统）巡检次数": {"实际完成值": "12次", "偏差原因分析": "设备集中更换"},
        "信息化系统运维服务验收合格率": {"实际完成值": "100%"},       # text
        "网络连通率": {"实际完成值": (0.99, "0%")},                   # 99% typed in a General cell
        "系统故障修复平均响应时间": {"实际完成值": "2.5小时"},
        "运行系统（软件）维护成本": {"实际完成值": 16},
        "保障司法工作正常开展": {"完成等级": "达成", "得分": 14},
        "信息化设备（系统）正常使用年限": {"实际完成值": "6年"},
        "服务干警满意度": {"实际完成值": "90%"},
    })
    evaluation, problems = run(seed_document, filled, file="filled.xlsx")
    assert evaluation is not None, messages(problems)
    (scored,) = evaluation.projects
    # same numbers as the CSV case in test_seed_projects: 94.63
    assert [show(i.score) for i in scored.indicators] == [
        "8.34", "6.67", "8.33", "8.33", "6.66", "8.33", "14.00", "15.00", "9.47"]
    assert show(scored.total) == "94.63"
    assert scored.indicators[3].actual == "99%"


def test_xlsx_errors_name_sheet_and_row(seed_document: Document) -> None:
    project = seed_document.projects[0]
    filled = _fill(template_xlsx(seed_document, [project]), {
        "全年执行数": {"实际完成值": 16},
        "视频会议保障数量": {"实际完成值": "1.5小时"},
    })
    evaluation, problems = run(seed_document, filled, file="f.xlsx")
    assert evaluation is None
    text = messages(problems)
    # row 4 is 全年执行数, 5 全年预算数 (blank: not adjusted), 6 总体目标完成情况, row 7 the first indicator
    assert any(m.startswith("f.xlsx:自评填报 第7行:") and "不能换算" in m for m in text), text
    assert any("服务干警满意度" in m and "实际完成值为空" in m and "第15行" in m for m in text), text
    assert not any("全年预算数" in m or "总体目标" in m for m in text), text


def test_xlsx_template_protects_context_and_lists_grades(seed_document: Document) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(template_xlsx(seed_document)))
    sheet = workbook["自评填报"]
    headers = [c.value for c in sheet[3]]
    assert headers[:5] == ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"]
    assert {"分值", "实际完成值", "完成等级", "得分", "偏差原因分析"} <= set(headers)
    assert sheet.protection.sheet
    target_col = headers.index("指标值") + 1
    actual_col = headers.index("实际完成值") + 1
    assert sheet.cell(7, target_col).value == "≥12次" and sheet.cell(7, target_col).protection.locked
    assert not sheet.cell(7, actual_col).protection.locked
    weight_col = headers.index("分值") + 1
    assert sheet.cell(4, 4).value == "全年执行数" and not sheet.cell(4, weight_col).protection.locked
    assert sheet.cell(5, 4).value == "全年预算数" and not sheet.cell(5, actual_col).protection.locked
    assert sheet.cell(5, weight_col).protection.locked
    assert sheet.cell(6, 4).value == "总体目标完成情况" and not sheet.cell(6, actual_col).protection.locked
    assert sheet.cell(5, 1).font.name == "宋体"
    assert any(dv.formula1 == '"达成,部分达成,未达成"' for dv in sheet.data_validations.dataValidation)


def test_blank_project_name_repeats_the_one_above() -> None:
    rows, problems = read_sheet_bytes(csv_bytes(f"{P1},视频会议保障数量,12,,,", ",网络连通率,99%,,,"), "c.csv")
    assert not problems and rows[1].get("项目名称") == P1


def test_not_a_sheet() -> None:
    rows, problems = read_sheet_bytes(b"\x00\x01\x02" * 100, "x.bin")
    assert not rows and "不是可读的文本文件" in problems[0].message


def test_xlsx_template_prints_a4_one_page_wide_with_rows_as_tall_as_their_text(seed_document: Document) -> None:
    """The fill-in sheet printed (or handed round on paper): A4 landscape, one page wide, its header
    row on every page, page numbers, and a row whose 指标值 or 三级指标 wraps is given the height
    its lines need (before, LibreOffice printed such text over the next row)."""
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(template_xlsx(seed_document))).active
    assert sheet is not None
    assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$3:$3" and "&P" in sheet.oddFooter.center.text
    tall = [r[0].row for r in sheet.iter_rows(min_row=4) if len(str(r[4].value or "")) > 12]
    assert tall and all((sheet.row_dimensions[n].height or 0) > 20 for n in tall)


def test_a_monitoring_sheet_of_another_month_is_refused_where_it_says_its_month() -> None:
    """A 1-9 月 sheet read as month 6 would give every cumulative figure a wrong light (replay-f: it was read
    silently): the header 「1-9月执行情况」 and a row 「1-5月执行数」 are errors naming their place."""
    header = "项目名称,三级指标,1-9月执行情况,完成等级,完成目标可能性"
    data = csv_bytes(f"{P1},1-5月执行数,8,,", f"{P1},视频会议保障数量,9次,,确定能", header=header)
    _, problems = read_sheet_bytes(data, "m.csv", "monitor", month=6)
    fix = "请按 1-6 月填报（下载 1-6 月的填报表），或把监控月份改为"
    assert messages(problems) == [
        f"m.csv:1: 「1-9月执行情况」是 1-9 月的执行情况，与监控月份 1-6 月不一致：{fix} 9 月",
        f"m.csv:2: 「1-5月执行数」是 1-5 月的执行情况，与监控月份 1-6 月不一致：{fix} 5 月"]
    assert all(p.severity.value == "error" for p in problems)
    same = csv_bytes(f"{P1},1-9月执行数,8,,", f"{P1},视频会议保障数量,9次,,确定能", header=header)
    assert read_sheet_bytes(same, "m.csv", "monitor", month=9)[1] == []
    assert read_sheet_bytes(same, "m.csv", "monitor")[1] == []  # no month given: nothing to compare
