"""What an audit entry changed, as people read it (app.audit_changes): fields in Chinese, codes by their labels,
an edit's changed cells only."""

from __future__ import annotations

from perfbudget.app.audit_changes import Change, change_lines, changes


def _indicator(name: str, raw: str) -> dict[str, object]:
    return {"level1": "产出指标", "level2": "数量指标", "level3": name, "description": name,
            "target": {"raw": raw, "kind": "quantitative"}}


def test_codes_are_shown_by_their_labels_and_unchanged_fields_left_out() -> None:
    before = {"role": "reviewer", "unit_code": None, "active": True, "display_name": "李四"}
    after = {"role": "unit_editor", "unit_code": "255101", "active": False, "display_name": "李四"}
    assert change_lines("user.update", before, after) == ["角色：审核人员 → 单位填报人员", "单位：— → 255101",
                                                          "状态：启用 → 停用"]
    finding = {"rule": "cost-not-money", "indicator": 6, "field": "target", "reason": "增长率可以"}
    assert change_lines("finding.dismissed", None, finding) == [
        "规则：cost-not-money", "指标：第 6 个指标", "栏目：指标值", "理由：增长率可以"]
    step = {"comment": None, "justification": None, "state": "submitted", "version": 2}
    assert change_lines("workflow.submit", {"state": "draft"}, step) == ["流程状态：草稿 → 已送审", "版本：第 2 版"]
    assert changes("user.password", None, None) == ()


def test_an_edit_lists_the_cells_it_changed_not_the_two_projects() -> None:
    old = {"name": "甲", "budget": {"total": "10.00", "fiscal": "10.00", "other": None}, "purpose": "运维",
           "goals": ["目标"], "indicators": [_indicator("巡检次数", "≥12次"), _indicator("合格率", "100%")]}
    new = {**old, "budget": {"total": "12.00", "fiscal": "10.00", "other": "2.00"},
           "indicators": [_indicator("巡检次数", "≥15次"), _indicator("合格率", "100%"), _indicator("满意度", "≥90%")]}
    assert changes("project.edit", old, new) == (
        Change("预算数", "10.00", "12.00"), Change("预算 其他资金", "—", "2.00"),
        Change("第 1 个指标「巡检次数」 指标值", "≥12次", "≥15次"),
        Change("第 3 个指标「满意度」", "—", "产出指标/数量指标/满意度 ≥90%"))
    removed = changes("project.edit", new, old)[-1]
    assert removed.line() == "第 3 个指标「满意度」：产出指标/数量指标/满意度 ≥90% → —"


def test_an_imports_versions_are_named_by_their_projects_and_older_entries_by_number() -> None:
    after = {"versions": [{"project_id": 3, "version": 2, "project": "「运维项目」（2024中央）"},
                          {"project_id": 4, "version": 1}]}  # the second recorded before 2026-12-06
    assert change_lines("document.import", None, after) == [
        "带来的版本：项目「运维项目」（2024中央）第 2 版、项目 4 第 1 版"]
