"""Lines above a table that hold the table's first fields as ``label：value`` pairs.

Word files and web pages often write who and what the table is about above it, not in it::

    单位名称：某县教育局        金额单位：万元
    项目名称：校舍维修

Such a line is read as a row of the table (``单位名称 | 某县教育局 | 金额单位：万元``), so the header
block takes its unit and name as from any row. A line counts only when every part of it (parts are
separated by two or more spaces, a full-width space or a tab) is a pair whose label is a header
label, or a money-unit note, and one of its labels names the table's unit or project (单位名称,
预算单位, 部门名称, 单位编码, 项目名称 …): a signature line under a table (联系人：… 联系电话：…)
stays text. A value typed after spaces is its label's (``部门(单位)名称:      某局``, a cover page's; without the
colon too, ``项目名称        代表之家``, where the label names the unit or project), unless it is
a form's blank — a seal or signature note ``（盖章）``, fill marks ``________`` or a template's placeholder (``××单位``,
``请填写``) — a label or a section's title: such a line stays text, no unit read from it.

A header cell can also hold a money label and its amount together, the page having lost the cell
boundary between them (``年度资金总额:50万`` beside the fund's name): :func:`money_pair_cells` splits it
into the label and the amount, only when the label is a budget label and the rest is an amount
(``其中：财政拨款：40``, the 其中 written with its own colon, is the pair 其中：财政拨款 | 40).
:func:`money_run_cells` splits a cell holding the whole funds block on one line (``年度资金总额：50  其中：财政拨款：40
其他资金：10``, ``年度资金总额50万元，其中：财政拨款40万元，其他资金10万元``) into its pairs, only when every part is a
money label and its amount and the first is the budget's total or its 财政资金.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from perfbudget.readers.labels import (
    MONEY_BLOCKS,
    SECTION_NUMBER,
    UNIT_EXTRAS,
    header_field,
    is_any_label,
    is_footer,
    is_level_part,
    label_key,
)
from perfbudget.text_caches import keyed_on_texts

_PARTS = re.compile(r"(?:[ \u00a0]{2,}|\u3000+|\t+)")
_PAIR = re.compile(r"^(?P<label>[^：:]{2,16}?)\s*[：:]\s*(?P<value>.*)$", re.S)
_MONEY_UNIT = re.compile(r"^(?:金额)?单位\s*[:：]\s*(?:万元|元|千元|亿元)$")
_INNER_PAIR = re.compile(r"(?:^|\s)[^\s:：]{2,8}[:：]")
_IDENTITY = frozenset({"unit", "department", "unit-code", "name"})
_MONEY = frozenset({"total", "fiscal", "other"})
# a form's funds: the money a label line holds and the project's whole total (项目总金额)
FUNDS_FIELDS = _MONEY | {"project-total"}


def is_funds_label(label: str) -> bool:
    """``label`` names a form's funds: a funds field (年度资金总额, 财政拨款) or a funds block (资金情况, 项目资金)."""
    return header_field(label) in FUNDS_FIELDS or label_key(label) in MONEY_BLOCKS


# the fields a form's header block names: who and what the table is about, and its funds
BLOCK_FIELDS = _IDENTITY | FUNDS_FIELDS
# the labels kept as extras that name a unit: those project_fields.unit_from_fields takes the budget unit from where
# the table names none (labels.UNIT_EXTRAS: 主管部门, 实施单位 …), and 项目单位 (the project's, never the budget unit)
UNIT_NAMING = frozenset((*UNIT_EXTRAS, "项目单位"))
_AMOUNT = re.compile(r"^[-+]?\d+(?:\.\d+)?(?:万元|万|元)?$")


def is_own_pair(text: str) -> bool:
    """Whether a text is a ``label：value`` pair of its own (``评价方式: 自评``): a short label, no digit or bracket in
    it, its colon and a value after it (``_INNER_PAIR`` at the text's start) — never a unit's name."""
    found = _INNER_PAIR.match(text := text.strip())
    return found is not None and bool(text[found.end():].strip()) and _NO_LABEL_CHARS.search(found.group()) is None


