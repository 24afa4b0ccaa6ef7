"""The figures a stored 自评表 carries itself, drawn on the project page (:func:`table_figures`).

A 项目支出绩效自评表 read by the readers keeps its funds grid's total row
(``Budget.initial/executed/rate/weight/score``: 年初预算数, 全年执行数, 执行率, 分值, 得分; 全年预算数 is
``Budget.total``) and each indicator's 实际完成值, 分值, 得分 and 偏差原因 (:class:`perfbudget.model.Indicator`). The
绩效目标表 drawn on the page shows the targets only; until webflow22 an uploaded 自评表's execution and scores were
nowhere on the page (its header said 「自评 未自评」), and the 自评 form started empty. This card shows them as the
table writes them — not scored by perfbudget — with the way to score them (the 自评 form, filled from these
figures). A target table carries none: the card is empty, nothing drawn. The total and grade the table gives
itself (自评得分, 评价等级: ``Project.table_total``/``table_grade``) are shown as written (since print21).
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Project
from perfbudget.money_text import money_text
from perfbudget.target import format_decimal
from perfbudget.web.html_text import text


def _number(value: Decimal | None) -> str:
    return "" if value is None else text(format_decimal(value))


def _amount(value: Decimal | None) -> str:
    """An amount as written, its thousands separated (「12,345,678.90」: printed, 「12345678.90」 was misread)."""
    return "" if value is None else text(money_text(value))


def _own_score(project: Project) -> str:
    """The total and grade the table gives itself (its 自评得分 / 评价等级), as written: until print21 the card
    printed only its sum of the indicators' 得分, which may differ from what the unit signed."""
    parts = ([f"表中自评得分 <strong>{_number(project.table_total)}</strong> 分"] if project.table_total is not None
             else []) + ([f"评价等级 <strong>{text(project.table_grade)}</strong>"] if project.table_grade else [])
    return f"<p id=\"table-own-score\">{'，'.join(parts)}</p>\n" if parts else ""


def table_figures(project: Project, project_id: int, money_unit: str | None, may_fill: bool,
                  kind: str = "self-evaluation") -> str:
    """The card of the table's own 自评 figures, or "" when the table carries none (a 绩效目标表). A 监控表's
    (``kind`` "monitoring") is 「表中的监控情况」: its execution is the period's (1-6月执行数), not the year's; until
    print21 its card said 「本表是自评表」 and printed its 1-6月执行数 as 全年执行数."""
    if kind == "monitoring":
        return _monitoring_figures(project, money_unit)
    budget = project.budget
    grid = (budget.initial, budget.executed, budget.rate, budget.weight, budget.score)
    scored = [i for i in project.indicators if i.actual or i.score is not None or i.deviation]
    if all(v is None for v in grid) and not scored and project.table_total is None and not project.table_grade:
        return ""
    unit = f"（{text(money_unit)}）" if money_unit else ""  # none guessed: 万元 is ten thousand times 元
    columns = ((f"年初预算数{unit}", budget.initial), (f"全年预算数{unit}", budget.total if any(
        v is not None for v in grid) else None), (f"全年执行数{unit}", budget.executed),
        ("执行率（%）", budget.rate), ("分值", budget.weight), ("得分", budget.score))
    shown = [(label, value, label.startswith(("年初", "全年"))) for label, value in columns if value is not None]
    funds = ("<div class=\"scroll\"><table class=\"list\" id=\"table-funds\"><thead><tr>"
             + "".join(f"<th class=\"num\">{label}</th>" for label, _, _ in shown) + "</tr></thead><tbody><tr>"
             + "".join(f"<td class=\"num\">{_amount(value) if money else _number(value)}</td>"
                       for _, value, money in shown)
             + "</tr></tbody></table></div>\n") if shown else ""
    rows = "".join(
        f"<tr><td>{text(i.level3)}</td><td>{text(i.target.raw)}</td><td>{text(i.actual or '')}</td>"
        f"<td class=\"num\">{_number(i.weight)}</td><td class=\"num\">{_number(i.score)}</td>"
        f"<td>{text(i.deviation or '')}</td></tr>" for i in project.indicators)
    weights = [i.weight for i in project.indicators if i.weight is not None] + (
        [budget.weight] if budget.weight is not None else [])
    scores = [i.score for i in project.indicators if i.score is not None] + (
        [budget.score] if budget.score is not None else [])
    total = (f"<p id=\"table-score\">表中得分合计 <strong>{_number(sum(scores, Decimal(0)))}</strong>"
             f"（分值合计 {_number(sum(weights, Decimal(0)))}，含预算执行）</p>\n" if scores else "")
    fill = (f"<a class=\"button\" href=\"/projects/{project_id}/evaluate\" id=\"fill-from-table\">"
            "按表中数字填报自评</a>" if may_fill else "")
    indicators = ("<div class=\"scroll\"><table class=\"list\" id=\"table-actuals\"><thead><tr>"
                  "<th>三级指标</th><th>指标值</th><th>实际完成值</th>"
                  "<th class=\"num\">分值</th><th class=\"num\">得分</th><th>偏差原因分析</th></tr></thead>"
                  f"<tbody>{rows}</tbody></table></div>\n") if scored else ""
    return ("<section class=\"card\" id=\"table-self-evaluation\">\n  <div class=\"page-head\"><h2>表中的自评情况</h2>"
            f"{fill}</div>\n  <p class=\"muted\">本表是自评表：以下是表中所写的预算执行与指标完成情况，"
            "原样列出，未经本系统计算。正式的自评结果须在本系统打分"
            f"{'（点「按表中数字填报自评」，核对后计算）' if may_fill else '（项目审核通过后由本单位填报）'}。</p>\n"
            f"  {funds}{_own_score(project)}{total}{indicators}</section>\n")


def _monitoring_figures(project: Project, money_unit: str | None) -> str:
    """A 监控表's own execution (全年预算数, 1-N月执行数, 1-N月执行率) as written, or "" when it writes none."""
    budget = project.budget
    if budget.executed is None and budget.rate is None:
        return ""
    unit = f"（{text(money_unit)}）" if money_unit else ""
    period = f"1-{project.month}月" if project.month else ""
    columns = ((f"全年预算数{unit}", _amount(budget.total)), (f"{period}执行数{unit}", _amount(budget.executed)),
               (f"{period}执行率（%）", _number(budget.rate)))
    shown = [(label, value) for label, value in columns if value]
    said = f"截至 {project.month} 月" if project.month else "表中未写明监控期间"
    return ("<section class=\"card\" id=\"table-monitoring\">\n  <h2>表中的监控情况</h2>\n"
            f"  <p class=\"muted\">本表是绩效监控表（{said}）：以下是表中所写的预算执行情况，原样列出，未经本系统计算。"
            "运行监控结果须在本系统填报。</p>\n"
            "  <div class=\"scroll\"><table class=\"list\" id=\"table-funds\"><thead><tr>"
            + "".join(f"<th class=\"num\">{label}</th>" for label, _ in shown) + "</tr></thead><tbody><tr>"
            + "".join(f"<td class=\"num\">{value}</td>" for _, value in shown)
            + "</tr></tbody></table></div>\n</section>\n")
