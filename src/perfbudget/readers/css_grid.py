"""Tables a web page lays out with CSS grid (``display:grid``): the container's children are its cells, placed on
the grid by ``grid-column`` / ``grid-row`` (a line, ``a / b``, ``a / span n``, ``span n``; also ``grid-area`` and the
``-start``/``-end`` properties), by named lines (``[value-start] 1fr``: ``grid-column: value``, ``value 2``) and by
the areas of ``grid-template-areas`` (``"name name" "level target"``: ``grid-area: name``; also the ``grid-template``
shorthand's strings, each area's ``name-start`` / ``name-end`` lines) and, where they give no place, one after the
other in the columns of ``grid-template-columns`` (or of the areas) — as a browser places them (CSS Grid's sparse
auto-placement, rows added as needed).

A grid becomes a real ``<table>`` (its rows ``<tr>``, each child a ``<td>`` with its ``colspan``/``rowspan``, an
empty ``<td>`` for each position no child covers) when it makes two rows of two cells or more; the HTML reader
then reads it as any table. Styles are read inline and from the page's style sheets by class (``.cell{…}``,
``div.cell{…}``). A grid whose columns cannot be known (``repeat(auto-fill, …)`` without placed children) stays as
it is, as does one placing an item by a name it does not give (a browser would add lines past the grid's) or by
``span name``. Bounded: lines past 1,000, spans past 100 and a grid covering more positions than ``max_cells`` leave
the grid as it is.
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
_IDENT = re.compile(r"^(?!(?:auto|span)$)-?[^\W\d][\w-]*$")
_NAMED_LINE = re.compile(r"^(?!(?:auto|span)\b)(-?[^\W\d][\w-]*)(?:\s+(\d+))?$")
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


def _template_lines(template: str) -> tuple[int, dict[str, list[int]]] | None:
    """How many tracks a ``grid-template-columns`` / ``-rows`` value makes (``120px 1fr``, ``repeat(4, 1fr)``,
    ``minmax(0, 2fr)``) and its named lines (``[label-start] 8em [label-end value-start] 1fr``: each name → its
    lines, 1-based, in order); None when the browser decides (``auto-fill``, ``auto-fit``) or it is unreadable."""
    count, depth, token = 0, 0, False
    names: dict[str, list[int]] = {}
    index = 0
    while index < len(template):
        char = template[index]
        if template.startswith("repeat(", index) and depth == 0:
            end = _closing(template, index + 6)
            if end is None:
                return None
            times, _, inner = template[index + 7:end].partition(",")
            inner_lines = _template_lines(inner)
            if not times.strip().isdigit() or inner_lines is None:
                return None
            inner_count, inner_names = inner_lines
            for repeat in range(min(int(times), _MOST_LINE)):
                for name, numbers in inner_names.items():
                    names.setdefault(name, []).extend(count + repeat * inner_count + n for n in numbers)
            count += int(times) * inner_count
            index, token = end + 1, False
            continue
        if char == "[" and depth == 0:
            end = template.find("]", index)
            if end < 0:
                return None
            for name in template[index + 1:end].split():
                names.setdefault(name, []).append(count + 1)
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
    if not 0 <= count <= _MOST_LINE:
        return None
    return count, {name: sorted(set(numbers)) for name, numbers in names.items()}


def _areas(text: str) -> tuple[int, int, dict[str, tuple[int, int, int, int]]] | None:
    """The named areas of ``grid-template-areas`` (or of the ``grid-template`` shorthand's strings: ``"name name
    target" "level1 level2 target"``): rows, columns and each name's rectangle (first row line, last row line, first
    column line, last column line; 1-based). None where none is given, or for what a browser drops as invalid (rows
    of unequal length, a name not a rectangle)."""
    rows = [row.split() for row in re.findall(r"[\"']([^\"']*)[\"']", text)]
    if not rows or any(len(row) != len(rows[0]) for row in rows) or not rows[0] or len(rows) > _MOST_LINE \
            or len(rows[0]) > _MOST_LINE:
        return None
    cells: dict[str, list[tuple[int, int]]] = {}
    for r, row in enumerate(rows):
        for c, name in enumerate(row):
            if not re.fullmatch(r"\.+", name):  # ``.`` (or ``...``): a position no area names
                cells.setdefault(name, []).append((r, c))
    areas: dict[str, tuple[int, int, int, int]] = {}
    for name, places in cells.items():
        top, bottom = min(r for r, _ in places), max(r for r, _ in places)
        left, right = min(c for _, c in places), max(c for _, c in places)
        if len(places) != (bottom - top + 1) * (right - left + 1):
            return None
        areas[name] = (top + 1, bottom + 2, left + 1, right + 2)
    return len(rows), len(rows[0]), areas


def _grid_lines(style: dict[str, str]) -> tuple[int | None, dict[str, dict[str, list[int]]]]:
    """A grid container's columns (from its column template and its areas; None when the browser decides) and its
    named lines by axis (``row``, ``column``): those of the templates and each area's ``name-start`` / ``name-end``.
    The ``grid-template`` shorthand gives the rows (area strings, line names) before its ``/``, the columns after."""
    rows_part, slash, columns_part = style.get("grid-template", "").partition("/")
    columns_template = style.get("grid-template-columns") or (columns_part if slash else "")
    columns_lines = _template_lines(columns_template) if columns_template else None
    columns = columns_lines[0] or None if columns_lines is not None else None
    names: dict[str, dict[str, list[int]]] = {"row": {}, "column": dict(columns_lines[1]) if columns_lines else {}}
    if (rows_template := style.get("grid-template-rows")) is not None:
        names["row"] = dict((_template_lines(rows_template) or (0, {}))[1])
    else:  # ``[top] "a a" 40px [middle] "b c" / 1fr 1fr``: a row a string
        line = 1
        for token in re.findall(r"\[[^\]]*\]|[\"'][^\"']*[\"']", rows_part):
            if token.startswith("["):
                for name in token[1:-1].split():
                    names["row"].setdefault(name, []).append(line)
            else:
                line += 1
    if (areas := _areas(style.get("grid-template-areas") or rows_part)) is not None:
        _rows, area_columns, rectangles = areas
        if columns is not None or not columns_template:  # (a template the browser fills decides)
            columns = max(columns or 0, area_columns)
        for name, (top, bottom, left, right) in rectangles.items():
            for axis, (first, last) in (("row", (top, bottom)), ("column", (left, right))):
                names[axis].setdefault(f"{name}-start", []).append(first)
                names[axis].setdefault(f"{name}-end", []).append(last)
    return columns, {axis: {name: sorted(set(lines)) for name, lines in by_name.items()}
                     for axis, by_name in names.items()}


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


def _axis(style: dict[str, str], axis: str, area_index: tuple[int, int],
          names: dict[str, list[int]] | None = None) -> tuple[int | None, int] | None:
    """An item's place on one axis: (its first line, 1-based, or None to be placed automatically; its span). Named
    lines and areas are found in ``names`` (the container's, :func:`_grid_lines`). None for a value not understood
    (a line no name gives, a negative line, ``span name``): the grid is then left as it is."""
    names = names or {}
    start_text, end_text = "auto", "auto"
    if area := style.get("grid-area"):
        parts = [part.strip() for part in area.split("/")][:4]
        while len(parts) < 4:  # an area's name stands for the parts left out (``grid-area: target``)
            given = parts[1] if len(parts) == 3 else parts[0]
            parts.append(given if _IDENT.match(given) else "auto")
        start_text, end_text = parts[area_index[0]], parts[area_index[1]]
    if shorthand := style.get(f"grid-{axis}"):
        start_text, slash, end_text = (part.strip() for part in shorthand.partition("/"))
        end_text = end_text if slash else (start_text if _IDENT.match(start_text) else "auto")
    start_text = style.get(f"grid-{axis}-start", start_text)
    end_text = style.get(f"grid-{axis}-end", end_text)
    start = _line(start_text, names, "start")
    end = _line(end_text, names, "end")
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


def _line(text: str, names: dict[str, list[int]] | None = None, side: str = "start") -> tuple[int, int | None] | None:
    """``auto`` → (0, None); ``3`` → (0, 3); ``span 2`` → (2, None); a name (``value``, ``value 2``: the line
    ``value-start`` / ``value-end`` of an area, else the first or nth line of that name) → (0, its line); None for
    what is not understood."""
    text = text.strip()
    if text in ("", "auto"):
        return 0, None
    match = _LINE.match(text)
    if match is None:
        named = _NAMED_LINE.match(text)
        if named is None or names is None:
            return None
        name, nth = named.group(1), int(named.group(2) or 0)
        lines = names.get(f"{name}-{side}") if not nth else None
        lines = lines or names.get(name) or []
        index = (nth or 1) - 1
        return (0, lines[index]) if 0 <= index < len(lines) and lines[index] <= _MOST_LINE else None
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
        columns, lines = _grid_lines(style)
        items: list[tuple[Any, tuple[int | None, int], tuple[int | None, int]]] = []
        for child in children:
            child_style = _style(child, classes)
            row = _axis(child_style, "row", (0, 2), lines["row"])
            column = _axis(child_style, "column", (1, 3), lines["column"])
            if row is None or column is None:
                items = []
                break
            items.append((child, row, column))
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
