"""A table read the same however a person copies or edits it: ``bench/edit_invariance.py`` on a fixed sample of
real corpus tables (one or more of each text layout), every edit of ``tests/readers/copy_edits.py`` that fits it
(139 pairs). Main 4f9cdfa2 read ten of them otherwise — eight read, no new error, another reading: a year typed full
width gave none, ``＞＝95%`` under 具体指标 moved every cell, a repeated header with its side label became an
indicator, a title row one cell a line lost the year; a glued ``>=90%`` was an error, a notice's ``(＞＝**株)``
refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.copy_edits import EDITS, Copy, copy_of, outcome

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "corpus"
# pipe rows (a repeated header with its side label; a title and year note above; a quote in a name; cut), one cell a
# line with pipes, one a paragraph (具体指标), space rows, glued rows, a notice's sentences
SAMPLE = ("114", "24", "55", "106", "108", "176", "01", "02", "75")


def _table(number: str) -> Path:
    return next(CORPUS.glob(f"{number}_*.txt"))


def test_every_edit_says_where_it_applies() -> None:
    """Each edit is a pure function with a docstring naming the copy that does it; one that does not fit a layout
    gives None (a blank line between cells of a cell-a-line copy would be an empty cell)."""
    assert all(edit.__doc__ for edit in EDITS.values())
    copy = Copy("\n".join(["\t项目名称", "\t某项目"]), "tab-cells", ())
    assert EDITS["blank_lines_between_rows"](copy) is None and EDITS["one_cell_a_line"](copy) is None


@pytest.mark.parametrize("number", SAMPLE)
def test_a_sample_of_real_tables_reads_the_same_under_every_edit(number: str) -> None:
    path = _table(number)
    copy, base = copy_of(path.read_text(encoding="utf-8"), path.name)
    assert base[2] and base[0][1:], "the unedited table is read"
    applied = {name: edited for name, edit in EDITS.items() if (edited := edit(copy)) is not None}
    assert len(applied) >= 8
    differ = {name: result for name, edited in applied.items()
              if (result := outcome(base, edited, path.name)[0]) != "same"}
    assert differ == {}
