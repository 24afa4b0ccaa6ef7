"""Round 32's attack (docs/security.md, 「Attacked from outside (attack32)」): each test failed on main 8e80b355."""

from __future__ import annotations

import struct
import time
from decimal import Decimal

from perfbudget.load import load_bytes
from tests.security.biff_files import record, text_cell, workbook
from tests.security.format_workbooks import workbook_of_formats
from tests.security.project_edits import edited_indicators
from tests.web.conftest import WebEnv

# a format of 20,000 digit placeholders with a literal between each two: 80,001 characters (Excel allows 255)
_LONG_FORMAT = "0" + '"x"0' * 20_000


def _workbook_with_format(fmt: str, value: object, cells: int) -> bytes:
    return workbook_of_formats([fmt] * cells, value)


def test_a_workbook_of_a_number_format_longer_than_excel_allows_is_refused_before_any_cell_is_shown() -> None:
    # forms35's literal point (readers/format_digits.py) read a cell's number format anew for every cell, and its
    # literals went into every cell's text: one format of 80,000 characters used by 2,000 cells (a 42 KB upload)
    # cost 104 s of CPU, 200 cells 10 s. A format longer than Excel's 255 characters refuses the workbook now.
    data = _workbook_with_format(_LONG_FORMAT, 123, 200)
    assert len(data) < 50_000
    started = time.process_time()
    result = load_bytes(data, "目标表.xlsx")
    assert time.process_time() - started < 1.0
    assert result.document is None
    assert [p.message for p in result.problems] == [
        "Excel 文件的自定义数字格式长 80001 个字符，超过 Excel 允许的 255 个字符；未读取"]
    fitting = load_bytes(_workbook_with_format('0!.0000"万元"', 30_000, 2), "目标表.xlsx")
    assert fitting.document is not None
    assert [i.target.raw for i in fitting.document.projects[0].indicators] == ["3.0000万元"] * 2


def test_an_xls_of_a_number_format_longer_than_excel_allows_is_refused_before_any_cell_is_shown() -> None:
    # the .xls reader shows its numbers through the same cell_text: a 52 KB .xls of one format of 8,001
    # characters (a FORMAT record) used by 3,000 cells cost 15.9 s of CPU.
    fmt = "0" + '"x"0' * 2_000
    globals_more = (record(0x041E, struct.pack("<HHB", 164, len(fmt), 0) + fmt.encode("latin-1"))
                    + record(0x00E0, struct.pack("<HHHBBBBIIH", 0, 164, 1, 0x20, 0, 0, 0, 0, 0, 0x20C0)))
    cells = text_cell(0, 0, "项目名称") + text_cell(0, 1, "测试") + b"".join(
        record(0x027E, struct.pack("<HHHI", row, 3, 16, (1 << 2) | 2)) for row in range(1, 3_000))
    started = time.process_time()
    result = load_bytes(workbook(cells, more_globals=globals_more), "目标表.xls")
    assert time.process_time() - started < 1.0
    assert [p.message for p in result.problems] == [
        "Excel 文件的自定义数字格式长 8001 个字符，超过 Excel 允许的 255 个字符；未读取"]


def test_a_fill_in_sheet_of_a_number_format_longer_than_excel_allows_is_refused() -> None:
    from perfbudget.evaluate.sheet import read_xlsx_bytes

    rows, problems = read_xlsx_bytes(_workbook_with_format(_LONG_FORMAT, 95, 3), "自评.xlsx")
    assert rows == []
    assert [p.message for p in problems] == [
        "xlsx 文件的自定义数字格式长 80001 个字符，超过 Excel 允许的 255 个字符；未读取"]


def test_a_number_past_28_digits_is_shown_whole_not_refused_as_a_damaged_workbook() -> None:
    # Decimal's default context (28 digits) made quantize raise for a float of 1E+308 under any format, and for
    # 1.5 under a format of 30 decimal places: the whole workbook was refused as damaged (InvalidOperation).
    from perfbudget.readers.xlsx import cell_text

    assert cell_text(1e308, "0.00") == "1" + "0" * 308 + ".00"
    assert cell_text(1e308, "General") == "1" + "0" * 308
    assert cell_text(10 ** 60, '0!.0000"万元"') == "1" + "0" * 56 + ".0000万元"
    assert cell_text(1.5, "0." + "0" * 30) == "1." + "5" + "0" * 29
    assert cell_text(1.5, "0." + "0" * 200) == "1." + "5" + "0" * 29  # Excel's most: 30 places
    result = load_bytes(_workbook_with_format("0.00", 1e308, 1), "目标表.xlsx")
    assert result.document is not None
    assert result.document.projects[0].indicators[0].target.raw == "1" + "0" * 308 + ".00"
    assert Decimal(cell_text(2.5, "0%").rstrip("%")) == 250


