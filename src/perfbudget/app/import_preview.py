"""What the import preview shows beyond each table's fate: the differences from the stored version,
the document reduced to the tables that can be imported when others are refused, and whether only
cut-off tables are left (then only ``allow_partial`` imports anything)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from perfbudget.app.imports import INCOMPLETE, TableFate
from perfbudget.model import Document
from perfbudget.store import Store
from perfbudget.store.changes import describe, version_changes

DIFFERING = ("changed", "revision", "confirm")
REFUSED = "refused"


def differences(store: Store, document: Document, fates: Sequence[TableFate]) -> dict[int, list[str]]:
    """Per table position, the differences (Chinese sentences) from the project's stored latest version."""
    out: dict[int, list[str]] = {}
    with store.reading() as tx:
        for fate in fates:
            if fate.fate not in DIFFERING or fate.project_id is None:
                continue
            stored = tx.version(fate.project_id, fate.latest)
            if stored is None:
                continue
            table = replace(document, projects=(document.projects[fate.position - 1],))
            out[fate.position] = [describe(c) for c in version_changes(stored.document, table)]
    return out


def without_refused(document: Document, fates: Sequence[TableFate]) -> tuple[Document, dict[int, int]]:
    """The document without its refused tables, and each kept table's new position → its old one."""
    refused = {f.position for f in fates if f.fate == REFUSED}
    kept = [(i, p) for i, p in enumerate(document.projects, 1) if i not in refused]
    return (replace(document, projects=tuple(p for _, p in kept)),
            {new: old for new, (old, _) in enumerate(kept, 1)})


def only_cut_tables(fates: Sequence[TableFate]) -> bool:
    """Every table an import would store is cut off: the import refuses the file unless ``allow_partial``
    (``app.imports.import_document``), so the preview may not offer it as importable as it is. The web and the
    API said 「可以导入」 (``can_import``) of a lone cut table, whose import then answered 422 (leftovers16)."""
    kept = [f for f in fates if f.fate != REFUSED]
    return bool(kept) and all(f.fate == INCOMPLETE for f in kept)
