"""The target-value grammar (指标值): parse what tables write, format it back canonically.

Forms understood (``docs/targets.md`` lists them with examples):

* comparators ``≥ ≤ = > <``, ASCII ``>=`` ``<=``, full-width ``≧ ≦ ﹦ ＞ ＜``;
* words: 不低于/不少于/不小于/大于等于/至少/达到 (≥), 不超过/不高于/不多于/小于等于/控制在…以内 (≤),
  大于/高于/超过 (>), 小于/低于/少于 (<), 等于 (=), a trailing 以上 (≥) or 以内/以下/之内 (≤);
* numbers with full-width digits and thousands separators, units (``百分比``/``％`` → ``%``,
  a bare ``万`` → ``万元``), ranges ``90%-95%``, periods ``2023.07-2024.01``;
* dates and periods (``2025年10月底前``, ``第三季度``, ``当年``) are qualitative here; their deadline is
  read by :func:`perfbudget.time_target.due_of` (a year such as ``2025年内`` is never a quantity);
* anything else is qualitative text (``有效保障``, ``按期完成``).

A target with no comparator takes its direction from the indicator's name: reverse for
costs, times and fault/complaint/error rates, otherwise positive.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from perfbudget.model import Direction, Kind, Op, Target
from perfbudget.quick_records import new_target
from perfbudget.text_caches import keyed_on_texts
from perfbudget.time_target import parse_due

__all__ = [
    "DAMAGE_RATES", "NAME_UNIT", "direction_from_name", "display_target", "format_decimal", "format_target",
    "parse_target", "unit_of_name", "written_unit",
]

OP_SYMBOL = {Op.GE: "≥", Op.LE: "≤", Op.EQ: "=", Op.GT: ">", Op.LT: "<"}
_SYMBOL_OP = {"≥": Op.GE, "≤": Op.LE, "=": Op.EQ, ">": Op.GT, "<": Op.LT}
_OP_DIRECTION = {
    Op.GE: Direction.POSITIVE,
    Op.GT: Direction.POSITIVE,
    Op.LE: Direction.REVERSE,
    Op.LT: Direction.REVERSE,
    Op.EQ: Direction.EXACT,
}

# Word prefixes, longest first so that 大于等于 wins over 大于.
_PREFIX_WORDS = [
    ("大于或等于", "≥"), ("小于或等于", "≤"), ("大于等于", "≥"), ("小于等于", "≤"),
    ("不低于", "≥"), ("不少于", "≥"), ("不小于", "≥"), ("至少", "≥"), ("达到", "≥"), ("高于等于", "≥"),
    ("不超过", "≤"), ("不高于", "≤"), ("不多于", "≤"), ("不大于", "≤"), ("最多", "≤"), ("控制在", "≤"),
    ("大于", ">"), ("高于", ">"), ("超过", ">"), ("多于", ">"),
    ("小于", "<"), ("低于", "<"), ("少于", "<"),
    ("等于", "="),
]
# The comparators in words (不少于, 达到 …): what may stand between a label and its figure (several-targets).
COMPARATOR_WORDS = tuple(word for word, _sign in _PREFIX_WORDS)
_SUFFIX_WORDS = [("及以上", "≥"), ("以上", "≥"), ("及以内", "≤"), ("以内", "≤"), ("之内", "≤"),
                 ("及以下", "≤"), ("以下", "≤")]
_ASCII_OPS = [(">=", "≥"), ("=>", "≥"), ("<=", "≤"), ("=<", "≤"), ("≧", "≥"), ("≦", "≤"),
              ("⩾", "≥"), ("⩽", "≤"), ("≥=", "≥"), ("≤=", "≤")]
# Every way a target opens with its comparison (after NFKC, which makes ﹦ ＞ ＜ ＝ ASCII): a line of a cell opening
# so is a target of its own (readers.cell_values.one_value)
COMPARATOR_OPENINGS = (*(written for written, _sign in _ASCII_OPS), *OP_SYMBOL.values(), *COMPARATOR_WORDS)

_NUMBER = r"[+-]?\d+(?:,\d{3})*(?:\.\d+)?"
# A unit: a percent sign, a square or cubic metre as NFKC writes ㎡/m² (m2, km2, m3), or a short run of
# letters/CJK (with / * · for compound units like 元/亩, 元/人*月), or a rate whose amount's unit went unwritten
# (/株, /人·月: 28.40/株 under a name of 元/株, the slash and a letter or ideograph after it, never a digit).
_UNIT = r"(?:%|‰|(?:km|m)[23]|/?[A-Za-z\u4e00-\u9fff²³][A-Za-z\u4e00-\u9fff²³/*·・]{0,9})"
_QUANT_RE = re.compile(rf"^(?P<op>[≥≤=><])?(?P<num>{_NUMBER})(?P<unit>{_UNIT})?$")
# A number and its unit with 内 after them: within that much (3个工作日内 is ≤3个工作日)
_WITHIN_RE = re.compile(rf"^{_NUMBER}{_UNIT}内$")
_RANGE_RE = re.compile(
    rf"^(?P<lo>{_NUMBER})(?P<u1>{_UNIT})?(?:-|~|—|–|至|到)(?P<hi>{_NUMBER})(?P<u2>{_UNIT})?$"
)
# The same written as an interval: [90,100], [90%,100%] (its closing bracket may stand before the unit: [90,100]%)
_INTERVAL_RE = re.compile(
    rf"^\[(?P<lo>{_NUMBER})(?P<u1>{_UNIT})?,(?P<hi>{_NUMBER})(?:(?P<u2>{_UNIT})\]|\](?P<u3>{_UNIT})?)$"
)
# A year 19xx/20xx and a month 1-12 (so 1000.0-1000.00 is a range, not a period).
_PERIOD_RE = re.compile(
    r"^(?P<a>(?:19|20)\d{2}(?:[./-](?:0?[1-9]|1[0-2])|年\d{1,2}月?)(?:[./-]\d{1,2}|\d{1,2}日)?)"
    r"(?:-|~|—|–|至|到)"
    r"(?P<b>(?:19|20)\d{2}(?:[./-](?:0?[1-9]|1[0-2])|年\d{1,2}月?)(?:[./-]\d{1,2}|\d{1,2}日)?)$"
)
# Words that may follow a number yet are not units: the text is then a phrase.
_NOT_UNITS = ("完成", "以前", "之前", "前", "底", "达标", "提升", "提高", "增长", "下降", "左右")

# A unit written in brackets after an indicator's name (奖补资金兑付率(%), 任务完成时限(月), 培训费(万元)), also inside
# the form's hint (公猪舍(≥**平方米)): what a bare number under that name counts. The review's rules ask it too.
# (``\s*(?:\*+\s*)?`` after the sign, not ``\s*\**\s*``: the two runs of spaces split a run of spaces every way, a
# name 「培训（≥」 + 9,000 spaces + 「x）」 cost 5 s until attack33)
NAME_UNIT = re.compile(
    r"[（(]\s*(?:[≥≤><=]+\s*(?:\*+\s*)?)?(?P<unit>%|％|‰|(?:万|千|亿)?(?:美|欧|港)?元(?:/[^()（）]{1,4})?|(?:万|亿)?(?:个|人|次|件"
    r"|台|套|辆|户|米|亩|天|月|年|日|小时|分钟|座|处|项|篇|份|场|期|批|条|公里|千米|平方米|立方米|吨|公斤|千克|株|只|头"
    r"|人次|户次|台次|家|所|间|册|本|部|棵|分))\s*[)）]$"
)
_NAME_UNIT_ENDS = (")", "）")

# Footnote marks after a value (≥95%*, ≥95%①: the note under the table), kept in ``raw``, no part of the quantity;
# looked at before NFKC, which makes ① a digit.
_FOOTNOTE_MARKS = "*＊※" + "".join(map(chr, range(0x2460, 0x2488)))

_UNIT_ALIASES = {"百分比": "%", "百分之": "%", "万": "万元", "平米": "平方米", "m2": "平方米",
                 "㎡": "平方米", "个百分比": "%", "m3": "立方米", "km2": "平方公里"}

# Reverse-direction (smaller is better) indicator names. 故障修复率 stays positive: only the
# rate of faults is reverse, not the rate of repairs.
_REVERSE_NAME = re.compile(
    r"成本|费用|单价|价格|时间|时长|用时|耗时|时限|周期|天数"
    r"|故障率|故障次数|故障数|投诉率|投诉量|投诉数|投诉次数|投诉件|差错率|差错数|错误率|出错率|失误率"
    r"|事故率|事故数|事故次数|发生率|信访率|信访量|返工率|不合格率|损耗率|超支|空置率|流失率|误报率"
    r"|漏报率|偏差率|逾期|违规率|违规数|缺陷率|缺陷数|死亡率|发案率|退回率|拒付率|投诉"
)
# A "unit" naming a fault counted (0误差, 0事故, 0投诉): a count of faults, smaller is better whatever the name says
# (reading37: `0事故` under 安全事故 was read positive, a floor of 0). The word stays the unit, as written.
# The whole unit names the fault, a measure word or a few characters before it and a count word after it allowed
# (起安全事故, 次投诉): not a unit that denies it (次无故障) or handles it (起投诉处理), where more is better.
_FAULT_UNIT = re.compile(r"(?P<lead>[\u4e00-\u9fff]{0,4}?)(?:误差|差错|错误|出错|事故|投诉|失误|故障|违规|违纪"
                         r"|缺陷|返工|漏报|误报|信访|上访|不合格|伤亡)(?:事件|案件|次数|起数|件数|数)?")
_FAULT_DENIED = re.compile(r"[无零不没未免]")


def _counts_faults(unit_text: str) -> bool:
    """Whether a target's unit is a count of faults (0误差, 0起事故), smaller being better whatever the name."""
    match = _FAULT_UNIT.fullmatch(unit_text.strip())
    return match is not None and _FAULT_DENIED.search(match["lead"]) is None
