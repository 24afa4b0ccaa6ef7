"""What the rules share: walking indicators, building findings, classifying names (cached)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from decimal import Decimal
from functools import lru_cache, wraps
from typing import Any, NamedTuple, TypeVar

from perfbudget.framework import (
    DEPARTMENT_LEVEL1,
    DEPARTMENT_LEVEL2,
    DEPARTMENT_PROCESS_LEVEL1,
    LEVEL1_COST,
    LEVEL1_NAMES,
    LEVEL1_OUTPUT,
    OLDER_LEVEL2,
    PROCESS_LEVEL1,
    Framework,
    department_level1,
    framework_of,
    has_template_hint,
    is_department_table,
    normalise_level1,
    normalise_level2,
    normalise_level3,
    parent_level1,
    wrapped_level1,
)
from perfbudget.model import Document, Indicator, Project
from perfbudget.money_text import YUAN_PER_UNIT
from perfbudget.readers.cell_values import one_line as cell_one_line
from perfbudget.review.finding import Finding, new_finding
from perfbudget.target import NAME_UNIT
from perfbudget.text_caches import held_by, keyed_on_texts

# Caches of name classifications hold a whole large review (100,000 distinct names) without thrashing.
CACHE_SIZE = 1 << 17
_SPACES = re.compile(r"\s+")
PUNCTUATION = re.compile(r"[\s，,。．.、；;：:！!？?“”\"'‘’（）()【】\[\]《》<>·…—\-_/]+")


# how far from a name's end a pattern anchored at the end ($) is tried: one with an unbounded run before its end
# (``\d+…$``) searched from every start position costs the square of the name (20,000 digits: 14 s, attack34)
TAIL = 100


def tail_start(text: str) -> int:
    """Where an end-anchored search of ``text`` starts (``pattern.search(text, tail_start(text))``): its last
    :data:`TAIL` characters, longer than any figure ending a name."""
    return max(0, len(text) - TAIL)


def indicators(document: Document) -> Iterator[tuple[Project, int, Indicator]]:
    """Every indicator with its project and 1-based position in the project."""
    for row in rows(document):
        yield row.project, row.position, row.indicator


class Row(NamedTuple):
    """One indicator with what nearly every rule asks of it, worked out once per document.

    A NamedTuple rather than a frozen dataclass for the same reason as ``model.Source``: one is
    made per indicator of every reviewed document, and rules unpack it in their loops.

    Attributes:
        project: the indicator's project.
        position: the indicator's 1-based position in its project.
        indicator: the indicator.
        level1: its 一级 name normalised (:func:`level1_of`).
        level2: its 二级 name normalised (:func:`level2_of`).
        name: its 三级 name as compared by the rules (:func:`name_of`).
        key: that name without punctuation (``bare(name)``).
        cost: a cost indicator (:func:`is_cost`).
        economic_cost: a cost that must be money (:func:`is_economic_cost`).
    """

    project: Project
    position: int
    indicator: Indicator
    level1: str
    level2: str
    name: str
    key: str
    cost: bool
    economic_cost: bool


# The rows of the document reviewed last: every rule of one review shares them. One slot, held
# by identity (documents are immutable); ``forget_rows`` lets the engine drop it after a review.
# With them, for each registered indicator check (:func:`indicator_check`), the rows it flags.
_Rows = tuple[Row, ...]
_Flagged = list[tuple[Row, Any]]
_Built = tuple[Document | None, _Rows, tuple[tuple[Project, _Rows], ...], list[_Flagged]]
_ROWS: _Built = (None, (), (), [])


def rows(document: Document) -> tuple[Row, ...]:
    """Every indicator of the document as a :class:`Row`, in document order (computed once)."""
    cached = _ROWS
    return cached[1] if cached[0] is document else _build_rows(document)[1]


def project_rows(document: Document) -> tuple[tuple[Project, tuple[Row, ...]], ...]:
    """Every project of the document with its indicators' rows (:func:`rows`), in document order."""
    cached = _ROWS
    return cached[2] if cached[0] is document else _build_rows(document)[2]


