"""Importing files in store tests through the use-case layer (the store itself reads no files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from perfbudget.app.imports import ImportRequest, import_path
from perfbudget.app.settings import CoreSettings
from perfbudget.store import ImportOutcome, Store
from perfbudget.store.transaction import Actor

TESTER = Actor(None, "tester")


def import_file(store: Store, path: str | Path, *, force: bool = False, allow_partial: bool = False,
                settings: CoreSettings | None = None, via: str = "cli") -> ImportOutcome:
    request = ImportRequest(TESTER, via, force=force, allow_partial=allow_partial)
    return import_path(store, settings or CoreSettings(), path, request)


_ID_KINDS = {"document_id": "document", "same_file_as": "document", "project_id": "project", "version_id": "version"}


def ids_by_appearance(outcomes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Outcome dicts (``ImportOutcome.to_dict``) with every id replaced by the rank of its first appearance among
    the ids of its kind: equal for two imports that stored the same things, whichever ids their writers took
    (several writing connections take ids as they write, ``app.bulk_writers``)."""
    ranks: dict[str, dict[int, int]] = {kind: {} for kind in _ID_KINDS.values()}

    def renamed(value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {k: renamed(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [renamed(v) for v in value]
        if key in _ID_KINDS and isinstance(value, int):
            seen = ranks[_ID_KINDS[key]]
            return seen.setdefault(value, len(seen))
        return value

    return [renamed(outcome) for outcome in outcomes]


def interrupt_writing(monkeypatch: Any, file_ending: str) -> Any:
    """Make a bulk import's writing of the file whose name ends so raise KeyboardInterrupt (the user stops the
    import while batches are open); gives the real writing function, to put back."""
    from perfbudget.app import bulk_import

    real_write = bulk_import._write

    def interrupted(store_: Store, settings: Any, item: Any, *args: Any) -> Any:
        if item.file.endswith(file_ending):
            raise KeyboardInterrupt
        return real_write(store_, settings, item, *args)

    monkeypatch.setattr(bulk_import, "_write", interrupted)
    return real_write