# Damage and disease rates ending a name (森林火灾受害率, 林业有害生物成灾率, 传染病发病率), reverse too: tested
# by str.endswith when the pattern above fails, which costs less than four more branches in it.
DAMAGE_RATES = ("受害率", "成灾率", "发病率", "感染率")
# A name ending in the fault it counts (安全事故, 医疗差错, 设备故障次数): `0起` under it is a count of accidents whose
# target is none, reverse (reading38: positive, a floor of 0); a name denying the fault before it (无安全事故,
# 不发生重大事故) is a claim, and the name decides as before. Tested on the name's last characters only.
_FAULT_NAME_END = re.compile(r"(?:误差|差错|错误|出错|事故|失误|故障|违规|违纪|缺陷|返工|漏报|误报|上访|不合格|伤亡)"
                             r"(?:事件|案件|次数|起数|件数|数)?$")
# The words that deny the fault, within a few characters before it (无安全事故, 不发生重大安全事故, 杜绝一切责任事故):
# not any 未/免/不 earlier in the name (未成年人安全事故, 免费午餐食品安全事故 count accidents: the lead's reread).
_FAULT_NAME_DENIED = re.compile(r"(?:无|零|不发生|未发生|没有|杜绝|避免|防止|不出现|未出现|不出|未出)"
                                r"[\u4e00-\u9fff]{0,6}$")


