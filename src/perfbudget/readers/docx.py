"""Reader for Word documents (.docx, also as saved by WPS), with python-docx and its lxml tree.

Every table in the body becomes a raw table on the grid of its columns: a cell
spanning columns (``w:gridSpan``) gives its text to its first column and blanks to
the others; a cell continuing a vertical merge (``w:vMerge`` without ``restart``)
is blank, as in the seed's text form (its own text, where it differs from the top cell's, told, not read). In a column
whose merge began with no restart mark (a program writing a merge's top cell as continuing too) a continuing cell
holding text starts a merge there, its text read as LibreOffice shows it, and told (forms45: the text was dropped, its
rows then without their 一级, or under the 二级 of the merge above). A cell's paragraphs are joined by newlines.
The table's heading is the last paragraph before it (a ``…绩效目标表`` one preferred).
A page-layout table (tables in its cells, no form label of its own) is not read: the paragraphs and
tables of its cells are, as if they stood in the body. Text is read as the tracked changes would be
accepted: insertions kept, deletions (``w:delText``) and moved-away text (``w:moveFrom``) left out. A text
box is read once (its ``mc:Fallback`` copy is skipped); one holding a table is read as blocks after its paragraph.
Content controls (``w:sdt``) and custom XML (``w:customXml``) around tables, rows and cells are read as what they
hold; hidden text (``w:vanish``, also through a character or paragraph style that hides) is not read, and told with a
warning at its cell. A comment (批注) anchored in a cell is kept with the field the cell gave (``word_comments``).

Cells are read straight from the XML of each row (``w:tc``) rather than through
``Table.cell()``, which re-walks the grid for every call.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from perfbudget.config import Limits
from perfbudget.model import Document, Problem, Severity, Source
from perfbudget.readers import traditional
from perfbudget.readers.bounds import Budget, LimitExceeded
from perfbudget.readers.container import check_zip, word_cells, xml_elements, xml_problem
from perfbudget.readers.continuation import declared_continuation
from perfbudget.readers.grid import CONTINUED_TABLE, Cell, ListedCell, RawTable, covered, spanning
from perfbudget.readers.header_block import money_unit_in, with_label_lines, with_unit_line
from perfbudget.readers.interpret import interpret_tables
from perfbudget.readers.invisible import visible
from perfbudget.readers.label_lines import (
    cut_value_line,
    goal_line,
    label_line_cells,
    lead_line_cells,
    section_pair,
    tab_row_cells,
)
from perfbudget.readers.labels import column_role, header_field, is_any_label, level_of
from perfbudget.readers.stream import better_heading
from perfbudget.readers.style_chains import inherited
from perfbudget.readers.text_chunks import (
    RTF_CHUNKS,
    TEXT_CHUNKS,
    as_paragraphs,
    chunk_kind,
    chunk_text,
    is_table_text,
    rtf_chunk_word,
    text_chunk_tables,
)
from perfbudget.readers.word_comments import anchor_cell, document_comments, with_word_comments
from perfbudget.readers.word_numbering import LIST_NUMBER, MOST_LABEL, mark_list_numbers
from perfbudget.readers.word_revisions import (
    cell_change,
    has_revisions,
    revised_paragraph,
    revisions_problems,
    row_change,
)
from perfbudget.readers.word_symbols import PRIVATE_USE, SYM, symbol_font_text, symbol_text, unknown_symbol

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_T, _TAB, _BR, _CR = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
_TCPR, _GRIDSPAN, _VMERGE, _VAL = f"{_W}tcPr", f"{_W}gridSpan", f"{_W}vMerge", f"{_W}val"
_TRPR, _GRIDBEFORE, _SDT, _SDTCONTENT = f"{_W}trPr", f"{_W}gridBefore", f"{_W}sdt", f"{_W}sdtContent"
_SDTPR = f"{_W}sdtPr"
_CUSTOM_XML, _R, _RPR, _VANISH = f"{_W}customXml", f"{_W}r", f"{_W}rPr", f"{_W}vanish"
_TXBX, _ALT_CHUNK = f"{_W}txbxContent", f"{_W}altChunk"
_CELL_DELETED = f"{_W}cellDel"  # a cell deleted as a tracked change (``w:tcPr/w:cellDel``)
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Markup that wraps tables, rows or cells without being shown: a content control (w:sdt, its w:sdtContent) and
# custom XML (w:customXml, of forms made for a data schema); Word shows what they hold where they stand
_WRAPPERS = (_SDT, _CUSTOM_XML)
# Text never read: tracked deletions and moves away, and the fallback copy of a text box (a drawing's
# mc:AlternateContent holds the text box twice, as mc:Choice and as a VML mc:Fallback)
_WITHDRAWN = (f"{_W}del", f"{_W}moveFrom", _FALLBACK)
_OFF = ("0", "false", "off")
# a content control left unfilled shows its placeholder (``w:showingPlcHdr``: 单击或点击此处输入文字。), no value
_SHOWING_PLACEHOLDER = f"{_W}showingPlcHdr"
_PLACEHOLDER_RUN = "{urn:perfbudget}placeholder"  # (an attribute marking the runs of such a placeholder)
_PLACEHOLDER = "\ue000"  # (marks a placeholder's text among the hidden texts told)
_UNKNOWN_SYMBOL = "\ue001"  # (marks a symbol font's character not read, told as such: word_symbols.unknown_symbol)


def _unwrapped(parent: Any, *tags: str) -> Iterator[Any]:
    """The children of ``parent`` with one of ``tags``, also those inside content controls and custom XML (at any
    depth: a control's ``w:sdtContent``, a ``w:customXml``'s children), in document order."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDTCONTENT)
            if content is not None:
                yield from _unwrapped(content, *tags)
        elif child.tag == _CUSTOM_XML:
            yield from _unwrapped(child, *tags)


def is_hidden_run(run: Any) -> bool:
    """A run formatted as hidden text (``w:rPr/w:vanish``, 隐藏文字): Word and WPS neither show nor print it."""
    props = run.find(_RPR)
    vanish = props.find(_VANISH) if props is not None else None
    return vanish is not None and (vanish.get(_VAL) or "true").lower() not in _OFF


_STYLE, _STYLE_ID, _BASED_ON = f"{_W}style", f"{_W}styleId", f"{_W}basedOn"
_R_STYLE, _P_STYLE, _PPR = f"{_W}rStyle", f"{_W}pStyle", f"{_W}pPr"


