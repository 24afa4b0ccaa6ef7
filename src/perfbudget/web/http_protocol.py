"""uvicorn's httptools protocol with a bound on a request's head (request line and headers).

httptools (llhttp) hands uvicorn a header value or the URL in pieces, and uvicorn joins them as
they come: nothing bounds them. One client sending a header without end made a ``perfbudget
serve`` process grow by the bytes sent (300 MB sent: 180 → 525 MB resident) before any route or
middleware ran. :class:`BoundedHttpToolsProtocol` counts the bytes received while a request's
head is incomplete and, past :data:`MAX_HEAD_BYTES`, answers 431 and closes the connection
(nginx's default allows 4 × 8 KiB per header line; a session cookie is some 200 bytes).
``perfbudget serve`` runs uvicorn with it (:data:`PROTOCOL`); a reverse proxy bounds heads too.

A request the HTTP parser itself refuses (a raw byte above 0x7F or a space in the request line, a control character
in a header: no route or middleware sees it) is answered 400 by uvicorn with its own English words, 「Invalid HTTP
request received.」; this protocol says it in Chinese and how to send such an address, most often one with Chinese
not percent-encoded (``curl 'http://…/api/v1/projects?q=检察'``), with ``Cache-Control: no-store``
(:meth:`BoundedHttpToolsProtocol.send_400_response`, since attack30 and replay-v), as every answer of the app.
"""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

MAX_HEAD_BYTES = 64 * 1024
PROTOCOL = "perfbudget.web.http_protocol:BoundedHttpToolsProtocol"  # uvicorn's ``http`` setting
_MESSAGE = "请求头过大（请求行与请求头合计上限 64 KB）".encode()
UNREADABLE = ("无法读取的 HTTP 请求：网址中的中文、空格等字符须按百分号编码（如 ?q=%E6%A3%80%E5%AF%9F；curl 可用 "
              "-G --data-urlencode 'q=检察'），请求行与请求头须符合 HTTP/1.1").encode()


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """See the module docstring. Memory per connection: at most the bound plus one read."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._in_head = True
        self._head_bytes = 0

    def data_received(self, data: bytes) -> None:
        if self._in_head:
            self._head_bytes += len(data)
        super().data_received(data)
        if self._in_head and self._head_bytes > MAX_HEAD_BYTES and not self.transport.is_closing():
            self._refuse()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_head, self._head_bytes = True, 0

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()

    def send_400_response(self, msg: str) -> None:
        """uvicorn's answer to a request its parser refuses (``msg``: 「Invalid HTTP request received.」), in Chinese;
        uvicorn's words are logged."""
        self.logger.info("Request refused by the HTTP parser (400): %s", msg)
        head = [b"HTTP/1.1 400 Bad Request\r\n"]
        for name, value in self.server_state.default_headers:
            head.extend([name, b": ", value, b"\r\n"])
        head.append(b"content-type: text/plain; charset=utf-8\r\ncache-control: no-store\r\n"
                    b"content-length: " + str(len(UNREADABLE)).encode("ascii") + b"\r\nconnection: close\r\n\r\n")
        self.transport.write(b"".join(head) + UNREADABLE)
        self.transport.close()

    def _refuse(self) -> None:
        self.logger.warning("请求头超过 %d 字节，已拒绝（431）", MAX_HEAD_BYTES)
        self.transport.write(b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
                             b"content-type: text/plain; charset=utf-8\r\n"
                             b"content-length: " + str(len(_MESSAGE)).encode("ascii") + b"\r\n"
                             b"connection: close\r\n\r\n" + _MESSAGE)
        self.transport.close()
