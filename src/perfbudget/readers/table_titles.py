"""Table titles: a heading's number and title, and the project a title names.

``[bookmark: _Toc…]3.2024年某项目-2024中央绩效目标表`` gives seq 3 and the title; a title such as
``2023年某项目绩效目标表`` names its project when the table itself does not.
"""

from __future__ import annotations

import re

from perfbudget.readers.stream import without_addresses
from perfbudget.readers.written_year import YEAR

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
    return heading is not None and heading != "" and _seq_and_title(heading)[0] is not None


# The latest heading asked of :func:`_seq_and_title` and its answer (one entry, by identity).
_latest: tuple[str | None, tuple[int | None, str | None]] = (None, (None, None))


def _seq_and_title(heading: str) -> tuple[int | None, str | None]:
    """The number (None without one) and the title of a non-empty heading. The latest answer is remembered by the
    heading's identity: the document asks :func:`is_numbered` of each heading right after the project took its
    number and title from it, and a heading is most often its table's own (an ``lru_cache`` of 256 entries cost
    ≈ 2,500 instructions a table in a miss and a hit, the answer ≈ 10,000)."""
    global _latest
    latest = _latest
    if latest[0] is heading:
        return latest[1]
    # (the anchored pattern cut where it matches: ``sub`` would go on trying every later position)
    text = without_addresses((heading[bookmark.end():] if (bookmark := _BOOKMARK.match(heading)) else heading).strip())
    match = _SEQ_TITLE.match(text)
    found = (int(match.group(1)), match.group(2).strip()) if match else (None, text or None)
    _latest = (heading, found)
    return found


# A table title that names one project: 「[1.][2023年]某项目[-2023中央](项目支出)绩效目标(申报)表」.
_TITLE_FORM = re.compile(r"\s*(?:[-—－–]\s*(?:19|20)\d{2}[^\d\-—－–]{0,6}?)?\s*(?:的)?(?:项目支出|区域)?"
                         r"(?:绩效(?:目标|自评|监控|评价)(?:[^-—－–]{0,8}表)?|目标[^-—－–]{0,8}表)"
                         r"\s*(?:[(（][^()（）]{0,12}[)）])?\s*$")
_TITLE_YEAR = re.compile(rf"^(?:{YEAR}\s*年度?)")
# A notice's title naming a project's targets: 关于某项目的绩效目标, 关于某项目绩效目标设定的公示 (a 关于 ahead of the
# table's title, a 设定的公示 after it; not a notice about a verb's object: 关于印发/下达…绩效目标的通知)
_ABOUT_NOTICE = re.compile(r"^关于\s*(?!印发|下达|公布|公开|批复|报送|做好|开展|组织|调整|申报|提前)(?P<title>.+?)\s*"
                           r"(?:(?:设定|设置|申报)?(?:情况)?的?(?:公示|公告|通知|说明))?$")
# Titles of a whole unit's or department's tables, not of one project.
# (A form's own generic title names no project either: 专项资金绩效目标表, 转移支付区域绩效目标表.)
_NOT_ONE_PROJECT = re.compile(r"部门|单位|整体|汇总|本级|一览|[局院委厅办处]$|政府$|财政$|项目支出$|^项目$|^支出$"
                              r"|^(?:财政)?(?:专项|专项资金|资金|项目资金|转移支付|转移支付资金|转移支付区域|区域)$"
                              # 中央对地方专项转移支付(区域绩效目标自评表): the kind of funds, no project (177)
                              r"|^(?:中央|省|市|县)?(?:对(?:地方|下|市县|县区?))?(?:专项)?转移支付(?:资金)?$")


def name_from_title(title: str | None, numbered: bool = False) -> str | None:
    """The project named by a table title (``2023年某项目绩效目标表`` → ``2023年某项目``; a numbered short
    title such as ``3.安全隐患维修`` → ``安全隐患维修``), or None when the title is no table title or names
    no single project (a unit's or department's tables, a stray line of the page)."""
    if not title:
        return None
    text = title.strip()
    if "\n" in text or len(text) > 80:
        return None
    if text.startswith("关于") and (notice := _ABOUT_NOTICE.match(text)) is not None:
        text = notice.group("title")  # 关于某项目(的)绩效目标(设定的公示): the notice names its project's table
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
