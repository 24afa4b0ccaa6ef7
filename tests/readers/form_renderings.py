"""A read table rendered the way units make their files, and the fields every form must read the same.

Shared by ``tests/readers/test_form_invariance.py`` (a small fixed sample) and ``bench/form_invariance.py`` (the
corpus's text tables read right). A project's reading (:class:`perfbudget.model.Project`) is laid out as the
published forms are: the header block (项目名称, 主管部门, the funds block under one label cell merged down, 年度目标)
above the indicator header and rows, 一级/二级 written once and merged down their runs. Then written:

* **Word** (python-docx): one table, the merges as Word makes them (``w:vMerge`` down, ``w:gridSpan`` across);
* **Excel** (openpyxl): merged ranges; amounts as numbers under ``#,##0.00``, a bare percentage as ``0.95`` under
  ``0%``, a bare number as a number;
* **HTML**: ``rowspan``/``colspan``, as a CMS page keeps a pasted form;
* **LibreOffice** conversions of those: .doc and PDF from the Word file, .xls, .ods, PDF and .et (since forms43: the
  .xls of LibreOffice's Excel 97 filter under WPS's name, no file WPS wrote) from the Excel file.

That is the clean :data:`CLEAN` layout. Units' files are messier: each :class:`Layout` of :data:`LAYOUTS` is one
habit of theirs, written by the same writers (forms42): the indicator header on two rows (绩效指标 over 一级/二级/三级,
the value columns merged down); names and labels broken inside their cells (Word's soft line break, Excel's Alt+Enter,
HTML's ``<br>``); a Word table cut in two at a page break, its header repeated or not; the indicator rows a table
nested in a cell of the form; two projects in one file (one after the other, or an Excel sheet each); percentages as
``95`` under ``0"%"`` or ``0.95`` under ``0.00%`` and dates as serial numbers; hidden stale rows and columns; a Word
page turned landscape or rows tall enough to run the table over two pages; an HTML table padded with ``&nbsp;`` inside
a CMS page's ``<div>`` layout.

:func:`reading_of` gives what must not depend on the form: the project's name, year, money unit and funds, and each
indicator's levels, 三级 name, comparator, value, unit, a target without a figure's words (2025年12月, 长期) (and a
self-evaluation's weight, actual — the figure it states — and score).
"""

from __future__ import annotations

import datetime
import html
import re
import shutil
import subprocess
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from perfbudget.model import Document, Project
from perfbudget.readers.cell_values import one_value
from perfbudget.target import parse_target

SELF_EVALUATION = "self-evaluation"
_PERCENT = re.compile(r"(\d+(?:\.(\d+))?)%")
_NUMBER = re.compile(r"\d+(?:\.(\d+))?")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Cell:
    """One cell of the form: its text, and the number a spreadsheet keeps with its format (None: text), or the date
    a typed date becomes (kept as a date only by a layout with ``dates``)."""

    text: str
    number: Decimal | None = None
    number_format: str = "General"
    date: tuple[datetime.date, str] | None = None


