"""Importing files in store tests through the use-case layer (the store itself reads no files)."""

from __future__ import annotations

from pathlib import Path

from perfbudget.app.imports import ImportRequest, import_path
from perfbudget.app.settings import CoreSettings
from perfbudget.store import ImportOutcome, Store
from perfbudget.store.transaction import Actor

TESTER = Actor(None, "tester")


def import_file(store: Store, path: str | Path, *, force: bool = False, allow_partial: bool = False,
                settings: CoreSettings | None = None, via: str = "cli") -> ImportOutcome:
    request = ImportRequest(TESTER, via, force=force, allow_partial=allow_partial)
    return import_path(store, settings or CoreSettings(), path, request)