def _styles_hiding(styles: Any) -> dict[str, bool]:
    """Each style's hidden-text setting as it applies (its own ``w:rPr/w:vanish``, else the one of the style it is
    based on), for the styles that set one; empty when no style hides text."""
    own: dict[str, bool | None] = {}
    parents: dict[str, str] = {}
    for style in styles.iter(_STYLE) if styles is not None else ():
        name = style.get(_STYLE_ID) or ""
        props = style.find(_RPR)
        vanish = props.find(_VANISH) if props is not None else None
        own[name] = None if vanish is None else (vanish.get(_VAL) or "true").lower() not in _OFF
        if (based := style.find(_BASED_ON)) is not None:
            parents[name] = based.get(_VAL) or ""
    if not any(own.values()):
        return {}
    return inherited({name: setting for name, setting in own.items() if setting is not None}, parents)


def mark_style_hidden(root: Any, hiding: Mapping[str, bool]) -> int:
    """Give ``w:vanish`` to every run of ``root`` that a style hides (a character style with 隐藏 — a template's
    「填写说明」 style —, else its paragraph's style) and that does not say otherwise itself, so that such text is not
    read and told as any hidden text; the number of runs marked. Word applies the run's own setting first, then its
    character style's, then its paragraph style's. ``hiding``: :func:`_styles_hiding` of the file's styles, worked
    out once for the body and all its page headers and footers (per part, 500 headers over 20,000 chained styles
    took 52 s of CPU)."""
    if not any(hiding.values()):
        return 0
    marked = 0
    for run in root.iter(_R):
        props = run.find(_RPR)
        if props is not None and props.find(_VANISH) is not None:
            continue
        style = props.find(_R_STYLE) if props is not None else None
        hidden = hiding.get(style.get(_VAL) or "") if style is not None else None
        if hidden is None:
            paragraph = run.getparent()
            while paragraph is not None and paragraph.tag != _P:
                paragraph = paragraph.getparent()
            pstyle = paragraph.find(f"{_PPR}/{_P_STYLE}") if paragraph is not None else None
            hidden = hiding.get(pstyle.get(_VAL) or "") if pstyle is not None else None
        if hidden:
            if props is None:
                props = run.makeelement(_RPR, {})
                run.insert(0, props)
            props.append(props.makeelement(_VANISH, {}))
            marked += 1
    return marked


def mark_placeholders(root: Any) -> None:
    """Hide the runs of every content control of ``root`` that shows its placeholder (``w:sdtPr/w:showingPlcHdr``:
    nothing was filled in, Word shows the template's grey prompt 「单击或点击此处输入文字。」), so that the prompt is
    not read as the cell's value but told as such (:func:`hidden_text_problems`). Each element is looked at once: a
    control inside one already hidden is skipped with it (controls nested 100 deep over 20,000 runs hid every run
    once a control, 22 s and 300 MB for a 38 KB file until attack34), and a flag outside a control's properties
    is none (under a header's root it raised)."""
    for flag in list(root.iter(_SHOWING_PLACEHOLDER)):
        properties = flag.getparent()
        control = properties.getparent() if properties is not None and properties.tag == _SDTPR else None
        content = control.find(_SDTCONTENT) if control is not None else None
        if content is not None and not content.get(_PLACEHOLDER_RUN):
            _hide_placeholder(content)


def _hide_placeholder(content: Any) -> None:
    """The runs under a placeholder's ``w:sdtContent`` hidden and marked, the contents under it marked (done)."""
    stack = [content]
    while stack:
        element = stack.pop()
        if element.tag == _SDTCONTENT:
            if element is not content and element.get(_PLACEHOLDER_RUN):
                continue  # (hidden already, with all it holds)
            element.set(_PLACEHOLDER_RUN, "1")
        elif element.tag == _R:
            props = element.find(_RPR)
            if props is None:
                props = element.makeelement(_RPR, {})
                element.insert(0, props)
            props.append(props.makeelement(_VANISH, {}))
            element.set(_PLACEHOLDER_RUN, "1")
        stack.extend(reversed(element))


def _styles_element(part: Any) -> Any | None:
    """The ``w:styles`` element of a Word part's styles, or None when it has none."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    return _related_element(part, RELATIONSHIP_TYPE.STYLES)


def _numbering_element(part: Any) -> Any | None:
    """The ``w:numbering`` element of a Word part's list definitions (``numbering.xml``), or None when it has none."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    return _related_element(part, RELATIONSHIP_TYPE.NUMBERING)


def _related_element(part: Any, relationship: str) -> Any | None:
    """The root element of the part ``part`` relates to by ``relationship``, or None when it has none."""
    try:
        return part.part_related_by(relationship).element
    except (KeyError, AttributeError):
        return None


def _boxed_tables(p: Any) -> list[Any]:
    """The text boxes anchored in the paragraph that hold a table (their ``w:txbxContent``, not the VML fallback
    copy): such a box is read as blocks of its own after the paragraph, its table a table."""
    return [box for box in p.iter(_TXBX) if box.find(f".//{_TBL}") is not None and _outermost_box(box, p)]


def _outermost_box(box: Any, p: Any) -> bool:
    """The text box is the paragraph's own: neither the VML fallback copy nor a box inside another box of it."""
    for ancestor in box.iterancestors():
        if ancestor is p:
            return True
        if ancestor.tag in (_FALLBACK, _TXBX):
            return False
    return True


