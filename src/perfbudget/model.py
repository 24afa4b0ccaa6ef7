"""The exact model of a performance target table (项目支出绩效目标表).

Every record is a frozen dataclass; change one with :func:`dataclasses.replace`.
Money and target values are :class:`~decimal.Decimal`, never float.

Source locations (:class:`Source`) are carried by the parsed records but take no
part in equality: a document read from Word and the same document read back from
its JSON are equal.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

FORMAT = "perfbudget/1"
_NO_PLACE = (None,) * 6  # a Source's fields after the file, when it names the file alone


class Source(NamedTuple):
    """Where a value was read from.

    An immutable record like the others, but a NamedTuple rather than a frozen dataclass:
    readers create one per cell (hundreds of thousands per corpus), and a NamedTuple is made
    about three times faster (measured in bench/read_text.py).

    Attributes:
        file: the file name as given by the user.
        line: 1-based line in a text file.
        sheet: worksheet name (xlsx) or table label (docx/html/pdf, e.g. "表3").
        table: 1-based table number inside the file or sheet.
        row: 1-based row inside the table or sheet.
        column: 1-based column inside the table or sheet.
        page: 1-based page (pdf).
    """

    file: str
    line: int | None = None
    sheet: str | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    page: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
        text = ":".join(parts)
        where = self.place
        return f"{text}:{where}" if where else text

    @property
    def place(self) -> str:
        """Where in the file, for a person, without the file or line: ``第2页 表1 第3行 第2列`` (empty for a line)."""
        where = []
        if self.page is not None:
            where.append(f"第{self.page}页")
        if self.sheet is not None:
            where.append(self.sheet)
        elif self.table is not None:
            where.append(f"表{self.table}")
        if self.row is not None:
            where.append(f"第{self.row}行")
        if self.column is not None:
            where.append(f"第{self.column}列")
        return " ".join(where)

    def to_dict(self) -> dict[str, str | int]:
        if self[1:] == _NO_PLACE and self.file is not None:  # a file alone (a stored table's findings)
            return {"file": self.file}
        return {k: v for k, v in zip(self._fields, self, strict=True) if v is not None}


_new_tuple = tuple.__new__


class LineSources(Mapping[str, Source]):
    """The per-field sources of a record read from consecutive lines of a text file, one field a line:
    ``Source(file, first + k)`` for the k-th of ``fields``, made when first asked for.

    The text reader's one-pass path reads each indicator row from one line per cell and makes tens of
    thousands of indicators whose per-field sources are seldom read (a review finding's location);
    this keeps a file name and two integers instead of a dict of five ``Source`` tuples (about 12 % of
    the reader's instructions, bench/README.md, reader-speed8). It is a read-only mapping that
    compares equal to the dict it stands for (``dict(sources)`` gives that dict), and pickles as it is.
    """

    __slots__ = ("_fields", "_file", "_first", "_made")

    def __init__(self, file: str, first: int, fields: tuple[str, ...]) -> None:
        self._file = file
        self._first = first
        self._fields = fields
        self._made: dict[str, Source] | None = None

    def _dict(self) -> dict[str, Source]:
        made = self._made
        if made is None:
            file, first = self._file, self._first
            made = self._made = {name: _new_tuple(Source, (file, first + k, None, None, None, None, None))
                                 for k, name in enumerate(self._fields)}
        return made

    def __getitem__(self, key: str) -> Source:
        return self._dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __contains__(self, key: object) -> bool:
        return key in self._fields

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        return self._dict().get(key, default)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LineSources):
            other = other._dict()
        return self._dict() == other if isinstance(other, Mapping) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # (as a dict's)

    def __repr__(self) -> str:
        return repr(self._dict())

    def __reduce__(self) -> tuple[object, ...]:
        return (LineSources, (self._file, self._first, self._fields))


class Kind(StrEnum):
    QUANTITATIVE = "quantitative"
    QUALITATIVE = "qualitative"


class Op(StrEnum):
    GE = ">="
    LE = "<="
    EQ = "="
    GT = ">"
    LT = "<"


class Direction(StrEnum):
    POSITIVE = "positive"
    REVERSE = "reverse"
    EXACT = "exact"


# Each Kind, Op and Direction member's text (its ``.value``). ``.value`` is an enum property run in Python;
# this look-up costs about a sixth of it, and an import turns some fifty members a table into text (the
# store's rows and the content hash's interchange dict).
ENUM_TEXT: dict[StrEnum, str] = {member: member.value for enum in (Kind, Op, Direction) for member in enum}

# Kind.QUANTITATIVE held as a module constant: an attribute of an enum class is looked up through the enum
# metaclass's ``__getattr__`` hook (Python 3.11), several times the cost of a global (is_quantitative runs for
# every compared target of a province's review).
_QUANTITATIVE = Kind.QUANTITATIVE


@dataclass(frozen=True, slots=True)
class Target:
    """A target value (指标值) as written and as understood.

    Attributes:
        raw: the text exactly as written in the table.
        kind: quantitative (a number to compare) or qualitative (a phrase).
        op: the comparator, or None when none is written (bare number, range, phrase).
        value: the number, or for a range its lower bound; None when qualitative.
        unit: normalised unit (``%`` for 百分比/％, ``万元`` for 万); None when none is written.
        direction: positive (bigger is better), reverse (smaller is better) or exact;
            None for qualitative targets.
        upper: the upper bound of a range such as ``90%-95%``; None otherwise.
        period: (start, end) of a period such as ``2023.07-2024.01`` as written
            (a period is qualitative: it is met or not); None otherwise.
    """

    raw: str
    kind: Kind
    op: Op | None = None
    value: Decimal | None = None
    unit: str | None = None
    direction: Direction | None = None
    upper: Decimal | None = None
    period: tuple[str, str] | None = None

    @property
    def is_quantitative(self) -> bool:
        return self.kind is _QUANTITATIVE


@dataclass(frozen=True, slots=True)
class Budget:
    """The project's money in the table's money unit.

    Attributes:
        total: 预算数 / 年度资金总额.
        fiscal: 其中：财政资金 / 财政拨款.
        other: 其他资金.
        initial: 年初预算数 of a self-evaluation's funds grid (its total row), where the grid gives it beside the
            adjusted amount (全年预算数, 调整后预算数), which is ``total``.
        executed: 全年执行数 (执行数, 预算执行数) of the funds grid's total row (a grid of source rows without one:
            their sum), in the table's money unit; where the grid leaves it blank, the amount the table's result text
            states (实际支出53万元 in its 实际完成情况 or 评价结论, readers/stated_execution.py), located at that text.
        rate: 执行率 of that row in percent as written (``98.5%`` is 98.5), a figure of the table's own; where the grid
            leaves it blank, the one its result text states (全年执行率53%).
        weight: the row's 分值 (权重): the points of budget execution in the 自评.
        score: the row's 得分: the execution points the table gives itself.
    Blank cells are None, never zero. The funds grid's cells stay in ``Project.extras`` as well (every row and
    column, ``年度资金总额/全年执行数``); these fields type its total row, located in ``Project.sources``
    (``budget.executed`` …).
    """

    total: Decimal | None = None
    fiscal: Decimal | None = None
    other: Decimal | None = None
    initial: Decimal | None = None
    executed: Decimal | None = None
    rate: Decimal | None = None
    weight: Decimal | None = None
    score: Decimal | None = None


# Budget's fields of a self-evaluation's funds grid, in their order (the JSON, the store and the readers name them so)
EXECUTION_FIELDS = ("initial", "executed", "rate", "weight", "score")


# 完成目标可能性 (rules.md §5): the closed set a 监控表's indicator states, in the words of the monitoring form
LIKELIHOODS = ("确定能", "有可能", "完全不可能")


@dataclass(frozen=True, slots=True)
class Progress:
    """A 绩效监控表's figures for one indicator: the period's actual and what the unit expects of the year.

    Attributes:
        actual: the period's actual (1-N月执行情况, 1-N月实际完成值, 半年度指标完成情况 …) as written.
        actual_value, actual_unit: that actual as a number and its unit (``4处`` → 4, 处; ``92%`` → 92, %) when it is
            one number (no comparator, no range); None when it is text (达成, 正在推进) or blank.
        forecast: 全年预计完成情况 (全年预计完成值) as written.
        forecast_value, forecast_unit: the forecast as a number and its unit, as ``actual_value``.
        likelihood: 完成目标可能性 as one of :data:`LIKELIHOODS` (不可能 is 完全不可能; 能, 可以 are not read:
            None), None when blank or another word.
        likelihood_text: the 完成目标可能性 cell as the table writes it (kept when ``likelihood`` is None).
        reason: 偏差原因 as written: the 偏差原因分析 group's ticked column (经费保障 …), a 偏差原因 column, else
            the 偏差原因分析 text (``Indicator.deviation``).
        measure: 纠偏措施 (改进措施, 整改措施) as written.
    Blank cells are None. The columns stay in ``Indicator.extras`` as well, under their headers.
    """

    actual: str | None = None
    actual_value: Decimal | None = None
    actual_unit: str | None = None
    forecast: str | None = None
    forecast_value: Decimal | None = None
    forecast_unit: str | None = None
    likelihood: str | None = None
    likelihood_text: str | None = None
    reason: str | None = None
    measure: str | None = None


# Progress's fields in their order (the JSON and the store name them so)
PROGRESS_FIELDS = ("actual", "actual_value", "actual_unit", "forecast", "forecast_value", "forecast_unit",
                   "likelihood", "likelihood_text", "reason", "measure")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One 三级 indicator row.

    Attributes:
        level1: 一级指标 as written (split cells joined), e.g. 产出指标.
        level2: 二级指标 as written, e.g. 数量指标.
        level3: 三级指标 as written (stars and template hints kept), its lines joined where the name is broken in
            its cell (``readers.cell_values.one_line``: a break kept only before a numbered line).
        description: 绩效指标描述 / 指标解释, None when the table has no such column.
        target: the target value (指标值).
        weight: 分值/权重 when the table gives one.
        actual: 实际完成值 as written (self-evaluation tables).
        score: 得分 (self-evaluation tables).
        deviation: 偏差原因分析及改进措施 (self-evaluation tables).
        extras: further columns kept as (header, text) pairs, e.g. 绩效标准, 备注.
        progress: a 监控表's monitoring columns typed (:class:`Progress`); None for other tables.
        source: the row the indicator was read from.
        sources: per-field locations, keyed by field name ("level3", "target" ...): a dict, or a
            :class:`LineSources` where the text reader read the row one cell a line.
    """

    level1: str
    level2: str
    level3: str
    description: str | None
    target: Target
    weight: Decimal | None = None
    actual: str | None = None
    score: Decimal | None = None
    deviation: str | None = None
    extras: tuple[tuple[str, str], ...] = ()
    progress: Progress | None = None
    source: Source | None = field(default=None, compare=False, repr=False)
    sources: Mapping[str, Source] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Project:
    """One project table.

    Attributes:
        seq: 1-based number of the table in its document (from its heading when numbered).
        title: the table heading as written, without its number; None when there is none.
        name: the project's name without the fund label.
        fund_label: the fund label after the name, e.g. "2024中央"; None when absent.
        fund_year: the year of the fund label.
        fund_source: the source part of the fund label, e.g. 中央, 市级, 非财拨.
        budget: the money block.
        purpose: 资金用途 (or 总体目标 where the table has no purpose cell).
        goals: 绩效目标 paragraphs without their "1." numbering.
        indicators: the indicator rows in table order.
        name_cell: the 项目名称 cell as written (name plus fund label).
        extras: further header fields kept as (label, text) pairs (主管部门, 实施单位 ...).
        complete: False when the table is cut off (the document ends or breaks inside it);
            what was read before the cut is kept, and ``cut`` says where it broke.
        cut: where a cut-off table broke; None for a complete table.
        needs_check: the reader's risky guesses for this project (short Chinese notes), shown as
            需人工核对; empty when the reading rests on no risky guess.
        month: a 监控表's period, the last month of the 1–N月 its figures run to (1-6月执行数, 截至6月,
            半年度 → 6); None for other tables, and for a 监控表 that does not say its period.
        table_total: the total score a 自评表 gives itself (自评得分 / 自评总分 in its header, else the 得分 of its
            总分 row); None when the table writes none.
        table_grade: the grade a 自评表 gives itself (评价等级 / 自评等级: 优, 良, 中 or 差); None when it writes none.
        source: where the table starts.
        sources: per-field locations ("name", "budget.total", "purpose", "goals", "month", "table_total" ...).
    """

    seq: int
    title: str | None
    name: str
    fund_label: str | None
    fund_year: int | None
    fund_source: str | None
    budget: Budget
    purpose: str | None
    goals: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    name_cell: str | None = None
    extras: tuple[tuple[str, str], ...] = ()
    complete: bool = True
    cut: Source | None = field(default=None, compare=False, repr=False)
    needs_check: tuple[str, ...] = field(default=(), compare=False)
    month: int | None = None
    table_total: Decimal | None = None
    table_grade: str | None = None
    source: Source | None = field(default=None, compare=False, repr=False)
    sources: dict[str, Source] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Unit:
    """The budget unit (预算单位).

    Attributes:
        code: the unit code, e.g. "255101"; None when the table gives none.
        name: the unit's name.
    """

    code: str | None
    name: str | None


@dataclass(frozen=True, slots=True)
class Document:
    """A performance target document: one unit's project tables.

    Attributes:
        unit: the budget unit.
        money_unit: the money unit of the tables (万元 or 元).
        projects: the project tables in document order.
        kind: "target" for 绩效目标表, "self-evaluation" for 自评表, "monitoring" for 绩效监控表 (运行监控表: its
            period in ``Project.month``).
        source: the file the document was read from.
        notes: things the reader skipped or normalised, never silently (e.g. placeholder rows).
    """

    unit: Unit
    money_unit: str | None
    projects: tuple[Project, ...]
    kind: str = "target"
    source: Source | None = field(default=None, compare=False, repr=False)
    notes: tuple[Problem, ...] = field(default=(), compare=False, repr=False)

    @property
    def indicator_count(self) -> int:
        return sum(len(p.indicators) for p in self.projects)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Problem:
    """An error or note about the input, as data with its location.

    Attributes:
        source: where the problem is.
        message: what is wrong, in Chinese, for the user.
        severity: error (the document cannot be trusted) or warning/info (a note).
    """

    source: Source
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
