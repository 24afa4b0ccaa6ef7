"""Model ↔ rows: what the store writes for a document, and the model rebuilt from rows.

Decimals are written as the interchange text (``format_decimal``) and read back with
``Decimal(text)``, which keeps their scale (``17.00`` stays ``17.00``). The content
hash of a version covers everything ``show --json`` gives back: the project's
interchange JSON plus the document-level unit, money unit and kind.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any

from perfbudget import text_caches
from perfbudget.budget_parts import OTHER_CELL
from perfbudget.interchange import progress_from_dict, progress_to_dict, project_to_dict
from perfbudget.model import (
    ENUM_TEXT,
    EXECUTION_FIELDS,
    Budget,
    Direction,
    Document,
    Indicator,
    Kind,
    Op,
    Project,
    Source,
    Target,
    Unit,
)
from perfbudget.names import canonical_name
from perfbudget.quick_records import new_budget, new_indicator, new_project, new_target, new_unit
from perfbudget.target import format_decimal
from perfbudget.text_caches import held_by


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format_decimal(value)


def _undec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


# json.dumps(value, ensure_ascii=False[, separators=(",", ":")]) and json.dumps(value, ensure_ascii=False,
# sort_keys=True, separators=(",", ":")) with their encoders made once: json.dumps makes a JSONEncoder at every call
# given any argument (the same text; an import writes a few of these a table)
_PLAIN_JSON = json.JSONEncoder(ensure_ascii=False).encode
_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_SORTED_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_ASCII_COMPACT_JSON = json.JSONEncoder(separators=(",", ":")).encode
_json_text: Any = json.encoder.encode_basestring  # a str as JSON, non-ASCII kept


def _pairs_json(pairs: tuple[tuple[str, str], ...]) -> str | None:
    return _PLAIN_JSON([list(p) for p in pairs]) if pairs else None


def _execution_json(budget: Budget) -> str | None:
    """The funds grid's typed figures of a self-evaluation as JSON text (None when the table gives none)."""
    figures = {name: _dec(value) for name in EXECUTION_FIELDS if (value := getattr(budget, name)) is not None}
    return _ASCII_COMPACT_JSON(figures) if figures else None


def _execution(text: str | None) -> dict[str, Decimal]:
    return {name: Decimal(value) for name, value in stored_json(text).items()} if text else {}


def _figures_json(project: Project) -> str | None:
    """A 监控表's period and a 自评表's own total and grade as JSON text (None when the table gives none), and
    (since kinds25) a 监控表's indicators' monitoring columns: ``progress``, one object (or null) an indicator in
    their order, as the JSON interchange writes an indicator's ``progress``. They are kept with the version, not
    in the indicator rows: a target table's rows (the review's hot path) stay as they were."""
    month, total, grade = project.month, project.table_total, project.table_grade
    if month is None and total is None and grade is None and not any(map(_PROGRESS, project.indicators)):
        return None  # (the usual table: a look at each indicator's progress without a Python step)
    progress = [progress_to_dict(i.progress) if i.progress is not None else None for i in project.indicators]
    if month is None and total is None and grade is None and not any(progress):
        return None  # (a Progress of no figure gives an empty dict)
    figures = {"month": month, "total": _dec(total), "grade": grade, "progress": progress if any(progress) else None}
    return _COMPACT_JSON({k: v for k, v in figures.items() if v is not None})


_PROGRESS = attrgetter("progress")


def _figures(text: str | None) -> tuple[int | None, Decimal | None, str | None]:
    if not text:
        return None, None, None
    figures = stored_json(text)
    total = figures.get("total")
    return figures.get("month"), None if total is None else Decimal(total), figures.get("grade")


def _with_progress(indicators: tuple[Indicator, ...], text: str | None) -> tuple[Indicator, ...]:
    """The indicators with the monitoring columns :func:`_figures_json` kept (the same tuple when it kept none)."""
    if not text or '"progress"' not in text:
        return indicators
    kept = stored_json(text).get("progress") or []
    return tuple(indicator if data is None else replace(indicator, progress=progress_from_dict(data))
                 for indicator, data in zip(indicators, [*kept, *[None] * (len(indicators) - len(kept))], strict=False))


def _pairs(text: str | None) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in stored_json(text)) if text else ()


def _sha(data: Any) -> str:
    return hashlib.sha256(_SORTED_JSON(data).encode("utf-8")).hexdigest()


def unit_key(unit: Unit) -> str:
    """A unit is its code; a unit without a code is its name."""
    if unit.code:
        return f"code:{unit.code}"
    return f"name:{unit.name or ''}"