def paragraph_text(p: Any, hidden: list[str] | None = None) -> str:
    """The paragraph's text as accepted: tracked insertions kept, deletions and moved-away text left out (Word
    writes deleted text as ``w:delText``, never read, but text moved away as ``w:t`` inside ``w:moveFrom``); a
    text box anchored in it read once (not again from its ``mc:Fallback`` copy), each of its paragraphs on a line of
    its own (forms36: ``填报单位：某局`` and ``单位：万元`` ran together), and not at all when it holds a table (read as
    blocks of its own, ``_blocks``). Hidden text (``w:vanish``) is not read, as Word does not show
    it: its texts go to ``hidden`` (to be told)."""
    withdrawn = {t for change in p.iter(*_WITHDRAWN) for t in change.iter(_T, SYM, _TAB, _BR, _CR, _P)}
    if next(p.iter(_VANISH), None) is not None:
        for run in p.iter(_R):
            if is_hidden_run(run):
                texts = [t for t in run.iter(_T) if t not in withdrawn]
                withdrawn.update(run.iter(_T, SYM, _TAB, _BR, _CR))  # (its tabs and breaks are hidden too)
                if hidden is not None and (shown := "".join(t.text or "" for t in texts).strip()):
                    hidden.append(_PLACEHOLDER + shown if run.get(_PLACEHOLDER_RUN) else shown)
    boxed = next(p.iter(_TXBX), None) is not None
    for box in _boxed_tables(p) if boxed else ():
        withdrawn.update(box.iter(_T, SYM, _TAB, _BR, _CR))
    parts = []
    for node in p.iter(_T, SYM, _TAB, _BR, _CR, _P) if boxed else p.iter(_T, SYM, _TAB, _BR, _CR):
        if withdrawn and node in withdrawn:
            continue
        tag = node.tag
        if tag == _T:
            text = node.text or ""
            parts.append(symbol_font_text(text, node.getparent()) if PRIVATE_USE.search(text) else text)
        elif tag == SYM:  # a symbol font's character, ≥ or a tick (word_symbols); one not known told
            if (symbol := symbol_text(node)) is not None:
                parts.append(symbol)
            elif hidden is not None:
                hidden.append(_UNKNOWN_SYMBOL + unknown_symbol(node))
        elif tag == _TAB:
            parts.append("\t")
        elif node is not p:  # (a line break, or a text box's paragraph on a line of its own)
            parts.append("\n")
    if (number := p.get(LIST_NUMBER)) is not None:  # the number Word draws before a list's item (word_numbering)
        parts.insert(0, number)
    return visible("".join(parts))  # without the invisible characters (readers/invisible.py), in a cell or not


def _listed_lines(tc: Any) -> frozenset[str]:
    """The lines of a cell that start with the number Word draws for a list's item (``word_numbering``): whatever the
    label's format (``①``, ``a)``, ``I.``, ``1.1.``), the break before each is the writer's (``cell_values.one_line``
    keeps it; only a decimal or Chinese-counting label looks numbered by its text)."""
    return frozenset(line for p in tc.iter(_P) if p.get(LIST_NUMBER) is not None
                     and (line := paragraph_text(p).split("\n", 1)[0].strip()))


_MARK_DELETED = f"{_PPR}/{_RPR}/{_W}del"  # a paragraph mark deleted as a tracked change


def _cell_text(tc: Any, hidden: list[str] | None = None) -> str:
    """The cell's paragraphs, one a line (each without its invisible characters: :func:`paragraph_text`); a
    paragraph whose mark is a tracked deletion runs on into the next, as Word shows the change accepted."""
    paragraphs = list(tc.iter(_P))
    if len(paragraphs) == 1:
        return paragraph_text(paragraphs[0], hidden).strip("\n")
    if next(tc.iter(_TXBX), None) is not None:
        tabled = _boxes_holding_tables(tc)
        paragraphs = [p for p in paragraphs if not _read_with_its_anchor(p, tc, tabled)]
    return "".join(paragraph_text(p, hidden) + ("" if p.find(_MARK_DELETED) is not None else "\n")
                   for p in paragraphs).strip("\n")


def _read_with_its_anchor(p: Any, tc: Any, tabled: set[Any]) -> bool:
    """The paragraph stands in a text box of the cell whose text the paragraph anchoring the box gives
    (:func:`paragraph_text`), or in a box's VML fallback copy (never read): not read again on its own (4bbee630 read
    a cell's text box three times, ``≥500平方米`` on three lines: once with its anchor, once from the box's
    ``mc:Choice``, once from its ``mc:Fallback``). A box holding a table (``tabled``) is not read by its anchor: its
    paragraphs are the cell's, as before."""
    for ancestor in p.iterancestors():
        if ancestor is tc:
            return False
        if ancestor.tag == _FALLBACK or (ancestor.tag == _TXBX and ancestor not in tabled):
            return True
    return False


def _boxes_holding_tables(tc: Any) -> set[Any]:
    """The cell's text boxes (``w:txbxContent``) holding a table, found from the tables up, once a cell (each
    paragraph searched its box for a table until attack35: a box of 8,000 paragraphs cost 2 s, 30,000 some 30 s)."""
    boxes: set[Any] = set()
    for table in tc.iter(_TBL):
        for ancestor in table.iterancestors():
            if ancestor is tc or ancestor in boxes:
                break
            if ancestor.tag == _TXBX:
                boxes.add(ancestor)
    return boxes


def _cells_of_row(tr: Any) -> list[Any]:
    """The row's w:tc elements, also those wrapped in content controls (w:sdt) or custom XML (w:customXml)."""
    return list(_unwrapped(tr, _TC))


def _int_attr(parent: Any, tag: str) -> int:
    if parent is None:
        return 0
    node = parent.find(tag)
    if node is None:
        return 0
    try:
        return int(node.get(_VAL, "0"))
    except ValueError:
        return 0


