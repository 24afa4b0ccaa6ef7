"""A form glued into one paragraph and cut before its indicators: its header block is read, the cut reported.

A document site's preview (``附件1:2018年度市级专项资金绩效目标申报表单位:万元申报部门(单位)南京市财政局项目名称
农桥建设专项资金…项目概况立项依据…``) or a news mirror that runs a notice, an allocation table and the
绩效目标表 into one paragraph (``…附件2中央财政强制免疫补助资金绩效目标表(2025年度)项目名称强制免疫补助…资金总额:
35其中:财政拨款35…总体目标按照…``) may stop before the form's indicators. A careful person still reads the
form's title, its name and its money from such a paragraph: the labels are known words. So is it read here:

* the paragraph holds a form's title (``…绩效目标表``, ``…绩效目标申报表``, ``区域绩效目标表``) followed within a few
  characters by a project-name label (项目名称, 资金名称, 专项名称 …), and no glued indicator header (a whole
  glued form goes :func:`perfbudget.readers.text_glued.read_glued_paragraph`);
* from the title on, the paragraph is split at the labels it holds (a label keeps its note: 资金情况(万元));
* the split stops at the first label of a prose section (项目概况, 立项依据, 总体目标 …): what follows it is that
  section's text, kept whole (its words — 项目资金, 财政资金 — are no labels there), up to where the page stops.

The table is then interpreted as any other: a form cut before its indicators is reported as cut at the
paragraph's end, and a name without a budget is no project (a warning names it), as elsewhere. Asked only
when no layout took the text. The text before the title (the notice, an allocation table) is not read.
"""

from __future__ import annotations

import re
import unicodedata

from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.glued_funds import SplitBudget, split_glued_funds
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.labels import label_key
from perfbudget.readers.text_glued import GLUED_HEADER, GLUED_NEEDS_CHECK, LABEL_WITH_NOTE, split_labels
from perfbudget.readers.text_lines import head_lines

# A form's title: 绩效目标表, 绩效目标申报表, 区域绩效目标表 (not 绩效目标自评表: a self-evaluation's block is
# read by its own columns, which a cut page has not shown), with its (2025年度) after it; and a self-evaluation
# report form's, 项目绩效自评报告表(实施单位用), whose header block is labels and their values as a target form's
# is (项目名称 … 资金总额及构成 总额1002.6万元,其中:…: Hunan's, corpus 211, kinds46).
_TITLE = re.compile(r"(?:绩效目标(?:申报|批复|审核|设定)?|绩效自评报告)表(?:[(（][^()（）]{0,10}[)）])?")
_NAME_LABEL = re.compile(r"项目名称|专项资金名称|专项名称|项目支出名称|资金名称|转移支付名称|转移支付项目名称")
_TITLE_TO_NAME = 60  # at most this many characters between the title and the name label (单位:万元申报部门…)
# Where a title's own words start: after the last mark, date or 附件 number before it (附件12023年…: 附件1, then the
# year of the title)
_TITLE_START = re.compile(r"[。；;:：,，、]|附件\d{0,2}?(?=(?:19|20)\d\d年|\D)|\d{1,2}日")
# 主管部门(单位)名称及部门预算编码, 部门(单位)名称: a note inside a label, dropped so that the label is one word
_NOTE_INSIDE_LABEL = re.compile(r"(?<=部门)[(（]单位[)）](?=名称)")
# Words of an indicator block: a header block holding one is not cut before its indicators (a form whose indicator
# part this reader cannot split, such as the old two-level 指标类型 | 绩效指标 form): no reading of its labels then
INDICATOR_WORDS = re.compile(r"一级指标|二级指标|三级指标|指标值|绩效指标|指标类型|指标名称"
                              r"|产出指标|效益指标|满意度指标")
# Labels of prose sections: the text after one is that section's, to the page's end
_PROSE_LABELS = frozenset({"项目概况", "项目概况及立项依据", "立项依据", "总体目标", "年度目标", "年度总体目标",
                           "绩效目标", "年度绩效目标", "项目总体目标", "项目总体概况"})
# A 部门整体 form's title (部门整体支出绩效目标申报表, 部门整体支出绩效自评表(2021年度)) and the label naming its
# department; the labels of its money a glued block holds beside the known ones (按收入性质分: 2456.18, 年度预算申请)
DEPARTMENT_TITLE = re.compile(r"(?:部门|单位)(?:[(（]单位[)）])?整体(?:支出)?绩效(?:目标|自评)(?:申报|批复|审核)?表"
                               r"(?:[(（][^()（）]{0,10}[)）])?")
_UNIT_LABEL = re.compile(r"(?:[省市州县区]级)?预算单位名称|部门(?:[(（]单位[)）])?名称|单位名称")
_BY_NATURE = re.compile(r"按(?:收入|支出)性质分")
_COLON_CELL = re.compile(r"[^:：\d]+[:：]|\d+(?:\.\d+)?%?|[^:：\d]+")  # a label with its colon, an amount, words
_DEPARTMENT_LABELS = re.compile(r"按(?:收入|支出)性质分|年度预算申请(?:[(（][^()（）]{0,8}[)）])?|"
                                + LABEL_WITH_NOTE.pattern)
