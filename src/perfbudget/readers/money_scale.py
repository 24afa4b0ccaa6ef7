"""A budget whose size under the money unit its table states a person would doubt: amounts written in 元 under a
(万元) label (a 研究室's 2,751,417.82 万元 is 275 亿元), or in 万元 under 单位：元. The reader cannot tell which the
writer meant — the label says one thing, the size another, and a large 万元 amount is possible — so the amount is
read as written, in the stated unit, and told: a warning at the amount and a check note on the project, never a
silent ×10,000 either way. Bounds: 1,000,000 万元 (100 亿元) and more, or below 1,000 元.

A funds label's own unit against the stated one (``单位：元`` over ``资金情况（万元）``) is decided by the same bounds
(:func:`label_unit_choice`): the label's unit only where the total is out of bounds in the stated unit and ordinary in
the label's (corpus `213`: 112 元 → 112 万元), else the stated one; either way told."""

from __future__ import annotations

from decimal import Decimal

_MOST_WAN_YUAN = Decimal(1_000_000)  # 万元: 100 亿元 for one project or department
_LEAST_YUAN = Decimal(1_000)  # 元


def money_scale_note(total: Decimal, money_unit: str | None) -> str | None:
    """What to tell of a budget ``total`` in the table's stated ``money_unit``, or None when its size is ordinary."""
    if money_unit == "万元" and total >= _MOST_WAN_YUAN:
        return (f"预算数 {total} 万元即 {total / 10000:,.2f} 亿元，一个项目或部门少有这样的规模，金额可能是按元填写的"
                f"（约合 {total / 10000:,.2f} 万元）；已按表中所写的「万元」读取，请核对金额单位")
    if money_unit == "元" and 0 < total < _LEAST_YUAN:
        return (f"预算数 {total} 元不足一千元，一个项目或部门少有这样的规模，金额可能是按万元填写的；"
                "已按表中所写的「元」读取，请核对金额单位")
    return None


def label_unit_choice(total: Decimal, stated: str, label_unit: str, label: str) -> tuple[str, str]:
    """The money unit of a budget ``total`` whose funds ``label`` notes ``label_unit`` against the table's ``stated``
    unit, and what to tell: the label's where the total is doubtful in the stated unit and ordinary in the label's
    (112 under 单位：元 and 资金情况（万元）), else the stated one (1,200,000 stays 元), the disagreement told."""
    said = f"表中写明金额单位为「{stated}」，资金标签「{label}」注明「{label_unit}」"
    if money_scale_note(total, stated) is not None and money_scale_note(total, label_unit) is None:
        return label_unit, f"{said}：资金按标签所注的「{label_unit}」读取，请核对金额单位"
    return stated, f"{said}，两者不一致：预算数 {total} 按表中写明的「{stated}」读取，请核对金额单位"