def table_rows(tbl: Any, file: str, number: int, budget: Budget | None = None,
               label: str | None = None, hidden: list[tuple[Source, str]] | None = None,
               anchors: dict[str, Source] | None = None,
               revised: list[tuple[Source, str]] | None = None,
               restarted: list[tuple[Source, str]] | None = None,
               under_merges: list[tuple[Source, str]] | None = None) -> list[list[Cell]]:
    """The table's rows on its grid (rows and cells also inside content controls and custom XML); the hidden text
    of a cell, not read, goes to ``hidden`` with the cell's place, and the ids of the comments anchored in a cell to
    ``anchors`` (``word_comments``) when it is given. A row or a cell deleted as a tracked change (``w:trPr/w:del``,
    ``w:cellDel``) is left out, the cells after a deleted cell moving left, as the change accepted gives the table
    (as a deleted text); the places of the tracked changes (``word_revisions``: those, cells whose text holds one,
    rows and cells inserted) go to ``revised`` when it is given (to be told: the reading rests on changes not
    accepted yet, the columns may move). A cell continuing a vertical merge begun with no restart mark that holds
    text starts one (read), going to ``restarted`` with its place; one continuing a merge begun with the mark stays in
    it, its own text (not the top cell's repeated) going to ``under_merges``, not read."""
    rows: list[list[Cell]] = []
    label = label or f"表{number}"
    tops: dict[int, Cell] = {}  # grid column → the cell a w:vMerge continuing there is merged from
    marked: dict[int, bool] = {}  # grid column → whether the vertical merge there began with the restart mark
    if budget is not None:
        budget.new_sheet()
    changes = has_revisions(tbl)
    told: list[tuple[Source, str]] = revised if revised is not None else []  # (not asked: told to no one)
    for r, tr in enumerate(_unwrapped(tbl, _TR), 1):
        if changes and (change := row_change(tr)) is not None:
            told.append((Source(file, sheet=label, table=number, row=r), change))
            if change == "deleted":
                continue  # (as Word shows the table with the changes accepted)
        row: list[Cell] = []
        inner: list[list[Cell]] = []  # the rows of an indicator table nested in one of the row's cells
        before = _int_attr(tr.find(_TRPR), _GRIDBEFORE)
        if budget is not None:
            budget.row(max(before, 0), f"Word 表格{number}")
        for _ in range(before):
            marked[len(row)] = False  # (no cell there: no merge goes on under it)
            row.append(Cell("", Source(file, sheet=label, table=number, row=r, column=len(row) + 1)))
        for tc in _cells_of_row(tr):
            props = tc.find(_TCPR)
            if props is not None and props.find(_CELL_DELETED) is not None:
                told.append((Source(file, sheet=label, table=number, row=r, column=len(row) + 1), "deleted cell"))
                continue
            span = max(_int_attr(props, _GRIDSPAN), 1)
            if budget is not None:
                budget.add_cells(span)
            merge = props.find(_VMERGE) if props is not None else None
            continued = merge is not None and merge.get(_VAL, "continue") != "restart"
            source = Source(file, sheet=label, table=number, row=r, column=len(row) + 1)
            own_hidden: list[str] = []
            # a continuing cell's text, read once as any cell's is (its hidden text apart, as a cell's)
            own = _cell_text(tc, own_hidden) if continued else None
            if own is not None and (shown := own.strip()) and marked.get(len(row)):
                # a cell continuing a merge begun with the restart mark stays in it, its own text (another than the
                # top cell's; a producer may repeat the top's in each) covered, not read, and told
                if under_merges is not None and ((top := tops.get(len(row))) is None or shown != top.text.strip()):
                    under_merges.append((source, shown))
            elif own is not None and shown:
                # a run without any restart mark: a continuing cell holding text starts one (the module's note)
                continued = False
                if restarted is not None:
                    restarted.append((source, shown))
            if not continued:  # (every column the cell spans: a merge under any of them begins here, or none)
                marked.update(dict.fromkeys(range(len(row), len(row) + span),
                                            merge is not None and merge.get(_VAL) == "restart"))
            nested = None if continued else _nested_indicator_table(tc)
            if nested is not None:
                # 绩效指标 | [一级指标 | 二级指标 | 三级指标 | 指标值 …]: the indicator table drawn inside the form's
                # cell; its rows follow the row, from the cell's column on (as a cell merged down beside them)
                texts: list[str] = []
                text = "\n".join(paragraph_text(p, texts) for p in _unwrapped(tc, _P)).strip("\n")
                where = f"{label}第{r}行内嵌表格"
                inner += [[*(Cell("", Source(file, sheet=where, table=number, row=k, column=c))
                             for c in range(1, len(row) + 1)), *cells]
                          for k, cells in enumerate(table_rows(nested, file, number, None, where, hidden, anchors,
                                                               told, restarted, under_merges), 1)]
            else:
                texts = own_hidden if own is not None and not continued else []
                text = "" if continued else _cell_text(tc, texts) if own is None else own
            if changes and not continued and (change := cell_change(tc, nested)):
                told.append((source, change))
            if texts and hidden is not None:
                hidden.append((source, "".join(texts)))
            if anchors is not None and not continued:
                anchor_cell(tc, source, anchors)  # a 批注 on the cell (reading30)
            if continued:
                row.append(covered(source, tops.get(len(row))))
            else:
                # (a cell some of whose lines a list's number starts: those kept apart)
                tops[len(row)] = cell = ListedCell(text, source, span, listed) \
                    if "\n" in text and (listed := _listed_lines(tc)) else spanning(text, source, span)
                row.append(cell)
            for _ in range(span - 1):
                row.append(Cell("", Source(file, sheet=label, table=number, row=r, column=len(row) + 1)))
        marked.update(dict.fromkeys(range(len(row), max(marked, default=-1) + 1), False))  # (a row ending short)
        rows.append(row)
        rows += inner
    return rows


def _merge_problem(places: list[tuple[Source, str]], what: str) -> Problem:
    """One warning for the cells continuing a vertical merge that hold text: ``what`` says how they were read."""
    named = "、".join(f"{where.place}「{text[:20]}」" for where, text in places[:3])
    more = f"等{len(places)}处" if len(places) > 3 else ""
    return Problem(places[0][0], f"Word 表格的纵向合并单元格中，{named}{more}{what}，请核对", Severity.WARNING)


_RESTARTED = ("标为续接上方的合并单元格（w:vMerge 没有 restart 标记），却写有文字：已按从此处开始的新单元格读取"
              "（LibreOffice 这样显示，Word 可能把它并入上方的单元格）")
_UNDER_MERGES = ("续接上方的合并单元格，却写有与其最上方单元格不同的文字：被合并单元格遮住"
                 "（Word 只显示合并单元格最上方单元格的内容），未读取")


def _nested_indicator_table(tc: Any) -> Any | None:
    """A table nested in the cell whose rows hold an indicator header (a 三级指标 column and a 指标值 column,
    ``column_role``), else None: such a cell is read as the table's rows, never as one cell of its text. A
    smaller table nested in a cell (a funds grid) stays the cell's text, as before."""
    for child in _unwrapped(tc, _TBL):
        for tr in _unwrapped(child, _TR):
            roles = {column_role(_cell_text(cell)) for cell in _cells_of_row(tr)}
            if "level3" in roles and "target" in roles:
                return child
    return None


def _is_layout_table(tbl: Any) -> bool:
    """A table that only lays out the page: it holds tables in its cells, and no cell paragraph of its own (outside
    those tables) is a label of the form. A form with a small table nested in one of its cells is not one."""
    if tbl.find(f".//{_TBL}") is None:
        return False
    for tr in _unwrapped(tbl, _TR):
        for tc in _cells_of_row(tr):
            for p in _unwrapped(tc, _P):
                text = paragraph_text(p).strip()
                if text and (is_any_label(text) or level_of(text) is not None):
                    return False
    return True


