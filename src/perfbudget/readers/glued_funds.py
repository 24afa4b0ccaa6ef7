"""A self-evaluation's funds row glued into one number run, split where its execution rate checks out.

A document site's preview of a self-evaluation loses the separators of its funds grid too: under 全年预算数(A) |
全年执行数(B) | 分值 | 执行率(B/A) | 得分 the total row reads ``年度资金总额 202010100.00%10``. A careful person still
reads it, because the row checks itself: the 执行率 is 执行数 / 预算数, printed with a percent sign. The run is split
into one number per column in every way that fits (no leading zeros, the 分值 and 得分 at most 100, the percent
sign only in the 执行率, an amount's unit after it: ``10万10万100%20``), and kept only when exactly one split has
执行数 / 预算数 equal to the printed rate: ``20 | 20 | 10 | 100.00% | 10``. A split whose rate is 0 (nothing
spent, or a small share printed 0%) fits almost any budget, so it counts only where no split with a rate above 0
fits, and only with nothing spent (``1010100%20`` is 10 | 10 | 100% | 20, not 10101 | 0 | 0% | 20; ``5000%0`` is
50 | 0 | 0% | 0). Anything else is left as it is (an error at the cell, never a guess).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from perfbudget.readers.labels import fund_column

_BUDGETS = frozenset({"全年预算数", "年初预算数", "预算数", "调整后预算数", "年初预算", "调整后预算", "全年预算"})
_SPENT = frozenset({"全年执行数", "执行数", "预算执行数", "全年执行"})
_RATES = frozenset({"执行率", "预算执行率"})
_SMALL = frozenset({"分值", "得分", "权重"})  # at most 100
# a column label's note, a cell of its own in glued text: (A), (B), (B/A), (20分*执行率)
_LETTERS = re.compile(r"^[(（][^()（）]{1,12}[)）]$")
# (possessive runs: the two runs of the same characters tried each split of a run that fails, 4,000 digits and a
# letter 0.08 s, a glued line's 20,000 some 2 s; attack31)
_RUN = re.compile(r"^\d[\d.万元]*+%?[\d.万元]*+$")
_NUMBER = re.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?$")
# an amount may carry its unit in the run (10万10万100%20)
_AMOUNT_UNIT = re.compile(r"(?:万元|万|元)$")


def split_glued_funds(parts: list[str], budget: SplitBudget | None = None) -> tuple[list[str], list[str]]:
    """``parts`` (the cells of a glued line) with each glued funds run split into its columns' values (see the
    module's note), and the runs left out. The columns are the funds labels in a row, each joined with its note
    (全年预算数 | (A) is the label 全年预算数(A), as a grid's cell holds it); a run is read after one or two row
    labels (年度资金总额; 其中 | 本年财政拨款); any other cell ends the columns. After a row split so, a part's run
    without a rate (其中:本年财政拨款 ``2020``) is split into the budget and spent columns where exactly one split
    keeps each amount within the row before's. A run under two columns or more that splits in no such way is left
    out (its amounts cannot be told apart: ``2020`` is no amount of 2020), for the caller to report; so is a run with
    too many splits to try (``budget``, the file's: :data:`_MOST_TRIED`)."""
    columns: list[str] = []
    checked: list[str] | None = None  # the values of the last row whose rate checked out
    row_labels = 0  # row labels since the column labels or the last row's values
    out: list[str] = []
    unsplit: list[str] = []
    for part in _joined_notes(parts):
        compact = _compact(part)
        column = fund_column(part)
        if column is None and row_labels and _RUN.match(compact) and len(columns) >= 2:
            split = _only_split(compact, columns, budget)
            if split is not None:
                checked = split
            elif checked is not None:
                split = _part_split(compact, columns, checked, budget)
            if split is None:
                unsplit.append(part)
            else:
                out.extend(split)
            row_labels = 0
            continue
        if column is not None:
            columns.append(column)
            checked, row_labels = None, 0
        elif _LETTERS.match(compact) and out and fund_column(out[-1]) is not None:
            out[-1] += compact  # 全年预算数 | (A): one label, as in a grid's cell (全年预算数(A))
            continue
        elif columns and _is_row_label(compact) and row_labels < 2:
            row_labels += 1  # 年度资金总额; 其中 | 本年财政拨款
        elif not _LETTERS.match(compact):
            columns, checked, row_labels = [], None, 0
        out.append(part)
    return out, unsplit


def _part_split(run: str, columns: list[str], checked: list[str],
                budget: SplitBudget | None) -> list[str] | None:
    """A part's run without a rate split into the leading budget and spent columns, each amount within the
    checked row's (``2020`` under a total of 20 | 20 is 20 | 20: 202 | 0 exceeds it, 2 | 020 has a leading zero)."""
    if "%" in run:
        return None
    money = [c for c in columns[:next((i for i, c in enumerate(columns) if c not in _BUDGETS | _SPENT),
                                      len(columns))]]
    if len(money) < 2:
        return None
    limits = [Decimal(_AMOUNT_UNIT.sub("", v)) for v in checked[:len(money)]]
    found = [values for values in _bounded_splits(run, money, budget)
             if all(Decimal(_AMOUNT_UNIT.sub("", v)) <= limit for v, limit in zip(values, limits, strict=True))]
    return found[0] if len(found) == 1 else None


def _joined_notes(parts: list[str]) -> list[str]:
    """A funds label's note cut apart at a label it holds (得分 | ``(20分*`` | ``执行率`` | ``)``) joined again."""
    out: list[str] = []
    opened: list[str] = []
    for part in parts:
        if opened or (part.startswith(("(", "（")) and not part.endswith((")", "）"))
                      and out and fund_column(out[-1]) is not None):
            opened.append(part)
            if part.endswith((")", "）")) or len("".join(opened)) > 14:
                out.extend(["".join(opened)] if part.endswith((")", "）")) else opened)
                opened = []
            continue
        out.append(part)
    return out + opened


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _is_row_label(part: str) -> bool:
    """A funds row's label between the column labels and the row's values (年度资金总额, 其中:本年财政拨款)."""
    return re.search(r"[\u4e00-\u9fff]", part) is not None and not re.search(r"\d", part)


def _only_split(run: str, columns: list[str], budget: SplitBudget | None) -> list[str] | None:
    """The run's values, one per column, when exactly one split checks out; None otherwise."""
    if sum(c in _RATES for c in columns) != 1 or sum(c in _SPENT for c in columns) != 1:
        return None
    spent = next(i for i, c in enumerate(columns) if c in _SPENT)
    budgets = [i for i, c in enumerate(columns[:spent]) if c in _BUDGETS]
    if not budgets:
        return None
    found = [values for values in _bounded_splits(run, columns, budget)
             if _checks_out(values, columns, budgets[-1], spent)]
    # a split with a rate of 0 (nothing spent, or 10 of 2020 printed 0%) checks out for almost any budget
    # (10101 | 0 | 0% beside 10 | 10 | 100%): it counts only where no split with a rate above 0 does
    rate = columns.index(next(c for c in columns if c in _RATES))
    informative = [values for values in found if Decimal(values[rate][:-1]) != 0]
    found = informative or [values for values in found if Decimal(_AMOUNT_UNIT.sub("", values[spent])) == 0]
    if len(found) > 1:
        found = _as_printed(found, columns)
    return found[0] if len(found) == 1 else None


def _as_printed(found: list[list[str]], columns: list[str]) -> list[list[str]]:
    """Of several splits that check out, those a grid prints: a 得分 never above its 分值 (no points past the
    weight), then, where that leaves more than one, the row's amounts to the same decimals (``2456.18 | 2456.18 |
    2456.18``, not ``2456.182 | 456.182 | 456.18``). Asked only where the rate alone leaves more than one split (a
    grid of three amounts). The decimals are a preference, the points a rule: a row typed by hand ``310.2 | 154.74 |
    10 | 50% | 5`` is the one split left by its points (``154.741 | 0 | 50% | 5`` gives 5 points of 0), and is kept
    although its amounts differ in decimals."""
    weight = next((k for k, c in enumerate(columns) if c in ("分值", "权重")), None)
    score = next((k for k, c in enumerate(columns) if c == "得分"), None)
    if weight is not None and score is not None:
        found = [values for values in found if Decimal(values[score]) <= Decimal(values[weight])]
    if len(found) <= 1:
        return found
    amounts = [k for k, c in enumerate(columns) if c in _BUDGETS | _SPENT]
    return [values for values in found
            if len({_decimals(_AMOUNT_UNIT.sub("", values[k])) for k in amounts}) == 1]


def _decimals(number: str) -> int:
    return len(number.partition(".")[2])


# The pieces tried in all the splits of one run, and of all the runs of one file: every split is tried (the rate
# decides which one is meant), and a run's splits grow as its length to the power of its columns: 60 digits under
# 预算数 ×3 | 执行数 | 执行率 cost 4.7 s, under 预算数 ×4 some 57 s, each such line of a text as much (attack36). A real
# row's run tried some hundreds (``202010100.00%10`` under five columns) to some 110,000 (three amounts of nine
# digits and two decimals under six) until the lead's reread split each rest of a run under each rest of the columns
# once: 284 and 2,782 now (pieces tried and splits made), so a file holds hundreds of such rows; a run past either
# bound is told as not split (an error at the cell, never a guess).
_MOST_TRIED = 300_000
_MOST_TRIED_IN_A_FILE = 1_000_000
_LONGEST_WHOLE = 18  # an amount's integer digits and unit (10**16 元 and more is no budget's)


class SplitBudget:
    """The pieces a file's runs may still try (:data:`_MOST_TRIED_IN_A_FILE`), one for each file read."""

    __slots__ = ("left",)

    def __init__(self) -> None:
        self.left = _MOST_TRIED_IN_A_FILE


class _TooManySplits(Exception):
    """A run with more ways to split than its pieces tried allow."""


def _splits(run: str, columns: list[str], tried: list[int] | None = None) -> list[list[str]]:
    """Every split of ``run`` into one well-formed number per column (a percent sign ending the rate only);
    :class:`_TooManySplits` past :data:`_MOST_TRIED` pieces tried and splits made (``tried`` counts them down).
    Each rest of the run under each rest of the columns is split once (the lead's reread of attack36: tried again
    for every way to reach it, a real row of three amounts in 元 under six columns tried 61,967 pieces, and the
    file's bound left the seventeenth such row of a 自评表 text unsplit; now some hundreds)."""
    tried = tried if tried is not None else [_MOST_TRIED]
    known: dict[tuple[int, int], list[list[str]]] = {}

    def rest_of(offset: int, at: int) -> list[list[str]]:
        if (offset, at) in known:
            return known[offset, at]
        out: list[list[str]] = []
        if at == len(columns):
            out = [[]] if offset == len(run) else []
            known[offset, at] = out
            return out
        column = columns[at]
        rate = column in _RATES
        for end in range(offset + 1, len(run) + 1):
            tried[0] -= 1
            if tried[0] < 0:
                raise _TooManySplits
            piece = run[offset:end]
            if piece.count(".") > 1 or "%" in piece[:-1] or (not rate and piece.endswith("%")) \
                    or len(piece.partition(".")[0]) > _LONGEST_WHOLE:
                break  # (no longer piece is one number either)
            number = piece[:-1] if rate and piece.endswith("%") else piece
            if not rate and column not in _SMALL:
                number = _AMOUNT_UNIT.sub("", number)
            if rate != piece.endswith("%") or not _NUMBER.match(number):
                continue
            if column in _SMALL and Decimal(number) > 100:
                break
            rests = rest_of(end, at + 1)
            tried[0] -= len(rests)
            if tried[0] < 0:
                raise _TooManySplits
            out.extend([piece, *rest] for rest in rests)
        known[offset, at] = out
        return out

    return rest_of(0, 0)


def _bounded_splits(run: str, columns: list[str], budget: SplitBudget | None) -> list[list[str]]:
    """:func:`_splits`, or none where the run has too many (:data:`_MOST_TRIED`, or what is left of ``budget``, the
    file's): left as it is, told unsplit."""
    tried = [min(_MOST_TRIED, budget.left) if budget is not None else _MOST_TRIED]
    first = tried[0]
    try:
        return _splits(run, columns, tried)
    except _TooManySplits:
        return []
    finally:
        if budget is not None:
            budget.left -= first - max(tried[0], 0)


def _checks_out(values: list[str], columns: list[str], budget: int, spent: int) -> bool:
    """执行数 / 预算数 equals the printed rate at the rate's printed precision."""
    rate = next(v for v, c in zip(values, columns, strict=True) if c in _RATES)[:-1]
    try:
        planned, done = (Decimal(_AMOUNT_UNIT.sub("", values[k])) for k in (budget, spent))
        printed = Decimal(rate)
        if planned <= 0:
            return False
        exponent = printed.as_tuple().exponent
        places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
        # (a rate of more digits than the context's 28 cannot be quantized to: InvalidOperation, 500 on an upload
        # of a glued line until attack36)
        return (done / planned * 100).quantize(places) == printed
    except InvalidOperation:
        return False