def _build_rows(document: Document) -> _Built:
    global _ROWS
    out: list[Row] = []
    append = out.append
    by_project = []
    known = _FACTS
    found: list[_Flagged] = [[] for _check in _CHECKS]
    new = tuple.__new__  # Row(...) without its Python-level __new__
    for project in document.projects:
        start = len(out)
        for position, indicator in enumerate(project.indicators, 1):
            held = known.get(id(indicator))
            if held is None:
                held = _judge(project, position, indicator)
            row = new(Row, (project, position, indicator) + held[1])  # a tuple joined in C, not unpacked
            append(row)
            for check, verdict in held[2]:  # most indicators: none
                found[check].append((row, verdict))
        by_project.append((project, tuple(out[start:])))
    built = (document, tuple(out), tuple(by_project), found)
    _ROWS = built
    return built


# What a Row says of its indicator (level1, level2, name, key, cost, economic_cost) and the verdicts of
# the indicator checks on it, by the indicator object: a province's bulk load shares equal indicators
# (store.rows.indicators_by_version), so the same object comes back in document after document and is
# judged once. Each entry holds its indicator, so no other object can take its id while the entry is
# there; at most FACTS_LIMIT are kept.
FACTS_LIMIT = 50_000
_Facts = tuple[str, str, str, str, bool, bool]
# A row's shape: its 一级 and 二级 normalised, a cost, a cost that must be money, whether it has an actual
# value and a description, whether its 一级 and 二级 cells hold anything, and whether its target is
# quantitative, in % and without a unit.
_Shape = tuple[str, str, bool, bool, bool, bool, bool, bool, bool, bool, bool]
_FACTS: dict[int, tuple[Indicator, _Facts, tuple[tuple[int, Any], ...]]] = {}
_CHECKS: list[Callable[[Row], Any]] = []
# What a check needs of a row before it can give a verdict (None: anything), asked of the row's shape
# (:data:`_Shape`) rather than the row: most checks look at one kind of row only (数量指标, a cost, a
# self-evaluation's actual), so that each shape runs only the checks that can speak of it (:func:`_plan`).
_NEEDS: dict[Callable[[Row], Any], Callable[[_Shape], bool]] = {}
_PLANS: dict[_Shape, tuple[tuple[int, Callable[[Row], Any]], ...]] = {}


class _Failed(NamedTuple):
    """A check that raised on an indicator: raised again when its rule asks (:func:`flagged`), so the
    engine reports that rule as it would have had the rule itself raised."""

    error: Exception


def _judge(project: Project, position: int, indicator: Indicator
           ) -> tuple[Indicator, _Facts, tuple[tuple[int, Any], ...]]:
    level1, level2, cost, economic, _misfiled = _levels(indicator.level1, indicator.level2)
    name = name_of(indicator.level3)
    facts = (level1, level2, name, bare(name), cost, economic)
    row = tuple.__new__(Row, (project, position, indicator, *facts))
    verdicts = []
    target = indicator.target
    shape = (level1, level2, cost, economic, indicator.actual is not None, indicator.description is not None,
             bool(indicator.level1.strip()), bool(indicator.level2.strip()), target.is_quantitative,
             target.unit == "%", target.unit is None)
    plan = _PLANS.get(shape)
    if plan is None:
        plan = _plan(shape)
    for number, check in plan:
        try:
            verdict = check(row)
        except Exception as exc:  # the rule that asks for it gets it (a broken rule must not stop the others)
            verdict = _Failed(exc)
        if verdict is not None:
            verdicts.append((number, verdict))
    held = (indicator, facts, tuple(verdicts))
    if len(_FACTS) >= FACTS_LIMIT:
        _FACTS.clear()  # memory stays bounded whatever is reviewed
    _FACTS[id(indicator)] = held
    return held


def _plan(shape: _Shape) -> tuple[tuple[int, Callable[[Row], Any]], ...]:
    """The checks (number, check) a row of this shape runs: those whose needs it meets, in order."""
    plan = tuple((number, check) for number, check in enumerate(_CHECKS)
                 if (needs := _NEEDS.get(check)) is None or needs(shape))
    if len(_PLANS) >= FACTS_LIMIT:
        _PLANS.clear()  # a table of endless 一级/二级 names keeps memory bounded too
    _PLANS[shape] = plan
    return plan