def _blocks(parent: Any) -> Iterator[Any]:
    """The body's paragraphs and tables in order, also inside content controls and custom XML (a form's table
    wrapped in a ``w:sdt``); a layout table gives the paragraphs and tables of its cells instead (row by row, cell
    by cell), so a form nested in a page-layout table is read as a table of its own; a text box holding a table
    gives its paragraphs and tables after the paragraph it is anchored in."""
    for child in _unwrapped(parent, _P, _TBL, _ALT_CHUNK):
        if child.tag == _TBL and _is_layout_table(child):
            for tr in _unwrapped(child, _TR):
                for tc in _cells_of_row(tr):
                    yield from _blocks(tc)
        else:
            yield child
            if child.tag == _P and next(child.iter(_TXBX), None) is not None:
                for box in _boxed_tables(child):
                    yield from _blocks(box)


def _declared_continued(tbl: Any) -> bool:
    """The table says it goes on from the table before it: its title (``w:tblCaption``, Word's alternative
    text) is 续表 — perfbudget's Word tables drawn as a head and an indicator part (``writers/print_layout.py``)
    say so, and are joined as the one table they are, without a note."""
    caption = tbl.find(f"{_W}tblPr/{_W}tblCaption")
    return caption is not None and (caption.get(_VAL) or "").strip() == CONTINUED_TABLE


_SECT_PR = f"{_W}sectPr"
_PAGE_PARTS = (f"{_W}headerReference", f"{_W}footerReference")
_UNIT_FIELDS = frozenset({"unit", "unit-code", "department"})
_WIDE_SPACES = re.compile(r"(?:[ \u00a0]{2,}|\u3000+|\t+)")


def _page_parts(word: Any) -> Iterator[tuple[str, Any]]:
    """The page headers' and footers' roots (``w:hdr``, ``w:ftr``) of the sections, in order, each once, with
    「页眉」 or 「页脚」."""
    seen: set[str] = set()
    for section in word.element.body.iter(_SECT_PR):
        for reference in section.iter(*_PAGE_PARTS):
            key = reference.get(_R_ID) or ""
            part = word.part.related_parts.get(key) if key not in seen else None
            seen.add(key)
            if part is not None and getattr(part, "element", None) is not None:
                yield ("页眉" if reference.tag == _PAGE_PARTS[0] else "页脚"), part.element


def _unit_line(text: str) -> tuple[tuple[str, ...], str] | None:
    """The cells of a ``label：value`` line naming the unit, and the text they come from: the whole line, else one of
    its parts between wide spaces (``填报单位（盖章）：某局　　填报日期：…``: a date label the form's labels do not know
    leaves the whole line no label line); None for any other line."""
    for part in (text, *_WIDE_SPACES.split(text)) if "：" in text or ":" in text else ():
        if (cells := label_line_cells(part)) is not None and any(header_field(c) in _UNIT_FIELDS for c in cells[::2]):
            return cells, part.strip()
    return None


def page_furniture_lines(word: Any, hiding: Mapping[str, bool]
                         ) -> tuple[list[tuple[str, ...]], str | None, list[str]]:
    """What the page headers and footers say of the form (Word prints them on every page, so they are no table of
    their own): their ``label：value`` lines naming the unit (``单位名称：某局``, also written in a header table's
    cells, ``填报单位 | 某局``), a money-unit line (``金额单位：万元``), and where each was found (为说明). Their other
    texts (a page number, a 填报日期, a title repeated) are furniture and not read."""
    lines: list[tuple[str, ...]] = []
    unit_line: str | None = None
    told: list[str] = []
    for where, root in _page_parts(word):
        mark_style_hidden(root, hiding)
        mark_placeholders(root)
        for block in _blocks(root):
            if block.tag == _P:
                texts = [paragraph_text(block)]
            elif block.tag == _TBL:
                texts = []
                for tr in _unwrapped(block, _TR):
                    row_texts = [_cell_text(tc).strip() for tc in _cells_of_row(tr)]
                    for k, text in enumerate(row_texts):
                        following = row_texts[k + 1] if k + 1 < len(row_texts) else ""
                        if (label_line_cells(text) is None and following and header_field(text) in _UNIT_FIELDS
                                and label_line_cells(following) is None):
                            texts.append(f"{text}：{following}")  # 填报单位 | 某局: a label and its value cell
                        else:
                            texts.append(text)
            else:
                continue
            for text in texts:
                if (unit := _unit_line(text)) is not None:
                    lines.append(unit[0])
                    told.append(f"{where}「{unit[1][:40]}」")
                elif money_unit_in(text) and unit_line is None:
                    unit_line = text.strip()
                    told.append(f"{where}「{unit_line[:40]}」")
    return lines, unit_line, told


def _names_unit(lead: list[tuple[str, ...]], rows: list[list[Cell]]) -> bool:
    """The label lines above a table or its first rows name the unit (单位名称, 预算单位, 填报单位 …)."""
    return any(header_field(text) in _UNIT_FIELDS for line in lead for text in line[::2]) \
        or any(header_field(cell.text) in _UNIT_FIELDS for row in rows[:12] for cell in row)


