"""The engine: findings JSON, a crashing rule, the grade, switching rules by config."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from perfbudget.model import Document
from perfbudget.review.config import GradeRule, ReviewConfig
from perfbudget.review.engine import review_document
from perfbudget.review.finding import Finding
from perfbudget.review.grade import grade_project
from perfbudget.review.registry import _REGISTRY, all_rules, rule
from tests.review.review_helpers import GOOD_ROWS, header, read, with_row

FINDING_KEYS = ["rule", "dimension", "severity", "project", "indicator", "field", "message", "suggestion", "source"]


@pytest.fixture
def faulty(inline: Any) -> Document:
    """The good table with a rate written ≥100% (error) and a vague value (warning)."""
    rows = with_row(2, ["产出指标", "质量指标", "服务验收合格率", "服务验收合格率", "≥100%"])
    rows[4] = ["效益指标", "社会效益指标", "保障司法工作正常开展", "保障司法工作正常开展", "有效保障"]
    return read(rows, None, inline)


def test_findings_json_has_the_design_shape(faulty: Document) -> None:
    report = review_document(faulty)
    data = report.to_dict()
    assert data["format"] == "perfbudget-review/1"
    assert data["projects"] == [{"seq": 1, "name": "测试项目", "grade": "中", "errors": 1, "warnings": 1,
                                 "infos": 0, "category": None, "complete": True,
                                 "basis": data["projects"][0]["basis"]}]
    assert data["projects"][0]["basis"][0].startswith("中：有错误1个")
    first = data["findings"][0]
    assert list(first) == FINDING_KEYS
    assert first["rule"] == "rate-over-100" and first["dimension"] == "适当性" and first["severity"] == "error"
    assert (first["project"], first["indicator"], first["field"]) == (1, 2, "target")
    assert first["source"] == {"file": "inline.txt", "line": first["source"]["line"]}
    assert isinstance(first["source"]["line"], int)
    assert "≥100%" in first["message"] and first["suggestion"]
    assert report.has_errors


def test_a_crashing_rule_becomes_a_finding(faulty: Document) -> None:
    @rule("test-crashes", title="测试：会出错的规则", dimension="规范性", severity="warning")
    def crashes(document: Document, config: ReviewConfig) -> list[Finding]:
        """Always fails."""
        raise ZeroDivisionError("boom")

    try:
        report = review_document(faulty)
    finally:
        del _REGISTRY["test-crashes"]
    crashed = [f for f in report.findings if f.rule == "test-crashes"]
    assert len(crashed) == 1
    assert crashed[0].severity == "error" and crashed[0].project is None
    assert "ZeroDivisionError" in crashed[0].message and "测试：会出错的规则" in crashed[0].message
    assert {f.rule for f in report.findings} >= {"rate-over-100", "vague-qualitative"}  # the others still ran
    assert report.projects[0].grade == "中"  # a crash is not the project's fault


def test_disabled_rules_do_not_run(faulty: Document) -> None:
    config = ReviewConfig(disabled=frozenset({"rate-over-100"}))
    report = review_document(faulty, config)
    assert "rate-over-100" not in report.rules_run
    assert {f.rule for f in report.findings} == {"vague-qualitative"}
    assert not report.has_errors
    assert report.projects[0].grade == "优"


def test_severity_and_parameters_from_config(inline: Any) -> None:
    document = read(with_row(6, ["满意度指标", "服务对象满意度指标", "服务干警满意度", "服务干警满意度", "≥85%"]),
                    None, inline)
    assert review_document(document).findings == ()
    config = ReviewConfig(params={"satisfaction-below-floor": {"floor": 90}},
                          severities={"satisfaction-below-floor": "error"})
    report = review_document(document, config)
    assert [(f.rule, f.severity) for f in report.findings] == [("satisfaction-below-floor", "error")]
    assert "90%" in report.findings[0].message


def test_grade_rule() -> None:
    def findings(errors: int, warnings: int, infos: int = 0, rule_id: str = "x") -> list[Finding]:
        out = [Finding(1, None, None, "", "", rule=rule_id, severity="error") for _ in range(errors)]
        out += [Finding(1, None, None, "", "", rule=rule_id, severity="warning") for _ in range(warnings)]
        out += [Finding(1, None, None, "", "", rule=rule_id, severity="info") for _ in range(infos)]
        return out

    default = GradeRule()
    assert grade_project(findings(0, 0, 9), default) == "优"
    assert grade_project(findings(0, 1), default) == "优"
    assert grade_project(findings(0, 2), default) == "良"
    assert grade_project(findings(0, 5), default) == "良"
    assert grade_project(findings(0, 6), default) == "中"
    assert grade_project(findings(1, 0), default) == "中"
    assert grade_project(findings(3, 9), default) == "中"
    assert grade_project(findings(4, 0), default) == "差"
    assert grade_project(findings(0, 1, rule_id="too-few-indicators"), default) == "差"
    strict = GradeRule(excellent_max_warnings=0, good_max_warnings=2, fair_max_errors=1, fail_rules=())
    assert grade_project(findings(0, 1), strict) == "良"
    assert grade_project(findings(2, 0), strict) == "差"


def test_too_few_indicators_grades_poor(inline: Any) -> None:
    report = review_document(read(GOOD_ROWS[:1] + GOOD_ROWS[5:], None, inline))
    assert report.projects[0].grade == "差"


def test_every_rule_is_documented_and_well_formed() -> None:
    for spec in all_rules():
        assert spec.doc, spec.id
        assert spec.id == spec.id.lower() and " " not in spec.id and "_" not in spec.id
        assert any("\u4e00" <= ch <= "\u9fff" for ch in spec.title), spec.id


def test_project_level_findings_point_at_the_table(inline: Any) -> None:
    document = read(GOOD_ROWS, header(total="10.00", fiscal="8.00", other="1.00"), inline)
    report = review_document(document, only={"fund-arithmetic"})
    (finding,) = report.findings
    assert finding.indicator is None and finding.field == "budget.total"
    assert finding.source is not None and finding.source.line is not None
    assert "9.00" in finding.message


def test_a_json_document_gives_the_same_review_located_at_the_file(seed_document: Document) -> None:
    from perfbudget.interchange import dumps, loads
    from perfbudget.model import Source

    document, problems = loads(dumps(seed_document), "seed.json")
    assert document is not None and problems == []
    if document.source is None:
        document = replace(document, source=Source("seed.json"))
    text_review = review_document(seed_document)
    json_review = review_document(document)
    assert [(f.rule, f.project, f.indicator, f.field, f.message) for f in json_review.findings] == [
        (f.rule, f.project, f.indicator, f.field, f.message) for f in text_review.findings]
    assert {f.source.file for f in json_review.findings if f.source is not None} == {"seed.json"}
    assert all(f.source is not None for f in json_review.findings)


def test_findings_carry_their_rule_from_the_start(faulty: Document) -> None:
    """at_indicator/at_project fill rule, dimension and severity while the engine runs a rule (the engine no
    longer rebuilds the finding); outside a review they leave them empty; a config's severity still wins."""
    from perfbudget.review.helpers import RUNNING, at_indicator, at_project

    spec = next(s for s in all_rules() if s.id == "rate-over-100")
    project = faulty.projects[0]
    seen: list[Finding] = []
    original = spec.function

    def spy(document: Document, settings: Any) -> list[Finding]:
        found = original(document, settings)
        seen.extend(found)
        return found

    _REGISTRY[spec.id] = replace(spec, function=spy)
    try:
        report = review_document(faulty, only={spec.id})
        changed = review_document(faulty, ReviewConfig(severities={spec.id: "info"}), only={spec.id})
    finally:
        _REGISTRY[spec.id] = spec
    assert seen and all((f.rule, f.dimension, f.severity) == ("rate-over-100", "适当性", "error") for f in seen)
    assert [(f.rule, f.severity) for f in report.findings] == [("rate-over-100", "error")]
    assert [(f.rule, f.severity) for f in changed.findings] == [("rate-over-100", "info")]
    assert RUNNING.get() == ("", "", "")
    outside = at_indicator(project, 1, project.indicators[0], "target", "m", "s")
    assert (outside.rule, outside.dimension, outside.severity) == ("", "", "")
    assert at_project(project, None, "m", "s").rule == ""