def indicator_check(check: Callable[[Row], Any], needs: Callable[[_Shape], bool] | None = None) -> int:
    """Register a check of one indicator for :func:`flagged`; the number to ask it by.

    ``check(row)`` gives a verdict (anything but None) or None, and must judge the indicator alone —
    its fields and what its :class:`Row` says of it (level1, level2, name, key, cost), never the
    row's project or position: it runs once per indicator object while the rows are built, and its
    verdict serves every document the indicator is in. ``needs(shape)``, when given, says whether a row
    of that shape (一级, 二级, cost, economic cost, has an actual, has a description, 一级 cell filled,
    二级 cell filled, target quantitative, in %, without a unit) can get a verdict at all: it must be
    False only where ``check`` gives None (a cheap pre-check that spares the call)."""
    if check in _CHECKS:
        return _CHECKS.index(check)
    _CHECKS.append(check)
    if needs is not None:
        _NEEDS[check] = needs
    _PLANS.clear()
    _FACTS.clear()  # entries judged before did not run this check
    return len(_CHECKS) - 1


def flagged(document: Document, check: int) -> list[tuple[Row, Any]]:
    """The rows of the document whose indicator check ``check`` (:func:`indicator_check`) gave a
    verdict, each with it, in document order. A rule made of such a check reads its flagged rows
    instead of looping over every row."""
    cached = _ROWS
    if cached[0] is not document:
        cached = _build_rows(document)
    found = cached[3][check]
    for _row, verdict in found:
        if type(verdict) is _Failed:
            raise verdict.error
    return found


def flagged_by_project(document: Document, check: int) -> list[tuple[Project, list[tuple[Row, Any]]]]:
    """:func:`flagged`'s rows grouped by project, in document order: each project with a flagged row,
    with its flagged rows and their verdicts (a project listed twice in a document is listed twice)."""
    out: list[tuple[Project, list[tuple[Row, Any]]]] = []
    last = 0
    for item in flagged(document, check):
        row = item[0]
        if not out or row.project is not out[-1][0] or row.position <= last:  # the next project's rows
            out.append((row.project, []))
        out[-1][1].append(item)
        last = row.position
    return out


def indicator_cache() -> dict[int, tuple[Indicator, Any]]:
    """A new cache of something worked out for an indicator, by indicator object (each entry:
    the indicator, the value), emptied by :func:`forget_indicators` with the rows' facts."""
    cache: dict[int, tuple[Indicator, Any]] = {}
    _INDICATOR_CACHES.append(cache)
    return cache


_INDICATOR_CACHES: list[dict[int, tuple[Indicator, Any]]] = []


def forget_indicators() -> None:
    """Empty every cache kept by indicator object (the rows' facts and verdicts, :func:`indicator_cache`'s), and
    the checks' plans per row shape (rebuilt from the registered checks)."""
    _FACTS.clear()
    _PLANS.clear()
    for cache in _INDICATOR_CACHES:
        cache.clear()


held_by(forget_indicators)  # (they hold the indicators, and so their texts)

_OLDER_LEVEL2 = OLDER_LEVEL2  # older provincial 二级 names (framework.OLDER_LEVEL2)


_LEVEL2_PREFIXES = ("产出", "效益")