def read_docx_tables(data: bytes, file: str, limits: Limits | None = None, depth: int = 0,
                     taken: ChunkBudget | None = None, anchors: dict[str, Source] | None = None) -> list[RawTable]:
    """The raw tables of the body; past a row or cell limit :class:`LimitExceeded`. ``depth``, ``taken``: of a Word
    file read as another's altChunk (:func:`alt_chunk_tables`); ``anchors``: filled with the cell of each comment
    anchored in a table cell."""
    import docx
    from docx.opc.part import PartFactory

    PartFactory.part_class_selector = chunk_part_class
    taken = taken or ChunkBudget(limits or Limits())
    budget = Budget(limits or Limits())
    budget.add_cells(word_cells(data))  # refused before parsing when the body holds too many cells
    budget.cells = 0
    word = docx.Document(io.BytesIO(data))
    body = word.element.body
    styles = _styles_element(word.part)
    hiding = _styles_hiding(styles)
    mark_style_hidden(body, hiding)
    unnumbered: list[tuple[Any, str]] = []  # paragraphs of a level drawn by too long a label: read without it
    mark_list_numbers(body, _numbering_element(word.part), styles, unnumbered)  # 1. drawn by Word's 编号 (forms46)
    in_tables = set(unnumbered[0][0].iterancestors(_TBL)) if unnumbered else set()
    unnumbered_at = Source(file)  # (the table holding the first of them)
    mark_placeholders(body)
    _text_chunks_as_paragraphs(body, word.part, budget.limits, taken)
    page_lines, page_unit, page_told = page_furniture_lines(word, hiding)
    page_read: list[str] = []
    tables: list[RawTable] = []
    heading: str | None = None
    unit_line: str | None = None  # 金额单位：万元 written above the table
    lead: list[tuple[str, ...]] = []
    cut_notes: list[str] = []  # the label lines' values joined over two paragraphs (需人工核对)
    tab_rows: list[tuple[str, ...]] = []  # paragraphs typed as rows with tab stops, kept when they name the project
    names_project = False
    number = 0  # the table's number in the file (表N), also of a table joined to the one before
    paragraphs = 0  # outside the form's tables: lines of text, bounded as lines are (PERFBUDGET_MAX_ROWS)
    text_before: str | None = None  # the paragraph before, for a goal under its section title
    hidden: list[tuple[Source, str]] = []  # hidden text (w:vanish) of the tables' cells, not read: told
    revised: list[tuple[Source, str]] = []  # the cells, rows and paragraphs of tracked changes, read as accepted: told
    hidden_paragraphs: list[str] = []  # and of the paragraphs outside them
    restarted: list[tuple[Source, str]] = []  # cells continuing an unmarked vertical merge holding text: read, told
    under_merges: list[tuple[Source, str]] = []  # and a marked one, with text of their own: not read, told
    flat: list[tuple[int, str]] = []  # paragraphs holding an indicator header as text, outside any table
    for child in _blocks(body):
        if child.tag != _P:
            text_before = None
        if child.tag == _ALT_CHUNK:
            # a part imported when Word opens the file (systems write Word files as an HTML page so): its tables
            chunk = alt_chunk_tables(word.part, child, file, budget.limits, depth, taken)
            tables += chunk
            number += len(chunk)
            heading = unit_line = None
            lead, tab_rows, names_project, cut_notes = [], [], False, []
            continue
        if child.tag == _P:
            paragraphs += 1
            if paragraphs > budget.limits.max_rows:
                raise LimitExceeded(f"文件的正文超过 {budget.limits.max_rows} 段的上限"
                                    "（环境变量 PERFBUDGET_MAX_ROWS）；未读取")
            text, previous = paragraph_text(child, hidden_paragraphs), text_before
            if revised_paragraph(child):  # (a title's year typed in as a change: read as accepted, told)
                revised.append((Source(file, line=paragraphs), "paragraph"))
            text_before = text
            if "指标值" in text and _FLAT_HEADER.search(text):
                flat.append((paragraphs, text.strip()))
            if lead and (goal := section_pair(previous, text)) is not None:
                lead.append(goal)  # （一）年度目标 / 全面改善…: the goal under its section title (layouts24)
                continue
            if (labelled := label_line_cells(text)) is not None \
                    or (lead and (labelled := lead_line_cells(text)) is not None):
                lead.append(labelled)  # 单位名称：某局 above the table; 年度资金总额：16 after it
                continue
            if lead and (goals := goal_line(lead[-1], text)) is not None:
                lead[-1] = goals  # 年度目标： / 1.… / 2.…: the goal over lines, one goal an item (reading25)
                continue
            if lead and (joined := cut_value_line(lead[-1], text)) is not None:
                lead[-1] = joined  # 填报单位:桃源县 / 财政局: the value cut onto the next paragraph (misses22)
                cut_notes.append(f"「{joined[-2]}」的值分在两段（「{text.strip()}」另起一段），已接为「{joined[-1]}」")
                continue
            if (tabbed := tab_row_cells(text)) is not None and (tab_rows or tabbed[1]):
                tab_rows.append(tabbed[0])  # 项目名称<TAB>校舍维修<TAB>主管部门<TAB>某局: a header part typed in
                names_project = names_project or tabbed[2]
                continue
            unit_line = text.strip() if money_unit_in(text) else unit_line
            heading = better_heading(heading, text)
            continue
        number += 1
        source = Source(file, sheet=f"表{number}", table=number)
        unnumbered_at = source if child in in_tables else unnumbered_at
        cells = table_rows(child, file, number, budget, hidden=hidden, anchors=anchors, revised=revised,
                           restarted=restarted, under_merges=under_merges)
        if not tables and (page_lines or page_unit):
            # the unit or money unit written in the page header or footer: the first form's, as if written above
            # it, where the form does not write its own
            if page_lines and not _names_unit(lead, cells):
                lead = [*page_lines, *lead]
                page_read.append("预算单位")
            if page_unit and unit_line is None and not any(money_unit_in(c.text) for row in cells[:3] for c in row):
                unit_line = page_unit
                page_read.append("金额单位")
        rows = with_unit_line(cells, unit_line, source)
        lead += tab_rows if names_project else []
        if tables and heading is None and not lead and _declared_continued(child):
            # (perfbudget's own Word tables: the head and the indicators, the second titled 续表 by the writer)
            before = tables[-1]
            tables[-1] = RawTable(before.heading, before.source,
                                  [*before.rows, *declared_continuation(before.rows, rows)], certain=True)
        else:
            tables.append(RawTable(heading, source, with_label_lines(rows, lead, source), certain=True,
                                   needs_check=tuple(cut_notes)))
        heading = unit_line = None
        lead, tab_rows, names_project, cut_notes = [], [], False, []
    if tables:
        tables[0].problems.extend(hidden_text_problems(file, hidden, hidden_paragraphs))
        tables[0].problems.extend(revisions_problems(revised))
        tables[0].problems.extend(_merge_problem(places, what) for places, what
                                  in ((restarted, _RESTARTED), (under_merges, _UNDER_MERGES)) if places)
        tables[0].problems.extend(Problem(Source(file), f"正文第{n}段是一行指标表头及其后的文字（「{text[:40]}」），"
                                                        "却不在表格中：其中的指标没有读取（可能是表格在转换或粘贴时"
                                                        "变成了文字），请核对原文件", Severity.WARNING)
                                  for n, text in flat)
        if unnumbered:
            where, first = "" if unnumbered_at.sheet else "正文中", unnumbered[0][1][:20]  # (the source names 表N)
            tables[0].problems.append(Problem(unnumbered_at, f"{where}「{first}」等 {len(unnumbered)} 段的列表编号"
                                              f"格式长于 {MOST_LABEL} 个字符（Word 自带的只有几个字符），编号没有读取，"
                                              "只读取了文字；请核对原文件", Severity.WARNING))
        if page_read:
            tables[0].problems.append(Problem(Source(file), "和".join(page_read) + "取自" + "、".join(page_told[:3])
                                              + "（表格中没有写）", Severity.INFO))
    return tables


