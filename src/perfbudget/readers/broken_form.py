"""What a person sees is wrong with a glued form that no layout read (kinds35; corpus ``185``).

A document site's preview keeps a form's text a line a paragraph, its cells glued; when it reads at all, one of the
glued readers reads it. When none does, the refusal (readers/no_table.py) says the cells have no separators or the
table is cut at its header — true, but a person looking at the text sees more, and says where:

- the funds head's column names broken over lines and out of order (``年初全年预算全年`` / ``分值执行率得分`` /
  ``预算数数执行数``: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 cut at the cells' line breaks and read
  row by row): which figure belongs to which column cannot be told;
- a label of the header block alone on its line after the text that may be its value (``新田县教育局`` then
  ``部门名称``, the next line no value but the funds head): the pairs are not label then value;
- the text ending inside a figure (``年度资金总额4678.504468.``: two amounts glued, the second stopping at its point):
  the page was cut there.

- a label of the header block glued to its value (``部门(单位)名称重庆市…区级支出预算总量3724.39``), or an indicator
  head's column names glued one to the next (``绩效指标指标名称指标权重计量单位``): the first line of each, so that the
  user sees where the cells ran together, not only the form's title the refusal stands at (reading44, corpus ``192``).

Each is added to the refusal with its lines, only where the text shows it; nothing is read from them (a person could
only guess the grid). The lines after the form's first word are looked at (at most ``_MOST_LINES``), each short one
in simplified characters without a mirror's pinyin.
"""

from __future__ import annotations

import re

from perfbudget.readers.labels import COLUMN_LABELS, HEADER_LABELS, IGNORED_LABELS, header_field
from perfbudget.readers.traditional import simplified, without_pinyin

_MOST_LINES = 5000
_SHORT = 60  # longer lines are no head piece and no label
# a line made only of the funds head's words or their pieces (年初, 全年, 预算, 数 …)
_HEAD_PIECES = re.compile(r"(?:年初|全年|预算|执行[数率]|分值|得分|数)+")  # 预算数 is 预算+数: one split
_HEAD_WORDS = ("预算数", "执行数", "执行率", "分值", "得分")
_NAME_LABELS = frozenset({"项目名称", "部门名称", "单位名称", "部门(单位)名称", "部门（单位）名称", "主管部门",
                          "实施单位", "预算单位"})
_CUT_FIGURE = re.compile(r"\d\.$")
# the header block's labels and the indicator head's column names, as written (readers/labels.py), and every end of
# one (编码 of 项目编码, 负责人 of 项目负责人, 及代码 of 主管部门及代码): what follows a label and is one is no value
_HEADER = frozenset({*HEADER_LABELS, *_NAME_LABELS})
_COLUMN_HEADS = frozenset({*COLUMN_LABELS, *IGNORED_LABELS})
_LABEL_ENDS = frozenset(label[k:] for label in _HEADER | _COLUMN_HEADS for k in range(len(label)))
LONGEST_LABEL = max(map(len, _HEADER | _COLUMN_HEADS))  # the longest label the reader knows, in characters
_NAMING = frozenset({"name", "unit", "department"})  # the fields of a label that names the project or its unit
_VALUE_START = re.compile(r"[\u4e00-\u9fff\d]")

def broken_form(text: str, first_line: int) -> list[str]:
    """The refusal's added clauses (each starting with ``；``) for the text's lines from ``first_line`` (1-based)
    on: see the module's note; empty when the text shows none of them."""
    # (numbered as the reader numbers them: by line feeds)
    lines = text.split("\n", first_line - 1 + _MOST_LINES)[first_line - 1:first_line - 1 + _MOST_LINES]
    shown = [without_pinyin(line).strip() if len(line) <= 4 * _SHORT else "" for line in lines]
    plain = simplified("\n".join(line if len(line) <= _SHORT else "" for line in shown)).split("\n")  # (at once)
    if len(plain) != len(shown):
        plain = [line if len(line) <= _SHORT else "" for line in shown]
    said = [*_broken_head(shown, plain, first_line), *_label_after_value(shown, plain, first_line),
            *_glued_cells(shown, plain, first_line)]
    last = max((k for k, line in enumerate(shown) if line), default=None)
    if last is not None and _CUT_FIGURE.search(shown[last]):
        said.append(f"；文本在第{first_line + last}行「{shown[last]}」的数字中间结束（最后的数字停在小数点），"
                    "表格在此被截断，金额无法读取")
    return said


