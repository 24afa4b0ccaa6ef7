"""The 总分 row closing a self-evaluation's indicators (``总分 | | | | | 100 | 99 |``), kept as project extras.

The indicator rows end at a footer (:func:`perfbudget.readers.labels.is_footer`: 总分, 合计, 注：…); until kinds23 a
self-evaluation's 总分 row ended them and its figures — the table's own total of 分值 and of 得分, sometimes its 等级 —
were dropped without a word. They are the project's now. The row's figures are its cells after the label up to
the first cell that is no figure (a number, with 分 or % after it; a grade 优 良 中 差, after a label such as 自评等级):
the footer that may follow in the same row (评价结论 …) is not read, as before. Where each figure stands under a 分值,
得分 or 实际完成值 column of the indicator header (the row as wide as the header, or its blank cells kept and only its
trailing ones left off), each is kept under its column's header (``总分/分值`` = ``100``, ``总分/得分`` = ``99``);
otherwise (a text row that lost its empty cells: ``总分 100 100``) the figures in order under the row's label
(``总分`` = ``100 100``), never placed by guess — but where its figures are as many as the header's 分值 and 得分
columns (one each, or one of them alone) and each is plain points, the full mark no smaller than the score, they
stand under those columns in their order, as a person reads ``合计 | 100 | 92.5`` (kinds35). A grade (优 良 中 差)
beside figures that stand under their columns is kept as ``总分/等级`` (until kinds24 it made the whole row's figures
unplaced, ``总分`` = ``100 99 优``), also after figures that lost their empty cells and written with its label in
one cell (``合计 | 100 | 100.00 | 自评等级：优``, kinds38: the total was kept unplaced, or the grade lost). Only
the first such row is read, and only in a table with self-evaluation columns.
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import is_footer, label_key

# the labels of a total row (each also a footer label, so the indicators end there)
TOTAL_ROWS = frozenset({"总分", "合计", "总分合计", "得分合计"})
_FIGURE = re.compile(r"^(?:\d+(?:\.\d+)?\s*[分%％]?|优秀?|良好?|中|差|合格|不合格)$")
# a grade, bare or after its label in the same cell (自评等级：优, 评价等级为良: kinds38)
_GRADE_CELL = re.compile(r"^(?:(?:自评|评价|绩效)?(?:等级|结果|评级)\s*(?:[:：]|为)\s*)?"
                         r"(优秀?|良好?|中|差|合格|不合格)$")
_GRADE_LABEL = re.compile(r"^(?:自评|评价|绩效)?(?:等级|结果|评级)[:：]?$")
_PLACED_ROLES = frozenset({"weight", "score", "actual"})
_POINTS = re.compile(r"^\d+(?:\.\d+)?\s*分?$")


def total_row_extras(rows: list[list[Cell]], columns: list[tuple[str, str]],
                     roles: list[str | None]) -> list[tuple[str, Cell]]:
    """The extras of the first 总分 row among ``rows`` (see the module's note); empty when there is none.
    ``roles`` are the indicator header's column roles (``weight``, ``score`` …) in the order of ``columns``."""
    for row in rows:
        first = next((k for k, cell in enumerate(row) if not cell.blank), None)
        if first is None or not is_footer(row[first].text):
            continue
        label = label_key(row[first].text)
        if label not in TOTAL_ROWS:
            return []  # another footer (注：, 填表人) comes first: the rows after it are no part of the indicators
        figures: list[int] = []
        for k in range(first + 1, len(row)):
            text = row[k].text.strip()
            if not text or _GRADE_LABEL.match(text):
                continue
            if not _FIGURE.match(text):
                if _GRADE_CELL.match(text):
                    figures.append(k)  # 自评等级：优 in one cell (kinds38): the row's grade, its last figure
                break
            figures.append(k)
        if not figures:
            return []
        kept_places = len(row) == len(columns) or (
            len(row) < len(columns) and any(c.blank for c in row[first + 1:figures[-1]]))
        grades = {k: Cell(found.group(1), row[k].source) for k in figures
                  if (found := _GRADE_CELL.match(row[k].text.strip()))}
        if kept_places and all(roles[k] in _PLACED_ROLES for k in figures) and not grades:
            return [(f"{label}/{columns[k][1].strip()}", row[k]) for k in figures]
        points = [k for k in figures if k not in grades]
        graded = [(f"{label}/等级", grades[k]) for k in grades]
        if kept_places and grades and all(roles[k] in _PLACED_ROLES for k in points):
            # 总分 | … | 100 | 99 | 优: the figures under their columns, the grade (under no such column) as 等级
            return [(f"{label}/{columns[k][1].strip()}", row[k]) for k in points] + graded
        if not kept_places and points and (placed := _points_columns([row[k] for k in points], roles)) is not None:
            # 总分 | 100 | 100.00 | 优 without its empty cells: the grade after the figures no obstacle (kinds38)
            return [(f"{label}/{columns[k][1].strip()}", cell) for k, cell in placed] + graded
        return [(label, Cell(" ".join(row[k].text.strip() for k in figures), row[figures[0]].source))]
    return []


def _points_columns(cells: list[Cell], roles: list[str | None]) -> list[tuple[int, Cell]] | None:
    """The header's column of each figure of a total row that lost its empty cells (``合计 | 100 | 92.5``): the
    分值 and 得分 columns in their order when the figures are as many, each plain points, and the one under 分值 (the
    full mark) no smaller than the one under 得分; else None (``合计 | 95`` beside both columns: the mark or the
    score, a person cannot tell)."""
    columns = [k for k, role in enumerate(roles) if role in ("weight", "score")]
    if len(cells) != len(columns) or len({roles[k] for k in columns}) != len(columns) \
            or not all(_POINTS.match(cell.text.strip()) for cell in cells):
        return None
    figures = {roles[k]: Decimal(cell.text.strip().rstrip("分").strip())
               for k, cell in zip(columns, cells, strict=True)}
    if "weight" in figures and "score" in figures and figures["weight"] < figures["score"]:
        return None
    return list(zip(columns, cells, strict=True))