def _text_chunks_as_paragraphs(body: Any, document_part: Any, limits: Limits, taken: ChunkBudget) -> None:
    """Each plain-text altChunk whose text is no table: its lines put in its place as paragraphs, as Word imports
    them (``text_chunks.as_paragraphs``); those that are tables are read where they stand (:func:`alt_chunk_tables`)."""
    for chunk in list(body.iter(_ALT_CHUNK)):
        part = document_part.related_parts.get(chunk.get(_R_ID) or "")
        if part is not None and chunk_kind(part) in TEXT_CHUNKS:
            text = chunk_text(part.blob, limits)
            if not is_table_text(text):
                taken.take(page_bytes=len(part.blob))
                as_paragraphs(chunk, text)


_HTML_CHUNKS = ("text/html", "application/xhtml+xml")
# a whole Word file as a chunk: the Open XML SDK's AlternativeFormatImportPartType.WordprocessingML names it by the
# main part's type (…document.main+xml) though the part is the .docx package; docx4j and others by the package's
_WORD_CHUNKS = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml",
                "application/vnd.ms-word.document.macroEnabled.12",
                "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
# a web archive (.mht: Word's 单个文件网页, Outlook's and Notes' mail bodies) as a chunk
_WEB_ARCHIVE_CHUNKS = ("message/rfc822", "application/x-mimearchive", "multipart/related")
_CHUNK_DEPTH = 3  # a Word chunk inside a Word chunk …: the third level is refused
_AF_CHUNK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"


def chunk_part_class(content_type: str, reltype: str) -> Any:
    """python-docx's part class for an altChunk part: its bytes as they are (python-docx would parse a Word chunk,
    typed as a document's main XML part, as XML and refuse the whole file as damaged until layouts27)."""
    from docx.opc.part import Part

    return Part if reltype == _AF_CHUNK else None


_MOST_CHUNKS = 500  # altChunk parts read for one file (an empty Word chunk costs some 5 ms to open)
_MOST_CONVERSIONS = 5  # RTF altChunk parts converted for one file (LibreOffice: some seconds each)


class ChunkBudget:
    """The altChunk parts read for one file, Word chunks in Word chunks counted too, bounded together as one file
    of their kind is: at most :data:`_MOST_CHUNKS` parts (:data:`_MOST_CONVERSIONS` RTF parts converted), their web
    pages and RTF at most ``max_file_bytes`` together and
    their Word files at most ``max_xml_elements`` (one part referenced by many altChunk elements is read at each,
    as Word shows it at each)."""

    def __init__(self, limits: Limits) -> None:
        self.page_bytes, self.elements, self.chunks = limits.max_file_bytes, limits.max_xml_elements, 0
        self.conversions: dict[int, bytes] = {}

    def converted(self, part: Any, convert: Callable[[], bytes]) -> bytes:
        """A part's conversion (an RTF chunk's by LibreOffice, seconds each): once a part however often it is
        referenced, at most :data:`_MOST_CONVERSIONS` parts a file."""
        if id(part) not in self.conversions:
            if len(self.conversions) >= _MOST_CONVERSIONS:
                raise LimitExceeded(f"中嵌入的 RTF 内容（altChunk）超过 {_MOST_CONVERSIONS} 个的上限"
                                    "（每个都要由 LibreOffice 转换）；未读取")
            self.conversions[id(part)] = convert()
        return self.conversions[id(part)]

    def take(self, page_bytes: int = 0, elements: int = 0) -> None:
        self.chunks += 1
        self.page_bytes -= page_bytes
        self.elements -= elements
        if self.chunks > _MOST_CHUNKS:
            raise LimitExceeded(f"中嵌入的内容（altChunk）超过 {_MOST_CHUNKS} 处的上限；未读取")
        if self.page_bytes < 0:
            raise LimitExceeded("中嵌入的网页内容（altChunk）合计超过文件大小的上限（环境变量 "
                                "PERFBUDGET_MAX_FILE_MB）；未读取")
        if self.elements < 0:
            raise LimitExceeded("中嵌入的 Word 内容（altChunk）合计超过 XML 元素个数的上限（环境变量 "
                                "PERFBUDGET_MAX_XML_ELEMENTS）；未读取")


