"""A form's header block a label a line, each label glued to its value (``项目名称环保局…工作经费``; reading47).

A county's site may give a 预算项目绩效目标申报表 as lines of text, one field a line, the cell boundary between a
label and its value lost: ``项目名称环保局县域生态环境质量考核工作经费``, ``填报人联系电话13875076735``, beside
lines that keep a colon (``填报单位(公章):常德市…``, ``金额:100 万元``). A person reads such a form by its labels:
each line that starts with a label the reader knows, followed at once by words or figures that are no label, is that
label and its value (the longest such label: 填报人联系电话 before 联系电话). So is it read here, a row a line:

* the text has a form's title line (``…绩效目标表``, ``…绩效目标申报表``) and, within the next lines, the project's
  name so glued (项目名称, 专项名称 …), its value holding no other header label after its start with more after it
  (a line of several pairs run together, ``…经费主管部门某局``, is the glued readers' matter, never split here; a name
  starting with a label's words, ``项目名称主管部门综合业务经费``, is a name); the other lines so glued are split too
  (the reader knows 项目名称 and 填报单位, not 项目填报人 or 业务股室: those lines stay whole);
* a ``label：value`` line is split at its colon, as everywhere; a lone ``金额：<amount> <money unit>`` line is the
  form's amount (its only one: asked only of a form whose lines name no funds label), read as its 资金总额 with that
  unit, noted for a check (two such lines or more: none is taken, each kept as a text, a warning names them); every
  other line is one cell (kept as an unlabelled text).

The table is then interpreted as any other: cut before its indicators, it is reported cut. Asked only when no other
layout took the text (readers/text.py), so nothing any layout reads changes (corpus `195`, 澧县: refused until
reading47).
"""

from __future__ import annotations

import re
import unicodedata

from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.broken_form import LONGEST_LABEL
from perfbudget.readers.broken_form import glued_pair as _label_and_value
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.label_lines import label_line_cells
from perfbudget.readers.labels import HEADER_LABELS, header_field
from perfbudget.readers.text_lines import head_lines

_TITLE = re.compile(r"绩效目标(?:申报|批复|审核)?表(?:\s*[(（][^()（）]{0,10}[)）])?$")
_LOOK = 12  # the lines after the title that must hold the glued pairs
_SEPARATED = re.compile(r"[:：\t|]|\s{2,}")
# a header label inside a value, after its first character and with more after it (…经费主管部门某局: several pairs
# run together, not split here); four characters or more (区域, 总额, 预算数 are words of many a name)
_OTHER_LABEL = re.compile("|".join(map(re.escape, sorted((label for label in HEADER_LABELS if len(label) >= 4),
                                                         key=len, reverse=True))))
_AMOUNT_LINE = re.compile(r"^金额[:：]\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)$")
_FUNDS_WORDS = re.compile(r"资金总额|年度资金|财政拨款|预算数|预算金额|项目金额|申报金额")
_MOST_LINES = 400


def glued_pair(line: str) -> tuple[str, str] | None:
    """(label, value) of a line starting with a known label glued to its value (``项目名称环保局…``), else None: no
    separator near its start, the value holding no other pair run in (:func:`_runs_on`; readers/broken_form.glued_pair
    for the rest)."""
    line = line.strip()
    if _SEPARATED.search(line[:LONGEST_LABEL + 1]):
        return None
    pair = _label_and_value(line)
    return pair if pair is not None and not _runs_on(pair[1]) else None


def _runs_on(value: str) -> bool:
    """Whether ``value`` holds another pair run in: a header label after the name has started, the value going on
    after it (``水源地建设主管部门某局``; ``主管部门综合业务经费`` is a name starting with a label's words)."""
    return any(found.end() < len(value) for found in _OTHER_LABEL.finditer(value, 1))


def _title_at(lines: list[str]) -> int | None:
    """The index of the form's title line with the project's name glued to its label in the lines after it."""
    for k, line in enumerate(lines):
        text = unicodedata.normalize("NFKC", line.strip())
        if len(text) > 40 or not _TITLE.search(text):
            continue
        pairs = [pair for after in lines[k + 1:k + 1 + _LOOK] if (pair := glued_pair(after)) is not None]
        if any(header_field(label) == "name" for label, _ in pairs):  # (the project's: not a department's form)
            return k
    return None


def looks_like_glued_label_lines(text: str) -> bool:
    """A form's title followed by label lines glued to their values (see the module); asked only of a text no
    layout took."""
    return "名称" in text and _title_at(head_lines(text, _MOST_LINES)) is not None


def _amount(line: str) -> re.Match[str] | None:
    """``金额：<amount> <money unit>`` on a line of its own: its figure and unit, else None."""
    return _AMOUNT_LINE.match(unicodedata.normalize("NFKC", line.strip()))


def _row(line: str, lone_amount: bool) -> tuple[list[str], str | None]:
    """The cells of one line, and a note when it is the form's lone 金额, read as its amount."""
    text = line.strip()
    if lone_amount and (amount := _amount(text)) is not None:
        figure, unit = amount.groups()
        return [f"资金总额（{unit}）", figure], f"表中唯一的金额「{text}」按项目的资金总额读取，请核对"
    if (pair := glued_pair(text)) is not None:
        return list(pair), None
    cells = label_line_cells(text)
    return (list(cells) if cells is not None else [text]), None


def read_glued_label_lines(text: str, file: str) -> list[RawTable]:
    """The form from its title on, a row a line (see the module)."""
    lines = text.splitlines()
    at = _title_at(lines[:_MOST_LINES])
    if at is None:
        return []
    title = lines[at].strip()
    body = [(n, line) for n, line in enumerate(lines[at + 1:], at + 2) if line.strip()]
    funds_named = any(_FUNDS_WORDS.search(line) for _, line in body)
    amounts = [(lineno, line.strip()) for lineno, line in body if _amount(line) is not None]
    table = RawTable(title, Source(file, line=at + 1))
    if not funds_named and len(amounts) > 1:  # which is the form's? not told: each kept as a text, warned of
        table.problems.append(Problem(Source(file, line=amounts[0][0]), f"表中有 {len(amounts)} 行金额（"
                                      + "、".join(f"「{line}」" for _, line in amounts)
                                      + "），无法判断哪一行是项目的资金总额，均未作为预算数读取，请人工核对预算数",
                                      Severity.WARNING))
    notes: list[str] = []
    for lineno, line in body:
        cells, note = _row(line, not funds_named and len(amounts) == 1)
        if note is not None:
            notes.append(note)
        table.rows.append([Cell(cell, Source(file, line=lineno, column=j)) for j, cell in enumerate(cells, 1)])
    table.needs_check = ("表头各栏的标签与取值连在一起（如「项目名称…」），按行首的标签拆开读取，请核对", *notes)
    return [table]
