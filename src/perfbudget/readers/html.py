"""Reader for HTML pages (a finance bureau's published table, a Word document saved as a web page).

Parsed with BeautifulSoup (lxml). Only the innermost tables are read (pages often
wrap content in layout tables). ``rowspan``/``colspan`` are expanded onto the grid:
the text goes to the top-left position, the covered positions are blank. A cell's
paragraphs and line breaks become newlines; a line break of the page's source is white space. A web archive
(.mht, a MIME message) is read from its HTML part. The heading of a table is the last
text before it since the previous table (a ``…绩效目标表`` line preferred).
A page without a table holding target-table labels is an error. Rows and cell parts the page hides
(``display:none``, ``hidden``) are not read, and told with a warning at their place.
"""

from __future__ import annotations

import re
from typing import Any

from perfbudget.config import Limits
from perfbudget.model import Document, Problem, Severity, Source
from perfbudget.readers import traditional
from perfbudget.readers.bounds import Budget, LimitExceeded, html_problem
from perfbudget.readers.continuation import declared_continuation
from perfbudget.readers.decode import DecodeError, break_problems, decode_bytes
from perfbudget.readers.grid import (
    CONTINUED_TABLE,
    Cell,
    ListedCell,
    RawTable,
    covered,
    spanning,
    without_overflow_marks,
)
from perfbudget.readers.header_block import money_unit_in, with_label_lines, with_unit_line
from perfbudget.readers.html_lists import START, ListCounters, labelled_lines
from perfbudget.readers.interpret import interpret_tables
from perfbudget.readers.invisible import visible
from perfbudget.readers.label_lines import (
    cut_value_line,
    goal_line,
    label_line_cells,
    lead_line_cells,
    section_pair,
)
from perfbudget.readers.labels import column_role, header_field, is_any_label, level_of
from perfbudget.readers.stream import better_heading

_BLOCK = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2002\u2003\u2009\u3000]+")
_UNCOLLAPSED = re.compile(r"[\u00a0\u2002\u2003\u2009\u3000]")  # spaces a browser shows each (&nbsp;, &ensp; …)


def _gap_or_space(match: re.Match[str]) -> str:
    """A run of white space as a browser shows it: one space, or a gap (two spaces, as a label line's pairs are
    told apart: ``项目名称：X&nbsp;&nbsp;　　主管部门：Y``) where the run holds a full-width space or an em space, or
    two other spaces a browser does not collapse (``&nbsp;&nbsp;``). forms35: every run was one space, and
    主管部门：Y was read as X's unlabelled note."""
    run = match.group()
    if "\u3000" in run or "\u2003" in run or len(_UNCOLLAPSED.findall(run)) > 1:
        return "  "
    return " "


def _collapsed(line: str) -> str:
    """A cell's line as a browser shows it: invisible characters dropped (forms35: a zero-width space stayed inside
    a 三级 name), white space collapsed (:func:`_gap_or_space`)."""
    if not line.isascii():
        line = visible(line)
        if _UNCOLLAPSED.search(line):
            return _SPACES.sub(_gap_or_space, line).strip()
    return _SPACES.sub(" ", line).strip()


_MAX_SPAN = 1000


_EAST_ASIAN = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_SOURCE_BREAK_CJK = re.compile(f"(?<=[{_EAST_ASIAN}])[ \\t]*\\r?\\n[ \\t\\r\\n]*(?=[{_EAST_ASIAN}])")
# (a match starts where a run of spaces and tabs starts: the same matches, but a run not followed by a line break is
# tried once, not from each of its characters — 40,000 spaces in a cell with a line break cost 20 s until attack26)
_SOURCE_BREAK = re.compile(r"(?<![ \t])[ \t]*\r?\n[ \t\r\n]*")


