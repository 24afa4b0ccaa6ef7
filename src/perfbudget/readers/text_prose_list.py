"""Indicators written as prose in a notice (绩效目标设定的公示), each closed by the template's value hint.

Some towns publish a project's targets not as a table but as sentences under the 一级 names, copying each
indicator from the template with its fill-in hint and writing the value after it::

    一、 产出指标
    数量指标:★…种植数量(≥**株)>=17600株;种植作物成活率(≥**%)>=85;时效指标:完成及时率(≥**%)>=100%。
    二、 效益指标
    效益指标:经济效益指标:脱贫地区特色产业产值(≥**万元)≥80万元,…;生态效益指标:生态修复功能提高。

A careful person reads such a sentence because the hint ``(≥**株)`` ends the 三级 name and a number (with
its sign) follows it: only such items are read. The 一级 is the heading above, the 二级 the last 二级 name
written before the item (``数量指标:``). An item without a hint (``生态修复功能提高``) cannot be split into a
name and a value, and a value the page cuts (no separator after it on the text's last line) may be cut: both
are reported, never read. The project's name is read from the notice's title (关于…绩效目标设定的公示) only
as far as the body names the project with the same words again (the longest end of the title's words, most
of them); its amount only from a 资金总额 written once or, without one, from the one amount written right after
资金 (安排…资金50万元,实施…项目: the notice's money; two such amounts give none).
"""

from __future__ import annotations

import re

from perfbudget.framework import FRAMEWORK_2015, FRAMEWORK_2021, LEVEL1_NAMES
from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.text_lines import head_lines

PROSE_NEEDS_CHECK = "指标写在公示文字中（不是表格）：按一级、二级指标名称和取值提示（≥**）拆开读取"

# 一、 产出指标 — a 一级 name as a numbered heading line of its own
_LEVEL1_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]\s*(" + "|".join(
    sorted((re.escape(n) for n in LEVEL1_NAMES), key=len, reverse=True)) + r")\s*[:：]?\s*$")
_LEVEL2_NAMES = sorted({n for framework in (FRAMEWORK_2015, FRAMEWORK_2021) for names in framework.values()
                        for n in names} | {n[:-2] + "目标" for framework in (FRAMEWORK_2015, FRAMEWORK_2021)
                                           for names in framework.values() for n in names if n.endswith("指标")},
                       key=len, reverse=True)
# 数量指标: / 服务对象满意度指标, — a 二级 name as a label (a repeated 一级 label before it is dropped)
_LEVEL2_LABEL = re.compile(r"(?:(?:" + "|".join(re.escape(n) for n in LEVEL1_NAMES) + r")[:：])?(" + "|".join(
    re.escape(n) for n in _LEVEL2_NAMES) + r")[:：,，]")
# the template's fill-in hint closing a 三级 name: (≥**株), (≤**元/株), (**个), (＞＝**株) typed full width
_HINT = re.compile(r"[（(]\s*[≥≤><=＞＜＝]*\s*\*{2,}[^()（）\n]{0,8}[)）]")
# a value after the hint: a number with its sign or sign word, up to the next separator
_VALUE = re.compile(r"((?:>=|<=|＞＝|＜＝|[≥≤><=＞＜＝]|大于等于|小于等于|不低于|不少于|不高于|不超过|等于|大于|小于)?"
                    r"\s*"
                    r"\d[^；;。，,\n]*)")
_SEPARATORS = "；;。，,"
_TITLE = re.compile(r"关于(.{4,80}?)(?:资金)?绩效目标(?:设定)?的公示")
_TOTAL = re.compile(r"资金总额[:：]?\s*(\d+(?:\.\d+)?)\s*万元")
_FUNDS = re.compile(r"资金\s*(\d+(?:\.\d+)?)\s*万元")  # 安排…(…号)资金50万元,实施…项目


def _sections(lines: list[str]) -> list[tuple[int, str, list[tuple[int, str]]]]:
    """(heading line number, 一级 name, body lines) of each 一级 heading and the lines under it."""
    sections: list[tuple[int, str, list[tuple[int, str]]]] = []
    for lineno, line in enumerate(lines, 1):
        heading = _LEVEL1_HEADING.match(line)
        if heading is not None:
            sections.append((lineno, heading.group(1), []))
        elif sections and line.strip():
            if _LEVEL2_LABEL.search(line) is None and _HINT.search(line) is None:
                break  # the notice's closing lines (附件, the signature): the list has ended
            sections[-1][2].append((lineno, line))
    return sections


