"""The review rules as every face lists them: ``perfbudget rules`` (its table, ``--json`` and ``--markdown``) and the
API's ``GET /api/v1/rules`` ask here, not the review package's catalogue, so the faces give one list."""

from __future__ import annotations

from typing import Any


def rule_list() -> list[dict[str, Any]]:
    """Each rule: id, Chinese title, dimension, severity with its 错误/警告/提示, parameters and what it checks in
    Chinese (``description``)."""
    from perfbudget.review.catalogue import catalogue_dicts

    return catalogue_dicts()


def rule_catalogue_markdown() -> str:
    """The developer's catalogue (``docs/rules.md``): each rule's English docstring."""
    from perfbudget.review.catalogue import catalogue_markdown

    return catalogue_markdown()
