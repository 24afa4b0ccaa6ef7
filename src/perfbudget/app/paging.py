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

__all__ = ["CHANGES_PAGE", "LIMIT_HELP", "LIMIT_SAID", "MOST_CHANGES_LIMIT", "MOST_HISTORY_CHANGES",
           "MOST_HISTORY_CHARS", "MOST_PAGE", "PAGE", "too_many", "too_many_changes"]
LIMIT_HELP = f"每页多少条（默认 {PAGE}，至多 {MOST_PAGE}，与 API 的 limit 相同）；0 同 --all。"
LIMIT_SAID = f"每页多少条（默认 {PAGE}，至多 {MOST_PAGE}，与 perfbudget list 的 --limit 相同）"


def too_many(limit: int, option: str = "--limit", more: str = "更多请用 --all，或 --format 导出") -> str | None:
    """The refusal of a page larger than :data:`MOST_PAGE` given as ``option`` (the command line's words, ``more``
    saying how to read the rest; the API answers 422), or None."""
    return f"{option} 最多 {MOST_PAGE}（{more}）" if limit > MOST_PAGE else None


# A page of a project's history on the API (``changes_limit``, ``changes_offset``) and the command line
# (``history --changes-limit``, ``--changes-offset``; every change of every version until faces44): each version's
# changes a page of CHANGES_PAGE (at most MOST_CHANGES_LIMIT), at most MOST_HISTORY_CHANGES changes in one answer
# (versions × changes each: 1,000 × 1,000 was asked and answered) and MOST_HISTORY_CHARS characters of their texts (a
# change's texts may be 20,000 characters each: 10,000 of them made an answer of some 400 MB until attack33). The web's
# history page keeps its own 50 changes a version (``app.overview.HISTORY_CHANGES``), each told in 300 characters.
CHANGES_PAGE = 50
MOST_CHANGES_LIMIT = 1000
MOST_HISTORY_CHANGES = 10_000
MOST_HISTORY_CHARS = 8_000_000


def too_many_changes(limit: int, changes_limit: int, names: tuple[str, str] = ("limit", "changes_limit")) -> str | None:
    """The refusal of a history page of ``limit`` versions × ``changes_limit`` changes over
    :data:`MOST_HISTORY_CHANGES`, in the face's option ``names`` (the API's; ``--limit``, ``--changes-limit``), or
    None."""
    if limit * changes_limit <= MOST_HISTORY_CHANGES:
        return None
    return (f"{names[0]} × {names[1]}（{limit} × {changes_limit}）不能超过 {MOST_HISTORY_CHANGES}："
            "请减少每页的版本数或每个版本的改动数，分页读取")
