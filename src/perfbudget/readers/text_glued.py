"""``glued-rows``: table text whose cells were glued together without any separator, one row per line.

Some pages lose every separator when a table is copied (``产出指标数量指标农村义务教育学校改造覆盖率100%``).
A careful person still reads such a line: the labels and level names are known words, and the
target is the value at the end of the line. The cells are split the same way here:

* a line of the header block is split at the header labels it holds (``项目名称X项目主管部门Y``);
* the indicator header is split at its column labels (``一级指标二级指标指标内容指标值``);
* an indicator line starts with an optional 一级 and 二级 name (known words); the rest is the 三级
  name followed by its target, split where the target begins: a number with its comparison and
  unit at the end (``≥90%``, ``63人``, ``2021年``) or a known qualitative target (``稳步提高``).

Only tables with one target column after the 三级 column are read (a self-evaluation whose
values and scores run together, ``10≥266米≥266米10``, cannot be split safely). An indicator line
that cannot be split is an error at its line, never a guess; every project read from glued
text is marked 需人工核对.
"""

from __future__ import annotations

import re
import unicodedata
from functools import partial

from perfbudget.framework import FRAMEWORK_2015, FRAMEWORK_2021, LEVEL1_NAMES
from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.closing_line import closing_rows, closing_start
from perfbudget.readers.glued_described_rows import described_plan, split_described_line
from perfbudget.readers.glued_funds import SplitBudget, split_glued_funds
from perfbudget.readers.glued_level_runs import split_level_run, starts_a_run
from perfbudget.readers.glued_paired_rows import paired_header, paired_row
from perfbudget.readers.glued_region_rows import region_header, region_rows
from perfbudget.readers.glued_stream import HEADER_SPAN, LEVEL_NAME, header_run, split_stream
from perfbudget.readers.glued_weighted_rows import weighted_header, weighted_row
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.labels import (
    COLUMN_LABELS,
    COUNTERS,
    EXECUTION_POINT_COLUMNS,
    FUND_COLUMNS,
    GOAL_ACTUAL,
    GOAL_EXPECTED,
    GOAL_OTHER,
    HEADER_LABELS,
    IGNORED_LABELS,
    MONEY_BLOCKS,
    SCORING_METHOD_COLUMNS,
    column_role,
    header_field,
    header_roles,
    is_footer,
    label_key,
    money_unit_note,
)
from perfbudget.readers.stream import better_heading
from perfbudget.readers.text_lines import head_lines

GLUED_NEEDS_CHECK = "单元格之间没有分隔（粘连在一起），按词表和取值形式拆开读取"
GLUED_HEADER = re.compile(r"一级指标二级指标|二级指标三级指标|三级指标指标值|指标内容指标值")

_LEVEL_WORDS = sorted({*LEVEL1_NAMES, *(n[:-2] + "指标" for n in LEVEL1_NAMES),
                       "项目完成指标", "项目效益指标", "预期产出指标", "效果指标",
                       *(n for f in (FRAMEWORK_2015, FRAMEWORK_2021) for names in f.values() for n in names),
                       "社会公众或服务对象满意度指标", "服务对象满意度", "满意度指标", "生态环境效益指标",
                       "可持续影响"}, key=len, reverse=True)
# Labels too common inside names (区域医疗中心) to split glued text at: each is a label only before what it labels.
_GUARDED_LABELS = {
    "区域": r"区域(?=[\u4e00-\u9fff]{1,8}?[省市区县旗盟州镇乡村][、,，])",  # 区域新罗区、永定区…
    # 项目预算 63 (a Hubei 申报表), never 项目预算执行情况 or 多次拨付项目|预算执行情况: only before its amount
    "项目预算": r"项目预算(?=\s*(?:[(（][^()（）]{0,4}[)）])?\s*[:：]?\s*\d)",
    # 省级补助 1763 (a province's transfer form), never 省级补助资金 inside a project's name: only before its amount
    "省级补助": r"省级补助(?=\s*(?:[(（][^()（）]{0,4}[)）])?\s*[:：]?\s*\d)",
    # a bare level column's label (一级 | 二级 | 三级) only beside the header's next label (一级 before 二级, 二级
    # before 三级, 三级 before a value column's), never a grade in a sentence (三级以下道路, 完成二级公路改造, 三级医院:
    # the goal of Beijing's 自评表, corpus 199, was split there and its row taken for the indicator header)
    "一级": r"一级(?=\s*二级)",
    "二级": r"二级(?=\s*三级)",
    "三级": r"三级(?=\s*(?:" + "|".join(map(re.escape, sorted(
        (w for w, f in COLUMN_LABELS.items() if not f.startswith("level")), key=lambda w: (-len(w), w)))) + "))",
}
# (a glued 分值执行率得分 is 分值 | 执行率 | 得分, never 分值 | 执行率得分: corpus 146; a scoring method's column,
# 得分计算方法 or 计分方法, is one label, never 得分 | 计算方法: Beijing's 自评表, corpus 199)
_LABEL_WORDS = sorted({*HEADER_LABELS, *COLUMN_LABELS, *FUND_COLUMNS, *GOAL_EXPECTED, *GOAL_ACTUAL, *GOAL_OTHER,
                       *IGNORED_LABELS, *SCORING_METHOD_COLUMNS,
                       "项目执行单位", "其中"} - _GUARDED_LABELS.keys()
                      - EXECUTION_POINT_COLUMNS.keys(), key=lambda w: (-len(w), w))
