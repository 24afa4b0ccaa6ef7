"""Time targets (时效): dates and periods written as 指标值, and completion dates written as 实际完成值.

A time target is a :class:`Due`: finish by the end of a day or a month (``2025年10月底前``,
``6月30日前``, ``年底前``), or within a period (``第三季度``, ``上半年``, ``当年``,
``2023.07-2024.01``). The target stays qualitative in :class:`~perfbudget.model.Target` (the
text as written is the source of truth, so stores and files need nothing new); :func:`due_of`
derives the deadline from it, and the self-evaluation scores it against a completion date
(:func:`parse_done`). A year left out (``6月30日前``) is the project's fund year.

Only unambiguous forms are read: ``6月前`` (by the start or the end of June?) and ``按期完成``
stay qualitative and are graded by hand. ``docs/targets.md`` lists the forms with examples.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from perfbudget.model import Target
from perfbudget.text_caches import keyed_on_texts

__all__ = ["Due", "due_of", "format_due", "parse_done", "parse_due"]

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True, slots=True)
class Due:
    """A time target.

    Attributes:
        end_month: the month of the deadline (1–12).
        end_day: the last day allowed; None = the end of ``end_month``.
        end_year: the deadline's year; None = the project's fund year.
        start_month: the first month of a period (第三季度 → 7, 上半年 → 1); None for a deadline.
        start_year: the period's first year when written (``2023.07-2024.01``); None = as ``end_year``.
    """

    end_month: int
    end_day: int | None = None
    end_year: int | None = None
    start_month: int | None = None
    start_year: int | None = None

    def end(self, fund_year: int) -> date:
        """The last day allowed, in ``fund_year`` unless the target names its year."""
        year = self.end_year or fund_year
        day = self.end_day or calendar.monthrange(year, self.end_month)[1]
        return date(year, self.end_month, day)

    def start(self, fund_year: int) -> date:
        """Where the time allowed is counted from: the period's first day, else 1 January."""
        year = self.start_year or self.end_year or fund_year
        return date(year, self.start_month or 1, 1)


_Y = r"(?:(?P<year>\d{4})年)?"
_BEFORE = r"(?:前|之前|以前|止)?(?:完成)?"
_MONTH_END = re.compile(rf"^{_Y}(?P<month>\d{{1,2}})月份?(?:底|末){_BEFORE}$")
_MONTH = re.compile(rf"^{_Y}(?P<month>\d{{1,2}})月份?(?P<within>内)?(?:完成)?$")
_SPAN_ONE = re.compile(rf"^{_Y}(?P<am>\d{{1,2}})月(?:-|~|—|–|至|到)(?P<bm>\d{{1,2}})月(?:(?P<bd>\d{{1,2}})日)?$")
_DAY = re.compile(rf"^{_Y}(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})[日号]{_BEFORE}$")
_ISO_DAY = re.compile(rf"^(?P<year>\d{{4}})[-./](?P<month>\d{{1,2}})[-./](?P<day>\d{{1,2}})[日]?{_BEFORE}$")
# ``第三季度前`` (before the quarter starts, or by its end?) is not guessed: only 末/底/内 or nothing.
_PERIOD_END = r"(?:(?:末|底)(?:前|之前|以前)?|内)?(?:完成)?"
_QUARTER = re.compile(rf"^{_Y}第?(?P<q>[一二三四1-4])季度{_PERIOD_END}$")
_HALF = re.compile(rf"^{_Y}(?P<half>上|下)半年{_PERIOD_END}$")
_YEAR_END = re.compile(r"^(?:(?P<year>\d{4})年?)?(?:年底|年末|年终)(?:前|之前|以前)?(?:完成)?$")
_WHOLE_YEAR = re.compile(r"^(?:(?P<year>\d{4})年(?:内|度内|全年)|当年|年内|本年度|本年内|年度内|当年内|全年)(?:完成)?$")
# Each pattern of parse_due holds one of these: 月 (month and day forms), 年 (year forms, 年底, 当年 …),
# 季 (季度), 半 (半年), or a date separator - . / (2024-06-30, 2023.07-2024.01).
_DUE_CHARS = frozenset("月年季半-./")
_PART = r"(?P<{0}y>\d{{4}})(?:[./-]|年)(?P<{0}m>\d{{1,2}})月?"
_SPAN = re.compile(rf"^{_PART.format('a')}(?:-|~|—|–|至|到){_PART.format('b')}$")


_SPACE = re.compile(r"\s+")