def alt_chunk_tables(document_part: Any, chunk: Any, file: str, limits: Limits, depth: int = 0,
                     taken: ChunkBudget | None = None) -> list[RawTable]:
    """The tables of a ``w:altChunk``: content Word imports in its place when it opens the file, kept as a part of
    its own — an HTML page (as systems that write Word files from HTML do: docx4j's, the Open XML SDK's altChunk), a
    web archive (.mht) or a Word document (documents merged by the SDK's altChunk). Read by the HTML reader or this
    one; their cells are located in the part (表N of the part). A plain-text chunk gives the tables of its text
    layout, an RTF chunk is converted by LibreOffice and read as a Word chunk (:mod:`perfbudget.readers.text_chunks`).
    A chunk of another kind is an error: it is not read."""
    part = document_part.related_parts.get(chunk.get(_R_ID) or "")
    kind = getattr(part, "content_type", "") if part is not None else ""
    taken = taken or ChunkBudget(limits)
    if part is not None and kind in (*_HTML_CHUNKS, *_WEB_ARCHIVE_CHUNKS):
        from perfbudget.readers.bounds import html_problem
        from perfbudget.readers.decode import DecodeError, decode_bytes
        from perfbudget.readers.html import read_html_tables, web_archive_page

        taken.take(page_bytes=len(part.blob))
        try:
            text = web_archive_page(part.blob) if kind in _WEB_ARCHIVE_CHUNKS else decode_bytes(part.blob).text
        except DecodeError as exc:
            raise LimitExceeded(f"中嵌入的网页内容（altChunk）无法解码：{exc}") from exc
        if text is None:
            raise LimitExceeded(f"中嵌入的网页存档（altChunk，{kind}）中没有可读的网页；"
                                "请在 Word 中打开并另存为 .docx 后重新导入")
        if (too_large := html_problem(text, limits)) is not None:
            raise LimitExceeded(f"中嵌入的网页内容（altChunk）{too_large}")
        return read_html_tables(text, file, limits)
    if part is not None and chunk_kind(part) in TEXT_CHUNKS:  # (one that is no table was made paragraphs)
        taken.take(page_bytes=len(part.blob))
        return text_chunk_tables(chunk_text(part.blob, limits), file) or []
    if part is not None and chunk_kind(part) in RTF_CHUNKS:
        if depth + 1 >= _CHUNK_DEPTH:
            raise LimitExceeded(f"中嵌入的 RTF 内容（altChunk）嵌套超过 {_CHUNK_DEPTH - 1} 层；未读取")
        taken.take(page_bytes=len(part.blob))
        kind, blob = _WORD_CHUNKS[0], taken.converted(part, lambda: rtf_chunk_word(part.blob, file, limits))
    else:
        blob = part.blob if part is not None else b""
    if part is not None and kind in _WORD_CHUNKS:
        if depth + 1 >= _CHUNK_DEPTH:
            raise LimitExceeded(f"中嵌入的 Word 内容（altChunk）嵌套超过 {_CHUNK_DEPTH - 1} 层；未读取")
        if not blob.startswith(b"PK\x03\x04"):
            raise LimitExceeded("中嵌入的 Word 内容（altChunk）不是完整的 Word 文件，无法读取；"
                                "请在 Word 中打开并另存为 .docx 后重新导入")
        if (problem := check_zip(blob, file, limits, "中嵌入的 Word ")) is not None:
            raise LimitExceeded(problem.message)
        if (too_many := xml_problem(blob, limits)) is not None:
            raise LimitExceeded(f"中嵌入的 Word 内容（altChunk）{too_many}")
        taken.take(elements=xml_elements(blob))
        return read_docx_tables(blob, file, limits, depth=depth + 1, taken=taken)
    raise LimitExceeded(f"中有以「{kind or '未知'}」格式嵌入的内容（altChunk，Word 打开时才转换），无法读取；"
                        "请在 Word 中打开并另存为 .docx 后重新导入")


_MOST_TOLD = 20  # cells with hidden text told one by one; the rest in one warning
_UNHIDE = "；如需读取，请在 Word 中取消隐藏（字体 → 隐藏，或所用样式的字体中的隐藏）后重新导入"


# an indicator header written as a paragraph (its labels glued, or apart by tabs or spaces): a table that became text
_FLAT_HEADER = re.compile(r"一级指标\s*二级指标\s*三级指标\s*(?:指标值|年度指标值)")


def hidden_text_problems(file: str, cells: list[tuple[Source, str]], paragraphs: list[str]) -> list[Problem]:
    """Warnings for the hidden text not read: each cell's (the first :data:`_MOST_TOLD`, then one more for the
    rest), and one for the paragraphs outside the tables; a content control's placeholder (:func:`mark_placeholders`)
    is told as such, and so is a symbol font's character not read (``word_symbols.unknown_symbol``)."""
    symbols = [Problem(source, text[1:], Severity.WARNING) for source, text in cells if text[:1] == _UNKNOWN_SYMBOL]
    symbols += [Problem(Source(file), "正文中" + text[1:], Severity.WARNING) for text in paragraphs
                if text[:1] == _UNKNOWN_SYMBOL]
    cells = [(source, text) for source, text in cells if text[:1] != _UNKNOWN_SYMBOL]
    paragraphs = [text for text in paragraphs if text[:1] != _UNKNOWN_SYMBOL]
    prompts = [(source, text.replace(_PLACEHOLDER, "")) for source, text in cells if _PLACEHOLDER in text]
    cells = [(source, text) for source, text in cells if _PLACEHOLDER not in text]
    problems = symbols[:_MOST_TOLD]
    problems += [Problem(source, f"内容控件显示的是未填写时的提示文字「{text[:30]}」，不是填写的内容，按空白读取；"
                                "如该处应有内容，请在 Word 中填写后重新导入", Severity.WARNING)
                for source, text in prompts[:_MOST_TOLD]]
    problems += [Problem(source, f"隐藏文字（在 Word 中看不到、不打印），未读取：「{text[:30]}」{_UNHIDE}",
                         Severity.WARNING) for source, text in cells[:_MOST_TOLD]]
    if rest := cells[_MOST_TOLD:] + prompts[_MOST_TOLD:]:
        problems.append(Problem(rest[0][0], f"另有 {len(rest)} 个单元格中的隐藏文字或提示文字未读取{_UNHIDE}",
                                Severity.WARNING))
    for texts, what, hint in (([t for t in paragraphs if _PLACEHOLDER not in t], "隐藏文字（在 Word 中看不到、不打印）",
                                _UNHIDE),
                               ([t.replace(_PLACEHOLDER, "") for t in paragraphs if _PLACEHOLDER in t],
                                "内容控件未填写时的提示文字（不是填写的内容）", "")):
        if texts:
            quoted = "」「".join(text[:30] for text in texts[:3]) + ("」等" if len(texts) > 3 else "」")
            problems.append(Problem(Source(file), f"正文中有 {len(texts)} 处{what}，未读取：「{quoted}{hint}",
                                    Severity.WARNING))
    return problems


def read_docx(data: bytes, file: str, limits: Limits) -> tuple[Document | None, list[Problem]]:
    problem = check_zip(data, file, limits, "Word ")
    if problem is not None:
        return None, [problem]
    if (too_many := xml_problem(data, limits)) is not None:
        return None, [Problem(Source(file), f"Word {too_many}")]
    comments = document_comments(data, limits.max_part_bytes)
    anchors: dict[str, Source] | None = {} if comments else None
    try:
        tables = read_docx_tables(data, file, limits, anchors=anchors)
    except LimitExceeded as exc:
        return None, [Problem(Source(file), f"Word {exc}")]
    except Exception as exc:  # python-docx raises many kinds on a broken package
        return None, [Problem(Source(file), f"Word 文件已损坏，无法读取（{type(exc).__name__}）")]
    if not tables:
        return None, [Problem(Source(file), "Word 文件中没有表格，没有找到绩效目标表")]
    document, problems = traditional.interpret_either_script(tables, file, interpret_tables)
    if document is not None and comments:
        document, notes = with_word_comments(document, comments, anchors or {}, file)  # each 批注 with its field
        problems = [*problems, *notes]
    return document, problems