# A colon after a label's bracketed note or after spaces; without a note it starts only where a run of spaces starts
# (not again from each of its spaces: a run of 50,000 spaces without a colon after it was quadratic, attack27).
_COLON_ALTERNATIVE = r"|(?:[(（][^()（）]{0,6}[)）]\s*|(?<!\s)\s*)[:：]"
# A label followed by 表 is part of the table's title (绩效目标表, 绩效目标自评表, 项目支出绩效目标申报表), not a label.
# A part of the funds after 及, 和 or 与 is the second half of one source's name (中央及自治区补助, Guangxi's form:
# 中央及 | 自治区补助 until reading32), not a label of its own.
_PART_WORDS = frozenset(word for word, field in HEADER_LABELS.items()
                        if field in ("fiscal-part", "other-part", "other-source"))


def _label_word(word: str) -> str:
    return r"(?<![及和与])" + re.escape(word) if word in _PART_WORDS else re.escape(word)


_LABEL = re.compile("(?:" + "|".join(_label_word(w) for w in _LABEL_WORDS if len(w) >= 2)
                    + r")(?![自评申报审核]{0,3}表)"
                    + "".join("|" + pattern for pattern in _GUARDED_LABELS.values())
                    + _COLON_ALTERNATIVE)
# The same with a label's note kept with it (资金情况(万元), 申报部门(单位): one label, not 单位 inside the note):
# used by glued_cut_form, whose header blocks run on without a cell break before the next label.
LABEL_WITH_NOTE = re.compile("(?:" + "|".join(_label_word(w) for w in _LABEL_WORDS if len(w) >= 2)
                             + r")(?![自评申报审核]{0,3}表)(?:[(（][^()（）]{0,8}[)）])?"
                             + "".join("|" + pattern for pattern in _GUARDED_LABELS.values())
                             + _COLON_ALTERNATIVE)
_LEVEL_PREFIX = re.compile(r"^(?:" + "|".join(re.escape(w) for w in _LEVEL_WORDS) + r")(?:[(（]\d+分[)）])?")
_UNITS = ("万元|平方米|公里|小时|人次|工作日|分钟|个月|户次|次数|元(?:/[人户亩月年天次生]){1,3}|百分比"
          "|[%‰" + COUNTERS + "]")
_TARGET = re.compile(
    r"(?:(?:[≥≤><=≧≦＞＜＝][=＝]?|大于等于|小于等于|不低于|不高于|不少于|不超过|不大于|不小于)\s*)?"  # >=, ＞＝ too
    r"(?<!\d)\d+(?:\.\d+)?\s*(?:" + _UNITS + r")?(?:以上|以下|以内|及以上|及以下)?$"
    r"|(?:稳步提高|逐步提高|明显提高|显著提高|有效提高|有所提高|进一步提高|明显提升|显著提升|有效提升|稳步提升"
    r"|持续提升|大幅提升|明显改善|有效改善|逐步改善|持续改善|按时完成|及时完成|全面完成|达到预期|符合要求"
    r"|符合标准|有效|及时|长期|长远|深远|良好|达标|合格|优良|提高|提升|改善|增强|稳定)$")


def looks_like_glued_rows(text: str) -> bool:
    """An indicator header whose column labels touch (``一级指标二级指标…``) on a line of its own, or a line of
    glued indicator rows each closed by a number after a space (:func:`scored_segments`)."""
    lines = head_lines(text, 3000)
    return any(len(line) < 400 and GLUED_HEADER.search(line) for line in lines) \
        or any(len(line) < 4000 and scored_segments(line) is not None for line in lines)


def looks_like_glued_paragraph(text: str) -> bool:
    """A whole form glued into one paragraph (:func:`_paragraph_parts`); asked only of a text no layout took."""
    return any(_paragraph_parts(line) is not None for _, line in _paragraphs(head_lines(text, 3000)))


# A whole form glued into one paragraph (a document site's preview): its header block, a labelled cell at
# its start (项目名称…), then the glued indicator header and the rows after it.
_FORM_START = re.compile(r"项目名称|专项资金名称|专项名称|项目支出名称")


