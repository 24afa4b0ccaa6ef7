"""The JSON interchange format ``perfbudget/1``: model → plain dict → model, losing nothing.

Numbers are strings holding decimals. Fields a source lacks are null. Extension
fields (``upper``/``period`` on a target; ``weight``/``actual``/``score``/``deviation``/
``extras``/``progress`` on an indicator; ``name_cell``/``extras``/``complete``/``cut``/``needs_check`` on a
project; ``kind`` on the document) are written only when they hold something, so a plain target table
gives exactly the documented shape. ``docs/interchange.schema.json`` is the schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from perfbudget.model import (
    ENUM_TEXT,
    EXECUTION_FIELDS,
    FORMAT,
    LIKELIHOODS,
    PROGRESS_FIELDS,
    Budget,
    Direction,
    Document,
    Indicator,
    Kind,
    Op,
    Problem,
    Progress,
    Project,
    Source,
    Target,
    Unit,
)
from perfbudget.progress_figures import figure
from perfbudget.syntax_errors import syntax_error_text
from perfbudget.target import format_decimal
from perfbudget.time_target import due_of, format_due

__all__ = ["InterchangeError", "document_from_dict", "document_to_dict", "dumps", "loads"]


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format_decimal(value)


def target_to_dict(target: Target) -> dict[str, Any]:
    out: dict[str, Any] = {
        "raw": target.raw,
        "kind": ENUM_TEXT[target.kind],
        "op": ENUM_TEXT[target.op] if target.op else None,
        "value": _dec(target.value),
        "unit": target.unit,
        "direction": ENUM_TEXT[target.direction] if target.direction else None,
    }
    if target.upper is not None:
        out["upper"] = _dec(target.upper)
    if target.period is not None:
        out["period"] = {"start": target.period[0], "end": target.period[1]}
    due = due_of(target)
    if due is not None:  # derived from raw, for integrators; ignored when read back
        out["due"] = {"end_year": due.end_year, "end_month": due.end_month, "end_day": due.end_day,
                      "start_year": due.start_year, "start_month": due.start_month, "text": format_due(due)}
    return out


def indicator_to_dict(indicator: Indicator) -> dict[str, Any]:
    out: dict[str, Any] = {
        "level1": indicator.level1,
        "level2": indicator.level2,
        "level3": indicator.level3,
        "description": indicator.description,
        "target": target_to_dict(indicator.target),
    }
    if indicator.weight is not None:
        out["weight"] = _dec(indicator.weight)
    if indicator.actual is not None:
        out["actual"] = indicator.actual
    if indicator.score is not None:
        out["score"] = _dec(indicator.score)
    if indicator.deviation is not None:
        out["deviation"] = indicator.deviation
    if indicator.extras:
        out["extras"] = [list(pair) for pair in indicator.extras]
    if indicator.progress is not None:  # a 监控表's monitoring columns typed (only the fields the table gives)
        out["progress"] = progress_to_dict(indicator.progress)
    return out


def progress_to_dict(progress: Progress) -> dict[str, str]:
    """A :class:`Progress` as the ``progress`` object of an indicator: the fields it holds, numbers as text."""
    out: dict[str, str] = {}
    for name in PROGRESS_FIELDS:
        value = getattr(progress, name)
        if value is not None:
            out[name] = format_decimal(value) if isinstance(value, Decimal) else value
    return out


def _derived_name_cell(project: Project) -> str:
    return f"{project.name}-{project.fund_label}" if project.fund_label else project.name


def project_to_dict(project: Project) -> dict[str, Any]:
    out: dict[str, Any] = {
        "seq": project.seq,
        "title": project.title,
        "name": project.name,
        "fund_label": project.fund_label,
        "fund_year": project.fund_year,
        "fund_source": project.fund_source,
        "budget": {
            "total": _dec(project.budget.total),
            "fiscal": _dec(project.budget.fiscal),
            "other": _dec(project.budget.other),
        },
        "purpose": project.purpose,
        "goals": list(project.goals),
        "indicators": [indicator_to_dict(i) for i in project.indicators],
    }
    for name in EXECUTION_FIELDS:  # a self-evaluation's funds grid: written only where the table gives them
        if (value := getattr(project.budget, name)) is not None:
            out["budget"][name] = _dec(value)
    if project.name_cell != _derived_name_cell(project):
        out["name_cell"] = project.name_cell
    if project.extras:
        out["extras"] = [list(pair) for pair in project.extras]
    if not project.complete:
        out["complete"] = False
        if project.cut is not None:
            out["cut"] = project.cut.to_dict()
    if project.needs_check:
        out["needs_check"] = list(project.needs_check)
    if project.month is not None:  # a 监控表's period; a 自评表's own total and grade (only where the table gives them)
        out["month"] = project.month
    if project.table_total is not None:
        out["table_total"] = _dec(project.table_total)
    if project.table_grade is not None:
        out["table_grade"] = project.table_grade
    return out


def _source(data: Any, path: str) -> Source:
    if not isinstance(data, dict) or not isinstance(data.get("file"), str):
        raise InterchangeError(path, "应为位置对象（至少含 file）")
    known = {"line", "sheet", "table", "row", "column", "page"}
    for key, value in data.items():
        if key == "file":
            continue
        if key not in known:
            raise InterchangeError(f"{path}.{key}", "不是位置字段")
        if key == "sheet" and not isinstance(value, str):
            raise InterchangeError(f"{path}.{key}", "类型不对")
        if key != "sheet" and (not isinstance(value, int) or isinstance(value, bool)):
            raise InterchangeError(f"{path}.{key}", "类型不对")
    return Source(**data)


def document_to_dict(document: Document) -> dict[str, Any]:
    out: dict[str, Any] = {
        "format": FORMAT,
        "unit": {"code": document.unit.code, "name": document.unit.name},
        "money_unit": document.money_unit,
        "projects": [project_to_dict(p) for p in document.projects],
    }
    if document.kind != "target":
        out["kind"] = document.kind
    return out


def dumps(document: Document, indent: int | None = 2) -> str:
    """The document as interchange JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(document_to_dict(document), ensure_ascii=False, indent=indent)


