"""Match sheet rows to projects and indicators, parse and convert every value.

All problems are collected; a sheet with any error must not be scored (callers check
``errors``). Every problem names its row; a missing row names the project's first row.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation

from perfbudget.evaluate.actuals import IndicatorActual, ProjectActuals, SheetRow
from perfbudget.evaluate.negative_actuals import negative_refusal, negative_target_refusal
from perfbudget.evaluate.share_ratios import ratio_as_share
from perfbudget.evaluate.units import convert, convertible_units
from perfbudget.evaluate.vocabulary import (
    COL_ACTUAL,
    COL_DEVIATION,
    COL_EMPTY_BECAUSE,
    COL_FORECAST,
    COL_GRADE,
    COL_GRADE_BASIS,
    COL_LEVEL3,
    COL_LIKELIHOOD,
    COL_PROJECT,
    COL_REASON,
    COL_REMARK,
    COL_SCORE,
    COL_WEIGHT,
    LIKELIHOODS,
    LIKELY_NEVER,
    LIKELY_SURE,
    REASONS,
    ROW_EXECUTED,
    ROW_GOAL,
    clean,
    is_time_group,
    open_grade_reason,
    parse_grade,
    parse_likelihood,
    parse_reason,
    special_row,
    stated_grade,
)
from perfbudget.framework import normalise_level3
from perfbudget.model import Direction, Document, Kind, Op, Problem, Project, Severity, Source, Target
from perfbudget.money_text import PAST_YUAN, past_yuan_bound
from perfbudget.target import format_decimal, parse_target
from perfbudget.time_target import due_of, parse_done


class CellError(Exception):
    """A cell that cannot be read; the message is for the user."""


MAX_MAGNITUDE = 12  # |x| < 10^13: the bound of every number at the boundary (app/validate.number_problem)
TOO_LARGE = "超出允许范围（绝对值不超过 10^12）"


def too_large(value: Decimal) -> bool:
    """Beyond any budget or measure (``adjusted()``: no arithmetic on a huge value). A 400-digit
    number made the scoring's display rounding raise (a 500 on the web) until 2026-12-03."""
    return value.is_finite() and value.adjusted() > MAX_MAGNITUDE


MOST_DECIMALS = 20  # a typed figure's decimals: the bound of a funds grid's cells (readers/execution_cells.py)
TOO_PRECISE = f"小数位数过多（至多 {MOST_DECIMALS} 位）"


def too_precise(value: Decimal) -> bool:
    """More decimals than anyone measures: a 实际完成值 of 40 decimals was taken and kept whole until attack24."""
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent < -MOST_DECIMALS


OTHER_DIGITS = "含有 0-9 以外的数字字符：请用 0-9 书写"


def other_digits(text: str) -> bool:
    """Whether a typed figure holds digits of another script once full-width ones are read as 0-9 (NFKC): ``٣٠``,
    ``९५``. Decimal() and the target parser read them as 30 and 95; no finance officer types them, and the 自评 saved
    ``٣٠`` as 30 until attack23 (the reader of tables refuses them in a funds grid: readers/execution_cells.py)."""
    return not text.isascii() and any(c.isdigit() and not c.isascii() for c in clean(text))


