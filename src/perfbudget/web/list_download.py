"""A list of projects as a download (xlsx or CSV) for the web's 导出 buttons and the API's ``format``: written by
:func:`perfbudget.app.project_lists.write_list` into a spooled temporary file (memory up to 8 MB, then disk) in
the request's worker thread, then streamed from it in chunks."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO

from fastapi.responses import StreamingResponse

from perfbudget.app.desk import ListQuery
from perfbudget.app.project_lists import TooManyExports, TooManyRows, export_name, export_slot, write_list
from perfbudget.app.roles import Principal
from perfbudget.store import Store
from perfbudget.web.errors import WebError
from perfbudget.web.filenames import content_disposition

MEDIA = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "csv": "text/csv; charset=utf-8"}
_CHUNK = 1 << 16


def _chunks(file: IO[bytes]) -> Iterator[bytes]:
    try:
        while chunk := file.read(_CHUNK):
            yield chunk
    finally:
        file.close()


def list_download(store: Store, principal: Principal, view: str, query: ListQuery, fmt: str) -> StreamingResponse:
    """The list ``view`` under ``query`` as an attachment; 422 (too_many_rows) past the export's bound, 429
    (too_many_exports) while the process writes as many lists as it may at once."""
    file = tempfile.SpooledTemporaryFile(max_size=8 << 20)  # noqa: SIM115 (closed by _chunks)
    try:
        with export_slot():
            write_list(store, principal, view, query, fmt, file)
    except TooManyRows as exc:
        file.close()
        raise WebError(422, "too_many_rows", str(exc)) from exc
    except TooManyExports as exc:
        file.close()
        raise WebError(429, "too_many_exports", str(exc)) from exc
    except BaseException:
        file.close()
        raise
    size = file.tell()
    file.seek(0)
    return StreamingResponse(_chunks(file), media_type=MEDIA[fmt],
                             headers={"Content-Disposition": content_disposition(export_name(view, query, fmt)),
                                      "Content-Length": str(size)})
