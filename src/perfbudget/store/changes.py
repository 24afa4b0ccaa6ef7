"""What changed between two versions of a project, as records and as Chinese sentences.

Indicators are matched by their (一级, 二级, 三级) names, in order among equal names;
unmatched old ones were removed, unmatched new ones added. A matched pair whose target
text differs is a target change; other differing fields are indicator changes. Project
fields (budget, goals, purpose …) and document-level values (unit name, money unit) are
compared one by one. Every change keeps the old and new text, so history never needs
to re-read a file.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from perfbudget.model import Document, Indicator, Project
from perfbudget.target import format_decimal

CHANGE_KINDS = (
    "indicator_added",
    "indicator_removed",
    "target_changed",
    "indicator_changed",
    "indicators_reordered",
    "budget_changed",
    "goals_changed",
    "project_changed",
    "document_changed",
)

FIELD_LABELS = {
    "target": "指标值（解析结果）",
    "description": "绩效指标描述",
    "weight": "分值",
    "actual": "实际完成值",
    "score": "得分",
    "deviation": "偏差原因分析",
    "extras": "其他列",
    "total": "预算数",
    "fiscal": "财政资金",
    "other": "其他资金",
    "goals": "绩效目标",
    "purpose": "资金用途",
    "title": "表格标题",
    "seq": "表格序号",
    "name_cell": "项目名称单元格",
    "fund_source": "资金来源",
    "unit_name": "单位名称",
    "money_unit": "金额单位",
    "kind": "表格类型",
}


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between a version and its predecessor.

    Attributes:
        kind: one of :data:`CHANGE_KINDS`.
        subject: the indicator ("一级 / 二级 / 三级") or None for project-level changes.
        field: the field that changed (``target``, ``description``, ``total``, ``purpose`` …).
        old: the old text (None when absent; for an added indicator None).
        new: the new text (None when absent; for a removed indicator None).
    """

    kind: str
    subject: str | None = None
    field: str | None = None
    old: str | None = None
    new: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "subject": self.subject, "field": self.field,
                "old": self.old, "new": self.new, "message": describe(self)}


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, tuple):
        return json.dumps([list(v) if isinstance(v, tuple) else v for v in value], ensure_ascii=False)
    return str(value)


def _subject(indicator: Indicator) -> str:
    return f"{indicator.level1} / {indicator.level2} / {indicator.level3}"


def _match(old: tuple[Indicator, ...], new: tuple[Indicator, ...]) -> list[tuple[int | None, int | None]]:
    """Pairs of (old index, new index); None on one side for a removed or added indicator."""
    waiting: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, indicator in enumerate(old):
        waiting[(indicator.level1, indicator.level2, indicator.level3)].append(index)
    pairs: list[tuple[int | None, int | None]] = []
    for index, indicator in enumerate(new):
        queue = waiting.get((indicator.level1, indicator.level2, indicator.level3))
        pairs.append((queue.pop(0) if queue else None, index))
    matched = {o for o, _ in pairs if o is not None}
    pairs.extend((index, None) for index in range(len(old)) if index not in matched)
    return pairs


def _indicator_changes(old: Indicator, new: Indicator) -> list[Change]:
    subject = _subject(new)
    if old.target.raw != new.target.raw:
        changes = [Change("target_changed", subject, "target", old.target.raw, new.target.raw)]
    elif old.target != new.target:
        changes = [Change("indicator_changed", subject, "target", repr(old.target), repr(new.target))]
    else:
        changes = []
    for field in ("description", "weight", "actual", "score", "deviation", "extras"):
        before, after = getattr(old, field), getattr(new, field)
        if before != after or _text(before) != _text(after):
            changes.append(Change("indicator_changed", subject, field, _text(before), _text(after)))
    return changes


