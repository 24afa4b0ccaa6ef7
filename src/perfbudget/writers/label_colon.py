"""A label said with one colon after it: 「项目类别：」, never 「项目类别∶：」 or 「三级指标：：」.

A label may come with a colon of its own — typed in a perfbudget/1 JSON or an API edit (「项目属性∶」, the ratio sign
Chinese documents use as a colon; 「项目类别： 」 with a space after it), or an indicator named 「指标1：」 — and the
writers add one after labels (the 绩效目标表's extras, the 计分说明 and 预警计算说明 lines): before print31 both were
printed (「项目属性∶：」, 「1. 指标1：：正向指标…」)."""

from __future__ import annotations

COLONS = ":：∶﹕︰꞉"  # ASCII, full-width, ratio (U+2236), small (U+FE55), vertical (U+FE30), modifier (U+A789)


def bare(label: str) -> str:
    """``label`` without the colons and spaces it ends with."""
    return label.rstrip().rstrip(COLONS).rstrip()


def with_colon(label: str) -> str:
    """``label`` followed by one full-width colon, whatever colon it carried."""
    return f"{bare(label)}："