_NO_LABEL_CHARS = re.compile(r"[\d()（）]")


def has_gap(text: str) -> bool:
    """Whether a text holds a gap between the parts of a label line: two spaces or more (NBSP too), a full-width
    space or a tab (``项目名称\u3000\u3000代表之家``). The one test of a gap: the stream and the header block ask it
    before they split a cell into pairs."""
    return _PARTS.search(text) is not None


@keyed_on_texts
@lru_cache(maxsize=4096)
def label_line_cells(line: str) -> tuple[str, ...] | None:
    """The cells of a ``label：value`` line (label, value, label, value …; a money-unit note as one cell; a pair
    written one space after a value, ``填报日期:…``, as one cell after it), or None when the line is not one (see the
    module's docstring)."""
    return _pair_cells(line, True)


# A form's seal or signature note, (盖章), （签字）: where the unit stamps or a person signs, never a value
_SEAL_NOTE = r"[(（]\s*(?:盖章|签章|公章|签字|签名|章)\s*[)）]"
_ONLY_SEAL_NOTE = re.compile(rf"^{_SEAL_NOTE}$")
# A form's blank to be filled in: only fill marks (________, ＿＿, ——, …, ***)
_FILL_MARKS = re.compile(r"^[_＿—\-－…*＊\s]+$")
# A label, its seal or signature note and its value in one cell (填报单位(盖章)湖北省公安厅: a provincial 部门整体
# 自评表's first row as its page has it, `162`): the note ends the label, so the value is told without a guess
_SEALED = re.compile(rf"^(?P<label>[^()（）:：\d]{{2,12}}?)\s*(?P<note>{_SEAL_NOTE})\s*(?P<value>[^\s(（:：].*)$")


# A template's placeholder where a name is to be written: a run of ×/X (××单位, XXX项目), a prompt (请填写…), a
# note naming what to write (（单位全称）), a slash or 无 (nothing to name)
_PLACEHOLDER = re.compile(r"^(?:.*[×x*]{2,}.*|请(?:填写|输入|选择|填).*"
                          r"|[(（][^()（）]*(?:全称|名称|填写)[^()（）]*[)）]|[/\\]+|无)$")


def is_blank_to_fill(text: str) -> bool:
    """Whether a value cell holds only a form's blank: a seal or signature note (``（盖章）``), fill marks
    (``________``, ``—``) or a template's placeholder (``××单位``, ``XXX项目``, ``请填写``, ``（单位全称）``, ``/``,
    ``无``): where a unit or name is to be written, not one."""
    text = text.strip()
    return bool(text) and (_ONLY_SEAL_NOTE.match(text) is not None or _FILL_MARKS.match(text) is not None
                           or _PLACEHOLDER.match(unicodedata.normalize("NFKC", text).lower()) is not None)


def _no_value(text: str) -> bool:
    """Whether a text typed after a label's gap is no value of it: a form's blank (:func:`is_blank_to_fill`), a
    label (``单位名称``, or a closing one, ``填报人``) or a numbered section's title (``一、项目基本情况``)."""
    return is_blank_to_fill(text) or is_any_label(text) or is_footer(text) or is_section_title(text)


def sealed_label_cells(text: str) -> tuple[str, str] | None:
    """(label with its note, value) of a cell ``填报单位(盖章)湖北省公安厅`` whose label the reader knows and whose
    value is no label; None for any other cell."""
    found = _SEALED.match(text.strip())
    if found is None or header_field(found["label"]) is None or is_any_label(found["value"]):
        return None
    return found["label"] + found["note"], found["value"].strip()


@keyed_on_texts
@lru_cache(maxsize=4096)
def lead_line_cells(line: str) -> tuple[str, ...] | None:
    """The cells of a line that goes on with label lines already begun (a line naming the unit or project came
    first): the same pairs without a label naming the unit or project (``主管部门：某局``, ``年度资金总额：16万元``,
    ``年度目标：…``), a money label and its amount (``其中：财政拨款：16万元``), or the funds block on one line; None
    for any other line (a heading, a sentence, a numbered section title). layouts24: such lines were read as
    headings, the budget lost without a word."""
    return _pair_cells(line, False) or money_pair_cells(line.strip()) or money_run_cells(line.strip()) \
        or _part_cells(line.strip()) or _unit_block_cells(line.strip())