def format_decimal(value: Decimal) -> str:
    """A Decimal as plain text, never in exponent form (``Decimal('1E+2')`` → ``100``).

    ``str`` writes the same text as ``format(value, "f")`` unless it chooses exponent form (an exponent
    above 0, or a number below 1E-6), and takes a third of the time: an import formats some twenty
    Decimals a table."""
    text = str(value)
    if "E" in text or "e" in text:
        text = format(value, "f")
    return "0" if text in ("-0", "+0") else text


# Every spelling in _ASCII_OPS holds one of these (≥= and ≤= their =): a text without any needs no replacing.
_ASCII_OP_CHARS = frozenset("=<>≧≦⩾⩽")
assert all(not _ASCII_OP_CHARS.isdisjoint(old) for old, _ in _ASCII_OPS)
# The first characters of the prefix words and the last ones of the suffix words (a quick test first).
_PREFIX_FIRST = frozenset(word[0] for word, _ in _PREFIX_WORDS)
_SUFFIX_LAST = frozenset(word[-1] for word, _ in _SUFFIX_WORDS)


def _normalise(raw: str) -> str:
    # without whitespace: str.split() splits at exactly the characters re's \s matches (str.isspace)
    text = "".join(unicodedata.normalize("NFKC", raw).split())
    if not _ASCII_OP_CHARS.isdisjoint(text):
        for old, new in _ASCII_OPS:
            text = text.replace(old, new)
    return text.replace("﹦", "=").replace("＝", "=")


