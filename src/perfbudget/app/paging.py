"""One page of a list, the same on every face: ``perfbudget list …`` and ``audit`` on the command line,
``GET /api/v1/projects``, ``/review/queue``, ``/evaluations``, ``/units``, ``/indicators`` and ``/audit``.

Until replay-ab the command line's lists paged 50 rows where the API's paged 100 (``audit`` was made one page in
replay-z): the same question gave a different page. :data:`PAGE` is the one default, :data:`MOST_PAGE` the largest
page either face gives (more: ``--all`` or an export on the command line, ``offset`` on the API)."""

from __future__ import annotations

PAGE = 100
MOST_PAGE = 1000
LIMIT_HELP = f"每页多少条（默认 {PAGE}，至多 {MOST_PAGE}，与 API 的 limit 相同）；0 同 --all。"
LIMIT_SAID = f"每页多少条（默认 {PAGE}，至多 {MOST_PAGE}，与 perfbudget list 的 --limit 相同）"


def too_many(limit: int) -> str | None:
    """The refusal of a page larger than :data:`MOST_PAGE` (the command line's words; the API answers 422), or None."""
    return f"--limit 最多 {MOST_PAGE}（更多请用 --all，或 --format 导出）" if limit > MOST_PAGE else None