_UNIT_NOTE = re.compile(r"[(（]\s*(?:万元|元|千元|亿元)\s*[)）]$")


def _unit_block_cells(text: str) -> tuple[str] | None:
    """``(项目资金（万元）,)`` for a funds block's label with its money unit, also under a section number
    (``二、项目资金（万元）``): a row of that label, so the unit is read; None for any other line."""
    if not _UNIT_NOTE.search(text):
        return None
    label = _titled_label(text)
    return (label,) if is_any_label(label) else None


def _part_cells(text: str) -> tuple[str, str] | None:
    """``(其中：上级资金, 16万元)`` for a funds part the labels do not know, written ``其中：label：amount``: kept as
    a row of its label and amount (the header block keeps it under that label), never dropped as a heading."""
    pair = _PAIR.match(text)
    if pair is None or pair["label"].strip() != "其中" or (inner := _PAIR.match(pair["value"])) is None:
        return None
    amount = "".join(unicodedata.normalize("NFKC", inner["value"]).split()).replace(",", "")
    if not _AMOUNT.match(amount):
        return None
    return f"其中：{inner['label'].strip()}", inner["value"].strip()


def _pair_cells(line: str, identity_needed: bool) -> tuple[str, ...] | None:
    if "：" not in line and ":" not in line:
        return _spaced_pair(line, identity_needed)
    cells: list[str] = []
    identity = False
    for part in _padded_values([part.strip() for part in _PARTS.split(line.strip())]):
        if not part:
            continue
        if _MONEY_UNIT.match(unicodedata.normalize("NFKC", part)):
            cells.append(part)
            continue
        pair = _PAIR.match(part)
        field = header_field(pair["label"]) if pair else None
        if pair is None or field is None or field.startswith("group:"):
            return None
        identity = identity or field in _IDENTITY
        value = pair["value"].strip()
        if (inner := _INNER_PAIR.search(value)) is not None:
            # 单位名称:某社 填报日期:2023年4月15日: a second pair one space on is no part of the value, but a text of
            # its own (kept, unlabelled); one right after the colon (填报单位: 单位负责人:) leaves the line text
            if not value[:inner.start()].strip():
                return None
            cells.extend((pair["label"].strip(), value[:inner.start()].strip(), value[inner.start():].strip()))
            continue
        cells.extend((pair["label"].strip(), value))
    return tuple(cells) if cells and (identity or not identity_needed) else None


def _spaced_pair(line: str, identity_needed: bool) -> tuple[str, str] | None:
    """``(项目名称, 代表之家)`` for a cover page's line ``项目名称            代表之家``: a label naming the unit or
    the project, no colon, its value typed after a wide gap (kinds44: `95`'s cover, its name lost — only the colon's
    form was a pair, kinds43). Only a line of those two parts, the value no amount, no pair and no value at all
    (:func:`_no_value`: a blank, a placeholder, a label, a section's title); as the colon's form, a label naming
    a unit kept as an extra (实施单位, 项目单位 …) only once label lines have begun (``identity_needed`` False). Any
    other line without a colon stays what it was."""
    parts = [part.strip() for part in _PARTS.split(line.strip())]
    if len(parts) != 2 or (header_field(parts[0]) not in _IDENTITY
                           and (identity_needed or label_key(parts[0]) not in UNIT_NAMING)):
        return None
    value = parts[1]
    if _no_value(value) or _AMOUNT.match(value.replace(",", "")) \
            or _INNER_PAIR.search(value) is not None or "：" in value or ":" in value:
        return None
    return parts[0], value