def _source_whitespace(text: str) -> str:
    """A line break in the page's source is white space, not a new line (Word's HTML writer breaks its source lines
    inside the text, also between two Chinese characters): between two East Asian characters it is nothing, as
    browsers show it, elsewhere one space. New lines come only from ``<br>`` and blocks (``<p>``, ``<div>`` …)."""
    return _SOURCE_BREAK.sub(" ", _SOURCE_BREAK_CJK.sub("", text)) if "\n" in text else text


_DISPLAY_NONE = re.compile(r"(?:^|;)\s*display\s*:\s*none\b", re.IGNORECASE)


def _is_hidden(node: Any) -> bool:
    """An element the browser does not show: ``style="display:none"`` (Excel's and WPS's 另存为网页 write hidden rows
    and columns so, Word hidden text as ``display:none;mso-hide:all``) or the ``hidden`` attribute."""
    style = node.get("style")
    return node.has_attr("hidden") or (isinstance(style, str) and _DISPLAY_NONE.search(style) is not None)


def _hidden_removed(node: Any) -> str:
    """The text of the hidden elements inside ``node``, which are taken out (not read, as a browser does not show
    them)."""
    texts = []
    for inner in node.find_all(_is_hidden):
        if inner.parent is not None and (text := inner.get_text(" ", strip=True)):
            texts.append(text)
        inner.decompose()
    return " ".join(texts)


_SHOWN_INPUTS = frozenset(("", "text", "number", "tel", "email", "url", "search", "date", "month"))


def _form_fields_shown(node: Any) -> None:
    """A page saved from a budget system's fill-in form holds the values in its fields: a text field shows its
    ``value`` (``<input value="100%">``), a drop-down list its selected option (or its first, as a browser shows
    it); a ``<textarea>``'s text is text already. Each field is replaced by the text it shows (layouts25: main read
    the cells as empty). Hidden fields, buttons, check boxes and radio buttons show no text of their own.

    Each field is put in its place by its index among its siblings, counted once per parent (bs4's ``replace_with``
    looks it up among them every time: 20,000 fields in one cell, 340 KB, cost 10 s of CPU until attack24)."""
    places: dict[int, dict[int, int]] = {}  # a parent → its children's indexes (a field is replaced one for one)
    for field in node.find_all(("input", "select")):
        if field.name == "input":
            kind = str(field.get("type") or "").strip().lower()
            shown = str(field.get("value") or "") if kind in _SHOWN_INPUTS else ""
        else:
            options = field.find_all("option")
            chosen = next((o for o in options if o.has_attr("selected")), options[0] if options else None)
            shown = chosen.get_text(" ", strip=True) if chosen is not None else ""
        parent = field.parent
        if parent is None:
            continue
        if id(parent) not in places:
            places[id(parent)] = {id(child): i for i, child in enumerate(parent.contents)}
        index = places[id(parent)][id(field)]
        field.extract(_self_index=index)
        parent.insert(index, shown)


_BLOCKS = frozenset({"p", "div", "li"})  # a new line after each


_CSS_DISPLAY = re.compile(r"(?:^|;)\s*display\s*:\s*(table(?:-row|-cell|-row-group|-header-group|-footer-group)?)"
                          r"\s*(?:!\s*important\s*)?(?:;|$)", re.IGNORECASE)
_REAL = ("table", "tr", "td", "th", "thead", "tbody", "tfoot")
_AS_TABLE = {"table": "table", "table-row": "tr", "table-cell": "td", "table-row-group": "tbody",
             "table-header-group": "thead", "table-footer-group": "tfoot",
             "grid": "table", "treegrid": "table", "row": "tr", "cell": "td", "gridcell": "td",
             "columnheader": "td", "rowheader": "td", "rowgroup": "tbody"}
_TABLE_DISPLAYS = frozenset(("table", "table-row", "table-cell", "table-row-group", "table-header-group",
                             "table-footer-group"))


def _display_classes(soup: Any) -> dict[str, str]:
    """The classes the page's style sheets show as table parts (``.row{display:table-row}``), by class: the style
    sheets read once for every layout (``css_grid.class_styles``, the last rule's ``display`` winning as in a
    browser)."""
    from perfbudget.readers.css_grid import class_styles

    return {name: display for name, declared in class_styles(soup).items()
            if (display := declared.get("display", "")) in _TABLE_DISPLAYS}


