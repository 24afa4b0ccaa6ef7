"""A 自评表's budget execution written in its texts, not in its funds grid: 「全年执行率53%」, 「实际支出53万元」.

Tables fill their funds grid's 全年执行数 and 执行率 unevenly: some leave the cells blank and state the execution in the
goal's 实际完成情况 (年度总体目标完成情况) or in the 评价结论 / 存在问题 below the indicators
(``项目全年执行率53%，实际支出资金53万元``). A person reads those figures; this module reads them too, each from the
cell that states it (its location), as Decimal:

* the rate: a 执行率 (全年执行率, 预算执行率, 资金执行率 …) followed by a percentage (``为``, ``达``, ``仅`` … between);
* the amount: an amount said to be spent (实际支出, 已支出, 累计支出, 全年执行, 实际使用, 执行数, 完成预算资金 …)
  with its unit (万元 or 元), converted exactly into the table's money unit; a table that names no money unit takes
  none.

A clause that sets a goal rather than reports one (目标, 预期, 计划, 确保, 力争, 不低于 …; a figure followed by 以上,
以下, 左右) is not read, and neither is the expected goal's text (预期目标): it is not a result. A text stating
different rates (or amounts) says nothing certain: none is taken, a note names them. What the grid gives wins: a
text's figure only fills a grid cell left blank, and where both are written and differ a warning says so at the
text's cell (the grid's figure is kept). The figures go where the grid's would (``Budget.executed``, ``rate``, located
at the text's cell in ``Project.sources``), so the 自评's scoring and checks use what the table says.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import GOAL_ACTUAL, label_key
from perfbudget.readers.total_rows import TOTAL_ROWS

# the texts that report the year's result: the goal's 实际完成情况 (GOAL_ACTUAL) and the table's closing texts
RESULT_LABELS = GOAL_ACTUAL | frozenset({
    "评价结论", "自评结论", "绩效自评结论", "自评情况", "总体评价", "存在问题", "存在的问题", "绩效目标完成情况",
    "总体目标完成情况", "全年目标实际完成情况"})
# the closing rows' labels that conclude a self-evaluation: a table that closes with one is a 自评表
CONCLUSION_LABELS = frozenset({"评价结论", "自评结论", "绩效自评结论", "总体评价"})
# labels of the table's closing rows after the indicators (kept as the project's texts, not dropped as footers)
CLOSING_LABELS = CONCLUSION_LABELS | frozenset({"存在问题", "存在的问题", "改进措施", "整改措施", "下一步改进措施",
                                                "其他需要说明事项"})

_CLAUSES = re.compile(r"[，。；;,!！？?\n]")
# 执行率 with the words that may stand before it (全年, 预算, 资金 …) left out of the pattern: they change neither the
# figure nor the goal words found before it (none of those words is, or starts, or ends one), and a pattern that began
# with them, (?:全年|年度|…)*执行率, tried a run of them again from each of its words: a closing text of
# 「全年」 × 20,000 (118 KB) cost 6 s of CPU, × 40,000 20 s (attack29)
_RATE = re.compile(r"执行率(?:为|是|达|达到|仅|仅为|只有|约|约为|实现|共计)?[:：]?(\d{1,3}(?:\.\d+)?)[%％]")
_SPENT = re.compile(r"(?:(?:实际|已|已经|累计|共|全年|年度|当年|本年)(?:支出|执行|使用|拨付|完成支出)(?:了)?"
                    r"(?:资金|金额|经费|预算资金)?"
                    r"|执行(?:数|金额)|支出(?:数|金额)|完成预算资金|实际到位并支出)"
                    r"(?:为|是|共|共计|合计|达|约)?[:：]?(\d[\d,]*(?:\.\d+)?)(万元|元)")
_WORDS = ("执行", "支出", "使用", "完成预算")  # (a text without any says nothing of the execution: not split)
_GOAL_WORDS = re.compile(r"目标|预期|预计|计划|要求|确保|力争|争取|不低于|不少于|不高于|应|须|需")
_GOAL_START = re.compile(f"(?=({_GOAL_WORDS.pattern}))")  # every goal word, overlapping ones too (力争取: 力争, 争取)
_BOUND_AFTER = ("以上", "以下", "左右", "以内", "及以上")
_SCALE = {("万元", "元"): Decimal(10000), ("元", "万元"): Decimal("0.0001")}

Stated = dict[str, tuple[Decimal, Source, str]]


def closing_texts(rows: list[list[Cell]], labels: frozenset[str] = CLOSING_LABELS) -> list[tuple[str, Cell]]:
    """The closing rows of a 自评表 (``评价结论 | 项目全年执行率53%…``) as ``(label, text)`` pairs, the text at its
    first cell (its cells joined by a line); a row that starts with none of ``labels`` (项目负责人：…, signatures) is
    left."""
    texts: list[tuple[str, Cell]] = []
    for row in rows:
        filled = [cell for cell in row if not cell.blank]
        if not filled or label_key(filled[0].text) not in labels:
            continue
        pairs: list[tuple[str, list[Cell]]] = []
        for cell in filled:
            key = label_key(cell.text)
            if key in labels:
                pairs.append((cell.text.strip(), []))  # 评价结论 | … | 存在问题 | …: side by side, each its own
            elif key in TOTAL_ROWS:
                break  # 其他需要说明事项 | 无 | 总分 | 100 | 96: the 总分 row run into it (corpus 19) is not its text
            else:
                pairs[-1][1].append(cell)
        for label, cells in pairs:
            if cells:  # (a merged cell repeated across columns is one text)
                texts.append((label, Cell("\n".join(dict.fromkeys(c.text.strip() for c in cells)), cells[0].source)))
    return texts


def _first_goal_end(clause: str) -> int | None:
    """Where the first goal word to end in ``clause`` ends (a figure after it sets a goal), or None: found once for a
    clause. Until attack29 each figure searched the clause before it again (``_GOAL_WORDS.search(clause[:start])``):
    「执行率1%」 × 20,000 in one closing text (215 KB) cost 4.2 s of CPU, × 40,000 13 s."""
    end = None
    for match in _GOAL_START.finditer(clause):
        if end is not None and match.start() >= end:
            break
        word_end = match.start() + len(match.group(1))
        end = word_end if end is None else min(end, word_end)
    return end


def _figures(text: str, pattern: re.Pattern[str]) -> list[tuple[str, str, str]]:
    """``(number, unit, clause)`` of each reported figure the pattern finds in ``text``, goals left out."""
    found = []
    for clause in _CLAUSES.split(text):
        goal_end = _first_goal_end(clause) if pattern.search(clause) else None
        for match in pattern.finditer(clause):
            bounded = clause[match.end():match.end() + 3].startswith(_BOUND_AFTER)
            if bounded or (goal_end is not None and goal_end <= match.start()):
                continue
            found.append((match.group(1).replace(",", ""), match.group(2) if match.re is _SPENT else "%", clause))
    return found


def stated_execution(extras: list[tuple[str, Cell]], money_unit: str | None, problems: list[Problem]) -> Stated:
    """The rate and amount the result texts among ``extras`` state: ``{"rate": (53, source, quote), "executed": …}``
    (see the module's note). Notes of what is not taken go to ``problems``."""
    rates: dict[Decimal, tuple[Source, str]] = {}
    amounts: dict[Decimal, tuple[Source, str]] = {}
    unknown_unit: list[str] = []
    for label, cell in extras:
        if not label or "/" in label or not any(word in cell.text for word in _WORDS) \
                or label_key(label) not in RESULT_LABELS:
            continue
        text = "".join(unicodedata.normalize("NFKC", cell.text).split())
        for number, _, clause in _figures(text, _RATE):
            rates.setdefault(Decimal(number), (cell.source, clause))
        for number, unit, clause in _figures(text, _SPENT):
            if money_unit not in ("万元", "元"):
                unknown_unit.append(clause)
                continue
            amount = Decimal(number) if unit == money_unit else Decimal(number) * _SCALE[(unit, money_unit)]
            amounts.setdefault(amount, (cell.source, clause))
    stated: Stated = {}
    for name, values, what in (("rate", rates, "执行率"), ("executed", amounts, "执行金额")):
        if len(values) == 1:
            value, (source, clause) = next(iter(values.items()))
            stated[name] = (value, source, clause)
        elif values:
            shown = "、".join(f"「{clause}」" for _, clause in values.values())
            problems.append(Problem(next(iter(values.values()))[0], f"文字中写有多个不同的{what}（{shown}），"
                                    f"不能确定哪个是全年的{what}，未读取", Severity.INFO))
    if unknown_unit and "executed" not in stated:
        problems.append(Problem(extras[0][1].source, f"文字中写有执行金额（「{unknown_unit[0]}」），但表格没有写明金额"
                                                     "单位，未读取", Severity.INFO))
    return stated


def with_stated(figures: dict[str, tuple[Decimal, Source]], stated: Stated, money_unit: str | None,
                problems: list[Problem]) -> dict[str, tuple[Decimal, Source]]:
    """The funds grid's typed ``figures`` with the texts' ``stated`` ones where the grid leaves them blank (a note
    says where each came from); where both are written and differ, a warning at the text's cell, the grid's kept."""
    merged = dict(figures)
    for name, (value, source, clause) in stated.items():
        what, unit = ("执行率", "%") if name == "rate" else ("全年执行数", money_unit or "")
        if name not in figures:
            merged[name] = (value, source)
            problems.append(Problem(source, f"资金表没有填写{what}，{what}取自文字「{clause}」：{value}{unit}",
                                    Severity.INFO))
        elif not _within_writing(value, figures[name][0]):
            problems.append(Problem(source, f"文字「{clause}」写明的{what}（{value}{unit}）与资金表的{what}"
                                            f"（{figures[name][0]}{unit}）不同：按资金表读取，请核对",
                                    Severity.WARNING))
    return merged


def _within_writing(written: Decimal, other: Decimal) -> bool:
    """Whether ``other`` rounds to ``written`` as the text writes it (53% beside a grid's 53.2%: the same figure)."""
    return abs(written - other) <= Decimal(5).scaleb(written.as_tuple().exponent - 1)  # type: ignore[operator]