def test_grade_basis_from_a_tally_is_the_same_as_from_findings() -> None:
    from perfbudget.review.grade import grade_basis, grade_counted, tally, warning_points

    findings = [Finding(1, 2, None, "", "", rule="typo", dimension="规范性", severity="warning"),
                Finding(1, 3, None, "", "", rule="unit-mismatch", dimension="可行性", severity="warning"),
                Finding(1, None, None, "", "", rule="missing-goals", dimension="完整性", severity="error"),
                Finding(1, 4, None, "", "", rule="typo", dimension="规范性", severity="warning"),
                Finding(1, 5, None, "", "", rule="typo", dimension="规范性", severity="info")]
    rule = GradeRule(writing_weight=Decimal("0.25"))
    counted = tally(findings, rule)
    assert counted.points == warning_points(findings, rule) == Decimal("1.50")
    assert [f.indicator for f in counted.warnings] == [3, 2, 4]  # a whole point first
    assert (len(counted.errors), counted.infos, counted.writing) == (1, 1, True)
    assert grade_counted(counted, rule) == grade_project(findings, rule) == "中"
    basis = grade_basis("中", findings, rule, None, True, {"typo": "错别字"})
    assert basis == grade_basis("中", findings, rule, None, True, {"typo": "错别字"}, counted)
    assert basis[2] == ("警告：错别字（第2个指标、第4个指标）；unit-mismatch（第3个指标）"
                        "（规范性问题每条计0.25分，其余每条计1分）")


