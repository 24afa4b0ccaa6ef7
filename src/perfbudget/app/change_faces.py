"""How each stored version came in, named by the face it came through: 网页修改, 接口修改 (the HTTP
API), 命令行导入, 网页上传, 接口导入, 网页申报.

The face is the ``via`` recorded with the version's author (``version_authors.via``: edit, api, cli,
upload, declare); an edit and an import through the same face (the API: ``PUT /projects/{id}`` and
``POST /documents``) are told apart by the version's ``file``, which an edit writes as
「接口修改（用户）」 (:func:`edit_file`). The history (web, CLI, JSON) and the import's warnings all name a
version by :func:`change_label`.
"""

from __future__ import annotations

from perfbudget.store.transaction import made_by_edit

EDIT_LABELS = {"edit": "网页修改", "api": "接口修改", "cli": "命令行修改"}
IMPORT_LABELS = {"cli": "命令行导入", "upload": "网页上传", "api": "接口导入", "declare": "网页申报",
                 "edit": "网页修改"}


def edit_file(via: str, username: str | None) -> str:
    """The ``file`` of a version an edit made: 「接口修改（张三）」."""
    return f"{EDIT_LABELS.get(via, '修改')}（{username or ''}）"


def change_label(via: str | None, file: str) -> str:
    """The face a version came through: 网页修改, 接口修改, 命令行导入 …; 导入 when no author was recorded."""
    if via is None:
        return "导入"
    if made_by_edit(via, file):
        return EDIT_LABELS.get(via, "修改")
    return IMPORT_LABELS.get(via, "导入")