@dataclass
class Form:
    """A project laid out as a form: a title, rows of ``width`` cells, merged areas (top, left, bottom, right); the
    indicator header's first row and its rows, the rows and columns a spreadsheet hides, and the rows a Word table
    keeps deleted as tracked changes."""

    title: str
    width: int
    rows: list[list[Cell]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    header: int = 0
    header_rows: int = 1
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    struck_rows: frozenset[int] = frozenset()

    def add(self, cells: list[Cell], span_last: bool = True) -> int:
        """Add a row (padded to the width; its last cell spanning the rest when `span_last`); its index."""
        row = len(self.rows)
        self.rows.append(cells + [Cell("")] * (self.width - len(cells)))
        if span_last and len(cells) < self.width:
            self.merges.append((row, len(cells) - 1, row, self.width - 1))
        return row

    @property
    def first(self) -> int:
        """The first indicator row."""
        return self.header + self.header_rows


def _decimals(text: str | None) -> int:
    return len(text) if text else 0


def _amount(value: Decimal) -> Cell:
    """An amount as a spreadsheet shows it: thousands grouped, two decimal places or the amount's own."""
    places = max(2, -int(value.as_tuple().exponent))
    return Cell(f"{value:,.{places}f}", value, "#,##0." + "0" * places)


def _figure(text: str) -> Cell:
    """A value cell as a spreadsheet keeps it when the form's author typed a bare percentage, number or date."""
    percent = _PERCENT.fullmatch(text)
    if percent:
        places = _decimals(percent.group(2))
        return Cell(text, Decimal(percent.group(1)) / 100, "0" + ("." + "0" * places if places else "") + "%")
    number = _NUMBER.fullmatch(text)
    if number:
        places = _decimals(number.group(1))
        return Cell(text, Decimal(text), "0" + ("." + "0" * places if places else ""))
    date = _DATE.fullmatch(text)
    if date and 1 <= int(date.group(2)) <= 12 and (date.group(3) is None or 1 <= int(date.group(3)) <= 28):
        day = datetime.date(int(date.group(1)), int(date.group(2)), int(date.group(3) or 1))
        return Cell(text, date=(day, 'yyyy"年"m"月"d"日"' if date.group(3) else 'yyyy"年"m"月"'))
    return Cell(text)


def _runs(values: list[str]) -> list[tuple[int, int]]:
    """(first, last) of each run of equal values."""
    runs: list[tuple[int, int]] = []
    for number, value in enumerate(values):
        if runs and values[runs[-1][0]] == value:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def form_of(document: Document, project: Project) -> Form:
    """The project laid out as units lay out the form (see the module's docstring)."""
    self_evaluation = document.kind == SELF_EVALUATION
    indicators = project.indicators
    columns = ["一级指标", "二级指标", "三级指标", "年度指标值" if self_evaluation else "指标值"]
    if self_evaluation:
        columns += ["实际完成值"]
        if any(i.weight is not None for i in indicators):
            columns += ["分值"]
        if any(i.score is not None for i in indicators):
            columns += ["得分"]
    width = max(len(columns), 5 if self_evaluation else 4)
    kind = "绩效自评表" if self_evaluation else "绩效目标表"
    year = f"（{project.fund_year}年度）" if project.fund_year else ""
    form = Form(f"项目支出{kind}{year}", width)
    form.add([Cell("项目名称"), Cell(project.name)])
    if document.unit.name:
        form.add([Cell("主管部门"), Cell(document.unit.name)])
    _add_funds(form, document, project, self_evaluation)
    if project.goals:
        form.add([Cell("年度目标"), Cell("\n".join(project.goals))])
    form.header = form.add([Cell(c) for c in columns], span_last=False)
    first = len(form.rows)
    for item in indicators:
        cells = [Cell(item.level1), Cell(item.level2), Cell(item.level3), _figure(item.target.raw)]
        if self_evaluation:
            cells.append(_figure(item.actual or ""))
            if "分值" in columns:
                cells.append(_figure(str(item.weight)) if item.weight is not None else Cell(""))
            if "得分" in columns:
                cells.append(_figure(str(item.score)) if item.score is not None else Cell(""))
        form.add(cells, span_last=False)
    for column in (0, 1):
        keys = [(i.level1, i.level2)[: column + 1] for i in indicators]
        for top, bottom in _runs([repr(k) for k in keys]):
            if bottom > top:
                form.merges.append((first + top, column, first + bottom, column))
                for row in range(first + top + 1, first + bottom + 1):
                    form.rows[row][column] = Cell("")
    return form


def _add_funds(form: Form, document: Document, project: Project, self_evaluation: bool) -> None:
    """The funds block: one label cell merged down beside a row a source."""
    budget = project.budget
    label = Cell(f"项目资金（{document.money_unit or '万元'}）")
    lines = [(name, value) for name, value in (("年度资金总额", budget.total), ("其中：财政拨款", budget.fiscal),
                                               ("其他资金", budget.other)) if value is not None]
    if not lines:
        return
    top = len(form.rows)
    if self_evaluation:
        form.add([label, Cell(""), Cell("年初预算数"), Cell("全年预算数"), Cell("全年执行数")], span_last=False)
        for name, value in lines:
            initial = budget.initial if name == "年度资金总额" else None
            executed = budget.executed if name == "年度资金总额" else None
            form.add([Cell(""), Cell(name), _amount(initial) if initial is not None else Cell(""), _amount(value),
                      _amount(executed) if executed is not None else Cell("")], span_last=False)
    else:
        for name, value in lines:
            form.add([Cell(""), Cell(name), _amount(value)])
        form.rows[top][0] = label
    form.rows[top][0] = label
    if len(form.rows) - 1 > top:
        form.merges.append((top, 0, len(form.rows) - 1, 0))


def reading_of(document: Document | None, by_figure: bool = False, goals: bool = False) -> list[tuple[object, ...]]:
    """What every form of a table must read the same: per project its head (with its ``goals``: a layout numbering
    them), then one tuple an indicator; each actual value as its text, or ``by_figure`` as the figure it states (a
    layout keeping percentages under ``0.00%``)."""
    if document is None:
        return []
    fields: list[tuple[object, ...]] = []
    for project in document.projects:
        budget = project.budget
        amounts = (budget.total, budget.fiscal, budget.other)
        unit = document.money_unit if any(a is not None for a in amounts) else None  # a form without funds names none
        fields.append(("project", project.name, project.fund_year, unit, *amounts))
        if goals:
            fields.append(("goals", *project.goals))
        for item in project.indicators:
            target = item.target
            worded = target.raw.strip() if target.value is None else None  # 2025年12月, 影响程度明显: the words
            fields.append((item.level1, item.level2, item.level3, target.op, target.value, target.unit, worded,
                           item.weight, _figure_of(item.actual) if by_figure else item.actual, item.score))
    return fields


def _figure_of(text: str | None) -> object:
    """An actual value as the figure it states (``100%`` and ``100.00%`` alike, as a sheet's ``0.00%`` shows the
    typed 100%), or its text where it states none: only for ``Layout.percent == "places"``; every other layout must
    give the actual's text as typed."""
    if text is None:
        return None
    actual = parse_target(text)
    return (actual.op, actual.value, actual.unit) if actual.value is not None else text


# --- layouts -----------------------------------------------------------------------------------------------------

FORMS = ("docx", "xlsx", "html", "doc", "docx-pdf", "xls", "ods", "xlsx-pdf", "et")


@dataclass(frozen=True)
class Layout:
    """One way units lay out the form beyond the clean one, and the file forms it is written in. The options: the
    indicator header over ``header_rows`` rows; names and labels ``broken`` inside their cells; ``projects`` forms a
    file (an Excel sheet each with ``sheet_per_project``, else one after the other); a Word table ``split`` in two at
    a page break (``repeat``: its header repeated; ``once``: not); the indicator rows ``nested`` in a cell; bare
    percentages kept as ``fraction`` (0.95 under 0%), ``places`` (0.95 under 0.00%) or ``literal`` (95 under
    0"%"); typed ``dates`` as date serials; ``hidden`` stale rows and columns; a Word page ``landscape`` or its rows
    ``tall`` enough for two pages; an HTML table padded with ``nbsp`` inside a CMS page's ``div`` layout. Since forms43:
    the 一级 and 二级 cells of a group whose two names are one merged ``across`` both columns (Word's ``w:gridSpan``,
    Excel's range, ``colspan``); the indicator header ``repeat`` at the top of every page (Word's 标题行重复,
    ``w:tblHeader``, on the indicator table under the header block's; Excel's 打印标题) with rows tall enough for
    three pages; the page as Word saves a document as a web page (``word_html``: ``mso-`` styles, ``<o:p>``, a run a
    script in its ``<span>``, GB2312); the page's table inside the site's ``layout_tables``. Since forms44: an Excel
    form ``far`` right and down under a logo row (an image and the system's banner); every figure and amount typed as
    ``text_numbers`` (Excel's green triangle: text with a leading ``'``, ``quotePrefix``); a Word form ``boxed`` in a
    text box (``wps:txbx``, with its VML fallback copy); in content ``controls`` (the table in a block control, the
    indicator rows in a repeating section, each value cell a plain-text control); each target ``tracked`` as typed over
    a former one with track changes on (``w:del``/``w:ins``) and a struck row deleted as a change; an HTML table whose
    last ``rowspan``s and ``colspan``s count past its edge (``overspans``), as CMS editors leave them. Since forms45:
    each target and actual ``split_values`` inside its cell (``≥95`` / ``%``: a second Word paragraph, Excel's
    Alt+Enter, a second ``<p>`` on a page whose runs (``<span>``) also cut the figure); a ``cover`` sheet before the
    sheets a project (the workbook's 封面: its title, the unit, the date); the form in a landscape ``section`` between
    portrait ones (a cover page before it, a 填报说明 page after it, each its own section); several projects on a page
    under ``headings`` (``<h3>``, a note under each table) with the indicator header in ``<th>`` cells; a merged
    range's value
    standing ``off_corner``, in its range's second cell, as programs and WPS leave it (the top-left cell empty; an
    older value in a third cell, covered); Word's
    vertical merges ``unmarked``: the top cell written as continuing (``<w:vMerge/>``) like the cells under it, without
    ``w:val="restart"``, as some programs write them; every 三级 name ``lined`` two characters a line (a narrow column
    typed with line breaks), so rows are tall and the page breaks inside a row's text (Word's rows may break across
    pages). Since forms46: the 年度目标 cell's goals a Word ``numbered`` list (each goal a paragraph whose ``1.`` Word
    draws from ``numbering.xml``, ``w:numPr``, as its AutoFormat makes of a typed ``1.``; a list a cell, from 1), the
    goals then compared too (:func:`reading_of`'s ``goals``); the form's title in a text box (``title_box``: a drawn
    ``wps:txbx`` anchored in an empty paragraph above the table, with its VML copy), as units place a title over a
    form they paste. Since forms47: every figure of a Word form a field's result (``fields``: an amount a
    ``w:fldSimple`` formula, a target or actual a complex field, ``w:fldChar`` and a ``MERGEFIELD``'s
    ``w:instrText``, as a mail merge or a form template leaves them: the result read, never the instruction); every
    name of an Excel form ``rich`` text (runs of their own fonts, ``CellRichText``: a bold first word, a red tail), as
    units mark words they changed; the goals ``numbered`` as an HTML ``<ol>`` too (each goal an ``<li>`` whose number
    the browser draws, as LibreOffice and CMS editors save a list); each ≥ ≤ ± × ÷ ≠ ° of a Word form a ``symbols``
    sign from the Symbol font (``w:sym``, 插入 → 符号: no text in the file)."""

    name: str
    forms: tuple[str, ...] = FORMS
    header_rows: int = 1
    broken: bool = False
    projects: int = 1
    sheet_per_project: bool = False
    split: Literal["", "repeat", "once"] = ""
    nested: bool = False
    percent: Literal["fraction", "places", "literal"] = "fraction"
    dates: bool = False
    hidden: bool = False
    landscape: bool = False
    tall: bool = False
    nbsp: bool = False
    div: bool = False
    across: bool = False
    repeat: bool = False
    word_html: bool = False
    layout_tables: bool = False
    far: bool = False
    text_numbers: bool = False
    boxed: bool = False
    controls: bool = False
    tracked: bool = False
    overspans: bool = False
    split_values: bool = False
    cover: bool = False
    section: bool = False
    headings: bool = False
    off_corner: bool = False
    unmarked: bool = False
    lined: bool = False
    numbered: bool = False
    title_box: bool = False
    fields: bool = False
    rich: bool = False
    symbols: bool = False


CLEAN = Layout("clean")
_WORD = ("docx", "docx-pdf", "doc")
_SHEET = ("xlsx", "xls", "ods", "xlsx-pdf", "et")
LAYOUTS = (
    CLEAN,
    Layout("two-row header", ("docx", "docx-pdf", "xlsx", "xls", "ods", "html"), header_rows=2),
    Layout("broken lines", ("docx", "docx-pdf", "xlsx", "ods", "xlsx-pdf", "html"), broken=True),
    Layout("split, header repeated", _WORD, split="repeat"),
    Layout("split, header once", ("docx", "docx-pdf"), split="once"),
    Layout("nested indicators", ("docx", "docx-pdf", "html"), nested=True),
    Layout("two projects", ("docx", "docx-pdf", "xlsx", "xls", "html"), projects=2),
    Layout("a sheet a project", ("xlsx", "xls", "ods"), projects=2, sheet_per_project=True),
    Layout("95 under 0\"%\", dates", _SHEET, percent="literal", dates=True),
    Layout("0.95 under 0.00%", ("xlsx", "xls", "ods"), percent="places"),
    Layout("hidden rows and columns", _SHEET, hidden=True),
    Layout("landscape", ("docx", "docx-pdf"), landscape=True),
    Layout("over two pages", ("docx-pdf",), tall=True, header_rows=2),
    Layout("nbsp in a div page", ("html",), nbsp=True, div=True, header_rows=2),
    Layout("levels merged across", ("docx", "docx-pdf", "doc", "xlsx", "xls", "ods", "xlsx-pdf", "et", "html"),
           across=True),
    Layout("header on every page", ("docx", "docx-pdf", "doc", "xlsx", "xlsx-pdf"), repeat=True),
    Layout("Word's web page", ("html",), word_html=True, broken=True),
    Layout("in layout tables", ("html",), layout_tables=True, header_rows=2),
    Layout("far right under a logo", _SHEET, far=True),
    Layout("numbers typed as text", ("xlsx", "xls", "ods", "xlsx-pdf", "et"), text_numbers=True),
    Layout("in a text box", ("docx", "doc"), boxed=True),
    # (content controls: no .doc — Word's .doc has none, and LibreOffice's odt → .doc → docx of them garbles the
    # cells into repeated FORMTEXT fields, no file a unit makes)
    Layout("content controls", ("docx", "docx-pdf"), controls=True),
    Layout("tracked changes", ("docx", "doc"), tracked=True),
    Layout("spans past the edge", ("html",), overspans=True, header_rows=2),
    Layout("values split in their cells", ("docx", "docx-pdf", "doc", "xlsx", "ods", "html"), split_values=True),
    Layout("a cover sheet", ("xlsx", "xls", "ods", "et"), projects=2, sheet_per_project=True, cover=True),
    Layout("a landscape section", ("docx", "docx-pdf", "doc"), section=True),
    Layout("projects under headings", ("html",), projects=3, headings=True),
    Layout("merged values off the corner", ("xlsx", "xls", "et"), off_corner=True),
    Layout("merges without restart", ("docx", "docx-pdf", "doc"), unmarked=True),
    Layout("rows cut by the page", ("docx", "docx-pdf"), lined=True),
    Layout("goals a numbered list", (*_WORD, "html"), numbered=True),
    Layout("title in a text box", _WORD, title_box=True),
    Layout("figures in fields", _WORD, fields=True),
    Layout("rich text names", ("xlsx", "xls", "ods", "et"), rich=True),
    Layout("signs from the Symbol font", _WORD, symbols=True),
)


def laid_out(form: Form, layout: Layout) -> Form:
    """The form as the layout changes it before any writer: the header's rows, broken texts, stale hidden parts."""
    if layout.header_rows == 2:
        form = _two_row_header(form)
    if layout.broken:
        form = _broken(form)
    if layout.hidden:
        form = _with_stale_parts(form)
    if layout.across:
        form = _levels_across(form)
    if layout.split_values:
        form = _split_values(form)
    if layout.numbered:
        rows = [list(row) for row in form.rows]
        for row in rows[:form.header]:
            if row[0].text == "年度目标":
                row[1] = Cell(PARAGRAPH.join(LIST_ITEM + goal for goal in row[1].text.split("\n")))
        form = replace(form, rows=rows)
    if layout.lined:
        rows = [list(row) for row in form.rows]
        for row in rows[form.first:]:
            name = row[2].text
            row[2] = Cell("\n".join(name[k:k + 2] for k in range(0, len(name), 2)))
        form = replace(form, rows=rows)
    if layout.tracked:  # a struck indicator left in the table as a deleted row (track changes on)
        form = _inserted(form, form.first, [Cell("产出指标"), Cell("数量指标"), Cell("上年已取消的指标"), Cell("1项")])
        form = replace(form, struck_rows=form.struck_rows | {form.first})
    return form


def _areas_of_column(form: Form, column: int) -> list[tuple[int, int]]:
    """(top, bottom) of each cell of an indicator column: a run merged down, or one row."""
    merged = {top: bottom for top, left, bottom, right in form.merges if left == column == right and top >= form.first}
    areas, row = [], form.first
    while row < len(form.rows):
        bottom = merged.get(row, row)
        areas.append((row, bottom))
        row = bottom + 1
    return areas


def _levels_across(form: Form) -> Form:
    """A group whose 一级 and 二级 names are one (满意度指标 | 满意度指标) written once, merged across both level
    columns and down the group's rows, as units merge it."""
    seconds = set(_areas_of_column(form, 1))
    rows = [list(row) for row in form.rows]
    merges = list(form.merges)
    for top, bottom in _areas_of_column(form, 0):
        if (top, bottom) not in seconds or not rows[top][0].text or rows[top][0].text != rows[top][1].text:
            continue
        merges = [area for area in merges if area not in ((top, 0, bottom, 0), (top, 1, bottom, 1))]
        merges.append((top, 0, bottom, 1))
        rows[top][1] = Cell("")
    return replace(form, rows=rows, merges=merges)


def _inserted(form: Form, at: int, cells: list[Cell]) -> Form:
    """The form with a row inserted at `at` (merges below it moved down, those across it stretched)."""
    rows = [list(row) for row in form.rows]
    rows.insert(at, cells + [Cell("")] * (form.width - len(cells)))
    merges = [(top + (top >= at), left, bottom + (bottom >= at), right) for top, left, bottom, right in form.merges]
    hidden = frozenset(row + (row >= at) for row in form.hidden_rows)
    struck = frozenset(row + (row >= at) for row in form.struck_rows)
    return replace(form, rows=rows, merges=merges, hidden_rows=hidden, struck_rows=struck,
                   header=form.header + (form.header >= at))


def _two_row_header(form: Form) -> Form:
    """绩效指标 over 一级/二级/三级 on a row above; the other columns' names merged down both rows."""
    top, header = form.header, form.rows[form.header]
    form = replace(_inserted(form, top, [Cell("绩效指标"), Cell(""), Cell(""), *header[3:]]), header=top)
    form.rows[top + 1] = header[:3] + [Cell("")] * (form.width - 3)
    form.merges.append((top, 0, top, 2))
    form.merges += [(top, column, top + 1, column) for column in range(3, form.width) if header[column].text]
    return replace(form, header_rows=2)


def _broken_text(text: str) -> str:
    """A text broken in two near its middle between two ideographs, as a person breaks a long name in a cell."""
    middle = len(text) // 2
    for place in sorted(range(1, len(text)), key=lambda place: abs(place - middle)):
        if _CJK.match(text[place - 1]) and _CJK.match(text[place]):
            return text[:place] + "\n" + text[place:]
    return text


def _broken(form: Form) -> Form:
    """The indicator header's names (一级\\n指标), the funds label (项目资金\\n（万元）), the project's name of 16
    characters or more and 三级 names of 10 or more broken inside their cells."""
    rows = [list(row) for row in form.rows]
    for column, cell in enumerate(rows[form.header]):
        if len(cell.text) >= 4:
            rows[form.header][column] = Cell(cell.text[:2] + "\n" + cell.text[2:])
    for number, row in enumerate(rows[:form.header]):
        label, value = row[0].text, row[1].text
        if label.endswith("）") and "（" in label:
            row[0] = Cell(label.replace("（", "\n（", 1))
        elif label == "项目名称" and len(value) >= 16:
            rows[number][1] = Cell(_broken_text(value))
    for row in rows[form.first:]:
        if len(row[2].text) >= 10:
            row[2] = Cell(_broken_text(row[2].text))
    return replace(form, rows=rows)


PARAGRAPH = "\u2029"  # a cell's text: a new paragraph here (Word's second paragraph, a page's second ``<p>``)
LIST_ITEM = "\ue001"  # a cell paragraph's start: an item of the cell's numbered list (Word's w:numPr; forms46)
_UNIT_AT = re.compile(r"^([^\d]*\d[\d.,]*)(\D.*)$")


def _split_value(text: str) -> str:
    """A value as a person fits it in a narrow cell: the figure, then its unit in a paragraph of its own (``≥95`` /
    ``%``, ``12`` / ``个``), a figure without a unit or words broken between two ideographs; two targets
    (``≥95%；≤100%``) one a paragraph, their 「；」 left out (the reader's ``one_value`` puts it back)."""
    first, mark, rest = text.partition("；")
    if mark and one_value(f"{first}\n{rest}") == text:
        return first + PARAGRAPH + rest
    found = _UNIT_AT.match(text)
    if found and found.group(2).strip():
        return found.group(1) + PARAGRAPH + found.group(2)
    broken = _broken_text(text)
    return broken.replace("\n", PARAGRAPH)


def _split_values(form: Form) -> Form:
    """Each target and actual of three characters or more split inside its cell (``_split_value``), the cell's
    number (a spreadsheet's) kept only when it stays whole."""
    rows = [list(row) for row in form.rows]
    columns = [n for n, cell in enumerate(form.rows[form.header])
               if cell.text in ("指标值", "年度指标值", "实际完成值")]
    for row in rows[form.first:]:
        for column in columns:
            text = row[column].text
            if len(text) >= 3 and (split := _split_value(text)) != text:
                row[column] = Cell(split)
    return replace(form, rows=rows)


def _with_stale_parts(form: Form) -> Form:
    """A hidden column of last year's values beside the form and a hidden row of a struck indicator under its header,
    as a sheet filled in from last year's keeps them."""
    stale = [Cell("产出指标"), Cell("数量指标"), Cell("上年已取消的指标"), Cell("1项")]
    form = _inserted(form, form.first, stale)
    rows = [[*row, Cell("")] for row in form.rows]
    rows[form.header][-1] = Cell("上年指标值")
    for row in rows[form.first + 1:]:
        row[-1] = Cell(f"上年{row[3].text}") if row[3].text else Cell("")
    return replace(form, rows=rows, width=form.width + 1, hidden_rows=form.hidden_rows | {form.first},
                   hidden_columns=frozenset({form.width}))


# --- writers -----------------------------------------------------------------------------------------------------

Area = tuple[int, int, int, int]
Part = tuple[list[list[Cell]], list[Area]]


def _covered(merges: list[Area]) -> dict[tuple[int, int], Area]:
    """Each merged area by its top-left cell."""
    return {(top, left): (top, left, bottom, right) for top, left, bottom, right in merges}


def _part(form: Form, rows: range, repeated: range = range(0)) -> Part:
    """The form's `rows` (after its `repeated` header rows) as a table of their own: the merges within them, those
    across their edges cut there (a merge cut at its top keeps its text in the part above, as Word's 拆分表格 does)."""
    numbers = [*repeated, *rows]
    cells = [list(form.rows[number]) for number in numbers]
    merges: list[Area] = []
    for block in (repeated, rows):
        if not block:
            continue
        offset = numbers.index(block[0])
        for top, left, bottom, right in form.merges:
            first, last = max(top, block[0]), min(bottom, block[-1])
            if first < last or (first == last and left < right):
                merges.append((first - block[0] + offset, left, last - block[0] + offset, right))
                if first > top:
                    cells[first - block[0] + offset][left] = Cell("")
    return cells, merges


def _word_parts(form: Form, layout: Layout) -> list[Part]:
    """The form's Word tables: one, or two cut in the middle of its indicators (the header repeated on the second)."""
    everything = range(len(form.rows))
    if not layout.split or len(form.rows) - form.first < 2:
        return [_part(form, everything)]
    cut = form.first + (len(form.rows) - form.first) // 2
    header = range(form.header, form.first) if layout.split == "repeat" else range(0)
    return [_part(form, range(cut)), _part(form, range(cut, len(form.rows)), header)]


def _fill_word_table(table: object, part: Part, tall: float | None = None) -> None:
    """Write a part's cells into a python-docx table and merge its areas (their text the top-left cell's)."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm
    from docx.table import Table

    assert isinstance(table, Table)
    rows, merges = part
    for number, row in enumerate(rows):
        for column, cell in enumerate(row):
            if cell.text:
                _word_text(table.cell(number, column), cell.text)
        if tall:
            table.rows[number].height = Cm(tall)
            table.rows[number].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for top, left, bottom, right in merges:
        text = rows[top][left].text
        merged = table.cell(top, left).merge(table.cell(bottom, right))
        _word_text(merged, text)


def _word_text(cell: Any, text: str) -> None:
    """A Word cell's text: a line break (``\\n``) Word's soft one (python-docx's ``<w:br/>``), a ``PARAGRAPH`` mark a
    paragraph more."""
    first, *more = text.split(PARAGRAPH)
    cell.text = first
    for part in more:
        cell.add_paragraph(part)


def write_docx(forms: list[Form], path: Path, layout: Layout = CLEAN) -> None:
    """A Word file: each form's title, then the form as one table with Word's own merges (or as the layout cuts it:
    two tables at a page break, the indicator rows nested in a cell); a landscape page, tall rows."""
    from docx import Document as WordDocument
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_BREAK

    word = WordDocument()
    if layout.section:  # a portrait cover page, the form in a landscape section, a portrait page of notes after it
        _cover_page(word, forms[0])
        section = word.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    if layout.landscape:
        section = word.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for form in forms:
        title = word.add_paragraph(form.title)
        if layout.title_box:
            _in_text_box(title._p, 2)
        tall = max(1.2, 36 / len(form.rows)) if layout.tall else None
        if layout.nested:
            outer = _part(form, range(form.header))
            rows = [*outer[0], [Cell("绩效指标")] + [Cell("")] * (form.width - 1)]
            table = word.add_table(rows=len(rows), cols=form.width)
            table.style = "Table Grid"
            _fill_word_table(table, (rows, outer[1]))
            holder = table.cell(len(rows) - 1, 1).merge(table.cell(len(rows) - 1, form.width - 1))
            inner = _part(form, range(form.header, len(form.rows)))
            nested = holder.add_table(rows=len(inner[0]), cols=form.width)
            nested.style = "Table Grid"
            _fill_word_table(nested, inner, tall)
            continue
        if layout.repeat:
            _repeating_word_tables(word, form)
            continue
        for number, part in enumerate(_word_parts(form, layout)):
            if number:
                word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            table = word.add_table(rows=len(part[0]), cols=form.width)
            table.style = "Table Grid"
            _fill_word_table(table, part, tall)
            if layout.unmarked:
                for merge in table._tbl.iterfind(".//w:vMerge", _WORD_NAMES):
                    merge.attrib.pop(f"{{{_WORD_NS}}}val", None)  # (the restart mark left out)
            if layout.tracked:
                _tracked(table._tbl, form)
            if layout.controls:
                _in_controls(table._tbl, form)
            if layout.boxed:
                _in_text_box(table._tbl)
            if layout.fields:
                _in_fields(table._tbl)
            if layout.symbols:
                _symbol_signs(table._tbl)
    if layout.numbered:
        _numbered_lists(word)
    if layout.section:
        notes = word.add_section(WD_SECTION.NEW_PAGE)
        notes.orientation = WD_ORIENT.PORTRAIT
        notes.page_width, notes.page_height = notes.page_height, notes.page_width
        word.add_paragraph("填报说明")
        word.add_paragraph("1．本表由项目单位填报，主管部门审核。")
        word.add_paragraph("2．指标值应当量化，不能量化的以定性表述。")
    word.save(str(path))


def _numbered_lists(word: Any) -> None:
    """Each run of a cell's paragraphs marked ``LIST_ITEM`` a numbered list of its own (``1.``, from 1: a ``w:num``
    with a ``w:startOverride`` over one decimal ``w:abstractNum``), the mark taken out of the text."""
    from docx.oxml import parse_xml

    numbering = word.part.numbering_part.element
    abstract_id = 90
    first_num = numbering.find("w:num", _WORD_NAMES)
    definition = parse_xml(f'<w:abstractNum xmlns:w="{_WORD_NS}" w:abstractNumId="{abstract_id}"><w:lvl w:ilvl="0">'
                           '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
                           '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
    if first_num is not None:
        first_num.addprevious(definition)
    else:
        numbering.append(definition)
    num_id, cell = 89, None
    for p in word.element.body.iter(f"{{{_WORD_NS}}}p"):
        texts = p.findall(".//w:t", _WORD_NAMES)
        if not texts or not (texts[0].text or "").startswith(LIST_ITEM):
            continue
        texts[0].text = (texts[0].text or "")[len(LIST_ITEM):]
        if p.getparent() is not cell:
            cell, num_id = p.getparent(), num_id + 1
            numbering.append(parse_xml(f'<w:num xmlns:w="{_WORD_NS}" w:numId="{num_id}"><w:abstractNumId '
                                       f'w:val="{abstract_id}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
                                       "</w:lvlOverride></w:num>"))
        numbered = p.get_or_add_pPr().get_or_add_numPr()  # (in the schema's place among the paragraph's properties)
        numbered.get_or_add_ilvl().val = 0
        numbered.get_or_add_numId().val = num_id


_FIELD_FIGURE = re.compile(r"^[≥≤<>＞＜=]*\s*\d")
_AMOUNT = re.compile(r"^\d{1,3}(?:,\d{3})*\.\d+$")


def _in_fields(tbl: Any) -> None:
    """Each paragraph of the table showing a figure made a field's result: an amount (``1,234.00``) a
    ``w:fldSimple`` formula giving it (``=1234.00``: a program updating the fields prints the same), any other a
    complex field (``w:fldChar`` begin, a ``MERGEFIELD``'s ``w:instrText``, separate, the runs as its result, end), as
    Word keeps a formula or a mail merge's field."""
    from docx.oxml import parse_xml

    w = f'xmlns:w="{_WORD_NS}"'
    for p in tbl.iter(f"{{{_WORD_NS}}}p"):
        runs = p.findall("w:r", _WORD_NAMES)
        text = "".join(t.text or "" for run in runs for t in run.iterfind("w:t", _WORD_NAMES))
        if not runs or not _FIELD_FIGURE.match(text):
            continue
        if _AMOUNT.match(text) and len(text.rsplit(".", 1)[1]) <= 2:  # (LibreOffice prints a formula's result
            # it computes again with two places whatever the picture: 438.768 a MERGEFIELD's result below)
            picture = "#,##0." + "0" * len(text.rsplit(".", 1)[1])  # (the amount's own places: 438.768 stays)
            field = parse_xml(f'<w:fldSimple {w} w:instr=" ={text.replace(",", "")} \\# &quot;{picture}&quot; "/>')
            runs[0].addprevious(field)
            for run in runs:
                field.append(run)
            continue
        runs[0].addprevious(parse_xml(f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>'))
        runs[0].addprevious(parse_xml(f'<w:r {w}><w:instrText xml:space="preserve"> MERGEFIELD 指标值{len(text)} '
                                      "\\* MERGEFORMAT </w:instrText></w:r>"))
        runs[0].addprevious(parse_xml(f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>'))
        runs[-1].addnext(parse_xml(f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>'))


_SYMBOL_SIGNS = {"≥": "F0B3", "≤": "F0A3", "±": "F0B1", "×": "F0B4", "÷": "F0B8", "≠": "F0B9", "°": "F0B0"}


def _symbol_signs(tbl: Any) -> None:
    """Each ≥ ≤ ± × ÷ ≠ ° of the table inserted from the Symbol font (Word's 插入 → 符号: a run of its own holding
    ``<w:sym w:font="Symbol" w:char="F0B3"/>``, no text), the run's other text around it."""
    from docx.oxml import parse_xml

    w = f'xmlns:w="{_WORD_NS}"'
    for t in list(tbl.iter(f"{{{_WORD_NS}}}t")):
        text, run = t.text or "", t.getparent()
        if not any(sign in text for sign in _SYMBOL_SIGNS) or run.tag != f"{{{_WORD_NS}}}r":
            continue
        pieces = re.split("([" + "".join(_SYMBOL_SIGNS) + "])", text)
        t.text = pieces[0]
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        after = run
        for piece in pieces[1:]:
            made = parse_xml(f'<w:r {w}><w:sym w:font="Symbol" w:char="{_SYMBOL_SIGNS[piece]}"/></w:r>'
                             if piece in _SYMBOL_SIGNS else
                             f'<w:r {w}><w:t xml:space="preserve">{html.escape(piece)}</w:t></w:r>')
            after.addnext(made)
            after = made


def _rich(text: str) -> Any:
    """A name as rich text: its first two characters bold, the rest after them in red (runs of their own fonts)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    return CellRichText([TextBlock(InlineFont(b=True), text[:2]), TextBlock(InlineFont(color="FF0000"), text[2:])])


def _unit_of(form: Form) -> str:
    """The form's 主管部门 as its header block names it, else empty (a cover page's or sheet's 申报单位)."""
    return next((row[1].text for row in form.rows[:form.header] if row[0].text == "主管部门"), "")


def _cover_page(word: Any, form: Form) -> None:
    """A cover page as units put before the form: the document's title, the unit and the date, each a paragraph."""
    unit = _unit_of(form)
    word.add_paragraph(form.title.replace("项目支出", "").replace("表", "") + "申报材料")
    if unit:
        word.add_paragraph(f"申报单位（盖章）：{unit}")
    word.add_paragraph("填报日期：2024年3月1日")


_WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WORD_NAMES = {"w": _WORD_NS}
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


def _grid_cells(tr: Any) -> list[tuple[int, Any]]:
    """A row's ``w:tc`` elements with the grid column each starts at."""
    cells, column = [], 0
    for tc in tr.iterchildren(f"{{{_WORD_NS}}}tc"):
        cells.append((column, tc))
        span = tc.find("w:tcPr/w:gridSpan", _WORD_NAMES)
        column += int(span.get(f"{{{_WORD_NS}}}val")) if span is not None else 1
    return cells


def _control(content: list[Any], properties: str) -> Any:
    """A content control (``w:sdt``) around `content` (put in its place), with ``properties`` in its ``w:sdtPr``."""
    from docx.oxml import parse_xml

    control = parse_xml(f'<w:sdt xmlns:w="{_WORD_NS}" xmlns:w15="{_W15}"><w:sdtPr>{properties}</w:sdtPr>'
                        "<w:sdtContent/></w:sdt>")
    content[0].addprevious(control)
    inner = control.find("w:sdtContent", _WORD_NAMES)
    for element in content:
        inner.append(element)
    return control


def _in_controls(tbl: Any, form: Form) -> None:
    """The table as a template with content controls holds it: each indicator row's value cell a plain-text control,
    the indicator rows a repeating section (an item a row), the whole table in a block control."""
    rows = list(tbl.iterchildren(f"{{{_WORD_NS}}}tr"))
    for number, tr in enumerate(rows[form.first:], start=1):
        for column, tc in _grid_cells(tr):
            if column == 3:
                _control([tc], f'<w:alias w:val="指标值"/><w:id w:val="{100 + number}"/><w:text/>')
    items = [_control([tr], f'<w:id w:val="{300 + number}"/><w15:repeatingSectionItem/>')
             for number, tr in enumerate(rows[form.first:])]
    if items:
        _control(items, '<w:alias w:val="绩效指标"/><w:id w:val="299"/><w15:repeatingSection/>')
    _control([tbl], '<w:alias w:val="绩效目标表"/><w:tag w:val="form"/><w:id w:val="298"/>')


def _tracked(tbl: Any, form: Form) -> None:
    """Track changes on: each indicator's value typed over a former 待定 (``w:del`` then ``w:ins``), the struck rows
    deleted (``w:trPr/w:del``, their text ``w:delText``)."""
    from docx.oxml import parse_xml

    stamp = f'xmlns:w="{_WORD_NS}" w:author="财务科" w:date="2024-02-01T09:00:00Z"'
    rows = list(tbl.iterchildren(f"{{{_WORD_NS}}}tr"))
    for number, tr in enumerate(rows):
        struck = number in form.struck_rows
        if struck:
            properties = tr.find("w:trPr", _WORD_NAMES)
            if properties is None:
                properties = parse_xml(f'<w:trPr xmlns:w="{_WORD_NS}"/>')
                tr.insert(0, properties)
            properties.append(parse_xml(f'<w:del {stamp} w:id="{900 + number}"/>'))
        elif number < form.first:
            continue
        for column, tc in _grid_cells(tr):
            if not struck and column != 3:
                continue
            for paragraph in tc.iterfind("w:p", _WORD_NAMES):
                runs = paragraph.findall("w:r", _WORD_NAMES)
                if not runs:
                    continue
                if struck:
                    change = parse_xml(f'<w:del {stamp} w:id="{1000 + 10 * number + column}"/>')
                    for t in (t for run in runs for t in run.iterfind("w:t", _WORD_NAMES)):
                        t.tag = f"{{{_WORD_NS}}}delText"
                else:
                    paragraph.insert(paragraph.index(runs[0]), parse_xml(
                        f'<w:del {stamp} w:id="{2000 + number}"><w:r><w:delText>待定</w:delText></w:r></w:del>'))
                    change = parse_xml(f'<w:ins {stamp} w:id="{3000 + number}"/>')
                runs[0].addprevious(change)
                for run in runs:
                    change.append(run)


_BOX = """<w:p xmlns:w="{w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="5274310" cy="{height}"/>
<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>
<a:xfrm><a:off x="0" y="0"/><a:ext cx="5274310" cy="{height}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>
<wps:txbx><w:txbxContent/></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t">
<a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>
<mc:Fallback><w:pict>
<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">
<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
<v:shape id="文本框 1" type="#_x0000_t202" style="width:415.3pt;height:{points}pt">
<v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent/></v:textbox></v:shape>
</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"""


def _in_text_box(tbl: Any, rows: int | None = None) -> None:
    """The table (or a paragraph, ``rows`` high) moved into a text box (文本框) anchored in a paragraph of its own, in
    place of it: the box Word draws (``wps:txbx``) and its VML copy for older readers (``mc:Fallback``), each with
    the table or paragraph."""
    import copy

    from docx.oxml import parse_xml

    rows = rows if rows is not None else len(tbl.findall("w:tr", _WORD_NAMES))
    points = 40 + 30 * rows
    holder = parse_xml(_BOX.format(w=_WORD_NS, height=points * 12700, points=points))
    tbl.addprevious(holder)
    drawn, fallback = holder.findall(f".//{{{_WORD_NS}}}txbxContent")
    fallback.append(copy.deepcopy(tbl))
    fallback.append(parse_xml(f'<w:p xmlns:w="{_WORD_NS}"/>'))
    drawn.append(tbl)
    drawn.append(parse_xml(f'<w:p xmlns:w="{_WORD_NS}"/>'))


def _repeating_word_tables(word: object, form: Form) -> None:
    """The header block as one table, and under it the indicator table with its header rows marked to repeat at the
    top of every page (标题行重复, ``w:tblHeader``), its rows tall enough for three pages."""
    from docx.document import Document as WordDocument
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    assert isinstance(word, WordDocument)
    tall = max(1.5, 60 / max(1, len(form.rows) - form.first))
    for number, part in enumerate((_part(form, range(form.header)), _part(form, range(form.header, len(form.rows))))):
        if number:
            word.add_paragraph()
        table = word.add_table(rows=len(part[0]), cols=form.width)
        table.style = "Table Grid"
        _fill_word_table(table, part, tall if number else None)
        if number:
            for row in table.rows[: form.header_rows]:
                properties = row._tr.get_or_add_trPr()
                mark = OxmlElement("w:tblHeader")
                mark.set(qn("w:val"), "true")
                properties.append(mark)
                row.height = None


def _sheet_value(cell: Cell, layout: Layout) -> tuple[object, str | None]:
    """What a spreadsheet keeps in the cell and its number format (None: typed text)."""
    if cell.date is not None and layout.dates:
        return cell.date[0], cell.date[1]
    if cell.number is None or layout.text_numbers:
        return cell.text.replace(PARAGRAPH, "\n") or None, None
    if cell.number_format.endswith("%") and layout.percent == "literal":
        return cell.number * 100, cell.number_format[:-1] + '"%"'
    if cell.number_format.endswith("%") and layout.percent == "places":
        return cell.number, "0.00%"
    return cell.number, cell.number_format


def write_xlsx(forms: list[Form], path: Path, layout: Layout = CLEAN) -> None:
    """An Excel workbook: each form's title merged over its width, the form under it (the next form two rows below,
    or on a sheet of its own), numbers with their formats, the layout's hidden rows and columns hidden."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "绩效目标"
    top = _logo_rows(sheet) if layout.far else 1
    if layout.cover:  # the workbook's 封面 first, each form on a sheet after it
        _cover_sheet(sheet, forms[0])
        sheet = book.create_sheet("绩效目标")
    for number, form in enumerate(forms):
        if number and layout.sheet_per_project:
            sheet = book.create_sheet(f"绩效目标{number + 1}")
            top = _logo_rows(sheet) if layout.far else 1
        top = _write_sheet_form(sheet, form, top, layout, _FAR_LEFT if layout.far else 1) + 2
    book.save(str(path))


def _cover_sheet(sheet: Any, form: Form) -> None:
    """A workbook's cover sheet as units put first: the title merged wide, the unit and the date under it, and the
    list of the sheets after it."""
    unit = _unit_of(form)
    sheet.title = "封面"
    sheet.cell(row=3, column=2, value=form.title.replace("项目支出", "项目").replace("表", "") + "申报材料")
    sheet.merge_cells(start_row=3, start_column=2, end_row=3, end_column=8)
    if unit:
        sheet.cell(row=8, column=3, value="申报单位（盖章）：")
        sheet.cell(row=8, column=4, value=unit)
    sheet.cell(row=9, column=3, value="填报日期：")
    sheet.cell(row=9, column=4, value="2024年3月1日")
    sheet.cell(row=11, column=3, value="目录：各项目绩效目标表见后续工作表")


_FAR_LEFT = 5  # the form's first column (E) under a logo row: ``far``


def _logo_rows(sheet: object) -> int:
    """A logo row as a unit's template has it (the emblem drawn over B1:B2 and the system's banner beside it) and a
    blank row under it; the row the form's title goes on."""
    import io

    from openpyxl.drawing.image import Image
    from openpyxl.worksheet.worksheet import Worksheet
    from PIL import Image as Picture

    assert isinstance(sheet, Worksheet)
    picture = io.BytesIO()
    Picture.new("RGB", (48, 48), (200, 30, 30)).save(picture, format="PNG")
    emblem = Image(picture)
    emblem.anchor = "B1"
    sheet.add_image(emblem)
    sheet.cell(row=1, column=3, value="预算管理一体化系统")
    sheet.row_dimensions[1].height = 40
    return 4


def _write_sheet_form(sheet: object, form: Form, top: int, layout: Layout, start: int = 1) -> int:
    """Write the form at row `top` of the sheet (its title on that row) from column `start` on; the sheet's last row
    of it (a figure typed as text with ``text_numbers``: Excel's leading ``'``, its green triangle)."""
    from openpyxl.styles import Alignment, Border, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(sheet, Worksheet)
    sheet.cell(row=top, column=start, value=form.title)
    sheet.merge_cells(start_row=top, start_column=start, end_row=top, end_column=start + form.width - 1)
    wrap = Alignment(wrap_text=True, vertical="center")
    thin = Side(style="thin")
    ruled = Border(left=thin, right=thin, top=thin, bottom=thin)
    for number, row in enumerate(form.rows, start=top + 1):
        for column, cell in enumerate(row, start=start):
            value, number_format = _sheet_value(cell, layout)
            if layout.rich and isinstance(value, str) and len(value) > 2 and _CJK.match(value):
                value = _rich(value)
            target = sheet.cell(row=number, column=column, value=value)  # type: ignore[arg-type]
            if number_format is None:
                target.data_type = "s"  # typed text: ``=100%`` stays the text the form shows, no formula
                target.quotePrefix = layout.text_numbers and cell.number is not None
            else:
                target.number_format = number_format
            target.alignment = wrap
            target.border = ruled
    for first, left, bottom, right in form.merges:
        sheet.merge_cells(start_row=first + top + 1, start_column=left + start, end_row=bottom + top + 1,
                          end_column=right + start)
        if layout.off_corner and bottom > first >= form.first:  # the value in the range's second cell, none on top
            _off_corner(sheet, first + top + 1, left + start, bottom - first + 1)
    widths = (12, 14, 30, 16, 14, 8, 8, 8, 8)[: form.width]
    for column, width in enumerate(widths, start=start):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = width
        sheet.column_dimensions[letter].hidden = column - start in form.hidden_columns
    for number, lines in enumerate(_lines_a_row(form, widths), start=top + 1):
        sheet.row_dimensions[number].height = 15 * lines + 2  # what Excel's 自动调整行高 gives: no text overflows
        sheet.row_dimensions[number].hidden = number - top - 1 in form.hidden_rows
    if layout.repeat:  # 打印标题: the indicator header on every printed page; rows tall enough for three pages
        sheet.print_title_rows = f"{form.header + top + 1}:{form.first + top}"
        tall = max(45, 1800 // max(1, len(form.rows) - form.first))
        for number in range(form.first + top + 1, len(form.rows) + top + 1):
            sheet.row_dimensions[number].height = max(sheet.row_dimensions[number].height or 0, tall)
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # printed one page wide, as units print a form
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    return top + len(form.rows)


def _off_corner(sheet: Any, row: int, column: int, height: int) -> None:
    """Move a merged range's value from its top-left cell to the cell under it (a program or WPS leaves it there;
    Excel, WPS and LibreOffice show the range blank); a range of three rows or more keeps another text, an older
    value WPS left, in its third cell (covered by the merge: told, never read)."""
    from openpyxl.cell.cell import Cell as SheetCell

    shown = sheet.cell(row=row, column=column)
    value, style = shown.value, shown._style
    shown.value = None
    for below, text in ((1, value), (2, None if value is None else f"原{value}"))[:height - 1]:
        under = SheetCell(sheet, row=row + below, column=column, value=text)
        under._style = style
        sheet._cells[(row + below, column)] = under


def _lines_a_row(form: Form, widths: tuple[int, ...]) -> list[int]:
    """Lines each row needs for its cells' wrapped text (a CJK character two widths; a merged area's own width)."""
    areas = _covered(form.merges)
    needed = []
    for number, row in enumerate(form.rows):
        most = 1
        for column, cell in enumerate(row):
            top, left, bottom, right = areas.get((number, column), (number, column, number, column))
            if bottom > top or not cell.text:
                continue  # a cell merged down has the rows' height together
            room = sum(widths[left:right + 1]) - 1
            lines = 0
            for line in cell.text.split("\n"):
                units = sum(5 if ord(character) > 0x2E80 else 3 for character in line) / 2  # with a margin
                lines += max(1, -int(-units // room))
            most = max(most, lines)
        needed.append(most)
    return needed


def _html_rows(part: Part, layout: Layout, header: range | None = None) -> list[str]:
    """A part's rows as ``<tr>`` lines with ``rowspan``/``colspan`` (``&nbsp;`` padding with ``nbsp``; with
    ``overspans`` a cell reaching the last row or column spanning two more, as CMS editors leave spans after rows
    and columns were deleted: a browser ends them at the table's edge; the ``header`` rows as ``<th>`` cells, the rows
    in a ``<tbody>``)."""
    rows, merges = part
    areas = _covered(merges)
    if layout.overspans:
        last, width = len(rows) - 1, max(len(row) for row in rows)
        areas = {(top, left): (top, left, bottom + 2 * (bottom == last), right + 2 * (right == width - 1 > left))
                 for (top, left), (_t, _l, bottom, right) in areas.items()}
        areas |= {(last, column): (last, column, last + 2, column) for column in (0, 1) if (last, column) not in areas}
    hidden = {(r, c) for top, left, bottom, right in merges for r in range(top, bottom + 1)
              for c in range(left, right + 1) if (r, c) != (top, left)}
    lines = []
    for number, row in enumerate(rows):
        cells = []
        for column, cell in enumerate(row):
            if (number, column) in hidden:
                continue
            span = ""
            if (number, column) in areas:
                top, left, bottom, right = areas[(number, column)]
                span += f" rowspan=\"{bottom - top + 1}\"" if bottom > top else ""
                span += f" colspan=\"{right - left + 1}\"" if right > left else ""
            text = "<br>".join(html.escape(part) for part in cell.text.split("\n"))
            if LIST_ITEM in text:  # a cell's numbered paragraphs an <ol>, each an <li> whose number the browser draws
                text = "<ol>" + "".join(f"<li><p>{part.replace(LIST_ITEM, '')}</p></li>"
                                        for part in text.split(PARAGRAPH)) + "</ol>"
            if PARAGRAPH in text:  # a paragraph a part, a CMS editor's runs cutting the figure (<span>9</span><span>5)
                text = "".join(f"<p><span>{_cut_run(part)}</span></p>" for part in text.split(PARAGRAPH))
            if layout.nbsp:
                text = f"&nbsp;{text}&nbsp;" if text else "&nbsp;"
            tag = "th" if header is not None and number in header else "td"
            cells.append(f"<{tag}{span}>{text}</{tag}>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    if header:  # the rows in a <tbody>, as an editor's table tool writes them
        lines = ["<tbody>", *lines, "</tbody>"]
    return lines


def _cut_run(text: str) -> str:
    """A run cut after its first digit, as an editor's formatting leaves a figure in two ``<span>``s."""
    found = re.search(r"\d(?=\d)", text)
    return text if found is None else f"{text[:found.end()]}</span><span>{text[found.end():]}"


def write_html(forms: list[Form], path: Path, layout: Layout = CLEAN) -> None:
    """A CMS page: each form's title, then the form as one table with ``rowspan``/``colspan`` (the indicator rows
    nested in a cell with ``nested``); inside the site's ``<div>`` layout with ``div``, its layout tables with
    ``layout_tables``; or the page Word saves (``word_html``)."""
    if layout.word_html:
        path.write_bytes(_word_web_page(forms))
        return
    body: list[str] = []
    for form in forms:
        if layout.headings:
            body += [f"<h3>{html.escape(form.title)}</h3>", "<table border=\"1\">",
                     *_html_rows(_part(form, range(len(form.rows))), layout, range(form.header, form.first)),
                     "</table>", "<p>注：指标值为全年目标。</p>"]
            continue
        body += [f"<p>{html.escape(form.title)}</p>", "<table border=\"1\">"]
        if layout.nested:
            body += _html_rows(_part(form, range(form.header)), layout)
            inner = _html_rows(_part(form, range(form.header, len(form.rows))), layout)
            body += [f"<tr><td>绩效指标</td><td colspan=\"{form.width - 1}\"><table border=\"1\">", *inner,
                     "</table></td></tr>"]
        else:
            body += _html_rows(_part(form, range(len(form.rows))), layout)
        body.append("</table>")
    if layout.div:
        body = ["<div class=\"header\"><div class=\"logo\">政府信息公开</div><ul class=\"nav\"><li>首页</li>"
                "<li>政务公开</li><li>财政预决算</li></ul></div>", "<div class=\"main\"><div class=\"position\">"
                "当前位置：首页 &gt; 政务公开 &gt; 财政预决算</div><div class=\"article\">",
                "<div class=\"info\"><span>发布时间：2024-03-01</span><span>浏览次数：128</span></div>",
                "<div class=\"TRS_Editor\">", *body, "</div></div></div>",
                "<div class=\"footer\"><p>主办单位：本级人民政府办公室</p></div>"]
    if layout.layout_tables:
        body = ["<table width=\"980\" border=\"0\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\">",
                "<tr><td colspan=\"2\" height=\"120\" class=\"banner\">本级人民政府门户网站</td></tr>",
                "<tr><td width=\"200\" valign=\"top\"><table width=\"100%\" cellspacing=\"0\">"
                "<tr><td class=\"menu\"><a href=\"/\">首页</a></td></tr>"
                "<tr><td class=\"menu\"><a href=\"/zwgk\">政务公开</a></td></tr>"
                "<tr><td class=\"menu\"><a href=\"/czyjs\">财政预决算</a></td></tr></table></td>",
                "<td valign=\"top\"><table width=\"100%\" border=\"0\" cellpadding=\"6\">",
                "<tr><td class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; 财政预决算</td></tr>",
                "<tr><td align=\"center\">发布时间：2024-03-01　　浏览次数：128</td></tr>", "<tr><td>", *body,
                "</td></tr></table></td></tr>", "<tr><td colspan=\"2\" align=\"center\">主办单位：本级人民政府办公室"
                "　　网站标识码：1234000001</td></tr>", "</table>"]
    lines = ["<html><head><meta charset=\"utf-8\"></head><body>", *body, "</body></html>"]
    path.write_text("\n".join(lines), encoding="utf-8")


_WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:SpellingState>Clean</w:SpellingState>
  <w:DocumentKind>DocumentNotSpecified</w:DocumentKind>
  <w:Compatibility><w:SpaceForUL/></w:Compatibility>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
\t{font-family:宋体;
\tpanose-1:2 1 6 0 3 1 1 1 1 1;
\tmso-font-charset:134;}
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{mso-style-unhide:no;
\tmargin:0cm;
\ttext-align:justify;
\ttext-justify:inter-ideograph;
\tfont-size:10.5pt;
\tfont-family:等线;}
@page WordSection1
\t{size:595.3pt 841.9pt;
\tmargin:72.0pt 90.0pt 72.0pt 90.0pt;}
div.WordSection1
\t{page:WordSection1;}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>
"""


def _word_runs(line: str) -> str:
    """A line as Word's runs: a ``<span>`` a script (ideographs in the East Asian font, Latin letters and digits
    ``lang=EN-US``), the source broken inside the tags as Word breaks its lines."""
    runs: list[str] = []
    for part in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", line):
        text = html.escape(part, quote=False)
        if part.isascii():
            runs.append(f"<span\nlang=EN-US>{text}</span>")
        else:
            runs.append(f"<span style='font-family:宋体;mso-ascii-font-family:等线;\nmso-hansi-font-family:等线'>{text}"
                        "</span>")
    return "".join(runs)


def _word_cell(cell: Cell, span: str, width: int) -> str:
    """A ``<td>`` as Word saves it: its width and borders in styles, a ``<p class=MsoNormal>`` a paragraph, each closed
    by an ``<o:p>`` (``&nbsp;`` in it for an empty cell)."""
    paragraphs = [f"  <p class=MsoNormal align=center style='text-align:center'>{_word_runs(line)}<span\n"
                  "  lang=EN-US><o:p></o:p></span></p>" for line in cell.text.split("\n") if line]
    if not paragraphs:
        paragraphs = ["  <p class=MsoNormal align=center style='text-align:center'><span lang=EN-US><o:p>&nbsp;</o:p>"
                      "</span></p>"]
    return (f"  <td width={width}{span} style='width:{width * 0.75:.1f}pt;border:solid windowtext 1.0pt;\n"
            "  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n" + "\n".join(paragraphs)
            + "\n  </td>")


def _word_web_page(forms: list[Form]) -> bytes:
    """The forms as Word saves its document as a web page (网页, .htm): GB2312 with the characters it lacks as
    references, ``mso-`` styles, a ``<span>`` a run, ``<o:p>`` closing each paragraph, and the row of empty cells
    Word adds under a table whose columns do not line up (``<![if !supportMisalignedColumns]>``)."""
    parts = [_WORD_HEAD]
    for form in forms:
        parts.append("<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:16.0pt;"
                     f"\nfont-family:黑体'>{html.escape(form.title)}</span></b><span lang=EN-US><o:p></o:p></span></p>")
        parts.append("\n<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0\n"
                     " style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;\n"
                     " mso-yfti-tbllook:1184'>")
        rows, merges = _part(form, range(len(form.rows)))
        areas = _covered(merges)
        hidden = {(r, c) for top, left, bottom, right in merges for r in range(top, bottom + 1)
                  for c in range(left, right + 1) if (r, c) != (top, left)}
        widths = [95, 113, 189, 123, 113, 57, 57, 57, 57][: form.width]
        for number, row in enumerate(rows):
            cells = []
            for column, cell in enumerate(row):
                if (number, column) in hidden:
                    continue
                top, left, bottom, right = areas.get((number, column), (number, column, number, column))
                span = f" rowspan={bottom - top + 1}" if bottom > top else ""
                span += f" colspan={right - left + 1}" if right > left else ""
                cells.append(_word_cell(cell, span, sum(widths[left:right + 1])))
            parts.append(f" <tr style='mso-yfti-irow:{number}'>\n" + "\n".join(cells) + "\n </tr>")
        parts.append(" <![if !supportMisalignedColumns]>\n <tr height=0>\n"
                     + "\n".join(f"  <td width={width} style='border:none'></td>" for width in widths)
                     + "\n </tr>\n <![endif]>\n</table>\n\n"
                     "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
    parts.append("\n</div>\n\n</body>\n\n</html>\n")
    return "\n".join(parts).replace("\n", "\r\n").encode("gb2312", errors="xmlcharrefreplace")


def convert_all(sources: list[Path], target: str, directory: Path, profile: Path) -> list[Path]:
    """Convert every file with one LibreOffice run (``--convert-to``); the converted files, in order."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is needed to convert the renderings")
    directory.mkdir(parents=True, exist_ok=True)
    subprocess.run([program, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--convert-to",
                    target, "--outdir", str(directory), *map(str, sources)],
                   check=True, capture_output=True, timeout=900)
    suffix = target.split(":")[0]
    return [directory / f"{source.stem}.{suffix}" for source in sources]


def render_all(files: list[list[Form]], names: list[str], directory: Path, wanted: tuple[str, ...] = FORMS,
               layout: Layout = CLEAN) -> dict[str, list[Path]]:
    """The ``wanted`` forms of every file (its forms laid out by `layout`): {form: the files in the given order} (a
    LibreOffice run a target form: both PDFs in one, the Word file named ``N-word``, the Excel file ``N-sheet``)."""
    directory.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[Path]] = {"docx": [], "xlsx": [], "html": []}
    for forms, name in zip(files, names, strict=True):
        laid = [laid_out(form, layout) for form in forms]
        for suffix, stem, writer in (("docx", "word", write_docx), ("xlsx", "sheet", write_xlsx),
                                     ("html", "page", write_html)):
            path = directory / f"{name}-{stem}.{suffix}"
            writer(laid, path, layout)
            written[suffix].append(path)
    profile = directory / "lo-profile"
    if "doc" in wanted:
        # LibreOffice drops python-docx's tables when it writes .doc straight from the .docx; through its own .odt
        # (a document opened, edited and saved as .doc in Writer) the table is kept
        middle = convert_all(written["docx"], "odt", directory / "odt", profile)
        written["doc"] = convert_all(middle, "doc:MS Word 97", directory / "doc", profile)
    printed = [source for form, source in (("docx-pdf", "docx"), ("xlsx-pdf", "xlsx")) if form in wanted]
    pdfs = convert_all([path for source in printed for path in written[source]], "pdf", directory / "pdf",
                       profile) if printed else []
    for number, source in enumerate(printed):
        written[f"{source}-pdf"] = pdfs[number * len(files):(number + 1) * len(files)]
    for form in ("xls", "ods", "et"):  # (.et: LibreOffice's .xls under WPS's name; no file WPS wrote)
        if form in wanted:
            written[form] = convert_all(written["xlsx"], form, directory / form, profile)
    return {form: written[form] for form in wanted}
