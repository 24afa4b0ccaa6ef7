"""The interchange JSON (``perfbudget/1``) as an export form, for ``perfbudget export --to json``."""

from __future__ import annotations

from perfbudget.interchange import dumps
from perfbudget.model import Document


def document_json(document: Document) -> bytes:
    return (dumps(document) + "\n").encode("utf-8")
