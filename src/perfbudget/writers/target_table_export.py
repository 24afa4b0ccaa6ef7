"""Render a document in an export form: the one entry point for the CLI, the web app and the store.

``render(document, "docx")`` gives the bytes of the file. Exporting a stored
project is ``render(store_document, form)``: the writers only ever see a
:class:`~perfbudget.model.Document`.
"""

from __future__ import annotations

from collections.abc import Callable

from perfbudget.model import Document
from perfbudget.steps import Steps, quiet_steps

EXPORT_FORMS = ("xlsx", "docx", "html", "json")
MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
}


def _writer(form: str) -> Callable[..., bytes]:
    if form == "xlsx":
        from perfbudget.writers.target_table_xlsx import target_table_xlsx

        return target_table_xlsx
    if form == "docx":
        from perfbudget.writers.target_table_docx import target_table_docx

        return target_table_docx
    if form == "html":
        from perfbudget.writers.target_table_html import target_table_html

        return target_table_html
    if form == "json":
        from perfbudget.writers.json import document_json

        return document_json
    raise ValueError(f"不支持的导出格式「{form}」；可用：{'、'.join(EXPORT_FORMS)}")


def render(document: Document, form: str, original: bool = False, steps: Steps = quiet_steps) -> bytes:
    """The document as the bytes of an export file (form: xlsx, docx, html or json).

    Targets are shown in one notation (``≥95%`` for ``大于等于95%``); ``original`` keeps them as
    typed, so that the file reads back to exactly the same model. JSON always keeps ``raw``.
    ``steps`` is told how far the file is (a project at a time; JSON in one step).
    """
    if form == "json":
        steps("写出", 0, None)
        return _writer(form)(document)
    return _writer(form)(document, original=original, steps=steps)