@keyed_on_texts
@lru_cache(maxsize=4096)
def _levels(level1: str, level2: str) -> tuple[str, str, bool, bool, bool]:
    """(一级 normalised, 二级 normalised, a cost, a cost that must be money, the 一级 as written no framework's and
    the row judged under its 二级's: :func:`misfiled_level1`) of a row (:class:`Row`)."""
    misfiled = False
    level1 = normalise_level1(level1)
    if level1.endswith("目标") and level1[:-2] + "指标" in LEVEL1_NAMES:  # older forms: 产出目标 for 产出指标
        level1 = level1[:-2] + "指标"
    level2 = normalise_level2(level2)
    level2 = _OLDER_LEVEL2.get(level2, level2)
    if level2.endswith("目标指标"):  # older provincial forms: 数量目标, 成本目标 for 数量指标, 成本指标
        level2 = level2[:-4] + "指标"
        if level1 == "投入" and level2 == "成本指标":  # 投入 | 成本目标: the cost of the 2015 framework
            level1 = LEVEL1_OUTPUT
    elif level2.startswith(_LEVEL2_PREFIXES) and parent_level1(level2[2:]):
        # Guangxi's form names each 二级 with its 一级 (产出数量指标, 产出质量指标): the framework's 数量指标, 质量指标
        level2 = level2[2:]
    if level1 not in LEVEL1_NAMES:
        level1 = department_level1(level1)  # a 部门整体 form's: 投入 → 投入指标, 效果 → 效益指标
        if not level1:  # a form without the 一级 column: a framework 二级 tells it (数量指标 → 产出指标)
            level1 = parent_level1(level2) or ""
        elif (wrapped := wrapped_level1(level1, level2)) is not None:  # 实施效果指标 | 产出指标 (the investment form)
            level1 = wrapped
            if level2 == wrapped or normalise_level1(level2) == wrapped:
                level2 = ""  # the form has no 二级 under it
        elif level1 not in _FORM_LEVEL1 and (parent := parent_level1(level2)):
            # a 一级 no framework or form has over a framework 二级 (项目决策 | 数量指标, the evaluation frame's
            # word over the outputs: 大英's, round 33): the 二级 tells where the row stands, so the rules judge it
            # there; level-not-in-framework still flags the 一级 as written (:func:`misfiled_level1`)
            misfiled, level1 = True, parent
    if level1 == LEVEL1_COST:
        return level1, level2, True, level2 in ("经济成本指标", "成本指标"), misfiled
    cost = level1 == LEVEL1_OUTPUT and level2 == "成本指标"
    return level1, level2, cost, cost, misfiled


# The 一级 names of a form's own groups (部门整体 forms, the evaluation frame's 决策 and 过程, the investment form's
# 过程管理): a row under one is judged by that form, never moved by its 二级.
_FORM_LEVEL1 = DEPARTMENT_LEVEL1 | DEPARTMENT_PROCESS_LEVEL1 | PROCESS_LEVEL1


def misfiled_level1(row: Row) -> bool:
    """Whether the row's 一级 as written is no framework's, its row judged under its 二级's 一级 (项目决策 | 数量指标
    as 产出指标 | 数量指标): ``level-not-in-framework`` still says the 一级 is outside the framework."""
    return _levels(row.indicator.level1, row.indicator.level2)[4]  # (cached: the row's own look-up)


def framework_of_project(project: Project, own: tuple[Row, ...]) -> Framework | None:
    """The framework of a project (``own``: its rows) as ``framework.framework_of`` tells it, a table that names
    itself 部门整体 (its name or title) told by one of that form's own 一级 or 二级."""
    return framework_of((row.level1 for row in own),
                        is_department_table(project.name, project.name_cell, project.title),
                        (row.level2 for row in own))


def has_department_level2(own: tuple[Row, ...]) -> bool:
    """Whether a project's rows use a 二级 only a 部门整体 form has (职责履行, 履职效益 …): its framework is to be
    asked (``framework_of_project``) though every 一级 is a project form's (产出, 效果)."""
    return any(row.level2 in DEPARTMENT_LEVEL2 for row in own)


def department_framework(document: Document, project: Project) -> Framework | None:
    """The 部门整体 framework of one of the document's projects — or the evaluation frame (决策, 过程 before 产出:
    ``framework.EVALUATION``), the other form that brings management groups of its own —, or None (a project form
    or an unknown one): what the rules ask of the few projects with a row they flag (worked out once per project of
    the document)."""
    cached = _DEPARTMENT
    if cached[0] is not document:
        cached = _DEPARTMENT[:] = [document, {id(item): own for item, own in project_rows(document)}, {}]
    known: dict[int, Framework | None] = cached[2]
    key = id(project)
    if key not in known:
        framework = framework_of_project(project, cached[1].get(key, ()))
        known[key] = framework if framework is not None and framework.marks else None
    return known[key]