class InterchangeError(ValueError):
    """A JSON document that is not valid ``perfbudget/1``; ``path`` says where (e.g. projects[2].budget)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


def _get(data: dict[str, Any], key: str, path: str, kind: type | tuple[type, ...], required: bool = True) -> Any:
    if key not in data:
        if required:  # located at the missing field itself (its parent's path until 2026-12-04: "" at the top)
            raise InterchangeError(f"{path}.{key}" if path else key, f"缺少字段「{key}」")
        return None
    value = data[key]
    if value is None:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InterchangeError(f"{path}.{key}" if path else key, wrong_type(kind, value))
    return value


# the JSON types a field takes and a value given, as a message names them (「类型不对」 alone until replay-x)
_TYPE_WORDS: dict[type, str] = {str: "字符串", int: "整数", dict: "对象（{…}）", list: "数组（[…]）",
                                bool: "true 或 false", float: "数", type(None): "null"}


def wrong_type(kind: type | tuple[type, ...], value: Any) -> str:
    """「类型不对：应为字符串，给出的是数 17.1」: what a field takes and what it was given."""
    wanted = "或".join(_TYPE_WORDS.get(k, k.__name__) for k in (kind if isinstance(kind, tuple) else (kind,)))
    given = "true 或 false" if isinstance(value, bool) else next(
        (word for k, word in _TYPE_WORDS.items() if isinstance(value, k) and k is not bool), type(value).__name__)
    shown = f" {json.dumps(value, ensure_ascii=False)[:40]}" if isinstance(value, (int, float, str)) else ""
    return f"类型不对：应为{wanted}，给出的是{given}{shown}"


# Each object's fields (docs/interchange.schema.json, where every object has additionalProperties false):
# any other key is refused by name, so a misspelt field ("weigth", "extra") is never dropped silently.
_FIELDS = {
    "document": frozenset({"format", "unit", "money_unit", "projects", "kind"}),
    "unit": frozenset({"code", "name"}),
    "project": frozenset({"seq", "title", "name", "fund_label", "fund_year", "fund_source", "budget", "purpose",
                          "goals", "indicators", "name_cell", "extras", "complete", "cut", "needs_check",
                          "month", "table_total", "table_grade"}),
    "budget": frozenset({"total", "fiscal", "other", "initial", "executed", "rate", "weight", "score"}),
    "indicator": frozenset({"level1", "level2", "level3", "description", "target", "weight", "actual", "score",
                            "deviation", "extras", "progress"}),
    "progress": frozenset(PROGRESS_FIELDS),
    "target": frozenset({"raw", "kind", "op", "value", "unit", "direction", "upper", "period", "due"}),
    "period": frozenset({"start", "end"}),
}


def _only_known(data: dict[str, Any], path: str, kind: str) -> None:
    for key in data:
        if key not in _FIELDS[kind]:
            where = f"{path}.{key}" if path else str(key)
            raise InterchangeError(where, f"未知字段「{key}」（perfbudget/1 没有这个字段，请检查拼写）")


def _missing(key: str, path: str) -> Any:
    raise InterchangeError(f"{path}.{key}", f"缺少字段「{key}」")


# a decimal as JSON writes it: ASCII digits, a sign, a point and an exponent (Decimal() also takes ٣٠, 1_000 and spaces)
_DECIMAL_TEXT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?(?:NaN|Infinity|inf)",
                           re.IGNORECASE)


def _decimal_field(data: dict[str, Any], key: str, path: str, required: bool = True) -> Decimal | None:
    given = data.get(key)
    if isinstance(given, (int, float)) and not isinstance(given, bool):  # a JSON number: read as binary, never taken
        number = json.dumps(given)[:40]
        raise InterchangeError(f"{path}.{key}", f"类型不对：金额和数值应写成字符串形式的十进制数（如 \"{number}\"），"
                                                f"给出的是 JSON 数字 {number}（会按二进制小数读入，可能失真）")
    text = _get(data, key, path, str, required)
    if text is None:
        return None
    if not _DECIMAL_TEXT.fullmatch(text):
        raise InterchangeError(f"{path}.{key}", f"「{text[:40]}」不是十进制数（只用 0-9、正负号、小数点与指数）")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InterchangeError(f"{path}.{key}", f"「{text}」不是十进制数") from None
    if not value.is_finite():
        raise InterchangeError(f"{path}.{key}", f"「{text}」不是有限的数")
    from perfbudget.app.validate import storable_number_problem

    too_long = storable_number_problem(value)  # 「1e999999」 is a million digits to every page and terminal
    if too_long:
        raise InterchangeError(f"{path}.{key}", f"「{text[:40]}」{too_long}")
    return value


# the funds grid's figures: no budget, execution, rate or points reach 10^12 (the scoring's bound)
_MOST_FIGURE = Decimal(10) ** 12


def _execution_figure(data: dict[str, Any], key: str, path: str) -> Decimal | None:
    """A funds-grid figure (年初预算数, 全年执行数, 执行率, 分值, 得分): a decimal, never negative nor beyond 10^12,
    as the table readers take it (readers/execution_cells.py). A negative 全年执行数 was imported until attack23."""
    value = _decimal_field(data, key, path, required=False)
    if value is not None and value < 0:
        raise InterchangeError(f"{path}.{key}",
                               f"「{format_decimal(value)}」是负数：预算数、执行数、执行率、分值和得分都不能为负")
    if value is not None and abs(value) >= _MOST_FIGURE:
        raise InterchangeError(f"{path}.{key}", "超出允许范围（绝对值不超过 10^12）")
    return value


def _budget_amount(data: dict[str, Any], key: str, path: str) -> Decimal | None:
    """预算数, 财政资金, 其他资金: a decimal, never negative, as the table readers (readers/money_cells.py) and the web
    form take them. A budget of -120 was imported from a JSON document until kinds26."""
    value = _decimal_field(data, key, path)
    if value is not None and value < 0:
        raise InterchangeError(f"{path}.{key}", f"「{format_decimal(value)}」是负数：预算金额不能为负")
    return value


def _table_total(data: dict[str, Any], path: str) -> Decimal | None:
    """The total a 自评表 gives itself: 0 to 100 points, as the readers take it (readers/stated_scores.py); a total of
    -5 or of 40 digits was taken from a JSON document until attack23."""
    value = _decimal_field(data, "table_total", path, required=False)
    if value is not None and not 0 <= value <= 100:
        raise InterchangeError(f"{path}.table_total", f"自评总分应为 0–100 分，而不是 {format_decimal(value)[:40]}")
    return value


def _enum(data: dict[str, Any], key: str, path: str, enum: Any) -> Any:
    text = _get(data, key, path, str)
    if text is None:
        return None
    try:
        return enum(text)
    except ValueError:
        allowed = "、".join(e.value for e in enum)
        raise InterchangeError(f"{path}.{key}", f"「{text}」不在允许的取值中（{allowed}）") from None


def _pairs(data: dict[str, Any], key: str, path: str) -> tuple[tuple[str, str], ...]:
    value = _get(data, key, path, list, required=False)
    if not value:
        return ()
    out = []
    for index, pair in enumerate(value):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
            raise InterchangeError(f"{path}.{key}[{index}]", "应为 [名称, 内容] 两个字符串")
        out.append((pair[0], pair[1]))
    return tuple(out)


def _target(data: Any, path: str, read: Target | None = None) -> Target:
    """The target ``data`` gives; a field it leaves out taken from ``read`` (its ``raw`` read with the grammar)
    when there is one, else refused as missing."""
    if not isinstance(data, dict):
        raise InterchangeError(path, "应为对象")
    _only_known(data, path, "target")
    period = _get(data, "period", path, dict, required=False)
    if period:
        _only_known(period, f"{path}.period", "period")

    def given(key: str, field: Callable[[], Any]) -> Any:
        if read is not None and key not in data:
            return getattr(read, key)
        try:
            return field()
        except InterchangeError as exc:
            if key in data or read is not None:
                raise
            raise InterchangeError(exc.path, exc.message + _SAY_RAW) from None

    return Target(
        raw=_get(data, "raw", path, str) or "",
        kind=given("kind", lambda: _enum(data, "kind", path, Kind)),
        op=given("op", lambda: _enum(data, "op", path, Op)),
        value=given("value", lambda: _decimal_field(data, "value", path)),
        unit=given("unit", lambda: _get(data, "unit", path, str)),
        direction=given("direction", lambda: _enum(data, "direction", path, Direction)),
        upper=given("upper", lambda: _decimal_field(data, "upper", path, required=False)),
        period=given("period", lambda: (str(period.get("start")), str(period.get("end"))) if period else None),
    )


# what a target without its kind, comparator, value, unit or direction and without a raw text to read them from
# should send (「缺少字段「kind」」 alone until replay-y)
_SAY_RAW = ("：请给出指标值原文 raw（如 {\"raw\": \"≥95%\"}，其余各项按指标值语法读出），"
            "或给出 kind、op、value、unit、direction 各项")


def _target_or_raw(data: Any, level3: Any, path: str) -> Target:
    """A target is read with the target grammar from its ``raw`` text (what users write; the indicator's name gives
    the direction), as every face reads it: the API's documents and edits, and files read by
    ``read``/``import``/uploads (until 2026-12-04 only the API did). ``{"raw": "≥95%"}`` alone is enough; a field
    given beside it is kept (the unit and direction may come from other columns) and must agree with what raw reads
    as; a field left out is raw's (until replay-y a target with raw and value but no kind was refused as
    「缺少字段「kind」」)."""
    read = None
    if isinstance(data, dict) and isinstance(data.get("raw"), str) and (data["raw"].strip() or set(data) == {"raw"}):
        from perfbudget.target import parse_target

        read = parse_target(data["raw"], level3 if isinstance(level3, str) else None)
    target = _target(data, path, read)
    if read is not None and read.is_quantitative and target.kind is Kind.QUALITATIVE and target.op is None \
            and target.value is None and target.upper is None and target.unit is None:
        # an older grammar's reading of the same text (每年≥3次 stored or exported before reading39 as qualitative,
        # nothing read from it): raw's reading now, not a refusal of the file perfbudget wrote (the lead's reread)
        return read
    _agrees_with_raw(target, level3, path)
    return target


_READ_FIELDS = ("kind", "op", "value", "upper")


def _agrees_with_raw(target: Target, level3: Any, path: str) -> None:
    """A target's ``raw`` text is its source of truth: its kind, comparator, value and upper bound must be what
    ``raw`` reads as (a hand-edited file giving ``{"raw": "≥30人", "value": "3"}`` was stored as given, so the table
    said one thing and the scoring and review used another: replay-g); so must its unit where ``raw`` writes one, and
    its direction where ``raw`` writes a comparator (attack35: ``{"raw": "≥30人", "unit": "万元"}`` and ``≥95%``
    marked reverse were stored, the table read 30 人 and the review 30 万元, smaller taken as better). A unit beside
    a ``raw`` without one may come from a 计量单位 column, a direction beside a ``raw`` without comparator from a
    指标方向 column (``35`` under 反向): kept."""
    if not target.raw:
        return
    from perfbudget.target import parse_target

    read = parse_target(target.raw, level3 if isinstance(level3, str) else None)
    # the unit compared only where raw writes one itself, not where it is the name's (培训经费（万元） over 0.02)
    written = read.unit is not None and parse_target(target.raw).unit is not None
    compared = (*_READ_FIELDS, *(("unit",) if written else ()), *(("direction",) if read.op is not None else ()))
    for field in compared:
        given, meant = getattr(target, field), getattr(read, field)
        if given != meant:
            raise InterchangeError(f"{path}.{field}", f"与指标值 raw「{target.raw}」不一致：给出 {_shown(given)}，"
                                                      f"raw 读作 {_shown(meant)}；请改正其一，或只给 raw")


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "空"
    return str(value if isinstance(value, Decimal) else getattr(value, "value", value))


def _indicator(data: Any, path: str) -> Indicator:
    if not isinstance(data, dict):
        raise InterchangeError(path, "应为对象")
    _only_known(data, path, "indicator")
    return Indicator(
        level1=_get(data, "level1", path, str) or "",
        level2=_get(data, "level2", path, str) or "",
        level3=_get(data, "level3", path, str) or "",
        description=_get(data, "description", path, str),
        target=_target_or_raw(data["target"] if "target" in data else _missing("target", path), data.get("level3"),
                              f"{path}.target"),
        weight=_decimal_field(data, "weight", path, required=False),
        actual=_get(data, "actual", path, str, required=False),
        score=_decimal_field(data, "score", path, required=False),
        deviation=_get(data, "deviation", path, str, required=False),
        extras=_pairs(data, "extras", path),
        progress=progress_from_dict(data["progress"], f"{path}.progress") if data.get("progress") is not None
        else None,
    )


def progress_from_dict(data: Any, path: str = "progress") -> Progress | None:
    """A 监控表 indicator's ``progress``: the texts as written; each value, where given, the number its text is
    (``actual`` 4处 → ``actual_value`` 4, ``actual_unit`` 处), taken from the text where not given; a likelihood
    among 确定能 / 有可能 / 完全不可能. An empty object is no progress."""
    if not isinstance(data, dict):
        raise InterchangeError(path, "应为对象")
    _only_known(data, path, "progress")
    texts = {name: _get(data, name, path, str, required=False)
             for name in ("actual", "forecast", "likelihood", "likelihood_text", "reason", "measure")}
    figures: dict[str, Any] = {}
    for name in ("actual", "forecast"):
        value, unit = figure(texts[name])
        given = (_decimal_field(data, f"{name}_value", path, required=False),
                 _get(data, f"{name}_unit", path, str, required=False))
        for key, meant, said in ((f"{name}_value", value, given[0]), (f"{name}_unit", unit, given[1])):
            if key in data and said != meant:
                raise InterchangeError(f"{path}.{key}", f"与 {name}「{texts[name] or ''}」不一致：给出 {_shown(said)}，"
                                                        f"{name} 读作 {_shown(meant)}；请改正其一，或只给 {name}")
        figures[f"{name}_value"], figures[f"{name}_unit"] = value, unit
    likelihood = texts["likelihood"]
    if likelihood is not None and likelihood not in LIKELIHOODS:
        raise InterchangeError(f"{path}.likelihood", f"完成目标可能性应为 {'、'.join(LIKELIHOODS)} 之一，"
                                                     f"而不是「{likelihood}」（表中原文写在 likelihood_text）")
    if not any(texts.values()):
        return None
    return Progress(actual=texts["actual"], forecast=texts["forecast"], likelihood=likelihood,
                    likelihood_text=texts["likelihood_text"], reason=texts["reason"], measure=texts["measure"],
                    **figures)


def _project(data: Any, path: str) -> Project:
    if not isinstance(data, dict):
        raise InterchangeError(path, "应为对象")
    _only_known(data, path, "project")
    budget = _get(data, "budget", path, dict) or {}
    _only_known(budget, f"{path}.budget", "budget")
    goals = _get(data, "goals", path, list) or []
    if not all(isinstance(g, str) for g in goals):
        raise InterchangeError(f"{path}.goals", "应为字符串列表")
    indicators = _get(data, "indicators", path, list) or []
    seq = _get(data, "seq", path, int)
    if seq is None:
        raise InterchangeError(f"{path}.seq", "不能为空")
    project = Project(
        seq=seq,
        title=_get(data, "title", path, str),
        name=_get(data, "name", path, str) or "",
        fund_label=_get(data, "fund_label", path, str),
        fund_year=_get(data, "fund_year", path, int),
        fund_source=_get(data, "fund_source", path, str),
        budget=Budget(
            total=_budget_amount(budget, "total", f"{path}.budget"),
            fiscal=_budget_amount(budget, "fiscal", f"{path}.budget"),
            other=_budget_amount(budget, "other", f"{path}.budget"),
            **{name: _execution_figure(budget, name, f"{path}.budget") for name in EXECUTION_FIELDS},
        ),
        purpose=_get(data, "purpose", path, str),
        goals=tuple(goals),
        indicators=tuple(_indicator(item, f"{path}.indicators[{i}]") for i, item in enumerate(indicators)),
        extras=_pairs(data, "extras", path),
    )
    complete = _get(data, "complete", path, bool, required=False)
    cut = data.get("cut")
    needs_check = _get(data, "needs_check", path, list, required=False) or []
    if not all(isinstance(n, str) for n in needs_check):
        raise InterchangeError(f"{path}.needs_check", "应为字符串列表")
    month = _get(data, "month", path, int, required=False)
    if month is not None and not 1 <= month <= 12:
        raise InterchangeError(f"{path}.month", f"监控期间的月份应为 1–12，而不是 {month}")
    table_grade = _get(data, "table_grade", path, str, required=False)
    if table_grade is not None and table_grade not in _GRADES:
        raise InterchangeError(f"{path}.table_grade", f"评价等级应为 优、良、中 或 差，而不是「{table_grade}」")
    project = replace(project, complete=complete is not False,
                      cut=_source(cut, f"{path}.cut") if cut is not None else None,
                      needs_check=tuple(needs_check), month=month,
                      table_total=_table_total(data, path), table_grade=table_grade)
    if project.cut is not None and project.complete:
        raise InterchangeError(f"{path}.cut", "只有不完整的项目（complete 为 false）才有截断位置")
    if "name_cell" in data:
        return replace(project, name_cell=_get(data, "name_cell", path, str))
    return replace(project, name_cell=_derived_name_cell(project))


def document_from_dict(data: Any, file: str = "<json>") -> Document:
    """A document from interchange data; raises :class:`InterchangeError` naming the bad field."""
    if not isinstance(data, dict):
        raise InterchangeError("", "JSON 顶层应为对象")
    fmt = data.get("format")
    if fmt != FORMAT:
        raise InterchangeError("format", f"不是 {FORMAT} 格式（format 为 {fmt!r}）")
    _only_known(data, "", "document")
    unit = _get(data, "unit", "", dict) or {}
    _only_known(unit, "unit", "unit")
    projects = _get(data, "projects", "", list) or []
    return Document(
        unit=Unit(code=_get(unit, "code", "unit", str), name=_get(unit, "name", "unit", str)),
        money_unit=_get(data, "money_unit", "", str),
        projects=tuple(_project(p, f"projects[{i}]") for i, p in enumerate(projects)),
        kind=_kind(data),
        source=Source(file),
    )


_GRADES = ("优", "良", "中", "差")
_KINDS = ("target", "self-evaluation", "monitoring")


def _kind(data: dict[str, Any]) -> str:
    kind = _get(data, "kind", "", str, required=False) or "target"
    if kind not in _KINDS:
        raise InterchangeError("kind", f"应为 {'、'.join(_KINDS)} 之一，而不是「{kind}」")
    return kind


# A JSON string may escape half of a UTF-16 pair alone ("\\ud800"): Python keeps it as a character no
# UTF-8 output can encode, so printing, hashing or storing the document crashed (found by replay-d).
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogate(data: Any, path: str) -> str | None:
    """Where the parsed JSON holds a lone surrogate, as 「path: message」, or None."""
    if isinstance(data, str):
        for char in data:
            if "\ud800" <= char <= "\udfff":
                return f"{path or '（顶层）'}: 含有无效的字符（单独的 UTF-16 代理码 U+{ord(char):04X}），不是有效的文本"
        return None
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        where = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else str(key)
        found = _lone_surrogate(key, path) if isinstance(key, str) else None  # in a field's name: its parent
        found = found or _lone_surrogate(value, where)
        if found:
            return found
    return None


_LONG_DIGITS = re.compile(r"\d{4301}")


def _long_integer(text: str, file: str) -> Problem:
    """Where the first integer too long for Python's conversion is."""
    found = _LONG_DIGITS.search(text)
    start = found.start() if found else 0
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Problem(Source(file, line=line), f"不是有效的 JSON：整数超过 4300 位，无法读取（第{column}列）；"
                                            "金额与指标值请写成字符串，且位数不超过实际需要")


