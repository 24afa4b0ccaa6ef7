"""The 绩效目标表 as the pages draw it, with each review finding placed beside its cell.

Indicator findings go to their row (and colour the cell of their field); project findings
with a field (``budget.total``, ``goals``, ``purpose`` …) go to the header row holding that
field; findings without a place are listed above the table.

The class of every cell the table draws is there, ``""`` for a cell without findings (``cell_class``
of each line, ``header_class``; ``header`` has a list for each header row): the template reads them
by subscript, which Jinja does far more cheaply than it calls ``dict.get``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from perfbudget.model import Project
from perfbudget.review.finding import Finding
from perfbudget.target import display_target

_HEADER_ROWS = {"name": "name", "name_cell": "name", "fund_label": "name", "budget": "budget",
                "purpose": "purpose", "goals": "goals"}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
_ROW_CELLS = ("level1", "level2", "level3", "row", "description", "target")  # the cells of a line drawn
_HEADER_NAMES = ("name", "budget", "purpose", "goals")


def header_row_of(field_name: str | None) -> str | None:
    if not field_name:
        return None
    return _HEADER_ROWS.get(field_name.split(".")[0])


@dataclass(slots=True)
class IndicatorLine:
    """One indicator row of the standard table: spans for merged 一级/二级 cells and its findings."""

    position: int
    level1: str
    level2: str
    level3: str
    description: str | None
    target: str  # as the official table shows it (display_target)
    target_raw: str = ""  # as typed, shown on hover when it differs
    level1_span: int = 0  # 0: covered by the row above
    level2_span: int = 0
    findings: list[Finding] = field(default_factory=list)
    cell_class: dict[str, str] = field(default_factory=dict)  # by cell: "has-<worst severity>", or ""
    raw_differs: bool = False  # target_raw is shown on hover: it differs from the target shown


@dataclass(slots=True)
class AnnotatedTable:
    project: Project
    lines: list[IndicatorLine]
    header: dict[str, list[Finding]]
    header_class: dict[str, str]
    loose: list[Finding]

    @property
    def has_placed_findings(self) -> bool:
        """Whether any finding sits beside a cell (else the page shows no 审核发现 column)."""
        return any(self.header.values()) or any(line.findings for line in self.lines)


def _worst(findings: list[Finding]) -> str:
    worst, rank = "", 4
    for f in findings:  # the first of the most severe, as min() by _SEVERITY_ORDER picks it
        found = _SEVERITY_ORDER.get(f.severity, 3)
        if found < rank:
            worst, rank = f.severity, found
    return worst


_EMPTY_CELLS = dict.fromkeys(_ROW_CELLS, "")


def annotate(project: Project, findings: list[Finding]) -> AnnotatedTable:
    lines: list[IndicatorLine] = []
    # Merge equal consecutive 一级 (and 二级 within the same 一级), as the published tables do: the first line of
    # a run holds its span, counted in the same pass.
    first1: IndicatorLine | None = None
    first2: IndicatorLine | None = None
    for i, ind in enumerate(project.indicators, 1):
        target = ind.target
        shown, raw = display_target(target), target.raw
        line = IndicatorLine(i, ind.level1, ind.level2, ind.level3, ind.description, shown, raw, 0, 0, [],
                             _EMPTY_CELLS.copy(), bool(raw) and raw.strip() != shown)
        if first1 is None or first2 is None or line.level1 != first1.level1:
            first1 = first2 = line
            line.level1_span = line.level2_span = 1
        else:
            first1.level1_span += 1
            if line.level2 != first2.level2:
                first2 = line
                line.level2_span = 1
            else:
                first2.level2_span += 1
        lines.append(line)
    header: dict[str, list[Finding]] = defaultdict(list)
    loose: list[Finding] = []
    by_cell: dict[tuple[int, str], list[Finding]] = defaultdict(list)
    count = len(lines)
    for finding in findings:
        indicator = finding.indicator
        if indicator is not None and 1 <= indicator <= count:
            lines[indicator - 1].findings.append(finding)
            by_cell[(indicator, finding.field or "row")].append(finding)
        elif (row := header_row_of(finding.field)) is not None:
            header[row].append(finding)
        else:
            loose.append(finding)
    for (position, cell), found in by_cell.items():
        lines[position - 1].cell_class[cell] = f"has-{_worst(found)}"
    header_class = dict.fromkeys(_HEADER_NAMES, "")
    header_class.update((row, f"has-{_worst(found)}") for row, found in header.items())
    return AnnotatedTable(project, lines, {name: [] for name in _HEADER_NAMES} | dict(header), header_class, loose)
