"""``bracket-list``: a budget system's print of projects whose targets are a list, not a grid.

Anhui's budget system prints a unit's projects one after another, each as its code, name and
amount on lines of their own, then its targets as a bracketed list::

    037001
    黄山市雪亮工程市本级机房租赁服务采购项目
    1681680
    【项目概况】:该项目为…
    【总体目标】
    保障雪亮工程机房租赁延续…
    【产出指标-数量指标】
    指标1:机柜数量(≥77台)
    【满意度指标-服务对象满意度指标】
    指标1:提升群众安全感(≥90%)

A project starts at 【项目概况】 (or 【总体目标】): its name is the text line before the amount
line above it, its budget that amount. 【一级-二级】 opens a group, each ``指标N:名称(指标值)`` line
is a 三级 indicator whose target is in the last parentheses. Department, unit and category
subtotal lines (a code or a category and an amount, no 【项目概况】) are no projects. Each project
becomes an ordinary raw table (项目名称, 预算数, 绩效目标, the indicator header and rows).
"""

from __future__ import annotations

import re

from perfbudget.model import Problem, Source
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.stream import better_heading
from perfbudget.readers.text_lines import head_lines

_GROUP = re.compile(r"^【\s*(?P<l1>[^】\-—－]{2,12}?)\s*[-—－]\s*(?P<l2>[^】]{2,20}?)\s*】$")
_ITEM = re.compile(r"^(?:指标\s*\d{1,2}\s*[:：.．、])?\s*(?P<name>\S.*?)\s*[(（](?P<target>[^()（）]+)[)）]\s*$")
_SECTION = re.compile(r"^【\s*(?P<label>[^】]{2,10})\s*】\s*[:：]?\s*(?P<rest>.*)$")
_AMOUNT = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")
_CODE = re.compile(r"^\d{3,}$")


def looks_like_bracket_list(text: str) -> bool:
    """【一级-二级】 lines and 指标N:名称(值) lines, and no indicator grid header (三级指标) anywhere."""
    if "三级指标" in text:
        return False
    groups = items = 0
    for line in head_lines(text, 5000):
        line = line.strip()
        if _GROUP.match(line):
            groups += 1
        elif line.startswith("指标") and _ITEM.match(line):
            items += 1
    return groups >= 2 and items >= 2


def read_bracket_list(text: str, file: str) -> list[RawTable]:
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    tables: list[RawTable] = []
    table: RawTable | None = None
    heading: str | None = None
    section = ""
    levels = (Cell("", Source(file)), Cell("", Source(file)))
    for index, (lineno, line) in enumerate(lines):
        source = Source(file, line=lineno)
        opening = _SECTION.match(line)
        if opening and opening["label"] in ("项目概况", "总体目标") and (table is None or section != "概况"):
            start = _project_start(lines, index)
            if start is not None:
                (name_line, name), (amount_line, amount) = start
                at_name, at_amount = Source(file, line=name_line), Source(file, line=amount_line)
                table = RawTable(heading, at_name, [
                    [Cell("项目名称", at_name), Cell(name, Source(file, line=name_line, column=1))],
                    [Cell("预算数", at_amount), Cell(amount, Source(file, line=amount_line, column=1))],
                ])
                tables.append(table)
                section = ""
        if table is None:
            heading = better_heading(heading, line)
            continue
        group = _GROUP.match(line)
        if group:
            if section != "indicators":
                table.rows.append([Cell(t, source) for t in ("一级指标", "二级指标", "三级指标", "指标值")])
            section = "indicators"
            levels = (Cell(group["l1"], source), Cell(group["l2"], Source(file, line=lineno, column=2)))
            continue
        if opening:
            label, rest = opening["label"], opening["rest"]
            section = "概况" if label == "项目概况" else ("goals" if label == "总体目标" else label)
            if section == "goals":
                table.rows.append([Cell("绩效目标", source), Cell(rest, Source(file, line=lineno, column=2))])
            elif rest:
                table.rows.append([Cell(label, source), Cell(rest, Source(file, line=lineno, column=2))])
            continue
        if section == "indicators":
            item = _ITEM.match(line)
            if item is not None and line.startswith("指标"):
                table.rows.append([*levels, Cell(item["name"], source),
                                   Cell(item["target"].strip(), Source(file, line=lineno, column=2))])
                levels = (Cell("", source), Cell("", source))
                continue
            if _is_next_entry(lines, index):
                section, table = "", None
                continue
            table.problems.append(Problem(source, f"指标列表中的这一行不是「指标N:名称(指标值)」：「{line}」，未读取"))
        elif section == "goals" and not _is_next_entry(lines, index):
            goal_row = next((row for row in table.rows if row[0].text == "绩效目标"), None)
            if goal_row is not None:
                goal_row[1].add_paragraph(line)
        elif _is_next_entry(lines, index):
            section = ""
    return tables


def _is_next_entry(lines: list[tuple[int, str]], index: int) -> bool:
    """A code, category or amount line: the list of projects goes on (the project above has ended)."""
    line = lines[index][1]
    return bool(_CODE.match(line) or _AMOUNT.match(line)) or (
        index + 1 < len(lines) and bool(_AMOUNT.match(lines[index + 1][1])))


def _project_start(lines: list[tuple[int, str]], index: int) -> tuple[tuple[int, str], tuple[int, str]] | None:
    """((line, name), (line, amount)) of the project whose 【项目概况】 is at ``index``."""
    if index < 2:
        return None
    amount_line, amount = lines[index - 1]
    name_line, name = lines[index - 2]
    if not _AMOUNT.match(amount) or _AMOUNT.match(name) or _CODE.match(name) or name.startswith("【"):
        return None
    return (name_line, name), (amount_line, amount.replace(",", ""))