def _apply_words(text: str) -> tuple[str | None, str]:
    """Turn comparator words into a symbol. Returns (symbol or None, rest of the text)."""
    symbol: str | None = None
    if text and text[0] in _SYMBOL_OP:
        symbol, text = text[0], text[1:]
    elif text[:1] in _PREFIX_FIRST:
        for word, sym in _PREFIX_WORDS:
            if text.startswith(word):
                symbol, text = sym, text[len(word):]
                break
    if text[-1:] in _SUFFIX_LAST:
        for word, sym in _SUFFIX_WORDS:
            if text.endswith(word):
                text = text[: -len(word)]
                if symbol is None:
                    symbol = sym
                break
    if text.endswith("内") and (symbol == "≤" or (symbol is None and _WITHIN_RE.match(text))):
        # 控制在2小时内; 3个工作日内, 24小时内 (reading35: read as the number with the unit 个工作日内 before)
        symbol, text = "≤", text[:-1]
    return symbol, text


def _unit(text: str | None) -> str | None:
    if not text:
        return None
    return _UNIT_ALIASES.get(text, text)


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


# A share done ending a name whose cost or time word made it reverse (国家政策性粮收购价格执行率, 库存成本核算率,
# 利息费用保障率, 时限内完成率): more is better (kinds40: reverse, `95%` under `100%` took the full weight). Not where
# the name says the share is of a lateness or an overrun (逾期完成率, 费用超支率).
_DONE_RATES = ("执行率", "核算率", "保障率", "到位率", "完成率", "兑付率", "发放率", "支付率", "拨付率", "落实率",
               "覆盖率", "合格率", "达标率", "公开率", "结算率", "审核率", "节约率", "办结率")
_COST_OR_TIME = frozenset({"成本", "费用", "单价", "价格", "时间", "时长", "用时", "耗时", "时限", "周期", "天数"})
_LATE_OR_OVER = re.compile(r"逾期|超期|延期|超时|超支|超标")


@keyed_on_texts
@lru_cache(maxsize=4096)
def direction_from_name(name: str | None) -> Direction:
    """The direction a target without comparator takes from its indicator's name."""
    if name and ((reverse := _REVERSE_NAME.search(name)) or name.endswith(DAMAGE_RATES)):
        if reverse is not None and reverse.group() in _COST_OR_TIME and name.endswith(_DONE_RATES) \
                and _LATE_OR_OVER.search(name) is None and _REVERSE_NAME.search(name, reverse.end()) is None:
            return Direction.POSITIVE
        return Direction.REVERSE
    if name and (fault := _FAULT_NAME_END.search(name)) is not None \
            and _FAULT_NAME_DENIED.search(name, max(0, fault.start() - 9), fault.start()) is None:
        return Direction.REVERSE
    return Direction.POSITIVE