def project_identity(unit: Unit, project: Project) -> str:
    """The hash of (unit, fund year, project name, fund label): one project across re-submissions.
    Names are compared in their canonical form (:func:`perfbudget.names.canonical_name`): names that
    differ only by invisible characters or width forms are the same project (migration 0110)."""
    label = canonical_name(project.fund_label) if project.fund_label is not None else None
    key, year, name = unit_key(unit), project.fund_year, canonical_name(project.name)
    if type(year) is not int and year is not None:
        return _sha([key, year, name, label])
    # the list's JSON text written straight (the text _sha would hash)
    text = (f'[{_json_text(key)},{"null" if year is None else int.__repr__(year)},{_json_text(name)},'
            f'{"null" if label is None else _json_text(label)}]')
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_context(document: Document) -> dict[str, Any]:
    return {"unit": {"code": document.unit.code, "name": document.unit.name},
            "money_unit": document.money_unit, "kind": document.kind}


def version_hash(document: Document, project: Project) -> str:
    """Equal hash, equal content; a cut-off table differs from the same rows read complete."""
    data: dict[str, Any] = {"document": document_context(document), "project": project_to_dict(project)}
    if not project.complete:
        data["incomplete"] = True
    return _sha(data)


def document_hash(document: Document, version_hashes: list[str]) -> str:
    """The whole document's content: its context and its tables' version hashes in order."""
    return _sha({"document": document_context(document), "projects": version_hashes})


# The place a stored version gives its table's 其他资金 cell (``budget_parts.OTHER_CELL``): the store keeps whether the
# cell was there (``project_versions.budget_other_cell``), not where
STORED_CELL = Source("")


def version_values(project: Project) -> dict[str, Any]:
    return {
        "seq": project.seq,
        "title": project.title,
        "name_cell": project.name_cell,
        "fund_source": project.fund_source,
        "budget_total": _dec(project.budget.total),
        "budget_fiscal": _dec(project.budget.fiscal),
        "budget_other": _dec(project.budget.other),
        "budget_other_cell": OTHER_CELL in project.sources,
        "budget_execution": _execution_json(project.budget),
        "table_figures": _figures_json(project),
        "purpose": project.purpose,
        "goals": _PLAIN_JSON(list(project.goals)),
        "extras": _pairs_json(project.extras),
        "indicator_count": len(project.indicators),
        "complete": project.complete,
        "needs_check": _PLAIN_JSON(list(project.needs_check)) if project.needs_check else None,
    }


# The columns of an indicator's and of a target's row, in the order of the tuples below (an import plans its
# rows as tuples in a reading process: a tuple is cheaper to pickle, unpickle and write than a dict).
INDICATOR_COLUMNS = ("position", "level1", "level2", "level3", "description", "weight", "actual", "score",
                     "deviation", "extras")
TARGET_COLUMNS = ("raw", "kind", "op", "value", "unit", "direction", "upper", "period_start", "period_end")


def indicator_row(indicator: Indicator, position: int) -> tuple[Any, ...]:
    """An indicator's column values in :data:`INDICATOR_COLUMNS` order."""
    weight, score, extras = indicator.weight, indicator.score, indicator.extras
    return (position, indicator.level1, indicator.level2, indicator.level3, indicator.description,
            None if weight is None else format_decimal(weight), indicator.actual,
            None if score is None else format_decimal(score), indicator.deviation,
            _PLAIN_JSON([list(p) for p in extras]) if extras else None)


# ENUM_TEXT by the members' identity: an enum member's hash is ``Enum.__hash__``, a Python function, so that a look-up
# by the member runs Python code; by ``id`` it does not (members are singletons: unpickled, they are the same object)
_ENUM_TEXT_BY_ID = {id(member): text for member, text in ENUM_TEXT.items()}


def target_row(target: Target) -> tuple[Any, ...]:
    """A target's column values in :data:`TARGET_COLUMNS` order."""
    period, op, direction, value, upper = target.period, target.op, target.direction, target.value, target.upper
    return (target.raw, _ENUM_TEXT_BY_ID[id(target.kind)], _ENUM_TEXT_BY_ID[id(op)] if op else None,
            None if value is None else format_decimal(value), target.unit,
            _ENUM_TEXT_BY_ID[id(direction)] if direction else None, None if upper is None else format_decimal(upper),
            period[0] if period else None, period[1] if period else None)


def indicator_values(indicator: Indicator, position: int) -> dict[str, Any]:
    return dict(zip(INDICATOR_COLUMNS, indicator_row(indicator, position), strict=True))


