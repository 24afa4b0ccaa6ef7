"""File forms units publish (forms36, FAILURES.md section CA): an Excel number format's negative and zero sections,
date formats as Chinese Excel and WPS show them (``[DBNum1]``, ``yyyy.mm.dd``, the built-in ``numFmtId`` 31).

Each workbook is written by openpyxl (the formats as Excel and WPS store them) and read by the real reader."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal

from perfbudget.load import load_bytes
from tests.readers.test_forms35_layouts import _NUMBERS, _book


def _targets(data: bytes) -> list[str]:
    result = load_bytes(data, "t.xlsx")
    assert result.document is not None
    return [i.target.raw for i in result.document.projects[0].indicators]


def _saved(book: object) -> bytes:
    data = io.BytesIO()
    book.save(data)  # type: ignore[attr-defined]
    return data.getvalue()


def test_a_negative_number_is_shown_by_the_formats_negative_section() -> None:
    """Excel shows a negative number through the format's second section, without the sign that section does not
    write: ``0.0%;"下降"0.0%`` shows −0.05 as 下降5.0%, ``#,##0.00_);(#,##0.00)`` −1.5 as (1.50). A section that
    writes no sign and only colours it (``0;[红色]0``) keeps the minus a person reads from the red. 8e80b355 used
    the first section for every number: -5.0%, -1.50."""
    rows = [*_NUMBERS[:3], ["效益指标", "经济效益指标", "库存积压率", -0.05],
            ["", "经济效益指标", "亏损额", -1.5], ["", "经济效益指标", "投诉件数变化", -3]]
    book = _book(rows, {"D4": '0.0%;"下降"0.0%', "D5": "#,##0.00_);(#,##0.00)", "D6": "0;[红色]0"})
    assert _targets(_saved(book)) == ["下降5.0%", "(1.50)", "-3"]


def test_a_zero_is_shown_by_the_formats_zero_section() -> None:
    """Chinese Excel's 会计专用 format (``_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ``) shows a zero as
    ``-``, ``0;-0;`` as nothing, ``#,###`` as nothing; 8e80b355 read 0.00 and 0 (a zero amount where the sheet
    shows a dash is still no amount: the other fund's cell reads as the sheet shows it, the total unchanged)."""
    accounting = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '
    rows = [["项目名称", "再生资源回收市场管理经费", "", ""], ["年度资金总额(万元)", 3, "", ""],
            ["其他资金", 0, "", ""], *_NUMBERS[2:4], ["", "数量指标", "新增网点", 0], ["", "数量指标", "撤并网点", 0]]
    book = _book(rows, {"B2": accounting, "B3": accounting, "D6": "0;-0;", "D7": "#,###"})
    result = load_bytes(_saved(book), "t.xlsx")
    assert result.document is not None
    project = result.document.projects[0]
    assert project.budget.total == Decimal("3.00") and project.budget.other is None
    assert [i.target.raw for i in project.indicators] == ["8", "", ""]
    assert len([p for p in result.problems if "没有指标值" in p.message]) == 2


def test_a_conditional_format_shows_the_section_whose_condition_holds() -> None:
    """``[<60]"不合格";[<80]"合格";"优秀"``: 85 shows 优秀 (8e80b355: 不合格85, the first section's text)."""
    from perfbudget.readers.xlsx import cell_text

    grades = '[<60]"不合格";[<80]"合格";"优秀"'
    assert [cell_text(n, grades) for n in (55, 70, 85)] == ["不合格", "合格", "优秀"]
    assert cell_text(-2, "G/通用格式;[红色]G/通用格式") == "-2"


def test_a_date_is_shown_as_its_format_shows_it() -> None:
    """``[DBNum1][$-804]yyyy"年"m"月"d"日"`` (二〇二一年十二月三十一日 in Excel: the same date, read in Arabic
    digits), ``yyyy.mm.dd`` and Excel's system long date ``[$-F800]dddd, mmmm dd, yyyy``; 8e80b355 read each as
    2021-12-31 (the ISO date, not what the sheet shows)."""
    day = dt.datetime(2021, 12, 31)
    rows = [*_NUMBERS[:3], ["产出指标", "时效指标", "完成时间", day], ["", "时效指标", "验收时间", day],
            ["", "时效指标", "资金拨付时间", day]]
    book = _book(rows, {"D4": '[DBNum1][$-804]yyyy"年"m"月"d"日"', "D5": "yyyy.mm.dd",
                        "D6": "[$-F800]dddd, mmmm dd, yyyy"})
    assert _targets(_saved(book)) == ["2021年12月31日", "2021.12.31", "2021年12月31日"]


def test_a_chinese_excel_built_in_date_format_by_id_is_a_date() -> None:
    """Chinese Excel names its built-in date formats by ``numFmtId`` alone (31: 2021年12月31日, 27: 2021年12月);
    openpyxl knows only the English table and gave the date's serial number under General: 8e80b355 read the
    targets 44561 and 44531 (status ok)."""
    rows = [*_NUMBERS[:3], ["产出指标", "时效指标", "完成时间", dt.datetime(2021, 12, 31)],
            ["", "时效指标", "开工时间", dt.datetime(2021, 12, 1)], ["", "数量指标", "网点数", 44561]]
    book = _book(rows, {"D4": "yyyy-mm-dd", "D5": "yyyy-mm"})
    data = _with_format_ids(_saved(book), {"yyyy-mm-dd": 31, "yyyy-mm": 27})
    assert _targets(data) == ["2021年12月31日", "2021年12月", "44561"]


def _with_format_ids(data: bytes, ids: dict[str, int]) -> bytes:
    """The workbook with the custom formats ``ids`` names replaced by built-in ids, as Chinese Excel stores them."""
    source = zipfile.ZipFile(io.BytesIO(data))
    styles = source.read("xl/styles.xml").decode()
    for code, builtin in ids.items():
        custom = re.search(rf'<numFmt numFmtId="(\d+)" formatCode="{re.escape(code)}"/>', styles)
        assert custom is not None
        styles = styles.replace(custom.group(0), "").replace(f'numFmtId="{custom.group(1)}"', f'numFmtId="{builtin}"')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, styles if name == "xl/styles.xml" else source.read(name))
    return out.getvalue()