def _indicator_count(data: Any) -> int:
    """The indicators the parsed document lists (not yet checked), counted before any is built."""
    projects = data.get("projects") if isinstance(data, dict) else None
    if not isinstance(projects, list):
        return 0
    return sum(len(p["indicators"]) for p in projects if isinstance(p, dict) and isinstance(p.get("indicators"), list))


def loads(text: str, file: str = "<json>", max_indicators: int | None = None) -> tuple[Document | None, list[Problem]]:
    """Parse interchange JSON text into (document, problems) without raising; a document listing more than
    ``max_indicators`` indicators (rows: ``Limits.max_rows``) is refused before any is built (some 20 µs each:
    200,000 in a 46 MB file cost 3.9 s of CPU and 400 MB until 2026-12-05, hostile20)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [Problem(Source(file, line=exc.lineno),
                              f"不是有效的 JSON：{syntax_error_text(exc.msg)}（第{exc.colno}列）")]
    except ValueError:  # an integer of more digits than Python converts (4,300): a traceback until hostile20
        return None, [_long_integer(text, file)]
    if max_indicators is not None and (count := _indicator_count(data)) > max_indicators:
        return None, [Problem(Source(file), f"JSON 含 {count} 个三级指标，超过 {max_indicators} 个的上限"
                                            "（每个指标是表格的一行；环境变量 PERFBUDGET_MAX_ROWS）；未读取")]
    broken = _lone_surrogate(data, "") if _ESCAPED_SURROGATE.search(text) else None
    if broken is not None:
        return None, [Problem(Source(file), broken)]
    try:
        return document_from_dict(data, file), []
    except InterchangeError as exc:
        return None, [Problem(Source(file), f"{exc.path}: {exc.message}" if exc.path else exc.message)]
