"""``perfbudget serve``'s request log: one line a request on the server's standard output.

uvicorn's own line is English, 「INFO:     127.0.0.1:55272 - "GET /login HTTP/1.1" 200 OK」 / 「401 Unauthorized」, and
``bash scripts/run.sh`` shows it to the user below the Chinese start-up lines (found by replay-aa). Ours says the
time (北京时间, marked), the client, the request line as the client sent it and the status number: 「2026-12-07 12:05:01
北京时间 请求 127.0.0.1:55272 "GET /login HTTP/1.1" 200」 — no English word of ours, and the request line and the number
read as they do in any server's log (``--no-access-log`` leaves it out). uvicorn's warnings and errors
(``uvicorn.error``: a request its parser refused, an exception's traceback) are said in Chinese since replay-ab
(:mod:`perfbudget.web.server_log`); no answer a user receives carries them (docs/web.md).

What a client sent is logged so that it cannot forge a line or leak a secret (attack37, docs/security.md); the time
is 北京时间, marked, as the pages say it (the server's local time, unmarked, until then); a query parameter whose name
says it holds a secret (``token``, ``password``, ``secret``, ``session``, ``csrf``, ``key``…) is logged as ``***``;
a control character, a byte above 0x7E or a space is percent-encoded (uvicorn's httptools parser refuses them,
another server protocol may not: a CR/LF would start a forged line, an ESC recolour the terminal); the request
target is cut at :data:`MAX_TARGET` characters (a 60,000-character path made a 60,000-character line)."""

from __future__ import annotations

import logging
import re
from copy import copy
from datetime import UTC, datetime
from urllib.parse import unquote

from uvicorn.logging import AccessFormatter

from perfbudget.app.times import shown

FORMAT = '%(asctime)s 请求 %(client_addr)s "%(request_line)s" %(status_code)s'
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
MAX_TARGET = 2_000  # characters of a request's target (path and query) a line keeps
SECRET_NAMES = re.compile(r"token|passw|secret|session|csrf|key|auth|credential", re.I)
_UNSAFE = re.compile(r'[^\x21\x23-\x7e]')  # controls, space, ", DEL, anything past ASCII


def _escaped(text: str) -> str:
    """``text`` with every character a log line may not hold as it is percent-encoded (uvicorn hands the target as
    bytes read as Latin-1: each such byte as it came; a character past U+00FF by its UTF-8 bytes)."""
    def encoded(found: re.Match[str]) -> str:
        char = found.group()
        return "".join(f"%{b:02X}" for b in char.encode("latin-1" if ord(char) < 256 else "utf-8", "replace"))

    return _UNSAFE.sub(encoded, text)


def _without_secrets(query: str) -> str:
    """A raw query string with the value of each parameter named as a secret replaced by ``***``."""
    def part(pair: str) -> str:
        name, equals, _ = pair.partition("=")
        return f"{name}=***" if equals and SECRET_NAMES.search(unquote(name.replace("+", " "))) else pair

    if not query or not SECRET_NAMES.search(unquote(query)):  # most queries: no such word anywhere
        return query
    return "&".join(part(pair) for pair in query.split("&"))


def logged_target(target: str) -> str:
    """A request's target (path and query, as the client sent it) as the log line shows it: no secret, no control
    character, at most :data:`MAX_TARGET` characters (then 「…（共 N 字符）」)."""
    path, mark, query = target.partition("?")
    safe = _escaped(path + mark + _without_secrets(query))
    return safe if len(safe) <= MAX_TARGET else f"{safe[:MAX_TARGET]}…（共 {len(safe)} 字符）"


class RequestLineFormatter(AccessFormatter):
    """uvicorn's access formatter with the status number alone (its English reason phrase, 「OK」, 「Not Found」, left
    out); coloured on a terminal as uvicorn colours it; the target as :func:`logged_target` gives it, the time in
    北京时间."""

    _second: tuple[int, str] = (-1, "")  # the last second said, and how (the requests of a second share it)

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        second = int(record.created)
        if second != self._second[0]:
            self._second = (second, shown(datetime.fromtimestamp(second, UTC), seconds=True))
        return self._second[1]

    def formatMessage(self, record: logging.LogRecord) -> str:
        if isinstance(record.args, tuple) and len(record.args) == 5:
            client, method, target, version, status = record.args
            record = copy(record)
            record.args = (_escaped(str(client)), _escaped(str(method)), logged_target(str(target)),
                           _escaped(str(version)), status)
        return super().formatMessage(record)

    def get_status_code(self, status_code: int) -> str:
        if not self.use_colors:
            return str(status_code)
        coloured = self.status_code_colours.get(status_code // 100)
        return coloured(status_code) if coloured else str(status_code)


def access_formatter() -> dict[str, str]:
    """The ``logging.config`` entry of the access formatter (uvicorn's ``LOGGING_CONFIG["formatters"]["access"]``)."""
    return {"()": f"{__name__}.RequestLineFormatter", "fmt": FORMAT, "datefmt": DATE_FORMAT}
