"""Why a file could not be read or written, in the Chinese the user reads.

Python's ``OSError.strerror`` is the system's English ("No such file or directory", "Permission denied"): the
messages of the CLI, the readers and the backup said it as it was until 2026-12-05 (replay-i's left item). The
common reasons are said in Chinese, others in the system's words after a Chinese lead.
"""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOENT: "文件或目录不存在",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.EISDIR: "这是一个目录，不是文件",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统只读",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被占用",
    errno.EADDRINUSE: "地址或端口已被占用",
    errno.EADDRNOTAVAIL: "本机没有这个地址",
}


def os_reason(exc: OSError) -> str:
    """The reason of ``exc`` in Chinese (「没有权限」 …), else 「系统错误：」 and the system's own words."""
    known = _REASONS.get(exc.errno) if exc.errno is not None else None
    if known:
        return known
    return f"系统错误：{exc.strerror or exc}"