# The document asked last, its projects' rows and the 部门整体 frameworks found (department_framework).
_DEPARTMENT: list[Any] = [None, {}, {}]


# What :func:`per_document` functions answered for the document asked last, by function.
_T = TypeVar("_T")
_MEMO: tuple[Document | None, dict[Callable[[Document], Any], Any]] = (None, {})


def per_document(compute: Callable[[Document], _T]) -> Callable[[Document], _T]:
    """``compute`` answered once for the document under review, several rules asking in turn
    (``rules_goals.unmeasured_goals``): kept as its rows are, by identity, and dropped with them
    (:func:`forget_rows`)."""

    @wraps(compute)
    def answer(document: Document) -> _T:
        global _MEMO
        if _MEMO[0] is not document:
            _MEMO = (document, {})
        memo = _MEMO[1]
        if compute not in memo:
            memo[compute] = compute(document)
        return memo[compute]

    return answer


def forget_rows(document: Document) -> None:
    """Drop the rows and the answers kept for ``document`` (the engine calls this when its review is done)."""
    global _ROWS, _MEMO
    if _ROWS[0] is document:
        _ROWS = (None, (), (), [])
    if _DEPARTMENT[0] is document:
        _DEPARTMENT[:] = [None, {}, {}]
    if _MEMO[0] is document:
        _MEMO = (None, {})


# The rule the engine is running (id, dimension, severity), set around each rule by
# ``engine.run_rule``: the findings made below carry them from the start, so that the engine need not
# build every finding a second time to fill them in. Outside a review they stay empty, as before.
RUNNING: ContextVar[tuple[str, str, str]] = ContextVar("perfbudget_review_rule", default=("", "", ""))


def at_indicator(project: Project, position: int, indicator: Indicator, field: str | None,
                 message: str, suggestion: str) -> Finding:
    """A finding on one indicator's field, located at that field's cell (else the row)."""
    source = indicator.sources.get(field) if field else None
    if EXAMPLE_YEAR in suggestion:
        suggestion = in_budget_year(suggestion, project.fund_year)
    return new_finding(project.seq, position, field, message, suggestion, source or indicator.source, *RUNNING.get())


def at_project(project: Project, field: str | None, message: str, suggestion: str) -> Finding:
    """A project-level finding, located at the field's cell (else the table's start)."""
    source = project.sources.get(field) if field else None
    if EXAMPLE_YEAR in suggestion:
        suggestion = in_budget_year(suggestion, project.fund_year)
    return new_finding(project.seq, None, field, message, suggestion, source or project.source, *RUNNING.get())


# The year the rules' example deadlines are written in (「2024年12月底前完成」): a finding on a table of another
# budget year gives the example in that year — a 2020 table is not told to finish by the end of 2024.
EXAMPLE_YEAR = "2024年12月"