def parse_number(text: str) -> Decimal | None:
    if other_digits(text):
        return None
    try:
        value = Decimal(clean(text).replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_quantity(text: str, unit: str | None, name: str | None,
                   what: str = "实际完成值") -> tuple[Decimal, str | None]:
    """A value such as ``98%``, ``1.5小时``, ``90分钟``, ``12`` in ``unit``.

    Returns (value, note on the conversion or None); raises :class:`CellError`.
    A value without a unit is taken in ``unit``; a target without a unit takes the number as written.
    """
    if other_digits(text):
        raise CellError(f"{what}「{_short(text)}」{OTHER_DIGITS}")
    parsed = parse_target(text, name)
    if parsed.kind is Kind.QUALITATIVE or parsed.value is None:
        raise CellError(f"{what}「{_short(text)}」不是数值")
    if parsed.op is not None or parsed.upper is not None:
        raise CellError(f"{what}「{_short(text)}」应为单个数值（不带 ≥、≤ 等比较符或范围）")
    if too_large(parsed.value):
        raise CellError(f"{what}「{_short(text)}」{TOO_LARGE}")
    if too_precise(parsed.value):
        raise CellError(f"{what}「{_short(text)}」{TOO_PRECISE}")
    if parsed.unit is None or unit is None or parsed.unit == unit:
        return _within_yuan(parsed.value, unit, text, what), None
    converted = convert(parsed.value, parsed.unit, unit)
    if converted is None:
        units = "、".join(convertible_units(unit))
        raise CellError(f"{what}「{_short(text)}」的单位「{parsed.unit}」不能换算为指标值的单位「{unit}」"
                        f"（可用：{units}）")
    if too_large(converted):
        raise CellError(f"{what}「{_short(text)}」折合 {format_decimal(converted.normalize())}{unit}，{TOO_LARGE}")
    _within_yuan(converted, unit, text, what)
    note = f"{format_decimal(parsed.value)}{parsed.unit} = {format_decimal(converted.normalize())}{unit}"
    return converted, note


def _within_yuan(value: Decimal, unit: str | None, text: str, what: str) -> Decimal:
    """``value`` (in ``unit``, as written or converted), unless, in money, it is past
    :data:`~perfbudget.money_text.MAX_YUAN` counted in 元 (:class:`CellError`); a converted value is bounded as a
    number before (:func:`parse_quantity`). Until attack40 only the number as written was bounded: a 全年执行数 of
    10^12 in a 亿元 project (10^20 元), or 「100000亿元」 in a 元 project (10^13, past every number's bound once
    converted), was taken, as the stored tables' figures were not since attack39."""
    if past_yuan_bound(value, unit):
        raise CellError(f"{what}「{_short(text)}」（{unit}）{PAST_YUAN}：请核对金额单位和数字")
    return value


_AT_LEAST = (Op.GE, Op.GT)
_AT_MOST = (Op.LE, Op.LT)


def bound_meeting_target(text: str, target: Target, name: str | None) -> tuple[Decimal, str] | None:
    """An 实际完成值 written with the target's comparator (``≥95%`` under ``≥95%``, copied from the target;
    ``≤2小时`` under ``≤3小时``) whose bound already meets the target: whatever the true value, the indicator's score
    is its full weight by either formula (kinds37). (the bound in the target's unit, the note); None for any other
    text — a bound short of the target (``≥90%`` under ``≥95%``: the score is not known), the other comparator, a
    range — which stays refused as a value that is no single figure."""
    if target.value is None or not (target.op in _AT_LEAST or target.op in _AT_MOST):
        return None
    parsed = parse_target(text, name)
    if parsed.kind is not Kind.QUANTITATIVE or parsed.value is None or parsed.upper is not None \
            or (parsed.op in _AT_LEAST) != (target.op in _AT_LEAST) or parsed.op not in (*_AT_LEAST, *_AT_MOST):
        return None
    try:
        value, _ = parse_quantity(f"{format_decimal(parsed.value)}{parsed.unit or ''}", target.unit, name)
    except CellError:
        return None
    if value < target.value if target.op in _AT_LEAST else value > target.value:
        return None
    return value, (f"实际完成值「{_short(text)}」带比较符，其界值已达到指标值「{_short(target.raw)}」："
                   f"按 {format_decimal(value)}{target.unit or ''} 计分（得满分）")


class _ProjectIndex:
    def __init__(self, document: Document) -> None:
        self.by_seq = {str(p.seq): p for p in document.projects}
        self.by_cell: dict[str, list[Project]] = {}
        self.by_name: dict[str, list[Project]] = {}
        for project in document.projects:
            cell = project.name_cell or (f"{project.name}-{project.fund_label}" if project.fund_label else project.name)
            self.by_cell.setdefault(clean(cell), []).append(project)
            self.by_name.setdefault(clean(project.name), []).append(project)

    def find(self, text: str) -> Project | str:
        key = clean(text)
        if key.isdigit():
            found = self.by_seq.get(str(int(key)))
            return found if found else f"没有序号为 {key} 的项目"
        for table in (self.by_cell, self.by_name):
            matches = table.get(key, [])
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                seqs = "、".join(str(p.seq) for p in matches)
                return f"项目名称「{_short(text)}」对应多个项目（序号 {seqs}），请改填项目序号"
        example = _cell(next(iter(self.by_seq.values())))
        return f"未知项目「{_short(text)}」：应填表中的项目名称（如「{example}」）或项目序号"


def _cell(project: Project) -> str:
    return project.name_cell or project.name


def _indicator_slots(project: Project) -> dict[str, list[int]]:
    slots: dict[str, list[int]] = {}
    for position, indicator in enumerate(project.indicators, 1):
        slots.setdefault(clean(normalise_level3(indicator.level3)), []).append(position)
    return slots


class _Builder:
    """Per-project accumulation while rows are read."""

    def __init__(self, project: Project, first: Source) -> None:
        self.project = project
        self.first = first
        self.slots = _indicator_slots(project)
        self.taken: dict[str, int] = {}
        self.actuals = ProjectActuals(seq=project.seq, source=first)
        self.indicators: dict[int, IndicatorActual] = {}
        self.refused_weights: dict[int, Decimal] = {}
        self.special_seen: dict[str, Source] = {}


def _decimal_cell(row: SheetRow, column: str, problems: list[Problem], label: str) -> Decimal | None:
    text = row.get(column)
    if not text:
        return None
    value = parse_number(text)
    if value is None or value < 0:
        problems.append(Problem(row.source, f"{label}「{_short(text)}」应为非负数字"))
        return None
    if too_large(value):
        problems.append(Problem(row.source, f"{label}「{_short(text)}」{TOO_LARGE}"))
        return None
    return value


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def _special(builder: _Builder, row: SheetRow, which: str, money_unit: str | None, problems: list[Problem]) -> None:
    if which in builder.special_seen:
        problems.append(Problem(row.source, f"「{which}」重复填写（第一次在 {builder.special_seen[which]}）"))
        return
    builder.special_seen[which] = row.source
    text = row.get(COL_ACTUAL)
    if which == ROW_GOAL:
        builder.actuals = replace(builder.actuals, goal_result=text or None)
        return
    if which == ROW_EXECUTED:
        weight = _decimal_cell(row, COL_WEIGHT, problems, "预算执行率分值")
        if weight is not None and weight != weight.quantize(Decimal("0.01")):
            problems.append(Problem(row.source, f"预算执行率分值「{row.get(COL_WEIGHT)}」最多保留两位小数"))
        elif weight is not None:
            builder.actuals = replace(builder.actuals, execution_weight=weight)
    elif not text:  # 全年预算数 left blank: the budget was not adjusted
        return
    if not text:
        because = row.get(COL_EMPTY_BECAUSE)  # a read table cut before its funds (from_table.py): no cell to fill
        problems.append(Problem(row.source, f"「{which}」{because}" if because
                                else f"「{which}」的实际完成值为空，请填写金额（{money_unit or '万元'}）"))
        return
    try:
        value, _note = parse_quantity(text, money_unit, None, which)
    except CellError as exc:
        problems.append(Problem(row.source, str(exc)))
        return
    if value < 0:
        problems.append(Problem(row.source, f"「{which}」不能为负数：{text}"))
        return
    if which == ROW_EXECUTED:
        builder.actuals = replace(builder.actuals, executed=value, executed_source=row.source)
    else:  # ROW_BUDGET
        builder.actuals = replace(builder.actuals, budget=value)


def _quantity_asked(message: str, target: Target) -> str:
    """A word where a quantity is asked (``已完成`` under ``≥100公里``) says what to write (kinds38): the row is
    refused as before — done or not, a word does not say how far the target was met."""
    if not message.endswith("不是数值") or target.value is None:
        return message
    return (f"{message}：指标值「{target.raw}」是数量，请填写实际完成的数量"
            f"（如 {format_decimal(target.value)}{target.unit or ''}）：文字不能说明完成了多少")


def _indicator_row(builder: _Builder, row: SheetRow, position: int, kind: str,
                   problems: list[Problem]) -> None:
    indicator = builder.project.indicators[position - 1]
    target: Target = indicator.target
    before = len(problems)
    text = row.get(COL_ACTUAL)
    grade_text = row.get(COL_GRADE)
    grade = parse_grade(grade_text) if grade_text else None
    if grade_text and grade is None:
        problems.append(Problem(row.source, f"完成等级「{grade_text}」无法识别，应为 达成、部分达成 或 未达成"))
    basis = row.get(COL_GRADE_BASIS) or None  # how a read 自评表's grade was found (from_table.py)
    value: Decimal | None = None
    note: str | None = None
    bound_note: str | None = None  # an 实际完成值 whose comparator's bound meets the target (kinds37)
    done = done_note = None
    quantitative = target.kind is Kind.QUANTITATIVE and target.value is not None
    due = due_of(target) if not quantitative and kind == "evaluation" else None
    # 部分完成: its own words grade a qualitative row (kinds42); a time target's 实际完成值 is its completion date, so
    # 按期完成 there is no grade but a date missing (as before kinds42); on a 时效 row 延期完成 is no 部分达成 (kinds44)
    timed = is_time_group(indicator.level2)
    if not grade_text and not quantitative and due is None and kind == "evaluation" and (
            said := stated_grade(text, timed)) is not None:
        grade, basis = said, f"取自实际完成值「{text.strip()}」"
    if due is not None and text:
        read = parse_done(text, builder.project.fund_year)
        if isinstance(read, tuple):
            done, done_note = read
        elif grade is None and not grade_text:
            problems.append(Problem(row.source, f"时效指标「{indicator.level3}」：{read}，或选择完成等级"))
    elif due is not None and grade is None and not grade_text:
        problems.append(Problem(row.source, f"时效指标「{indicator.level3}」须填写实际完成日期"
                                            "（如 2025年9月28日）或完成等级"))
    elif quantitative and (below := negative_target_refusal(indicator.level3, target)) is not None:
        problems.append(Problem(row.source, f"{below}：不予计分，请先更正指标值"))  # any actual would score (kinds27)
    elif quantitative:
        if not text:
            problems.append(Problem(row.source, f"指标「{indicator.level3}」的实际完成值为空"))
        else:
            try:
                value, note = parse_quantity(text, target.unit, indicator.level3)
            except CellError as exc:
                if (bound := bound_meeting_target(text, target, indicator.level3)) is None:
                    problems.append(Problem(row.source, _quantity_asked(str(exc), target)))
                else:
                    value, bound_note = bound
            else:
                if note is None and (ratio := ratio_as_share(text, target, value)) is not None:
                    value, note = ratio  # 1 under ≥95%: 100 % (kinds40)
                if (negative := negative_refusal(indicator.level3, target, text, value)) is not None:
                    problems.append(Problem(row.source, negative))
    elif grade is None and not grade_text:
        why = open_grade_reason(text, timed)
        hedged = f"：实际完成值「{text.strip()}」{why}，不能据以定级" if why else ""
        problems.append(Problem(row.source, f"定性指标「{indicator.level3}」须填写完成等级"
                                            f"（达成、部分达成 或 未达成）{hedged}"))
    score = _decimal_cell(row, COL_SCORE, problems, "得分")
    weight = _decimal_cell(row, COL_WEIGHT, problems, "分值")
    likelihood = forecast_text = reason = unread_forecast = None
    forecast: Decimal | None = None
    if kind == "monitor":
        raw = row.get(COL_LIKELIHOOD)
        likelihood = parse_likelihood(raw)
        if likelihood is None:
            options = "、".join(LIKELIHOODS)
            problems.append(Problem(row.source, f"完成目标可能性「{raw}」无效，应为 {options}" if raw
                                    else f"完成目标可能性为空，应为 {options}"))
        forecast_text = row.get(COL_FORECAST) or None
        reason_text = row.get(COL_REASON)
        reason = parse_reason(reason_text) if reason_text else None
        if reason_text and reason is None:
            problems.append(Problem(row.source, f"偏差原因「{reason_text}」无效，应为 {'、'.join(REASONS)} 之一"))
        if likelihood is not None and likelihood != LIKELY_SURE:
            if not forecast_text:
                problems.append(Problem(row.source, f"完成目标可能性为「{likelihood}」，须填写全年预计完成情况"))
            if not reason_text:
                problems.append(Problem(row.source, f"完成目标可能性为「{likelihood}」，须填写偏差原因"
                                                    f"（{'、'.join(REASONS)}）"))
        if forecast_text and quantitative:
            try:
                forecast, _ = parse_quantity(forecast_text, target.unit, indicator.level3, "全年预计完成情况")
            except CellError as exc:
                if likelihood == LIKELY_SURE:  # not needed under 确定能: kept as written, told (kinds36)
                    unread_forecast = f"{exc}：完成目标可能性为「{likelihood}」，无需预计数，按所写保留"
                else:
                    problems.append(Problem(row.source, str(exc)))
            else:
                if (negative := negative_refusal(indicator.level3, target, forecast_text, forecast,
                                                 "全年预计完成情况")) is not None:
                    problems.append(Problem(row.source, negative))
    if len(problems) > before:
        if weight is not None:
            builder.refused_weights[position] = weight
        return
    if unread_forecast is not None:
        problems.append(Problem(row.source, f"指标「{indicator.level3}」{unread_forecast}", Severity.WARNING))
    if bound_note is not None:
        problems.append(Problem(row.source, f"指标「{indicator.level3}」{bound_note}", Severity.WARNING))
    if forecast is not None and likelihood in (LIKELY_SURE, LIKELY_NEVER) \
            and (disagreement := _forecast_disagrees(target, forecast, likelihood)) is not None:
        problems.append(Problem(row.source, f"指标「{indicator.level3}」全年预计完成 {_shown(forecast_text)}，"
                                            f"{disagreement}，完成目标可能性却为「{likelihood}」：请核对全年预计完成情况或完成目标可能性",
                                Severity.WARNING))
    builder.indicators[position] = IndicatorActual(
        position=position, text=text, value=value, unit_note=note, grade=grade, grade_basis=basis, score=score,
        weight=weight, done=done, done_note=done_note, deviation=row.get(COL_DEVIATION) or None, likelihood=likelihood,
        forecast_text=forecast_text,
        forecast=forecast, reason=reason, remark=row.get(COL_REMARK) or None, source=row.source)


def _shown(figure: str | None) -> str:
    """A figure quoted in a message as a reviewer reads it: its full-width digits and signs as ASCII (１０ is 10, so
    the table's copy in either says the same: monitor41); nothing else rewritten (NFKC made ≥1000㎡ ≥1000m2 and ≤２℃
    ≤2°C: the lead's reread)."""
    return (figure or "").strip().translate(_HALF_WIDTH)


# full-width ASCII (U+FF01–FF5E) and the ideographic space as their ASCII
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _forecast_disagrees(target: Target, forecast: Decimal, likelihood: str) -> str | None:
    """How a quantitative target's year forecast says the opposite of 完成目标可能性 (确定能 with a forecast short of
    the target, 完全不可能 with one that meets it), None when they agree: the deviation warning of rules.md §5, a note
    the unit is asked to check (the figures are kept as written)."""
    value = target.value
    if value is None:
        return None
    if target.direction is Direction.REVERSE:
        bound = target.upper if target.upper is not None else value
        meets = forecast <= bound
    else:
        meets = forecast >= value
    shown = f"年度指标值 {_shown(target.raw)}"
    if likelihood == LIKELY_SURE and not meets:
        return f"达不到{shown}"
    if likelihood == LIKELY_NEVER and meets:
        return f"已达到{shown}"
    return None


def resolve(document: Document, rows: list[SheetRow],
            kind: str = "evaluation") -> tuple[dict[int, ProjectActuals], list[Problem]]:
    """Rows → actuals per project seq. ``kind`` is "evaluation" or "monitor".

    Every project named in the sheet must have a row for each of its indicators and a
    全年执行数 row; projects not named are left out (not scored).
    """
    problems: list[Problem] = []
    index = _ProjectIndex(document)
    builders: dict[int, _Builder] = {}
    for row in rows:
        project_text = row.get(COL_PROJECT)
        level3 = row.get(COL_LEVEL3)
        if not project_text:
            problems.append(Problem(row.source, "项目名称为空"))
            continue
        found = index.find(project_text)
        if isinstance(found, str):
            problems.append(Problem(row.source, found))
            continue
        builder = builders.get(found.seq)
        if builder is None:
            builder = builders[found.seq] = _Builder(found, row.source)
        if not level3:
            problems.append(Problem(row.source, "三级指标为空"))
            continue
        which = special_row(level3)
        if which is not None:
            _special(builder, row, which, document.money_unit, problems)
            continue
        key = clean(normalise_level3(level3))
        positions = builder.slots.get(key)
        if not positions:
            problems.append(Problem(row.source, f"项目「{_cell(found)}」中没有三级指标「{level3}」"))
            continue
        taken = builder.taken.get(key, 0)
        if taken >= len(positions):
            first = builder.indicators.get(positions[0])
            where = f"（第一次在 {first.source}）" if first and first.source else ""
            problems.append(Problem(row.source, f"指标「{level3}」重复填写{where}"))
            continue
        builder.taken[key] = taken + 1
        _indicator_row(builder, row, positions[taken], kind, problems)
    result: dict[int, ProjectActuals] = {}
    for seq, builder in builders.items():
        project = builder.project
        for position, indicator in enumerate(project.indicators, 1):
            key = clean(normalise_level3(indicator.level3))
            if builder.taken.get(key, 0) < builder.slots[key].index(position) + 1:
                problems.append(Problem(builder.first,
                                        f"项目「{_cell(project)}」缺少指标「{indicator.level3}」的填报行"))
        if builder.actuals.executed is None and ROW_EXECUTED not in builder.special_seen:
            problems.append(Problem(builder.first, f"项目「{_cell(project)}」缺少「{ROW_EXECUTED}」行"
                                                   f"（三级指标填「{ROW_EXECUTED}」，实际完成值填金额）"))
        result[seq] = replace(builder.actuals, indicators=dict(builder.indicators),
                              refused_weights=dict(builder.refused_weights))
    return dict(sorted(result.items())), problems


def find_project(document: Document, text: str) -> Project | str:
    """A project by its 项目名称 cell, its name (when unique) or its seq; else a message."""
    return _ProjectIndex(document).find(text)
