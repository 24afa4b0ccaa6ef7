"""Tables a web page lays out with CSS grid (``display:grid``): the container's children are its cells, placed on
the grid by ``grid-column`` / ``grid-row`` (a line, ``a / b``, ``a / span n``, ``span n``; also ``grid-area`` and the
``-start``/``-end`` properties) and, where they give no place, one after the other in the columns of
``grid-template-columns`` — as a browser places them (CSS Grid's sparse auto-placement, rows added as needed).

A grid becomes a real ``<table>`` (its rows ``<tr>``, each child a ``<td>`` with its ``colspan``/``rowspan``, an
empty ``<td>`` for each position no child covers) when it makes two rows of two cells or more; the HTML reader
then reads it as any table. Styles are read inline and from the page's style sheets by class (``.cell{…}``,
``div.cell{…}``). A grid whose columns cannot be known (``repeat(auto-fill, …)`` without placed children) stays as
it is. Bounded: lines past 1,000, spans past 100 and a grid covering more positions than ``max_cells`` leave the
grid as it is.
"""

from __future__ import annotations

import re
from typing import Any

# A rule starts at the sheet's start or after a brace, a declaration's name after no name character: the same matches
# as without those conditions, but a run of text that is no rule (no 「{」 after it) or no declaration (no 「:」) is
# scanned once, not again from each of its characters (40 KB of 「a」 in a <style>, or in one style attribute, cost
# 16–24 s of CPU in each pattern's findall until attack26).
_RULE = re.compile(r"(?:^|(?<=[{}]))([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"^[\w-]*\.([\w-]+)$")
_DECLARATION = re.compile(r"(?<![\w-])([\w-]+)\s*:\s*([^;]*)")
_GRID = re.compile(r"^(?:inline-)?grid$")
_LINE = re.compile(r"^(?:(span)\s+)?(-?\d+)$")
_MOST_LINE = 1000
_MOST_SPAN = 100
_PLACEMENT = ("grid-column", "grid-row", "grid-area", "grid-column-start", "grid-column-end", "grid-row-start",
              "grid-row-end")


def class_styles(soup: Any) -> dict[str, dict[str, str]]:
    """The declarations the page's style sheets give each class (``.cell{grid-column:span 3}``), by class."""
    classes: dict[str, dict[str, str]] = {}
    for style in soup.find_all("style"):
        for selectors, body in _RULE.findall(style.get_text()):
            declared = _declarations(body)
            for selector in selectors.split(","):
                if (match := _CLASS_SELECTOR.match(selector.strip())) is not None:
                    classes.setdefault(match.group(1), {}).update(declared)
    return classes


def _declarations(body: str) -> dict[str, str]:
    return {name.lower(): re.sub(r"\s*!\s*important\s*$", "", value).strip().lower()
            for name, value in _DECLARATION.findall(body)}


def _style(node: Any, classes: dict[str, dict[str, str]]) -> dict[str, str]:
    """An element's declarations: its classes' in order, then its own ``style`` (which wins)."""
    style: dict[str, str] = {}
    for name in node.get("class") or ():
        style.update(classes.get(name, {}))
    inline = node.get("style")
    if isinstance(inline, str):
        style.update(_declarations(inline))
    return style


def _tracks(template: str) -> int | None:
    """How many columns a ``grid-template-columns`` value makes (``120px 1fr``, ``repeat(4, 1fr)``,
    ``[a] 1fr [b] minmax(0, 2fr)``); None when the browser decides (``auto-fill``, ``auto-fit``) or it is unreadable."""
    if "/" in template:  # the grid-template shorthand: rows / columns
        template = template.split("/", 1)[1]
    template = re.sub(r"\[[^\]]*\]", " ", template)
    count, depth, token = 0, 0, False
    index = 0
    while index < len(template):
        char = template[index]
        if template.startswith("repeat(", index) and depth == 0:
            end = _closing(template, index + 6)
            if end is None:
                return None
            times, _, inner = template[index + 7:end].partition(",")
            inner_count = _tracks(inner)
            if not times.strip().isdigit() or inner_count is None:
                return None
            count += int(times) * inner_count
            index, token = end + 1, False
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char.isspace() and depth == 0:
            token = False
        elif not token and depth == 0:
            count, token = count + 1, True
        index += 1
    return count if 0 < count <= _MOST_LINE else None


def _closing(text: str, opening: int) -> int | None:
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return None


def _axis(style: dict[str, str], axis: str, area_index: tuple[int, int]) -> tuple[int | None, int] | None:
    """An item's place on one axis: (its first line, 1-based, or None to be placed automatically; its span). None
    for a value not understood (a named line, a negative line): the grid is then left as it is."""
    start_text, end_text = "auto", "auto"
    if area := style.get("grid-area"):
        parts = [part.strip() for part in area.split("/")]
        start_text = parts[area_index[0]] if len(parts) > area_index[0] else "auto"
        end_text = parts[area_index[1]] if len(parts) > area_index[1] else "auto"
    if shorthand := style.get(f"grid-{axis}"):
        start_text, _, end_text = (part.strip() for part in shorthand.partition("/"))
        end_text = end_text or "auto"
    start_text = style.get(f"grid-{axis}-start", start_text)
    end_text = style.get(f"grid-{axis}-end", end_text)
    start = _line(start_text)
    end = _line(end_text)
    if start is None or end is None:
        return None
    (start_span, start_line), (end_span, end_line) = start, end
    if start_span:
        if end_line is not None and not end_span:  # span n / b
            return max(end_line - start_span, 1), start_span
        return None, start_span
    if start_line is None:
        if end_line is not None and not end_span:  # auto / b: the line before b
            return max(end_line - 1, 1), 1
        return None, end_span or 1
    if end_span:
        return start_line, end_span
    if end_line is not None:
        low, high = sorted((start_line, end_line))
        return low, max(high - low, 1)
    return start_line, 1


def _line(text: str) -> tuple[int, int | None] | None:
    """``auto`` → (0, None); ``3`` → (0, 3); ``span 2`` → (2, None); None for what is not understood."""
    text = text.strip()
    if text in ("", "auto"):
        return 0, None
    match = _LINE.match(text)
    if match is None:
        return None
    number = int(match.group(2))
    if match.group(1):
        return (min(number, _MOST_SPAN), None) if number > 0 else None
    return (0, number) if 0 < number <= _MOST_LINE else None


class _Placed:
    def __init__(self, node: Any, row: int, column: int, rows: int, columns: int) -> None:
        self.node, self.row, self.column, self.rows, self.columns = node, row, column, rows, columns


def _place(items: list[tuple[Any, tuple[int | None, int], tuple[int | None, int]]], columns: int,
           most_cells: int) -> list[_Placed] | None:
    """CSS Grid's auto-placement (sparse, rows added as needed) on a grid of ``columns`` columns (0-based places);
    None past ``most_cells`` positions."""
    taken: set[tuple[int, int]] = set()
    placed: list[_Placed] = []
    area = [0]  # the positions the items cover, overlaps counted at each

    def free(row: int, column: int, rows: int, span: int) -> bool:
        return column + span <= columns and all((r, c) not in taken for r in range(row, row + rows)
                                                for c in range(column, column + span))

    def put(node: Any, row: int, column: int, rows: int, span: int) -> bool:
        area[0] += rows * span
        if area[0] > most_cells:
            return False
        for r in range(row, row + rows):
            for c in range(column, column + span):
                taken.add((r, c))
        placed.append(_Placed(node, row, column, rows, span))
        return True

    later = []
    for node, (row, rows), (column, span) in items:  # 1. the items placed on both axes
        if row is not None and column is not None:
            if not put(node, row - 1, column - 1, rows, span):
                return None
        else:
            later.append((node, (row, rows), (column, span)))
    rest = []
    for node, (row, rows), (column, span) in later:  # 2. the items locked to a row
        if row is not None:
            start = next((c for c in range(columns - span + 1) if free(row - 1, c, rows, span)), None)
            if start is None or not put(node, row - 1, start, rows, span):
                return None
        else:
            rest.append((node, rows, (column, span)))
    cursor_row, cursor_column = 0, 0
    for node, rows, (column, span) in rest:  # 3. the others, from a cursor that only moves on
        span = min(span, columns)
        if column is not None:
            if column - 1 < cursor_column:
                cursor_row += 1
            cursor_column = column - 1
            while not free(cursor_row, cursor_column, rows, span):
                cursor_row += 1
                if cursor_row > most_cells:
                    return None
        else:
            while not free(cursor_row, cursor_column, rows, span):
                cursor_column += 1
                if cursor_column + span > columns:
                    cursor_row, cursor_column = cursor_row + 1, 0
                if cursor_row > most_cells:
                    return None
        if not put(node, cursor_row, cursor_column, rows, span):
            return None
        cursor_column += span
    return placed


def grid_tables(soup: Any, most_cells: int) -> int:
    """Make each CSS grid of the page that lays out two rows of two cells or more a real ``<table>``; the number
    made."""
    classes = class_styles(soup)
    made = 0
    containers = [node for node in soup.find_all(True) if node.name not in ("table", "tr", "td", "th")
                  and _GRID.match(_style(node, classes).get("display", ""))]
    for container in reversed(containers):  # the innermost first: a grid in a cell stays inside that cell
        style = _style(container, classes)
        if str(container.get("role") or "").strip().lower() in _ROLES:
            continue  # an ARIA grid or table: read by its roles (html._drawn_tables)
        children = _items(container, classes)
        items: list[tuple[Any, tuple[int | None, int], tuple[int | None, int]]] = []
        for child in children:
            child_style = _style(child, classes)
            row, column = _axis(child_style, "row", (0, 2)), _axis(child_style, "column", (1, 3))
            if row is None or column is None:
                items = []
                break
            items.append((child, row, column))
        template = style.get("grid-template-columns") or style.get("grid-template") or ""
        columns = _tracks(template) if template else None
        placed_columns = [column + span - 1 for _node, _row, (column, span) in items if column is not None]
        columns = max([columns or 0, *placed_columns]) or None
        if not items or columns is None:
            continue
        placed = _place(items, columns, most_cells)
        if placed is None or not _table_like(placed) or max(i.row + i.rows for i in placed) * columns > most_cells:
            continue  # (the positions of the grid a table would make, empty ones too, bounded as cells are)
        _as_table(soup, container, placed, columns)
        made += 1
    return made


_ROLES = frozenset({"grid", "treegrid", "table"})


def _items(container: Any, classes: dict[str, dict[str, str]]) -> list[Any]:
    """The grid's items: its children, those with ``display:contents`` (a row wrapper some pages use) replaced by
    their own children, those not shown left out."""
    items: list[Any] = []
    stack = list(reversed(container.find_all(True, recursive=False)))
    while stack:
        child = stack.pop()
        display = _style(child, classes).get("display")
        if display == "none" or child.has_attr("hidden"):
            continue
        if display == "contents":
            stack.extend(reversed(child.find_all(True, recursive=False)))
        else:
            items.append(child)
    return items


def _table_like(placed: list[_Placed]) -> bool:
    starts: dict[int, int] = {}
    for item in placed:
        starts[item.row] = starts.get(item.row, 0) + 1
    return sum(1 for count in starts.values() if count >= 2) >= 2


def _as_table(soup: Any, container: Any, placed: list[_Placed], columns: int) -> None:
    """Rebuild ``container`` as a table of the placed items: a row per grid row, the items starting in it in
    column order, an empty cell for each position nothing covers."""
    rows = max(item.row + item.rows for item in placed)
    covered: set[tuple[int, int]] = set()
    starting: dict[tuple[int, int], _Placed] = {}
    for item in placed:
        starting[(item.row, item.column)] = item
        covered.update((r, c) for r in range(item.row, item.row + item.rows)
                       for c in range(item.column, item.column + item.columns))
    for child in list(container.children):
        child.extract()
    container.name = "table"
    for r in range(rows):
        tr = soup.new_tag("tr")
        for c in range(columns):
            start = starting.get((r, c))
            if start is not None:
                start.node.name = "td"
                if start.rows > 1:
                    start.node["rowspan"] = str(start.rows)
                if start.columns > 1:
                    start.node["colspan"] = str(start.columns)
                tr.append(start.node)
            elif (r, c) not in covered:
                tr.append(soup.new_tag("td"))
        container.append(tr)
