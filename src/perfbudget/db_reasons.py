"""Why a database could not be opened or used, in the Chinese the user reads.

The drivers say it in English (libpq: 「connection to server at "127.0.0.1", port 1 failed:
Connection refused」, 「FATAL:  database "x" does not exist」; SQLite: 「unable to open database
file」): ``perfbudget`` printed that after its Chinese lead until replay-s. The common reasons are
said in Chinese; others in the driver's first line after 「数据库报告：」, as
:mod:`perfbudget.os_reasons` does for the system's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Reason = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_REASONS: tuple[_Reason, ...] = (
    (re.compile(r'database "([^"]*)" does not exist'),
     lambda m: f"数据库「{m.group(1)}」不存在（请先创建，如 createdb {m.group(1)}）"),
    (re.compile(r'role "([^"]*)" does not exist'), lambda m: f"数据库用户「{m.group(1)}」不存在"),
    (re.compile(r'password authentication failed for user "([^"]*)"'),
     lambda m: f"数据库用户「{m.group(1)}」的密码不对"),
    (re.compile(r"no password supplied"), lambda m: "需要数据库密码（写在地址中，或用环境变量 PGPASSWORD、~/.pgpass）"),
    (re.compile(r"Connection refused"), lambda m: "连接被拒绝：该主机和端口上没有运行数据库服务器"),
    (re.compile(r"""(?:failed to resolve host '([^']*)'|could not translate host name "([^"]*)")"""),
     lambda m: f"无法解析主机名「{m.group(1) or m.group(2)}」"),
    (re.compile(r"timeout expired|timed out"), lambda m: "连接数据库超时"),
    (re.compile(r"permission denied"), lambda m: "数据库拒绝了该用户的操作（没有权限）"),
    (re.compile(r"unable to open database file"), lambda m: "无法打开数据库文件（所在目录不存在，或没有权限）"),
    (re.compile(r"attempt to write a readonly database|readonly database"), lambda m: "数据库文件只读，无法写入"),
    (re.compile(r"database is locked"), lambda m: "数据库正被其他进程锁定，请稍后重试"),
    (re.compile(r"file is not a database|file is encrypted or is not a database"),
     lambda m: "该文件不是 SQLite 数据库"),
)


def database_reason(exc: BaseException) -> str:
    """The reason ``exc`` (a SQLAlchemy error, or the driver's own) gives, in Chinese when it is a common one."""
    raw = str(getattr(exc, "orig", None) or exc).strip()
    for pattern, said in _REASONS:
        found = pattern.search(raw)
        if found:
            return said(found)
    first = raw.splitlines()[0].strip() if raw else ""
    return f"数据库报告：{first}" if first else "未知的数据库错误"
