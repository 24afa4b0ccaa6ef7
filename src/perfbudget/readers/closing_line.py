"""A 自评表's closing line glued to its last indicator row (text copied from a web page, corpus ``25``).

``…结余率≤5% 22.5 合计100 评价结论及时、足额缴纳。存在问题暂无改进措施暂无项目负责人:财务负责人:`` holds,
after the last indicator row, the table's 合计 row and its closing rows, each label glued to its text. A person
reads them as rows: 合计 | 100, 评价结论 | 及时、足额缴纳。, 存在问题 | 暂无, 改进措施 | 暂无, then the sign-off.
This module finds where the closing begins in such a line (:func:`closing_start`: the rows before it are
indicators, the last one included, even where its number runs into the 合计: ``22.5合计100``) and splits the
closing into those rows (:func:`closing_rows`), which the interpreter keeps as the project's texts (the 合计
row's figures under its label, as a 总分 row's)."""

from __future__ import annotations

import re

from perfbudget.readers.stated_execution import CLOSING_LABELS, CONCLUSION_LABELS
from perfbudget.readers.total_rows import TOTAL_ROWS


def _words(labels: set[str] | frozenset[str]) -> str:
    return "|".join(sorted(labels, key=lambda word: (-len(word), word)))


# the closing starts at a total row with its figure, or at a conclusion's label (words no indicator is named with),
# after a number or a space
_START = re.compile(r"(?:(?<=\d)|(?<=\s))(?:(?:" + _words(TOTAL_ROWS) + r")(?=\s*\d)|" + _words(CONCLUSION_LABELS)
                    + ")")
# a row's label: the total row's at the start only (合计50万元 inside a conclusion is its text), a closing label
# (存在问题 after 不, 无 or 没 is the conclusion's words: 项目执行良好，不存在问题), a sign-off with its colon
# (项目负责人:)
_LABEL = re.compile(r"(?:^(?:" + _words(TOTAL_ROWS) + r")|(?<![不无没])存在(?:的)?问题|"
                    + _words(CLOSING_LABELS - {"存在问题", "存在的问题"}) + r")\s*[:：]?"
                    r"|(?:(?:项目|财务|单位|部门)?负责人|填表人|填报人|联系人|联系电话|审核人|经办人|填报日期)\s*[:：]")


def closing_start(line: str) -> int | None:
    """Where the closing rows of a glued 自评表 line begin (its 合计 with a figure, or its 评价结论), or None."""
    found = _START.search(line)
    return found.start() if found is not None else None


def closing_rows(rest: str) -> list[list[str]]:
    """The closing rows of ``rest`` (the line from :func:`closing_start` on): a row a label, its text after it
    (a total row's figures each a cell); text before the first label its own row."""
    rows: list[list[str]] = []
    labels = list(_LABEL.finditer(rest))
    if not labels or labels[0].start() > 0:
        head = rest[:labels[0].start() if labels else len(rest)].strip()
        if head:
            rows.append([head])
    for k, label in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(rest)
        name, text = label.group().strip(), rest[label.end():end].strip()
        if name.rstrip(":：") in TOTAL_ROWS:
            rows.append([name, *text.split()])
        else:
            rows.append([name, text] if text else [name])
    return rows