def test_a_grading_is_worked_out_once_per_shape_of_findings() -> None:
    from perfbudget.review.engine import _grading, _prepared

    settings = ReviewConfig().resolve(None, None)
    titles = {"typo": "错别字"}
    gradings: dict[Any, Any] = {}
    first = [Finding(1, 2, None, "a", "", rule="typo", dimension="规范性", severity="warning")]
    same = [Finding(7, 2, "level3", "another message", "s", rule="typo", dimension="规范性", severity="warning")]
    graded = _grading(first, None, True, settings, titles, gradings)
    assert graded == ("优", 0, 1, 0, ("优：没有错误，警告计0.5分（不超过1分）",
                                      "警告：错别字（第2个指标）（规范性问题每条计0.5分，其余每条计1分）"))
    assert _grading(same, None, True, settings, titles, gradings) is graded  # message and project do not count
    # what the grade reads does: the place, the severity, the dimension, the category, the completeness
    assert _grading([replace(first[0], indicator=3)], None, True, settings, titles, gradings)[4][1].endswith(
        "（第3个指标）（规范性问题每条计0.5分，其余每条计1分）")
    assert _grading([replace(first[0], dimension="可行性")], None, True, settings, titles, gradings)[4][0] == (
        "优：没有错误，警告计1分（不超过1分）")
    assert _grading([replace(first[0], severity="error")], None, True, settings, titles, gradings)[0] == "中"
    assert _grading(first, "人员类", True, settings, titles, gradings)[4][-1].startswith("人员类项目")
    assert _grading(first, None, False, settings, titles, gradings)[4][-1].startswith("表格不完整")
    assert len(gradings) == 6
    # a config without overrides keeps its gradings for the next document; one with them starts afresh
    config = ReviewConfig()
    document = Document(unit=None, money_unit=None, projects=())
    assert _prepared(config, document, None, None)[4] is _prepared(config, document, None, None)[4]