def _as_table_part(node: Any, classes: dict[str, str]) -> str | None:
    """What table part an element is shown as: its ``role`` (table, row, cell …), its inline ``display`` or one of
    its classes' (``display:table-cell``); None for anything else."""
    if (role := str(node.get("role") or "").strip().lower()) in _AS_TABLE:
        return _AS_TABLE[role]
    style = node.get("style")
    if isinstance(style, str) and (display := _CSS_DISPLAY.search(style)) is not None:
        return _AS_TABLE[display.group(1).lower()]
    for name in node.get("class") or ():
        if name in classes:
            return _AS_TABLE[classes[name]]
    return None


def _drawn_tables(soup: Any) -> int:
    """Make the tables a page draws with other elements real ones: ``div``/``span``/``li`` elements shown as a
    table, its rows and cells (CSS ``display:table`` / ``table-row`` / ``table-cell``, inline or by class, or ARIA
    roles ``table`` / ``row`` / ``cell``, with ``aria-colspan``/``aria-rowspan``), as a browser lays them out. Only
    such a table of two rows of two cells or more is made one (a two-column page layout drawn so stays text); real
    table elements are left as they are. The number of tables made."""
    classes = _display_classes(soup)
    parts: dict[int, tuple[Any, str]] = {}
    for node in soup.find_all(lambda n: n.name not in _REAL):
        if (part := _as_table_part(node, classes)) is not None:
            parts[id(node)] = (node, part)
    made = 0
    for table, part in list(parts.values()):
        if part != "table":
            continue
        # the rows and cells of this table (not those of a table drawn inside one of its cells)
        own = [(node, kind) for node, kind in (parts[id(n)] for n in table.find_all(True) if id(n) in parts)
               if kind != "table" and _owner(node, parts) is table]
        cells = {id(node) for node, kind in own if kind == "td"}
        rows = sum(1 for node, kind in own
                   if kind == "tr" and sum(id(c) in cells for c in node.find_all(True, recursive=False)) >= 2)
        if rows < 2:
            continue
        table.name = "table"
        for node, kind in own:
            node.name = kind
            if kind == "td":
                for aria, span in (("aria-colspan", "colspan"), ("aria-rowspan", "rowspan")):
                    if node.has_attr(aria) and not node.has_attr(span):
                        node[span] = node[aria]
        made += 1
    return made


def _owner(node: Any, parts: dict[int, tuple[Any, str]]) -> Any | None:
    """The nearest element above ``node`` drawn as a table (or a real ``<table>``)."""
    for up in node.parents:
        if up.name == "table" or (id(up) in parts and parts[id(up)][1] == "table"):
            return up
    return None


