"""Word's 批注 (comments, ``word/comments.xml``) kept with the field of the table cell they annotate.

A reviewer or a unit writes a note on a cell of a Word form (「含二期工程」 on the 指标值, 「待财政批复」 on the
预算数) as a Word comment just as often as in Excel. Until reading30 the Word reader did not read them: they were lost
on import. Now each comment anchored in a table cell (its ``w:commentRangeStart``, else its ``w:commentReference``,
inside the cell's paragraphs) is kept as an Excel cell's comment is (:mod:`perfbudget.readers.cell_comments`): an
extra of the field its cell gave, labelled 「批注·指标值」, its author in front («张三：…»), so it is stored, given in
the JSON, listed by ``read``/``show`` and on the project page, and exported as a column or row that reads back as the
same comment.
Several comments on one cell are kept together in their order (「；」 between). A comment on a cell that gave no field,
or on the text outside the tables, is told in a warning with its place, never dropped silently.

The comments part is found through the main document's relationships and parsed with lxml without entities or
network, within the container's part limit (the archive was bounded before by :func:`container.check_zip`).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from perfbudget.model import Document, Problem, Severity, Source
from perfbudget.readers.cell_comments import _relations, _xml, with_cell_comments

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_COMMENT, _ID, _AUTHOR, _P = f"{_W}comment", f"{_W}id", f"{_W}author", f"{_W}p"
_RANGE_START, _REFERENCE = f"{_W}commentRangeStart", f"{_W}commentReference"
_T, _TAB, _BR = f"{_W}t", f"{_W}tab", f"{_W}br"
_MOST_COMMENTS = 10_000  # one file's comments read at most (the container bounds their bytes too)


def _paragraph(p: Any) -> str:
    parts = []
    for node in p.iter(_T, _TAB, _BR):
        parts.append(node.text or "" if node.tag == _T else "\t" if node.tag == _TAB else "\n")
    return "".join(parts)


def document_comments(data: bytes, most_bytes: int) -> dict[str, str]:
    """Comment id → its text («author：text» when it names an author), of the main document's comments part."""
    out: dict[str, str] = {}
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return out
    with archive:
        if not any(name.endswith("comments.xml") for name in archive.namelist()):
            return out  # the common case: no comments part at all
        main = next((path for kind, path in _relations(archive, "", most_bytes).values()
                     if kind.endswith("/officeDocument")), "word/document.xml")
        for kind, target in _relations(archive, main, most_bytes).values():
            if not kind.endswith("/comments"):
                continue
            root: Any = _xml(archive, target, most_bytes)
            for comment in root.iter(_COMMENT) if root is not None else ():
                text = "\n".join(_paragraph(p) for p in comment.iter(_P)).strip()
                if not text:
                    continue
                author = (comment.get(_AUTHOR) or "").strip()
                out[comment.get(_ID, "")] = f"{author}：{text}" if author and not text.startswith(author) else text
                if len(out) >= _MOST_COMMENTS:
                    return out
    return out


def anchor_cell(tc: Any, source: Source, anchors: dict[str, Source]) -> None:
    """Note ``source`` as the cell of every comment anchored in ``tc`` (a nested table's cells, read before, keep
    theirs)."""
    for node in tc.iter(_RANGE_START, _REFERENCE):
        anchors.setdefault(node.get(_ID, ""), source)


def _place(key: tuple[str, int, int]) -> str:
    sheet, row, column = key
    return f"{sheet}第{row}行第{column}列"


def with_word_comments(document: Document, comments: dict[str, str], anchors: dict[str, Source],
                       file: str) -> tuple[Document, list[Problem]]:
    """``document`` with each comment anchored in a table cell kept as an extra of the field that cell gave; a
    warning for each comment no field took and for each outside the tables."""
    by_cell: dict[tuple[str, int, int], str] = {}
    outside: list[str] = []
    for comment_id, text in comments.items():
        source = anchors.get(comment_id)
        if source is None or source.sheet is None or source.row is None or source.column is None:
            outside.append(text)
            continue
        key = (source.sheet, source.row, source.column)
        by_cell[key] = f"{by_cell[key]}；{text}" if key in by_cell else text
    document, notes = with_cell_comments(document, by_cell, file, place=_place)
    notes += [Problem(Source(file), f"表格外文字的批注「{text[:60]}」不在表中任何一项上，未保存；"
                                    "如需保留，请把它写进表中", Severity.WARNING) for text in outside]
    return document, notes
