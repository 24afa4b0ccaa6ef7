"""Text forms: decode the bytes, tell the layout apart, split into raw tables, interpret.

A file of well-formed tab-cell tables takes the one-pass path of
:mod:`perfbudget.readers.text_cells_fast` (same result, fewer stages); anything else the general one.

Layouts: the Word-extractor tab-cell form (the seed's) and the forms of table text
copied from web pages (:mod:`perfbudget.readers.text_layouts`). The first layout in
``TEXT_LAYOUTS`` whose detector accepts the text is used; ``layout=`` forces one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from perfbudget.config import Limits
from perfbudget.model import Document, Problem, Source
from perfbudget.readers import TEXT_LAYOUT_FORMS, traditional
from perfbudget.readers import text_layouts as tl
from perfbudget.readers.cjk_radicals import utf8_has_marks
from perfbudget.readers.decode import DecodeError, break_problems, decode_bytes
from perfbudget.readers.glued_cut_form import looks_like_cut_glued_form, read_cut_glued_form
from perfbudget.readers.glued_label_lines import looks_like_glued_label_lines, read_glued_label_lines
from perfbudget.readers.grid import RawTable
from perfbudget.readers.interpret import interpret_tables
from perfbudget.readers.invisible import visible
from perfbudget.readers.no_table import no_table_problem
from perfbudget.readers.spaced_department_form import looks_like_spaced_department_form, read_spaced_department_form
from perfbudget.readers.text_bracket import looks_like_bracket_list, read_bracket_list
from perfbudget.readers.text_cells import lines_look_like_tab_cells, looks_like_tab_cells, read_tab_cells
from perfbudget.readers.text_cells_fast import read_well_formed
from perfbudget.readers.text_glued import (
    looks_like_glued_paragraph,
    looks_like_glued_rows,
    looks_like_table_in_prose,
    read_glued_paragraph,
    read_glued_rows,
    read_table_in_prose,
)
from perfbudget.readers.text_label_blocks import looks_like_label_blocks, read_label_blocks
from perfbudget.readers.text_lines import head_lines, whole_if_short
from perfbudget.readers.text_prose_list import looks_like_prose_list, read_prose_list

# name → (detector, splitter). The names and their order are registered once, in
# ``perfbudget.readers.TEXT_LAYOUT_FORMS`` (also the forms --form accepts and names).
Detector = Callable[[str], bool]
Splitter = Callable[[str, str], list[RawTable]]
LAYOUT_PARTS: dict[str, tuple[Detector, Splitter]] = {
    "tab-cells": (looks_like_tab_cells, read_tab_cells),
    "pipe-cells": (tl.looks_like_pipe_cells, tl.read_pipe_cells),
    "pipe-rows": (tl.looks_like_pipe_rows, tl.read_pipe_rows),
    "tab-rows": (tl.looks_like_tab_rows, tl.read_tab_rows),
    "paragraph-cells": (tl.looks_like_paragraph_cells, tl.read_paragraph_cells),
    "bracket-list": (looks_like_bracket_list, read_bracket_list),
    "glued-rows": (looks_like_glued_rows, read_glued_rows),
    "space-rows": (tl.looks_like_space_rows, tl.read_space_rows),
    "space-cells": (tl.looks_like_space_cells, tl.read_space_cells),
    "line-cells": (tl.looks_like_line_cells, tl.read_line_cells),
}
# (name, detector, splitter) in registry order: the first layout whose detector accepts the text is used.
TextLayout = tuple[str, Detector, Splitter]
TEXT_LAYOUTS: list[TextLayout] = [(name, *LAYOUT_PARTS[name]) for name in TEXT_LAYOUT_FORMS]
assert TEXT_LAYOUTS[0][0] == "tab-cells"  # read_text tests it first, on lines it splits once
LAYOUT_NAMES = TEXT_LAYOUT_FORMS


def detect_layout(text: str) -> str | None:
    """The name of the first layout whose detector accepts the text."""
    return next((name for name, detect, _ in TEXT_LAYOUTS if detect(text)), None)


def _detect_after_tab_cells(text: str) -> str | None:
    """:func:`detect_layout` for a text the tab-cell test (the first layout) has refused."""
    return next((name for name, detect, _ in TEXT_LAYOUTS[1:] if detect(text)), None)


def read_text(text: str, file: str, layout: str | None = None,
              limits: Limits | None = None, radicals: bool = True) -> tuple[Document | None, list[Problem]]:
    """Read table text (already decoded) into a document; ``layout`` forces a layout by name. A text that
    reads to no indicator and is in traditional characters is read again converted (``traditional``); CJK
    radicals standing for ideographs are read as the ideographs and invisible characters (zero-width spaces and
    joiners, U+FEFF: ``invisible.py``) dropped (``radicals`` False: the caller found neither).
    A text of more lines than ``limits.max_rows`` is refused unless the one-pass path reads it whole."""
    if radicals:
        text = visible(text)
    return traditional.read_either_script(text, file, lambda written: _read_text(written, file, layout,
                                                                                 limits or Limits()), radicals)


_DETECTED_LINES = 5_000  # the most lines a layout detector looks at (text_layouts._head)
_SPACE_RUN = re.compile("[ \t\u3000\u00a0]+")


_SPACES = " \t\u3000\u00a0"
_STEP = 1 << 20


def _space_runs(text: str, cap: int) -> int:
    """The runs of spaces in ``text``, counted up to one past ``cap``, a million characters at a time: one scan
    of a 40 MB line held the interpreter's lock for over a second, stalling every other request of the server
    (hostile20). A run going on from the step before is not counted again."""
    count = 0
    for start in range(0, len(text), _STEP):
        piece = text[start:start + _STEP]
        count += sum(1 for _ in islice(_SPACE_RUN.finditer(piece), cap + 2 - count))
        if start and piece[:1] in _SPACES and piece[:1] and text[start - 1] in _SPACES:
            count -= 1
        if count > cap:
            return cap + 1
    return count


def _cells_at_most(text: str, layout: str | None, cap: int) -> int:
    """An upper bound of the cells ``layout`` splits ``text`` into beyond one a line: its separators (runs of
    spaces counted up to one past ``cap``)."""
    if layout == "tab-rows":
        return text.count("\t")
    if layout in ("pipe-rows", "pipe-cells"):
        return text.count("|")
    if layout in ("space-rows", "space-cells"):
        return _space_runs(text, cap)
    return 0


def _too_many_separators(text: str, file: str, limits: Limits) -> list[Problem] | None:
    """The layout detectors after the tab-cell test split the lines they look at (the first 5,000 at most) into
    cells, and a line may be the whole text: one line of 22,000,000 ``a<TAB>`` (44 MB) took over 30 s of CPU
    before 「没有找到…」, 4.4 MB 3.4 s (attack15). More tabs, bars or runs of spaces than ``max_cells`` in those
    lines is more cells than any layout but the one-pass tab cells reads."""
    head = head_lines(text, _DETECTED_LINES)
    looked_at = text[:sum(map(len, head)) + 2 * len(head)]  # the lines the detectors split (a break: ≤ 2 chars)
    separators = max(looked_at.count("\t"), looked_at.count("|"))
    if separators <= limits.max_cells:
        separators = max(separators, _space_runs(looked_at, limits.max_cells))
    return None if separators <= limits.max_cells else _too_many_cells(file, limits)


def _too_many_cells(file: str, limits: Limits) -> list[Problem]:
    return [Problem(Source(file), f"文本超过 {limits.max_cells} 个单元格的上限（环境变量 PERFBUDGET_MAX_CELLS）；"
                                  "未读取")]


def _too_many_lines(text: str, file: str, limits: Limits, layout: str | None = None) -> list[Problem] | None:
    """The general path builds a cell (with its source) for every line or row: some 6 µs and 760 bytes a line,
    1,000,000 lines of ``a|b`` took 6.4 s and 760 MB, 9,000,000 (36 MB) over 2 minutes (found by attack11).
    Each line is at most a row, so ``max_rows`` bounds them before splitting. The cells of a line split at
    tabs, bars or spaces are bounded by ``max_cells``: 22,000 lines of 1,000 tab cells (44 MB) took over
    30 s of CPU and 5 GB, 4.4 MB 3.4 s and 540 MB, under the line bound (found by attack15)."""
    lines = text.count("\n") + 1  # an upper bound of the rows however the layout splits them (\r alone: fewer)
    if lines > limits.max_rows:
        return [Problem(Source(file), f"文本超过 {limits.max_rows} 行的上限（环境变量 PERFBUDGET_MAX_ROWS）；未读取")]
    if lines + _cells_at_most(text, layout, limits.max_cells) > limits.max_cells:
        return _too_many_cells(file, limits)
    return None


def _read_text(text: str, file: str, layout: str | None, limits: Limits) -> tuple[Document | None, list[Problem]]:
    chosen = layout
    if layout is None or layout == "tab-cells":
        # the tab-cell test (the first layout) looks at the first lines only; the whole text is split for the
        # one-pass path alone (every detector takes a head: 45 MB of empty CSV cells, 9,000,000 lines, cost
        # 1.4 GB and 10 s of CPU while a dozen detectors split it whole; attack11)
        # a short text is split once, for both (head_lines would split it whole)
        lines = whole_if_short(text) if layout is None else None
        if layout is None:
            looks = lines_look_like_tab_cells(lines if lines is not None else head_lines(text, 400))
            if not looks and (refused := _too_many_separators(text, file, limits)) is not None:
                return None, refused
            chosen = "tab-cells" if looks else _detect_after_tab_cells(text)
        if chosen == "tab-cells" and (read := read_well_formed(text, file, lines or text.splitlines())) is not None:
            return read  # the one-pass path took the whole file (see text_cells_fast)
    if chosen is not None and (refused := _too_many_lines(text, file, limits, chosen)) is not None:
        return None, refused
    for name, _detect, split in TEXT_LAYOUTS:
        if name == chosen:
            answer = interpret_tables(split(text, file), file, text)
            if layout is None and name == "glued-rows" and looks_like_glued_paragraph(text):
                # a short glued line was taken for glued rows, but a paragraph holds a whole glued form (one the
                # site's chunk number 2、 cut in two): read as that paragraph where the rows read to nothing or to
                # fewer indicators than the paragraph's (each reading splits only the rows that split one way)
                if not _has_indicators(answer[0]):
                    return interpret_tables(read_glued_paragraph(text, file), file)
                whole = interpret_tables(read_glued_paragraph(text, file), file)
                if _indicator_count(whole[0]) > _indicator_count(answer[0]):
                    return whole
            elif layout is None and answer[0] is None and looks_like_glued_paragraph(text):
                # another layout took the text (its first lines one cell a paragraph) and found no table at all,
                # but a paragraph holds a whole glued form (a document site's preview, corpus 199): read as that
                # paragraph where it gives a project, its rows an error unless they split (else the refusal said
                # no table was found, the form's name, budget and errors lost). A layout that read a table, even
                # one without a project, keeps its reading and its errors (a PDF's drawing order told as such: 160)
                whole = interpret_tables(read_glued_paragraph(text, file), file)
                if _has_projects(whole[0]):
                    return whole
            return answer
    if layout is None and looks_like_glued_paragraph(text):
        # no layout took the text, but a paragraph holds a whole form glued together (a document site's
        # preview): its header block is read; its indicator rows, on one line, are an error unless they split
        if (refused := _too_many_lines(text, file, limits)) is not None:
            return None, refused
        return interpret_tables(read_glued_paragraph(text, file), file)
    if layout is None and looks_like_table_in_prose(text):
        # no layout took the text, but a paragraph of prose holds a glued indicator table whose rows split
        if (refused := _too_many_lines(text, file, limits)) is not None:
            return None, refused
        return interpret_tables(read_table_in_prose(text, file), file)
    if layout is None and looks_like_prose_list(text):
        # no table at all, but a notice writes its indicators as sentences under the 一级 headings, each closed
        # by the template's value hint (数量指标:…种植数量(≥**株)>=17600株;…)
        if (refused := _too_many_lines(text, file, limits)) is not None:
            return None, refused
        return interpret_tables(read_prose_list(text, file), file)
    if layout is None and looks_like_label_blocks(text):
        # no table, but each indicator is written as lines 一级指标：… / 二级指标：… / 三级指标：… / 指标值：…,
        # one block after another (a budget system's detail view copied): each block a row, its labels the columns
        if (refused := _too_many_lines(text, file, limits)) is not None:
            return None, refused
        return interpret_tables(read_label_blocks(text, file), file)
    if layout is None and looks_like_cut_glued_form(text):
        # no table and no indicators, but a paragraph holds a form's title and header block glued together and
        # stops before its indicators (a document site's preview, a notice run into its 绩效目标表): the header
        # block is read and the cut reported
        if (refused := _too_many_lines(text, file, limits)) is not None:
            return None, refused
        return interpret_tables(read_cut_glued_form(text, file), file)
    if layout is None and looks_like_glued_label_lines(text):
        # no table, but a form's header block a label a line, each label glued to its value (项目名称环保局…): each
        # line split at the label it starts with, the cut reported (corpus 195, reading47)
        if (refused := _too_many_lines(text, file, limits)) is not None:
            return None, refused
        return interpret_tables(read_glued_label_lines(text, file), file)
    if layout is None and looks_like_spaced_department_form(text):
        # no table, but a 部门整体 form's text in a PDF's drawing order (cells apart by spaces, labels before their
        # values) stops before its indicators: its budget is read where its funds add up, the cut reported
        if (refused := _too_many_lines(text, file, limits)) is not None:
            return None, refused
        return interpret_tables(read_spaced_department_form(text, file), file)
    return None, [no_table_problem(text, file)]


def _has_projects(document: Document | None) -> bool:
    return document is not None and bool(document.projects)


def _has_indicators(document: Document | None) -> bool:
    return document is not None and any(project.indicators for project in document.projects)


def _indicator_count(document: Document | None) -> int:
    return 0 if document is None else sum(len(project.indicators) for project in document.projects)


def read_text_bytes(data: bytes, file: str, layout: str | None = None,
                    limits: Limits | None = None) -> tuple[Document | None, list[Problem]]:
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return None, [Problem(Source(file), str(exc))]
    # a UTF-8 file's radicals and invisible characters looked for in its bytes, not its characters (one scan:
    # cjk_radicals.utf8_has_marks); U+FEFF, not led by E2, in the text (a memchr-driven look for one character)
    radicals = decoded.encoding != "utf-8" or utf8_has_marks(data) or "\ufeff" in decoded.text
    if decoded.breaks:  # a character cut in two: told at its place, before what the text reads to
        document, problems = read_text(decoded.text, file, layout, limits, radicals)
        return document, break_problems(decoded, file) + problems
    return read_text(decoded.text, file, layout, limits, radicals)
