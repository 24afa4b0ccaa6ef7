"""One page of a list, the same on the command line and the API: ``perfbudget list …`` and ``audit``,
``GET /api/v1/projects``, ``/review/queue``, ``/evaluations``, ``/units``, ``/indicators``, ``/audit`` and a
project's ``/history``, ``perfbudget history`` and the web's lists (the project list and the dashboard show 20, 50 or
100 rows, 100 by default; 50 until faces43). The web's history page is no list: it keeps its own 50 versions and 50
workflow steps a page (``app.overview.HISTORY_PAGE``, ``EVENTS_PAGE``).

Until replay-ab the command line's lists paged 50 rows where the API's paged 100 (``audit`` was made one page in
replay-z): the same question gave a different page. :data:`PAGE` is the one default, :data:`MOST_PAGE` the largest
page either face gives (more: ``--all`` or an export on the command line, ``offset`` on the API); the numbers are
:mod:`perfbudget.page_size`'s, the store's default page too."""

from __future__ import annotations

from perfbudget.page_size import MOST_PAGE, PAGE

__all__ = ["LIMIT_HELP", "LIMIT_SAID", "MOST_PAGE", "PAGE", "too_many"]
LIMIT_HELP = f"每页多少条（默认 {PAGE}，至多 {MOST_PAGE}，与 API 的 limit 相同）；0 同 --all。"
LIMIT_SAID = f"每页多少条（默认 {PAGE}，至多 {MOST_PAGE}，与 perfbudget list 的 --limit 相同）"


def too_many(limit: int, option: str = "--limit", more: str = "更多请用 --all，或 --format 导出") -> str | None:
    """The refusal of a page larger than :data:`MOST_PAGE` given as ``option`` (the command line's words, ``more``
    saying how to read the rest; the API answers 422), or None."""
    return f"{option} 最多 {MOST_PAGE}（{more}）" if limit > MOST_PAGE else None