def target_values(target: Target) -> dict[str, Any]:
    return dict(zip(TARGET_COLUMNS, target_row(target), strict=True))


def target_from_row(row: Mapping[Any, Any]) -> Target:
    period = None
    if row["period_start"] is not None or row["period_end"] is not None:
        period = (row["period_start"], row["period_end"])
    return Target(
        raw=row["raw"],
        kind=Kind(row["kind"]),
        op=Op(row["op"]) if row["op"] else None,
        value=_undec(row["value"]),
        unit=row["unit"],
        direction=Direction(row["direction"]) if row["direction"] else None,
        upper=_undec(row["upper"]),
        period=period,
    )


_KINDS = {kind.value: kind for kind in Kind}
_OPS = {op.value: op for op in Op}
_DIRECTIONS = {direction.value: direction for direction in Direction}


def target_from_values(raw: str, kind: str, op: str | None, value: str | None, unit: str | None,
                       direction: str | None, upper: str | None, start: Any, end: Any) -> Target:
    """A target from the ``targets`` columns of :data:`perfbudget.store.queries.INDICATOR_COLUMNS`."""
    return new_target(raw, _KINDS[kind], _OPS[op] if op else None, None if value is None else Decimal(value),
                      unit, _DIRECTIONS[direction] if direction else None, None if upper is None else Decimal(upper),
                      (start, end) if start is not None or end is not None else None)


def indicator_from_values(level1: str, level2: str, level3: str, description: str | None, weight: str | None,
                          actual: str | None, score: str | None, deviation: str | None, extras: str | None,
                          raw: str, kind: str, op: str | None, value: str | None, unit: str | None,
                          direction: str | None, upper: str | None, start: Any, end: Any) -> Indicator:
    """An indicator from the column values of :data:`perfbudget.store.queries.INDICATOR_COLUMNS` (after the
    version id): the same object as :func:`indicator_from_row`, a few times faster (pages, bulk reviews)."""
    target = target_from_values(raw, kind, op, value, unit, direction, upper, start, end)
    # the record made without its frozen dataclass __init__ (quick_records: the same object)
    return new_indicator(level1, level2, level3, description, target, None if weight is None else Decimal(weight),
                         actual, None if score is None else Decimal(score), deviation,
                         tuple((a, b) for a, b in json.loads(extras)) if extras else (), None, None, {})


def indicators_by_version(rows: Iterable[Sequence[Any]]) -> dict[int, list[Indicator]]:
    """Rows of :data:`perfbudget.store.queries.INDICATOR_COLUMNS` with the indicator's position second
    (version id, position, level1, …), in any order, as each version's indicators in position order:
    :func:`indicator_from_values` for each, except that equal indicators are made once per process and
    shared (indicators are immutable; a province repeats its indicators — 满意度 ≥95%, the same 三级
    name and value in unit after unit — and making one is the dearest part of loading it), and equal
    targets are made once per call. The order is restored here rather than asked of the database: an
    ``ORDER BY`` over the joined rows made SQLite copy every one of them into a sorter, while the rows
    mostly come in order already (Python's sort runs through sorted runs in linear time)."""
    ordered = sorted(rows, key=_VERSION_POSITION)
    out: dict[int, list[Indicator]] = defaultdict(list)
    shared = _SHARED_INDICATORS
    made: dict[tuple[Any, ...], Target] = {}
    new = []
    for row in ordered:
        key = tuple(row[2:])
        indicator = shared.get(key)
        if indicator is None:
            indicator = _shared_indicator(key, key, made)
            new.append(key)
        out[row[0]].append(indicator)
    text_caches.read(texts_length(new))  # the texts of the indicators not shared from an earlier load, once a load
    return out


def shared_indicators(rows: Iterable[Sequence[Any]]) -> list[Indicator]:
    """Rows of the column values :func:`indicator_from_values` takes (one version's, in position order) as its
    indicators, each taken from the indicators made before in this process when equal (as
    :func:`indicators_by_version` does): a project page's indicators as the statement's JSON arrays give them
    (all text): about 40,000 fewer instructions a page where they repeat (callgrind, bench/README.md
    project-page13); a repeated one is a tuple and a look-up."""
    shared = _SHARED_INDICATORS
    made: dict[tuple[Any, ...], Target] = {}
    out = []
    new = []
    for values in rows:
        key = tuple(values)
        indicator = shared.get(key)
        if indicator is None:
            indicator = _shared_indicator(key, key, made)
            new.append(key)
        out.append(indicator)
    text_caches.read(texts_length(new))  # (as indicators_by_version)
    return out


