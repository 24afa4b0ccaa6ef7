"""A self-evaluation's budget execution against its own figures and against its targets.

A 自评表's funds grid states what was spent (全年执行数) and the share of the budget that is (执行率); the
indicator rows state what was done. Two faults a reviewer writes up from these alone: a rate that is not the
grid's own figures divided (执行数 3824.26 of 4753.66 printed 执行率 100%), and every target reported met
while most of the money was not spent (30 of 278.4449万元, 10.77 %, and all fourteen rows met at full marks).
A monitoring table's execution runs to its period's end, not the year's: it is not judged here.
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfbudget.model import Budget, Document, Project
from perfbudget.readers.execution_cells import rate_agrees, shown_share
from perfbudget.readers.lost_fund_cell import read_a_column_off
from perfbudget.review.finding import Finding
from perfbudget.review.helpers import at_project, project_rows
from perfbudget.review.registry import rule
from perfbudget.review.rules_conformity import target_met
from perfbudget.review.settings import RuleSettings
from perfbudget.target import format_decimal

_HUNDRED = Decimal(100)
# Comparable indicators a project must report, all met, before its low execution is weighed against them.
_FEWEST_MET = 3
# What a table writes when it says why the money was not spent: the money carried over, paid by stages or not yet
# (未拨 covers 未拨付, 未支付 尚未支付), a retention held, the money not arrived — said of the money (a money word
# within _NEAR characters: 「尾款结转」, 「资金分期拨付」; 「分期分批实施」 or 「巩固上年结转项目成果」 are about the
# works), in a text that says why (an indicator's 偏差原因; the project's 评价结论 or 存在问题: extras whose key
# _REASON_KEY names).
_UNSPENT_SAID = re.compile(r"结转|未支付|未拨|未到位|未到账|质保金|尾款|分期|结算期|未结算|跨年|下年度?支付")
_MONEY_WORD = re.compile(r"资金|款|质保金")
_NEAR = 8
_REASON_KEY = re.compile(r"结论|问题|偏差|原因")


def _year_execution(document: Document, project: Project) -> Budget | None:
    """The project's funds grid when it is a year's (a self-evaluation's, not a monitoring period's) and states
    what was spent or its rate, else None."""
    budget = project.budget
    if (budget.executed is None and budget.rate is None) or document.kind == "monitoring" \
            or project.month is not None:
        return None  # (most projects, every target table's: asked first, before the grid's cells are looked at)
    return None if read_a_column_off((key, value) for key, value in project.extras if isinstance(value, str)) \
        else budget


def _share(executed: Decimal, base: Decimal | None) -> Decimal | None:
    """``executed`` as a percentage of ``base`` (above 0), else None."""
    return executed / base * _HUNDRED if base is not None and base > 0 else None


@rule("execution-rate-mismatch", title="执行率与执行数不符", dimension="规范性", severity="warning")
def execution_rate_mismatch(document: Document, settings: RuleSettings) -> list[Finding]:
    """A self-evaluation's 执行率 that is not its 全年执行数 divided by its 预算数.

    The funds grid gives both amounts and the rate; 零陵's prints 执行数 3824.26 of 全年预算数 4753.66万元 (80.4 %)
    and 执行率 100 %: the execution points (10 × 执行率) are scored on a rate the table's own figures do not give.
    Flagged when the stated rate is not the division by 全年预算数 (the domain's rule; 年初预算数 is the budget before
    its adjustment, and execution-low-all-met divides by 全年 too) past the reader's tolerance
    (readers/execution_cells.rate_agrees: a point, a rate of 100 % for more spent than budgeted the share capped, as
    the score is; the reader warns of it only where this rule does not judge). Only a year's grid is judged (a
    monitoring table's runs to its month), and not one read a column off (a percentage in its 分值 or 得分 column: the
    figures are other columns').
    """
    out = []
    for project in document.projects:
        budget = _year_execution(document, project)
        if budget is None or budget.executed is None or budget.rate is None:
            continue
        total = budget.total
        if total is None or total <= 0 or rate_agrees(budget.rate, budget.executed, total):
            continue
        unit = document.money_unit or ""
        out.append(at_project(project, "budget.rate",
                              f"执行率写作{format_decimal(budget.rate)}%，但全年执行数{format_decimal(budget.executed)}"
                              f"{unit}÷全年预算数{format_decimal(total)}{unit}"
                              f"={shown_share(budget.executed / total * _HUNDRED)}%",
                              "按执行数÷预算数重新计算执行率，预算执行率的得分随之改正（分值×执行率）；"
                              "执行数填错的，改正执行数；原表各列错位的，核对各列是否对齐"))
    return out


@rule("execution-low-all-met", title="资金大多未执行，指标却全部完成", dimension="适当性", severity="warning",
      params={"floor": 60})
def execution_low_all_met(document: Document, settings: RuleSettings) -> list[Finding]:
    """A self-evaluation that spent less than ``floor`` (default 60 %) of its budget yet reports every target met.

    隆阳's 化肥减量增效 spent 30 of 278.4449万元 (10.77 %) and reports all fourteen targets met at full marks; a
    普惠金融 transfer used 109.8 of 208万元 (53 %) with every row at its full weight. Either the actuals were
    written from the targets, or the targets asked for a small part of what the money was for (the budget set
    far above the work): a reviewer asks which. The share is 全年执行数 ÷ 预算数 where the grid gives both, else its
    执行率; 60 % is the monitoring red light's and the 差 grade's line. Judged when at least three indicators have an
    actual and every one of them meets its target (:func:`rules_conformity.target_met`): a row that cannot be
    compared (休宁's 布展面积 ``0`` against ``300㎡``) leaves the project unjudged, as does a grid read a column off (a
    percentage under its 分值 or 得分 while its 执行率 holds none) and a stated rate its figures contradict (万元 and 元
    mixed: execution-rate-mismatch's). A table that says why the money was not spent — a 偏差原因, 评价结论 or 存在问题
    naming money (资金, 款 near the word) carried over (结转), paid by stages or not yet (尾款, 质保金, 未支付), or not
    arrived (未到位) — has answered the question and is not told; a goal's 「分期分批实施」 has not. A monitoring
    table's execution (to its month) is not judged.
    """
    floor = Decimal(str(settings.param("floor")))
    out = []
    rows_of = None
    for project in document.projects:
        budget = _year_execution(document, project)
        if budget is None:
            continue
        computed = _share(budget.executed, budget.total) if budget.executed is not None else None
        if computed is not None and budget.rate is not None and budget.executed is not None and budget.total \
                and not rate_agrees(budget.rate, budget.executed, budget.total):
            continue  # the rate and the division disagree (万元 and 元 mixed …): execution-rate-mismatch's to say
        share = computed if computed is not None else budget.rate
        if share is None or share >= floor:
            continue
        if rows_of is None:
            rows_of = dict((id(held), own) for held, own in project_rows(document))
        verdicts = [target_met(row.indicator, row.indicator.actual, row.name)
                    for row in rows_of.get(id(project), ()) if row.indicator.actual is not None]
        if len(verdicts) < _FEWEST_MET or not all(verdicts) or _unspent_explained(project):
            continue
        unit = document.money_unit or ""
        if computed is not None and budget.executed is not None and budget.total:
            # the table's own rate where it gives one (it agrees with the figures, above), else the division
            said = format_decimal(budget.rate) if budget.rate is not None else shown_share(computed)
            spent = (f"全年执行数{format_decimal(budget.executed)}{unit}只占预算数{format_decimal(budget.total)}"
                     f"{unit}的{said}%")
        else:
            spent = f"执行率只有{format_decimal(share)}%"
        out.append(at_project(project, "budget.executed" if computed is not None else "budget.rate",
                              f"{spent}，但{len(verdicts)}个指标的实际完成值全部达到指标值：大部分资金没有花出去，"
                              "产出和效益却全部完成，自评结果难以令人信服",
                              "核实执行数和各指标的实际完成值：未完成的按实际填写并扣分；确实少花钱就全部完成的，"
                              "在偏差原因中说明（如资金结转、预算编得过高），下一年度按实际需要编制预算"))
    return out


def _unspent_explained(project: Project) -> bool:
    """True when the table says why the money was not spent: an indicator's 偏差原因, the project's 评价结论 or 存在问题
    names money carried over, paid later or not arrived (``_UNSPENT_SAID`` with a money word near)."""
    texts = [indicator.deviation for indicator in project.indicators if indicator.deviation]
    texts.extend(value for key, value in project.extras if isinstance(value, str) and _REASON_KEY.search(key))
    return any(_MONEY_WORD.search(text, max(0, said.start() - _NEAR), said.end() + _NEAR)
               for text in texts for said in _UNSPENT_SAID.finditer(text))
