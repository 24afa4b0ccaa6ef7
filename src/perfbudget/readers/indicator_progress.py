"""A 绩效监控表's indicator columns typed: the period's actual, the year's forecast, 完成目标可能性, 偏差原因, 纠偏措施.

The indicator-row readers keep every column they do not know under its header (``Indicator.extras``). For a table
read as a monitoring table (readers/monitoring_period.py) this module types those columns into
:class:`perfbudget.model.Progress`, the extras staying as they are:

* ``actual`` — the period's column: a header holding 执行情况, 完成值, 完成情况, 实现值 or 实际值 without 预计
  (1-6月执行情况, 1-6月实际完成值, 半年度指标完成情况), else the indicator's 实际完成值 (``Indicator.actual``);
* ``forecast`` — a header with 预计 (全年预计完成情况, 全年预计完成值);
* ``actual_value``/``forecast_value`` and their units — the text as one number with its unit (``4处``, ``92%``,
  ``60万元``), None for text (达成, 正在推进), a comparator or a range: nothing is guessed;
* ``likelihood`` — 完成目标可能性 as one of 确定能 / 有可能 / 完全不可能 (不可能 is the form's short 完全不可能;
  ``能``, ``可能``, ``不能``, also with 完成 after them, are read as the set's word of their sense, a warning at the
  row saying so: kinds37), the cell as written in ``likelihood_text`` whatever it says;
* ``reason`` — the 偏差原因分析 group's column ticked ``√`` (经费保障 … 其他), else a 偏差原因 column the reader
  keeps as an extra, else the 偏差原因 (偏差原因分析) text the reader types as ``Indicator.deviation``;
* ``measure`` — a header with 措施 (纠偏措施, 改进措施, 整改措施).

Only monitoring tables are asked (a plain target table's rows are not looked at: the text reader's speed).
"""

from __future__ import annotations

from dataclasses import replace

from perfbudget.evaluate.vocabulary import REASONS, clean
from perfbudget.model import LIKELIHOODS, Indicator, Problem, Progress, Severity, Source
from perfbudget.progress_figures import figure, likelihood_note, likelihood_of

_ACTUAL_WORDS = ("执行情况", "完成值", "完成情况", "实现值", "实际值")
_TICKS = frozenset({"√", "✓", "✔", "☑", "是", "v", "V", "√√"})
_OPTIONS = frozenset({*LIKELIHOODS, "不可能"})  # the form's 不可能 is 完全不可能


def _column(indicator: Indicator, has: tuple[str, ...], lacks: tuple[str, ...] = ()) -> str | None:
    """The indicator's first extra whose header holds one of ``has`` and none of ``lacks`` (None when none or
    blank)."""
    for header, text in indicator.extras:
        if any(word in header for word in has) and not any(word in header for word in lacks):
            return text.strip() or None
    return None


def _reason(indicator: Indicator) -> str | None:
    for header, text in indicator.extras:
        column = header.rpartition("/")[2]  # 偏差原因分析/经费保障, or 经费保障 in a one-row head
        if clean(column) in REASONS and clean(text) in _TICKS:
            return clean(column)
    for header, text in indicator.extras:
        _group, slash, column = header.rpartition("/")
        if "原因" in header and "措施" not in header and not (slash and clean(column) in REASONS) and text.strip():
            return text.strip()
    return indicator.deviation


def _ticked_likelihood(indicator: Indicator) -> str | None:
    """The option of a 完成目标可能性 written a column per option (``确定能 | 有可能 | 完全不可能``, under a
    完成目标可能性 head or not) whose cell is marked (√, ✓, 是, or the option's word or 能 again): that column's word;
    None when no column or more than one is marked (not guessed)."""
    marked = set()
    for header, text in indicator.extras:
        option, mark = clean(header.rpartition("/")[2]), clean(text)
        if option in _OPTIONS and (mark in _TICKS or mark in (option, "能")):
            marked.add(option)
    return marked.pop() if len(marked) == 1 else None


def progress_of(indicator: Indicator) -> Progress | None:
    """The monitoring columns of a 监控表's indicator typed (see the module's note); None when it has none."""
    actual = _column(indicator, _ACTUAL_WORDS, ("预计",)) or indicator.actual
    forecast = _column(indicator, ("预计",))
    likelihood_text = _ticked_likelihood(indicator) or _column(indicator, ("可能性",))
    reason, measure = _reason(indicator), _column(indicator, ("措施",))
    if actual is None and forecast is None and likelihood_text is None and reason is None and measure is None:
        return None
    actual_value, actual_unit = figure(actual)
    forecast_value, forecast_unit = figure(forecast)
    return Progress(actual, actual_value, actual_unit, forecast, forecast_value, forecast_unit,
                    likelihood_of(likelihood_text), likelihood_text, reason, measure)


def with_progress(indicators: list[Indicator]) -> list[Indicator]:
    """The indicators of a monitoring table, each with its :class:`Progress` (the same object when it has none)."""
    out = []
    for indicator in indicators:
        progress = progress_of(indicator)
        out.append(indicator if progress is None else replace(indicator, progress=progress))
    return out


def likelihood_notes(indicators: list[Indicator], problems: list[Problem], table: Source) -> None:
    """A warning at each row (else at the ``table``) whose 完成目标可能性 is read from a word of its own: 能 is
    确定能."""
    for indicator in indicators:
        if indicator.progress is not None and (note := likelihood_note(indicator.progress.likelihood_text)):
            problems.append(Problem(indicator.source or table, f"指标「{indicator.level3}」{note}", Severity.WARNING))