def texts_length(rows: Iterable[Sequence[Any]]) -> int:
    """The characters of indicators' column values (:data:`perfbudget.store.queries.INDICATOR_COLUMNS` after the
    version id, each a text or None): what :mod:`perfbudget.text_caches` counts as loaded. Summed by a loader over
    the rows it made, in one C loop once a load (a genexpr over each indicator's values was +85 % of making one)."""
    return sum(map(len, filter(None, chain.from_iterable(rows))))


def _shared_indicator(key: Any, values: tuple[Any, ...], made: dict[tuple[Any, ...], Target]) -> Indicator:
    """The indicator of these column values (:func:`indicator_from_values`), its target taken from ``made``
    when equal, kept under ``key`` for the loads to come."""
    level1, level2, level3, description, weight, actual, score, deviation, extras, *target_values = values
    target_key = tuple(target_values)
    target = made.get(target_key)
    if target is None:
        target = made[target_key] = target_from_values(*target_key)
    indicator = new_indicator(level1, level2, level3, description, target,
                              None if weight is None else Decimal(weight), actual,
                              None if score is None else Decimal(score), deviation,
                              tuple((a, b) for a, b in json.loads(extras)) if extras else (), None, None, {})
    if len(_SHARED_INDICATORS) >= SHARED_INDICATORS_LIMIT:
        _SHARED_INDICATORS.clear()  # memory stays bounded whatever the province
    _SHARED_INDICATORS[key] = indicator
    return indicator


# An indicator row packed by the database into one JSON text (:func:`indicators_by_packed_rows`): the
# PACKED_FIELDS columns after the position as a JSON array (SQLite's ``json_array``), as text or as its UTF-8
# bytes. One text per row rather than eighteen values: the driver makes one object instead of eighteen, and
# the text is itself the key under which the indicator is shared (most rows of a province's chunk: an
# indicator seen before).
PACKED_FIELDS = 18


def unpack_indicator(packed: str | bytes) -> tuple[Any, ...] | None:
    """The column values of a packed indicator row (None when it is not an array of PACKED_FIELDS)."""
    values = json.loads(packed)
    if not isinstance(values, list) or len(values) != PACKED_FIELDS:
        return None
    return tuple(values)


def indicators_by_packed_rows(rows: Iterable[Sequence[Any]]) -> dict[int, list[Indicator]] | None:
    """:func:`indicators_by_version` for rows of (version id, position, the other columns packed into one
    JSON text, see :data:`PACKED_FIELDS`): the same indicators, shared alike (under their packed text); None
    when a row cannot be unpacked.

    The rows are put in order of version and position only when they do not come so already: SQLite
    gives each version's rows together and by position (from the index on both), the versions in
    another order, which matters nothing to the lists made; sorting 20,000 rows by (version, position)
    was about 2 % of a review worker's instructions."""
    rows = rows if isinstance(rows, list) else list(rows)
    out: dict[int, list[Indicator]] = defaultdict(list)
    if not _grouped_in_order(rows):
        rows = sorted(rows, key=_VERSION_POSITION)
    shared = _SHARED_INDICATORS
    made: dict[tuple[Any, ...], Target] = {}
    characters = 0
    for version, _position, packed in rows:
        indicator = shared.get(packed)
        if indicator is None:
            values = unpack_indicator(packed)
            if values is None:
                return None
            indicator = _shared_indicator(packed, values, made)
            characters += len(packed)  # (its UTF-8 bytes as SQLite gives them: up to 3 a Chinese character)
        out[version].append(indicator)
    text_caches.read(characters)  # the texts of the indicators not shared from an earlier load, once a load
    return out


def _grouped_in_order(rows: list[Sequence[Any]]) -> bool:
    """Whether each version's rows come together and by rising position (so that taking them as they
    come gives each version's list as sorting them by (version, position) would)."""
    seen: set[Any] = set()
    last_version: Any = None
    last_position: Any = None
    for version, position, _packed in rows:
        if version == last_version and last_version is not None:
            if not position > last_position:
                return False
        elif version in seen:
            return False
        else:
            seen.add(version)
            last_version = version
        last_position = position
    return True


# The indicators made by :func:`indicators_by_version`, by their columns' values (one process's bulk
# loads: a review worker's chunks share them); at most this many are kept.
SHARED_INDICATORS_LIMIT = 50_000
_SHARED_INDICATORS: dict[Any, Indicator] = {}  # by the columns' values, or their packed text
held_by(_SHARED_INDICATORS.clear)
_VERSION_POSITION = itemgetter(0, 1)


