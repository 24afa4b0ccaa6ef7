"""An 实际完成值 written as a ratio under a target in percent: ``1`` or ``0.98`` under ``≥95%`` (kinds40).

A cell typed in Excel as a number where the form wants a percent shows ``1`` for 100 % and ``0.98`` for 98 %, and a
person copying such a sheet writes it so. Under a share target (unit ``%``) that asks for at least its value (≥, >,
=, or no comparator with a positive direction: 合格率 ≥95%, 覆盖率 100%, 参保率 ≥30%), a bare figure from 0 to 1
without a unit is that share as a ratio where the target is 50 % or more (read as a percent it would be a completion
of at most 2 % of the target, which no row that writes a 得分 of its own means: ``0.45`` under ``≥95%`` is 45 %), and
under a lower target where, read × 100, it falls between half the target and twice it (``0.35`` under ``≥30%`` is
35 %; ``0.8`` under 增长率 ≥5% is read as written: 80 % is no likelier than 0.8 % — the lead's first reread found it
read 80 %, full marks). It is read × 100, the note in the score's explanation (实际完成值「1」…按比例读作 100%). Under a
reverse target (``≤5%``: ``0.5`` may be 0.5 %) or with its unit written the figure is read as written, as before.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from perfbudget.model import Direction, Op, Target
from perfbudget.target import format_decimal

_ASKING_AT_LEAST = (Op.GE, Op.GT, Op.EQ)
_HIGH = Decimal(50)  # a target from which any ratio of at most 1 is a share (see the module)


def ratio_as_share(text: str, target: Target, value: Decimal) -> tuple[Decimal, str] | None:
    """(the share in percent, the note) where ``text`` is such a ratio (see the module), else None."""
    if target.unit != "%" or target.value is None or target.value <= 0 or not 0 < value <= 1 \
            or target.direction is Direction.REVERSE or (target.op is not None and target.op not in _ASKING_AT_LEAST):
        return None
    written = "".join(unicodedata.normalize("NFKC", text).split())
    if not written.replace(".", "", 1).isdigit():
        return None  # a unit or a sign written (1%, 1次): as written
    share = (value * 100).normalize()
    if target.value < _HIGH and not target.value / 2 <= share <= target.value * 2:
        return None  # no share the target makes likely (see the module)
    return share, (f"实际完成值「{written}」未写单位，指标值「{target.raw}」为百分比：按比例读作 "
                   f"{format_decimal(share)}%")
