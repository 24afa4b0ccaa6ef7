"""One severity and kind vocabulary: every enum member has its one Chinese label, used by every face."""

from __future__ import annotations

import ast
from pathlib import Path

import perfbudget
from perfbudget.model import Severity
from perfbudget.review.finding import SEVERITIES
from perfbudget.vocabulary import (
    DOCUMENT_KIND_LABELS,
    EVALUATION_KIND_LABELS,
    SEVERITY_LABELS,
    DocumentKind,
    EvaluationKind,
    severity_label,
)


def test_every_member_has_a_label() -> None:
    assert {str(s) for s in SEVERITY_LABELS} == {s.value for s in Severity} == set(SEVERITIES)
    assert set(DOCUMENT_KIND_LABELS) == {k.value for k in DocumentKind}
    assert set(EVALUATION_KIND_LABELS) == {k.value for k in EvaluationKind}
    assert [severity_label(s) for s in ("error", Severity.WARNING, "info")] == ["错误", "警告", "提示"]


def test_no_other_module_writes_its_own_severity_label_table() -> None:
    """A dict literal mapping 错误/警告/提示 anywhere but perfbudget/vocabulary.py is a second table."""
    package = Path(perfbudget.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "vocabulary.py" and path.parent == package:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                values = {v.value for v in node.values if isinstance(v, ast.Constant)}
                if {"错误", "警告"} <= values:
                    found.append(path.relative_to(package).as_posix())
    assert found == []
