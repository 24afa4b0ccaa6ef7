"""The officer's and the reviewer's to-do (issue 14, point 1) outside the pages: the same counts, returned projects
with the reviewer's comment and queue (oldest submission first) as the landing page, for ``perfbudget desk todo``
and ``GET /api/v1/todo`` (until replay-k the landing page alone had them). The year is the page's: by default the
year with the user's work (:func:`perfbudget.app.desk.work_year`), ``all`` every year."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfbudget.app.desk import FILTER_LABELS, YEAR_EXPECTED, FilterProblem, todo, work_year
from perfbudget.app.project_lists import summary
from perfbudget.app.times import utc_iso
from perfbudget.app.validate import echoed
from perfbudget.plain_numbers import plain_year

if TYPE_CHECKING:
    from perfbudget.app.roles import Principal
    from perfbudget.store import Store

ALL_YEARS = "all"


def todo_year_problem(text: str | None) -> FilterProblem | None:
    """Why ``text`` is no year of the to-do (None: it is one, ``all``, or not given), in the words of every list's and
    the landing page's year (:data:`perfbudget.app.desk.YEAR_EXPECTED`)."""
    if text is None or text.strip().lower() == ALL_YEARS or plain_year(text) is not None:
        return None
    shown = echoed(text)
    return FilterProblem("year", shown, f"{FILTER_LABELS['year']}「{shown}」无效：{YEAR_EXPECTED}")


def _row(row: dict[str, Any]) -> dict[str, Any]:
    submitted = row.get("submitted_at")
    shown = {key: str(value) if isinstance(value, Decimal) else value for key, value in summary(row).items()}
    return {**shown, "errors": row.get("errors"), "warnings": row.get("warnings"),
            "submitted_at": utc_iso(submitted) if submitted else None}


def todo_dict(store: Store, principal: Principal, year_text: str | None) -> dict[str, Any]:
    """The to-do of the year ``year_text`` names (None: the year with the user's work; ``all``: every year): its
    items (key, label, count), the counts of other years still waiting (``elsewhere``), the returned projects with
    the last 退回意见 (editors) and the queue, oldest submission first (reviewers); call
    :func:`todo_year_problem` first."""
    with store.reading() as tx:
        if year_text is None:
            year = work_year(tx, principal)
        else:
            year = None if year_text.strip().lower() == ALL_YEARS else plain_year(year_text)
        found = todo(tx, principal, year)
    return {"year": year, "role": principal.role.value,
            "items": [{"key": i.key, "label": i.label, "count": i.count} for i in found.items],
            "elsewhere": [{"key": i.key, "label": i.label, "count": i.count} for i in found.elsewhere],
            "returned": [{**_row(r), "comment": r.get("comment")} for r in found.returned],
            "queue": [_row(r) for r in found.queue]}
