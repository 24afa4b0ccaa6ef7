"""``perfbudget serve``'s warnings and errors on the server's console, in Chinese.

uvicorn writes its own (the ``uvicorn.error`` logger, from WARNING up since faces-v) in English with an English level:
「WARNING:  Invalid HTTP request received.」, 「ERROR:    Exception in ASGI application」 — below the command's Chinese
start line, on the terminal of whoever ran ``perfbudget serve`` or ``bash scripts/run.sh`` (left by replay-aa; done
in replay-ab). This formatter says each of uvicorn's messages this server can meet in Chinese (:data:`MESSAGES`, by
the message's template, its arguments kept), and the level as 警告 / 错误; a traceback after it stays as Python
prints it (for whoever debugs it), and a message of uvicorn's not in the table (a later uvicorn's) is marked as its
own words: 「警告：uvicorn：…」. Messages whose template is already Chinese (the workers',
:mod:`perfbudget.web.workers`, and the request-head guard's, :mod:`perfbudget.web.http_protocol`) pass as they
are."""

from __future__ import annotations

import logging
import re
from copy import copy

from uvicorn.logging import DefaultFormatter

from perfbudget.model import Severity
from perfbudget.vocabulary import severity_label

FORMAT = "%(levelprefix)s%(message)s"
# the levels a finding's severity shares (警告, 错误: perfbudget.vocabulary, the one table of those words)
LEVELS = {logging.DEBUG: "调试", logging.INFO: "信息", logging.WARNING: severity_label(Severity.WARNING),
          logging.ERROR: severity_label(Severity.ERROR), logging.CRITICAL: "严重错误"}
# uvicorn 0.55's messages at WARNING and above (``uvicorn/protocols/http/*``, ``server.py``, ``lifespan/on.py``), by
# template: %-arguments stay where the template has them. Our own (``web/workers.py``, ``web/http_protocol.py``) are
# written in Chinese where they are logged.
MESSAGES = {
    "Invalid HTTP request received.": "收到无法解析的 HTTP 请求，已回答 400",
    "Unsupported upgrade request.": "不支持的协议升级请求（如 WebSocket），按普通请求处理",
    "No supported WebSocket library detected. Please use \"pip install 'uvicorn[standard]'\", or install "
    "'websockets' or 'wsproto' manually.": "未安装 WebSocket 库（网页端不使用 WebSocket），不升级该连接",
    "Exceeded concurrency limit.": "同时处理的请求数超过上限，已回答 503",
    "Exception in ASGI application\n": "处理请求时程序出错（已回答 500，或关闭了连接），错误详情如下：",
    "Exception in 'lifespan' protocol\n": "网页端启动或停止时程序出错，错误详情如下：",
    "ASGI callable should return None, but returned '%s'.": "程序处理请求后返回了意外的值「%s」，已关闭连接",
    "ASGI callable returned without starting response.": "程序没有回答该请求，已回答 500",
    "ASGI callable returned without completing response.": "程序的回答没有发送完整，已关闭连接",
    "Cancel %s running task(s), timeout graceful shutdown exceeded": "停止时等待超时：取消 %s 个仍在处理的请求",
    "Application startup failed. Exiting.": "网页端启动失败，退出",
    "Application shutdown failed. Exiting.": "网页端停止时出错，退出",
}
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def chinese_message(record: logging.LogRecord) -> str:
    """The record's message in Chinese: a known template translated with its arguments, a Chinese one as it is,
    another marked as uvicorn's own words."""
    template = MESSAGES.get(record.msg) if isinstance(record.msg, str) else None
    if template is not None:
        said = copy(record)
        said.msg = template
        return said.getMessage()
    message = record.getMessage()  # Chinese by its template: an English one with a Chinese path is still English
    return message if _CHINESE.search(str(record.msg)) else f"uvicorn：{message}"


class ServerLogFormatter(DefaultFormatter):
    """uvicorn's default formatter (coloured on a terminal as uvicorn colours it) with the level and the message in
    Chinese: 「警告：收到无法解析的 HTTP 请求，已回答 400」."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        said = copy(record)
        level = LEVELS.get(record.levelno, record.levelname)
        shown = self.color_level_name(level, record.levelno) if self.use_colors else level
        said.__dict__["levelprefix"] = shown + "："
        said.__dict__["message"] = chinese_message(record)
        return logging.Formatter.formatMessage(self, said)


def server_formatter() -> dict[str, object]:
    """The ``logging.config`` entry of the formatter (uvicorn's ``LOGGING_CONFIG["formatters"]["default"]``)."""
    return {"()": f"{__name__}.ServerLogFormatter", "fmt": FORMAT, "use_colors": None}
