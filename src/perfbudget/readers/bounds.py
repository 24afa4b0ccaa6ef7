"""Counters that stop a reader past a limit of :class:`perfbudget.config.Limits`.

A reader asks its :class:`Budget` for each row and its cells as it streams them; past
``max_rows`` (per sheet) or ``max_cells`` (per file) the budget raises
:class:`LimitExceeded`, whose message (Chinese) names the limit and its environment
variable. Readers turn it into a :class:`perfbudget.model.Problem`: nothing is imported.
"""

from __future__ import annotations

import re

from perfbudget.config import Limits

_ELEMENT = re.compile(r"<[A-Za-z]")
# A start tag up to its ``>`` (quoted values may hold one), and the words inside it once its quoted values are
# blanked: its name, each attribute's name and each unquoted value. Possessive: linear on any text.
_START_TAG = re.compile(r"""<[A-Za-z](?:"[^"]*+"|'[^']*+'|[^"'>]++)*+""")
_QUOTED = re.compile(r""""[^"]*+"|'[^']*+'""")
_TAG_WORD = re.compile(r"""[^\s=/"'>]++""")
# Words in start tags per element the page may hold (Limits.max_html_elements): a tag of a real page has its
# name and a few attributes (Word's HTML: ``<td width=166 valign=top style='…'>``, 6 words).
TAG_WORDS_PER_ELEMENT = 10


class LimitExceeded(Exception):
    """A file is larger than a limit allows; ``str(exc)`` is the message for the user."""


class Budget:
    """Rows per sheet and cells per file counted against the limits."""

    __slots__ = ("cells", "limits", "max_cells", "rows", "variable")

    def __init__(self, limits: Limits, csv: bool = False) -> None:
        self.limits = limits
        self.cells = 0
        self.rows = 0
        self.max_cells = limits.max_csv_cells if csv else limits.max_cells
        self.variable = "PERFBUDGET_MAX_CSV_CELLS" if csv else "PERFBUDGET_MAX_CELLS"

    def new_sheet(self) -> None:
        self.rows = 0

    def row(self, cells: int, where: str) -> None:
        """Count one row of ``cells`` cells (``where``: the sheet, for the message)."""
        self.rows += 1
        if self.rows > self.limits.max_rows:
            raise LimitExceeded(f"{where}超过 {self.limits.max_rows} 行的上限（环境变量 PERFBUDGET_MAX_ROWS）；未读取")
        self.add_cells(cells)

    def add_cells(self, cells: int) -> None:
        """Count ``cells`` more cells of the file."""
        self.cells += cells
        if self.cells > self.max_cells:
            raise LimitExceeded(f"文件超过 {self.max_cells} 个单元格的上限（环境变量 {self.variable}）；未读取")


def html_problem(text: str, limits: Limits) -> str | None:
    """Why an HTML page is too large to parse (BeautifulSoup spends some 40 µs an element), or None.
    Counted on the text before parsing: every ``<`` followed by a letter opens an element."""
    count = len(_ELEMENT.findall(text))
    if count > limits.max_html_elements:
        return (f"网页含 {count} 个元素，超过 {limits.max_html_elements} 个的上限（环境变量 "
                "PERFBUDGET_MAX_HTML_ELEMENTS）；未读取")
    bound = TAG_WORDS_PER_ELEMENT * limits.max_html_elements
    if tag_words_over(text, bound):
        return (f"网页的标签中的属性过多（标签名、属性名与属性值共超过 {bound} 个，环境变量 "
                f"PERFBUDGET_MAX_HTML_ELEMENTS 的 {TAG_WORDS_PER_ELEMENT} 倍），疑似恶意构造的文件；未读取")
    depth = html_depth(text)
    if depth > limits.max_html_depth:
        return (f"网页的元素嵌套 {depth} 层，超过 {limits.max_html_depth} 层的上限（环境变量 "
                "PERFBUDGET_MAX_HTML_DEPTH）；未读取")
    return None


# BeautifulSoup's tree building is quadratic in the nesting depth: tables nested 15,000 deep (495 KB,
# 45,000 elements, under the element limit) took over 120 s (found by attack10, 2026-12-03). Real pages
# nest some tens of elements; 500 levels (Limits.max_html_depth, env PERFBUDGET_MAX_HTML_DEPTH) cost
# BeautifulSoup well under a second.


def tag_words_over(text: str, bound: int) -> bool:
    """Whether the start tags of ``text`` hold more than ``bound`` words (names and unquoted values), counted
    on the text before any parser sees it and stopping past the bound. lxml builds every attribute for the depth
    check and BeautifulSoup again (some 4 µs an attribute): 3,000,000 attributes on one cell (31 MB, five
    elements) cost 11.7 s of CPU and 1.3 GB before 「没有找到绩效目标表」 until 2026-12-05 (hostile20)."""
    count = 0
    for tag in _START_TAG.finditer(text):
        inside = tag.group()
        if "'" in inside or '"' in inside:
            inside = _QUOTED.sub(" ", inside)
        for _word in _TAG_WORD.finditer(inside):
            count += 1
            if count > bound:
                return True
    return False


class _Depth:
    """An lxml parser target that keeps the deepest nesting of the elements lxml builds (the same HTML
    parser BeautifulSoup's ``lxml`` builder uses, so unclosed ``<td>`` and ``<p>`` close as they do there)."""

    def __init__(self) -> None:
        self.depth = 0
        self.deepest = 0

    def start(self, _tag: str, _attributes: object) -> None:
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)

    def end(self, _tag: str) -> None:
        self.depth -= 1

    def close(self) -> int:
        return self.deepest


def html_depth(text: str) -> int:
    """The deepest nesting of elements in an HTML page (some 2 µs an element, in lxml's C parser)."""
    from lxml import etree

    parser = etree.HTMLParser(target=_Depth(), huge_tree=True)
    parser.feed(text)
    deepest: int = parser.close()
    return deepest


_XML_ELEMENT = re.compile(rb"<[A-Za-z_]")


def odf_problem(data: bytes, limits: Limits) -> str | None:
    """Why an OpenDocument file is too large to parse (odfpy builds a tree of every part at some
    20 µs an element), or None. Counted on the XML parts' bytes before parsing; call after
    :func:`perfbudget.readers.container.check_zip` (the parts' inflated sizes are bounded then).
    700 KB holding 300,000 cells cost 8 s of CPU and 560 MB until 2026-12-03."""
    import io
    import zipfile

    count = 0
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for info in package.infolist():
            if info.filename.endswith(".xml"):
                count += len(_XML_ELEMENT.findall(package.read(info)))
                if count > limits.max_odf_elements:
                    return (f"文件含超过 {limits.max_odf_elements} 个 XML 元素的上限（环境变量 "
                            "PERFBUDGET_MAX_ODF_ELEMENTS）；未读取")
    return None
