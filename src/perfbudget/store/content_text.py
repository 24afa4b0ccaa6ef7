"""A table's rows and the text its content hash covers, made in one pass over its indicators.

The content hash of a version (:func:`perfbudget.store.rows.version_hash`) is the SHA-256 of
``json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))`` where ``data`` is the
document's context, the project's interchange dict (:func:`perfbudget.interchange.project_to_dict`) and, for a
cut-off table, ``"incomplete": true``. Stored hashes are that definition: a new one would need every stored
version's hash made again. This module writes **the same characters** without making the dicts: each object's
keys in the sorted order ``sort_keys`` gives them, each string by the JSON module's own C function
(``json.encoder.encode_basestring``, which ``json.dumps`` uses with ``ensure_ascii=False``), numbers as
``json.dumps`` writes them. The decimals an indicator's row holds (weight, score, the target's value and upper
bound) are formatted once for both.

Anything this module does not expect (a value of another type than the model's, an extras pair that is not a
pair) raises ``TypeError`` or ``ValueError`` inside :func:`table_text`, and the caller then hashes by the dicts:
the text is never a guess. ``tests/store/test_content_text.py`` compares both on every table of the real corpus
and on made-up tables holding every optional field.
"""

from __future__ import annotations

import json
from decimal import Decimal
from operator import attrgetter
from typing import Any

from perfbudget.interchange import progress_to_dict
from perfbudget.model import EXECUTION_FIELDS, Document, Indicator, Project
from perfbudget.target import format_decimal
from perfbudget.time_target import due_of, format_due

_text: Any = json.encoder.encode_basestring  # a str as JSON, non-ASCII kept (the C function json.dumps uses)
# Any other value as json.dumps writes it inside the hashed text (the rare parts: a cut's place, monitoring columns)
_any = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_int_text = int.__repr__
_execution_values = attrgetter(*EXECUTION_FIELDS)  # a self-evaluation's funds grid's figures (interchange's order)
_NO_EXECUTION = (None,) * len(EXECUTION_FIELDS)


def _str(value: str | None) -> str:
    return "null" if value is None else _text(value)


def _int(value: int | None) -> str:
    if value is None:
        return "null"
    if type(value) is not int:
        raise TypeError("not an int")  # (a bool is written true/false: the dicts' way decides)
    return _int_text(value)


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format_decimal(value)