def _text(node: Any, skipped: Any = None, listed: set[str] | None = None) -> str:
    """A cell's text as a browser shows it: lines from ``<br>`` and blocks, a line break of the source white space
    (not inside ``<pre>``), without the element ``skipped`` (an indicator table nested in the cell, read as rows);
    each item of an ``<ol>`` with the number the browser draws, the lines they start added to ``listed``
    (``html_lists``: ``grid.ListedCell``, whose breaks ``one_line`` keeps whatever the label looks like).
    Read in one walk without changing the tree: until attack24 each ``<br>`` was replaced and a
    line break inserted after each block, and bs4 looks an element up among its siblings for that (a 60 KB cell of
    20,000 ``<p>`` cost 16 s of CPU)."""
    from bs4 import NavigableString, Tag

    shown = node.interesting_string_types  # the strings get_text() reads (not comments, scripts …)
    parts: list[str] = []
    stack: list[tuple[Any, str, bool]] = [(iter(node.contents), "", node.name == "pre")]
    counters: ListCounters | None = None
    while stack:
        children, after, in_pre = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            parts.append(after)
        elif isinstance(child, Tag):
            if child is skipped or child.name == "br":
                parts.append("\n")
            else:
                if child.name == "li" and (label := (counters := counters or ListCounters()).label(child)):
                    parts.append(label)  # the number a browser draws before an <ol>'s item (html_lists)
                stack.append((iter(child.contents), "\n" if child.name in _BLOCKS else "",
                              in_pre or child.name == "pre"))
        elif type(child) is shown if isinstance(shown, type) else type(child) in shown:
            text = str(child)
            parts.append(text if in_pre or type(child) is not NavigableString else _source_whitespace(text))
    text = "".join(parts)
    if counters is not None and START in text:  # (an <ol>'s items: each drawn label placed, html_lists)
        labelled, starting = labelled_lines(text, _collapsed)
        if listed is not None:
            listed.update(starting)
        return labelled
    lines = [_collapsed(line) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _span(node: Any, name: str) -> int:
    try:
        return min(max(int(str(node.get(name, "1")).strip() or 1), 1), _MAX_SPAN)
    except ValueError:
        return 1


def _fill_covered(row: list[Cell], pending: dict[tuple[int, int], Cell | None], r: int, file: str, label: str,
                  number: int) -> None:
    """Blank cells for the grid positions a rowspan from above covers at the row's current end (each under the
    spanning cell's first column knows that cell: ``grid.CoveredCell``)."""
    while (r, len(row)) in pending:
        top = pending.pop((r, len(row)))
        row.append(covered(Source(file, sheet=label, table=number, row=r + 1, column=len(row) + 1), top))


def table_grid(table: Any, file: str, number: int, budget: Budget | None = None,
               hidden: list[tuple[Source, str]] | None = None, nested: dict[int, Any] | None = None,
               label: str | None = None) -> list[list[Cell]]:
    """The table's rows on its grid, spans expanded (blank where covered); past a row or cell limit of
    ``budget`` :class:`LimitExceeded`. A cell counts as the grid positions it covers (rowspan × colspan), before
    they are made: 9,000 rows of one cell spanning 16,000 columns (300 KB, under the element limit) grew past
    2 GB in over 200 s until 2026-12-04 (found by attack14). ``nested`` maps a cell (by id) to the indicator table
    nested in it (:func:`_form_carriers`): the cell keeps its own text, and the nested table's rows follow the row,
    from the cell's column on (as a cell merged down beside them), as Word's reader reads such a cell."""
    label = label or f"表{number}"
    pending: dict[tuple[int, int], Cell | None] = {}  # grid positions covered by a rowspan from above
    rows: list[list[Cell]] = []
    trs = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    if budget is not None:
        budget.new_sheet()
    for r, tr in enumerate(trs):
        if hidden is not None and _is_hidden(tr):  # a hidden row (display:none): not shown, not read, told
            if text := tr.get_text(" ", strip=True):
                hidden.append((Source(file, sheet=label, table=number, row=r + 1), text))
            continue
        row: list[Cell] = []
        inner: list[list[Cell]] = []  # the rows of an indicator table nested in one of the row's cells
        if budget is not None:
            budget.row(0, f"表格{number}")
        for td in tr.find_all(("td", "th"), recursive=False):
            if hidden is not None:  # (a page that may hide something)
                place = Source(file, sheet=label, table=number, row=r + 1, column=len(row) + 1)
                if _is_hidden(td):  # a hidden cell (a hidden column): the browser shows the next cell in its place
                    if text := td.get_text(" ", strip=True):
                        hidden.append((place, text))
                    continue
                if text := _hidden_removed(td):
                    hidden.append((place, text))
            _fill_covered(row, pending, r, file, label, number)
            col = len(row)
            rowspan, colspan = _span(td, "rowspan"), _span(td, "colspan")
            if budget is not None:
                budget.add_cells(rowspan * colspan)
            held = nested.get(id(td)) if nested else None
            if held is not None:
                where = f"{label}第{r + 1}行内嵌表格"
                inner += [[*(Cell("", Source(file, sheet=where, table=number, row=k, column=c))
                             for c in range(1, col + 1)), *cells]
                          for k, cells in enumerate(table_grid(held, file, number, budget, hidden, None, where), 1)]
            listed: set[str] = set()
            text, place = _text(td, held, listed), Source(file, sheet=label, table=number, row=r + 1, column=col + 1)
            top = ListedCell(text, place, colspan, frozenset(listed)) if listed else spanning(text, place, colspan)
            row.append(top)
            for extra in range(colspan):
                if extra:
                    row.append(Cell("", Source(file, sheet=label, table=number, row=r + 1, column=col + extra + 1)))
                for below in range(1, rowspan):
                    pending[(r + below, col + extra)] = None if extra else top
        _fill_covered(row, pending, r, file, label, number)
        rows.append(row)
        rows += inner
    return rows


def _indicator_header_in(table: Any) -> bool:
    """Whether a row of the table (its own rows) names a 三级 column and a 指标值 column."""
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is table:
            roles = {column_role(_text(td)) for td in tr.find_all(("td", "th"), recursive=False)}
            if "level3" in roles and "target" in roles:
                return True
    return False


def _form_carriers(soup: Any, leaves: set[int]) -> dict[int, Any]:
    """The cells (by id) of a form's table that hold its indicator table nested inside (``绩效指标 | [一级指标 |
    二级指标 | 三级指标 | 指标值 …]``), each with that table: the nested table is innermost and holds an indicator
    header, and the table around it holds the form's own labels (项目名称, 预算单位 …) in its own cells. The form is
    then read as one table, the nested rows after their row; a page-layout table around a whole form (no label of
    its own) is no carrier, and the innermost tables are read as before."""
    def enclosing(node: Any, names: tuple[str, ...]) -> Any | None:  # (bs4's find_parent, without its filters)
        node = node.parent
        while node is not None and node.name not in names:
            node = node.parent
        return node

    carriers: dict[int, Any] = {}
    for inner in soup.find_all("table"):
        if id(inner) not in leaves or (cell := enclosing(inner, ("td", "th"))) is None:
            continue
        outer = enclosing(cell, ("table",))
        if outer is None or len(outer.find_all("table", limit=2)) > 1:
            continue  # (other tables inside too: a page laid out in tables, read as before)
        own = [td for tr in outer.find_all("tr") if tr.find_parent("table") is outer
               for td in tr.find_all(("td", "th"), recursive=False)]
        if not any(header_field(_text(td)) is not None for td in own if td.find("table") is None) \
                or not _indicator_header_in(inner):
            continue
        carriers[id(cell)] = inner
    return carriers


def _declared_continued(table: Any) -> bool:
    """Whether the page itself says the table goes on from the one before: ``aria-label="续表"`` (not shown),
    as perfbudget's own 自评表 page labels its indicator table (the head and the indicators drawn as two tables)."""
    return str(table.get("aria-label", "")).strip() == CONTINUED_TABLE


def read_html_tables(text: str, file: str, limits: Limits | None = None) -> list[RawTable]:
    """The page's innermost tables holding target-table labels; past a row or cell limit :class:`LimitExceeded`."""
    from bs4 import BeautifulSoup

    budget = Budget(limits or Limits())

    soup = BeautifulSoup(text, "lxml")
    lowered = text.lower()
    if "grid" in lowered:
        from perfbudget.readers.css_grid import grid_tables

        grid_tables(soup, budget.limits.max_cells)  # a table laid out with CSS grid (display:grid, grid-column)
    if "table-cell" in lowered or "role=" in lowered:
        _drawn_tables(soup)  # a table drawn of div and span elements (display:table-cell, role="cell")
    for junk in soup.find_all(("script", "style", "noscript")):
        junk.decompose()
    hides = "none" in lowered or "hidden" in lowered  # display:none or a hidden attribute may stand in the page
    if "<input" in lowered or "<select" in lowered:
        _form_fields_shown(soup)  # a saved fill-in form: its fields' values, in the cells and around the table
    tables: list[RawTable] = []
    heading: str | None = None
    unit_line: str | None = None  # 金额单位：元 written above the table
    lead: list[tuple[str, ...]] = []
    cut_notes: list[str] = []  # the label lines' values joined over two lines (需人工核对)
    leaves = {id(t) for t in soup.find_all("table") if t.find("table") is None}
    carriers = _form_carriers(soup, leaves) if len(leaves) < len(soup.find_all("table")) else {}
    for inner in carriers.values():  # a form's table with its indicator table nested in a cell: read whole
        leaves.discard(id(inner))
        leaves.add(id(inner.find_parent("table")))
    absorbed = {id(inner) for inner in carriers.values()}
    text_before: str | None = None  # the text before, for a goal under its section title
    seen = 0  # the page's tables, each numbered as it stands (a 续表 joined to the one before keeps its own number)
    for node in soup.descendants:
        name = getattr(node, "name", None)
        if name == "table" and id(node) in leaves:
            seen += 1
            number = seen
            source = Source(file, sheet=f"表{number}", table=number)
            hidden: list[tuple[Source, str]] | None = [] if hides else None
            rows = with_label_lines(with_unit_line(table_grid(node, file, number, budget, hidden, carriers),
                                                   unit_line, source), lead, source)
            if tables and heading is None and not lead and _declared_continued(node):
                # perfbudget's own pages: the head and the indicators, the second labelled 续表 by the writer
                before = tables[-1]
                tables[-1] = RawTable(before.heading, before.source,
                                      [*before.rows, *declared_continuation(before.rows, rows)], certain=True)
                unit_line = None
                continue
            tables.append(RawTable(heading, source, rows, certain=True, needs_check=tuple(cut_notes)))
            tables[-1].problems.extend(hidden_problems(hidden or []))
            heading = unit_line = None
            lead, cut_notes = [], []
        elif (type(node).__name__ == "NavigableString" and id(node.find_parent("table")) not in leaves
              and id(node.find_parent("table")) not in absorbed and node.find_parent(("head", "title")) is None):
            previous, text_before = text_before, (str(node) if str(node).strip() else text_before)
            if lead and text_before is not previous and (goal := section_pair(previous, str(node))) is not None:
                lead.append(goal)  # （一）年度目标 / 全面改善…: the goal under its section title (layouts24)
                continue
            if (labelled := label_line_cells(str(node))) is not None \
                    or (lead and (labelled := lead_line_cells(str(node))) is not None):
                lead.append(labelled)  # 单位名称：某局  金额单位：元 written above the table; 年度资金总额：16 after it
                continue
            if lead and (goals := goal_line(lead[-1], str(node))) is not None:
                lead[-1] = goals  # 年度目标： / 1.… / 2.…: the goal over lines, one goal an item (reading25)
                continue
            if lead and str(node).strip() and (joined := cut_value_line(lead[-1], str(node))) is not None:
                lead[-1] = joined  # 填报单位:桃源县 / 财政局: the value cut onto the next line (misses22)
                cut_notes.append(f"「{joined[-2]}」的值分在两行（「{str(node).strip()}」另起一行），已接为「{joined[-1]}」")
                continue
            text = _SPACES.sub(" ", str(node))
            unit_line = text.strip() if money_unit_in(text) else unit_line
            heading = better_heading(heading, text)
    # Tables holding target-table labels, or indicator names (a continuation table without its header).
    return [t for t in tables if any(is_any_label(c.text) or level_of(c.text) is not None
                                     for row in t.rows for c in row)]


_MOST_TOLD = 20  # hidden rows and cells told one by one per table; the rest in one warning


def hidden_problems(hidden: list[tuple[Source, str]]) -> list[Problem]:
    """Warnings for a table's hidden rows and cells, not read (the first :data:`_MOST_TOLD`, then one for the rest)."""
    problems = [Problem(source, f"{f'第{source.row}行是隐藏行' if source.column is None else '隐藏内容'}"
                                f"（网页中不显示，display:none），未读取：「{text[:30]}」", Severity.WARNING)
                for source, text in hidden[:_MOST_TOLD]]
    if rest := hidden[_MOST_TOLD:]:
        problems.append(Problem(rest[0][0], f"另有 {len(rest)} 处隐藏的行或内容（网页中不显示）未读取",
                                Severity.WARNING))
    return problems


_WEB_ARCHIVE_TYPE = re.compile(rb"^content-type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)
_HEADER_LINE = re.compile(rb"[A-Za-z][\w-]*:")


def is_web_archive(data: bytes) -> bool:
    """A web archive (.mht/.mhtml: Word's 单个文件网页, a browser's 网页，单个文件): a MIME message whose headers,
    before the first blank line, say ``multipart/related``."""
    head = data[:4096].lstrip()
    if not _HEADER_LINE.match(head):
        return False
    end = min((k for k in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if k >= 0), default=len(head))
    return _WEB_ARCHIVE_TYPE.search(head[:end]) is not None


def web_archive_page(data: bytes) -> str | None:
    """The page of a web archive: its first ``text/html`` part, its transfer encoding (quoted-printable, base64)
    undone and decoded by its charset (GB2312 read as its superset GB18030), else None. A first page that is only a
    frameset (Excel's 单个文件网页 of a workbook: the frames show ``sheet001.htm`` …, each a part of its own) is
    replaced by the archive's other pages, one after the other, as the frames show them."""
    import email

    pages: list[str] = []
    for part in email.message_from_bytes(data).walk():
        if part.get_content_type() != "text/html":
            continue
        page = _part_text(part)
        if page is None:
            return None  # (read as the whole file, its breaks told)
        if pages and not _FRAMESET.search(pages[0]):
            break
        pages.append(page)
    if len(pages) > 1:
        return "\n".join(pages[1:])
    return pages[0] if pages else None


_FRAMESET = re.compile(r"<\s*frameset\b", re.IGNORECASE)


def _part_text(part: Any) -> str | None:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return None
    charset = (part.get_content_charset() or "").lower()
    charset = "gb18030" if charset in ("gb2312", "gbk", "x-gbk") else charset
    try:
        if charset:
            return payload.decode(charset)
        decoded = decode_bytes(payload)
        return None if decoded.breaks else decoded.text  # (a broken part: read as the whole file, told)
    except (LookupError, UnicodeDecodeError, DecodeError):
        return None


def read_html(data: bytes, file: str, limits: Limits) -> tuple[Document | None, list[Problem]]:
    broken: list[Problem] = []
    try:
        page = web_archive_page(data) if is_web_archive(data) else None
        if page is None:
            decoded = decode_bytes(data)
            page, broken = decoded.text, break_problems(decoded, file)  # a character cut in two, at its place
        text = page
    except DecodeError as exc:
        return None, [Problem(Source(file), str(exc))]
    too_large = html_problem(text, limits)  # bounded cost (readers/bounds.py)
    if too_large:
        return None, [Problem(Source(file), too_large)]
    document, problems = traditional.read_either_script(text, file,
                                                        lambda written: _read_tables(written, file, limits))
    return document, broken + problems if broken else problems


def _read_tables(text: str, file: str, limits: Limits) -> tuple[Document | None, list[Problem]]:
    try:
        tables = read_html_tables(text, file, limits)
    except LimitExceeded as exc:
        return None, [Problem(Source(file), f"网页{exc}")]
    if not tables:
        return None, [Problem(Source(file), "网页中没有找到绩效目标表"
                                            "（没有含「项目名称」「三级指标」等表头的 <table>）")]
    without_overflow_marks(tables)  # (a sheet saved as a web page shows its narrow numbers as ####)
    return interpret_tables(tables, file)
