"""Tracked changes (修订) in a Word table: read as the changes accepted, and told (forms44).

A form edited with track changes on keeps both texts: the former one as ``w:delText`` inside ``w:del`` (or moved
away, ``w:moveFrom``), the new one inside ``w:ins`` (``w:moveTo``); a row deleted as a change keeps its place with
``w:trPr/w:del``. The Word reader reads the text as accepted (``docx.paragraph_text``) and leaves such a row out, as
Word shows the table once the changes are accepted; since the reading then rests on changes nobody has accepted yet,
the cells and rows they touch are told — one warning a table, at its first change, naming the first few; one for the
paragraphs outside the tables — so that a reviewer checks the draft was final. A change without text is one too: a
paragraph mark deleted or inserted (paragraphs joined or split), a cell inserted (``w:cellIns``).
Formatting changes (``w:rPrChange`` …) change no text and are not told.
"""

from __future__ import annotations

from typing import Any

from perfbudget.model import Problem, Severity, Source

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHANGES = (f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo")
# what a change holds that is read: text, deleted text, a tab, a line break
_TEXTS = (f"{_W}t", f"{_W}delText", f"{_W}tab", f"{_W}br", f"{_W}cr")
_TRPR, _DELETED_ROW, _INSERTED_ROW = f"{_W}trPr", f"{_W}del", f"{_W}ins"
_TCPR, _INSERTED_CELL, _DELETED_CELL = f"{_W}tcPr", f"{_W}cellIns", f"{_W}cellDel"
_PPR, _RPR = f"{_W}pPr", f"{_W}rPr"
_MOST_NAMED = 5


def has_revisions(tbl: Any) -> bool:
    """The table holds a tracked change anywhere (one look before its cells are looked at one by one)."""
    return next(tbl.iter(*_CHANGES, _INSERTED_CELL, _DELETED_CELL), None) is not None


def revised_paragraph(p: Any) -> bool:
    """The paragraph (or the element holding paragraphs) holds a tracked change of its text: an insertion, deletion or
    move holding text, a tab or a break, or a paragraph mark deleted or inserted (two paragraphs joined, one split)."""
    return any(_changes_text(change) for change in p.iter(*_CHANGES))


def _changes_text(change: Any) -> bool:
    holder = change.getparent()
    marks = holder is not None and holder.tag == _RPR and (holder.getparent() is not None
                                                           and holder.getparent().tag == _PPR)
    return marks or next(change.iter(*_TEXTS), None) is not None


def row_change(tr: Any) -> str | None:
    """``deleted`` for a row deleted as a tracked change (left out, as accepted), ``inserted`` for one inserted as
    one (read), else None."""
    properties = tr.find(_TRPR)
    if properties is None:
        return None
    if properties.find(_DELETED_ROW) is not None:
        return "deleted"
    return "inserted" if properties.find(_INSERTED_ROW) is not None else None


def cell_change(tc: Any, nested: Any = None) -> str | None:
    """``inserted cell`` for a cell inserted as a tracked change (``w:cellIns``, read), ``cell`` for one whose text
    holds a change (:func:`revised_paragraph`) outside ``nested`` (the indicator table nested in it, whose rows are
    read and told as its own), else None."""
    properties = tc.find(_TCPR)
    if properties is not None and properties.find(_INSERTED_CELL) is not None:
        return "inserted cell"
    changed = (change for change in tc.iter(*_CHANGES) if _changes_text(change))
    if nested is None:
        return "cell" if next(changed, None) is not None else None
    return "cell" if any(nested not in change.iterancestors() for change in changed) else None


def revisions_problems(places: list[tuple[Source, str]]) -> list[Problem]:
    """One warning a table for its tracked changes, and one for the paragraphs outside the tables, each place a cell
    (``cell``, ``inserted cell``, ``deleted cell``: ``w:cellDel``, the cells after it moving left), a row
    (``deleted``, ``inserted``) or a paragraph (``paragraph``, its number in ``Source.line``), at the first and
    naming the first :data:`_MOST_NAMED`."""
    by_table: dict[str | None, list[tuple[Source, str]]] = {}
    for source, what in places:
        by_table.setdefault(source.sheet, []).append((source, what))
    problems = []
    for sheet, changes in by_table.items():
        named = "、".join(_place(source, what) for source, what in changes[:_MOST_NAMED]) \
            + ("等" if len(changes) > _MOST_NAMED else "")
        moved = any(what == "deleted cell" for _, what in changes) * "；删除的单元格不读，同一行其后的单元格左移"
        message = (f"{'表格' if sheet is not None else '正文'}中有{len(changes)}处修订（Word 的修订标记，尚未接受或"
                   f"拒绝：{named}），按接受全部修订后的内容读取：删除的文字和行不读，插入的读取{moved}；如修订尚未定稿，"
                   "请在 Word 中接受或拒绝修订后重新导入")
        problems.append(Problem(changes[0][0], message, Severity.WARNING))
    return problems


_KINDS = {"deleted": "（删除的行）", "inserted": "（插入的行）", "inserted cell": "（插入的单元格）",
          "deleted cell": "（删除的单元格）"}


def _place(source: Source, what: str) -> str:
    if what == "paragraph":
        return f"第{source.line}段"
    if what in ("deleted", "inserted"):
        return f"第{source.row}行{_KINDS[what]}"
    return f"第{source.row}行第{source.column}列{_KINDS.get(what, '')}"
