"""A cell's numbered list read item by item on every level and in every file form (forms47, FAILURES.md section DG).

forms46 drew Word's list numbers (``word_numbering``), but a second level numbered ``%1.%2`` (``1.1合格`` under
``1.验收``) is a decimal's shape: wherever the reader does not know the list — the PDF Word or LibreOffice prints, an
Excel cell typed with Alt+Enter, a page's ``<br>``, a tab copy — its items ran together (``1.验收1.1合格1.2归档``).
The rule a person reads by (``cell_values.one_line``): a line starting ``N.M`` is an item of its own when marked so
(``1.1.`` followed by no digit) or going on with the cell's list (``N.M+1`` after ``N.M``; ``N.1`` after ``N.`` where
the cell goes on with the list's levels); ``1.1万亩`` after ``1.新增造林面积`` alone, ``1.5、2.0万元``, ``1.5万亩``
after ``1.验收`` and ``1.1%`` / ``1.2%`` alone stay what they were. And an HTML cell's ``<ol>`` lost the numbers the
browser draws, its items run together too (``html_lists``). Every test but the guards fails on d34ad5c6's ``src``."""

from __future__ import annotations

from perfbudget.load import load_bytes
from perfbudget.readers.cell_values import one_line, one_value
from tests.readers.word_tables import excel_file

_HEAD = "项目支出绩效目标表（2024年度）"
_LIST = "1.验收\n1.1合格\n1.2归档\n2.复核\n2.1抽检"


def _indicators(data: bytes, name: str) -> list[tuple[str, str]]:
    loaded = load_bytes(data, name)
    assert loaded.document is not None, loaded.problems
    return [(i.level3, i.target.raw) for i in loaded.document.projects[0].indicators]


def test_the_rule_on_a_cell_s_lines() -> None:
    assert one_value(_LIST) == _LIST
    assert one_line("1、道路\n1.1 合格率\n1.2 归档率") == "1、道路\n1.1 合格率\n1.2 归档率"
    assert one_line("验收\n1.1.合格\n1.2、归档") == "验收\n1.1.合格\n1.2、归档"  # marked: never a decimal
    # a wrapped tail keeps the list's place
    assert one_line("1.验收\n1.1合格\n要求\n1.2归档") == "1.验收\n1.1合格要求\n1.2归档"


def test_guards_decimals_stay_joined() -> None:
    """A decimal after a numbered line that does not go on with the list, and decimals without a list, as before."""
    assert one_line("1.验收\n1.5万亩") == "1.验收1.5万亩"
    assert one_line("1.1%\n1.2%") == "1.1%1.2%"
    assert one_line("面积\n1.1万亩") == "面积1.1万亩"
    assert one_value("12\n34") == "12；34"


def test_guards_a_decimal_after_an_item_stays_joined() -> None:
    """``、`` follows a decimal in a list of figures, and ``N.1`` under ``N.`` is a figure unless the cell goes on with
    the list's levels (a later ``N.2`` or ``N+1.``, or a second level under an earlier item): joined as on d34ad5c6."""
    for text in ("补助标准分别为\n1.5、2.0万元/人", "于\n3.1、3.15开展宣传", "1.新增造林面积\n1.1万亩",
                 "2.系统升级至版本\n2.1以上", "3.依据管理办法\n3.1节要求执行", "升级至\n1.1.5版本"):
        assert one_line(text) == text.replace("\n", ""), text
        assert one_value(text) == text.replace("\n", ""), text
    assert one_line("1.验收\n1.1合格\n2.复核") == "1.验收\n1.1合格\n2.复核"  # (N+1). follows: an item
    assert one_line("1.验收\n1.1合格\n1.2归档\n2.复核\n2.1抽检\n") == _LIST  # a second level seen before


def test_an_excel_cell_with_alt_enter() -> None:
    rows = [[_HEAD], ["项目名称", "道路维修", None, None], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "质量指标", "验收要求", _LIST], ["产出指标", "质量指标", "验收合格率", "100%"]]
    assert _indicators(excel_file(rows), "levels.xlsx") == [("验收要求", _LIST), ("验收合格率", "100%")]


_PAGE = """<html><body><p>{head}</p><table border="1">
<tr><td>项目名称</td><td colspan="3">道路维修</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td>产出指标</td><td>质量指标</td><td>验收要求</td><td>{cell}</td></tr>
<tr><td>产出指标</td><td>质量指标</td><td>验收合格率</td><td>{single}</td></tr>
</table></body></html>"""


def _page(cell: str, single: str = "100%") -> bytes:
    return _PAGE.format(head=_HEAD, cell=cell, single=single).encode()


def test_a_page_s_br_lines() -> None:
    assert _indicators(_page(_LIST.replace("\n", "<br>")), "levels.html")[0] == ("验收要求", _LIST)


def test_a_page_s_ordered_lists() -> None:
    """``<ol>`` in a cell as LibreOffice saves Word's list and CMS editors keep one: each item with the number the
    browser draws (nested lists counting from 1 again, as drawn), ``start``, ``type`` and Chinese counting; the gap
    after a number as one space before a figure; a one-item list (a lone value) and ``<ul>`` without numbers."""
    nested = ("<ol><li><p>验收</p><ol><li>合格</li><li>归档</li></ol></li>"
              "<li><p>复核</p><ol><li>抽检</li></ol></li></ol>")
    assert _indicators(_page(nested, "<ol><li>100%</li></ol>"), "ol.html") == [
        ("验收要求", "1.验收\n1.合格\n2.归档\n2.复核\n1.抽检"), ("验收合格率", "100%")]
    typed = '<ol start="3" type="a"><li>验收</li><li>2024年归档</li></ol>'
    chinese = '<ol style="list-style-type: cjk-ideographic"><li>验收</li><li></li><li>归档</li></ol>'
    assert _indicators(_page(typed, chinese), "types.html") == [("验收要求", "c.验收\nd. 2024年归档"),
                                                                 ("验收合格率", "一、验收\n三、归档")]
    figures = "<ol><li>验收</li><li>2024年归档</li></ol>"
    assert _indicators(_page(figures, "<ul><li>验收</li><li>归档</li></ul>"), "ul.html") == [
        ("验收要求", "1.验收\n2. 2024年归档"), ("验收合格率", "验收归档")]


def test_an_ordered_list_s_counters() -> None:
    """``reversed``, an item's ``value``, a negative or huge ``start`` (held to Word's range 0–32767, the one rule:
    ``word_numbering.held_start``), ``list-style: inside upper-roman`` (any word of the shorthand) and ``none``."""
    from bs4 import BeautifulSoup

    from perfbudget.readers.html_lists import END, START, ListCounters

    def labels(page: str) -> list[str | None]:
        counters = ListCounters()
        return [None if (label := counters.label(li)) is None else label.strip(START + END)
                for li in BeautifulSoup(page, "html.parser").find_all("li")]

    assert labels("<ol reversed><li>a</li><li>b</li><li>c</li></ol>") == ["3.", "2.", "1."]
    assert labels('<ol><li>a</li><li value="7">b</li><li>c</li></ol>') == ["1.", "7.", "8."]
    assert labels('<ol start="-5"><li>a</li><li>b</li></ol>') == ["0.", "1."]
    assert labels(f'<ol start="{10 ** 40}"><li>a</li><li>b</li></ol>') == ["32767.", "32768."]
    assert labels('<ol style="list-style: inside upper-roman"><li>a</li><li>b</li></ol>') == ["I.", "II."]
    assert labels('<ol style="list-style-type: none"><li>a</li><li>b</li></ol>') == [None, None]