def _padded_values(parts: list[str]) -> list[str]:
    """The parts of a line with a value padded away from its label joined to it: ``部门(单位)名称:`` and
    ``岳阳市城市管理监督指挥中心`` (a cover page's ``部门(单位)名称:  岳阳市…``, the value typed after spaces) are one
    pair, where the label's colon ends its part and the next part is no pair of its own (kinds43: the line was no
    label line, its unit lost) nor a form's blank (``填报单位：    （盖章）``, ``单位名称：  ________``:
    :func:`is_blank_to_fill`) nor a label (``项目名称：    单位名称``): those leave the label without a value, and so
    the line text."""
    joined: list[str] = []
    for part in parts:
        if joined and joined[-1][-1:] in ":：" and part and _PAIR.match(part) is None and not _no_value(part):
            joined[-1] = f"{joined[-1]}{part}"
        else:
            joined.append(part)
    return joined


_CUT_FIELDS = frozenset({"unit", "department", "name"})
_CUT_TAIL = re.compile(r"^[^\d:：|表]{1,12}$")


def cut_value_line(cells: tuple[str, ...], line: str) -> tuple[str, ...] | None:
    """A ``label：value`` line's cells with the next line joined to its last value, where the page cut that value
    in two (``填报单位:桃源县`` / ``财政局``): the last pair names the unit or the project and has a value, and the
    line is a short text without a digit, colon or 表 that is no label. None otherwise (misses22)."""
    text = line.strip()
    if len(cells) < 2 or len(cells) % 2 or not cells[-1] or header_field(cells[-2]) not in _CUT_FIELDS \
            or not _CUT_TAIL.match(text) or is_any_label(text) or is_section_title(text):
        return None
    return (*cells[:-1], f"{cells[-1]}{text}")


# a goal list's item: 2.…, 2、…, （2）…, ②… (a digit before its point: 2.5万元 is no item)
_ITEM_NUMBER = re.compile(r"^(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.．、)）](?!\d)|[\u2460-\u2473])")
# what a line cut inside a sentence ends in (the goal goes on on the next line)
_CUT_INSIDE = frozenset("，,、：:")
# what a goal's sentence ends in
_SENTENCE_END = frozenset("。．.；;！!？?，,")
# what a goal ends in when more of its list follows
_LIST_GOES_ON = frozenset("；;")


def goal_line(cells: tuple[str, ...], line: str) -> tuple[str, ...] | None:
    """A label line's cells whose last pair is the goal (``年度目标：…``, or the goal under its section title) with
    the next line added to the goal, where the goal goes on over lines: a numbered item (``2.保障道路安全畅通。``,
    ``（2）…``, ``②…``) as a goal of its own (a paragraph of the cell), the rest of a sentence the line cut inside
    (the goal so far ends in ``，``, ``、`` or ``：``) joined to it, a sentence after a goal ending in ``；`` (the list
    goes on; no note 注… or pair) as a goal of its own, or, under a label with no value yet, a numbered item or a
    sentence. None for any other line: a section title (also one numbered in digits, ``2.绩效指标``), a label or a
    pair, a title (…表), a line after a goal whose sentence ended. reading25: such lines were read as the table's
    heading, ``2.…`` as the project's sequence number and title, the goals after the first lost."""
    text = line.strip()
    if len(cells) < 2 or len(cells) % 2 or header_field(cells[-2]) != "goals" or not text \
            or is_section_title(text) or is_any_label(text) or text.endswith("表") \
            or ((pair := _PAIR.match(text)) is not None and header_field(pair["label"]) is not None):
        return None
    goal = cells[-1].strip()
    if (item := _ITEM_NUMBER.match(text)) is not None:
        if is_any_label(text[item.end():].strip().rstrip("：:")):
            return None  # 2.绩效指标: a section numbered in digits, never a goal
        return (*cells[:-1], f"{goal}\n{text}" if goal else text)
    if goal and goes_on_inside(goal):
        return (*cells[:-1], goal + text)
    if goal and goal[-1] in _LIST_GOES_ON and text[-1] in _SENTENCE_END and not text.startswith("注") \
            and _PAIR.match(text) is None:  # (注：本表…。, 备注：无。: a note or a pair after the list, never its item)
        return (*cells[:-1], f"{goal}\n{text}")  # …服务； / 服务合格率达到95%以上。: the list's next item (reading42)
    if not goal and text[-1] in _SENTENCE_END:
        return (*cells[:-1], text)
    return None


