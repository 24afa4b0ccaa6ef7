"""``perfbudget serve``'s request log: one line a request on the server's standard output.

uvicorn's own line is English, 「INFO:     127.0.0.1:55272 - "GET /login HTTP/1.1" 200 OK」 / 「401 Unauthorized」,
and ``bash scripts/run.sh`` shows it to the user below the Chinese start-up lines (found by replay-aa). Ours says
the time (the server's local time), the client, the request line as the client sent it and the status number:
「2026-12-07 12:05:01 请求 127.0.0.1:55272 "GET /login HTTP/1.1" 200」 — no English word of ours, and the request
line and the number read as they do in any server's log (``--no-access-log`` leaves it out). uvicorn's warnings and
errors (``uvicorn.error``: a request its parser refused, an exception's traceback) stay its own English, for the
operator; no answer a user receives carries them (docs/web.md)."""

from __future__ import annotations

from uvicorn.logging import AccessFormatter

FORMAT = '%(asctime)s 请求 %(client_addr)s "%(request_line)s" %(status_code)s'
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"


class RequestLineFormatter(AccessFormatter):
    """uvicorn's access formatter with the status number alone (its English reason phrase, 「OK」, 「Not Found」, left
    out); coloured on a terminal as uvicorn colours it."""

    def get_status_code(self, status_code: int) -> str:
        if not self.use_colors:
            return str(status_code)
        coloured = self.status_code_colours.get(status_code // 100)
        return coloured(status_code) if coloured else str(status_code)


def access_formatter() -> dict[str, str]:
    """The ``logging.config`` entry of the access formatter (uvicorn's ``LOGGING_CONFIG["formatters"]["access"]``)."""
    return {"()": f"{__name__}.RequestLineFormatter", "fmt": FORMAT, "datefmt": DATE_FORMAT}
