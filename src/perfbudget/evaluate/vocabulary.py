"""The words users write in fill-in sheets: grades, likelihoods, reasons, column headers.

Kept in one place so that readers, scoring, templates and docs agree.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# Qualitative completion grades (完成等级) and their score bands as shares of the weight
# (rules.md §4): 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 %. Bounds are inclusive.
GRADE_MET = "达成"
GRADE_PARTLY = "部分达成"
GRADE_MISSED = "未达成"
GRADES = (GRADE_MET, GRADE_PARTLY, GRADE_MISSED)
GRADE_BANDS: dict[str, tuple[Decimal, Decimal]] = {
    GRADE_MET: (Decimal("0.8"), Decimal("1")),
    GRADE_PARTLY: (Decimal("0.6"), Decimal("0.8")),
    GRADE_MISSED: (Decimal("0"), Decimal("0.6")),
}
GRADE_LONG = {
    GRADE_MET: "达成年度指标",
    GRADE_PARTLY: "部分达成年度指标并具有一定效果",
    GRADE_MISSED: "未达成年度指标且效果较差",
}

# Monitoring (rules.md §5).
LIKELY_SURE = "确定能"
LIKELY_MAYBE = "有可能"
LIKELY_NEVER = "完全不可能"
LIKELIHOODS = (LIKELY_SURE, LIKELY_MAYBE, LIKELY_NEVER)
REASONS = ("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他")

# Column headers.
COL_PROJECT = "项目名称"
COL_LEVEL3 = "三级指标"
COL_ACTUAL = "实际完成值"
COL_GRADE = "完成等级"
# How a read 自评表's grade was found (its 得分's band: evaluate/from_table.py), said in the explanation; not a
# column of the fill-in sheets.
COL_GRADE_BASIS = "完成等级依据"
# Why a read 自评表's cell is empty (its table cut before it: evaluate/from_table.py), said where the cell is refused;
# not a column of the fill-in sheets either.
COL_EMPTY_BECAUSE = "为空原因"
COL_SCORE = "得分"
COL_DEVIATION = "偏差原因分析"
COL_WEIGHT = "分值"
COL_LIKELIHOOD = "完成目标可能性"
COL_FORECAST = "全年预计完成情况"
COL_REASON = "偏差原因"
COL_REMARK = "备注"
# Read-only context columns written by the xlsx template (ignored when read back).
COL_LEVEL1 = "一级指标"
COL_LEVEL2 = "二级指标"
COL_TARGET = "指标值"
CONTEXT_COLUMNS = (COL_LEVEL1, COL_LEVEL2, COL_TARGET, "序号", "说明")

EVALUATION_COLUMNS = (COL_PROJECT, COL_LEVEL3, COL_ACTUAL, COL_GRADE, COL_SCORE, COL_DEVIATION)
MONITOR_COLUMNS = (COL_PROJECT, COL_LEVEL3, COL_ACTUAL, COL_GRADE, COL_LIKELIHOOD, COL_FORECAST,
                   COL_REASON, COL_DEVIATION, COL_REMARK)
OPTIONAL_COLUMNS = (COL_WEIGHT,)

# Special 三级指标 values: project-level rows.
ROW_EXECUTED = "全年执行数"
ROW_BUDGET = "全年预算数"
ROW_GOAL = "总体目标完成情况"
_EXECUTED_ALIASES = {"全年执行数", "执行数", "预算执行数", "资金执行数"}
_PERIOD_EXECUTED = re.compile(r"^1[-—–~至](\d{1,2})月(?:执行数|资金执行数)$")
_PERIOD_ACTUAL = re.compile(r"^1[-—–~至](\d{1,2})月执行情况$")


def clean(text: str | None) -> str:
    """NFKC, no whitespace at all: how names are compared."""
    if text is None:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def special_row(level3: str) -> str | None:
    """ROW_EXECUTED / ROW_BUDGET / ROW_GOAL when the 三级指标 cell names a project-level row."""
    name = clean(level3)
    if name in _EXECUTED_ALIASES or _PERIOD_EXECUTED.match(name):
        return ROW_EXECUTED
    if name in (ROW_BUDGET, "调整后预算数"):
        return ROW_BUDGET
    if name in (ROW_GOAL, "年度总体目标完成情况", "总体目标实际完成情况"):
        return ROW_GOAL
    return None


def period_month(text: str) -> int | None:
    """The month M that a monitoring sheet's header 「1-M月执行情况」 or row 「1-M月执行数」 states, else None."""
    name = clean(text).lstrip("\ufeff")
    match = _PERIOD_ACTUAL.match(name) or _PERIOD_EXECUTED.match(name)
    return int(match.group(1)) if match else None