def _strings(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ",".join(map(_text, values)) + "]"


def _pairs(pairs: tuple[tuple[str, str], ...]) -> str:
    return "[" + ",".join(["[" + _text(a) + "," + _text(b) + "]" for a, b in pairs]) + "]"


def context_text(document: Document) -> str:
    """``rows.document_context(document)`` as the hashed text."""
    unit = document.unit
    return (f'{{"kind":{_str(document.kind)},"money_unit":{_str(document.money_unit)},'
            f'"unit":{{"code":{_str(unit.code)},"name":{_str(unit.name)}}}}}')


def indicator_text(indicator: Indicator, row: tuple[Any, ...], target_row: tuple[Any, ...]) -> str:
    """``interchange.indicator_to_dict(indicator)`` as the hashed text; ``row`` and ``target_row`` are the
    indicator's rows (:func:`rows.indicator_row`, :func:`rows.target_row`), whose formatted decimals and enum
    texts it takes. The optional keys (written only when they hold something) come as ``"key":value,`` or ``""``."""
    _position, level1, level2, level3, description, weight, actual, score, deviation, _extras = row
    raw, kind, op, value, unit, direction, upper, _start, _end = target_row
    text, extras, progress, target = _text, indicator.extras, indicator.progress, indicator.target
    before = "" if actual is None else f'"actual":{text(actual)},'
    between = "" if deviation is None else f'"deviation":{text(deviation)},'
    if extras:
        between += f'"extras":{_pairs(extras)},'
    after = "" if progress is None else f'"progress":{_any(progress_to_dict(progress))},'
    if score is not None:
        after += f'"score":{text(score)},'
    due = None if kind == "quantitative" else due_of(target)  # (due_of: None for a quantitative target)
    due_text = "" if due is None else (
        f'"due":{{"end_day":{_int(due.end_day)},"end_month":{_int(due.end_month)},"end_year":{_int(due.end_year)},'
        f'"start_month":{_int(due.start_month)},"start_year":{_int(due.start_year)},"text":{text(format_due(due))}}},')
    period = target.period
    period_text = "" if period is None else f'"period":{{"end":{_any(period[1])},"start":{_any(period[0])}}},'
    upper_text = "" if upper is None else f'"upper":{text(upper)},'
    weight_text = "" if weight is None else f',"weight":{text(weight)}'
    return (f'{{{before}"description":{"null" if description is None else text(description)},{between}'
            f'"level1":{text(level1)},"level2":{text(level2)},"level3":{text(level3)},{after}'
            f'"target":{{"direction":{"null" if direction is None else text(direction)},{due_text}'
            f'"kind":{text(kind)},"op":{"null" if op is None else text(op)},{period_text}"raw":{text(raw)},'
            f'"unit":{"null" if unit is None else text(unit)},{upper_text}'
            f'"value":{"null" if value is None else text(value)}}}{weight_text}}}')


def project_text(project: Project, indicators: list[str]) -> str:
    """``interchange.project_to_dict(project)`` as the hashed text, its indicators' texts given in order."""
    budget = project.budget
    execution = _execution_values(budget)
    if execution == _NO_EXECUTION:  # the usual case: the three amounts, in their keys' order
        parts = [f'"budget":{{"fiscal":{_str(_dec(budget.fiscal))},"other":{_str(_dec(budget.other))},'
                 f'"total":{_str(_dec(budget.total))}}}']
    else:  # a self-evaluation's funds grid too
        amounts = {"total": _dec(budget.total), "fiscal": _dec(budget.fiscal), "other": _dec(budget.other),
                   **{name: _dec(value) for name, value in zip(EXECUTION_FIELDS, execution, strict=True)
                      if value is not None}}
        parts = ['"budget":{' + ",".join([f'"{name}":{_str(amounts[name])}' for name in sorted(amounts)]) + "}"]
    if not project.complete:
        parts.append('"complete":false')
        if project.cut is not None:
            parts.append('"cut":' + _any(project.cut.to_dict()))
    if project.extras:
        parts.append('"extras":' + _pairs(project.extras))
    label, name = project.fund_label, project.name
    parts.append(f'"fund_label":{_str(label)},"fund_source":{_str(project.fund_source)},'
                 f'"fund_year":{_int(project.fund_year)},"goals":{_strings(project.goals)},'
                 f'"indicators":[{",".join(indicators)}]')
    if project.month is not None:
        parts.append('"month":' + _int(project.month))
    parts.append('"name":' + _text(name))
    if project.name_cell != (f"{name}-{label}" if label else name):  # interchange._derived_name_cell
        parts.append('"name_cell":' + _str(project.name_cell))
    if project.needs_check:
        parts.append('"needs_check":' + _strings(project.needs_check))
    parts.append(f'"purpose":{_str(project.purpose)},"seq":{_int(project.seq)}')
    if project.table_grade is not None:
        parts.append('"table_grade":' + _text(project.table_grade))
    if project.table_total is not None:
        parts.append('"table_total":' + _text(format_decimal(project.table_total)))
    parts.append('"title":' + _str(project.title))
    return "{" + ",".join(parts) + "}"


def version_text(context: str, project: Project, indicators: list[str]) -> str:
    """The whole hashed text of a version: ``{"document": …, ["incomplete": true,] "project": …}``."""
    incomplete = "" if project.complete else '"incomplete":true,'
    return f'{{"document":{context},{incomplete}"project":{project_text(project, indicators)}}}'
