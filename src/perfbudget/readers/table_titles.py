"""Table titles: a heading's number and title, and the project a title names.

``[bookmark: _Toc…]3.2024年某项目-2024中央绩效目标表`` gives seq 3 and the title; a title such as
``2023年某项目绩效目标表`` names its project when the table itself does not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from perfbudget.readers.stream import without_addresses

_BOOKMARK = re.compile(r"^\s*\[bookmark:[^\]]*\]\s*")
_SEQ_TITLE = re.compile(r"^(\d{1,3})\s*[.．、]\s*(\S.*)$")


def title_and_seq(heading: str | None, position: int) -> tuple[int, str | None]:
    """The table's number and title from its heading (``3.某项目绩效目标表`` → 3, 某项目绩效目标表);
    a heading without a number keeps the table's position."""
    if not heading:
        return position, None
    seq, title = _seq_and_title(heading)
    return (position if seq is None else seq), title


def is_numbered(heading: str | None) -> bool:
    """Does the heading carry a number (``3.…``)?"""
    return bool(heading) and _seq_and_title(heading)[0] is not None


@lru_cache(maxsize=256)
def _seq_and_title(heading: str) -> tuple[int | None, str | None]:
    """The number (None without one) and the title of a non-empty heading. Cached (a few entries are
    enough): the document asks :func:`is_numbered` of each heading right after the project took its
    number and title from it."""
    text = without_addresses(_BOOKMARK.sub("", heading).strip())
    match = _SEQ_TITLE.match(text)
    if match:
        return int(match.group(1)), match.group(2).strip()
    return None, text or None


# A table title that names one project: 「[1.][2023年]某项目[-2023中央](项目支出)绩效目标(申报)表」.
_TITLE_FORM = re.compile(r"\s*(?:[-—－–]\s*(?:19|20)\d{2}[^\d\-—－–]{0,6}?)?\s*(?:的)?(?:项目支出)?"
                         r"(?:绩效(?:目标|自评|监控|评价)(?:[^-—－–]{0,8}表)?|目标[^-—－–]{0,8}表)"
                         r"\s*(?:[(（][^()（）]{0,12}[)）])?\s*$")
_TITLE_YEAR = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?)")
# Titles of a whole unit's or department's tables, not of one project.
_NOT_ONE_PROJECT = re.compile(r"部门|单位|整体|汇总|本级|一览|[局院委厅办处]$|政府$|财政$|项目支出$|^项目$|^支出$")


def name_from_title(title: str | None, numbered: bool = False) -> str | None:
    """The project named by a table title (``2023年某项目绩效目标表`` → ``2023年某项目``; a numbered short
    title such as ``3.安全隐患维修`` → ``安全隐患维修``), or None when the title is no table title or names
    no single project (a unit's or department's tables, a stray line of the page)."""
    if not title:
        return None
    text = title.strip()
    if "\n" in text or len(text) > 80:
        return None
    form = _TITLE_FORM.search(text)
    if form is None:
        return text if numbered and _is_numbered_name(text) else None
    name = text[:form.start()].strip(" -—－–:：")
    if name.endswith("项目项目"):
        name = name[:-2]  # 某项目 + 项目绩效目标
    bare = _TITLE_YEAR.sub("", name).strip()
    if len(bare) < 2 or _NOT_ONE_PROJECT.search(bare):
        return None
    return name


def _is_numbered_name(text: str) -> bool:
    """A title that was numbered (its number already removed) and is a short name, e.g. 安全隐患维修."""
    return 2 <= len(text) <= 40 and not re.search(r"[:：。，,]", text)
