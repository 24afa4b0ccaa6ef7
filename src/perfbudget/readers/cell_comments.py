"""Cell comments (批注) of an Excel workbook, kept with the field of the cell they annotate.

A unit or a reviewer often writes a note on a cell of the form (「含二期工程」 on the 指标值, 「待财政批复」 on the
预算数) as an Excel comment. Until replay-q the reader did not read them: they were lost on import and never seen on
the project page. Now each comment is kept as an extra of the field its cell gave — an indicator's extras for its cells
(一级 … 指标值, 分值 …), the project's for the header block's (项目名称, 预算数, 资金用途, 绩效目标 …) — labelled
「批注·指标值」, its author in front as Excel shows it («张三：…»); so it is stored, carried to later versions by an
edit that leaves the cell alone, given in the interchange JSON, the history and the API, and listed on the project
page beside its place. A comment on a cell that gave no field (a blank cell, the unit line) is told in a note with
its sheet and cell, never dropped silently.

The comment parts are found through the workbook's relationships (``xl/workbook.xml`` → each sheet's part → its
``_rels`` → the ``comments`` part), parsed with lxml without entities or network, each part read within the
container's part limit (:func:`perfbudget.readers.container.check_zip` has bounded the archive before).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import replace

from perfbudget.model import Document, Indicator, Problem, Project, Severity, Source

# an extra's label: 「批注·指标值」 (a colon would be dropped from a label by the writers and the readers)
COMMENT_LABEL = "批注·"

# A field's name as the form labels it (the label that follows 「批注·」)
FIELD_LABELS = {
    "name": "项目名称", "budget.total": "预算数", "budget.fiscal": "财政资金", "budget.other": "其他资金",
    "purpose": "资金用途", "goals": "绩效目标", "level1": "一级指标", "level2": "二级指标", "level3": "三级指标",
    "description": "绩效指标描述", "target": "指标值", "weight": "分值", "actual": "实际完成值", "score": "得分",
    "deviation": "偏差原因",
}
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")
_MOST_COMMENTS = 10_000  # one workbook's comments read at most (the container bounds their bytes too)


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(column: int) -> str:
    """A 1-based column number as Excel names it (1 → A, 28 → AB)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xml(archive: zipfile.ZipFile, name: str, most: int) -> object | None:
    from lxml import etree

    try:
        with archive.open(name) as part:
            data = part.read(most + 1)
    except KeyError:
        return None
    if len(data) > most:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def _relations(archive: zipfile.ZipFile, part: str, most: int) -> dict[str, tuple[str, str]]:
    """A part's relationships: id → (type, the target part's path in the archive)."""
    folder, name = posixpath.split(part)
    root = _xml(archive, posixpath.join(folder, "_rels", f"{name}.rels"), most)
    if root is None:
        return {}
    out = {}
    for relation in root.iter(f"{_NS_PKG}Relationship"):  # type: ignore[attr-defined]
        target = relation.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[relation.get("Id", "")] = (relation.get("Type", ""), path)
    return out


def workbook_comments(data: bytes, most_bytes: int) -> dict[tuple[str, int, int], str]:
    """(sheet title, row, column) → the comment's text («author：text» when it names an author), of every sheet."""
    out: dict[tuple[str, int, int], str] = {}
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return out
    with archive:
        if not any(name.startswith("xl/comments") or "/comments" in name for name in archive.namelist()):
            return out  # the common case: no comment part at all
        workbook = _xml(archive, "xl/workbook.xml", most_bytes)
        if workbook is None:
            return out
        sheets = _relations(archive, "xl/workbook.xml", most_bytes)
        for sheet in workbook.iter(f"{_NS_MAIN}sheet"):  # type: ignore[attr-defined]
            title = sheet.get("name", "")
            part = sheets.get(sheet.get(f"{_NS_REL}id", ""), ("", ""))[1]
            for kind, target in _relations(archive, part, most_bytes).values() if part else ():
                if kind.endswith("/comments"):
                    _sheet_comments(archive, target, title, most_bytes, out)
                if len(out) >= _MOST_COMMENTS:
                    return out
    return out


