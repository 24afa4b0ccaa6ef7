"""``validate.storable_number_problem`` lets the usual number through by its text; what it says of any number is
what the digits and exponent say (the definition below, as it read before import-reading)."""

from __future__ import annotations

import random
from decimal import Decimal

from perfbudget.app.validate import storable_number_problem


def _defined(value: Decimal) -> str | None:
    if not value.is_finite():
        return "数值无效（不是有限数）"
    exponent = value.as_tuple().exponent
    if value.adjusted() >= 41 or (isinstance(exponent, int) and exponent < -20):
        return "数值位数过多，无法保存（整数部分至多 41 位，小数至多 20 位）"
    return None


def test_every_kind_of_number_is_judged_as_defined() -> None:
    rng = random.Random(5)
    texts = ["0", "-0", "0.000", "12", "-12.50", "1E+3", "1E-7", "0.0000001", "NaN", "-sNaN", "Infinity", "-Infinity",
             "9" * 21, "9" * 22, "0." + "1" * 19, "0." + "1" * 20, "0." + "1" * 21, "1." + "0" * 19, "-1." + "0" * 19,
             "1E+40", "1E+41", "9" * 41, "9" * 42, "1E-20", "1E-21", "12345678901234567890.5"]
    for _ in range(20_000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 45)))
        texts.append(f"{rng.choice(['', '-'])}{digits}E{rng.randrange(-50, 50)}")
    for text in texts:
        value = Decimal(text)
        assert storable_number_problem(value) == _defined(value), text
