"""What the import preview shows beyond each table's fate: the differences from the stored version,
the document reduced to the tables that can be imported when others are refused, and whether only
cut-off tables are left (then only ``allow_partial`` imports anything)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from perfbudget.app.imports import INCOMPLETE, TableFate
from perfbudget.model import Document
from perfbudget.store import Store
from perfbudget.store.changes import describe, version_changes

if TYPE_CHECKING:
    from perfbudget.app.blocked import Screened
    from perfbudget.app.roles import Principal
    from perfbudget.app.settings import CoreSettings
    from perfbudget.load import LoadResult

# each table's fate as the upload page and ``perfbudget import --dry-run`` name it (the page's own until replay-v)
FATE_LABELS = {"new": "新项目", "unchanged": "与库中最新版本相同，不变", "changed": "保存为新版本",
               "revision": "保存为修订稿", "confirm": "需确认", "refused": "不能导入", "incomplete": "表格不完整",
               "blocked": "有错误，不能导入"}
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


# the confirmations a preview refuses beside it: what each would change is in the preview, so none is taken
# silently; ``skip_blocked`` is not among them (the preview lists the blocked tables and says the rest would be
# imported: the CLI refused ``--skip-blocked`` there while the API took ``skip_blocked=true``, attack37)
REFUSED_BESIDE_PREVIEW = ("force", "allow_partial")


def dry_run_refusal(preview: str, given: Mapping[str, bool], spelled: Callable[[str], str]) -> str | None:
    """Why a preview (``preview``: ``--dry-run`` of ``perfbudget import``, ``dry_run=true`` of ``POST
    /api/v1/documents``) refuses the confirmations ``given`` beside it (by their names here, ``force``,
    ``allow_partial``, ``skip_blocked``; each face's spelling by ``spelled``, ``--force`` or ``force=true``), or None
    (replay-v on the CLI; the API ignored ``force=true`` and ``allow_partial=true`` there until replay-aa). One rule
    for every face: :data:`REFUSED_BESIDE_PREVIEW`."""
    refused = [spelled(name) for name in REFUSED_BESIDE_PREVIEW if given.get(name)]
    return f"{preview} 不能与 {'、'.join(refused)} 同用：预览已列出需要它们的表格" if refused else None


def only_cut_tables(fates: Sequence[TableFate]) -> bool:
    """Every table an import would store is cut off: the import refuses the file unless ``allow_partial``
    (``app.imports.import_document``), so the preview may not offer it as importable as it is. The web and the
    API said 「可以导入」 (``can_import``) of a lone cut table, whose import then answered 422 (leftovers16)."""
    kept = [f for f in fates if f.fate != REFUSED]
    return bool(kept) and all(f.fate == INCOMPLETE for f in kept)


def bytes_imported_before(store: Store, name: str, sha256: str | None) -> dict[str, Any]:
    """Whether a file's bytes (``sha256``; None: not asked) were imported before, as every face's preview tells it:
    ``same_file_as`` (that document's number, else None) and ``notices`` (each of its projects holding other content
    since, :func:`perfbudget.app.imports.same_file`), for an import of them is 未变化 without reading them, and only a
    forced one restores them. ``perfbudget import --dry-run`` alone said it until replay-w (the API's preview and the
    page's listed the plan as for new bytes). Not asked for another unit's file, whose projects it would name."""
    from perfbudget.app.imports import imported_before

    same = imported_before(store, name, sha256) if sha256 is not None else None
    return {"same_file_as": same.same_file_as if same is not None else None,
            "notices": list(same.notices) if same is not None else []}


def same_file_text(same_file_as: int) -> str:
    """What every face's preview says of bytes imported before (then each its way to force the import)."""
    return f"与文档 {same_file_as} 是同一文件，已导入过：导入为「未变化」，不读取、不改动"


def file_plan(store: Store, settings: CoreSettings, principal: Principal | None, result: LoadResult,
              screened: Screened, name: str, sha256: str | None = None) -> dict[str, Any]:
    """What importing a read file now would do, nothing written: each table's fate (``plan``, positions in the
    file), why the whole file cannot be imported (``blocked``: another unit's file, or one naming its unit by another
    unit's name, for ``principal``'s account; None without one), the tables with errors and the file's own errors,
    and what can be imported as it is or with ``skip_blocked`` / ``allow_partial``. The API's upload preview
    (``POST /api/v1/uploads``) and ``perfbudget import --dry-run`` give it alike; until replay-v the preview was
    the API's own and the CLI had none. ``sha256``: the file's; bytes imported before are told (:func:`same_file`)."""
    from perfbudget.app.acting import document_unit_problem
    from perfbudget.app.imports import CONFIRM, has_cut_tables, preview

    blocked = document_unit_problem(principal, result, store) if principal is not None else None
    part = screened.document if screened.clean else screened.rest
    # another unit's file gets no plan: its fates would tell that unit's stored projects, versions and authors
    planned = preview(store, settings, part, name) if part and blocked is None else []
    if isinstance(planned, str):
        blocked, planned = blocked or planned, []
    fates = [replace(f, position=screened.positions[f.position]) for f in planned]  # positions in the file
    ready = blocked is None and not screened.file_errors and bool(fates) and not any(f.fate == REFUSED
                                                                                        for f in fates)
    rest = sum(1 for f in fates if f.fate not in (INCOMPLETE, REFUSED))
    refused = any(f.fate == REFUSED for f in fates)
    # refused revisions (PERFBUDGET_REVISIONS=refuse) leave the others to skip_blocked, as tables with errors do
    rest_of_refused = (refused and blocked is None and not screened.file_errors and rest > 0
                       and not only_cut_tables([f for f in fates if f.fate != REFUSED]))
    cut_only = only_cut_tables(fates)
    return {
        **bytes_imported_before(store, name, sha256 if blocked is None else None),
        "plan": [f.to_dict() for f in fates], "blocked": blocked,
        "blocked_tables": [b.to_dict() for b in screened.blocked],
        "file_errors": [{"source": p.source.to_dict(), "severity": p.severity.value, "message": p.message}
                        for p in screened.file_errors],
        "rest_count": rest if screened.blocked or refused else 0,
        "can_import_rest": (ready and screened.can_import_rest and rest > 0) or rest_of_refused,
        "needs_confirmation": any(f.fate == CONFIRM for f in fates), "incomplete": has_cut_tables(part),
        "needs_allow_partial": ready and screened.clean and cut_only,
        "can_import": ready and screened.clean and not cut_only}