def _sheet_comments(archive: zipfile.ZipFile, part: str, title: str, most: int,
                    out: dict[tuple[str, int, int], str]) -> None:
    root = _xml(archive, part, most)
    if root is None:
        return
    authors = ["".join(a.itertext()).strip() for a in root.iter(f"{_NS_MAIN}author")]  # type: ignore[attr-defined]
    for comment in root.iter(f"{_NS_MAIN}comment"):  # type: ignore[attr-defined]
        found = _REF.match(comment.get("ref", "").upper())
        body = comment.find(f"{_NS_MAIN}text")
        text = "".join(body.itertext()).strip() if body is not None else ""
        if found is None or not text:
            continue
        author_id = comment.get("authorId", "")
        author = authors[int(author_id)] if author_id.isdigit() and int(author_id) < len(authors) else ""
        if author and not text.startswith(author):
            text = f"{author}：{text}"  # Excel writes the author in front itself («张三:»); not twice
        out[(title, int(found.group(2)), _column_number(found.group(1)))] = text
        if len(out) >= _MOST_COMMENTS:
            return


def _key(source: Source | None) -> tuple[str, int, int] | None:
    if source is None or source.sheet is None or source.row is None or source.column is None:
        return None
    return (source.sheet, source.row, source.column)


def _excel_place(key: tuple[str, int, int]) -> str:
    return f"单元格 {column_letters(key[2])}{key[1]} "


def with_cell_comments(document: Document, comments: dict[tuple[str, int, int], str], file: str,
                       place: Callable[[tuple[str, int, int]], str] = _excel_place) -> tuple[Document, list[Problem]]:
    """``document`` with each comment kept as an extra of the field its cell gave (the first that did: a merged
    一级 cell is one cell), and a note for each comment no field took (its cell named by ``place``: Excel's A1,
    Word's 表1第2行第3列)."""
    if not comments:
        return document, []
    left = dict(comments)

    def taken(sources: dict[str, Source] | object) -> list[tuple[str, str]]:
        pairs = []
        for field, source in getattr(sources, "items", lambda: [])():
            key = _key(source)
            if key is not None and key in left:
                pairs.append((COMMENT_LABEL + FIELD_LABELS.get(field, field), left.pop(key)))
        return pairs

    projects: list[Project] = []
    for project in document.projects:
        own = taken(project.sources)
        indicators: list[Indicator] = []
        changed = bool(own)
        for indicator in project.indicators:
            pairs = taken(indicator.sources)
            changed = changed or bool(pairs)
            indicators.append(replace(indicator, extras=(*indicator.extras, *pairs)) if pairs else indicator)
        projects.append(replace(project, extras=(*project.extras, *own), indicators=tuple(indicators))
                        if changed else project)
    notes = [Problem(Source(file, sheet=sheet, row=row, column=column),
                     f"{place((sheet, row, column))}的批注「{text[:60]}」不在表中任何一项上，未保存；"
                     "如需保留，请把它写进表中", Severity.WARNING)
             for (sheet, row, column), text in left.items()]
    return replace(document, projects=tuple(projects)), notes


def project_comments(project: Project) -> list[tuple[str, str, int | None]]:
    """A project's cell comments as every face lists them: (its place as the user sees it — 「预算数」, 「第 1 个指标
    「视频会议保障数量」的指标值」 —, the comment, the indicator's 1-based position or None)."""
    out: list[tuple[str, str, int | None]] = [(label[len(COMMENT_LABEL):], text, None)
                                              for label, text in project.extras if label.startswith(COMMENT_LABEL)]
    for position, indicator in enumerate(project.indicators, 1):
        out += [(f"第 {position} 个指标「{indicator.level3}」的{label[len(COMMENT_LABEL):]}", text, position)
                for label, text in indicator.extras if label.startswith(COMMENT_LABEL)]
    return out
