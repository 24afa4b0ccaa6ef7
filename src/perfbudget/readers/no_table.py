"""The refusal of a text in which no layout found a table: where the form's words stand, and what to do.

A text refused with 没有表格结构 is most often a table whose cells lost their separators (a document site's
preview glued into one paragraph, a sheet's rows each glued on a line, a PDF's text in drawing order) or a page
cut before its table; sometimes no table at all (a notice, a report's prose). The error is put at the first line
holding a word of a form (项目名称, 一级指标 …, in either script), so that the user sees which part could not
be read, and says what to do; a text without any such word is told to be no target table. Asked only once
every layout has refused the text: nothing is spent on a text that reads.
"""

from __future__ import annotations

import re
import unicodedata

from perfbudget.model import Problem, Source
from perfbudget.readers.broken_form import broken_form

NO_TABLE = "没有找到可识别的绩效目标表（文本中没有表格结构）"
# Words of a target or self-evaluation form, simplified and traditional
# (绩效目标 alone is not one: a notice's prose says it as often as a form)
FORM_WORDS = ("项目名称", "一级指标", "二级指标", "三级指标", "指标名称", "指标值", "绩效指标", "绩效目标表",
              "目标申报表", "自评表", "項目名稱", "一級指標", "二級指標", "三級指標", "指標名稱", "指標值", "績效指標",
              "績效目標表", "目標申報表", "自評表")
AT_FORM_WORD = ("{no_table}：这一行有表格的文字「{word}」，但各单元格之间没有可识别的分隔（制表符、「|」、每格一行），"
                "或表格在表头处被截断，无法分出各列，未读取{missing}；请导入原表格文件（Excel、Word 或 PDF），"
                "或复制表格时保留单元格之间的制表符")
WITHOUT_FORM_WORDS = ("{no_table}：文本中没有「项目名称」「一级指标」「指标值」等表格文字；"
                      "请确认导入的是项目支出绩效目标表或自评表")


# An evaluation score sheet's header, its cells run together or apart by spaces (一级指 标 二级指标 三级指标 得分: a
# PDF's text, corpus 147): the three levels with their weights or scores, no 指标值 column
_SCORE_SHEET = re.compile(r"一级指标(?:分值|权重)?二级指标(?:分值|权重)?三级指标(?:分值|权重)?"
                          r"(?:得分|自评得分|评价得分)")
_MOST_LINES = 5000
_LONGEST_LINE = 100_000
SCORE_SHEET_TEXT = ("{no_table}：这一行是绩效评价评分表的表头「{header}」（一级指标、二级指标、三级指标只配分值、得分，"
                    "没有指标值列），不是绩效目标表或自评表：其中的评价指标没有作为绩效指标读取")


def _score_sheet_line(text: str) -> tuple[int, str] | None:
    """(line number, header) of the first line holding a score sheet's header, its spaces dropped; None when none
    or when a 指标值 column follows it (a form's header after all)."""
    if "三级" not in text:
        return None
    for lineno, line in enumerate(text.splitlines()[:_MOST_LINES], 1):
        if "三级" not in line or len(line) > _LONGEST_LINE:  # (normalizing a 40 MB line holds the lock: hostile20)
            continue
        compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", line))
        found = _SCORE_SHEET.search(compact)
        if found is not None and "指标值" not in compact[found.start():found.end() + 20]:
            return lineno, found.group()
    return None


def no_table_problem(text: str, file: str) -> Problem:
    """The error for a text no layout took: at a score sheet's header, told as such (no target table); else at the
    first line holding a form's word when there is one."""
    if (sheet := _score_sheet_line(text)) is not None:
        return Problem(Source(file, line=sheet[0]), SCORE_SHEET_TEXT.format(no_table=NO_TABLE, header=sheet[1]))
    found = [(at, word) for word in FORM_WORDS if (at := text.find(word)) >= 0]
    if not found:
        return Problem(Source(file), WITHOUT_FORM_WORDS.format(no_table=NO_TABLE))
    at, word = min(found)
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    lineno = text.count("\n", 0, at) + 1
    said = AT_FORM_WORD.format(no_table=NO_TABLE, word=_title_of(line, at - line_start, word),
                               missing="".join([*_what_is_missing(text), *broken_form(text, lineno)]))
    return Problem(Source(file, line=lineno), said)


# Where a form's title starts before its word: after a mark, a list number or a space (1、重庆市…自评表)
_TITLE_START = re.compile(r".*[、。：:，,；;|\s)）《》「」“”]")
_TITLE_WORDS = ("绩效目标表", "目标申报表", "自评表", "績效目標表", "目標申報表", "自評表")


def _title_of(line: str, at: int, word: str) -> str:
    """The form's title ending with ``word`` at ``at`` of ``line`` (重庆市梁平区林业局2023年度部门整体绩效自评表: the
    words before it up to a mark, 40 characters at most), or ``word`` itself for a label (项目名称, 一级指标)."""
    if word not in _TITLE_WORDS or len(line) > _LONGEST_LINE:
        return word
    lead = line[max(0, at - 40):at]
    return lead[_title_start(lead):] + word


def _title_start(lead: str) -> int:
    """Where the title starts in ``lead``: after its last mark, a closing bracket that closes a word's note
    (部门(单位): the title's own, reading44 — 「整体绩效目标表」 was all `192`'s refusal named) looked past; a list
    number's bracket ((一)重庆市…) is a mark."""
    end = len(lead)
    while (start := _TITLE_START.match(lead, 0, end)) is not None:
        closing = start.end() - 1
        if lead[closing] in ")）":
            opening = max(lead.rfind("(", 0, closing), lead.rfind("（", 0, closing))
            if opening > 0 and "\u4e00" <= lead[opening - 1] <= "\u9fff":
                end = opening
                continue
        return start.end()
    return 0


# A money label glued to an amount that lost its digits before the point (年度总金额.32.06.5: a preview's text)
_NO_INTEGER_DIGITS = re.compile(r"(?:总金额|预算数|执行数|财政拨款|资金总额|金额)[:：]?\.\d[\d.]{0,8}")


# Columns that hold an indicator's levels: the framework's, and the old forms' 评价指标 | 评价内容 (corpus `52`)
_LEVEL_COLUMNS = ("一级指标", "二级指标", "三级指标", "评价指标", "评价内容")


def _what_is_missing(text: str) -> list[str]:
    """What else a person sees is missing from a refused text's form (reading31, `122`): an indicator list with
    only a 指标名称 column (no 一级, 二级 or 三级 column), amounts without their digits before the point."""
    head = text[:_LONGEST_LINE]
    missing = []
    if "指标名称" in head and not any(level in head for level in _LEVEL_COLUMNS):
        missing.append("；其中的指标只有「指标名称」一列，没有一级、二级、三级指标的分列，无法归入指标体系")
    if (amount := _NO_INTEGER_DIGITS.search(head)) is not None:
        missing.append(f"；金额缺少小数点前的数字（「{amount.group()}」），预算无法读取")
    return missing
