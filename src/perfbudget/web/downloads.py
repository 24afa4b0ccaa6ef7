"""Files to download: the 绩效目标表 and the 自评表 in each format the writers produce."""

from __future__ import annotations

import importlib

from perfbudget.evaluate.result import Evaluation
from perfbudget.model import Document

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html; charset=utf-8"
MEDIA_TYPES = {"xlsx": XLSX, "docx": DOCX, "html": HTML, "json": "application/json"}
FORMAT_LABELS = {"xlsx": "Excel", "docx": "Word", "html": "网页", "json": "JSON"}


def _writer(module: str, function: str) -> object | None:
    try:
        return getattr(importlib.import_module(f"perfbudget.writers.{module}"), function)
    except (ImportError, AttributeError):
        return None


def target_formats() -> tuple[str, ...]:
    """The formats the 绩效目标表 can be downloaded in (json always; others when their writer exists)."""
    found = [fmt for fmt in ("xlsx", "docx", "html") if _writer(f"target_table_{fmt}", f"target_table_{fmt}")]
    return (*found, "json")


TARGET_FORMATS = ("xlsx", "docx", "html", "json")
EVALUATION_FORMATS = ("xlsx", "docx", "html", "json")


def target_table_file(document: Document, fmt: str) -> tuple[bytes | str, str] | None:
    writer = _writer(f"target_table_{fmt}", f"target_table_{fmt}") if fmt in ("xlsx", "docx", "html") else None
    if writer is None:
        return None
    return writer(document), MEDIA_TYPES[fmt]  # type: ignore[operator]


def evaluation_file(evaluation: Evaluation, fmt: str) -> tuple[bytes | str, str] | None:
    if fmt == "json":
        return evaluation.dumps() + "\n", MEDIA_TYPES["json"]
    if fmt == "xlsx":
        from perfbudget.writers.evaluation_xlsx import evaluation_xlsx

        return evaluation_xlsx(evaluation), XLSX
    if fmt == "docx":
        from perfbudget.writers.evaluation_docx import evaluation_docx

        return evaluation_docx(evaluation), DOCX
    if fmt == "html":
        from perfbudget.writers.evaluation_html import evaluation_html

        return evaluation_html(evaluation), HTML
    return None