@lru_cache(maxsize=64)
def in_budget_year(suggestion: str, year: int | None) -> str:
    """The suggestion with its example deadline in the table's year (当年 when the table does not say which)."""
    return suggestion.replace(EXAMPLE_YEAR, "当年12月" if year is None else f"{year}年12月")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def clean(text: str) -> str:
    """NFKC text without whitespace (for comparing what tables write)."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def bare(text: str) -> str:
    """Text without whitespace and punctuation (for comparing phrases)."""
    text = unicodedata.normalize("NFKC", text)
    return text if text.isalnum() else PUNCTUATION.sub("", text)  # (most names: letters, Chinese and digits only)


# Template numbering before a real name: 指标1工程完工率 (the form's "指标1" left in).
_NUMBERING = re.compile(r"^指标\s*\d+[.、:：]?(?=\D)")
# A unit written in brackets after the name: 奖补资金兑付率(%), 任务完成时限(月), 培训费(万元) (the target grammar's).
_UNIT_NOTE = NAME_UNIT


_BARE_PERCENT = re.compile(r"(?<=[\u4e00-\u9fff])[%％]$")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def name_of(level3: str) -> str:
    """A 三级 name as compared by the rules: no stars, template hints, whitespace, template
    numbering (``指标1工程完工率`` → 工程完工率) or trailing unit note (``兑付率(%)`` → 兑付率,
    ``服务对象满意度%`` → 服务对象满意度)."""
    name = normalise_level3(level3)
    # each pattern is tried only where it can match (most names hold none of these)
    stripped = _NUMBERING.sub("", name) if name.startswith("指标") else name
    if stripped.endswith((")", "）")):
        stripped = _UNIT_NOTE.sub("", stripped)
    if stripped.endswith(("%", "％")):
        stripped = _BARE_PERCENT.sub("", stripped)
    return stripped or name


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def unit_note(level3: str) -> str | None:
    """The unit written in brackets after a 三级 name (``任务完成时限(月)`` → 月), else None."""
    match = _UNIT_NOTE.search(_NUMBERING.sub("", normalise_level3(level3)))
    if match is None and ("≥" in level3 or "＞" in level3 or ">" in level3):
        # the form's hint holds the unit (公猪舍(≥**平方米) 22.8, 排污沟(≥米) 50): a left hint, not a bare number
        match = _UNIT_NOTE.search(unicodedata.normalize("NFKC", level3).strip())
    return match.group(0)[1:-1].lstrip("≥≤><=* ").strip() if match else None


def level1_of(indicator: Indicator) -> str:
    return normalise_level1(indicator.level1)


def level2_of(indicator: Indicator) -> str:
    return normalise_level2(indicator.level2)


def is_cost(indicator: Indicator) -> bool:
    """A cost indicator: 成本指标 under 产出 (2015) or under the 成本 一级 (2021)."""
    level1 = level1_of(indicator)
    return level1 == LEVEL1_COST or (level1 == LEVEL1_OUTPUT and level2_of(indicator) == "成本指标")


def is_economic_cost(indicator: Indicator) -> bool:
    """A cost that must be money: 2015 成本指标 or 2021 经济成本指标 (社会/生态成本 need not be)."""
    level1 = level1_of(indicator)
    if level1 == LEVEL1_COST:
        return level2_of(indicator) in ("经济成本指标", "成本指标")
    return level1 == LEVEL1_OUTPUT and level2_of(indicator) == "成本指标"


def money_in(unit: str | None, money_unit: str | None) -> Decimal | None:
    """The factor turning an amount in ``unit`` into ``money_unit`` (万元 when the table says none);
    None when ``unit`` is not an absolute money unit (元/亩 is a unit cost, not an amount)."""
    if unit not in YUAN_PER_UNIT:
        return None
    return YUAN_PER_UNIT[unit] / YUAN_PER_UNIT.get(money_unit or "万元", YUAN_PER_UNIT["万元"])


def is_money_unit(unit: str | None) -> bool:
    """An amount or a unit cost in money: 万元, 元, 元/亩, 万元/公里 ..."""
    return bool(unit) and (unit in YUAN_PER_UNIT or (unit or "").split("/")[0] in YUAN_PER_UNIT)


# A goal's own list mark or full stop at its end, dropped where goals are joined with 「；」 (print32: r64's goal
# 「目标1:确保本室各人员工资及福利的发放;」 was quoted 「…的发放;；目标2:…」)
_CLAUSE_END = ";；,，、。"


def joined_goals(goals: Iterable[str]) -> str:
    """The goals as one text, each ended by one 「；」 between them (its own list mark or full stop dropped)."""
    return "；".join(kept for goal in goals if (kept := goal.strip().rstrip(_CLAUSE_END).rstrip()))


def quote(text: str, limit: int = 40) -> str:
    """「text」, shortened for messages; a line break the page left inside a name is taken out."""
    text = one_line(text.strip())
    return f"「{text[:limit]}…」" if len(text) > limit else f"「{text}」"


# What a 数量 name counts, for an example in its own words: a length (铺设输水管线), an area, or the count its
# name ends with (受助学生数 → 人).
_LENGTH_THING = re.compile(r"管线|管网|管道|道路|公路|水渠|渠道|堤防|河道|线路|围栏")
_AREA_THING = re.compile(r"面积|亩")
_NOT_A_COUNT = re.compile(r"[、，,；;/]|率$|比例$|比重$|占比$")
_COUNT_ENDS = (("学生数", "人"), ("人数", "人"), ("户数", "户"), ("人次", "人次"), ("次数", "次"), ("场次", "场"),
               ("个数", "个"), ("件数", "件"))


def count_example(name: str, default: str | None = None) -> str | None:
    """An example target for a 数量 row in the row's own words (「石头卧子村铺设输水管线≥N米」, 「…受助学生数≥N人」),
    with ``default`` as the unit when the name says none, else None: a suggestion shows what to count, not
    another project's 「维护设备≥20台次」."""
    unit = count_unit(name, default)
    if unit is None:
        return None
    shown = name if len(name) <= 20 else name[:20] + "…"
    return f"「{shown}≥N{unit}」"