def _paragraph_parts(line: str) -> tuple[str, str] | None:
    """(header block, indicator part) of a paragraph of 400 characters or more holding a whole glued form:
    a project-name label, later the glued indicator header. None for anything else."""
    if len(line) < 400 or len(line) > 20000:
        return None
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", line))
    header = GLUED_HEADER.search(compact)
    start = _FORM_START.search(compact)
    if header is None or start is None or start.start() > header.start():
        return None
    # the first glued header pair found is the header's start (一级指标二级指标…, or 二级指标三级指标 without 一级)
    return compact[:header.start()], compact[header.start():]


_NUMBER_AFTER_SPACE = re.compile(r"(?<!\s)\s+(\d+(?:\.\d+)?)(?=\s|$)")
# The header given to rows read by scored_segments: the number after each row's target is not named on the
# page (分值, 得分 or an actual value?), so it is kept under this label, never read as a score.
SCORED_HEADER = ("一级指标", "二级指标", "三级指标", "指标值", "未标明列名的数值")


def scored_segments(raw: str) -> tuple[list[tuple[list[str], str]], str] | None:
    """A page line of glued indicator rows without a header, each row closed by a number after a space
    (``产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 … 合计100 评价结论…``): the line starts with a
    一级 name glued to a 二级 name; each part up to a number is split as a glued indicator line (its target
    ends it, so the number after the space is a column of its own). Returns [(cells, number)] and the rest
    of the line after the last number, or None unless two rows or more split and no part before a number
    fails to split."""
    line = unicodedata.normalize("NFKC", raw).strip()
    first = _LEVEL_PREFIX.match(line)
    if first is None or _LEVEL_PREFIX.match(line[first.end():]) is None:
        return None
    rows: list[tuple[list[str], str]] = []
    position = 0
    end = closing_start(line)  # 合计100 评价结论…, even run into the last row's number (readers/closing_line.py)
    for match in _NUMBER_AFTER_SPACE.finditer(line, 0, len(line) if end is None else end):
        cells = split_indicator_line(re.sub(r"\s+", "", line[position:match.start()]))
        if cells is None:
            return None
        rows.append((cells, match.group(1)))
        position = match.end()
    return (rows, line[position:].strip()) if len(rows) >= 2 else None


def _scored_table(raw: str, lineno: int, file: str, heading: str | None) -> RawTable | None:
    found = scored_segments(raw)
    if found is None:
        return None
    rows, rest = found
    source = Source(file, line=lineno)
    table = RawTable(heading, source, needs_check=(GLUED_NEEDS_CHECK,))
    table.rows.append([Cell(t, source) for t in SCORED_HEADER])
    for cells, number in rows:
        table.rows.append([Cell(t, Source(file, line=lineno, column=j)) for j, t in enumerate([*cells, number], 1)])
    for row in closing_rows(rest):  # 合计 | 100, 评价结论 | 及时、足额缴纳。…: the closing rows
        table.rows.append([Cell(text, source) for text in row])
    table.problems.append(Problem(source, "指标行粘连在一行，没有指标表头：按一级、二级指标名称和指标值的形式拆开，"
                                          "每行指标值后的数值列名未标明，保留为「未标明列名的数值」", Severity.INFO))
    return table


# Labels too common in text to split it at anywhere, each a label only inside a project name's value, which it
# ends: Hunan's 项目绩效自评报告表(实施单位用) glued (corpus 211: 项目名称重大…防治项目主要内容预防和控制…项目单位…;
# a task grid's column elsewhere, so no header label of the cells' reader: kinds46)
_AFTER_NAME = re.compile(r"主要内容")


def split_labels(line: str, label: re.Pattern[str] = _LABEL) -> list[str]:
    """A header-block or header line split at the labels it holds (a colon after a label dropped)."""
    out: list[str] = []
    position = 0
    named = False  # did the last label name the project (its value may hold an _AFTER_NAME label)?
    for match in [*label.finditer(line), None]:
        before = line[position:match.start() if match is not None else len(line)].strip(" :：")
        after = _AFTER_NAME.search(before) if named else None
        if after is not None and after.start() > 0:
            out += [before[:after.start()], after.group(), *([rest] if (rest := before[after.end():]) else [])]
        elif before:
            out.append(before)
        if match is None:
            return out
        word = match.group().strip(" :：")
        if word:
            out.append(word)
        named = HEADER_LABELS.get(label_key(word)) == "name"
        position = match.end()
    return out


def split_indicator_line(line: str) -> list[str] | None:
    """[一级?, 二级?, 三级, target] for a glued indicator line, or None when it cannot be split safely."""
    cells: list[str] = []
    rest = line
    for _ in range(2):
        match = _LEVEL_PREFIX.match(rest)
        if match is None:
            break
        cells.append(match.group())
        rest = rest[match.end():]
    target = _TARGET.search(rest)
    if target is None or target.start() < 2:
        return None
    name, value = rest[:target.start()].strip(), target.group().strip()
    if not re.search(r"[\u4e00-\u9fff]", name) or name[-1] in "≥≤><=＋+-—－":
        return None
    return [*cells, name, value]