def _is_head_piece(line: str) -> bool:
    return bool(line) and _HEAD_PIECES.fullmatch(line) is not None


def _broken_head(shown: list[str], plain: list[str], first_line: int) -> list[str]:
    """The clause for the first run of two or more lines of the funds head's pieces naming three of its columns."""
    k = 0
    while k < len(plain):
        if not _is_head_piece(plain[k]):
            k += 1
            continue
        end = k
        while end + 1 < len(plain) and _is_head_piece(plain[end + 1]):
            end += 1
        joined = "".join(plain[k:end + 1])
        if end > k and sum(word in joined for word in _HEAD_WORDS) >= 3:
            quoted = "".join(f"「{line}」" for line in shown[k:end + 1])
            return [f"；资金表头的列名拆在第{first_line + k}–{first_line + end}行（{quoted}），各列名称断开、次序错乱，"
                    "无法对应各列的金额"]
        k = end + 1
    return []


def _label_after_value(shown: list[str], plain: list[str], first_line: int) -> list[str]:
    """The clause for the first header label alone on its line whose next line is no value (a head piece, another
    label) after a line of text that is none: the label written after its value."""
    for k in range(1, len(plain) - 1):
        if plain[k] not in _NAME_LABELS:
            continue
        before, after = plain[k - 1], plain[k + 1]
        if before and before not in _NAME_LABELS and not _is_head_piece(before) \
                and (_is_head_piece(after) or after in _NAME_LABELS):
            return [f"；「{shown[k]}」（第{first_line + k}行）写在其值之后：下一行不是它的值，"
                    f"上一行「{shown[k - 1]}」可能是它的值"]
    return []


def _glued_cells(shown: list[str], plain: list[str], first_line: int) -> list[str]:
    """The clauses for the first line whose header label runs into its value and the first whose indicator column
    names run together (each only where the text shows it). A line longer than a label's is looked at too (a whole
    header row run together, up to ``4 * _SHORT``), in simplified characters."""
    said = []
    lines = [plain[k] or simplified(line) for k, line in enumerate(shown)]
    label = next((k for k, line in enumerate(lines) if _glued_label(line)), None)
    if label is not None:
        said.append(f"；第{first_line + label}行「{shown[label]}」的标签和取值连在一起（没有制表符、「|」或空格分开），"
                    "无法可靠地分开")
    columns = next((k for k, line in enumerate(lines) if _glued_columns(line)), None)
    if columns is not None:
        said.append(f"；第{first_line + columns}行「{shown[columns]}」的各列名称连在一起，各行指标的取值无法对应到列")
    return said


def _longest(line: str, labels: frozenset[str]) -> str:
    """The longest of ``labels`` that ``line`` starts with, or ""."""
    return next((line[:n] for n in range(min(len(line), LONGEST_LABEL), 1, -1) if line[:n] in labels), "")


def glued_pair(line: str) -> tuple[str, str] | None:
    """(label, value) of a ``line`` starting with a header label run into its value (its longest known label:
    预算单位名称, not 预算单位): a character or a digit at once, what follows no label and no label's end
    (项目名称及编码, 实施单位负责人 are labels); else None."""
    label = _longest(line, _HEADER)
    rest = line[len(label):]
    if label and _VALUE_START.match(rest) is not None and rest not in _LABEL_ENDS and header_field(rest) is None:
        return label, rest
    return None


def _glued_label(line: str) -> bool:
    """``line`` starts with a label naming the project or its unit run into a value (:func:`glued_pair`)."""
    pair = glued_pair(line)
    return pair is not None and (pair[0] in _NAME_LABELS or header_field(pair[0]) in _NAMING)


def _glued_columns(line: str) -> bool:
    """``line`` starts with two column names of an indicator head run together (绩效指标指标名称指标权重…), each the
    longest known at its place (一级指标 is one name, not 一级 + 指标), the line itself no name."""
    first = _longest(line, _COLUMN_HEADS)
    return bool(first) and first != line and bool(_longest(line[len(first):], _COLUMN_HEADS))