def count_unit(name: str, default: str | None = None) -> str | None:
    """The unit a 数量 row's name counts in (输水管线: 米, 面积: 亩, 学生数: 人), ``default`` for a short name that
    says none, else None."""
    if _LENGTH_THING.search(name):
        unit: str | None = "米"
    elif _AREA_THING.search(name):
        unit = "亩"
    else:
        unit = next((unit for end, unit in _COUNT_ENDS if name.endswith(end)), None)
        if unit is None and len(name) <= 12 and not _NOT_A_COUNT.search(name):
            unit = default  # 文保单位抢险维修 → ≥N项; not a list, a share (课时比例) or a long sentence
    return unit


def one_line(text: str) -> str:
    """The text on one line: the line breaks a page left inside a name taken out (打造金安国际网球⏎公开赛…) by the
    readers' rule (``cell_values.one_line``), a space where a numbered item starts a line (1.受助学生数
    2.免学费学生数)."""
    return cell_one_line(text).replace("\n", " ") if "\n" in text else text


_PLACEHOLDER_NAME = re.compile(r"^指标\s*\d+|^(?:…|\.{3}|x{2,}|X{2,}|\*{2,})")
_PLACEHOLDER_TEXT = re.compile(r"…{2,}|\.{6,}|^[xX×]{2,}|\*{2,}|请填写|待定|待填")


# The form's numbering left before a name (指标1:, 指标2：): template-leftover's, dropped from a name a fix writes out.
_NUMBERED_NAME = re.compile(r"^指标\s*\d+\s*[:：.．、]?\s*")


def without_placeholder(name: str) -> str:
    """The name as a fix should write it, the form's 「指标1:」 taken off (template-leftover asks to delete it)."""
    bare = _NUMBERED_NAME.sub("", name) if name.startswith("指标") else name
    return bare or name


_BARE_UNIT = re.compile(
    r"[≥≤><=≧≦]*\s*(?:%|％|‰|(?:(?:万|千|亿)?(?:元|人|人次|户|亩|个|台|套|辆|件|次|座|处|项|吨|株|头))|公里|千米|米|平方米"
    r"|立方米|公斤|千克|小时|天)\s*$")
_MAYBE_LEFTOVER = re.compile(r"[*＊…．.xXｘＸ×指请待]")


def is_bare_unit(text: str) -> bool:
    """True when a value is only a unit, maybe after a sign (``公里``, ``万亩``, ``≧ %``): the
    form's unit with the figure never filled in."""
    return len(text) <= 8 and _BARE_UNIT.match(text.strip()) is not None


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def is_leftover(text: str) -> bool:
    """True when text holds a template hint or a placeholder (``(≥**人)``, ``指标1``, ``**``, ``XX``),
    or is only a unit (``公里``: the figure was never filled in)."""
    if is_bare_unit(text):
        return True
    if _MAYBE_LEFTOVER.search(text) is None:  # cheap test first: most text holds none of these
        return False
    text = clean(text)
    return bool(text) and (has_template_hint(text) or bool(_PLACEHOLDER_NAME.search(text))
                           or bool(_PLACEHOLDER_TEXT.search(text)))