# A target written as a sentence that opens with its year (2023年预计在校生:小学600人,…; reading31b, `171`): the
# year, then a sentence holding a sentence mark; the name before it Chinese, 2–20 characters, no digit
_YEAR_SENTENCE = re.compile(r"([\u4e00-\u9fff()（）]{2,20})((?:19|20)\d{2}年(?!度)[^，,：:。；;]*[，,：:。；;].*)")


def split_year_sentence(line: str) -> list[str] | None:
    r"""[一级?, 二级?, 三级, target] for a glued indicator line whose target is a sentence opening with a year
    (``产出指标产出数量指标新增学位2023年预计在校生:小学600人,…``) where :func:`split_indicator_line`, which knows
    only targets ending in a figure or a known word, finds none: the line's only year (\d{4}年, not 年度) cuts it, the
    name before it written without a digit. None otherwise (no year, two years, a name with a digit)."""
    cells: list[str] = []
    rest = line
    for _ in range(2):
        match = _LEVEL_PREFIX.match(rest)
        if match is None and len(cells) == 1 and cells[0].endswith("指标") and rest.startswith(cells[0][:-2]):
            # 产出指标产出数量指标…: a 二级 written after its 一级's stem (产出 + 数量指标, Guangxi's 公开表)
            stem = len(cells[0]) - 2
            if (match := _LEVEL_PREFIX.match(rest[stem:])) is not None:
                cells.append(rest[:stem + match.end()])
                rest = rest[stem + match.end():]
                continue
        if match is None:
            break
        cells.append(match.group())
        rest = rest[match.end():]
    found = _YEAR_SENTENCE.fullmatch(rest)
    if found is None or len(re.findall(r"(?:19|20)\d{2}年", rest)) != 1:
        return None
    return [*cells, found.group(1), found.group(2)]


def _lines(text: str, paragraphs: bool) -> list[tuple[int, str, str]]:
    """(line number, raw line, line without spaces); a paragraph holding a whole glued form is given as two
    lines of the same number: its header block, then its indicator header and rows (which then, on one line,
    cannot be split into rows: an error, never a guess)."""
    out: list[tuple[int, str, str]] = []
    numbered = _paragraphs(text.splitlines()) if paragraphs else enumerate(text.splitlines(), 1)
    for lineno, raw in numbered:
        parts = _paragraph_parts(raw) if paragraphs else None
        if parts is None:
            out.append((lineno, raw, re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw))))
        else:
            out.extend((lineno, part, part) for part in parts)
    return out


# A document site's preview numbers the chunks of the text it shows (1、…, 2、…), also inside a table row
# (``…进度指标取得2018-2022`` / ``2、监测资料100%100%10…``): the number is the site's, not the form's.
_PAGE_MARKER = re.compile(r"^\s*(\d{1,2})、")
# a chunk ending so ends its text: the next number is the document's own (3、本表金额单位为万元…), never the site's cut
_SENTENCE_ENDS = ("。", "；", "：", ";", ":")


def _paragraphs(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, paragraph): :func:`_joined_page_markers`, then :func:`_joined_broken_forms`."""
    return _joined_broken_forms(_joined_page_markers(lines))


def _joined_broken_forms(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A whole glued form whose paragraph the page broke in two (a PDF's text wrapped inside ``甘财科`` /
    ``[2022]78号…``): a line of 200 characters or more that starts a form (项目名称…) without its glued indicator
    header, followed at once by a line that holds that header before any new form's start, is one paragraph."""
    out: list[tuple[int, str]] = []
    for lineno, line in numbered:
        if out and _starts_form_without_header(out[-1][1]) and _continues_with_header(line):
            out[-1] = (out[-1][0], out[-1][1] + line)
            continue
        out.append((lineno, line))
    return out


def _starts_form_without_header(line: str) -> bool:
    if len(line) < 200:
        return False
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", line))
    return _FORM_START.search(compact) is not None and GLUED_HEADER.search(compact) is None


def _continues_with_header(line: str) -> bool:
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", line))
    header = GLUED_HEADER.search(compact)
    if header is None:
        return False
    start = _FORM_START.search(compact)
    return start is None or start.start() > header.start()