def unit_of_name(name: str | None) -> str | None:
    """The unit in brackets ending the indicator's name (培训经费（万元） → 万元, 覆盖人数(人) → 人), for a number
    written without one; None when the name ends otherwise."""
    if not name or not name.endswith(_NAME_UNIT_ENDS):
        return None
    match = NAME_UNIT.search(unicodedata.normalize("NFKC", name).rstrip())
    return _unit(match["unit"]) if match is not None else None


def written_unit(target: Target) -> str | None:
    """The unit ``target``'s text writes itself: None where its unit is its name's (``0.02`` under 培训经费（万元）)."""
    return parse_target(target.raw).unit if target.unit is not None else None


def _qualitative(raw: str, period: tuple[str, str] | None = None) -> Target:
    return new_target(raw, Kind.QUALITATIVE, None, None, None, None, None, period)


# A share is no quantity a period (每月≥95% stays qualitative: a level, not a count per month)
_SHARE_UNITS = frozenset({"%", "‰", "个百分点"})


@keyed_on_texts
@lru_cache(maxsize=65536)
def parse_target(raw: str, name: str | None = None) -> Target:
    """Parse a target value as written. Never raises: what is not a number is qualitative.

    ``name`` is the indicator's (三级) name; it decides the direction of a target
    written without a comparator.
    """
    text = _normalise(raw.rstrip(_FOOTNOTE_MARKS) if raw[-1:] in _FOOTNOTE_MARKS else raw)
    if not text:
        return _qualitative(raw)
    period = _PERIOD_RE.match(text)
    if period:
        return _qualitative(raw, (period["a"], period["b"]))
    if parse_due(text) is not None:
        return _qualitative(raw)
    if text[:1] == "每" and (per := _PER_PERIOD.match(text)) is not None and "/" not in per["rest"] \
            and per["rest"][:1] != "每":
        # 每年≥3次, 每月不少于2次: the quantity per period, read as ≥3次/年 (reading39); one period only (每年每月…
        # is no quantity per period, and each 每 read the rest again: 2,000 of them ran out of Python's stack, a
        # RecursionError out of "never raises", 500 on an upload: attack36)
        # the quantity read alone, its unit its own (not the name's), then put per the period: 每年3次以上 keeps
        # its ≥, 每天24小时内 its ≤, 每年0起事故 its fault count (the lead's reread: read whole, the words after the
        # unit were taken into it, 次以上/年)
        inner = parse_target(per["rest"], name)
        if (inner.is_quantitative and inner.unit is not None and inner.unit not in _SHARE_UNITS
                and "/" not in inner.unit and parse_target(per["rest"]).unit == inner.unit):
            unit = _unit(f"{inner.unit}/{_PERIOD_UNITS.get(per['per'], per['per'])}")
            return new_target(raw, Kind.QUANTITATIVE, inner.op, inner.value, unit, inner.direction, inner.upper,
                              None)
    symbol, body = _apply_words(text)
    match = _QUANT_RE.match(body)
    if match and not (match["op"] and symbol):
        unit_text = match["unit"]
        if unit_text and unit_text.endswith(_NOT_UNITS):
            return _qualitative(raw)
        value = _number(match["num"])
        if value is not None:
            sym = symbol or match["op"]
            op = _SYMBOL_OP[sym] if sym else None
            direction = _OP_DIRECTION[op] if op else Direction.REVERSE if unit_text and _counts_faults(
                unit_text) else direction_from_name(name)
            unit = _unit(unit_text) if unit_text else unit_of_name(name)
            return new_target(raw, Kind.QUANTITATIVE, op, value, unit, direction, None, None)
    if symbol is None:
        rng = _RANGE_RE.match(body) if body[:1] != "[" else _INTERVAL_RE.match(body)
        if rng:
            lo, hi = _number(rng["lo"]), _number(rng["hi"])
            u1, u2 = _unit(rng["u1"]), _unit(rng["u2"] or rng.groupdict().get("u3"))
            if lo is not None and hi is not None and lo <= hi and (u1 is None or u2 is None or u1 == u2):
                return new_target(raw, Kind.QUANTITATIVE, None, lo, u1 or u2 or unit_of_name(name),
                                  direction_from_name(name), hi, None)
    if "(" in text or "," in text or ";" in text or "、" in text or "且" in text:
        found = _noted_or_bounded(raw, text, name)
        if found is not None:
            return found
    return _qualitative(raw)