def test_a_history_answer_is_bounded_and_reads_only_its_page_of_changes(any_web: WebEnv) -> None:
    # attack31 paged each version's changes of `GET …/history` (changes_limit), but every change of every version
    # of the page was still read from the database and cut in Python, and limit × changes_limit could be asked as
    # 1,000 × 1,000. A version of 300 targets of 20,000 characters read 12 MB for an answer of one change. The
    # changes are paged in SQL now, and limit × changes_limit is at most 10,000.
    import re
    import tracemalloc

    from perfbudget.app.overview import history, history_newest_first

    long_target = {"raw": "按期完成" + "x" * 19_990}  # (a text's bound is 20,000 characters)
    client, admin, project = edited_indicators(any_web, lambda indicators: [
        {**indicators[0], "level3": f"设备巡检{i:03d}", "target": long_target} for i in range(300)])
    with any_web.app.state.store.reading() as tx:
        tracemalloc.start()
        try:
            newest = history(tx, project, 1, 1, 1, 7)[0]
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert newest["changes_total"] >= 300 and len(newest["changes"]) == 1
    assert peak < 2_000_000, peak  # 12 MB read for it until attack32
    with any_web.app.state.store.reading() as tx:  # the history page: 50 changes a version, each told in 300
        tracemalloc.start()
        try:
            shown = history_newest_first(tx, project).versions[0]
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert len(shown["changes"]) == 50 and peak < 1_000_000, peak  # 12 MB until attack32
    page = any_web.client("viewer").get(f"/projects/{project}/history").text
    told = re.findall(r"<li>([^<]*)</li>", page.split('class="events"')[1].split("</ul>")[0])
    assert len(told) == 50 and all(len(text) <= 301 for text in told), [len(t) for t in told]
    assert any(text.endswith("x…") for text in told), told[:3]
    with any_web.app.state.store.reading() as tx:
        assert history(tx, project, 1, 1, 1, 7)[0]["changes"] == history(tx, project, 1, 1)[0]["changes"][7:8]
    asked = client.get(f"/api/v1/projects/{project}/history?limit=1000&changes_limit=1000", headers=admin)
    assert asked.status_code == 422
    assert "limit × changes_limit（1000 × 1000）不能超过 10000" in asked.json()["error"]["message"]
    fits = client.get(f"/api/v1/projects/{project}/history?limit=10&changes_limit=1000", headers=admin).json()
    assert len(fits["versions"][-1]["changes"]) == fits["versions"][-1]["changes_total"]


def test_a_funds_head_of_many_unknown_names_is_told_in_a_bounded_warning() -> None:
    # kinds35's broken funds head (readers/funds_head_gaps.py) quoted every unknown column name whole: a head of
    # 30,000 of them (a 750 KB text) made a warning of 330,000 characters, a name of 20,000 characters all of it.
    head = "\t".join(["上半年实际支出数"] * 30_000 + ["未知" * 10_000])
    text = (f"项目名称\t测试\n项目资金（万元）\t年初预算数\t{head}\t执行率\t全年预计执行数\n"
            "年度资金总额\t100\t40\t40%\t95\n")
    result = load_bytes(text.encode(), "目标表.txt")
    told = [p.message for p in result.problems if p.message.startswith("资金表头的「年初预算数」后面有不认识的列名")]
    assert len(told) == 1 and len(told[0]) < 500, len(told[0])
    assert "「上半年实际支出数」、" * 4 + "「上半年实际支出数」等 30001 个" in told[0]


def test_a_run_of_level_names_is_found_backwards_in_linear_time_with_the_same_answers() -> None:
    # attack31's leftover: glued_stream._LEVEL_RUN_END (the level names before a numbered row: 生态效益指标指标1…) was
    # searched from every position of a run of level names: 6,000 of them and a letter cost 6.3 s, a glued line's
    # 20,000 characters some 0.3 s. The run is found backwards from its end now: the old pattern's answers on random
    # texts.
    import random
    import re

    from perfbudget.readers import glued_stream

    old = re.compile("(?:" + glued_stream.LEVEL_NAME.pattern + ")+$")
    text = "产出指标数量指标" * 6_000
    started = time.process_time()
    assert glued_stream.level_run_start(text + "x", 0, len(text) + 1) is None
    assert glued_stream.level_run_start(text, 0, len(text)) == 0
    assert glued_stream.level_run_start("满意度指标(10分)" + text, 0, len(text) + 10) == 0
    assert glued_stream.level_run_start("满意度指标(10分)" + text, 3, len(text) + 10) == 10
    assert time.process_time() - started < 0.5
    rng = random.Random(32)
    pieces = ["产出指标", "数量指标", "指标", "产出", "(40分)", "（5分）", "(分)", "1", "(", "分)", "\n", "满意度指标",
              "服务对象满意度指标", "x", "１２"]
    for _ in range(100_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        found = old.search(text, start, end)
        assert (found and found.start()) == glued_stream.level_run_start(text, start, end), (text, start, end)
