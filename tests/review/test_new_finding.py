"""review.finding.new_finding makes the same finding as the dataclass's constructor."""

from dataclasses import fields

from perfbudget.model import Source
from perfbudget.review.finding import Finding, new_finding


def test_new_finding_equals_the_constructor_field_by_field() -> None:
    values = (3, 7, "target", "指标值缺失", "填写指标值", Source("a.txt", line=12), "missing-target-value", "完整性",
              "error")
    made, built = new_finding(*values), Finding(*values)
    assert made == built and hash(made) == hash(built)
    for field in fields(Finding):
        assert getattr(made, field.name) is getattr(built, field.name)


def test_new_finding_is_frozen() -> None:
    finding = new_finding(None, None, None, "m", "s", None, "r", "规范性", "info")
    try:
        finding.message = "x"  # type: ignore[misc]
    except AttributeError:
        return
    raise AssertionError("a finding must stay frozen")