def _joined_page_markers(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, line) with each line that starts with the next chunk number of the site's list (2、 after a
    line of 200 characters or more starting with 1、, 3、 after that 2、 …, blank lines between them dropped) joined to
    that line, without the number. The chunk a line ends with is the last one joined to it: a preview cut into
    three chunks or more (``1、…科学管`` / ``2、理…数量12.51`` / ``3、2.512.5…``) is one paragraph, not its first
    two. A site cuts mid-text: after a line ending its sentence (。；：) the number is the document's own (a note
    ``3、本表金额单位为万元…`` after a two-chunk preview), not joined."""
    out: list[tuple[int, str]] = []
    chunk: int | None = None  # the number of the chunk the last line of out ends with
    blanks: list[tuple[int, str]] = []  # blank lines after a chunk, kept unless the next chunk follows
    for lineno, raw in enumerate(lines, 1):
        marker = _PAGE_MARKER.match(raw)
        if marker is not None and chunk is not None and len(out[-1][1]) >= 200 \
                and int(marker.group(1)) == chunk + 1 and not out[-1][1].rstrip().endswith(_SENTENCE_ENDS):
            out[-1] = (out[-1][0], out[-1][1] + raw[marker.end():])
            chunk += 1
            blanks = []
            continue
        if not raw.strip() and out and chunk is not None:
            blanks.append((lineno, raw))
            continue
        out.extend(blanks)
        blanks = []
        out.append((lineno, raw))
        chunk = int(marker.group(1)) if marker is not None else None
    return out + blanks


def _before_levels(row: list[Cell]) -> list[Cell]:
    """The cells of a glued header row before its 一级指标 label (项目名称…资金总额… run into the indicator header)."""
    at = next((i for i, cell in enumerate(row) if column_role(cell.text) == "level1"), 0)
    return row[:at]


def _continuation(following: list[str]) -> list[str]:
    """The lines after a glued indicator stream that go on with its rows (an OCR'd page broke its paragraph inside a
    row: ``…指标3一级种薯繁育基地8000亩`` / ``8535.5亩质量指标指标1…``): each holds a level name, and no indicator
    header, no form's start (项目名称…) and no chunk number of a document site; at most three."""
    lines: list[str] = []
    for line in following[:3]:
        compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", line))
        if not compact or GLUED_HEADER.search(compact) or _FORM_START.search(compact) \
                or _PAGE_MARKER.match(line) or not LEVEL_NAME.search(compact):  # (2、: the site's chunk, joined
            break  # as a paragraph's, its number dropped: read_glued_paragraph)
        lines.append(compact)
    return lines


def _stream_rows(table: RawTable, line: str, file: str, lineno: int, following: list[str]) -> int | None:
    """The rows of a glued self-evaluation run together after its header on ``line`` (:mod:`glued_stream`),
    appended to ``table`` in place of the header row; None (nothing changed) unless one row or more split, else
    the number of ``following`` lines read with it (where the rows stop inside a row the next lines go on). The
    indicator header may follow the header block's text on the same line (…2500公斤绩效指标一级指标…)."""
    found = header_run(line)
    weighted = weighted_header(line) if found is None else None
    paired = paired_header(line) if found is None and weighted is None else None
    levels_at = line.find("一级指标") if found is None and weighted is None and paired is None else -1
    region = region_header(line[levels_at:]) if levels_at >= 0 else None
    inside = 0  # where the indicator header starts when the line's header block runs into it (…公斤绩效指标一级指标…)
    if levels_at > 0 and region is None:
        header = line[levels_at:]
        found = header_run(header)
        weighted = weighted_header(header) if found is None else None
        paired = paired_header(header) if found is None and weighted is None else None
        if found is not None or weighted is not None or paired is not None:
            inside, line = levels_at, header
    failed: list[str] = []
    differing: list[str] = []
    if found is not None:
        cells, end, units = found
        split = partial(split_stream, units=units)
        how = "（数值带单位，最后一列得分）"
    elif weighted is not None:  # 分值 before the target (:mod:`glued_weighted_rows`)
        cells, end, reasons_after = weighted
        split = partial(split_stream, units=[], match_row=partial(weighted_row, reasons_after))
        how = ("（分值在指标值之前；分值、得分为不超过100的数（且不超过所在级次标明的分数），指标值带单位或与完成值"
               "相同，只有一种拆法时才读取）")
    elif paired is not None:  # no 分值 or 得分 column (:mod:`glued_paired_rows`)
        cells, end = paired
        split = partial(split_stream, units=[], match_row=paired_row)
        how = "（没有分值、得分列；指标值和完成值各带单位或两者相同，只有一种拆法时才读取）"
    elif region is not None:  # one value a region (:mod:`glued_region_rows`)
        cells, end, regions, directed = region
        rows, failed, differing = region_rows(line[levels_at + end:], regions, "指标解释" in cells, directed)
        stopped, rest = None, ""
        how = (f"（{len(regions)} 个区域各一个目标值：逐区域写同一个值时取该值；各区域的值不同时不取指标值，"
               "粘连得无法拆分时该行不读取）")
    else:
        return None
    skipped: list[str] = []  # numbered rows (指标1, 指标2 …) left out alone
    joined: list[str] = []
    if region is None:
        rows, stopped, rest = split(line[end:], skipped=skipped)
        if stopped is not None and (joined := _continuation(following)):
            more: list[str] = []
            longer = split(line[end:] + "".join(joined), skipped=more)
            if len(longer[0]) > len(rows):
                (rows, stopped, rest), skipped = longer, more
            else:
                joined = []
    if not rows:
        return None
    source = Source(file, line=lineno)
    if (region is not None or inside) and (block := _before_levels(table.rows[-1])):
        table.rows.insert(len(table.rows) - 1, block)  # the header block glued before the indicator header: kept
    table.rows[-1] = [Cell(t, Source(file, line=lineno, column=j)) for j, t in enumerate(cells, 1)]
    for row in rows:
        table.rows.append([Cell(t, Source(file, line=lineno, column=j)) for j, t in enumerate(row, 1)])
    table.problems.append(Problem(source, f"指标行粘连在一段文字中：按指标级次名称和各列取值的形式{how}"
                                          f"拆出 {len(rows)} 行", Severity.INFO))
    if joined:
        table.problems.append(Problem(source, f"粘连的指标行在行中换行：第 {lineno + 1}–{lineno + len(joined)} 行"
                                              "接续本行读取（位置记在本行）", Severity.INFO))
    table.problems.extend(Problem(source, f"粘连的区域指标行无法可靠拆分，未读取：{why}") for why in failed)
    table.problems.extend(Problem(source, why) for why in differing)
    table.problems.extend(Problem(source, f"编号的粘连指标行（指标1、指标2…）中这一行无法可靠拆分，未读取，"
                                          f"从下一个编号接着读取：{why}") for why in skipped)
    if stopped is not None:
        table.problems.append(Problem(source, f"粘连的指标行在此之后无法可靠拆分，未读取：{stopped}"))
    elif rest:
        table.rows.append([Cell(rest, source)])  # 总分… 偏差原因…: the closing rows
    return len(joined)


