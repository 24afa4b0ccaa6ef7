"""A form's title and year note written as the first rows of its own table.

Word and web forms often draw the title (``项目支出绩效自评表``) and the year note (``（2024年度）``, beside it the
budget unit) as borderless rows inside the table, not as paragraphs above it. Read as header rows they were
unlabelled extras; as rows above the header block they are the table's heading, as the same lines are when
written above the table (:func:`perfbudget.readers.stream.with_year_note`).

A leading row whose one filled cell is such a title is taken only while the table has no heading of its own (a
heading found above the table is never replaced; a line of the page's prose above it, which a text copy gives as
the heading where no title is above, is; a title above followed by the form's own name (项目支出绩效目标表) with its
year note in the row below it keeps the title above, dated by the note, the form's name left out, and a title of its
own inside the table (农村公路养护项目绩效目标表) dated below replaces a title above — a heading above that writes a
year is kept as it is: reading40, the title rows one cell a line, and the lead's rereads); a
year note in the first row after the heading (alone, or
beside the unit line, its cell then left empty) joins a heading that has no year yet.
"""

from __future__ import annotations

import re

from perfbudget.readers.furniture import is_furniture
from perfbudget.readers.grid import Cell
from perfbudget.readers.stream import looks_like_heading, with_year_note
from perfbudget.readers.written_year import YEAR

_YEAR = re.compile(rf"{YEAR}\s*年")
# a form's own name, naming no project (项目支出绩效目标表, 部门整体支出绩效自评表, 绩效目标申报表)
_GENERIC = re.compile(r"(?:项目支出|项目|部门整体支出|部门整体|部门|单位整体|整体支出)?"
                      r"绩效(?:目标|自评|评价|监控|运行监控)(?:申报)?(?:情况)?表")


def _only_text(row: list[Cell]) -> str | None:
    filled = [c.text.strip() for c in row if not c.blank]
    return filled[0] if len(filled) == 1 else None


def _dated_by(row: list[Cell], title: str) -> bool:
    return any(not cell.blank and with_year_note(title, cell.text) is not None for cell in row)


_ATTACHMENT = ("附件", "附表")  # the marks of an attachment's row (附件2, 附表1：), page furniture above a title


def title_rows(rows: list[list[Cell]], heading: str | None) -> tuple[list[list[Cell]], str | None]:
    """The rows without the leading title rows, and the heading they make (``heading`` when there are none)."""
    if len(rows) > 2 and (lead := _only_text(rows[0])) is not None and lead.lstrip().startswith(_ATTACHMENT) \
            and is_furniture(lead) and (after := title_rows(rows[1:], heading))[1] != heading:
        # 附件2 alone in the row above the title row: page furniture, never the title (kinds47, corpus 48: the
        # title was kept as an extra and the table had none). Only an attachment's mark: a bare 2019 or 12 there
        # (furniture's page number too) is kept as before
        return after
    rest = rows
    if rows and (title := _only_text(rows[0])) is not None and looks_like_heading(title) and "\n" not in title \
            and (heading is None or _YEAR.search(heading) is None):  # (a heading that dates the table is kept)
        if heading is None or not looks_like_heading(heading):  # none, or a line of the page's prose
            heading, rest = title, rows[1:]
        elif len(rows) > 1 and _dated_by(rows[1], title) and not _GENERIC.fullmatch("".join(title.split())):
            # a title of its own inside the table (农村公路养护项目绩效目标表 under a generic heading): it, dated
            heading, rest = title, rows[1:]
        elif len(rows) > 1 and _dated_by(rows[1], title):
            # a title above (农村公路养护项目绩效目标表) and the form's own title with its year note below it
            # (项目支出绩效目标表 / （2024年度））: the title above kept, the year joining it (the lead's reread: the
            # form's title replaced it, and the project's name it gave was lost)
            rest = rows[1:]
    if heading is None or not rest:
        return rest, heading
    for k, cell in enumerate(rest[0]):
        dated = with_year_note(heading, cell.text) if not cell.blank else None
        if dated is not None:  # （2024年度）, alone in its row or beside the unit line
            first = [*rest[0][:k], Cell("", cell.source), *rest[0][k + 1:]]
            return ([first] if any(not c.blank for c in first) else []) + rest[1:], dated
    return rest, heading
