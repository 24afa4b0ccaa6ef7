"""Weights (分值): the group defaults, the ``--weights`` option, and the split over indicators.

Defaults (rules.md §4): 预算执行率 10, 产出 50, 效益 30, 满意度 10. Inside a 一级 group the
points are split equally unless the sheet's 分值 column gives an indicator's weight; then
the given weights are kept and the rest of the group's points is split equally over the
indicators without one. Every split is made in cents by the largest-remainder method
(:func:`split_cents`): 50 over 6 indicators is 8.34, 8.34, 8.33, 8.33, 8.33, 8.33, which adds
up to exactly 50.00 as printed; ties go to the earlier indicator. Under the 2021 framework
成本指标 shares 产出's points (one pool) unless the weights name 成本 as a group of its own; so does the
investment form's 过程管理指标 (its 投资完成/项目进度 rows stand for the outputs where 产出 has none), whose
实施效果指标 rows count in the groups they wrap (实施效果 | 效益指标 in 效益).
A configured group a project lacks has its points spread over the present groups in proportion to their weights.

A 部门整体 table of a form of its own (``framework.DEPARTMENT_FRAMEWORKS``: 投入/过程/产出/效果, 运行成本 … 履职效能,
管理指标 before 产出/效果/满意度) is scored by its own groups: by the 分值 its table gives every indicator (the
group's points are their sum), else by ``--weights`` naming each of its groups (投入=…,过程=…); a group neither
gives points to is an error that names the form, never the project groups' 50/30/10 taken for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from perfbudget.domain_words import EXECUTION_RATE
from perfbudget.evaluate.numbers import CENT, HUNDRED, ZERO, show
from perfbudget.framework import (
    DEPARTMENT_LEVEL1,
    LEVEL1_COST,
    LEVEL1_EFFECT,
    LEVEL1_OUTPUT,
    LEVEL1_PROCESS,
    LEVEL1_SATISFACTION,
    Framework,
    department_level1,
    framework_of,
    is_department_table,
    normalise_level1,
    normalise_level2,
    wrapped_level1,
)
from perfbudget.model import Project
from perfbudget.target import format_decimal
from perfbudget.text_caches import keyed_on_texts

EXECUTION = "预算执行率"
# 预算执行率's points are given by its name (any EXECUTION_RATE reads: 预算执行率, 资金执行率, 预算完成率 …) or by these
# short forms.
_EXECUTION_SHORT = frozenset({"执行率", "预算执行"})


class WeightsError(ValueError):
    """A ``--weights`` text that cannot be used; the message is for the user."""


@dataclass(frozen=True, slots=True)
class Weights:
    """Points of the budget execution and of each 一级 group.

    Attributes:
        execution: points of 预算执行率.
        groups: (normalised 一级 name, points) in display order.
    """

    execution: Decimal = Decimal(10)
    groups: tuple[tuple[str, Decimal], ...] = (
        (LEVEL1_OUTPUT, Decimal(50)),
        (LEVEL1_EFFECT, Decimal(30)),
        (LEVEL1_SATISFACTION, Decimal(10)),
    )

    def group(self, level1: str) -> Decimal | None:
        for name, points in self.groups:
            if name == level1:
                return points
        return None

    def to_dict(self) -> dict[str, str]:
        out = {EXECUTION: format_decimal(self.execution)}
        out.update({name: format_decimal(points) for name, points in self.groups})
        return out

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> Weights:
        execution = Decimal(data.get(EXECUTION, "10"))
        groups = tuple((name, Decimal(v)) for name, v in data.items() if name != EXECUTION)
        return cls(execution, groups)


def parse_weights(text: str) -> Weights:
    """``预算执行率=10,产出=50,效益=30,满意度=10`` (names with or without 指标; 成本 allowed).

    Raises :class:`WeightsError` unless the points are non-negative numbers adding up to 100.
    """
    execution: Decimal | None = None
    groups: list[tuple[str, Decimal]] = []
    for part in text.replace("，", ",").split(","):
        if not part.strip():
            continue
        name, sep, value = part.replace("：", "=").replace(":", "=").partition("=")
        name = name.strip()
        if not sep:
            raise WeightsError(f"「{part.strip()}」应写成 名称=分值，如 产出=50")
        try:
            points = Decimal(value.strip())
        except InvalidOperation:
            raise WeightsError(f"「{part.strip()}」中的分值不是数字") from None
        if not points.is_finite() or points < 0:
            raise WeightsError(f"「{part.strip()}」中的分值应为非负数")
        if not _is_cents(points):
            raise WeightsError(f"「{part.strip()}」中的分值最多保留两位小数")
        if name in _EXECUTION_SHORT or EXECUTION_RATE.fullmatch(name) is not None:
            execution = points
            continue
        level1 = department_level1(normalise_level1(name))
        if level1 not in _GROUPS:
            raise WeightsError(f"未知的一级指标「{name}」：可用 预算执行率、产出、效益、满意度、成本、过程管理，"
                               "部门整体表另有 投入、过程、管理、运行成本、管理效率、履职效能、社会效应、可持续发展")
        if any(existing == level1 for existing, _ in groups):
            raise WeightsError(f"「{name}」重复")
        groups.append((level1, points))
    weights = Weights(execution if execution is not None else Decimal(10), tuple(groups) or Weights().groups)
    total = weights.execution + sum((p for _, p in weights.groups), ZERO)
    if total != HUNDRED:
        raise WeightsError(f"分值合计为 {format_decimal(total)}，应为 100"
                           f"（预算执行率 {format_decimal(weights.execution)} 分"
                           f"{'' if execution is not None else '，未写时按 10 分'}）")
    return weights


@dataclass(frozen=True, slots=True)
class Allocation:
    """The weight of every indicator of one project.

    Attributes:
        weights: position → points.
        pools: (pool name, points) as used after pooling and spreading.
        pool_of: position → pool name.
        notes: how the split was made, in Chinese, one line each.
        errors: messages when the weights cannot be used (the project is then not scored).
        error_positions: for each error, the indicators whose 分值 the user must change or fill in (empty: the
            ``--weights`` option's, no cell of the sheet).
    """

    weights: dict[int, Decimal]
    pools: tuple[tuple[str, Decimal], ...]
    pool_of: dict[int, str]
    notes: tuple[str, ...] = ()
    errors: tuple[str, ...] = field(default=())
    error_positions: tuple[tuple[int, ...], ...] = field(default=())


def split_cents(total: Decimal, shares: list[Decimal]) -> list[Decimal]:
    """``total`` split in proportion to ``shares`` into amounts of whole cents adding up to ``total``
    exactly (the largest-remainder method; ties go to the earlier share).

    ``total`` must be a whole number of cents; shares must be non-negative and not all zero.
    """
    cents = int((total / CENT).to_integral_value())
    weight_sum = sum(shares, ZERO)
    exact = [Decimal(cents) * share / weight_sum for share in shares]
    floors = [int(value) for value in exact]  # non-negative: int() truncates toward zero = floor
    left = cents - sum(floors)
    order = sorted(range(len(shares)), key=lambda i: (-(exact[i] - floors[i]), i))
    for index in order[:left]:
        floors[index] += 1
    return [Decimal(count) * CENT for count in floors]


def _is_cents(value: Decimal) -> bool:
    return value == value.quantize(CENT)


def pool_name(level1: str, weights: Weights) -> str:
    name = normalise_level1(level1)
    if name in _SHARING and weights.group(name) is None:
        return LEVEL1_OUTPUT
    return name


_SHARING = (LEVEL1_COST, LEVEL1_PROCESS)  # groups that share 产出's points unless the weights give them their own


def scoring_group(level1: str, level2: str) -> str:
    """The 一级 group an indicator is scored in: its 一级 normalised, or for a row of the investment form's
    实施效果指标 the group it wraps (实施效果指标 | 效益指标 → 效益指标)."""
    name = department_level1(normalise_level1(level1))  # 投入 → 投入指标, 效果 → 效益指标 (部门整体 forms)
    if name in _GROUPS:
        return name
    level2 = normalise_level2(level2)
    return wrapped_level1(name, level2) or name


_GROUPS = frozenset({LEVEL1_OUTPUT, LEVEL1_EFFECT, LEVEL1_SATISFACTION, LEVEL1_COST, LEVEL1_PROCESS,
                     *DEPARTMENT_LEVEL1})


def department_form(project: Project) -> Framework | None:
    """The 部门整体 form of a project (``framework.DEPARTMENT_FRAMEWORKS``) by its groups and its name, or None."""
    groups = (scoring_group(indicator.level1, indicator.level2) for indicator in project.indicators)
    framework = framework_of(groups, is_department_table(project.name, project.name_cell, project.title))
    return framework if framework is not None and framework.department else None


def allocate(project: Project, weights: Weights, given: dict[int, Decimal] | None = None) -> Allocation:
    """Split the group points over the project's indicators (see the module docstring).

    The split depends only on the indicators' 一级 names, the weights and the sheet's 分值,
    so it is cached: units score many projects of the same shape.
    """
    level1s = tuple(scoring_group(indicator.level1, indicator.level2) for indicator in project.indicators)
    form = department_form(project) if not set(level1s) <= _PROJECT_GROUPS else None  # (most: project groups)
    return _allocate(level1s, weights, tuple(sorted((given or {}).items())), form.title if form else None)


_PROJECT_GROUPS = frozenset({LEVEL1_OUTPUT, LEVEL1_EFFECT, LEVEL1_SATISFACTION, LEVEL1_COST})


@keyed_on_texts
@lru_cache(maxsize=1024)
def _allocate(level1s: tuple[str, ...], weights: Weights, given_items: tuple[tuple[int, Decimal], ...],
              form: str | None = None) -> Allocation:
    given = dict(given_items)
    notes: list[str] = []
    errors: list[str] = []
    places: list[tuple[int, ...]] = []  # each error's indicators (see Allocation.error_positions)
    members: dict[str, list[int]] = {}
    pool_of: dict[int, str] = {}
    for position, level1 in enumerate(level1s, 1):
        pool = pool_name(level1, weights)
        members.setdefault(pool, []).append(position)
        pool_of[position] = pool
    if form is not None:  # a 部门整体 form: its own groups, by the table's 分值 or the weights naming each
        return _department_allocation(form, weights, given, members, pool_of)
    for sharing in _SHARING:
        if any(normalise_level1(level1) == sharing for level1 in level1s) and weights.group(sharing) is None:
            notes.append(f"{sharing}与产出指标共用产出指标的 {format_decimal(weights.group(LEVEL1_OUTPUT) or ZERO)} 分")
    configured = [(name, points) for name, points in weights.groups]
    present = [(name, points) for name, points in configured if name in members]
    missing = [(name, points) for name, points in configured if name not in members]
    total_groups = sum((p for _, p in configured), ZERO)
    present_sum = sum((p for _, p in present), ZERO)
    pool_points: dict[str, Decimal] = {}
    if missing and present_sum > 0:
        spread = total_groups - present_sum
        shares = split_cents(total_groups, [points for _, points in present]) if _is_cents(total_groups) \
            else [points * total_groups / present_sum for _, points in present]
        pool_points.update((name, share) for (name, _), share in zip(present, shares, strict=True))
        parts = "、".join(f"{name}（+{show(pool_points[name] - points)}）" for name, points in present)
        lacking = "、".join(f"{name} {format_decimal(points)} 分" for name, points in missing)
        notes.append(f"项目缺少 {lacking}：共 {format_decimal(spread)} 分按比例分配给 {parts}")
    else:
        pool_points.update(present)
    result: dict[int, Decimal] = {}
    for pool, positions in members.items():
        fixed = {p: given[p] for p in positions if p in given}
        free = [p for p in positions if p not in given]
        fixed_sum = sum(fixed.values(), ZERO)
        result.update(fixed)
        if not free:  # every weight given: the pool is what the sheet says
            pool_points[pool] = fixed_sum
            continue
        if pool not in pool_points:
            errors.append(f"一级指标「{pool}」没有分值：请在 --weights 中给出，或在分值列填写该组每个指标的分值")
            places.append(tuple(free))
            continue
        points = pool_points[pool]
        rest = points - fixed_sum
        if rest < 0:
            errors.append(f"{pool}共 {show(points)} 分，分值列已给出 {show(fixed_sum)} 分，超出该组分值")
            places.append(tuple(fixed))
            continue
        if not _is_cents(rest):
            errors.append(f"{pool}其余 {format_decimal(rest)} 分无法按分平均分配：分值列的分值最多保留两位小数")
            places.append(tuple(fixed))
            continue
        split = split_cents(rest, [Decimal(1)] * len(free))
        result.update(zip(free, split, strict=True))
        each = _each_text(split)
        if fixed:
            notes.append(f"{pool} {show(points)} 分：分值列给出 {show(fixed_sum)} 分，其余 {show(rest)} 分"
                         f"由 {len(free)} 个指标平均分配，{each}")
        else:
            notes.append(f"{pool} {show(points)} 分由 {len(free)} 个指标平均分配，{each}")
    total = weights.execution + sum(result.values(), ZERO)
    if not errors and total != HUNDRED:
        errors.append(f"分值合计为 {show(total)} 分（含预算执行率 {show(weights.execution)} 分），应为 100 分")
        places.append(tuple(sorted(p for p in given if p in pool_of)))
    pools = tuple((name, pool_points[name]) for name in members if name in pool_points)
    # The largest-remainder split above gives whole cents; a 分值 cell with more decimals would print
    # a weight that differs from the one used.
    odd = [p for p, value in given.items() if p in pool_of and not _is_cents(value)]
    if odd and not errors:
        errors.append("分值列的分值最多保留两位小数（第 " + "、".join(str(p) for p in odd) + " 个指标）")
        places.append(tuple(sorted(odd)))
    result = dict(sorted(result.items()))
    return Allocation(result, pools, pool_of, tuple(notes), tuple(errors), tuple(places))


def _department_allocation(form: str, weights: Weights, given: dict[int, Decimal], members: dict[str, list[int]],
                           pool_of: dict[int, str]) -> Allocation:
    """A 部门整体 form's split (see the module docstring): each group by the table's 分值, else by the weights."""
    unpointed = [pool for pool, positions in members.items()
                 if weights.group(pool) is None and any(p not in given for p in positions)]
    if unpointed:
        free = tuple(p for pool in unpointed for p in members[pool] if p not in given)
        kept = {p: given[p] for p in sorted(pool_of) if p in given}  # (no other error follows from the one said)
        return Allocation(kept, (), pool_of, (), (
            f"部门整体表（{form}）的一级指标「{'」「'.join(unpointed)}」没有分值，无法按项目表的分值（产出、效益、"
            "满意度）计分：请在分值列填写每个指标的分值，或在 --weights 中给出该表每个一级指标的分值"
            f"（如 {','.join(pool.removesuffix('指标') + '=…' for pool in members)}）",), (free,))
    if len(given) == len(pool_of):  # every weight the table's: the groups are what it says
        pools = tuple((pool, sum((given[p] for p in positions), ZERO)) for pool, positions in members.items())
        result = {p: given[p] for p in sorted(pool_of)}
        total = weights.execution + sum(result.values(), ZERO)
        notes = (f"部门整体表（{form}）按表中各指标的分值计分："
                 + "、".join(f"{pool} {format_decimal(points)} 分" for pool, points in pools),)
        if total != HUNDRED:
            return Allocation(result, pools, pool_of, notes, (
                f"分值合计为 {show(total)} 分（含预算执行率 {show(weights.execution)} 分），应为 100 分",),
                (tuple(sorted(given)),))
        return Allocation(result, pools, pool_of, notes)
    named = Weights(weights.execution, tuple((pool, points) for pool, points in weights.groups if pool in members))
    return _allocate(tuple(pool_of[p] for p in sorted(pool_of)), named, tuple(sorted(given.items())))


def _each_text(parts: list[Decimal]) -> str:
    """``每个 8.33 分`` or, when the cents do not divide evenly, ``2 个 8.34 分、4 个 8.33 分``."""
    counts: dict[Decimal, int] = {}
    for part in parts:
        counts[part] = counts.get(part, 0) + 1
    if len(counts) == 1:
        return f"每个 {show(parts[0])} 分"
    return "、".join(f"{count} 个 {show(value)} 分" for value, count in sorted(counts.items(), reverse=True)) + \
        "（按最大余数法分配到分，合计等于该组分值）"
