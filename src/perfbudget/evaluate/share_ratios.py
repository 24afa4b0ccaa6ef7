"""An 实际完成值 written as a ratio under a target in percent: ``1`` or ``0.98`` under ``≥95%`` (kinds40).

A cell typed in Excel as a number where the form wants a percent shows ``1`` for 100 % and ``0.98`` for 98 %, and a
person copying such a sheet writes it so. Under a share target (unit ``%``) that asks for at least its value (≥, >,
=, or no comparator with a positive direction: 合格率 ≥95%, 覆盖率 100%, 参保率 ≥30%), a bare figure from 0 to 1
without a unit is that share as a ratio where, read × 100, it falls between half the target and twice it (at most
100 %) — read as a percent it would be a completion of at most 2 % of the target, which no row that writes a 得分 of
its own means. It is read × 100, the note in the score's explanation (实际完成值「1」…按比例读作 100%). Outside that
band (``0.8`` under 增长率 ≥5%: 80 % is no likelier than 0.8 %, the lead's first reread found it read 80 %, full
marks; a bound by the target alone, 50 %, then left ``0.35`` under ≥30% at 0.35 %, the second reread), under a reverse
target (``≤5%``: ``0.5`` may be 0.5 %) or with its unit written the figure is read as written, as before. The two
readings never both fall in the band (a figure ≤ 1 within half and twice a target, and a hundred times it too, would
need a target both ≥ 50 and ≤ 2 times the figure).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from perfbudget.model import Direction, Op, Target
from perfbudget.target import format_decimal

_ASKING_AT_LEAST = (Op.GE, Op.GT, Op.EQ)


def ratio_as_share(text: str, target: Target, value: Decimal) -> tuple[Decimal, str] | None:
    """(the share in percent, the note) where ``text`` is such a ratio (see the module), else None."""
    if target.unit != "%" or target.value is None or target.value <= 0 or not 0 < value <= 1 \
            or target.direction is Direction.REVERSE or (target.op is not None and target.op not in _ASKING_AT_LEAST):
        return None
    written = "".join(unicodedata.normalize("NFKC", text).split())
    if not written.replace(".", "", 1).isdigit():
        return None  # a unit or a sign written (1%, 1次): as written
    share = (value * 100).normalize()
    if not target.value / 2 <= share <= min(Decimal(100), target.value * 2):
        return None  # no share the target makes likely (see the module)
    return share, (f"实际完成值「{written}」未写单位，指标值「{target.raw}」为百分比：按比例读作 "
                   f"{format_decimal(share)}%")
