"""Lines above a table that hold the table's first fields as ``label：value`` pairs.

Word files and web pages often write who and what the table is about above it, not in it::

    单位名称：某县教育局        金额单位：万元
    项目名称：校舍维修

Such a line is read as a row of the table (``单位名称 | 某县教育局 | 金额单位：万元``), so the header
block takes its unit and name as from any row. A line counts only when every part of it (parts are
separated by two or more spaces, a full-width space or a tab) is a pair whose label is a header
label, or a money-unit note, and one of its labels names the table's unit or project (单位名称,
预算单位, 部门名称, 单位编码, 项目名称 …): a signature line under a table (联系人：… 联系电话：…)
stays text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from perfbudget.readers.labels import header_field

_PARTS = re.compile(r"(?:[ \u00a0]{2,}|\u3000+|\t+)")
_PAIR = re.compile(r"^(?P<label>[^：:]{2,16}?)\s*[：:]\s*(?P<value>.*)$", re.S)
_MONEY_UNIT = re.compile(r"^(?:金额)?单位\s*[:：]\s*(?:万元|元|千元|亿元)$")
_IDENTITY = frozenset({"unit", "department", "unit-code", "name"})


@lru_cache(maxsize=4096)
def label_line_cells(line: str) -> tuple[str, ...] | None:
    """The cells of a ``label：value`` line (label, value, label, value …; a money-unit note as one cell),
    or None when the line is not one (see the module's docstring)."""
    if "：" not in line and ":" not in line:
        return None
    cells: list[str] = []
    identity = False
    for part in _PARTS.split(line.strip()):
        part = part.strip()
        if not part:
            continue
        if _MONEY_UNIT.match(unicodedata.normalize("NFKC", part)):
            cells.append(part)
            continue
        pair = _PAIR.match(part)
        field = header_field(pair["label"]) if pair else None
        if pair is None or field is None or field.startswith("group:"):
            return None
        identity = identity or field in _IDENTITY
        cells.extend((pair["label"].strip(), pair["value"].strip()))
    return tuple(cells) if identity else None
