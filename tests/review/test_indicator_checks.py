"""Indicator checks (helpers.indicator_check / flagged): judged once per indicator object, the same findings."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from perfbudget.model import Document
from perfbudget.review import helpers
from perfbudget.review.engine import review_document
from perfbudget.review.finding import Finding
from perfbudget.review.helpers import Row, at_indicator, flagged, forget_indicators, indicator_check
from perfbudget.review.registry import _REGISTRY, rule
from perfbudget.review.settings import RuleSettings
from tests.review.review_helpers import read, with_row


def _faulty(inline: Any) -> Document:
    rows = with_row(2, ["产出指标", "质量指标", "服务验收合格率", "服务验收合格率", "≥100%"])
    rows[4] = ["效益指标", "社会效益指标", "保障司法工作正常开展", "保障司法工作正常开展", "有效保障"]
    return read(rows, None, inline)


def _json(document: Document) -> list[dict[str, Any]]:
    return [f.to_dict() for f in review_document(document).findings]


def test_the_same_indicator_objects_in_another_document_give_that_documents_findings(inline: Any) -> None:
    document = _faulty(inline)
    project = document.projects[0]
    # a second project holding the very same indicator objects, in another order, after the first
    moved = replace(project, seq=2, name="另一个项目", indicators=tuple(reversed(project.indicators)))
    both = replace(document, projects=(project, moved))
    forget_indicators()
    fresh = _json(both)
    assert _json(both) == fresh  # judged from the kept verdicts
    forget_indicators()
    alone = _json(replace(document, projects=(moved,)))
    assert _json(replace(document, projects=(moved,))) == alone
    count = len(project.indicators)
    rate = [(f["project"], f["indicator"]) for f in fresh if f["rule"] == "rate-over-100"]
    assert rate == [(1, 2), (2, count - 1)]  # each at its own project and position
    checked = {"rate-over-100", "vague-qualitative"}  # indicator checks (cross-project rules differ, rightly)
    assert [f for f in fresh if f["project"] == 2 and f["rule"] in checked] == \
        [f for f in alone if f["rule"] in checked]


def test_a_check_that_raises_is_reported_as_its_rules_crash(inline: Any) -> None:
    def explodes(row: Row) -> tuple[str, str] | None:
        if "合格率" in row.name:
            raise ZeroDivisionError("boom")
        return None

    number = indicator_check(explodes)

    @rule("test-check-crashes", title="测试：检查出错的规则", dimension="规范性", severity="warning")
    def crashes(document: Document, settings: RuleSettings) -> list[Finding]:
        """Fails on a rate."""
        return [at_indicator(r.project, r.position, r.indicator, "target", *v) for r, v in flagged(document, number)]

    try:
        report = review_document(_faulty(inline))
        again = review_document(_faulty(inline))
    finally:
        del _REGISTRY["test-check-crashes"]
        helpers._CHECKS.remove(explodes)  # the last registered: the others keep their numbers
        forget_indicators()
    for result in (report, again):
        crashed = [f for f in result.findings if f.rule == "test-check-crashes"]
        assert len(crashed) == 1 and crashed[0].severity == "error" and crashed[0].project is None
        assert "ZeroDivisionError: boom" in crashed[0].message
        assert {f.rule for f in result.findings} >= {"rate-over-100", "vague-qualitative"}  # the others ran


def test_forgetting_empties_what_is_kept_by_indicator(inline: Any) -> None:
    document = _faulty(inline)
    review_document(document)
    assert any(entry[0] is document.projects[0].indicators[0] for entry in helpers._FACTS.values())
    forget_indicators()
    assert not helpers._FACTS


def test_kept_facts_stay_bounded_and_findings_unchanged(inline: Any, monkeypatch: Any) -> None:
    document = _faulty(inline)
    forget_indicators()
    expected = _json(document)
    monkeypatch.setattr(helpers, "FACTS_LIMIT", 3)
    forget_indicators()
    assert _json(document) == expected
    assert 0 < len(helpers._FACTS) <= 3
    forget_indicators()


def test_a_check_skipped_by_its_needs_would_have_given_no_verdict() -> None:
    """Every check that says what a row needs (helpers.indicator_check's ``needs``) gives None on the rows of
    every real, judged and seed table whose shape lacks it: skipping it changes no finding."""
    from tests.review.judged import BLIND, TUNED, review_of

    documents = [review_of(case)[0] for case in [*BLIND, *TUNED]]
    skipped = 0
    for document in documents:
        for row in helpers.rows(document):
            indicator = row.indicator
            shape = (row.level1, row.level2, row.cost, row.economic_cost, indicator.actual is not None,
                     indicator.description is not None, bool(indicator.level1.strip()),
                     bool(indicator.level2.strip()), indicator.target.is_quantitative, indicator.target.unit == "%",
                     indicator.target.unit is None)
            for check in helpers._CHECKS:
                needs = helpers._NEEDS.get(check)
                if needs is not None and not needs(shape):
                    skipped += 1
                    assert check(row) is None, (check.__name__, indicator.level3)
    assert skipped > 1000
