"""Tracked changes (修订) in a Word table: read as the changes accepted, and told (forms44).

A form edited with track changes on keeps both texts: the former one as ``w:delText`` inside ``w:del`` (or moved
away, ``w:moveFrom``), the new one inside ``w:ins`` (``w:moveTo``); a row deleted as a change keeps its place with
``w:trPr/w:del``. The Word reader reads the text as accepted (``docx.paragraph_text``) and leaves such a row out, as
Word shows the table once the changes are accepted; since the reading then rests on changes nobody has accepted yet,
the cells and rows they touch are told — one warning a table, at its first change, naming the first few — so that a
reviewer checks the draft was final. Formatting changes (``w:rPrChange`` …) change no text and are not told.
"""

from __future__ import annotations

from typing import Any

from perfbudget.model import Problem, Severity, Source

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHANGES = (f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo")
_TEXTS = (f"{_W}t", f"{_W}delText")
_TRPR, _DELETED_ROW, _INSERTED_ROW = f"{_W}trPr", f"{_W}del", f"{_W}ins"
_MOST_NAMED = 5


def has_revisions(tbl: Any) -> bool:
    """The table holds a tracked change anywhere (one look before its cells are looked at one by one)."""
    return next(tbl.iter(*_CHANGES), None) is not None


def row_change(tr: Any) -> str | None:
    """``deleted`` for a row deleted as a tracked change (left out, as accepted), ``inserted`` for one inserted as
    one (read), else None."""
    properties = tr.find(_TRPR)
    if properties is None:
        return None
    if properties.find(_DELETED_ROW) is not None:
        return "deleted"
    return "inserted" if properties.find(_INSERTED_ROW) is not None else None


def revised_cell(tc: Any) -> bool:
    """The cell's text holds a tracked insertion, deletion or move (a change with text in it)."""
    return any(next(change.iter(*_TEXTS), None) is not None for change in tc.iter(*_CHANGES))


def revisions_problems(places: list[tuple[Source, str]]) -> list[Problem]:
    """One warning a table for its tracked changes, each place a cell (``cell``) or a row (``deleted``,
    ``inserted``), at the first and naming the first :data:`_MOST_NAMED`."""
    by_table: dict[str | None, list[tuple[Source, str]]] = {}
    for source, what in places:
        by_table.setdefault(source.sheet, []).append((source, what))
    problems = []
    for changes in by_table.values():
        named = "、".join(f"第{source.row}行第{source.column}列" if what == "cell"
                         else f"第{source.row}行（{'删除' if what == 'deleted' else '插入'}的行）"
                         for source, what in changes[:_MOST_NAMED]) + ("等" if len(changes) > _MOST_NAMED else "")
        message = (f"表格中有{len(changes)}处修订（Word 的修订标记，尚未接受或拒绝：{named}），按接受全部修订后的内容"
                   "读取：删除的文字和行不读，插入的读取；如修订尚未定稿，请在 Word 中接受或拒绝修订后重新导入")
        problems.append(Problem(changes[0][0], message, Severity.WARNING))
    return problems