def _clean(raw: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", raw))


def _month_ok(month: int, day: int | None = None, year: int | None = None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    return 1 <= day <= calendar.monthrange(year or 2000, month)[1]  # 2000: 29 February allowed


def _year(match: re.Match[str], key: str = "year") -> int | None:
    text = match.group(key)
    return int(text) if text else None


@keyed_on_texts
@lru_cache(maxsize=16384)
def parse_due(raw: str) -> Due | None:
    """The deadline a target value writes, or None when it is not a date or period target."""
    text = _clean(raw)
    if not text or not (any(map(str.isdigit, text)) or "年" in text or "季" in text or "半" in text):
        return None
    if _DUE_CHARS.isdisjoint(text):
        return None  # every form below needs one of these
    for pattern in (_DAY, _ISO_DAY):
        match = pattern.match(text)
        if match:
            month, day, year = int(match["month"]), int(match["day"]), _year(match)
            return Due(month, day, year) if _month_ok(month, day, year) else None
    match = _MONTH_END.match(text)
    if match:
        month = int(match["month"])
        return Due(month, None, _year(match)) if _month_ok(month) else None
    match = _MONTH.match(text)  # ``2025年10月``, ``10月内``: within that month; ``6月`` alone is not guessed
    if match and (match["year"] or match["within"]):
        month = int(match["month"])
        return Due(month, None, _year(match), month) if _month_ok(month) else None
    match = _SPAN_ONE.match(text)
    if match:
        first, last = int(match["am"]), int(match["bm"])
        last_day = int(match["bd"]) if match["bd"] else None
        if _month_ok(first) and _month_ok(last, last_day, _year(match)) and first <= last:
            return Due(last, last_day, _year(match), first)
        return None
    match = _QUARTER.match(text)
    if match:
        quarter = _CN_DIGITS[match["q"]]
        return Due(3 * quarter, None, _year(match), 3 * quarter - 2)
    match = _HALF.match(text)
    if match:
        first = match["half"] == "上"
        return Due(6 if first else 12, None, _year(match), 1 if first else 7)
    match = _YEAR_END.match(text)
    if match:
        return Due(12, None, _year(match))
    match = _WHOLE_YEAR.match(text)
    if match:
        return Due(12, None, _year(match), 1)
    match = _SPAN.match(text)
    if match:
        start_year, start_month = int(match["ay"]), int(match["am"])
        end_year, end_month = int(match["by"]), int(match["bm"])
        if _month_ok(start_month) and _month_ok(end_month) and (start_year, start_month) <= (end_year, end_month) \
                and ("年" in text or (_dated(start_year) and _dated(end_year))):
            return Due(end_month, None, end_year, start_month, start_year)
    return None


def _dated(year: int) -> bool:
    """A year 19xx/20xx: without 年, 2222.8-2445.01 is a range of numbers, not a period (as in target.py)."""
    return 1900 <= year <= 2099


def due_of(target: Target) -> Due | None:
    """The deadline of a qualitative target written as a date or period; None otherwise."""
    if target.is_quantitative:
        return None
    if target.period is not None:
        return parse_due(f"{target.period[0]}-{target.period[1]}")
    return parse_due(target.raw)


def format_due(due: Due) -> str:
    """The canonical text of a time target: ``2025年10月底前``, ``6月30日前``, ``第三季度``, ``当年``."""
    year = f"{due.end_year}年" if due.end_year else ""
    if due.start_month is None:
        if due.end_day is not None:
            return f"{year}{due.end_month}月{due.end_day}日前"
        if due.end_month == 12:
            return f"{due.end_year}年底前" if due.end_year else "年底前"
        return f"{year}{due.end_month}月底前"
    if due.start_year is not None and due.end_year is not None:
        return f"{due.start_year}年{due.start_month}月-{due.end_year}年{due.end_month}月"
    if due.end_day is None:
        span = (due.start_month, due.end_month)
        if due.start_month == due.end_month:
            return f"{year}{due.end_month}月内"
        if span == (1, 12):
            return f"{due.end_year}年内" if due.end_year else "当年"
        if span in ((1, 6), (7, 12)):
            return f"{year}{'上' if span == (1, 6) else '下'}半年"
        if due.end_month % 3 == 0 and due.start_month == due.end_month - 2:
            return f"{year}第{'一二三四'[due.end_month // 3 - 1]}季度"
    # Any other span written with one year (or none): both ends in full.
    end = f"{due.end_month}月{due.end_day}日" if due.end_day else f"{due.end_month}月"
    return f"{year}{due.start_month}月-{end}"


_DONE_DAY = re.compile(r"^(?:(?P<year>\d{4})(?:年|[-./]))?(?P<month>\d{1,2})(?:月|[-./])(?P<day>\d{1,2})[日号]?"
                       r"(?:完成|已完成|前完成)?$")
_DONE_MONTH = re.compile(r"^(?P<year>\d{4})(?:年|[-./])(?P<month>\d{1,2})月?(?:份)?(?:完成|已完成)?$")
_EXCEL_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]?00:00:00$")


def parse_done(text: str, fund_year: int | None) -> tuple[date, str | None] | str:
    """A completion date as written (``2025年9月28日``, ``2025-09-28``, ``9月28日``, ``2025年9月``).

    Returns (date, note) — the note says how a month-only date was read — or a message for the
    user when the text is not a date. A date without a year is in ``fund_year``.
    """
    cleaned = _clean(text)
    excel = _EXCEL_DATETIME.match(cleaned)
    if excel:
        cleaned = excel.group(1)
    match = _DONE_DAY.match(cleaned)
    if match:
        year = int(match["year"]) if match["year"] else fund_year
        if year is None:
            return f"完成日期「{text}」未写年份，项目也没有资金年度：请写成 2025年9月28日"
        month, day = int(match["month"]), int(match["day"])
        if not _month_ok(month, day, year):
            return f"完成日期「{text}」不是有效日期"
        return date(year, month, day), None
    match = _DONE_MONTH.match(cleaned)
    if match:
        year, month = int(match["year"]), int(match["month"])
        if not _month_ok(month):
            return f"完成日期「{text}」不是有效日期"
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last, f"只写到月份，按该月最后一天 {last.isoformat()} 计"
    return f"实际完成值「{text}」不是完成日期（应如 2025年9月28日、2025-09-28）"


def as_date(value: object) -> date | None:
    """A date from an xlsx cell value (datetime or date), else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None