def indicator_from_row(row: Mapping[Any, Any]) -> Indicator:
    """An indicator from an ``indicators`` row joined with its ``targets`` row (target columns prefixed ``t_``)."""
    target = target_from_row({key[2:]: value for key, value in row.items() if key.startswith("t_")})
    return Indicator(
        level1=row["level1"],
        level2=row["level2"],
        level3=row["level3"],
        description=row["description"],
        target=target,
        weight=_undec(row["weight"]),
        actual=row["actual"],
        score=_undec(row["score"]),
        deviation=row["deviation"],
        extras=_pairs(row["extras"]),
    )


def project_texts_length(name: str, purpose: str | None, goals: str, extras: str | None) -> int:
    """The characters of a version row's texts that :mod:`perfbudget.text_caches` counts as loaded (a loader
    sums them over its rows and counts once)."""
    return len(name) + len(purpose or "") + len(goals) + len(extras or "")


def project_from_rows(version: Mapping[Any, Any], indicator_rows: list[Mapping[Any, Any]],
                      indicators: Iterable[Indicator] | None = None) -> Project:
    """A project from its version row (joined with the project's name, fund label and year); its
    indicators from ``indicator_rows``, or ``indicators`` when they are made already. The texts of the version
    and of ``indicator_rows`` are counted as loaded (:mod:`perfbudget.text_caches`; ``indicators`` by their load)."""
    text_caches.read(project_texts_length(version["name"], version["purpose"], version["goals"], version["extras"])
                     + sum(len(value) for row in indicator_rows for value in row.values() if type(value) is str))
    return project_from_values(
        version["seq"], version["title"], version["name"], version["fund_label"], version["fund_year"],
        version["fund_source"], version["budget_total"], version["budget_fiscal"], version["budget_other"],
        version["purpose"], version["goals"], version["name_cell"], version["extras"], version.get("complete", True),
        version.get("needs_check"),
        indicators if indicators is not None else (indicator_from_row(row) for row in indicator_rows),
        version.get("budget_execution"), version.get("table_figures"), version.get("budget_other_cell"))


def project_from_values(seq: int, title: str | None, name: str, fund_label: str | None, fund_year: int | None,
                        fund_source: str | None, budget_total: str | None, budget_fiscal: str | None,
                        budget_other: str | None, purpose: str | None, goals: str, name_cell: str | None,
                        extras: str | None, complete: Any, needs_check: str | None,
                        indicators: Iterable[Indicator], budget_execution: str | None = None,
                        table_figures: str | None = None, other_cell: Any = None) -> Project:
    """:func:`project_from_rows` from the version row's values in that order (a bulk load's tuples).
    ``other_cell``: the table had a 其他资金 cell: the project's sources keep that (:data:`OTHER_CELL`), which the
    review's ``fund-arithmetic`` asks, as of a table read (until replay-q a stored version lost it, so a split that
    does not add up beside a blank 其他资金 was flagged on the file and never on the stored version)."""
    # the record made without its dataclass __init__ (quick_records: the same object; 100,000 in a province's review)
    return new_project(
        seq, title, name, fund_label, fund_year, fund_source,
        new_budget(_undec(budget_total), _undec(budget_fiscal), _undec(budget_other), **_execution(budget_execution)),
        purpose, tuple(stored_json(goals)), _with_progress(tuple(indicators), table_figures), name_cell,
        _pairs(extras), bool(complete), None,
        tuple(stored_json(needs_check)) if needs_check else (), *_figures(table_figures), None,
        {OTHER_CELL: STORED_CELL} if other_cell else {})


_SCAN = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def stored_json(text: str) -> Any:
    """``json.loads(text)`` for a text the store wrote with ``json.dumps`` (nothing around the value): the C
    scanner called straight (``json.loads`` adds two whitespace matches and two Python calls); anything
    else goes to ``json.loads``."""
    try:
        value, end = _SCAN(text, 0)
    except StopIteration:
        return json.loads(text)  # its error
    return value if end == len(text) else json.loads(text)


def document_from_rows(document: Mapping[Any, Any], projects: list[Project]) -> Document:
    """A document from a row of its unit's code and name (``queries.UNIT_NOW``: the unit as it is now, not the file's
    copy), money unit and kind, and its projects."""
    return document_from_values(document["unit_code"], document["unit_name"], document["money_unit"],
                                document["kind"], projects)


def document_from_values(unit_code: str | None, unit_name: str | None, money_unit: str | None, kind: str,
                         projects: Iterable[Project]) -> Document:
    """:func:`document_from_rows` from the row's values."""
    return Document(unit=new_unit(unit_code, unit_name), money_unit=money_unit, projects=tuple(projects), kind=kind)
