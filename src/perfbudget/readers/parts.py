"""What one project's table yields while it is being interpreted, before it becomes a frozen Project."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from perfbudget.model import Indicator, Problem, Source, Unit
from perfbudget.readers.grid import Cell


@dataclass
class Parts:
    """The pieces of one project table, filled by the header-block and indicator readers."""

    heading: str | None
    source: Source
    unit: Unit | None = None
    money_unit: str | None = None
    # A funds label's own money unit against the stated one (单位：元 over 资金情况（万元）): (its unit, the label), a
    # second candidate decided where the total is known (readers/money_scale.label_unit_choice).
    label_money_unit: tuple[str, str] | None = None
    name_cell: Cell | None = None
    money: dict[str, Cell] = field(default_factory=dict)
    # Parts of 其他资金 given line by line (自有资金小计, 其他收入): added up when no 其他资金 cell.
    other_parts: list[Cell] = field(default_factory=list)
    # Parts of 财政资金 given line by line (label, amount: 其中:中央补助, 地方资金): added up when the total is
    # left empty and no 财政资金 cell is given.
    fiscal_parts: list[tuple[str, Cell]] = field(default_factory=list)
    # The money of sources outside the budget (label, amount: 自筹资金, 单位自有资金, 事业收入), each kept as an
    # extra too: 其他资金 is their sum when the table gives no 其他资金 and no parts of it.
    other_sources: list[tuple[str, Cell]] = field(default_factory=list)
    purpose: list[Cell] = field(default_factory=list)
    goals: list[Cell] = field(default_factory=list)
    extras: list[tuple[str, Cell]] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    self_evaluation: bool = False
    # 项目总预算 (a multi-year total): the budget only when the table gives no year budget.
    project_total: Cell | None = None
    # Where the table was cut off (the document ends or breaks inside it); None when complete.
    cut: Source | None = None
    # A 部门整体 (department-level) table: the department's whole spending, not one project.
    department: bool = False
    # The reader's risky guesses for this project (short Chinese notes, shown as 需人工核对).
    needs_check: list[str] = field(default_factory=list)
    # A table beside the form that is no part of it (a sheet of fund sources, a sign-off table): the
    # error said of it, made a warning when the file's other tables give a project.
    unrelated: Problem | None = None
    # A second 项目名称 with another name in the same header block (two forms run into one block, as a
    # document site's preview one cell a line gives them): the cell, reported as an error (corpus20b).
    second_name: Cell | None = None
    # More names in the 项目名称 row beside the first (项目名称 | 甲项目 | 乙项目: projects side by side whose columns
    # the reader could not tell apart, readers/side_projects.py): the cells, reported as an error (misses22).
    side_names: list[Cell] = field(default_factory=list)
    # A 绩效监控表 (readers/monitoring_period.py): set when the project is built; the document is then a monitoring one.
    monitoring: bool = False
    # Warnings the header block found at a cell (a 专项债 row's figures not placed: readers/bond_funds.py), reported
    # when the project is built.
    warnings: list[Problem] = field(default_factory=list)


_new = object.__new__
# The fields new_parts sets, in order (checked against the dataclass at import: a field added to Parts stops
# the import here until new_parts sets it too).
_FIELDS = ("heading", "source", "unit", "money_unit", "label_money_unit", "name_cell", "money", "other_parts",
           "fiscal_parts", "other_sources", "purpose", "goals", "extras", "indicators", "self_evaluation",
           "project_total", "cut", "department", "needs_check", "unrelated", "second_name", "side_names",
           "monitoring", "warnings")
if tuple(f.name for f in fields(Parts)) != _FIELDS:
    raise RuntimeError("parts: Parts' fields changed; update new_parts")


def new_parts(heading: str | None, source: Source) -> Parts:
    """``Parts(heading, source)`` made without the dataclass's ``__init__``, whose eight default factories are
    calls (here literals): ≈ 4,300 instructions against 7,700. The one-pass text path makes one a table;
    tests/readers/test_text_fast_path.py checks it equals ``Parts(heading, source)``."""
    parts = _new(Parts)
    parts.heading = heading
    parts.source = source
    parts.unit = None
    parts.money_unit = None
    parts.label_money_unit = None
    parts.name_cell = None
    parts.money = {}
    parts.other_parts = []
    parts.fiscal_parts = []
    parts.other_sources = []
    parts.purpose = []
    parts.goals = []
    parts.extras = []
    parts.indicators = []
    parts.self_evaluation = False
    parts.project_total = None
    parts.cut = None
    parts.department = False
    parts.needs_check = []
    parts.unrelated = None
    parts.second_name = None
    parts.side_names = []
    parts.monitoring = False
    parts.warnings = []
    return parts