def goes_on_inside(goal: str) -> bool:
    """The goal so far ends inside its sentence (``，``, ``、``, ``：``): the next line is its rest."""
    return goal[-1:] in _CUT_INSIDE


def is_section_title(text: str) -> bool:
    """``二、绩效目标``, ``（一）年度目标``, ``第二部分``: a line opening a numbered section of a notice."""
    return SECTION_NUMBER.match(text) is not None


def section_pair(title: str | None, line: str) -> tuple[str, str] | None:
    """``(年度目标, 全面改善…)`` for a title naming the goal (``（一）年度目标``, ``三、绩效目标``, ``1.年度目标``, or
    ``年度目标`` alone: :func:`goal_title`) and the line right after it, a text that is no label, pair or section
    title: the goal written under its title, as a notice's label lines have it (layouts24; reading42: a title
    without a number, or numbered in digits, lost its goal — ``1.年度目标`` was itself read as the goal). None
    otherwise."""
    if title is None or (label := goal_title(title)) is None:
        return None
    text = line.strip()
    if not text or is_section_title(text) or is_any_label(text) or _PAIR.match(text) is not None \
            or goal_title(text) is not None:
        return None  # (三、绩效目标 / 1.年度目标: a section, then the goal's own title, never the goal)
    return label, text


# the longest block's title a form merges across its row (年度总体目标完成情况, 项目资金（万元）): a label, never a
# sentence written under it
_TITLE_LONGEST = 16


def _titled_label(text: str) -> str:
    """``text`` without its section or list number and closing colon (``（一）年度目标：`` → ``年度目标``,
    ``1.年度目标`` → ``年度目标``)."""
    text = text.strip()
    number = SECTION_NUMBER.match(text) or _ITEM_NUMBER.match(text)
    return (text[number.end():] if number is not None else text).strip().rstrip("：:").strip()


def goal_title(text: str) -> str | None:
    """The goal's label of a line that is only its title (``年度目标``, ``（一）年度目标``, ``1.年度绩效目标：``,
    ``三、绩效目标``: a line ``header_field`` reads as the goal's label), else None."""
    label = _titled_label(text)
    return label if len(label) <= _TITLE_LONGEST and header_field(text) == "goals" else None


def block_title(text: str) -> str | None:
    """The label of a line that is only a block's title inside a form: the goal's (:func:`goal_title`) or the funds
    block's (``项目资金（万元）``, ``二、资金情况``: the label a form merges across its row), else None."""
    if (label := goal_title(text)) is not None:
        return label
    label = _titled_label(text)
    return label if len(label) <= _TITLE_LONGEST and label_key(label) in MONEY_BLOCKS else None


_TAB_RUN = re.compile(r"\t+")


@keyed_on_texts
@lru_cache(maxsize=4096)
def tab_row_cells(line: str) -> tuple[tuple[str, ...], bool, bool] | None:
    """The cells of a paragraph typed as a table row with tab stops (``项目名称<TAB>校舍维修<TAB>主管部门<TAB>某局``;
    a leading tab is one empty cell, a run of tabs one separator), whether its first cell is a label of the form
    (such a row can start a run of them) and whether one of its cells names the unit or the project; None for a
    paragraph without a tab or with fewer than two cells. The reader keeps a run of such paragraphs, started by a
    label, as a table's header part only when the run names the project."""
    if "\t" not in line or not line.strip():
        return None
    cells = tuple(part.strip() for part in _TAB_RUN.split(line.rstrip()))
    filled = [cell for cell in cells if cell]
    if len(cells) < 2 or not filled:
        return None
    return cells, is_any_label(filled[0]), any(header_field(cell) in _IDENTITY for cell in filled)


