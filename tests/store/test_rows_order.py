"""The bulk loader's indicators (``rows.indicators_by_version``) come in position order whatever order
the database gives the rows in (the query has no ORDER BY), and equal targets are shared."""

from __future__ import annotations

import random

import pytest

from perfbudget.store.rows import indicator_from_values, indicators_by_version


def _row(version: int, position: int) -> tuple[object, ...]:
    raw = f"≥{position % 3 + 1}次" if position % 4 else "有效保障"
    quantitative = bool(position % 4)
    return (version, position, "产出指标", "数量指标", f"指标{version}-{position}", None, None, None, None, None,
            '[["备注", "甲"]]' if position == 2 else None, raw, "quantitative" if quantitative else "qualitative",
            ">=" if quantitative else None, str(position % 3 + 1) if quantitative else None,
            "次" if quantitative else None, "positive" if quantitative else None, None, None, None)


def test_rows_in_any_order_give_each_version_its_indicators_in_position_order() -> None:
    rows = [_row(version, position) for version in (7, 3, 12) for position in range(1, 15)]
    expected = {version: [indicator_from_values(*row[2:]) for row in rows if row[0] == version]
                for version in (7, 3, 12)}
    shuffled = rows[:]
    random.Random(17).shuffle(shuffled)
    for given in (rows, shuffled, rows[::-1]):
        got = indicators_by_version(given)
        assert dict(got) == expected
        assert [i.level3 for i in got[3]] == [f"指标3-{p}" for p in range(1, 15)]
    got = indicators_by_version(shuffled)
    targets = {id(i.target) for indicators in got.values() for i in indicators}
    assert len(targets) == len({i.target for indicators in got.values() for i in indicators})  # shared


def test_equal_indicators_are_shared_and_their_store_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from perfbudget.store import rows as store_rows

    monkeypatch.setattr(store_rows, "_SHARED_INDICATORS", {})
    rows = [_row(version, position) for version in (1, 2) for position in range(1, 9)]
    fresh = {version: [indicator_from_values(*row[2:]) for row in rows if row[0] == version] for version in (1, 2)}
    first = indicators_by_version(rows)
    again = indicators_by_version([(9, *row[1:]) for row in rows if row[0] == 1])  # another version, same rows
    assert dict(first) == fresh and again[9] == fresh[1]
    assert all(a is b for a, b in zip(again[9], first[1], strict=True))  # made once, shared
    monkeypatch.setattr(store_rows, "SHARED_INDICATORS_LIMIT", 3)
    store_rows._SHARED_INDICATORS.clear()
    bounded = indicators_by_version(rows)
    assert dict(bounded) == fresh and len(store_rows._SHARED_INDICATORS) <= 3


def test_packed_rows_give_the_indicators_the_columns_give() -> None:
    import json

    from perfbudget.store.rows import indicators_by_packed_rows

    rows = [_row(version, position) for version in (7, 3) for position in range(1, 9)]
    rows.append((3, 9, "产出指标", "质量指标", '含"引号"\\与\x1f控制符', "说明\n换行", "5", None, None, None, None,
                 "≥95%", "quantitative", ">=", "95", "%", "positive", None, "2025-01", None))
    packed = [(row[0], row[1], json.dumps(list(row[2:]), ensure_ascii=False)) for row in rows]
    random.Random(5).shuffle(packed)
    assert dict(indicators_by_packed_rows(packed) or {}) == dict(indicators_by_version(rows))
    assert indicators_by_packed_rows([(1, 1, "[1, 2]")]) is None  # not the columns: read them instead


def test_packed_rows_as_sqlite_gives_them_are_taken_as_they_come_else_sorted() -> None:
    import json

    from perfbudget.store.rows import _grouped_in_order, indicators_by_packed_rows

    rows = [_row(version, position) for version in (7, 3, 12) for position in range(1, 6)]
    packed = [(row[0], row[1], json.dumps(list(row[2:]), ensure_ascii=False)) for row in rows]
    expected = dict(indicators_by_version(rows))
    assert _grouped_in_order(packed)  # each version together, by position; the versions in any order
    split = packed[:3] + packed[5:8] + packed[3:5] + packed[8:]  # version 7's rows not together
    swapped = [packed[1], packed[0], *packed[2:]]  # positions 2, 1
    repeated = [packed[0], *packed]  # position 1 twice
    for given in (split, swapped, repeated, packed[::-1]):
        assert not _grouped_in_order(given)
    for given in (packed, split, swapped, packed[::-1], iter(packed)):
        assert dict(indicators_by_packed_rows(given) or {}) == expected
    assert [i.level3 for i in (indicators_by_packed_rows(repeated) or {})[7]] == [
        "指标7-1", "指标7-1", "指标7-2", "指标7-3", "指标7-4", "指标7-5"]  # equal places kept as given, as sorted


def test_a_page_s_indicators_from_its_json_rows_are_the_same_and_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    from perfbudget.store import rows as store_rows

    monkeypatch.setattr(store_rows, "_SHARED_INDICATORS", {})
    values = [list(_row(1, position)[2:]) for position in range(1, 9)]  # as the JSON arrays come: lists
    fresh = [indicator_from_values(*v) for v in values]
    first = store_rows.shared_indicators(values)
    again = store_rows.shared_indicators([list(v) for v in values])
    assert first == fresh and again == fresh
    assert all(a is b for a, b in zip(again, first, strict=True))
    changed = [*values[:-1], [*values[-1][:-9], "≥9次", *values[-1][-8:]]]  # another target's raw text
    assert store_rows.shared_indicators(changed)[-1].target.raw == "≥9次"
