"""json_writer writes what json.dumps writes."""

from __future__ import annotations

import json
import random

import pytest

from perfbudget.store.json_text import json_writer


def _value(rng: random.Random, depth: int = 0) -> object:
    kinds = ["str", "int", "none", "bool", "float"] + (["list", "dict", "tuple"] if depth < 3 else [])
    kind = rng.choice(kinds)
    if kind == "str":
        return "".join(rng.choice('ab"\\\n\t\x00\x1f规范性≥95%é\U0001f600 /') for _ in range(rng.randint(0, 12)))
    if kind == "int":
        return rng.randint(-10**20, 10**20)
    if kind == "none":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "float":
        return rng.choice([0.1, -2.5, 1e300, float("inf"), float("nan"), 3.0])
    if kind == "dict":
        return {str(_value(rng, 3)) if rng.random() < 0.9 else rng.randint(0, 9): _value(rng, depth + 1)
                for _ in range(rng.randint(0, 5))}
    items = [_value(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    return tuple(items) if kind == "tuple" else items


@pytest.mark.parametrize("separators", [(", ", ": "), (",", ":")])
def test_the_text_of_json_dumps(separators: tuple[str, str]) -> None:
    write = json_writer(separators)
    rng = random.Random(7)
    for _ in range(3000):
        value = _value(rng)
        assert write(value) == json.dumps(value, ensure_ascii=False, separators=separators)
    payload = {"format": "perfbudget-review/1", "projects": [{"seq": 3, "basis": ["良：没有错误"]}],
               "findings": [{"rule": "typo", "source": {"file": "单位.xlsx"}, "indicator": None}]}
    assert write(payload) == json.dumps(payload, ensure_ascii=False, separators=separators)
    assert write(payload) == write(payload)  # the encoder is reused call after call


def test_what_json_dumps_refuses_is_refused() -> None:
    from decimal import Decimal

    with pytest.raises(TypeError):
        json_writer()({"value": Decimal(1)})