@keyed_on_texts
@lru_cache(maxsize=4096)
def money_lines_cells(text: str) -> tuple[str, ...] | None:
    """The budget pairs of a cell holding the funds block one line a part (``资金总额: 250`` / ``一、预算资金:250`` /
    ``二、自有资金:0`` / ``三、其他:0``, a Word form's 项目资金申请 cell): every line a label, a colon and an amount,
    the first a budget label (``资金总额``). Each line gives what it gives as a cell of its own: a budget label's line
    its pair (label, amount), any other line itself (kept as an extra, as written); None for any other cell."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or money_pair_cells(lines[0]) is None:
        return None
    cells: list[str] = []
    for line in lines:
        pair = _PAIR.match(line)
        if pair is None or not _AMOUNT.match("".join(unicodedata.normalize("NFKC", pair["value"]).split())
                                            .replace(",", "")):
            return None
        money = money_pair_cells(line)
        cells.extend(money if money is not None else (line,))  # 一、预算资金:250: one cell, as written
    return tuple(cells)


@keyed_on_texts
@lru_cache(maxsize=4096)
def money_pair_cells(text: str) -> tuple[str, str] | None:
    """``(年度资金总额, 50万)`` for a cell ``年度资金总额:50万`` (a budget label, a colon, an amount and nothing
    more; ``其中：财政拨款：40`` is ``(其中：财政拨款, 40)``); None for any other cell."""
    pair = _PAIR.match(text.strip())
    if pair is None:
        return None
    if pair["label"].strip() == "其中" and (inner := _PAIR.match(pair["value"])) is not None:
        pair = _PAIR.match(f"其中{inner['label']}：{inner['value']}")  # 其中：财政拨款：40
        if pair is None:
            return None
    value = "".join(unicodedata.normalize("NFKC", pair["value"]).split()).replace(",", "")
    if not _AMOUNT.match(value) or header_field(pair["label"]) not in _MONEY:
        return None
    return pair["label"].strip(), pair["value"].strip()


# one part of a funds block written on one line: a label (no digit, no separator), an optional colon, an amount
_RUN_PART = re.compile(r"(?P<label>(?:其中:?)?[^\d\s:,;、。()]+?(?:\((?:万元|元|千元|亿元)\))?)"
                       r":?(?P<amount>[-+]?\d+(?:\.\d+)?(?:万元|万|元)?)")
_RUN_GAP = re.compile(r"[\s,;、。()]*")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
_RUN_FIELDS = frozenset({"total", "fiscal", "other", "fiscal-part", "other-source"})


@keyed_on_texts
@lru_cache(maxsize=4096)
def money_run_cells(text: str) -> tuple[str, ...] | None:
    """The pairs (label, amount, label, amount …) of a cell holding the funds block on one line:
    ``年度资金总额：50  其中：财政拨款：40  其他资金：10``, ``资金总额50万元，其中财政拨款40万元（其他资金10万元）``,
    ``资金总额（万元）：50，其中：…`` (a label's money unit in brackets kept with it, read as the table's).
    Every part must be a money label (其中 before it is kept with it; a level of government's money after such a
    part is one too) and its amount, the first the budget's total or its 财政资金 (资金来源 | 财政拨款：40
    其他资金：10), at least two parts, with nothing but spaces and punctuation between them; None for any other cell
    (a sentence, a note, an unknown label)."""
    normal = _THOUSANDS.sub("", unicodedata.normalize("NFKC", text))
    cells: list[str] = []
    position = _RUN_GAP.match(normal).end()  # type: ignore[union-attr]
    while position < len(normal):
        part = _RUN_PART.match(normal, position)
        if part is None:
            return None
        label = part["label"]
        if label.startswith("其中:"):
            label = "其中" + label[3:]
        field = header_field(label)
        if field is None and cells and is_level_part(label) \
                and (header_field(cells[-2]) == "fiscal-part" or is_level_part(cells[-2])):
            field = "fiscal-part"  # 其中:中央资金30 县级资金20: the list of parts goes on
        if field not in _RUN_FIELDS or (not cells and field not in ("total", "fiscal")):
            return None
        cells.extend((label, part["amount"]))
        position = _RUN_GAP.match(normal, part.end()).end()  # type: ignore[union-attr]
    return tuple(cells) if len(cells) >= 4 else None