# A quantity and a note in brackets after it: ≥12次（每月1次）, 100%（含）
_TRAILING_NOTE = re.compile(r"^(?P<head>[^()]+)\([^()]*\)$")
# A 含 note inside a bound written in words: 90%（含）以上, 5%(含)以内 — the bound includes its number
_INCLUSIVE_NOTE = re.compile(r"^(?P<head>[^()]+)\(含\)(?P<tail>(?:及)?(?:以上|以下|以内))$")
# Two bounds of one quantity: ≥95%，≤100%, 不低于95%且不高于100%
_TWO_BOUNDS = re.compile(r"^(?P<lo>[^,;、且]+)(?:,|;|、|且|并且)(?P<hi>[^,;、且]+)$")


# A period word before the quantity: 每年≥3次, 每季度≥1次, 每月不少于2次 (the same as ≥3次/年, ≥1次/季度, ≥2次/月)
_PER_PERIOD = re.compile(r"^每(?P<per>年度?|半年|季度?|月|周|日|天)(?P<rest>.+)$")
_PERIOD_UNITS = {"年度": "年"}


def _noted_or_bounded(raw: str, text: str, name: str | None) -> Target | None:
    """``≥12次（每月1次）``: the quantity before a note in brackets (the note kept in ``raw``); ``≥95%，≤100%``: the
    range 95–100 (a lower bound ≥ and an upper bound ≤, one unit). None for anything else."""
    inclusive = _INCLUSIVE_NOTE.match(text)
    if inclusive is not None:
        bound = parse_target(inclusive["head"] + inclusive["tail"], name)
        if bound.is_quantitative:
            return new_target(raw, Kind.QUANTITATIVE, bound.op, bound.value, bound.unit, bound.direction, None, None)
        return None
    noted = _TRAILING_NOTE.match(text)
    if noted is not None:
        head = parse_target(noted["head"], name)
        if head.is_quantitative:
            return new_target(raw, Kind.QUANTITATIVE, head.op, head.value, head.unit, head.direction, head.upper,
                              None)
        return None
    bounds = _TWO_BOUNDS.match(text)
    if bounds is None:
        return None
    lo, hi = parse_target(bounds["lo"], name), parse_target(bounds["hi"], name)
    if lo.op is not Op.GE or hi.op is not Op.LE or lo.value is None or hi.value is None or lo.value > hi.value \
            or (lo.unit is not None and hi.unit is not None and lo.unit != hi.unit):
        return None
    return new_target(raw, Kind.QUANTITATIVE, None, lo.value, lo.unit or hi.unit, direction_from_name(name), hi.value,
                      None)


def format_target(target: Target) -> str:
    """The canonical text of a target: ``≥12次``, ``≤2小时``, ``90%-95%``; qualitative as written."""
    if target.kind is Kind.QUALITATIVE or target.value is None:
        if target.period is not None:
            return f"{target.period[0]}-{target.period[1]}"
        return target.raw.strip()
    unit = target.unit or ""
    value = format_decimal(target.value)
    if target.upper is not None:
        return f"{value}{unit}-{format_decimal(target.upper)}{unit}"
    symbol = OP_SYMBOL[target.op] if target.op else ""
    return f"{symbol}{value}{unit}"


def display_target(target: Target) -> str:
    """The target as the official tables show it: one notation for every quantity (``大于等于95%``
    → ``≥95%``, ``300件以上`` → ``≥300件``, ``250万`` → ``250万元``); qualitative text, dates and
    periods as written. The text as typed stays in ``target.raw``."""
    if target.kind is Kind.QUANTITATIVE and target.value is not None:
        return format_target(target)
    return target.raw.strip()