def _table_in_prose(line: str) -> tuple[int, int, list[str], list[list[str]], str | None] | None:
    """(header start, header end, header cells, rows, stop reason) of an indicator table glued into a paragraph
    of prose (``…如下图:项目年度绩效目标(定量目标)评价内容绩效内容绩效目标值实际完成值累计完成率产出目标数量目标…``),
    two rows or more split by :mod:`glued_stream`; None for anything else."""
    if "评价内容" not in line and "一级指标" not in line:  # a substring search, not the regular expression's scan:
        return None  # the scan of a 40 MB line held the interpreter's lock for a second (hostile20)
    for match in _PROSE_HEADER_START.finditer(line):
        found = header_run(line[match.start():match.start() + HEADER_SPAN])  # (not a copy of the rest each time)
        if found is None:
            continue
        cells, end, units = found
        rows, stopped, _rest = split_stream(line[match.start() + end:], units)
        if len(rows) >= 2:
            return match.start(), match.start() + end, cells, rows, stopped
    return None


# where an indicator header can start inside prose: its level columns' labels
_PROSE_HEADER_START = re.compile(r"评价内容|一级指标")


def looks_like_table_in_prose(text: str) -> bool:
    """A paragraph of prose holding a glued indicator table whose rows split (:func:`_table_in_prose`)."""
    return any(len(line) >= 100 and _table_in_prose(line) is not None for line in head_lines(text, 3000))


def read_table_in_prose(text: str, file: str) -> list[RawTable]:
    """The indicator tables glued into paragraphs of prose: the prose before and after is no part of them (the
    project is not named there); a row that does not split ends the table with an error."""
    tables: list[RawTable] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        found = _table_in_prose(line) if len(line) >= 100 else None
        if found is None:
            continue
        start, _end, cells, rows, stopped = found
        source = Source(file, line=lineno)
        table = RawTable(None, source, needs_check=(GLUED_NEEDS_CHECK,))
        table.rows.append([Cell(t, Source(file, line=lineno, column=j)) for j, t in enumerate(cells, 1)])
        for row in rows:
            table.rows.append([Cell(t, Source(file, line=lineno, column=j)) for j, t in enumerate(row, 1)])
        table.problems.append(Problem(source, f"指标表粘连在一段文字中（第 {start + 1} 个字起）：按指标级次名称和"
                                              f"各列取值的形式拆出 {len(rows)} 行；表前后的文字不是表的内容",
                                      Severity.INFO))
        if stopped is not None:
            table.problems.append(Problem(source, f"粘连的指标行在此之后无法可靠拆分，未读取：{stopped}"))
        tables.append(table)
    return tables