def canonical_header(header: str) -> str:
    """A column header as the reader knows it (``1-7月执行情况`` → 实际完成值)."""
    name = clean(header).lstrip("\ufeff")
    if _PERIOD_ACTUAL.match(name) or name in ("全年实际值", "实际值", "1-m月执行情况"):
        return COL_ACTUAL
    if name in ("偏差原因分析及改进措施", "未完成原因及拟采取的改进措施", "偏差原因说明"):
        return COL_DEVIATION
    if name in ("权重",):
        return COL_WEIGHT
    if name in ("年度指标值",):
        return COL_TARGET
    return name


def parse_grade(text: str) -> str | None:
    """达成 / 部分达成 / 未达成 from the short or the long form (达成年度指标 …); None otherwise. Strict: the words an
    actual states its grade in (:func:`stated_grade`) are no 完成等级 — a 监控表's 尚未完成 is not done *yet*."""
    name = clean(text)
    if not name:
        return None
    for grade in (GRADE_PARTLY, GRADE_MISSED, GRADE_MET):  # 部分达成 and 未达成 contain 达成
        if name == grade or name == GRADE_LONG[grade] or name.startswith(GRADE_LONG[grade]):
            return grade
    return None


# The words a 实际完成值 states how far its target was met in: the one vocabulary of "met" for the 自评's grades
# (resolve, from_table: rules.md §4) and the review's conformity rules (``review/rules_conformity``: an actual that
# only says it met its target, no figure of its own; whether a self-evaluation reports its target met). Until kinds43
# the review kept a list of its own (达成, 已完成, 达到预期 …) beside these patterns, and 不达标, 未全部完成 were no
# grade.
#
# A qualitative 实际完成值 that says how far the target was met in the words of the grades (kinds42): 已完成, 达标,
# 全部完成, 达到预期目标, 超额完成, 及时完成 (达成); 部分完成, 已部分完成, 部分达标, 未全部完成, 不能全部完成
# (部分达成: some of it done, kinds43), 大部分完成 (most of it), 延期完成 (done, late: a part of a target that asked
# for it on time — not on a 时效 row, whose aim is the deadline; kinds44); 未完成, 均未完成, 未达标, 不达标, 不能完成,
# 无法完成, 没有实现 (未达成). 基本完成, 基本达标, 基本按时完成 (basically met) lie between 达成 and 部分达成, and
# 未按时完成 says neither done late nor not done yet: no grade, its reason said (:func:`open_grade_reason`). Any other
# text (明显改善, 有效提升)
# says what was done, not how far: no grade either. A 自评 rule (resolve._indicator_row's evaluation rows): a
# 监控表's 1-6月执行情况 尚未完成 means not done yet, and a 完成等级 cell must name a grade (parse_grade).
_DONE = r"(?:达成|达标|完成|实现|达到)"
_DONE_TAIL = r"(?:年度|预期|既定|计划|全年)?(?:绩效)?(?:目标值|目标|指标值|指标|任务|要求|预期)?"
_NOT = r"(?:未能|未|没有|没能|尚未|不能|不|无法)"
# how many of it: 均未完成, 全部未完成, 都没有达到 (none of it), 均部分完成 — before a negation or 部分
_EACH = r"(?:均|全部|都)?"
# no word of the run is others joined (均已 is 均 and 已), and the run is possessive (no manner word begins a _DONE
# word): an ambiguous run was tried every way it splits, 2^n tries for n 「均已」 before a word that is no grade's
# (attack39: 25 of them, 3.8 s of CPU per 自评 page)
_MANNER = r"(?:已经|已|均|全部|全面|完全|圆满|按时|按期|如期|及时|准时|超额|提前|顺利)"
# on time: 基本按时完成 is basically met; 未按时完成 (not on time: done late, or not done yet) grades nothing
_ON_TIME = r"(?:按时|按期|如期|及时|准时)"
# most of it: 大部分完成, 绝大部分已完成, 大多数达标 — not all of it, so some of it (部分达成, kinds44)
_MOST = r"(?:已|均)?(?:绝)?大(?:部分|多数|多)"
# late: 延期完成, 逾期完成 (done, after the due time: 部分达成 where the row is no 时效 one, kinds44)
_LATE_DONE = re.compile(rf"^(?:延期|逾期|推迟|延后|滞后)(?:已)?{_DONE}{_DONE_TAIL}$")
_NOT_ON_TIME = re.compile(rf"^{_EACH}{_NOT}{_ON_TIME}(?:已)?{_DONE}{_DONE_TAIL}$")
_STATED_GRADES = (
    (GRADE_PARTLY, re.compile(rf"^(?:(?:已|均)?部分|{_MOST}|{_EACH}{_NOT}(?:全部|完全|全面|全))"
                              rf"(?:已)?{_DONE}{_DONE_TAIL}$")),
    (GRADE_MISSED, re.compile(rf"^{_EACH}{_NOT}{_DONE}{_DONE_TAIL}$")),
    (GRADE_MET, re.compile(rf"^{_MANNER}*+{_DONE}{_DONE_TAIL}$")),
)
# basically (on time): 基本完成, 基本按时完成 — between 达成 and 部分达成
_HEDGED = re.compile(rf"^(?:已|均)?基本(?:上)?(?:已)?{_ON_TIME}?{_DONE}{_DONE_TAIL}$")
_END_MARKS = "。.；;！!"
# An actual that says a yes-or-no target was passed (合格, 通过, 是): the review counts it as reported met; no grade of
# the 自评 (合格 against 优良 is not met: a qualitative row compares its words with its target's).
PASSED_WORDS = frozenset({"合格", "通过", "已通过", "验收合格", "是"})


