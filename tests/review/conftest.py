"""Review fixtures (helpers live in review_helpers.py, importable by the test modules)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.review.review_helpers import Run, make_runner


@pytest.fixture
def run(inline: Any) -> Run:
    """run(rule_id, rows, header_rows=None, config=None) -> [(indicator, field)] of that rule's findings."""
    return make_runner(inline)
