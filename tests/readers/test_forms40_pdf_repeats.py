"""A page's first row looked for among the open table's earlier rows once a row (forms40, FAILURES.md section CM):
``pdf._repeats_a_row`` made every earlier row's texts again on each page (≈ 20 s at 2,000 pages of 50,000 rows).
Fails on 4f9cdfa2's ``src`` (no ``_SeenRows``)."""

from __future__ import annotations

import random

import pytest

from perfbudget.model import Source
from perfbudget.readers import pdf
from perfbudget.readers.grid import Cell


def _row(*texts: str) -> list[Cell]:
    return [Cell(text, Source("t.pdf")) for text in texts]


def test_each_row_s_texts_are_made_once_and_the_answers_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    made = 0
    texts = pdf._texts

    def counted(row: list[Cell]) -> tuple[str, ...]:
        nonlocal made
        made += 1
        return texts(row)

    monkeypatch.setattr(pdf, "_texts", counted)
    chooser = random.Random(40)
    heading = _row("一级指标", "二级指标", "三级指标", "指标值")
    table = [heading]
    seen = pdf._SeenRows()
    seen.went_on(table, 1)
    answers = []
    for page in range(400):
        rows = [_row("产出指标", "数量指标", f"指标{page}-{n}", f"{chooser.randint(1, 5)}") for n in range(25)]
        if chooser.random() < 0.3:
            rows.insert(0, heading if chooser.random() < 0.5 else table[chooser.randrange(len(table))])
        expected = any(texts(row) == texts(rows[0]) for row in table)  # (the old comparison, uncounted)
        found = pdf._repeats_a_row(rows, table, seen)
        answers.append(found == expected)
        if not found:
            table[-1] = _row(*texts(table[-1])[:3], "已改")  # (the last row edited by the next page, as a join does)
            table.extend(rows)
            seen.went_on(table, len(rows))
    assert all(answers)
    assert made <= 2 * len(table) + 2 * 400  # (4f9cdfa2: every earlier row each page, ≈ 200 × len(table))
