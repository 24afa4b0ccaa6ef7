"""The review grade of a project (优/良/中/差), derived from its findings.

88号 gives the four grades and what follows from them: 优 goes on, 良 is fixed together
with the reviewer, 中 is sent back to be resubmitted, 差 stops the budget. The counts
that separate them are a product choice (``docs/review.md``), set in :class:`GradeRule`:

* 差 — more than ``fair_max_errors`` (3) errors, or any finding of a ``fail_rules`` rule
  (default: fewer than 3 indicators — too little to review);
* 中 — at least one error, or more than ``good_max_warnings`` (5) warnings;
* 良 — no error and at most ``good_max_warnings`` warnings (more than ``excellent_max_warnings``);
* 优 — no error and at most ``excellent_max_warnings`` (1) warning.

Infos never change a grade.
"""

from __future__ import annotations

from collections.abc import Iterable

from perfbudget.review.config import GradeRule
from perfbudget.review.finding import Finding

GRADES = ("优", "良", "中", "差")


def grade_project(findings: Iterable[Finding], rule: GradeRule) -> str:
    """The grade of one project from its findings."""
    errors = warnings = 0
    failed = False
    for finding in findings:
        if finding.severity == "error":
            errors += 1
        elif finding.severity == "warning":
            warnings += 1
        if finding.rule in rule.fail_rules:
            failed = True
    if failed or errors > rule.fair_max_errors:
        return "差"
    if errors or warnings > rule.good_max_warnings:
        return "中"
    if warnings > rule.excellent_max_warnings:
        return "良"
    return "优"