# the level names that start a group of rows (产出指标, 数量指标, 社会成本指标 …): where a row certainly starts
_GROUP_NAMES = re.compile("|".join(re.escape(w) for w in _LEVEL_WORDS if w.endswith("指标")))


def _rows_run(parts: list[str], roles: list[str | None]) -> int | None:
    """The index of the part holding the rows run together after a glued header of one value column (三级指标 |
    指标值 | ``产出指标数量指标…``), or None."""
    if "level3" not in roles:
        return None
    at = roles.index("level3") + 2
    if at >= len(parts) or roles[at - 1] != "target" or roles[at] is not None \
            or not starts_a_run(parts[at], _LEVEL_PREFIX):
        return None
    return at


def _append_run(table: RawTable, run: str, file: str, lineno: int) -> None:
    """The rows of ``run`` (:mod:`glued_level_runs`) appended to ``table``; each part that does not split an error."""
    rows, unread = split_level_run(run, _LEVEL_PREFIX, _GROUP_NAMES, split_indicator_line)
    source = Source(file, line=lineno)
    for cells in rows:
        table.rows.append([Cell(t, Source(file, line=lineno, column=j)) for j, t in enumerate(cells, 1)])
    table.problems.append(Problem(source, f"指标行粘连在一起（表头只有一列指标值）：按以「指标」结尾的级次名称分段，"
                                          f"拆出 {len(rows)} 行", Severity.INFO))
    table.problems.extend(Problem(source, f"粘连的指标行无法可靠拆分出三级指标和指标值，未读取：「{part}」")
                          for part in unread)


_UNIT_NOTE_LINE = re.compile(r"[(（](?:万元|元|千元|亿元)[)）]")
_AMOUNT_LINE = re.compile(r"\d+(?:\.\d+)?")


def _wrapped_amount(parts: list[str], lines: list[tuple[int, str, str]], index: int) -> tuple[list[str], int] | None:
    """A glued header line ending in the total's label whose money unit and amount the page put on lines of
    their own (``…资金总额`` / ``(万元)`` / ``380``): (the parts with the note joined to the label and the amount
    after it, the number of lines taken), or None."""
    if not parts or header_field(parts[-1]) != "total" or money_unit_note(parts[-1]) is not None:
        return None
    following = [(i, line) for i, (_, _, line) in enumerate(lines[index + 1:index + 3], index + 1)]
    note = ""
    if following and _UNIT_NOTE_LINE.fullmatch(following[0][1]):
        note = following[0][1]
        following = following[1:]
    if not following or not _AMOUNT_LINE.fullmatch(following[0][1]):
        return None
    return [*parts[:-1], parts[-1] + note, following[0][1]], following[0][0] - index


_MONEY_FIELDS = ("total", "project-total", "fiscal", "fiscal-part", "other", "other-part", "other-source")
_NOTE_AND_AMOUNT = re.compile(r"([(（](?:万元|元|千元|亿元)[)）])(\d[\d,]*(?:\.\d+)?)")


_NOTE_TOTAL_AMOUNT = re.compile(r"\s*([(（](?:万元|元|千元|亿元)[)）])(合计|总计)(\d[\d,]*(?:\.\d+)?)")
_SUBTOTAL_AMOUNT = re.compile(r"(小计|合计)(\d[\d,]*(?:\.\d+)?)")


def _unit_note_off_amount(parts: list[str]) -> list[str]:
    """A money label's unit note glued to its amount (``资金总额`` | ``(万元)120``) given back to the label:
    ``资金总额(万元)`` | ``120``; the funds block's label with its note, its total's label and amount glued after
    it (``项目资金`` | ``(万元)合计1800``, Guangxi's 公开表, reading31): ``项目资金(万元)`` | ``合计`` | ``1800``;
    a part and its subtotal glued (``一般公共预算拨款`` | ``小计1800``): ``一般公共预算拨款`` | ``小计`` | ``1800``."""
    for k in range(1, len(parts)):
        found = _NOTE_AND_AMOUNT.fullmatch(parts[k])
        if found is not None and header_field(parts[k - 1]) in _MONEY_FIELDS and money_unit_note(parts[k - 1]) is None:
            return [*parts[:k - 1], parts[k - 1] + found.group(1), found.group(2), *parts[k + 1:]]
        if parts[k][:1] in "(（ " and label_key(parts[k - 1]) in MONEY_BLOCKS \
                and (total := _NOTE_TOTAL_AMOUNT.fullmatch(parts[k])) is not None:
            return [*parts[:k - 1], parts[k - 1] + total.group(1), total.group(2), total.group(3), *parts[k + 1:]]
        if parts[k][:1] in "小合" and (subtotal := _SUBTOTAL_AMOUNT.fullmatch(parts[k])) is not None \
                and header_field(parts[k - 1]) in _MONEY_FIELDS:
            # 一般公共预算拨款 | 小计1800: the part, its 小计 and its amount (readers/subtotal_parts.py, reading31b)
            return [*parts[:k], subtotal.group(1), subtotal.group(2), *parts[k + 1:]]
    return parts


