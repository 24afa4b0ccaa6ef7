"""Where a goals grid's texts go: the expected goal (the project's goals) or the actual one (an extra).

A self-evaluation's goals grid is ``年度总体目标 | 预期目标 | 实际完成情况`` over a row holding the two texts
(``readers/header_block.py`` reads them slot by slot). Three shapes of it need more than the slots' order:

* the Anhui form heads the block ``年度总体目标完成情况 | 预期目标 | 实际完成情况``: the first label, elsewhere the
  actual column's own label, is here the block's side label (:func:`heads_goal_grid`);
* a grid that keeps its columns (a Word, Excel or HTML table, merged cells as blanks) may leave the 预期目标
  cell empty: the text standing under 实际完成情况 is the actual one, never the goal (:func:`goal_slot_at`);
* a copy that writes each column's text as lines of their own, one after the other (``目标1:… / 目标2:… /
  1.… / 2.…`` under the two labels), or a form glued into one stream of cells, gives more texts than the grid
  has columns: where the expected texts end is not said, so none is taken as a goal or as the actual text —
  they stay the table's unlabelled texts, as before (:func:`unsplit_goal_lines`), rather than 目标2 being read as
  the actual result (a section score run into the stream, ``… 目标实际完成情况 20 目标1:…``, is one text more).
"""

from __future__ import annotations

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import goal_column
from perfbudget.readers.parts import Parts


def heads_goal_grid(row: list[Cell], i: int) -> bool:
    """The cell at ``i`` is an actual-column label (年度总体目标完成情况) followed on its row, blanks skipped, by
    goal sub-labels one of which names the expected goal (预期目标 | 实际完成情况): it labels the whole block."""
    if goal_column(row[i].text) != "actual":
        return False
    roles = []
    for cell in row[i + 1:]:
        if cell.blank:
            continue
        role = goal_column(cell.text)
        if role is None:
            break
        roles.append(role)
    return "expected" in roles


def goal_slot_at(row: list[Cell], i: int, positions: tuple[int, ...], slot: int) -> int:
    """The goal slot of the value at ``i``: the slot of the label it stands under when every filled cell of
    the row stands under a goal label (the row kept its columns, an empty one blank); else ``slot``, the next
    in order (a copy that dropped the empty cells)."""
    if i in positions and all(k in positions for k, cell in enumerate(row) if not cell.blank):
        return positions.index(i)
    return slot


def note_goal_line(lines: list[tuple[str, Cell]] | None, cell: Cell, parts: Parts) -> list[tuple[str, Cell]]:
    """Record a goal text that stood alone on its line and was just taken into a slot."""
    taken = "goal" if parts.goals and parts.goals[-1] is cell else "extra"
    return [*(lines or ()), (taken, cell)]


def unsplit_goal_lines(lines: list[tuple[str, Cell]], slots: int, parts: Parts) -> None:
    """Put back the goal lines taken slot by slot when more lines stood under the grid than it has slots: all of
    them become the table's unlabelled texts again, in their order, where the first of them stood."""
    if len(lines) <= slots:
        return
    cells = [cell for _, cell in lines]
    ids = {id(cell) for cell in cells}
    parts.goals[:] = [cell for cell in parts.goals if id(cell) not in ids]
    at = next((k for k, (_, cell) in enumerate(parts.extras) if id(cell) in ids), len(parts.extras))
    kept = [(label, cell) for label, cell in parts.extras if id(cell) not in ids]
    parts.extras[:] = kept[:at] + [("", cell) for cell in cells] + kept[at:]