# A measurable indicator for each group, shown to a row whose name is an aim (an economic effect is not told to
# write 「矛盾纠纷化解率」 or 「≥12次」): missing-target-value's and unit-mismatch's examples.
AIM_EXAMPLES = {
    "数量指标": "「完成维修项目 ≥12个」「受益人数 ≥500人」", "质量指标": "「验收合格率 100%」「抽检合格率 ≥95%」",
    "时效指标": "「项目完成时间 2024年12月底前」", "成本指标": "「单位建设成本 ≤1.5万元/个」「项目总成本 ≤50万元」",
    "经济效益指标": "「带动相关消费 ≥50万元」「受益农户户均增收 ≥2000元」",
    "社会效益指标": "「受益群众 ≥5000人次」「政策知晓率 ≥90%」",
    "生态效益指标": "「新增绿化面积 ≥2000平方米」「垃圾无害化处理率 ≥95%」",
    "可持续影响指标": "「设施正常使用年限 ≥10年」「建立长效管护制度并印发」",
    "服务对象满意度指标": "「受益群众满意度 ≥90%」",
}


# Something built, bought or grown whose years of use a sustained effect may count (设施, 设备, 道路, 林木, 信息系统);
# a mechanism, a relationship or a service (招商关系, 救助机制正常运转) is none. Nouns of two characters or more: a
# single 树, 渠, 林, 井, 室 or 园 is in 树立, 渠道, 林长制, 井然, 办公室, 家园; 系统 as an adverb (系统推进) is none.
_FACILITY = re.compile(r"设施|设备|装备|器材|工程|建筑|房屋|校舍|场馆|场所|道路|公路|桥梁|桥涵|大桥|管网|管道|线路"
                       r"|系统(?![推进化性地])|平台|车辆|林木|森林|造林|林地|林带|防护林|公益林|生态林|经济林|苗木|种苗"
                       r"|树苗|树木|行道树|草地|草原|草坪|农田|水渠|沟渠|灌渠|水库|堤防|河堤|堤坝|机井|水井|泵站|基站"
                       r"|站点|电站|服务站|监测站|厕所|公厕|户厕|教室|卫生室|活动室|阅览室|实验室|图书馆|文化馆|博物馆"
                       r"|展馆|体育馆|纪念馆|公园|游园|花园|园区|园林|果园|茶园|路灯")
_SUSTAIN_WITHOUT_FACILITY = "「建立长效工作机制并印发制度」「该项工作持续开展 ≥3年」"


def names_facility(name: str) -> bool:
    """Whether a name names something built, bought or grown (a sustained effect may then count its years of use)."""
    return _FACILITY.search(name) is not None


def mechanism_example(group: str, name: str) -> str | None:
    """The example of a mechanism kept up for a sustained effect that names no facility (建立良好招商关系: no
    facility's years of use), else None: missing-target-value's, unit-mismatch's and vague-qualitative's."""
    return _SUSTAIN_WITHOUT_FACILITY if group == "可持续影响指标" and not names_facility(name) else None


def aim_example(group: str, name: str) -> str | None:
    """AIM_EXAMPLES' measurable indicator for a row's group, or ``mechanism_example``'s."""
    return mechanism_example(group, name) or AIM_EXAMPLES.get(group)


def meant_group(row: Row) -> str:
    """The 二级 a row's example is taken from: the group its meaning belongs to when ``level2-misplaced`` moves it
    (临邑's 安全情况 under 生态效益 is told a social effect, not 「新增绿化面积」 beside being told to move), else its
    own."""
    if row.level2 not in ("经济效益指标", "生态效益指标"):
        return row.level2
    from perfbudget.review.rules_structure import misplaced_reason  # (it imports this module)

    reason = misplaced_reason(row.level2, row.name, row.indicator.target.unit) or ""
    return "社会效益指标" if "社会方面" in reason else "经济效益指标" if "经济方面" in reason else row.level2