def indicator_changes(old: tuple[Indicator, ...], new: tuple[Indicator, ...]) -> list[Change]:
    changes: list[Change] = []
    pairs = _match(old, new)
    for old_index, new_index in pairs:
        if old_index is None and new_index is not None:
            changes.append(Change("indicator_added", _subject(new[new_index]), None, None, new[new_index].target.raw))
        elif new_index is None and old_index is not None:
            changes.append(Change("indicator_removed", _subject(old[old_index]), None, old[old_index].target.raw, None))
        elif old_index is not None and new_index is not None:
            changes.extend(_indicator_changes(old[old_index], new[new_index]))
    kept = [o for o, n in pairs if o is not None and n is not None]
    if kept != sorted(kept):
        changes.append(Change("indicators_reordered"))
    return changes


def project_changes(old: Project, new: Project) -> list[Change]:
    changes: list[Change] = []
    for field in ("seq", "title", "name_cell", "fund_source"):
        before, after = _text(getattr(old, field)), _text(getattr(new, field))
        if before != after:
            changes.append(Change("project_changed", None, field, before, after))
    for field in ("total", "fiscal", "other"):
        before, after = _text(getattr(old.budget, field)), _text(getattr(new.budget, field))
        if before != after:
            changes.append(Change("budget_changed", None, field, before, after))
    if old.purpose != new.purpose:
        changes.append(Change("project_changed", None, "purpose", old.purpose, new.purpose))
    if old.goals != new.goals:
        changes.append(Change("goals_changed", None, "goals", "\n".join(old.goals), "\n".join(new.goals)))
    if old.extras != new.extras:
        changes.append(Change("project_changed", None, "extras", _text(old.extras), _text(new.extras)))
    return changes


def document_changes(old: Document, new: Document) -> list[Change]:
    changes: list[Change] = []
    for field, before, after in (("unit_name", old.unit.name, new.unit.name),
                                 ("money_unit", old.money_unit, new.money_unit),
                                 ("kind", old.kind, new.kind)):
        if before != after:
            changes.append(Change("document_changed", None, field, before, after))
    return changes


def version_changes(old: Document, new: Document) -> list[Change]:
    """The changes from the one project of ``old`` to the one project of ``new`` (with their documents)."""
    old_project, new_project = old.projects[0], new.projects[0]
    return (document_changes(old, new) + project_changes(old_project, new_project)
            + indicator_changes(old_project.indicators, new_project.indicators))


def _or_blank(text: str | None) -> str:
    return "（空）" if text is None or text == "" else _visible(text)


def _visible(text: str) -> str:
    """``text`` with each invisible format character (a zero-width space, a joiner, a byte-order mark: Unicode's Cf)
    written out as 〔U+200B〕, so a change made by one reads as a change (replay-s: 「标题变更：…信息化运维… →
    …信息化​运维…」 looked like the same text twice)."""
    if text.isascii() or not any(unicodedata.category(ch) == "Cf" for ch in text):
        return text
    return "".join(f"〔U+{ord(ch):04X}〕" if unicodedata.category(ch) == "Cf" else ch for ch in text)


def describe(change: Change) -> str:
    """The change as one Chinese sentence for the user."""
    label = FIELD_LABELS.get(change.field or "", change.field or "")
    if change.kind == "indicator_added":
        return f"新增指标：{change.subject}（指标值 {_or_blank(change.new)}）"
    if change.kind == "indicator_removed":
        return f"删除指标：{change.subject}（原指标值 {_or_blank(change.old)}）"
    if change.kind == "target_changed":
        return f"指标值变更：{change.subject}：{_or_blank(change.old)} → {_or_blank(change.new)}"
    if change.kind == "indicator_changed":
        return f"指标{label}变更：{change.subject}：{_or_blank(change.old)} → {_or_blank(change.new)}"
    if change.kind == "indicators_reordered":
        return "指标顺序调整"
    if change.kind == "goals_changed":
        return f"绩效目标变更：{_or_blank(change.old)} → {_or_blank(change.new)}"
    return f"{label}变更：{_or_blank(change.old)} → {_or_blank(change.new)}"