def read_glued_paragraph(text: str, file: str) -> list[RawTable]:
    """:func:`read_glued_rows` of a text whose paragraphs may each hold a whole glued form."""
    return read_glued_rows(text, file, paragraphs=True)


def read_glued_rows(text: str, file: str, paragraphs: bool = False) -> list[RawTable]:
    tables: list[RawTable] = []
    table: RawTable | None = None
    heading: str | None = None
    in_indicators = False
    described: tuple[bool, bool] | None = None  # a 指标内容 and/or 绩效标准 column (glued_described_rows)
    lines = _lines(text, paragraphs)
    skip = 0
    splitting = SplitBudget()  # the funds runs' splits tried, the file's (glued_funds: attack36)
    for index, (lineno, raw, line) in enumerate(lines):
        if skip:
            skip -= 1
            continue
        if not line:
            continue
        source = Source(file, line=lineno)
        if in_indicators and table is not None:
            if is_footer(line):
                table.rows.append([Cell(line, source)])
                in_indicators = False
                table = None
                continue
            cells = split_indicator_line(line) if described is None \
                else split_described_line(line, described, split_indicator_line)
            if cells is None and described is None and (cells := split_year_sentence(line)) is not None:
                table.problems.append(Problem(source, f"粘连的指标行按指标值开头的年份拆开：三级指标「{cells[-2]}」，"
                                                      f"指标值「{cells[-1]}」，请核对", Severity.INFO))
            if cells is None:
                what = "三级指标和指标值" if described is None else "三级指标、指标内容、指标值和绩效标准"
                table.problems.append(Problem(source, f"单元格粘连在一起，无法可靠拆分出{what}：「{line}」"))
                continue
            table.rows.append([Cell(t, Source(file, line=lineno, column=j)) for j, t in enumerate(cells, 1)])
            continue
        if table is None and (scored := _scored_table(raw, lineno, file, heading)) is not None:
            tables.append(scored)
            heading = None
            continue
        parts, unsplit = split_glued_funds(split_labels(line), splitting)
        if table is not None and (wrapped := _wrapped_amount(parts, lines, index)) is not None:
            parts, skip = wrapped
        parts = _unit_note_off_amount(parts)
        labelled = len(parts) > 1 or (parts and _LABEL.fullmatch(parts[0]) is not None)
        if table is None and not (labelled and header_roles(parts) and any(
                _LABEL.fullmatch(p) for p in parts)):
            heading = better_heading(heading, raw.strip())
            continue
        if table is None:
            table = RawTable(heading, source, needs_check=(GLUED_NEEDS_CHECK,))
            tables.append(table)
            heading = None
        table.problems.extend(Problem(source, f"资金行的金额粘连在一起（「{run}」），无法可靠拆分到各列，未读取")
                              for run in unsplit)
        roles = header_roles(parts)
        run: str | None = None
        if (at := _rows_run(parts, roles)) is not None:
            run, after = parts[at], parts[at + 1:]
            parts, roles = parts[:at], roles[:at]
        row = [Cell(t, Source(file, line=lineno, column=j)) for j, t in enumerate(parts, 1)]
        if "level3" in roles and "target" in roles:
            in_indicators = len(parts) - roles.index("level3") == 2  # one target column after 三级
            described = None if in_indicators else described_plan(parts, roles)
            if described is not None:
                in_indicators = True
                table.problems.append(Problem(source, "粘连的指标行带指标内容或绩效标准列：绩效标准只认计划标准、"
                                                      "历史标准、行业标准、其他标准；三级指标与指标内容只在指标内容"
                                                      "以三级指标的末两字结尾、且只有一处可分时拆开", Severity.INFO))
        table.rows.append(row)
        if run is not None:
            _append_run(table, run, file, lineno)
            if after:
                table.problems.append(Problem(source, "粘连的指标行之后的文字（另一张表？）没有读取：「"
                                                      + "".join(after)[:60] + "…」", Severity.WARNING))
            in_indicators = False
            table = None
            continue
        if "level3" in roles and not in_indicators and ("target" in roles or (
                "sign" in roles and "一级指标" in line and region_header(line[line.find("一级指标"):]) is not None)):
            # (a region table with a 指标方向 column names no target column: its regions are the targets)
            following = [t for _, _, t in lines[index + 1:index + 4]]
            if (joined := _stream_rows(table, line, file, lineno, following)) is not None:
                skip = joined
                table = None
                continue
            table.problems.append(Problem(source, "单元格粘连在一起，且三级指标之后不止一列（指标值、完成值、分值…），"
                                                  "无法可靠拆分，未读取指标"))
            break
    return tables
