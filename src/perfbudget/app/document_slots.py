"""How many documents made of many projects one server process writes at once: a unit's publication (its approved
tables in one Word, Excel, HTML or JSON file) and the 审核意见书 (a project's, in Word; a unit's, up to 200 projects,
as a page or in Word), on the pages and the API alike.

A unit's publication of 100 approved projects costs some 3.5 s of CPU in Word, 1.3 s in Excel; a unit's opinion of
100 projects 1.4 s; a project's opinion of 1,000 indicators and 300 comments 1.8 s. Until 2026-12-05 any signed-in
user could ask for any number at once (found by attack21: six Word publications of one unit at once cost 21.6 s of
CPU, each answered after 46 s, the process at 463 MB; forty would hold every worker thread the other pages use). Now
:data:`MOST_DOCUMENTS_AT_ONCE` are written at once per process and another is refused at once
(:class:`TooManyDocuments`, which a face answers with 429), never queued in a worker thread — as the list exports
(:func:`perfbudget.app.project_lists.export_slot`), whose places are their own.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

MOST_DOCUMENTS_AT_ONCE = 2
_documents = threading.BoundedSemaphore(MOST_DOCUMENTS_AT_ONCE)


class TooManyDocuments(RuntimeError):
    """:data:`MOST_DOCUMENTS_AT_ONCE` documents are being written in this process already; the message says so."""


@contextmanager
def document_slot() -> Iterator[None]:
    """Hold one of this process's :data:`MOST_DOCUMENTS_AT_ONCE` places for writing a publication or an opinion, or
    raise :class:`TooManyDocuments` at once when none is free."""
    if not _documents.acquire(blocking=False):
        raise TooManyDocuments(f"同时在生成的公开文件和审核意见书已达上限（每个服务进程 {MOST_DOCUMENTS_AT_ONCE} 个），"
                               "请稍后再试")
    try:
        yield
    finally:
        _documents.release()