def stated_grade(text: str | None, timed: bool = False) -> str | None:
    """The grade a qualitative 实际完成值 states in words (see ``_STATED_GRADES``), else None; ``timed``: the row is
    a 时效 one (:func:`is_time_group`), where done late (延期完成) is the aim missed, no part of it met."""
    name = clean(text).rstrip(_END_MARKS)
    if not name:
        return None
    if _LATE_DONE.match(name):
        return None if timed else GRADE_PARTLY
    return next((grade for grade, words in _STATED_GRADES if words.match(name)), None)


def is_time_group(level2: str) -> bool:
    """Whether a row's 二级指标 is the 时效 one (时效指标, 时效性指标): its target's aim is a deadline."""
    return "时效" in level2


def open_grade_reason(text: str | None, timed: bool = False) -> str | None:
    """Why a 实际完成值 in the words of the grades names none: 基本完成 (:func:`hedged_grade`) lies between 达成 and
    部分达成; 未按时完成 says neither done late nor not done yet; 延期完成 on a 时效 row (``timed``) misses its aim.
    None for any other text."""
    name = clean(text).rstrip(_END_MARKS)
    if _HEDGED.match(name):
        return "介于达成与部分达成之间"
    if _NOT_ON_TIME.match(name):
        return "未说明是延期完成还是尚未完成"
    if timed and _LATE_DONE.match(name):
        return "是时效指标未按时完成，不是部分达成"
    return None


def says_met(text: str | None) -> bool:
    """Whether an actual says in words that its target was met: a grade of 达成 (:func:`stated_grade`) or a pass
    (``PASSED_WORDS``). The review's one test of "met" in words."""
    return stated_grade(text) == GRADE_MET or clean(text).rstrip(_END_MARKS) in PASSED_WORDS


def hedged_grade(text: str | None) -> bool:
    """Whether the 实际完成值 says the target was basically met (基本完成, 基本达标): between 达成 and 部分达成."""
    return _HEDGED.match(clean(text).rstrip(_END_MARKS)) is not None


def parse_likelihood(text: str) -> str | None:
    name = clean(text)
    return name if name in LIKELIHOODS else None


def parse_reason(text: str) -> str | None:
    """One of the five reason categories; text may follow after a colon (其他：天气原因)."""
    name = clean(text)
    for reason in REASONS:
        if name == reason or (name.startswith(reason) and name[len(reason):len(reason) + 1] in ":：，,（("):
            return reason
    return None