def _items(line: str, is_last: bool) -> tuple[list[tuple[str | None, str, str]], list[str]]:
    """The (二级, 三级, value) items of a body line and the texts it holds that cannot be read as items. One pass
    over the line's labels and hints in order (a line of many thousands of items stays linear)."""
    items: list[tuple[str | None, str, str]] = []
    left: list[str] = []
    labels = [(m.start(), m.end(), m.group(1)) for m in _LEVEL2_LABEL.finditer(line)]
    next_label = 0
    level2: str | None = None
    position = 0

    def take_labels(before: int) -> None:
        """Move past the 二级 labels starting before ``before``: the last one gives the next items' 二级."""
        nonlocal next_label, level2, position
        while next_label < len(labels) and labels[next_label][0] < before:
            start, end, name = labels[next_label]
            next_label += 1
            if start < position:
                continue  # inside an item already read
            if text := line[position:start].strip(_SEPARATORS + " "):
                left.append(text)
            level2, position = name, end

    for hint in _HINT.finditer(line):
        if hint.start() < position:
            continue
        take_labels(hint.start())
        value = _VALUE.match(line, hint.end())
        name = line[position:hint.end()].strip(_SEPARATORS + " ")
        if value is None or not name:
            left.append(line[position:hint.end()].strip(_SEPARATORS + " "))
            position = hint.end()
            continue
        if value.end() >= len(line.rstrip()) and is_last:
            left.append(f"{name}{value.group(1)}（文本到此为止，取值可能被截断）")
            position = len(line)
            break
        items.append((level2, name, value.group(1).strip()))
        position = value.end() + 1
    take_labels(len(line))
    if rest := line[position:].strip(_SEPARATORS + " "):
        left.append(rest)
    return items, left


def looks_like_prose_list(text: str) -> bool:
    """A 一级 heading line with at least one hint-closed indicator written under it."""
    lines = head_lines(text, 400)
    return any(items for _, _, body in _sections(lines)
               for i, (_, line) in enumerate(body) for items in [_items(line, False)[0]])


def _project_name(text: str) -> str | None:
    """The title's project (关于…绩效目标设定的公示) as far as the body names it with the same words: the longest end
    of the title's words written again (关于解决X项目资金… with X项目 in the body gives X项目), most of them or none."""
    title = _TITLE.search(text)
    if title is None:
        return None
    words = title.group(1).strip()
    for start in range(len(words) - max(6, (len(words) * 3 + 4) // 5) + 1):
        if text.count(words[start:]) >= 2:  # the title holds it once: the body writes it again
            return words[start:]
    return None


def _one_amount(head: str) -> re.Match[str] | None:
    """The notice's money: its 资金总额 written once, or else its one amount written right after 资金."""
    for pattern in (_TOTAL, _FUNDS):
        found = list(pattern.finditer(head))
        if found:
            return found[0] if len(found) == 1 else None
    return None


def read_prose_list(text: str, file: str) -> list[RawTable]:
    lines = text.splitlines()
    sections = _sections(lines)
    if not sections:
        return []
    first = sections[0][0]
    table = RawTable(None, Source(file, line=first), needs_check=(PROSE_NEEDS_CHECK,))
    head = "\n".join(lines[:first - 1])
    if (name := _project_name(head)) is not None:
        table.rows.append([Cell("项目名称", Source(file, line=1)), Cell(name, Source(file, line=1))])
    if (total := _one_amount(head)) is not None:
        at = Source(file, line=head.count("\n", 0, total.start()) + 1)  # the line the amount is written on
        table.rows.append([Cell("资金总额(万元)", at), Cell(total.group(1), at)])
    table.rows.append([Cell(t, Source(file, line=first, column=j))
                       for j, t in enumerate(("一级指标", "二级指标", "三级指标", "指标值"), 1)])
    last_line = max((lineno for _, _, body in sections for lineno, _ in body), default=0)
    for _heading, level1, body in sections:
        level2: str | None = None
        for lineno, line in body:
            items, left = _items(line, lineno == last_line and lineno == len(lines))
            for item_level2, name, value in items:
                level2 = item_level2 or level2
                if level2 is None:
                    left.append(f"{name}{value}（前面没有二级指标名称）")
                    continue
                table.rows.append([Cell(t, Source(file, line=lineno, column=j))
                                   for j, t in enumerate((level1, level2, name, value), 1)])
            for text_left in left:
                table.problems.append(Problem(Source(file, line=lineno),
                                              f"未读取「{text_left}」：没有取值提示（≥**）或取值，无法可靠分开指标"
                                              f"名称和指标值", Severity.WARNING))
    return [table]
