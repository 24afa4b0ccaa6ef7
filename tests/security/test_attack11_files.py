"""Hostile files and limits of attack11 (2026-12-03); each test failed before its fix."""

from __future__ import annotations

from perfbudget.config import Limits
from perfbudget.load import load_bytes


def _nested_page(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + "x" + "</div>" * depth + "</body></html>").encode()


def test_the_html_nesting_limit_is_an_environment_variable() -> None:
    limits = Limits.from_env({"PERFBUDGET_MAX_HTML_DEPTH": "50"})
    assert limits.max_html_depth == 50
    assert Limits().max_html_depth == 500
    result = load_bytes(_nested_page(100), "nested.html", limits=limits)
    assert result.document is None
    message = result.errors[0].message
    assert "嵌套" in message and "50 层" in message and "PERFBUDGET_MAX_HTML_DEPTH" in message
    # the same page under the default limit is parsed (no nesting complaint)
    default = load_bytes(_nested_page(100), "nested.html")
    assert all("PERFBUDGET_MAX_HTML_DEPTH" not in problem.message for problem in default.errors)
