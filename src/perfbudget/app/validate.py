"""Validation at the boundary of the web pages and the API: what may be stored, so that no page or
download fails later. The use-case layer applies it to every import that does not come from the
CLI (uploads, the API, the declaration form) and to every edit.

A document arriving through the API, an upload, the edit form or the declaration form is
checked before it is stored (:func:`document_problems`):

* **Money and numbers** (budget amounts, target values and bounds, weights, scores): finite,
  at most ``MAX_AMOUNT`` (10^12, in the document's money unit) in absolute value, at most
  ``MAX_DECIMALS`` (6) decimal places. ``1e1000000``, ``NaN`` and ``Infinity`` are refused.
* **Text**: no control characters (tab, line feed and carriage return allowed), no Unicode
  non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF …) or lone surrogates; names (unit, project,
  fund label, indicator names) at most ``MAX_NAME`` (500) characters, other text at most
  ``MAX_TEXT`` (20,000).

Names that differ only by invisible characters or width forms are the same project: the
project identity uses :func:`perfbudget.names.canonical_name`.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import Any

from perfbudget.model import Document, Problem, Source

MAX_AMOUNT = Decimal(10) ** 12
MAX_DECIMALS = 6
MAX_NAME = 500
MAX_TEXT = 20_000
_NAME_FIELDS = {"name", "code", "fund_label", "fund_source", "level1", "level2", "level3", "title", "money_unit",
                "unit", "kind"}
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]")


def number_problem(value: Decimal) -> str | None:
    """Why a money amount or target number cannot be stored (Chinese), or None."""
    if not value.is_finite():
        return "数值无效（不是有限数）"
    if value.adjusted() > 12 or value.copy_abs() > MAX_AMOUNT:  # adjusted(): no arithmetic on a huge value
        return "数值超出允许范围（绝对值不超过 10^12）"
    if value != value.quantize(Decimal(1).scaleb(-MAX_DECIMALS)):
        return f"数值的小数位数超过 {MAX_DECIMALS} 位"
    return None


def text_problem(text: str, limit: int) -> str | None:
    """Why a text cannot be stored (Chinese), or None."""
    if len(text) > limit:
        return f"文字过长（{len(text)} 个字符，上限 {limit}）"
    bad = _BAD_CHARS.search(text)
    if bad:
        return f"含有不可见的控制字符（U+{ord(bad.group()):04X}）"
    return None


def document_problems(document: Document, file: str = "") -> list[Problem]:
    """Every value of ``document`` that may not be stored, each with where it is."""
    problems: list[Problem] = []

    def walk(value: Any, path: str, field: str) -> None:
        if isinstance(value, Source) or value is None or isinstance(value, bool | int):
            return
        if isinstance(value, Decimal):
            problem = number_problem(value)
        elif isinstance(value, str):
            problem = text_problem(value, MAX_NAME if field in _NAME_FIELDS else MAX_TEXT)
        elif dataclasses.is_dataclass(value):
            for item in dataclasses.fields(value):
                if item.name not in ("source", "sources"):
                    walk(getattr(value, item.name), f"{path}.{item.name}" if path else item.name, item.name)
            return
        elif isinstance(value, tuple | list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]", field)
            return
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}", str(key))
            return
        else:
            return
        if problem:
            problems.append(Problem(Source(file or "输入"), f"{path}：{problem}"))

    walk(document, "", "")
    return problems
