"""The officer's and the reviewer's to-do (issue 14, point 1) outside the pages: the same counts, returned projects
with the reviewer's comment and queue (oldest submission first) as the landing page, for ``perfbudget desk todo``
and ``GET /api/v1/todo`` (until replay-k the landing page alone had them). The year is the page's: by default the
year with the user's work (:func:`perfbudget.app.desk.work_year`), ``all`` every year."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfbudget.app.desk import FilterProblem, ListQuery, todo, work_year
from perfbudget.app.project_lists import summary
from perfbudget.app.times import utc_iso

if TYPE_CHECKING:
    from perfbudget.app.roles import Principal
    from perfbudget.store import Store

def todo_year_problem(text: str | None) -> FilterProblem | None:
    """Why ``text`` is no year of the to-do (None: it is one, ``all`` or empty for every year, or not given), read
    as every list and the landing page read it (:meth:`perfbudget.app.desk.ListQuery.parse`; until faces47's second
    reading a parser of its own took ``ALL`` and refused an empty year, which the lists read as every year)."""
    return None if text is None else next(iter(ListQuery.parse({"year": text})[1]), None)


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
        year = work_year(tx, principal) if year_text is None else ListQuery.parse({"year": year_text})[0].year
        found = todo(tx, principal, year)
    return {"year": year, "role": principal.role.value,
            "items": [{"key": i.key, "label": i.label, "count": i.count} for i in found.items],
            "elsewhere": [{"key": i.key, "label": i.label, "count": i.count} for i in found.elsewhere],
            "returned": [{**_row(r), "comment": r.get("comment")} for r in found.returned],
            "queue": [_row(r) for r in found.queue]}