# cells apart by spaces: two CJK characters with a space between (部门(单位) 名称 填报人 广水市…)
SPACED_CELLS = re.compile(r"[\u4e00-\u9fff)）]\s+[\u4e00-\u9fff(（]")
_MIN_LENGTH = 200
_MAX_LENGTH = 20000
# A longer line is no cut form (it would hold far more than _MAX_LENGTH characters that are not spaces), and is
# not rewritten to tell: normalizing a 40 MB line held the interpreter's lock for some 2 s, stalling every other
# request of the server (hostile20, 2026-12-05).
_MAX_LINE = 10 * _MAX_LENGTH


def _compact(line: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", line))


def cut_form_parts(line: str) -> tuple[str, str] | None:
    """(title, header block from the title's end) of a paragraph holding a form cut before its indicators;
    None for anything else (a short line, a whole glued form with its indicator header, a form whose indicator
    part is there in another layout, prose)."""
    if len(line) > _MAX_LINE:
        return None
    compact = _compact(line)
    if not _MIN_LENGTH <= len(compact) <= _MAX_LENGTH or GLUED_HEADER.search(compact):
        return None
    department = _department_form(line, compact)
    titles = list(_TITLE.finditer(compact)) if department is None else [department]
    for name in (_NAME_LABEL if department is None else _UNIT_LABEL).finditer(compact):
        before = [t for t in titles if t.end() <= name.start() <= t.end() + _TITLE_TO_NAME]
        if before:
            title = before[-1]
            lead = compact[max(0, title.start() - 40):title.start()]
            starts = [m.end() for m in _TITLE_START.finditer(lead)]
            words = lead[starts[-1]:] if starts else lead
            block = compact[title.end():]
            if INDICATOR_WORDS.search(block):
                return None
            return words + title.group(), _NOTE_INSIDE_LABEL.sub("", block)
    return None


def _department_form(line: str, compact: str) -> re.Match[str] | None:
    """The title of a 部门整体 form (目标表 or 自评表) glued without a space between its cells, or None. Its header
    names the department (预算单位名称, 部门(单位)名称), not a project; a 自评表's funds grid is read by its columns'
    run (readers/glued_funds.py). A text whose cells stand apart by spaces (a PDF's text in its drawing order, the
    labels before their values: corpus 67, 148) is no glued form: nothing there says which value is whose."""
    title = DEPARTMENT_TITLE.search(compact)
    if title is None:
        return None
    start = line.find(title.group()[:4])
    head = line[start:start + _TITLE_TO_NAME * 3] if start >= 0 else line
    return None if SPACED_CELLS.search(head) else title


def _department_parts(block: str, splitting: SplitBudget) -> tuple[list[str], list[str]]:
    """A 部门整体 form's glued block split: its labels, its funds grid's runs by their columns (the runs left
    unsplit second), then its money by nature as the colon labels it is written with (按收入性质分:2456.18其中:
    基本支出:2299.98…: each label with its colon, each amount apart), up to a prose section kept whole."""
    by_nature = _BY_NATURE.search(block)
    if by_nature is None:
        return split_glued_funds(_header_block(block, _DEPARTMENT_LABELS), splitting)
    parts, unsplit = split_glued_funds(_header_block(block[:by_nature.start()], _DEPARTMENT_LABELS), splitting)
    tail = block[by_nature.start():]
    prose = next((m for m in LABEL_WITH_NOTE.finditer(tail) if label_key(m.group()) in _PROSE_LABELS), None)
    money = tail if prose is None else tail[:prose.start()]
    parts += [cell for cell in _COLON_CELL.findall(money) if cell.strip(" :：")]
    if prose is not None:
        parts += _header_block(tail[prose.start():])
    return parts, unsplit


def looks_like_cut_glued_form(text: str) -> bool:
    """A paragraph holding a form cut before its indicators (:func:`cut_form_parts`); asked only of a text no
    layout took."""
    return any(cut_form_parts(line) is not None for line in head_lines(text, 3000))


def _header_block(block: str, labels: re.Pattern[str] = LABEL_WITH_NOTE) -> list[str]:
    """The block split at its labels, up to the first prose section's label, whose text is kept whole."""
    for match in labels.finditer(block):
        if label_key(match.group()) in _PROSE_LABELS:
            before = split_labels(block[:match.start()], labels)
            rest = block[match.end():].strip(" :：")
            return [*before, match.group().strip(" :："), *([rest] if rest else [])]
    return split_labels(block, labels)


def read_cut_glued_form(text: str, file: str) -> list[RawTable]:
    """The header block of each paragraph holding a form cut before its indicators, as a table of one row."""
    tables: list[RawTable] = []
    splitting = SplitBudget()  # the funds runs' splits tried, the file's (glued_funds: attack36)
    for lineno, line in enumerate(text.splitlines(), 1):
        found = cut_form_parts(line)
        if found is None:
            continue
        title, block = found
        source = Source(file, line=lineno)
        table = RawTable(title, source, needs_check=(GLUED_NEEDS_CHECK,))
        parts = _header_block(block)
        if DEPARTMENT_TITLE.search(title):  # the department's labels and its funds grid's runs split by columns
            parts, unsplit = _department_parts(block, splitting)
            table.problems.extend(Problem(source, f"资金行的金额粘连在一起（「{run}」），无法可靠拆分到各列，未读取")
                                  for run in unsplit)
        table.rows.append([Cell(t, Source(file, line=lineno, column=j)) for j, t in enumerate(parts, 1)])
        table.problems.append(Problem(source, f"「{title}」的表头部分粘连在一段文字中：按标签（项目名称、资金总额…）"
                                              "拆开读取；标题之前的文字不是表的内容", Severity.INFO))
        tables.append(table)
    return tables
